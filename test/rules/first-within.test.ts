import { describe, expect, it } from 'vitest';
import type { Basis, Closure, CountedFrom } from '../../src/report/types.js';
import { event, oneToOne, run, staff } from '../helpers.js';
import { citation, none, type Outcome, onTime, outcome, policyOf } from './test-policies.js';

/*
 * Worked examples for first-within rules (src/rules/first-within.ts) and the deadline judging the one-off kinds share
 * (src/engine/deadline.ts). The policy holds the one rule under test, so the report's totals count its
 * deadlines alone. Dates are worked by hand in comments.
 */

// ---------------------------------------------------------------------------------------------------
// first-within, trigger `start`, within 7 days: S1 starts Mon 6 Jan 2025, due 6 + 7 = Mon 13 Jan.
// ---------------------------------------------------------------------------------------------------

const firstSupervision = {
  kind: 'first-within',
  name: 'first supervision',
  activity: 'one-to-one',
  subject: 'staff',
  counts: ['one-to-one'],
  triggers: [{ on: 'start', within: { days: 7 } }],
};
/** 7 days after S1 started on Mon 6 Jan 2025 (findings are checked by basis; the words: test/report/wording.test.ts). */
const FS_BASIS: Basis = {
  kind: 'within',
  from: { reason: 'started', on: '2025-01-06', staffId: 'S1' },
  within: { days: 7 },
};
/** Held Tue 14 Jan: 1 day late. */
const FS_LATE_1: Outcome = {
  breaches: [
    {
      kind: 'late',
      dueOn: '2025-01-13',
      metOn: '2025-01-14',
      daysLate: 1,
      basis: FS_BASIS,
    },
  ],
  obligations: [],
  totals: [1, 0],
};
/** Nothing held and the window still open: missed by `days` to asOf, and an overdue obligation. */
/** Missed, and the window closed when S1 left: counted to the day after their last day. */
const fsLeft = (days: number): Outcome => ({
  breaches: [
    {
      kind: 'missed',
      dueOn: '2025-01-13',
      metOn: null,
      daysLate: days,
      basis: { ...FS_BASIS, closed: { reason: 'left', staffId: 'S1' } },
    },
  ],
  obligations: [],
  totals: [1, 0],
});

const fsOverdue = (days: number): Outcome => ({
  breaches: [
    {
      kind: 'missed',
      dueOn: '2025-01-13',
      metOn: null,
      daysLate: days,
      basis: FS_BASIS,
    },
  ],
  obligations: [{ dueOn: '2025-01-13', status: 'overdue', lastMetOn: null, basis: FS_BASIS }],
  totals: [1, 0],
});

interface FirstCase {
  name: string;
  staffExtra?: Record<string, unknown>;
  sessions?: string[];
  asOf: string;
  recordsFrom?: string;
  effectiveFrom?: string;
  when?: Record<string, unknown>;
  expected: Outcome;
}

