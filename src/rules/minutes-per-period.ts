import { fromDayNumber, toDayNumber, weekdayOf } from '../calendar/index.js';
import { conditionSpans } from '../engine/conditions.js';
import { baseSpans, type EvalContext, inForce, subjectOf, subjectsOf } from '../engine/context.js';
import { emitter } from '../engine/emit.js';
import { minimumFor } from '../engine/pro-rata.js';
import { intersect } from '../engine/spans.js';
import type { RuleOf } from '../policy/schema.js';

/**
 * At least N minutes of held sessions in total in each Monday–Sunday week (or run of `weeks` weeks,
 * from the first Monday of each run of the rule's days, on or after `recordsFrom`) or calendar month that
 * lies wholly inside the rule's days and has ended before `asOf`; with `proRata: 'fte'`, N is the
 * worker's share. Checked apart from the interval clocks. A short period whose sessions lack a duration is not judged and is said so.
 */
export function evaluateMinutesPerPeriod(rule: RuleOf<'minutes-per-period'>, ctx: EvalContext): void {
  const emit = emitter(rule, ctx);
  for (const view of subjectsOf(rule, ctx)) {
    if (view.kind !== 'staff') continue;
    const spans = intersect(baseSpans(view, ctx), conditionSpans(rule.when, view, ctx));
    const subject = subjectOf(view, ctx);
    const { minutes: minimum, fte } = minimumFor(rule, rule.minimumMinutes, view);
    const weeks = rule.weeks ?? 1;
    const sessions = view.events.filter((ev) => ev.held && rule.counts.includes(ev.type));
    let unknown = 0;
    let j = 0;
    for (const [spanFrom, spanTo] of spans) {
      let from = firstPeriodStart(rule.period, Math.max(spanFrom, ctx.recordsFrom));
      for (;;) {
        const to = periodEnd(rule.period, from, weeks);
        if (to > spanTo || from > ctx.asOf) break;
        if (to >= ctx.asOf) {
          break;
        }
        if (to >= ctx.judgedFrom && inForce(ctx, to)) {
          let minutes = 0;
          let missing = 0;
          while (j < sessions.length && sessions[j]!.day < from) j++;
          for (let k = j; k < sessions.length && sessions[k]!.day <= to; k++) {
            const m = sessions[k]!.event.durationMinutes;
            if (m === undefined) missing++;
            else minutes += m;
          }
          if (minutes < minimum) {
            if (missing > 0) unknown++;
            else
              emit.breach({
                subject,
                kind: 'too-short',
                dueOn: fromDayNumber(to),
                metOn: null,
                daysLate: 0,
                shortfall: { minutes: minimum - minutes },
                basis: {
                  kind: 'period',
                  period: {
                    from: fromDayNumber(from),
                    to: fromDayNumber(to),
                    of: rule.period,
                    ...(weeks === 1 ? {} : { weeks }),
                  },
                  unit: 'minutes',
                  held: minutes,
                  required: minimum,
                  ...(fte === undefined ? {} : { fte }),
                },
              });
          }
        }
        from = to + 1;
      }
    }
    if (unknown > 0)
      emit.notEvaluable(subject, {
        why: 'minutes-unknown',
        periods: unknown,
        period: rule.period,
        minimum,
        ...(weeks === 1 ? {} : { weeks }),
      });
  }
}

function firstPeriodStart(period: 'week' | 'calendar-month', day: number): number {
  if (period === 'week') {
    const offset = (weekdayOf(day) + 6) % 7; // days since Monday
    return offset === 0 ? day : day - offset + 7;
  }
  const iso = fromDayNumber(day);
  return iso.endsWith('-01') ? day : periodEnd('calendar-month', day, 1) + 1;
}

/** The last day of the period from `from`: a week's (or a run of `weeks` weeks') Sunday, or the month's last day. */
function periodEnd(period: 'week' | 'calendar-month', from: number, weeks: number): number {
  if (period === 'week') return from + 7 * weeks - 1;
  const iso = fromDayNumber(from);
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return toDayNumber(next) - 1;
}
