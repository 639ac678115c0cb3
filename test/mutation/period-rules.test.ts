import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/schema.js';
import type { Report } from '../../src/report/types.js';
import { describeDuration } from '../../src/report/wording.js';
import { breachesOf, event, obligationsOf, oneToOne, run, staff } from '../helpers.js';

// Worked examples for the period rules (count-per-period, minutes-per-period, session-length,
// retention) and for describeDuration. Dates read like "Mon 28 Jul 2025"; the arithmetic is by hand.

/** TST-1 "annual appraisal", a `must`: each test adds its kind and parameters (and may rename it). */
const TST_1 = {
  id: 'TST-1',
  name: 'annual appraisal',
  activity: 'appraisal',
  strength: 'must',
  citation: { source: 'test.txt', section: '1', quote: 'Quoted.' },
};
const META = {
  id: 'mutation',
  name: 'Period rules',
  council: 'Test council',
  source: 'test.txt',
  version: '1',
};
/** A policy of TST-1 alone, in force from `effectiveFrom`. */
const onePolicy = (rule: Record<string, unknown>, effectiveFrom = '2020-01-01'): Policy =>
  loadPolicy({ ...META, effectiveFrom, rules: [{ ...TST_1, ...rule }] });

/** Breaches as [dueOn, shortfall, explanation]. */
const findings = (report: Report, ruleId: string, subjectId?: string) =>
  breachesOf(report, ruleId, subjectId).map((b) => [b.dueOn, b.shortfall, b.explanation]);
/** Obligations as [dueOn, status, explanation]. */
const owed = (report: Report, ruleId: string, subjectId?: string) =>
  obligationsOf(report, ruleId, subjectId).map((o) => [o.dueOn, o.status, o.explanation]);
const reasons = (report: Report, ruleId: string) =>
  report.notEvaluable.filter((x) => x.ruleId === ruleId).map((x) => [x.subject.id, x.reason]);

const observation = (id: string, date: string) => event('observation', date, { superviseeId: id });
const discussion = (caseId: string, date: string, extra: Record<string, unknown> = {}) =>
  event('case-discussion', date, { superviseeId: 'S1', caseIds: [caseId], ...extra });

describe('describeDuration', () => {
  it.each([
    [{ days: 1 }, '1 day'],
    [{ days: 28 }, '28 days'],
    [{ weeks: 1 }, '1 week'],
    [{ weeks: 2 }, '2 weeks'],
    [{ months: 1 }, '1 month'],
    [{ months: 300 }, '300 months'],
    [{ workingDays: 1 }, '1 working day'],
    [{ workingDays: 25 }, '25 working days'],
  ])('%o reads "%s"', (duration, words) => {
    expect(describeDuration(duration)).toBe(words);
  });
});

