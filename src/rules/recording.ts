import {
  clockDeadline,
  dateOnlyClockDeadline,
  fromDayNumber,
  instantToEpochMs,
  londonDayNumberOfEpochMs,
  toDayNumber,
} from '../calendar/index.js';
import { conditionSpans } from '../engine/conditions.js';
import { type EvalContext, severityOf } from '../engine/context.js';
import type { EventView, SubjectView } from '../engine/history-index.js';
import { contains, type Spans } from '../engine/spans.js';
import type { RuleOf } from '../policy/schema.js';
import type { Subject } from '../report/types.js';
import { d, skippedPhrase, wording } from '../report/wording.js';

type RecordingRule = RuleOf<'recording'>;

/**
 * Records due after each session: by the end of the Nth working day after it, within N clock
 * hours of its start (end of the Nth/24 calendar day when only the date is known), or the same
 * day. One recording per session (subject: the supervisee) or per child discussed (subject: the
 * case). Late records are `late-recording` breaches; records missing after the deadline are
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
  for (const ev of ctx.index.events) {
    const e = ev.event;
    if (!ev.held || ev.day > ctx.asOf || !rule.counts.includes(e.type)) continue;
    if (rule.onlyIf?.safeguarding && e.safeguarding !== true) continue;
    if (rule.records === 'session') {
      const who = e.superviseeId ?? e.teamId;
      if (who === undefined) continue;
      const staff = e.superviseeId === undefined ? undefined : ctx.index.staffById.get(e.superviseeId);
      if (staff && !applies(staff, ev.day)) continue;
      judgeRecord(rule, ctx, ev, { type: e.superviseeId ? 'staff' : 'team', id: who }, e.recordedAt ?? null);
    } else {
      for (const caseId of new Set(e.caseIds ?? [])) {
        const c = ctx.index.caseById.get(caseId);
        if (c && rule.when && !applies(c, ev.day)) continue;
        const own = e.caseRecords?.find((r) => r.caseId === caseId);
        const recordedAt = own ? (own.recordedAt ?? null) : (e.recordedAt ?? null);
        judgeRecord(rule, ctx, ev, { type: 'case', id: caseId }, recordedAt, caseId);
      }
    }
  }
}

const DAY_MS = 86_400_000;

function judgeRecord(
  rule: RecordingRule,
  ctx: EvalContext,
  ev: EventView,
  subject: Subject,
  recordedAtRaw: string | null,
  caseId?: string,
): void {
  const e = ev.event;
  const dl = rule.deadline;
  let deadline: string;
  let deadlineDay: number;
  // The basis (with its skipped-days phrase) is only worded when a breach is reported.
  let basisOf: () => string;
  let deadlineMs: number | null = null;
  if ('workingDays' in dl) {
    const dd = ctx.calendar.addWorkingDaysNum(ev.day, dl.workingDays);
    deadlineDay = dd;
    basisOf = () => {
      const skipped = skippedPhrase(ctx.calendar.skippedDays(e.date, fromDayNumber(dd)));
      return `${dl.workingDays} working day${dl.workingDays === 1 ? '' : 's'} after ${d(ev.day)}${skipped ? `, ${skipped}` : ''}`;
    };
    deadline = fromDayNumber(deadlineDay);
  } else if ('hours' in dl) {
    const clock = e.start ? clockDeadline(e.start, dl.hours) : dateOnlyClockDeadline(e.date, dl.hours);
    deadline = clock.instant;
    const dd = toDayNumber(clock.londonDate);
    deadlineDay = dd;
    deadlineMs = instantToEpochMs(clock.instant);
    basisOf = () =>
      e.start
        ? `${dl.hours} hours after the session began at ${e.start}`
        : `${dl.hours} hours after the session on ${d(ev.day)}; with no start time, by the end of ${d(dd)}`;
  } else {
    deadlineDay = ev.day;
    deadline = e.date;
    basisOf = () => `the same day as the session`;
  }
  if (deadlineDay < ctx.judgedFrom) return;
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
  const what = () => `${rule.name} of ${e.type} ${e.id} on ${d(ev.day)}`;
  const common = () => ({
    ruleId: rule.id,
    subject,
    activity: rule.activity,
    severity: severityOf(rule),
    eventId: e.id,
    citation: rule.citation,
    dueOn: fromDayNumber(deadlineDay),
  });
  const shownDeadline = () => (deadlineMs === null ? d(deadlineDay) : `${deadline} (${d(deadlineDay)})`);
  let status: 'on-time' | 'late' | 'pending' | 'overdue';
  if (recordedAt !== null) {
    const late =
      deadlineMs !== null && recordedMs !== null ? recordedMs > deadlineMs : recordedDay! > deadlineDay;
    status = late ? 'late' : 'on-time';
    if (late) {
      const hours = deadlineMs !== null && recordedMs !== null ? (recordedMs - deadlineMs) / 3_600_000 : null;
      const daysLate = hours === null ? recordedDay! - deadlineDay : Math.floor((hours * 3_600_000) / DAY_MS);
      const lateText =
        hours === null ? wording.daysLate(daysLate) : `${Math.round(hours * 100) / 100} hours late`;
      ctx.out.breaches.push({
        ...common(),
        kind: 'late-recording',
        metOn: fromDayNumber(recordedDay!),
        daysLate,
        ...(hours === null ? {} : { hoursLate: Math.round(hours * 100) / 100 }),
        explanation: wording.recordLate(subject, what(), shownDeadline(), basisOf(), recordedAt, lateText),
      });
    }
  } else if (deadlineDay < ctx.asOf) {
    status = 'overdue';
    ctx.out.breaches.push({
      ...common(),
      kind: 'unrecorded',
      metOn: null,
      daysLate: ctx.asOf - deadlineDay,
      explanation: wording.recordMissing(subject, what(), shownDeadline(), basisOf(), ctx.asOf - deadlineDay),
    });
  } else status = 'pending';
  ctx.out.recordings.push({
    eventId: e.id,
    ...(caseId === undefined ? {} : { caseId }),
    ruleId: rule.id,
    deadline,
    recordedAt,
    status,
  });
}
