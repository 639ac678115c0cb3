import { fromDayNumber, type WorkingCalendar } from '../calendar/index.js';
import type { Policy, Rule, RuleOf } from '../policy/schema.js';
import type {
  Breach,
  NotEvaluable,
  Obligation,
  Recording,
  Retention,
  Subject,
  SubjectTotals,
} from '../report/types.js';
import { type ConditionContext, conditionSpans } from './conditions.js';
import { emitter } from './emit.js';
import { type GivenBy, givenByView } from './given-by.js';
import type { HistoryIndex, SubjectView } from './history-index.js';
import { lowerBound } from './lower-bound.js';
import type { MergedEntry, VersionInForce } from './prepare.js';

export type { VersionInForce } from './prepare.js';

import { ALWAYS, intersect, type Spans, subtract } from './spans.js';

/** What the rules write into, through their emitter (emit.ts). */
export interface Findings {
  obligations: Obligation[];
  breaches: Breach[];
  recordings: Recording[];
  /** Each recording's sort key (`recordingKey`), kept as it is made. */
  recordingKeys: number[];
  notEvaluable: NotEvaluable[];
  retention: Retention[];
  /**
   * Deadlines judged (met, late or missed) and those met on time, for the share held in timescale;
   * records due (made, late or overdue) and those made on time, counted as each is judged.
   */
  tally: { deadlines: number; deadlinesMet: number; recordsDue: number; recordsOnTime: number };
  /** The same counts per subject (type, then id), for a per-worker share. */
  bySubject: SubjectTallies;
}

export type SubjectTallies = Record<Subject['type'], Map<string, Omit<SubjectTotals, 'subject'>>>;

function subjectTally(ctx: EvalContext, subject: Subject) {
  const byId = ctx.out.bySubject[subject.type];
  let t = byId.get(subject.id);
  if (t === undefined) {
    t = { deadlines: 0, deadlinesMet: 0, records: 0, recordsOnTime: 0 };
    byId.set(subject.id, t);
  }
  return t;
}

/** Counts one judged deadline, in the report's totals and in its subject's. */
export function tally(ctx: EvalContext, metOnTime: boolean, subject: Subject): void {
  ctx.out.tally.deadlines++;
  if (metOnTime) ctx.out.tally.deadlinesMet++;
  const t = subjectTally(ctx, subject);
  t.deadlines++;
  if (metOnTime) t.deadlinesMet++;
}

/** Counts one record due by `asOf` (made on time, late or not at all), in the totals and its subject's. */
export function tallyRecord(ctx: EvalContext, onTime: boolean, subject: Subject): void {
  ctx.out.tally.recordsDue++;
  if (onTime) ctx.out.tally.recordsOnTime++;
  const t = subjectTally(ctx, subject);
  t.records++;
  if (onTime) t.recordsOnTime++;
}

/** Everything a rule needs to evaluate one policy against one history, built once per evaluation. */
export interface EvalContext extends ConditionContext {
  readonly policy: Policy;
  readonly index: HistoryIndex;
  readonly calendar: WorkingCalendar;
  /** `asOf` as a day number and as given. */
  readonly asOf: number;
  readonly asOfIso: string;
  /** Deadlines before this day are not judged: the later of `recordsFrom` and the policy's `effectiveFrom`. */
  readonly judgedFrom: number;
  /** Clocks start no earlier than this (`recordsFrom`). */
  readonly recordsFrom: number;
  readonly absencePauses: boolean;
  /**
   * The policy version whose rule runs: its name and the days it is in force (`from` to `to`; the
   * first version from -Infinity, the last to Infinity, so one version is in force on every day).
   */
  readonly version: VersionInForce;
  /** The last day the running rule is in force, through later versions that keep it; Infinity if none drops it. */
  readonly ruleEnd: number;
  /** Each interval rule of the running version with its schedule, exceptions merged in (`preparePolicy`). */
  readonly schedules: ReadonlyMap<RuleOf<'interval'>, readonly MergedEntry[]>;
  readonly out: Findings;
  /** One subject object per subject in a report, however many findings name it. */
  readonly subjects: SubjectCache;
}

