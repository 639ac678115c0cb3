import type { BaselineComparison, BaselineRow, BaselineRuleRef } from '../engine/baseline.js';
import type { Painter } from './io.js';

const GROUPS: Record<BaselineRow['group'], string> = {
  'past-asye': 'past the ASYE',
  'newly-qualified': 'newly qualified',
  student: 'students',
  everyone: 'everyone',
};

const VERDICTS: Record<BaselineRow['verdict'], string> = {
  meets: 'meets',
  'goes-beyond': 'goes beyond',
  'falls-short': 'falls short',
  'not-covered': 'not covered',
};

const cite = (r: BaselineRuleRef) =>
  `${r.ruleId} (${r.strength}) "${r.citation.quote}" (${r.citation.section})`;

/** A council's policy against a baseline: one block per requirement and group, both citations side by side. */
export function baselineToTable(c: BaselineComparison, paint: Painter): string {
  const colour = (v: BaselineRow['verdict']) =>
    v === 'falls-short' ? paint.red : v === 'not-covered' ? paint.yellow : paint.green;
  const out = [
    paint.bold(
      `${c.policy.id} (version ${c.policy.version}) against ${c.baseline.id} (version ${c.baseline.version}), compared from ${c.from} to ${c.to}`,
    ),
    '',
  ];
  for (const row of c.rows) {
    const verdict = VERDICTS[row.verdict];
    out.push(
      `${paint.bold(row.requirement.padEnd(7))} ${GROUPS[row.group].padEnd(16)} ${colour(row.verdict)(verdict.padEnd(12))} ${row.council.map((r) => r.ruleId).join(', ') || '-'}`,
      `        ${row.explanation}`,
      `        standard: ${cite(row.baseline)}`,
      ...row.council.map((r) => `        council:  ${cite(r)}`),
      ...row.related.map((r) => `        related:  ${cite(r)}`),
      '',
    );
  }
  if (c.notCompared.length > 0)
    out.push(`Not compared (kinds with no comparison): ${c.notCompared.join(', ')}`, '');
  return out.join('\n');
}
