import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.js';
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

/** Everything a rule produced: obligations, breaches and not-evaluable notes. */
const anything = (report: Report, ruleId: string) =>
  [...report.obligations, ...report.breaches, ...report.notEvaluable].filter((x) => x.ruleId === ruleId);

const recordsOf = (report: Report, ruleId: string) =>
  report.recordings
    .filter((r) => r.ruleId === ruleId)
    .map((r) => [r.eventId, r.caseId ?? null, r.deadline, r.status]);

describe('Nottingham', () => {
  it('NOT-1 monthly: 31 Jan → due 28 Feb (month-end clamp), held 3 Mar 3 days late; next due 3 Apr', () => {
    // Records from 1 Jan 2025: first due 1 Feb; the session on 31 Jan is on time.
    // 31 Jan + 1 calendar month = 28 Feb 2025 (clamped); held Mon 3 Mar: 3 Mar − 28 Feb = 3 days late.
    // 3 Mar + 1 month = 3 Apr: upcoming at asOf 1 Apr.
    const history = {
      recordsFrom: '2025-01-01',
      staff: [staff('S1')],
      events: [oneToOne('S1', '2025-01-31'), oneToOne('S1', '2025-03-03')],
    };
    const report = run('nottingham', history, '2025-04-01');
    expect(breachesOf(report, 'NOT-1').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-02-28', metOn: '2025-03-03', daysLate: 3 },
    ]);
    expect(obligationsOf(report, 'NOT-1', 'S1')).toMatchObject([
      { dueOn: '2025-04-03', status: 'upcoming', lastMetOn: '2025-03-03', activity: 'one-to-one' },
    ]);
  });

  it('NOT-2 ASYE "increased supervision" has no number: nothing from NOT-2, NOT-1 (monthly) applies', () => {
    // ASYE from 1 Sep 2025; 1:1 on 15 Sep → NOT-1 due 15 Oct; nothing held by asOf 20 Oct: missed, 5 days.
    const history = {
      staff: [
        staff('A1', { startDate: '2025-09-01', qualifiedDate: '2025-07-01', asye: { start: '2025-09-01' } }),
      ],
      events: [oneToOne('A1', '2025-09-15')],
    };
    const report = run('nottingham', history, '2025-10-20');
    expect(anything(report, 'NOT-2')).toEqual([]);
    expect(breachesOf(report, 'NOT-1', 'A1').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-10-15', metOn: null, daysLate: 5 },
    ]);
    expect(obligationsOf(report, 'NOT-1', 'A1')).toMatchObject([{ dueOn: '2025-10-15', status: 'overdue' }]);
  });

  it('NOT-3 and NOT-9 on one child protection case each give their own obligation and breaches', () => {
    // Case opens and goes on a CP plan Mon 3 Mar 2025.
    // NOT-3 (monthly): first due 3 Apr; discussed 10 Apr: 7 days late; next due 10 May, missed: asOf 10 Jun − 10 May = 31 days.
    // NOT-9 (56 days): first due 3 Mar + 56 = 28 Apr; 10 Apr on time; next due 10 Apr + 56 = 5 Jun, missed: 10 Jun − 5 Jun = 5 days.
    const history = {
      staff: [staff('S1')],
      cases: [
        {
          id: 'C1',
          allocations: [{ workerId: 'S1', from: '2025-03-03' }],
          episodes: [{ type: 'child-protection', from: '2025-03-03' }],
        },
      ],
      events: [oneToOne('S1', '2025-04-10', { caseIds: ['C1'], recordedAt: '2025-04-10' })],
    };
    const report = run('nottingham', history, '2025-06-10');
    expect(breachesOf(report, 'NOT-3', 'C1').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-04-03', metOn: '2025-04-10', daysLate: 7 },
      { kind: 'missed', dueOn: '2025-05-10', metOn: null, daysLate: 31 },
    ]);
    expect(breachesOf(report, 'NOT-9', 'C1').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-06-05', metOn: null, daysLate: 5 },
    ]);
    expect(obligationsOf(report, 'NOT-3', 'C1')).toMatchObject([
      {
        subject: { type: 'case', id: 'C1' },
        dueOn: '2025-05-10',
        status: 'overdue',
        lastMetOn: '2025-04-10',
      },
    ]);
    expect(obligationsOf(report, 'NOT-9', 'C1')).toMatchObject([
      {
        subject: { type: 'case', id: 'C1' },
        dueOn: '2025-06-05',
        status: 'overdue',
        lastMetOn: '2025-04-10',
      },
    ]);
  });

  it('NOT-3 window opens with the first priority flag: missing from 2 Jun 2025, due 2 Jul', () => {
    // A child-in-need case (NOT-9 only) gains a "missing" flag on Mon 2 Jun: NOT-3's clock starts then.
    // 2 Jun + 1 month = 2 Jul; at asOf 20 Jun the obligation is upcoming.
    const history = {
      staff: [staff('S1')],
      cases: [
        {
          id: 'C1',
          allocations: [{ workerId: 'S1', from: '2025-05-01' }],
          episodes: [{ type: 'child-in-need', from: '2025-05-01' }],
          flags: [{ flag: 'missing', from: '2025-06-02' }],
        },
      ],
      events: [],
    };
    const report = run('nottingham', history, '2025-06-20');
    expect(obligationsOf(report, 'NOT-3', 'C1')).toMatchObject([{ dueOn: '2025-07-02', lastMetOn: null }]);
  });

  it('NOT-4 discussed within 28 days of allocation, and again within 28 days of transfer to the new worker', () => {
    // Allocated to S1 Mon 6 Jan 2025: due 6 Jan + 28 = 3 Feb; S1's 1:1 on 20 Jan: on time.
    // Transferred to S2 Mon 3 Mar: due 3 Mar + 28 = 31 Mar. S1's (old worker's) discussion on 20 Mar does not count;
    // S2's 1:1 on 7 Apr: 7 Apr − 31 Mar = 7 days late.
    const history = {
      staff: [staff('S1'), staff('S2')],
      cases: [
        {
          id: 'C1',
          allocations: [
            { workerId: 'S1', from: '2025-01-06', to: '2025-03-02' },
            { workerId: 'S2', from: '2025-03-03' },
          ],
        },
      ],
      events: [
        oneToOne('S1', '2025-01-20', { caseIds: ['C1'] }),
        oneToOne('S1', '2025-03-20', { caseIds: ['C1'] }),
        oneToOne('S2', '2025-04-07', { caseIds: ['C1'] }),
      ],
    };
    const report = run('nottingham', history, '2025-04-10');
    expect(breachesOf(report, 'NOT-4', 'C1').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-03-31', metOn: '2025-04-07', daysLate: 7 },
    ]);
  });

  it('NOT-5 child in care: 28-day until a permanency plan is agreed, then 56-day, the change working inside the window', () => {
    // Case opens as child in care Mon 6 Jan 2025, no permanency plan: 6 Jan + 28 = 3 Feb; discussed 3 Feb (the due day: on time).
    // L = 3 Feb, D = 3 Feb + 28 = 3 Mar. Plan agreed c = 10 Feb (interval 56 days):
    // new due = later of (L + 56 = 31 Mar) and earlier of (D = 3 Mar, c + 56 = 7 Apr) = later of 31 Mar, 3 Mar = 31 Mar.
    const cases = [
      {
        id: 'C1',
        allocations: [{ workerId: 'S1', from: '2025-01-06' }],
        episodes: [{ type: 'child-in-care', from: '2025-01-06' }],
        flags: [{ flag: 'permanency-plan-agreed', from: '2025-02-10' }],
      },
    ];
    const history = {
      staff: [staff('S1')],
      cases,
      events: [oneToOne('S1', '2025-02-03', { caseIds: ['C1'] })],
    };
    const report = run('nottingham', history, '2025-03-20');
    expect(breachesOf(report, 'NOT-5')).toEqual([]);
    const [ob] = obligationsOf(report, 'NOT-5', 'C1');
    expect(ob).toMatchObject({ dueOn: '2025-03-31', status: 'upcoming', lastMetOn: '2025-02-03' });
    // Without the plan the 28-day interval stands: due 3 Mar, missed by 20 Mar: 17 days.
    const noPlan = run('nottingham', { ...history, cases: [{ ...cases[0]!, flags: [] }] }, '2025-03-20');
    expect(breachesOf(noPlan, 'NOT-5', 'C1').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-03-03', metOn: null, daysLate: 17 },
    ]);
  });

  it('NOT-5 a plan agreed late in the cycle: last discussed 3 Feb, plan agreed 28 Feb → due 31 Mar; a stricter change (plan ends) counts from the change', () => {
    // Plan agreed c = 28 Feb: later of (3 Feb + 56 = 31 Mar) and earlier of (D = 3 Mar, 28 Feb + 56 = 25 Apr) = 31 Mar.
    // The plan lapses after 9 Mar (back to 28 days from c' = 10 Mar): D = 31 Mar;
    // later of (3 Feb + 28 = 3 Mar) and earlier of (31 Mar, 10 Mar + 28 = 7 Apr) = 31 Mar.
    const history = {
      staff: [staff('S1')],
      cases: [
        {
          id: 'C1',
          episodes: [{ type: 'child-in-care', from: '2025-01-06' }],
          flags: [{ flag: 'permanency-plan-agreed', from: '2025-02-28', to: '2025-03-09' }],
        },
      ],
      events: [event('case-discussion', '2025-02-03', { superviseeId: 'S1', caseIds: ['C1'] })],
    };
    const report = run('nottingham', history, '2025-03-20');
    expect(obligationsOf(report, 'NOT-5', 'C1')).toMatchObject([{ dueOn: '2025-03-31' }]);
  });

  it('NOT-6 short breaks every 12 weeks (84 days); NOT-9 does not apply (specific over general)', () => {
    // Short-breaks case opens Mon 6 Jan 2025: due 6 Jan + 84 = 31 Mar; discussed 7 Apr: 7 days late.
    const history = {
      staff: [staff('S1')],
      cases: [
        {
          id: 'C1',
          allocations: [{ workerId: 'S1', from: '2025-01-06' }],
          episodes: [{ type: 'short-breaks', from: '2025-01-06' }],
        },
      ],
      events: [oneToOne('S1', '2025-04-07', { caseIds: ['C1'] })],
    };
    const report = run('nottingham', history, '2025-04-10');
    expect(breachesOf(report, 'NOT-6', 'C1').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-03-31', metOn: '2025-04-07', daysLate: 7 },
    ]);
    // 7 Apr + 84 = 30 Jun.
    expect(obligationsOf(report, 'NOT-6', 'C1')).toMatchObject([{ dueOn: '2025-06-30' }]);
    expect(anything(report, 'NOT-9')).toEqual([]);
  });

  it('NOT-7 self-sufficient and stable: due at 56 days (overdue after), breach only after 84 days with dueOn the 84-day date', () => {
    // Discussed Mon 3 Feb 2025. Due 3 Feb + 56 = 31 Mar; breach date 3 Feb + 84 = 28 Apr.
    const history = {
      staff: [staff('S1')],
      cases: [
        {
          id: 'C1',
          allocations: [{ workerId: 'S1', from: '2025-01-06' }],
          episodes: [{ type: 'care-leaver', from: '2025-01-06' }],
          flags: [{ flag: 'self-sufficient-stable', from: '2025-01-06' }],
        },
      ],
      events: [oneToOne('S1', '2025-02-03', { caseIds: ['C1'] })],
    };
    // asOf 15 Apr: overdue since 31 Mar, but no breach until 28 Apr.
    const mid = run('nottingham', history, '2025-04-15');
    expect(obligationsOf(mid, 'NOT-7', 'C1')).toMatchObject([
      { dueOn: '2025-03-31', status: 'overdue', breachOn: '2025-04-28', lastMetOn: '2025-02-03' },
    ]);
    expect(breachesOf(mid, 'NOT-7')).toEqual([]);
    // asOf 5 May: missed, dueOn 28 Apr, 5 May − 28 Apr = 7 days.
    const late = run('nottingham', history, '2025-05-05');
    expect(breachesOf(late, 'NOT-7', 'C1').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-04-28', metOn: null, daysLate: 7 },
    ]);
    // Held 1 May instead: late from 28 Apr by 3 days; held 20 Apr (between 56 and 84 days): no breach.
    const heldLate = run(
      'nottingham',
      { ...history, events: [...history.events, oneToOne('S1', '2025-05-01', { caseIds: ['C1'] })] },
      '2025-05-05',
    );
    expect(breachesOf(heldLate, 'NOT-7', 'C1').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-04-28', metOn: '2025-05-01', daysLate: 3 },
    ]);
    const heldInBand = run(
      'nottingham',
      { ...history, events: [...history.events, oneToOne('S1', '2025-04-20', { caseIds: ['C1'] })] },
      '2025-05-05',
    );
    expect(breachesOf(heldInBand, 'NOT-7')).toEqual([]);
    // Specific over general: NOT-9 gives this case nothing.
    expect(anything(late, 'NOT-9')).toEqual([]);
  });

  it('NOT-8 long-term custody has no number: nothing from NOT-8, NOT-9 (eight-weekly) applies', () => {
    // Case opens Mon 6 Jan 2025: NOT-9 due 6 Jan + 56 = 3 Mar; nothing by asOf 10 Mar: 7 days.
    const history = {
      staff: [staff('S1')],
      cases: [
        {
          id: 'C1',
          allocations: [{ workerId: 'S1', from: '2025-01-06' }],
          episodes: [{ type: 'youth-offending', from: '2025-01-06' }],
          flags: [{ flag: 'long-term-custody', from: '2025-01-06' }],
        },
      ],
      events: [],
    };
    const report = run('nottingham', history, '2025-03-10');
    expect(anything(report, 'NOT-8')).toEqual([]);
    expect(breachesOf(report, 'NOT-9', 'C1').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-03-03', metOn: null, daysLate: 7 },
    ]);
  });

  it('NOT-9 every case at least once in each eight-week period: a group discussion counts', () => {
    // Case opens Mon 6 Jan 2025; group supervision on 24 Feb lists it: on time (due 3 Mar); next 24 Feb + 56 = 21 Apr.
    const history = {
      staff: [staff('S1', { teamId: 'T1' })],
      cases: [{ id: 'C1', allocations: [{ workerId: 'S1', from: '2025-01-06' }] }],
      events: [event('group', '2025-02-24', { participantIds: ['S1'], teamId: 'T1', caseIds: ['C1'] })],
    };
    const report = run('nottingham', history, '2025-03-10');
    expect(breachesOf(report, 'NOT-9')).toEqual([]);
    expect(obligationsOf(report, 'NOT-9', 'C1')).toMatchObject([
      { dueOn: '2025-04-21', lastMetOn: '2025-02-24' },
    ]);
  });

  it('NOT-10 personal supervision Thu 2 Apr 2026: notes due Wed 8 Apr 2026 (Good Friday 3 Apr, Easter Monday 6 Apr)', () => {
    // Fri 3 Apr Good Friday, Sat 4 / Sun 5 weekend, Mon 6 Apr Easter Monday; Tue 7 Apr = working day 1, Wed 8 Apr = working day 2.
    const history = {
      staff: [staff('S1')],
      events: [
        oneToOne('S1', '2026-04-02', { id: 'P-ontime', recordedAt: '2026-04-08T17:30:00+01:00' }),
        oneToOne('S1', '2026-04-02', { id: 'P-late', recordedAt: '2026-04-09T09:00:00+01:00' }),
        oneToOne('S1', '2026-04-02', { id: 'P-none' }),
      ],
    };
    const report = run('nottingham', history, '2026-04-13');
    expect(recordsOf(report, 'NOT-10')).toEqual([
      ['P-late', null, '2026-04-08', 'late'],
      ['P-none', null, '2026-04-08', 'overdue'],
      ['P-ontime', null, '2026-04-08', 'on-time'],
    ]);
    const byEvent = Object.fromEntries(breachesOf(report, 'NOT-10').map((b) => [b.eventId, brief(b)]));
    expect(byEvent).toEqual({
      'P-late': { kind: 'late-recording', dueOn: '2026-04-08', metOn: '2026-04-09', daysLate: 1 },
      // Unrecorded: 13 Apr − 8 Apr = 5 days.
      'P-none': { kind: 'unrecorded', dueOn: '2026-04-08', metOn: null, daysLate: 5 },
    });
    const late = breachesOf(report, 'NOT-10').find((b) => b.eventId === 'P-late')!;
    expect(late.subject).toEqual({ type: 'staff', id: 'S1' });
    expect(late.basis).toMatchObject({
      kind: 'record',
      skipped: expect.arrayContaining([
        expect.objectContaining({ reason: 'bank-holiday', name: 'Good Friday' }),
        expect.objectContaining({ reason: 'bank-holiday', name: 'Easter Monday' }),
      ]),
    });
  });

  it('NOT-11 case supervision record on the child’s file within 2 working days, group supervision included', () => {
    // 1:1 Thu 2 Apr 2026 discussing C1: due Wed 8 Apr (Easter as in NOT-10), recorded 8 Apr: on time.
    // Group on Fri 24 Apr 2026 listing C2: Mon 27 = day 1, Tue 28 Apr = day 2; unrecorded at asOf Fri 1 May: 3 days.
    const history = {
      staff: [staff('S1', { teamId: 'T1' })],
      cases: [
        { id: 'C1', allocations: [{ workerId: 'S1', from: '2026-01-05' }] },
        { id: 'C2', allocations: [{ workerId: 'S1', from: '2026-01-05' }] },
      ],
      events: [
        oneToOne('S1', '2026-04-02', {
          id: 'O1',
          caseIds: ['C1'],
          recordedAt: '2026-04-02T16:00:00+01:00',
          caseRecords: [{ caseId: 'C1', recordedAt: '2026-04-08T12:00:00+01:00' }],
        }),
        event('group', '2026-04-24', { id: 'G1', participantIds: ['S1'], teamId: 'T1', caseIds: ['C2'] }),
      ],
    };
    const report = run('nottingham', history, '2026-05-01');
    expect(recordsOf(report, 'NOT-11')).toEqual([
      ['O1', 'C1', '2026-04-08', 'on-time'],
      ['G1', 'C2', '2026-04-28', 'overdue'],
    ]);
    expect(breachesOf(report, 'NOT-11').map((b) => [b.subject.id, b.eventId, brief(b)])).toEqual([
      ['C2', 'G1', { kind: 'unrecorded', dueOn: '2026-04-28', metOn: null, daysLate: 3 }],
    ]);
  });

  it('NOT-12 team group supervision monthly: subject {type: team}; 15 Jan → due 15 Feb, held 20 Feb 5 days late', () => {
    // Records from 1 Jan 2025 (first due 1 Feb). Group for T1 on 15 Jan; 15 Jan + 1 month = 15 Feb;
    // held 20 Feb: 5 days late; next due 20 Mar. A group for team T2 does not count for T1.
    const history = {
      recordsFrom: '2025-01-01',
      staff: [staff('S1', { teamId: 'T1' }), staff('S2', { teamId: 'T1' })],
      events: [
        event('group', '2025-01-15', { teamId: 'T1', participantIds: ['S1', 'S2'] }),
        event('group', '2025-02-10', { teamId: 'T2', participantIds: ['S1'] }),
        event('group', '2025-02-20', { teamId: 'T1', participantIds: ['S1', 'S2'] }),
      ],
    };
    const report = run('nottingham', history, '2025-03-10');
    expect(breachesOf(report, 'NOT-12').map((b) => [b.subject, brief(b)])).toEqual([
      [
        { type: 'team', id: 'T1' },
        { kind: 'late', dueOn: '2025-02-15', metOn: '2025-02-20', daysLate: 5 },
      ],
    ]);
    expect(obligationsOf(report, 'NOT-12')).toMatchObject([
      {
        subject: { type: 'team', id: 'T1' },
        activity: 'group',
        dueOn: '2025-03-20',
        lastMetOn: '2025-02-20',
      },
    ]);
  });

  it('NOT-13 supervision contract by the first 1:1 of each relationship; a new one when the line manager changes', () => {
    // M1 from 3 Feb 2025: contract 3 Feb, first 1:1 4 Feb: on time.
    // M2 from 1 Mar: first 1:1 with M2 on 5 Mar; contract 12 Mar: 12 Mar − 5 Mar = 7 days late.
    const history = changeOfSupervisor();
    const report = run('nottingham', history, '2025-03-20');
    expect(breachesOf(report, 'NOT-13').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-03-05', metOn: '2025-03-12', daysLate: 7 },
    ]);
  });

  it('NOT-14 annual Individual Performance Review: 15 Jan 2024 → due 15 Jan 2025, missed 17 days at 1 Feb', () => {
    const history = {
      recordsFrom: '2024-01-01',
      staff: [staff('S1')],
      events: [event('appraisal', '2024-01-15', { superviseeId: 'S1' })],
    };
    const report = run('nottingham', history, '2025-02-01');
    // 1 Feb − 15 Jan = 17 days.
    expect(breachesOf(report, 'NOT-14').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-01-15', metOn: null, daysLate: 17 },
    ]);
  });
});
