import { fromDayNumber, toDayNumber } from '../calendar/index.js';
import { conditionSpans } from '../engine/conditions.js';
import { baseSpans, type EvalContext, inForce, lastOf, subjectOf, subjectsOf } from '../engine/context.js';
import { type Emitter, emitter } from '../engine/emit.js';
import type { SubjectView } from '../engine/history-index.js';
import { lowerBound } from '../engine/lower-bound.js';
import { intersect, type Spans } from '../engine/spans.js';
import type { RuleOf } from '../policy/schema.js';
import type { PeriodBasis } from '../report/types.js';

type CountRule = RuleOf<'count-per-period'>;

interface Period {
  from: number;
  to: number;
  of: PeriodBasis['period']['of'];
}

/**
 * At least N sessions in each period: a case's review periods (the day after one review date
 * through the next) or years from a month-day (pro-rata for part years, rounded up). A complete
 * period with too few is one `too-few` breach due on its last day; the span before the first
 * review and a period still open at `asOf` are not judged, but the open one is an obligation.
 */
export function evaluateCountPerPeriod(rule: CountRule, ctx: EvalContext): void {
  const emit = emitter(rule, ctx);
  for (const view of subjectsOf(rule, ctx)) {
    const spans = intersect(baseSpans(view, ctx), conditionSpans(rule.when, view, ctx));
    if (spans.length === 0) continue;
    const subject = subjectOf(view, ctx);
    let periods: Period[];
    if ('between' in rule.period) {
      if (view.kind !== 'case') continue;
      if (view.reviews.length === 0) {
        if (spans.some(([from]) => from <= ctx.asOf)) emit.notEvaluable(subject, { why: 'no-review-dates' });
        continue;
      }
      periods = view.reviews.slice(1).map((to, i) => ({
        from: view.reviews[i]! + 1,
        to,
        of: 'review-period' as const,
      }));
    } else periods = years(rule.period.yearFrom, spans, ctx.asOf);
    const counted = view.events.filter((ev) => ev.held && rule.counts.includes(ev.type));
    for (const p of periods) judgePeriod(rule, ctx, emit, view, subject, spans, p, counted);
  }
}

function years(monthDay: string, spans: Spans, asOf: number): Period[] {
  const first = spans[0]![0];
  const last = Math.min(spans[spans.length - 1]![1], asOf);
  if (!Number.isFinite(first) || first > last) return [];
  const out: Period[] = [];
  const endYear = Number(fromDayNumber(last).slice(0, 4));
  for (let y = Number(fromDayNumber(first).slice(0, 4)) - 1; y <= endYear; y++) {
    const from = toDayNumber(`${y}-${monthDay}`);
    const to = toDayNumber(`${y + 1}-${monthDay}`) - 1;
    if (to >= first && from <= last) out.push({ from, to, of: 'year' });
  }
  return out;
}

const dayOf = (ev: { day: number }) => ev.day;

function judgePeriod(
  rule: CountRule,
  ctx: EvalContext,
  emit: Emitter,
  view: SubjectView,
  subject: ReturnType<typeof subjectOf>,
  spans: Spans,
  p: Period,
  counted: readonly { day: number }[],
): void {
  if (p.from < ctx.recordsFrom || p.to < ctx.judgedFrom || p.from > ctx.asOf) return;
  // The version in force on the period's last day judges the whole period.
  if (!inForce(ctx, p.to)) return;
  const inside = intersect(spans, [[p.from, p.to]]);
  const daysIn = inside.reduce((n, [a, b]) => n + (b - a + 1), 0);
  if (daysIn === 0) return;
  const whole = p.to - p.from + 1;
  const required = rule.proRata ? Math.ceil((rule.minimum * daysIn) / whole - 1e-9) : rule.minimum;
  if (!rule.proRata && 'between' in rule.period && daysIn < whole) return; // case not open all period
  // Events in the period's days up to asOf, counted by binary search (counted is in day order and
  // the stretches of `inside` do not overlap).
  let held = 0;
  for (const [a, b] of inside)
    held += Math.max(
      0,
      lowerBound(counted, Math.min(b, ctx.asOf) + 1, dayOf) - lowerBound(counted, a, dayOf),
    );
  const basis: PeriodBasis = {
    kind: 'period',
    period: { from: fromDayNumber(p.from), to: fromDayNumber(p.to), of: p.of },
    unit: 'sessions',
    held,
    required,
    ...(required < rule.minimum ? { proRata: { minimum: rule.minimum, days: daysIn, of: whole } } : {}),
  };
  if (p.to >= ctx.asOf) {
    // an obligation only while the rule applies on asOf: nothing for a leaver or a closed case
    if (held < required && spans.some(([a, b]) => a <= ctx.asOf && ctx.asOf <= b))
      emit.obligation({
        subject,
        lastMetOn: lastOf(view, rule.counts, ctx.asOf),
        dueOn: fromDayNumber(p.to),
        status: 'upcoming',
        basis,
      });
    return;
  }
  if (held >= required) return;
  emit.breach({
    subject,
    kind: 'too-few',
    dueOn: fromDayNumber(p.to),
    metOn: null,
    daysLate: 0,
    shortfall: { sessions: required - held },
    basis,
  });
}
