/** Worked examples for recording rules (src/rules/recording.ts); dates are counted by hand in comments. */
import { describe, expect, it } from 'vitest';
import type { Breach, Report } from '../../../src/report/types.js';
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
    b.explanation,
  ];
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
      'Thu 17 Apr 2025 for S1 was due by Wed 23 Apr 2025 (2 working days after Thu 17 Apr 2025, skipping Fri 18 Apr 2025 Good Friday bank holiday, Mon 21 Apr 2025 Easter Monday bank holiday, 2 weekend days); it was recorded on Thu 24 Apr 2025, 1 day late.',
    ],
    [
      // Mon 3 Mar + 1 working day = Tue 4 Mar; recorded Thu 6 Mar: 2 days late, nothing skipped.
      1,
      '2025-03-03',
      '2025-03-06',
      '2025-03-04',
      2,
      'Mon 3 Mar 2025 for S1 was due by Tue 4 Mar 2025 (1 working day after Mon 3 Mar 2025); it was recorded on Thu 6 Mar 2025, 2 days late.',
    ],
    [
      // Fri 7 Mar + 1 working day = Mon 10 Mar; recorded Tue 11 Mar.
      1,
      '2025-03-07',
      '2025-03-11',
      '2025-03-10',
      1,
      'Fri 7 Mar 2025 for S1 was due by Mon 10 Mar 2025 (1 working day after Fri 7 Mar 2025, skipping 2 weekend days); it was recorded on Tue 11 Mar 2025, 1 day late.',
    ],
  ])(
    '%i working day(s) after %s, recorded %s',
    (workingDays, date, recordedAt, deadline, daysLate, words) => {
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
          `The record of one-to-one ${id} on ${words}`,
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
        'The record of one-to-one W3 on Mon 3 Mar 2025 for S1 was due by Wed 5 Mar 2025 (2 working days after Mon 3 Mar 2025) and has not been recorded: 5 days overdue.',
      ],
    ]);
    expect(report.breaches[0]).toMatchObject({
      eventId: 'W3',
      subject: { type: 'staff', id: 'S1' },
      severity: 'breach',
    });
  });

  describe('72 clock hours', () => {
    const began = (start: string) => `72 hours after the session began on ${start}`;
    const mar3 =
      'The record of one-to-one H1 on Mon 3 Mar 2025 for S1 was due by Thu 6 Mar 2025 at 10:00 (72 hours after the session began on Mon 3 Mar 2025 at 10:00); it was recorded';
    it.each([
      // Began Mon 3 Mar 10:00 GMT: due Thu 6 Mar 10:00 GMT.
      ['at the deadline', '2025-03-06T10:00:00Z', 'on-time', null],
      // One second late: 0.00 hours at two decimals, given as the least shown, 0.01 (never "0 hours late");
      // the sentence says "under a minute late".
      [
        'one second late',
        '2025-03-06T10:00:01Z',
        'late',
        ['2025-03-06', 0, 0.01, `${mar3} on Thu 6 Mar 2025 at 10:00, under a minute late.`],
      ],
      // 1 h 50 min = 1.8333 hours, shown to 2 decimals.
      [
        '1 h 50 min late',
        '2025-03-06T11:50:00Z',
        'late',
        ['2025-03-06', 0, 1.83, `${mar3} on Thu 6 Mar 2025 at 11:50, 1 hour 50 minutes late.`],
      ],
      // 25 hours: one whole day late.
      [
        '25 hours late',
        '2025-03-07T11:00:00Z',
        'late',
        ['2025-03-07', 1, 25, `${mar3} on Fri 7 Mar 2025 at 11:00, 1 day 1 hour late.`],
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
        ['2025-03-07', 1, '-', `${mar3} on Fri 7 Mar 2025, 1 day late.`],
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
          `The record of one-to-one H2 on Fri 28 Mar 2025 for S1 was due by Mon 31 Mar 2025 at 11:00 (${began('Fri 28 Mar 2025 at 10:00')}); it was recorded on Mon 31 Mar 2025 at 11:30, 30 minutes late.`,
        ],
      ]);
    });

    it.each([
      // No start time: by the end of the third day, the date Thu 6 Mar. Recorded Fri 7 Mar 09:00Z (London
      // date 7 Mar): 7 − 6 = 1 day late, counted in days as for any date deadline.
      [
        '2025-03-07T09:00:00Z',
        'late',
        [
          'late-recording',
          '2025-03-06',
          '2025-03-07',
          1,
          '-',
          'it was recorded on Fri 7 Mar 2025 at 09:00, 1 day late.',
        ],
      ],
      // Recorded Thu 6 Mar 23:59:59.5Z: still on the deadline's date, on time.
      ['2025-03-06T23:59:59.5Z', 'on-time', null],
      // Never recorded, asOf Mon 10 Mar: 10 - 6 = 4 days.
      [
        null,
        'overdue',
        ['unrecorded', '2025-03-06', null, 4, '-', 'and has not been recorded: 4 days overdue.'],
      ],
    ])('no start time, recorded %s', (recordedAt, status, breach) => {
      const report = run(
        records({ deadline: { hours: 72 } }),
        { staff: [s1()], events: [held('H3', '2025-03-03', { recordedAt })] },
        '2025-03-10',
      );
      expect(recs(report)).toEqual([['H3', '-', '2025-03-06', recordedAt, status]]);
      if (breach === null) return expect(report.breaches).toEqual([]);
      const [kind, dueOn, metOn, days, hours, end] = breach;
      const due =
        'The record of one-to-one H3 on Mon 3 Mar 2025 for S1 was due by Thu 6 Mar 2025 (72 hours after the session on Mon 3 Mar 2025; with no start time, by the end of Thu 6 Mar 2025)';
      const sep = kind === 'unrecorded' ? ' ' : '; ';
      expect(report.breaches.map(late)).toEqual([[kind, dueOn, metOn, days, hours, `${due}${sep}${end}`]]);
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
    const due = 'The case record of one-to-one K1 on Mon 3 Mar 2025 for case';
    expect(report.breaches.map((b) => [b.subject, ...late(b)])).toEqual([
      [
        { type: 'case', id: 'C2' },
        'late-recording',
        '2025-03-03',
        '2025-03-04',
        1,
        '-',
        `${due} C2 was due by Mon 3 Mar 2025 (the same day as the session); it was recorded on Tue 4 Mar 2025, 1 day late.`,
      ],
      [
        { type: 'case', id: 'C3' },
        'unrecorded',
        '2025-03-03',
        null,
        2,
        '-',
        `${due} C3 was due by Mon 3 Mar 2025 (the same day as the session) and has not been recorded: 2 days overdue.`,
      ],
      [
        { type: 'case', id: 'C4' },
        'unrecorded',
        '2025-03-03',
        null,
        2,
        '-',
        `${due} C4 was due by Mon 3 Mar 2025 (the same day as the session) and has not been recorded: 2 days overdue.`,
      ],
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
        'The record of group F6 on Mon 3 Mar 2025 for team T1 was due by Wed 5 Mar 2025 (2 working days after Mon 3 Mar 2025) and has not been recorded: 5 days overdue.',
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
    const due =
      'The record of one-to-one Q1 on Mon 2 Jun 2025 for S1 was due by Wed 4 Jun 2025 (2 working days after Mon 2 Jun 2025)';
    expect(report.breaches.map(late)).toEqual([
      [
        kind,
        '2025-06-04',
        metOn,
        days,
        '-',
        status
          ? `${due}; it was recorded on Tue 10 Jun 2025${recordedAt.length > 10 ? ' at 23:30' : ''}, 6 days late.`
          : `${due} and has not been recorded: 6 days overdue.`,
      ],
    ]);
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
