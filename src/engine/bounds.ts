import { daysBetween } from '../calendar/index.js';
import type { Issue } from '../errors/input-error.js';
import { messages } from '../errors/messages.js';
import { formatPath } from '../errors/path.js';
import { hasKnownFieldsOnly } from '../history/quick-validate.js';
import type { History } from '../history/schema.js';
import type { Policy } from '../policy/schema.js';

/**
 * What one evaluation takes on, checked before any work starts, so that every input is answered
 * promptly and in bounded memory:
 *
 * - `firstDate`/`lastDate`: `asOf` and every date in the history lie within these, except that an
 *   end (`to`, `end`, `endDate`, `closedDate`) after `lastDate` is read as open. The calendar
 *   counts years 1000–9999; the margins leave room for what is worked out from an input date (a
 *   period begun up to a year before, an interval, a grace period and a retention time, each at
 *   most 100 years, after it), so nothing computed ever leaves the calendar.
 * - `maxYears`: at most this many years are judged, from the first day judged (the later of
 *   `recordsFrom` — or the history's earliest date — and the policy's `effectiveFrom`, its first
 *   version's when it has versions) to `asOf`.
 * - `maxSubjectWeeks`: staff and cases times the weeks judged, a bound on the findings a report can
 *   hold (a subject with no sessions at all owes about one per week under a weekly rule).
 */
export const EVALUATION_LIMITS = {
  firstDate: '1100-01-01',
  lastDate: '9699-12-31',
  maxYears: 100,
  maxSubjectWeeks: 5_000_000,
} as const;

/** Fields of a history that hold a date, or a date-time whose first ten characters are one. */
const DATE_KEYS = new Set([
  'recordsFrom',
  'startDate',
  'roleStartDate',
  'endDate',
  'qualifiedDate',
  'confirmedInPost',
  'start',
  'end',
  'from',
  'to',
  'closedDate',
  'date',
  'recordedAt',
]);
/** Fields that end a range: one after the window (9999-12-31 is how some systems write "no end") is open. */
const END_KEYS = new Set(['to', 'end', 'endDate', 'closedDate']);
/** Fields holding a list of dates. */
const DATE_LISTS = new Set(['reviews', 'closures']);

interface DateScan {
  /** The first date outside the window, with its path. */
  readonly outside: Issue | null;
  /** The earliest date of the history (the first ten characters of the least value). */
  readonly earliest: string | null;
}

/**
 * The first date outside the window (with its path), and the earliest date of the history. An end
 * after the window is set to null (open) in `history`, which must be the library's own copy.
 */
function scanDates(history: History): DateScan {
  // A history with the schema's fields only is read field by field; when that finds a date outside
  // the window, the walk in key order names the first one, as it does for any other history.
  return (hasKnownFieldsOnly(history) ? scanKnownFields(history) : null) ?? walkDates(history);
}

/** A value the window does not hold: before its first day, or after its last (compared by date). */
const isOutside = (value: string): boolean =>
  value < EVALUATION_LIMITS.firstDate ||
  (value > EVALUATION_LIMITS.lastDate && value.slice(0, 10) > EVALUATION_LIMITS.lastDate);

/**
 * {@link walkDates}' answer, reading only the fields the schema names in the places it names them
 * (the same fields the walk takes as dates, `shifts` left out as it leaves them), for a history
 * that has no other; null when some date lies outside the window (for the walk to name the first).
 * Ends after the window are opened as the walk opens them.
 */
function scanKnownFields(history: History): DateScan | null {
  let earliest: string | null = null;
  let outside = false;
  // As `walkDates`' `see`.
  const see = (value: string | null | undefined) => {
    if (typeof value !== 'string') return;
    if (earliest === null || value < earliest) earliest = value.slice(0, 10);
    if (!outside && isOutside(value)) outside = true;
  };
  /** An end: opened when after the window, seen otherwise. */
  const seeEnd = <K extends string>(o: { [k in K]?: string | null | undefined }, key: K) => {
    const value = o[key];
    if (typeof value === 'string' && value > EVALUATION_LIMITS.lastDate) o[key] = null as never;
    else see(value);
  };
  const seeRanges = (list: readonly { from: string; to?: string | null | undefined }[] | undefined) => {
    if (list === undefined) return;
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      see(r.from);
      seeEnd(r, 'to');
    }
  };
  const seeAll = (list: readonly string[] | undefined) => {
    if (list !== undefined) for (let i = 0; i < list.length; i++) see(list[i]);
  };
  see(history.recordsFrom);
  seeAll(history.calendar?.closures);
  for (const s of history.staff) {
    see(s.startDate);
    see(s.roleStartDate);
    seeEnd(s, 'endDate');
    see(s.qualifiedDate);
    see(s.confirmedInPost);
    if (s.asye) {
      see(s.asye.start);
      seeEnd(s.asye, 'end');
    }
    seeRanges(s.supervisors);
    seeRanges(s.absences);
    seeRanges(s.arrangements);
  }
  for (const c of history.cases ?? []) {
    seeEnd(c, 'closedDate');
    seeRanges(c.allocations);
    seeRanges(c.episodes);
    seeRanges(c.flags);
    seeAll(c.reviews);
  }
  const events = history.events ?? [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    see(e.date);
    see(e.start);
    see(e.recordedAt);
    const records = e.caseRecords;
    if (records !== undefined) for (let j = 0; j < records.length; j++) see(records[j]!.recordedAt);
  }
  return outside ? null : { outside: null, earliest };
}

