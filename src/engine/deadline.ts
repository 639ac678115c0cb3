import { fromDayNumber } from '../calendar/index.js';
import type { Basis, Closure, Subject, VersionChange } from '../report/types.js';
import { type EvalContext, tally } from './context.js';
import type { Emitter } from './emit.js';
import type { SubjectView } from './history-index.js';

/** One deadline as the rule kinds judge it (interval clocks and one-off requirements alike). */
export interface Judged {
  /** The emitter of the rule whose version judges the breach date; `dueEmit`, the due date's, if another. */
  emit: Emitter;
  dueEmit?: Emitter;
  subject: Subject;
  /** The date due (an obligation's `dueOn`). */
  due: number;
  /** The date a breach counts from (a breach's `dueOn`): `due`, or later under `breachAfter`. */
  breachOn: number;
  /** The obligation gives `breachOn` (a rule with `breachAfter`). */
  showsBreachOn?: boolean;
  /** How `due` was worked out (an obligation's basis), made only when a finding needs it. */
  basis: () => Basis;
  /** How `breachOn` was worked out (a breach's basis), when it says more than `basis`. */
  breachBasis?: (() => Basis) | undefined;
  lastMetOn: string | null;
  eventId?: string | undefined;
  versionChange?: VersionChange | undefined;
}

/**
 * Met on `metOn`: counted, and a `late` breach when after `breachOn` (a breach date before the judged
 * period is not judged). The deadline's finding is made (`late`) only for that breach: most deadlines
 * are met on time and need nothing but their count.
 */
export function judgeMet(
  breachOn: number,
  subject: Subject,
  metOn: number,
  ctx: EvalContext,
  late: () => Judged,
): void {
  if (breachOn < ctx.judgedFrom) return;
  tally(ctx, metOn <= breachOn, subject);
  if (metOn > breachOn) lateBreach(late(), metOn);
}

function lateBreach(j: Judged, metOn: number): void {
  j.emit.breach({
    subject: j.subject,
    kind: 'late',
    dueOn: fromDayNumber(j.breachOn),
    metOn: fromDayNumber(metOn),
    daysLate: metOn - j.breachOn,
    eventId: j.eventId,
    basis: (j.breachBasis ?? j.basis)(),
    versionChange: j.versionChange,
  });
}

/**
 * Not met by `asOf` or by the window's last day: a `missed` breach counted to `asOf`, or to the day
 * after the window closed (`closed` says why); while the window is open at `asOf`, an obligation.
 */
export function judgeUnmet(j: Judged, windowEnd: number, closed: Closure, ctx: EvalContext): void {
  const isClosed = windowEnd < ctx.asOf;
  const until = isClosed ? windowEnd + 1 : ctx.asOf;
  if (j.breachOn < until && j.breachOn >= ctx.judgedFrom) {
    tally(ctx, false, j.subject);
    const basis = (j.breachBasis ?? j.basis)();
    j.emit.breach({
      subject: j.subject,
      kind: 'missed',
      dueOn: fromDayNumber(j.breachOn),
      metOn: null,
      daysLate: until - j.breachOn,
      eventId: j.eventId,
      basis: isClosed ? ({ ...basis, closed } as Basis) : basis,
      versionChange: j.versionChange,
    });
  }
  if (!isClosed)
    (j.dueEmit ?? j.emit).obligation({
      subject: j.subject,
      lastMetOn: j.lastMetOn,
      dueOn: fromDayNumber(j.due),
      status: j.due < ctx.asOf ? 'overdue' : 'upcoming',
      basis: j.basis(),
      breachOn: j.showsBreachOn ? fromDayNumber(j.breachOn) : undefined,
      versionChange: j.versionChange,
    });
}

/** One deadline of a one-off requirement (a first session, a re-arranged session, a follow-up). */
export interface Deadline {
  emit: Emitter;
  subject: Subject;
  due: number;
  /** How the due date was worked out. */
  basis: Basis;
  /** The first qualifying event that meets it, if any (on or before `asOf`). */
  metOn: number | null;
  /** The last day the requirement can apply (leaving, closure, next trigger); Infinity if open. */
  windowEnd: number;
  /** Why the window closed. */
  closedBy: Closure;
  lastMetOn: string | null;
  eventId?: string;
}

/**
 * Judges one deadline the same way for every one-off rule kind: met by the due date is on time;
 * met later is one `late` breach; unmet is one `missed` breach counted to `asOf`, or to the day
 * after the window closed; a due date after the window's last day, or before the judged period,
 * is not judged. While the window is open at `asOf` and the deadline unmet, it is an obligation.
 */
export function judgeDeadline(given: Deadline, ctx: EvalContext): void {
  // A rule a later policy version drops closes the day before that version takes effect.
  const dropped = ctx.ruleEnd < given.windowEnd;
  const windowEnd = dropped ? ctx.ruleEnd : given.windowEnd;
  if (given.due > windowEnd || given.due < ctx.judgedFrom) return;
  const j: Judged = {
    emit: given.emit,
    subject: given.subject,
    due: given.due,
    breachOn: given.due,
    basis: () => given.basis,
    lastMetOn: given.lastMetOn,
    eventId: given.eventId,
  };
  if (given.metOn !== null) judgeMet(j.breachOn, j.subject, given.metOn, ctx, () => j);
  else
    judgeUnmet(
      j,
      windowEnd,
      dropped ? { reason: 'rule-dropped', on: fromDayNumber(ctx.ruleEnd + 1) } : given.closedBy,
      ctx,
    );
}

/** Why a subject's window closed: they left, their absence began, the case closed; else `otherwise`. */
export function closureOf(
  view: SubjectView,
  windowEnd: number,
  otherwise: Closure = { reason: 'conditions-ended' },
): Closure {
  if (view.kind === 'staff') {
    if (windowEnd === view.end) return { reason: 'left', staffId: view.id };
    if (view.absences.some(([from]) => from === windowEnd + 1))
      return { reason: 'absence-began', staffId: view.id };
  }
  if (view.kind === 'case' && view.open.some(([, to]) => to === windowEnd))
    return { reason: 'case-closed', caseId: view.id };
  return otherwise;
}
