import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mappingJsonSchema } from '../../src/csv/mapping.js';
import { historyJsonSchema, policyJsonSchema } from '../../src/schema/json-schema.js';

// The committed JSON Schemas must equal what the zod schemas generate. To refresh them after a
// schema change: npm run schemas
const root = resolve(__dirname, '../..');
const cases = [
  ['policies/schema/policy.json', policyJsonSchema],
  ['policies/schema/history.json', historyJsonSchema],
  ['policies/schema/mapping.json', mappingJsonSchema],
] as const;

describe('committed JSON Schemas', () => {
  for (const [file, generate] of cases) {
    it(`${file} matches the zod schema`, () => {
      const text = `${JSON.stringify(generate(), null, 2)}\n`;
      if (process.env.UPDATE_SCHEMAS) writeFileSync(resolve(root, file), text);
      expect(readFileSync(resolve(root, file), 'utf8')).toBe(text);
    });
  }
});