/** Whether the running rule's version is in force on a day. */
export const inForce = (ctx: EvalContext, day: number): boolean =>
  day >= ctx.version.from && day <= ctx.version.to;

export type SubjectCache = Record<Subject['type'], Map<string, Subject>>;

export const subjectCache = (): SubjectCache => ({ staff: new Map(), case: new Map(), team: new Map() });

/** The report's subject object for a subject type and id (made on first use). */
export function subjectFor(ctx: EvalContext, type: Subject['type'], id: string): Subject {
  const byId = ctx.subjects[type];
  let subject = byId.get(id);
  if (subject === undefined) {
    subject = { type, id };
    byId.set(id, subject);
  }
  return subject;
}

export function subjectOf(view: SubjectView, ctx: EvalContext): Subject {
  return subjectFor(ctx, view.kind, view.id);
}

/**
 * The subjects a rule is about. Under `givenBy`, each as the rule sees it (only sessions given as
 * asked count); a worker with no `lineManagerId` under a line-manager rule is left out, and said to
 * be not evaluable where the rule's `when` holds for them.
 */
export function subjectsOf(
  rule: Rule & { subject: 'staff' | 'case' | 'team' },
  ctx: EvalContext,
): readonly SubjectView[] {
  const all =
    rule.subject === 'staff' ? ctx.index.staff : rule.subject === 'case' ? ctx.index.cases : ctx.index.teams;
  const { givenBy, counts = [] } = rule as { givenBy?: GivenBy; counts?: readonly string[] };
  if (givenBy === undefined) return all;
  const seen: SubjectView[] = [];
  for (const view of all) {
    const given = givenByView(view, givenBy, counts, ctx.index);
    if (given !== null) seen.push(given);
    else if (intersect(baseSpans(view, ctx), conditionSpans(rule.when, view, ctx)).length > 0)
      emitter(rule, ctx).notEvaluable(subjectOf(view, ctx), { why: 'no-line-manager' });
  }
  return seen;
}

/**
 * The days on which a subject can owe anything at all: a worker while employed and not absent
 * (when the policy pauses for absence), a case while open, a team while anyone in it is employed.
 */
export function baseSpans(view: SubjectView, ctx: EvalContext): Spans {
  if (view.kind === 'staff') {
    const employed: Spans = [[view.start, view.end]];
    return ctx.absencePauses ? subtract(employed, view.absences) : employed;
  }
  if (view.kind === 'case') return view.open;
  return view.employed.length > 0 ? view.employed : intersect(ALWAYS, []);
}

/**
 * Held events of the given types for a subject, by day (a case counts those that list it). Worked
 * out once per subject and list of types, kept on the view (`memo`): rules (and, in `compare`,
 * policies) ask the same again.
 */
export function qualifying(view: SubjectView, types: readonly string[]): readonly number[] {
  const memo = view.memo;
  memo.qualifyingByList ??= new Map();
  let days = memo.qualifyingByList.get(types);
  if (days !== undefined) return days;
  const key = types.length === 1 ? types[0]! : types.join('\u0000');
  memo.qualifying ??= new Map();
  days = memo.qualifying.get(key);
  if (days === undefined) {
    const found: number[] = [];
    for (const ev of view.events) {
      if (!ev.held || !types.includes(ev.type)) continue;
      if (found[found.length - 1] !== ev.day) found.push(ev.day);
    }
    days = found;
    memo.qualifying.set(key, days);
  }
  memo.qualifyingByList.set(types, days);
  return days;
}

/**
 * The date of the subject's last held event of these types on or before `asOf` (an obligation's
 * `lastMetOn`); for a worker, not before they started (an event before it is outside their employment).
 */
export function lastOf(view: SubjectView, types: readonly string[], asOf: number): string | null {
  const days = qualifying(view, types);
  const i = lowerBound(days, asOf + 1, (day) => day);
  if (i === 0 || (view.kind === 'staff' && days[i - 1]! < view.start)) return null;
  return fromDayNumber(days[i - 1]!);
}

export function severityOf(rule: Rule): 'breach' | 'advisory' {
  return rule.strength === 'advisory' ? 'advisory' : 'breach';
}
