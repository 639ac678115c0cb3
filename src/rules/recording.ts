import {
  type ClockDeadline,
  clockDeadline,
  dateOnlyClockDeadline,
  fromDayNumber,
  instantToEpochMs,
  londonDayNumberOfEpochMs,
  toDayNumber,
} from '../calendar/index.js';
import { conditionSpans } from '../engine/conditions.js';
import { type EvalContext, severityOf, subjectFor, tallyRecord } from '../engine/context.js';
import type { EventView, SubjectView } from '../engine/history-index.js';
import { contains, type Spans } from '../engine/spans.js';
import type { RuleOf } from '../policy/schema.js';
import { recordingKey } from '../report/sort.js';
import type { Breach, Recording, Subject } from '../report/types.js';
import { d, recordDue, skippedPhrase, wording } from '../report/wording.js';

type RecordingRule = RuleOf<'recording'>;

/**
 * Records due after each session: by the end of the Nth working day after it, within N clock
 * hours of its start (an instant; by the end of the ceil(N/24)th calendar day, a date, when only the
 * date is known), or the same day. One recording per session (subject: the supervisee) or per child
 * discussed (subject: the case; the child's own `caseRecords` entry when the event lists any). Late
 * records are `late-recording` breaches, `daysLate` in London calendar days from the deadline's date
 * to the record's (and `hoursLate` against a clock deadline); records missing after the deadline are
 * `unrecorded`. Records made after `asOf` are treated as not yet made.
 */
export function evaluateRecording(rule: RecordingRule, ctx: EvalContext): void {
  const spansCache = new Map<SubjectView, Spans>();
  const applies = (view: SubjectView, day: number) => {
    let spans = spansCache.get(view);
    if (!spans) {
      spans = conditionSpans(rule.when, view, ctx);
      spansCache.set(view, spans);
    }
    return contains(spans, day);
  };
  const deadlines = deadlinesOf(rule, ctx);
  for (const ev of ctx.index.events) {
    const e = ev.event;
    if (!ev.held || ev.day > ctx.asOf || !rule.counts.includes(ev.type)) continue;
    if (rule.onlyIf?.safeguarding && e.safeguarding !== true) continue;
    const deadline = deadlines(ev);
    if (deadline.day < ctx.judgedFrom) continue;
    if (rule.records === 'session') {
      const who = e.superviseeId ?? e.teamId;
      if (who === undefined) continue;
      const staff = e.superviseeId === undefined ? undefined : ctx.index.staffById.get(e.superviseeId);
      if (staff && !applies(staff, ev.day)) continue;
      judgeRecord(rule, ctx, ev, deadline, e.superviseeId ? 'staff' : 'team', who, e.recordedAt ?? null);
    } else {
      const records = childRecordsOf(e);
      const caseIds = e.caseIds ?? [];
      // Each child once (a list of one needs no set).
      for (const caseId of caseIds.length < 2 ? caseIds : new Set(caseIds)) {
        if (rule.when) {
          const c = ctx.index.caseById.get(caseId);
          if (c && !applies(c, ev.day)) continue;
        }
        judgeRecord(rule, ctx, ev, deadline, 'case', caseId, records(caseId), caseId);
      }
    }
  }
}

/**
 * Each child's record time for one event. When the event lists `caseRecords`, a child's record is its
 * first entry there, and a child not listed has no record yet; only an event with no `caseRecords`
 * at all has its `recordedAt` stand for every child. The list is read once (a map), not per child.
 */
function childRecordsOf(e: EventView['event']): (caseId: string) => string | null {
  const records = e.caseRecords;
  if (records === undefined) {
    const recordedAt = e.recordedAt ?? null;
    return () => recordedAt;
  }
  const byCase = new Map<string, string | null>();
  for (const r of records) if (!byCase.has(r.caseId)) byCase.set(r.caseId, r.recordedAt ?? null);
  return (caseId) => byCase.get(caseId) ?? null;
}

/** A session's record deadline: its day, its instant (clock-hour deadlines) and how it was worked out. */
interface RecordDeadline {
  readonly day: number;
  /** As the report gives it: `YYYY-MM-DD`, or an instant with the London offset. */
  readonly text: string;
  readonly ms: number | null;
  /** The basis, worded only when a breach is reported (and then once per day or session). */
  basis: string | null;
}

/**
 * The deadline of each session under the rule. A deadline that depends on the day alone (working
 * days, the same day, clock hours from a session with no start time) is worked out once per day.
 */
function deadlinesOf(rule: RecordingRule, ctx: EvalContext): (ev: EventView) => RecordDeadline {
  const dl = rule.deadline;
  const byDay = new Map<number, RecordDeadline>();
  const ofDay = (day: number, make: () => Omit<RecordDeadline, 'basis'>): RecordDeadline => {
    let found = byDay.get(day);
    if (found === undefined) {
      found = { ...make(), basis: null };
      byDay.set(day, found);
    }
    return found;
  };
  if ('workingDays' in dl)
    return (ev) =>
      ofDay(ev.day, () => {
        const day = ctx.calendar.addWorkingDaysNum(ev.day, dl.workingDays);
        return { day, text: fromDayNumber(day), ms: null };
      });
  if ('hours' in dl)
    return (ev) => {
      const start = ev.event.start;
      // With no start time, the end of a calendar day: a date, judged by dates.
      if (start === undefined)
        return ofDay(ev.day, () => {
          const { londonDate } = dateOnlyClockDeadline(ev.event.date, dl.hours);
          return { day: toDayNumber(londonDate), text: londonDate, ms: null };
        });
      return { ...clockOf(clockDeadline(start, dl.hours)), basis: null };
    };
  return (ev) => ofDay(ev.day, () => ({ day: ev.day, text: ev.event.date, ms: null }));
}

