import { describe, expect, it } from 'vitest';
import { baselineIds, getPolicy, policyIds } from '../../src/policies.js';
import { runPolicyExamples } from '../../src/policy/examples.js';

/**
 * The worked examples every built-in policy carries on its rules (policies/*.json, `examples`), run
 * as tests: each was worked by hand from the policy's text and the rule's note, its arithmetic in its
 * name. Every rule has at least one.
 */
describe.each([...policyIds, ...baselineIds])('the built-in %s policy', (id) => {
  const policy = getPolicy(id);
  const results = runPolicyExamples(policy);

  it('every rule has at least one worked example', () => {
    const without = policy.rules
      .filter((r) => (r.examples ?? []).length === 0)
      .map((r) => `${r.id} ${r.activity}`);
    expect(without).toEqual([]);
  });

  it.each(results.map((r) => [`${r.ruleId} ${r.name}`, r] as const))('%s', (_name, r) => {
    expect(r.failures).toEqual([]);
  });
});
