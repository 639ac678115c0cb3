/**
 * A fast path for {@link checkHistory}: one walk over the input that says `valid` only when the slow path (copyJson, then the zod schema) would accept it too, and `unknown-fields` when it would, but the input also holds
 * fields the schema does not name (checkHistory then has them named by `unknownFields`, without
 * zod). Anything unusual gets `unsure`, and the slow path then decides and words every problem. So
 * this has only to be sound, never complete; it is complete on histories as JSON.parse gives them,
 * which is where the time goes.
 *
 * Stricter than the slow path, on purpose (those inputs fall back to it): years before 1000,
 * fractions of a second of more than 9 digits, objects whose prototype is not `Object.prototype`
 * (null included), arrays whose prototype is not `Array.prototype`, properties that are not
 * enumerable, and anything at all while Object.prototype has an enumerable property or one named
 * like a field of the schema.
 */
import { datePrefixDayNumber, isIsoDate } from '../calendar/day-number.js';
import { FORBIDDEN_KEYS, JSON_LIMITS } from '../errors/json-guard.js';
import { type History, MAX_AGREED_INTERVAL } from './schema.js';
import * as vocabulary from './vocabulary.js';

type Obj = Record<string, unknown>;
/** What one walk has seen so far besides what it checks. */
interface Seen {
  /** A key that no shape names (warned about, or refused with `strict`). */
  unknownField: boolean;
}
/** Whether a value at `depth` (the history itself is at 0) fits its place. */
type Check = (x: unknown, depth: number, seen: Seen) => boolean;
interface Field {
  readonly check: Check;
  readonly required: boolean;
}
interface Shape {
  readonly fields: ReadonlyMap<string, Field>;
  /** How many of the fields are required. */
  readonly required: number;
  /** A strict object (the interval) has no other keys. */
  readonly strict: boolean;
  /** What zod's refinements check once the fields are right. */
  readonly refine: (o: Obj) => boolean;
}

// ---- scalars ------------------------------------------------------------------------------------

