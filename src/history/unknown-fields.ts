/**
 * Fields a history holds that its schema does not name (`recordedat` for `recordedAt`): the
 * library would silently ignore them, so they are reported, each at its JSON path with the nearest
 * known name. The known names come from the zod schema itself, so the two never drift.
 */
import type { z } from 'zod';
import type { Issue } from '../errors/input-error.js';
import { messages } from '../errors/messages.js';
import { nearest } from '../errors/nearest.js';
import { formatPath } from '../errors/path.js';
import { historySchema } from './schema.js';

/** What the schema says of a place in the history: an object's fields, a list's items, or nothing to check. */
type Known =
  | { readonly kind: 'object'; readonly fields: ReadonlyMap<string, Known | null>; readonly closed: boolean }
  | { readonly kind: 'array'; readonly items: Known | null };

interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The fields and lists of a zod schema, through optional and nullable wrappers. */
function compile(schema: z.ZodType): Known | null {
  let def = defOf(schema);
  while ((def.type === 'optional' || def.type === 'nullable') && def.innerType) def = defOf(def.innerType);
  if (def.type === 'array' && def.element) return { kind: 'array', items: compile(def.element) };
  if (def.type === 'object' && def.shape) {
    const fields = new Map<string, Known | null>();
    for (const [key, field] of Object.entries(def.shape)) fields.set(key, compile(field));
    // A closed object (the interval) has its unknown keys refused by zod already.
    const closed = def.catchall !== undefined && defOf(def.catchall).type === 'never';
    return { kind: 'object', fields, closed };
  }
  return null;
}

let historyFields: Known | null | undefined;

/** A field the history schema does not name. */
export interface UnknownField {
  /** Its JSON path, e.g. `events[3].recordedat`. */
  readonly path: string;
  readonly key: string;
  /** The known field of the same object it most likely meant, if any: the path of that field. */
  readonly meant?: { readonly key: string; readonly path: string };
}

/**
 * Every field of `input` the history schema does not name, in document order, with the nearest
 * known name of its object. Safe on any input: it descends only into objects and lists where the
 * schema has fields, and passes over keys set to undefined (absent, as everywhere).
 */
export function unknownFields(input: unknown): UnknownField[] {
  historyFields ??= compile(historySchema);
  const found: UnknownField[] = [];
  const path: PropertyKey[] = [];
  const walk = (value: unknown, known: Known | null): void => {
    if (known === null || typeof value !== 'object' || value === null) return;
    if (known.kind === 'array') {
      if (!Array.isArray(value)) return;
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i], known.items);
        path.pop();
      }
      return;
    }
    if (Array.isArray(value)) return;
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      const field = known.fields.get(key);
      if (field !== undefined) {
        path.push(key);
        walk(child, field);
        path.pop();
      } else if (!known.closed && child !== undefined) {
        const meant = nearest(key, known.fields.keys());
        found.push({
          path: formatPath([...path, key]),
          key,
          ...(meant === undefined ? {} : { meant: { key: meant, path: formatPath([...path, meant]) } }),
        });
      }
    }
  };
  walk(input, historyFields);
  return found;
}

/** Unknown fields as issues: `ignored` says so (a warning); otherwise they read as errors. */
export function unknownFieldIssues(fields: readonly UnknownField[], ignored: boolean): Issue[] {
  return fields.map((f) => ({ path: f.path, message: messages.unknownField(f.key, f.meant?.key, ignored) }));
}
