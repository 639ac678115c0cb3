import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/policy/load.js';

const __dirname = path.dirname(fileURLToPath(import.meta.url));
const seedsDir = path.resolve(__dirname, '../../../shared/seeds');
const catalogue = path.resolve(__dirname, '../../../shared/POLICIES.md');

/** Whitespace collapsed, non-breaking spaces included. */
const squash = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

const councils = [
  { id: 'nottingham', prefix: 'NOT', seed: '000_ed243cf891903031.txt', rules: 14 },
  { id: 'gloucestershire', prefix: 'GLO', seed: '001_a87da231ee253ece.txt', rules: 11 },
  { id: 'southwark', prefix: 'SWK', seed: '004_9fe38d19536b0aa3.txt', rules: 12 },
] as const;

function readPolicy(id: string): unknown {
  return JSON.parse(readFileSync(path.resolve(__dirname, '../../policies', `${id}.json`), 'utf8'));
}

function load(id: string) {
  try {
    return loadPolicy(readPolicy(id));
  } catch (e) {
    console.error(JSON.stringify((e as { issues?: unknown }).issues ?? e, null, 2));
    throw e;
  }
}

describe.each(councils.map((c) => [c.id, c] as const))(
  'policies/%s.json',
  (_, { id, prefix, seed, rules }) => {
    it('loads without issues', () => {
      const policy = load(id);
      expect(policy.id).toBe(id);
      expect(policy.source).toBe(seed);
    });

    it(`encodes ${prefix}-1 … ${prefix}-${rules} and nothing else`, () => {
      const encoded = new Set(load(id).rules.map((r) => r.id));
      const expected = Array.from({ length: rules }, (_, i) => `${prefix}-${i + 1}`);
      expect([...encoded].sort()).toEqual(expected.sort());
    });

    it.skipIf(!existsSync(catalogue))(
      `encodes every ${prefix}-* rule of POLICIES.md (skipped where ../shared/POLICIES.md is absent)`,
      () => {
        const ids = new Set(
          [...readFileSync(catalogue, 'utf8').matchAll(new RegExp(`^\\| (${prefix}-\\d+) \\|`, 'gm'))].map(
            (m) => m[1],
          ),
        );
        expect(ids.size).toBe(rules);
        const encoded = new Set(load(id).rules.map((r) => r.id));
        expect([...ids].filter((x) => !encoded.has(x as string))).toEqual([]);
        expect([...encoded].filter((x) => !ids.has(x))).toEqual([]);
      },
    );

    it.skipIf(!existsSync(path.join(seedsDir, seed)))(
      `quotes every citation verbatim from ${seed} (skipped where ../shared/seeds is absent)`,
      () => {
        const text = squash(readFileSync(path.join(seedsDir, seed), 'utf8'));
        for (const rule of load(id).rules) {
          expect(rule.citation.source, rule.id).toBe(seed);
          expect(
            text.includes(squash(rule.citation.quote)),
            `${rule.id} (${rule.activity}): ${rule.citation.quote}`,
          ).toBe(true);
        }
      },
    );
  },
);

describe('multi-part rules give one entry per part', () => {
  const parts = (id: string, ruleId: string) =>
    load(id)
      .rules.filter((r) => r.id === ruleId)
      .map((r) => `${r.kind}:${r.activity}`)
      .sort();

  it('GLO-5: weekly sessions, weekly minutes, monthly peer group', () => {
    expect(parts('gloucestershire', 'GLO-5')).toEqual([
      'interval:group',
      'interval:one-to-one',
      'minutes-per-period:supervision-minutes',
    ]);
  });

  it('SWK-3: first 1:1, check-ins, induction 1:1s, probation reviews', () => {
    expect(parts('southwark', 'SWK-3')).toEqual([
      'first-within:one-to-one',
      'interval:check-in',
      'interval:induction one-to-one',
      'milestones:probation-review',
    ]);
  });

  it('SWK-9: agreement and annual review', () => {
    expect(parts('southwark', 'SWK-9')).toEqual(['first-within:agreement', 'interval:agreement-review']);
  });
});