describe('count-per-period, years from a month-day (GLO-9: 2 observations each April–March, pro rata)', () => {
  it('GLO-9 a starter on Mon 31 Mar 2025, the last day of the 2024–25 year, owes ceil(2 × 1/365) = 1 for it', () => {
    // Year 1 Apr 2024 – 31 Mar 2025: 365 days (no 29 Feb), 1 employed: 2 × 1 / 365 = 0.005 → 1 required, 0 held.
    // Year 1 Apr 2025 – 31 Mar 2026 is open on 1 Jun 2025: whole year employed, 2 required, 1 held (10 May) → 1 more.
    const history = {
      staff: [staff('S1', { startDate: '2025-03-31' })],
      events: [observation('S1', '2025-05-10')],
    };
    const report = run('gloucestershire', history, '2025-06-01');
    expect(breachesOf(report, 'GLO-9').map((b) => [b.kind, b.metOn, b.daysLate, b.severity])).toEqual([
      ['too-few', null, 0, 'breach'],
    ]);
    expect(findings(report, 'GLO-9')).toEqual([
      [
        '2025-03-31',
        { sessions: 1 },
        "S1's practice observations in the year Mon 1 Apr 2024 to Mon 31 Mar 2025: 0 held of the 1 required, pro rata from 2 for 1 of 365 days.",
      ],
    ]);
    expect(owed(report, 'GLO-9')).toEqual([
      [
        '2026-03-31',
        'upcoming',
        "S1's practice observations in the year Tue 1 Apr 2025 to Tue 31 Mar 2026: 1 held of the 2 required; 1 more due by Tue 31 Mar 2026.",
      ],
    ]);
  });

  it.each([
    {
      // Starts on asOf: first = last = 2 Jun 2025. 2 Jun 2025 – 31 Mar 2026 is 29+31+31+30+31+30+31+31+28+31
      // = 303 days: 2 × 303 / 365 = 1.66 → 2 required.
      what: 'a starter on asOf',
      worker: { startDate: '2025-06-02' },
      asOf: '2025-06-02',
      events: [],
      sentence: '0 held of the 2 required; 2 more due by Tue 31 Mar 2026.',
    },
    {
      // Leaves on asOf (30 Sep): the rule still applies that day. 1 Apr – 30 Sep = 183 days: 2 × 183 / 365 = 1.003 → 2.
      what: 'a leaver on asOf',
      worker: { startDate: '2025-04-01', endDate: '2025-09-30' },
      asOf: '2025-09-30',
      events: [],
      sentence: '0 held of the 2 required; 2 more due by Tue 31 Mar 2026.',
    },
    {
      // Absent all June: 365 − 30 = 335 days, 2 × 335 / 365 = 1.84 → 2. Back at work on asOf 1 Sep.
      // 15 Jun falls in the absence (not counted), 1 Sep is asOf itself (counted), 2 Sep is after asOf (not yet).
      what: 'a worker back from an absence, one observation on asOf',
      worker: { startDate: '2025-04-01', absences: [{ from: '2025-06-01', to: '2025-06-30' }] },
      asOf: '2025-09-01',
      events: ['2025-06-15', '2025-09-01', '2025-09-02'],
      sentence: '1 held of the 2 required; 1 more due by Tue 31 Mar 2026.',
    },
  ])('GLO-9 the open year is an obligation for $what', ({ worker, asOf, events, sentence }) => {
    const history = { staff: [staff('S2', worker)], events: events.map((date) => observation('S2', date)) };
    const report = run('gloucestershire', history, asOf);
    expect(breachesOf(report, 'GLO-9')).toEqual([]);
    expect(owed(report, 'GLO-9')).toEqual([
      [
        '2026-03-31',
        'upcoming',
        `S2's practice observations in the year Tue 1 Apr 2025 to Tue 31 Mar 2026: ${sentence}`,
      ],
    ]);
  });

  it('GLO-9 on Tue 1 Apr 2025 a full 2024–25 year with none is too-few (no pro-rata note) and 2025–26 begins', () => {
    // Employed all of 1 Apr 2024 – 31 Mar 2025: 2 required (the full minimum), 0 held. asOf is the new year's
    // first day, so 2025–26 is already owed: 2 more.
    const report = run(
      'gloucestershire',
      { staff: [staff('S5', { startDate: '2024-04-01' })] },
      '2025-04-01',
    );
    expect(findings(report, 'GLO-9')).toEqual([
      [
        '2025-03-31',
        { sessions: 2 },
        "S5's practice observations in the year Mon 1 Apr 2024 to Mon 31 Mar 2025: 0 held of the 2 required.",
      ],
    ]);
    expect(owed(report, 'GLO-9').map(([dueOn, , text]) => [dueOn, text])).toEqual([
      [
        '2026-03-31',
        "S5's practice observations in the year Tue 1 Apr 2025 to Tue 31 Mar 2026: 0 held of the 2 required; 2 more due by Tue 31 Mar 2026.",
      ],
    ]);
  });

  it.each([
    { what: 'starts the day after asOf', worker: { startDate: '2025-06-16' } },
    // Absent 1–30 Jun, back 1 Jul: on asOf 15 Jun the rule does not apply, though it will again.
    {
      what: 'is absent on asOf',
      worker: { startDate: '2025-04-01', absences: [{ from: '2025-06-01', to: '2025-06-30' }] },
    },
  ])('GLO-9 a worker who $what owes nothing on 15 Jun 2025', ({ worker }) => {
    const report = run('gloucestershire', { staff: [staff('S3', worker)] }, '2025-06-15');
    expect([...breachesOf(report, 'GLO-9'), ...obligationsOf(report, 'GLO-9')]).toEqual([]);
  });
});

