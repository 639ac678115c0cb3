import { describe, expect, it } from 'vitest';
import type { Basis, Closure } from '../../src/report/types.js';
import { event, run, staff } from '../helpers.js';
import { type Ev, none, type Outcome, onTime, outcome, policyOf } from './test-policies.js';

/*
 * Worked examples for follow-up rules (src/rules/follow-up.ts) and the deadline judging the one-off kinds share
 * (src/engine/deadline.ts). The policy holds the one rule under test, so the report's totals count its
 * deadlines alone. Dates are worked by hand in comments.
 */

// ---------------------------------------------------------------------------------------------------
// follow-up: after each appraisal a progress review within 6 months (a YRK-9-like rule). The group counts
// only as the supervisee's own event, so a group S1 attends does not meet it.
// Appraisal Mon 6 Jan 2025: review due Sun 6 Jul 2025.
// ---------------------------------------------------------------------------------------------------

const followUp = {
  kind: 'follow-up',
  name: 'PDR progress review',
  activity: 'appraisal-review',
  subject: 'staff',
  trigger: ['appraisal'],
  counts: ['appraisal-review', 'group'],
  within: { months: 6 },
};
/** 6 months after the appraisal on `on` (the appraisal's id is the helper's counter; the sentence has no id). */
const fu = (on: string, closed?: Closure): Basis => ({
  kind: 'within',
  from: { reason: 'event', on, eventId: expect.any(String), eventType: 'appraisal' },
  within: { months: 6 },
  ...(closed === undefined ? {} : { closed }),
});
const FU_BASIS = fu('2025-01-06');
const FU_BASIS_2 = fu('2025-09-01');
const fuMissed = (days: number) => ({
  kind: 'missed',
  dueOn: '2025-07-06',
  metOn: null,
  daysLate: days,
  basis: FU_BASIS,
});
const fuOverdue = (lastMetOn: string | null) => ({
  dueOn: '2025-07-06',
  status: 'overdue',
  lastMetOn,
  basis: FU_BASIS,
});
// Two appraisals (6 Jan, Mon 1 Sep): the first review's window ends Sun 31 Aug, counted to 1 Sep: 57 days late.
const FU_CLOSED_BY_NEXT = {
  kind: 'missed',
  dueOn: '2025-07-06',
  metOn: null,
  daysLate: 57,
  basis: fu('2025-01-06', { reason: 'next-event', eventType: 'appraisal' }),
};
const fuNext = (lastMetOn: string | null) => ({
  dueOn: '2026-03-01',
  status: 'upcoming',
  lastMetOn,
  basis: FU_BASIS_2,
});

/** The PDR progress review due Sun 6 Jul 2025 held late, on `metOn`. */
const fuLate = (metOn: string, days: number): Outcome => ({
  breaches: [
    {
      kind: 'late',
      dueOn: '2025-07-06',
      metOn,
      daysLate: days,
      basis: FU_BASIS,
    },
  ],
  obligations: [],
  totals: [1, 0],
});
const appraisal = (date: string) => event('appraisal', date, { superviseeId: 'S1' });
const review = (date: string, extra = {}) =>
  event('appraisal-review', date, { superviseeId: 'S1', ...extra });

