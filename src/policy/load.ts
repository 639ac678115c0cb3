import { InputError, type Issue } from '../errors/input-error.js';
import { besideGuarded, copyJson } from '../errors/json-guard.js';
import { fromZodIssues, zodErrorMap } from '../errors/zod-issues.js';
import { type Policy, policySchema } from './schema.js';

/** Checks a policy definition; never throws. */
export function checkPolicy(
  definition: unknown,
): { ok: true; policy: Policy } | { ok: false; issues: Issue[] } {
  // A plain copy, each property read once, checked whole: every problem of every stage is listed.
  const { value, issues: guarded, complete } = copyJson(definition);
  if (!complete) return { ok: false, issues: guarded };
  const result = policySchema.safeParse(value, { error: zodErrorMap });
  const issues = result.success
    ? [...guarded, ...references(result.data)]
    : [...guarded, ...besideGuarded(guarded, fromZodIssues(result.error.issues))];
  return issues.length > 0 || !result.success ? { ok: false, issues } : { ok: true, policy: result.data };
}

/**
 * Validates a council's own policy file and returns it ready to evaluate. Structure is strict:
 * unknown rule kinds, unknown fields, zero or negative intervals and dangling references are
 * errors, each with its JSON path. (`lintPolicy` speaks about sense.)
 *
 * @throws {InputError} `invalid-policy`
 * @example
 * const policy = loadPolicy(JSON.parse(readFileSync('my-council.json', 'utf8')));
 */
export function loadPolicy(definition: unknown): Policy {
  const checked = checkPolicy(definition);
  if (!checked.ok) throw new InputError('invalid-policy', checked.issues);
  return checked.policy;
}

/** Rule ids unique per kind and part; an exception must modify an interval rule of the policy. */
function references(policy: Policy): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  policy.rules.forEach((rule, i) => {
    const key = `${rule.id} ${rule.activity} ${rule.kind}`;
    const first = seen.get(key);
    if (first !== undefined)
      issues.push({
        path: `rules[${i}].id`,
        message: `${rule.id} (${rule.activity}) is defined twice (first at rules[${first}])`,
      });
    else seen.set(key, i);
    if (
      rule.kind === 'exception' &&
      !policy.rules.some((r) => r.kind === 'interval' && r.id === rule.modifies)
    )
      issues.push({
        path: `rules[${i}].modifies`,
        message: `${rule.modifies} is not an interval rule of this policy`,
      });
  });
  return issues;
}
