import type { z } from 'zod';
import { caseSchema, eventSchema, historySchema, staffSchema } from '../history/schema.js';

/**
 * The generic CSV layout, read off the history's own zod schema so that a field added to the schema
 * (an optional staff `name`, say) gets its column without a change here: one table per kind of
 * record, one column per scalar field, nested objects flattened with a dot (`asye.start`,
 * `interval.weeks`), lists of ids in one cell, lists of records in a table of their own.
 */

/** How a cell is read and written. */
export type Kind =
  | 'text'
  | 'date'
  | 'instant'
  | 'dateOrInstant'
  | 'int'
  | 'number'
  | 'boolean'
  | 'list'
  | 'none';

/**
 * An event's `caseRecords` held present but empty (`[]`: no child's discussion recorded yet, so the
 * event's own `recordedAt` stands for none of them) cannot be told from an absent list by rows of
 * case-records.csv. The events.csv column `caseRecords` says it: the word `none`, and the column is
 * written only when some event needs it.
 */
export const NO_CASE_RECORDS = 'none';

/** The tables a history is made of. */
export const TARGETS = [
  'history',
  'closures',
  'staff',
  'supervisors',
  'absences',
  'arrangements',
  'cases',
  'allocations',
  'episodes',
  'flags',
  'reviews',
  'events',
  'caseRecords',
] as const;
export type Target = (typeof TARGETS)[number];

/** A table of the layout: where its records live in a history and which fields they have. */
export interface TableLayout {
  readonly target: Target;
  /** The file of the generic layout, e.g. `case-records.csv`. */
  readonly file: string;
  /** The entity whose list holds these records (absent for history, staff, cases, events, closures). */
  readonly parent?: 'staff' | 'cases' | 'events';
  /** The column of the generic layout that names the parent: `staffId`, `caseId`, `eventId`. */
  readonly parentColumn?: string;
  /** The key of the list in the parent (or in the history). */
  readonly key: string;
  /** Field paths (dotted for nested objects) and how each is read. For a list of dates, the one field is `date`. */
  readonly fields: ReadonlyArray<readonly [string, Kind]>;
  /** The records are plain values (a list of dates), held in the field `date`. */
  readonly scalarItems?: boolean;
}

type AnySchema = z.ZodType;
type Def = {
  type: string;
  format?: string;
  innerType?: AnySchema;
  options?: AnySchema[];
  element?: AnySchema;
  shape?: Record<string, AnySchema>;
};
const defOf = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const unwrap = (s: AnySchema): AnySchema => {
  let d = defOf(s);
  let cur = s;
  while ((d.type === 'optional' || d.type === 'nullable') && d.innerType) {
    cur = d.innerType;
    d = defOf(cur);
  }
  return cur;
};
const shapeOf = (s: AnySchema): Record<string, AnySchema> =>
  (unwrap(s) as unknown as { shape: Record<string, AnySchema> }).shape;

/** The kind of a scalar schema, 'list' for a list of scalars, or null for an object or a list of objects. */
function kindOf(s: AnySchema): Kind | 'object' | 'records' {
  const d = defOf(unwrap(s));
  switch (d.type) {
    case 'string':
      return d.format === 'date' ? 'date' : d.format === 'datetime' ? 'instant' : 'text';
    case 'number':
      // z.int() carries a format; a plain z.number() (a staff fte, 0.6) takes a decimal fraction.
      return d.format === undefined ? 'number' : 'int';
    case 'boolean':
      return 'boolean';
    case 'union': {
      const kinds = new Set((d.options ?? []).map((o) => kindOf(o)));
      return kinds.has('date') && kinds.has('instant') ? 'dateOrInstant' : 'text';
    }
    case 'array': {
      const k = d.element ? kindOf(d.element) : 'text';
      return k === 'object' ? 'records' : 'list';
    }
    case 'object':
      return 'object';
    default:
      return 'text';
  }
}

/** Scalar fields of an object schema, nested objects flattened; lists of records left to their tables. */
function scalarFields(s: AnySchema, prefix = ''): Array<[string, Kind]> {
  const out: Array<[string, Kind]> = [];
  for (const [key, field] of Object.entries(shapeOf(s))) {
    const k = kindOf(field);
    if (k === 'records') continue;
    if (k === 'object') out.push(...scalarFields(field, `${prefix}${key}.`));
    else out.push([`${prefix}${key}`, k]);
  }
  return out;
}

const elementOf = (s: AnySchema): AnySchema => defOf(unwrap(s)).element as AnySchema;
const RANGE = new Set(['from', 'to']);
const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Lists of plain dates kept in tables of their own (one row per date), as councils keep them. */
const DATE_LIST_TABLES: Record<string, true> = { reviews: true, closures: true };

function buildLayout(): TableLayout[] {
  const tables: TableLayout[] = [];
  // `$schema` is for an editor of a JSON file, not a fact of the history: no CSV column.
  const top = scalarFields(historySchema).filter(([f]) => f !== '$schema' && !f.startsWith('calendar.'));
  tables.push({ target: 'history', file: 'history.csv', key: '', fields: top });
  tables.push({
    target: 'closures',
    file: 'closures.csv',
    key: 'closures',
    fields: [['date', 'date']],
    scalarItems: true,
  });
  const entity = (target: 'staff' | 'cases' | 'events', schema: AnySchema, parentColumn: string): void => {
    const own = scalarFields(schema).filter(([f]) => !DATE_LIST_TABLES[f]);
    tables.push({ target, file: `${target}.csv`, key: target, fields: own });
    // A list inside an entity: its own file, each row naming its entity in `parentColumn`.
    const child = (key: string) => ({
      target: key as Target,
      file: `${kebab(key)}.csv`,
      parent: target,
      parentColumn,
      key,
    });
    for (const [key, field] of Object.entries(shapeOf(schema))) {
      const k = kindOf(field);
      if (k === 'records')
        tables.push({
          ...child(key),
          // The record's own fields first, then its range: `supervisorId,from,to`.
          fields: scalarFields(elementOf(field)).sort(
            (a, b) => Number(RANGE.has(a[0])) - Number(RANGE.has(b[0])),
          ),
        });
      else if (k === 'list' && DATE_LIST_TABLES[key])
        tables.push({
          ...child(key),
          fields: [['date', 'date']],
          scalarItems: true,
        });
    }
  };
  entity('staff', staffSchema, 'staffId');
  entity('cases', caseSchema, 'caseId');
  entity('events', eventSchema, 'eventId');
  const events = tables.find((t) => t.target === 'events')!;
  (events.fields as Array<readonly [string, Kind]>).push(['caseRecords', 'none']);
  return tables;
}

/** Every table of the generic layout, in the order they are written and read. */
export const LAYOUT: readonly TableLayout[] = buildLayout();
