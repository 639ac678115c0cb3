import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.js';
import { breachesOf, event, oneToOne, run, staff } from '../helpers.js';
import { findings, onePolicy, periodBasis, reasons } from './test-policies.js';

// Worked examples for minutes-per-period rules (src/rules/minutes-per-period.ts). Dates read like "Mon 28 Jul 2025"; the arithmetic is by hand.
// Findings are checked by their basis (the period, minutes held and required); the sentences: test/report/wording.test.ts.

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
    periodBasis(['2025-03-01', '2025-03-31'], 'calendar-month', 105, 120, { unit: 'minutes' }),
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
        periodBasis(['2025-02-01', '2025-02-28'], 'calendar-month', 0, 120, { unit: 'minutes' }),
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
      .map((b) => [b.dueOn, b.shortfall, b.basis]);
  /** The week Monday `from` to Sunday `dueOn`: `minutes` of the 90 expected. */
  const short = (dueOn: string, from: string, minutes: number) => [
    dueOn,
    { minutes: 90 - minutes },
    periodBasis([from, dueOn], 'week', minutes, 90, { unit: 'minutes' }),
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
      breaches: [short('2025-01-12', '2025-01-06', 60)],
    },
    {
      // Starts Wed 8 Jan: the first whole week is 13–19 Jan. 9 Jan (60) is in the part week, never judged.
      // 13–19 Jan: 60 → 30 short.
      start: '2025-01-08',
      sessions: [
        ['2025-01-09', 60],
        ['2025-01-14', 60],
      ],
      breaches: [short('2025-01-19', '2025-01-13', 60)],
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
