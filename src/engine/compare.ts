import type { Issue } from '../errors/input-error.js';
import { messages } from '../errors/messages.js';
import { checkHistory } from '../history/parse.js';
import { mergeVocabularies } from '../history/vocabulary.js';
import type { Policy } from '../policy/schema.js';
import type { Obligation, Report } from '../report/types.js';
import { evaluationBoundIssues } from './bounds.js';
import { evaluateValid, type PolicyResolver, readOptions, throwAll, throwBounds } from './evaluate.js';
import { indexHistory } from './history-index.js';
import type { PreparedPolicy } from './prepare.js';

/** `compare`'s options; `Id` is the policy ids the front door knows. */
export interface CompareOptions<Id extends string = string> {
  asOf: string;
  /** Refuse fields the history format does not know, instead of listing them in each report's warnings. */
  strict?: boolean | undefined;
  /** Built-in ids or policy definitions; default all five built-in policies. */
  policies?: readonly (Id | Policy)[];
}

/** What one policy makes of the history, in numbers a manager can compare across councils. */
export interface PolicySummary {
  /** Breaches per rule id, split by severity. */
  breachesByRule: Record<string, { breach: number; advisory: number }>;
  breachesBySeverity: { breach: number; advisory: number };
  /** Share (0–1) of judged deadlines met in time; null when none was judged. */
  sessionsInTimescale: number | null;
  /** Share (0–1) of records due by `asOf` that were made on time; null when none was due. */
  recordsOnTime: number | null;
  /**
   * What is overdue on `asOf`: obligations past their due date (sessions and other meetings) and
   * records not yet made after their deadline (recordings with status `overdue`).
   */
  overdueNow: { sessions: number; records: number };
  /** The next 10 obligations due on or after `asOf`. */
  nextDue: Obligation[];
}

export interface Comparison {
  asOf: string;
  results: { policy: Report['policy']; report: Report; summary: PolicySummary }[];
}

/**
 * The engine's `compare`: each policy resolved by `resolve` (the front door's `compare` passes its
 * own, which knows the built-in ids; `defaults` are the policies compared when none are given), then
 * one validated, indexed history evaluated against each.
 *
 * @throws {InputError} for an invalid history, option or policy: every problem of all of them, under
 * the code of the first (options, policies, history).
 */
export function compareWith(
  resolve: PolicyResolver,
  defaults: readonly string[],
  history: unknown,
  options: unknown,
): Comparison {
  const { asOf, strict, issues: optionIssues } = readOptions(options);
  const listed = readPolicies(options, defaults);
  optionIssues.push(...listed.issues);
  const policies: PreparedPolicy[] = [];
  const policyIssues: Issue[] = [];
  let policyCode: 'unknown-policy' | 'invalid-policy' = 'invalid-policy';
  listed.policies.forEach((p, i) => {
    const resolved = resolve(p, `policies[${i}]`, `policies[${i}]`);
    if (resolved.ok) policies.push(resolved.prepared);
    else {
      if (policyIssues.length === 0) policyCode = resolved.code;
      policyIssues.push(...resolved.issues);
    }
  });
  // Words any of the policies declares (none checked when a policy is not valid).
  const vocabulary =
    policyIssues.length > 0 ? null : mergeVocabularies(policies.map((p) => p.policy.vocabulary));
  const checked = checkHistory(history, { strict, vocabulary });
  if (asOf === null || optionIssues.length > 0 || policyIssues.length > 0 || !checked.ok)
    throwAll([
      ['invalid-options', optionIssues],
      [policyCode, policyIssues],
      ['invalid-history', checked.ok ? [] : checked.issues],
    ]);
  const bounds = new Map<string, Issue>();
  for (const { policy } of policies)
    for (const issue of evaluationBoundIssues(policy, checked.history, asOf))
      bounds.set(`${issue.path}\n${issue.message}`, issue);
  if (bounds.size > 0) throwBounds([...bounds.values()]);
  // Validated and indexed once, evaluated per policy.
  const index = indexHistory(checked.history);
  return {
    asOf,
    results: policies.map((prepared) => {
      const report = evaluateValid(prepared, checked.history, asOf, index, checked.warnings);
      return { policy: report.policy, report, summary: summarise(report) };
    }),
  };
}

/** The most policies one comparison takes. */
const MAX_POLICIES = 100;

/** `options.policies` read once: a list (default `defaults`), or the problem with it. */
function readPolicies(
  options: unknown,
  defaults: readonly string[],
): { policies: readonly unknown[]; issues: Issue[] } {
  let value: unknown;
  try {
    value = (options as { policies?: unknown } | undefined)?.policies;
    if (value === undefined) return { policies: defaults, issues: [] };
    if (Array.isArray(value) && value.length > MAX_POLICIES)
      return { policies: [], issues: [{ path: 'policies', message: messages.tooManyItems(MAX_POLICIES) }] };
    if (Array.isArray(value)) return { policies: Array.from(value), issues: [] };
  } catch {
    return { policies: [], issues: [{ path: 'policies', message: messages.unreadable() }] };
  }
  return {
    policies: [],
    issues: [{ path: 'policies', message: messages.wrongType('a list of policy ids or definitions', value) }],
  };
}

/** The summary `compare` gives for one report. */
export function summarise(report: Report): PolicySummary {
  const breachesByRule: PolicySummary['breachesByRule'] = {};
  const breachesBySeverity = { breach: 0, advisory: 0 };
  for (const b of report.breaches) {
    breachesByRule[b.ruleId] ??= { breach: 0, advisory: 0 };
    breachesByRule[b.ruleId]![b.severity]++;
    breachesBySeverity[b.severity]++;
  }
  const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  const overdueNow = { sessions: 0, records: 0 };
  for (const o of report.obligations) if (o.status === 'overdue') overdueNow.sessions++;
  for (const r of report.recordings) if (r.status === 'overdue') overdueNow.records++;
  return {
    breachesByRule,
    breachesBySeverity,
    sessionsInTimescale: share(report.totals.deadlinesMet, report.totals.deadlines),
    recordsOnTime: share(report.totals.recordsOnTime, report.totals.records),
    overdueNow,
    nextDue: report.obligations.filter((o) => o.dueOn >= report.asOf).slice(0, 10),
  };
}
