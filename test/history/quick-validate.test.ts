/**
 * The fast path of checkHistory (quickAccept), one constraint at a time: a history that breaks it
 * is not accepted fast, and checkHistory reports what the slow path (guardJson, zod, cross
 * checks) always reported, path and message. The catalogue in bad-input.test.ts covers the wording.
 */
import { describe, expect, it } from 'vitest';
import { checkHistory, checkHistorySlowly } from '../../src/history/parse.js';
import { quickAccept } from '../../src/history/quick-validate.js';
import { compare, evaluate, policyIds } from '../../src/index.js';
import { fullHistory as full } from './full-history.js';

const REMOVE = Symbol('remove');
/** `full()` with the value at a path like `staff[0].asye.end` set (as an own key), or removed. */
function withValue(path: string, value: unknown): unknown {
  const root = full() as unknown as Record<string, unknown>;
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '');
  const last = keys.pop()!;
  const parent = keys.reduce((o, k) => o[k] as Record<string, unknown>, root);
  if (value === REMOVE) delete parent[last];
  else Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
  return root;
}
const nested = (depth: number): unknown => (depth === 0 ? 'deep' : [nested(depth - 1)]);

/** Asserts the fast path turns `input` down and checkHistory says what the slow path says. */
function expectSlowPathIssue(input: unknown, path: string, fragment: string) {
  expect(quickAccept(input)).toBe(false);
  const checked = checkHistory(input);
  expect(checked).toEqual(checkHistorySlowly(input));
  expect(checked.ok).toBe(false);
  const issues = checked.ok ? [] : checked.issues;
  const issue = issues.find((i) => i.path === path);
  expect(issue, `no issue at "${path}" in ${JSON.stringify(issues)}`).toBeDefined();
  expect(issue!.message).toContain(fragment);
}

describe('quickAccept: what it accepts', () => {
  it('accepts a history with every field, and checkHistory returns a plain copy of it', () => {
    const h = full();
    expect(quickAccept(h)).toBe(true);
    expect(checkHistorySlowly(h)).toEqual({ ok: true, history: h, warnings: [] });
    const checked = checkHistory(h);
    expect(checked.ok && checked.history).toEqual(h);
    expect(checked.ok && checked.history).not.toBe(h);
  });

  it.each<[string, string, unknown]>([
    ['an extra field of text', 'events[0].note', 'x'.repeat(10_000)],
    ['an extra field holding JSON 64 levels deep', 'staff[0].extra', nested(61)],
    ['an extra field set to undefined', 'extra', undefined],
    ['an optional field set to undefined', 'staff[0].service', undefined],
    [
      'an extension arrangement with no interval',
      'staff[0].arrangements[0]',
      { type: 'extended-interval-authorised', from: '2024-01-08' },
    ],
    [
      'an interval with undefined units beside its one unit',
      'staff[0].arrangements[0].interval',
      { days: undefined, months: 2 },
    ],
    ['a leap day', 'staff[0].qualifiedDate', '2024-02-29'],
    ['an instant with an offset and a fraction', 'events[0].start', '2024-02-01T23:59:59.123456789-05:30'],
    ['a group event before any start date', 'events[1].date', '2000-01-01'],
    ['an event of a supervisee not in staff[]', 'events[0].superviseeId', 'S9'],
    [
      'a case closed after its first allocation, before its first episode',
      'cases[0].closedDate',
      '2024-01-09',
    ],
  ])('accepts %s', (_name, path, value) => {
    const h = withValue(path, value);
    expect(checkHistorySlowly(h).ok).toBe(true);
    expect(quickAccept(h)).toBe(true);
  });

  it('accepts a deeply frozen history, which evaluate and compare then read without changing', () => {
    const freeze = (x: unknown): unknown => {
      if (typeof x === 'object' && x !== null) for (const v of Object.values(Object.freeze(x))) freeze(v);
      return x;
    };
    const h = freeze(full());
    expect(quickAccept(h)).toBe(true);
    for (const policy of policyIds)
      expect(evaluate(policy, h, { asOf: '2025-06-30' })).toEqual(
        evaluate(policy, full(), { asOf: '2025-06-30' }),
      );
    expect(compare(h, { asOf: '2025-06-30' })).toEqual(compare(full(), { asOf: '2025-06-30' }));
  });
});

