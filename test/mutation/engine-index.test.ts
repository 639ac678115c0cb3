/**
 * Mutation tests for the engine's plumbing: the history index (warnings, group sessions, case spans,
 * sorting), evaluate / safeEvaluate, compare and the context helpers. Every expectation is an exact
 * value worked out by hand from the small histories here.
 */
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../src/calendar/index.js';
import { summarise } from '../../src/engine/compare.js';
import {
  baseSpans,
  type EvalContext,
  lastOf,
  qualifying,
  severityOf,
  subjectsOf,
  tally,
} from '../../src/engine/context.js';
import { type CaseView, indexHistory, type StaffView } from '../../src/engine/history-index.js';
import { InputError } from '../../src/errors/input-error.js';
import { compare, evaluate, safeEvaluate } from '../../src/front-door.js';
import { parseHistory } from '../../src/history/parse.js';
import { getPolicy, type PolicyId } from '../../src/policies.js';
import type { Policy } from '../../src/policy/schema.js';
import type { Breach, Obligation, Report } from '../../src/report/types.js';
import { event, oneToOne, staff } from '../helpers.js';

/** Day numbers back to dates (open ends as null) so the expectations read as dates. */
const d = (n: number): string | null => (Number.isFinite(n) ? fromDayNumber(n) : null);
const span = ([a, b]: readonly [number, number]) => [d(a), d(b)];
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

/**
 * S1 starts on Mon 6 Jan 2025, is absent 3–14 Feb, and has 1:1s on 6 Jan and 3, 10, 17, 27 Mar. Under
 * Nottingham (NOT-10: a record by the end of the 2nd working day) the records are due 8 Jan, 5, 12,
 * 19 and 31 Mar: R0 is on time, R1 and R2 a day late, R3 is missing (overdue) and R4 not yet due.
 */
const ASOF = '2025-03-28';
const history = (extra: Record<string, unknown> = {}) => ({
  staff: [staff('S1', { startDate: '2025-01-06', absences: [{ from: '2025-02-03', to: '2025-02-14' }] })],
  events: [
    oneToOne('S1', '2025-01-06', { id: 'R0', recordedAt: '2025-01-06' }),
    oneToOne('S1', '2025-03-03', { id: 'R1', recordedAt: '2025-03-06' }),
    oneToOne('S1', '2025-03-10', { id: 'R2', recordedAt: '2025-03-13' }),
    oneToOne('S1', '2025-03-17', { id: 'R3' }),
    oneToOne('S1', '2025-03-27', { id: 'R4' }),
  ],
  ...extra,
});
const nottingham = (change: Partial<Policy> = {}): Policy => ({ ...getPolicy('nottingham'), ...change });
const recordingsOf = (r: Report) => r.recordings.map((x) => `${x.eventId} ${x.deadline} ${x.status}`);
const BUILT_IN = [
  'R0 2025-01-08 on-time',
  'R1 2025-03-05 late',
  'R2 2025-03-12 late',
  'R3 2025-03-19 overdue',
  'R4 2025-03-31 pending',
];

