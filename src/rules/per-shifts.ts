import { fromDayNumber, toDayNumber } from '../calendar/index.js';
import { conditionSpans } from '../engine/conditions.js';
import {
  baseSpans,
  type EvalContext,
  inForce,
  lastOf,
  qualifying,
  severityOf,
  subjectOf,
  subjectsOf,
  tally,
} from '../engine/context.js';
import type { StaffView } from '../engine/history-index.js';
import { lowerBound } from '../engine/lower-bound.js';
import { intersect } from '../engine/spans.js';
import type { RuleOf } from '../policy/schema.js';
import { d, who, wording } from '../report/wording.js';

const byValue = (day: number) => day;
const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
};

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
  const name = rule.name;
  for (const view of subjectsOf(rule, ctx)) {
    if (view.kind !== 'staff') continue;
    const spans = intersect(baseSpans(view, ctx), conditionSpans(rule.when, view, ctx));
    if (spans.length === 0) continue;
    const subject = subjectOf(view, ctx);
    const shifts = shiftDays(view);
    if (shifts === null) {
      ctx.out.notEvaluable.push({
        ruleId: rule.id,
        subject,
        reason: `${who(subject)} has no shifts in the history (staff shifts), so when a session is due every ${n} shifts worked is unknown`,
      });
      continue;
    }
    const sessions = qualifying(view, rule.counts);
    const lastMet = lastOf(view, rule.counts, ctx.asOf);
    for (const [from, to] of spans) {
      const start = Math.max(from, ctx.judgedFrom);
      if (start > to || start > ctx.asOf) continue;
      // The clock counts shifts after `after`: the day before the run starts, then each session's day.
      let after = start - 1;
      let basis = `the ${ordinal(n)} shift worked from ${d(start)}`;
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
              ctx.out.breaches.push({
                ruleId: rule.id,
                subject,
                activity: rule.activity,
                kind: 'late',
                dueOn: fromDayNumber(due),
                metOn: fromDayNumber(e),
                daysLate: e - due,
                severity: severityOf(rule),
                citation: rule.citation,
                explanation: wording.intervalLate(subject, name, due, basis, e),
              });
          }
          after = e;
          basis = `the ${ordinal(n)} shift worked after ${d(e)}`;
          continue;
        }
        if (due === null || !inForce(ctx, due)) break;
        const closed = to < ctx.asOf;
        const until = closed ? to + 1 : ctx.asOf;
        if (due < until) {
          tally(ctx, false, subject);
          ctx.out.breaches.push({
            ruleId: rule.id,
            subject,
            activity: rule.activity,
            kind: 'missed',
            dueOn: fromDayNumber(due),
            metOn: null,
            daysLate: until - due,
            severity: severityOf(rule),
            citation: rule.citation,
            explanation: wording.intervalMissed(
              subject,
              name,
              due,
              basis,
              until,
              closed ? 'the worker left, was absent or no longer met its conditions' : null,
            ),
          });
        }
        if (!closed)
          ctx.out.obligations.push({
            ruleId: rule.id,
            subject,
            activity: rule.activity,
            lastMetOn: lastMet,
            dueOn: fromDayNumber(due),
            status: due < ctx.asOf ? 'overdue' : 'upcoming',
            citation: rule.citation,
            explanation: wording.obligation(subject, name, due, basis, ctx.asOf),
          });
        break;
      }
    }
  }
}
