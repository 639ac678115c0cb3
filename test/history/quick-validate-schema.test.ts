/**
 * The quick validator held to the zod history schema, deterministically: the test walks the zod
 * schema's shape (object keys, optional and required, nullable, enums, literals, arrays, unions,
 * string lengths and formats, number bounds) beside a history that gives every field a value, and
 * for each field and each constraint makes the history with the field set to values on both sides
 * of it (the right type and the wrong ones, each enum value and near misses, a bound and one past
 * it, real and impossible dates, left out, null, an unknown key). For each, the quick validator and
 * zod must give the same verdict: accepted, accepted with unknown fields, or refused. The values
 * come from the schema, so a field added to zod and not to the quick validator fails here (the
 * quick validator takes it for an unknown field), and so does one with no value in the history.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { quickValidate } from '../../src/history/quick-validate.js';
import { historySchema } from '../../src/history/schema.js';
import { unknownFields } from '../../src/history/unknown-fields.js';
import { fullHistoryWithTags as fullHistory } from './full-history.js';

type Key = string | number;
type Verdict = 'valid' | 'unknown-fields' | 'refused';
const REMOVE = Symbol('left out');
/** One history to judge: the full history with the value at `at` replaced (or removed). */
interface Probe {
  readonly at: readonly Key[];
  readonly value: unknown;
  readonly why: string;
}
/** What the walk finds: the probes of each place of the schema (`staff[].asye.end`), and more. */
interface Found {
  readonly probes: Map<string, Probe[]>;
  /** The places where the full history holds a value. */
  readonly valued: Set<string>;
  /** Every object arm of a union, and those the full history holds an example of. */
  readonly arms: Set<z.ZodType>;
  readonly armsMet: Set<z.ZodType>;
}

/** The parts of zod's definitions the walk reads (zod 4: `schema._zod.def`). */
interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  entries?: Record<string, string | number>;
  values?: unknown[];
  format?: string | null;
  checks?: { _zod: { def: CheckDef } }[];
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def) => (def.checks ?? []).map((c) => c._zod.def);

/** Every date string the full history holds, with the days either side: the bounds of its cross-field checks. */
function datesNear(history: unknown): string[] {
  const found = new Set<string>();
  const visit = (x: unknown): void => {
    if (typeof x === 'string' && /^\d{4}-\d\d-\d\d$/.test(x)) {
      const day = Date.parse(`${x}T00:00:00Z`);
      for (const d of [day - 86_400_000, day, day + 86_400_000])
        found.add(new Date(d).toISOString().slice(0, 10));
    } else if (typeof x === 'object' && x !== null) for (const v of Object.values(x)) visit(v);
  };
  visit(history);
  return [...found].sort();
}
const NEAR = datesNear(fullHistory());

