import { summarise } from '../engine/compare.js';
import {
  type ActionItem,
  DUE_SOON_DAYS,
  needsAction,
  RECENT_DAYS,
  type SubjectStatus,
  subjectStatuses,
} from '../report/needs-action.js';
import type { Breach, Report, Subject } from '../report/types.js';
import { maxLength, pct, plural } from './columns.js';
import type { Painter } from './io.js';
import { printable } from './printable.js';

export { DUE_SOON_DAYS };

/** What the table needs beyond the report. */
export interface TableOptions {
  /** The policy evaluated: its council for the header, its rules' strengths for what is advisory. */
  policy?: {
    readonly council?: string;
    readonly rules: readonly { readonly id: string; readonly strength: string }[];
  };
  /** Staff names by id (the history's `staff[].name`). */
  names?: ReadonlyMap<string, string>;
  /** Add every breach, grouped by worker, case and team (`--history`). */
  history?: boolean;
  /** Add the breaches due on or after this date (`--since`); implies `history`. */
  since?: string;
}

const TYPE_TITLE: Record<Subject['type'], string> = { staff: 'Worker', case: 'Case', team: 'Team' };
const TYPE_PLURAL: Record<Subject['type'], string> = { staff: 'workers', case: 'cases', team: 'teams' };
const title = (s: Subject) => `${TYPE_TITLE[s.type]} ${printable(s.id)}`;

/**
 * The report for a team manager, action first: a header naming the council and the policy version;
 * "Needs action now" (sessions overdue and records not yet written, oldest first, advisory ones
 * apart; then what is due within 7 days); one line per worker, case and team (red/amber/green in
 * words, next due date, breaches in the last 90 days); with `history` or `since`, the breaches
 * themselves; then what could not be evaluated, warnings and a summary. Text from the input is
 * printed with control characters escaped; colour is never the only signal.
 */
export function reportToTable(report: Report, paint: Painter, options: TableOptions = {}): string {
  const out: string[] = [];
  const p = report.policy;
  const council = options.policy?.council;
  out.push(
    paint.bold(
      `${council ? `${printable(council)}: ` : ''}${printable(p.name)}, ${printable(versionsUsed(p))} (${printable(p.id)}), as of ${report.asOf}`,
    ),
    '',
  );
  const actionOptions = options.policy ? { policy: options.policy } : {};
  const items = needsAction(report, actionOptions);
  const names = options.names;
  writeNeedsAction(out, items, names, paint);
  const statuses = subjectStatuses(report, { ...actionOptions, ...(names ? { names } : {}) });
  for (const type of ['staff', 'case', 'team'] as const) {
    const rows = statuses.filter((s) => s.subject.type === type);
    if (rows.length > 0) writeStatuses(out, type, rows, paint);
  }
  if (options.history || options.since !== undefined)
    writeHistory(out, report, statuses, options.since, names, paint);
  writeNotEvaluable(out, report, options.history === true || options.since !== undefined);
  for (const w of report.warnings) out.push(`WARNING ${printable(w.path)}: ${printable(w.message)}`);
  if (report.notEvaluable.length > 0 || report.warnings.length > 0) out.push('');
  out.push(summaryLine(report, items));
  return `${out.join('\n')}\n`;
}

function who(subject: Subject, names: ReadonlyMap<string, string> | undefined): string {
  const name = subject.type === 'staff' ? names?.get(subject.id) : undefined;
  return name === undefined ? title(subject) : `${title(subject)} (${printable(name)})`;
}

/** The word the table puts before a finding whose rule bends its source's text (`confidence: 'approximate'`). */
export const APPROXIMATE = 'APPROXIMATE:';

