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

export const messages = {
  notADate: (value: unknown) => `${show(value)} is not a date (expected YYYY-MM-DD)`,
  notAnInstant: (value: unknown) =>
    `${show(value)} is not a date-time with an offset (expected e.g. 2025-01-13T10:00:00Z or 2025-06-02T09:30:00+01:00)`,
  wrongType: (expected: string, value: unknown) => `expected ${expected}, got ${show(value)}`,
  required: (what: string) => `${what} is required`,
  unknownValue: (value: unknown, allowed: readonly string[]) =>
    `${show(value)} is not one of ${allowed.join(', ')}`,
  unknownField: (key: string) => `unknown field "${key}"`,
  forbiddenKey: (key: string) => `the key "${key}" is not allowed`,
  toBeforeFrom: (from: string, to: string) => `ends (${to}) before it starts (${from})`,
  notNonNegativeInteger: (value: unknown) => `${show(value)} is not a whole number of 0 or more`,
  notPositiveInteger: (value: unknown) => `${show(value)} is not a whole number of 1 or more`,
  tooDeep: (depth: number) => `the input is nested more than ${depth} levels deep`,
  tooLong: (max: number) => `the text is longer than ${max} characters`,
  notJson: (value: unknown) => `${show(value)} is not a JSON value`,
  longerThan: (value: unknown, max: number, unit: string, years: number) =>
    `${show(value)} ${unit} is longer than ${years} years (at most ${max.toLocaleString('en-GB')} ${unit})`,
  outsideEvaluable: (value: string, first: string, last: string) =>
    `${value} is outside the dates that can be evaluated (${first} to ${last})`,
  tooManyYears: (max: number, from: string, asOf: string) =>
    `judges more than ${max} years (from ${from} to ${asOf}); give a later recordsFrom or an earlier asOf`,
  tooManySubjectWeeks: (subjects: number, weeks: number, max: number) =>
    `${subjects.toLocaleString('en-GB')} staff and cases over ${weeks.toLocaleString('en-GB')} weeks is more than ${max.toLocaleString('en-GB')} subject-weeks; evaluate a shorter time or fewer subjects at once`,
  unreadable: () => 'could not be read (a getter or proxy threw an error)',
  tooManyItems: (max: number) => `the list has more than ${max.toLocaleString('en-GB')} items`,
  tooManyRepeats: (max: number) =>
    `the input uses the same objects again more than ${max.toLocaleString('en-GB')} times`,
  eventBeforeStart: (who: string, start: string) => `is before ${who} started on ${start}`,
  unknownPolicy: (id: unknown, ids: readonly string[]) =>
    `${show(id)} is not a built-in policy (built-in: ${ids.join(', ')})`,
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
