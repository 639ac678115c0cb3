/**
 * Worked examples for interval rules (src/rules/interval.ts).
 * Most use a small inline policy so that one rule is in play; dates are counted by hand in comments.
 * Mon 3 Mar 2025 is the usual start: +7 = Mon 10 Mar, +14 = Mon 17 Mar, +28 = Mon 31 Mar,
 * +42 = Mon 14 Apr, +56 = Mon 28 Apr, +84 = Mon 26 May.
 */
import { describe, expect, it } from 'vitest';
import type {
  Closure,
  CountedFrom,
  IntervalBasis,
  NonWorkingDay,
  Report,
} from '../../../src/report/types.js';
import { event, oneToOne, run, staff } from '../../helpers.js';
import { breaches, brk, caseRule, every, held, obl, obligations, s1, tallyOf } from '../test-policies.js';

// Findings are checked by their fields and basis (what the sentence is built from); the sentences
// themselves are checked once, in test/report/wording.test.ts.
const began = (on: string): CountedFrom => ({ reason: 'rule-began', on });
const lastSession = (on: string): CountedFrom => ({ reason: 'last-session', on });
/** An interval basis: `days` days (or another duration) from `from`, due `dueBy`. */
const iv = (
  every: number | IntervalBasis['interval']['every'],
  from: CountedFrom,
  dueBy: string,
  extra: Partial<IntervalBasis> = {},
): IntervalBasis => ({
  kind: 'interval',
  from,
  interval: { every: typeof every === 'number' ? { days: every } : every },
  dueBy,
  ...extra,
});

describe('interval: what the clock runs from', () => {
  // S1 has no sessions; 28 days from 3 Mar = Mon 31 Mar; asOf Thu 10 Apr = 10 days overdue.
  it.each([
    ['the window opens (S1 starts)', {}, {}, '2025-03-03', 'rule-began'],
    ['recordsFrom, later than the start', { recordsFrom: '2025-03-03' }, {}, '2020-01-06', 'records-began'],
    [
      "the policy's effectiveFrom, later than the start and recordsFrom",
      { recordsFrom: '2024-01-01' },
      { effectiveFrom: '2025-03-03' },
      '2020-01-06',
      'policy-took-effect',
    ],
  ] as const)('clock from %s: "%s"', (_, historyExtra, policyExtra, startDate, reason) => {
    const report = run(
      every({}, policyExtra),
      { ...historyExtra, staff: [staff('S1', { startDate })] },
      '2025-04-10',
    );
    const basis = iv(28, { reason, on: '2025-03-03' }, '2025-03-31');
    expect(breaches(report)).toEqual([['missed', '2025-03-31', null, 10, basis]]);
    expect(obligations(report)).toEqual([['overdue', '2025-03-31', null, '-', basis]]);
    expect(tallyOf(report)).toEqual([1, 0]);
  });

  it.each([
    // Starting on asOf: due 28 days later, upcoming.
    ['starts on asOf', { startDate: '2025-03-03' }, 1],
    // A one-day window (start = end = asOf) is still open on asOf.
    ['starts and leaves on asOf', { startDate: '2025-03-03', endDate: '2025-03-03' }, 1],
    // Starting the day after asOf: nothing yet.
    ['starts the day after asOf', { startDate: '2025-03-04' }, 0],
  ])('a window opening at asOf: %s', (_, extra, count) => {
    const report = run(every(), { staff: [staff('S1', extra)] }, '2025-03-03');
    expect(obligations(report)).toEqual(
      [['upcoming', '2025-03-31', null, '-', iv(28, began('2025-03-03'), '2025-03-31')]].slice(0, count),
    );
    expect(report.breaches).toEqual([]);
  });
});

