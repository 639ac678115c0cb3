import type { Rule } from './schema.js';

/** Versions in date order (the order they take effect; on one date, the later in the file wins). */
export function byDate<V extends { effectiveFrom: string }>(versions: readonly V[]): V[] {
  return [...versions].sort((a, b) =>
    a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0,
  );
}

/**
 * A rule's identity across versions and inheritance: its id and activity (and, since a rule of
 * another kind or subject cannot carry its clock over, its kind and subject).
 */
export const ruleKey = (rule: Rule): string =>
  [rule.id, rule.activity, rule.kind, 'subject' in rule ? rule.subject : ''].join('\u0000');
