import { execFileSync } from 'node:child_process';
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

type Node = { description?: string; $ref?: string };

/**
 * Whether a field's schema is described, as an editor finds it: on the field itself or on a schema
 * its `$ref` (`#/$defs/…`) leads to, through any number of `$ref`s.
 */
function described(field: Node, root: { $defs?: Record<string, Node> }, seen = new Set<string>()): boolean {
  if (field.description) return true;
  const ref = field.$ref?.match(/^#\/\$defs\/(.+)$/)?.[1];
  if (ref === undefined || seen.has(ref)) return false;
  const target = root.$defs?.[ref];
  expect(target, `${field.$ref} leads to a schema of $defs`).toBeDefined();
  return described(target!, root, seen.add(ref));
}

/**
 * The path of every field (a key of `properties` of an object type) in a JSON Schema that has no
 * description, on itself or through its `$ref`. (`properties` of a subschema without a type, as in
 * `if`, are a condition, not fields.) A schema used twice is held once under `$defs` and walked there.
 */
function undescribed(schema: unknown, path = '', out: string[] = [], root: unknown = schema): string[] {
  if (typeof schema !== 'object' || schema === null) return out;
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && !('type' in schema)) continue;
    if (key === 'properties' || key === '$defs')
      for (const [name, field] of Object.entries(value as Record<string, unknown>)) {
        if (key === 'properties' && !described(field as Node, root as { $defs?: Record<string, Node> }))
          out.push(`${path}.${name}`);
        undescribed(field, `${path}.${name}`, out, root);
      }
    else if (typeof value === 'object')
      undescribed(value, `${path}${Array.isArray(schema) ? `[${key}]` : `/${key}`}`, out, root);
  }
  return out;
}

describe('the JSON Schemas as an editor shows them', () => {
  it.each(cases)('every field of %s has a description', (_file, generate) => {
    expect(undescribed(generate())).toEqual([]);
  });

  it('finds a field without a description (the check can fail)', () => {
    expect(
      undescribed({
        type: 'object',
        properties: { a: { type: 'string' }, b: { type: 'string', description: 'B' } },
      }),
    ).toEqual(['.a']);
  });

  it('follows $ref to $defs: a field is described where its reference leads, and not otherwise', () => {
    expect(
      undescribed({
        type: 'object',
        properties: { a: { $ref: '#/$defs/A' }, b: { $ref: '#/$defs/B' }, c: { $ref: '#/$defs/C' } },
        $defs: {
          A: { description: 'A', $ref: '#/$defs/T' },
          B: { $ref: '#/$defs/A' },
          C: { $ref: '#/$defs/T' },
          T: { type: 'object', properties: { x: { type: 'string' } } },
        },
      }),
    ).toEqual(['.c', '.T.x']);
  });

  it.each(cases)(
    '%s has no $id (nothing is published at a URL) and says it is draft 2020-12',
    (_file, generate) => {
      const schema = generate();
      expect(schema.$id).toBeUndefined();
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    },
  );

  it('says what a council officer types, e.g. for a recording deadline and a history event', () => {
    const policy = JSON.stringify(policyJsonSchema());
    expect(policy).toContain(
      'When the record is due: {\\"workingDays\\": N}, {\\"hours\\": N} or {\\"sameDay\\": true}.',
    );
    const events = (
      historyJsonSchema().properties as Record<
        string,
        { items: { properties: Record<string, { description: string }> } }
      >
    ).events!.items.properties;
    expect(events.recordedAt!.description).toBe(
      'When the record was completed: an instant with an offset, or a date (the end of that day). Left out or null: not recorded yet.',
    );
  });
});

describe('the $schema path the README gives', () => {
  it('is a file of the package as npm packs it, and the package exports it too', () => {
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
    const paths = [...readme.matchAll(/\.\/node_modules\/supervision-rules\/([\w/.-]+\.json)/g)].map(
      (m) => m[1],
    );
    expect(new Set(paths)).toEqual(new Set(['policies/schema/policy.json', 'policies/schema/history.json']));
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: root,
        encoding: 'utf8',
      }),
    ) as { files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path);
    for (const path of paths) expect(files).toContain(path);
    const exports = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).exports;
    expect(exports['./schema/policy.json']).toBe('./policies/schema/policy.json');
    expect(exports['./schema/history.json']).toBe('./policies/schema/history.json');
  });
});
