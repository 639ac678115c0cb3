import { isIsoDate, toDayNumber } from '../calendar/index.js';
import { InputError, type InputErrorCode, type Issue } from '../errors/input-error.js';
import { messages } from '../errors/messages.js';
import { checkHistory } from '../history/parse.js';
import type { History } from '../history/schema.js';
import { sortByDue, sortNotEvaluable, sortRecordings, sortRetention } from '../report/sort.js';
import type { NotEvaluable, Report, SubjectTotals, Warning } from '../report/types.js';
import { evaluateIntervalVersions } from '../rules/interval.js';
import { looserAgreementWarnings } from './agreements.js';
import { evaluationBoundIssues } from './bounds.js';
import {
  type EvalContext,
  type Findings,
  type SubjectCache,
  type SubjectTallies,
  subjectCache,
} from './context.js';
import { type HistoryIndex, indexHistory } from './history-index.js';
import { calendarFor, type PreparedPolicy } from './prepare.js';
import { runRule } from './rule-kinds.js';

export interface EvaluateOptions {
  /** The date to evaluate as of (`YYYY-MM-DD`): events after it are ignored, overdue means before it. */
  asOf: string;
  /** Refuse fields the history format does not know (`invalid-history`), instead of listing them in `report.warnings`. */
  strict?: boolean | undefined;
}

/**
 * `options.asOf` and `options.strict`, each read once (a getter or proxy is read a single time), and
 * their problems (shared with `compare`).
 */
export function readOptions(options: unknown): { asOf: string | null; strict: boolean; issues: Issue[] } {
  const issues: Issue[] = [];
  const read = (key: 'asOf' | 'strict'): unknown => {
    try {
      return (options as Record<string, unknown> | undefined)?.[key];
    } catch {
      issues.push({ path: key, message: messages.unreadable() });
      return undefined;
    }
  };
  const asOf = read('asOf');
  const unreadable = issues.length > 0;
  const strict = read('strict');
  const validAsOf = typeof asOf === 'string' && isIsoDate(asOf);
  if (!validAsOf && !unreadable)
    issues.push({
      path: 'asOf',
      message: asOf === undefined ? messages.required('asOf') : messages.notADate(asOf),
    });
  if (strict !== undefined && typeof strict !== 'boolean')
    issues.push({ path: 'strict', message: messages.wrongType('boolean', strict) });
  return { asOf: validAsOf ? asOf : null, strict: strict === true, issues };
}

/**
 * Throws one InputError listing the problems of every input that has any; its code is the first such
 * input's (in the order given).
 */
export function throwAll(stages: readonly (readonly [InputErrorCode, readonly Issue[]])[]): never {
  const withIssues = stages.filter(([, issues]) => issues.length > 0);
  const first = withIssues[0];
  if (first === undefined) throw new InputError('invalid-options', []);
  throw new InputError(
    first[0],
    withIssues.flatMap(([, issues]) => issues),
  );
}

/** Refuses an evaluation beyond EVALUATION_LIMITS (bounds.ts): `asOf`'s under invalid-options, the rest under invalid-history. */
export function throwBounds(issues: readonly Issue[]): never {
  return throwAll([
    ['invalid-history', issues.filter((i) => i.path !== 'asOf')],
    ['invalid-options', issues.filter((i) => i.path === 'asOf')],
  ]);
}

/** A policy as the front door resolved it (looked up by id, or validated) and prepared; or every problem with it. */
export type PolicyResolution =
  | { ok: true; prepared: PreparedPolicy }
  | { ok: false; code: 'unknown-policy' | 'invalid-policy'; issues: Issue[] };

/**
 * Resolves a policy as given to `evaluate` or `compare`: a built-in id, a prepared policy or a
 * definition to validate, its problems reported at `path` (an unknown id) or at their own paths
 * under `prefix`. The front door's job: the engine knows no built-in policy. Never throws.
 */
export type PolicyResolver = (policy: unknown, path: string, prefix?: string) => PolicyResolution;

/**
 * Validates all three inputs before anything is evaluated and lists every problem of all three in
 * one InputError; its code is the first input's with problems (policy, history, options). When
 * another input has problems too, a policy definition's paths start with `policy.`.
 */
export function check(
  resolve: PolicyResolver,
  policy: unknown,
  history: unknown,
  options: unknown,
): { prepared: PreparedPolicy; history: History; asOf: string; warnings: Issue[] } {
  const resolved = resolve(policy, 'policy');
  const option = readOptions(options);
  // The history's words are checked against the policy's vocabulary (not at all if there is no policy).
  const vocabulary = resolved.ok ? resolved.prepared.policy.vocabulary : null;
  const checked = checkHistory(history, { strict: option.strict, vocabulary });
  if (resolved.ok && checked.ok && option.issues.length === 0 && option.asOf !== null) {
    const bounds = evaluationBoundIssues(resolved.prepared.policy, checked.history, option.asOf);
    if (bounds.length === 0)
      return {
        prepared: resolved.prepared,
        history: checked.history,
        asOf: option.asOf,
        warnings: checked.warnings,
      };
    return throwBounds(bounds);
  }
  const historyIssues = checked.ok ? [] : checked.issues;
  let policyIssues = resolved.ok ? [] : resolved.issues;
  if (typeof policy !== 'string' && historyIssues.length + option.issues.length > 0)
    policyIssues = policyIssues.map((i) => ({ ...i, path: i.path === '' ? 'policy' : `policy.${i.path}` }));
  return throwAll([
    [resolved.ok ? 'invalid-policy' : resolved.code, policyIssues],
    ['invalid-history', historyIssues],
    ['invalid-options', option.issues],
  ]);
}

