/**
 * Inputs shared by the schema parity test and the message tests: a history with every field, and
 * one change anywhere in a JSON value (set, add or delete one field or item).
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A valid history with every field of the format filled in. */
export const full = (): { [key: string]: Json } => ({
  $schema: './node_modules/supervision-rules/policies/schema/history.json',
  recordsFrom: '2024-01-01',
  calendar: { closures: ['2024-12-27'] },
  staff: [
    {
      id: 'S1',
      role: 'social-worker',
      startDate: '2024-01-08',
      roleStartDate: '2024-01-08',
      endDate: null,
      qualifiedDate: '2023-07-01',
      asye: { start: '2024-01-08', end: '2025-01-07' },
      confirmedInPost: '2024-07-08',
      service: 'child-protection',
      teamId: 'T1',
      fullTime: true,
      supervisors: [{ supervisorId: 'M1', from: '2024-01-08', to: null }],
      absences: [{ from: '2024-03-01', to: '2024-03-05', reason: 'sickness' }],
      arrangements: [
        { type: 'agreed-interval', from: '2024-01-08', interval: { weeks: 4 } },
        { type: 'extended-interval-authorised', from: '2024-01-08', to: null },
        { type: 'agreed-session-length', from: '2024-01-08', minutes: 60 },
      ],
      directReports: 0,
      lineManagerId: 'M1',
      registered: true,
    },
    { id: 'M1', role: 'team-manager', startDate: '2020-01-06', teamId: null },
  ],
  cases: [
    {
      id: 'C1',
      allocations: [{ workerId: 'S1', from: '2024-01-08', to: null }],
      episodes: [{ type: 'child-protection', from: '2024-01-10' }],
      flags: [{ flag: 'high-risk', from: '2024-02-01', to: '2024-05-01' }],
      reviews: ['2024-04-01'],
      closedDate: '2024-06-01',
    },
  ],
  events: [
    {
      id: 'E1',
      type: 'one-to-one',
      date: '2024-02-01',
      start: '2024-02-01T10:00:00.250Z',
      durationMinutes: 60,
      status: 'held',
      superviseeId: 'S1',
      supervisorId: 'M1',
      caseIds: ['C1'],
      recordedAt: '2024-02-02T09:00:00+01:00',
      caseRecords: [{ caseId: 'C1', recordedAt: '2024-02-03' }],
      safeguarding: false,
    },
    { id: 'E2', type: 'group', date: '2024-02-05', teamId: 'T1' },
    { id: 'E3', type: 'group', date: '2024-02-06', participantIds: ['S1'], recordedAt: null },
  ],
});

// ---- one change anywhere ------------------------------------------------------------------------

/** JSON values that fit somewhere, break something somewhere, or are on an edge of a limit. */
export const VALUES: Json[] = [
  null,
  true,
  false,
  0,
  1,
  -1,
  1.5,
  2 ** 53,
  '',
  'x',
  'x'.repeat(101),
  'x'.repeat(201),
  'x'.repeat(10_001),
  '2025-02-28',
  '2025-02-30',
  '2024-02-29',
  '0999-06-01',
  '1000-01-01',
  '2025-1-01',
  '2030-12-31',
  '1999-01-01',
  '2025-01-13T10:00:00Z',
  '2025-01-13T24:00:00Z',
  '2025-06-02T09:30:00.5+01:00',
  '2025-06-02T09:30:00',
  'group',
  'one-to-one',
  'social-worker',
  'staff',
  'case',
  'team',
  'interval',
  'recording',
  'YRK-2',
  'yrk-2',
  'agreed-interval',
  'extended-interval-authorised',
  'agreed-session-length',
  'reviews',
  '04-01',
  '13-01',
  'must',
  'nonsense',
  [],
  ['S1'],
  ['one-to-one'],
  [{}],
  {},
  { weeks: 2 },
  { weeks: 2, days: 3 },
  { weeks: 0 },
  { fromArrangement: 'agreed-interval' },
  { workingDays: 2 },
  { sameDay: true },
  { from: '2024-01-01' },
  { from: '2024-01-01', to: '2023-12-31' },
];
const KEYS = [
  'extra',
  'id',
  'to',
  'from',
  'interval',
  'type',
  'kind',
  'superviseeId',
  'teamId',
  'participantIds',
  'weeks',
  'when',
  'role',
  'not',
];

/** Every object and array in a value, the value itself first. */
function containers(x: Json, out: (Json[] | { [key: string]: Json })[] = []) {
  if (typeof x === 'object' && x !== null) {
    out.push(x);
    for (const v of Object.values(x)) containers(v, out);
  }
  return out;
}

/** Sets, adds or deletes one field or item somewhere in `x` (chosen by `where` and `what`). */
export function changeOnePlace(x: Json, where: number, what: number): void {
  const all = containers(x);
  const c = all[where % all.length]! as Record<string, Json>;
  const own = Object.keys(c);
  const value = VALUES[what % VALUES.length]!;
  const key =
    own.length > 0 && what % 3 !== 2 ? own[Math.floor(what / 3) % own.length]! : KEYS[what % KEYS.length]!;
  if (what % 7 === 6 && !Array.isArray(c)) delete c[key];
  else if (Array.isArray(c)) (c as Json[])[Number(key) || 0] = value;
  else c[key] = value;
}
