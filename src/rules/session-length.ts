import { conditionSpans } from '../engine/conditions.js';
import { type EvalContext, inForce, subjectOf, subjectsOf } from '../engine/context.js';
import { emitter } from '../engine/emit.js';
import type { StaffView } from '../engine/history-index.js';
import { minimumFor } from '../engine/pro-rata.js';
import { contains } from '../engine/spans.js';
import type { RuleOf } from '../policy/schema.js';
import type { SessionBasis } from '../report/types.js';

/**
 * Each held session of these kinds should last at least `minimumMinutes` (or, with `agreedMinimum`,
 * the minutes of the worker's agreed-session-length arrangement in force that day) and at most
 * `maximumMinutes`; one outside is flagged and still counts. A session with no `durationMinutes`
 * cannot be judged: it is reported not evaluable.
 */
export function evaluateSessionLength(rule: RuleOf<'session-length'>, ctx: EvalContext): void {
  const emit = emitter(rule, ctx);
  for (const view of subjectsOf(rule, ctx)) {
    if (view.kind !== 'staff') continue;
    const spans = conditionSpans(rule.when, view, ctx);
    const subject = subjectOf(view, ctx);
    // With proRata 'fte', the worker's share of minimumMinutes (an agreed minimum is not pro-rated).
    const share = rule.minimumMinutes === undefined ? undefined : minimumFor(rule, rule.minimumMinutes, view);
    for (const ev of view.events) {
      const minutes = ev.event.durationMinutes;
      if (!ev.held || !rule.counts.includes(ev.type) || ev.event.superviseeId !== view.id) continue;
      const agreed = rule.agreedMinimum === undefined ? undefined : agreedOn(view, ev.day);
      const minimum = agreed ?? share?.minutes;
      const fte = agreed === undefined ? share?.fte : undefined;
      const maximum = rule.maximumMinutes;
      const short = minimum !== undefined && (minutes === undefined || minutes < minimum);
      const long = maximum !== undefined && (minutes === undefined || minutes > maximum);
      if (!short && !long) continue;
      if (ev.day > ctx.asOf || ev.day < ctx.judgedFrom || !contains(spans, ev.day)) continue;
      if (!inForce(ctx, ev.day)) continue;
      const eventId = ev.event.id;
      const on = ev.event.date;
      if (minutes === undefined) {
        const why = {
          why: 'no-duration',
          eventId,
          on,
          minimum,
          maximum,
          agreed: agreed !== undefined,
          fte,
        } as const;
        emit.notEvaluable(subject, why, eventId);
        continue;
      }
      // The basis's optional fields set one by one, in the report's order (no spread of fresh objects).
      const basis: SessionBasis = { kind: 'session', session: { eventId, on }, minutes };
      if (minimum !== undefined) basis.minimum = minimum;
      if (maximum !== undefined) basis.maximum = maximum;
      if (agreed !== undefined) basis.agreed = true;
      if (fte !== undefined && minimum !== undefined && minutes < minimum) basis.fte = fte;
      emit.breach({
        subject,
        kind: short ? 'too-short' : 'too-long',
        dueOn: on,
        metOn: null,
        daysLate: 0,
        eventId,
        shortfall: short ? { minutes: minimum! - minutes } : undefined,
        excess: short ? undefined : { minutes: minutes - maximum! },
        basis,
      });
    }
  }
}

/** The minutes of the worker's agreed-session-length arrangement in force on a day (the latest begun), if any. */
function agreedOn(view: StaffView, day: number): number | undefined {
  let found: number | undefined;
  for (const a of view.arrangements)
    if (a.arrangement.type === 'agreed-session-length' && a.from <= day && day <= a.to)
      found = a.arrangement.minutes ?? found;
  return found;
}
