import { z } from 'zod';
import { historySchema } from '../history/schema.js';
import { policySchema } from '../policy/schema.js';

/** A real day from year 1000 to 9999, `YYYY-MM-DD` (leap days only in leap years), as the library reads dates. */
const DATE =
  '(?:(?:[1-9]\\d(?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[13579][26])00)-02-29' +
  '|[1-9]\\d{3}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8])))';
/** An instant as the library reads it: a date as above, `T`, `HH:MM:SS`, at most 9 digits of a second, `Z` or `±HH:MM`. */
const INSTANT = `${DATE}T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,9})?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)`;

type Override = (ctx: { zodSchema: z.core.$ZodTypes; jsonSchema: z.core.JSONSchema.BaseSchema }) => void;

/**
 * What zod's own output leaves looser than the library: the year range and digits of a second
 * (zod's patterns take years 0000–0999 and any number of digits, the library does not), and, with
 * `closed`, fields a history does not know (the library warns about them, or refuses them with
 * `strict: true`; the JSON Schema flags them, as an editor should).
 */
const tighten =
  (closed: boolean): Override =>
  ({ zodSchema, jsonSchema }) => {
    const def = (zodSchema as unknown as { _zod: { def: { format?: string } } })._zod.def;
    if (jsonSchema.type === 'string' && def.format === 'date') jsonSchema.pattern = `^${DATE}$`;
    if (jsonSchema.type === 'string' && def.format === 'datetime') jsonSchema.pattern = `^${INSTANT}$`;
    if (closed && jsonSchema.type === 'object' && typeof jsonSchema.additionalProperties === 'object')
      jsonSchema.additionalProperties = false;
  };

/**
 * JSON Schema (draft 2020-12) of a policy file, generated from the zod schema the library validates
 * with: every field described, and what a JSON Schema cannot say described in words. A schema used
 * twice (a rule, in `rules` and in each of `versions`) is given once under `$defs`.
 */
export function policyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(policySchema, {
      io: 'input',
      unrepresentable: 'any',
      reused: 'ref',
      override: tighten(false),
    }),
    title: 'supervision-rules policy',
  };
}

/**
 * JSON Schema (draft 2020-12) of a supervision history (docs/history-format.md), as `strict: true` reads it: a field the
 * format does not know is flagged (the library by default only warns about it).
 */
export function historyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(historySchema, { io: 'input', unrepresentable: 'any', override: tighten(true) }),
    title: 'supervision-rules history',
  };
}
