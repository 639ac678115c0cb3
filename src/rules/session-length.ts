import { conditionSpans } from '../engine/conditions.js';
import { type EvalContext, inForce, severityOf, subjectOf, subjectsOf } from '../engine/context.js';
import type { StaffView } from '../engine/history-index.js';
import { contains } from '../engine/spans.js';
import type { RuleOf } from '../policy/schema.js';
import { d, who, wording } from '../report/wording.js';

/**
 * Each held session of these kinds should last at least N minutes (or, with `agreedMinimum`, the
 * minutes of the worker's agreed-session-length arrangement in force that day); a shorter one is
 * flagged and still counts. A session with no `durationMinutes` cannot be judged: it is reported not evaluable.
 */
export function evaluateSessionLength(rule: RuleOf<'session-length'>, ctx: EvalContext): void {
  for (const view of subjectsOf(rule, ctx)) {
    if (view.kind !== 'staff') continue;
    const spans = conditionSpans(rule.when, view, ctx);
    const subject = subjectOf(view, ctx);
    for (const ev of view.events) {
      const minutes = ev.event.durationMinutes;
      if (!ev.held || !rule.counts.includes(ev.type) || ev.event.superviseeId !== view.id) continue;
      const agreed = rule.agreedMinimum === undefined ? undefined : agreedOn(view, ev.day);
      const minimum = agreed ?? rule.minimumMinutes;
      if (minutes !== undefined && minutes >= minimum) continue;
      if (ev.day > ctx.asOf || ev.day < ctx.judgedFrom || !contains(spans, ev.day)) continue;
      if (!inForce(ctx, ev.day)) continue;
      if (minutes === undefined) {
        ctx.out.notEvaluable.push({
          ruleId: rule.id,
          subject,
          reason: `${who(subject)}'s session ${ev.event.id} on ${d(ev.day)} has no durationMinutes, so whether it lasted the ${minimum} minutes of ${rule.name}${agreed === undefined ? '' : ' (as agreed)'} is unknown`,
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
        shortfall: { minutes: minimum - minutes },
        citation: rule.citation,
        explanation: wording.sessionTooShort(
          subject,
          agreed === undefined ? rule.name : `${rule.name} (as agreed)`,
          ev.day,
          minutes,
          minimum,
        ),
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
