import { describe, expect, it } from 'vitest';
import type { WithinBasis } from '../../src/report/types.js';
import { event, run, staff } from '../helpers.js';
import { type Ev, none, type Outcome, onTime, outcome, policyOf } from './test-policies.js';

/*
 * Worked examples for milestones rules (src/rules/milestones.ts) and the deadline judging the one-off kinds share
 * (src/engine/deadline.ts). The policy holds the one rule under test, so the report's totals count its
 * deadlines alone. Dates are worked by hand in comments.
 */

// ---------------------------------------------------------------------------------------------------
// milestones: probation reviews 3 and 6 months after the anchor (an SWK-3-like rule). In the table the anchor
// is the role start: S1 (employed since Mon 3 Jun 2024) starts in role Mon 6 Jan 2025, so the reviews are due
// 6 Apr (Sun) and 6 Jul (Sun). (A review before the role start is a valid history; one before employment is not.)
// ---------------------------------------------------------------------------------------------------

const milestones = (anchor: string) => ({
  kind: 'milestones',
  name: 'probation review',
  activity: 'probation-review',
  subject: 'staff',
  counts: ['probation-review'],
  anchor,
  at: [{ months: 3 }, { months: 6 }],
});
const probation = (date: string, extra = {}) =>
  event('probation-review', date, { superviseeId: 'S1', ...extra });
// The anchor in the table below is the role start (6 Jan), and the basis says so; `milestone` names the
// review by its offset ("3 months probation review", test/report/wording.test.ts).
const milestone = (months: number): WithinBasis => ({
  kind: 'within',
  from: { reason: 'started-in-role', on: '2025-01-06', staffId: 'S1' },
  within: { months },
  milestone: true,
});
const MS3 = milestone(3);
const MS6 = milestone(6);
// Nothing counting by Wed 30 Apr: 6 Apr to 30 Apr = 24 days overdue.
const ms3Missed = {
  kind: 'missed',
  dueOn: '2025-04-06',
  metOn: null,
  daysLate: 24,
  basis: MS3,
};
const ms3Overdue = {
  dueOn: '2025-04-06',
  status: 'overdue',
  lastMetOn: null,
  basis: MS3,
};
const ms6Upcoming = (lastMetOn: string | null) => ({
  dueOn: '2025-07-06',
  status: 'upcoming',
  lastMetOn,
  basis: MS6,
});

