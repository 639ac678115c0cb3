import { addDays } from '../calendar/index.js';
import type { Comparison } from '../engine/compare.js';
import { summarise } from '../engine/compare.js';
import type { Obligation, Report, Subject } from '../report/types.js';
import type { Painter } from './io.js';

/** Days ahead of `asOf` within which an upcoming item is DUE SOON. */
export const DUE_SOON_DAYS = 7;

const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 1000) / 10}%`);
const key = (s: Subject) => `${s.type}\u0000${s.id}`;
const title = (s: Subject) =>
  s.type === 'staff' ? `Worker ${s.id}` : s.type === 'case' ? `Case ${s.id}` : `Team ${s.id}`;

/**
 * The report for a person: grouped by worker, case and team, overdue first; each line with a
 * status word, the rule id, the due date, days late and the plain sentence; a closing summary.
 */
export function reportToTable(report: Report, paint: Painter): string {
  const soon = addDays(report.asOf, DUE_SOON_DAYS);
  const groups = new Map<
    string,
    { subject: Subject; lines: { rank: number; due: string; text: string }[] }
  >();
  const add = (subject: Subject, rank: number, due: string, text: string) => {
    const g = groups.get(key(subject)) ?? { subject, lines: [] };
    g.lines.push({ rank, due, text });
    groups.set(key(subject), g);
  };
  for (const o of report.obligations) {
    const [word, rank, colour] = statusOf(o, soon, paint);
    add(
      o.subject,
      rank,
      o.dueOn,
      `  ${colour(word.padEnd(9))} ${o.ruleId.padEnd(7)} due ${o.dueOn}  ${o.explanation}`,
    );
  }
  for (const b of report.breaches) {
    const colour = b.severity === 'advisory' ? paint.yellow : paint.red;
    const late = b.daysLate > 0 ? `${b.daysLate}d late` : b.kind;
    add(
      b.subject,
      3,
      b.dueOn,
      `  ${colour('BREACH'.padEnd(9))} ${b.ruleId.padEnd(7)} due ${b.dueOn}  ${late.padEnd(10)} ${b.explanation}`,
    );
  }
  const ordered = [...groups.values()].sort(
    (a, b) =>
      Math.min(...a.lines.map((l) => l.rank)) - Math.min(...b.lines.map((l) => l.rank)) ||
      (key(a.subject) < key(b.subject) ? -1 : 1),
  );
  const out: string[] = [
    paint.bold(`${report.policy.name} (${versionsUsed(report.policy)}), as of ${report.asOf}`),
    '',
  ];
  for (const g of ordered) {
    out.push(paint.bold(title(g.subject)));
    g.lines.sort((a, b) => a.rank - b.rank || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
    out.push(...g.lines.map((l) => l.text), '');
  }
  for (const n of report.notEvaluable)
    out.push(`  NOT EVALUABLE ${n.ruleId} ${n.subject.type} ${n.subject.id}: ${n.reason}`);
  for (const w of report.warnings) out.push(`  WARNING ${w.path}: ${w.message}`);
  out.push(summaryLine(report));
  return `${out.join('\n')}\n`;
}

function statusOf(o: Obligation, soon: string, paint: Painter): [string, number, (s: string) => string] {
  if (o.status === 'overdue') return ['OVERDUE', 0, paint.red];
  if (o.dueOn <= soon) return ['DUE SOON', 1, paint.yellow];
  return ['ON TRACK', 2, paint.green];
}

function summaryLine(report: Report): string {
  const s = summarise(report);
  return `Summary: ${s.breachesBySeverity.breach} breaches, ${s.breachesBySeverity.advisory} advisory; sessions in timescale ${pct(s.sessionsInTimescale)}; records on time ${pct(s.recordsOnTime)}.`;
}

/** The same history against several councils, side by side. */
export function comparisonToTable(comparison: Comparison, paint: Painter): string {
  const rows = comparison.results.map(({ policy, summary, report }) => [
    policy.id,
    String(summary.breachesBySeverity.breach),
    String(summary.breachesBySeverity.advisory),
    pct(summary.sessionsInTimescale),
    pct(summary.recordsOnTime),
    String(report.obligations.filter((o) => o.status === 'overdue').length),
    String(report.notEvaluable.length),
  ]);
  const head = [
    'policy',
    'breaches',
    'advisory',
    'in timescale',
    'records on time',
    'overdue now',
    'not evaluable',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [
    paint.bold(`The same history against ${rows.length} policies, as of ${comparison.asOf}`),
    '',
    paint.bold(line(head)),
    ...rows.map(line),
    '',
  ];
  for (const { policy, summary } of comparison.results) {
    const top = Object.entries(summary.breachesByRule)
      .sort((a, b) => b[1].breach + b[1].advisory - (a[1].breach + a[1].advisory))
      .slice(0, 5)
      .map(([id, n]) => `${id} ${n.breach + n.advisory}`)
      .join(', ');
    out.push(`${policy.id.padEnd(widths[0]!)}  most breached: ${top || 'none'}`);
  }
  return `${out.join('\n')}\n`;
}

/** "version 3", or for a report that used several: "versions 2019 from 2024-01-01, 2024 from 2024-07-01". */
export function versionsUsed(policy: Report['policy']): string {
  const used = policy.versions ?? [];
  if (used.length < 2) return `version ${policy.version}`;
  return `versions ${used.map((v) => `${v.version} from ${v.effectiveFrom}`).join(', ')}`;
}
