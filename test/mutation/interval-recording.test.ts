/**
 * Worked examples for interval rules (src/rules/interval.ts), their segments and conditions
 * (src/engine/segments.ts, src/engine/conditions.ts) and recording rules (src/rules/recording.ts).
 * Most use a small inline policy so that one rule is in play; dates are counted by hand in comments.
 * Mon 3 Mar 2025 is the usual start: +7 = Mon 10 Mar, +14 = Mon 17 Mar, +28 = Mon 31 Mar,
 * +42 = Mon 14 Apr, +56 = Mon 28 Apr, +84 = Mon 26 May.
 */
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/schema.js';
import type { Breach, Obligation, Report } from '../../src/report/types.js';
import { event, oneToOne, run, staff } from '../helpers.js';

const CITE = { source: 'test', section: '1', quote: 'q' };

const policy = (rules: Record<string, unknown>[], extra: Record<string, unknown> = {}): Policy =>
  loadPolicy({
    id: 'mutation',
    name: 'Mutation examples',
    council: 'Test council',
    source: 'test',
    version: '1',
    effectiveFrom: '2020-01-01',
    rules,
    ...extra,
  });

const intervalRule = (extra: Record<string, unknown> = {}) => ({
  id: 'TST-1',
  name: 'supervision',
  activity: 'one-to-one',
  strength: 'must',
  citation: CITE,
  kind: 'interval',
  subject: 'staff',
  counts: ['one-to-one'],
  schedule: [{ interval: { days: 28 } }],
  ...extra,
});

/** An interval policy of one rule (28 days unless `extra` says otherwise). */
const every = (extra: Record<string, unknown> = {}, policyExtra: Record<string, unknown> = {}) =>
  policy([intervalRule(extra)], policyExtra);

/** A case rule: 56 days, 14 days while the case is on a child protection plan. */
const caseRule = (extra: Record<string, unknown> = {}) =>
  every({
    subject: 'case',
    name: 'case supervision',
    counts: ['one-to-one', 'case-discussion'],
    schedule: [
      {
        when: { episode: ['child-protection'] },
        interval: { days: 14 },
        label: 'child protection: fortnightly',
      },
      { interval: { days: 56 } },
    ],
    ...extra,
  });

const brk = (b: Breach) => [b.kind, b.dueOn, b.metOn, b.daysLate, b.explanation];
const obl = (o: Obligation) => [o.status, o.dueOn, o.lastMetOn, o.breachOn ?? '-', o.explanation];
const breaches = (r: Report) => r.breaches.map(brk);
const obligations = (r: Report) => r.obligations.map(obl);
const tallyOf = (r: Report) => [r.totals.deadlines, r.totals.deadlinesMet];

const held = (id: string, date: string, extra: Record<string, unknown> = {}) =>
  oneToOne('S1', date, { id, ...extra });
const s1 = (extra: Record<string, unknown> = {}) => staff('S1', { startDate: '2025-03-03', ...extra });

describe('interval: what the clock runs from', () => {
  // S1 has no sessions; 28 days from 3 Mar = Mon 31 Mar; asOf Thu 10 Apr = 10 days overdue.
  it.each([
    ['the window opens (S1 starts)', {}, {}, '2025-03-03', 'the rule began to apply on'],
    [
      'recordsFrom, later than the start',
      { recordsFrom: '2025-03-03' },
      {},
      '2020-01-06',
      'records begin on',
    ],
    [
      "the policy's effectiveFrom, later than the start and recordsFrom",
      { recordsFrom: '2024-01-01' },
      { effectiveFrom: '2025-03-03' },
      '2020-01-06',
      'the policy took effect on',
    ],
  ])('clock from %s: "%s"', (_, historyExtra, policyExtra, startDate, opening) => {
    const report = run(
      every({}, policyExtra),
      { ...historyExtra, staff: [staff('S1', { startDate })] },
      '2025-04-10',
    );
    const basis = `28 days after ${opening} Mon 3 Mar 2025`;
    expect(breaches(report)).toEqual([
      [
        'missed',
        '2025-03-31',
        null,
        10,
        `S1's supervision was due by Mon 31 Mar 2025 (${basis}) and has not taken place: 10 days overdue.`,
      ],
    ]);
    expect(obligations(report)).toEqual([
      [
        'overdue',
        '2025-03-31',
        null,
        '-',
        `S1's supervision is overdue: it was due by Mon 31 Mar 2025 (${basis}).`,
      ],
    ]);
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
      [
        [
          'upcoming',
          '2025-03-31',
          null,
          '-',
          "S1's supervision is next due by Mon 31 Mar 2025 (28 days after the rule began to apply on Mon 3 Mar 2025).",
        ],
      ].slice(0, count),
    );
    expect(report.breaches).toEqual([]);
  });
});

describe('interval: the due day itself is on time', () => {
  const due =
    "S1's supervision was due by Mon 31 Mar 2025 (28 days after the rule began to apply on Mon 3 Mar 2025)";
  it.each([
    // Held on the due day (31 Mar, also asOf): on time; next due 31 Mar + 28 = Mon 28 Apr.
    ['2025-03-31', [], [1, 1], 'Mon 28 Apr 2025 (28 days after Mon 31 Mar 2025)'],
    // Held the day after (1 Apr, also asOf): 1 day late; next due 1 Apr + 28 = Tue 29 Apr.
    [
      '2025-04-01',
      [['late', '2025-03-31', '2025-04-01', 1, `${due}; it took place on Tue 1 Apr 2025, 1 day late.`]],
      [1, 0],
      'Tue 29 Apr 2025 (28 days after Tue 1 Apr 2025)',
    ],
  ])('held on %s, which is asOf', (date, expected, tally, next) => {
    const report = run(every(), { staff: [s1()], events: [held('E1', date)] }, date);
    expect(breaches(report)).toEqual(expected);
    expect(tallyOf(report)).toEqual(tally);
    expect(report.obligations.map((o) => [o.lastMetOn, o.status, o.explanation])).toEqual([
      [date, 'upcoming', `S1's supervision is next due by ${next}.`],
    ]);
  });

  it.each([
    // asOf = due day, nothing held: not yet missed, and still "next due" (not overdue).
    ['2025-03-31', [], 'upcoming', 'is next due by Mon 31 Mar 2025', [0, 0]],
    // asOf = the day after: missed by 1 day, and overdue.
    [
      '2025-04-01',
      [['missed', '2025-03-31', null, 1, `${due} and has not taken place: 1 day overdue.`]],
      'overdue',
      'is overdue: it was due by Mon 31 Mar 2025',
      [1, 0],
    ],
  ])('nothing held, asOf %s', (asOf, expected, status, words, tally) => {
    const report = run(every(), { staff: [s1()] }, asOf);
    expect(breaches(report)).toEqual(expected);
    expect(obligations(report)).toEqual([
      [
        status,
        '2025-03-31',
        null,
        '-',
        `S1's supervision ${words} (28 days after the rule began to apply on Mon 3 Mar 2025).`,
      ],
    ]);
    expect(tallyOf(report)).toEqual(tally);
  });
});

