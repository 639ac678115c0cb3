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

/**
 * What a place of a copy must hold for the copy to fit a schema, checked while the copy is made (a
 * quick validator's shapes, mirroring a zod schema): `any` takes whatever JSON the guard lets
 * through, unchecked (an unknown field's value); a scalar is checked by `test`; a list's items by
 * `items`; an object's fields by `fields`.
 */
export type Fit =
  | { readonly kind: 'any' }
  | { readonly kind: 'scalar'; readonly test: (x: string | number | boolean | null) => boolean }
  | { readonly kind: 'array'; readonly items: Fit }
  | ObjectFit;
export interface ObjectFit {
  readonly kind: 'object';
  readonly fields: ReadonlyMap<string, { readonly fit: Fit; readonly required: boolean }>;
  /** How many of the fields are required. */
  readonly required: number;
  /** A strict object has no other keys (any other is an unknown field, noted as such). */
  readonly strict: boolean;
  /** null fits too. */
  readonly nullable: boolean;
  /** What the schema's refinements check, given an object whose fields fit. */
  readonly refine: (o: Record<string, unknown>) => boolean;
}
/** A place anything JSON may fill. */
export const ANY_JSON: Fit = { kind: 'any' };

/** What {@link copyJsonFitting} gives: {@link copyJson}'s answer, and how the copy fits. */
export interface FittedJson extends CopiedJson {
  /** The copy fits (when it is complete and no issue was found). */
  readonly fits: boolean;
  /** Some object with fields to fit has a key none of them names, not set to undefined. */
  readonly unknownField: boolean;
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
  return new Copier().run(input, ANY_JSON);
}

/**
 * {@link copyJson}, checking in the same walk whether the copy fits `fit`: a quick validator's one
 * pass, which then has nothing left to read.
 */
export function copyJsonFitting(input: unknown, fit: Fit): FittedJson {
  return new Copier().run(input, fit);
}

class Copier {
  readonly issues: Issue[] = [];
  /** The path to the value being copied, as keys. */
  readonly #path: PropertyKey[] = [];
  /**
   * The objects and lists met so far, while there have been at most {@link JSON_LIMITS.maxRepeats}
   * of them (no more repeats than that are possible yet, and a list is cheaper to grow than a set).
   */
  #met: object[] | null = [];
  /** The objects and lists met, once there have been more (then repeats are counted). */
  #seen: Set<object> | null = null;
  #repeats = 0;
  #stopped = false;
  /** Everything copied so far fits its place. Once false, nothing more is checked. */
  #fits = true;
  #unknownField = false;

  run(input: unknown, fit: Fit): FittedJson {
    let value: unknown;
    try {
      value = input === undefined ? undefined : this.#take(input, 0, fit);
    } catch {
      this.#add(messages.unreadable());
    }
    if (input === undefined) this.#fits = false;
    const complete = !this.#stopped;
    return {
      value: value === SKIP ? undefined : value,
      issues: this.issues,
      complete,
      fits: this.#fits,
      unknownField: this.#unknownField,
    };
  }

