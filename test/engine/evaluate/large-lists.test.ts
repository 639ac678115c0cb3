import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/calendar/index.js';
import { evaluate } from '../../../src/front-door.js';

describe('large lists do not overflow the stack', () => {
  it('YRK-6: a case with 130,000 allocations opens on the earliest of them (found without spreading)', () => {
    // Allocations cycle backwards over 2,000 days, so the earliest, Mon 2025-01-06, comes last in
    // each cycle. The case opens then; YRK-6 wants it discussed within 3 calendar months:
    // due 2025-04-06, never met → one breach by asOf 2025-05-01 (York's policy took effect on 2020-12-01).
    const allocations = Array.from({ length: 130_000 }, (_, i) => ({
      workerId: 'S1',
      from: addDays('2025-01-06', 1999 - (i % 2000)),
      to: null,
    }));
    const history = {
      staff: [{ id: 'S1', role: 'social-worker', startDate: '2025-01-06' }],
      cases: [{ id: 'C1', allocations }],
    };
    const report = evaluate('york', history, { asOf: '2025-05-01' });
    const dues = report.breaches.filter((b) => b.ruleId === 'YRK-6').map((b) => b.dueOn);
    expect(dues).toEqual(['2025-04-06']);
  });
});
