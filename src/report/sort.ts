import { datePrefixDayNumber } from '../calendar/day-number.js';
import type { Breach, NotEvaluable, Obligation, Recording, Retention, Subject } from './types.js';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const bySubject = (a: Subject, b: Subject) => cmp(a.type, b.type) || cmp(a.id, b.id);

/**
 * Sorts in place by a numeric key, then by `tie`: the key is computed once per item and the
 * comparator reads it from a typed array, so the string comparisons run only among equal keys.
 * The result is the order `(a, b) => key(a) - key(b) || tie(a, b)` defines.
 */
function sortByKey<T>(items: T[], key: (item: T) => number, tie: (a: T, b: T) => number): T[] {
  const n = items.length;
  const keys = new Float64Array(n);
  // A plain array: its sort (TimSort) takes advantage of the runs the rules produce in day order.
  const order: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    keys[i] = key(items[i]!);
    order[i] = i;
  }
  order.sort((a, b) => keys[a]! - keys[b]! || tie(items[a]!, items[b]!));
  const copy = items.slice();
  for (let i = 0; i < n; i++) items[i] = copy[order[i]!]!;
  return items;
}

/** Each distinct subject's place in subject order (type, then id), so that a subject compares as a number. */
function subjectRanks(subjects: readonly Subject[]): (s: Subject) => number {
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
  return (s) => byType.get(s.type)!.get(s.id)!;
}

/** CONTRACT.md: by `dueOn`, then subject type, subject id, rule id (then activity, for a stable order). */
export function sortByDue<T extends Obligation | Breach>(items: T[]): T[] {
  const rankOf = subjectRanks(items.map((i) => i.subject));
  const subjects = items.length + 1;
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

/** Recordings by deadline (its date first), then event, case and rule. */
export function sortRecordings(items: Recording[]): Recording[] {
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
