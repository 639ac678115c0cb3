/**
 * Agreements that set a subject's interval: a worker's own arrangements, and arrangements about a case
 * (a staff arrangement with `caseId`); how an interval rule's `allowsLooser` applies an agreed interval
 * looser than its own where the policy's text allows it; and the warning when a looser agreement is
 * ignored because the rule only lets agreements tighten (`stricterWith`).
 */
import { toDayNumber } from '../calendar/index.js';
import type { Arrangement, History } from '../history/schema.js';
import type { Duration, Rule, RuleOf } from '../policy/schema.js';
import type { Warning } from '../report/types.js';
import { describeDuration } from '../report/wording.js';
import type { EvalContext } from './context.js';
import { advanceBy } from './durations.js';
import type { HistoryIndex, SubjectView } from './history-index.js';
import { buildSegments, type Segment } from './segments.js';
import { intersect, subtract } from './spans.js';

type IntervalType = 'agreed-interval' | 'performance-plan';

/** One arrangement with an interval, in force from `from` to `to` (day numbers), and where it is in the history. */
export interface AgreedInterval {
  readonly from: number;
  readonly to: number;
  readonly type: IntervalType;
  readonly interval: Duration;
  /** The history's arrangement itself (for its path in a warning). */
  readonly arrangement: Arrangement;
}

/** Per index: each case's arrangements (those of any worker's with its `caseId`), kept on the index. */
function caseArrangements(index: HistoryIndex): ReadonlyMap<string, readonly Arrangement[]> {
  if (index.memo.caseArrangements !== undefined) return index.memo.caseArrangements;
  const found = new Map<string, Arrangement[]>();
  // The whole staff map (a part of an index, evaluateEach, shares it and the memo); it holds the first
  // staff entry of each id: a later duplicate is not used.
  for (const view of index.staffById.values())
    for (const a of view.staff.arrangements ?? [])
      if (a.caseId !== undefined) found.set(a.caseId, [...(found.get(a.caseId) ?? []), a]);
  index.memo.caseArrangements = found;
  return found;
}

/** A subject's arrangements of a type that carry an interval: a worker's own, or those about a case. */
export function agreedIntervals(view: SubjectView, type: IntervalType, ctx: EvalContext): AgreedInterval[] {
  const all: readonly Arrangement[] =
    view.kind === 'staff'
      ? view.arrangements.map((a) => a.arrangement)
      : view.kind === 'case'
        ? (caseArrangements(ctx.index).get(view.id) ?? [])
        : [];
  const out: AgreedInterval[] = [];
  for (const a of all)
    if (a.type === type && a.interval !== undefined)
      out.push({
        from: toDayNumber(a.from),
        to: typeof a.to === 'string' ? toDayNumber(a.to) : Infinity,
        type,
        interval: a.interval,
        arrangement: a,
      });
  return out;
}

/**
 * Under `allowsLooser`, inside each arrangement's dates the agreed interval replaces the rule's, longer
 * or shorter, and its wording names the clause that allows it: "6 weeks (agreed under 4.2 Part-time
 * staff: "…")".
 */
export function loosen(segments: Segment[], rule: RuleOf<'interval'>, view: SubjectView, ctx: EvalContext) {
  const allows = rule.allowsLooser;
  if (allows === undefined) return segments;
  let out = segments;
  for (const a of agreedIntervals(view, allows.arrangement, ctx)) {
    const advance = advanceBy(a.interval, ctx.calendar);
    const interval = {
      every: a.interval,
      arrangement: a.type,
      agreedUnder: { section: allows.clause.section, quote: allows.clause.quote },
    };
    const next: Segment[] = [];
    for (const seg of out) {
      const inside = intersect([[seg.from, seg.to]], [[a.from, a.to]]);
      for (const [from, to] of subtract([[seg.from, seg.to]], inside)) next.push({ ...seg, from, to });
      for (const [from, to] of inside) {
        const { stricter: _stricter, workingDays: _wd, ...kept } = seg;
        next.push({
          ...kept,
          from,
          to,
          advance,
          interval,
          ...(a.interval.workingDays === undefined ? {} : { workingDays: true }),
        });
      }
    }
    out = next;
  }
  return out;
}

/**
 * For each interval rule that lets agreements only tighten (`stricterWith`, and no `allowsLooser` for
 * the type), a warning at each arrangement whose interval is longer than the rule's on the first day
 * both apply: the agreement is not applied as agreed. One warning per arrangement and rule.
 */
export function looserAgreementWarnings(
  history: History,
  versions: readonly { readonly ctx: EvalContext; readonly rules: readonly Rule[] }[],
  over: HistoryIndex,
): Warning[] {
  const warnings: Warning[] = [];
  const said = new Set<string>();
  // Each arrangement's path, worked out only when some rule meets an agreement (not on every call).
  let paths: Map<Arrangement, string> | undefined;
  const pathOf = (a: Arrangement): string => {
    if (paths === undefined) {
      const found = new Map<Arrangement, string>();
      history.staff.forEach((s, i) => {
        (s.arrangements ?? []).forEach((x, j) => {
          found.set(x, `staff[${i}].arrangements[${j}]`);
        });
      });
      paths = found;
    }
    return paths.get(a) ?? 'staff';
  };
  for (const { ctx, rules } of versions)
    for (const rule of rules) {
      if (rule.kind !== 'interval') continue;
      const types = (rule.stricterWith ?? []).filter((t) => rule.allowsLooser?.arrangement !== t);
      if (types.length === 0) continue;
      const views = rule.subject === 'staff' ? over.staff : rule.subject === 'case' ? over.cases : [];
      for (const view of views)
        for (const type of types) {
          const agreed = agreedIntervals(view, type, ctx);
          if (agreed.length === 0) continue;
          const { stricterWith: _tighten, ...loose } = rule;
          const own = buildSegments(loose, view, ctx).segments;
          for (const a of agreed) {
            const path = pathOf(a.arrangement);
            const key = `${path}\u0000${rule.id}\u0000${rule.activity}`;
            if (said.has(key)) continue;
            const seg = own.find((s) => s.to >= a.from && s.from <= a.to);
            if (seg === undefined) continue;
            const day = Math.max(seg.from, a.from);
            if (advanceBy(a.interval, ctx.calendar)(day) <= seg.advance(day)) continue;
            said.add(key);
            warnings.push({
              path,
              message: `the agreed ${describeDuration(a.interval)} is longer than ${rule.id}'s ${describeDuration(seg.interval.every)}, and the policy allows an agreement only to make ${rule.id} stricter (no allowsLooser): ${rule.id} keeps its ${describeDuration(seg.interval.every)}`,
            });
          }
        }
    }
  return warnings;
}