describe('evaluate', () => {
  it.each<[string, Policy, Record<string, unknown>, string[], Report['totals'], string[]]>([
    [
      'the built-in policy',
      nottingham(),
      {},
      BUILT_IN,
      { deadlines: 5, deadlinesMet: 5, records: 4, recordsOnTime: 1 },
      [],
    ],
    [
      'a closure in the history (Tue 4 Mar) moves R1’s deadline to 6 Mar',
      nottingham(),
      { calendar: { closures: ['2025-03-04'] } },
      ['R0 2025-01-08 on-time', 'R1 2025-03-06 on-time', ...BUILT_IN.slice(2)],
      { deadlines: 5, deadlinesMet: 5, records: 4, recordsOnTime: 2 },
      [],
    ],
    [
      'a closure in the policy (Tue 11 Mar) moves R2’s deadline to 13 Mar',
      nottingham({ closures: ['2025-03-11'] }),
      {},
      [...BUILT_IN.slice(0, 2), 'R2 2025-03-13 on-time', ...BUILT_IN.slice(3)],
      { deadlines: 5, deadlinesMet: 5, records: 4, recordsOnTime: 2 },
      [],
    ],
    [
      'absence does not pause the clock: the monthly 1:1 due 6 Feb is late',
      nottingham({ settings: { absencePauses: false } }),
      {},
      BUILT_IN,
      { deadlines: 5, deadlinesMet: 4, records: 4, recordsOnTime: 1 },
      ['NOT-1 late 2025-02-06 2025-03-03'],
    ],
    [
      'the policy in force from 1 Mar 2025: R0 is not judged',
      nottingham({ effectiveFrom: '2025-03-01' }),
      {},
      BUILT_IN.slice(1),
      { deadlines: 4, deadlinesMet: 4, records: 3, recordsOnTime: 0 },
      [],
    ],
    [
      'records kept from 1 Mar 2025: R0 is not judged',
      nottingham(),
      { recordsFrom: '2025-03-01' },
      BUILT_IN.slice(1),
      { deadlines: 4, deadlinesMet: 4, records: 3, recordsOnTime: 0 },
      [],
    ],
  ])('%s', (_name, policy, extra, recordings, totals, sessionBreaches) => {
    const report = evaluate(policy, history(extra), { asOf: ASOF });
    expect(recordingsOf(report)).toEqual(recordings);
    expect(report.totals).toEqual(totals);
    expect(
      report.breaches
        .filter((b) => b.ruleId === 'NOT-1')
        .map((b) => `${b.ruleId} ${b.kind} ${b.dueOn} ${b.metOn}`),
    ).toEqual(sessionBreaches);
  });

  it('reports its sections in the contract’s order, with the policy, obligations and (Derby) retention', () => {
    const report = evaluate('nottingham', history(), { asOf: ASOF });
    expect(Object.keys(report)).toEqual([
      'policy',
      'asOf',
      'obligations',
      'recordings',
      'breaches',
      'notEvaluable',
      'warnings',
      'retention',
      'totals',
      'totalsBySubject',
    ]);
    expect(report.policy).toEqual({
      id: 'nottingham',
      name: 'Supervision Policy and Procedure (linked to Workforce Strategy 2020–2023)',
      version: '2020–2023 (undated)',
      versions: [{ version: '2020–2023 (undated)', effectiveFrom: '2020-01-01' }],
    });
    expect(report.asOf).toBe(ASOF);
    expect(report.obligations.map((o) => [o.ruleId, o.lastMetOn, o.dueOn, o.status])).toEqual([
      ['NOT-1', '2025-03-27', '2025-04-27', 'upcoming'],
      ['NOT-14', null, '2026-02-15', 'upcoming'],
    ]);
    expect([report.notEvaluable, report.warnings, report.retention]).toEqual([[], [], []]);
    expect(
      evaluate('derby', history(), { asOf: ASOF }).retention.map((r) => `${r.eventId} ${r.retainUntil}`),
    ).toEqual(['R0 2050-01-06', 'R1 2050-03-03', 'R2 2050-03-10', 'R3 2050-03-17', 'R4 2050-03-27']);
  });

  it('the last 1:1 on or before asOf is lastMetOn; a later one is ignored', () => {
    const lastMet = (asOf: string) =>
      evaluate('nottingham', history(), { asOf }).obligations.find((o) => o.ruleId === 'NOT-1')?.lastMetOn;
    expect([lastMet('2025-03-16'), lastMet('2025-03-17'), lastMet('2025-03-26')]).toEqual([
      '2025-03-10',
      '2025-03-17',
      '2025-03-17',
    ]);
  });
});

