/**
 * The history index (src/engine/history-index.ts): warnings, group sessions, case spans, sorting.
 * Every expectation is an exact value worked out by hand from the small histories here.
 */
import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../../src/calendar/index.js';
import { type CaseView, indexHistory, type StaffView } from '../../../src/engine/history-index.js';
import { parseHistory } from '../../../src/history/parse.js';
import { event, oneToOne, staff } from '../../helpers.js';
import { d, span } from '../day-dates.js';

const index = (h: unknown) => indexHistory(parseHistory(h));
const ids = (v: { events: readonly { event: { id: string } }[] }) => v.events.map((e) => e.event.id);

describe('history index: warnings for valid but inconsistent data', () => {
  // S1 leaves on 30 Jun 2024; C1 is S1's from 1 to 29 Feb 2024 and S2's from 1 Mar 2024; C2 has no allocations.
  const people = () => [
    staff('S1', { teamId: 'T1', endDate: '2024-06-30' }),
    staff('S2', { teamId: 'T1' }),
    staff('M1', { role: 'team-manager' }),
  ];
  const cases = () => [
    {
      id: 'C1',
      allocations: [
        { workerId: 'S2', from: '2024-03-01' },
        { workerId: 'S1', from: '2024-02-01', to: '2024-02-29' },
      ],
    },
    { id: 'C2' },
  ];
  const warningsOf = (events: unknown[]) => index({ staff: people(), cases: cases(), events }).warnings;
  const unknownStaff = (path: string, id: string) => ({ path, message: `staff "${id}" is not in staff[]` });
  const unknownCase = (path: string, id: string) => ({ path, message: `case "${id}" is not in cases[]` });

  it.each<[string, unknown[], { path: string; message: string }[]]>([
    ['none for consistent data', [oneToOne('S1', '2024-02-10', { caseIds: ['C1', 'C2'] })], []],
    ['an unknown supervisee', [oneToOne('X9', '2024-03-01')], [unknownStaff('events[0].superviseeId', 'X9')]],
    [
      'unknown participants, by position',
      [event('group', '2024-03-01', { participantIds: ['S1', 'X8', 'X9'] })],
      [unknownStaff('events[0].participantIds[1]', 'X8'), unknownStaff('events[0].participantIds[2]', 'X9')],
    ],
    [
      'an unknown supervisor (a known one is fine)',
      [
        oneToOne('S2', '2024-03-01', { supervisorId: 'M9' }),
        oneToOne('S2', '2024-03-02', { supervisorId: 'M1' }),
      ],
      [unknownStaff('events[0].supervisorId', 'M9')],
    ],
    [
      'an unknown case in caseIds',
      [oneToOne('S2', '2024-03-01', { caseIds: ['C2', 'C9'] })],
      [unknownCase('events[0].caseIds[1]', 'C9')],
    ],
    [
      'an unknown case in caseRecords',
      [
        oneToOne('S2', '2024-03-01', {
          caseIds: ['C2'],
          caseRecords: [
            { caseId: 'C2', recordedAt: '2024-03-01' },
            { caseId: 'C9', recordedAt: null },
          ],
        }),
      ],
      [unknownCase('events[0].caseRecords[1].caseId', 'C9')],
    ],
    [
      'none for a group (no supervisee) discussing an allocated case',
      [event('group', '2024-01-10', { teamId: 'T1', caseIds: ['C1'] })],
      [],
    ],
    [
      'an event after the supervisee left (not on the last day, not for a participant)',
      [
        oneToOne('S1', '2024-06-30'),
        oneToOne('S1', '2024-07-01'),
        event('group', '2024-07-02', { participantIds: ['S1'] }),
      ],
      [{ path: 'events[1].date', message: 'is after S1 left on 2024-06-30' }],
    ],
    [
      'records made before the session (by their London date)',
      [
        oneToOne('S2', '2024-03-01', { recordedAt: '2024-03-01' }),
        oneToOne('S2', '2024-03-01', { recordedAt: '2024-02-29T23:30:00Z' }),
        // 23:10 GMT on 29 Feb in London.
        oneToOne('S2', '2024-03-01', { recordedAt: '2024-03-01T00:10:00+01:00' }),
        oneToOne('S2', '2024-03-04', {
          caseIds: ['C2'],
          recordedAt: null,
          caseRecords: [
            { caseId: 'C2', recordedAt: '2024-03-04' },
            { caseId: 'C2', recordedAt: '2024-03-03' },
            { caseId: 'C2' },
          ],
        }),
      ],
      [
        {
          path: 'events[1].recordedAt',
          message: 'recorded at 2024-02-29T23:30:00Z, before the session on 2024-03-01',
        },
        {
          path: 'events[2].recordedAt',
          message: 'recorded at 2024-03-01T00:10:00+01:00, before the session on 2024-03-01',
        },
        {
          path: 'events[3].caseRecords[1].recordedAt',
          message: 'recorded at 2024-03-03, before the session on 2024-03-04',
        },
      ],
    ],
  ])('%s', (_name, events, expected) => {
    expect(warningsOf(events)).toEqual(expected);
  });

  // C1's allocations are inclusive of both ends; an open `to` runs on for ever.
  it.each<[string, string, boolean]>([
    ['S1', '2024-01-31', true],
    ['S1', '2024-02-01', false],
    ['S1', '2024-02-29', false],
    ['S1', '2024-03-01', true],
    ['S2', '2024-02-10', true],
    ['S2', '2024-02-29', true],
    ['S2', '2024-03-01', false],
    ['S2', '2030-01-01', false],
  ])('case C1 discussed with %s on %s: not allocated = %s', (worker, date, warned) => {
    // C2 (no allocations listed) never warns.
    expect(warningsOf([oneToOne(worker, date, { caseIds: ['C2', 'C1'] })])).toEqual(
      warned
        ? [
            {
              path: 'events[0].caseIds[1]',
              message: `case "C1" was discussed with "${worker}" on ${date}, but was not allocated to them then`,
            },
          ]
        : [],
    );
  });

  it('lists an event’s warnings in field order', () => {
    const warnings = warningsOf([
      oneToOne('S1', '2024-01-10', { id: 'EX' }),
      {
        id: 'EX',
        type: 'group',
        date: '2024-07-01',
        superviseeId: 'S1',
        participantIds: ['X1'],
        supervisorId: 'M9',
        caseIds: ['C9', 'C1'],
        caseRecords: [{ caseId: 'C8', recordedAt: '2024-06-30' }],
        recordedAt: '2024-06-01',
      },
    ]);
    expect(warnings).toEqual([
      {
        path: 'events[1].id',
        message: 'event id "EX" is used again (first at events[0]); both events count',
      },
      unknownStaff('events[1].participantIds[0]', 'X1'),
      unknownStaff('events[1].supervisorId', 'M9'),
      { path: 'events[1].date', message: 'is after S1 left on 2024-06-30' },
      unknownCase('events[1].caseIds[0]', 'C9'),
      {
        path: 'events[1].caseIds[1]',
        message: 'case "C1" was discussed with "S1" on 2024-07-01, but was not allocated to them then',
      },
      unknownCase('events[1].caseRecords[0].caseId', 'C8'),
      {
        path: 'events[1].caseRecords[0].recordedAt',
        message: 'recorded at 2024-06-30, before the session on 2024-07-01',
      },
      { path: 'events[1].recordedAt', message: 'recorded at 2024-06-01, before the session on 2024-07-01' },
    ]);
  });

  it('duplicate ids point at the first use; the first staff and case are kept, every event counts', () => {
    const ix = index({
      staff: [
        staff('A'),
        staff('S1'),
        staff('B'),
        staff('S1', { role: 'iro' }),
        staff('S1', { role: 'student' }),
      ],
      cases: [
        { id: 'C0' },
        { id: 'C1', reviews: ['2024-01-01'] },
        { id: 'C1' },
        { id: 'C1', reviews: ['2024-02-02'] },
      ],
      events: ['2024-03-04', '2024-03-01', '2024-03-02', '2024-03-03'].map((date, i) =>
        oneToOne('S1', date, { id: i === 1 ? 'E2' : 'E1' }),
      ),
    });
    const dup = (kind: string, id: string, first: string) =>
      `${kind} id "${id}" is used again (first at ${first}); only the first is evaluated`;
    expect(ix.warnings).toEqual([
      { path: 'staff[3].id', message: dup('staff', 'S1', 'staff[1]') },
      { path: 'staff[4].id', message: dup('staff', 'S1', 'staff[1]') },
      { path: 'cases[2].id', message: dup('case', 'C1', 'cases[1]') },
      { path: 'cases[3].id', message: dup('case', 'C1', 'cases[1]') },
      {
        path: 'events[2].id',
        message: 'event id "E1" is used again (first at events[0]); both events count',
      },
      {
        path: 'events[3].id',
        message: 'event id "E1" is used again (first at events[0]); both events count',
      },
    ]);
    expect(ix.staff.map((s) => [s.id, s.staff.role])).toEqual([
      ['A', 'social-worker'],
      ['S1', 'social-worker'],
      ['B', 'social-worker'],
    ]);
    expect(ix.staffById.get('S1')).toBe(ix.staff[1]);
    expect(ids(ix.staff[1]!)).toEqual(['E2', 'E1', 'E1', 'E1']);
    // Ranks in id order by position (events E1, E2, E1, E1): a repeated id shares its rank.
    expect([...ix.eventRank]).toEqual([0, 1, 0, 0]);
    expect(ix.distinctEventIds).toBe(2);
    expect(ix.cases.map((c) => [c.id, c.reviews.map(d)])).toEqual([
      ['C0', []],
      ['C1', ['2024-01-01']],
    ]);
    expect(ix.caseById.get('C1')).toBe(ix.cases[1]);
  });
});