/** Strings for each of zod's string formats the schema uses: the walk refuses any other format. */
const FORMATS: Record<string, readonly string[]> = {
  date: [
    ...NEAR,
    ...['1000-01-01', '9999-12-31', '2024-02-29', '2000-02-29'],
    // impossible days, years before 1000, and almost the form
    ...['2023-02-29', '2100-02-29', '2025-02-30', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00'],
    ...['0999-12-31', '0000-01-01', '2025-1-01', '2025-01-1', '20250101', '+02025-01-01', '2025/01/01'],
    ...[' 2025-01-01', '2025-01-01 ', '2025-01-01T00:00:00Z', ''],
  ],
  datetime: [
    ...['2024-02-01T10:00:00Z', '2024-02-01T00:00:00Z', '2024-02-01T23:59:59Z', '1000-01-01T00:00:00Z'],
    ...['9999-12-31T23:59:59Z', '2024-02-29T12:00:00+01:00', '2024-02-01T10:00:00-05:30'],
    ...['2024-02-01T10:00:00+23:59', '2024-02-01T10:00:00.5Z', '2024-02-01T10:00:00.123456789+01:00'],
    // each part a little wrong
    ...[
      '2024-02-01T10:00:00.1234567890Z',
      '2024-02-01T10:00:00.Z',
      '2024-02-01T10:00:00',
      '2024-02-01T10:00Z',
    ],
    ...['2024-02-01T24:00:00Z', '2024-02-01T10:60:00Z', '2024-02-01T10:00:60Z', '2024-02-01T10:00:00+24:00'],
    ...[
      '2024-02-01T10:00:00+01:60',
      '2024-02-01T10:00:00+0100',
      '2024-02-01T10:00:00+1:00',
      '2024-02-01t10:00:00Z',
    ],
    ...['2024-02-01T10:00:00z', '2024-02-01 10:00:00Z', '2024-02-30T10:00:00Z', '2023-02-29T10:00:00Z'],
    ...['0999-12-31T23:59:59Z', '2024-02-01T10:00:00Z ', '2024-02-01', ''],
  ],
};
const isObject = (x: unknown): x is Record<Key, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
/** The values an enum or a literal takes. */
const valuesOf = (def: Def): unknown[] =>
  def.type === 'enum' ? Object.values(def.entries!) : def.type === 'literal' ? def.values! : [];
/** Checks the walk cannot read (refinements) are met by the probes of the fields they compare. */
function onlyRefinements(def: Def, name: string): void {
  for (const c of checksOf(def))
    if (c.check !== 'custom')
      throw new Error(`${name}: the walk does not know the ${def.type} check ${c.check}`);
}

/** JSON values of each type but `keep`, for a place that wants `keep`. */
const otherTypes = (keep: string): [unknown, string][] =>
  (
    [
      ['a string', 'text'],
      [1, 'a number'],
      [true, 'a boolean'],
      [{}, 'an object'],
      [['x'], 'a list'],
    ] as [unknown, string][]
  ).filter(([v]) => (Array.isArray(v) ? 'array' : typeof v) !== keep);

/**
 * The probes of one place of the schema, `schema` at `at` (named `name`), where the full history
 * holds `value` (undefined: nothing there, so only the place itself is probed, not its contents).
 */
function walk(
  schema: z.ZodType,
  at: Key[],
  name: string,
  value: unknown,
  found: Found,
  unionArm = false,
): void {
  if (!found.probes.has(name)) found.probes.set(name, []);
  const probes = found.probes.get(name)!;
  if (value !== undefined) found.valued.add(name);
  const add = (v: unknown, why: string) => probes.push({ at, value: v, why });
  let def = defOf(schema);
  const wrappers: string[] = [];
  while (def.type === 'optional' || def.type === 'nullable') {
    wrappers.push(def.type);
    def = defOf(def.innerType!);
  }
  if (at.length > 0 && !unionArm) {
    add(REMOVE, wrappers.includes('optional') ? 'left out (optional)' : 'left out (required)');
    add(undefined, 'set to undefined');
    add(null, wrappers.includes('nullable') ? 'null (nullable)' : 'null (not nullable)');
  }
  switch (def.type) {
    case 'string': {
      for (const [v, why] of otherTypes('string')) add(v, why);
      for (const c of checksOf(def)) {
        if (c.check === 'min_length' || c.check === 'max_length') {
          const n = (c.minimum ?? c.maximum)!;
          for (const length of [n - 1, n, n + 1])
            if (length >= 0) add('x'.repeat(length), `${length} characters`);
        } else if (c.check !== 'custom')
          throw new Error(`${name}: the walk does not know the string check ${c.check}`);
      }
      if (def.format) {
        const strings = FORMATS[def.format];
        if (strings === undefined)
          throw new Error(`${name}: the walk has no strings for the format ${def.format}`);
        for (const s of strings) add(s, `${def.format} ${JSON.stringify(s)}`);
      }
      add(typeof value === 'string' ? value : 'an ordinary string', 'the full history’s value');
      break;
    }
    case 'number': {
      for (const [v, why] of otherTypes('number')) add(v, why);
      add('1', 'a number as text');
      const bounds = [0, 1];
      for (const c of checksOf(def)) {
        if (c.check === 'greater_than' || c.check === 'less_than') bounds.push(c.value!);
        else if (c.check !== 'number_format')
          throw new Error(`${name}: the walk does not know the number check ${c.check}`);
      }
      for (const b of bounds) for (const n of [b - 1, b, b + 1]) add(n, `${n} (a bound ±1)`);
      if (def.format !== undefined && def.format !== null) {
        if (def.format !== 'safeint')
          throw new Error(`${name}: the walk does not know the number format ${def.format}`);
        for (const n of [1.5, 0.5, -0, 2 ** 53 - 1, 2 ** 53, -(2 ** 53), 1e21])
          add(n, `${n} (whole and safe?)`);
      }
      break;
    }
    case 'boolean':
      for (const [v, why] of otherTypes('boolean')) add(v, why);
      for (const v of [true, false, 'true', 0, 1]) add(v, JSON.stringify(v));
      break;
    case 'enum':
    case 'literal': {
      for (const v of valuesOf(def)) {
        add(v, `${JSON.stringify(v)} (one of its values)`);
        if (typeof v === 'string')
          for (const near of [`${v} `, v.toUpperCase(), v.slice(0, -1), `x${v}`])
            add(near, `${JSON.stringify(near)} (nearly)`);
      }
      for (const [v, why] of otherTypes('')) add(v, why);
      add('', 'empty text');
      break;
    }
    case 'array': {
      onlyRefinements(def, name);
      for (const [v, why] of otherTypes('array')) add(v, why);
      add([], 'an empty list');
      add([null], 'a list holding null');
      if (Array.isArray(value)) {
        add([...value, ...value], 'its items twice');
        for (let i = 0; i < value.length; i++) walk(def.element!, [...at, i], `${name}[]`, value[i], found);
      }
      break;
    }
    case 'object': {
      onlyRefinements(def, name);
      for (const [v, why] of otherTypes('object')) add(v, why);
      add({}, 'an empty object');
      if (isObject(value)) {
        add({ ...value, notAField: 1 }, 'with a key no schema names');
        for (const [key, field] of Object.entries(def.shape!))
          walk(field, [...at, key], `${at.length === 0 ? '' : `${name}.`}${key}`, value[key], found);
      }
      break;
    }
    case 'union': {
      for (const option of def.options!) {
        // An object arm is walked where the history holds one it accepts.
        if (defOf(option).type !== 'object') walk(option, at, name, value, found, true);
        else {
          found.arms.add(option);
          if (value !== undefined && option.safeParse(value).success) {
            found.armsMet.add(option);
            walk(option, at, name, value, found, true);
          }
        }
      }
      // A discriminated union's example takes every arm's discriminator in turn.
      const key = def.discriminator;
      if (key !== undefined && isObject(value))
        for (const option of def.options!)
          for (const v of valuesOf(defOf(defOf(option).shape![key]!)))
            add({ ...value, [key]: v }, `${key} ${JSON.stringify(v)} (of one arm)`);
      break;
    }
    default:
      throw new Error(`${name}: the walk does not know zod's ${def.type}; teach it to, with probes`);
  }
}

/** The full history with the probe's change. */
function probed({ at, value }: Probe): unknown {
  const root: Record<Key, unknown> = fullHistory();
  if (at.length === 0) return value;
  const parent = at.slice(0, -1).reduce<Record<Key, unknown>>((o, k) => o[k] as Record<Key, unknown>, root);
  const last = at[at.length - 1]!;
  if (value === REMOVE) delete parent[last];
  else parent[last] = value;
  return root;
}

const zodVerdict = (h: unknown): Verdict =>
  !historySchema.safeParse(h).success ? 'refused' : unknownFields(h).length > 0 ? 'unknown-fields' : 'valid';
const quickVerdict = (h: unknown): Verdict => {
  const v = quickValidate(h).verdict;
  return v === 'unsure' ? 'refused' : v;
};

const found: Found = { probes: new Map(), valued: new Set(), arms: new Set(), armsMet: new Set() };
walk(historySchema, [], '(the history)', fullHistory(), found);

describe('the quick validator gives zod’s verdict, field by field and constraint by constraint', () => {
  it('the full history gives every field of the schema a value, and holds an example of every object arm of a union', () => {
    expect([...found.probes.keys()].filter((name) => !found.valued.has(name))).toEqual([]);
    expect(found.armsMet.size).toBe(found.arms.size);
    expect(zodVerdict(fullHistory())).toBe('valid');
    expect(quickVerdict(fullHistory())).toBe('valid');
  });

  it.each([...found.probes])('%s', (_name, probes) => {
    const seen = new Set<Verdict>();
    const differ: string[] = [];
    for (const probe of probes) {
      const history = probed(probe);
      const zod = zodVerdict(history);
      const quick = quickVerdict(history);
      seen.add(zod);
      if (quick !== zod) differ.push(`${probe.why}: zod ${zod}, quick validator ${quick}`);
    }
    expect(differ).toEqual([]);
    // Not vacuous: at every place some probe is refused and some accepted.
    expect(seen).toContain('refused');
    expect(seen.has('valid') || seen.has('unknown-fields')).toBe(true);
  });

  it('walks every place of the schema', () => {
    // history, calendar, staff[], asye, the arrays' items, interval, cases[], events[], caseRecords[]…
    expect(found.probes.size).toBeGreaterThan(60);
    expect([...found.probes.keys()]).toEqual(
      expect.arrayContaining([
        'staff[].arrangements[].interval.workingDays',
        'events[].caseRecords[].recordedAt',
      ]),
    );
  });
});