describe('count-per-period without pro rata: one appraisal each calendar year (inline TST-1)', () => {
  const rule = {
    kind: 'count-per-period',
    subject: 'staff',
    counts: ['appraisal'],
    period: { yearFrom: '01-01' },
    minimum: 1,
  };
  // In force from Sat 31 Dec 2022, the last day of 2022. S1 from 2021, absent all of 2023, appraised 31 Dec 2024.
  // 2021 ended before the policy: not judged. 2022 ends on the first judged day: judged, 0 of 1 → too-few (no
  // pro-rata note: 1 required is the full minimum). 2023: no working day, so nothing is owed even without pro
  // rata. 2024: 1 of 1, met. 2025 is open on 1 Mar 2025: 1 more due by 31 Dec.
  const history = (recordsFrom?: string) => ({
    ...(recordsFrom === undefined ? {} : { recordsFrom }),
    staff: [staff('S1', { startDate: '2021-01-01', absences: [{ from: '2023-01-01', to: '2023-12-31' }] })],
    events: [event('appraisal', '2024-12-31', { superviseeId: 'S1' })],
  });
  const y2022 = [
    '2022-12-31',
    { sessions: 1 },
    "S1's annual appraisal in the year Sat 1 Jan 2022 to Sat 31 Dec 2022: 0 held of the 1 required.",
  ];

  it.each([
    // recordsFrom 1 Jan 2022 is the year's first day: judged. From 2 Jan 2022 the year began before the records.
    { recordsFrom: undefined, breaches: [y2022] },
    { recordsFrom: '2022-01-01', breaches: [y2022] },
    { recordsFrom: '2022-01-02', breaches: [] },
  ])('TST-1 with records from $recordsFrom', ({ recordsFrom, breaches }) => {
    const report = run(onePolicy(rule, '2022-12-31'), history(recordsFrom), '2025-03-01');
    expect(findings(report, 'TST-1')).toEqual(breaches);
    expect(owed(report, 'TST-1')).toEqual([
      [
        '2025-12-31',
        'upcoming',
        "S1's annual appraisal in the year Wed 1 Jan 2025 to Wed 31 Dec 2025: 0 held of the 1 required; 1 more due by Wed 31 Dec 2025.",
      ],
    ]);
  });

  it('TST-1 without pro rata a starter owes the full 1 for the part year (1 Jul – 31 Dec 2024, 184 of 366 days)', () => {
    const starter = { staff: [staff('S2', { startDate: '2024-07-01' })] };
    const report = run(onePolicy(rule, '2022-12-31'), starter, '2025-03-01');
    expect(findings(report, 'TST-1')).toEqual([
      [
        '2024-12-31',
        { sessions: 1 },
        "S2's annual appraisal in the year Mon 1 Jan 2024 to Tue 31 Dec 2024: 0 held of the 1 required.",
      ],
    ]);
  });

  it('TST-1 a staff rule counted between reviews has no review periods: nothing, and no error', () => {
    const report = run(onePolicy({ ...rule, period: { between: 'reviews' } }), history(), '2025-03-01');
    expect([...findings(report, 'TST-1'), ...owed(report, 'TST-1'), ...reasons(report, 'TST-1')]).toEqual([]);
  });
});

