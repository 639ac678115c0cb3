import { fromDayNumber, toDayNumber } from '../calendar/index.js';
import { conditionSpans } from '../engine/conditions.js';
import {
  baseSpans,
  type EvalContext,
  inForce,
  lastOf,
  qualifying,
  subjectOf,
  subjectsOf,
  tally,
} from '../engine/context.js';
import { closureOf } from '../engine/deadline.js';
import { emitter } from '../engine/emit.js';
import type { StaffView } from '../engine/history-index.js';
import { lowerBound } from '../engine/lower-bound.js';
import { intersect } from '../engine/spans.js';
import type { RuleOf } from '../policy/schema.js';
import type { CountedFrom } from '../report/types.js';

const byValue = (day: number) => day;
/** A worker's shift days, sorted and each once (the history's `shifts`), or null when it gives none. */
function shiftDays(view: StaffView): number[] | null {
  const given = view.staff.shifts;
  if (given === undefined) return null;
  return [...new Set(given.map(toDayNumber))].sort((a, b) => a - b);
}

/**
 * "Every N shifts worked" (agency and relief staff): within each run of the rule's days (employed, not
 * absent, `when` holding), a session of `counts` is due by the end of the Nth shift day after the last
 * held session, or from the run's first day (not before `recordsFrom` or `effectiveFrom`) before any;
 * a shift on the session's own day is not after it. A session after that day is one `late` breach; none
 * by `asOf`, one `missed` breach and an `overdue` obligation. While fewer than N shifts are known after
 * the last session, nothing is due yet; shift days after `asOf` (a rota) give an `upcoming` obligation.
 * A worker the rule applies to with no `shifts` in the history is `notEvaluable`.
 */
export function evaluatePerShifts(rule: RuleOf<'per-shifts'>, ctx: EvalContext): void {
  const n = rule.everyShifts;
  const emit = emitter(rule, ctx);
  for (const view of subjectsOf(rule, ctx)) {
    if (view.kind !== 'staff') continue;
    const spans = intersect(baseSpans(view, ctx), conditionSpans(rule.when, view, ctx));
    if (spans.length === 0) continue;
    const subject = subjectOf(view, ctx);
    const shifts = shiftDays(view);
    if (shifts === null) {
      emit.notEvaluable(subject, { why: 'no-shifts', every: n });
      continue;
    }
    const sessions = qualifying(view, rule.counts);
    const lastMet = lastOf(view, rule.counts, ctx.asOf);
    for (const [spanFrom, to] of spans) {
      const start = Math.max(spanFrom, ctx.judgedFrom);
      if (start > to || start > ctx.asOf) continue;
      // The clock counts shifts after `after`: the day before the run starts, then each session's day.
      let after = start - 1;
      let counted: CountedFrom = { reason: 'rule-began', on: fromDayNumber(start) };
      const lastDay = Math.min(to, ctx.asOf);
      for (;;) {
        const k = lowerBound(shifts, after + 1, byValue) + n - 1;
        const due = k < shifts.length && shifts[k]! <= to ? shifts[k]! : null;
        const i = lowerBound(sessions, after + 1, byValue);
        const e = i < sessions.length && sessions[i]! <= lastDay ? sessions[i]! : null;
        if (e !== null) {
          if (due !== null && inForce(ctx, due)) {
            tally(ctx, e <= due, subject);
            if (e > due)
              emit.breach({
                subject,
                kind: 'late',
                dueOn: fromDayNumber(due),
                metOn: fromDayNumber(e),
                daysLate: e - due,
                basis: { kind: 'shifts', from: counted, every: n, shiftOn: fromDayNumber(due) },
              });
          }
          after = e;
          counted = { reason: 'last-session', on: fromDayNumber(e) };
          continue;
        }
        if (due === null || !inForce(ctx, due)) break;
        const closed = to < ctx.asOf;
        const until = closed ? to + 1 : ctx.asOf;
        if (due < until) {
          tally(ctx, false, subject);
          emit.breach({
            subject,
            kind: 'missed',
            dueOn: fromDayNumber(due),
            metOn: null,
            daysLate: until - due,
            basis: {
              kind: 'shifts',
              from: counted,
              every: n,
              shiftOn: fromDayNumber(due),
              ...(closed ? { closed: closureOf(view, to) } : {}),
            },
          });
        }
        if (!closed)
          emit.obligation({
            subject,
            lastMetOn: lastMet,
            dueOn: fromDayNumber(due),
            status: due < ctx.asOf ? 'overdue' : 'upcoming',
            basis: { kind: 'shifts', from: counted, every: n, shiftOn: fromDayNumber(due) },
          });
        break;
      }
    }
  }
}
