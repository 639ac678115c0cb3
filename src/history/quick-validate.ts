/**
 * The quick validator, the fast path of {@link checkHistory}: shapes written by hand that accept
 * exactly what the zod history schema accepts, checked in the one walk that copies the input as
 * plain data (copyJsonFitting: copyJson's walk, each property read once, every guard kept). It
 * says `valid` only when the slow path (zod on that copy) would accept the copy too, and
 * `unknown-fields` when it would, but the input also holds fields the schema does not name
 * (checkHistory then has them named by `unknownFields`, without zod). Anything else gets `unsure`,
 * and the slow path then decides on the same copy and words every problem. So this has only to be
 * sound, never complete; it is complete on anything copyJson copies without a problem.
 *
 * The one exception: anything at all is `unsure` while Object.prototype has an enumerable property
 * or one named like a field of the schema (zod would read an inherited field from the prototype).
 */
import { datePrefixDayNumber, isIsoDate } from '../calendar/day-number.js';
import {
  type CopiedJson,
  copyJsonFitting,
  type Fit,
  FORBIDDEN_KEYS,
  JSON_LIMITS,
  type ObjectFit,
} from '../errors/json-guard.js';
import { MAX_AGREED_INTERVAL } from './schema.js';
import * as vocabulary from './vocabulary.js';

type Obj = Record<string, unknown>;
type Scalar = string | number | boolean | null;

// ---- scalars ------------------------------------------------------------------------------------

const scalar = (test: (x: Scalar) => boolean): Fit => ({ kind: 'scalar', test });
/** zod's `iso.date()`: a real day written `YYYY-MM-DD` (isIsoDate also wants a year from 1000). */
const isDate = (x: Scalar) => typeof x === 'string' && isIsoDate(x);
/** zod's pattern for `iso.datetime({ offset: true })`, less its date part and fractions over 9 digits. */
const INSTANT =
  /^\d{4}-\d\d-\d\dT(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
/** zod's `iso.datetime({ offset: true })`: a real date, `T`, `HH:MM:SS`, a fraction, `Z` or `±HH:MM`. */
const isInstant = (x: Scalar) =>
  typeof x === 'string' && INSTANT.test(x) && !Number.isNaN(datePrefixDayNumber(x));
const isId = (x: Scalar) => typeof x === 'string' && x.length >= 1 && x.length <= 200;
const date = scalar(isDate);
const instant = scalar(isInstant);
const id = scalar(isId);
/** A staff member's name: text of the same lengths as an id. */
const personName = id;
const bool = scalar((x) => typeof x === 'boolean');
const nonNegativeInt = scalar((x) => Number.isSafeInteger(x) && (x as number) >= 0);
const positiveInt = scalar((x) => Number.isSafeInteger(x) && (x as number) > 0);
/** zod's `number().gt(0).max(1)`: a full-time equivalent. */
const fraction = scalar((x) => typeof x === 'number' && x > 0 && x <= 1);
const oneOf = (values: readonly string[], orNull = false): Fit => {
  const set = new Set<Scalar>(values);
  return scalar((x) => set.has(x) || (orNull && x === null));
};
const openEnd = scalar((x) => x === null || isDate(x));
const nullableId = scalar((x) => x === null || isId(x));
/** A word of the vocabulary: any text (the words themselves are checked against the policy's vocabulary). */
const word = scalar((x) => typeof x === 'string' && x.length <= JSON_LIMITS.maxStringLength);

// ---- containers ---------------------------------------------------------------------------------

const arrayOf = (items: Fit): Fit => ({ kind: 'array', items });

/** Every key any shape names: none may be inherited, as zod would read it from the prototype. */
const SHAPE_KEYS = new Set<string>();
/** `required`: the required keys, space-separated. */
function shape(
  required: string,
  spec: Record<string, Fit>,
  refine = (_: Obj) => true,
  options: { strict?: boolean; nullable?: boolean } = {},
): ObjectFit {
  const names = required.split(' ');
  const fields = new Map<string, { fit: Fit; required: boolean }>();
  for (const [key, fit] of Object.entries(spec)) {
    // The copy looks for forbidden keys only among those no shape names.
    if (FORBIDDEN_KEYS.has(key)) throw new Error(`a shape may not name ${key}`);
    fields.set(key, { fit, required: names.includes(key) });
    SHAPE_KEYS.add(key);
  }
  return {
    kind: 'object',
    fields,
    required: names.filter((n) => fields.has(n)).length,
    strict: options.strict ?? false,
    nullable: options.nullable ?? false,
    refine,
  };
}

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
const ranged = (spec: Record<string, Fit>, required = '', refine = inOrder): Fit =>
  shape(`from ${required}`, { from: date, to: openEnd, ...spec }, refine);

const UNITS = ['days', 'weeks', 'months', 'workingDays'] as const;
const interval = shape(
  '',
  Object.fromEntries(
    UNITS.map((unit) => [
      unit,
      scalar(
        (x) => Number.isSafeInteger(x) && (x as number) > 0 && (x as number) <= MAX_AGREED_INTERVAL[unit],
      ),
    ]),
  ),
  (o) => UNITS.filter((unit) => o[unit] !== undefined).length === 1,
  { strict: true },
);
const arrangement = ranged(
  { type: oneOf(vocabulary.ARRANGEMENT_TYPES), interval, minutes: positiveInt, caseId: id },
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
    asye: shape('start', { start: date, end: openEnd }, ordered('start', 'end'), { nullable: true }),
    confirmedInPost: openEnd,
    service: oneOf(vocabulary.SERVICES, true),
    teamId: nullableId,
    fullTime: bool,
    fte: fraction,
    supervisors: arrayOf(ranged({ supervisorId: id }, 'supervisorId')),
    absences: arrayOf(ranged({ reason: oneOf(vocabulary.ABSENCE_REASONS) })),
    arrangements: arrayOf(arrangement),
    shifts: arrayOf(date),
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

/** A date or an instant, or null (not recorded yet). */
const recordedAt = scalar((x) => x === null || isDate(x) || isInstant(x));
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
    caseRecords: arrayOf(shape('caseId', { caseId: id, recordedAt })),
    safeguarding: bool,
  },
  (o) =>
    o.type === 'group'
      ? o.participantIds !== undefined || o.teamId !== undefined
      : o.superviseeId !== undefined,
);

