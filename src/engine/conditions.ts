import type { WorkingCalendar } from '../calendar/index.js';
import type { Condition } from '../policy/schema.js';
import { advanceBy } from './durations.js';
import type { HistoryIndex, StaffView, SubjectView } from './history-index.js';
import { ALWAYS, complement, intersect, NEVER, normalize, type Span, type Spans, union } from './spans.js';

export interface ConditionContext {
  readonly index: HistoryIndex;
  readonly calendar: WorkingCalendar;
}

/**
 * The days on which a condition holds for a subject. Keys are ANDed; a key that does not fit the
 * subject (a role asked of a case) never holds, and `lintPolicy` says so.
 */
export function conditionSpans(
  cond: Condition | undefined,
  subject: SubjectView,
  ctx: ConditionContext,
): Spans {
  if (cond === undefined) return ALWAYS;
  let out: Spans = ALWAYS;
  for (const key of Object.keys(cond) as (keyof Condition)[]) {
    if (cond[key] === undefined) continue;
    out = intersect(out, keySpans(cond, key, subject, ctx));
    if (out.length === 0) return NEVER;
  }
  return out;
}

const flag = (holds: boolean): Spans => (holds ? ALWAYS : NEVER);
const ranges = (rs: readonly { from: number; to: number }[]): Spans =>
  normalize(rs.map((r): Span => [r.from, r.to]));

function keySpans(cond: Condition, key: keyof Condition, subject: SubjectView, ctx: ConditionContext): Spans {
  switch (key) {
    case 'all':
      return cond.all!.reduce<Spans>((acc, c) => intersect(acc, conditionSpans(c, subject, ctx)), ALWAYS);
    case 'any':
      return cond.any!.reduce<Spans>((acc, c) => union(acc, conditionSpans(c, subject, ctx)), NEVER);
    case 'not':
      return complement(conditionSpans(cond.not, subject, ctx));
    default:
      if (subject.kind === 'staff') return staffSpans(cond, key, subject, ctx);
      if (subject.kind === 'case') return caseSpans(cond, key, subject);
      return NEVER;
  }
}

function staffSpans(cond: Condition, key: keyof Condition, s: StaffView, ctx: ConditionContext): Spans {
  const staff = s.staff;
  switch (key) {
    case 'role':
      return cond.role!.includes(staff.role) ? [[s.roleStart, Infinity]] : NEVER;
    case 'tag':
      // Tags are not dated: a worker carries them throughout.
      return flag(staff.tags?.some((t) => cond.tag!.includes(t)) === true);
    case 'asye': {
      const spans: Spans = s.asye ? [s.asye] : NEVER;
      return cond.asye ? spans : complement(spans);
    }
    case 'fullTime':
      return flag((staff.fullTime ?? true) === cond.fullTime);
    case 'service':
      return flag(staff.service != null && cond.service!.includes(staff.service));
    case 'qualifiedFor':
      // No qualification date given: taken as qualified long enough (README: interpretations).
      return s.qualifiedOn === null
        ? ALWAYS
        : [[advanceBy(cond.qualifiedFor!, ctx.calendar)(s.qualifiedOn), Infinity]];
    case 'since': {
      const since = cond.since!;
      const anchor =
        since.anchor === 'start' ? s.start : since.anchor === 'roleStart' ? s.roleStart : s.asye?.[0];
      if (anchor === undefined) return NEVER;
      const from = since.from ? advanceBy(since.from, ctx.calendar)(anchor) : anchor;
      const to = since.to ? advanceBy(since.to, ctx.calendar)(anchor) - 1 : Infinity;
      return from <= to ? [[from, to]] : NEVER;
    }
    case 'confirmedInPost': {
      const confirmed: Spans = s.confirmedOn === null ? ALWAYS : [[s.confirmedOn, Infinity]];
      return cond.confirmedInPost ? confirmed : complement(confirmed);
    }
    case 'arrangement':
      return ranges(s.arrangements.filter((a) => a.arrangement.type === cond.arrangement));
    case 'supervisorReportsOver': {
      const limit = cond.supervisorReportsOver!;
      return ranges(s.supervisors.filter((sup) => (reportsOf(sup.supervisorId, ctx.index) ?? 0) > limit));
    }
    case 'allocated':
    case 'episode':
    case 'flag':
      return NEVER;
    default:
      return NEVER;
  }
}

/**
 * How many staff each supervisor has (at any time): counted once per index, kept on it (`memo`), over
 * the whole staff map (a part of an index, `evaluateEach`, shares the map and the memo).
 */
function reportsOf(supervisorId: string, index: HistoryIndex): number | undefined {
  const sup = index.staffById.get(supervisorId);
  if (sup?.staff.directReports !== undefined) return sup.staff.directReports;
  let counts = index.memo.reportCounts;
  if (counts === undefined) {
    const counted = new Map<string, number>();
    for (const s of index.staffById.values())
      for (const id of new Set(s.supervisors.map((x) => x.supervisorId)))
        counted.set(id, (counted.get(id) ?? 0) + 1);
    counts = counted;
    index.memo.reportCounts = counts;
  }
  return counts.get(supervisorId) ?? 0;
}

/** A case's dated entries (episodes, flags) as the days under each word (type, flag). */
function byWord<T extends { from: number; to: number }>(
  entries: readonly T[],
  word: (entry: T) => string,
): Map<string, Spans> {
  const out = new Map<string, Span[]>();
  for (const e of entries) {
    const list = out.get(word(e));
    if (list === undefined) out.set(word(e), [[e.from, e.to]]);
    else list.push([e.from, e.to]);
  }
  // One entry is a span as it is (when it is one: from on or before to); more are sorted and merged.
  for (const [w, list] of out)
    if (list.length > 1 || list[0]![0] > list[0]![1]) out.set(w, [...normalize(list)]);
  return out;
}

/** The days under any of the words. */
function anyOf(byWord: ReadonlyMap<string, Spans>, words: readonly string[]): Spans {
  if (words.length === 1) return byWord.get(words[0]!) ?? NEVER;
  return words.reduce<Spans>((acc, w) => union(acc, byWord.get(w) ?? NEVER), NEVER);
}

function caseSpans(cond: Condition, key: keyof Condition, c: SubjectView & { kind: 'case' }): Spans {
  switch (key) {
    case 'episode':
      c.memo.episodeSpans ??= byWord(c.episodes, (e) => e.type);
      return anyOf(c.memo.episodeSpans, cond.episode!);
    case 'flag':
      c.memo.flagSpans ??= byWord(c.flags, (f) => f.flag);
      return anyOf(c.memo.flagSpans, cond.flag!);
    case 'allocated': {
      const spans = ranges(c.allocations);
      return cond.allocated ? spans : complement(spans);
    }
    default:
      return NEVER;
  }
}