describe('safeEvaluate', () => {
  const bad = (path: string, message: string) => [{ path, message }];
  const events = Array.from({ length: 110 }, (_, i) => ({
    id: `X${i}`,
    type: 'one-to-one',
    date: '2025-02-30',
  }));
  it.each<
    [string, unknown, unknown, unknown, InputError['code'], { path: string; message: string }[], number]
  >([
    ['asOf missing', 'york', history(), {}, 'invalid-options', bad('asOf', 'asOf is required'), 0],
    ['options missing', 'york', history(), undefined, 'invalid-options', bad('asOf', 'asOf is required'), 0],
    [
      'asOf null',
      'york',
      history(),
      { asOf: null },
      'invalid-options',
      bad('asOf', 'null is not a date (expected YYYY-MM-DD, a real day from year 1000)'),
      0,
    ],
    [
      'asOf a number',
      'york',
      history(),
      { asOf: 20250328 },
      'invalid-options',
      bad('asOf', '20250328 is not a date (expected YYYY-MM-DD, a real day from year 1000)'),
      0,
    ],
    [
      'asOf impossible',
      'york',
      history(),
      { asOf: '2025-02-29' },
      'invalid-options',
      bad('asOf', '2025-02-29 is not a date (expected YYYY-MM-DD, a real day from year 1000)'),
      0,
    ],
    [
      'a bad history and bad options together, under the history’s code',
      'york',
      { staff: 1 },
      {},
      'invalid-history',
      [
        { path: 'staff', message: 'expected a list, got 1' },
        { path: 'asOf', message: 'asOf is required' },
      ],
      0,
    ],
    [
      'an unknown policy, a bad history and bad options together, under the policy’s code',
      'leeds',
      { staff: 1 },
      {},
      'unknown-policy',
      [
        {
          path: 'policy',
          message:
            'leeds is not a built-in policy (built-in: nottingham, gloucestershire, york, derby, southwark, england-lga-2020, england-dfe-2024)',
        },
        { path: 'staff', message: 'expected a list, got 1' },
        { path: 'asOf', message: 'asOf is required' },
      ],
      0,
    ],
  ])('%s', (_name, policy, input, options, code, issues, omitted) => {
    expect(safeEvaluate(policy as PolicyId, input, options as { asOf: string })).toEqual({
      ok: false,
      issues,
      code,
      omitted,
    });
  });

  it('lists the first 100 problems and counts the rest', () => {
    const result = safeEvaluate('york', { staff: [], events }, { asOf: ASOF });
    expect(
      result.ok === false && [result.code, result.issues.length, result.issues[99], result.omitted],
    ).toEqual([
      'invalid-history',
      100,
      {
        path: 'events[99].date',
        message: '2025-02-30 is not a date (expected YYYY-MM-DD, a real day from year 1000)',
      },
      10,
    ]);
  });

  it('gives the report when the input is valid, and refuses a policy that throws when read', () => {
    expect(safeEvaluate('nottingham', history(), { asOf: ASOF })).toEqual({
      ok: true,
      report: evaluate('nottingham', history(), { asOf: ASOF }),
    });
    const exploding = new Proxy(
      {},
      {
        get() {
          throw new RangeError('boom');
        },
      },
    );
    // Its get trap is never reached: it has no own keys, so it is read as an empty object.
    const result = safeEvaluate(exploding as Policy, history(), { asOf: ASOF });
    expect(result.ok === false && [result.code, result.issues.find((i) => i.path === 'id')]).toEqual([
      'invalid-policy',
      { path: 'id', message: 'is required' },
    ]);
    const trapped = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new RangeError('boom');
        },
      },
    );
    expect(safeEvaluate(trapped as Policy, history(), { asOf: ASOF })).toEqual({
      ok: false,
      code: 'invalid-policy',
      issues: [{ path: '', message: 'could not be read (a getter or proxy threw an error)' }],
      omitted: 0,
    });
  });
});