describe('milestones (probation reviews at 3 and 6 months)', () => {
  it.each<{
    name: string;
    events: Ev[];
    asOf: string;
    recordsFrom?: string;
    staffExtra?: Record<string, unknown>;
    expected: Outcome;
  }>([
    {
      name: 'reviews on Tue 1 Apr and Tue 1 Jul: both on time, each review used once',
      events: [probation('2025-04-01'), probation('2025-07-01')],
      asOf: '2025-08-01',
      expected: onTime(2),
    },
    {
      // One review (1 Apr) meets the 3-month milestone; the 6-month one is overdue by Fri 1 Aug: 26 days.
      name: 'one review meets only the first milestone',
      events: [probation('2025-04-01')],
      asOf: '2025-08-01',
      expected: {
        breaches: [
          {
            kind: 'missed',
            dueOn: '2025-07-06',
            metOn: null,
            daysLate: 26,
            basis: MS6,
          },
        ],
        obligations: [
          {
            dueOn: '2025-07-06',
            status: 'overdue',
            lastMetOn: '2025-04-01',
            basis: MS6,
          },
        ],
        totals: [2, 1],
      },
    },
    {
      name: 'a review on the role start day counts for the 3-month milestone',
      events: [probation('2025-01-06')],
      asOf: '2025-04-30',
      expected: { breaches: [], obligations: [ms6Upcoming('2025-01-06')], totals: [1, 1] },
    },
    {
      name: 'a review before the role start day (Fri 3 Jan) does not count',
      events: [probation('2025-01-03')],
      asOf: '2025-04-30',
      expected: {
        breaches: [ms3Missed],
        obligations: [{ ...ms3Overdue, lastMetOn: '2025-01-03' }, ms6Upcoming('2025-01-03')],
        totals: [1, 0],
      },
    },
    {
      name: 'a cancelled review does not count',
      events: [probation('2025-04-01', { status: 'cancelled' })],
      asOf: '2025-04-30',
      expected: {
        breaches: [ms3Missed],
        obligations: [ms3Overdue, ms6Upcoming(null)],
        totals: [1, 0],
      },
    },
    {
      name: 'a review after asOf (Thu 1 May) is not known on Wed 30 Apr',
      events: [probation('2025-05-01')],
      asOf: '2025-04-30',
      expected: {
        breaches: [ms3Missed],
        obligations: [ms3Overdue, ms6Upcoming(null)],
        totals: [1, 0],
      },
    },
    {
      name: 'a review on asOf (Wed 30 Apr) counts: 24 days late',
      events: [probation('2025-04-30')],
      asOf: '2025-04-30',
      expected: {
        breaches: [
          {
            kind: 'late',
            dueOn: '2025-04-06',
            metOn: '2025-04-30',
            daysLate: 24,
            basis: MS3,
          },
        ],
        obligations: [ms6Upcoming('2025-04-30')],
        totals: [1, 0],
      },
    },
    {
      // Left Wed 30 Apr: 3-month missed, counted to 1 May: 25 days late; the review of Sat 10 May is after leaving;
      // the 6-month milestone falls after leaving and is not judged.
      name: 'a leaver: a review after leaving does not count',
      events: [probation('2025-05-10')],
      asOf: '2025-08-01',
      staffExtra: { endDate: '2025-04-30' },
      expected: {
        breaches: [
          {
            kind: 'missed',
            dueOn: '2025-04-06',
            metOn: null,
            daysLate: 25,
            basis: { ...MS3, closed: { reason: 'left', staffId: 'S1' } },
          },
        ],
        obligations: [],
        totals: [1, 0],
      },
    },
    {
      name: 'started in role the day before recordsFrom (7 Jan): not judged',
      events: [],
      asOf: '2025-08-01',
      recordsFrom: '2025-01-07',
      expected: none,
    },
    {
      name: 'started in role on recordsFrom (6 Jan): judged',
      events: [probation('2025-04-01'), probation('2025-07-01')],
      asOf: '2025-08-01',
      recordsFrom: '2025-01-06',
      expected: onTime(2),
    },
  ])('$name', ({ events, asOf, recordsFrom, staffExtra, expected }) => {
    const history = {
      ...(recordsFrom === undefined ? {} : { recordsFrom }),
      staff: [staff('S1', { startDate: '2024-06-03', roleStartDate: '2025-01-06', ...staffExtra })],
      events,
    };
    expect(outcome(run(policyOf(milestones('roleStart')), history, asOf))).toEqual(expected);
  });

  it.each([
    // Start Mon 6 Jan (role start 3 Feb ignored): 3 months = Sun 6 Apr, 6 months = Sun 6 Jul.
    {
      anchor: 'start',
      extra: { roleStartDate: '2025-02-03' },
      due: ['2025-04-06', '2025-07-06'],
      from: { reason: 'started', on: '2025-01-06', staffId: 'S1' },
    },
    // Role start Mon 3 Feb: 3 months = Sat 3 May, 6 months = Sun 3 Aug.
    {
      anchor: 'roleStart',
      extra: { roleStartDate: '2025-02-03' },
      due: ['2025-05-03', '2025-08-03'],
      from: { reason: 'started-in-role', on: '2025-02-03', staffId: 'S1' },
    },
    // ASYE from Mon 3 Mar: 3 months = Tue 3 Jun, 6 months = Wed 3 Sep.
    {
      anchor: 'asyeStart',
      extra: { asye: { start: '2025-03-03' } },
      due: ['2025-06-03', '2025-09-03'],
      from: { reason: 'asye-began', on: '2025-03-03', staffId: 'S1' },
    },
  ])('anchor $anchor: reviews due $due', ({ anchor, extra, due, from }) => {
    const history = { staff: [staff('S1', { startDate: '2025-01-06', ...extra })] };
    const report = run(policyOf(milestones(anchor)), history, '2025-04-01');
    expect(report.obligations.map((o) => o.dueOn)).toEqual(due);
    // The basis names the anchor the milestones count from.
    expect(report.obligations[0]!.basis).toEqual({
      kind: 'within',
      from,
      within: { months: 3 },
      milestone: true,
    });
  });

  it('anchor asyeStart for someone with no ASYE: nothing due', () => {
    const history = { staff: [staff('S1', { startDate: '2025-01-06' })] };
    expect(outcome(run(policyOf(milestones('asyeStart')), history, '2025-08-01'))).toEqual(none);
  });

  it('SWK-3 (Southwark): probation reviews for a worker not on the ASYE', () => {
    const history = { staff: [staff('S1', { startDate: '2025-01-06' })], events: [probation('2025-04-01')] };
    const b = run('southwark', history, '2025-08-01').breaches.filter(
      (x) => x.ruleId === 'SWK-3' && x.activity === 'probation-review',
    );
    expect(b.map((x) => [x.kind, x.dueOn, x.daysLate])).toEqual([['missed', '2025-07-06', 26]]);
  });
});