describe('count-per-period between reviews (DER-7: twice in each review period)', () => {
  // Reviews Sat 1 Feb, Thu 1 May, Fri 1 Aug 2025. Periods 2 Feb – 1 May and 2 May – 1 Aug.
  // C1: discussed 2 Feb (counts), 10 Mar cancelled (does not), 20 Mar informal (not a counted kind) → 1 held.
  // C2: discussed 3 Feb and 15 Mar → 2 held, met (on 15 Mar itself, asOf's own discussion counts).
  const reviews = ['2025-02-01', '2025-05-01', '2025-08-01'];
  const history = {
    staff: [staff('S1')],
    cases: [
      { id: 'C1', allocations: [{ workerId: 'S1', from: '2025-01-06' }], reviews },
      { id: 'C2', allocations: [{ workerId: 'S1', from: '2025-01-06' }], reviews },
    ],
    events: [
      discussion('C1', '2025-02-02'),
      discussion('C1', '2025-03-10', { status: 'cancelled' }),
      event('informal', '2025-03-20', { superviseeId: 'S1', caseIds: ['C1'] }),
      discussion('C2', '2025-02-03'),
      discussion('C2', '2025-03-15'),
    ],
  };
  // The rule's name already says "in the review period": the sentence does not say it twice.
  const what = "Case C1's case supervision in the review period";
  const first = `${what} from Sun 2 Feb 2025 to Thu 1 May 2025, between two reviews`;
  const second = `${what} from Fri 2 May 2025 to Fri 1 Aug 2025, between two reviews`;

  it.each([
    {
      // Mid-period: 2 Feb – 1 May is open (1 of 2 held so far); 2 May – 1 Aug has not begun.
      asOf: '2025-03-15',
      breaches: [],
      obligations: [['2025-05-01', `${first}: 1 held of the 2 required; 1 more due by Thu 1 May 2025.`]],
    },
    {
      // asOf is the closing review date: the period is still open on its last day, so not yet a breach.
      asOf: '2025-05-01',
      breaches: [],
      obligations: [['2025-05-01', `${first}: 1 held of the 2 required; 1 more due by Thu 1 May 2025.`]],
    },
    {
      // The day after: 2 Feb – 1 May is complete, 1 of 2 → too-few; 2 May – 1 Aug begins on asOf.
      asOf: '2025-05-02',
      breaches: [['2025-05-01', { sessions: 1 }, `${first}: 1 held of the 2 required.`]],
      obligations: [['2025-08-01', `${second}: 0 held of the 2 required; 2 more due by Fri 1 Aug 2025.`]],
    },
  ])('DER-7 as of $asOf', ({ asOf, breaches, obligations }) => {
    const report = run('derby', history, asOf);
    expect(findings(report, 'DER-7', 'C1')).toEqual(breaches);
    expect(owed(report, 'DER-7', 'C1').map(([dueOn, , text]) => [dueOn, text])).toEqual(obligations);
    // C2 has 2 of 2 in the first period: never a breach, and no obligation while that period is open.
    expect(findings(report, 'DER-7', 'C2')).toEqual([]);
    expect(owed(report, 'DER-7', 'C2').map(([dueOn]) => dueOn)).toEqual(
      asOf === '2025-05-02' ? ['2025-08-01'] : [],
    );
  });

  it('DER-7 a case closed on 30 Jun is not judged for the review period it did not see out', () => {
    // 2 Feb – 1 May: 2 held, met. 2 May – 1 Aug: closed 30 Jun, open 60 of 92 days → not judged, though 0 held.
    const closed = {
      staff: [staff('S1')],
      cases: [
        {
          id: 'C3',
          allocations: [{ workerId: 'S1', from: '2025-01-06' }],
          reviews,
          closedDate: '2025-06-30',
        },
      ],
      events: [discussion('C3', '2025-02-10'), discussion('C3', '2025-04-10')],
    };
    const report = run('derby', closed, '2025-09-01');
    expect([...findings(report, 'DER-7'), ...owed(report, 'DER-7')]).toEqual([]);
  });

  it.each([
    // Opened on asOf: the rule applies, and without review dates it cannot be judged. Opened the day after: nothing yet.
    {
      from: '2025-03-01',
      expected: [['C9', 'case C9 has no review dates, so its review periods are unknown']],
    },
    { from: '2025-03-02', expected: [] },
  ])('DER-7 a case without reviews opened $from (asOf 1 Mar 2025)', ({ from, expected }) => {
    const history = { staff: [staff('S1')], cases: [{ id: 'C9', allocations: [{ workerId: 'S1', from }] }] };
    expect(reasons(run('derby', history, '2025-03-01'), 'DER-7')).toEqual(expected);
  });

  it('TST-1 a high-risk case without reviews is not evaluable when any of its high-risk stretches began by asOf', () => {
    // High risk 1–31 Jan and from 1 Jun 2025; asOf 1 Mar: the January stretch began before asOf.
    const policy = onePolicy({
      name: 'high-risk discussions',
      kind: 'count-per-period',
      subject: 'case',
      counts: ['case-discussion'],
      period: { between: 'reviews' },
      minimum: 1,
      when: { flag: ['high-risk'] },
    });
    const history = {
      staff: [staff('S1')],
      cases: [
        {
          id: 'C8',
          allocations: [{ workerId: 'S1', from: '2025-01-01' }],
          flags: [
            { flag: 'high-risk', from: '2025-01-01', to: '2025-01-31' },
            { flag: 'high-risk', from: '2025-06-01' },
          ],
        },
      ],
    };
    expect(reasons(run(policy, history, '2025-03-01'), 'TST-1')).toEqual([
      ['C8', 'case C8 has no review dates, so its review periods are unknown'],
    ]);
  });
});

