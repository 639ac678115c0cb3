import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/front-door.js';
import { isPolicyId } from '../src/policies.js';
import type { Report } from '../src/report/types.js';

/**
 * Runs every golden case in fixtures/golden/ (plain JSON, so another implementation can run the same
 * suite): `{ description, policy, asOf, history, expect }`. Each item listed under a report key
 * (`breaches`, `obligations`, `recordings`, and any other array of the report such as `notEvaluable`)
 * must match some element of that array (a subset match). With `expect.exactRuleIds`, the report's
 * breaches of those rules must be exactly the expected ones: as many, each matched by a different one.
 */

const dir = join(import.meta.dirname, '..', 'fixtures', 'golden');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

interface GoldenCase {
  description: string;
  policy: string;
  asOf: string;
  history: unknown;
  expect: { exactRuleIds?: string[] } & Record<string, unknown>;
}

function load(file: string): GoldenCase {
  const raw = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Partial<GoldenCase>;
  expect(typeof raw.description, `${file}: description`).toBe('string');
  expect(typeof raw.policy, `${file}: policy`).toBe('string');
  expect(isPolicyId(raw.policy as string), `${file}: unknown policy ${raw.policy}`).toBe(true);
  expect(raw.asOf, `${file}: asOf`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(raw.expect, `${file}: expect`).toBeTypeOf('object');
  return raw as GoldenCase;
}

function matches(actual: unknown, expected: unknown): boolean {
  try {
    expect(actual).toMatchObject(expected as object);
    return true;
  } catch {
    return false;
  }
}

const show = (x: unknown) => JSON.stringify(x);

/** Every expected item matched by some element of the report's list. */
function expectEachFound(key: string, list: readonly unknown[], wanted: readonly unknown[]): void {
  for (const item of wanted) {
    if (!list.some((el) => matches(el, item)))
      expect.fail(
        `no ${key} element matches ${show(item)}; ${key} were:\n${list.map((el) => `  ${show(el)}`).join('\n')}`,
      );
  }
}

/** The actual and expected lists pair off one to one (each expected matched by a distinct actual). */
function expectExactly(actual: readonly unknown[], wanted: readonly unknown[], ruleIds: string[]): void {
  const brief = actual.map((b) => show(b)).join('\n  ');
  expect(actual.length, `breaches of ${ruleIds.join(', ')}:\n  ${brief}`).toBe(wanted.length);
  const used = new Set<number>();
  for (const item of wanted) {
    const i = actual.findIndex((el, j) => !used.has(j) && matches(el, item));
    if (i < 0) expect.fail(`no unused breach matches ${show(item)}; breaches were:\n  ${brief}`);
    used.add(i);
  }
}

describe('golden cases (fixtures/golden)', () => {
  it('finds golden cases for Derby and York', () => {
    expect(files.some((f) => f.startsWith('derby-'))).toBe(true);
    expect(files.some((f) => f.startsWith('york-'))).toBe(true);
  });

  it.each(files)('%s', (file) => {
    const golden = load(file);
    const report = evaluate(golden.policy as Parameters<typeof evaluate>[0], golden.history, {
      asOf: golden.asOf,
    });
    const { exactRuleIds, ...lists } = golden.expect;
    for (const [key, wanted] of Object.entries(lists)) {
      if (!Array.isArray(wanted)) continue;
      const actual = (report as unknown as Record<string, unknown>)[key];
      expect(Array.isArray(actual), `${file}: the report has no list "${key}"`).toBe(true);
      expectEachFound(key, actual as unknown[], wanted);
    }
    if (exactRuleIds !== undefined) {
      expect(Array.isArray(exactRuleIds), `${file}: exactRuleIds must be a list of rule ids`).toBe(true);
      const inScope = (b: { ruleId: string }) => exactRuleIds.includes(b.ruleId);
      const wanted = ((lists.breaches as { ruleId: string }[] | undefined) ?? []).filter(inScope);
      expectExactly((report as Report).breaches.filter(inScope), wanted, exactRuleIds);
    }
  });
});
