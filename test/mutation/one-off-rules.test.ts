import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/schema.js';
import type { Report } from '../../src/report/types.js';
import { event, oneToOne, run, staff } from '../helpers.js';

/*
 * Worked examples for the one-off deadline rules (first-within, follow-up, rearrange, ahead-of-date,
 * milestones) and the judging they share (src/engine/deadline.ts). Each policy holds the one rule under
 * test, so the report's totals count that rule's deadlines alone. Dates are worked by hand in comments.
 */

const citation = { source: 'one-off.txt', section: '1', quote: 'as the policy says' };

/** A policy of one rule (id TST-1, a `must`), effective from 2020 unless told. */
function policyOf(rule: Record<string, unknown>, effectiveFrom = '2020-01-01'): Policy {
  return loadPolicy({
    id: 'one-off',
    name: 'One-off rules',
    council: 'Test',
    source: 'one-off.txt',
    version: '1',
    effectiveFrom,
    rules: [{ id: 'TST-1', strength: 'must', citation, ...rule }],
  });
}

interface Outcome {
  breaches: { kind: string; dueOn: string; metOn: string | null; daysLate: number; explanation: string }[];
  obligations: { dueOn: string; status: string; lastMetOn: string | null; explanation: string }[];
  /** Deadlines judged, and of those met in time. */
  totals: [number, number];
}

function outcome(report: Report): Outcome {
  return {
    breaches: report.breaches.map((b) => ({
      kind: b.kind,
      dueOn: b.dueOn,
      metOn: b.metOn,
      daysLate: b.daysLate,
      explanation: b.explanation,
    })),
    obligations: report.obligations.map((o) => ({
      dueOn: o.dueOn,
      status: o.status,
      lastMetOn: o.lastMetOn,
      explanation: o.explanation,
    })),
    totals: [report.totals.deadlines, report.totals.deadlinesMet],
  };
}

const none: Outcome = { breaches: [], obligations: [], totals: [0, 0] };
const onTime = (n = 1): Outcome => ({ breaches: [], obligations: [], totals: [n, n] });

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
const FS_BASIS = '7 days after S1 started on Mon 6 Jan 2025';
const fsLate = (met: string, days: number) =>
  `S1's first supervision was due by Mon 13 Jan 2025 (${FS_BASIS}); it took place on ${met}, ${days === 1 ? '1 day' : `${days} days`} late.`;
