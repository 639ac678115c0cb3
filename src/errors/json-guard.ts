import type { Issue } from './input-error.js';
import { messages } from './messages.js';
import { formatPath } from './path.js';

/** Limits on untrusted input, checked before any schema sees it. */
export const JSON_LIMITS = { maxDepth: 64, maxStringLength: 10_000, maxIssues: 1_000 } as const;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Walks untrusted input without recursion (so a deeply nested value cannot overflow the stack)
 * and reports what no JSON document could hold or what would be dangerous to copy: functions,
 * `Date` objects, `NaN`, `Infinity`, BigInt, `__proto__`/`constructor`/`prototype` keys, strings
 * longer than {@link JSON_LIMITS.maxStringLength} and nesting deeper than {@link JSON_LIMITS.maxDepth}.
 */
export function guardJson(input: unknown): Issue[] {
  const issues: Issue[] = [];
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0 && issues.length < JSON_LIMITS.maxIssues) {
    const { value, path } = stack.pop()!;
    const where = formatPath(path);
    if (path.length > JSON_LIMITS.maxDepth) {
      issues.push({ path: where, message: messages.tooDeep(JSON_LIMITS.maxDepth) });
      continue;
    }
    switch (typeof value) {
      case 'string':
        if (value.length > JSON_LIMITS.maxStringLength)
          issues.push({ path: where, message: messages.tooLong(JSON_LIMITS.maxStringLength) });
        continue;
      case 'number':
        if (!Number.isFinite(value)) issues.push({ path: where, message: messages.notJson(value) });
        continue;
      case 'boolean':
        continue;
      case 'object':
        break;
      default:
        issues.push({ path: where, message: messages.notJson(value) });
        continue;
    }
    if (value === null) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      issues.push({ path: where, message: messages.notJson(value) });
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (FORBIDDEN_KEYS.has(key)) {
        issues.push({ path: formatPath([...path, key]), message: messages.forbiddenKey(key) });
        continue;
      }
      const child = (value as Record<string, unknown>)[key];
      // A property set to undefined is how JavaScript callers leave a field out: as if absent.
      if (child !== undefined) stack.push({ value: child, path: [...path, key] });
    }
  }
  return issues;
}
