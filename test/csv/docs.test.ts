import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYOUT } from '../../src/csv/layout.js';
import type { FieldSource } from '../../src/csv/mapping.js';
import { ssdMapping } from '../../src/csv/ssd.js';

// docs/csv-import.md stays true to the code: every file and column of the generic layout, and every
// file and column the ssd mapping reads, is in it.
const docs = readFileSync(resolve(__dirname, '../../docs/csv-import.md'), 'utf8');
const columnOf = (s: FieldSource | undefined) => (typeof s === 'string' ? s : s?.column);

describe('docs/csv-import.md', () => {
  it.each(LAYOUT.map((t) => [t.file, t] as const))('lists %s with its columns in order', (file, t) => {
    const row = docs.split('\n').find((l) => l.startsWith(`| \`${file}\` |`));
    expect(row, `a table row for ${file}`).toBeDefined();
    const columns = [...(t.parentColumn ? [t.parentColumn] : []), ...t.fields.map(([f]) => f)];
    expect([...row!.split('|')[2]!.matchAll(/`([^`]+)`/g)].map((m) => m[1])).toEqual(columns);
  });

  it('names every file and column the ssd mapping reads', () => {
    for (const t of ssdMapping.tables) {
      expect(docs, t.file).toContain(t.file.replace(/\.csv$/, ''));
      const sources = [t.parent, ...Object.values(t.fields)];
      const columns = [
        ...sources.map(columnOf),
        ...(t.where ?? []).map((w) => w.column),
        ...sources.flatMap((s) => (typeof s === 'object' && s.lookup ? [s.lookup.key] : [])),
      ].filter((c): c is string => c !== undefined);
      for (const c of columns) expect(docs, `${t.file}: ${c}`).toContain(`\`${c}\``);
    }
  });
});