function writeNeedsAction(
  out: string[],
  items: readonly ActionItem[],
  names: ReadonlyMap<string, string> | undefined,
  paint: Painter,
): void {
  const binding = items.filter((i) => i.kind !== 'due-soon' && i.severity === 'breach');
  const advisory = items.filter((i) => i.kind !== 'due-soon' && i.severity === 'advisory');
  const soon = items.filter((i) => i.kind === 'due-soon');
  out.push(paint.bold('Needs action now'));
  if (items.length === 0) {
    out.push(`  Nothing overdue and nothing due within ${DUE_SOON_DAYS} days.`, '');
    return;
  }
  const what = (i: ActionItem) => (i.kind === 'unwritten-record' ? 'RECORD NOT WRITTEN' : 'SESSION OVERDUE');
  const line = (i: ActionItem, lead: string) =>
    `    ${lead}  ${who(i.subject, names)}  ${printable(i.ruleId)}  ${i.confidence === 'approximate' ? `${APPROXIMATE} ` : ''}${printable(i.explanation)}`;
  if (binding.length > 0) {
    out.push(`  Overdue, oldest first (${plural(binding.length, 'item')})`);
    const width = maxLength(binding.map((i) => String(i.daysOverdue)));
    for (const i of binding)
      out.push(
        paint.red(line(i, `${what(i).padEnd(18)} ${String(i.daysOverdue).padStart(width)} days overdue`)),
      );
  }
  if (advisory.length > 0) {
    out.push(
      `  ADVISORY: overdue under rules the policy recommends but does not require; not breaches (${plural(advisory.length, 'item')})`,
    );
    const width = maxLength(advisory.map((i) => String(i.daysOverdue)));
    for (const i of advisory)
      out.push(
        paint.yellow(
          line(i, `ADVISORY ${what(i).padEnd(18)} ${String(i.daysOverdue).padStart(width)} days overdue`),
        ),
      );
  }
  if (soon.length > 0) {
    out.push(`  Due within ${DUE_SOON_DAYS} days (${plural(soon.length, 'item')})`);
    for (const i of soon) {
      const when = i.daysUntilDue === 0 ? 'today' : `in ${plural(i.daysUntilDue ?? 0, 'day')}`;
      const word = i.severity === 'advisory' ? 'ADVISORY DUE' : 'DUE';
      out.push(paint.yellow(line(i, `${word} ${i.dueOn} (${when})`)));
    }
  }
  out.push('');
}

const RAG_WORD = { red: 'RED', amber: 'AMBER', green: 'GREEN' } as const;

function writeStatuses(
  out: string[],
  type: Subject['type'],
  rows: readonly SubjectStatus[],
  paint: Painter,
): void {
  const heading = type === 'staff' ? 'Workers' : type === 'case' ? 'Cases' : 'Teams';
  out.push(paint.bold(`${heading} (${rows.length})`));
  const withNames = rows.some((r) => r.name !== undefined);
  const cells = rows.map((r) => [
    RAG_WORD[r.rag],
    printable(r.subject.id),
    ...(withNames ? [printable(r.name ?? '')] : []),
    r.nextDue === null ? 'none' : `${r.nextDue.dueOn} ${printable(r.nextDue.ruleId)}`,
    String(r.breachesLast90Days),
    r.advisoryLast90Days > 0 ? `${r.advisoryLast90Days} ADVISORY` : '0',
    r.ragReason,
  ]);
  const head = [
    'status',
    'id',
    ...(withNames ? ['name'] : []),
    'next due',
    `breaches (${RECENT_DAYS} days)`,
    'advisory',
    'why',
  ];
  const widths = head.map((h, i) => Math.max(h.length, maxLength(cells.map((c) => c[i]!))));
  const last = head.length - 1;
  const line = (c: readonly string[], colour: (s: string) => string = (x) => x) =>
    `  ${colour(c[0]!.padEnd(widths[0]!))}  ${c
      .slice(1)
      .map((x, i) => (i + 1 === last ? x : x.padEnd(widths[i + 1]!)))
      .join('  ')}`.trimEnd();
  out.push(line(head));
  rows.forEach((r, k) => {
    const colour = r.rag === 'red' ? paint.red : r.rag === 'amber' ? paint.yellow : paint.green;
    out.push(line(cells[k]!, colour));
  });
  out.push('');
}

