import { describe, expect, it } from 'vitest';
import type { Basis, BeforeDateBasis } from '../../src/report/types.js';
import { event, run, staff } from '../helpers.js';
import { type Ev, none, type Outcome, onTime, outcome, policyOf } from './test-policies.js';

/*
 * Worked examples for ahead-of-date rules (src/rules/ahead-of-date.ts) and the deadline judging the one-off kinds share
 * (src/engine/deadline.ts). The policy holds the one rule under test, so the report's totals count its
 * deadlines alone. Dates are worked by hand in comments.
 */

// ---------------------------------------------------------------------------------------------------
// ahead-of-date: a discussion 42 days before the child-protection review (a GLO-8-like rule). Episode from
// Mon 6 Jan 2025: discussions count from 6 Jan + 6 months = Sun 6 Jul 2025; with no review between 6 Jul 2025
// (exclusive) and Tue 6 Jan 2026, the date is 6 Jan + 9 months = Mon 6 Oct 2025, so due 6 Oct - 42 days = Mon 25 Aug.
// ---------------------------------------------------------------------------------------------------

const ahead = {
  kind: 'ahead-of-date',
  name: 'discussion before the review conference',
  activity: 'case-discussion',
  subject: 'case',
  counts: ['one-to-one', 'case-discussion'],
  episode: 'child-protection',
  target: { after: { months: 9 }, reviewFrom: { months: 6 }, reviewTo: { months: 12 } },
  lead: { days: 42 },
  opensAfter: { months: 6 },
};
/** 42 days before `target`; discussions count from Sun 6 Jul 2025 (the sentences: test/report/wording.test.ts). */
const ad = (
  target: { on: string; review: true } | { on: string; after: { months: number } },
): BeforeDateBasis => ({
  kind: 'before-date',
  from: { reason: 'episode-began', on: '2025-01-06', episode: 'child-protection' },
  lead: { days: 42 },
  target,
  countsFrom: '2025-07-06',
});
/** 42 days before Mon 6 Oct 2025, 9 months after the child-protection episode began on Mon 6 Jan 2025. */
const AD_BASIS = ad({ on: '2025-10-06', after: { months: 9 } });
const adMissed = (days: number) => ({
  kind: 'missed',
  dueOn: '2025-08-25',
  metOn: null,
  daysLate: days,
  basis: AD_BASIS,
});
/** Discussed Tue 26 Aug: 1 day late. */
const AD_LATE_1: Outcome = {
  breaches: [
    {
      kind: 'late',
      dueOn: '2025-08-25',
      metOn: '2025-08-26',
      daysLate: 1,
      basis: AD_BASIS,
    },
  ],
  obligations: [],
  totals: [1, 0],
};
const adOverdue = {
  dueOn: '2025-08-25',
  status: 'overdue',
  lastMetOn: null,
  basis: AD_BASIS,
};
const adUpcoming = (dueOn: string, basis: Basis) => ({
  breaches: [],
  obligations: [
    {
      dueOn,
      status: 'upcoming',
      lastMetOn: null,
      basis,
    },
  ],
  totals: [0, 0] as [number, number],
});
const cpDiscussion = (date: string, extra = {}) =>
  event('case-discussion', date, { superviseeId: 'W1', caseIds: ['C1'], ...extra });

