import { conditionSpans } from '../engine/conditions.js';
import { type EvalContext, inForce, lastOf, subjectOf, subjectsOf } from '../engine/context.js';
import { judgeDeadline } from '../engine/deadline.js';
import { advanceBy, describeDuration } from '../engine/durations.js';
import type { EventView, SubjectView } from '../engine/history-index.js';
import { firstBetween } from '../engine/lower-bound.js';
import { contains } from '../engine/spans.js';
import type { RuleOf } from '../policy/schema.js';
import { d } from '../report/wording.js';

type FirstWithinRule = RuleOf<'first-within'>;
type Trigger = FirstWithinRule['triggers'][number];

interface Occasion {
  day: number;
  what: string;
  end: number;
  closedBy: string;
  /** Only events involving this worker count (a case's new worker). */
  workerId?: string;
  supervisorId?: string;
}

/**
 * A first session or agreement due within a time of a trigger (starting, a new supervisor, a new
 * allocation), or by the first session after it. Each trigger is judged on its own.
 */
export function evaluateFirstWithin(rule: FirstWithinRule, ctx: EvalContext): void {
  for (const view of subjectsOf(rule, ctx)) {
    const applies = conditionSpans(rule.when, view, ctx);
    const subject = subjectOf(view, ctx);
    let last: string | null | undefined; // lastOf, computed once per subject when first needed
    for (const trigger of rule.triggers) {
      for (const occ of occasions(trigger, view)) {
        if (occ.day < ctx.recordsFrom || occ.day > ctx.asOf || !contains(applies, occ.day)) continue;
        if (!inForce(ctx, occ.day)) continue; // the version in force on the trigger's day sets it
        const involved = (ev: EventView) =>
          occ.workerId === undefined ||
          ev.event.superviseeId === occ.workerId ||
          (ev.event.participantIds ?? []).includes(occ.workerId);
        // Events are sorted by day: search from the trigger, stop after the window.
        const until = Math.min(occ.end, ctx.asOf);
        const firstHeld = (matches: (ev: EventView) => boolean) =>
          firstBetween(view.events, occ.day, until, (ev) => ev.held && involved(ev) && matches(ev));
        let due: number;
        let basis: string;
        if (trigger.within) {
          due = advanceBy(trigger.within, ctx.calendar)(occ.day);
          basis = `${describeDuration(trigger.within)} after ${occ.what} on ${d(occ.day)}`;
        } else {
          const types = trigger.byFirst ?? [];
          const first = firstHeld(
            (ev) =>
              types.includes(ev.type) &&
              (occ.supervisorId === undefined ||
                ev.event.supervisorId === undefined ||
                ev.event.supervisorId === occ.supervisorId),
          );
          if (!first) continue; // not due until that first session takes place
          due = first.day;
          basis = `by the first ${first.event.type} after ${occ.what} on ${d(occ.day)}`;
        }
        const met = firstHeld((ev) => rule.counts.includes(ev.type));
        if (last === undefined) last = lastOf(view, rule.counts, ctx.asOf);
        judgeDeadline(
          {
            rule,
            subject,
            what: rule.name,
            due,
            basis,
            metOn: met ? met.day : null,
            windowEnd: occ.end,
            closedBy: occ.closedBy,
            lastMetOn: last,
          },
          ctx,
        );
      }
    }
  }
}

function occasions(trigger: Trigger, view: SubjectView): Occasion[] {
  if (view.kind === 'staff') {
    const left = { end: view.end, closedBy: `${view.id} left` };
    switch (trigger.on) {
      case 'start':
        return [{ day: view.start, what: `${view.id} started`, ...left }];
      case 'role-start':
        return [{ day: view.roleStart, what: `${view.id} started in role`, ...left }];
      case 'relationship-start':
      case 'supervisor-change':
        return view.supervisors
          .filter((_, i) => trigger.on === 'relationship-start' || i > 0)
          .map((s) => ({
            day: s.from,
            what: `supervision by ${s.supervisorId} began`,
            end: Math.min(view.end, s.to),
            closedBy: s.to < view.end ? `supervision by ${s.supervisorId} ended` : `${view.id} left`,
            supervisorId: s.supervisorId,
          }));
      default:
        return [];
    }
  }
  if (view.kind === 'case' && trigger.on === 'allocation') {
    const closed = view.open[0]?.[1] ?? Infinity;
    return view.allocations.map((a) => ({
      day: a.from,
      what: `allocation to ${a.workerId}`,
      end: Math.min(a.to, closed),
      closedBy: a.to < closed ? `the case left ${a.workerId}` : `case ${view.id} closed`,
      workerId: a.workerId,
    }));
  }
  return [];
}