describe('minutes-per-period by calendar month (DER-9: 120 minutes a month)', () => {
  // S1 starts Wed 15 Jan 2025: January is a part month, not judged (its 30 minutes on 20 Jan never count).
  // February: 60 + 60 = 120, exactly the minimum: met. March: 60 + 45 = 105, 15 short of 120.
  const sessions = [
    oneToOne('S1', '2025-01-20', { durationMinutes: 30 }),
    oneToOne('S1', '2025-02-03', { durationMinutes: 60 }),
    event('case-discussion', '2025-02-28', { superviseeId: 'S1', durationMinutes: 60 }),
    oneToOne('S1', '2025-03-03', { durationMinutes: 60 }),
    oneToOne('S1', '2025-03-31', { durationMinutes: 45 }),
  ];
  const march = [
    '2025-03-31',
    { minutes: 15 },
    "S1's 2 hours of supervision a month in March 2025 came to 105 minutes, 15 minutes short of the 120 minutes expected.",
  ];

  it.each([
    // March ends on asOf 31 Mar: not over yet. From 1 Apr it is judged.
    { endDate: null, asOf: '2025-03-31', breaches: [] },
    { endDate: null, asOf: '2025-04-01', breaches: [march] },
    // A leaver on 31 Mar worked all of March: judged. One leaving on 30 Mar did not: March (and after) not judged.
    { endDate: '2025-03-31', asOf: '2025-05-01', breaches: [march] },
    { endDate: '2025-03-30', asOf: '2025-05-01', breaches: [] },
  ])('DER-9 leaving $endDate, as of $asOf', ({ endDate, asOf, breaches }) => {
    const history = { staff: [staff('S1', { startDate: '2025-01-15', endDate })], events: sessions };
    const report = run('derby', history, asOf);
    expect(findings(report, 'DER-9')).toEqual(breaches);
    expect(breachesOf(report, 'DER-9').map((b) => [b.kind, b.metOn, b.daysLate, b.severity])).toEqual(
      breaches.map(() => ['too-short', null, 0, 'advisory']),
    );
    expect(reasons(report, 'DER-9')).toEqual([]);
  });

  it('TST-1 the month ending on the first judged day (28 Feb) is judged; January, ending before it, is not', () => {
    const policy = onePolicy(
      {
        name: 'monthly minutes',
        kind: 'minutes-per-period',
        subject: 'staff',
        counts: ['one-to-one'],
        period: 'calendar-month',
        minimumMinutes: 120,
      },
      '2025-02-28',
    );
    const report = run(policy, { staff: [staff('S1', { startDate: '2025-01-01' })] }, '2025-03-15');
    expect(findings(report, 'TST-1')).toEqual([
      [
        '2025-02-28',
        { minutes: 120 },
        "S1's monthly minutes in February 2025 came to 0 minutes, 120 minutes short of the 120 minutes expected.",
      ],
    ]);
  });

  it('DER-9 a short month with a session of unknown length is not evaluable; a month met by the known minutes is', () => {
    // February: 60 + (unknown) → under 120 so far, total unknown. March: 120 + (unknown) ≥ 120 → met.
    // April: 30 + 30 = 60, all known → too-short by 60. asOf 5 May.
    const history = {
      staff: [staff('S1', { startDate: '2025-02-01' })],
      events: [
        oneToOne('S1', '2025-02-03', { durationMinutes: 60 }),
        oneToOne('S1', '2025-02-17'),
        oneToOne('S1', '2025-03-03', { durationMinutes: 120 }),
        oneToOne('S1', '2025-03-17'),
        oneToOne('S1', '2025-04-07', { durationMinutes: 30 }),
        oneToOne('S1', '2025-04-22', { durationMinutes: 30 }),
      ],
    };
    const report = run('derby', history, '2025-05-05');
    expect(findings(report, 'DER-9').map(([dueOn, shortfall]) => [dueOn, shortfall])).toEqual([
      ['2025-04-30', { minutes: 60 }],
    ]);
    expect(reasons(report, 'DER-9')).toEqual([
      [
        'S1',
        "1 month of S1's sessions came to under 120 minutes, but some sessions have no durationMinutes, so the total is unknown",
      ],
    ]);
  });
});

