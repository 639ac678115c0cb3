import { nearest } from './nearest.js';

/**
 * Every message the library shows a person lives here, so wording stays consistent and can be
 * reviewed in one place.
 */
const show = (value: unknown): string => {
  if (typeof value === 'string') return value.length > 60 ? `${JSON.stringify(value.slice(0, 60))}…` : value;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (value === undefined) return 'nothing';
  if (typeof value === 'function') return 'a function';
  if (value instanceof Date) return 'a Date object';
  return Array.isArray(value) ? 'a list' : 'an object';
};

/**
 * A whole number with its thousands grouped, "1,000,000" (as `toLocaleString('en-GB')` writes it, without
 * loading the locale data: the policy schema words its limits as the package loads).
 */
export const thousands = (n: number): string => {
  const [whole, fraction] = String(n).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
};

/** A text value in quotes (a long one shortened, as {@link show} does). */
const quoted = (value: string) => (value.length > 60 ? show(value) : JSON.stringify(value));
/** `: did you mean x?`, or nothing when there is no near name. */
const didYouMean = (suggestion: string | undefined) =>
  suggestion === undefined ? '' : `; did you mean ${suggestion}?`;
/** What a zod type is called in a message. */
const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};
/** The forms of a length of time, as a policy writes them. */
const DURATION_FORMS =
  '{"days": N}, {"weeks": N}, {"months": N} or {"workingDays": N}, N a whole number of 1 or more';

