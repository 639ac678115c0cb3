/**
 * Runs the worked examples a policy's rules carry (`examples`): each evaluates the whole policy
 * against its history on its `asOf`, then checks the rule's own findings (same rule id; an
 * exception's are those of the rule it modifies) against what it expects. Pure: no I/O.
 */
import { safeEvaluate } from '../front-door.js';
import type { Report } from '../report/types.js';
import { ruleKey } from './load.js';
import type { Policy, Rule, RuleExample } from './schema.js';

/** The finding lists an example may name, as the report names them. */
export const EXAMPLE_LISTS = ['obligations', 'breaches', 'recordings', 'notEvaluable', 'retention'] as const;
export type ExampleList = (typeof EXAMPLE_LISTS)[number];

/** One example's outcome: `failures` says, in plain words, each thing expected and what was found. */
export interface ExampleResult {
  ruleId: string;
  activity: string;
  /** Where the example is in the policy, e.g. `rules[3].examples[0]` or `versions[1].rules[0].examples[0]`. */
  path: string;
  name: string;
  passed: boolean;
  failures: string[];
}

/**
 * Runs every example of every rule of the policy (each version's rules, inherited rules included;
 * an example repeated unchanged in a later version runs once) and returns one result per example,
 * in the order of the file.
 *
 * @example
 * const failed = runPolicyExamples(loadPolicy(myCouncil)).filter((r) => !r.passed);
 */
export function runPolicyExamples(policy: Policy): ExampleResult[] {
  const groups =
    policy.versions === undefined
      ? [{ prefix: '', rules: policy.rules }]
      : policy.versions.map((v, k) => ({ prefix: `versions[${k}].`, rules: v.rules }));
  const seen = new Set<string>();
  const results: ExampleResult[] = [];
  for (const { prefix, rules } of groups)
    rules.forEach((rule, i) => {
      (rule.examples ?? []).forEach((example, j) => {
        const key = `${ruleKey(rule)}\u0000${JSON.stringify(example)}`;
        if (seen.has(key)) return;
        seen.add(key);
        const failures = runExample(policy, rule, example);
        results.push({
          ruleId: rule.id,
          activity: rule.activity,
          path: `${prefix}rules[${i}].examples[${j}]`,
          name: example.name,
          passed: failures.length === 0,
          failures,
        });
      });
    });
  return results;
}

/** The failures of one example: an empty list when it passes. */
export function runExample(policy: Policy, rule: Rule, example: RuleExample): string[] {
  const result = safeEvaluate(policy, example.history, { asOf: example.asOf });
  if (!result.ok)
    return result.issues.map(
      (i) => `the example's history or asOf is not valid: ${i.path ? `${i.path}: ` : ''}${i.message}`,
    );
  const id = rule.kind === 'exception' ? rule.modifies : rule.id;
  const failures: string[] = [];
  const { absent, ...present } = example.expect;
  for (const list of EXAMPLE_LISTS) {
    const own = ownFindings(result.report, list, id);
    for (const wanted of present[list] ?? [])
      if (!own.some((f) => matches(f, wanted)))
        failures.push(`expected ${singular(list)} ${show(wanted)}, but ${found(own, list, id)}`);
    for (const unwanted of absent?.[list] ?? []) {
      const hit = own.find((f) => matches(f, unwanted));
      if (hit !== undefined)
        failures.push(
          `expected no ${singular(list).replace(/^an? /, '')} matching ${show(unwanted)}, but found ${show(brief(hit))}`,
        );
    }
  }
  return failures;
}

function ownFindings(report: Report, list: ExampleList, id: string): unknown[] {
  return (report[list] as readonly { ruleId: string }[]).filter((f) => f.ruleId === id);
}

/** `actual` has every field `wanted` gives, equal (objects compared field by field, the same way). */
export function matches(actual: unknown, wanted: unknown): boolean {
  if (wanted === null || typeof wanted !== 'object') return actual === wanted;
  if (actual === null || typeof actual !== 'object') return false;
  if (Array.isArray(wanted))
    return (
      Array.isArray(actual) &&
      actual.length === wanted.length &&
      wanted.every((w, i) => matches(actual[i], w))
    );
  return Object.entries(wanted).every(
    ([k, w]) => w === undefined || matches((actual as Record<string, unknown>)[k], w),
  );
}

const SINGULAR: Record<ExampleList, string> = {
  obligations: 'an obligation',
  breaches: 'a breach',
  recordings: 'a record',
  notEvaluable: 'a not-evaluable finding',
  retention: 'a retention finding',
};
const singular = (list: ExampleList): string => SINGULAR[list];

/** A finding without its citation and explanation, which only make a failure harder to read. */
function brief(f: unknown): unknown {
  const { citation: _c, explanation: _e, ruleId: _r, ...rest } = f as Record<string, unknown>;
  return rest;
}

function found(own: readonly unknown[], list: ExampleList, id: string): string {
  if (own.length === 0) return `${id} has no ${list}`;
  return `${id}'s ${list} were: ${own.map((f) => show(brief(f))).join('; ')}`;
}

const show = (x: unknown): string => JSON.stringify(x);
