import { fromDayNumber } from '../calendar/index.js';
import { conditionSpans } from '../engine/conditions.js';
import { type EvalContext, inForce } from '../engine/context.js';
import { advanceBy } from '../engine/durations.js';
import { attendeesOf } from '../engine/history-index.js';
import { contains } from '../engine/spans.js';
import type { RuleOf } from '../policy/schema.js';

/** Records to keep: one `retainUntil` per held session of these kinds, never a breach. */
export function evaluateRetention(rule: RuleOf<'retention'>, ctx: EvalContext): void {
  const step = advanceBy(rule.keepFor, ctx.calendar);
  // Many sessions share a day: each day's date to keep until is worked out once.
  const until = new Map<number, string>();
  const keep = (day: number) => {
    let date = until.get(day);
    if (date === undefined) {
      date = fromDayNumber(step(day));
      until.set(day, date);
    }
    return date;
  };
  const spans = new Map<string, ReturnType<typeof conditionSpans>>();
  const applies = (staffId: string, day: number) => {
    const view = ctx.index.staffById.get(staffId);
    if (!view) return false;
    let s = spans.get(staffId);
    if (!s) {
      s = conditionSpans(rule.when, view, ctx);
      spans.set(staffId, s);
    }
    return contains(s, day);
  };
  for (const ev of ctx.index.events) {
    if (!ev.held || ev.day > ctx.asOf || !rule.counts.includes(ev.type) || !inForce(ctx, ev.day)) continue;
    // Whom the session was about: its supervisee, or a group's participants or team (as the index has it).
    const people = attendeesOf(ev, ctx.index.staffById, ctx.index.teamById);
    if (!people.some((s) => applies(s.id, ev.day))) continue;
    ctx.out.retention.push({
      eventId: ev.event.id,
      ruleId: rule.id,
      retainUntil: keep(ev.day),
    });
  }
}
