import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, parseHistory, policyIds } from '../src/index.js';

// The bundled example: a seeded, generated year of one team's supervision (fixtures/example).
const dir = new URL('../fixtures/example/', import.meta.url);
const committed = readFileSync(new URL('history.json', dir), 'utf8');
const history: unknown = JSON.parse(committed);

describe('the bundled example history', () => {
  it('is exactly what generate.mjs produces (regenerate with `node fixtures/example/generate.mjs`)', async () => {
    // Imported through a URL string: the generator is plain JavaScript without type declarations.
    const generator = (await import(new URL('generate.mjs', dir).href)) as { generateHistory: () => unknown };
    expect(committed).toBe(`${JSON.stringify(generator.generateHistory(), null, 2)}\n`);
  });

  it('parses', () => {
    expect(() => parseHistory(history)).not.toThrow();
  });

  it.each(policyIds)(
    'evaluates against %s as of 2025-12-01 with breaches, obligations and no warnings but looser agreements',
    (id) => {
      const report = evaluate(id, history, { asOf: '2025-12-01' });
      expect(report.breaches.length).toBeGreaterThan(0);
      expect(report.obligations.length).toBeGreaterThan(0);
      // The team's agreements longer than a rule that lets agreements only tighten are said, at their path.
      for (const w of report.warnings) {
        expect(w.path).toMatch(/^staff\[\d+\]\.arrangements\[\d+\]$/);
        expect(w.message).toMatch(/^the agreed .* is longer than [A-Z]+-\d+'s .*no allowsLooser/);
      }
    },
  );

  it('Nottingham: the 6-weekly agreement of staff[7] is longer than NOT-1’s month, and warned about', () => {
    expect(evaluate('nottingham', history, { asOf: '2025-12-01' }).warnings).toEqual([
      {
        path: 'staff[7].arrangements[0]',
        message:
          "the agreed 6 weeks is longer than NOT-1's 1 month, and the policy allows an agreement only to make NOT-1 stricter (no allowsLooser): NOT-1 keeps its 1 month",
      },
    ]);
  });
});
