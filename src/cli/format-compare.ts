import type { Comparison } from '../engine/compare.js';
import { maxLength, pct } from './columns.js';
import type { Painter } from './io.js';
import { printable } from './printable.js';

/** The same history against several councils, side by side. */
export function comparisonToTable(comparison: Comparison, paint: Painter): string {
  const rows = comparison.results.map(({ policy, summary, report }) => [
    printable(policy.id),
    String(summary.breachesBySeverity.breach),
    String(summary.breachesBySeverity.advisory),
    pct(summary.sessionsInTimescale),
    pct(summary.recordsOnTime),
    String(summary.overdueNow.sessions + summary.overdueNow.records),
    String(summary.overdueNow.records),
    String(report.notEvaluable.length),
  ]);
  const head = [
    'policy',
    'breaches',
    'advisory',
    'in timescale',
    'records on time',
    'overdue now',
    'of which records',
    'not evaluable',
  ];
  const widths = head.map((h, i) => Math.max(h.length, maxLength(rows.map((r) => r[i]!))));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [
    paint.bold(`The same history against ${rows.length} policies, as of ${comparison.asOf}`),
    '',
    paint.bold(line(head)),
    ...rows.map(line),
    '',
    '"overdue now": sessions past their due date plus records not yet written after their deadline.',
    '',
  ];
  const top = (counts: [string, number][]) =>
    counts
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, 5)
      .map(([id, n]) => `${printable(id)} ${n}`)
      .join(', ');
  for (const { policy, summary } of comparison.results) {
    const rules = Object.entries(summary.breachesByRule);
    const breached = top(rules.map(([id, n]) => [id, n.breach]));
    const advisory = top(rules.map(([id, n]) => [id, n.advisory]));
    out.push(
      `${printable(policy.id).padEnd(widths[0]!)}  most breached: ${breached || 'none'}${advisory ? `; ADVISORY (not breaches): ${advisory}` : ''}`,
    );
  }
  return `${out.join('\n')}\n`;
}
