import { describe, expect, it } from 'vitest';
import {
  breachesOf,
  brief,
  changeOfSupervisor,
  event,
  obligationsOf,
  oneToOne,
  run,
  staff,
} from '../helpers.js';

describe('York', () => {
  it('YRK-2 4-weekly: 30 Jun on time (the due day itself), late 28 Jul → 4 Aug (7 days), missed 1 Sep (14 days at 15 Sep)', () => {
    // 2 Jun + 28 days = 30 Jun: the session on 30 Jun is on time.
    // 30 Jun + 28 = 28 Jul; held 4 Aug: late, 4 Aug − 28 Jul = 7 days.
    // 4 Aug + 28 = 1 Sep; nothing by asOf 15 Sep: missed, 15 Sep − 1 Sep = 14 days.
    const history = {
      recordsFrom: '2025-06-01',
      staff: [staff('S1', { startDate: '2018-01-08', qualifiedDate: '2017-07-01' })],
      events: [oneToOne('S1', '2025-06-02'), oneToOne('S1', '2025-06-30'), oneToOne('S1', '2025-08-04')],
    };
    const report = run('york', history, '2025-09-15');
    expect(breachesOf(report, 'YRK-2').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-07-28', metOn: '2025-08-04', daysLate: 7 },
      { kind: 'missed', dueOn: '2025-09-01', metOn: null, daysLate: 14 },
    ]);
    const [late] = breachesOf(report, 'YRK-2');
    // 28 days after the session of Mon 30 Jun 2025.
    expect(late!.basis).toEqual({
      kind: 'interval',
      from: { reason: 'last-session', on: '2025-06-30' },
      interval: { every: { days: 28 } },
      dueBy: '2025-07-28',
    });
    expect(late!.citation.source).toBe('002_1720383ed78d30a7.txt');
    const [ob] = obligationsOf(report, 'YRK-2', 'S1');
    expect(ob).toMatchObject({ dueOn: '2025-09-01', status: 'overdue', lastMetOn: '2025-08-04' });
  });

  it('YRK-1 phases: weekly to 13 Oct, then fortnightly; last session 6 Oct, due moves from 13 Oct to 20 Oct', () => {
    // ASYE from Mon 1 Sep 2025; weekly for six weeks = until 13 Oct (1 Sep + 42 days).
    // Last session 6 Oct → due 13 Oct under the weekly phase. The phase changes on 13 Oct to 14 days:
    // new due = later of (6 Oct + 14 = 20 Oct) and earlier of (13 Oct, 13 Oct + 14 = 27 Oct) = 20 Oct.
    const dates = ['2025-09-01', '2025-09-08', '2025-09-15', '2025-09-22', '2025-09-29', '2025-10-06'];
    const history = {
      staff: [
        staff('A1', { startDate: '2025-09-01', qualifiedDate: '2025-07-01', asye: { start: '2025-09-01' } }),
      ],
      events: dates.map((d) => oneToOne('A1', d)),
    };
    const report = run('york', history, '2025-10-10');
    expect(obligationsOf(report, 'YRK-1', 'A1')).toMatchObject([{ dueOn: '2025-10-20', status: 'upcoming' }]);
    expect(breachesOf(report, 'YRK-1')).toEqual([]);
    // On 21 Oct with nothing since 6 Oct, one breach due 20 Oct, 1 day.
    const later = run('york', history, '2025-10-21');
    expect(breachesOf(later, 'YRK-1').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-10-20', metOn: null, daysLate: 1 },
    ]);
  });

  it('YRK-7 case record within 2 working days: discussed Thu 21 Aug 2025, due Tue 26 Aug (Mon 25 Aug bank holiday)', () => {
    // Fri 22 Aug = working day 1; Sat 23, Sun 24 weekend; Mon 25 Aug Summer bank holiday; Tue 26 Aug = working day 2.
    const history = {
      staff: [staff('S1')],
      cases: [{ id: 'C1', allocations: [{ workerId: 'S1', from: '2025-01-06' }] }],
      events: [
        oneToOne('S1', '2025-08-21', {
          id: 'E-ontime',
          caseIds: ['C1'],
          caseRecords: [{ caseId: 'C1', recordedAt: '2025-08-26T17:00:00+01:00' }],
        }),
        oneToOne('S1', '2025-08-21', {
          id: 'E-late',
          caseIds: ['C1'],
          caseRecords: [{ caseId: 'C1', recordedAt: '2025-08-27T09:00:00+01:00' }],
        }),
      ],
    };
    const report = run('york', history, '2025-09-01');
    const recs = report.recordings.filter((r) => r.ruleId === 'YRK-7');
    expect(recs.map((r) => [r.eventId, r.deadline, r.status])).toEqual([
      ['E-late', '2025-08-26', 'late'],
      ['E-ontime', '2025-08-26', 'on-time'],
    ]);
    const [late] = breachesOf(report, 'YRK-7');
    expect(brief(late!)).toEqual({
      kind: 'late-recording',
      dueOn: '2025-08-26',
      metOn: '2025-08-27',
      daysLate: 1,
    });
    expect(late!.basis).toMatchObject({
      kind: 'record',
      skipped: expect.arrayContaining([
        expect.objectContaining({ date: '2025-08-25', reason: 'bank-holiday' }),
      ]),
    });
  });

  it('YRK-8 safeguarding record the same day; YRK-13 advisory same-day typing', () => {
    const history = {
      staff: [staff('S1')],
      cases: [{ id: 'C1' }],
      events: [
        oneToOne('S1', '2025-03-03', {
          id: 'SG',
          caseIds: ['C1'],
          safeguarding: true,
          recordedAt: '2025-03-04T09:00:00Z',
        }),
      ],
    };
    const report = run('york', history, '2025-03-10');
    expect(breachesOf(report, 'YRK-8').map(brief)).toEqual([
      { kind: 'late-recording', dueOn: '2025-03-03', metOn: '2025-03-04', daysLate: 1 },
    ]);
    const [advisory] = breachesOf(report, 'YRK-13');
    expect(advisory).toMatchObject({ kind: 'late-recording', severity: 'advisory', dueOn: '2025-03-03' });
  });

  it('YRK-12 personal supervision record within 2 working days; unrecorded after the deadline', () => {
    // Fri 7 Mar 2025 + 2 working days = Tue 11 Mar (Sat 8, Sun 9 skipped). asOf Fri 14 Mar: 3 days overdue.
    const history = { staff: [staff('S1')], events: [oneToOne('S1', '2025-03-07', { id: 'P1' })] };
    const report = run('york', history, '2025-03-14');
    expect(breachesOf(report, 'YRK-12').map(brief)).toEqual([
      { kind: 'unrecorded', dueOn: '2025-03-11', metOn: null, daysLate: 3 },
    ]);
    expect(breachesOf(report, 'YRK-12')[0]).toMatchObject({
      subject: { type: 'staff', id: 'S1' },
      eventId: 'P1',
    });
  });

  it('YRK-3 managers 4-weekly; YRK-5 part-timer on an agreed 6-weekly; YRK-4 student without agreement is not evaluable', () => {
    const history = {
      recordsFrom: '2025-01-01',
      staff: [
        staff('M1', { role: 'team-manager' }),
        staff('P1', {
          fullTime: false,
          arrangements: [{ type: 'agreed-interval', from: '2025-01-01', interval: { weeks: 6 } }],
        }),
        staff('ST', { role: 'student', startDate: '2025-01-06' }),
      ],
      events: [oneToOne('M1', '2025-01-10'), oneToOne('P1', '2025-01-10')],
    };
    const report = run('york', history, '2025-02-03');
    // M1: 10 Jan + 28 = 7 Feb. P1: 10 Jan + 42 = 21 Feb (the part-timer's agreed frequency stands).
    expect(obligationsOf(report, 'YRK-3', 'M1')).toMatchObject([{ dueOn: '2025-02-07' }]);
    expect(obligationsOf(report, 'YRK-5', 'P1')).toMatchObject([{ dueOn: '2025-02-21' }]);
    expect(obligationsOf(report, 'YRK-2', 'P1')).toEqual([]);
    expect(report.notEvaluable.filter((x) => x.ruleId === 'YRK-4').map((x) => x.subject.id)).toEqual(['ST']);
  });

  it('YRK-6 every case considered within 3 months: allocated 6 Jan 2025, first due 6 Apr 2025', () => {
    // The case opens on 6 Jan (its allocation); 6 Jan + 3 calendar months = 6 Apr; discussed 10 Apr: 4 days late.
    const history = {
      staff: [staff('S1')],
      cases: [{ id: 'C1', allocations: [{ workerId: 'S1', from: '2025-01-06' }] }],
      events: [oneToOne('S1', '2025-04-10', { caseIds: ['C1'], recordedAt: '2025-04-10' })],
    };
    const report = run('york', history, '2025-05-01');
    expect(breachesOf(report, 'YRK-6').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-04-06', metOn: '2025-04-10', daysLate: 4 },
    ]);
    expect(obligationsOf(report, 'YRK-6', 'C1')).toMatchObject([{ dueOn: '2025-07-10', status: 'upcoming' }]);
  });

  it('YRK-9 annual PDR and its review six months after; YRK-10 annual observation', () => {
    // PDR 15 Jan 2024 → next PDR due 15 Jan 2025, review due 15 Jul 2024. Review held 1 Aug 2024: 17 days late.
    const history = {
      staff: [staff('S1', { startDate: '2023-01-09' })],
      recordsFrom: '2024-01-01',
      events: [
        event('appraisal', '2024-01-15', { superviseeId: 'S1' }),
        event('appraisal-review', '2024-08-01', { superviseeId: 'S1' }),
        event('observation', '2024-03-01', { superviseeId: 'S1' }),
      ],
    };
    const report = run('york', history, '2025-03-20');
    expect(
      report.breaches
        .filter((b) => b.ruleId === 'YRK-9')
        .map((b) => [b.activity, b.kind, b.dueOn, b.daysLate]),
    ).toEqual([
      ['appraisal-review', 'late', '2024-07-15', 17],
      ['appraisal', 'missed', '2025-01-15', 64],
    ]);
    // Observation 1 Mar 2024 + 12 months = 1 Mar 2025; missed by 20 Mar: 19 days.
    expect(breachesOf(report, 'YRK-10').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-03-01', metOn: null, daysLate: 19 },
    ]);
  });

  it('YRK-11 supervision agreement by the first 1:1 of each supervisory relationship', () => {
    // Relationship with M2 begins 1 Mar 2025; first 1:1 with M2 on 5 Mar; agreement signed 12 Mar: 7 days late.
    const history = changeOfSupervisor();
    const report = run('york', history, '2025-03-20');
    expect(breachesOf(report, 'YRK-11').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-03-05', metOn: '2025-03-12', daysLate: 7 },
    ]);
  });

  it('YRK-1 covers a newly qualified social worker with no ASYE recorded (4-weekly), so no one falls between YRK-1 and YRK-2', () => {
    // Qualified 1 Jul 2025, started 1 Sep 2025, no asye: YRK-2 needs 12 months since qualifying (1 Jul 2026).
    // YRK-1 applies instead; with no ASYE start to count phases from, its 28-day phase: 1 Sep + 28 = 29 Sep.
    const history = {
      staff: [staff('N1', { startDate: '2025-09-01', qualifiedDate: '2025-07-01' })],
      events: [],
    };
    const report = run('york', history, '2025-09-10');
    expect(obligationsOf(report, 'YRK-1', 'N1')).toMatchObject([{ dueOn: '2025-09-29' }]);
    expect(obligationsOf(report, 'YRK-2', 'N1')).toEqual([]);
  });
});
