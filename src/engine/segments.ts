import type { RuleOf } from '../policy/schema.js';
import type { Interval } from '../report/types.js';
import { type AgreedInterval, agreedIntervals, loosen } from './agreements.js';
import { conditionSpans } from './conditions.js';
import { baseSpans, type EvalContext } from './context.js';
import { type Advance, advanceBy } from './durations.js';
import type { SubjectView } from './history-index.js';
import type { MergedEntry } from './prepare.js';
import { intersect, NEVER, type Spans, subtract, union } from './spans.js';

/** A stretch of days over which a rule applies with one interval. */
export interface Segment {
  readonly from: number;
  readonly to: number;
  readonly advance: Advance;
  /** The interval as a finding's basis gives it (where it came from; "or the agreed … if sooner"). */
  readonly interval: Interval;
  /** Under "or the agreed interval if sooner": the two steps, to tell which gave the date. */
  readonly stricter?: { readonly policy: Advance; readonly agreed: Advance };
  /** The interval counts working days (the basis then lists the days skipped). */
  readonly workingDays?: boolean;
  /** Which policy version's rule set it (an index into the rule's versions), when there are several. */
  readonly part?: number;
}

type When = RuleOf<'interval'>['schedule'][number]['when'];

/**
 * One schedule entry as {@link buildSegments} walks it: an interval taken from the subject's
 * arrangements, or a fixed one with its step and wording worked out once.
 */
export type ScheduleEntry =
  | { readonly when: When; readonly fromArrangement: 'agreed-interval' | 'performance-plan' }
  | {
      readonly when: When;
      readonly advance: Advance;
      readonly interval: Interval;
      /** The segment fields the entry adds: workingDays. */
      readonly extra: Partial<Segment>;
    };

/**
 * A rule's schedule in the order it is tried, as its policy version holds it once loaded (the
 * exceptions that modify the rule first: `preparePolicy`), each step worked out on the evaluation's calendar.
 */
export function scheduleOf(rule: RuleOf<'interval'>, ctx: EvalContext): readonly ScheduleEntry[] {
  const entries = ctx.schedules.get(rule) ?? rule.schedule;
  return entries.map((entry: MergedEntry): ScheduleEntry => {
    const { when, interval } = entry;
    if ('fromArrangement' in interval) return { when, fromArrangement: interval.fromArrangement };
    const extra = interval.workingDays === undefined ? {} : { workingDays: true };
    const basis: Interval = {
      every: interval,
      ...('label' in entry && entry.label !== undefined ? { phase: entry.label } : {}),
      ...(entry.via === undefined ? {} : { via: entry.via }),
    };
    return { when, advance: advanceBy(interval, ctx.calendar), interval: basis, extra };
  });
}

/**
 * Where and with which interval an interval rule applies to a subject: the rule's condition,
 * the subject's base days (employed and present, or open), the first schedule entry that holds
 * (exceptions that modify the rule come first: merged when the policy is prepared), arrangement intervals, and arrangements that may
 * only make it stricter. Returns segments sorted by day; `unknownInterval` is true when a
 * schedule entry needed an arrangement the subject does not have. Entries are tried only while
 * some base day has no interval yet.
 */
export function buildSegments(
  rule: RuleOf<'interval'>,
  view: SubjectView,
  ctx: EvalContext,
  schedule: readonly ScheduleEntry[] = scheduleOf(rule, ctx),
): { segments: Segment[]; unknownInterval: boolean } {
  // The days still without an interval: the base, less what earlier entries took.
  let open = intersect(baseSpans(view, ctx), conditionSpans(rule.when, view, ctx));
  // Only while the rule's policy version is in force (every day, for a policy of one version).
  if (ctx.version.from > -Infinity || ctx.version.to < Infinity)
    open = intersect(open, [[ctx.version.from, ctx.version.to]]);
  if (open.length === 0) return { segments: [], unknownInterval: false };
  let unknownInterval = false;
  let segments: Segment[] = [];
  for (const entry of schedule) {
    if (open.length === 0) break;
    const spans = intersect(open, conditionSpans(entry.when, view, ctx));
    if (spans.length === 0) continue;
    if ('fromArrangement' in entry) {
      const arrangements = agreedIntervals(view, entry.fromArrangement, ctx);
      let covered: Spans = NEVER;
      for (const a of arrangements) {
        const piece = intersect(spans, [[a.from, a.to]]);
        const interval: Interval = { every: a.interval, arrangement: a.type };
        for (const [from, to] of piece)
          segments.push({ from, to, advance: advanceBy(a.interval, ctx.calendar), interval });
        covered = union(covered, piece);
      }
      if (subtract(spans, covered).length > 0) unknownInterval = true;
      open = subtract(open, covered);
      continue;
    }
    const { advance, interval, extra } = entry;
    for (const [from, to] of spans) segments.push({ from, to, advance, interval, ...extra });
    open = subtract(open, spans);
  }
  if (rule.stricterWith)
    for (const type of rule.stricterWith)
      for (const a of agreedIntervals(view, type, ctx)) segments = tighten(segments, a, ctx);
  // Where the policy's text allows it, an agreed interval replaces the rule's, looser or not.
  segments = loosen(segments, rule, view, ctx);
  segments.sort((a, b) => a.from - b.from);
  return { segments, unknownInterval };
}

/** Inside the arrangement's dates the interval becomes the stricter of the two; never looser. */
function tighten(segments: Segment[], a: AgreedInterval, ctx: EvalContext): Segment[] {
  const agreed = advanceBy(a.interval, ctx.calendar);
  const out: Segment[] = [];
  for (const seg of segments) {
    const inside = intersect([[seg.from, seg.to]], [[a.from, a.to]]);
    for (const [from, to] of subtract([[seg.from, seg.to]], inside)) out.push({ ...seg, from, to });
    for (const [from, to] of inside)
      out.push({
        ...seg,
        from,
        to,
        advance: (day: number) => Math.min(seg.advance(day), agreed(day)),
        interval: { ...seg.interval, orAgreed: a.interval },
        stricter: { policy: seg.advance, agreed },
      });
  }
  return out;
}

/** Groups segments into windows: runs of segments with no day between them. */
export function windowsOf(segments: readonly Segment[]): Segment[][] {
  const windows: Segment[][] = [];
  for (const seg of segments) {
    const current = windows[windows.length - 1];
    const last = current?.[current.length - 1];
    if (current && last && seg.from === last.to + 1) current.push(seg);
    else windows.push([seg]);
  }
  return windows;
}
