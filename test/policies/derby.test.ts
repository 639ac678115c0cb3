import { describe, expect, it } from 'vitest';
import { breachesOf, brief, event, obligationsOf, oneToOne, run, staff } from '../helpers.js';

const cancelled = (superviseeId: string, date: string, extra: Record<string, unknown> = {}) =>
  oneToOne(superviseeId, date, { status: 'cancelled', ...extra });

describe('Derby', () => {
  it('DER-1 monthly with month-end clamp: 31 Jan → 28 Feb on time, 28 Feb → 28 Mar late on 31 Mar (3 days), then 30 Apr', () => {
    // Records from 1 Jan 2025: the first session is due 1 Jan + 1 month = 1 Feb; held 31 Jan, on time.
    // 31 Jan + 1 calendar month = 28 Feb (no 31 Feb: clamped to the month's end); held 28 Feb, the due day: on time.
    // 28 Feb + 1 month = 28 Mar; held 31 Mar: late, 31 Mar − 28 Mar = 3 days.
    // 31 Mar + 1 month = 30 Apr (clamped); asOf 20 Apr: upcoming.
    const history = {
      recordsFrom: '2025-01-01',
      staff: [staff('S1')],
      events: [oneToOne('S1', '2025-01-31'), oneToOne('S1', '2025-02-28'), oneToOne('S1', '2025-03-31')],
    };
    const report = run('derby', history, '2025-04-20');
    expect(breachesOf(report, 'DER-1').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-03-28', metOn: '2025-03-31', daysLate: 3 },
    ]);
    expect(breachesOf(report, 'DER-1')[0]).toMatchObject({
      severity: 'breach',
      subject: { type: 'staff', id: 'S1' },
      activity: 'one-to-one',
      citation: { source: '003_cfb656a9152108c7.txt' },
    });
    expect(obligationsOf(report, 'DER-1', 'S1')).toMatchObject([
      { dueOn: '2025-04-30', status: 'upcoming', lastMetOn: '2025-03-31' },
    ]);
  });

  it('DER-1 applies to full-time staff only: a part-timer has no DER-1 obligation', () => {
    const history = {
      recordsFrom: '2025-01-01',
      staff: [staff('FT'), staff('PT', { fullTime: false })],
      events: [oneToOne('FT', '2025-01-10'), oneToOne('PT', '2025-01-10')],
    };
    const report = run('derby', history, '2025-02-01');
    // FT: 10 Jan + 1 month = 10 Feb.
    expect(obligationsOf(report, 'DER-1', 'FT')).toMatchObject([{ dueOn: '2025-02-10' }]);
    expect(obligationsOf(report, 'DER-1', 'PT')).toEqual([]);
  });

  describe('DER-2 42 days only with an authorisation AND a supervisor of more than eight direct reports', () => {
    // Last 1:1 Mon 3 Mar 2025. Monthly (DER-1): 3 Mar + 1 month = 3 Apr.
    // 6-weekly (DER-2): 3 Mar + 42 days = 3 Mar + 28 (31 Mar) + 14 = 14 Apr.
    // The next session is held on Thu 10 Apr: on time at 42 days, 7 days late at 1 month (10 − 3).
    const history = (reports: number, authorised: boolean, authorisedTo: string | null = null) => ({
      recordsFrom: '2025-03-01',
      staff: [
        staff('M1', { role: 'team-manager', directReports: reports }),
        staff('S1', {
          supervisors: [{ supervisorId: 'M1', from: '2024-06-03' }],
          ...(authorised
            ? {
                arrangements: [
                  { type: 'extended-interval-authorised', from: '2025-01-01', to: authorisedTo },
                ],
              }
            : {}),
        }),
      ],
      events: [
        oneToOne('S1', '2025-03-03', { supervisorId: 'M1' }),
        oneToOne('S1', '2025-04-10', { supervisorId: 'M1' }),
      ],
    });

    it('DER-2 9 reports with authorisation → 42 days: due 14 Apr, 10 Apr on time', () => {
      expect(obligationsOf(run('derby', history(9, true), '2025-04-01'), 'DER-1', 'S1')).toMatchObject([
        { dueOn: '2025-04-14', status: 'upcoming', lastMetOn: '2025-03-03' },
      ]);
      const report = run('derby', history(9, true), '2025-04-30');
      expect(breachesOf(report, 'DER-1', 'S1')).toEqual([]);
      // 10 Apr + 42 = 22 May.
      const [ob] = obligationsOf(report, 'DER-1', 'S1');
      expect(ob).toMatchObject({ dueOn: '2025-05-22' });
      expect(ob!.basis).toMatchObject({ interval: { every: { days: 42 }, via: 'DER-2' } });
    });

    it('DER-2 8 reports with authorisation → DER-1 1 month: due 3 Apr, 10 Apr is 7 days late', () => {
      expect(obligationsOf(run('derby', history(8, true), '2025-04-01'), 'DER-1', 'S1')).toMatchObject([
        { dueOn: '2025-04-03' },
      ]);
      const report = run('derby', history(8, true), '2025-04-30');
      expect(breachesOf(report, 'DER-1', 'S1').map(brief)).toEqual([
        { kind: 'late', dueOn: '2025-04-03', metOn: '2025-04-10', daysLate: 7 },
      ]);
    });

    it('DER-2 9 reports without authorisation → DER-1 1 month: due 3 Apr, 10 Apr is 7 days late', () => {
      expect(obligationsOf(run('derby', history(9, false), '2025-04-01'), 'DER-1', 'S1')).toMatchObject([
        { dueOn: '2025-04-03' },
      ]);
      const report = run('derby', history(9, false), '2025-04-30');
      expect(breachesOf(report, 'DER-1', 'S1').map(brief)).toEqual([
        { kind: 'late', dueOn: '2025-04-03', metOn: '2025-04-10', daysLate: 7 },
      ]);
    });

    it("DER-2 the authorisation ending is a change of interval inside DER-1's window (POLICIES.md rule for changes)", () => {
      // Authorised 1 Jan – 4 Mar; from 5 Mar the interval is DER-1's 1 month again (c = 5 Mar).
      // Last session L = 3 Mar; due under 42 days D = 14 Apr. New due = later of (L + 1 month = 3 Apr) and
      // earlier of (D = 14 Apr, c + 1 month = 5 Apr) = 5 Apr. Held 10 Apr: 5 days late.
      const report = run('derby', history(9, true, '2025-03-04'), '2025-04-30');
      expect(breachesOf(report, 'DER-1', 'S1').map(brief)).toEqual([
        { kind: 'late', dueOn: '2025-04-05', metOn: '2025-04-10', daysLate: 5 },
      ]);
      // Ending on 31 Mar instead: earlier of (14 Apr, 1 Apr + 1 month = 1 May) = 14 Apr, later than 3 Apr:
      // the session due on 14 Apr under the authorisation stays due then, so 10 Apr is on time.
      expect(breachesOf(run('derby', history(9, true, '2025-03-31'), '2025-04-30'), 'DER-1', 'S1')).toEqual(
        [],
      );
    });
  });

  it('DER-3 weekly in the first calendar month in role (advisory): 8 Sep on time, 19 Sep 4 days late, 26 Sep missed to 1 Oct', () => {
    // Started in role Mon 1 Sep 2025; the first calendar month in role runs 1–30 Sep.
    // 1 Sep + 7 = 8 Sep: held 8 Sep, on time. 8 Sep + 7 = 15 Sep: held 19 Sep, 4 days late.
    // 19 Sep + 7 = 26 Sep: nothing held; the window closes after 30 Sep, so daysLate = 1 Oct − 26 Sep = 5.
    // After 30 Sep, DER-3 owes nothing (no obligation); 26 Sep + 7 = 3 Oct would be after the window anyway.
    const history = {
      staff: [staff('N1', { startDate: '2025-09-01' })],
      events: [oneToOne('N1', '2025-09-08'), oneToOne('N1', '2025-09-19')],
    };
    const report = run('derby', history, '2025-10-10');
    expect(breachesOf(report, 'DER-3').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-09-15', metOn: '2025-09-19', daysLate: 4 },
      { kind: 'missed', dueOn: '2025-09-26', metOn: null, daysLate: 5 },
    ]);
    expect(breachesOf(report, 'DER-3').every((b) => b.severity === 'advisory')).toBe(true);
    expect(obligationsOf(report, 'DER-3')).toEqual([]);
    // During the month the obligation shows: asOf 10 Sep, due 15 Sep.
    expect(obligationsOf(run('derby', history, '2025-09-10'), 'DER-3', 'N1')).toMatchObject([
      { dueOn: '2025-09-15', status: 'upcoming' },
    ]);
  });

  it('DER-3 counts from roleStartDate, not startDate: promoted 3 Mar 2025, first weekly session due 10 Mar', () => {
    const history = {
      staff: [staff('P1', { startDate: '2019-04-01', roleStartDate: '2025-03-03', role: 'team-manager' })],
      events: [],
    };
    const report = run('derby', history, '2025-03-05');
    expect(obligationsOf(report, 'DER-3', 'P1')).toMatchObject([{ dueOn: '2025-03-10' }]);
  });

  it('DER-4 ASYE fortnightly: 15 Sep on time, 3 Oct 4 days late; next due 17 Oct', () => {
    // ASYE from Mon 1 Sep 2025. 1 Sep + 14 = 15 Sep: held 15 Sep, on time (the due day).
    // 15 Sep + 14 = 29 Sep: held Fri 3 Oct, 4 days late. 3 Oct + 14 = 17 Oct.
    const history = {
      staff: [staff('A1', { startDate: '2025-09-01', asye: { start: '2025-09-01' } })],
      events: [oneToOne('A1', '2025-09-15'), oneToOne('A1', '2025-10-03')],
    };
    const report = run('derby', history, '2025-10-10');
    expect(breachesOf(report, 'DER-4').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-09-29', metOn: '2025-10-03', daysLate: 4 },
    ]);
    expect(obligationsOf(report, 'DER-4', 'A1')).toMatchObject([
      { dueOn: '2025-10-17', status: 'upcoming', lastMetOn: '2025-10-03' },
    ]);
  });

  it('DER-4 lasts 12 months: ASYE from 1 Sep 2025 ends 31 Aug 2026; a due date of 3 Sep 2026 is not judged, DER-1 goes on', () => {
    // Default ASYE end: 1 Sep 2025 + 12 months = 1 Sep 2026, so the last ASYE day is 31 Aug 2026.
    // Records from 1 Aug 2026: first due 1 Aug + 14 = 15 Aug; held 14 Aug and 20 Aug.
    // 20 Aug + 14 = 3 Sep 2026: after the ASYE's last day, so not judged and no DER-4 obligation.
    // DER-1 (monthly) still applies: 20 Aug + 1 month = 20 Sep 2026; asOf 30 Sep: missed 10 days.
    const history = {
      recordsFrom: '2026-08-01',
      staff: [staff('A1', { startDate: '2025-09-01', asye: { start: '2025-09-01' } })],
      events: [oneToOne('A1', '2026-08-14'), oneToOne('A1', '2026-08-20')],
    };
    const report = run('derby', history, '2026-09-30');
    expect(breachesOf(report, 'DER-4')).toEqual([]);
    expect(obligationsOf(report, 'DER-4')).toEqual([]);
    expect(breachesOf(report, 'DER-1', 'A1').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2026-09-20', metOn: null, daysLate: 10 },
    ]);
  });

  it('DER-5 cancelled on 15 Jul 2025 must be re-arranged by 15 Aug: 15 Aug on time, 18 Aug 3 days late, none → missed', () => {
    // 15 Jul + 1 calendar month = 15 Aug 2025 (the due day itself is on time).
    // B: held Mon 18 Aug, 18 − 15 = 3 days late. C: nothing by asOf 1 Sep: missed, 1 Sep − 15 Aug = 17 days.
    const history = {
      recordsFrom: '2025-07-01',
      staff: [staff('A'), staff('B'), staff('C')],
      events: [
        cancelled('A', '2025-07-15', { id: 'XA' }),
        oneToOne('A', '2025-08-15'),
        cancelled('B', '2025-07-15', { id: 'XB' }),
        oneToOne('B', '2025-08-18'),
        cancelled('C', '2025-07-15', { id: 'XC' }),
      ],
    };
    const report = run('derby', history, '2025-09-01');
    expect(breachesOf(report, 'DER-5', 'A')).toEqual([]);
    expect(breachesOf(report, 'DER-5', 'B').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-08-15', metOn: '2025-08-18', daysLate: 3 },
    ]);
    expect(breachesOf(report, 'DER-5', 'C').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-08-15', metOn: null, daysLate: 17 },
    ]);
    expect(breachesOf(report, 'DER-5', 'C')[0]).toMatchObject({ eventId: 'XC', severity: 'breach' });
    // While C's replacement is still owed on 1 Aug, it is an upcoming obligation due 15 Aug.
    expect(obligationsOf(run('derby', history, '2025-08-01'), 'DER-5', 'C')).toMatchObject([
      { dueOn: '2025-08-15', status: 'upcoming' },
    ]);
  });

  it('DER-5 a cancelled session does not count for DER-1: the clock runs from the last held session', () => {
    // Held 10 Jun; 10 Jul cancelled; held 18 Jul. DER-1: 10 Jun + 1 month = 10 Jul; 18 Jul is 8 days late.
    const history = {
      recordsFrom: '2025-06-01',
      staff: [staff('S1')],
      events: [oneToOne('S1', '2025-06-10'), cancelled('S1', '2025-07-10'), oneToOne('S1', '2025-07-18')],
    };
    const report = run('derby', history, '2025-07-31');
    expect(breachesOf(report, 'DER-1', 'S1').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-07-10', metOn: '2025-07-18', daysLate: 8 },
    ]);
    expect(breachesOf(report, 'DER-5', 'S1')).toEqual([]);
  });

  it('DER-6 72 clock hours across the clocks going back: 14:00 BST Fri 24 Oct → 13:00 GMT Mon 27 Oct; 13:30 is 0.5 hours late', () => {
    // Start 2025-10-24T14:00+01:00 = 13:00Z. + 72 h = 2025-10-27T13:00Z. The clocks went back on Sun 26 Oct,
    // so in London that is 13:00 GMT (+00:00), not 14:00: 72 elapsed hours, not "3 days at the same wall time".
    // C1 recorded 13:00 exactly: on time. C2 recorded 13:30: late by 0.5 hours, daysLate 0, dueOn 27 Oct.
    // C3 never recorded: unrecorded, asOf 31 Oct − 27 Oct = 4 days.
    const cases = ['C1', 'C2', 'C3'].map((id) => ({
      id,
      allocations: [{ workerId: 'S1', from: '2025-01-06' }],
    }));
    const history = {
      staff: [staff('S1')],
      cases,
      events: [
        oneToOne('S1', '2025-10-24', {
          id: 'CS',
          start: '2025-10-24T14:00:00+01:00',
          caseIds: ['C1', 'C2', 'C3'],
          caseRecords: [
            { caseId: 'C1', recordedAt: '2025-10-27T13:00:00+00:00' },
            { caseId: 'C2', recordedAt: '2025-10-27T13:30:00+00:00' },
          ],
        }),
      ],
    };
    const report = run('derby', history, '2025-10-31');
    const recs = report.recordings.filter((r) => r.ruleId === 'DER-6');
    expect(recs.map((r) => [r.caseId, r.deadline, r.status])).toEqual([
      ['C1', '2025-10-27T13:00:00+00:00', 'on-time'],
      ['C2', '2025-10-27T13:00:00+00:00', 'late'],
      ['C3', '2025-10-27T13:00:00+00:00', 'overdue'],
    ]);
    const late = breachesOf(report, 'DER-6', 'C2');
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({
      kind: 'late-recording',
      dueOn: '2025-10-27',
      metOn: '2025-10-27',
      daysLate: 0,
      hoursLate: 0.5,
      eventId: 'CS',
      subject: { type: 'case', id: 'C2' },
    });
    expect(breachesOf(report, 'DER-6', 'C1')).toEqual([]);
    expect(breachesOf(report, 'DER-6', 'C3').map(brief)).toEqual([
      { kind: 'unrecorded', dueOn: '2025-10-27', metOn: null, daysLate: 4 },
    ]);
  });

  it('DER-6 without a start time: by the end of the 3rd calendar day (24 Oct → end of Mon 27 Oct)', () => {
    // Date only: 24 Oct + 3 calendar days = 27 Oct, end of that London day.
    // C1 recorded 27 Oct 22:00 GMT: on time (would be late against 72 h from any daytime start).
    // C2 recorded 28 Oct 09:00 GMT: late, dueOn 27 Oct, metOn 28 Oct.
    const history = {
      staff: [staff('S1')],
      cases: ['C1', 'C2'].map((id) => ({ id, allocations: [{ workerId: 'S1', from: '2025-01-06' }] })),
      events: [
        event('case-discussion', '2025-10-24', {
          id: 'CD',
          superviseeId: 'S1',
          caseIds: ['C1', 'C2'],
          caseRecords: [
            { caseId: 'C1', recordedAt: '2025-10-27T22:00:00Z' },
            { caseId: 'C2', recordedAt: '2025-10-28T09:00:00Z' },
          ],
        }),
      ],
    };
    const report = run('derby', history, '2025-10-31');
    const recs = report.recordings.filter((r) => r.ruleId === 'DER-6');
    expect(recs.map((r) => [r.caseId, r.status])).toEqual([
      ['C1', 'on-time'],
      ['C2', 'late'],
    ]);
    expect(recs[0]!.deadline.startsWith('2025-10-27')).toBe(true);
    expect(breachesOf(report, 'DER-6').map((b) => [b.subject.id, b.kind, b.dueOn, b.metOn])).toEqual([
      ['C2', 'late-recording', '2025-10-27', '2025-10-28'],
    ]);
  });

  it('DER-7 twice per review period: 2 Feb–1 May has 2 (both boundary days count), 2 May–1 Aug has 1 → too-few', () => {
    // Reviews 1 Feb, 1 May, 1 Aug, 1 Nov 2025. Periods: 2 Feb–1 May, 2 May–1 Aug, 2 Aug–1 Nov (open at asOf).
    // The span before the first review (6 Jan–1 Feb) is not judged, though nothing was discussed in it.
    // 2 Feb–1 May: discussed 2 Feb and 1 May → 2, met. 2 May–1 Aug: 15 Jun only → too-few, shortfall 1,
    // dueOn the closing review date 1 Aug. 2 Aug–1 Nov is still open on 1 Sep: an obligation, not a breach.
    const history = {
      staff: [staff('S1')],
      cases: [
        {
          id: 'C1',
          allocations: [{ workerId: 'S1', from: '2025-01-06' }],
          reviews: ['2025-02-01', '2025-05-01', '2025-08-01', '2025-11-01'],
        },
      ],
      events: ['2025-02-02', '2025-05-01', '2025-06-15'].map((date) =>
        event('case-discussion', date, { superviseeId: 'S1', caseIds: ['C1'] }),
      ),
    };
    const report = run('derby', history, '2025-09-01');
    const b = breachesOf(report, 'DER-7');
    expect(b).toHaveLength(1);
    expect(b[0]).toMatchObject({
      kind: 'too-few',
      subject: { type: 'case', id: 'C1' },
      dueOn: '2025-08-01',
      metOn: null,
      daysLate: 0,
      shortfall: { sessions: 1 },
      severity: 'breach',
    });
    expect(obligationsOf(report, 'DER-7', 'C1')).toMatchObject([{ dueOn: '2025-11-01', status: 'upcoming' }]);
  });

  it('DER-7 a case with no review dates is not evaluable, with a reason; never guessed', () => {
    const history = {
      staff: [staff('S1')],
      cases: [{ id: 'C9', allocations: [{ workerId: 'S1', from: '2025-01-06' }] }],
      events: [],
    };
    const report = run('derby', history, '2025-09-01');
    expect(breachesOf(report, 'DER-7')).toEqual([]);
    const ne = report.notEvaluable.filter((x) => x.ruleId === 'DER-7');
    expect(ne).toHaveLength(1);
    expect(ne[0]!.subject).toEqual({ type: 'case', id: 'C9' });
    expect(ne[0]!.reason).toMatch(/review dates/);
  });

  it('DER-8 agreement within the first week: start Mon 3 Mar 2025 → due Mon 10 Mar (day 7 on time); 11 Mar is 1 day late', () => {
    // 3 Mar + 7 days = 10 Mar. J1 signed 10 Mar: on time. J2 signed 11 Mar: 1 day late. J3 nothing by 20 Mar: 10 days.
    const history = {
      staff: [
        staff('J1', { startDate: '2025-03-03' }),
        staff('J2', { startDate: '2025-03-03' }),
        staff('J3', { startDate: '2025-03-03' }),
      ],
      events: [
        event('agreement', '2025-03-10', { superviseeId: 'J1' }),
        event('agreement', '2025-03-11', { superviseeId: 'J2' }),
      ],
    };
    const report = run('derby', history, '2025-03-20');
    const der8 = (id: string) =>
      breachesOf(report, 'DER-8', id).map((b) => ({
        activity: b.activity,
        severity: b.severity,
        ...brief(b),
      }));
    expect(der8('J1')).toEqual([]);
    expect(der8('J2')).toEqual([
      {
        activity: 'agreement',
        severity: 'breach',
        kind: 'late',
        dueOn: '2025-03-10',
        metOn: '2025-03-11',
        daysLate: 1,
      },
    ]);
    expect(der8('J3')).toEqual([
      {
        activity: 'agreement',
        severity: 'breach',
        kind: 'missed',
        dueOn: '2025-03-10',
        metOn: null,
        daysLate: 10,
      },
    ]);
  });

  it('DER-8 after a change of supervisor: reviewed by the first 1:1 with the new one (8 Jul); 15 Jul is 7 days late', () => {
    // S1 supervised by M1 3 Mar – 30 Jun, by M2 from 1 Jul. First 1:1 with M2: Tue 8 Jul → due 8 Jul.
    // S1 reviews the agreement 15 Jul: 7 days late. S2 (same change) reviews it on 8 Jul itself: on time.
    const sups = {
      supervisors: [
        { supervisorId: 'M1', from: '2025-03-03', to: '2025-06-30' },
        { supervisorId: 'M2', from: '2025-07-01' },
      ],
    };
    const history = {
      staff: [
        staff('M1', { role: 'team-manager' }),
        staff('M2', { role: 'team-manager' }),
        staff('S1', { startDate: '2025-03-03', ...sups }),
        staff('S2', { startDate: '2025-03-03', ...sups }),
      ],
      events: [
        event('agreement', '2025-03-05', { superviseeId: 'S1', supervisorId: 'M1' }),
        event('agreement', '2025-03-05', { superviseeId: 'S2', supervisorId: 'M1' }),
        oneToOne('S1', '2025-07-08', { supervisorId: 'M2' }),
        oneToOne('S2', '2025-07-08', { supervisorId: 'M2' }),
        event('agreement', '2025-07-15', { superviseeId: 'S1', supervisorId: 'M2' }),
        event('agreement', '2025-07-08', { superviseeId: 'S2', supervisorId: 'M2' }),
      ],
    };
    const report = run('derby', history, '2025-07-31');
    expect(
      breachesOf(report, 'DER-8', 'S1').map((b) => ({
        activity: b.activity,
        severity: b.severity,
        ...brief(b),
      })),
    ).toEqual([
      {
        activity: 'agreement-review',
        severity: 'breach',
        kind: 'late',
        dueOn: '2025-07-08',
        metOn: '2025-07-15',
        daysLate: 7,
      },
    ]);
    expect(breachesOf(report, 'DER-8', 'S2')).toEqual([]);
  });

  it('DER-9 120 minutes a calendar month (advisory): Feb 60 + 30 = 90 → too-short by 30; Mar 90 + 30 = 120 → met', () => {
    // Records from 1 Feb 2025. February: 60 + 30 = 90 < 120 → too-short, shortfall 30 minutes, dueOn 28 Feb.
    // March: 90 + 30 = 120, exactly the minimum: met. April is still open on 15 Apr: not judged.
    const history = {
      recordsFrom: '2025-02-01',
      staff: [staff('S1')],
      events: [
        oneToOne('S1', '2025-02-03', { durationMinutes: 60 }),
        oneToOne('S1', '2025-02-24', { durationMinutes: 30 }),
        oneToOne('S1', '2025-03-03', { durationMinutes: 90 }),
        oneToOne('S1', '2025-03-31', { durationMinutes: 30 }),
      ],
    };
    const report = run('derby', history, '2025-04-15');
    const b = breachesOf(report, 'DER-9');
    expect(b).toHaveLength(1);
    expect(b[0]).toMatchObject({
      kind: 'too-short',
      dueOn: '2025-02-28',
      metOn: null,
      daysLate: 0,
      severity: 'advisory',
      shortfall: { minutes: 30 },
      subject: { type: 'staff', id: 'S1' },
    });
  });

  it('DER-10 retainUntil = session date + 25 years for staff working with children; none for a team manager', () => {
    // 10 Mar 2025 + 25 years = 10 Mar 2050. 29 Feb 2024 + 300 months = 28 Feb 2049 (no 29 Feb in 2049).
    const history = {
      staff: [staff('S1'), staff('TM', { role: 'team-manager' })],
      events: [
        oneToOne('S1', '2025-03-10', { id: 'R1' }),
        oneToOne('S1', '2024-02-29', { id: 'R2' }),
        oneToOne('TM', '2025-03-10', { id: 'R3' }),
        cancelled('S1', '2025-03-20', { id: 'R4' }),
      ],
    };
    const report = run('derby', history, '2025-04-01');
    const kept = report.retention.filter((r) => r.ruleId === 'DER-10');
    expect(kept).toEqual(
      expect.arrayContaining([
        { eventId: 'R1', ruleId: 'DER-10', retainUntil: '2050-03-10' },
        { eventId: 'R2', ruleId: 'DER-10', retainUntil: '2049-02-28' },
      ]),
    );
    expect(kept.map((r) => r.eventId).sort()).toEqual(['R1', 'R2']);
    expect(breachesOf(report, 'DER-10')).toEqual([]);
  });

  it('DER-11 annual appraisal: 10 Jun 2024 → 10 Jun 2025 on time; then due 10 Jun 2026, missed 10 days at 20 Jun 2026', () => {
    // Records from 1 Jun 2024: first due 1 Jun 2025; the 10 Jun 2024 appraisal restarts the clock → 10 Jun 2025.
    // Held 10 Jun 2025 (the due day): on time. 10 Jun 2025 + 12 months = 10 Jun 2026; asOf 20 Jun 2026: 10 days.
    const history = {
      recordsFrom: '2024-06-01',
      staff: [staff('S1')],
      events: [
        event('appraisal', '2024-06-10', { superviseeId: 'S1' }),
        event('appraisal', '2025-06-10', { superviseeId: 'S1' }),
      ],
    };
    const report = run('derby', history, '2026-06-20');
    expect(breachesOf(report, 'DER-11').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2026-06-10', metOn: null, daysLate: 10 },
    ]);
    expect(breachesOf(report, 'DER-11')[0]!.severity).toBe('breach');
    expect(obligationsOf(report, 'DER-11', 'S1')).toMatchObject([
      { activity: 'appraisal', dueOn: '2026-06-10', status: 'overdue', lastMetOn: '2025-06-10' },
    ]);
  });

  it('DER-1 absence pauses: off 1 Feb – 30 Apr 2025, back 1 May, first session due 1 Jun (one full month after)', () => {
    // Last session 15 Jan; 15 Jan + 1 month = 15 Feb falls in the absence: after the window's last day (31 Jan),
    // so not judged. Back 1 May: a new window; 1 May + 1 month = 1 Jun. Held Tue 3 Jun: 2 days late.
    const history = {
      recordsFrom: '2025-01-01',
      staff: [staff('S1', { absences: [{ from: '2025-02-01', to: '2025-04-30', reason: 'sickness' }] })],
      events: [oneToOne('S1', '2025-01-15'), oneToOne('S1', '2025-06-03')],
    };
    const during = run('derby', history, '2025-03-15');
    expect(obligationsOf(during, 'DER-1', 'S1')).toEqual([]);
    expect(breachesOf(during, 'DER-1')).toEqual([]);
    const back = run('derby', history, '2025-05-20');
    expect(obligationsOf(back, 'DER-1', 'S1')).toMatchObject([
      { dueOn: '2025-06-01', status: 'upcoming', lastMetOn: '2025-01-15' },
    ]);
    expect(breachesOf(run('derby', history, '2025-06-10'), 'DER-1').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-06-01', metOn: '2025-06-03', daysLate: 2 },
    ]);
  });

  it('DER-1 leavers: a missed deadline counts to the day after leaving; a deadline after leaving is not judged; no obligations', () => {
    // L1: last 10 Mar → due 10 Apr, nothing; left 15 May. daysLate = 16 May − 10 Apr = 20 + 16 = 36 (not to asOf 1 Jul).
    // L2: first due 1 Mar + 1 month = 1 Apr; held 25 Mar (on time) → due 25 Apr; held 20 Apr (on time)
    // → due 20 May, after leaving on 15 May: not judged.
    const history = {
      recordsFrom: '2025-03-01',
      staff: [staff('L1', { endDate: '2025-05-15' }), staff('L2', { endDate: '2025-05-15' })],
      events: [oneToOne('L1', '2025-03-10'), oneToOne('L2', '2025-03-25'), oneToOne('L2', '2025-04-20')],
    };
    const report = run('derby', history, '2025-07-01');
    expect(breachesOf(report, 'DER-1', 'L1').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-04-10', metOn: null, daysLate: 36 },
    ]);
    expect(breachesOf(report, 'DER-1', 'L1')[0]!.basis).toMatchObject({
      closed: { reason: 'left', staffId: 'L1' },
    });
    expect(breachesOf(report, 'DER-1', 'L2')).toEqual([]);
    expect(report.obligations.filter((o) => o.subject.id === 'L1' || o.subject.id === 'L2')).toEqual([]);
  });

  it('DER-1 deadlines before effectiveFrom (20 May 2024) are not judged; later ones are', () => {
    // Records from 1 Jan 2024. Held 1 Mar 2024 → due 1 Apr 2024, before 20 May 2024: not judged though
    // nothing was held until 10 Jun. 10 Jun + 1 month = 10 Jul; held 15 Jul: 5 days late (judged).
    const history = {
      recordsFrom: '2024-01-01',
      staff: [staff('S1')],
      events: [oneToOne('S1', '2024-03-01'), oneToOne('S1', '2024-06-10'), oneToOne('S1', '2024-07-15')],
    };
    const report = run('derby', history, '2024-08-01');
    expect(breachesOf(report, 'DER-1').map(brief)).toEqual([
      { kind: 'late', dueOn: '2024-07-10', metOn: '2024-07-15', daysLate: 5 },
    ]);
  });

  it('DER-1 / DER-6 nothing before recordsFrom is judged: the clock starts on recordsFrom (1 Mar → due 1 Apr)', () => {
    // Records from 1 Mar 2025; no sessions. DER-1 due 1 Mar + 1 month = 1 Apr; asOf 10 Apr: missed 9 days.
    // A session on 20 Feb with an unrecorded case: its 72-hour deadline (end of 23 Feb) is before 1 Mar: not judged.
    const history = {
      recordsFrom: '2025-03-01',
      staff: [staff('S1')],
      cases: [{ id: 'C1', allocations: [{ workerId: 'S1', from: '2025-01-06' }] }],
      events: [oneToOne('S1', '2025-02-20', { caseIds: ['C1'] })],
    };
    const report = run('derby', history, '2025-04-10');
    expect(breachesOf(report, 'DER-1').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-04-01', metOn: null, daysLate: 9 },
    ]);
    expect(breachesOf(report, 'DER-6')).toEqual([]);
  });
});
