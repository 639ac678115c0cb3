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
  const packable = integral && (max - min + 1) * n <= Number.MAX_SAFE_INTEGER;
  const order = packable ? packedOrder(keys, min, n) : comparedOrder(keys, n, items, tie);
  if (packable) sortRuns(order, keys, items, tie);
  const copy = items.slice();
  for (let i = 0; i < n; i++) items[i] = copy[order[i]!]!;
  return items;
}

/** Positions in key order, equal keys by position: `(key − min) × n + position` sorted as numbers. */
function packedOrder(keys: Float64Array, min: number, n: number): number[] {
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = (keys[i]! - min) * n + i;
  packed.sort();
  const order: number[] = new Array(n);
  for (let i = 0; i < n; i++) order[i] = packed[i]! % n;
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
 * Each distinct subject's place in subject order (type, then id), so that a subject compares as a
 * number, and how many there are.
 */
function subjectRanks(subjects: readonly Subject[]): { rankOf: (s: Subject) => number; count: number } {
  const byType = new Map<string, Map<string, number>>();
  for (const s of subjects) {
    const ids = byType.get(s.type) ?? new Map<string, number>();
    byType.set(s.type, ids);
    ids.set(s.id, 0);
  }
  let rank = 0;
  for (const type of [...byType.keys()].sort(cmp)) {
    const ids = byType.get(type)!;
    for (const id of [...ids.keys()].sort(cmp)) ids.set(id, rank++);
  }
  return { rankOf: (s) => byType.get(s.type)!.get(s.id)!, count: rank };
}

/** docs/report.md (Order): by `dueOn`, then subject type, subject id, rule id (then activity, for a stable order). */
export function sortByDue<T extends Obligation | Breach>(items: T[]): T[] {
  const { rankOf, count: subjects } = subjectRanks(items.map((i) => i.subject));
  return sortByKey(
    items,
    (i) => datePrefixDayNumber(i.dueOn) * subjects + rankOf(i.subject),
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
 * `distinct`) as one number.
 */
export const recordingKey = (deadlineDay: number, eventRank: number, distinct: number): number =>
  deadlineDay * distinct + eventRank;

/**
 * Recordings by deadline (its date first), then event, case and rule. Given each one's
 * {@link recordingKey} (`keys[i]` for `items[i]`) and date-only deadlines (the deadline's date then
 * decides as its text does), only records of one event on one day compare strings.
 */
export function sortRecordings(items: Recording[], keys?: readonly number[]): Recording[] {
  if (keys !== undefined && items.every((r) => r.deadline.length === 10))
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
