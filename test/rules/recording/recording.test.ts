/**
 * Recording rules as the report's contract words them: `daysLate` counts London calendar days from
 * `dueOn` to `metOn` for every deadline, clock hours included; a deadline that is the end of a day is
 * a date; a child's record is its own `caseRecords` entry whenever the event lists any.
 */
import { describe, expect, it } from 'vitest';
import type { Breach, Report } from '../../../src/report/types.js';
import { breachesOf, oneToOne, run, staff } from '../../helpers.js';

/** Cases allocated to S1 from 2026 on (so that no warning or condition gets in the way). */
const cases = (...ids: string[]) =>
  ids.map((id) => ({ id, allocations: [{ workerId: 'S1', from: '2026-01-05' }] }));
const lateness = (b: Breach) => ({
  kind: b.kind,
  dueOn: b.dueOn,
  metOn: b.metOn,
  daysLate: b.daysLate,
  hoursLate: b.hoursLate,
});
const der6 = (r: Report) =>
  r.recordings.filter((x) => x.ruleId === 'DER-6').map((x) => [x.caseId, x.deadline, x.recordedAt, x.status]);

describe('DER-6 (72 clock hours): daysLate is London calendar days, hoursLate beside it', () => {
  it('due Thu 14 May 2026 10:00 BST, made Wed 20 May 09:00 BST: 6 days late (143 hours)', () => {
    // Mon 11 May 10:00 BST + 72 h = Thu 14 May 10:00 BST. Recorded Wed 20 May 09:00 BST:
    // 6 days × 24 h − 1 h = 143 hours. dueOn 14 May, metOn 20 May: 20 − 14 = 6 calendar days.
    // Before: daysLate was floor(143 / 24) = 5, beside dates six days apart.
    const history = {
      staff: [staff('S1')],
      cases: cases('C1'),
      events: [
        oneToOne('S1', '2026-05-11', {
          id: 'E1',
          start: '2026-05-11T10:00:00+01:00',
          caseIds: ['C1'],
          caseRecords: [{ caseId: 'C1', recordedAt: '2026-05-20T09:00:00+01:00' }],
        }),
      ],
    };
    const report = run('derby', history, '2026-06-01');
    expect(breachesOf(report, 'DER-6').map(lateness)).toEqual([
      { kind: 'late-recording', dueOn: '2026-05-14', metOn: '2026-05-20', daysLate: 6, hoursLate: 143 },
    ]);
    // The basis keeps the instants the lateness was measured between (the sentence: "5 days 23 hours late").
    expect(breachesOf(report, 'DER-6')[0]!.basis).toMatchObject({
      deadline: '2026-05-14T10:00:00+01:00',
      recordedAt: '2026-05-20T09:00:00+01:00',
    });
  });

  it('late by 3 hours across midnight (Thu 22:00 → Fri 01:00 BST): 1 day late, not 0', () => {
    // Mon 11 May 22:00 BST + 72 h = Thu 14 May 22:00 BST; recorded Fri 15 May 01:00 BST (00:00Z), 3 hours
    // later. dueOn 14 May, metOn 15 May: 1 calendar day. Before: daysLate 0 beside two different dates.
    const history = {
      staff: [staff('S1')],
      cases: cases('C1'),
      events: [
        oneToOne('S1', '2026-05-11', {
          id: 'E1',
          start: '2026-05-11T21:00:00Z',
          caseIds: ['C1'],
          caseRecords: [{ caseId: 'C1', recordedAt: '2026-05-15T00:00:00Z' }],
        }),
      ],
    };
    const report = run('derby', history, '2026-06-01');
    expect(breachesOf(report, 'DER-6').map(lateness)).toEqual([
      { kind: 'late-recording', dueOn: '2026-05-14', metOn: '2026-05-15', daysLate: 1, hoursLate: 3 },
    ]);
  });

  it('one second late: hoursLate 0.01 (never 0 on a late record), daysLate 0 on the same day', () => {
    // Due Thu 14 May 10:00:00 BST; recorded 10:00:01 BST. 1/3600 h rounds to 0.00 at two decimals:
    // the report gives the least it can show, 0.01, so a late record never says "0 hours late".
    const history = {
      staff: [staff('S1')],
      cases: cases('C1'),
      events: [
        oneToOne('S1', '2026-05-11', {
          id: 'E1',
          start: '2026-05-11T10:00:00+01:00',
          caseIds: ['C1'],
          caseRecords: [{ caseId: 'C1', recordedAt: '2026-05-14T10:00:01+01:00' }],
        }),
      ],
    };
    const report = run('derby', history, '2026-06-01');
    const [breach] = breachesOf(report, 'DER-6');
    expect(lateness(breach!)).toEqual({
      kind: 'late-recording',
      dueOn: '2026-05-14',
      metOn: '2026-05-14',
      daysLate: 0,
      hoursLate: 0.01,
    });
    // The basis holds the deadline and the record's instant, a second apart (the words, "under a
    // minute late": test/report/wording.test.ts).
    expect(breach!.basis).toMatchObject({
      kind: 'record',
      deadline: '2026-05-14T10:00:00+01:00',
      recordedAt: '2026-05-14T10:00:01+01:00',
    });
  });
});

