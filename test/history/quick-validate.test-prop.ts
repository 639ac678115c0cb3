/**
 * The quick validator, the fast path of checkHistory (quickAccept), against the slow one (copyJson,
 * then zod): it accepts exactly what the slow path accepts, valid histories and changed ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHistory, checkHistorySlowly } from '../../src/history/parse.js';
import { quickAccept } from '../../src/history/quick-validate.js';
import { historyArb } from '../arbitraries.js';

const RUNS = { numRuns: Number(process.env.PROP_RUNS ?? 300) };
/** A generated history as JSON.parse would give it (fast-check may build objects without a prototype). */
const ordinaryHistoryArb = historyArb.map((h) => JSON.parse(JSON.stringify(h)) as unknown);

type Container = Record<PropertyKey, unknown>;
/** Every object and array in a value (the value itself first), and every scalar in it. */
function walk(x: unknown, out = { containers: [] as Container[], leaves: [] as unknown[] }) {
  if (typeof x === 'object' && x !== null) {
    out.containers.push(x as Container);
    for (const v of Object.values(x)) walk(v, out);
  } else out.leaves.push(x);
  return out;
}
/** `{ a: { a: … } }`, `depth` levels deep. */
const nested = (depth: number): unknown => (depth === 0 ? 1 : { a: nested(depth - 1) });

/** Values that break something somewhere, or fit somewhere else (made fresh: some are mutable). */
const VALUES: (() => unknown)[] = [
  // not JSON, or over the limits
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => () => 1,
  () => new Date(0),
  () => 1n,
  () => Symbol('s'),
  () => undefined,
  () => [undefined],
  () => Object.create(null),
  () => new Map(),
  () => JSON.parse('{"__proto__":1}'),
  () => ({ constructor: 1 }),
  () => ({ prototype: 'x' }),
  () => 'x'.repeat(10_001),
  () => nested(70),
  () => nested(50),
  // JSON of the wrong type or size
  () => null,
  () => '',
  () => 'x'.repeat(201),
  () => -1,
  () => 0,
  () => 1.5,
  () => 2 ** 53,
  () => true,
  () => ({}),
  () => [],
  () => ['S1'],
  // dates: impossible, malformed, before zod's reach of the fast path, early (before any start), late
  () => '2025-02-30',
  () => '2024-02-29',
  () => '2023-02-29',
  () => '2100-02-29',
  () => '2000-02-29',
  () => '2025-13-01',
  () => '2025-1-01',
  () => '0999-06-01',
  () => '1000-01-01',
  () => '2000-01-01',
  () => '2030-12-31',
  // instants
  () => '2025-01-13T10:00:00Z',
  () => '2025-01-13T24:00:00Z',
  () => '2025-01-13T10:00Z',
  () => '2025-01-13T10:00:00z',
  () => '2025-06-02T09:30:00.5+01:00',
  () => '2025-06-02T09:30:00+24:00',
  () => '2025-06-02T09:30:00.+01:00',
  () => `2025-06-02T09:30:00.${'1'.repeat(30)}Z`,
  // words of the vocabulary in the wrong place, or none
  () => 'group',
  () => 'one-to-one',
  () => 'extended-interval-authorised',
  () => 'agreed-interval',
  () => 'social-worker',
  () => 'cancelled',
  () => 'nonsense',
  // intervals and ranges
  () => ({ weeks: 2 }),
  () => ({ weeks: 2, days: 3 }),
  () => ({ weeks: 0 }),
  () => ({ weeks: 2, fortnights: 1 }),
  () => ({ weeks: undefined, days: 5 }),
  () => ({ from: '2024-01-01' }),
  () => ({ from: '2024-01-01', to: '2023-12-31' }),
  () => [{ from: '2024-01-01', to: null, workerId: 'S1' }],
  () => [{ caseId: 'C1', recordedAt: '2024-01-01' }],
];
const KEYS = [
  ...['extra', 'id', 'to', 'from', 'endDate', 'end', 'interval', 'type', 'superviseeId', 'teamId'],
  ...['participantIds', 'closedDate', 'date', 'start', 'status', 'reason', 'recordedAt', 'closures'],
  ...['__proto__', 'constructor', 'prototype', 'staff', 'events', 'weeks', 'days', '0'],
];

/** One change to one object or array of a history: which, and what to change, by index. */
const MUTATIONS = ['set', 'copy', 'add', 'delete', 'hide', 'reproto', 'freeze'] as const;
type Mutation = { kind: (typeof MUTATIONS)[number]; where: number; key: number; value: number };
const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...MUTATIONS),
  where: fc.nat(),
  key: fc.nat(),
  value: fc.nat(),
});

