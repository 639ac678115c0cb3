import type { Issue } from './input-error.js';
import { messages } from './messages.js';
import { formatPath } from './path.js';

/** Limits on untrusted input, checked before any schema sees it. */
export const JSON_LIMITS = { maxDepth: 64, maxStringLength: 10_000, maxIssues: 1_000 } as const;

/** Keys that could reach a prototype when an object is copied or merged. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Walks untrusted input without recursion (so a deeply nested value cannot overflow the stack)
 * and reports what no JSON document could hold or what would be dangerous to copy: functions,
 * `Date` objects, `NaN`, `Infinity`, BigInt, `__proto__`/`constructor`/`prototype` keys, strings
 * longer than {@link JSON_LIMITS.maxStringLength} and nesting deeper than {@link JSON_LIMITS.maxDepth}.
 */
/** A value still to visit; its path is kept as a parent pointer and only spelt out for an issue. */
interface Pending {
  readonly value: unknown;
  readonly parent: Pending | null;
  readonly key: PropertyKey;
  readonly depth: number;
}

function pathOf(node: Pending, last?: PropertyKey): string {
  const segments: PropertyKey[] = last === undefined ? [] : [last];
  for (let n: Pending | null = node; n !== null && n.parent !== null; n = n.parent) segments.push(n.key);
  return formatPath(segments.reverse());
}

export function guardJson(input: unknown): Issue[] {
  const issues: Issue[] = [];
  const stack: Pending[] = [{ value: input, parent: null, key: '', depth: 0 }];
  while (stack.length > 0 && issues.length < JSON_LIMITS.maxIssues) {
    const node = stack.pop()!;
    const { value, depth } = node;
    if (depth > JSON_LIMITS.maxDepth) {
      issues.push({ path: pathOf(node), message: messages.tooDeep(JSON_LIMITS.maxDepth) });
      continue;
    }
    switch (typeof value) {
      case 'string':
        if (value.length > JSON_LIMITS.maxStringLength)
          issues.push({ path: pathOf(node), message: messages.tooLong(JSON_LIMITS.maxStringLength) });
        continue;
      case 'number':
        if (!Number.isFinite(value)) issues.push({ path: pathOf(node), message: messages.notJson(value) });
        continue;
      case 'boolean':
        continue;
      case 'object':
        break;
      default:
        issues.push({ path: pathOf(node), message: messages.notJson(value) });
        continue;
    }
    if (value === null) continue;
    const childDepth = depth + 1;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], parent: node, key: i, depth: childDepth });
      continue;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      issues.push({ path: pathOf(node), message: messages.notJson(value) });
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (FORBIDDEN_KEYS.has(key)) {
        issues.push({ path: pathOf(node, key), message: messages.forbiddenKey(key) });
        continue;
      }
      const child = (value as Record<string, unknown>)[key];
      // A property set to undefined is how JavaScript callers leave a field out: as if absent.
      if (child !== undefined) stack.push({ value: child, parent: node, key, depth: childDepth });
    }
  }
  return issues;
}
