import { type EvalContext, inForce, lastOf, subjectOf, subjectsOf } from '../engine/context.js';
import { judgeDeadline } from '../engine/deadline.js';
import { advanceBy } from '../engine/durations.js';
import { emitter } from '../engine/emit.js';
import { firstBetween } from '../engine/lower-bound.js';
import type { RuleOf } from '../policy/schema.js';

/**
 * After each trigger event (a PDR), a follow-up (its progress review) is due within a time. The
 * next trigger supersedes it: a follow-up due after the next trigger is not judged. None is owed
 * before the first trigger in the history.
 */
export function evaluateFollowUp(rule: RuleOf<'follow-up'>, ctx: EvalContext): void {
  const step = advanceBy(rule.within, ctx.calendar);
  const emit = emitter(rule, ctx);
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
          emit,
          subject,
          due: step(t.day),
          basis: {
            kind: 'within',
            from: { reason: 'event', on: t.event.date, eventId: t.event.id, eventType: t.event.type },
            within: rule.within,
          },
          metOn: met ? met.day : null,
          windowEnd,
          closedBy: next
            ? { reason: 'next-event', eventType: next.event.type }
            : { reason: 'left', staffId: view.id },
          lastMetOn: lastOf(view, rule.counts, ctx.asOf),
          eventId: t.event.id,
        },
        ctx,
      );
    });
  }
}