describe('interval: the due day itself is on time', () => {
  const due = iv(28, began('2025-03-03'), '2025-03-31');
  it.each([
    // Held on the due day (31 Mar, also asOf): on time; next due 31 Mar + 28 = Mon 28 Apr.
    ['2025-03-31', [], [1, 1], '2025-04-28'],
    // Held the day after (1 Apr, also asOf): 1 day late; next due 1 Apr + 28 = Tue 29 Apr.
    ['2025-04-01', [['late', '2025-03-31', '2025-04-01', 1, due]], [1, 0], '2025-04-29'],
  ])('held on %s, which is asOf', (date, expected, tally, next) => {
    const report = run(every(), { staff: [s1()], events: [held('E1', date)] }, date);
    expect(breaches(report)).toEqual(expected);
    expect(tallyOf(report)).toEqual(tally);
    expect(report.obligations.map((o) => [o.lastMetOn, o.status, o.dueOn, o.basis])).toEqual([
      [date, 'upcoming', next, iv(28, lastSession(date), next)],
    ]);
  });

  it.each([
    // asOf = due day, nothing held: not yet missed, and still "next due" (not overdue).
    ['2025-03-31', [], 'upcoming', [0, 0]],
    // asOf = the day after: missed by 1 day, and overdue.
    ['2025-04-01', [['missed', '2025-03-31', null, 1, due]], 'overdue', [1, 0]],
  ])('nothing held, asOf %s', (asOf, expected, status, tally) => {
    const report = run(every(), { staff: [s1()] }, asOf);
    expect(breaches(report)).toEqual(expected);
    expect(obligations(report)).toEqual([[status, '2025-03-31', null, '-', due]]);
    expect(tallyOf(report)).toEqual(tally);
  });
});

describe('interval: a window that closes before asOf', () => {
  const cin = { type: 'child-in-need', from: '2025-03-03' };
  // Nothing held from 3 Mar: due Mon 31 Mar; the window closes on Fri 4 Apr, so the breach runs to
  // Sat 5 Apr: 5 days late; no obligation once the window has closed.
  it.each([
    ['a leaver', {}, { staff: [s1({ endDate: '2025-04-04' })] }, { reason: 'left', staffId: 'S1' }],
    [
      // Two absences, only the first begins the day after the window (5 Apr).
      'an absence',
      {},
      {
        staff: [
          s1({
            absences: [
              { from: '2025-04-05', to: '2025-04-30' },
              { from: '2025-06-01', to: '2025-06-10' },
            ],
          }),
        ],
      },
      { reason: 'absence-began', staffId: 'S1' },
    ],
    [
      // since start, to 33 days: 3 Mar … 3 Mar + 33 - 1 = 4 Apr.
      "the rule's condition for staff",
      { when: { since: { anchor: 'start', to: { days: 33 } } } },
      // (S1's absence from June does not explain this close.)
      { staff: [s1({ absences: [{ from: '2025-06-01', to: '2025-06-10' }] })] },
      { reason: 'conditions-ended' },
    ],
    [
      'a case closing',
      { subject: 'case', name: 'case supervision' },
      { staff: [s1()], cases: [{ id: 'C1', episodes: [cin], closedDate: '2025-04-04' }] },
      { reason: 'case-closed', caseId: 'C1' },
    ],
    [
      // The case stays open (child in need); only its child protection plan ends.
      "the rule's condition for a case",
      { subject: 'case', name: 'case supervision', when: { episode: ['child-protection'] } },
      {
        staff: [s1()],
        cases: [
          { id: 'C1', episodes: [cin, { type: 'child-protection', from: '2025-03-03', to: '2025-04-04' }] },
        ],
      },
      { reason: 'conditions-ended' },
    ],
  ])('closed by %s', (_, ruleExtra, history, closed) => {
    const report = run(every(ruleExtra), history, '2025-04-20');
    expect(breaches(report)).toEqual([
      [
        'missed',
        '2025-03-31',
        null,
        5,
        iv(28, began('2025-03-03'), '2025-03-31', { closed: closed as Closure }),
      ],
    ]);
    // The case's finding is about the case, the staff member's about S1.
    expect(report.breaches.map((b) => b.subject.type)).toEqual(['subject' in ruleExtra ? 'case' : 'staff']);
    expect(report.obligations).toEqual([]);
    expect(tallyOf(report)).toEqual([1, 0]);
  });

  it('a leaver whose last day is asOf: the window is still open, so the breach is "overdue" and the obligation stays', () => {
    // Left Fri 4 Apr = asOf: missed since 31 Mar, 4 days overdue.
    const report = run(every(), { staff: [s1({ endDate: '2025-04-04' })] }, '2025-04-04');
    // No `closed` in the basis: the window is open on asOf.
    const basis = iv(28, began('2025-03-03'), '2025-03-31');
    expect(breaches(report)).toEqual([['missed', '2025-03-31', null, 4, basis]]);
    expect(obligations(report)).toEqual([['overdue', '2025-03-31', null, '-', basis]]);
  });
});

