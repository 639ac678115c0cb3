import { fromDayNumber as d8 } from '../calendar/index.js';
import { type EvalContext, inForce, lastOf, qualifying, subjectOf, subjectsOf } from '../engine/context.js';
import { closureOf, type Judged, judgeMet, judgeUnmet } from '../engine/deadline.js';
import { type Advance, advanceBy } from '../engine/durations.js';
import { type Emitter, emitter, nonWorkingDays } from '../engine/emit.js';
import type { SubjectView } from '../engine/history-index.js';
import { lowerBound } from '../engine/lower-bound.js';
import { buildSegments, type Segment, scheduleOf, windowsOf } from '../engine/segments.js';
import type { RuleOf } from '../policy/schema.js';
import type { CountedFrom, Interval, IntervalBasis, Subject, VersionChange } from '../report/types.js';

type IntervalRule = RuleOf<'interval'>;
const byValue = (day: number) => day;

/**
 * Interval rules: within each window a clock runs from the window's opening (or `recordsFrom`);
 * each qualifying held event restarts it; an interval that changes inside the window moves the
 * due date to the later of `L + new` and the earlier of `D` and `c + new` (docs/policy-language.md, `interval`).
 * One breach per missed deadline.
 */
export function evaluateInterval(rule: IntervalRule, ctx: EvalContext): void {
  evaluateIntervalVersions([{ rule, ctx }]);
}

/** One policy version's copy of an interval rule, with the context of that version. */
export interface IntervalPart {
  readonly rule: IntervalRule;
  readonly ctx: EvalContext;
}

/**
 * An interval rule kept (same id and activity) by consecutive policy versions, as one clock: each
 * version's segments cover the days it is in force, so a version change is an interval change
 * inside a window. Findings carry the version (and citation) in force on their due date.
 */
export function evaluateIntervalVersions(parts: readonly IntervalPart[]): void {
  const { rule, ctx } = parts[0]!;
  const views = subjectsOf(rule, ctx);
  // Nobody the rule is about: nothing to prepare (a short history meets most rules with no subject).
  if (views.length === 0) return;
  const schedules = parts.map((p) => scheduleOf(p.rule, p.ctx));
  const sameCounts = parts.length === 1 || parts.every((p) => p.rule.counts.join() === rule.counts.join());
  const emits = parts.map((p) => emitter(p.rule, p.ctx));
  // Each version's step from a due date to its breach date (NOT-7's breachAfter), if any.
  const breachSteps = parts.map((p) =>
    p.rule.breachAfter ? advanceBy(p.rule.breachAfter, ctx.calendar) : null,
  );
  for (const view of views) {
    const segments: Segment[] = [];
    let unknownBy: IntervalRule | null = null;
    parts.forEach((p, j) => {
      const built = buildSegments(p.rule, view, p.ctx, schedules[j]);
      if (built.unknownInterval && p.rule.notEvaluableWithout && unknownBy === null) unknownBy = p.rule;
      for (const seg of built.segments) segments.push(parts.length === 1 ? seg : { ...seg, part: j });
    });
    const subject = subjectOf(view, ctx);
    if (unknownBy !== null) {
      const by: IntervalRule = unknownBy;
      emitter(by, ctx).notEvaluable(subject, { why: 'no-arrangement', arrangement: by.notEvaluableWithout! });
    }
    if (segments.length === 0) continue;
    segments.sort((a, b) => a.from - b.from);
    const events = sameCounts ? qualifying(view, rule.counts) : eventsOfParts(view, parts);
    const lastMet = sameCounts ? lastOf(view, rule.counts, ctx.asOf) : lastOfParts(view, events, ctx.asOf);
    // The segment a version's rule would have given the subject on a day past its version's last one.
    const formerOn = (j: number, day: number) => {
      const p = parts[j]!;
      const kept = { ...p.ctx, version: { ...p.ctx.version, to: day } };
      return buildSegments(p.rule, view, kept, schedules[j]).segments.find(
        (s) => s.from <= day && day <= s.to,
      );
    };
    for (const window of windowsOf(segments))
      walkWindow(parts, emits, breachSteps, view, subject, window, events, lastMet, ctx, formerOn);
  }
}

/** No change of interval (never given to a basis: `changes` is left out when empty). */
const NO_CHANGES: NonNullable<IntervalBasis['changes']> = [];

/** Whether two segments set the same interval, as a basis gives it. */
const sameInterval = (a: Segment | undefined, b: Segment) =>
  a !== undefined && JSON.stringify(a.interval) === JSON.stringify(b.interval);

/** Each version's qualifying events on the days it is in force, in day order. */
function eventsOfParts(view: SubjectView, parts: readonly IntervalPart[]): number[] {
  const days = new Set<number>();
  for (const p of parts)
    for (const day of qualifying(view, p.rule.counts)) if (inForce(p.ctx, day)) days.add(day);
  return [...days].sort((a, b) => a - b);
}

function lastOfParts(view: SubjectView, events: readonly number[], asOf: number): string | null {
  const i = lowerBound(events, asOf + 1, byValue);
  if (i === 0 || (view.kind === 'staff' && events[i - 1]! < view.start)) return null;
  return d8(events[i - 1]!);
}

