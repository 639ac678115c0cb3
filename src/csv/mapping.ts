import { z } from 'zod';
import { LAYOUT, TARGETS, type Target } from './layout.js';

/**
 * A mapping says how a council's CSV files feed a history: for each table of the history, which file
 * and which column feed each field, the date formats to read, value maps (job titles to roles, form
 * types to event types), how lists are split and whether rows fold into one record (one row per child
 * discussed, one event). docs/csv-import.md describes it; its JSON Schema is schema/mapping.json.
 */

const column = z.string().min(1);
const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** Where a field comes from: a column's name, or the long form. */
export const fieldSourceSchema = z.union([
  column.describe('the column feeding the field, its cell read as the field needs'),
  z.strictObject({
    column: column.optional().describe('the column feeding the field'),
    constant: scalar.optional().describe('a value for every row, instead of a column'),
    default: scalar.optional().describe('the value when the cell is empty'),
    values: z
      .record(z.string(), z.union([scalar, z.null()]))
      .optional()
      .describe(
        'value map: cell (trimmed, any case) to value, e.g. "Senior Practitioner" to "advanced-practitioner"; null leaves the field out; a cell not in the map is kept as written',
      ),
    formats: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe('date formats for this field (date-fns patterns, "iso", "excel"), tried in order'),
    split: z.string().min(1).optional().describe("separator of a list in one cell (default: the mapping's)"),
    lookup: z
      .strictObject({
        file: z.string().min(1),
        key: column,
        value: column,
      })
      .optional()
      .describe(
        "replace the cell by another file's column on the row whose key column holds it (e.g. a CLA id by the child's person id)",
      ),
  }),
]);
export type FieldSource = z.infer<typeof fieldSourceSchema>;

const tableSchema = z.strictObject({
  target: z.enum(TARGETS).describe('the table of the history these rows feed'),
  file: z.string().min(1).describe('the CSV file, with or without ".csv"'),
  parent: fieldSourceSchema
    .optional()
    .describe('for a list held by staff, cases or events: the column holding its staff, case or event id'),
  fields: z
    .record(z.string(), fieldSourceSchema)
    .describe('field of the history (dotted for nested fields: "asye.start") to its source'),
  fold: z
    .boolean()
    .optional()
    .describe(
      "rows with the same id make one record: its lists gather every row's values (staff, cases, events)",
    ),
  createParent: z
    .boolean()
    .optional()
    .describe('a case named here but in no cases file is created (allocations, episodes, flags, reviews)'),
  where: z
    .array(
      z.strictObject({
        column,
        in: z
          .array(z.string())
          .optional()
          .describe('keep rows whose cell is one of these (trimmed, any case)'),
        notIn: z.array(z.string()).optional().describe('leave out rows whose cell is one of these'),
      }),
    )
    .optional()
    .describe('rows left out are counted as skipped, never as refused'),
  extraColumns: z
    .boolean()
    .optional()
    .describe('columns not named in fields feed fields of the same name, as text'),
});
export type TableMapping = z.infer<typeof tableSchema>;

const PARENT_OF: Partial<Record<Target, Target>> = {};
const SINGULAR: Partial<Record<Target, string>> = { staff: 'staff member', cases: 'case', events: 'event' };
for (const t of LAYOUT) if (t.parent) PARENT_OF[t.target] = t.parent;

export const mappingSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().optional(),
    description: z.string().optional(),
    dateFormats: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe('date formats tried in order (date-fns patterns, "iso", "excel"); default ["iso"]'),
    listSeparator: z.string().min(1).optional().describe('separator of lists in one cell; default ";"'),
    tables: z.array(tableSchema).min(1),
  })
  .superRefine((m, ctx) => {
    m.tables.forEach((t, i) => {
      const needsParent = PARENT_OF[t.target] !== undefined;
      if (needsParent && t.parent === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['tables', i, 'parent'],
          message: `the ${t.target} table needs a parent: the column holding the ${SINGULAR[PARENT_OF[t.target]!]} id`,
        });
      if (!needsParent && t.parent !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['tables', i, 'parent'],
          message: `${t.target} have no parent`,
        });
      if (t.fold && !['staff', 'cases', 'events'].includes(t.target))
        ctx.addIssue({
          code: 'custom',
          path: ['tables', i, 'fold'],
          message: 'only staff, cases and events fold',
        });
      if (t.createParent && PARENT_OF[t.target] !== 'cases')
        ctx.addIssue({
          code: 'custom',
          path: ['tables', i, 'createParent'],
          message: 'only lists held by cases can create their case',
        });
    });
  });
export type Mapping = z.infer<typeof mappingSchema>;

/** JSON Schema (draft 2020-12) of a mapping file. */
export function mappingJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(mappingSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://unpkg.com/supervision-rules/schema/mapping.json',
    title: 'supervision-rules CSV mapping',
  };
}

/** The generic layout as a mapping: every file of exportCsv, each column named after its field. */
export function genericMapping(): Mapping {
  return {
    name: 'generic',
    description: 'The generic CSV layout that supervision-rules export writes.',
    dateFormats: ['iso'],
    listSeparator: ';',
    tables: LAYOUT.map((t) => ({
      target: t.target,
      file: t.file,
      ...(t.parentColumn ? { parent: t.parentColumn } : {}),
      fields: Object.fromEntries(t.fields.map(([f]) => [f, f])),
      extraColumns: true,
    })),
  };
}
