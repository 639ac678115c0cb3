import type { Breach, NotEvaluable, Obligation, Recording, Retention, Subject } from './types.js';

const bySubject = (a: Subject, b: Subject) =>
  a.type < b.type ? -1 : a.type > b.type ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** CONTRACT.md: by `dueOn`, then subject type, subject id, rule id (then activity, for a stable order). */
export function sortByDue<T extends Obligation | Breach>(items: T[]): T[] {
  return items.sort(
    (a, b) =>
      cmp(a.dueOn, b.dueOn) ||
      bySubject(a.subject, b.subject) ||
      cmp(a.ruleId, b.ruleId) ||
      cmp(a.activity, b.activity) ||
      cmp(('eventId' in a && a.eventId) || '', ('eventId' in b && b.eventId) || '') ||
      cmp(a.explanation, b.explanation),
  );
}

/** Recordings by deadline (its London date first), then event, case and rule. */
export function sortRecordings(items: Recording[]): Recording[] {
  return items.sort(
    (a, b) =>
      cmp(a.deadline.slice(0, 10), b.deadline.slice(0, 10)) ||
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
