/** Worked examples for recording rules (src/rules/recording.ts); dates are counted by hand in comments. */
import { describe, expect, it } from 'vitest';
import type { Breach, NonWorkingDay, RecordBasis, Report } from '../../../src/report/types.js';
import { event, oneToOne, run, staff } from '../../helpers.js';
import { held, policy, recordRule, s1 } from '../test-policies.js';

describe('recording rules', () => {
  const records = (extra: Record<string, unknown> = {}) => policy([recordRule(extra)]);
  const late = (b: Breach) => [
    b.kind,
    b.dueOn,
    b.metOn,
    b.daysLate,
    'hoursLate' in b ? b.hoursLate : '-',
    b.eventId,
    b.basis,
  ];
  // Breaches are checked by their basis (the session, the deadline and how it was counted, the days
  // skipped, when the record was made); the sentences: test/report/wording.test.ts.
  /** A record's basis: the session on `on` (a one-to-one unless told), `within` of it, due `deadline`. */
  const rec = (
    on: string,
    within: RecordBasis['within'],
    deadline: string,
    extra: Partial<RecordBasis> = {},
  ): RecordBasis => ({ kind: 'record', session: { type: 'one-to-one', on }, within, deadline, ...extra });
  const weekend = (date: string): NonWorkingDay => ({ date, reason: 'weekend' });
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
      [
        { date: '2025-04-18', reason: 'bank-holiday', name: 'Good Friday' },
        weekend('2025-04-19'),
        weekend('2025-04-20'),
        { date: '2025-04-21', reason: 'bank-holiday', name: 'Easter Monday' },
      ],
    ],
    [
      // Mon 3 Mar + 1 working day = Tue 4 Mar; recorded Thu 6 Mar: 2 days late, nothing skipped.
      1,
      '2025-03-03',
      '2025-03-06',
      '2025-03-04',
      2,
      [],
    ],
    [
      // Fri 7 Mar + 1 working day = Mon 10 Mar; recorded Tue 11 Mar.
      1,
      '2025-03-07',
      '2025-03-11',
      '2025-03-10',
      1,
      [weekend('2025-03-08'), weekend('2025-03-09')],
    ],
  ] as [number, string, string, string, number, NonWorkingDay[]][])(
    '%i working day(s) after %s, recorded %s',
    (workingDays, date, recordedAt, deadline, daysLate, skipped) => {
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
          id,
          rec(date, { workingDays }, deadline, {
            ...(skipped.length > 0 ? { skipped } : {}),
            recordedAt,
          }),
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
        'W3',
        // No recordedAt: never recorded.
        rec('2025-03-03', { workingDays: 2 }, '2025-03-05', {}),
      ],
    ]);
    expect(report.breaches[0]).toMatchObject({
      eventId: 'W3',
      subject: { type: 'staff', id: 'S1' },
      severity: 'breach',
    });
  });

  describe('72 clock hours', () => {
    /** 72 hours after H1 began, Mon 3 Mar 10:00 GMT: Thu 6 Mar 10:00; recorded `recordedAt`. */
    const mar3 = (recordedAt: string) => [
      'H1',
      rec('2025-03-03', { hours: 72 }, '2025-03-06T10:00:00+00:00', {
        session: { type: 'one-to-one', on: '2025-03-03', start: '2025-03-03T10:00:00Z' },
        recordedAt,
      }),
    ];
    it.each([
      // Began Mon 3 Mar 10:00 GMT: due Thu 6 Mar 10:00 GMT.
      ['at the deadline', '2025-03-06T10:00:00Z', 'on-time', null],
      // One second late: 0.00 hours at two decimals, given as the least shown, 0.01 (never "0 hours late");
      // the sentence says "under a minute late".
      [
        'one second late',
        '2025-03-06T10:00:01Z',
        'late',
        ['2025-03-06', 0, 0.01, ...mar3('2025-03-06T10:00:01Z')],
      ],
      // 1 h 50 min = 1.8333 hours, shown to 2 decimals.
      [
        '1 h 50 min late',
        '2025-03-06T11:50:00Z',
        'late',
        ['2025-03-06', 0, 1.83, ...mar3('2025-03-06T11:50:00Z')],
      ],
      // 25 hours: one whole day late.
      [
        '25 hours late',
        '2025-03-07T11:00:00Z',
        'late',
        ['2025-03-07', 1, 25, ...mar3('2025-03-07T11:00:00Z')],
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
        ['2025-03-07', 1, '-', ...mar3('2025-03-07')],
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
          'H2',
          rec('2025-03-28', { hours: 72 }, '2025-03-31T11:00:00+01:00', {
            session: { type: 'one-to-one', on: '2025-03-28', start },
            recordedAt: '2025-03-31T10:30:00Z',
          }),
        ],
      ]);
    });

    it.each([
      // No start time: by the end of the third day, the date Thu 6 Mar. Recorded Fri 7 Mar 09:00Z (London
      // date 7 Mar): 7 − 6 = 1 day late, counted in days as for any date deadline.
      [
        '2025-03-07T09:00:00Z',
        'late',
        ['late-recording', '2025-03-06', '2025-03-07', 1, '-', '2025-03-07T09:00:00Z'],
      ],
      // Recorded Thu 6 Mar 23:59:59.5Z: still on the deadline's date, on time.
      ['2025-03-06T23:59:59.5Z', 'on-time', null],
      // Never recorded, asOf Mon 10 Mar: 10 - 6 = 4 days.
      [null, 'overdue', ['unrecorded', '2025-03-06', null, 4, '-', undefined]],
    ])('no start time, recorded %s', (recordedAt, status, breach) => {
      const report = run(
        records({ deadline: { hours: 72 } }),
        { staff: [s1()], events: [held('H3', '2025-03-03', { recordedAt })] },
        '2025-03-10',
      );
      expect(recs(report)).toEqual([['H3', '-', '2025-03-06', recordedAt, status]]);
      if (breach === null) return expect(report.breaches).toEqual([]);
      const [kind, dueOn, metOn, days, hours, made] = breach;
      // No start in the session: the deadline is the date, by the end of Thu 6 Mar.
      const basis = rec('2025-03-03', { hours: 72 }, '2025-03-06', made ? { recordedAt: String(made) } : {});
      expect(report.breaches.map(late)).toEqual([[kind, dueOn, metOn, days, hours, 'H3', basis]]);
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
    const sameDay = (extra: Partial<RecordBasis> = {}) =>
      rec('2025-03-03', { sameDay: true }, '2025-03-03', extra);
    expect(report.breaches.map((b) => [b.subject, ...late(b)])).toEqual([
      [
        { type: 'case', id: 'C2' },
        'late-recording',
        '2025-03-03',
        '2025-03-04',
        1,
        '-',
        'K1',
        sameDay({ recordedAt: '2025-03-04' }),
      ],
      [{ type: 'case', id: 'C3' }, 'unrecorded', '2025-03-03', null, 2, '-', 'K1', sameDay()],
      [{ type: 'case', id: 'C4' }, 'unrecorded', '2025-03-03', null, 2, '-', 'K1', sameDay()],
    ]);
  });

  it('TST-2 per child: one basis object for the sessions of one day and type, a late record’s basis its own', () => {
    // K1 and K2, both one-to-ones on Mon 3 Mar (due Wed 5 Mar), share one basis; K3, a case discussion the
    // same day, has its own; K4 on Tue 4 Mar (due Thu 6 Mar) too. Every basis holds the rule's one
    // `within`. C2's record, late on Thu 6 Mar, is its breach's own basis (with recordedAt), sharing the
    // session; its recording's basis has no recordedAt. docs/report.md, Shared objects.
    const rule = records({ records: 'case', counts: ['one-to-one', 'case-discussion'] });
    const report = run(
      rule,
      {
        staff: [s1()],
        events: [
          held('K1', '2025-03-03', {
            caseIds: ['C1', 'C2'],
            caseRecords: [{ caseId: 'C2', recordedAt: '2025-03-06' }],
          }),
          held('K2', '2025-03-03', { caseIds: ['C3'] }),
          held('K3', '2025-03-03', { type: 'case-discussion', caseIds: ['C4'] }),
          held('K4', '2025-03-04', { caseIds: ['C5'] }),
        ],
      },
      '2025-03-10',
    );
    const basis = (eventId: string, caseId: string) =>
      report.recordings.find((x) => x.eventId === eventId && x.caseId === caseId)!.basis;
    expect(basis('K1', 'C1')).toBe(basis('K1', 'C2'));
    expect(basis('K1', 'C1')).toBe(basis('K2', 'C3'));
    expect(basis('K3', 'C4')).not.toBe(basis('K1', 'C1'));
    expect(basis('K3', 'C4')).toEqual(
      rec('2025-03-03', { workingDays: 2 }, '2025-03-05', {
        session: { type: 'case-discussion', on: '2025-03-03' },
      }),
    );
    expect(basis('K4', 'C5')).not.toBe(basis('K1', 'C1'));
    expect(new Set(report.recordings.map((x) => x.basis.within)).size).toBe(1);
    const lateC2 = report.breaches.find((b) => b.kind === 'late-recording')!;
    expect(lateC2.basis).toEqual(
      rec('2025-03-03', { workingDays: 2 }, '2025-03-05', { recordedAt: '2025-03-06' }),
    );
    expect(lateC2.basis).not.toBe(basis('K1', 'C2'));
    expect((lateC2.basis as RecordBasis).session).toBe(basis('K1', 'C2').session);
    expect(basis('K1', 'C2')).not.toHaveProperty('recordedAt');
    // An unrecorded breach holds its recording's basis.
    const c1 = report.breaches.find((b) => b.kind === 'unrecorded' && b.subject.id === 'C1')!;
    expect(c1.basis).toBe(basis('K1', 'C1'));
  });

  it('TST-2 per child: 20 caseRecords for two children, each child’s first entry its record, duplicates judged once', () => {
    // More caseRecords than a short search is used for: C2's first entry is the 19th (Tue 4 Mar, on
    // time), a later one (Fri 7 Mar) is not its record; C1's only entry is late (Thu 6 Mar). C1 is listed twice.
    const others = Array.from({ length: 17 }, (_, i) => ({ caseId: `X${i}`, recordedAt: '2025-03-03' }));
    const report = run(
      records({ records: 'case' }),
      {
        staff: [s1()],
        events: [
          held('K1', '2025-03-03', {
            caseIds: ['C1', 'C2', 'C1'],
            caseRecords: [
              { caseId: 'C1', recordedAt: '2025-03-06' },
              ...others,
              { caseId: 'C2', recordedAt: '2025-03-04' },
              { caseId: 'C2', recordedAt: '2025-03-07' },
            ],
          }),
        ],
      },
      '2025-03-10',
    );
    expect(recs(report)).toEqual([
      ['K1', 'C1', '2025-03-05', '2025-03-06', 'late'],
      ['K1', 'C2', '2025-03-05', '2025-03-04', 'on-time'],
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
        'F6',
        {
          ...rec('2025-03-03', { workingDays: 2 }, '2025-03-05', {}),
          session: { type: 'group', on: '2025-03-03' },
        },
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
    // A record made after asOf is not in the basis: not recorded, as far as asOf knows.
    const basis = rec('2025-06-02', { workingDays: 2 }, '2025-06-04', {
      ...(status ? { recordedAt } : {}),
    });
    expect(report.breaches.map(late)).toEqual([[kind, '2025-06-04', metOn, days, '-', 'Q1', basis]]);
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

describe('recording rules: the order of recordings', () => {
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
});
