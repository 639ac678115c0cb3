import { addDays, formatDate, toDayNumber } from '../calendar/index.js';
import { indexHistory, type StaffView } from '../engine/history-index.js';
import type { History } from '../history/schema.js';
import { EVENT_TYPES } from '../history/vocabulary.js';
import { type ActionItem, needsAction, staffNames, subjectStatuses } from '../report/needs-action.js';
import type { Breach, Obligation, Report, Subject } from '../report/types.js';
import { type CalendarMarks, calendarMarks, type Period, type TimelineData, timelineOf } from './timeline.js';

/** Options of {@link renderHtmlReport}. */
export interface HtmlReportOptions {
  /** First day the timelines and findings cover (`YYYY-MM-DD`); default 365 days before the as-of date. */
  since?: string;
  /** Days after the as-of date the timelines run on, to show what falls due; default 42. */
  daysAhead?: number;
  /** Obligations due within this many days of the as-of date are listed as due soon; default 7. */
  withinDays?: number;
  /** Only these teams' workers, and what needs action about them and their cases; default every team. */
  teams?: readonly string[];
  /** The policy evaluated: its council for the heading, its closure days, its rules' strengths (an obligation under an advisory rule is advisory). */
  policy?: {
    readonly council?: string | undefined;
    /** The policy's council closure days, marked on the timelines with the history's. */
    readonly closures?: readonly string[] | undefined;
    readonly rules: readonly {
      readonly id: string;
      readonly strength: string;
      /** Why the rule's reading bends the policy's text: shown with its approximate findings. */
      readonly approximate?: string | undefined;
    }[];
  };
}

/** A needs-action row: [kind, worker index or -1, rule index, dueOn, days overdue, days until due or null, breach (1) or advisory (0), subject in words, sentence, team index or -1, approximate reading (1) or not (0)]. */
export type ActionRow = [
  0 | 1 | 2,
  number,
  number,
  string,
  number,
  number | null,
  0 | 1,
  string,
  string,
  number,
  0 | 1,
];
/**
 * A finding row: [rule index, breach kind or obligation status, breach (1) / advisory (0) / obligation (2),
 * dueOn, metOn or null, days late, sentence, approximate reading (1: `confidence: 'approximate'`) or not (0),
 * a too-long session's minutes over the maximum or null].
 */
export type FindingRow = [
  number,
  string,
  0 | 1 | 2,
  string,
  string | null,
  number,
  string,
  0 | 1,
  number | null,
];

/** One worker as the page's script reads them (short keys: a council's page holds a thousand). */
export interface WorkerData {
  id: string;
  name: string | null;
  /** Index in `teams`, or -1. */
  team: number;
  rag: 'red' | 'amber' | 'green';
  why: string;
  next: string | null;
  b90: number;
  a90: number;
  /** Children's records not written after this worker's sessions: under rules that bind, and advisory. */
  cb: number;
  ca: number;
  /** Deadlines judged, and met in time. */
  sj: number;
  sm: number;
  /** Records due, and made on time. */
  rd: number;
  ro: number;
  tl: TimelineData;
  f: FindingRow[];
}

/** Everything the page's script draws, embedded in the page as JSON. */
export interface PageData {
  policy: Report['policy'];
  /** The council whose policy it is, when the policy was given. */
  council: string | null;
  asOf: string;
  from: string;
  to: string;
  /** Days from `from` to `to`, and to `asOf`. */
  days: number;
  asOfDay: number;
  withinDays: number;
  teams: string[];
  /** By rule: [id, activity, citation section, quote, source, why its reading is approximate (the rule's `approximate`) or '']. */
  rules: [string, string, string, string, string, string][];
  /** The event types the timelines name: the built-in ones, then any other the history uses (a policy's own words). */
  eventTypes: string[];
  workers: WorkerData[];
  actions: ActionRow[];
  /** Items about subjects outside the teams chosen, left out. */
  actionsLeftOut: number;
  calendar: CalendarMarks;
  notEvaluable: number;
  warnings: number;
}

const KIND: Record<ActionItem['kind'], 0 | 1 | 2> = {
  'overdue-session': 0,
  'unwritten-record': 1,
  'due-soon': 2,
};