  #add(message: string, key?: PropertyKey): void {
    const segments = key === undefined ? this.#path : [...this.#path, key];
    this.issues.push({ path: formatPath(segments), message });
    this.#fits = false;
    if (this.issues.length >= JSON_LIMITS.maxIssues) this.#stopped = true;
  }

  /** The copy of `value` (at the current path, `depth` levels down, to fit `fit`), or SKIP with an issue. */
  #take(value: unknown, depth: number, fit: Fit): unknown {
    if (depth > JSON_LIMITS.maxDepth) {
      this.#add(messages.tooDeep(JSON_LIMITS.maxDepth));
      return SKIP;
    }
    switch (typeof value) {
      case 'string':
        if (value.length > JSON_LIMITS.maxStringLength) {
          this.#add(messages.tooLong(JSON_LIMITS.maxStringLength));
          return SKIP;
        }
        if (this.#fits && fit.kind !== 'any' && (fit.kind !== 'scalar' || !fit.test(value)))
          this.#fits = false;
        return value;
      case 'number':
        if (!Number.isFinite(value)) {
          this.#add(messages.notJson(value));
          return SKIP;
        }
        if (this.#fits && fit.kind !== 'any' && (fit.kind !== 'scalar' || !fit.test(value)))
          this.#fits = false;
        return value;
      case 'boolean':
        if (this.#fits && fit.kind !== 'any' && (fit.kind !== 'scalar' || !fit.test(value)))
          this.#fits = false;
        return value;
      case 'object':
        if (value === null) {
          if (
            this.#fits &&
            !(
              fit.kind === 'any' ||
              (fit.kind === 'scalar' ? fit.test(null) : fit.kind === 'object' && fit.nullable)
            )
          )
            this.#fits = false;
          return null;
        }
        break;
      default:
        this.#add(messages.notJson(value));
        return SKIP;
    }
    if (this.#met !== null) {
      // Past maxRepeats objects met, count the repeats among them (at most maxRepeats) and go on with a set.
      if (this.#met.push(value) > JSON_LIMITS.maxRepeats) {
        this.#seen = new Set(this.#met);
        this.#repeats = this.#met.length - this.#seen.size;
        this.#met = null;
      }
    } else if (this.#seen !== null) {
      if (this.#seen.has(value)) {
        if (++this.#repeats > JSON_LIMITS.maxRepeats) {
          this.#add(messages.tooManyRepeats(JSON_LIMITS.maxRepeats));
          this.#stopped = true;
          return SKIP;
        }
      } else this.#seen.add(value);
    }
    if (Array.isArray(value)) {
      if (fit.kind !== 'array' && fit.kind !== 'any') this.#fits = false;
      return this.#array(value, depth, fit.kind === 'array' ? fit.items : ANY_JSON);
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      this.#add(messages.notJson(value));
      return SKIP;
    }
    if (fit.kind !== 'object' && fit.kind !== 'any') this.#fits = false;
    return this.#object(value as Record<string, unknown>, depth, fit.kind === 'object' ? fit : null);
  }

  #array(list: unknown[], depth: number, items: Fit): unknown {
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
        child = this.#take(list[i], depth + 1, items);
      } catch {
        this.#add(messages.unreadable());
      }
      path.pop();
      // A bad item's place is kept (as undefined) so that later items keep their index.
      out.push(child === SKIP ? undefined : child);
    }
    return out;
  }

  /** The copy of an object, whose fields must fit `fit` (null: any JSON, unchecked). */
  #object(object: Record<string, unknown>, depth: number, fit: ObjectFit | null): unknown {
    const keys = Object.keys(object);
    const out: Record<string, unknown> = {};
    const path = this.#path;
    let required = 0;
    for (let k = 0; k < keys.length && !this.#stopped; k++) {
      const key = keys[k]!;
      // A field a fit names is never a forbidden key: only the others are looked for among those.
      const field = fit === null ? undefined : fit.fields.get(key);
      if (field === undefined && FORBIDDEN_KEYS.has(key)) {
        this.#add(messages.forbiddenKey(key), key);
        continue;
      }
      path.push(key);
      try {
        const child = object[key];
        // A property set to undefined is how JavaScript callers leave a field out: as if absent.
        if (child !== undefined) {
          if (field !== undefined) {
            if (field.required) required++;
          } else if (fit !== null) {
            if (fit.strict) this.#fits = false;
            this.#unknownField = true;
          }
          const copy = this.#take(child, depth + 1, field === undefined ? ANY_JSON : field.fit);
          if (copy !== SKIP) out[key] = copy;
        }
      } catch {
        this.#add(messages.unreadable());
      }
      path.pop();
    }
    // The refinements read only fields that fit (what is copied so far all does).
    if (fit !== null && this.#fits && (required !== fit.required || !fit.refine(out))) this.#fits = false;
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
