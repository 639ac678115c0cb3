import { fromDayNumber } from '../calendar/index.js';
import type { Rule } from '../policy/schema.js';
import type { Subject } from '../report/types.js';
import { wording } from '../report/wording.js';
import { type EvalContext, severityOf, tally } from './context.js';

/** One deadline of a one-off requirement (a first session, a re-arranged session, a follow-up). */
export interface Deadline {
  rule: Rule;
  subject: Subject;
  activity?: string;
  /** Short name of what is due: "supervision agreement", "re-arranged supervision". */
  what: string;
  due: number;
  /** How the due date was worked out, for the explanation. */
  basis: string;
  /** The first qualifying event that meets it, if any (on or before `asOf`). */
  metOn: number | null;
  /** The last day the requirement can apply (leaving, closure, next trigger); Infinity if open. */
  windowEnd: number;
  /** Why the window closed, for the explanation. */
  closedBy: string;
  lastMetOn: string | null;
  eventId?: string;
}

/**
 * Judges one deadline the same way for every one-off rule kind: met by the due date is on time;
 * met later is one `late` breach; unmet is one `missed` breach counted to `asOf`, or to the day
 * after the window closed; a due date after the window's last day, or before the judged period,
 * is not judged. While the window is open at `asOf` and the deadline unmet, it is an obligation.
 */
export function judgeDeadline(x: Deadline, ctx: EvalContext): void {
  const activity = x.activity ?? x.rule.activity;
  const common = {
    ruleId: x.rule.id,
    subject: x.subject,
    activity,
    severity: severityOf(x.rule),
    citation: x.rule.citation,
    ...(x.eventId === undefined ? {} : { eventId: x.eventId }),
  };
  if (x.due > x.windowEnd || x.due < ctx.judgedFrom) return;
  if (x.metOn !== null) {
    tally(ctx, x.metOn <= x.due, x.subject);
    if (x.metOn > x.due)
      ctx.out.breaches.push({
        ...common,
        kind: 'late',
        dueOn: fromDayNumber(x.due),
        metOn: fromDayNumber(x.metOn),
        daysLate: x.metOn - x.due,
        explanation: wording.intervalLate(x.subject, x.what, x.due, x.basis, x.metOn),
      });
    return;
  }
  const closed = x.windowEnd < ctx.asOf;
  const until = closed ? x.windowEnd + 1 : ctx.asOf;
  if (x.due < until) tally(ctx, false, x.subject);
  if (x.due < until)
    ctx.out.breaches.push({
      ...common,
      kind: 'missed',
      dueOn: fromDayNumber(x.due),
      metOn: null,
      daysLate: until - x.due,
      explanation: wording.intervalMissed(
        x.subject,
        x.what,
        x.due,
        x.basis,
        until,
        closed ? x.closedBy : null,
      ),
    });
  if (!closed) {
    const { severity: _s, eventId: _e, ...rest } = common;
    ctx.out.obligations.push({
      ...rest,
      lastMetOn: x.lastMetOn,
      dueOn: fromDayNumber(x.due),
      status: x.due < ctx.asOf ? 'overdue' : 'upcoming',
      explanation: wording.obligation(x.subject, x.what, x.due, x.basis, ctx.asOf),
    });
  }
}
