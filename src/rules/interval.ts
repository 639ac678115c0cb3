import { fromDayNumber as d8 } from '../calendar/index.js';
import {
  type EvalContext,
  lastOf,
  qualifying,
  severityOf,
  subjectOf,
  subjectsOf,
  tally,
} from '../engine/context.js';
import { advanceBy } from '../engine/durations.js';
import type { SubjectView } from '../engine/history-index.js';
import { lowerBound } from '../engine/lower-bound.js';
import { buildSegments, type Segment, scheduleOf, windowsOf } from '../engine/segments.js';
import type { RuleOf } from '../policy/schema.js';
import type { Subject } from '../report/types.js';
import { d, skippedPhrase, who, wording } from '../report/wording.js';

type IntervalRule = RuleOf<'interval'>;
const byValue = (day: number) => day;

/**
 * Interval rules: within each window a clock runs from the window's opening (or `recordsFrom`);
 * each qualifying held event restarts it; an interval that changes inside the window moves the
 * due date to the later of `L + new` and the earlier of `D` and `c + new` (docs/policy-language.md, `interval`).
 * One breach per missed deadline.
 */
export function evaluateInterval(rule: IntervalRule, ctx: EvalContext): void {
  const schedule = scheduleOf(rule, ctx);
  for (const view of subjectsOf(rule, ctx)) {
    const { segments, unknownInterval } = buildSegments(rule, view, ctx, schedule);
    const subject = subjectOf(view, ctx);
    if (unknownInterval && rule.notEvaluableWithout) {
      ctx.out.notEvaluable.push({
        ruleId: rule.id,
        subject,
        reason: `${who(subject)} has no ${rule.notEvaluableWithout.replace(/-/g, ' ')} recorded, and the policy sets no default interval for ${rule.name}`,
      });
    }
    if (segments.length === 0) continue;
    const events = qualifying(view, rule.counts);
    const lastMet = lastOf(view, rule.counts, ctx.asOf);
    for (const window of windowsOf(segments)) walkWindow(rule, view, subject, window, events, lastMet, ctx);
  }
}