describe('interval: a change of interval inside a window (a case becoming CP)', () => {
  // C1 is open (child in need) from 3 Mar: 56 days, due Mon 28 Apr; on a CP plan: 14 days.
  // A change on day c moves the due date to max(L + 14, min(D, c + 14)).
  const discussion = (id: string, date: string) =>
    event('case-discussion', date, { id, superviseeId: 'S1', caseIds: ['C1'] });
  const history = (cpFrom: string, held: string[]) => ({
    staff: [s1()],
    cases: [
      {
        id: 'C1',
        episodes: [
          { type: 'child-in-need', from: '2025-03-03' },
          { type: 'child-protection', from: cpFrom },
        ],
      },
    ],
    events: held.map((date, i) => discussion(`D${i + 1}`, date)),
  });
  const from3Mar = (extra: Partial<IntervalBasis> = {}) => iv(56, began('2025-03-03'), '2025-04-28', extra);
  const cp = { every: { days: 14 }, phase: 'child protection: fortnightly' };
  it.each([
    [
      // CP from 17 Mar: max(3 Mar + 14 = 17 Mar, min(28 Apr, 17 Mar + 14 = 31 Mar)) = Mon 31 Mar; asOf 7 Apr: 7 days.
      'CP from 17 Mar moves the due date forward to 31 Mar',
      '2025-03-17',
      [],
      '2025-04-07',
      [
        'missed',
        '2025-03-31',
        null,
        7,
        from3Mar({ changes: [{ on: '2025-03-17', interval: cp, dueBy: '2025-03-31' }] }),
      ],
      ['overdue', '2025-03-31', null],
    ],
    [
      // CP from 22 Apr: max(17 Mar, min(28 Apr, 22 Apr + 14 = 6 May)) = 28 Apr: no move, no "then"; asOf 5 May: 7 days.
      'CP from 22 Apr leaves the due date at 28 Apr (no "then")',
      '2025-04-22',
      [],
      '2025-05-05',
      ['missed', '2025-04-28', null, 7, from3Mar()],
      ['overdue', '2025-04-28', null],
    ],
    [
      // CP from 17 Mar, discussed 24 Mar (on time): due 24 Mar + 14 = Mon 7 Apr; asOf 14 Apr: 7 days.
      // Only changes after the last session move the due date (none here).
      'CP from 17 Mar, then a discussion on 24 Mar',
      '2025-03-17',
      ['2025-03-24'],
      '2025-04-14',
      ['missed', '2025-04-07', null, 7, { ...iv(14, lastSession('2025-03-24'), '2025-04-07'), interval: cp }],
      ['overdue', '2025-04-07', '2025-03-24'],
    ],
  ])('%s', (_, cpFrom, held, asOf, breach, [status, dueOn, lastMetOn]) => {
    const report = run(caseRule(), history(cpFrom, held), asOf);
    expect(breaches(report)).toEqual([breach]);
    expect(report.obligations.map((o) => [o.status, o.dueOn, o.lastMetOn])).toEqual([
      [status, dueOn, lastMetOn],
    ]);
  });

  it('a discussion on the day the plan starts runs the clock at the new interval (17 Mar + 14 = 31 Mar)', () => {
    const report = run(caseRule(), history('2025-03-17', ['2025-03-17']), '2025-03-20');
    expect(obligations(report)).toEqual([
      [
        'upcoming',
        '2025-03-31',
        '2025-03-17',
        '-',
        { ...iv(14, lastSession('2025-03-17'), '2025-03-31'), interval: cp },
      ],
    ]);
    expect(tallyOf(report)).toEqual([1, 1]);
  });

  it('stricterWith on a case rule is ignored (cases have no arrangements)', () => {
    const report = run(
      caseRule({ stricterWith: ['agreed-interval'] }),
      history('2025-03-17', []),
      '2025-03-20',
    );
    expect(report.obligations.map((o) => o.dueOn)).toEqual(['2025-03-31']);
  });
});

