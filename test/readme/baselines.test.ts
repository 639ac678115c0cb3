import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BaselineRow, compareToBaseline } from '../../src/engine/baseline.js';
import { type BaselineId, baselineIds, getPolicy, policyIds } from '../../src/policies.js';
import { rulesTable } from './tables.js';

// The README's national-standard section is generated like the councils' rule tables: each baseline's
// rules, and every built-in council against it. To refresh: npm run readme
const path = resolve(__dirname, '../../README.md');

const WHO: Record<BaselineRow['group'], string> = {
  'past-asye': 'past the ASYE',
  'newly-qualified': 'newly qualified',
  student: 'students',
  everyone: 'everyone',
};
const VERDICT: Record<BaselineRow['verdict'], string> = {
  meets: 'meets',
  'goes-beyond': 'goes beyond',
  'falls-short': '**falls short**',
  'not-covered': 'not covered',
};
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

/** Every built-in council against one baseline: a row per requirement and group, a column per council. */
function baselineTable(id: BaselineId): string {
  const baseline = getPolicy(id);
  const byCouncil = policyIds.map((c) => compareToBaseline(getPolicy(c), baseline).rows);
  const rows = compareToBaseline(baseline, baseline).rows.map((own) => {
    const cells = byCouncil.map((rows) => {
      const row = rows.find((r) => r.requirement === own.requirement && r.group === own.group);
      if (!row) return '';
      const ids = row.council.map((r) => r.ruleId).join(', ');
      return `${VERDICT[row.verdict]}${ids ? ` (${ids})` : ''}`;
    });
    return `| ${own.requirement} | ${WHO[own.group]} | ${cell(own.baseline.asks)} | ${cells.join(' | ')} |`;
  });
  return [
    `| requirement | who | ${id} asks | ${policyIds.join(' | ')} |`,
    `|---|---|---|${policyIds.map(() => '---').join('|')}|`,
    ...rows,
  ].join('\n');
}

describe('README: the national standard', () => {
  it("the baselines' rule tables and the councils-against-baseline tables equal what the code says", () => {
    let text = readFileSync(path, 'utf8');
    for (const id of baselineIds) {
      for (const [marker, fresh] of [
        [`rules:${id}`, rulesTable(getPolicy(id))],
        [`baseline:${id}`, baselineTable(id)],
      ] as const) {
        const start = `<!-- ${marker}:start -->`;
        const end = `<!-- ${marker}:end -->`;
        const a = text.indexOf(start);
        const b = text.indexOf(end);
        expect(a, `README has the ${start} marker`).toBeGreaterThan(-1);
        const block = `${start}\n${fresh}\n${end}`;
        if (process.env.UPDATE_README) text = text.slice(0, a) + block + text.slice(b + end.length);
        else expect(text.slice(a, b + end.length)).toBe(block);
      }
    }
    if (process.env.UPDATE_README) writeFileSync(path, text);
  });
});