describe('interval: a window that closes before asOf', () => {
  const cin = { type: 'child-in-need', from: '2025-03-03' };
  // Nothing held from 3 Mar: due Mon 31 Mar; the window closes on Fri 4 Apr, so the breach runs to
  // Sat 5 Apr: 5 days late; no obligation once the window has closed.
  it.each([
    ['a leaver', {}, { staff: [s1({ endDate: '2025-04-04' })] }, 'S1 left', "S1's supervision"],
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
      "S1's absence began",
      "S1's supervision",
    ],
    [
      // since start, to 33 days: 3 Mar … 3 Mar + 33 - 1 = 4 Apr.
      "the rule's condition for staff",
      { when: { since: { anchor: 'start', to: { days: 33 } } } },
      // (S1's absence from June does not explain this close.)
      { staff: [s1({ absences: [{ from: '2025-06-01', to: '2025-06-10' }] })] },
      'its conditions no longer held',
      "S1's supervision",
    ],
    [
      'a case closing',
      { subject: 'case', name: 'case supervision' },
      { staff: [s1()], cases: [{ id: 'C1', episodes: [cin], closedDate: '2025-04-04' }] },
      'case C1 closed',
      "Case C1's case supervision",
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
      'its conditions no longer held',
      "Case C1's case supervision",
    ],
  ])('closed by %s', (_, ruleExtra, history, reason, whose) => {
    const report = run(every(ruleExtra), history, '2025-04-20');
    expect(breaches(report)).toEqual([
      [
        'missed',
        '2025-03-31',
        null,
        5,
        `${whose} was due by Mon 31 Mar 2025 (28 days after the rule began to apply on Mon 3 Mar 2025) and had not taken place by Fri 4 Apr 2025, when the rule stopped applying as ${reason}: 5 days late.`,
      ],
    ]);
    expect(report.obligations).toEqual([]);
    expect(tallyOf(report)).toEqual([1, 0]);
  });

  it('a leaver whose last day is asOf: the window is still open, so the breach is "overdue" and the obligation stays', () => {
    // Left Fri 4 Apr = asOf: missed since 31 Mar, 4 days overdue.
    const report = run(every(), { staff: [s1({ endDate: '2025-04-04' })] }, '2025-04-04');
    const basis = '(28 days after the rule began to apply on Mon 3 Mar 2025)';
    expect(breaches(report)).toEqual([
      [
        'missed',
        '2025-03-31',
        null,
        4,
        `S1's supervision was due by Mon 31 Mar 2025 ${basis} and has not taken place: 4 days overdue.`,
      ],
    ]);
    expect(obligations(report)).toEqual([
      [
        'overdue',
        '2025-03-31',
        null,
        '-',
        `S1's supervision is overdue: it was due by Mon 31 Mar 2025 ${basis}.`,
      ],
    ]);
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
  const whose = "Case C1's case supervision";
  const from3Mar = '56 days after the rule began to apply on Mon 3 Mar 2025';
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
        `${whose} was due by Mon 31 Mar 2025 (${from3Mar}; then Mon 31 Mar 2025, since the interval became 14 days under "child protection: fortnightly" on Mon 17 Mar 2025) and has not taken place: 7 days overdue.`,
      ],
      ['overdue', '2025-03-31', null],
    ],
    [
      // CP from 22 Apr: max(17 Mar, min(28 Apr, 22 Apr + 14 = 6 May)) = 28 Apr: no move, no "then"; asOf 5 May: 7 days.
      'CP from 22 Apr leaves the due date at 28 Apr (no "then")',
      '2025-04-22',
      [],
      '2025-05-05',
      [
        'missed',
        '2025-04-28',
        null,
        7,
        `${whose} was due by Mon 28 Apr 2025 (${from3Mar}) and has not taken place: 7 days overdue.`,
      ],
      ['overdue', '2025-04-28', null],
    ],
    [
      // CP from 17 Mar, discussed 24 Mar (on time): due 24 Mar + 14 = Mon 7 Apr; asOf 14 Apr: 7 days.
      // Only changes after the last session move the due date (none here).
      'CP from 17 Mar, then a discussion on 24 Mar',
      '2025-03-17',
      ['2025-03-24'],
      '2025-04-14',
      [
        'missed',
        '2025-04-07',
        null,
        7,
        `${whose} was due by Mon 7 Apr 2025 (14 days after Mon 24 Mar 2025) and has not taken place: 7 days overdue.`,
      ],
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
        `${whose} is next due by Mon 31 Mar 2025 (14 days after Mon 17 Mar 2025).`,
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
  const basis = '56 days after the rule began to apply on Mon 3 Mar 2025';
  it.each([
    // asOf 10 May: overdue since 28 Apr but no breach yet.
    [
      '2025-05-10',
      [],
      [],
      [
        'overdue',
        '2025-04-28',
        null,
        '2025-05-26',
        `S1's supervision is overdue: it was due by Mon 28 Apr 2025 (${basis}).`,
      ],
      [0, 0],
    ],
    // asOf 2 Jun: a breach from 26 May, 7 days.
    [
      '2025-06-02',
      [],
      [
        [
          'missed',
          '2025-05-26',
          null,
          7,
          `S1's supervision was due by Mon 26 May 2025 (${basis}, and a breach once nothing was held by Mon 26 May 2025) and has not taken place: 7 days overdue.`,
        ],
      ],
      [
        'overdue',
        '2025-04-28',
        null,
        '2025-05-26',
        `S1's supervision is overdue: it was due by Mon 28 Apr 2025 (${basis}).`,
      ],
      [1, 0],
    ],
    // Held Fri 30 May: 4 days after the breach date; next due 30 May + 56 = Fri 25 Jul, breach 30 May + 84 = Fri 22 Aug.
    [
      '2025-05-30',
      ['2025-05-30'],
      [
        [
          'late',
          '2025-05-26',
          '2025-05-30',
          4,
          `S1's supervision was due by Mon 26 May 2025 (${basis}, and a breach once nothing was held by Mon 26 May 2025); it took place on Fri 30 May 2025, 4 days late.`,
        ],
      ],
      [
        'upcoming',
        '2025-07-25',
        '2025-05-30',
        '2025-08-22',
        "S1's supervision is next due by Fri 25 Jul 2025 (56 days after Fri 30 May 2025).",
      ],
      [1, 0],
    ],
    // Held on the breach date itself (26 May): not a breach, counted as met.
    [
      '2025-05-26',
      ['2025-05-26'],
      [],
      [
        'upcoming',
        '2025-07-21',
        '2025-05-26',
        '2025-08-18',
        "S1's supervision is next due by Mon 21 Jul 2025 (56 days after Mon 26 May 2025).",
      ],
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
        "S1's supervision was due by Mon 31 Mar 2025 (4 weeks after the rule began to apply on Mon 3 Mar 2025) and has not taken place: 1 day overdue.",
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
    const moved = `56 days after the rule began to apply on Mon 3 Mar 2025; then Mon 31 Mar 2025, since the interval became 14 days under "fortnightly" on Mon 17 Mar 2025`;
    const report = run(rule, { staff: [s1()] }, '2025-03-27');
    expect(breaches(report)).toEqual([
      [
        'missed',
        '2025-03-24',
        null,
        3,
        `S1's supervision was due by Mon 24 Mar 2025 (${moved}, and a breach once nothing was held by Mon 24 Mar 2025) and has not taken place: 3 days overdue.`,
      ],
    ]);
    expect(obligations(report)).toEqual([
      [
        'upcoming',
        '2025-03-31',
        null,
        '2025-03-24',
        `S1's supervision is next due by Mon 31 Mar 2025 (${moved}).`,
      ],
    ]);
  });

  // A contrived policy with the breach (7 days) before the due date (28 days), then 42 days from day c:
  // held Wed 12 Mar, 2 days after the breach date Mon 10 Mar.
  it.each([
    [
      // c = 20 Mar, after the session: the late session's basis has no "then". After it: 12 Mar + 28 = 9 Apr,
      // moved by the change on 20 Mar to max(12 Mar + 42 = 23 Apr, min(9 Apr, 20 Mar + 42 = 1 May)) = 23 Apr.
      17,
      '28 days after the rule began to apply on Mon 3 Mar 2025',
      '28 days after Wed 12 Mar 2025; then Wed 23 Apr 2025, since the interval became 42 days on Thu 20 Mar 2025',
    ],
    [
      // c = 12 Mar, the session's day: the change comes first, max(3 Mar + 42 = 14 Apr, min(31 Mar, 23 Apr)) = 14 Apr;
      // after the session, 12 Mar + 42 = 23 Apr.
      9,
      '28 days after the rule began to apply on Mon 3 Mar 2025; then Mon 14 Apr 2025, since the interval became 42 days on Wed 12 Mar 2025',
      '42 days after Wed 12 Mar 2025',
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
        `S1's supervision was due by Mon 10 Mar 2025 (${lateBasis}, and a breach once nothing was held by Mon 10 Mar 2025); it took place on Wed 12 Mar 2025, 2 days late.`,
      ],
    ]);
    expect(obligations(report)).toEqual([
      [
        'upcoming',
        '2025-04-23',
        '2025-03-12',
        '2025-03-19',
        `S1's supervision is next due by Wed 23 Apr 2025 (${nextBasis}).`,
      ],
    ]);
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
        "S1's monthly supervision was due by Mon 14 Apr 2025 (1 month after Mon 3 Mar 2025; then Mon 14 Apr 2025, since the interval became 42 days, as extended under DER-2, on Mon 10 Mar 2025) and has not taken place: 8 days overdue.",
      ],
    ],
    [
      // 8 staff report to M1 (not over 8): monthly, due Thu 3 Apr; asOf 22 Apr: 19 days.
      7,
      [
        'missed',
        '2025-04-03',
        null,
        19,
        "S1's monthly supervision was due by Thu 3 Apr 2025 (1 month after Mon 3 Mar 2025) and has not taken place: 19 days overdue.",
      ],
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
        "S1's monthly supervision is next due by Mon 26 May 2025 (42 days, as extended under DER-2, after Mon 14 Apr 2025).",
      ],
    ]);
  });
});