function mutate(history: unknown, m: Mutation): void {
  const { containers, leaves } = walk(history);
  const c = containers[m.where % containers.length]!;
  const own = Object.keys(c);
  const existing = own.length > 0 ? own[m.key % own.length]! : KEYS[m.key % KEYS.length]!;
  const value = VALUES[m.value % VALUES.length]!();
  // Reflect: a frozen container stays as it is.
  const define = (key: string, v: unknown, enumerable: boolean) =>
    Reflect.defineProperty(c, key, { value: v, enumerable, writable: true, configurable: true });
  switch (m.kind) {
    case 'set':
      Reflect.set(c, existing, value);
      break;
    case 'copy':
      Reflect.set(c, existing, leaves[m.value % leaves.length]);
      break;
    case 'add':
      define(KEYS[m.key % KEYS.length]!, value, true);
      break;
    case 'delete':
      Reflect.deleteProperty(c, existing);
      break;
    case 'hide':
      define(KEYS[m.key % KEYS.length]!, value, false);
      break;
    case 'reproto':
      Reflect.setPrototypeOf(c, [null, Object.prototype, Array.prototype, Map.prototype][m.value % 4]!);
      break;
    case 'freeze':
      Object.freeze(c);
      break;
  }
}

describe('quickAccept', () => {
  it('accepts every valid history, as the slow path does, and checkHistory returns a copy equal to it', () => {
    fc.assert(
      fc.property(ordinaryHistoryArb, (history) => {
        expect(checkHistorySlowly(history).ok).toBe(true);
        expect(quickAccept(history)).toBe(true);
        const checked = checkHistory(history);
        expect(checked.ok && checked.history).toEqual(history);
      }),
      RUNS,
    );
  });

  it('accepts exactly what the slow path accepts, whatever the prototypes, hidden keys and frozen objects', () => {
    const seen = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(
        ordinaryHistoryArb,
        fc.array(mutationArb, { minLength: 1, maxLength: 2 }),
        (valid, changes) => {
          const history = structuredClone(valid);
          for (const m of changes) mutate(history, m);
          // The quick check is the schema's twin; the words are checked beside both (vocabulary).
          const schemaOnly = checkHistorySlowly(history, { vocabulary: null });
          const slow = checkHistorySlowly(history);
          const quick = quickAccept(history);
          expect(quick).toBe(schemaOnly.ok);
          const checked = checkHistory(history);
          expect(checked.ok).toBe(slow.ok);
          if (!slow.ok) expect(checked).toEqual(slow);
          seen[quick ? 'accepted' : 'rejected']++;
        },
      ),
      { ...RUNS, numRuns: RUNS.numRuns * 5 },
    );
    // Not vacuous: many changes leave a valid history, many break it.
    const runs = seen.accepted + seen.rejected;
    expect(seen.accepted).toBeGreaterThan(runs / 10);
    expect(seen.rejected).toBeGreaterThan(runs / 10);
  });

  /** Strings from `arb`, some with one character changed. */
  const nearly = (arb: fc.Arbitrary<string>) =>
    fc.oneof(
      arb,
      fc
        .tuple(arb, fc.nat(), fc.constantFrom(...'0123456789-T:.Z+z x'))
        .map(([s, i, c]) => s.slice(0, i % (s.length + 1)) + c + s.slice((i % (s.length + 1)) + 1)),
    );
  /** Mostly `right`, sometimes `dodgy`. */
  const mostly = <T>(right: fc.Arbitrary<T>, dodgy: fc.Arbitrary<T>) =>
    fc.oneof({ arbitrary: right, weight: 3 }, { arbitrary: dodgy, weight: 1 });
  const dateArb = mostly(
    fc
      .date({ min: new Date('0900-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    fc.stringMatching(/^[0-2]\d{3}-[01]\d-[0-3]\d$/),
  );
  /** A date, a separator, a time, a fraction and a zone, each right or a little wrong. */
  const instantArb = fc
    .tuple(
      dateArb,
      mostly(fc.constant('T'), fc.constantFrom('t', ' ')),
      mostly(
        fc.stringMatching(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/),
        fc.stringMatching(/^[0-2]\d:[0-6]\d(:[0-6]\d)?$/),
      ),
      fc.constantFrom('', '.', '.5', '.123', '.123456789', '.1234567890', `.${'1'.repeat(20)}`),
      fc.constantFrom('Z', 'z', '', '+01:00', '-05:30', '+23:59', '+24:00', '+01:60', '+0100', '+1:00', 'Z '),
    )
    .map((parts) => parts.join(''));
  /** The slow path's verdict. */
  const expected = (s: string) => checkHistorySlowly({ recordsFrom: s, staff: [] }).ok;

  it('reads a date exactly as the slow path does', () => {
    fc.assert(
      fc.property(nearly(dateArb), (s) => {
        const h = { recordsFrom: s, staff: [] };
        expect(quickAccept(h)).toBe(expected(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads an instant exactly as the slow path does', () => {
    fc.assert(
      fc.property(nearly(instantArb), (s) => {
        const event = { id: 'E1', type: 'group', teamId: 'T1', date: '2025-01-01', start: s };
        const h = { staff: [], events: [event] };
        const slow = checkHistorySlowly(h).ok;
        expect(quickAccept(h)).toBe(slow);
        // As a record time, a date will do too.
        const recorded = { staff: [], events: [{ ...event, start: undefined, recordedAt: s }] };
        expect(quickAccept(recorded)).toBe(expected(s) || slow);
      }),
      { numRuns: 2000 },
    );
  });
});
