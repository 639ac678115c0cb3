import derby from '../policies/derby.json' with { type: 'json' };
import gloucestershire from '../policies/gloucestershire.json' with { type: 'json' };
import nottingham from '../policies/nottingham.json' with { type: 'json' };
import southwark from '../policies/southwark.json' with { type: 'json' };
import york from '../policies/york.json' with { type: 'json' };
import { loadPolicy } from './policy/load.js';
import type { Policy } from './policy/schema.js';

/** The built-in policies' ids. */
export const policyIds = ['nottingham', 'gloucestershire', 'york', 'derby', 'southwark'] as const;
export type PolicyId = (typeof policyIds)[number];

const definitions: Readonly<Record<PolicyId, unknown>> = {
  nottingham,
  gloucestershire,
  york,
  derby,
  southwark,
};

export function isPolicyId(id: unknown): id is PolicyId {
  return typeof id === 'string' && (policyIds as readonly string[]).includes(id);
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
  if (!isPolicyId(id)) throw unknownPolicy(id);
  return loadPolicy(definitions[id]);
}

import { InputError } from './errors/input-error.js';
import { messages } from './errors/messages.js';

function unknownPolicy(id: unknown): InputError {
  return new InputError('unknown-policy', [
    { path: 'policy', message: messages.unknownPolicy(id, policyIds) },
  ]);
}