const history = shape('staff', {
  $schema: scalar((x) => typeof x === 'string' && x.length <= JSON_LIMITS.maxStringLength),
  recordsFrom: date,
  calendar: shape('', { closures: arrayOf(date) }),
  staff: arrayOf(staff),
  cases: arrayOf(caseShape),
  events: arrayOf(event),
});

/** The input copied as plain data (copyJson's answer), and the quick validator's verdict on the copy. */
export interface QuickValidated extends CopiedJson {
  /**
   * `valid`: the slow path would accept the copy as it is (then it can be used as the history: the
   * schema has no defaults or transforms); `unknown-fields`: it would too, but the copy holds fields
   * the schema does not name (to be reported by `unknownFields`); `unsure`: the slow path must
   * decide, on this copy.
   */
  readonly verdict: 'valid' | 'unknown-fields' | 'unsure';
}

/** The copies judged `valid`: each holds the schema's fields only, each where the schema has it. */
const knownFieldsOnly = new WeakSet<object>();

/**
 * Whether `history` is a copy this validator judged `valid` (so it holds no field the schema does
 * not name): one may then read the fields it names and know that nothing else is there.
 */
export function hasKnownFieldsOnly(history: object): boolean {
  return knownFieldsOnly.has(history);
}

/** Copies `input` as copyJson does and, in the same walk, judges the copy (see {@link QuickValidated}). */
export function quickValidate(input: unknown): QuickValidated {
  const copied = copyJsonFitting(input, history);
  const verdict =
    !copied.fits || !prototypeIsClean() ? 'unsure' : copied.unknownField ? 'unknown-fields' : 'valid';
  if (verdict === 'valid') knownFieldsOnly.add(copied.value as object);
  return { value: copied.value, issues: copied.issues, complete: copied.complete, verdict };
}

/** `true` only when the slow path would accept `input` as it is (unknown fields and all). */
export function quickAccept(input: unknown): boolean {
  return quickValidate(input).verdict !== 'unsure';
}
