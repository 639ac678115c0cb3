import type { Issue } from '../errors/input-error.js';
import { messages } from '../errors/messages.js';
import { checkHistory } from '../history/parse.js';
import { mergeVocabularies } from '../history/vocabulary.js';
import { type PolicyId, policyIds, tryResolvePolicy } from '../policies.js';
import type { Policy } from '../policy/schema.js';
import type { Obligation, Report } from '../report/types.js';
import { evaluationBoundIssues } from './bounds.js';
import { evaluateValid, readOptions, throwAll, throwBounds } from './evaluate.js';
import { indexHistory } from './history-index.js';

export interface CompareOptions {
  asOf: string;
  /** Refuse fields the history format does not know, instead of listing them in each report's warnings. */
  strict?: boolean | undefined;
  /** Built-in ids or policy definitions; default all five built-in policies. */
  policies?: readonly (PolicyId | Policy)[];
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
 * Evaluates one history against several policies (default: all five built-in) and summarises
 * each, so a council changing policy, or a worker moving council, sees the difference.
 *
 * @throws {InputError} for an invalid history, option or policy: every problem of all of them, under
 * the code of the first (options, policies, history).
 * @example
 * const { results } = compare(history, { asOf: '2025-12-01', policies: ['york', 'derby'] });
 * results.map((r) => [r.policy.id, r.summary.breachesBySeverity.breach]);
 */
export function compare(history: unknown, options: CompareOptions): Comparison {
  const { asOf, strict, issues: optionIssues } = readOptions(options);
  const listed = readPolicies(options);
  optionIssues.push(...listed.issues);
  const policies: Policy[] = [];
  const policyIssues: Issue[] = [];
  let policyCode: 'unknown-policy' | 'invalid-policy' = 'invalid-policy';
  listed.policies.forEach((p, i) => {
    const resolved = tryResolvePolicy(p, `policies[${i}]`, `policies[${i}]`);
    if (resolved.ok) policies.push(resolved.policy);
    else {
      if (policyIssues.length === 0) policyCode = resolved.code;
      policyIssues.push(...resolved.issues);
    }
  });
  // Words any of the policies declares (none checked when a policy is not valid).
  const vocabulary = policyIssues.length > 0 ? null : mergeVocabularies(policies.map((p) => p.vocabulary));
  const checked = checkHistory(history, { strict, vocabulary });
  if (asOf === null || optionIssues.length > 0 || policyIssues.length > 0 || !checked.ok)
    throwAll([
      ['invalid-options', optionIssues],
      [policyCode, policyIssues],
      ['invalid-history', checked.ok ? [] : checked.issues],
    ]);
  const bounds = new Map<string, Issue>();
  for (const policy of policies)
    for (const issue of evaluationBoundIssues(policy, checked.history, asOf))
      bounds.set(`${issue.path}\n${issue.message}`, issue);
  if (bounds.size > 0) throwBounds([...bounds.values()]);
  // Validated and indexed once, evaluated per policy.
  const index = indexHistory(checked.history);
  return {
    asOf,
    results: policies.map((policy) => {
      const report = evaluateValid(policy, checked.history, asOf, index, checked.warnings);
      return { policy: report.policy, report, summary: summarise(report) };
    }),
  };
}

/** The most policies one comparison takes. */
const MAX_POLICIES = 100;

/** `options.policies` read once: a list (default all built-in), or the problem with it. */
function readPolicies(options: unknown): { policies: readonly unknown[]; issues: Issue[] } {
  let value: unknown;
  try {
    value = (options as { policies?: unknown } | undefined)?.policies;
    if (value === undefined) return { policies: policyIds, issues: [] };
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
