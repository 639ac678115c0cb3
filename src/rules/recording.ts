import {
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
  const bases = basesOf(rule, ctx);
  const emit = emitter(rule, ctx);
  const parsed: RecordTime = { raw: null, ms: null, day: null };
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
      const record = readRecord(parsed, e.recordedAt ?? null);
      judgeRecord(
        ctx,
        emit,
        ev,
        deadline,
        bases(ev, deadline),
        e.superviseeId ? 'staff' : 'team',
        who,
        record,
      );
    } else {
      const caseIds = e.caseIds ?? [];
      // A long list is read through a set (each child once) and a map of its records.
      const many = caseIds.length > MANY_CHILDREN || (e.caseRecords?.length ?? 0) > MANY_CHILDREN;
      const children = many ? [...new Set(caseIds)] : caseIds;
      const recordOf = many ? childRecordsOf(e) : undefined;
      // The basis is the same for every child of the event: made once, for the first child judged.
      let basis: RecordBasis | undefined;
      for (let i = 0; i < children.length; i++) {
        const caseId = children[i]!;
        // Each child once: a child listed again is skipped.
        if (!many && i > 0 && children.indexOf(caseId) < i) continue;
        if (rule.when) {
          const c = ctx.index.caseById.get(caseId);
          if (c && !applies(c, ev.day)) continue;
        }
        basis ??= bases(ev, deadline);
        const raw = recordOf === undefined ? childRecord(e, caseId) : recordOf(caseId);
        judgeRecord(ctx, emit, ev, deadline, basis, 'case', caseId, readRecord(parsed, raw), caseId);
      }
    }
  }
}

/** More children than this on one event, and its `caseIds` and `caseRecords` are read through a set and a map. */
const MANY_CHILDREN = 16;

/**
 * A child's record time for one event. When the event lists `caseRecords`, a child's record is its
 * first entry there, and a child not listed has no record yet; only an event with no `caseRecords`
 * at all has its `recordedAt` stand for every child.
 */
function childRecord(e: EventView['event'], caseId: string): string | null {
  const records = e.caseRecords;
  if (records === undefined) return e.recordedAt ?? null;
  for (const r of records) if (r.caseId === caseId) return r.recordedAt ?? null;
  return null;
}

/** The same for an event with many children: its list read once (a map), not per child. */
function childRecordsOf(e: EventView['event']): (caseId: string) => string | null {
  const records = e.caseRecords;
  if (records === undefined) return () => e.recordedAt ?? null;
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
  /** The bases made for it, one per session type (`basesOf`). */
  bases: RecordBasis[] | null;
}

/**
 * The deadline of each session under the rule. A deadline that depends on the day alone (working
 * days, the same day, clock hours from a session with no start time) is worked out once per day.
 */
function deadlinesOf(rule: RecordingRule, ctx: EvalContext): (ev: EventView) => RecordDeadline {
  const dl = rule.deadline;
  const byDay = new Map<number, RecordDeadline>();
  const ofDay = (day: number, make: () => RecordDeadline): RecordDeadline => {
    let found = byDay.get(day);
    if (found === undefined) {
      found = make();
      byDay.set(day, found);
    }
    return found;
  };
  if ('workingDays' in dl)
    return (ev) =>
      ofDay(ev.day, () => {
        const day = ctx.calendar.addWorkingDaysNum(ev.day, dl.workingDays);
        return deadlineOf(day, fromDayNumber(day), null);
      });
  if ('hours' in dl)
    return (ev) => {
      const start = ev.event.start;
      // With no start time, the end of a calendar day: a date, judged by dates.
      if (start === undefined)
        return ofDay(ev.day, () => {
          const { londonDate } = dateOnlyClockDeadline(ev.event.date, dl.hours);
          return deadlineOf(toDayNumber(londonDate), londonDate, null);
        });
      const clock = clockDeadline(start, dl.hours);
      return deadlineOf(toDayNumber(clock.londonDate), clock.instant, instantToEpochMs(clock.instant));
    };
  return (ev) => ofDay(ev.day, () => deadlineOf(ev.day, ev.event.date, null));
}

