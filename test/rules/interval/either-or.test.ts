/**
 * Either/or frequencies ("weekly or fortnightly") on any interval rule: the schedule's interval is the
 * shorter (when the session is due), `breachAfter` the longer (when missing it is a breach). Worked on
 * a fictional council's rule, FEN-1, not on Nottingham's NOT-7 where the construct first appeared.
 */
import { describe, expect, it } from 'vitest';
import { breachesOf, brief, fenchesterPolicy, obligationsOf, oneToOne, run, staff } from '../../helpers.js';

const fenchester = fenchesterPolicy([
  {
    id: 'FEN-1',
    kind: 'interval',
    name: 'weekly or fortnightly supervision',
    activity: 'one-to-one',
    strength: 'must',
    subject: 'staff',
    counts: ['one-to-one'],
    schedule: [{ interval: { weeks: 1 }, label: 'weekly or fortnightly' }],
    breachAfter: { weeks: 2 },
    citation: {
      source: 'fenchester-supervision.txt',
      section: '2. Frequency',
      quote: 'Supervision will take place weekly or fortnightly.',
    },
    note: 'Interpretation: due weekly (the shorter), a breach only when nothing is held within a fortnight (the longer).',
  },
]);

describe('FEN-1 (weekly or fortnightly): due at 7 days, a breach only past 14', () => {
  // S1 starts Mon 2 Jun 2025; 1:1s on Mon 2 Jun, Tue 10 Jun and Wed 2 Jul 2025; asOf Mon 14 Jul 2025.
  //   2 Jun: due 2 Jun + 7 = Mon 9 Jun, breach after 2 Jun + 14 = Mon 16 Jun.
  //   10 Jun: after the weekly due date but before 16 Jun: no breach. Next due 17 Jun, breach after 24 Jun.
  //   2 Jul: after Tue 24 Jun: one late breach, dueOn 24 Jun, 2 Jul − 24 Jun = 8 days late.
  //   Next: due 2 Jul + 7 = Wed 9 Jul (overdue on 14 Jul), breachOn 2 Jul + 14 = Wed 16 Jul (not yet).
  const history = {
    staff: [staff('S1', { startDate: '2025-06-02' })],
    events: [oneToOne('S1', '2025-06-02'), oneToOne('S1', '2025-06-10'), oneToOne('S1', '2025-07-02')],
  };
  const report = run(fenchester, history, '2025-07-14');

  it('one late breach, dated at the longer interval: due 24 Jun, met 2 Jul, 8 days late', () => {
    expect(breachesOf(report, 'FEN-1').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-06-24', metOn: '2025-07-02', daysLate: 8 },
    ]);
  });

  it('the obligation is overdue at the shorter interval (9 Jul) and says when it becomes a breach (16 Jul)', () => {
    const [o] = obligationsOf(report, 'FEN-1');
    expect([o?.dueOn, o?.status, o?.breachOn]).toEqual(['2025-07-09', 'overdue', '2025-07-16']);
  });

  it('nothing by the longer interval is a missed breach: asOf Mon 21 Jul, dueOn 16 Jul, 5 days', () => {
    // 21 Jul − 16 Jul = 5 days.
    const later = run(fenchester, history, '2025-07-21');
    expect(breachesOf(later, 'FEN-1').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-06-24', metOn: '2025-07-02', daysLate: 8 },
      { kind: 'missed', dueOn: '2025-07-16', metOn: null, daysLate: 5 },
    ]);
  });
});
