import { describe, expect, it } from 'vitest';
import type { WithinBasis } from '../../src/report/types.js';
import { event, oneToOne, run, staff } from '../helpers.js';
import { type Ev, none, type Outcome, onTime, outcome, policyOf } from './test-policies.js';

/*
 * Worked examples for rearrange rules (src/rules/rearrange.ts) and the deadline judging the one-off kinds share
 * (src/engine/deadline.ts). The policy holds the one rule under test, so the report's totals count its
 * deadlines alone. Dates are worked by hand in comments.
 */

// ---------------------------------------------------------------------------------------------------
// rearrange: a cancelled session replaced within 14 days (a DER-5-like rule; groups count too, but only a
// group where S1 is the supervisee). S1 (employed since 2020) has a one-to-one cancelled on Mon 3 Mar 2025:
// due 3 + 14 = Mon 17 Mar.
// ---------------------------------------------------------------------------------------------------

const rearrange = {
  kind: 'rearrange',
  name: 're-arranged supervision',
  activity: 'one-to-one',
  subject: 'staff',
  counts: ['one-to-one', 'group'],
  within: { days: 14 },
};
/** 14 days after the session cancelled on `on` (its id is the helper's counter; the sentence has no id). */
const ra = (on: string): WithinBasis => ({
  kind: 'within',
  from: { reason: 'cancelled', on, eventId: expect.any(String) },
  within: { days: 14 },
});
const RA_BASIS = ra('2025-03-03');
const cancelled = (date: string) => oneToOne('S1', date, { status: 'cancelled' });
const raLate = (met: string, days: number) => ({
  kind: 'late',
  dueOn: '2025-03-17',
  metOn: met,
  daysLate: days,
  basis: RA_BASIS,
});
// Nothing held by Mon 31 Mar: 31 - 17 = 14 days overdue.
const raMissed = {
  kind: 'missed',
  dueOn: '2025-03-17',
  metOn: null,
  daysLate: 14,
  basis: RA_BASIS,
};
const raOverdue = (lastMetOn: string | null) => ({
  dueOn: '2025-03-17',
  status: 'overdue',
  lastMetOn,
  basis: RA_BASIS,
});