describe('ahead-of-date (42 days before the 9-month review)', () => {
  it.each<{
    name: string;
    events?: Ev[];
    asOf?: string;
    recordsFrom?: string;
    caseExtra?: Record<string, unknown>;
    episode?: Record<string, unknown>;
    expected: Outcome;
  }>([
    {
      name: 'discussed on the due day (25 Aug): on time',
      events: [cpDiscussion('2025-08-25')],
      expected: onTime(),
    },
    {
      name: 'discussed the day after (Tue 26 Aug): 1 day late',
      events: [cpDiscussion('2025-08-26')],
      expected: AD_LATE_1,
    },
    {
      name: 'discussed on asOf (26 Aug): counts, 1 day late',
      events: [cpDiscussion('2025-08-26')],
      asOf: '2025-08-26',
      expected: AD_LATE_1,
    },
    {
      name: 'discussed on the day discussions start to count (Sun 6 Jul): on time',
      events: [cpDiscussion('2025-07-06')],
      expected: onTime(),
    },
    {
      // Nothing counting by Mon 1 Sep: 25 Aug to 1 Sep = 7 days overdue.
      name: 'discussed the day before they count (Sat 5 Jul): not met (still the last discussion)',
      events: [cpDiscussion('2025-07-05')],
      asOf: '2025-09-01',
      expected: {
        breaches: [adMissed(7)],
        obligations: [{ ...adOverdue, lastMetOn: '2025-07-05' }],
        totals: [1, 0],
      },
    },
    {
      name: 'a cancelled discussion does not count',
      events: [cpDiscussion('2025-08-20', { status: 'cancelled' })],
      asOf: '2025-09-01',
      expected: { breaches: [adMissed(7)], obligations: [adOverdue], totals: [1, 0] },
    },
    {
      name: 'a review on 6 Jul 2025 (exactly 6 months) is not in the span: 9 months is the date',
      caseExtra: { reviews: ['2025-07-06'] },
      asOf: '2025-08-01',
      expected: adUpcoming('2025-08-25', AD_BASIS),
    },
    {
      name: 'a review before 6 months (Thu 3 Apr 2025) is not in the span',
      caseExtra: { reviews: ['2025-04-03'] },
      asOf: '2025-08-01',
      expected: adUpcoming('2025-08-25', AD_BASIS),
    },
    {
      name: 'a review after 12 months (Sun 1 Feb 2026) is not in the span',
      caseExtra: { reviews: ['2026-02-01'] },
      asOf: '2025-08-01',
      expected: adUpcoming('2025-08-25', AD_BASIS),
    },
    {
      // Mon 1 Dec 2025 - 42 days = Mon 20 Oct 2025.
      name: 'a review inside the span (Mon 1 Dec 2025) is the date: due 20 Oct',
      caseExtra: { reviews: ['2025-12-01'] },
      asOf: '2025-08-01',
      expected: adUpcoming('2025-10-20', ad({ on: '2025-12-01', review: true })),
    },
    {
      // Tue 6 Jan 2026 - 42 days = Tue 25 Nov 2025.
      name: 'a review at exactly 12 months (Tue 6 Jan 2026) is in the span: due 25 Nov',
      caseExtra: { reviews: ['2026-01-06'] },
      asOf: '2025-08-01',
      expected: adUpcoming('2025-11-25', ad({ on: '2026-01-06', review: true })),
    },
    {
      name: 'an episode of another type (child-in-need) is not judged',
      episode: { type: 'child-in-need', from: '2025-01-06' },
      asOf: '2025-09-01',
      expected: none,
    },
    {
      name: 'a case closed before the due date (Fri 1 Aug) is not judged',
      caseExtra: { closedDate: '2025-08-01' },
      asOf: '2025-09-30',
      expected: none,
    },
    {
      // Closed Sun 31 Aug: counted to 1 Sep, 7 days late.
      name: 'a case closed after the due date: missed, closed with the case',
      caseExtra: { closedDate: '2025-08-31' },
      asOf: '2025-09-30',
      expected: {
        breaches: [
          {
            kind: 'missed',
            dueOn: '2025-08-25',
            metOn: null,
            daysLate: 7,
            basis: { ...AD_BASIS, closed: { reason: 'case-closed', caseId: 'C1' } },
          },
        ],
        obligations: [],
        totals: [1, 0],
      },
    },
    {
      name: 'the episode ending (Sun 31 Aug) while the case stays open closes it as the episode ended',
      episode: { type: 'child-protection', from: '2025-01-06', to: '2025-08-31' },
      asOf: '2025-09-30',
      expected: {
        breaches: [
          {
            kind: 'missed',
            dueOn: '2025-08-25',
            metOn: null,
            daysLate: 7,
            basis: { ...AD_BASIS, closed: { reason: 'episode-ended', episode: 'child-protection' } },
          },
        ],
        obligations: [],
        totals: [1, 0],
      },
    },
    {
      name: 'the window opening (6 Jul) the day before recordsFrom (7 Jul): not judged',
      recordsFrom: '2025-07-07',
      asOf: '2025-09-01',
      expected: none,
    },
    {
      name: 'the window opening on recordsFrom (6 Jul): judged',
      recordsFrom: '2025-07-06',
      asOf: '2025-09-01',
      expected: { breaches: [adMissed(7)], obligations: [adOverdue], totals: [1, 0] },
    },
  ])('$name', ({ events = [], asOf = '2025-10-31', recordsFrom, caseExtra, episode, expected }) => {
    const history = {
      ...(recordsFrom === undefined ? {} : { recordsFrom }),
      staff: [staff('W1')],
      cases: [
        { id: 'C1', episodes: [episode ?? { type: 'child-protection', from: '2025-01-06' }], ...caseExtra },
        // No episode or allocation: never open, nothing to judge.
        { id: 'C0' },
      ],
      events,
    };
    expect(outcome(run(policyOf(ahead), history, asOf))).toEqual(expected);
  });
});
