import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarise } from '../../..//src/engine/compare.js';
import { compare } from '../../../src/front-door.js';
import type { Obligation, Recording, Report } from '../../../src/report/types.js';

describe('compare: what is overdue now', () => {
  it('counts obligations past due and records not yet written, apart', () => {
    const o = (status: Obligation['status']) => ({ status, dueOn: '2025-03-01' }) as Obligation;
    const r = (status: Recording['status']) => ({ status }) as Recording;
    const report = {
      asOf: '2025-03-10',
      totals: { deadlines: 0, deadlinesMet: 0, records: 0, recordsOnTime: 0 },
      breaches: [],
      obligations: [o('overdue'), o('upcoming'), o('overdue')],
      recordings: [r('overdue'), r('pending'), r('late'), r('on-time'), r('overdue'), r('overdue')],
    } as unknown as Report;
    expect(summarise(report).overdueNow).toEqual({ sessions: 2, records: 3 });
  });

  it('York on the example team (1 Dec 2025): no session overdue, 21 records not written (it said 0)', () => {
    const history = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../fixtures/example/history.json'), 'utf8'),
    );
    const [york] = compare(history, { asOf: '2025-12-01', policies: ['york'] }).results;
    // 11 YRK-7 and YRK-12 records and 10 YRK-13 typed case notes.
    expect(york!.summary.overdueNow).toEqual({ sessions: 0, records: 21 });
    expect(york!.report.recordings.filter((x) => x.status === 'overdue')).toHaveLength(21);
  });
});
