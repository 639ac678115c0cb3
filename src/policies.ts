import derby from '../policies/derby.json' with { type: 'json' };
import englandDfe2024 from '../policies/england-dfe-2024.json' with { type: 'json' };
import englandLga2020 from '../policies/england-lga-2020.json' with { type: 'json' };
import gloucestershire from '../policies/gloucestershire.json' with { type: 'json' };
import nottingham from '../policies/nottingham.json' with { type: 'json' };
import southwark from '../policies/southwark.json' with { type: 'json' };
import york from '../policies/york.json' with { type: 'json' };
import { InputError, type Issue } from './errors/input-error.js';
import { messages } from './errors/messages.js';
import { loadPolicy } from './policy/load.js';
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

/** Every built-in policy's id: the councils', then the national baselines'. */
export const builtInIds: readonly PolicyId[] = [...policyIds, ...baselineIds];

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

/** The issue for a policy id that is not built in, at `path`. */
export function unknownPolicyIssue(id: unknown, path: string): Issue {
  return { path, message: messages.unknownPolicy(id, builtInIds) };
}

function unknownPolicy(id: unknown, path: string): InputError {
  return new InputError('unknown-policy', [unknownPolicyIssue(id, path)]);
}
