/**
 * Session-length rules, worked by hand: a session under the minimum is one `too-short` breach; a
 * session with no `durationMinutes` cannot be judged and is reported not evaluable, naming it.
 */
import { describe, expect, it } from 'vitest';
import { breachesOf, oneToOne, run, staff } from '../helpers.js';

describe('SWK-1 (90-minute formal supervision): a session with no durationMinutes is notEvaluable', () => {
  // S1, a social worker since 2020. Three 1:1s in June 2025, asOf Mon 30 Jun 2025:
  //   Thu 5 Jun, 60 minutes: 90 − 60 = 30 minutes short → too-short, shortfall 30.
  //   Thu 12 Jun, no durationMinutes: length unknown → notEvaluable for E-NODUR (before: silently passed).
  //   Thu 19 Jun, 90 minutes: 90 ≥ 90 → nothing.
  const history = {
    staff: [staff('S1')],
    events: [
      oneToOne('S1', '2025-06-05', { id: 'E-SHORT', durationMinutes: 60 }),
      oneToOne('S1', '2025-06-12', { id: 'E-NODUR' }),
      oneToOne('S1', '2025-06-19', { id: 'E-FULL', durationMinutes: 90 }),
    ],
  };
  const report = run('southwark', history, '2025-06-30');

  it('the 60-minute session is too short by 30; the 90-minute one passes', () => {
    expect(breachesOf(report, 'SWK-1').map((b) => [b.kind, b.eventId, b.shortfall])).toEqual([
      ['too-short', 'E-SHORT', { minutes: 30 }],
    ]);
  });

  it('the session with no length is not evaluable, once, naming the session', () => {
    const ne = report.notEvaluable.filter((n) => n.ruleId === 'SWK-1');
    expect(ne.map((n) => [n.subject.id, n.eventId])).toEqual([['S1', 'E-NODUR']]);
    expect(ne[0]!.reason).toBe(
      "S1's session E-NODUR on Thu 12 Jun 2025 has no durationMinutes, so whether it lasted the 90 minutes of 90-minute formal supervision is unknown",
    );
  });

  it('a session after asOf, or cancelled, with no length is not reported', () => {
    const later = run(
      'southwark',
      {
        staff: [staff('S1')],
        events: [
          oneToOne('S1', '2025-07-03', { id: 'E-LATER' }),
          oneToOne('S1', '2025-06-26', { id: 'E-CANC', status: 'cancelled' }),
        ],
      },
      '2025-06-30',
    );
    expect(later.notEvaluable.filter((n) => n.ruleId === 'SWK-1')).toEqual([]);
  });
});