describe('minutes-per-period by Monday–Sunday week (GLO-5: 90 minutes a week for students)', () => {
  const weekly = (report: Report) =>
    breachesOf(report, 'GLO-5')
      .filter((b) => b.activity === 'supervision-minutes')
      .map((b) => [b.dueOn, b.shortfall, b.explanation]);
  const short = (dueOn: string, week: string, minutes: number) => [
    dueOn,
    { minutes: 90 - minutes },
    `ST's 90 minutes of weekly student supervision in the week ${week} came to ${minutes} minutes, ${90 - minutes} minutes short of the 90 minutes expected.`,
  ];

  it.each([
    {
      // Starts Mon 6 Jan: that week is whole. 6–12 Jan: 60 → 30 short. 13–19 Jan: 60 + 30 = 90, met.
      start: '2025-01-06',
      sessions: [
        ['2025-01-07', 60],
        ['2025-01-14', 60],
        ['2025-01-19', 30],
      ],
      breaches: [short('2025-01-12', 'Mon 6 Jan 2025 to Sun 12 Jan 2025', 60)],
    },
    {
      // Starts Wed 8 Jan: the first whole week is 13–19 Jan. 9 Jan (60) is in the part week, never judged.
      // 13–19 Jan: 60 → 30 short.
      start: '2025-01-08',
      sessions: [
        ['2025-01-09', 60],
        ['2025-01-14', 60],
      ],
      breaches: [short('2025-01-19', 'Mon 13 Jan 2025 to Sun 19 Jan 2025', 60)],
    },
  ])('GLO-5 a student starting $start, as of Mon 20 Jan 2025', ({ start, sessions, breaches }) => {
    const history = {
      staff: [staff('ST', { role: 'student', startDate: start })],
      events: sessions.map(([date, minutes]) => oneToOne('ST', date as string, { durationMinutes: minutes })),
    };
    const report = run('gloucestershire', history, '2025-01-20');
    expect(weekly(report)).toEqual(breaches);
    expect(reasons(report, 'GLO-5')).toEqual([]);
  });

  it('GLO-5 two short weeks whose sessions lack a duration: "2 weeks", not judged', () => {
    // 6–12 Jan: one 1:1, no duration. 13–19 Jan: 30 + (unknown). Both under 90 so far: 2 weeks unknown.
    const history = {
      staff: [staff('ST', { role: 'student', startDate: '2025-01-06' })],
      events: [
        oneToOne('ST', '2025-01-08'),
        oneToOne('ST', '2025-01-14', { durationMinutes: 30 }),
        oneToOne('ST', '2025-01-16'),
      ],
    };
    const report = run('gloucestershire', history, '2025-01-20');
    expect(weekly(report)).toEqual([]);
    expect(reasons(report, 'GLO-5')).toEqual([
      [
        'ST',
        "2 weeks of ST's sessions came to under 90 minutes, but some sessions have no durationMinutes, so the total is unknown",
      ],
    ]);
  });
});

