/**
 * `givenBy`: a rule that counts only sessions given by the worker's line manager, or by a supervisor
 * of a role or registration. The rule sees each subject through a view whose events of its `counts`
 * are only those given so; every other event stays. Views are made once per subject and `givenBy`.
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
  const key = `${JSON.stringify(givenBy)}\u0000${counts.join('\u0000')}`;
  let byKey = VIEWS.get(view);
  if (byKey === undefined) {
    byKey = new Map();
    VIEWS.set(view, byKey);
  }
  let seen = byKey.get(key);
  if (seen === undefined) {
    const events = view.events.filter(
      (ev) => !counts.includes(ev.type) || givenAsAsked(givenBy, ev, view, index),
    );
    seen = { ...view, events } as SubjectView;
    byKey.set(key, seen);
  }
  return seen;
}

const VIEWS = new WeakMap<SubjectView, Map<string, SubjectView>>();