function subjectWords(item: ActionItem, eventDay: (id: string) => string | undefined): string {
  const who = item.subject.type === 'staff' ? item.subject.id : `${item.subject.type} ${item.subject.id}`;
  if (item.kind !== 'unwritten-record') return `${who}: ${item.activity}`;
  const day = item.eventId === undefined ? undefined : eventDay(item.eventId);
  return `${who}: record of ${item.eventId ?? 'a session'}${day ? ` on ${formatDate(day)}` : ''}`;
}

/**
 * The page's data from a report and the history it was made from: workers (from the history's staff,
 * with their status from {@link subjectStatuses}), what needs action ({@link needsAction}), each
 * worker's findings and timeline over the period, and the calendar's marks. Pure.
 */
export function pageData(report: Report, history: History, options: HtmlReportOptions = {}): PageData {
  const index = indexHistory(history);
  const asOf = toDayNumber(report.asOf);
  const from = toDayNumber(options.since ?? addDays(report.asOf, -365));
  const period: Period = { from: Math.min(from, asOf), to: asOf + (options.daysAhead ?? 42) };
  const withinDays = options.withinDays ?? 7;
  const policyOption = options.policy ? { policy: options.policy } : {};

  const approximate = new Map((options.policy?.rules ?? []).map((r) => [r.id, r.approximate ?? '']));
  const rules: PageData['rules'] = [];
  const ruleAt = new Map<string, number>();
  const ruleIndex = (f: { ruleId: string; activity: string; citation: Obligation['citation'] }) => {
    let i = ruleAt.get(f.ruleId);
    if (i === undefined) {
      i = rules.length;
      ruleAt.set(f.ruleId, i);
      rules.push([
        f.ruleId,
        f.activity,
        f.citation.section,
        f.citation.quote,
        f.citation.source,
        approximate.get(f.ruleId) ?? '',
      ]);
    }
    return i;
  };

  const eventTypes: string[] = [...EVENT_TYPES];
  const typeAt = new Map(eventTypes.map((t, i) => [t, i]));
  const typeIndex = (type: string) => {
    let i = typeAt.get(type);
    if (i === undefined) {
      i = eventTypes.length;
      typeAt.set(type, i);
      eventTypes.push(type);
    }
    return i;
  };

  const wanted = options.teams ? new Set(options.teams) : null;
  const teams: string[] = [];
  const teamAt = new Map<string, number>();
  const teamIndex = (id: string | null | undefined) => {
    if (id === null || id === undefined) return -1;
    let i = teamAt.get(id);
    if (i === undefined) {
      i = teams.length;
      teamAt.set(id, i);
      teams.push(id);
    }
    return i;
  };
  const staff = index.staff.filter((s) => wanted === null || wanted.has(s.staff.teamId ?? ''));
  const workerAt = new Map<string, number>();
  for (const [i, s] of staff.entries()) workerAt.set(s.id, i);
  for (const id of [...new Set(staff.map((s) => s.staff.teamId ?? null))].sort()) teamIndex(id);

  const statuses = new Map<string, ReturnType<typeof subjectStatuses>[number]>();
  for (const st of subjectStatuses(report, { names: staffNames(history), ...policyOption }))
    if (st.subject.type === 'staff') statuses.set(st.subject.id, st);

  const mine = new Map<string, { obligations: Obligation[]; breaches: Breach[] }>();
  const findingsOf = (s: Subject) => {
    if (s.type !== 'staff' || !workerAt.has(s.id)) return undefined;
    let f = mine.get(s.id);
    if (f === undefined) {
      f = { obligations: [], breaches: [] };
      mine.set(s.id, f);
    }
    return f;
  };
  for (const o of report.obligations) findingsOf(o.subject)?.obligations.push(o);
  for (const b of report.breaches) {
    if (b.metOn !== null && toDayNumber(b.metOn.slice(0, 10)) < period.from) continue;
    findingsOf(b.subject)?.breaches.push(b);
  }

  const workers = staff.map((s): WorkerData => {
    const st = statuses.get(s.id);
    const f = mine.get(s.id) ?? { obligations: [], breaches: [] };
    const rows: FindingRow[] = [
      ...f.breaches.map(
        (b): FindingRow => [
          ruleIndex(b),
          b.kind,
          b.severity === 'breach' ? 1 : 0,
          b.dueOn,
          b.metOn,
          b.daysLate,
          b.explanation,
          b.confidence === 'approximate' ? 1 : 0,
          b.excess?.minutes ?? null,
        ],
      ),
      ...f.obligations.map(
        (o): FindingRow => [
          ruleIndex(o),
          o.status,
          2,
          o.dueOn,
          null,
          0,
          o.explanation,
          o.confidence === 'approximate' ? 1 : 0,
          null,
        ],
      ),
    ].sort((x, y) => (x[3] < y[3] ? -1 : x[3] > y[3] ? 1 : x[0] - y[0]));
    return {
      id: s.id,
      name: st?.name ?? s.staff.name ?? null,
      team: teamIndex(s.staff.teamId),
      rag: st?.rag ?? 'green',
      why: st?.ragReason ?? '',
      next: st?.nextDue?.dueOn ?? null,
      b90: st?.breachesLast90Days ?? 0,
      a90: st?.advisoryLast90Days ?? 0,
      cb: 0,
      ca: 0,
      sj: st?.sessionsInTime.judged ?? 0,
      sm: st?.sessionsInTime.met ?? 0,
      rd: st?.recordsOnTime.due ?? 0,
      ro: st?.recordsOnTime.onTime ?? 0,
      tl: timelineOf(s, f, (id) => ruleAt.get(id) ?? -1, typeIndex, asOf, period),
      f: rows,
    };
  });

  // A case's item belongs to the worker supervised at the session (its event), else to the case's worker on the as-of date.
  const eventById = new Map(index.events.map((e) => [e.event.id, e]));
  const workerOfCase = (id: string): StaffView | undefined => {
    const c = index.caseById.get(id);
    const a = c?.allocations.find((x) => x.from <= asOf && asOf <= x.to) ?? c?.allocations.at(-1);
    return a === undefined ? undefined : index.staffById.get(a.workerId);
  };
  const actions: ActionRow[] = [];
  let actionsLeftOut = 0;
  for (const item of needsAction(report, { withinDays, ...policyOption })) {
    const event = item.eventId === undefined ? undefined : eventById.get(item.eventId);
    const workerId =
      item.subject.type === 'staff'
        ? item.subject.id
        : (event?.event.superviseeId ??
          (item.subject.type === 'case' ? workerOfCase(item.subject.id)?.id : undefined));
    const worker = workerId === undefined ? -1 : (workerAt.get(workerId) ?? -1);
    const teamId =
      item.subject.type === 'team'
        ? item.subject.id
        : worker >= 0
          ? (staff[worker]?.staff.teamId ?? null)
          : (index.staffById.get(workerId ?? '')?.staff.teamId ?? null);
    if (wanted !== null && (teamId === null || !wanted.has(teamId))) {
      actionsLeftOut++;
      continue;
    }
    const w = workers[worker];
    if (w && item.kind === 'unwritten-record' && item.subject.type === 'case') {
      if (item.severity === 'breach') w.cb++;
      else w.ca++;
    }
    actions.push([
      KIND[item.kind],
      worker,
      ruleIndex(item),
      item.dueOn,
      item.daysOverdue,
      item.daysUntilDue ?? null,
      item.severity === 'breach' ? 1 : 0,
      subjectWords(item, (id) => eventById.get(id)?.event.date),
      item.explanation,
      teamIndex(teamId),
      item.confidence === 'approximate' ? 1 : 0,
    ]);
  }
  return {
    policy: report.policy,
    council: options.policy?.council ?? null,
    asOf: report.asOf,
    from: addDays(report.asOf, period.from - asOf),
    to: addDays(report.asOf, period.to - asOf),
    days: period.to - period.from,
    asOfDay: asOf - period.from,
    withinDays,
    teams,
    rules,
    eventTypes,
    workers,
    actions,
    actionsLeftOut,
    calendar: calendarMarks(
      [...(options.policy?.closures ?? []), ...(history.calendar?.closures ?? [])],
      period,
    ),
    notEvaluable: report.notEvaluable.length,
    warnings: report.warnings.length,
  };
}
