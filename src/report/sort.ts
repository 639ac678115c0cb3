import { datePrefixDayNumber } from '../calendar/day-number.js';
import type { Breach, NotEvaluable, Obligation, Recording, Retention, Subject } from './types.js';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const bySubject = (a: Subject, b: Subject) => cmp(a.type, b.type) || cmp(a.id, b.id);

/**
 * Sorts in place by a numeric key, then by `tie`: the result is the order
 * `(a, b) => key(a) - key(b) || tie(a, b)` defines, ties in `tie` keeping their order. The key is
 * computed once per item. When the keys are integers close enough together that key × count stays a
 * safe integer, each item's key and position are packed into one number and sorted natively (no
 * comparator calls); `tie` then runs only within each run of equal keys. Otherwise a comparator
 * reads the keys from a typed array and compares strings only among equal keys.
 */
export function sortByKey<T>(
  items: T[],
  key: (item: T, i: number) => number,
  tie: (a: T, b: T) => number,
): T[] {
  const n = items.length;
  if (n < 2) return items;
  const keys = new Float64Array(n);
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const k = key(items[i]!, i);
    keys[i] = k;
    if (k < min) min = k;
    if (k > max) max = k;
    if (!Number.isInteger(k)) integral = false;
  }
  // Positions are packed below a power of two: reading one back is then exact without a remainder.
  const width = 2 ** Math.ceil(Math.log2(n));
  const packable = integral && (max - min + 1) * width <= Number.MAX_SAFE_INTEGER;
  const order = packable ? packedOrder(keys, min, width, n) : comparedOrder(keys, n, items, tie);
  if (packable) sortRuns(order, keys, items, tie);
  const copy = items.slice();
  for (let i = 0; i < n; i++) items[i] = copy[order[i]!]!;
  return items;
}

/**
 * Positions in key order, equal keys by position: `(key − min) × width + position` sorted as numbers,
 * `width` a power of two above every position (so that dividing by it, and flooring, is exact).
 */
function packedOrder(keys: Float64Array, min: number, width: number, n: number): number[] {
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = (keys[i]! - min) * width + i;
  packed.sort();
  const order: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const p = packed[i]!;
    order[i] = p - Math.floor(p / width) * width;
  }
  return order;
}

/** Sorts each run of equal keys in `order` by `tie` (stable: equal ties keep position order). */
function sortRuns<T>(order: number[], keys: Float64Array, items: readonly T[], tie: (a: T, b: T) => number) {
  const n = order.length;
  for (let start = 0; start < n; ) {
    const k = keys[order[start]!]!;
    let end = start + 1;
    while (end < n && keys[order[end]!] === k) end++;
    if (end - start > SHORT_RUN) {
      const run = order.slice(start, end).sort((a, b) => tie(items[a]!, items[b]!));
      for (let j = 0; j < run.length; j++) order[start + j] = run[j]!;
    } else if (end - start > 1) insertionSort(order, start, end, items, tie);
    start = end;
  }
}

/** Runs this long or shorter are sorted in place, by insertion: most runs hold two to four items. */
const SHORT_RUN = 8;