describe('rearrange (14 days after a cancelled session)', () => {
  it.each<{
    name: string;
    events: Ev[];
    asOf?: string;
    recordsFrom?: string;
    staffExtra?: Record<string, unknown>;
    expected: Outcome;
  }>([
    {
      name: 'held on the due day (17 Mar): on time',
      events: [cancelled('2025-03-03'), oneToOne('S1', '2025-03-17')],
      expected: onTime(),
    },
    {
      name: 'held the day after (Tue 18 Mar): 1 day late',
      events: [cancelled('2025-03-03'), oneToOne('S1', '2025-03-18')],
      expected: { breaches: [raLate('2025-03-18', 1)], obligations: [], totals: [1, 0] },
    },
    {
      name: 're-arranged the same day as the cancellation: on time',
      events: [cancelled('2025-03-03'), oneToOne('S1', '2025-03-03')],
      expected: onTime(),
    },
    {
      // The held one-to-one of Fri 28 Feb is before the cancellation: nothing replaces it; and being held,
      // it is no cancellation of its own.
      name: 'a session held before the cancellation does not replace it',
      events: [oneToOne('S1', '2025-02-28'), cancelled('2025-03-03')],
      expected: { breaches: [raMissed], obligations: [raOverdue('2025-02-28')], totals: [1, 0] },
    },
    {
      name: 'a session after asOf (Wed 2 Apr) is not known on Mon 31 Mar',
      events: [cancelled('2025-03-03'), oneToOne('S1', '2025-04-02')],
      expected: { breaches: [raMissed], obligations: [raOverdue(null)], totals: [1, 0] },
    },
    {
      name: 'a session on asOf (Mon 31 Mar) counts: 14 days late',
      events: [cancelled('2025-03-03'), oneToOne('S1', '2025-03-31')],
      expected: { breaches: [raLate('2025-03-31', 14)], obligations: [], totals: [1, 0] },
    },
    {
      name: 'an event of another kind (an agreement, Wed 5 Mar) does not replace it',
      events: [cancelled('2025-03-03'), event('agreement', '2025-03-05', { superviseeId: 'S1' })],
      expected: { breaches: [raMissed], obligations: [raOverdue(null)], totals: [1, 0] },
    },
    {
      // The group of Wed 5 Mar lists S1 as a participant only: the one-to-one of Thu 20 Mar replaces it, 3 days late.
      name: 'a group S1 only attends does not replace it',
      events: [
        cancelled('2025-03-03'),
        event('group', '2025-03-05', { participantIds: ['S1'] }),
        oneToOne('S1', '2025-03-20'),
      ],
      expected: { breaches: [raLate('2025-03-20', 3)], obligations: [], totals: [1, 0] },
    },
    {
      name: 'cancelled after asOf (asOf Sun 2 Mar): nothing owed yet',
      events: [cancelled('2025-03-03')],
      asOf: '2025-03-02',
      expected: none,
    },
    {
      name: 'cancelled on asOf (3 Mar): the replacement is upcoming',
      events: [cancelled('2025-03-03')],
      asOf: '2025-03-03',
      expected: {
        breaches: [],
        obligations: [
          {
            dueOn: '2025-03-17',
            status: 'upcoming',
            lastMetOn: null,
            basis: RA_BASIS,
          },
        ],
        totals: [0, 0],
      },
    },
    {
      name: 'cancelled the day before recordsFrom (4 Mar): not judged',
      events: [cancelled('2025-03-03')],
      recordsFrom: '2025-03-04',
      expected: none,
    },
    {
      name: 'cancelled on recordsFrom (3 Mar): judged',
      events: [cancelled('2025-03-03')],
      recordsFrom: '2025-03-03',
      expected: { breaches: [raMissed], obligations: [raOverdue(null)], totals: [1, 0] },
    },
    {
      name: 'cancelled during an absence (Mon 10 to Sun 23 Mar): not judged',
      events: [cancelled('2025-03-12')],
      staffExtra: { absences: [{ from: '2025-03-10', to: '2025-03-23' }] },
      expected: none,
    },
    {
      // Back Mon 24 Mar: due 24 + 14 = Mon 7 Apr, held Wed 9 Apr: 2 days late.
      name: 'cancelled on the day back from an absence: judged in the new span',
      events: [cancelled('2025-03-24'), oneToOne('S1', '2025-04-09')],
      asOf: '2025-04-30',
      staffExtra: { absences: [{ from: '2025-03-10', to: '2025-03-23' }] },
      expected: {
        breaches: [
          {
            kind: 'late',
            dueOn: '2025-04-07',
            metOn: '2025-04-09',
            daysLate: 2,
            basis: ra('2025-03-24'),
          },
        ],
        obligations: [],
        totals: [1, 0],
      },
    },
    {
      // Absent from Thu 20 Mar: the window ends Wed 19 Mar, counted to 20 Mar: 3 days late. The one-to-one of
      // Tue 25 Mar (during the absence) is outside the window.
      name: 'an absence starting after the due date closes the window',
      events: [cancelled('2025-03-03'), oneToOne('S1', '2025-03-25')],
      staffExtra: { absences: [{ from: '2025-03-20', to: '2025-04-30' }] },
      expected: {
        breaches: [
          {
            kind: 'missed',
            dueOn: '2025-03-17',
            metOn: null,
            daysLate: 3,
            basis: { ...RA_BASIS, closed: { reason: 'absence-began', staffId: 'S1' } },
          },
        ],
        obligations: [],
        totals: [1, 0],
      },
    },
    {
      name: 'left Mon 10 Mar, before the due date: not judged',
      events: [cancelled('2025-03-03')],
      staffExtra: { endDate: '2025-03-10' },
      expected: none,
    },
  ])('$name', ({ events, asOf = '2025-03-31', recordsFrom, staffExtra, expected }) => {
    const history = {
      ...(recordsFrom === undefined ? {} : { recordsFrom }),
      staff: [staff('S1', staffExtra)],
      events,
    };
    expect(outcome(run(policyOf(rearrange), history, asOf))).toEqual(expected);
  });

  it('a breach names the cancelled session (eventId)', () => {
    const report = run(
      policyOf(rearrange),
      { staff: [staff('S1')], events: [{ ...cancelled('2025-03-03'), id: 'X1' }] },
      '2025-03-31',
    );
    expect(report.breaches.map((b) => [b.eventId, b.kind, b.daysLate])).toEqual([['X1', 'missed', 14]]);
  });
});
