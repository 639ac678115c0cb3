import type { RuleOf } from '../policy/schema.js';
import { type AgreedInterval, agreedIntervals, loosen } from './agreements.js';
import { conditionSpans } from './conditions.js';
import { baseSpans, type EvalContext } from './context.js';
import { type Advance, advanceBy, describeDuration } from './durations.js';
import type { SubjectView } from './history-index.js';
import { intersect, NEVER, type Spans, subtract, union } from './spans.js';

/** A stretch of days over which a rule applies with one interval. */
export interface Segment {
  readonly from: number;
  readonly to: number;
  readonly advance: Advance;
  /** "28 days", "1 month", "2 weeks (agreed)". */
  readonly label: string;
  /** The schedule entry's own label ("child protection: monthly"), if any. */
  readonly phase?: string;
  /** The exception rule that set this interval, if any (DER-2). */
  readonly via?: string;
  /** The interval counts working days (explanations then name the days skipped). */
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
      readonly label: string;
      /** The segment fields the entry adds: via, workingDays, phase. */
      readonly extra: Partial<Segment>;
    };

/** A rule's schedule in the order it is tried: the exceptions that modify the rule, then its own entries. */
export function scheduleOf(rule: RuleOf<'interval'>, ctx: EvalContext): readonly ScheduleEntry[] {
  const entries = [
    ...(ctx.exceptions.get(rule.id) ?? []).map((e) => ({ when: e.when, interval: e.interval, via: e.id })),
    ...rule.schedule.map((e) => ({ ...e, via: undefined })),
  ];
  return entries.map((entry): ScheduleEntry => {
    const { when, interval } = entry;
    if ('fromArrangement' in interval) return { when, fromArrangement: interval.fromArrangement };
    const extra = {
      ...(entry.via === undefined ? {} : { via: entry.via }),
      ...(interval.workingDays === undefined ? {} : { workingDays: true }),
      ...('label' in entry && entry.label !== undefined ? { phase: entry.label } : {}),
    };
    return { when, advance: advanceBy(interval, ctx.calendar), label: describeDuration(interval), extra };
  });
}

/**
 * Where and with which interval an interval rule applies to a subject: the rule's condition,
 * the subject's base days (employed and present, or open), the first schedule entry that holds
 * (exceptions that modify the rule come first), arrangement intervals, and arrangements that may
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
        const label = `${describeDuration(a.interval)} (${a.type === 'agreed-interval' ? 'agreed' : 'plan'})`;
        for (const [from, to] of piece)
          segments.push({ from, to, advance: advanceBy(a.interval, ctx.calendar), label });
        covered = union(covered, piece);
      }
      if (subtract(spans, covered).length > 0) unknownInterval = true;
      open = subtract(open, covered);
      continue;
    }
    const { advance, label, extra } = entry;
    for (const [from, to] of spans) segments.push({ from, to, advance, label, ...extra });
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
  const agreedLabel = describeDuration(a.interval);
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
        label: `${seg.label}, or the agreed ${agreedLabel} if sooner`,
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
