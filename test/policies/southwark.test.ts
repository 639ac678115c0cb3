import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.js';
import { breachesOf, brief, event, obligationsOf, oneToOne, run, staff } from '../helpers.js';

const anything = (report: Report, ruleId: string) =>
  [...report.obligations, ...report.breaches, ...report.notEvaluable].filter((x) => x.ruleId === ruleId);

/** A practitioner confirmed in post long ago (SWK-4 applies). */
const confirmed = (id: string, extra: Record<string, unknown> = {}) =>
  staff(id, { startDate: '2020-01-06', confirmedInPost: '2020-07-06', ...extra });

describe('Southwark', () => {
  it('SWK-1 a 60-minute 1:1 is an advisory too-short (shortfall 30) and still counts for SWK-4', () => {
    // 1:1 Mon 20 Jan 2025 lasting 60 minutes: 90 − 60 = 30 minutes short, advisory.
    // SWK-4 (monthly): records from 1 Jan → first due 1 Feb; 20 Jan counts → next due 20 Feb.
    const history = {
      recordsFrom: '2025-01-01',
      staff: [confirmed('S1')],
      events: [oneToOne('S1', '2025-01-20', { id: 'SHORT', durationMinutes: 60 })],
    };
    const report = run('southwark', history, '2025-02-01');
    const [b] = breachesOf(report, 'SWK-1', 'S1');
    expect(b).toMatchObject({
      kind: 'too-short',
      severity: 'advisory',
      dueOn: '2025-01-20',
      metOn: null,
      daysLate: 0,
      eventId: 'SHORT',
      shortfall: { minutes: 30 },
    });
    expect(breachesOf(report, 'SWK-4')).toEqual([]);
    expect(obligationsOf(report, 'SWK-4', 'S1')).toMatchObject([
      { dueOn: '2025-02-20', lastMetOn: '2025-01-20' },
    ]);
  });

  it('SWK-2 ASYE weekly for six weeks, then fortnightly: last 1:1 6 Oct, the phase changes 13 Oct → due 20 Oct', () => {
    // ASYE from Mon 1 Sep 2025: weekly until 1 Sep + 6 weeks = 13 Oct. Weekly 1:1s to 6 Oct (due 13 Oct).
    // From 13 Oct 14 days: later of (6 Oct + 14 = 20 Oct) and earlier of (13 Oct, 13 Oct + 14 = 27 Oct) = 20 Oct.
    const dates = ['2025-09-01', '2025-09-08', '2025-09-15', '2025-09-22', '2025-09-29', '2025-10-06'];
    const history = {
      staff: [
        staff('A1', { startDate: '2025-09-01', qualifiedDate: '2025-07-01', asye: { start: '2025-09-01' } }),
      ],
      events: dates.map((d) => oneToOne('A1', d, { durationMinutes: 90 })),
    };
    const report = run('southwark', history, '2025-10-10');
    expect(obligationsOf(report, 'SWK-2', 'A1')).toMatchObject([{ dueOn: '2025-10-20', status: 'upcoming' }]);
    expect(breachesOf(report, 'SWK-2')).toEqual([]);
  });

  it('SWK-3 first 1:1 within 7 days of start, weekly check-ins and fortnightly 1:1s in month 1, then monthly until confirmed; probation reviews at 3 and 6 months', () => {
    // Starts Mon 3 Mar 2025 (not ASYE), confirmed in post 3 Sep 2025.
    // First 1:1: due 3 Mar + 7 = 10 Mar; held 12 Mar: 2 days late.
    // Check-ins (first month 3 Mar – 2 Apr, every 7 days): 10, 17, 24, 31 Mar, each on its due day; the next (7 Apr) is after the month: not judged.
    // Induction 1:1s: first due 3 Mar + 14 = 17 Mar; 12 Mar → 26 Mar; 26 Mar on time → 9 Apr.
    // On 3 Apr (start + 1 month) the interval becomes monthly (not yet confirmed in post):
    // later of (26 Mar + 1 month = 26 Apr) and earlier of (9 Apr, 3 Apr + 1 month = 3 May) = 26 Apr.
    // Probation reviews: 3 Mar + 3 months = 3 Jun, + 6 months = 3 Sep.
    const history = {
      staff: [staff('N1', { startDate: '2025-03-03', confirmedInPost: '2025-09-03' })],
      events: [
        oneToOne('N1', '2025-03-12', { durationMinutes: 90 }),
        oneToOne('N1', '2025-03-26', { durationMinutes: 90 }),
        ...['2025-03-10', '2025-03-17', '2025-03-24', '2025-03-31'].map((d) =>
          event('check-in', d, { superviseeId: 'N1' }),
        ),
      ],
    };
    const report = run('southwark', history, '2025-04-20');
    expect(breachesOf(report, 'SWK-3').map((b) => [b.activity, brief(b)])).toEqual([
      ['one-to-one', { kind: 'late', dueOn: '2025-03-10', metOn: '2025-03-12', daysLate: 2 }],
    ]);
    expect(obligationsOf(report, 'SWK-3', 'N1').map((o) => [o.activity, o.dueOn])).toEqual([
      ['induction one-to-one', '2025-04-26'],
      ['probation-review', '2025-06-03'],
      ['probation-review', '2025-09-03'],
    ]);
    // Not yet confirmed in post: SWK-4 owes nothing yet.
    expect(obligationsOf(report, 'SWK-4', 'N1')).toEqual([]);

    // Later: 1:1s monthly to 26 Aug; 3-month review held 3 Jun (on time); the 6-month review (3 Sep) is missed.
    // Confirmed on 3 Sep: SWK-4's window opens, first due 3 Oct; the SWK-3 monthly rule stops.
    const later = run(
      'southwark',
      {
        ...history,
        events: [
          ...history.events,
          ...['2025-04-25', '2025-05-23', '2025-06-20', '2025-07-18', '2025-08-15'].map((d) =>
            oneToOne('N1', d, { durationMinutes: 90 }),
          ),
          event('probation-review', '2025-06-03', { superviseeId: 'N1' }),
        ],
      },
      '2025-09-10',
    );
    expect(breachesOf(later, 'SWK-3').map((b) => [b.activity, b.kind, b.dueOn, b.daysLate])).toEqual([
      ['one-to-one', 'late', '2025-03-10', 2],
      ['probation-review', 'missed', '2025-09-03', 7],
    ]);
    expect(obligationsOf(later, 'SWK-4', 'N1')).toMatchObject([{ dueOn: '2025-10-03' }]);
    expect(obligationsOf(later, 'SWK-3', 'N1').map((o) => o.activity)).toEqual(['probation-review']);
  });

  it('SWK-3 an ASYE starter has no probation-review obligation (the ASYE governs probation)', () => {
    const history = {
      staff: [
        staff('A1', { startDate: '2025-09-01', qualifiedDate: '2025-07-01', asye: { start: '2025-09-01' } }),
      ],
      events: [oneToOne('A1', '2025-09-05', { durationMinutes: 90 })],
    };
    const report = run('southwark', history, '2025-12-10');
    expect(obligationsOf(report, 'SWK-3', 'A1').filter((o) => o.activity === 'probation-review')).toEqual([]);
    expect(breachesOf(report, 'SWK-3').filter((b) => b.activity === 'probation-review')).toEqual([]);
  });

  it('SWK-4 monthly once confirmed in post; SWK-10 postponement is untimed: a cancelled 1:1 leaves the gap counted under SWK-4', () => {
    // 6 Jan 2025 → due 6 Feb; the 6 Feb session was cancelled (does not count); held 20 Feb: 14 days late.
    const history = {
      recordsFrom: '2025-01-01',
      staff: [confirmed('S1')],
      events: [
        oneToOne('S1', '2025-01-06', { durationMinutes: 90 }),
        oneToOne('S1', '2025-02-06', { durationMinutes: 90, status: 'cancelled' }),
        oneToOne('S1', '2025-02-20', { durationMinutes: 90 }),
      ],
    };
    const report = run('southwark', history, '2025-03-01');
    expect(breachesOf(report, 'SWK-4').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-02-06', metOn: '2025-02-20', daysLate: 14 },
    ]);
    expect(anything(report, 'SWK-10')).toEqual([]);
    // 20 Feb + 1 month = 20 Mar.
    expect(obligationsOf(report, 'SWK-4', 'S1')).toMatchObject([{ dueOn: '2025-03-20' }]);
  });

  it('SWK-5 performance plan (fortnightly, 3 Mar – 30 May 2025) is its own window; SWK-4 keeps its own clock', () => {
    // Plan from Mon 3 Mar: first due 3 Mar + 14 = 17 Mar; 1:1 10 Mar → 24 Mar; 1:1 27 Mar: 3 days late → next due 10 Apr.
    // SWK-4 (records from 1 Feb: first due 1 Mar): 20 Feb → 20 Mar; 10 Mar → 10 Apr; 27 Mar → 27 Apr.
    const history = {
      recordsFrom: '2025-02-01',
      staff: [
        confirmed('S1', {
          arrangements: [
            { type: 'performance-plan', from: '2025-03-03', to: '2025-05-30', interval: { weeks: 2 } },
          ],
        }),
      ],
      events: ['2025-02-20', '2025-03-10', '2025-03-27'].map((d) =>
        oneToOne('S1', d, { durationMinutes: 90 }),
      ),
    };
    const report = run('southwark', history, '2025-04-05');
    expect(breachesOf(report, 'SWK-5').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-03-24', metOn: '2025-03-27', daysLate: 3 },
    ]);
    expect(obligationsOf(report, 'SWK-5', 'S1')).toMatchObject([{ dueOn: '2025-04-10' }]);
    expect(obligationsOf(report, 'SWK-4', 'S1')).toMatchObject([{ dueOn: '2025-04-27' }]);
    expect(breachesOf(report, 'SWK-4')).toEqual([]);
    // After the plan ends (30 May) no SWK-5 obligation remains.
    expect(obligationsOf(run('southwark', history, '2025-06-10'), 'SWK-5')).toEqual([]);
  });

  it('SWK-6 group supervision weekly in Family Early Help and Youth Offending, fortnightly otherwise', () => {
    // Group on Mon 3 Mar 2025 with both: FEH worker due 3 Mar + 7 = 10 Mar; CIN worker due 3 Mar + 14 = 17 Mar.
    const history = {
      staff: [
        confirmed('F1', { service: 'family-early-help' }),
        confirmed('C1', { service: 'child-in-need' }),
      ],
      events: [event('group', '2025-03-03', { participantIds: ['F1', 'C1'] })],
    };
    const report = run('southwark', history, '2025-03-05');
    expect(obligationsOf(report, 'SWK-6', 'F1')).toMatchObject([{ activity: 'group', dueOn: '2025-03-10' }]);
    expect(obligationsOf(report, 'SWK-6', 'C1')).toMatchObject([{ activity: 'group', dueOn: '2025-03-17' }]);
  });

  it('SWK-7 child in need (every other month) becomes child protection (monthly) on 10 Feb 2025: due Mon 10 Mar 2025', () => {
    // Case opens 6 Jan 2025 as CIN: due 6 Mar; discussed 3 Feb → due 3 Feb + 2 months = 3 Apr.
    // CP from 10 Feb (monthly): later of (3 Feb + 1 month = 3 Mar) and earlier of (3 Apr, 10 Feb + 1 month = 10 Mar) = 10 Mar.
    // A group discussion on 5 Mar does not count (formal supervision only).
    const history = {
      staff: [confirmed('S1')],
      cases: [
        {
          id: 'C1',
          allocations: [{ workerId: 'S1', from: '2025-01-06' }],
          episodes: [
            { type: 'child-in-need', from: '2025-01-06', to: '2025-02-09' },
            { type: 'child-protection', from: '2025-02-10' },
          ],
        },
      ],
      events: [
        oneToOne('S1', '2025-02-03', { caseIds: ['C1'], durationMinutes: 90 }),
        event('group', '2025-03-05', { participantIds: ['S1'], caseIds: ['C1'] }),
      ],
    };
    const report = run('southwark', history, '2025-03-06');
    const [ob] = obligationsOf(report, 'SWK-7', 'C1');
    expect(ob).toMatchObject({ dueOn: '2025-03-10', status: 'upcoming', lastMetOn: '2025-02-03' });
    // 3 Feb + 2 months = 3 Apr, then 10 Mar once the case went on a CP plan (10 Feb).
    expect(ob!.basis).toMatchObject({
      kind: 'interval',
      from: { reason: 'last-session', on: '2025-02-03' },
      interval: { every: { months: 2 } },
      dueBy: '2025-04-03',
      changes: [{ on: '2025-02-10', interval: { every: { months: 1 } }, dueBy: '2025-03-10' }],
    });
    // Nothing formal by 12 Mar: missed, 2 days.
    expect(breachesOf(run('southwark', history, '2025-03-12'), 'SWK-7').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-03-10', metOn: null, daysLate: 2 },
    ]);
    // Without the change the CIN date (3 Apr) stands.
    const cin = run(
      'southwark',
      {
        ...history,
        cases: [{ ...history.cases[0]!, episodes: [{ type: 'child-in-need', from: '2025-01-06' }] }],
      },
      '2025-03-06',
    );
    expect(obligationsOf(cin, 'SWK-7', 'C1')).toMatchObject([{ dueOn: '2025-04-03' }]);
    // A case-discussion event does count.
    const cd = run(
      'southwark',
      {
        ...history,
        events: [
          ...history.events,
          event('case-discussion', '2025-03-07', { superviseeId: 'S1', caseIds: ['C1'] }),
        ],
      },
      '2025-03-12',
    );
    expect(breachesOf(cd, 'SWK-7')).toEqual([]);
    expect(obligationsOf(cd, 'SWK-7', 'C1')).toMatchObject([
      { dueOn: '2025-04-07', lastMetOn: '2025-03-07' },
    ]);
  });

  it('SWK-8 casework discussed Fri 23 May 2025 is recorded by the end of Tue 27 May (26 May bank holiday); group too', () => {
    // Sat 24, Sun 25 weekend; Mon 26 May Spring bank holiday; Tue 27 May = working day 1.
    const history = {
      staff: [confirmed('S1')],
      cases: [
        { id: 'C1', allocations: [{ workerId: 'S1', from: '2025-01-06' }] },
        { id: 'C2', allocations: [{ workerId: 'S1', from: '2025-01-06' }] },
      ],
      events: [
        oneToOne('S1', '2025-05-23', {
          id: 'E1',
          durationMinutes: 90,
          caseIds: ['C1', 'C2'],
          caseRecords: [
            { caseId: 'C1', recordedAt: '2025-05-27T17:00:00+01:00' },
            { caseId: 'C2', recordedAt: '2025-05-28T09:00:00+01:00' },
          ],
        }),
        event('group', '2025-05-23', { id: 'G1', participantIds: ['S1'], caseIds: ['C1'] }),
      ],
    };
    const report = run('southwark', history, '2025-06-02');
    expect(
      report.recordings
        .filter((r) => r.ruleId === 'SWK-8')
        .map((r) => [r.eventId, r.caseId, r.deadline, r.status]),
    ).toEqual([
      ['E1', 'C1', '2025-05-27', 'on-time'],
      ['E1', 'C2', '2025-05-27', 'late'],
      ['G1', 'C1', '2025-05-27', 'overdue'],
    ]);
    expect(breachesOf(report, 'SWK-8').map((b) => [b.subject.id, b.eventId, brief(b)])).toEqual([
      ['C1', 'G1', { kind: 'unrecorded', dueOn: '2025-05-27', metOn: null, daysLate: 6 }],
      ['C2', 'E1', { kind: 'late-recording', dueOn: '2025-05-27', metOn: '2025-05-28', daysLate: 1 }],
    ]);
  });

  it('SWK-9 agreement by the first 1:1, then reviewed every 12 months', () => {
    // Starts Mon 5 Feb 2024 with M1; agreement 5 Feb, first 1:1 6 Feb: on time.
    // Review due 5 Feb 2024 + 12 months = 5 Feb 2025; none by 1 Mar 2025: 1 Mar − 5 Feb = 24 days.
    const history = {
      staff: [
        staff('S1', {
          startDate: '2024-02-05',
          confirmedInPost: '2024-08-05',
          supervisors: [{ supervisorId: 'M1', from: '2024-02-05' }],
        }),
      ],
      events: [
        event('agreement', '2024-02-05', { superviseeId: 'S1', supervisorId: 'M1' }),
        oneToOne('S1', '2024-02-06', { supervisorId: 'M1', durationMinutes: 90 }),
      ],
    };
    const report = run('southwark', history, '2025-03-01');
    expect(breachesOf(report, 'SWK-9').map((b) => [b.activity, b.kind, b.dueOn, b.daysLate])).toEqual([
      ['agreement-review', 'missed', '2025-02-05', 24],
    ]);
    // Agreement signed only on 8 Feb 2024, after the first 1:1 (6 Feb): 2 days late.
    const lateAgreement = run(
      'southwark',
      {
        ...history,
        events: [
          oneToOne('S1', '2024-02-06', { supervisorId: 'M1', durationMinutes: 90 }),
          event('agreement', '2024-02-08', { superviseeId: 'S1', supervisorId: 'M1' }),
        ],
      },
      '2024-03-01',
    );
    expect(breachesOf(lateAgreement, 'SWK-9').map((b) => [b.activity, brief(b)])).toEqual([
      ['agreement', { kind: 'late', dueOn: '2024-02-06', metOn: '2024-02-08', daysLate: 2 }],
    ]);
  });

  it('SWK-11 annual learning plan / appraisal: 1 Apr 2024 → due 1 Apr 2025', () => {
    const history = {
      recordsFrom: '2024-01-01',
      staff: [confirmed('S1')],
      events: [event('appraisal', '2024-04-01', { superviseeId: 'S1' })],
    };
    const report = run('southwark', history, '2025-03-01');
    expect(obligationsOf(report, 'SWK-11', 'S1')).toMatchObject([
      { activity: 'appraisal', dueOn: '2025-04-01', status: 'upcoming', lastMetOn: '2024-04-01' },
    ]);
  });

  it('SWK-10 and SWK-12 are untimed: they produce nothing', () => {
    const history = {
      recordsFrom: '2025-01-01',
      staff: [confirmed('S1')],
      events: [oneToOne('S1', '2025-01-06', { status: 'cancelled' }), oneToOne('S1', '2025-01-20')],
    };
    const report = run('southwark', history, '2025-03-01');
    expect(anything(report, 'SWK-10')).toEqual([]);
    expect(anything(report, 'SWK-12')).toEqual([]);
    // SWK-4 still judges the gap: 20 Jan → 20 Feb, missed by 1 Mar: 9 days.
    expect(breachesOf(report, 'SWK-4').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-02-20', metOn: null, daysLate: 9 },
    ]);
  });
});
