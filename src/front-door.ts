/**
 * The front door: `evaluate`, `safeEvaluate`, `compare` and `preparePolicy` as the package exports
 * them. The engine (`src/engine/`) evaluates a policy value and knows no council; looking a built-in
 * id up, validating a definition and keeping the preparation of a policy that cannot change happen
 * here.
 */
import { type CompareOptions as CompareOptionsOf, type Comparison, compareWith } from './engine/compare.js';
import {
  type EvaluateOptions,
  evaluateWith,
  type PolicyResolution,
  safeEvaluateWith,
} from './engine/evaluate.js';
import { type PreparedPolicy, preparePolicy as prepare } from './engine/prepare.js';
import { evaluateEachWith, type ReportPart } from './engine/stream.js';
import { InputError } from './errors/input-error.js';
import { builtInDefinition, isPolicyId, type PolicyId, policyIds, unknownPolicyIssue } from './policies.js';
import { checkPolicy, loadPolicy } from './policy/load.js';
import type { Policy } from './policy/schema.js';
import type { Report } from './report/types.js';

export type CompareOptions = CompareOptionsOf<PolicyId>;

/**
 * The preparation of each policy that cannot change: the built-in policies (by id, made on first
 * use) and the frozen policies `preparePolicy` returned (keyed by the object, so a policy no longer
 * used is collected with its preparation). Pure memoisation: a frozen policy prepares the same way
 * every time, so an entry is never stale; any other policy value is validated and prepared per call.
 */
const builtIn = new Map<PolicyId, PreparedPolicy>();
const prepared = new WeakMap<Policy, PreparedPolicy>();

function builtInPrepared(id: PolicyId): PreparedPolicy {
  let known = builtIn.get(id);
  if (known === undefined) {
    known = prepare(deepFreeze(loadPolicy(builtInDefinition(id))));
    prepared.set(known.policy, known);
    builtIn.set(id, known);
  }
  return known;
}

/** A policy as given to `evaluate` or `compare`, resolved and prepared; never throws. */
function resolve(policy: unknown, path: string, prefix = ''): PolicyResolution {
  if (typeof policy === 'string') {
    if (!isPolicyId(policy))
      return { ok: false, code: 'unknown-policy', issues: [unknownPolicyIssue(policy, path)] };
    return { ok: true, prepared: builtInPrepared(policy) };
  }
  const known = typeof policy === 'object' && policy !== null ? prepared.get(policy as Policy) : undefined;
  if (known !== undefined) return { ok: true, prepared: known };
  const checked = checkPolicy(policy);
  if (checked.ok) return { ok: true, prepared: prepare(checked.policy) };
  const under = (p: string) => (prefix === '' ? p : p === '' ? prefix : `${prefix}.${p}`);
  return {
    ok: false,
    code: 'invalid-policy',
    issues: checked.issues.map((i) => ({ ...i, path: under(i.path) })),
  };
}

/**
 * A policy validated once and frozen, with everything the engine works out from a policy alone
 * (its versions in date order, each interval rule's schedule with the exceptions that modify it,
 * its working calendar) kept beside it: `evaluate` and `compare` then take it without validating or
 * preparing it again, which is most of the cost of evaluating a short history. Give it a built-in
 * id, a policy (`loadPolicy`'s, `getPolicy`'s) or a definition; the answer is a new object that
 * cannot be changed (a prepared policy given again is returned as it is). Evaluating by built-in id
 * uses the built-in policy's own prepared copy.
 *
 * @throws {InputError} `unknown-policy` or `invalid-policy`.
 * @example
 * const policy = preparePolicy(JSON.parse(readFileSync('my-council.json', 'utf8')));
 * for (const worker of workers) evaluate(policy, historyOf(worker), { asOf: '2025-09-15' });
 */
export function preparePolicy(policy: Policy | PolicyId): Policy {
  if (typeof policy === 'object' && policy !== null && prepared.has(policy)) return policy;
  const resolved = resolve(policy, 'policy');
  if (!resolved.ok) throw new InputError(resolved.code, resolved.issues);
  if (typeof policy === 'string') return resolved.prepared.policy;
  // A fresh copy (validation copies), frozen in place: its preparation stays true.
  const frozen = deepFreeze(resolved.prepared.policy);
  prepared.set(frozen, resolved.prepared);
  return frozen;
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
  return evaluateWith(resolve, policy, history, options);
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
  return safeEvaluateWith(resolve, policy, history, options);
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
  return compareWith(resolve, policyIds, history, options);
}

/** Freezes a plain JSON-like value and everything in it; returns it. */
/**
 * `evaluate`, one team at a time: yields a report per team as it is made, so a whole council is
 * evaluated without holding every finding at once (only the history, its index and one team's
 * findings). The inputs are checked first, as `evaluate` checks them, and an invalid one throws here,
 * not at the first part.
 *
 * The parts together say exactly what `evaluate`'s report says: each list (obligations, recordings,
 * breaches, notEvaluable, retention) concatenated over the parts holds the same findings, each once;
 * `totals` summed over the parts are the report's; a subject's `totalsBySubject` counts summed over the
 * parts are its counts in the report (a child's record can be judged in the part of the session's
 * team, not the child's). Each part lists its findings in the report's order; the parts come in team
 * id order, the part with no team last. `warnings` (the input's) are all in the first part; there is
 * always at least one part.
 *
 * @throws {InputError} as `evaluate` does, when called (before any part).
 * @example
 * for (const part of evaluateEach('york', history, { asOf: '2025-09-15' }))
 *   for (const b of part.breaches) write(b);
 */
export function evaluateEach(
  policy: Policy | PolicyId,
  history: unknown,
  options: EvaluateOptions,
): IterableIterator<ReportPart> {
  return evaluateEachWith(resolve, policy, history, options);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