describe('segments: intervals from arrangements and notEvaluable', () => {
  it.each([
    // S1's clock runs from 3 Mar: + 2 weeks = Mon 17 Mar; + 1 week = Mon 10 Mar.
    [
      'agreed-interval',
      { weeks: 2 },
      'the agreed 2 weeks',
      '2025-03-17',
      'Mon 17 Mar 2025',
      'agreed interval',
    ],
    [
      'performance-plan',
      { weeks: 1 },
      "the performance plan's 1 week",
      '2025-03-10',
      'Mon 10 Mar 2025',
      'performance plan',
    ],
  ])(
    'schedule from the %s: covered, uncovered and partly covered staff',
    (type, interval, label, dueOn, due, words) => {
      const rule = every({ schedule: [{ interval: { fromArrangement: type } }], notEvaluableWithout: type });
      const history = {
        staff: [
          // S1: the arrangement covers all of S1's employment: clock from 3 Mar at its interval.
          s1({ arrangements: [{ type, from: '2025-03-03', interval }] }),
          // S2: none. S3: only from 17 Mar (after asOf), so S3 too has days with no interval.
          staff('S2', { startDate: '2025-03-03' }),
          staff('S3', { startDate: '2025-03-03', arrangements: [{ type, from: '2025-03-17', interval }] }),
        ],
      };
      const report = run(rule, history, '2025-03-03');
      expect(report.notEvaluable).toEqual(
        ['S2', 'S3'].map((id) => ({
          ruleId: 'TST-1',
          subject: { type: 'staff', id },
          reason: `${id} has no ${words} recorded, and the policy sets no default interval for supervision`,
        })),
      );
      expect(obligations(report)).toEqual([
        [
          'upcoming',
          dueOn,
          null,
          '-',
          `S1's supervision is next due by ${due} (${label} after the rule began to apply on Mon 3 Mar 2025).`,
        ],
      ]);
    },
  );

  it('a case rule whose interval comes from an arrangement: cases have none, so notEvaluable', () => {
    const rule = every({
      subject: 'case',
      name: 'case supervision',
      schedule: [{ interval: { fromArrangement: 'performance-plan' } }],
      notEvaluableWithout: 'performance-plan',
    });
    const history = {
      staff: [s1()],
      cases: [{ id: 'C1', episodes: [{ type: 'child-in-need', from: '2025-03-03' }] }],
    };
    const report = run(rule, history, '2025-03-10');
    expect(report.notEvaluable).toEqual([
      {
        ruleId: 'TST-1',
        subject: { type: 'case', id: 'C1' },
        reason:
          'case C1 has no performance plan recorded, and the policy sets no default interval for case supervision',
      },
    ]);
    expect(report.obligations).toEqual([]);
  });

  it('notEvaluableWithout on a rule with a fixed interval never fires', () => {
    const report = run(every({ notEvaluableWithout: 'agreed-interval' }), { staff: [s1()] }, '2025-03-10');
    expect(report.notEvaluable).toEqual([]);
    expect(report.obligations.map((o) => o.dueOn)).toEqual(['2025-03-31']);
  });
});