/**
 * The engine's `evaluate`: the policy resolved by `resolve` (the front door's `evaluate` passes its
 * own, which knows the built-in ids), then validated inputs evaluated.
 *
 * @throws {InputError} when the policy, the history or the options are invalid (every problem listed).
 */
export function evaluateWith(
  resolve: PolicyResolver,
  policy: unknown,
  history: unknown,
  options: unknown,
): Report {
  const checked = check(resolve, policy, history, options);
  return evaluateValid(checked.prepared, checked.history, checked.asOf, undefined, checked.warnings);
}

/** {@link evaluateWith} without throwing: `{ ok: true, report }` or `{ ok: false, issues }`. */
export function safeEvaluateWith(
  resolve: PolicyResolver,
  policy: unknown,
  history: unknown,
  options: unknown,
):
  | { ok: true; report: Report }
  | { ok: false; issues: InputError['issues']; code: InputError['code']; omitted: number } {
  let checked: ReturnType<typeof check>;
  try {
    checked = check(resolve, policy, history, options);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { ok: false, issues: e.issues, code: e.code, omitted: e.omitted };
  }
  return {
    ok: true,
    report: evaluateValid(checked.prepared, checked.history, checked.asOf, undefined, checked.warnings),
  };
}

/**
 * Evaluates inputs that have already been validated. `index` lets `compare` index a history once
 * for several policies (the index depends on the history alone); `inputWarnings` are validation's
 * (unknown fields), listed before the index's.
 */
export function evaluateValid(
  prepared: PreparedPolicy,
  history: History,
  asOf: string,
  index: HistoryIndex = indexHistory(history),
  inputWarnings: readonly Warning[] = [],
  warnAbout: HistoryIndex | null = index,
): Report {
  const { policy, versions } = prepared;
  const calendar = calendarFor(prepared, history.calendar?.closures ?? []);
  const out: Findings = {
    obligations: [],
    breaches: [],
    recordings: [],
    recordingKeys: [],
    notEvaluable: [],
    retention: [],
    tally: { deadlines: 0, deadlinesMet: 0, recordsDue: 0, recordsOnTime: 0 },
    bySubject: { staff: new Map(), case: new Map(), team: new Map() },
  };
  const base = {
    policy,
    index,
    calendar,
    asOf: toDayNumber(asOf),
    asOfIso: asOf,
    recordsFrom: index.recordsFrom,
    judgedFrom: Math.max(index.recordsFrom, toDayNumber(versions[0]!.effectiveFrom)),
    absencePauses: policy.settings?.absencePauses ?? true,
    out,
    subjects: subjectCache(),
  };
  const contexts = versions.map(
    (v): EvalContext => ({ ...base, version: v.inForce, ruleEnd: Infinity, schedules: v.schedules }),
  );
  // The plan (prepare.ts): each version's rules in its order; an interval rule kept by later versions
  // runs once, as one clock. Each finding's version and confidence are the emitter's (emit.ts).
  for (const step of prepared.plan) {
    if (step.kind === 'interval')
      evaluateIntervalVersions(step.parts.map((p) => ({ rule: p.rule, ctx: contexts[p.version]! })));
    else {
      // The version's own context when the rule ends with the policy (a copy costs more than the rule, often).
      const ctx = contexts[step.version]!;
      runRule(step.rule, step.until === ctx.ruleEnd ? ctx : { ...ctx, ruleEnd: step.until });
    }
  }
  // A rule kept by several versions says once what it cannot judge.
  if (versions.length > 1) out.notEvaluable = unique(out.notEvaluable);
  // The versions in force on some day up to asOf (the first is in force before its own date too).
  const used = versions.filter(
    (v, k) => k === 0 || (v.inForce.from <= toDayNumber(asOf) && v.inForce.from <= v.inForce.to),
  );
  return {
    policy: {
      id: policy.id,
      name: policy.name,
      version: used[used.length - 1]!.version,
      versions: used.map((v) => ({ version: v.version, effectiveFrom: v.effectiveFrom })),
    },
    asOf,
    obligations: sortByDue(out.obligations),
    recordings: sortRecordings(out.recordings, out.recordingKeys),
    breaches: sortByDue(out.breaches),
    notEvaluable: sortNotEvaluable(out.notEvaluable),
    warnings: [
      ...inputWarnings,
      ...index.warnings,
      ...(warnAbout === null
        ? []
        : looserAgreementWarnings(
            history,
            versions.map((v, k) => ({ ctx: contexts[k]!, rules: v.rules })),
            warnAbout,
          )),
    ],
    retention: sortRetention(out.retention),
    totals: {
      deadlines: out.tally.deadlines,
      deadlinesMet: out.tally.deadlinesMet,
      records: out.tally.recordsDue,
      recordsOnTime: out.tally.recordsOnTime,
    },
    totalsBySubject: subjectTotals(out.bySubject, base.subjects),
  };
}

/** Per-subject counts as the report lists them: by subject type (case, staff, team), then id. */
function subjectTotals(bySubject: SubjectTallies, subjects: SubjectCache): SubjectTotals[] {
  const out: SubjectTotals[] = [];
  for (const type of ['case', 'staff', 'team'] as const) {
    const ids = [...bySubject[type].keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const id of ids) {
      const subject = subjects[type].get(id) ?? { type, id };
      out.push({ subject, ...bySubject[type].get(id)! });
    }
  }
  return out;
}

function unique(list: readonly NotEvaluable[]): NotEvaluable[] {
  const seen = new Set<string>();
  return list.filter((n) => {
    const key = [n.ruleId, n.subject.type, n.subject.id, n.reason].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