function walkWindow(
  rule: IntervalRule,
  view: SubjectView,
  subject: Subject,
  window: readonly Segment[],
  events: readonly number[],
  lastMet: string | null,
  ctx: EvalContext,
): void {
  const first = window[0]!;
  const windowStart = first.from;
  const windowEnd = window[window.length - 1]!.to;
  // The clock starts when the window opens, or when the history or the policy begins, if later.
  const start = Math.max(windowStart, ctx.judgedFrom);
  if (start > windowEnd || start > ctx.asOf) return;
  const lastEventDay = Math.min(windowEnd, ctx.asOf);
  const breachStep = rule.breachAfter ? advanceBy(rule.breachAfter, ctx.calendar) : null;
  const viaNote = (seg: Segment) => (seg.via ? `, as extended under ${seg.via}` : '');
  const segAt = (day: number) => {
    let found = first;
    for (const seg of window) if (seg.from <= day) found = seg;
    return found;
  };
  const nextChangeAfter = (day: number) => {
    let k = 0;
    while (k < window.length && window[k]!.from <= day) k++;
    return k;
  };

  let last = start;
  let seg = segAt(last);
  let due = seg.advance(last);
  const skippedNote = (s: Segment, from: number, to: number) => {
    if (!s.workingDays) return '';
    const phrase = skippedPhrase(ctx.calendar.skippedDays(d8(from), d8(to)));
    return phrase ? `, ${phrase}` : '';
  };
  // How the due date was worked out, worded only for a breach or an obligation: what the clock ran
  // from, and each change of interval that moved it.
  let basisSeg = seg;
  let basisFrom = start;
  let basisDue = due;
  let opening: string | null =
    start === windowStart
      ? 'the rule began to apply on'
      : start === ctx.recordsFrom
        ? 'records begin on'
        : 'the policy took effect on';
  let moves = '';
  const basis = () =>
    `${basisSeg.label}${viaNote(basisSeg)} after ${opening === null ? '' : `${opening} `}${d(basisFrom)}${skippedNote(basisSeg, basisFrom, basisDue)}${moves}`;
  let breachOn = breachStep ? breachStep(last) : due;
  let k = nextChangeAfter(last);
  let i = lowerBound(events, start, byValue);
  const pushBreach = (kind: 'late' | 'missed', until: number, explanation: string) =>
    ctx.out.breaches.push({
      ruleId: rule.id,
      subject,
      activity: rule.activity,
      kind,
      dueOn: d8(breachOn),
      metOn: kind === 'late' ? d8(until) : null,
      daysLate: until - breachOn,
      severity: severityOf(rule),
      citation: rule.citation,
      explanation,
    });

  for (;;) {
    const e = i < events.length && events[i]! <= lastEventDay ? events[i]! : null;
    while (k < window.length && window[k]!.from <= (e ?? Infinity) && window[k]!.from <= due) {
      const change = window[k]!;
      const moved = Math.max(change.advance(last), Math.min(due, change.advance(change.from)));
      if (moved !== due)
        moves += `; then ${d(moved)}, since the interval became ${change.label}${change.phase ? ` (${change.phase})` : ''}${viaNote(change)} on ${d(change.from)}`;
      due = moved;
      if (!breachStep) breachOn = due;
      k++;
    }
    if (e !== null) {
      if (breachOn >= ctx.judgedFrom) tally(ctx, e <= breachOn, subject);
      if (e > breachOn && breachOn >= ctx.judgedFrom)
        pushBreach(
          'late',
          e,
          wording.intervalLate(subject, rule.name, breachOn, breachBasis(basis(), breachOn, due, rule), e),
        );
      last = e;
      i++;
      seg = segAt(last);
      due = seg.advance(last);
      basisSeg = seg;
      basisFrom = last;
      basisDue = due;
      opening = null;
      moves = '';
      breachOn = breachStep ? breachStep(last) : due;
      k = nextChangeAfter(last);
      continue;
    }
    // No more sessions in the window up to asOf: a missed deadline runs to asOf, or to the day after
    // the window closed; while the window is open on asOf, what is due next is an obligation.
    const closed = windowEnd < ctx.asOf;
    const until = closed ? windowEnd + 1 : ctx.asOf;
    if (breachOn < until && breachOn >= ctx.judgedFrom) {
      tally(ctx, false, subject);
      const reason = closed ? closeReason(view, windowEnd) : null;
      pushBreach(
        'missed',
        until,
        wording.intervalMissed(
          subject,
          rule.name,
          breachOn,
          breachBasis(basis(), breachOn, due, rule),
          until,
          reason,
        ),
      );
    }
    if (closed) return;
    ctx.out.obligations.push({
      ruleId: rule.id,
      subject,
      activity: rule.activity,
      lastMetOn: lastMet,
      dueOn: d8(due),
      status: due < ctx.asOf ? 'overdue' : 'upcoming',
      citation: rule.citation,
      explanation: wording.obligation(subject, rule.name, due, basis(), ctx.asOf),
      ...(breachStep ? { breachOn: d8(breachOn) } : {}),
    });
    return;
  }
}

function breachBasis(basis: string, breachOn: number, due: number, rule: IntervalRule): string {
  return breachOn === due || !rule.breachAfter
    ? basis
    : `${basis}, and a breach once nothing was held by ${d(breachOn)}`;
}

/** Why a window closed, in a few words: "S1 left", "S1's absence began", "case C1 closed". */
export function closeReason(view: SubjectView, windowEnd: number): string {
  if (view.kind === 'staff') {
    if (windowEnd === view.end) return `${view.id} left`;
    if (view.absences.some(([from]) => from === windowEnd + 1)) return `${view.id}'s absence began`;
  }
  if (view.kind === 'case' && view.open.some(([, to]) => to === windowEnd)) return `case ${view.id} closed`;
  return 'its conditions no longer held';
}