describe('interval: breachAfter (due at one date, a breach only at another)', () => {
  // NOT-7 style: due at 56 days (Mon 28 Apr), a breach only at 84 days (Mon 26 May).
  const lenient = every({ schedule: [{ interval: { days: 56 } }], breachAfter: { days: 84 } });
  const basis = iv(56, began('2025-03-03'), '2025-04-28');
  const breachOn = (on: string) => ({ ...basis, breach: { after: { days: 84 }, on } });
  it.each([
    // asOf 10 May: overdue since 28 Apr but no breach yet.
    ['2025-05-10', [], [], ['overdue', '2025-04-28', null, '2025-05-26', basis], [0, 0]],
    // asOf 2 Jun: a breach from 26 May, 7 days.
    [
      '2025-06-02',
      [],
      [['missed', '2025-05-26', null, 7, breachOn('2025-05-26')]],
      ['overdue', '2025-04-28', null, '2025-05-26', basis],
      [1, 0],
    ],
    // Held Fri 30 May: 4 days after the breach date; next due 30 May + 56 = Fri 25 Jul, breach 30 May + 84 = Fri 22 Aug.
    [
      '2025-05-30',
      ['2025-05-30'],
      [['late', '2025-05-26', '2025-05-30', 4, breachOn('2025-05-26')]],
      // The obligation's basis says when it falls due; breachOn says when a breach would begin.
      ['upcoming', '2025-07-25', '2025-05-30', '2025-08-22', iv(56, lastSession('2025-05-30'), '2025-07-25')],
      [1, 0],
    ],
    // Held on the breach date itself (26 May): not a breach, counted as met.
    [
      '2025-05-26',
      ['2025-05-26'],
      [],
      ['upcoming', '2025-07-21', '2025-05-26', '2025-08-18', iv(56, lastSession('2025-05-26'), '2025-07-21')],
      [1, 1],
    ],
  ])('56 days, breach after 84: asOf %s, held %j', (asOf, dates, expected, obligation, tally) => {
    const report = run(lenient, { staff: [s1()], events: dates.map((date, i) => held(`E${i}`, date)) }, asOf);
    expect(breaches(report)).toEqual(expected);
    expect(obligations(report)).toEqual([obligation]);
    expect(tallyOf(report)).toEqual(tally);
  });

  it('breachAfter equal to the interval (4 weeks, 28 days): no "and a breach once" phrase', () => {
    const report = run(
      every({ schedule: [{ interval: { weeks: 4 } }], breachAfter: { days: 28 } }),
      { staff: [s1()] },
      '2025-04-01',
    );
    expect(breaches(report)).toEqual([
      [
        'missed',
        '2025-03-31',
        null,
        1,
        // No `breach` in the basis: it falls on the due date.
        iv({ weeks: 4 }, began('2025-03-03'), '2025-03-31'),
      ],
    ]);
    expect(report.obligations.map((o) => o.breachOn)).toEqual(['2025-03-31']);
  });

  it('a change of interval moves the due date but not the breach date (breach at 21 days)', () => {
    // 56 days for the first 14 days (3–16 Mar), then 14 days: due max(17 Mar, min(28 Apr, 31 Mar)) = 31 Mar;
    // the breach date stays 3 Mar + 21 = Mon 24 Mar. asOf Thu 27 Mar: 3 days.
    const rule = every({
      schedule: [
        {
          when: { since: { anchor: 'start', to: { days: 14 } } },
          interval: { days: 56 },
          label: 'settling in',
        },
        { interval: { days: 14 }, label: 'fortnightly' },
      ],
      breachAfter: { days: 21 },
    });
    const moved = iv(56, began('2025-03-03'), '2025-04-28', {
      interval: { every: { days: 56 }, phase: 'settling in' },
      changes: [
        { on: '2025-03-17', interval: { every: { days: 14 }, phase: 'fortnightly' }, dueBy: '2025-03-31' },
      ],
    });
    const report = run(rule, { staff: [s1()] }, '2025-03-27');
    expect(breaches(report)).toEqual([
      ['missed', '2025-03-24', null, 3, { ...moved, breach: { after: { days: 21 }, on: '2025-03-24' } }],
    ]);
    expect(obligations(report)).toEqual([['upcoming', '2025-03-31', null, '2025-03-24', moved]]);
  });

  // A contrived policy with the breach (7 days) before the due date (28 days), then 42 days from day c:
  // held Wed 12 Mar, 2 days after the breach date Mon 10 Mar.
  it.each([
    [
      // c = 20 Mar, after the session: the late session's basis has no "then". After it: 12 Mar + 28 = 9 Apr,
      // moved by the change on 20 Mar to max(12 Mar + 42 = 23 Apr, min(9 Apr, 20 Mar + 42 = 1 May)) = 23 Apr.
      17,
      iv(28, began('2025-03-03'), '2025-03-31'),
      iv(28, lastSession('2025-03-12'), '2025-04-09', {
        changes: [{ on: '2025-03-20', interval: { every: { days: 42 } }, dueBy: '2025-04-23' }],
      }),
    ],
    [
      // c = 12 Mar, the session's day: the change comes first, max(3 Mar + 42 = 14 Apr, min(31 Mar, 23 Apr)) = 14 Apr;
      // after the session, 12 Mar + 42 = 23 Apr.
      9,
      iv(28, began('2025-03-03'), '2025-03-31', {
        changes: [{ on: '2025-03-12', interval: { every: { days: 42 } }, dueBy: '2025-04-14' }],
      }),
      iv(42, lastSession('2025-03-12'), '2025-04-23'),
    ],
  ])('28 days until start + %i days, then 42; breach after 7 days', (days, lateBasis, nextBasis) => {
    const rule = every({
      schedule: [
        { when: { since: { anchor: 'start', to: { days } } }, interval: { days: 28 } },
        { interval: { days: 42 } },
      ],
      breachAfter: { days: 7 },
    });
    const report = run(rule, { staff: [s1()], events: [held('E1', '2025-03-12')] }, '2025-03-12');
    expect(breaches(report)).toEqual([
      [
        'late',
        '2025-03-10',
        '2025-03-12',
        2,
        { ...lateBasis, breach: { after: { days: 7 }, on: '2025-03-10' } },
      ],
    ]);
    expect(obligations(report)).toEqual([['upcoming', '2025-04-23', '2025-03-12', '2025-03-19', nextBasis]]);
  });
});