describe('follow-up (appraisal, review within 6 months)', () => {
  it.each<{ name: string; events: Ev[]; asOf: string; endDate?: string; expected: Outcome }>([
    {
      name: 'review on the due day (Sun 6 Jul): on time',
      events: [appraisal('2025-01-06'), review('2025-07-06')],
      asOf: '2025-08-01',
      expected: onTime(),
    },
    {
      name: 'review the day after (Mon 7 Jul): 1 day late',
      events: [appraisal('2025-01-06'), review('2025-07-07')],
      asOf: '2025-08-01',
      expected: fuLate('2025-07-07', 1),
    },
    {
      // A review on the appraisal's own day is not after it: 6 Jul to Fri 1 Aug = 26 days overdue.
      name: 'a review on the day of the appraisal does not follow it up',
      events: [appraisal('2025-01-06'), review('2025-01-06')],
      asOf: '2025-08-01',
      expected: { breaches: [fuMissed(26)], obligations: [fuOverdue('2025-01-06')], totals: [1, 0] },
    },
    {
      name: 'a review before the appraisal does not follow it up',
      events: [review('2025-01-02'), appraisal('2025-01-06')],
      asOf: '2025-08-01',
      expected: { breaches: [fuMissed(26)], obligations: [fuOverdue('2025-01-02')], totals: [1, 0] },
    },
    {
      name: 'a cancelled review does not count (and a cancelled appraisal starts nothing)',
      events: [
        appraisal('2025-01-06'),
        review('2025-07-01', { status: 'cancelled' }),
        event('appraisal', '2025-07-02', { superviseeId: 'S1', status: 'cancelled' }),
      ],
      asOf: '2025-08-01',
      expected: { breaches: [fuMissed(26)], obligations: [fuOverdue(null)], totals: [1, 0] },
    },
    {
      // The group (Tue 1 Jul) is S1's as a participant, not as supervisee: it does not meet the review
      // (it is still S1's last qualifying event).
      name: 'a group S1 attends is not S1 own follow-up',
      events: [appraisal('2025-01-06'), event('group', '2025-07-01', { participantIds: ['S1'] })],
      asOf: '2025-08-01',
      expected: { breaches: [fuMissed(26)], obligations: [fuOverdue('2025-07-01')], totals: [1, 0] },
    },
    {
      name: 'a review after asOf (Tue 5 Aug) is not known on Fri 1 Aug',
      events: [appraisal('2025-01-06'), review('2025-08-05')],
      asOf: '2025-08-01',
      expected: { breaches: [fuMissed(26)], obligations: [fuOverdue(null)], totals: [1, 0] },
    },
    {
      name: 'a review on asOf (Fri 1 Aug) counts: 26 days late',
      events: [appraisal('2025-01-06'), review('2025-08-01')],
      asOf: '2025-08-01',
      expected: fuLate('2025-08-01', 26),
    },
    {
      name: 'the next appraisal (Mon 1 Sep) closes the first review; the second is upcoming (1 Sep + 6 months = Sun 1 Mar 2026)',
      events: [appraisal('2025-01-06'), appraisal('2025-09-01')],
      asOf: '2025-10-01',
      expected: { breaches: [FU_CLOSED_BY_NEXT], obligations: [fuNext(null)], totals: [1, 0] },
    },
    {
      // 6 Jul to 31 Aug = 56 days late.
      name: 'a review on the last day before the next appraisal (Sun 31 Aug) still counts',
      events: [appraisal('2025-01-06'), review('2025-08-31'), appraisal('2025-09-01')],
      asOf: '2025-10-01',
      expected: {
        breaches: [
          {
            kind: 'late',
            dueOn: '2025-07-06',
            metOn: '2025-08-31',
            daysLate: 56,
            basis: FU_BASIS,
          },
        ],
        obligations: [fuNext('2025-08-31')],
        totals: [1, 0],
      },
    },
    {
      name: 'a review after the next appraisal (Mon 15 Sep) follows up the second one only',
      events: [appraisal('2025-01-06'), appraisal('2025-09-01'), review('2025-09-15')],
      asOf: '2025-10-01',
      expected: { breaches: [FU_CLOSED_BY_NEXT], obligations: [], totals: [2, 1] },
    },
    {
      name: 'left Mon 30 Jun, before the due date: not judged',
      events: [appraisal('2025-01-06')],
      endDate: '2025-06-30',
      asOf: '2025-08-01',
      expected: none,
    },
    {
      // Left Thu 31 Jul: counted to Fri 1 Aug, 26 days late.
      name: 'left Thu 31 Jul, after the due date: missed, closed by leaving',
      events: [appraisal('2025-01-06')],
      endDate: '2025-07-31',
      asOf: '2025-09-01',
      expected: {
        breaches: [
          {
            kind: 'missed',
            dueOn: '2025-07-06',
            metOn: null,
            daysLate: 26,
            basis: fu('2025-01-06', { reason: 'left', staffId: 'S1' }),
          },
        ],
        obligations: [],
        totals: [1, 0],
      },
    },
  ])('$name', ({ events, asOf, endDate, expected }) => {
    const history = { staff: [staff('S1', endDate ? { endDate } : {})], events };
    expect(outcome(run(policyOf(followUp), history, asOf))).toEqual(expected);
  });

  it('a breach names the appraisal it follows up (eventId)', () => {
    const trigger = { ...appraisal('2025-01-06'), id: 'PDR-1' };
    const report = run(policyOf(followUp), { staff: [staff('S1')], events: [trigger] }, '2025-08-01');
    expect(report.breaches.map((b) => [b.eventId, b.severity, b.activity])).toEqual([
      ['PDR-1', 'breach', 'appraisal-review'],
    ]);
  });

  it('YRK-9 (York): the same worked example under the built-in policy', () => {
    const report = run('york', { staff: [staff('S1')], events: [appraisal('2025-01-06')] }, '2025-08-01');
    // (YRK-9 also has the annual appraisal itself, activity "appraisal".)
    const b = report.breaches.filter((x) => x.ruleId === 'YRK-9' && x.activity === 'appraisal-review');
    expect(b.map((x) => [x.kind, x.dueOn, x.daysLate, x.basis])).toEqual([
      ['missed', '2025-07-06', 26, FU_BASIS],
    ]);
  });
});