export const messages = {
  notADate: (value: unknown) =>
    `${show(value)} is not a date (expected YYYY-MM-DD, a real day from year 1000)`,
  notAnInstant: (value: unknown) =>
    `${show(value)} is not a date-time with an offset (expected e.g. 2025-01-13T10:00:00Z or 2025-06-02T09:30:00+01:00)`,
  notADateOrInstant: (value: unknown) =>
    `${show(value)} is neither a date (YYYY-MM-DD) nor a date-time with an offset (e.g. 2025-01-13T10:00:00Z or 2025-06-02T09:30:00+01:00)`,
  /** `expected` is a zod type name (`int`, `string`, …) or already in words. */
  wrongType: (expected: string, value: unknown) =>
    expected === 'int' && typeof value === 'number'
      ? `${show(value)} is not a whole number`
      : `expected ${TYPE_WORDS[expected] ?? expected}, got ${typeof value === 'string' ? `the text ${quoted(value)}` : show(value)}`,
  /** A field left out; `what` names it when the path alone does not. */
  required: (what?: string) => (what === undefined ? 'is required' : `${what} is required`),
  unknownValue: (value: unknown, allowed: readonly unknown[], suggestion?: string) =>
    `${show(value)} is not one of ${allowed.join(', ')}${didYouMean(suggestion)}`,
  mustBe: (value: unknown, expected: unknown) =>
    `${show(value)} is not allowed here: must be ${String(expected)}`,
  /** A field no schema names: in a history a warning (`ignored`), in a policy or with `strict` an error. */
  unknownField: (key: string, suggestion?: string, ignored = false) =>
    `unknown field ${JSON.stringify(key)}${ignored ? ' (ignored)' : ''}${didYouMean(suggestion)}`,
  /** A missing field whose name a neighbouring unknown field looks like a typo of. */
  requiredButMistyped: (required: string, key: string, mistyped: string) =>
    `${required} (the history has ${JSON.stringify(mistyped)} there, which is not a field: did you mean ${key}?)`,
  emptyList: () => 'must not be empty: list at least one',
  tooFewItems: (min: number) => `must list at least ${min}`,
  emptyText: () => 'must not be empty',
  tooShort: (min: number) => `must be at least ${min} characters long`,
  tooSmall: (value: unknown, min: unknown) => `${show(value)} is less than ${String(min)}`,
  tooBig: (value: unknown, max: unknown) => `${show(value)} is more than ${String(max)}`,
  /** A value not in the form expected; `forms`, when given, says which forms are. */
  notInForm: (value: unknown, forms?: string) =>
    forms === undefined
      ? `${show(value)} is not in the expected form`
      : `${show(value)} is not allowed here: ${forms}`,
  notValidHere: () => 'is not valid here',
  noForm: (what: string, forms: string) => `is not ${what}: expected ${forms}`,
  badDuration: (hint = '') => `a duration is exactly one of ${DURATION_FORMS}${hint}`,
  badInterval: (hint = '') =>
    `an interval is a duration (${DURATION_FORMS}) or {"fromArrangement": "agreed-interval"} or {"fromArrangement": "performance-plan"}${hint}`,
  badDeadline: (hint = '') =>
    `a deadline is one of {"workingDays": N}, {"hours": N} or {"sameDay": true}, N a whole number of 1 or more${hint}`,
  badPeriod: (hint = '') =>
    `a period is {"between": "reviews"} or {"yearFrom": "MM-DD"} (e.g. "04-01")${hint}`,
  badHistoryInterval: () =>
    'an interval is exactly one of {"days": N}, {"weeks": N}, {"months": N} or {"workingDays": N}, N a whole number of 1 or more',
  /** The hint some forms add when a key looks like a typo of one of theirs. */
  keyHint: (key: string, suggestion: string) =>
    `; ${JSON.stringify(key)} is not a field here: did you mean ${suggestion}?`,
  notARuleId: (value: unknown) =>
    `${show(value)} is not a rule id: 2 to 5 capital letters, a dash and a number, e.g. YRK-2 or ABC-10`,
  notAPolicyId: (value: unknown) =>
    `${show(value)} is not a policy id: lower-case letters, digits and dashes only, e.g. my-council`,
  notAMonthDay: (value: unknown) => `${show(value)} is not a month and day written MM-DD, e.g. 04-01`,
  notARuleKind: (value: unknown, kinds: readonly unknown[], suggestion?: string) =>
    value === undefined
      ? `kind is required: one of ${kinds.join(', ')}`
      : `${show(value)} is not a rule kind (one of ${kinds.join(', ')})${didYouMean(suggestion)}`,
  forbiddenKey: (key: string) => `the key "${key}" is not allowed`,
  toBeforeFrom: (from: string, to: string) => `ends (${to}) before it starts (${from})`,
  notNonNegativeInteger: (value: unknown) => `${show(value)} is not a whole number of 0 or more`,
  notPositiveInteger: (value: unknown) => `${show(value)} is not a whole number of 1 or more`,
  tooDeep: (depth: number) => `the input is nested more than ${depth} levels deep`,
  tooLong: (max: number) => `the text is longer than ${max} characters`,
  notJson: (value: unknown) => `${show(value)} is not a JSON value`,
  longerThan: (value: unknown, max: number, unit: string, years: number) =>
    `${show(value)} ${unit} is longer than ${years} years (at most ${thousands(max)} ${unit})`,
  outsideEvaluable: (value: string, first: string, last: string) =>
    `${value} is outside the dates that can be evaluated (${first} to ${last})`,
  tooManyYears: (max: number, from: string, asOf: string) =>
    `judges more than ${max} years (from ${from} to ${asOf}); give a later recordsFrom or an earlier asOf`,
  tooManySubjectWeeks: (subjects: number, weeks: number, max: number) =>
    `${thousands(subjects)} staff and cases over ${thousands(weeks)} weeks is more than ${thousands(max)} subject-weeks; evaluate a shorter time or fewer subjects at once`,
  unreadable: () => 'could not be read (a getter or proxy threw an error)',
  tooManyItems: (max: number) => `the list has more than ${thousands(max)} items`,
  tooManyRepeats: (max: number) => `the input uses the same objects again more than ${thousands(max)} times`,
  eventBeforeStart: (who: string, start: string) => `is before ${who} started on ${start}`,
  unknownPolicy: (id: unknown, ids: readonly string[]) =>
    `${show(id)} is not a built-in policy (built-in: ${ids.join(', ')})${didYouMean(typeof id === 'string' ? nearest(id, ids) : undefined)}`,
  unknownPolicyArgument: (what: string, id: string, ids: readonly string[]) =>
    `${what}: ${id} is neither a built-in policy (${ids.join(', ')}) nor a file${didYouMean(nearest(id, ids))}`,
  // warnings
  unknownStaff: (id: string) => `staff "${id}" is not in staff[]`,
  unknownCase: (id: string) => `case "${id}" is not in cases[]`,
  duplicateId: (kind: string, id: string, first: string) =>
    kind === 'event'
      ? `event id "${id}" is used again (first at ${first}); both events count`
      : `${kind} id "${id}" is used again (first at ${first}); only the first is evaluated`,
  notAllocated: (caseId: string, workerId: string, date: string) =>
    `case "${caseId}" was discussed with "${workerId}" on ${date}, but was not allocated to them then`,
  recordBeforeSession: (recordedAt: string, date: string) =>
    `recorded at ${recordedAt}, before the session on ${date}`,
  eventAfterLeaving: (who: string, end: string) => `is after ${who} left on ${end}`,
} as const;