describe('interval: DER-1 extended to 42 days under DER-2', () => {
  // DER-2 needs an authorised extension and a supervisor with more than 8 reports. M1 has no directReports
  // given, so the staff who have M1 as a supervisor are counted: S1 and `others` more.
  const history = (others: number, held: string[]) => {
    const sup = (id: string) =>
      staff(id, { startDate: '2025-02-03', supervisors: [{ supervisorId: 'M1', from: '2025-02-03' }] });
    return {
      staff: [
        {
          ...sup('S1'),
          arrangements: [{ type: 'extended-interval-authorised', from: '2025-03-10' }],
        },
        ...Array.from({ length: others }, (_, i) => sup(`X${i + 1}`)),
        staff('M1', { role: 'team-manager' }),
      ],
      events: held.map((date, i) => held1(`H${i}`, date)),
    };
  };
  const held1 = (id: string, date: string) =>
    oneToOne('S1', date, { id, supervisorId: 'M1', recordedAt: date });
  const der1 = (report: Report) =>
    report.breaches.filter((b) => b.ruleId === 'DER-1' && b.subject.id === 'S1').map(brk);
  const der1Due = (report: Report) =>
    report.obligations.filter((o) => o.ruleId === 'DER-1' && o.subject.id === 'S1').map(obl);

  it.each([
    [
      // 9 staff report to M1 (> 8): from Mon 10 Mar the interval is 42 days. Last held Mon 3 Mar (due then
      // 3 Apr): max(3 Mar + 42 = 14 Apr, min(3 Apr, 10 Mar + 42 = 21 Apr)) = Mon 14 Apr; asOf 22 Apr: 8 days.
      8,
      [
        'missed',
        '2025-04-14',
        null,
        8,
        iv({ months: 1 }, lastSession('2025-03-03'), '2025-04-03', {
          changes: [
            { on: '2025-03-10', interval: { every: { days: 42 }, via: 'DER-2' }, dueBy: '2025-04-14' },
          ],
        }),
      ],
    ],
    [
      // 8 staff report to M1 (not over 8): monthly, due Thu 3 Apr; asOf 22 Apr: 19 days.
      7,
      ['missed', '2025-04-03', null, 19, iv({ months: 1 }, lastSession('2025-03-03'), '2025-04-03')],
    ],
  ])('S1 and %i others report to M1', (others, breach) => {
    // S1 starts Mon 3 Feb; held Mon 3 Mar = 3 Feb + 1 month, on time.
    const report = run('derby', history(others, ['2025-03-03']), '2025-04-22');
    expect(der1(report)).toEqual([breach]);
  });

  it('held on Mon 14 Apr inside the extension: next due 14 Apr + 42 = Mon 26 May, "42 days, as extended under DER-2"', () => {
    const report = run('derby', history(8, ['2025-03-03', '2025-04-14']), '2025-04-22');
    expect(der1(report)).toEqual([]);
    expect(der1Due(report)).toEqual([
      [
        'upcoming',
        '2025-05-26',
        '2025-04-14',
        '-',
        {
          ...iv(42, lastSession('2025-04-14'), '2025-05-26'),
          interval: { every: { days: 42 }, via: 'DER-2' },
        },
      ],
    ]);
  });
});

