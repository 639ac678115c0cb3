import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.js';
import { breachesOf, brief, event, obligationsOf, oneToOne, run, staff } from '../helpers.js';

const anything = (report: Report, ruleId: string) =>
  [...report.obligations, ...report.breaches, ...report.notEvaluable].filter((x) => x.ruleId === ruleId);

describe('Gloucestershire', () => {
  it('GLO-1 25 working days: last 1:1 Mon 15 Dec 2025 → due Thu 22 Jan 2026 (25, 26 Dec and 1 Jan skipped)', () => {
    // Working days after Mon 15 Dec: 16–19 Dec (4), 22–24 Dec (7), [Thu 25 Christmas, Fri 26 Boxing Day],
    // 29–31 Dec (10), [Thu 1 Jan New Year's Day], Fri 2 Jan (11), 5–9 Jan (16), 12–16 Jan (21), 19–22 Jan (25) → Thu 22 Jan.
    // The history is complete from 1 Dec 2025 (recordsFrom): the clock starts there, not at the 2020 start.
    const history = {
      recordsFrom: '2025-12-01',
      staff: [staff('S1')],
      events: [oneToOne('S1', '2025-12-15')],
    };
    const report = run('gloucestershire', history, '2026-01-10');
    const [ob] = obligationsOf(report, 'GLO-1', 'S1');
    expect(ob).toMatchObject({ dueOn: '2026-01-22', status: 'upcoming', lastMetOn: '2025-12-15' });
    // The basis names the bank holidays it skipped (besides the weekends).
    const holidays = (basis: unknown) =>
      ((basis as { skipped?: { reason: string }[] }).skipped ?? []).filter((s) => s.reason !== 'weekend');
    expect(holidays(ob!.basis)).toEqual([
      { date: '2025-12-25', reason: 'bank-holiday', name: 'Christmas Day' },
      { date: '2025-12-26', reason: 'bank-holiday', name: 'Boxing Day' },
      { date: '2026-01-01', reason: 'bank-holiday', name: "New Year's Day" },
    ]);
    // The due day itself is on time; the day after is 1 day late.
    const onTime = run(
      'gloucestershire',
      { ...history, events: [...history.events, oneToOne('S1', '2026-01-22')] },
      '2026-02-01',
    );
    expect(breachesOf(onTime, 'GLO-1')).toEqual([]);
    const late = run(
      'gloucestershire',
      { ...history, events: [...history.events, oneToOne('S1', '2026-01-23')] },
      '2026-02-01',
    );
    expect(breachesOf(late, 'GLO-1').map(brief)).toEqual([
      { kind: 'late', dueOn: '2026-01-22', metOn: '2026-01-23', daysLate: 1 },
    ]);
    expect(holidays(breachesOf(late, 'GLO-1')[0]!.basis)).toContainEqual(
      expect.objectContaining({ date: '2025-12-25', name: 'Christmas Day' }),
    );
  });

  it('GLO-2 team group supervision every 25 working days: Mon 3 Mar 2025 → Mon 7 Apr, held 8 Apr 1 day late', () => {
    // March 2025 has no bank holidays: 5 working days a week, 3 Mar + 25 working days = Mon 7 Apr.
    const history = {
      recordsFrom: '2025-03-01',
      staff: [staff('S1', { teamId: 'T1' })],
      events: [
        event('group', '2025-03-03', { teamId: 'T1', participantIds: ['S1'] }),
        event('group', '2025-04-08', { teamId: 'T1', participantIds: ['S1'] }),
      ],
    };
    const report = run('gloucestershire', history, '2025-04-10');
    expect(breachesOf(report, 'GLO-2').map((b) => [b.subject, brief(b)])).toEqual([
      [
        { type: 'team', id: 'T1' },
        { kind: 'late', dueOn: '2025-04-07', metOn: '2025-04-08', daysLate: 1 },
      ],
    ]);
    // Tue 8 Apr + 25 working days: 9–11 Apr (3), 14–17 (7), [Fri 18 Good Friday, Mon 21 Easter Monday], 22–25 (11),
    // 28 Apr–2 May (16), [Mon 5 May Early May bank holiday], 6–9 May (20), 12–16 May (25) → Fri 16 May.
    expect(obligationsOf(report, 'GLO-2', 'T1')).toMatchObject([
      { subject: { type: 'team' }, dueOn: '2025-05-16' },
    ]);
  });

  it('GLO-3 operational managers every 25 working days: Mon 2 Jun 2025 → Mon 7 Jul 2025', () => {
    // No bank holidays in June 2025: 25 working days = 5 weeks → Mon 7 Jul.
    const history = {
      staff: [staff('M1', { role: 'team-manager' })],
      events: [oneToOne('M1', '2025-06-02')],
    };
    const report = run('gloucestershire', history, '2025-06-20');
    expect(obligationsOf(report, 'GLO-3', 'M1')).toMatchObject([{ dueOn: '2025-07-07', status: 'upcoming' }]);
    expect(obligationsOf(report, 'GLO-1', 'M1')).toEqual([]);
  });

  it('GLO-4 non-operational staff every 2 months: 31 Mar 2025 → 31 May 2025; 2 Jun is 2 days late', () => {
    const history = {
      recordsFrom: '2025-03-01',
      staff: [staff('N1', { role: 'non-operational' })],
      events: [oneToOne('N1', '2025-03-31'), oneToOne('N1', '2025-06-02')],
    };
    const report = run('gloucestershire', history, '2025-06-10');
    expect(breachesOf(report, 'GLO-4').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-05-31', metOn: '2025-06-02', daysLate: 2 },
    ]);
    // 2 Jun + 2 months = 2 Aug.
    expect(obligationsOf(report, 'GLO-4', 'N1')).toMatchObject([{ dueOn: '2025-08-02' }]);
  });

  it('GLO-5 students: weekly sessions, 90 minutes in each Monday–Sunday week (too-short), monthly peer group', () => {
    // Placement starts Mon 1 Sep 2025.
    // Week 1 (1–7 Sep): 60 + 30 = 90 minutes: enough. Week 2 (8–14 Sep): 60 minutes: too-short, dueOn Sun 14 Sep, shortfall 30.
    // Week 3 (15–21 Sep): 90. Week 4 (22–28 Sep) is not over at asOf 25 Sep: not judged.
    // Session clock (7 days): 1 Sep → 8 Sep; 4 Sep → 11 Sep; 8 Sep on time → 15 Sep; 15 Sep on time → 22 Sep; missed by 25 Sep: 3 days.
    // Peer group (1 month): group on 10 Sep → due 10 Oct.
    const history = {
      staff: [staff('ST', { role: 'student', startDate: '2025-09-01' })],
      events: [
        oneToOne('ST', '2025-09-01', { durationMinutes: 60 }),
        oneToOne('ST', '2025-09-04', { durationMinutes: 30 }),
        oneToOne('ST', '2025-09-08', { durationMinutes: 60 }),
        oneToOne('ST', '2025-09-15', { durationMinutes: 90 }),
        event('group', '2025-09-10', { participantIds: ['ST'] }),
      ],
    };
    const report = run('gloucestershire', history, '2025-09-25');
    const glo5 = breachesOf(report, 'GLO-5');
    expect(glo5.map((b) => [b.activity, b.kind, b.dueOn, b.daysLate])).toEqual([
      ['supervision-minutes', 'too-short', '2025-09-14', 0],
      ['one-to-one', 'missed', '2025-09-22', 3],
    ]);
    expect(glo5[0]).toMatchObject({ metOn: null, shortfall: { minutes: 30 } });
    expect(glo5[0]!.basis).toMatchObject({ kind: 'period', unit: 'minutes', held: 60, required: 90 });
    const obs = obligationsOf(report, 'GLO-5', 'ST');
    expect(obs.map((o) => [o.activity, o.dueOn, o.status])).toEqual([
      ['one-to-one', '2025-09-22', 'overdue'],
      ['group', '2025-10-10', 'upcoming'],
    ]);
  });

  it('GLO-6 ASYE "increased supervision" has no number: nothing from GLO-6, GLO-1 applies', () => {
    // ASYE social worker; 1:1 Mon 2 Jun 2025 → GLO-1 due Mon 7 Jul (25 working days, no June bank holidays).
    const history = {
      staff: [
        staff('A1', { startDate: '2025-06-02', qualifiedDate: '2025-05-01', asye: { start: '2025-06-02' } }),
      ],
      events: [oneToOne('A1', '2025-06-02')],
    };
    const report = run('gloucestershire', history, '2025-06-20');
    expect(anything(report, 'GLO-6')).toEqual([]);
    expect(obligationsOf(report, 'GLO-1', 'A1')).toMatchObject([{ dueOn: '2025-07-07' }]);
  });

  it('GLO-7 CP chairs and IROs 4-weekly: 6 Jan 2025 → 3 Feb; held 10 Feb, 7 days late', () => {
    const history = {
      recordsFrom: '2025-01-01',
      staff: [staff('C1', { role: 'cp-chair' }), staff('I1', { role: 'iro' })],
      events: [oneToOne('C1', '2025-01-06'), oneToOne('C1', '2025-02-10'), oneToOne('I1', '2025-02-03')],
    };
    const report = run('gloucestershire', history, '2025-02-12');
    expect(breachesOf(report, 'GLO-7', 'C1').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-02-03', metOn: '2025-02-10', daysLate: 7 },
    ]);
    // 3 Feb + 28 = 3 Mar.
    expect(obligationsOf(report, 'GLO-7', 'I1')).toMatchObject([{ dueOn: '2025-03-03' }]);
    expect(obligationsOf(report, 'GLO-1', 'C1')).toEqual([]);
  });

  it('GLO-8 CP plan from 3 Feb 2025: 9-month review 3 Nov → discussion due Mon 22 Sep (42 days before); window opens 3 Aug', () => {
    // 3 Feb + 9 months = Mon 3 Nov 2025; 3 Nov − 42 days = Mon 22 Sep 2025. Window opens 3 Feb + 6 months = 3 Aug 2025.
    // A discussion on 15 Jul is before the window and does not count; the one on 25 Sep is 3 days late.
    const history = {
      staff: [staff('S1')],
      cases: [
        {
          id: 'C1',
          allocations: [{ workerId: 'S1', from: '2025-02-03' }],
          episodes: [{ type: 'child-protection', from: '2025-02-03' }],
        },
      ],
      events: [
        oneToOne('S1', '2025-07-15', { caseIds: ['C1'] }),
        oneToOne('S1', '2025-09-25', { caseIds: ['C1'] }),
      ],
    };
    const before = run('gloucestershire', history, '2025-09-01');
    const [ob] = obligationsOf(before, 'GLO-8', 'C1');
    expect(ob).toMatchObject({ dueOn: '2025-09-22', status: 'upcoming' });
    expect(ob!.basis).toMatchObject({ target: { on: '2025-11-03' }, countsFrom: '2025-08-03' });
    const after = run('gloucestershire', history, '2025-10-01');
    expect(breachesOf(after, 'GLO-8', 'C1').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-09-22', metOn: '2025-09-25', daysLate: 3 },
    ]);
  });

  it('GLO-8 with the RCPC date given (20 Oct 2025), counts back from it: due Mon 8 Sep 2025', () => {
    // 20 Oct − 42 days = 8 Sep. A discussion on 1 Sep (inside the window from 3 Aug) meets it.
    const history = {
      staff: [staff('S1')],
      cases: [
        {
          id: 'C1',
          allocations: [{ workerId: 'S1', from: '2025-02-03' }],
          episodes: [{ type: 'child-protection', from: '2025-02-03' }],
          reviews: ['2025-10-20'],
        },
      ],
      events: [],
    };
    const report = run('gloucestershire', history, '2025-08-20');
    expect(obligationsOf(report, 'GLO-8', 'C1')).toMatchObject([{ dueOn: '2025-09-08' }]);
    const met = run(
      'gloucestershire',
      {
        ...history,
        events: [event('case-discussion', '2025-09-01', { superviseeId: 'S1', caseIds: ['C1'] })],
      },
      '2025-10-01',
    );
    expect(breachesOf(met, 'GLO-8')).toEqual([]);
    // Unmet at 15 Sep: missed by 15 Sep − 8 Sep = 7 days.
    expect(breachesOf(run('gloucestershire', history, '2025-09-15'), 'GLO-8').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-09-08', metOn: null, daysLate: 7 },
    ]);
  });

  it('GLO-9 two observations each April–March year, pro rata for a starter (rounded up): too-few with shortfall', () => {
    // S1 works the whole year 1 Apr 2025 – 31 Mar 2026 and has one observation: 2 required, shortfall 1.
    // S2 starts 1 Oct 2025: 182 of 365 days → 2 × 182/365 = 0.997 → rounded up 1 (≈ 2 × 6/12); none held: shortfall 1.
    // S3 starts 1 Oct 2025 and has one observation: enough.
    const history = {
      recordsFrom: '2025-04-01',
      staff: [
        staff('S1'),
        staff('S2', { startDate: '2025-10-01' }),
        staff('S3', { startDate: '2025-10-01' }),
      ],
      events: [
        event('observation', '2025-06-10', { superviseeId: 'S1' }),
        event('observation', '2026-02-10', { superviseeId: 'S3' }),
      ],
    };
    const mid = run('gloucestershire', history, '2026-01-15');
    // Open year: an obligation, not a breach. S2 owes one more by 31 Mar 2026.
    expect(breachesOf(mid, 'GLO-9')).toEqual([]);
    expect(obligationsOf(mid, 'GLO-9', 'S2')).toMatchObject([{ dueOn: '2026-03-31' }]);
    expect(obligationsOf(mid, 'GLO-9', 'S2')[0]!.basis).toMatchObject({
      kind: 'period',
      held: 0,
      required: 1,
    });
    const report = run('gloucestershire', history, '2026-04-10');
    expect(
      breachesOf(report, 'GLO-9').map((b) => [
        b.subject.id,
        b.kind,
        b.dueOn,
        b.metOn,
        b.daysLate,
        b.shortfall,
      ]),
    ).toEqual([
      ['S1', 'too-few', '2026-03-31', null, 0, { sessions: 1 }],
      ['S2', 'too-few', '2026-03-31', null, 0, { sessions: 1 }],
    ]);
  });

  it('GLO-10 notes on the child’s record within 1 working day: Fri 23 May 2025 → Tue 27 May (26 May bank holiday)', () => {
    // Sat 24, Sun 25 weekend, Mon 26 May Spring bank holiday; Tue 27 May = working day 1.
    const history = {
      staff: [staff('S1')],
      cases: [{ id: 'C1', allocations: [{ workerId: 'S1', from: '2025-01-06' }] }],
      events: [
        oneToOne('S1', '2025-05-23', {
          id: 'E1',
          caseIds: ['C1'],
          caseRecords: [{ caseId: 'C1', recordedAt: '2025-05-28T10:00:00+01:00' }],
        }),
      ],
    };
    const report = run('gloucestershire', history, '2025-06-02');
    const [b] = breachesOf(report, 'GLO-10', 'C1');
    expect(brief(b!)).toEqual({
      kind: 'late-recording',
      dueOn: '2025-05-27',
      metOn: '2025-05-28',
      daysLate: 1,
    });
    expect(b!.basis).toMatchObject({
      kind: 'record',
      skipped: expect.arrayContaining([
        expect.objectContaining({ date: '2025-05-26', reason: 'bank-holiday' }),
      ]),
    });
  });

  it('GLO-11 supervision agreement by the first 1:1 of the relationship: first 1:1 10 Mar, agreement 14 Mar, 4 days late', () => {
    const history = {
      staff: [
        staff('S1', { startDate: '2025-03-03', supervisors: [{ supervisorId: 'M1', from: '2025-03-03' }] }),
      ],
      events: [
        oneToOne('S1', '2025-03-10', { supervisorId: 'M1' }),
        event('agreement', '2025-03-14', { superviseeId: 'S1', supervisorId: 'M1' }),
      ],
    };
    const report = run('gloucestershire', history, '2025-03-20');
    expect(breachesOf(report, 'GLO-11').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-03-10', metOn: '2025-03-14', daysLate: 4 },
    ]);
  });
});