/** zod's `iso.date()`: a real day written `YYYY-MM-DD` (isIsoDate also wants a year from 1000). */
const date: Check = (x) => typeof x === 'string' && isIsoDate(x);
/** zod's pattern for `iso.datetime({ offset: true })`, less its date part and fractions over 9 digits. */
const INSTANT =
  /^\d{4}-\d\d-\d\dT(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
/** zod's `iso.datetime({ offset: true })`: a real date, `T`, `HH:MM:SS`, a fraction, `Z` or `±HH:MM`. */
const instant: Check = (x) =>
  typeof x === 'string' && INSTANT.test(x) && !Number.isNaN(datePrefixDayNumber(x));
const dateOrInstant: Check = (x, d, s) => date(x, d, s) || instant(x, d, s);
const id: Check = (x) => typeof x === 'string' && x.length >= 1 && x.length <= 200;
/** A staff member's name: text of the same lengths as an id. */
const personName: Check = id;
const bool: Check = (x) => typeof x === 'boolean';
const nonNegativeInt: Check = (x) => Number.isSafeInteger(x) && (x as number) >= 0;
const positiveInt: Check = (x) => Number.isSafeInteger(x) && (x as number) > 0;
const oneOf = (values: readonly string[]): Check => {
  const set = new Set<unknown>(values);
  return (x) => set.has(x);
};
/** A word of the vocabulary: any text (the words themselves are checked against the policy's vocabulary). */
const word: Check = (x) => typeof x === 'string' && x.length <= JSON_LIMITS.maxStringLength;
const nullable =
  (check: Check): Check =>
  (x, d, s) =>
    x === null || check(x, d, s);

// ---- containers ---------------------------------------------------------------------------------

const isPlainObject = (x: unknown): x is Obj =>
  typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;
const isPlainArray = (x: unknown): x is unknown[] =>
  Array.isArray(x) && Object.getPrototypeOf(x) === Array.prototype;

/** What copyJson lets through anywhere: JSON values within the depth and string-length limits. */
function json(x: unknown, depth: number, seen: Seen): boolean {
  if (depth > JSON_LIMITS.maxDepth) return false;
  switch (typeof x) {
    case 'string':
      return x.length <= JSON_LIMITS.maxStringLength;
    case 'number':
      return Number.isFinite(x);
    case 'boolean':
      return true;
    case 'object':
      return (
        x === null || (isPlainArray(x) ? every(x, json, depth + 1, seen) : objectOk(x, ANY, depth, seen))
      );
    default:
      return false;
  }
}
function every(items: unknown[], check: Check, depth: number, seen: Seen): boolean {
  for (let i = 0; i < items.length; i++) if (!check(items[i], depth, seen)) return false;
  return true;
}
const arrayOf =
  (check: Check): Check =>
  (x, d, s) =>
    isPlainArray(x) && every(x, check, d + 1, s);

/** Every key any shape names: none may be inherited, as zod would read it from the prototype. */
const SHAPE_KEYS = new Set<string>();
/** `required`: the required keys, space-separated. */
function shape(
  required: string,
  spec: Record<string, Check>,
  refine = (_: Obj) => true,
  strict = false,
): Shape {
  const names = required.split(' ');
  const fields = new Map<string, Field>();
  for (const [key, check] of Object.entries(spec)) {
    fields.set(key, { check, required: names.includes(key) });
    SHAPE_KEYS.add(key);
  }
  return { fields, required: names.filter((n) => fields.has(n)).length, strict, refine };
}
const ANY = shape('', {});

/**
 * One pass over the object's keys: known ones are checked, others must hold JSON under a
 * permitted key (or undefined: both paths treat it as absent, and do not report it), required ones
 * must all be there. zod reads the known keys even when they are not enumerable, so those must not
 * exist. A key no shape names is noted in `seen` (the JSON under it is not a field of the history,
 * so its own keys are not).
 */
function objectOk(x: unknown, s: Shape, depth: number, seen: Seen): x is Obj {
  if (!isPlainObject(x)) return false;
  let keys = 0;
  let required = 0;
  for (const key in x) {
    keys++;
    const value = x[key];
    const field = s.fields.get(key);
    if (field === undefined) {
      if (s.strict || FORBIDDEN_KEYS.has(key) || (value !== undefined && !json(value, depth + 1, seen)))
        return false;
      if (value !== undefined && s !== ANY) seen.unknownField = true;
    } else if (value !== undefined) {
      if (!field.check(value, depth + 1, seen)) return false;
      if (field.required) required++;
    }
  }
  return required === s.required && Object.getOwnPropertyNames(x).length === keys && s.refine(x);
}
const object =
  (s: Shape): Check =>
  (x, d, seen) =>
    objectOk(x, s, d, seen);

/** Nothing enumerable on Object.prototype (so `for…in` sees only own keys) and no shape key at all. */
function prototypeIsClean(): boolean {
  for (const _key in Object.prototype) return false;
  for (const key of SHAPE_KEYS) if (key in Object.prototype) return false;
  return true;
}

// ---- the history --------------------------------------------------------------------------------

/** `o[to]`, when a date, is not before `o[from]`. */
const ordered = (from: string, to: string) => (o: Obj) =>
  typeof o[to] !== 'string' || (o[to] as string) >= (o[from] as string);
const inOrder = ordered('from', 'to');
const openEnd = nullable(date);
const ranged = (spec: Record<string, Check>, required = '', refine = inOrder): Check =>
  object(shape(`from ${required}`, { from: date, to: openEnd, ...spec }, refine));

const UNITS = ['days', 'weeks', 'months', 'workingDays'];
const interval = shape(
  '',
  Object.fromEntries(
    UNITS.map((unit) => [
      unit,
      (x: unknown) =>
        Number.isSafeInteger(x) && (x as number) > 0 && (x as number) <= MAX_AGREED_INTERVAL[unit as 'days'],
    ]),
  ),
  (o) => UNITS.filter((unit) => o[unit] !== undefined).length === 1,
  true,
);
const arrangement = ranged(
  { type: oneOf(vocabulary.ARRANGEMENT_TYPES), interval: object(interval), minutes: positiveInt },
  'type',
  (o) =>
    inOrder(o) &&
    (o.type === 'agreed-session-length'
      ? o.minutes !== undefined
      : o.type === 'extended-interval-authorised' || o.interval !== undefined),
);
const staff = shape(
  'id role startDate',
  {
    id,
    name: personName,
    role: word,
    startDate: date,
    roleStartDate: date,
    endDate: openEnd,
    qualifiedDate: openEnd,
    asye: nullable(object(shape('start', { start: date, end: openEnd }, ordered('start', 'end')))),
    confirmedInPost: openEnd,
    service: nullable(oneOf(vocabulary.SERVICES)),
    teamId: nullable(id),
    fullTime: bool,
    supervisors: arrayOf(ranged({ supervisorId: id }, 'supervisorId')),
    absences: arrayOf(ranged({ reason: oneOf(vocabulary.ABSENCE_REASONS) })),
    arrangements: arrayOf(arrangement),
    directReports: nonNegativeInt,
    lineManagerId: id,
    registered: bool,
    tags: arrayOf(word),
  },
  ordered('startDate', 'endDate'),
);

/** A case's closedDate is not before the earliest `from` of its episodes and allocations. */
function closedAfterOpening(o: Obj): boolean {
  const closed = o.closedDate;
  if (typeof closed !== 'string') return true;
  let first: string | null = null;
  for (const list of [o.episodes, o.allocations] as ({ from: string }[] | undefined)[])
    if (list !== undefined) for (const { from } of list) if (first === null || from < first) first = from;
  return first === null || closed >= first;
}
const caseShape = shape(
  'id',
  {
    id,
    allocations: arrayOf(ranged({ workerId: id }, 'workerId')),
    episodes: arrayOf(ranged({ type: word }, 'type')),
    flags: arrayOf(ranged({ flag: word }, 'flag')),
    reviews: arrayOf(date),
    closedDate: openEnd,
  },
  closedAfterOpening,
);

const recordedAt = nullable(dateOrInstant);
const event = shape(
  'id type date',
  {
    id,
    type: word,
    date,
    start: instant,
    durationMinutes: nonNegativeInt,
    status: oneOf(['held', 'cancelled']),
    superviseeId: id,
    participantIds: arrayOf(id),
    teamId: id,
    supervisorId: id,
    caseIds: arrayOf(id),
    recordedAt,
    caseRecords: arrayOf(object(shape('caseId', { caseId: id, recordedAt }))),
    safeguarding: bool,
  },
  (o) =>
    o.type === 'group'
      ? o.participantIds !== undefined || o.teamId !== undefined
      : o.superviseeId !== undefined,
);

const history = shape('staff', {
  $schema: (x) => typeof x === 'string' && x.length <= JSON_LIMITS.maxStringLength,
  recordsFrom: date,
  calendar: object(shape('', { closures: arrayOf(date) })),
  staff: arrayOf(object(staff)),
  cases: arrayOf(object(caseShape)),
  events: arrayOf(object(event)),
});

/**
 * What one pass makes of `input`: `valid` when {@link checkHistory}'s slow path would accept it as
 * it is (then the input, the library's own copy from copyJson, can be used as the history: the
 * schema has no defaults or transforms); `unknown-fields` when it would too, but the input holds
 * fields the schema does not name (to be reported by `unknownFields`); `unsure` when the slow path
 * must decide.
 */
export function quickCheck(input: unknown): 'valid' | 'unknown-fields' | 'unsure' {
  const seen: Seen = { unknownField: false };
  if (!prototypeIsClean() || !objectOk(input, history, 0, seen)) return 'unsure';
  return seen.unknownField ? 'unknown-fields' : 'valid';
}

/** `true` only when the slow path would accept `input` as it is (unknown fields and all). */
export function quickAccept(input: unknown): input is History {
  return quickCheck(input) !== 'unsure';
}