/** Held Tue 14 Jan: 1 day late. */
const FS_LATE_1: Outcome = {
  breaches: [
    {
      kind: 'late',
      dueOn: '2025-01-13',
      metOn: '2025-01-14',
      daysLate: 1,
      explanation: fsLate('Tue 14 Jan 2025', 1),
    },
  ],
  obligations: [],
  totals: [1, 0],
};
const FS_OVERDUE = `S1's first supervision is overdue: it was due by Mon 13 Jan 2025 (${FS_BASIS}).`;
/** Nothing held and the window still open: missed by `days` to asOf, and an overdue obligation. */
/** Missed, and the window closed when S1 left on `lastDay`: counted to the day after. */
const fsLeft = (lastDay: string, days: number): Outcome => ({
  breaches: [
    {
      kind: 'missed',
      dueOn: '2025-01-13',
      metOn: null,
      daysLate: days,
      explanation: `S1's first supervision was due by Mon 13 Jan 2025 (${FS_BASIS}) and had not taken place by ${lastDay}, when the rule stopped applying as S1 left: ${days} day${days === 1 ? '' : 's'} late.`,
    },
  ],
  obligations: [],
  totals: [1, 0],
});
/** The PDR progress review due Sun 6 Jul 2025 held late, on `metOn` (`shown`). */
const fuLate = (metOn: string, shown: string, days: number): Outcome => ({
  breaches: [
    {
      kind: 'late',
      dueOn: '2025-07-06',
      metOn,
      daysLate: days,
      explanation: `S1's PDR progress review was due by Sun 6 Jul 2025 (${FU_BASIS}); it took place on ${shown}, ${days} day${days === 1 ? '' : 's'} late.`,
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
      explanation: `S1's first supervision was due by Mon 13 Jan 2025 (${FS_BASIS}) and has not taken place: ${days === 1 ? '1 day' : `${days} days`} overdue.`,
    },
  ],
  obligations: [{ dueOn: '2025-01-13', status: 'overdue', lastMetOn: null, explanation: FS_OVERDUE }],
  totals: [1, 0],
});
const FS_UPCOMING = `S1's first supervision is next due by Mon 13 Jan 2025 (${FS_BASIS}).`;

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
      obligations: [{ dueOn: '2025-01-13', status: 'upcoming', lastMetOn: null, explanation: FS_UPCOMING }],
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
    expected: fsLeft('Mon 13 Jan 2025', 1),
  },
  {
    // Left Mon 20 Jan: counted to Tue 21 Jan, 21 - 13 = 8 days; no obligation once the window has closed.
    name: 'a leaver after the due date: missed, counted to the day after leaving (8 days)',
    staffExtra: { endDate: '2025-01-20' },
    asOf: '2025-01-31',
    expected: fsLeft('Mon 20 Jan 2025', 8),
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
      obligations: [{ dueOn: '2025-01-13', status: 'upcoming', lastMetOn: null, explanation: FS_UPCOMING }],
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
        explanation: fsLate('Tue 14 Jan 2025', 1),
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
    const basis = '7 days after S1 started in role on Mon 3 Feb 2025';
    expect(outcome(run(policyOf(rule), history, '2025-02-12'))).toEqual({
      breaches: [
        {
          kind: 'missed',
          dueOn: '2025-02-10',
          metOn: null,
          daysLate: 2,
          explanation: `S1's first supervision was due by Mon 10 Feb 2025 (${basis}) and has not taken place: 2 days overdue.`,
        },
      ],
      obligations: [
        {
          dueOn: '2025-02-10',
          status: 'overdue',
          lastMetOn: null,
          explanation: `S1's first supervision is overdue: it was due by Mon 10 Feb 2025 (${basis}).`,
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
        explanation:
          "S1's supervision agreement was due by Wed 8 Jan 2025 (by the first one-to-one after S1 started on Mon 6 Jan 2025); it took place on Fri 10 Jan 2025, 2 days late.",
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
    explanation:
      "S1's supervision agreement was due by Wed 5 Mar 2025 (by the first one-to-one after supervision by M2 began on Sat 1 Mar 2025); it took place on Wed 12 Mar 2025, 7 days late.",
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
    const basis = 'by the first one-to-one after supervision by M2 began on Sat 1 Mar 2025';
    expect(outcome(run(policyOf(agreementRule('supervisor-change')), h, '2025-03-10'))).toEqual({
      breaches: [
        {
          kind: 'missed',
          dueOn: '2025-03-05',
          metOn: null,
          daysLate: 5,
          explanation: `S1's supervision agreement was due by Wed 5 Mar 2025 (${basis}) and has not taken place: 5 days overdue.`,
        },
      ],
      obligations: [
        {
          dueOn: '2025-03-05',
          status: 'overdue',
          lastMetOn: '2025-02-03',
          explanation: `S1's supervision agreement is overdue: it was due by Wed 5 Mar 2025 (${basis}).`,
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
          explanation:
            "S1's supervision agreement was due by Tue 4 Feb 2025 (by the first one-to-one after supervision by M1 began on Mon 3 Feb 2025) and had not taken place by Fri 28 Feb 2025, when the rule stopped applying as supervision by M1 ended: 25 days late.",
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
          explanation:
            "S1's supervision agreement was due by Wed 5 Mar 2025 (by the first one-to-one after supervision by M2 began on Sat 1 Mar 2025) and had not taken place by Thu 20 Mar 2025, when the rule stopped applying as S1 left: 16 days late.",
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
    expect(report.breaches.map((b) => b.explanation)).toEqual([
      "S1's supervision agreement was due by Wed 5 Mar 2025 (by the first one-to-one after supervision by M2 began on Sat 1 Mar 2025) and had not taken place by Thu 20 Mar 2025, when the rule stopped applying as S1 left: 16 days late.",
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
          explanation:
            "Case C1's case discussion after allocation was due by Mon 20 Jan 2025 (14 days after allocation to W1 on Mon 6 Jan 2025) and had not taken place by Fri 31 Jan 2025, when the rule stopped applying as the case left W1: 12 days late.",
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
        explanation:
          "Case C2's case discussion after allocation was due by Mon 20 Jan 2025 (14 days after allocation to W1 on Mon 6 Jan 2025) and had not taken place by Fri 31 Jan 2025, when the rule stopped applying as case C2 closed: 12 days late.",
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
const FU_BASIS = '6 months after the appraisal on Mon 6 Jan 2025';
const FU_BASIS_2 = '6 months after the appraisal on Mon 1 Sep 2025';
const fuMissed = (days: number) => ({
  kind: 'missed',
  dueOn: '2025-07-06',
  metOn: null,
  daysLate: days,
  explanation: `S1's PDR progress review was due by Sun 6 Jul 2025 (${FU_BASIS}) and has not taken place: ${days} days overdue.`,
});
const fuOverdue = (lastMetOn: string | null) => ({
  dueOn: '2025-07-06',
  status: 'overdue',
  lastMetOn,
  explanation: `S1's PDR progress review is overdue: it was due by Sun 6 Jul 2025 (${FU_BASIS}).`,
});
// Two appraisals (6 Jan, Mon 1 Sep): the first review's window ends Sun 31 Aug, counted to 1 Sep: 57 days late.
const FU_CLOSED_BY_NEXT = {
  kind: 'missed',
  dueOn: '2025-07-06',
  metOn: null,
  daysLate: 57,
  explanation: `S1's PDR progress review was due by Sun 6 Jul 2025 (${FU_BASIS}) and had not taken place by Sun 31 Aug 2025, when the rule stopped applying as the next appraisal took place: 57 days late.`,
};
const fuNext = (lastMetOn: string | null) => ({
  dueOn: '2026-03-01',
  status: 'upcoming',
  lastMetOn,
  explanation: `S1's PDR progress review is next due by Sun 1 Mar 2026 (${FU_BASIS_2}).`,
});

type Ev = ReturnType<typeof event>;
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
      expected: fuLate('2025-07-07', 'Mon 7 Jul 2025', 1),
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
      expected: fuLate('2025-08-01', 'Fri 1 Aug 2025', 26),
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
            explanation: `S1's PDR progress review was due by Sun 6 Jul 2025 (${FU_BASIS}); it took place on Sun 31 Aug 2025, 56 days late.`,
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
            explanation: `S1's PDR progress review was due by Sun 6 Jul 2025 (${FU_BASIS}) and had not taken place by Thu 31 Jul 2025, when the rule stopped applying as S1 left: 26 days late.`,
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
    expect(b.map((x) => [x.kind, x.dueOn, x.daysLate, x.explanation])).toEqual([
      ['missed', '2025-07-06', 26, fuMissed(26).explanation],
    ]);
  });
});

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
const RA_BASIS = '14 days after the session cancelled on Mon 3 Mar 2025';
const cancelled = (date: string) => oneToOne('S1', date, { status: 'cancelled' });
const raLate = (met: string, metText: string, days: number) => ({
  kind: 'late',
  dueOn: '2025-03-17',
  metOn: met,
  daysLate: days,
  explanation: `S1's re-arranged supervision was due by Mon 17 Mar 2025 (${RA_BASIS}); it took place on ${metText}, ${days === 1 ? '1 day' : `${days} days`} late.`,
});
// Nothing held by Mon 31 Mar: 31 - 17 = 14 days overdue.
const raMissed = {
  kind: 'missed',
  dueOn: '2025-03-17',
  metOn: null,
  daysLate: 14,
  explanation: `S1's re-arranged supervision was due by Mon 17 Mar 2025 (${RA_BASIS}) and has not taken place: 14 days overdue.`,
};
const raOverdue = (lastMetOn: string | null) => ({
  dueOn: '2025-03-17',
  status: 'overdue',
  lastMetOn,
  explanation: `S1's re-arranged supervision is overdue: it was due by Mon 17 Mar 2025 (${RA_BASIS}).`,
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
      expected: { breaches: [raLate('2025-03-18', 'Tue 18 Mar 2025', 1)], obligations: [], totals: [1, 0] },
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
      expected: { breaches: [raLate('2025-03-31', 'Mon 31 Mar 2025', 14)], obligations: [], totals: [1, 0] },
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
      expected: { breaches: [raLate('2025-03-20', 'Thu 20 Mar 2025', 3)], obligations: [], totals: [1, 0] },
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
            explanation: `S1's re-arranged supervision is next due by Mon 17 Mar 2025 (${RA_BASIS}).`,
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
            explanation:
              "S1's re-arranged supervision was due by Mon 7 Apr 2025 (14 days after the session cancelled on Mon 24 Mar 2025); it took place on Wed 9 Apr 2025, 2 days late.",
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
            explanation: `S1's re-arranged supervision was due by Mon 17 Mar 2025 (${RA_BASIS}) and had not taken place by Wed 19 Mar 2025, when the rule stopped applying as S1's absence began: 3 days late.`,
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
const AD_BASIS =
  '42 days before Mon 6 Oct 2025, 9 months after the child-protection episode began on Mon 6 Jan 2025; discussions count from Sun 6 Jul 2025';
const adMissed = (days: number) => ({
  kind: 'missed',
  dueOn: '2025-08-25',
  metOn: null,
  daysLate: days,
  explanation: `Case C1's discussion before the review conference was due by Mon 25 Aug 2025 (${AD_BASIS}) and has not taken place: ${days === 1 ? '1 day' : `${days} days`} overdue.`,
});
/** Discussed Tue 26 Aug: 1 day late. */
const AD_LATE_1: Outcome = {
  breaches: [
    {
      kind: 'late',
      dueOn: '2025-08-25',
      metOn: '2025-08-26',
      daysLate: 1,
      explanation: `Case C1's discussion before the review conference was due by Mon 25 Aug 2025 (${AD_BASIS}); it took place on Tue 26 Aug 2025, 1 day late.`,
    },
  ],
  obligations: [],
  totals: [1, 0],
};
const adOverdue = {
  dueOn: '2025-08-25',
  status: 'overdue',
  lastMetOn: null,
  explanation: `Case C1's discussion before the review conference is overdue: it was due by Mon 25 Aug 2025 (${AD_BASIS}).`,
};
const adUpcoming = (dueOn: string, text: string, basis: string) => ({
  breaches: [],
  obligations: [
    {
      dueOn,
      status: 'upcoming',
      lastMetOn: null,
      explanation: `Case C1's discussion before the review conference is next due by ${text} (${basis}).`,
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
      expected: adUpcoming('2025-08-25', 'Mon 25 Aug 2025', AD_BASIS),
    },
    {
      name: 'a review before 6 months (Thu 3 Apr 2025) is not in the span',
      caseExtra: { reviews: ['2025-04-03'] },
      asOf: '2025-08-01',
      expected: adUpcoming('2025-08-25', 'Mon 25 Aug 2025', AD_BASIS),
    },
    {
      name: 'a review after 12 months (Sun 1 Feb 2026) is not in the span',
      caseExtra: { reviews: ['2026-02-01'] },
      asOf: '2025-08-01',
      expected: adUpcoming('2025-08-25', 'Mon 25 Aug 2025', AD_BASIS),
    },
    {
      // Mon 1 Dec 2025 - 42 days = Mon 20 Oct 2025.
      name: 'a review inside the span (Mon 1 Dec 2025) is the date: due 20 Oct',
      caseExtra: { reviews: ['2025-12-01'] },
      asOf: '2025-08-01',
      expected: adUpcoming(
        '2025-10-20',
        'Mon 20 Oct 2025',
        '42 days before the review on Mon 1 Dec 2025; discussions count from Sun 6 Jul 2025',
      ),
    },
    {
      // Tue 6 Jan 2026 - 42 days = Tue 25 Nov 2025.
      name: 'a review at exactly 12 months (Tue 6 Jan 2026) is in the span: due 25 Nov',
      caseExtra: { reviews: ['2026-01-06'] },
      asOf: '2025-08-01',
      expected: adUpcoming(
        '2025-11-25',
        'Tue 25 Nov 2025',
        '42 days before the review on Tue 6 Jan 2026; discussions count from Sun 6 Jul 2025',
      ),
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
            explanation: `Case C1's discussion before the review conference was due by Mon 25 Aug 2025 (${AD_BASIS}) and had not taken place by Sun 31 Aug 2025, when the rule stopped applying as case C1 closed: 7 days late.`,
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
            explanation: `Case C1's discussion before the review conference was due by Mon 25 Aug 2025 (${AD_BASIS}) and had not taken place by Sun 31 Aug 2025, when the rule stopped applying as the child-protection episode ended: 7 days late.`,
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
// The anchor in the table below is the role start (6 Jan), and the basis says so.
const MS3 = '3 months after S1 started in role on Mon 6 Jan 2025';
const MS6 = '6 months after S1 started in role on Mon 6 Jan 2025';
// Nothing counting by Wed 30 Apr: 6 Apr to 30 Apr = 24 days overdue.
const ms3Missed = {
  kind: 'missed',
  dueOn: '2025-04-06',
  metOn: null,
  daysLate: 24,
  explanation: `S1's 3 months probation review was due by Sun 6 Apr 2025 (${MS3}) and has not taken place: 24 days overdue.`,
};
const ms3Overdue = {
  dueOn: '2025-04-06',
  status: 'overdue',
  lastMetOn: null,
  explanation: `S1's 3 months probation review is overdue: it was due by Sun 6 Apr 2025 (${MS3}).`,
};
const ms6Upcoming = (lastMetOn: string | null) => ({
  dueOn: '2025-07-06',
  status: 'upcoming',
  lastMetOn,
  explanation: `S1's 6 months probation review is next due by Sun 6 Jul 2025 (${MS6}).`,
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
            explanation: `S1's 6 months probation review was due by Sun 6 Jul 2025 (${MS6}) and has not taken place: 26 days overdue.`,
          },
        ],
        obligations: [
          {
            dueOn: '2025-07-06',
            status: 'overdue',
            lastMetOn: '2025-04-01',
            explanation: `S1's 6 months probation review is overdue: it was due by Sun 6 Jul 2025 (${MS6}).`,
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
            explanation: `S1's 3 months probation review was due by Sun 6 Apr 2025 (${MS3}); it took place on Wed 30 Apr 2025, 24 days late.`,
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
            explanation: `S1's 3 months probation review was due by Sun 6 Apr 2025 (${MS3}) and had not taken place by Wed 30 Apr 2025, when the rule stopped applying as S1 left: 25 days late.`,
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