describe('conditions: the days a rule applies', () => {
  const dueOf = (report: Report) => report.obligations.map((o) => [o.subject.id, o.dueOn]);

  it('a condition key given as undefined is skipped (JavaScript callers write it)', () => {
    const report = run(every({ when: { role: undefined, fullTime: true } }), { staff: [s1()] }, '2025-03-10');
    expect(dueOf(report)).toEqual([['S1', '2025-03-31']]);
  });

  it.each([
    [{}, [['T1', '2025-03-31']]],
    [{ episode: ['child-protection'] }, []],
    [{ flag: ['high-risk'] }, []],
    [{ allocated: true }, []],
    [{ fullTime: true }, []],
  ])('a team rule with when %j', (when, expected) => {
    const rule = every({ subject: 'team', counts: ['group'], when });
    const report = run(rule, { staff: [s1({ teamId: 'T1' })] }, '2025-03-10');
    expect(dueOf(report)).toEqual(expected);
  });

  it.each([
    // A case-only key asked of staff, and a staff-only key asked of a case, never hold.
    ['staff', { episode: ['child-in-need'] }],
    ['staff', { flag: ['high-risk'] }],
    ['staff', { allocated: true }],
    ['case', { role: ['social-worker'] }],
    ['case', { supervisorReportsOver: 0 }],
  ])('a %s rule with when %j never applies', (subject, when) => {
    const history = {
      staff: [s1()],
      cases: [{ id: 'C1', episodes: [{ type: 'child-in-need', from: '2025-03-03' }] }],
    };
    expect(dueOf(run(every({ subject, when }), history, '2025-03-10'))).toEqual([]);
  });

  // S1 starts Mon 6 Jan, in role from Mon 3 Feb, ASYE from Mon 3 Mar; the rule applies from 7 days after the anchor.
  it.each([
    ['start', {}, 'overdue: it was due by Mon 10 Feb 2025', 'Mon 13 Jan 2025'],
    ['roleStart', {}, 'next due by Mon 10 Mar 2025', 'Mon 10 Feb 2025'],
    ['asyeStart', {}, 'next due by Mon 7 Apr 2025', 'Mon 10 Mar 2025'],
    ['asyeStart', { asye: null }, '', ''],
  ])('since %s + 7 days', (anchor, extra, words, from) => {
    const s = staff('S1', {
      startDate: '2025-01-06',
      roleStartDate: '2025-02-03',
      asye: { start: '2025-03-03' },
      ...extra,
    });
    const report = run(
      every({ when: { since: { anchor, from: { days: 7 } } } }),
      { staff: [s] },
      '2025-03-10',
    );
    expect(report.obligations.map((o) => o.explanation)).toEqual(
      words ? [`S1's supervision is ${words} (28 days after the rule began to apply on ${from}).`] : [],
    );
  });

  it.each([
    // from 7 to 8 days: the one day 3 Mar + 7 = 10 Mar (to is exclusive: 3 Mar + 8 - 1); asOf that day.
    [{ days: 7 }, { days: 8 }, [['S1', '2025-04-07']]],
    // from 8 to 7 days: no day at all.
    [{ days: 8 }, { days: 7 }, []],
  ])('since start, from %j to %j', (from, to, expected) => {
    const report = run(
      every({ when: { since: { anchor: 'start', from, to } } }),
      { staff: [s1()] },
      '2025-03-10',
    );
    expect(dueOf(report)).toEqual(expected);
  });

  it('arrangement: only the arrangement of that type opens the rule (a performance plan from Mon 10 Mar)', () => {
    const s = s1({
      arrangements: [
        { type: 'agreed-interval', from: '2025-03-03', interval: { weeks: 2 } },
        { type: 'performance-plan', from: '2025-03-10', interval: { weeks: 1 } },
      ],
    });
    const report = run(every({ when: { arrangement: 'performance-plan' } }), { staff: [s] }, '2025-03-10');
    // 10 Mar + 28 = Mon 7 Apr (from 3 Mar it would be 31 Mar).
    expect(dueOf(report)).toEqual([['S1', '2025-04-07']]);
  });

  it.each([
    // Allocated from Mon 17 Mar: 7 days from then, due Mon 24 Mar.
    [true, [], [['C1', '2025-03-24']]],
    // Not allocated 3–16 Mar: due Mon 10 Mar, window closed on Sun 16 Mar: 7 days late, no obligation.
    [false, [['missed', '2025-03-10', 7]], []],
  ])('a case rule, allocated: %s', (allocated, missed, due) => {
    const rule = every({ subject: 'case', schedule: [{ interval: { days: 7 } }], when: { allocated } });
    const history = {
      staff: [s1()],
      cases: [
        {
          id: 'C1',
          episodes: [{ type: 'child-in-need', from: '2025-03-03' }],
          allocations: [{ workerId: 'S1', from: '2025-03-17' }],
        },
      ],
    };
    const report = run(rule, history, '2025-03-17');
    expect(report.breaches.map((b) => [b.kind, b.dueOn, b.daysLate])).toEqual(missed);
    expect(dueOf(report)).toEqual(due);
  });

  // Before 1970 day numbers are negative: a missing qualification or confirmation date must still mean
  // "always", not "from day 0" (1 Jan 1970). S1 starts Mon 6 Jan 1969; due 28 days later, Mon 3 Feb 1969.
  it.each([
    [{ qualifiedFor: { days: 30 } }, [['S1', '1969-02-03']]],
    [{ confirmedInPost: true }, [['S1', '1969-02-03']]],
    [{ confirmedInPost: false }, []],
  ])('S1 with no qualification or confirmation date, in 1969: when %j', (when, expected) => {
    const report = run(
      every({ when }, { effectiveFrom: '1969-01-01' }),
      { staff: [staff('S1', { startDate: '1969-01-06' })] },
      '1969-01-06',
    );
    expect(dueOf(report)).toEqual(expected);
  });
});