describe('history index: subjects and their timelines', () => {
  it('group sessions reach the listed participants, or the team members employed that day, each once', () => {
    const ix = index({
      staff: [
        staff('S4', { teamId: 'T2', startDate: '2024-01-08', endDate: '2024-02-29' }),
        staff('S5', { teamId: 'T2', startDate: '2024-04-01' }),
        staff('S1', { teamId: 'T1', startDate: '2024-01-08', endDate: '2024-06-30' }),
        staff('S2', { teamId: 'T1', startDate: '2024-01-08' }),
        staff('S3', { teamId: 'T1', startDate: '2024-03-01' }),
        staff('S6', { teamId: null }),
      ],
      events: [
        event('group', '2024-07-01', { id: 'G4', teamId: 'T1' }),
        event('group', '2024-03-01', { id: 'G2', teamId: 'T1' }),
        event('group', '2024-02-01', {
          id: 'G5',
          teamId: 'T1',
          superviseeId: 'S4',
          participantIds: ['S4', 'S2', 'S2', 'X1'],
        }),
        event('group', '2024-02-29', { id: 'G1', teamId: 'T1' }),
        event('group', '2024-06-30', { id: 'G3', teamId: 'T1' }),
        // Not a group: its participants and team get nothing.
        oneToOne('S6', '2024-02-01', { id: 'O1', participantIds: ['S1'], teamId: 'T2' }),
        event('group', '2024-05-01', { id: 'G6', participantIds: ['S5'], status: 'cancelled' }),
      ],
    });
    expect(Object.fromEntries(ix.staff.map((s) => [s.id, ids(s)]))).toEqual({
      S4: ['G5'],
      S5: ['G6'],
      S1: ['G1', 'G2', 'G3'],
      S2: ['G5', 'G1', 'G2', 'G3', 'G4'],
      S3: ['G2', 'G3', 'G4'],
      S6: ['O1'],
    });
    expect(ix.teams.map((t) => [t.id, t.employed.map(span), ids(t)])).toEqual([
      ['T1', [['2024-01-08', null]], ['G5', 'G1', 'G2', 'G3', 'G4']],
      [
        'T2',
        [
          ['2024-01-08', '2024-02-29'],
          ['2024-04-01', null],
        ],
        [],
      ],
    ]);
    expect(ix.teams.map((t) => t.kind)).toEqual(['team', 'team']);
    expect(ix.events.map((e) => [e.event.id, e.pos, d(e.day), e.held])).toEqual([
      ['G4', 0, '2024-07-01', true],
      ['G2', 1, '2024-03-01', true],
      ['G5', 2, '2024-02-01', true],
      ['G1', 3, '2024-02-29', true],
      ['G3', 4, '2024-06-30', true],
      ['O1', 5, '2024-02-01', true],
      ['G6', 6, '2024-05-01', false],
    ]);
  });

  it('a case is open from its first episode or allocation to its closing date; reviews are de-duplicated and sorted', () => {
    const ix = index({
      staff: [staff('S1'), staff('S2')],
      cases: [
        {
          id: 'A',
          episodes: [{ type: 'child-in-care', from: '2024-03-01' }],
          allocations: [
            { workerId: 'S2', from: '2024-04-01' },
            { workerId: 'S1', from: '2024-02-01', to: '2024-03-31' },
          ],
          flags: [{ flag: 'high-risk', from: '2024-03-05', to: '2024-03-20' }],
          reviews: ['2024-05-01', '2024-03-01', '2024-05-01', '2024-04-10'],
          closedDate: '2024-05-31',
        },
        {
          id: 'B',
          episodes: [
            { type: 'assessment', from: '2024-02-10' },
            { type: 'early-help', from: '2024-01-15', to: '2024-01-31' },
          ],
        },
        { id: 'C' },
      ],
      events: [
        event('case-discussion', '2024-04-02', { id: 'D1', superviseeId: 'S2', caseIds: ['A'] }),
        event('group', '2024-03-02', { id: 'D2', participantIds: ['S1'], caseIds: ['A', 'B'] }),
        event('case-discussion', '2024-03-02', { id: 'D3', superviseeId: 'S1', caseIds: ['A'] }),
        event('case-discussion', '2024-02-20', { id: 'D4', superviseeId: 'S1', caseIds: ['A'] }),
      ],
    });
    const shape = (c: CaseView) => ({
      kind: c.kind,
      id: c.id,
      open: c.open.map(span),
      allocations: c.allocations.map((a) => [a.workerId, d(a.from), d(a.to)]),
      episodes: c.episodes.map((e) => [e.type, d(e.from), d(e.to)]),
      flags: c.flags.map((f) => [f.flag, d(f.from), d(f.to)]),
      reviews: c.reviews.map(d),
      events: ids(c),
    });
    expect(ix.cases.map(shape)).toEqual([
      {
        kind: 'case',
        id: 'A',
        open: [['2024-02-01', '2024-05-31']],
        allocations: [
          ['S1', '2024-02-01', '2024-03-31'],
          ['S2', '2024-04-01', null],
        ],
        episodes: [['child-in-care', '2024-03-01', null]],
        flags: [['high-risk', '2024-03-05', '2024-03-20']],
        reviews: ['2024-03-01', '2024-04-10', '2024-05-01'],
        events: ['D4', 'D2', 'D3', 'D1'],
      },
      {
        kind: 'case',
        id: 'B',
        open: [['2024-01-15', null]],
        allocations: [],
        episodes: [
          ['assessment', '2024-02-10', null],
          ['early-help', '2024-01-15', '2024-01-31'],
        ],
        flags: [],
        reviews: [],
        events: ['D2'],
      },
      { kind: 'case', id: 'C', open: [], allocations: [], episodes: [], flags: [], reviews: [], events: [] },
    ]);
    expect(ix.warnings).toEqual([]);
  });

  it('a staff member’s dates: role start, end, absences, ASYE (default end: 12 months less a day), supervisors by date', () => {
    const arrangement = {
      type: 'agreed-interval',
      from: '2024-02-01',
      to: '2024-03-01',
      interval: { weeks: 2 },
    };
    const ix = index({
      staff: [
        staff('S1', {
          startDate: '2024-01-08',
          roleStartDate: '2024-03-01',
          endDate: '2024-12-31',
          qualifiedDate: '2023-07-01',
          confirmedInPost: '2024-07-01',
          asye: { start: '2024-01-31' },
          absences: [
            { from: '2024-05-11' },
            { from: '2024-04-01', to: '2024-04-05' },
            { from: '2024-05-01', to: '2024-05-10' },
          ],
          supervisors: [
            { supervisorId: 'M2', from: '2024-06-01' },
            { supervisorId: 'M1', from: '2024-01-08', to: '2024-05-31' },
          ],
          arrangements: [arrangement],
        }),
        staff('S2', { startDate: '2024-02-29', asye: { start: '2024-02-29' }, qualifiedDate: null }),
        staff('S3', { asye: { start: '2024-02-29', end: '2024-12-31' }, confirmedInPost: null }),
        staff('S4', { asye: null }),
      ],
    });
    const shape = (s: StaffView) => ({
      kind: s.kind,
      start: d(s.start),
      roleStart: d(s.roleStart),
      end: d(s.end),
      absences: s.absences.map(span),
      asye: s.asye && span(s.asye),
      qualifiedOn: s.qualifiedOn === null ? null : d(s.qualifiedOn),
      confirmedOn: s.confirmedOn === null ? null : d(s.confirmedOn),
      supervisors: s.supervisors.map((r) => [r.supervisorId, d(r.from), d(r.to)]),
      arrangements: s.arrangements.map((a) => [a.arrangement, d(a.from), d(a.to)]),
    });
    const none = { absences: [], qualifiedOn: null, confirmedOn: null, supervisors: [], arrangements: [] };
    expect(ix.staff.map(shape)).toEqual([
      {
        kind: 'staff',
        start: '2024-01-08',
        roleStart: '2024-03-01',
        end: '2024-12-31',
        absences: [
          ['2024-04-01', '2024-04-05'],
          ['2024-05-01', null],
        ],
        asye: ['2024-01-31', '2025-01-30'],
        qualifiedOn: '2023-07-01',
        confirmedOn: '2024-07-01',
        supervisors: [
          ['M1', '2024-01-08', '2024-05-31'],
          ['M2', '2024-06-01', null],
        ],
        arrangements: [[arrangement, '2024-02-01', '2024-03-01']],
      },
      {
        ...none,
        kind: 'staff',
        start: '2024-02-29',
        roleStart: '2024-02-29',
        end: null,
        asye: ['2024-02-29', '2025-02-27'],
      },
      {
        ...none,
        kind: 'staff',
        start: '2020-01-06',
        roleStart: '2020-01-06',
        end: null,
        asye: ['2024-02-29', '2024-12-31'],
      },
      { ...none, kind: 'staff', start: '2020-01-06', roleStart: '2020-01-06', end: null, asye: null },
    ]);
  });

  it('recordsFrom, and a history with no cases or events', () => {
    const ix = index({ staff: [staff('S1')] });
    expect([ix.recordsFrom, ix.cases, ix.events, ix.teams, ix.warnings]).toEqual([-Infinity, [], [], [], []]);
    expect(index({ staff: [], recordsFrom: '2024-04-01' }).recordsFrom).toBe(toDayNumber('2024-04-01'));
  });
});