describe('compare', () => {
  const summaryOf = (r: { summary: ReturnType<typeof summarise> }) => ({
    ...r.summary,
    nextDue: r.summary.nextDue.map((o) => `${o.ruleId} ${o.dueOn}`),
  });

  it('evaluates every built-in policy by default, in their order, and summarises each', () => {
    const { asOf, results } = compare(history(), { asOf: ASOF });
    expect(asOf).toBe(ASOF);
    expect(results.map((r) => r.policy.id)).toEqual([
      'nottingham',
      'gloucestershire',
      'york',
      'derby',
      'southwark',
    ]);
    for (const r of results) {
      expect(r.report).toEqual(evaluate(r.policy.id as PolicyId, history(), { asOf: ASOF }));
      expect(r.policy).toBe(r.report.policy);
      expect(r.summary).toEqual(summarise(r.report));
    }
    expect(summaryOf(results[0]!)).toEqual({
      breachesByRule: { 'NOT-10': { breach: 3, advisory: 0 } },
      breachesBySeverity: { breach: 3, advisory: 0 },
      sessionsInTimescale: 1,
      recordsOnTime: 0.25,
      overdueNow: { sessions: 0, records: 1 },
      nextDue: ['NOT-1 2025-04-27', 'NOT-14 2026-02-15'],
    });
    expect(summaryOf(results[3]!)).toEqual({
      breachesByRule: { 'DER-3': { breach: 0, advisory: 1 }, 'DER-8': { breach: 1, advisory: 0 } },
      breachesBySeverity: { breach: 1, advisory: 1 },
      sessionsInTimescale: 0.75,
      recordsOnTime: null,
      overdueNow: { sessions: 1, records: 0 },
      nextDue: ['DER-1 2025-04-27', 'DER-11 2026-02-15'],
    });
  });

  it('evaluates the policies given, ids or definitions, in the order given', () => {
    const custom = nottingham({ id: 'nottingham-closed', closures: ['2025-03-11'] });
    const { results } = compare(history(), { asOf: ASOF, policies: ['derby', custom] });
    expect(results.map((r) => [r.policy.id, r.report.totals])).toEqual([
      ['derby', { deadlines: 8, deadlinesMet: 6, records: 0, recordsOnTime: 0 }],
      ['nottingham-closed', { deadlines: 5, deadlinesMet: 5, records: 4, recordsOnTime: 2 }],
    ]);
  });

  const thrown = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e instanceof InputError ? { code: e.code, issues: e.issues } : e;
    }
    return 'nothing thrown';
  };
  const badPolicy = { ...getPolicy('york'), rules: 'none' };
  it.each<[string, unknown, unknown, InputError['code'], { path: string; message: string }[]]>([
    ['asOf missing', history(), {}, 'invalid-options', [{ path: 'asOf', message: 'asOf is required' }]],
    [
      'asOf not a date, a bad policy and a bad history together, under the options’ code',
      { staff: 1 },
      { asOf: '2025-3-28', policies: ['leeds'] },
      'invalid-options',
      [
        { path: 'asOf', message: '2025-3-28 is not a date (expected YYYY-MM-DD, a real day from year 1000)' },
        {
          path: 'policies[0]',
          message:
            'leeds is not a built-in policy (built-in: nottingham, gloucestershire, york, derby, southwark, england-lga-2020, england-dfe-2024)',
        },
        { path: 'staff', message: 'expected a list, got 1' },
      ],
    ],
    [
      'an unknown policy id, at its place in the list, and a bad history together',
      { staff: 1 },
      { asOf: ASOF, policies: ['york', 'leeds'] },
      'unknown-policy',
      [
        {
          path: 'policies[1]',
          message:
            'leeds is not a built-in policy (built-in: nottingham, gloucestershire, york, derby, southwark, england-lga-2020, england-dfe-2024)',
        },
        { path: 'staff', message: 'expected a list, got 1' },
      ],
    ],
    [
      'a bad policy definition, its problems under its place in the list',
      history(),
      { asOf: ASOF, policies: ['york', badPolicy] },
      'invalid-policy',
      [{ path: 'policies[1].rules', message: 'expected a list, got the text "none"' }],
    ],
    [
      'a bad history',
      { staff: 1 },
      { asOf: ASOF },
      'invalid-history',
      [{ path: 'staff', message: 'expected a list, got 1' }],
    ],
  ])('%s', (_name, input, options, code, issues) => {
    expect(thrown(() => compare(input, options as { asOf: string }))).toEqual({ code, issues });
  });
});