/** A recording rule: a record of each one-to-one within 2 working days, unless `extra` says otherwise. */
const recordRule = (extra: Record<string, unknown> = {}) => ({
  id: 'TST-2',
  name: 'record',
  activity: 'recording',
  strength: 'must',
  citation: CITE,
  kind: 'recording',
  records: 'session',
  counts: ['one-to-one'],
  deadline: { workingDays: 2 },
  ...extra,
});

describe('recording rules', () => {
  const records = (extra: Record<string, unknown> = {}) => policy([recordRule(extra)]);
  const late = (b: Breach) => [
    b.kind,
    b.dueOn,
    b.metOn,
    b.daysLate,
    'hoursLate' in b ? b.hoursLate : '-',
    b.explanation,
  ];
  const recs = (r: Report) =>
    r.recordings.map((x) => [x.eventId, 'caseId' in x ? x.caseId : '-', x.deadline, x.recordedAt, x.status]);

  it.each([
    [
      // Thu 17 Apr + 2 working days, skipping Good Friday, the weekend and Easter Monday: Wed 23 Apr; recorded Thu 24 Apr.
      2,
      '2025-04-17',
      '2025-04-24',
      '2025-04-23',
      1,
      'Thu 17 Apr 2025 for S1 was due by Wed 23 Apr 2025 (2 working days after Thu 17 Apr 2025, skipping Fri 18 Apr 2025 Good Friday bank holiday, Mon 21 Apr 2025 Easter Monday bank holiday, 2 weekend days); it was recorded on Thu 24 Apr 2025, 1 day late.',
    ],
    [
      // Mon 3 Mar + 1 working day = Tue 4 Mar; recorded Thu 6 Mar: 2 days late, nothing skipped.
      1,
      '2025-03-03',
      '2025-03-06',
      '2025-03-04',
      2,
      'Mon 3 Mar 2025 for S1 was due by Tue 4 Mar 2025 (1 working day after Mon 3 Mar 2025); it was recorded on Thu 6 Mar 2025, 2 days late.',
    ],
    [
      // Fri 7 Mar + 1 working day = Mon 10 Mar; recorded Tue 11 Mar.
      1,
      '2025-03-07',
      '2025-03-11',
      '2025-03-10',
      1,
      'Fri 7 Mar 2025 for S1 was due by Mon 10 Mar 2025 (1 working day after Fri 7 Mar 2025, skipping 2 weekend days); it was recorded on Tue 11 Mar 2025, 1 day late.',
    ],
  ])(
    '%i working day(s) after %s, recorded %s',
    (workingDays, date, recordedAt, deadline, daysLate, words) => {
      // Two sessions on the same day share the deadline and its basis.
      const report = run(
        records({ deadline: { workingDays } }),
        { staff: [s1()], events: ['W1', 'W2'].map((id) => held(id, date, { recordedAt })) },
        '2025-05-01',
      );
      expect(report.breaches.map(late)).toEqual(
        ['W1', 'W2'].map((id) => [
          'late-recording',
          deadline,
          recordedAt,
          daysLate,
          '-',
          `The record of one-to-one ${id} on ${words}`,
        ]),
      );
      expect(recs(report)).toEqual(['W1', 'W2'].map((id) => [id, '-', deadline, recordedAt, 'late']));
      expect(report.totals).toMatchObject({ records: 2, recordsOnTime: 0 });
    },
  );

  it('2 working days, never recorded: unrecorded from Wed 5 Mar, 5 days by Mon 10 Mar', () => {
    const report = run(records(), { staff: [s1()], events: [held('W3', '2025-03-03')] }, '2025-03-10');
    expect(report.breaches.map(late)).toEqual([
      [
        'unrecorded',
        '2025-03-05',
        null,
        5,
        '-',
        'The record of one-to-one W3 on Mon 3 Mar 2025 for S1 was due by Wed 5 Mar 2025 (2 working days after Mon 3 Mar 2025) and has not been recorded: 5 days overdue.',
      ],
    ]);
    expect(report.breaches[0]).toMatchObject({
      eventId: 'W3',
      subject: { type: 'staff', id: 'S1' },
      severity: 'breach',
    });
  });

  describe('72 clock hours', () => {
    const began = (start: string) => `72 hours after the session began on ${start}`;
    const mar3 =
      'The record of one-to-one H1 on Mon 3 Mar 2025 for S1 was due by Thu 6 Mar 2025 at 10:00 (72 hours after the session began on Mon 3 Mar 2025 at 10:00); it was recorded';
    it.each([
      // Began Mon 3 Mar 10:00 GMT: due Thu 6 Mar 10:00 GMT.
      ['at the deadline', '2025-03-06T10:00:00Z', 'on-time', null],
      // One second late: 0.00 hours at two decimals, given as the least shown, 0.01 (never "0 hours late");
      // the sentence says "under a minute late".
      [
        'one second late',
        '2025-03-06T10:00:01Z',
        'late',
        ['2025-03-06', 0, 0.01, `${mar3} on Thu 6 Mar 2025 at 10:00, under a minute late.`],
      ],
      // 1 h 50 min = 1.8333 hours, shown to 2 decimals.
      [
        '1 h 50 min late',
        '2025-03-06T11:50:00Z',
        'late',
        ['2025-03-06', 0, 1.83, `${mar3} on Thu 6 Mar 2025 at 11:50, 1 hour 50 minutes late.`],
      ],
      // 25 hours: one whole day late.
      [
        '25 hours late',
        '2025-03-07T11:00:00Z',
        'late',
        ['2025-03-07', 1, 25, `${mar3} on Fri 7 Mar 2025 at 11:00, 1 day 1 hour late.`],
      ],
      // An hour ahead of London (10:00+01:00 = 09:00Z): 1 hour early.
      ['recorded with another offset', '2025-03-06T10:00:00+01:00', 'on-time', null],
      // A date-only record on the deadline's day is on time (nobody is late for want of a clock time) …
      ['a date-only record on the deadline day', '2025-03-06', 'on-time', null],
      // … and on the next day it is 1 day late, counted in days.
      [
        'a date-only record the day after',
        '2025-03-07',
        'late',
        ['2025-03-07', 1, '-', `${mar3} on Fri 7 Mar 2025, 1 day late.`],
      ],
    ])('began 3 Mar 10:00Z, recorded %s', (_, recordedAt, status, breach) => {
      const start = '2025-03-03T10:00:00Z';
      const report = run(
        records({ deadline: { hours: 72 } }),
        { staff: [s1()], events: [held('H1', '2025-03-03', { start, recordedAt })] },
        '2025-04-10',
      );
      expect(recs(report)).toEqual([['H1', '-', '2025-03-06T10:00:00+00:00', recordedAt, status]]);
      expect(report.breaches.map(late)).toEqual(breach ? [['late-recording', '2025-03-06', ...breach]] : []);
    });

    it('across the clocks going forward (Sun 30 Mar): began Fri 28 Mar 10:00 GMT, due Mon 31 Mar 11:00 BST', () => {
      // 72 elapsed hours: 31 Mar 10:00Z = 11:00+01:00. Recorded 10:30Z = 11:30 BST: half an hour late.
      const start = '2025-03-28T10:00:00Z';
      const report = run(
        records({ deadline: { hours: 72 } }),
        { staff: [s1()], events: [held('H2', '2025-03-28', { start, recordedAt: '2025-03-31T10:30:00Z' })] },
        '2025-04-10',
      );
      expect(report.breaches.map(late)).toEqual([
        [
          'late-recording',
          '2025-03-31',
          '2025-03-31',
          0,
          0.5,
          `The record of one-to-one H2 on Fri 28 Mar 2025 for S1 was due by Mon 31 Mar 2025 at 11:00 (${began('Fri 28 Mar 2025 at 10:00')}); it was recorded on Mon 31 Mar 2025 at 11:30, 30 minutes late.`,
        ],
      ]);
    });

    it.each([
      // No start time: by the end of the third day, the date Thu 6 Mar. Recorded Fri 7 Mar 09:00Z (London
      // date 7 Mar): 7 − 6 = 1 day late, counted in days as for any date deadline.
      [
        '2025-03-07T09:00:00Z',
        'late',
        [
          'late-recording',
          '2025-03-06',
          '2025-03-07',
          1,
          '-',
          'it was recorded on Fri 7 Mar 2025 at 09:00, 1 day late.',
        ],
      ],
      // Recorded Thu 6 Mar 23:59:59.5Z: still on the deadline's date, on time.
      ['2025-03-06T23:59:59.5Z', 'on-time', null],
      // Never recorded, asOf Mon 10 Mar: 10 - 6 = 4 days.
      [
        null,
        'overdue',
        ['unrecorded', '2025-03-06', null, 4, '-', 'and has not been recorded: 4 days overdue.'],
      ],
    ])('no start time, recorded %s', (recordedAt, status, breach) => {
      const report = run(
        records({ deadline: { hours: 72 } }),
        { staff: [s1()], events: [held('H3', '2025-03-03', { recordedAt })] },
        '2025-03-10',
      );
      expect(recs(report)).toEqual([['H3', '-', '2025-03-06', recordedAt, status]]);
      if (breach === null) return expect(report.breaches).toEqual([]);
      const [kind, dueOn, metOn, days, hours, end] = breach;
      const due =
        'The record of one-to-one H3 on Mon 3 Mar 2025 for S1 was due by Thu 6 Mar 2025 (72 hours after the session on Mon 3 Mar 2025; with no start time, by the end of Thu 6 Mar 2025)';
      const sep = kind === 'unrecorded' ? ' ' : '; ';
      expect(report.breaches.map(late)).toEqual([[kind, dueOn, metOn, days, hours, `${due}${sep}${end}`]]);
    });
  });

  it('records per child, the same day: duplicates judged once, each child by its own record', () => {
    // K1 on Mon 3 Mar lists C1 twice; C1's own record is that day, C2's came on Tue 4 Mar and C3's own
    // record has no time (not recorded). C4 is not in caseRecords: no record on its file yet, although
    // the session's own record (recordedAt) was made that day. K2 lists no child. asOf Wed 5 Mar.
    const rule = records({ records: 'case', name: 'case record', deadline: { sameDay: true } });
    const report = run(
      rule,
      {
        staff: [s1()],
        events: [
          held('K1', '2025-03-03', {
            caseIds: ['C1', 'C2', 'C1', 'C3', 'C4'],
            recordedAt: '2025-03-03',
            caseRecords: [
              { caseId: 'C1', recordedAt: '2025-03-03' },
              { caseId: 'C2', recordedAt: '2025-03-04' },
              { caseId: 'C3' },
            ],
          }),
          held('K2', '2025-03-03', { recordedAt: '2025-03-03' }),
        ],
      },
      '2025-03-05',
    );
    expect(recs(report)).toEqual([
      ['K1', 'C1', '2025-03-03', '2025-03-03', 'on-time'],
      ['K1', 'C2', '2025-03-03', '2025-03-04', 'late'],
      ['K1', 'C3', '2025-03-03', null, 'overdue'],
      ['K1', 'C4', '2025-03-03', null, 'overdue'],
    ]);
    const due = 'The case record of one-to-one K1 on Mon 3 Mar 2025 for case';
    expect(report.breaches.map((b) => [b.subject, ...late(b)])).toEqual([
      [
        { type: 'case', id: 'C2' },
        'late-recording',
        '2025-03-03',
        '2025-03-04',
        1,
        '-',
        `${due} C2 was due by Mon 3 Mar 2025 (the same day as the session); it was recorded on Tue 4 Mar 2025, 1 day late.`,
      ],
      [
        { type: 'case', id: 'C3' },
        'unrecorded',
        '2025-03-03',
        null,
        2,
        '-',
        `${due} C3 was due by Mon 3 Mar 2025 (the same day as the session) and has not been recorded: 2 days overdue.`,
      ],
      [
        { type: 'case', id: 'C4' },
        'unrecorded',
        '2025-03-03',
        null,
        2,
        '-',
        `${due} C4 was due by Mon 3 Mar 2025 (the same day as the session) and has not been recorded: 2 days overdue.`,
      ],
    ]);
  });

  it('records per child with a condition: only children it holds for, and children not in the history', () => {
    // C1 on a CP plan, C2 child in need, C9 unknown: C2 is left out.
    const rule = records({ records: 'case', name: 'case record', when: { episode: ['child-protection'] } });
    const history = {
      staff: [s1()],
      cases: [
        { id: 'C1', episodes: [{ type: 'child-protection', from: '2025-03-01' }] },
        { id: 'C2', episodes: [{ type: 'child-in-need', from: '2025-03-01' }] },
      ],
      events: [held('K3', '2025-03-03', { caseIds: ['C1', 'C2', 'C9'], recordedAt: '2025-03-04' })],
    };
    expect(recs(run(rule, history, '2025-03-10'))).toEqual([
      ['K3', 'C1', '2025-03-05', '2025-03-04', 'on-time'],
      ['K3', 'C9', '2025-03-05', '2025-03-04', 'on-time'],
    ]);
  });

  it('which sessions need a record: held, counted, by asOf, with a supervisee or a team', () => {
    // asOf Mon 10 Mar. Only F4 (held on asOf: due Wed 12 Mar, pending) and F6 (a team's group, due Wed 5 Mar,
    // unrecorded 5 days) need records.
    const history = {
      staff: [s1({ teamId: 'T1' })],
      events: [
        held('F1', '2025-03-03', { status: 'cancelled' }),
        held('F2', '2025-03-11'),
        event('case-discussion', '2025-03-03', { id: 'F3', superviseeId: 'S1' }),
        held('F4', '2025-03-10'),
        event('group', '2025-03-03', { id: 'F5', participantIds: ['S1'] }),
        event('group', '2025-03-03', { id: 'F6', teamId: 'T1' }),
      ],
    };
    const report = run(records({ counts: ['one-to-one', 'group'] }), history, '2025-03-10');
    expect(recs(report)).toEqual([
      ['F6', '-', '2025-03-05', null, 'overdue'],
      ['F4', '-', '2025-03-12', null, 'pending'],
    ]);
    expect(report.breaches.map((b) => [b.subject, ...late(b)])).toEqual([
      [
        { type: 'team', id: 'T1' },
        'unrecorded',
        '2025-03-05',
        null,
        5,
        '-',
        'The record of group F6 on Mon 3 Mar 2025 for team T1 was due by Wed 5 Mar 2025 (2 working days after Mon 3 Mar 2025) and has not been recorded: 5 days overdue.',
      ],
    ]);
    expect(report.totals).toMatchObject({ records: 1, recordsOnTime: 0 });
  });

  it('onlyIf safeguarding: only sessions marked safeguarding', () => {
    const history = {
      staff: [s1()],
      events: [
        held('G1', '2025-03-03', { safeguarding: true, recordedAt: '2025-03-03' }),
        held('G2', '2025-03-03', { recordedAt: '2025-03-03' }),
        held('G3', '2025-03-03', { safeguarding: false, recordedAt: '2025-03-03' }),
      ],
    };
    const report = run(records({ onlyIf: { safeguarding: true } }), history, '2025-03-10');
    expect(recs(report)).toEqual([['G1', '-', '2025-03-05', '2025-03-03', 'on-time']]);
    expect(report.totals).toMatchObject({ records: 1, recordsOnTime: 1 });
  });

  it('a session rule with a condition: the supervisee must meet it; an unknown supervisee is judged', () => {
    const history = {
      staff: [s1(), staff('S2', { role: 'team-manager', startDate: '2025-03-03' })],
      events: [
        held('J1', '2025-03-03'),
        oneToOne('S2', '2025-03-03', { id: 'J2' }),
        oneToOne('S9', '2025-03-03', { id: 'J3' }),
      ],
    };
    const report = run(records({ when: { role: ['social-worker'] } }), history, '2025-03-05');
    expect(recs(report)).toEqual([
      ['J1', '-', '2025-03-05', null, 'pending'],
      ['J3', '-', '2025-03-05', null, 'pending'],
    ]);
  });

  it.each([
    // Mon 2 Jun 2025 (BST) + 2 working days = Wed 4 Jun; asOf Tue 10 Jun.
    // 22:30Z = 23:30 BST on 10 Jun: made by asOf, 6 days late.
    ['2025-06-10T22:30:00Z', 'late', ['late-recording', '2025-06-10', 6]],
    // 23:30Z = 00:30 BST on 11 Jun: after asOf, so treated as not made: 6 days overdue.
    ['2025-06-10T23:30:00Z', null, ['unrecorded', null, 6]],
    ['2025-06-10', 'late', ['late-recording', '2025-06-10', 6]],
    ['2025-06-11', null, ['unrecorded', null, 6]],
  ])('recorded %s, asOf 10 Jun', (recordedAt, status, [kind, metOn, days]) => {
    const report = run(
      records(),
      { staff: [s1()], events: [held('Q1', '2025-06-02', { recordedAt })] },
      '2025-06-10',
    );
    expect(recs(report)).toEqual([
      ['Q1', '-', '2025-06-04', status ? recordedAt : null, status ?? 'overdue'],
    ]);
    const due =
      'The record of one-to-one Q1 on Mon 2 Jun 2025 for S1 was due by Wed 4 Jun 2025 (2 working days after Mon 2 Jun 2025)';
    expect(report.breaches.map(late)).toEqual([
      [
        kind,
        '2025-06-04',
        metOn,
        days,
        '-',
        status
          ? `${due}; it was recorded on Tue 10 Jun 2025${recordedAt.length > 10 ? ' at 23:30' : ''}, 6 days late.`
          : `${due} and has not been recorded: 6 days overdue.`,
      ],
    ]);
  });

  it.each([
    // Due Wed 5 Mar: on asOf 5 Mar it is still pending; on 6 Mar it is 1 day overdue.
    ['2025-03-05', 'pending', [], 0],
    ['2025-03-06', 'overdue', [['unrecorded', 1]], 1],
  ])('not recorded, asOf %s', (asOf, status, breachList, judged) => {
    const report = run(records(), { staff: [s1()], events: [held('P1', '2025-03-03')] }, asOf);
    expect(recs(report)).toEqual([['P1', '-', '2025-03-05', null, status]]);
    expect(report.breaches.map((b) => [b.kind, b.daysLate])).toEqual(breachList);
    expect(report.totals).toMatchObject({ records: judged, recordsOnTime: 0 });
  });

  it.each([
    // A deadline (Wed 5 Mar) on the first judged day is judged; one before it is not.
    ['2025-03-05', [['P2', '-', '2025-03-05', '2025-03-05', 'on-time']]],
    ['2025-03-06', []],
  ])('recordsFrom %s', (recordsFrom, expected) => {
    const history = {
      recordsFrom,
      staff: [s1()],
      events: [held('P2', '2025-03-03', { recordedAt: '2025-03-05' })],
    };
    expect(recs(run(records(), history, '2025-03-10'))).toEqual(expected);
  });
});

