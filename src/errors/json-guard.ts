import type { Issue } from './input-error.js';
import { messages } from './messages.js';
import { formatPath } from './path.js';

/**
 * Limits on untrusted input, checked before any schema sees it: nesting depth, the length of one
 * string, the items in one array, how many times objects may be met again (one object used in
 * several places is copied to each), and how many problems are looked for.
 */
export const JSON_LIMITS = {
  maxDepth: 64,
  maxStringLength: 10_000,
  maxItems: 10_000_000,
  maxRepeats: 1_000_000,
  maxIssues: 1_000,
} as const;

/** Keys that could reach a prototype when an object is copied or merged. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** What {@link copyJson} gives: a plain copy, the problems found, and whether the walk finished. */
export interface CopiedJson {
  /** The input as plain objects and arrays, each property read once; problem values left out. */
  readonly value: unknown;
  readonly issues: Issue[];
  /** False when the walk stopped early (too many problems or repeats): the copy is then partial. */
  readonly complete: boolean;
}

const SKIP: unique symbol = Symbol('skip');

/**
 * Copies untrusted input while checking it. Every property is read exactly once, so what is checked
 * and evaluated next is the copy, whatever getters or proxies the input holds. Reports, each with
 * its path, what no JSON document could hold or what would be dangerous to copy: functions, `Date`
 * and other class instances, `undefined` in a list, `NaN`, `Infinity`, BigInt,
 * `__proto__`/`constructor`/`prototype` keys, strings longer than {@link JSON_LIMITS.maxStringLength},
 * lists longer than {@link JSON_LIMITS.maxItems} (refused by length, before any item is read),
 * nesting deeper than {@link JSON_LIMITS.maxDepth}, a value that throws when read (a getter, a
 * proxy's trap, a revoked proxy), and objects met again more than {@link JSON_LIMITS.maxRepeats}
 * times in all (an object shared by many places, as in a tree whose nodes each point twice at the
 * next). The walk recurses at most {@link JSON_LIMITS.maxDepth} levels, so it cannot overflow the
 * stack.
 */
export function copyJson(input: unknown): CopiedJson {
  return new Copier().run(input);
}

class Copier {
  readonly issues: Issue[] = [];
  /** The path to the value being copied, as keys. */
  readonly #path: PropertyKey[] = [];
  readonly #seen = new Set<object>();
  #repeats = 0;
  #stopped = false;

  run(input: unknown): CopiedJson {
    let value: unknown;
    try {
      value = input === undefined ? undefined : this.#take(input, 0);
    } catch {
      this.#add(messages.unreadable());
    }
    return { value: value === SKIP ? undefined : value, issues: this.issues, complete: !this.#stopped };
  }

  #add(message: string, key?: PropertyKey): void {
    const segments = key === undefined ? this.#path : [...this.#path, key];
    this.issues.push({ path: formatPath(segments), message });
    if (this.issues.length >= JSON_LIMITS.maxIssues) this.#stopped = true;
  }

  /** The copy of `value` (at the current path, `depth` levels down), or SKIP with an issue. */
  #take(value: unknown, depth: number): unknown {
    if (depth > JSON_LIMITS.maxDepth) {
      this.#add(messages.tooDeep(JSON_LIMITS.maxDepth));
      return SKIP;
    }
    switch (typeof value) {
      case 'string':
        if (value.length <= JSON_LIMITS.maxStringLength) return value;
        this.#add(messages.tooLong(JSON_LIMITS.maxStringLength));
        return SKIP;
      case 'number':
        if (Number.isFinite(value)) return value;
        this.#add(messages.notJson(value));
        return SKIP;
      case 'boolean':
        return value;
      case 'object':
        if (value === null) return null;
        break;
      default:
        this.#add(messages.notJson(value));
        return SKIP;
    }
    if (this.#seen.has(value)) {
      if (++this.#repeats > JSON_LIMITS.maxRepeats) {
        this.#add(messages.tooManyRepeats(JSON_LIMITS.maxRepeats));
        this.#stopped = true;
        return SKIP;
      }
    } else this.#seen.add(value);
    if (Array.isArray(value)) return this.#array(value, depth);
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      this.#add(messages.notJson(value));
      return SKIP;
    }
    return this.#object(value as Record<string, unknown>, depth);
  }

  #array(list: unknown[], depth: number): unknown {
    const length = list.length;
    if (length > JSON_LIMITS.maxItems) {
      this.#add(messages.tooManyItems(JSON_LIMITS.maxItems));
      return SKIP;
    }
    const out: unknown[] = [];
    const path = this.#path;
    for (let i = 0; i < length && !this.#stopped; i++) {
      path.push(i);
      let child: unknown = SKIP;
      try {
        child = this.#take(list[i], depth + 1);
      } catch {
        this.#add(messages.unreadable());
      }
      path.pop();
      // A bad item's place is kept (as undefined) so that later items keep their index.
      out.push(child === SKIP ? undefined : child);
    }
    return out;
  }

  #object(object: Record<string, unknown>, depth: number): unknown {
    const keys = Object.keys(object);
    const out: Record<string, unknown> = {};
    const path = this.#path;
    for (let k = 0; k < keys.length && !this.#stopped; k++) {
      const key = keys[k]!;
      if (FORBIDDEN_KEYS.has(key)) {
        this.#add(messages.forbiddenKey(key), key);
        continue;
      }
      path.push(key);
      try {
        const child = object[key];
        // A property set to undefined is how JavaScript callers leave a field out: as if absent.
        if (child !== undefined) {
          const copy = this.#take(child, depth + 1);
          if (copy !== SKIP) out[key] = copy;
        }
      } catch {
        this.#add(messages.unreadable());
      }
      path.pop();
    }
    return out;
  }
}

/** The problems {@link copyJson} finds, without the copy. */
export function guardJson(input: unknown): Issue[] {
  return copyJson(input).issues;
}

/**
 * `later` less the issues at or under a path `first` already reports (a schema's "is required"
 * where the guard left a bad value out), so each problem is listed once.
 */
export function besideGuarded(first: readonly Issue[], later: readonly Issue[]): Issue[] {
  if (first.length === 0) return [...later];
  const paths = new Set(first.map((i) => i.path));
  if (paths.has('')) return [];
  return later.filter((i) => {
    for (let p = i.path; p !== ''; p = parentPath(p)) if (paths.has(p)) return false;
    return true;
  });
}

/** `events[3].date` → `events[3]` → `events` → ''. */
function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? '' : path.slice(0, cut);
}
