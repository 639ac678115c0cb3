import { conditionSpans } from '../engine/conditions.js';
import { type EvalContext, inForce, severityOf, subjectOf, subjectsOf } from '../engine/context.js';
import { contains } from '../engine/spans.js';
import type { RuleOf } from '../policy/schema.js';
import { d, who, wording } from '../report/wording.js';

/**
 * Each held session of these kinds should last at least N minutes; a shorter one is flagged and
 * still counts. A session with no `durationMinutes` cannot be judged: it is reported not evaluable.
 */
export function evaluateSessionLength(rule: RuleOf<'session-length'>, ctx: EvalContext): void {
  for (const view of subjectsOf(rule, ctx)) {
    if (view.kind !== 'staff') continue;
    const spans = conditionSpans(rule.when, view, ctx);
    const subject = subjectOf(view, ctx);
    for (const ev of view.events) {
      const minutes = ev.event.durationMinutes;
      if (!ev.held || !rule.counts.includes(ev.type) || ev.event.superviseeId !== view.id) continue;
      if (minutes !== undefined && minutes >= rule.minimumMinutes) continue;
      if (ev.day > ctx.asOf || ev.day < ctx.judgedFrom || !contains(spans, ev.day)) continue;
      if (!inForce(ctx, ev.day)) continue;
      if (minutes === undefined) {
        ctx.out.notEvaluable.push({
          ruleId: rule.id,
          subject,
          reason: `${who(subject)}'s session ${ev.event.id} on ${d(ev.day)} has no durationMinutes, so whether it lasted the ${rule.minimumMinutes} minutes of ${rule.name} is unknown`,
          eventId: ev.event.id,
        });
        continue;
      }
      ctx.out.breaches.push({
        ruleId: rule.id,
        subject,
        activity: rule.activity,
        kind: 'too-short',
        dueOn: ev.event.date,
        metOn: null,
        daysLate: 0,
        severity: severityOf(rule),
        eventId: ev.event.id,
        shortfall: { minutes: rule.minimumMinutes - minutes },
        citation: rule.citation,
        explanation: wording.sessionTooShort(subject, rule.name, ev.day, minutes, rule.minimumMinutes),
      });
    }
  }
}
