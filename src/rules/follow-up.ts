import { type EvalContext, inForce, lastOf, subjectOf, subjectsOf } from '../engine/context.js';
import { judgeDeadline } from '../engine/deadline.js';
import { advanceBy, describeDuration } from '../engine/durations.js';
import { firstBetween } from '../engine/lower-bound.js';
import type { RuleOf } from '../policy/schema.js';
import { d } from '../report/wording.js';

/**
 * After each trigger event (a PDR), a follow-up (its progress review) is due within a time. The
 * next trigger supersedes it: a follow-up due after the next trigger is not judged. None is owed
 * before the first trigger in the history.
 */
export function evaluateFollowUp(rule: RuleOf<'follow-up'>, ctx: EvalContext): void {
  const step = advanceBy(rule.within, ctx.calendar);
  for (const view of subjectsOf(rule, ctx)) {
    if (view.kind !== 'staff') continue;
    const subject = subjectOf(view, ctx);
    // Only the types the rule asks about (the type is on the view: most events are not read at all).
    const own = view.events.filter(
      (ev) =>
        ev.held &&
        ev.day <= ctx.asOf &&
        (rule.trigger.includes(ev.type) || rule.counts.includes(ev.type)) &&
        ev.event.superviseeId === view.id,
    );
    const triggers = own.filter((ev) => rule.trigger.includes(ev.type));
    triggers.forEach((t, i) => {
      const next = triggers[i + 1];
      if (!inForce(ctx, t.day)) return; // the version in force on the trigger's day sets it
      const windowEnd = Math.min(view.end, next ? next.day - 1 : Infinity);
      // The first qualifying event after the trigger (own is in day order): no scan from the start.
      const met = firstBetween(own, t.day + 1, windowEnd, (ev) => rule.counts.includes(ev.type));
      judgeDeadline(
        {
          rule,
          subject,
          activity: rule.activity,
          what: rule.name,
          due: step(t.day),
          basis: `${describeDuration(rule.within)} after the ${t.event.type} on ${d(t.day)}`,
          metOn: met ? met.day : null,
          windowEnd,
          closedBy: next ? `the next ${next.event.type} took place` : `${view.id} left`,
          lastMetOn: lastOf(view, rule.counts, ctx.asOf),
          eventId: t.event.id,
        },
        ctx,
      );
    });
  }
}