describe('interval: working-day intervals name the days they skip', () => {
  const gfEm =
    'skipping Fri 18 Apr 2025 Good Friday bank holiday, Mon 21 Apr 2025 Easter Monday bank holiday, 4 weekend days';
  it.each([
    // Thu 17 Apr + 5 working days: Tue 22, Wed 23, Thu 24, Fri 25, Mon 28 Apr; asOf Wed 30 Apr: 2 days.
    [
      5,
      '2025-04-17',
      [],
      '2025-04-30',
      ['2025-04-28', 'Mon 28 Apr 2025'],
      2,
      `5 working days after the rule began to apply on Thu 17 Apr 2025, ${gfEm}`,
    ],
    // Started Mon 14 Apr (due Wed 23 Apr), held Thu 17 Apr: the clock restarts from 17 Apr.
    [
      5,
      '2025-04-14',
      ['2025-04-17'],
      '2025-04-30',
      ['2025-04-28', 'Mon 28 Apr 2025'],
      2,
      `5 working days after Thu 17 Apr 2025, ${gfEm}`,
    ],
    // Mon 3 Mar + 4 working days = Fri 7 Mar, nothing skipped; asOf Mon 10 Mar: 3 days.
    [
      4,
      '2025-03-03',
      [],
      '2025-03-10',
      ['2025-03-07', 'Fri 7 Mar 2025'],
      3,
      '4 working days after the rule began to apply on Mon 3 Mar 2025',
    ],
  ])(
    '%i working days from a start on %s, held %j',
    (workingDays, startDate, dates, asOf, [dueOn, due], days, basis) => {
      const rule = every({ schedule: [{ interval: { workingDays } }] });
      const events = dates.map((date, i) => held(`V${i}`, date));
      const report = run(rule, { staff: [s1({ startDate })], events }, asOf);
      expect(breaches(report)).toEqual([
        [
          'missed',
          dueOn,
          null,
          days,
          `S1's supervision was due by ${due} (${basis}) and has not taken place: ${days} days overdue.`,
        ],
      ]);
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
      [
        'upcoming',
        '2025-05-29',
        null,
        '-',
        "S1's supervision is next due by Thu 29 May 2025 (28 days after the rule began to apply on Thu 1 May 2025).",
      ],
    ]);
  });
});