const firstCases: FirstCase[] = [
  {
    name: 'met on the due day (13 Jan) is on time',
    sessions: ['2025-01-13'],
    asOf: '2025-01-31',
    expected: onTime(),
  },
  {
    name: 'met on the due day which is also asOf: on time, no obligation left',
    sessions: ['2025-01-13'],
    asOf: '2025-01-13',
    expected: onTime(),
  },
  {
    name: 'met one day after (Tue 14 Jan) is 1 day late',
    sessions: ['2025-01-14'],
    asOf: '2025-01-31',
    expected: FS_LATE_1,
  },
  {
    name: 'nothing held, asOf the due day: upcoming, not yet judged',
    asOf: '2025-01-13',
    expected: {
      breaches: [],
      obligations: [{ dueOn: '2025-01-13', status: 'upcoming', lastMetOn: null, basis: FS_BASIS }],
      totals: [0, 0],
    },
  },
  {
    name: 'nothing held, asOf the day after: 1 day overdue',
    asOf: '2025-01-14',
    expected: fsOverdue(1),
  },
  {
    // Events after asOf are not known yet: the session of Wed 22 Jan does not count on Mon 20 Jan.
    name: 'a session after asOf (22 Jan) does not count: 20 Jan - 13 Jan = 7 days overdue',
    sessions: ['2025-01-22'],
    asOf: '2025-01-20',
    expected: fsOverdue(7),
  },
  {
    name: 'a leaver (left Fri 10 Jan) before the due date is not judged',
    staffExtra: { endDate: '2025-01-10' },
    asOf: '2025-01-31',
    expected: none,
  },
  {
    // Seen Wed 8 Jan, left Fri 10 Jan: the deadline (13 Jan) is after the window, so it is not counted as met either.
    name: 'a leaver seen before leaving (8 Jan, left 10 Jan): not judged, not counted',
    staffExtra: { endDate: '2025-01-10' },
    sessions: ['2025-01-08'],
    asOf: '2025-01-31',
    expected: none,
  },
  {
    name: 'leaving after asOf (left Fri 10 Jan, asOf Wed 8 Jan) but before the due date: no obligation',
    staffExtra: { endDate: '2025-01-10' },
    asOf: '2025-01-08',
    expected: none,
  },
  {
    // Left on the due day itself: judged; the window closed on 13 Jan, counted to 14 Jan.
    name: 'a leaver on the due day (13 Jan) is judged: 1 day late to the day after leaving',
    staffExtra: { endDate: '2025-01-13' },
    asOf: '2025-01-31',
    expected: fsLeft(1),
  },
  {
    // Left Mon 20 Jan: counted to Tue 21 Jan, 21 - 13 = 8 days; no obligation once the window has closed.
    name: 'a leaver after the due date: missed, counted to the day after leaving (8 days)',
    staffExtra: { endDate: '2025-01-20' },
    asOf: '2025-01-31',
    expected: fsLeft(8),
  },
  {
    // Leaving on asOf (20 Jan): still employed that day, so the window is open: 7 days overdue.
    name: 'a leaver whose last day is asOf is still open: overdue, with an obligation',
    staffExtra: { endDate: '2025-01-20' },
    asOf: '2025-01-20',
    expected: fsOverdue(7),
  },
  {
    name: 'started the day before recordsFrom (7 Jan): no clock starts',
    recordsFrom: '2025-01-07',
    asOf: '2025-01-31',
    expected: none,
  },
  {
    name: 'started on recordsFrom (6 Jan): judged',
    recordsFrom: '2025-01-06',
    asOf: '2025-01-14',
    sessions: ['2025-01-14'],
    expected: FS_LATE_1,
  },
  {
    name: 'starting after asOf (asOf Sun 5 Jan): nothing owed yet',
    asOf: '2025-01-05',
    expected: none,
  },
  {
    name: 'starting on asOf (6 Jan): the first session is upcoming',
    asOf: '2025-01-06',
    expected: {
      breaches: [],
      obligations: [{ dueOn: '2025-01-13', status: 'upcoming', lastMetOn: null, basis: FS_BASIS }],
      totals: [0, 0],
    },
  },
  {
    name: 'a rule whose `when` does not hold on the start day does not apply',
    when: { role: ['team-manager'] },
    asOf: '2025-01-31',
    expected: none,
  },
  {
    name: 'due (13 Jan) before the policy took effect (14 Jan): not judged, no obligation',
    effectiveFrom: '2025-01-14',
    asOf: '2025-01-31',
    expected: none,
  },
  {
    name: 'due on the day the policy took effect (13 Jan): judged',
    effectiveFrom: '2025-01-13',
    sessions: ['2025-01-13'],
    asOf: '2025-01-31',
    expected: onTime(),
  },
  {
    // The trigger is `start`: a later role start (Mon 3 Feb) does not move it.
    name: '`start` ignores the role start date',
    staffExtra: { roleStartDate: '2025-02-03' },
    asOf: '2025-01-14',
    expected: fsOverdue(1),
  },
];

