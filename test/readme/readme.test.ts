import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { getPolicy, policyIds } from '../../src/policies.js';
import { rulesTable } from './tables.js';

// The README's rule tables are generated from policies/*.json between markers, and its example is
// the file beside this test. To refresh the tables: npm run readme
const path = resolve(__dirname, '../../README.md');

describe('README', () => {
  it('the rule tables equal what the policy files say', () => {
    let text = readFileSync(path, 'utf8');
    for (const id of policyIds) {
      const start = `<!-- rules:${id}:start -->`;
      const end = `<!-- rules:${id}:end -->`;
      const a = text.indexOf(start);
      const b = text.indexOf(end);
      expect(a, `README has the ${start} marker`).toBeGreaterThan(-1);
      const fresh = `${start}\n${rulesTable(getPolicy(id))}\n${end}`;
      if (process.env.UPDATE_README) text = text.slice(0, a) + fresh + text.slice(b + end.length);
      else expect(text.slice(a, b + end.length)).toBe(fresh);
    }
    if (process.env.UPDATE_README) writeFileSync(path, text);
  });

  it('the ten-line example is the one this test runs, and prints exactly the lines the README shows', async () => {
    const readme = readFileSync(path, 'utf8');
    const block = /<!-- example -->\s*```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    const source = readFileSync(resolve(__dirname, 'example.ts'), 'utf8').replace(
      "'../../src/index.js'",
      "'supervision-rules'",
    );
    expect(block).toBe(source);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await import('./example.js');
    const lines = log.mock.calls.map((c) => c.join(' '));
    log.mockRestore();
    // 30 Jun + 28 days = 28 Jul; held 4 Aug: 7 days late. 4 Aug + 28 = 1 Sep; nothing by 15 Sep: missed,
    // 14 days overdue. recordsFrom 30 Jun: nothing before it is judged (no YRK-2 due in 2020, no YRK-9 or
    // YRK-10 due in 2021), and the two records were made within YRK-12's 2 working days.
    const expected = [
      "YRK-2 late S1's 4-weekly supervision was due by Mon 28 Jul 2025 (28 days after Mon 30 Jun 2025); it took place on Mon 4 Aug 2025, 7 days late.",
      "YRK-2 missed S1's 4-weekly supervision was due by Mon 1 Sep 2025 (28 days after Mon 4 Aug 2025) and has not taken place: 14 days overdue.",
    ];
    expect(lines).toEqual(expected);
    const printed = /<!-- example-output -->\s*```\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(printed, 'the README shows what the example prints').toBe(`${expected.join('\n')}\n`);
  });

  it('opens with the two commands a newcomer needs', () => {
    const head = readFileSync(path, 'utf8').slice(0, 1500);
    expect(head).toContain('npm ci && npm start');
    expect(head).toContain('npm ci && npm test');
  });
});