describe('summarise', () => {
  const breach = (ruleId: string, severity: Breach['severity']) => ({ ruleId, severity }) as Breach;
  const due = (dueOn: string) => ({ ruleId: `R-${dueOn}`, dueOn }) as Obligation;
  const report = (totals: Report['totals'], breaches: Breach[] = [], obligations: Obligation[] = []) =>
    ({ asOf: '2025-03-10', totals, breaches, obligations, recordings: [] }) as unknown as Report;

  it.each<[Report['totals'], number | null, number | null]>([
    [{ deadlines: 0, deadlinesMet: 0, records: 0, recordsOnTime: 0 }, null, null],
    [{ deadlines: 4, deadlinesMet: 3, records: 8, recordsOnTime: 2 }, 0.75, 0.25],
    [{ deadlines: 5, deadlinesMet: 0, records: 0, recordsOnTime: 0 }, 0, null],
    [{ deadlines: 0, deadlinesMet: 0, records: 2, recordsOnTime: 2 }, null, 1],
  ])('totals %o: in timescale %s, records on time %s', (totals, sessions, records) => {
    const s = summarise(report(totals));
    expect([s.sessionsInTimescale, s.recordsOnTime]).toEqual([sessions, records]);
  });

  it('counts breaches by rule and by severity', () => {
    const s = summarise(
      report({ deadlines: 0, deadlinesMet: 0, records: 0, recordsOnTime: 0 }, [
        breach('A', 'breach'),
        breach('A', 'advisory'),
        breach('B', 'breach'),
        breach('A', 'breach'),
      ]),
    );
    expect([s.breachesByRule, s.breachesBySeverity]).toEqual([
      { A: { breach: 2, advisory: 1 }, B: { breach: 1, advisory: 0 } },
      { breach: 3, advisory: 1 },
    ]);
  });

  it('lists the next 10 obligations due on or after asOf', () => {
    const days = [
      '2025-03-08',
      '2025-03-09',
      '2025-03-10',
      '2025-03-11',
      '2025-03-12',
      '2025-03-13',
      '2025-03-14',
    ];
    const obligations = [...days, ...days.map((x) => x.replace('-03-', '-04-'))].map(due);
    const s = summarise(
      report({ deadlines: 0, deadlinesMet: 0, records: 0, recordsOnTime: 0 }, [], obligations),
    );
    expect(s.nextDue.map((o) => o.dueOn)).toEqual([
      ...days.slice(2),
      ...days.slice(0, 5).map((x) => x.replace('-03-', '-04-')),
    ]);
    expect(s.nextDue[0]).toBe(obligations[2]);
  });
});