function clockOf(clock: ClockDeadline): Omit<RecordDeadline, 'basis'> {
  return { day: toDayNumber(clock.londonDate), text: clock.instant, ms: instantToEpochMs(clock.instant) };
}

/** How the deadline was worked out, for a breach's explanation. */
function basisOf(rule: RecordingRule, ctx: EvalContext, ev: EventView, deadline: RecordDeadline): string {
  if (deadline.basis !== null) return deadline.basis;
  const dl = rule.deadline;
  const start = ev.event.start;
  let basis: string;
  if ('workingDays' in dl) {
    const skipped = skippedPhrase(ctx.calendar.skippedDays(ev.event.date, deadline.text));
    basis = `${dl.workingDays} working day${dl.workingDays === 1 ? '' : 's'} after ${d(ev.day)}${skipped ? `, ${skipped}` : ''}`;
  } else if ('hours' in dl)
    basis =
      start === undefined
        ? `${dl.hours} hours after the session on ${d(ev.day)}; with no start time, by the end of ${d(deadline.day)}`
        : `${dl.hours} hours after the session began at ${start}`;
  else basis = 'the same day as the session';
  deadline.basis = basis;
  return basis;
}

const HOUR_MS = 3_600_000;

function judgeRecord(
  rule: RecordingRule,
  ctx: EvalContext,
  ev: EventView,
  deadline: RecordDeadline,
  subjectType: Subject['type'],
  subjectId: string,
  recordedAtRaw: string | null,
  caseId?: string,
): void {
  const e = ev.event;
  // Each record time is parsed once: its instant (when it has a time) and its London date.
  const recordedMs =
    recordedAtRaw === null || recordedAtRaw.length === 10 ? null : instantToEpochMs(recordedAtRaw);
  const recordedDay =
    recordedAtRaw === null
      ? null
      : recordedMs === null
        ? toDayNumber(recordedAtRaw)
        : londonDayNumberOfEpochMs(recordedMs);
  const recordedAt = recordedDay !== null && recordedDay <= ctx.asOf ? recordedAtRaw : null;
  let status: Recording['status'];
  if (recordedAt !== null) {
    const byClock = deadline.ms !== null && recordedMs !== null;
    const late = byClock ? recordedMs > deadline.ms! : recordedDay! > deadline.day;
    status = late ? 'late' : 'on-time';
    tallyRecord(ctx, !late, subjectFor(ctx, subjectType, subjectId));
    if (late) {
      // Hours to two decimals, at least 0.01 (a late record is never "0 hours late"); days are always
      // London calendar days from the deadline's date to the record's, as dueOn and metOn show them.
      const hours = byClock
        ? Math.max(0.01, Math.round(((recordedMs - deadline.ms!) / HOUR_MS) * 100) / 100)
        : null;
      const daysLate = recordedDay! - deadline.day;
      const lateText = hours === null ? wording.daysLate(daysLate) : `${hours} hours late`;
      const subject = subjectFor(ctx, subjectType, subjectId);
      const breach = breachOf(
        rule,
        ev,
        deadline,
        subject,
        'late-recording',
        fromDayNumber(recordedDay!),
        daysLate,
      );
      if (hours !== null) breach.hoursLate = hours;
      breach.explanation = wording.recordLate(
        dueWords(rule, ctx, ev, deadline, subject),
        recordedAt,
        lateText,
      );
      ctx.out.breaches.push(breach);
    }
  } else if (deadline.day < ctx.asOf) {
    status = 'overdue';
    const days = ctx.asOf - deadline.day;
    const subject = subjectFor(ctx, subjectType, subjectId);
    tallyRecord(ctx, false, subject);
    const breach = breachOf(rule, ev, deadline, subject, 'unrecorded', null, days);
    breach.explanation = wording.recordMissing(dueWords(rule, ctx, ev, deadline, subject), days);
    ctx.out.breaches.push(breach);
  } else status = 'pending';
  ctx.out.recordingKeys.push(
    recordingKey(deadline.day, ctx.index.eventRank[ev.pos]!, ctx.index.distinctEventIds),
  );
  ctx.out.recordings.push(
    caseId === undefined
      ? { eventId: e.id, ruleId: rule.id, deadline: deadline.text, recordedAt, status }
      : { eventId: e.id, caseId, ruleId: rule.id, deadline: deadline.text, recordedAt, status },
  );
}

function breachOf(
  rule: RecordingRule,
  ev: EventView,
  deadline: RecordDeadline,
  subject: Subject,
  kind: 'late-recording' | 'unrecorded',
  metOn: string | null,
  daysLate: number,
): Breach {
  return {
    ruleId: rule.id,
    subject,
    activity: rule.activity,
    severity: severityOf(rule),
    eventId: ev.event.id,
    citation: rule.citation,
    dueOn: fromDayNumber(deadline.day),
    kind,
    metOn,
    daysLate,
    explanation: '',
  };
}

/** Whose record, of what, due when and why: the start of either breach's sentence. */
const dueWords = (
  rule: RecordingRule,
  ctx: EvalContext,
  ev: EventView,
  deadline: RecordDeadline,
  subject: Subject,
) => recordDue(subject, whatOf(rule, ev), shown(deadline), basisOf(rule, ctx, ev, deadline));

const whatOf = (rule: RecordingRule, ev: EventView) =>
  `${rule.name} of ${ev.type} ${ev.event.id} on ${d(ev.day)}`;
const shown = (deadline: RecordDeadline) =>
  deadline.ms === null ? d(deadline.day) : `${deadline.text} (${d(deadline.day)})`;
