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
import { type EvalContext, inForce, subjectFor, tallyRecord } from '../engine/context.js';
import { type Emitter, emitter, nonWorkingDays } from '../engine/emit.js';
import type { EventView, SubjectView } from '../engine/history-index.js';
import { contains, type Spans } from '../engine/spans.js';
import type { RuleOf } from '../policy/schema.js';
import type { NonWorkingDay, RecordBasis, Recording, Subject } from '../report/types.js';

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
  const emit = emitter(rule, ctx);
  for (const ev of ctx.index.events) {
    const e = ev.event;
    if (!ev.held || ev.day > ctx.asOf || !rule.counts.includes(ev.type)) continue;
    if (rule.onlyIf?.safeguarding && e.safeguarding !== true) continue;
    // The version in force on the session's day sets its record's deadline.
    if (!inForce(ctx, ev.day)) continue;
    const deadline = deadlines(ev);
    if (deadline.day < ctx.judgedFrom) continue;
    if (rule.records === 'session') {
      const who = e.superviseeId ?? e.teamId;
      if (who === undefined) continue;
      const staff = e.superviseeId === undefined ? undefined : ctx.index.staffById.get(e.superviseeId);
      if (staff && !applies(staff, ev.day)) continue;
      judgeRecord(
        rule,
        ctx,
        emit,
        ev,
        deadline,
        e.superviseeId ? 'staff' : 'team',
        who,
        e.recordedAt ?? null,
      );
    } else {
      const records = childRecordsOf(e);
      const caseIds = e.caseIds ?? [];
      // Each child once (a list of one needs no set).
      for (const caseId of caseIds.length < 2 ? caseIds : new Set(caseIds)) {
        if (rule.when) {
          const c = ctx.index.caseById.get(caseId);
          if (c && !applies(c, ev.day)) continue;
        }
        judgeRecord(rule, ctx, emit, ev, deadline, 'case', caseId, records(caseId), caseId);
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
  /** The non-working days a working-day deadline passed over, listed once per day. */
  skipped: NonWorkingDay[] | null;
}

/**
 * The deadline of each session under the rule. A deadline that depends on the day alone (working
 * days, the same day, clock hours from a session with no start time) is worked out once per day.
 */
function deadlinesOf(rule: RecordingRule, ctx: EvalContext): (ev: EventView) => RecordDeadline {
  const dl = rule.deadline;
  const byDay = new Map<number, RecordDeadline>();
  const ofDay = (day: number, make: () => Omit<RecordDeadline, 'skipped'>): RecordDeadline => {
    let found = byDay.get(day);
    if (found === undefined) {
      found = { ...make(), skipped: null };
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
      return { ...clockOf(clockDeadline(start, dl.hours)), skipped: null };
    };
  return (ev) => ofDay(ev.day, () => ({ day: ev.day, text: ev.event.date, ms: null }));
}

function clockOf(clock: ClockDeadline): Omit<RecordDeadline, 'skipped'> {
  return { day: toDayNumber(clock.londonDate), text: clock.instant, ms: instantToEpochMs(clock.instant) };
}

/** How the deadline was worked out, kept per deadline (its non-working days listed once). */
function basisOf(
  rule: RecordingRule,
  ctx: EvalContext,
  ev: EventView,
  deadline: RecordDeadline,
): RecordBasis {
  const dl = rule.deadline;
  const start = ev.event.start;
  const session = { type: ev.type, on: ev.event.date };
  if ('workingDays' in dl) {
    if (deadline.skipped === null)
      deadline.skipped = nonWorkingDays(ctx.calendar.skippedDays(ev.event.date, deadline.text));
    const basis: RecordBasis = {
      kind: 'record',
      session,
      within: { workingDays: dl.workingDays },
      deadline: deadline.text,
    };
    if (deadline.skipped.length > 0) basis.skipped = deadline.skipped;
    return basis;
  }
  if ('hours' in dl)
    return {
      kind: 'record',
      session: start === undefined || deadline.ms === null ? session : { ...session, start },
      within: { hours: dl.hours },
      deadline: deadline.text,
    };
  return { kind: 'record', session, within: { sameDay: true }, deadline: deadline.text };
}

const HOUR_MS = 3_600_000;

function judgeRecord(
  rule: RecordingRule,
  ctx: EvalContext,
  emit: Emitter,
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
  const basis = basisOf(rule, ctx, ev, deadline);
  let subject: Subject | undefined;
  if (recordedAt !== null) {
    const byClock = deadline.ms !== null && recordedMs !== null;
    const late = byClock ? recordedMs > deadline.ms! : recordedDay! > deadline.day;
    status = late ? 'late' : 'on-time';
    subject = subjectFor(ctx, subjectType, subjectId);
    tallyRecord(ctx, !late, subject);
    if (late) {
      // Hours to two decimals, at least 0.01 (a late record is never "0 hours late"); days are always
      // London calendar days from the deadline's date to the record's, as dueOn and metOn show them.
      const hours = byClock
        ? Math.max(0.01, Math.round(((recordedMs - deadline.ms!) / HOUR_MS) * 100) / 100)
        : null;
      emit.breach({
        subject,
        kind: 'late-recording',
        dueOn: fromDayNumber(deadline.day),
        metOn: fromDayNumber(recordedDay!),
        daysLate: recordedDay! - deadline.day,
        eventId: e.id,
        hoursLate: hours ?? undefined,
        basis: { ...basis, recordedAt },
      });
    }
  } else if (deadline.day < ctx.asOf) {
    status = 'overdue';
    subject = subjectFor(ctx, subjectType, subjectId);
    tallyRecord(ctx, false, subject);
    emit.breach({
      subject,
      kind: 'unrecorded',
      dueOn: fromDayNumber(deadline.day),
      metOn: null,
      daysLate: ctx.asOf - deadline.day,
      eventId: e.id,
      basis,
    });
  } else status = 'pending';
  emit.recording(
    {
      eventId: e.id,
      caseId,
      deadline: deadline.text,
      recordedAt,
      status,
      basis,
    },
    deadline.day,
    ev.pos,
  );
}
