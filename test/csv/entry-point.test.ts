import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

/** Every module the bundle of an entry point reaches (packages left as imports, as tsup leaves them). */
async function reached(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [resolve(root, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const inputs = Object.values(result.metafile.inputs).flatMap((i) => i.imports.map((x) => x.path));
  return [...Object.keys(result.metafile.inputs), ...inputs];
}

describe('entry points', () => {
  it('the main entry point carries no CSV parser: nothing of csv-parse or src/csv', async () => {
    const mods = await reached('src/index.ts');
    expect(mods.some((m) => m.includes('date-fns') || m.includes('zod'))).toBe(true);
    expect(mods.filter((m) => m.includes('csv-parse') || m.includes('src/csv/'))).toEqual([]);
  });

  it('supervision-rules/csv is where csv-parse is', async () => {
    const mods = await reached('src/csv/index.ts');
    expect(mods.some((m) => m.startsWith('csv-parse'))).toBe(true);
  });
});
