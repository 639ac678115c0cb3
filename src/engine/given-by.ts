/**
 * `givenBy`: a rule that counts only sessions given by the worker's line manager, or by a supervisor
 * of a role or registration. The rule sees each subject through a view whose events of its `counts`
 * are only those given so; every other event stays. A view is made per rule and subject, not kept:
 * no built-in policy has `givenBy`, and filtering a subject's events again costs what the rule's own
 * walk over them does.
 */
import type { Rule } from '../policy/schema.js';
import type { EventView, HistoryIndex, SubjectView } from './history-index.js';

export type GivenBy = NonNullable<Extract<Rule, { kind: 'interval' }>['givenBy']>;

/** Whether a session was given as `givenBy` asks (a session with no supervisorId never was). */
export function givenAsAsked(
  givenBy: GivenBy,
  ev: EventView,
  view: SubjectView,
  index: HistoryIndex,
): boolean {
  const supervisorId = ev.event.supervisorId;
  if (supervisorId === undefined) return false;
  if (givenBy === 'line-manager') {
    const worker =
      view.kind === 'staff'
        ? view.staff
        : ev.event.superviseeId === undefined
          ? undefined
          : index.staffById.get(ev.event.superviseeId)?.staff;
    return worker?.lineManagerId !== undefined && worker.lineManagerId === supervisorId;
  }
  const supervisor = index.staffById.get(supervisorId)?.staff;
  if (supervisor === undefined) return false;
  if (givenBy.role !== undefined && !givenBy.role.includes(supervisor.role)) return false;
  if (givenBy.registered !== undefined && (supervisor.registered === true) !== givenBy.registered)
    return false;
  return true;
}

/**
 * The subject as a rule with `givenBy` sees it: events of `counts` not given as asked left out. null
 * for a worker under a line-manager rule whose history names no `lineManagerId` (not evaluable).
 */
export function givenByView(
  view: SubjectView,
  givenBy: GivenBy,
  counts: readonly string[],
  index: HistoryIndex,
): SubjectView | null {
  if (givenBy === 'line-manager' && view.kind === 'staff' && view.staff.lineManagerId === undefined)
    return null;
  const events = view.events.filter(
    (ev) => !counts.includes(ev.type) || givenAsAsked(givenBy, ev, view, index),
  );
  // A view of its own, with its own memo: its qualifying days are not the subject's.
  return { ...view, events, memo: {} } as SubjectView;
}
