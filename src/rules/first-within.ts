import { fromDayNumber } from '../calendar/index.js';
import { conditionSpans } from '../engine/conditions.js';
import { type EvalContext, inForce, lastOf, subjectOf, subjectsOf } from '../engine/context.js';
import { judgeDeadline } from '../engine/deadline.js';
import { advanceBy } from '../engine/durations.js';
import { emitter } from '../engine/emit.js';
import type { EventView, SubjectView } from '../engine/history-index.js';
import { firstBetween } from '../engine/lower-bound.js';
import { contains } from '../engine/spans.js';
import type { RuleOf } from '../policy/schema.js';
import type { Basis, Closure, CountedFrom } from '../report/types.js';

type FirstWithinRule = RuleOf<'first-within'>;
type Trigger = FirstWithinRule['triggers'][number];

interface Occasion {
  day: number;
  /** What it was (the day it was, `on`, is filled in from `day`). */
  what: DistributiveOmit<CountedFrom, 'on'>;
  end: number;
  closedBy: Closure;
  /** Only events involving this worker count (a case's new worker). */
  workerId?: string;
  supervisorId?: string;
}

/**
 * A first session or agreement due within a time of a trigger (starting, a new supervisor, a new
 * allocation), or by the first session after it. Each trigger is judged on its own.
 */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export function evaluateFirstWithin(rule: FirstWithinRule, ctx: EvalContext): void {
  const emit = emitter(rule, ctx);
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
        let basis: Basis;
        const from = { ...occ.what, on: fromDayNumber(occ.day) } as CountedFrom;
        if (trigger.within) {
          due = advanceBy(trigger.within, ctx.calendar)(occ.day);
          basis = { kind: 'within', from, within: trigger.within };
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
          basis = { kind: 'by-first', from, session: { type: first.event.type, on: first.event.date } };
        }
        const met = firstHeld((ev) => rule.counts.includes(ev.type));
        if (last === undefined) last = lastOf(view, rule.counts, ctx.asOf);
        judgeDeadline(
          {
            emit,
            subject,
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
    const left = { end: view.end, closedBy: { reason: 'left', staffId: view.id } as const };
    switch (trigger.on) {
      case 'start':
        return [{ day: view.start, what: { reason: 'started', staffId: view.id }, ...left }];
      case 'role-start':
        return [{ day: view.roleStart, what: { reason: 'started-in-role', staffId: view.id }, ...left }];
      case 'relationship-start':
      case 'supervisor-change':
        return view.supervisors
          .filter((_, i) => trigger.on === 'relationship-start' || i > 0)
          .map((s) => ({
            day: s.from,
            what: { reason: 'supervision-began', supervisorId: s.supervisorId } as const,
            end: Math.min(view.end, s.to),
            closedBy:
              s.to < view.end
                ? { reason: 'supervision-ended' as const, supervisorId: s.supervisorId, staffId: view.id }
                : left.closedBy,
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
      what: { reason: 'allocated', workerId: a.workerId } as const,
      end: Math.min(a.to, closed),
      closedBy:
        a.to < closed
          ? ({ reason: 'case-moved', workerId: a.workerId } as const)
          : ({ reason: 'case-closed', caseId: view.id } as const),
      workerId: a.workerId,
    }));
  }
  return [];
}
