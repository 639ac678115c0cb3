import { describe, expect, it } from 'vitest';
import { breachesOf, event, obligationsOf, run, staff } from '../helpers.js';
import { discussion, findings, observation, onePolicy, owed, periodBasis, reasons } from './test-policies.js';

// Worked examples for count-per-period rules (src/rules/count-per-period.ts). Dates read like "Mon 28 Jul 2025"; the arithmetic is by hand.
// Findings are checked by their basis (the period, held, required, pro rata); the sentences: test/report/wording.test.ts.
const y2024_25: [string, string] = ['2024-04-01', '2025-03-31'];
const y2025_26: [string, string] = ['2025-04-01', '2026-03-31'];

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
        periodBasis(y2024_25, 'year', 0, 1, { proRata: { minimum: 2, days: 1, of: 365 } }),
      ],
    ]);
    expect(owed(report, 'GLO-9')).toEqual([['2026-03-31', 'upcoming', periodBasis(y2025_26, 'year', 1, 2)]]);
  });

  it.each([
    {
      // Starts on asOf: first = last = 2 Jun 2025. 2 Jun 2025 – 31 Mar 2026 is 29+31+31+30+31+30+31+31+28+31
      // = 303 days: 2 × 303 / 365 = 1.66 → 2 required.
      what: 'a starter on asOf',
      worker: { startDate: '2025-06-02' },
      asOf: '2025-06-02',
      events: [],
      held: 0,
    },
    {
      // Leaves on asOf (30 Sep): the rule still applies that day. 1 Apr – 30 Sep = 183 days: 2 × 183 / 365 = 1.003 → 2.
      what: 'a leaver on asOf',
      worker: { startDate: '2025-04-01', endDate: '2025-09-30' },
      asOf: '2025-09-30',
      events: [],
      held: 0,
    },
    {
      // Absent all June: 365 − 30 = 335 days, 2 × 335 / 365 = 1.84 → 2. Back at work on asOf 1 Sep.
      // 15 Jun falls in the absence (not counted), 1 Sep is asOf itself (counted), 2 Sep is after asOf (not yet).
      what: 'a worker back from an absence, one observation on asOf',
      worker: { startDate: '2025-04-01', absences: [{ from: '2025-06-01', to: '2025-06-30' }] },
      asOf: '2025-09-01',
      events: ['2025-06-15', '2025-09-01', '2025-09-02'],
      held: 1,
    },
  ])('GLO-9 the open year is an obligation for $what', ({ worker, asOf, events, held }) => {
    const history = { staff: [staff('S2', worker)], events: events.map((date) => observation('S2', date)) };
    const report = run('gloucestershire', history, asOf);
    expect(breachesOf(report, 'GLO-9')).toEqual([]);
    expect(owed(report, 'GLO-9')).toEqual([
      // 2 required, not pro rata (rounded up to the full minimum, so no proRata in the basis).
      ['2026-03-31', 'upcoming', periodBasis(y2025_26, 'year', held, 2)],
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
      ['2025-03-31', { sessions: 2 }, periodBasis(y2024_25, 'year', 0, 2)],
    ]);
    expect(owed(report, 'GLO-9').map(([dueOn, , basis]) => [dueOn, basis])).toEqual([
      ['2026-03-31', periodBasis(y2025_26, 'year', 0, 2)],
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
  const y2022 = ['2022-12-31', { sessions: 1 }, periodBasis(['2022-01-01', '2022-12-31'], 'year', 0, 1)];

  it.each([
    // recordsFrom 1 Jan 2022 is the year's first day: judged. From 2 Jan 2022 the year began before the records.
    { recordsFrom: undefined, breaches: [y2022] },
    { recordsFrom: '2022-01-01', breaches: [y2022] },
    { recordsFrom: '2022-01-02', breaches: [] },
  ])('TST-1 with records from $recordsFrom', ({ recordsFrom, breaches }) => {
    const report = run(onePolicy(rule, '2022-12-31'), history(recordsFrom), '2025-03-01');
    expect(findings(report, 'TST-1')).toEqual(breaches);
    expect(owed(report, 'TST-1')).toEqual([
      ['2025-12-31', 'upcoming', periodBasis(['2025-01-01', '2025-12-31'], 'year', 0, 1)],
    ]);
  });

  it('TST-1 without pro rata a starter owes the full 1 for the part year (1 Jul – 31 Dec 2024, 184 of 366 days)', () => {
    const starter = { staff: [staff('S2', { startDate: '2024-07-01' })] };
    const report = run(onePolicy(rule, '2022-12-31'), starter, '2025-03-01');
    expect(findings(report, 'TST-1')).toEqual([
      [
        '2024-12-31',
        { sessions: 1 },
        // The full 1 required: no proRata in the basis.
        periodBasis(['2024-01-01', '2024-12-31'], 'year', 0, 1),
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
  // (The rule's name already says "in the review period": the sentence does not say it twice, test/report/wording.test.ts.)
  const first = (held: number) => periodBasis(['2025-02-02', '2025-05-01'], 'review-period', held, 2);
  const second = (held: number) => periodBasis(['2025-05-02', '2025-08-01'], 'review-period', held, 2);

  it.each([
    {
      // Mid-period: 2 Feb – 1 May is open (1 of 2 held so far); 2 May – 1 Aug has not begun.
      asOf: '2025-03-15',
      breaches: [],
      obligations: [['2025-05-01', first(1)]],
    },
    {
      // asOf is the closing review date: the period is still open on its last day, so not yet a breach.
      asOf: '2025-05-01',
      breaches: [],
      obligations: [['2025-05-01', first(1)]],
    },
    {
      // The day after: 2 Feb – 1 May is complete, 1 of 2 → too-few; 2 May – 1 Aug begins on asOf.
      asOf: '2025-05-02',
      breaches: [['2025-05-01', { sessions: 1 }, first(1)]],
      obligations: [['2025-08-01', second(0)]],
    },
  ])('DER-7 as of $asOf', ({ asOf, breaches, obligations }) => {
    const report = run('derby', history, asOf);
    expect(findings(report, 'DER-7', 'C1')).toEqual(breaches);
    expect(owed(report, 'DER-7', 'C1').map(([dueOn, , basis]) => [dueOn, basis])).toEqual(obligations);
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