describe('DER-6 with no start time: the deadline is a date, the end of the third calendar day', () => {
  it('Mon 11 May 2026 → 2026-05-14 (not 2026-05-14T23:59:59+01:00); judged and counted by London dates', () => {
    // 11 May + ceil(72 / 24) = 3 calendar days = Thu 14 May, by the end of that day.
    // C1 recorded Thu 14 May 23:30 BST: on time. C2 recorded Fri 15 May 01:00 BST: 1 day late, counted
    // in days as any date deadline (no hoursLate). C3 never: unrecorded, asOf 20 May − 14 May = 6 days.
    // Before: the deadline was written '2026-05-14T23:59:59+01:00' and C2 was "0 days, 1 hour" late.
    const history = {
      staff: [staff('S1')],
      cases: cases('C1', 'C2', 'C3'),
      events: [
        oneToOne('S1', '2026-05-11', {
          id: 'E1',
          caseIds: ['C1', 'C2', 'C3'],
          caseRecords: [
            { caseId: 'C1', recordedAt: '2026-05-14T23:30:00+01:00' },
            { caseId: 'C2', recordedAt: '2026-05-15T01:00:00+01:00' },
            { caseId: 'C3' },
          ],
        }),
      ],
    };
    const report = run('derby', history, '2026-05-20');
    expect(der6(report)).toEqual([
      ['C1', '2026-05-14', '2026-05-14T23:30:00+01:00', 'on-time'],
      ['C2', '2026-05-14', '2026-05-15T01:00:00+01:00', 'late'],
      ['C3', '2026-05-14', null, 'overdue'],
    ]);
    expect(breachesOf(report, 'DER-6').map(lateness)).toEqual([
      { kind: 'late-recording', dueOn: '2026-05-14', metOn: '2026-05-15', daysLate: 1, hoursLate: undefined },
      { kind: 'unrecorded', dueOn: '2026-05-14', metOn: null, daysLate: 6, hoursLate: undefined },
    ]);
    // No start time: the deadline is the date, the end of the third calendar day (Mon 11 + 3 = Thu 14).
    expect(breachesOf(report, 'DER-6', 'C2')[0]!.basis).toEqual({
      kind: 'record',
      session: { type: 'one-to-one', on: '2026-05-11' },
      within: { hours: 72 },
      deadline: '2026-05-14',
      recordedAt: '2026-05-15T01:00:00+01:00',
    });
  });
});