/** Sorts `order[start..end)` in place by `tie`, stable (an item moves only past a greater one). */
function insertionSort<T>(
  order: number[],
  start: number,
  end: number,
  items: readonly T[],
  tie: (a: T, b: T) => number,
) {
  for (let i = start + 1; i < end; i++) {
    const at = order[i]!;
    let j = i;
    while (j > start && tie(items[order[j - 1]!]!, items[at]!) > 0) {
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = at;
  }
}

function comparedOrder<T>(keys: Float64Array, n: number, items: readonly T[], tie: (a: T, b: T) => number) {
  // A plain array: its sort (TimSort) takes advantage of the runs the rules produce in day order.
  const order: number[] = new Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((a, b) => keys[a]! - keys[b]! || tie(items[a]!, items[b]!));
}

/**
 * Each distinct subject's place in subject order (type, then id; equal subjects, equal places), by
 * its index in `distinct`, and how many places there are.
 */
function subjectPlaces(distinct: readonly Subject[]): { placeOf: Int32Array; count: number } {
  const order = distinct.map((_, k) => k).sort((a, b) => bySubject(distinct[a]!, distinct[b]!));
  const placeOf = new Int32Array(distinct.length);
  let place = -1;
  for (let j = 0; j < order.length; j++) {
    const k = order[j]!;
    if (j === 0 || bySubject(distinct[order[j - 1]!]!, distinct[k]!) !== 0) place++;
    placeOf[k] = place;
  }
  return { placeOf, count: place + 1 };
}

/**
 * docs/report.md (Order): by `dueOn`, then subject type, subject id, rule id (then activity, for a
 * stable order). Each item is read once for its key: its due day and its subject, looked up by
 * identity (findings about one subject mostly hold one subject object), so that only the distinct
 * subjects are sorted by their strings.
 */
export function sortByDue<T extends Obligation | Breach>(items: T[]): T[] {
  const n = items.length;
  const days = new Float64Array(n);
  const subjectOf = new Int32Array(n);
  const indexOf = new Map<Subject, number>();
  const distinct: Subject[] = [];
  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    days[i] = datePrefixDayNumber(item.dueOn);
    const s = item.subject;
    let k = indexOf.get(s);
    if (k === undefined) {
      k = distinct.length;
      indexOf.set(s, k);
      distinct.push(s);
    }
    subjectOf[i] = k;
  }
  const { placeOf, count } = subjectPlaces(distinct);
  return sortByKey(
    items,
    (_, i) => days[i]! * count + placeOf[subjectOf[i]!]!,
    (a, b) =>
      cmp(a.ruleId, b.ruleId) ||
      cmp(a.activity, b.activity) ||
      cmp(('eventId' in a && a.eventId) || '', ('eventId' in b && b.eventId) || '') ||
      cmp(a.explanation, b.explanation),
  );
}

/**
 * A recording's sort key, as the evaluation works it out when it makes the record: the deadline's
 * day and the rank of its event in event-id order (equal ids, equal ranks; every rank below
 * `distinct`) as one number. A deadline that is an instant has none: `NaN`.
 */
export const recordingKey = (
  deadline: string,
  deadlineDay: number,
  eventRank: number,
  distinct: number,
): number => (deadline.length === 10 ? deadlineDay * distinct + eventRank : Number.NaN);

/**
 * Recordings by deadline (its date first), then event, case and rule. Given each one's
 * {@link recordingKey} (`keys[i]` for `items[i]`) and no instant among the deadlines (no key `NaN`:
 * the deadline's date then decides as its text does), only records of one event on one day compare
 * strings, and no recording is read for its key.
 */
export function sortRecordings(items: Recording[], keys?: readonly number[]): Recording[] {
  if (keys !== undefined && !keys.some(Number.isNaN))
    return sortByKey(
      items,
      (_, i) => keys[i]!,
      (a, b) => cmp(a.caseId ?? '', b.caseId ?? '') || cmp(a.ruleId, b.ruleId),
    );
  return sortByKey(
    items,
    (r) => datePrefixDayNumber(r.deadline),
    (a, b) =>
      cmp(a.deadline, b.deadline) ||
      cmp(a.eventId, b.eventId) ||
      cmp(a.caseId ?? '', b.caseId ?? '') ||
      cmp(a.ruleId, b.ruleId),
  );
}

export function sortNotEvaluable(items: NotEvaluable[]): NotEvaluable[] {
  return items.sort(
    (a, b) => bySubject(a.subject, b.subject) || cmp(a.ruleId, b.ruleId) || cmp(a.reason, b.reason),
  );
}

export function sortRetention(items: Retention[]): Retention[] {
  return items.sort(
    (a, b) => cmp(a.retainUntil, b.retainUntil) || cmp(a.eventId, b.eventId) || cmp(a.ruleId, b.ruleId),
  );
}