/**
 * The first date outside the window, in key order (with its path), and the earliest date, found by
 * walking the history by key: any field of a date's name counts, known to the schema or not.
 */
function walkDates(history: History): DateScan {
  let outside: Issue | null = null;
  let earliest: string | null = null;
  const path: PropertyKey[] = [];
  const see = (value: unknown) => {
    if (typeof value !== 'string') return;
    // Compared whole first: a value longer than ten characters is below a date only when its first
    // ten are, and is above one when its first ten are or equal it, so the slice is made only then.
    if (earliest === null || value < earliest) earliest = value.slice(0, 10);
    if (outside === null && isOutside(value))
      outside = { path: formatPath(path), message: outsideMessage(value) };
  };
  // The validated history's own shape: objects in lists at most four levels down (no recursion on
  // unknown fields, whose values are not dates the engine reads).
  const walk = (node: unknown, depth: number) => {
    if (depth > 4 || typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        walk(node[i], depth + 1);
        path.pop();
      }
      return;
    }
    // for-in, not Object.entries: no array per object (the library's own copy holds plain objects only).
    const record = node as Record<string, unknown>;
    for (const key in record) {
      const value = record[key];
      path.push(key);
      if (END_KEYS.has(key) && typeof value === 'string' && value > EVALUATION_LIMITS.lastDate)
        (node as Record<string, unknown>)[key] = null;
      else if (DATE_KEYS.has(key)) see(value);
      else if (DATE_LISTS.has(key) && Array.isArray(value))
        value.forEach((v, i) => {
          path.push(i);
          see(v);
          path.pop();
        });
      else if (key !== 'interval') walk(value, depth + 1);
      path.pop();
    }
  };
  walk(history, 0);
  return { outside, earliest };
}

function outsideMessage(value: string): string {
  return messages.outsideEvaluable(value, EVALUATION_LIMITS.firstDate, EVALUATION_LIMITS.lastDate);
}

/**
 * The reasons an evaluation of this (valid) policy, history and `asOf` would be refused, each with
 * its path (`history` must be the library's own copy: far ends are opened in it): a date outside {@link EVALUATION_LIMITS}' window, more years judged than `maxYears`, or
 * more subject-weeks than `maxSubjectWeeks`.
 */
export function evaluationBoundIssues(policy: Policy, history: History, asOf: string): Issue[] {
  const issues: Issue[] = [];
  if (asOf < EVALUATION_LIMITS.firstDate || asOf > EVALUATION_LIMITS.lastDate)
    issues.push({ path: 'asOf', message: outsideMessage(asOf) });
  const { outside, earliest } = scanDates(history);
  if (outside !== null) issues.push(outside);
  if (issues.length > 0) return issues;
  // The first version's date: with versions, the policy judges from the earliest of them.
  let effectiveFrom = policy.effectiveFrom;
  for (const v of policy.versions ?? []) if (v.effectiveFrom < effectiveFrom) effectiveFrom = v.effectiveFrom;
  const from = [history.recordsFrom ?? earliest ?? asOf, effectiveFrom].sort()[1]!;
  if (from >= asOf) return issues;
  const days = daysBetween(from, asOf);
  // The same day maxYears on (29 February compares as the day before 1 March).
  const limit = `${Number(from.slice(0, 4)) + EVALUATION_LIMITS.maxYears}${from.slice(4)}`;
  if (asOf > limit)
    issues.push({
      path: 'asOf',
      message: messages.tooManyYears(EVALUATION_LIMITS.maxYears, from, asOf),
    });
  else {
    const subjects = history.staff.length + (history.cases?.length ?? 0);
    const weeks = Math.ceil(days / 7);
    if (subjects * weeks > EVALUATION_LIMITS.maxSubjectWeeks)
      issues.push({
        path: '',
        message: messages.tooManySubjectWeeks(subjects, weeks, EVALUATION_LIMITS.maxSubjectWeeks),
      });
  }
  return issues;
}