describe("YRK-7: a child's record is on the child's file", () => {
  // Mon 2 Mar 2026 + 2 working days = Wed 4 Mar 2026. asOf Fri 6 Mar.
  it('with caseRecords listed, a case missing from them has no record yet (overdue), whatever the event says', () => {
    // C1's own record Tue 3 Mar: on time. C2 is in caseIds but not in caseRecords: no record on its
    // file, overdue since Wed 4 Mar (6 − 4 = 2 days). The event's recordedAt (Mon 2 Mar) is the
    // session's own record (YRK-12), not C2's. Before: C2 took the event's recordedAt and was on time.
    const history = {
      staff: [staff('S1')],
      cases: cases('C1', 'C2'),
      events: [
        oneToOne('S1', '2026-03-02', {
          id: 'E1',
          recordedAt: '2026-03-02',
          caseIds: ['C1', 'C2'],
          caseRecords: [{ caseId: 'C1', recordedAt: '2026-03-03' }],
        }),
      ],
    };
    const report = run('york', history, '2026-03-06');
    const yrk7 = report.recordings.filter((x) => x.ruleId === 'YRK-7');
    expect(yrk7.map((x) => [x.caseId, x.deadline, x.recordedAt, x.status])).toEqual([
      ['C1', '2026-03-04', '2026-03-03', 'on-time'],
      ['C2', '2026-03-04', null, 'overdue'],
    ]);
    expect(breachesOf(report, 'YRK-7').map(lateness)).toEqual([
      { kind: 'unrecorded', dueOn: '2026-03-04', metOn: null, daysLate: 2, hoursLate: undefined },
    ]);
    expect(report.recordings.find((x) => x.ruleId === 'YRK-12')).toMatchObject({ status: 'on-time' });
  });

  it('with no caseRecords at all, the event’s recordedAt stands for every child', () => {
    const history = {
      staff: [staff('S1')],
      cases: cases('C1', 'C2'),
      events: [oneToOne('S1', '2026-03-02', { id: 'E1', recordedAt: '2026-03-05', caseIds: ['C1', 'C2'] })],
    };
    const report = run('york', history, '2026-03-06');
    const yrk7 = report.recordings.filter((x) => x.ruleId === 'YRK-7');
    expect(yrk7.map((x) => [x.caseId, x.recordedAt, x.status])).toEqual([
      ['C1', '2026-03-05', 'late'],
      ['C2', '2026-03-05', 'late'],
    ]);
  });

  it('an empty caseRecords list is a list: no child has a record yet (pending before the deadline)', () => {
    const history = {
      staff: [staff('S1')],
      cases: cases('C1'),
      events: [
        oneToOne('S1', '2026-03-02', {
          id: 'E1',
          recordedAt: '2026-03-02',
          caseIds: ['C1'],
          caseRecords: [],
        }),
      ],
    };
    const report = run('york', history, '2026-03-03');
    expect(
      report.recordings.filter((x) => x.ruleId === 'YRK-7').map((x) => [x.recordedAt, x.status]),
    ).toEqual([[null, 'pending']]);
  });
});

describe('one event discussing 100,000 children', () => {
  it('YRK-7 judges every child once, its own record found without searching the list (linear work)', () => {
    // Each child Ci has its own record; every tenth is listed twice in caseIds (judged once) and the
    // first caseRecords entry of a child is its record. Quadratic searches took about 90 s at this size;
    // the suite's time limit (60 s) fails them, and linear work takes a second or two.
    const n = 100_000;
    const ids = Array.from({ length: n }, (_, i) => `C${i}`);
    const caseIds = [...ids, ...ids.filter((_, i) => i % 10 === 0)];
    const caseRecords = ids.map((caseId, i) => ({
      caseId,
      recordedAt: i % 2 === 0 ? '2026-03-03' : '2026-03-05',
    }));
    caseRecords.push({ caseId: 'C1', recordedAt: '2026-03-02' }); // a later entry for C1: not its record
    const history = {
      staff: [staff('S1')],
      events: [oneToOne('S1', '2026-03-02', { id: 'E1', caseIds, caseRecords })],
    };
    const report = run('york', history, '2026-03-06');
    const yrk7 = report.recordings.filter((x) => x.ruleId === 'YRK-7');
    expect(yrk7).toHaveLength(n);
    expect(yrk7.filter((x) => x.status === 'late')).toHaveLength(n / 2);
    expect(yrk7.find((x) => x.caseId === 'C1')).toMatchObject({ recordedAt: '2026-03-05', status: 'late' });
  });
});
