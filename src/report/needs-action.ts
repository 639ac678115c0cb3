import { toDayNumber } from '../calendar/index.js';
import type { Breach, Citation, Obligation, Report, Subject } from './types.js';

/** Days ahead of `asOf` within which an upcoming obligation is due soon (inclusive). */
export const DUE_SOON_DAYS = 7;
/** The window, in days ending on `asOf`, over which a subject's recent breaches are counted. */
export const RECENT_DAYS = 90;

/** One thing a team manager should act on now. */
export interface ActionItem {
  /**
   * `overdue-session`: an obligation whose due date has passed (`status: 'overdue'`);
   * `unwritten-record`: a session's record still not made after its deadline (a recording with
   * `status: 'overdue'`); `due-soon`: an obligation due within the next days (7 by default).
   */
  kind: 'overdue-session' | 'unwritten-record' | 'due-soon';
  subject: Subject;
  ruleId: string;
  activity: string;
  /** `YYYY-MM-DD` (for clock deadlines, their London date). */
  dueOn: string;
  /** Calendar days from `dueOn` to `asOf`; 0 for `due-soon`. */
  daysOverdue: number;
  /** `due-soon` only: calendar days from `asOf` to `dueOn` (0 = due today). */
  daysUntilDue?: number;
  /** `advisory` when the rule only recommends: shown apart from breaches, never counted as one. */
  severity: 'breach' | 'advisory';
  /** The session whose record is missing (`unwritten-record`). */
  eventId?: string;
  /** The child whose record is missing, where records are per child (`unwritten-record`). */
  caseId?: string;
  explanation: string;
  citation: Citation;
  /** `approximate` when the finding's rule bends its source's text (the obligation's or breach's `confidence`); left out when exact. */
  confidence?: 'approximate';
}

/** What the report cannot say about a rule (its strength), given by the policy when at hand. */
export interface NeedsActionOptions {
  /** Upcoming obligations due within this many days of `asOf` (inclusive) are `due-soon`; default 7. */
  withinDays?: number;
  /**
   * The policy evaluated: an obligation's severity is its rule's (`strength: 'advisory'` →
   * advisory). Without it, an obligation takes the severity of the report's breaches of the same
   * rule, or else `breach`.
   */
  policy?: { readonly rules: readonly { readonly id: string; readonly strength: string }[] };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const subjectKey = (s: Subject) => `${s.type}\u0000${s.id}`;

/**
 * What needs action now, from a report: overdue sessions (obligations past their due date) and
 * records not yet written (recordings overdue), oldest first by days overdue, those under rules
 * that only advise after those that bind; then obligations due within `withinDays` (default 7)
 * of `asOf`, soonest first. Pure: the date is the report's `asOf`.
 *
 * @example
 * const report = evaluate('york', history, { asOf: '2025-12-01' });
 * for (const item of needsAction(report)) console.log(item.kind, item.subject.id, item.daysOverdue);
 */
export function needsAction(report: Report, options: NeedsActionOptions = {}): ActionItem[] {
  const withinDays = options.withinDays ?? DUE_SOON_DAYS;
  const asOf = toDayNumber(report.asOf);
  const severity = severityOfRule(report, options.policy);
  const overdue: ActionItem[] = [];
  const soon: ActionItem[] = [];
  for (const o of report.obligations) {
    const due = toDayNumber(o.dueOn);
    if (o.status === 'overdue')
      overdue.push(fromObligation(o, 'overdue-session', asOf - due, severity(o.ruleId)));
    else if (due - asOf <= withinDays) {
      const item = fromObligation(o, 'due-soon', 0, severity(o.ruleId));
      item.daysUntilDue = due - asOf;
      soon.push(item);
    }
  }
  // Every recording overdue at asOf is reported as an `unrecorded` breach still unmet, which
  // carries its subject and sentence.
  for (const b of report.breaches)
    if (b.kind === 'unrecorded' && b.metOn === null) overdue.push(fromUnrecorded(b, asOf));
  const tie = (a: ActionItem, b: ActionItem) =>
    cmp(a.subject.type, b.subject.type) ||
    cmp(a.subject.id, b.subject.id) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.eventId ?? '', b.eventId ?? '') ||
    cmp(a.caseId ?? '', b.caseId ?? '') ||
    cmp(a.activity, b.activity);
  overdue.sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'breach' ? -1 : 1) ||
      b.daysOverdue - a.daysOverdue ||
      cmp(a.kind, b.kind) ||
      tie(a, b),
  );
  soon.sort((a, b) => cmp(a.dueOn, b.dueOn) || tie(a, b));
  for (const s of soon) overdue.push(s);
  return overdue;
}

