import { conditionSpans } from '../engine/conditions.js';
import { baseSpans, type EvalContext, inForce, lastOf, subjectOf, subjectsOf } from '../engine/context.js';
import { closureOf, judgeDeadline } from '../engine/deadline.js';
import { advanceBy } from '../engine/durations.js';
import { emitter } from '../engine/emit.js';
import { firstBetween } from '../engine/lower-bound.js';
import { intersect } from '../engine/spans.js';
import type { RuleOf } from '../policy/schema.js';

/**
 * A cancelled session must be replaced within a time: met by the first held session of the same
 * kinds on or after the cancelled date. A cancellation during an absence, or whose due date falls
 * after the supervisee leaves or goes absent, is not judged.
 */
export function evaluateRearrange(rule: RuleOf<'rearrange'>, ctx: EvalContext): void {
  const step = advanceBy(rule.within, ctx.calendar);
  const emit = emitter(rule, ctx);
  for (const view of subjectsOf(rule, ctx)) {
    if (view.kind !== 'staff') continue;
    const spans = intersect(baseSpans(view, ctx), conditionSpans(rule.when, view, ctx));
    const subject = subjectOf(view, ctx);
    const own = view.events.filter(
      (ev) => rule.counts.includes(ev.type) && ev.event.superviseeId === view.id,
    );
    for (const cancelled of own) {
      if (cancelled.held || cancelled.day > ctx.asOf || cancelled.day < ctx.recordsFrom) continue;
      if (!inForce(ctx, cancelled.day)) continue; // the version in force on the cancelled day sets it
      const span = spans.find(([from, to]) => from <= cancelled.day && cancelled.day <= to);
      if (!span) continue;
      const windowEnd = span[1];
      // The first held session from the cancelled day on (own is in day order).
      const met = firstBetween(own, cancelled.day, Math.min(windowEnd, ctx.asOf), (ev) => ev.held);
      judgeDeadline(
        {
          emit,
          subject,
          due: step(cancelled.day),
          basis: {
            kind: 'within',
            from: { reason: 'cancelled', on: cancelled.event.date, eventId: cancelled.event.id },
            within: rule.within,
          },
          metOn: met ? met.day : null,
          windowEnd,
          closedBy: closureOf(view, windowEnd),
          lastMetOn: lastOf(view, rule.counts, ctx.asOf),
          eventId: cancelled.event.id,
        },
        ctx,
      );
    }
  }
}
