// The engine evaluates a policy value: importing it must not load the built-in policies (their files
// and the module that lists them). Checked on the source's import graph, every import followed
// (type-only ones too, so that none can turn into a runtime import unnoticed).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\s*\(?\s*['"]([^'"]+)['"]/g;

/** The relative imports of a source file, as repository paths (`.js` read as the `.ts` it is built from). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const spec = m[1] ?? m[2]!;
    if (!spec.startsWith('.')) continue;
    const target = relative(root, resolve(root, dirname(file), spec));
    out.push(target.endsWith('.js') ? target.replace(/\.js$/, '.ts') : target);
  }
  return out;
}

/** Every file reachable from `entries`, with the chain that first reached it. */
function graph(entries: readonly string[]): Map<string, string[]> {
  const reached = new Map<string, string[]>(entries.map((e) => [e, [e]]));
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (!file.endsWith('.ts')) continue;
    for (const next of importsOf(file))
      if (!reached.has(next)) {
        reached.set(next, [...reached.get(file)!, next]);
        queue.push(next);
      }
  }
  return reached;
}

const engine = readdirSync(join(root, 'src', 'engine'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => `src/engine/${f}`);
const builtIn = (file: string) =>
  file === 'src/policies.ts' || file === 'src/front-door.ts' || /^policies\/[^/]+\.json$/.test(file);

describe('the engine imports no built-in policy', () => {
  it('no file of src/engine reaches src/policies.ts, the front door or a policies/*.json file', () => {
    const reached = graph(engine);
    const found = [...reached].filter(([file]) => builtIn(file)).map(([, chain]) => chain.join(' → '));
    expect(found).toEqual([]);
    // The walk follows imports: it reaches the rule kinds and the calendar from the engine.
    expect(reached.has('src/rules/interval.ts')).toBe(true);
    expect(reached.has('src/calendar/working-calendar.ts')).toBe(true);
  });

  it('the walk would see it: the package root does reach the built-in policies', () => {
    const reached = graph(['src/index.ts']);
    expect(reached.has('src/policies.ts')).toBe(true);
    expect(reached.has('policies/york.json')).toBe(true);
  });
});