describe('the order of recordings and a schedule that falls through an arrangement', () => {
  const twoWorkingDays = policy([recordRule()]);
  const order = (r: Report) => r.recordings.map((x) => [x.eventId, x.deadline]);

  it('sessions on Fri 7 and Sat 8 Mar 2025 share a deadline, Tue 11 Mar: ordered by event id, not by session', () => {
    // Fri 7 Mar + 2 working days (skipping Sat 8, Sun 9) = Tue 11 Mar; Sat 8 Mar + 2 = Mon 10, Tue 11 Mar.
    // Same deadline, so the event id decides: "E-SAT" < "E-XFRI", whatever the sessions' days.
    const history = {
      staff: [staff('S1')],
      events: [oneToOne('S1', '2025-03-07', { id: 'E-XFRI' }), oneToOne('S1', '2025-03-08', { id: 'E-SAT' })],
    };
    expect(order(run(twoWorkingDays, history, '2025-03-12'))).toEqual([
      ['E-SAT', '2025-03-11'],
      ['E-XFRI', '2025-03-11'],
    ]);
  });

  it('ids alike in their first six characters still sort as strings: SESSION-1 < SESSION-10 < SESSION-2', () => {
    // All three on Mon 3 Mar 2025, due Wed 5 Mar; listed in the history in reverse order.
    const ids = ['SESSION-2', 'SESSION-10', 'SESSION-1'];
    const history = {
      staff: [staff('S1')],
      events: ids.map((id) => oneToOne('S1', '2025-03-03', { id })),
    };
    expect(order(run(twoWorkingDays, history, '2025-03-12'))).toEqual([
      ['SESSION-1', '2025-03-05'],
      ['SESSION-10', '2025-03-05'],
      ['SESSION-2', '2025-03-05'],
    ]);
  });

  it('an arrangement entry that covers only some days leaves the rest to the next entry', () => {
    // S3 starts Mon 3 Mar 2025; the agreed 2-week interval runs only from Mon 17 Mar. From 3 to 16 Mar
    // the second entry (28 days) applies: the clock runs from 3 Mar, due Mon 31 Mar (3 Mar + 28);
    // on 17 Mar the interval becomes 2 weeks: max(3 Mar + 14 = 17 Mar, min(31 Mar, 17 Mar + 14 = 31 Mar))
    // = 31 Mar, unchanged. Had the arrangement entry taken every day, the rule would start on 17 Mar.
    const rule = every({
      schedule: [{ interval: { fromArrangement: 'agreed-interval' } }, { interval: { days: 28 } }],
    });
    const history = {
      staff: [
        staff('S3', {
          startDate: '2025-03-03',
          arrangements: [{ type: 'agreed-interval', from: '2025-03-17', interval: { weeks: 2 } }],
        }),
      ],
    };
    const report = run(rule, history, '2025-03-10');
    expect(report.obligations.map((o) => [o.dueOn, o.explanation])).toEqual([
      [
        '2025-03-31',
        "S3's supervision is next due by Mon 31 Mar 2025 (28 days after the rule began to apply on Mon 3 Mar 2025).",
      ],
    ]);
  });
});