describe('quickAccept: each constraint, worded by the slow path', () => {
  // [path set, value (REMOVE: taken out), path of the issue (if not the same), fragment of its message]
  const cases: [string, unknown, string | null, string][] = [
    // the history's own fields
    ['staff', REMOVE, null, 'is required'],
    ['staff', {}, null, 'expected a list'],
    ['recordsFrom', '2025-00-10', null, 'is not a date'],
    ['recordsFrom', null, null, 'is not a date'],
    ['calendar', null, null, 'expected an object'],
    ['calendar.closures[0]', '2025-12-32', null, 'is not a date'],
    ['cases', 'C1', null, 'expected a list'],
    ['events', {}, null, 'expected a list'],
    // staff
    ['staff[0].id', '', null, ''],
    ['staff[0].id', 'x'.repeat(201), null, ''],
    ['staff[0].id', 7, null, 'an id (text)'],
    ['staff[0].startDate', REMOVE, null, 'is required'],
    ['staff[0].startDate', '2025-02-30', null, '2025-02-30 is not a date'],
    ['staff[0].startDate', '2100-02-29', null, 'is not a date'],
    ['staff[0].startDate', '2024-2-01', null, 'YYYY-MM-DD'],
    ['staff[0].roleStartDate', null, null, 'is not a date'],
    ['staff[0].endDate', '2024-01-07', null, 'ends (2024-01-07) before it starts (2024-01-08)'],
    ['staff[0].qualifiedDate', '2023-06-31', null, 'is not a date'],
    ['staff[0].asye.end', '2024-01-07', null, 'before it starts'],
    ['staff[0].asye.start', REMOVE, null, 'is required'],
    ['staff[0].asye', 'yes', null, 'expected an object'],
    ['staff[0].confirmedInPost', 20240708, null, 'is not a date'],
    ['staff[0].service', 'housing', null, 'housing is not one of'],
    ['staff[0].teamId', '', null, ''],
    ['staff[0].fullTime', 'yes', null, 'true or false'],
    ['staff[0].directReports', -1, null, '-1'],
    ['staff[0].directReports', 1.5, null, '1.5'],
    ['staff[0].directReports', 2 ** 53, null, ''],
    ['staff[0].supervisors[0].to', '2024-01-07', null, 'before it starts'],
    ['staff[0].supervisors[0].supervisorId', REMOVE, null, 'is required'],
    ['staff[0].supervisors[0].from', null, null, 'is not a date'],
    ['staff[0].absences[0].reason', 'holiday', null, 'holiday is not one of'],
    ['staff[0].absences', [undefined], 'staff[0].absences[0]', 'is not a JSON value'],
    ['staff[0].arrangements[0].type', 'holiday', null, 'holiday is not one of'],
    ['staff[0].arrangements[0].interval', REMOVE, null, 'is required'],
    ['staff[0].arrangements[0].interval', { weeks: 2, days: 3 }, null, 'exactly one'],
    ['staff[0].arrangements[0].interval', {}, null, 'exactly one'],
    ['staff[0].arrangements[0].interval.weeks', 0, null, 'whole number of 1 or more'],
    ['staff[0].arrangements[0].interval.fortnights', 1, null, 'unknown field'],
    // cases
    ['cases[0].id', REMOVE, null, 'is required'],
    ['cases[0].allocations[0].workerId', 42, null, 'an id'],
    ['cases[0].allocations[0].to', '2024-01-01', null, 'before it starts'],
    ['cases[0].flags[0].to', '2024-01-31', null, 'before it starts'],
    ['cases[0].reviews[0]', '2025-04-31', null, 'is not a date'],
    ['cases[0].closedDate', '2024-01-07', null, 'ends (2024-01-07) before it starts (2024-01-08)'],
    // events
    ['events[0].id', REMOVE, null, 'is required'],
    ['events[0].date', '2023-02-29', null, 'is not a date'],
    ['events[0].start', '2024-02-01T10:00:00', null, 'with an offset'],
    ['events[0].start', '2024-02-01T10:00Z', null, 'with an offset'],
    ['events[0].start', '2024-02-01T24:00:00Z', null, 'with an offset'],
    ['events[0].start', '2024-02-01t10:00:00Z', null, 'with an offset'],
    ['events[0].start', '2024-02-01T10:00:00z', null, 'with an offset'],
    ['events[0].start', '2024-02-01T10:00:00.Z', null, 'with an offset'],
    ['events[0].start', '2024-02-01T10:00:00+01:60', null, 'with an offset'],
    ['events[0].start', '2024-02-01', null, 'with an offset'],
    ['events[0].durationMinutes', -5, null, 'whole number'],
    ['events[0].durationMinutes', '60', null, 'whole number'],
    ['events[0].status', 'postponed', null, 'postponed is not one of held, cancelled'],
    ['events[0].superviseeId', REMOVE, null, 'superviseeId is required'],
    ['events[1]', { id: 'G', type: 'group', date: '2024-02-08' }, 'events[1].participantIds', 'is required'],
    ['events[1].participantIds[0]', 1, null, 'an id'],
    ['events[0].supervisorId', '', null, ''],
    ['events[0].caseIds', 'C1', null, 'expected a list'],
    ['events[0].recordedAt', '2024-02-30', null, 'with an offset'],
    ['events[0].recordedAt', '2024-02-02T09:00+01:00', null, 'with an offset'],
    ['events[0].caseRecords[0].caseId', REMOVE, null, 'is required'],
    ['events[0].caseRecords[1].recordedAt', 'tomorrow', null, 'with an offset'],
    ['events[0].safeguarding', 'no', null, 'true or false'],
    // what no JSON document holds, or what would be dangerous to copy (guardJson)
    ['events[0].__proto__', 1, null, 'the key "__proto__" is not allowed'],
    ['staff[0].constructor', 'x', null, 'the key "constructor" is not allowed'],
    ['events[0].extra', { prototype: 1 }, 'events[0].extra.prototype', 'is not allowed'],
    ['events[0].extra', Number.NaN, null, 'NaN is not a JSON value'],
    ['events[0].extra', Number.POSITIVE_INFINITY, null, 'is not a JSON value'],
    ['events[0].extra', () => 1, null, 'a function is not a JSON value'],
    ['events[0].extra', new Date(0), null, 'a Date object is not a JSON value'],
    ['events[0].extra', 1n, null, '1n is not a JSON value'],
    ['events[0].extra', new Map(), null, 'is not a JSON value'],
    ['events[0].extra', 'x'.repeat(10_001), null, 'longer than 10000 characters'],
    ['staff[0].extra', nested(62), 'staff[0].extra' + '[0]'.repeat(62), 'nested more than 64 levels'],
    ['events[0].caseIds[0]', 'x'.repeat(10_001), null, 'longer than 10000 characters'],
  ];
  it.each(cases)('%s = %s', (path, value, issuePath, fragment) => {
    expectSlowPathIssue(withValue(path, value), issuePath ?? path, fragment);
  });

  // A word (role, tag, episode type, flag, event type) is any text to the schema and so to the
  // quick check; which words are known depends on the policy's vocabulary, checked beside both.
  it.each([
    ['staff[0].role', 'wizard', 'wizard is not one of social-worker'],
    ['staff[0].tags', ['agnecy'], 'agnecy is not a staff tag the policy declares'],
    ['cases[0].episodes[0].type', 'adoption', 'adoption is not one of early-help'],
    ['cases[0].flags[0].flag', 'urgent', 'urgent is not one of high-risk'],
    ['events[0].type', 'chat', 'chat is not one of one-to-one'],
  ] as [string, unknown, string][])(
    '%s = %s: accepted by the quick check, refused as an unknown word',
    (path, value, fragment) => {
      const input = withValue(path, value);
      expect(quickAccept(input)).toBe(true);
      const checked = checkHistory(input);
      expect(checked).toEqual(checkHistorySlowly(input));
      expect(checked.ok).toBe(false);
      const issues = checked.ok ? [] : checked.issues;
      const at = path.endsWith('tags') ? `${path}[0]` : path;
      expect(issues.map((i) => i.path)).toEqual([at]);
      expect(issues[0]!.message).toContain(fragment);
    },
  );

  it('leaves out a field that is not enumerable, as JSON.stringify does, in what it checks and returns', () => {
    const h = full();
    Object.defineProperty(h.events[0], 'durationMinutes', { value: -5, enumerable: false });
    const checked = checkHistory(h);
    expect(checked.ok).toBe(true);
    expect(checked.ok && 'durationMinutes' in checked.history.events![0]!).toBe(false);
  });

  it('accepts what the copy makes plain, as the slow path does: no prototype, a subclass of Array, a hidden key', () => {
    const plainOnceCopied: unknown[] = [
      withValue('calendar', Object.assign(Object.create(null), { closures: [] })),
      withValue('cases', Object.setPrototypeOf([], class extends Array {}.prototype)),
      (() => {
        const h = full();
        Object.defineProperty(h.staff[1], 'startDate', { value: 'not a date', enumerable: false });
        Object.defineProperty(h.staff[1], 'startdate', { value: '2020-01-06', enumerable: true });
        return h;
      })(),
    ];
    const [, , hidden] = plainOnceCopied;
    expect(checkHistorySlowly(hidden).ok).toBe(false); // the hidden startDate is left out: required
    for (const h of plainOnceCopied.slice(0, 2)) {
      expect(quickAccept(h)).toBe(true);
      expect(checkHistorySlowly(h).ok).toBe(true);
    }
    expect(quickAccept(hidden)).toBe(false);
  });

  it('reads each property once, also when the history is refused (zod checks the same copy)', () => {
    let reads = 0;
    const h = withValue('events[0].durationMinutes', -5) as { staff: object[] };
    Object.defineProperty(h.staff[1], 'teamId', {
      enumerable: true,
      get() {
        reads++;
        return 'T1';
      },
    });
    const checked = checkHistory(h);
    expect(checked.ok).toBe(false);
    expect(reads).toBe(1);
  });

  it('returns a copy that shares no object with the input', () => {
    const h = full();
    const checked = checkHistory(h);
    if (!checked.ok) throw new Error('expected a valid history');
    const copy = checked.history;
    expect(copy).toEqual(h);
    for (const [a, b] of [
      [copy, h],
      [copy.staff, h.staff],
      [copy.staff[0], h.staff[0]],
      [copy.staff[0]!.arrangements![0]!.interval, h.staff[0]!.arrangements![0]!.interval!],
      [copy.events![0]!.caseRecords, h.events[0]!.caseRecords],
      [copy.calendar!.closures, h.calendar.closures],
    ])
      expect(a).not.toBe(b);
  });

  it('turns everything down while Object.prototype has something added to it', () => {
    const h = full();
    for (const [key, enumerable] of [
      ['note', true],
      ['teamId', false],
    ] as const) {
      Object.defineProperty(Object.prototype, key, {
        value: 'x',
        enumerable,
        writable: true,
        configurable: true,
      });
      try {
        expect(quickAccept(h)).toBe(false);
      } finally {
        delete (Object.prototype as Record<string, unknown>)[key];
      }
    }
    expect(quickAccept(h)).toBe(true);
  });
});
