import { isIsoDate, toDayNumber, WorkingCalendar } from '../calendar/index.js';
import { InputError, type Issue } from '../errors/input-error.js';
import { messages } from '../errors/messages.js';
import { checkHistory } from '../history/parse.js';
import type { History } from '../history/schema.js';
import { type PolicyId, resolvePolicy } from '../policies.js';
import type { Policy, RuleOf } from '../policy/schema.js';
import { sortByDue, sortNotEvaluable, sortRecordings, sortRetention } from '../report/sort.js';
import type { Report, Warning } from '../report/types.js';
import { type EvalContext, type Findings, subjectCache } from './context.js';
import { type HistoryIndex, indexHistory } from './history-index.js';
import { runRule } from './rule-kinds.js';

export interface EvaluateOptions {
  /** The date to evaluate as of (`YYYY-MM-DD`): events after it are ignored, overdue means before it. */
  asOf: string;
  /** Refuse fields the history format does not know (`invalid-history`), instead of listing them in `report.warnings`. */
  strict?: boolean | undefined;
}

/** The problems with `options.asOf` and `options.strict`, if any (shared with `compare`). */
export function asOfIssues(options: unknown): Issue[] {
  const { asOf, strict } = (options ?? {}) as { asOf?: unknown; strict?: unknown };
  const issues: Issue[] = [];
  if (typeof asOf !== 'string' || !isIsoDate(asOf))
    issues.push({
      path: 'asOf',
      message: asOf === undefined ? messages.required('asOf') : messages.notADate(asOf),
    });
  if (strict !== undefined && typeof strict !== 'boolean')
    issues.push({ path: 'strict', message: messages.wrongType('boolean', strict) });
  return issues;
}

/** Validates all three inputs before anything is evaluated; throws the first kind of problem found. */
function check(
  policy: Policy | PolicyId,
  history: unknown,
  options: EvaluateOptions | undefined,
): { policy: Policy; history: History; asOf: string; warnings: Issue[] } {
  const optionIssues = asOfIssues(options);
  const resolved = resolvePolicy(policy, 'policy');
  const checkedHistory = checkHistory(history, { strict: options?.strict === true });
  if (!checkedHistory.ok) throw new InputError('invalid-history', checkedHistory.issues);
  if (optionIssues.length > 0) throw new InputError('invalid-options', optionIssues);
  const { history: valid, warnings } = checkedHistory;
  return { policy: resolved, history: valid, asOf: (options as EvaluateOptions).asOf, warnings };
}

/**
 * Evaluates a supervision history against a policy as of a date: for every worker, child and team,
 * the next due date of each requirement, every record's deadline, and every breach, each with its
 * citation and a plain sentence. Pure: no I/O, no clock, no mutation of its arguments.
 *
 * @throws {InputError} when the policy, the history or the options are invalid (every problem listed).
 * @example
 * const report = evaluate('york', history, { asOf: '2025-09-15' });
 * for (const b of report.breaches) console.log(b.ruleId, b.explanation);
 */
export function evaluate(policy: Policy | PolicyId, history: unknown, options: EvaluateOptions): Report {
  const checked = check(policy, history, options);
  return evaluateValid(checked.policy, checked.history, checked.asOf, undefined, checked.warnings);
}

/**
 * `evaluate` without throwing: `{ ok: true, report }` or `{ ok: false, issues }`.
 *
 * @example
 * const result = safeEvaluate('derby', input, { asOf: '2025-10-31' });
 * if (!result.ok) for (const i of result.issues) console.error(`${i.path}: ${i.message}`);
 */
export function safeEvaluate(
  policy: Policy | PolicyId,
  history: unknown,
  options: EvaluateOptions,
):
  | { ok: true; report: Report }
  | { ok: false; issues: InputError['issues']; code: InputError['code']; omitted: number } {
  let checked: ReturnType<typeof check>;
  try {
    checked = check(policy, history, options);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { ok: false, issues: e.issues, code: e.code, omitted: e.omitted };
  }
  return {
    ok: true,
    report: evaluateValid(checked.policy, checked.history, checked.asOf, undefined, checked.warnings),
  };
}

/**
 * Evaluates inputs that have already been validated. `index` lets `compare` index a history once
 * for several policies (the index depends on the history alone); `inputWarnings` are validation's
 * (unknown fields), listed before the index's.
 */
export function evaluateValid(
  policy: Policy,
  history: History,
  asOf: string,
  index: HistoryIndex = indexHistory(history),
  inputWarnings: readonly Warning[] = [],
): Report {
  const calendar = new WorkingCalendar({
    closures: [...(policy.closures ?? []), ...(history.calendar?.closures ?? [])],
  });
  const out: Findings = {
    obligations: [],
    breaches: [],
    recordings: [],
    recordingKeys: [],
    notEvaluable: [],
    retention: [],
    tally: { deadlines: 0, deadlinesMet: 0, recordsDue: 0, recordsOnTime: 0 },
  };
  const exceptions = new Map<string, RuleOf<'exception'>[]>();
  for (const rule of policy.rules)
    if (rule.kind === 'exception')
      exceptions.set(rule.modifies, [...(exceptions.get(rule.modifies) ?? []), rule]);
  const ctx: EvalContext = {
    policy,
    index,
    calendar,
    asOf: toDayNumber(asOf),
    asOfIso: asOf,
    recordsFrom: index.recordsFrom,
    judgedFrom: Math.max(index.recordsFrom, toDayNumber(policy.effectiveFrom)),
    absencePauses: policy.settings?.absencePauses ?? true,
    exceptions,
    out,
    subjects: subjectCache(),
  };
  for (const rule of policy.rules) runRule(rule, ctx);
  return {
    policy: { id: policy.id, name: policy.name, version: policy.version },
    asOf,
    obligations: sortByDue(out.obligations),
    recordings: sortRecordings(out.recordings, out.recordingKeys),
    breaches: sortByDue(out.breaches),
    notEvaluable: sortNotEvaluable(out.notEvaluable),
    warnings: [...inputWarnings, ...index.warnings],
    retention: sortRetention(out.retention),
    totals: {
      deadlines: out.tally.deadlines,
      deadlinesMet: out.tally.deadlinesMet,
      records: out.tally.recordsDue,
      recordsOnTime: out.tally.recordsOnTime,
    },
  };
}
