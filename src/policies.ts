import derby from '../policies/derby.json' with { type: 'json' };
import englandDfe2024 from '../policies/england-dfe-2024.json' with { type: 'json' };
import englandLga2020 from '../policies/england-lga-2020.json' with { type: 'json' };
import gloucestershire from '../policies/gloucestershire.json' with { type: 'json' };
import nottingham from '../policies/nottingham.json' with { type: 'json' };
import southwark from '../policies/southwark.json' with { type: 'json' };
import york from '../policies/york.json' with { type: 'json' };
import { InputError, type Issue } from './errors/input-error.js';
import { messages } from './errors/messages.js';
import { checkPolicy, loadPolicy } from './policy/load.js';
import type { Policy } from './policy/schema.js';

/** The built-in councils' ids: what `compare` and `npm start` use unless told otherwise. */
export const policyIds = ['nottingham', 'gloucestershire', 'york', 'derby', 'southwark'] as const;
export type CouncilId = (typeof policyIds)[number];

/**
 * The built-in national baselines' ids: the LGA's Standards for employers of social workers in England
 * (2020) and the Department for Education's employer standards (2024), Standard 5 each. They are
 * policies like the councils' (`getPolicy`, `evaluate`), and what `compareToBaseline` compares against.
 */
export const baselineIds = ['england-lga-2020', 'england-dfe-2024'] as const;
export type BaselineId = (typeof baselineIds)[number];

/** Any built-in policy's id: a council's or a national baseline's. */
export type PolicyId = CouncilId | BaselineId;

const builtInIds: readonly PolicyId[] = [...policyIds, ...baselineIds];

const definitions: Readonly<Record<PolicyId, unknown>> = {
  nottingham,
  gloucestershire,
  york,
  derby,
  southwark,
  'england-lga-2020': englandLga2020,
  'england-dfe-2024': englandDfe2024,
};

/** A built-in policy's definition as its file holds it, or undefined for an id that is not built in. */
export function builtInDefinition(id: string): unknown {
  return isPolicyId(id) ? definitions[id] : undefined;
}

/** Whether `id` names a built-in policy: one of `policyIds` or `baselineIds`. */
export function isPolicyId(id: unknown): id is PolicyId {
  return typeof id === 'string' && (builtInIds as readonly string[]).includes(id);
}

/**
 * A built-in policy, validated. Each call returns a fresh copy, so changing it changes nothing else.
 *
 * @throws {InputError} `unknown-policy` for an id that is not built in.
 * @example
 * const york = getPolicy('york');
 * york.rules.map((r) => r.id); // ['YRK-1', 'YRK-2', ...]
 */
export function getPolicy(id: PolicyId): Policy {
  if (!isPolicyId(id)) throw unknownPolicy(id, 'policy');
  return loadPolicy(definitions[id]);
}

/**
 * A policy given as a built-in id or as a definition, validated. Problems are reported at `path`
 * (an unknown id) or, for a definition, at their own paths under `prefix`.
 *
 * @throws {InputError} `unknown-policy` or `invalid-policy`.
 */
export function resolvePolicy(policy: unknown, path: string, prefix = ''): Policy {
  const checked = tryResolvePolicy(policy, path, prefix);
  if (!checked.ok) throw new InputError(checked.code, checked.issues);
  return checked.policy;
}

/** {@link resolvePolicy} without throwing: the policy, or every problem with the code to report it by. */
export function tryResolvePolicy(
  policy: unknown,
  path: string,
  prefix = '',
): { ok: true; policy: Policy } | { ok: false; code: 'unknown-policy' | 'invalid-policy'; issues: Issue[] } {
  if (typeof policy === 'string') {
    if (!isPolicyId(policy))
      return { ok: false, code: 'unknown-policy', issues: [unknownPolicyIssue(policy, path)] };
    return { ok: true, policy: loadPolicy(definitions[policy]) };
  }
  const checked = checkPolicy(policy);
  if (checked.ok) return checked;
  const under = (p: string) => (prefix === '' ? p : p === '' ? prefix : `${prefix}.${p}`);
  return {
    ok: false,
    code: 'invalid-policy',
    issues: checked.issues.map((i) => ({ ...i, path: under(i.path) })),
  };
}

function unknownPolicyIssue(id: unknown, path: string): Issue {
  return { path, message: messages.unknownPolicy(id, builtInIds) };
}

function unknownPolicy(id: unknown, path: string): InputError {
  return new InputError('unknown-policy', [unknownPolicyIssue(id, path)]);
}