function walkWindow(
  parts: readonly IntervalPart[],
  emits: readonly Emitter[],
  breachSteps: readonly (Advance | null)[],
  view: SubjectView,
  subject: Subject,
  window: readonly Segment[],
  events: readonly number[],
  lastMet: string | null,
  ctx: EvalContext,
  formerOn: (part: number, day: number) => Segment | undefined,
): void {
  const first = window[0]!;
  const partOf = (s: Segment) => parts[s.part ?? 0]!;
  const windowStart = first.from;
  const windowEnd = window[window.length - 1]!.to;
  // The clock starts when the window opens, or when the history or the policy begins, if later.
  const start = Math.max(windowStart, ctx.judgedFrom);
  if (start > windowEnd || start > ctx.asOf) return;
  const lastEventDay = Math.min(windowEnd, ctx.asOf);
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
  let breachStep = breachSteps[seg.part ?? 0] ?? null;
  // How the due date was worked out, for a breach or an obligation: what the clock ran from, and
  // each change of interval that moved it.
  const firstVersion = partOf(first).ctx.version;
  const opening: CountedFrom =
    start === windowStart
      ? // a rule a later version added, opening on the day that version took effect
        (first.part ?? 0) === 0 && windowStart === firstVersion.from && firstVersion.from > -Infinity
        ? { reason: 'version-took-effect', on: d8(start), version: firstVersion.name }
        : { reason: 'rule-began', on: d8(start) }
      : start === ctx.recordsFrom
        ? { reason: 'records-began', on: d8(start) }
        : { reason: 'policy-took-effect', on: d8(start) };
  // The last session the clock ran from (the window's opening until there is one): made into words only for a finding.
  let lastSession: number | null = null;
  let basisSeg = seg;
  let basisFrom = start;
  let basisDue = due;
  // Made anew at each change (a basis made earlier keeps its own list); none is the one empty list.
  let changes: NonNullable<IntervalBasis['changes']> = NO_CHANGES;
  let versionChange: VersionChange | null = null;
  const basis = (): IntervalBasis => {
    const b: IntervalBasis = {
      kind: 'interval',
      from: lastSession === null ? opening : { reason: 'last-session', on: d8(lastSession) },
      interval: applied(basisSeg, basisFrom),
      dueBy: d8(basisDue),
    };
    // As a record's basis: `skipped` only when a working-day interval passed over some day.
    if (basisSeg.workingDays) {
      const skipped = ctx.calendar.skippedDays(d8(basisFrom), d8(basisDue));
      if (skipped.length > 0) b.skipped = nonWorkingDays(skipped);
    }
    if (changes.length > 0) b.changes = changes;
    return b;
  };
  let breachOn = breachStep ? breachStep(last) : due;
  let k = nextChangeAfter(last);
  let i = lowerBound(events, start, byValue);
  // The version in force on a due date gives the finding its citation and version.
  const judged = (): Judged => {
    const part = segAt(breachOn).part ?? 0;
    const after = parts[part]!.rule.breachAfter;
    const at = breachOn;
    return {
      emit: emits[part]!,
      dueEmit: emits[segAt(due).part ?? 0]!,
      subject,
      due,
      breachOn,
      showsBreachOn: breachStep !== null,
      basis,
      breachBasis:
        breachOn === due || !after ? undefined : () => ({ ...basis(), breach: { after, on: d8(at) } }),
      lastMetOn: lastMet,
      versionChange: versionChange ?? undefined,
    };
  };

  for (;;) {
    const e = i < events.length && events[i]! <= lastEventDay ? events[i]! : null;
    while (k < window.length && window[k]!.from <= (e ?? Infinity) && window[k]!.from <= due) {
      const change = window[k]!;
      const moved = Math.max(change.advance(last), Math.min(due, change.advance(change.from)));
      const before = window[k - 1];
      if (moved !== due) {
        // A version change is named only when it changed the interval itself: the old version's rule
        // would have had another interval that day (not when an agreement or a phase changed it then).
        const newVersion =
          before !== undefined &&
          before.part !== change.part &&
          !sameInterval(formerOn(before.part ?? 0, change.from), change)
            ? partOf(change).ctx.version.name
            : null;
        changes = [
          ...changes,
          {
            on: d8(change.from),
            interval: change.interval,
            dueBy: d8(moved),
            ...(newVersion === null ? {} : { version: newVersion }),
          },
        ];
        if (newVersion !== null)
          versionChange = { on: d8(change.from), from: partOf(before!).ctx.version.name, to: newVersion };
      }
      due = moved;
      if (!breachStep) breachOn = due;
      k++;
    }
    if (e !== null) {
      judgeMet(breachOn, subject, e, ctx, judged);
      last = e;
      i++;
      seg = segAt(last);
      due = seg.advance(last);
      basisSeg = seg;
      basisFrom = last;
      basisDue = due;
      lastSession = last;
      changes = NO_CHANGES;
      versionChange = null;
      breachStep = breachSteps[seg.part ?? 0] ?? null;
      breachOn = breachStep ? breachStep(last) : due;
      k = nextChangeAfter(last);
      continue;
    }
    // No more sessions in the window up to asOf: a missed deadline runs to asOf, or to the day after
    // the window closed; while the window is open on asOf, what is due next is an obligation.
    // A window that ends with its version, when the next version has no such rule, was closed by it.
    const lastPart = window[window.length - 1]!.part ?? 0;
    const lastVersion = parts[lastPart]!.ctx.version;
    const dropped =
      lastVersion.to === windowEnd &&
      lastVersion.next !== undefined &&
      parts[lastPart + 1]?.ctx.version.from !== windowEnd + 1;
    const closed = closureOf(
      view,
      windowEnd,
      dropped ? { reason: 'rule-dropped', on: d8(windowEnd + 1), version: lastVersion.next! } : undefined,
    );
    judgeUnmet(judged(), windowEnd, closed, ctx);
    return;
  }
}

/** The segment's interval from a day, saying which of "or the agreed … if sooner" gave the date. */
function applied(seg: Segment, from: number): Interval {
  if (seg.stricter === undefined) return seg.interval;
  const policy = seg.stricter.policy(from);
  const agreed = seg.stricter.agreed(from);
  return { ...seg.interval, sooner: policy === agreed ? 'same' : agreed < policy ? 'agreed' : 'policy' };
}