function fromObligation(
  o: Obligation,
  kind: 'overdue-session' | 'due-soon',
  daysOverdue: number,
  severity: ActionItem['severity'],
): ActionItem {
  return {
    kind,
    subject: o.subject,
    ruleId: o.ruleId,
    activity: o.activity,
    dueOn: o.dueOn,
    daysOverdue,
    severity,
    explanation: o.explanation,
    citation: o.citation,
    ...(o.confidence === undefined ? {} : { confidence: o.confidence }),
  };
}

function fromUnrecorded(b: Breach, asOf: number): ActionItem {
  const item: ActionItem = {
    kind: 'unwritten-record',
    subject: b.subject,
    ruleId: b.ruleId,
    activity: b.activity,
    dueOn: b.dueOn,
    daysOverdue: asOf - toDayNumber(b.dueOn),
    severity: b.severity,
    explanation: b.explanation,
    citation: b.citation,
  };
  if (b.eventId !== undefined) item.eventId = b.eventId;
  if (b.subject.type === 'case') item.caseId = b.subject.id;
  if (b.confidence !== undefined) item.confidence = b.confidence;
  return item;
}

/** A rule's severity: from the policy when given, else from the report's breaches of it, else `breach`. */
function severityOfRule(
  report: Report,
  policy: NeedsActionOptions['policy'],
): (ruleId: string) => ActionItem['severity'] {
  const known = new Map<string, ActionItem['severity']>();
  for (const b of report.breaches) if (!known.has(b.ruleId)) known.set(b.ruleId, b.severity);
  if (policy)
    for (const r of policy.rules) known.set(r.id, r.strength === 'advisory' ? 'advisory' : 'breach');
  return (ruleId) => known.get(ruleId) ?? 'breach';
}

/** One line of the team overview: how a worker, case or team stands on `asOf`. */
export interface SubjectStatus {
  subject: Subject;
  /** From `options.names` (staff only: the history's `staff[].name`). */
  name?: string;
  /**
   * `red`: something is overdue now (a session or a record) under a rule that binds;
   * `amber`: otherwise, something is due within 7 days, or there was a breach in the last 90 days,
   * or only advisory items are overdue; `green`: none of these.
   */
  rag: 'red' | 'amber' | 'green';
  /** Why, in a few words: "1 session overdue and 2 records not written, the oldest 45 days". */
  ragReason: string;
  /** The earliest due date among its obligations (an overdue one included), or null when none applies. */
  nextDue: { ruleId: string; activity: string; dueOn: string } | null;
  /** Breaches (severity `breach`) whose deadline fell in the 90 days up to and including `asOf`. */
  breachesLast90Days: number;
  /** Advisory findings in the same window, counted apart. */
  advisoryLast90Days: number;
  /** Deadlines judged up to `asOf` and those met in time (from `report.totalsBySubject`). */
  sessionsInTime: { judged: number; met: number };
  /** Records due by `asOf` and those made on time (from `report.totalsBySubject`). */
  recordsOnTime: { due: number; onTime: number };
  /** The subject's items of {@link needsAction}, in its order. */
  actions: ActionItem[];
}

export interface SubjectStatusOptions {
  /** Names by staff id (see {@link staffNames}). */
  names?: ReadonlyMap<string, string>;
  /** As for {@link needsAction}: the policy, for the severity of rules the report has no breach of. */
  policy?: NeedsActionOptions['policy'];
}

const TYPE_ORDER: Record<Subject['type'], number> = { staff: 0, case: 1, team: 2 };

/**
 * One status per worker, case and team the report names (staff first, then cases, then teams, each
 * by id), with a red/amber/green rating defined on {@link SubjectStatus.rag}. Pure.
 *
 * @example
 * const rows = subjectStatuses(report, { names: staffNames(history) });
 * rows.filter((r) => r.rag === 'red').map((r) => r.name ?? r.subject.id);
 */