describe('interval: working-day intervals name the days they skip', () => {
  const weekend = (date: string): NonWorkingDay => ({ date, reason: 'weekend' });
  // Good Friday and Easter Monday by name, and the two weekends.
  const gfEm: NonWorkingDay[] = [
    { date: '2025-04-18', reason: 'bank-holiday', name: 'Good Friday' },
    weekend('2025-04-19'),
    weekend('2025-04-20'),
    { date: '2025-04-21', reason: 'bank-holiday', name: 'Easter Monday' },
    weekend('2025-04-26'),
    weekend('2025-04-27'),
  ];
  it.each([
    // Thu 17 Apr + 5 working days: Tue 22, Wed 23, Thu 24, Fri 25, Mon 28 Apr; asOf Wed 30 Apr: 2 days.
    [
      5,
      '2025-04-17',
      [],
      '2025-04-30',
      '2025-04-28',
      2,
      iv({ workingDays: 5 }, began('2025-04-17'), '2025-04-28', { skipped: gfEm }),
    ],
    // Started Mon 14 Apr (due Wed 23 Apr), held Thu 17 Apr: the clock restarts from 17 Apr.
    [
      5,
      '2025-04-14',
      ['2025-04-17'],
      '2025-04-30',
      '2025-04-28',
      2,
      iv({ workingDays: 5 }, lastSession('2025-04-17'), '2025-04-28', { skipped: gfEm }),
    ],
    // Mon 3 Mar + 4 working days = Fri 7 Mar, nothing skipped (so no `skipped`, as a record's basis);
    // asOf Mon 10 Mar: 3 days.
    [
      4,
      '2025-03-03',
      [],
      '2025-03-10',
      '2025-03-07',
      3,
      iv({ workingDays: 4 }, began('2025-03-03'), '2025-03-07'),
    ],
  ])(
    '%i working days from a start on %s, held %j',
    (workingDays, startDate, dates, asOf, dueOn, days, basis) => {
      const rule = every({ schedule: [{ interval: { workingDays } }] });
      const events = dates.map((date, i) => held(`V${i}`, date));
      const report = run(rule, { staff: [s1({ startDate })], events }, asOf);
      expect(breaches(report)).toEqual([['missed', dueOn, null, days, basis]]);
    },
  );
});

describe('interval: windows either side of a gap', () => {
  it('an absence (5–30 Apr) splits the windows: the clock restarts on return, Thu 1 May', () => {
    // Window 1, 3 Mar – 4 Apr: due 31 Mar, 5 days late when the absence began. Window 2 from 1 May: due
    // 1 May + 28 = Thu 29 May; asOf Tue 20 May, upcoming.
    const report = run(
      every(),
      { staff: [s1({ absences: [{ from: '2025-04-05', to: '2025-04-30' }] })] },
      '2025-05-20',
    );
    expect(report.breaches.map((b) => [b.kind, b.dueOn, b.daysLate])).toEqual([['missed', '2025-03-31', 5]]);
    expect(obligations(report)).toEqual([
      ['upcoming', '2025-05-29', null, '-', iv(28, began('2025-05-01'), '2025-05-29')],
    ]);
  });
});
