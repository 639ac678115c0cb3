import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build } from 'tsup';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

/** Every source file a module reaches through its static imports and re-exports. */
function reached(entry: string): Set<string> {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)[^'";]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g)) {
      const spec = (m[1] ?? m[2])!.replace(/\.js$/, '.ts');
      const target = resolve(dirname(file), spec);
      if (existsSync(target)) walk(target);
    }
  };
  walk(resolve(root, entry));
  return seen;
}

describe('supervision-rules/html is its own entry point', () => {
  it('src/index.ts does not reach src/html (the walk does find it from the CLI)', () => {
    const html = (files: Set<string>) => [...files].filter((f) => f.includes(`${join('src', 'html')}`));
    expect(html(reached('src/index.ts'))).toEqual([]);
    expect(html(reached('src/cli/main.ts'))).toContain(resolve(root, 'src/html/render.ts'));
  });

  it('the built root bundle (and the chunks it imports) holds none of the page’s code', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'sr-entry-'));
    await build({
      config: false,
      entry: { index: resolve(root, 'src/index.ts'), html: resolve(root, 'src/html/index.ts') },
      format: ['esm', 'cjs'],
      target: 'node20',
      outDir,
      silent: true,
      treeshake: true,
    });
    const files = readdirSync(outDir);
    const text = (f: string) => readFileSync(join(outDir, f), 'utf8');
    const imported = (f: string) => [...text(f).matchAll(/from\s*"\.\/([^"]+)"/g)].map((m) => m[1]!);
    const rootFiles = ['index.js', ...imported('index.js'), 'index.cjs'];
    const marker = 'id="report-data"';
    for (const f of rootFiles) {
      expect(text(f)).not.toContain(marker);
      expect(text(f)).not.toContain('renderHtmlReport');
    }
    // The markers are right: the html entry has them.
    expect(files).toContain('html.js');
    expect(text('html.cjs')).toContain(marker);
  });
});