/** The breaches (all, or those due on or after `since`), grouped by subject in the overview's order. */
function writeHistory(
  out: string[],
  report: Report,
  statuses: readonly SubjectStatus[],
  since: string | undefined,
  names: ReadonlyMap<string, string> | undefined,
  paint: Painter,
): void {
  const bySubject = new Map<string, Breach[]>();
  for (const b of report.breaches) {
    if (since !== undefined && b.dueOn < since) continue;
    const key = `${b.subject.type}\u0000${b.subject.id}`;
    let list = bySubject.get(key);
    if (list === undefined) {
      list = [];
      bySubject.set(key, list);
    }
    list.push(b);
  }
  out.push(
    paint.bold(since === undefined ? 'Breach history' : `Breach history: deadlines on or after ${since}`),
  );
  if (bySubject.size === 0) out.push('  None.');
  for (const s of statuses) {
    const list = bySubject.get(`${s.subject.type}\u0000${s.subject.id}`);
    if (list === undefined) continue;
    out.push(`  ${paint.bold(who(s.subject, names))}`);
    // The report's breaches are already in due-date order.
    for (const b of list) {
      const word = b.severity === 'advisory' ? 'ADVISORY' : 'BREACH';
      const colour = b.severity === 'advisory' ? paint.yellow : paint.red;
      const late =
        b.daysLate > 0
          ? `${b.daysLate}d late`
          : b.excess === undefined
            ? b.kind
            : `${b.kind} +${b.excess.minutes} min`;
      const approximate = b.confidence === 'approximate' ? `${APPROXIMATE} ` : '';
      out.push(
        `    ${colour(word.padEnd(8))} ${printable(b.ruleId).padEnd(7)} due ${b.dueOn}  ${late.padEnd(10)} ${approximate}${printable(b.explanation)}`,
      );
    }
  }
  out.push('');
}

/**
 * What could not be evaluated: one line per rule and subject type (its subjects and the first
 * reason), or with `all` one line per subject and rule.
 */
function writeNotEvaluable(out: string[], report: Report, all: boolean): void {
  if (all) {
    for (const n of report.notEvaluable)
      out.push(`NOT EVALUABLE ${printable(n.ruleId)} ${title(n.subject)}: ${printable(n.reason)}`);
    return;
  }
  const groups = new Map<string, { ruleId: string; type: Subject['type']; ids: string[]; reason: string }>();
  for (const n of report.notEvaluable) {
    const key = `${n.ruleId}\u0000${n.subject.type}`;
    const g = groups.get(key) ?? { ruleId: n.ruleId, type: n.subject.type, ids: [], reason: n.reason };
    g.ids.push(n.subject.id);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const many = g.ids.length > 1;
    const shown = g.ids.slice(0, 10).map(printable).join(', ') + (g.ids.length > 10 ? ', …' : '');
    out.push(
      `NOT EVALUABLE ${printable(g.ruleId)} for ${many ? `${g.ids.length} ${TYPE_PLURAL[g.type]}` : TYPE_TITLE[g.type].toLowerCase()} ${shown}: ${printable(g.reason)}${many ? ' (and likewise for the others; --history lists each)' : ''}`,
    );
  }
}

function summaryLine(report: Report, items: readonly ActionItem[]): string {
  const s = summarise(report);
  let sessions = 0;
  let records = 0;
  for (const i of items)
    if (i.kind === 'overdue-session') sessions++;
    else if (i.kind === 'unwritten-record') records++;
  return `Summary: ${plural(s.breachesBySeverity.breach, 'breach', 'breaches')} and ${plural(s.breachesBySeverity.advisory, 'ADVISORY finding')} (not breaches); ${plural(sessions, 'session')} overdue and ${plural(records, 'record')} not written now; sessions in timescale ${pct(s.sessionsInTimescale)}; records on time ${pct(s.recordsOnTime)}.`;
}

/** "version 3", or for a report that used several: "versions 2019 from 2024-01-01, 2024 from 2024-07-01". */
export function versionsUsed(policy: Report['policy']): string {
  const used = policy.versions ?? [];
  if (used.length < 2) return `version ${policy.version}`;
  return `versions ${used.map((v) => `${v.version} from ${v.effectiveFrom}`).join(', ')}`;
}