describe('context helpers', () => {
  // S1 (employed 6 Jan–30 Jun 2025, absent 3–14 Feb and from 1 Jun) has 1:1s on 3 Mar (twice), a
  // cancelled one on 10 Mar, a group on 15 Mar and a 1:1 on 20 Mar.
  const ix = index({
    staff: [
      staff('S1', {
        teamId: 'T1',
        startDate: '2025-01-06',
        endDate: '2025-06-30',
        absences: [{ from: '2025-02-03', to: '2025-02-14' }, { from: '2025-06-01' }],
      }),
    ],
    cases: [
      {
        id: 'C1',
        allocations: [{ workerId: 'S1', from: '2025-01-06', to: '2025-05-31' }],
        closedDate: '2025-05-31',
      },
    ],
    events: [
      oneToOne('S1', '2025-03-20'),
      oneToOne('S1', '2025-03-03', { caseIds: ['C1'] }),
      oneToOne('S1', '2025-03-03'),
      oneToOne('S1', '2025-03-10', { status: 'cancelled' }),
      event('group', '2025-03-15', { teamId: 'T1' }),
    ],
  });
  const s1 = ix.staff[0]!;
  const ctx = (absencePauses: boolean) => ({ absencePauses, index: ix }) as unknown as EvalContext;

  it.each<[boolean, (string | null)[][]]>([
    [
      true,
      [
        ['2025-01-06', '2025-02-02'],
        ['2025-02-15', '2025-05-31'],
      ],
    ],
    [false, [['2025-01-06', '2025-06-30']]],
  ])('a worker owes while employed, and (when absence pauses = %s) not absent', (pauses, spans) => {
    expect(baseSpans(s1, ctx(pauses)).map(span)).toEqual(spans);
  });

  it('a case owes while open, a team while anyone in it is employed', () => {
    expect(baseSpans(ix.cases[0]!, ctx(true)).map(span)).toEqual([['2025-01-06', '2025-05-31']]);
    expect(baseSpans(ix.teams[0]!, ctx(true)).map(span)).toEqual([['2025-01-06', '2025-06-30']]);
    expect(baseSpans({ ...ix.teams[0]!, employed: [] }, ctx(true))).toEqual([]);
  });

  it('qualifying days: held events of the types, one per day, worked out once per list of types', () => {
    const days = (types: string[]) => qualifying(s1, types).map(d);
    expect(days(['one-to-one'])).toEqual(['2025-03-03', '2025-03-20']);
    expect(days(['one-to-one', 'group'])).toEqual(['2025-03-03', '2025-03-15', '2025-03-20']);
    expect(days(['group'])).toEqual(['2025-03-15']);
    expect(days(['one-to-onegroup'])).toEqual([]);
    expect(days(['one-to-one', 'groupx'])).toEqual(['2025-03-03', '2025-03-20']);
    expect(qualifying(ix.cases[0]!, ['one-to-one']).map(d)).toEqual(['2025-03-03']);
    expect(qualifying(s1, ['one-to-one'])).toBe(qualifying(s1, ['one-to-one']));
  });

  it.each<[string, string[], string | null]>([
    ['2025-03-02', ['one-to-one'], null],
    ['2025-03-03', ['one-to-one'], '2025-03-03'],
    ['2025-03-14', ['one-to-one'], '2025-03-03'],
    ['2025-03-15', ['one-to-one'], '2025-03-03'],
    ['2025-03-15', ['one-to-one', 'group'], '2025-03-15'],
    ['2025-03-19', ['group'], '2025-03-15'],
    ['2025-03-20', ['one-to-one'], '2025-03-20'],
    ['2026-01-01', ['one-to-one'], '2025-03-20'],
    ['2026-01-01', ['appraisal'], null],
  ])('lastOf on %s of %j: %s', (asOf, types, last) => {
    expect(lastOf(s1, types, toDayNumber(asOf))).toBe(last);
  });

  it('subjects by kind, severity by strength, and the tally of deadlines', () => {
    const rules = getPolicy('york').rules;
    const byId = (id: string) => rules.find((r) => r.id === id)!;
    expect(['YRK-1', 'YRK-4', 'YRK-13'].map((id) => severityOf(byId(id)))).toEqual([
      'breach',
      'breach',
      'advisory',
    ]);
    const kinds = ['staff', 'case', 'team'] as const;
    expect(kinds.map((subject) => subjectsOf({ ...byId('YRK-1'), subject } as never, ctx(true)))).toEqual([
      ix.staff,
      ix.cases,
      ix.teams,
    ]);
    const out = {
      tally: { deadlines: 0, deadlinesMet: 0 },
      bySubject: { staff: new Map(), case: new Map(), team: new Map() },
    };
    const c = { out } as unknown as EvalContext;
    const s1 = { type: 'staff', id: 'S1' } as const;
    for (const met of [true, false, true, false, false]) tally(c, met, s1);
    tally(c, true, { type: 'case', id: 'S1' });
    expect(out.tally).toEqual({ deadlines: 6, deadlinesMet: 3 });
    expect(out.bySubject.staff.get('S1')).toEqual({
      deadlines: 5,
      deadlinesMet: 2,
      records: 0,
      recordsOnTime: 0,
    });
    expect(out.bySubject.case.get('S1')).toEqual({
      deadlines: 1,
      deadlinesMet: 1,
      records: 0,
      recordsOnTime: 0,
    });
  });
});
