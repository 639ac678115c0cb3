import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/policy/load.js';

const __dirname = path.dirname(fileURLToPath(import.meta.url));
const seedsDir = path.resolve(__dirname, '../../../shared/seeds');
const catalogue = path.resolve(__dirname, '../../../shared/POLICIES.md');

/** Whitespace collapsed, non-breaking spaces included. */
const skipNote = (where: string) => (existsSync(where) ? '' : ` — skipped: ${where} not found`);

const squash = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

const councils = [
  { file: 'york.json', prefix: 'YRK', seed: '002_1720383ed78d30a7.txt' },
  { file: 'derby.json', prefix: 'DER', seed: '003_cfb656a9152108c7.txt' },
] as const;

function readPolicy(file: string): unknown {
  return JSON.parse(readFileSync(path.resolve(__dirname, '../../policies', file), 'utf8'));
}

describe.each(councils)('$file', ({ file, prefix, seed }) => {
  it('loads without issues', () => {
    try {
      loadPolicy(readPolicy(file));
    } catch (e) {
      console.error((e as { issues?: unknown }).issues ?? e);
      throw e;
    }
  });

  it.skipIf(!existsSync(catalogue))(
    `encodes every ${prefix}-* rule of POLICIES.md${skipNote(catalogue)}`,
    () => {
      const ids = new Set(
        [...readFileSync(catalogue, 'utf8').matchAll(new RegExp(`^\\| (${prefix}-\\d+) \\|`, 'gm'))].map(
          (m) => m[1],
        ),
      );
      expect(ids.size).toBeGreaterThan(0);
      const policy = loadPolicy(readPolicy(file));
      const encoded = new Set(policy.rules.map((r) => r.id));
      expect([...ids].filter((id) => !encoded.has(id!))).toEqual([]);
      expect([...encoded].filter((id) => !ids.has(id))).toEqual([]);
    },
  );

  it.skipIf(!existsSync(path.join(seedsDir, seed)))(
    `quotes every citation verbatim from ${seed}${skipNote(path.join(seedsDir, seed))}`,
    () => {
      const policy = loadPolicy(readPolicy(file));
      const text = squash(readFileSync(path.join(seedsDir, seed), 'utf8'));
      for (const rule of policy.rules) {
        expect(rule.citation.source, rule.id).toBe(seed);
        expect(
          text.includes(squash(rule.citation.quote)),
          `${rule.id} (${rule.activity}): ${rule.citation.quote}`,
        ).toBe(true);
      }
    },
  );
});