const deadlineOf = (day: number, text: string, ms: number | null): RecordDeadline => ({
  day,
  text,
  ms,
  skipped: null,
  bases: null,
});

/**
 * How each session's deadline was worked out (its `record` basis). A deadline of a day serves every
 * session of that day, so its basis is made once per session type and shared by their recordings and
 * breaches, as is the rule's `within` (docs/report.md, Basis); its non-working days are listed once.
 */
function basesOf(
  rule: RecordingRule,
  ctx: EvalContext,
): (ev: EventView, deadline: RecordDeadline) => RecordBasis {
  const dl = rule.deadline;
  const within: RecordBasis['within'] =
    'workingDays' in dl
      ? { workingDays: dl.workingDays }
      : 'hours' in dl
        ? { hours: dl.hours }
        : { sameDay: true };
  return (ev, deadline) => {
    deadline.bases ??= [];
    const made = deadline.bases;
    for (const b of made) if (b.session.type === ev.type) return b;
    const start = ev.event.start;
    const session: RecordBasis['session'] =
      'hours' in dl && start !== undefined && deadline.ms !== null
        ? { type: ev.type, on: ev.event.date, start }
        : { type: ev.type, on: ev.event.date };
    const basis: RecordBasis = { kind: 'record', session, within, deadline: deadline.text };
    if ('workingDays' in dl) {
      deadline.skipped ??= nonWorkingDays(ctx.calendar.skippedDays(ev.event.date, deadline.text));
      if (deadline.skipped.length > 0) basis.skipped = deadline.skipped;
    }
    made.push(basis);
    return basis;
  };
}

/** A record time as read: the text, its instant (when it has a time) and its London day. */
interface RecordTime {
  raw: string | null;
  ms: number | null;
  day: number | null;
}

/**
 * Reads a record time into `last` (one object, reused) unless it is the one read last: the children
 * of an event with one `recordedAt` share it, and it is parsed once.
 */
function readRecord(last: RecordTime, raw: string | null): RecordTime {
  if (raw === last.raw) return last;
  last.raw = raw;
  last.ms = raw === null || raw.length === 10 ? null : instantToEpochMs(raw);
  last.day = raw === null ? null : last.ms === null ? toDayNumber(raw) : londonDayNumberOfEpochMs(last.ms);
  return last;
}

const HOUR_MS = 3_600_000;

function judgeRecord(
  ctx: EvalContext,
  emit: Emitter,
  ev: EventView,
  deadline: RecordDeadline,
  basis: RecordBasis,
  subjectType: Subject['type'],
  subjectId: string,
  record: RecordTime,
  caseId?: string,
): void {
  const e = ev.event;
  const recordedMs = record.ms;
  const recordedDay = record.day;
  const recordedAt = recordedDay !== null && recordedDay <= ctx.asOf ? record.raw : null;
  let status: Recording['status'];
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
        : undefined;
      // The basis with the record's time: its own object (the basis without it is shared), made whole.
      const { session, within, deadline: text, skipped } = basis;
      const lateBasis: RecordBasis =
        skipped === undefined
          ? { kind: 'record', session, within, deadline: text, recordedAt }
          : { kind: 'record', session, within, deadline: text, skipped, recordedAt };
      emit.breach({
        subject,
        kind: 'late-recording',
        dueOn: fromDayNumber(deadline.day),
        metOn: fromDayNumber(recordedDay!),
        daysLate: recordedDay! - deadline.day,
        eventId: e.id,
        hoursLate: hours,
        basis: lateBasis,
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
  emit.recording(e.id, caseId, deadline.text, recordedAt, status, basis, deadline.day, ev.pos);
}