describe('first-within (trigger start, 7 days)', () => {
  it.each(firstCases)('$name', (c) => {
    const history = {
      ...(c.recordsFrom === undefined ? {} : { recordsFrom: c.recordsFrom }),
      staff: [staff('S1', { startDate: '2025-01-06', ...c.staffExtra })],
      events: (c.sessions ?? []).map((date) => oneToOne('S1', date)),
    };
    const rule = c.when === undefined ? firstSupervision : { ...firstSupervision, when: c.when };
    expect(outcome(run(policyOf(rule, c.effectiveFrom), history, c.asOf))).toEqual(c.expected);
  });

  it('a late breach carries the rule, subject, citation and severity, and no eventId', () => {
    const report = run(
      policyOf(firstSupervision),
      { staff: [staff('S1', { startDate: '2025-01-06' })], events: [oneToOne('S1', '2025-01-14')] },
      '2025-01-31',
    );
    expect(report.breaches).toStrictEqual([
      {
        ruleId: 'TST-1',
        subject: { type: 'staff', id: 'S1' },
        activity: 'one-to-one',
        severity: 'breach',
        citation,
        kind: 'late',
        dueOn: '2025-01-13',
        metOn: '2025-01-14',
        daysLate: 1,
        explanation: expect.any(String),
        // Start Mon 6 Jan + 7 days = Mon 13 Jan.
        basis: {
          kind: 'within',
          from: { reason: 'started', on: '2025-01-06', staffId: 'S1' },
          within: { days: 7 },
        },
        policyVersion: '1',
      },
    ]);
  });

  it('role-start: due 7 days after the role start (Mon 3 Feb + 7 = Mon 10 Feb), not the start', () => {
    // asOf Wed 12 Feb: 2 days overdue.
    const rule = { ...firstSupervision, triggers: [{ on: 'role-start', within: { days: 7 } }] };
    const history = { staff: [staff('S1', { startDate: '2025-01-06', roleStartDate: '2025-02-03' })] };
    const basis: Basis = {
      kind: 'within',
      from: { reason: 'started-in-role', on: '2025-02-03', staffId: 'S1' },
      within: { days: 7 },
    };
    expect(outcome(run(policyOf(rule), history, '2025-02-12'))).toEqual({
      breaches: [
        {
          kind: 'missed',
          dueOn: '2025-02-10',
          metOn: null,
          daysLate: 2,
          basis,
        },
      ],
      obligations: [
        {
          dueOn: '2025-02-10',
          status: 'overdue',
          lastMetOn: null,
          basis,
        },
      ],
      totals: [1, 0],
    });
  });

  it('start, by the first one-to-one: a session with a named supervisor still sets the due date', () => {
    // Started Mon 6 Jan; first one-to-one Wed 8 Jan (with M1); agreement Fri 10 Jan: 2 days late.
    const rule = {
      ...firstSupervision,
      name: 'supervision agreement',
      activity: 'agreement',
      counts: ['agreement'],
      triggers: [{ on: 'start', byFirst: ['one-to-one'] }],
    };
    const history = {
      staff: [staff('S1', { startDate: '2025-01-06' }), staff('M1', { role: 'team-manager' })],
      events: [
        oneToOne('S1', '2025-01-08', { supervisorId: 'M1' }),
        event('agreement', '2025-01-10', { superviseeId: 'S1' }),
      ],
    };
    expect(outcome(run(policyOf(rule), history, '2025-01-31')).breaches).toEqual([
      {
        kind: 'late',
        dueOn: '2025-01-08',
        metOn: '2025-01-10',
        daysLate: 2,
        basis: {
          kind: 'by-first',
          from: { reason: 'started', on: '2025-01-06', staffId: 'S1' },
          session: { type: 'one-to-one', on: '2025-01-08' },
        },
      },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------
// first-within by the first one-to-one with each supervisor (relationship-start / supervisor-change).
// S1 starts Mon 3 Feb 2025 with M1 (to Fri 28 Feb), then M2 from Sat 1 Mar.
// ---------------------------------------------------------------------------------------------------

const agreementRule = (on: string) => ({
  kind: 'first-within',
  name: 'supervision agreement',
  activity: 'agreement',
  subject: 'staff',
  counts: ['agreement'],
  triggers: [{ on, byFirst: ['one-to-one'] }],
});
const people = (m2: Record<string, unknown> = { supervisorId: 'M2', from: '2025-03-01' }, extra = {}) => [
  staff('S1', {
    startDate: '2025-02-03',
    supervisors: [{ supervisorId: 'M1', from: '2025-02-03', to: '2025-02-28' }, m2],
    ...extra,
  }),
  staff('M1', { role: 'team-manager' }),
  staff('M2', { role: 'team-manager' }),
];
/** By the first one-to-one (on `on`) after supervision by `supervisorId` began on `began`. */
const byFirst = (supervisorId: string, began: string, on: string, closed?: Closure): Basis => ({
  kind: 'by-first',
  from: { reason: 'supervision-began', on: began, supervisorId },
  session: { type: 'one-to-one', on },
  ...(closed === undefined ? {} : { closed }),
});
const agreement = (date: string, supervisorId?: string) =>
  event('agreement', date, { superviseeId: 'S1', ...(supervisorId ? { supervisorId } : {}) });

describe('first-within by the first session with a supervisor', () => {
  // With M1: agreement and first 1:1 on Mon 3 Feb, on time. With M2 (from Sat 1 Mar): a check-in on Sun 2 Mar
  // (not a one-to-one), a one-to-one with M1 on Mon 3 Mar (not M2's), one with no supervisor named on Wed 5 Mar
  // (counts for M2), one with M2 on Mon 10 Mar. Due Wed 5 Mar; agreement Wed 12 Mar: 7 days late.
  const history = () => ({
    staff: people(),
    events: [
      agreement('2025-02-03', 'M1'),
      oneToOne('S1', '2025-02-03', { supervisorId: 'M1' }),
      event('check-in', '2025-03-02', { superviseeId: 'S1' }),
      oneToOne('S1', '2025-03-03', { supervisorId: 'M1' }),
      oneToOne('S1', '2025-03-05'),
      oneToOne('S1', '2025-03-10', { supervisorId: 'M2' }),
      agreement('2025-03-12', 'M2'),
    ],
  });
  const m2Late = {
    kind: 'late',
    dueOn: '2025-03-05',
    metOn: '2025-03-12',
    daysLate: 7,
    basis: byFirst('M2', '2025-03-01', '2025-03-05'),
  };

  it.each([
    // relationship-start judges both supervisors (M1 on time), supervisor-change only the change to M2.
    { on: 'relationship-start', totals: [2, 1] },
    { on: 'supervisor-change', totals: [1, 0] },
  ])('$on: due by the first one-to-one with M2 or unnamed (Wed 5 Mar), 7 days late', ({ on, totals }) => {
    expect(outcome(run(policyOf(agreementRule(on)), history(), '2025-03-31'))).toEqual({
      breaches: [m2Late],
      obligations: [],
      totals,
    });
  });

  it('the obligation for M2 carries the last agreement (3 Feb, with M1) as lastMetOn', () => {
    // asOf Mon 10 Mar, before the agreement of 12 Mar: 10 - 5 = 5 days overdue.
    const h = history();
    h.events = h.events.filter((e) => e.date !== '2025-03-12');
    const basis = byFirst('M2', '2025-03-01', '2025-03-05');
    expect(outcome(run(policyOf(agreementRule('supervisor-change')), h, '2025-03-10'))).toEqual({
      breaches: [
        {
          kind: 'missed',
          dueOn: '2025-03-05',
          metOn: null,
          daysLate: 5,
          basis,
        },
      ],
      obligations: [
        {
          dueOn: '2025-03-05',
          status: 'overdue',
          lastMetOn: '2025-02-03',
          basis,
        },
      ],
      totals: [1, 0],
    });
  });

  it('supervision by M1 ended (28 Feb) unmet: counted to 1 Mar; no one-to-one with M2 yet, so nothing due for M2', () => {
    // First 1:1 with M1 Tue 4 Feb; no agreement; the agreement of Mon 3 Mar comes after M1's window.
    // 4 Feb to 1 Mar = 25 days late.
    const history = {
      staff: people(),
      events: [oneToOne('S1', '2025-02-04', { supervisorId: 'M1' }), agreement('2025-03-03')],
    };
    expect(outcome(run(policyOf(agreementRule('relationship-start')), history, '2025-03-10'))).toEqual({
      breaches: [
        {
          kind: 'missed',
          dueOn: '2025-02-04',
          metOn: null,
          daysLate: 25,
          basis: byFirst('M1', '2025-02-03', '2025-02-04', {
            reason: 'supervision-ended',
            supervisorId: 'M1',
            staffId: 'S1',
          }),
        },
      ],
      obligations: [],
      totals: [1, 0],
    });
  });

  it('supervision by M2 ending on the day S1 leaves (Thu 20 Mar) closes as "S1 left"', () => {
    // M1 met on 3 Feb. M2's first 1:1 Wed 5 Mar; no agreement; left Thu 20 Mar: 21 Mar - 5 Mar = 16 days late.
    const history = {
      staff: people({ supervisorId: 'M2', from: '2025-03-01', to: '2025-03-20' }, { endDate: '2025-03-20' }),
      events: [
        agreement('2025-02-03'),
        oneToOne('S1', '2025-02-03', { supervisorId: 'M1' }),
        oneToOne('S1', '2025-03-05', { supervisorId: 'M2' }),
      ],
    };
    expect(outcome(run(policyOf(agreementRule('relationship-start')), history, '2025-03-31'))).toEqual({
      breaches: [
        {
          kind: 'missed',
          dueOn: '2025-03-05',
          metOn: null,
          daysLate: 16,
          basis: byFirst('M2', '2025-03-01', '2025-03-05', { reason: 'left', staffId: 'S1' }),
        },
      ],
      obligations: [],
      totals: [2, 1],
    });
  });

  it('open-ended supervision by M2 closes as "S1 left" when S1 leaves (Thu 20 Mar)', () => {
    const history = {
      staff: people(undefined, { endDate: '2025-03-20' }),
      events: [oneToOne('S1', '2025-03-05', { supervisorId: 'M2' })],
    };
    const report = run(policyOf(agreementRule('supervisor-change')), history, '2025-03-31');
    // 21 Mar - 5 Mar = 16 days late.
    expect(report.breaches.map((b) => [b.daysLate, b.basis])).toEqual([
      [16, byFirst('M2', '2025-03-01', '2025-03-05', { reason: 'left', staffId: 'S1' })],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------
// first-within on a case's allocation, within 14 days (a NOT-4-like rule).
// ---------------------------------------------------------------------------------------------------

describe('first-within on allocation (case, 14 days)', () => {
  const rule = {
    kind: 'first-within',
    name: 'case discussion after allocation',
    activity: 'case-discussion',
    subject: 'case',
    counts: ['one-to-one', 'case-discussion'],
    triggers: [{ on: 'allocation', within: { days: 14 } }],
  };
  const workers = [staff('W1'), staff('W2')];
  /** 14 days after allocation to W1 on Mon 6 Jan 2025, the window closed by `closed`. */
  const fromAllocation = (closed: Closure): Basis => ({
    kind: 'within',
    from: { reason: 'allocated', on: '2025-01-06', workerId: 'W1' } satisfies CountedFrom,
    within: { days: 14 },
    closed,
  });
  const discussion = (worker: string, date: string, caseId: string) =>
    event('case-discussion', date, { superviseeId: worker, caseIds: [caseId] });

  it('reallocation: W1 (Mon 6 Jan to Fri 31 Jan) missed, W2 (from Sat 1 Feb) on time', () => {
    // W1: due 6 + 14 = Mon 20 Jan; nothing before the case left W1 on 31 Jan (W1's discussion of Mon 3 Feb is
    // after): counted to 1 Feb, 12 days late. W2: due 1 + 14 = Sat 15 Feb, discussed Fri 14 Feb: on time.
    const history = {
      staff: workers,
      cases: [
        {
          id: 'C1',
          allocations: [
            { workerId: 'W1', from: '2025-01-06', to: '2025-01-31' },
            { workerId: 'W2', from: '2025-02-01' },
          ],
        },
      ],
      events: [discussion('W1', '2025-02-03', 'C1'), discussion('W2', '2025-02-14', 'C1')],
    };
    expect(outcome(run(policyOf(rule), history, '2025-02-28'))).toEqual({
      breaches: [
        {
          kind: 'missed',
          dueOn: '2025-01-20',
          metOn: null,
          daysLate: 12,
          basis: fromAllocation({ reason: 'case-moved', workerId: 'W1' }),
        },
      ],
      obligations: [],
      totals: [2, 1],
    });
  });

  it.each([
    { allocationTo: '2025-01-31', how: 'allocation ending on the closing day' },
    { allocationTo: undefined, how: 'open-ended allocation' },
  ])('a case closed on Fri 31 Jan ($how) closes as "case C2 closed"', ({ allocationTo }) => {
    // Due Mon 20 Jan, nothing held, closed 31 Jan: 12 days late.
    const history = {
      staff: workers,
      cases: [
        {
          id: 'C2',
          closedDate: '2025-01-31',
          allocations: [
            { workerId: 'W1', from: '2025-01-06', ...(allocationTo ? { to: allocationTo } : {}) },
          ],
        },
        // A case with no allocation or episode at all: nothing to judge (and nothing to fail on).
        { id: 'C0' },
      ],
      events: [discussion('W1', '2025-02-03', 'C2')],
    };
    expect(outcome(run(policyOf(rule), history, '2025-02-28')).breaches).toEqual([
      {
        kind: 'missed',
        dueOn: '2025-01-20',
        metOn: null,
        daysLate: 12,
        basis: fromAllocation({ reason: 'case-closed', caseId: 'C2' }),
      },
    ]);
  });

  it('a case rule triggered on `start` has no occasions for a case', () => {
    const history = {
      staff: workers,
      cases: [{ id: 'C1', allocations: [{ workerId: 'W1', from: '2025-01-06' }] }],
    };
    const startRule = { ...rule, triggers: [{ on: 'start', within: { days: 14 } }] };
    expect(outcome(run(policyOf(startRule), history, '2025-02-28'))).toEqual(none);
  });
});