describe('session-length (SWK-1: a 1:1 of at least 90 minutes)', () => {
  // Records from Mon 6 Jan 2025; asOf Fri 31 Jan 2025.
  const sentence = (day: string, minutes: number) =>
    `S1's 90-minute formal supervision on ${day} lasted ${minutes} minutes, under the 90 minutes expected; it still counts.`;

  it('SWK-1 flags each held 1:1 under 90 minutes from the first judged day to asOf', () => {
    const history = {
      recordsFrom: '2025-01-06',
      staff: [staff('S1')],
      events: [
        oneToOne('S1', '2025-01-05', { id: 'before', durationMinutes: 30 }), // before the records: not judged
        oneToOne('S1', '2025-01-06', { id: 'first', durationMinutes: 1 }), // the first judged day: 89 short
        oneToOne('S1', '2025-01-13', { id: 'exact', durationMinutes: 90 }), // exactly 90: fine
        oneToOne('S1', '2025-01-14', { id: 'one-short', durationMinutes: 89 }), // 1 short
        oneToOne('S1', '2025-01-15', { id: 'unknown' }), // no duration: not judged
        oneToOne('S1', '2025-01-16', { id: 'cancelled', status: 'cancelled', durationMinutes: 10 }),
        event('case-discussion', '2025-01-17', { id: 'other-kind', superviseeId: 'S1', durationMinutes: 10 }),
        oneToOne('S1', '2025-01-31', { id: 'on-asOf', durationMinutes: 60 }), // asOf itself: 30 short
        oneToOne('S1', '2025-02-01', { id: 'after', durationMinutes: 60 }), // after asOf: not yet
      ],
    };
    const report = run('southwark', history, '2025-01-31');
    expect(
      breachesOf(report, 'SWK-1').map((b) => [b.eventId, b.kind, b.dueOn, b.metOn, b.daysLate, b.severity]),
    ).toEqual([
      ['first', 'too-short', '2025-01-06', null, 0, 'advisory'],
      ['one-short', 'too-short', '2025-01-14', null, 0, 'advisory'],
      ['on-asOf', 'too-short', '2025-01-31', null, 0, 'advisory'],
    ]);
    expect(breachesOf(report, 'SWK-1').map((b) => [b.shortfall, b.explanation])).toEqual([
      [{ minutes: 89 }, sentence('Mon 6 Jan 2025', 1).replace('1 minutes', '1 minute')],
      [{ minutes: 1 }, sentence('Tue 14 Jan 2025', 89)],
      [{ minutes: 30 }, sentence('Fri 31 Jan 2025', 60)],
    ]);
  });

  it('TST-1 only the supervisee’s own sessions, and only while the rule applies (ASYE 6 Jan – 31 Mar)', () => {
    const policy = onePolicy({
      name: 'ASYE session length',
      kind: 'session-length',
      subject: 'staff',
      counts: ['one-to-one', 'group'],
      minimumMinutes: 60,
      when: { asye: true },
    });
    const history = {
      staff: [staff('S1', { asye: { start: '2025-01-06', end: '2025-03-31' } }), staff('S2')],
      events: [
        event('group', '2025-02-03', { id: 'group', participantIds: ['S1', 'S2'], durationMinutes: 30 }),
        oneToOne('S1', '2025-03-31', { id: 'last-asye-day', durationMinutes: 45 }),
        oneToOne('S1', '2025-04-01', { id: 'after-asye', durationMinutes: 45 }),
      ],
    };
    const report = run(policy, history, '2025-05-01');
    expect(breachesOf(report, 'TST-1').map((b) => [b.subject.id, b.eventId, b.shortfall])).toEqual([
      ['S1', 'last-asye-day', { minutes: 15 }],
    ]);
  });
});

describe('retention (DER-10: 300 months for staff working with children)', () => {
  it('DER-10 keeps held sessions up to asOf for anyone the rule covers, group sessions by their participants', () => {
    const history = {
      staff: [staff('S1'), staff('TM', { role: 'team-manager' })],
      events: [
        oneToOne('S1', '2025-03-31', { id: 'on-asOf' }), // asOf itself: kept to 31 Mar 2050
        oneToOne('S1', '2025-04-01', { id: 'after-asOf' }), // not yet
        event('group', '2025-01-31', { id: 'mixed-group', participantIds: ['TM', 'S1'] }), // S1 is covered
        event('group', '2025-02-03', { id: 'managers-group', participantIds: ['TM'] }), // nobody covered
        oneToOne('GHOST', '2025-02-04', { id: 'unknown-supervisee' }), // no such staff member
      ],
    };
    const report = run('derby', history, '2025-03-31');
    expect(report.retention.filter((r) => r.ruleId === 'DER-10')).toEqual([
      // 31 Jan 2025 + 300 months = 31 Jan 2050; 31 Mar 2025 + 300 months = 31 Mar 2050.
      { eventId: 'mixed-group', ruleId: 'DER-10', retainUntil: '2050-01-31' },
      { eventId: 'on-asOf', ruleId: 'DER-10', retainUntil: '2050-03-31' },
    ]);
  });
  // Found by these tests: the people of a session were `participantIds ?? []`, so a group session named
  // only by its teamId had nobody and no retainUntil, although a group "counts for its participantIds, or,
  // when it has none, for every member of its team employed that day" (README). Two social workers of
  // team T1 at a team group session on 3 Feb 2025: kept until 3 Feb 2050 (+ 300 months).
  it('DER-10 keeps a team group session (teamId, no participantIds) of social workers', () => {
    const history = {
      staff: [staff('S1', { teamId: 'T1' }), staff('S2', { teamId: 'T1' })],
      events: [event('group', '2025-02-03', { id: 'team-group', teamId: 'T1' })],
    };
    expect(run('derby', history, '2025-03-01').retention).toEqual([
      { eventId: 'team-group', ruleId: 'DER-10', retainUntil: '2050-02-03' },
    ]);
  });
});