export function subjectStatuses(report: Report, options: SubjectStatusOptions = {}): SubjectStatus[] {
  const asOf = toDayNumber(report.asOf);
  const recentFrom = asOf - RECENT_DAYS + 1;
  const rows = new Map<string, SubjectStatus>();
  const row = (subject: Subject): SubjectStatus => {
    const key = subjectKey(subject);
    let r = rows.get(key);
    if (r === undefined) {
      r = {
        subject,
        rag: 'green',
        ragReason: '',
        nextDue: null,
        breachesLast90Days: 0,
        advisoryLast90Days: 0,
        sessionsInTime: { judged: 0, met: 0 },
        recordsOnTime: { due: 0, onTime: 0 },
        actions: [],
      };
      const name = subject.type === 'staff' ? options.names?.get(subject.id) : undefined;
      if (name !== undefined) r.name = name;
      rows.set(key, r);
    }
    return r;
  };
  for (const o of report.obligations) {
    const r = row(o.subject);
    if (r.nextDue === null || o.dueOn < r.nextDue.dueOn)
      r.nextDue = { ruleId: o.ruleId, activity: o.activity, dueOn: o.dueOn };
  }
  for (const b of report.breaches) {
    const r = row(b.subject);
    const due = toDayNumber(b.dueOn);
    if (due >= recentFrom && due <= asOf) {
      if (b.severity === 'breach') r.breachesLast90Days++;
      else r.advisoryLast90Days++;
    }
  }
  for (const t of report.totalsBySubject ?? []) {
    const r = row(t.subject);
    r.sessionsInTime = { judged: t.deadlines, met: t.deadlinesMet };
    r.recordsOnTime = { due: t.records, onTime: t.recordsOnTime };
  }
  const itemOptions: NeedsActionOptions = { withinDays: DUE_SOON_DAYS };
  if (options.policy) itemOptions.policy = options.policy;
  for (const item of needsAction(report, itemOptions)) row(item.subject).actions.push(item);
  const out: SubjectStatus[] = [];
  for (const r of rows.values()) {
    rate(r);
    out.push(r);
  }
  return out.sort(
    (a, b) => TYPE_ORDER[a.subject.type] - TYPE_ORDER[b.subject.type] || cmp(a.subject.id, b.subject.id),
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Sets `rag` and `ragReason` from the subject's actions and recent breaches. */
function rate(r: SubjectStatus): void {
  const overdue = r.actions.filter((a) => a.kind !== 'due-soon');
  const binding = overdue.filter((a) => a.severity === 'breach');
  const soon = r.actions.filter((a) => a.kind === 'due-soon');
  if (binding.length > 0) {
    let oldest = 0;
    let records = 0;
    for (const a of binding) {
      if (a.daysOverdue > oldest) oldest = a.daysOverdue;
      if (a.kind === 'unwritten-record') records++;
    }
    const sessions = binding.length - records;
    const what = [
      ...(sessions > 0 ? [`${plural(sessions, 'session')} overdue`] : []),
      ...(records > 0 ? [`${plural(records, 'record')} not written`] : []),
    ];
    r.rag = 'red';
    r.ragReason = `${what.join(' and ')}, the oldest ${plural(oldest, 'day')}`;
    return;
  }
  const reasons: string[] = [];
  if (soon.length > 0) reasons.push(`${soon.length} due within ${DUE_SOON_DAYS} days`);
  if (r.breachesLast90Days > 0)
    reasons.push(
      `${r.breachesLast90Days} breach${r.breachesLast90Days === 1 ? '' : 'es'} in the last ${RECENT_DAYS} days`,
    );
  if (overdue.length > 0) reasons.push(`${overdue.length} advisory overdue`);
  r.rag = reasons.length > 0 ? 'amber' : 'green';
  r.ragReason = reasons.length > 0 ? reasons.join('; ') : 'nothing overdue or due soon';
}

/**
 * Staff names by id from a history's `staff[].name` (the first of each id), for
 * {@link subjectStatuses}.
 */
export function staffNames(history: {
  readonly staff?: readonly { readonly id: string; readonly name?: string | undefined }[];
}): Map<string, string> {
  const names = new Map<string, string>();
  for (const s of history.staff ?? [])
    if (typeof s.name === 'string' && !names.has(s.id)) names.set(s.id, s.name);
  return names;
}
