import { z } from 'zod';
import { historySchema } from '../history/schema.js';
import { policySchema } from '../policy/schema.js';

/** JSON Schema (draft 2020-12) of a policy file, generated from the zod schema the library validates with. */
export function policyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://unpkg.com/supervision-rules/schema/policy.json',
    title: 'supervision-rules policy',
  };
}

/** JSON Schema (draft 2020-12) of a supervision history (docs/history-format.md). */
export function historyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(historySchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://unpkg.com/supervision-rules/schema/history.json',
    title: 'supervision-rules history',
  };
}
