import { civilFromDays, toDayNumber, WorkingCalendar } from '../calendar/index.js';
import type { StaffView } from '../engine/history-index.js';
import type { Breach, Obligation } from '../report/types.js';

/** The days a page's timelines cover, as day numbers (inclusive). */
export interface Period {
  readonly from: number;
  readonly to: number;
}

/**
 * One worker's timeline, in days from the period's first day (compact: a council's page holds a
 * thousand of these). Drawn by the page's script when the worker's section is opened.
 */
export interface TimelineData {
  /** Sessions: [day, held (1) or cancelled (0), index in the page's `eventTypes`]. */
  s: [number, 0 | 1, number][];
  /** Due dates: [day, rule index, overdue now (1) or not (0)]. */
  d: [number, number, 0 | 1][];
  /** Late spans, from the due date to the day met (or the as-of date): [from, to, breach (1) or advisory (0), rule index]. */
  l: [number, number, 0 | 1, number][];
  /** Absences: [from, to]. */
  a: [number, number][];
}

/** Bank holidays ([day, name]) and council closures (days) within the period. */
export interface CalendarMarks {
  bankHolidays: [number, string][];
  closures: number[];
}

const clip = (period: Period, from: number, to: number): [number, number] | null =>
  to < period.from || from > period.to
    ? null
    : [Math.max(from, period.from) - period.from, Math.min(to, period.to) - period.from];

/**
 * A worker's timeline from the report's findings about them (obligations' and breaches' due dates,
 * breaches' late spans from `dueOn` to `metOn`, or to the as-of date while unmet) and the history
 * (their sessions and absences), clipped to the period.
 */
export function timelineOf(
  view: StaffView,
  findings: { obligations: readonly Obligation[]; breaches: readonly Breach[] },
  ruleIndex: (ruleId: string) => number,
  typeIndex: (eventType: string) => number,
  asOf: number,
  period: Period,
): TimelineData {
  const inPeriod = (day: number) => day >= period.from && day <= period.to;
  const s: TimelineData['s'] = [];
  for (const ev of view.events)
    if (inPeriod(ev.day)) s.push([ev.day - period.from, ev.held ? 1 : 0, typeIndex(ev.type)]);
  const d: TimelineData['d'] = [];
  const l: TimelineData['l'] = [];
  for (const o of findings.obligations) {
    const due = toDayNumber(o.dueOn);
    if (inPeriod(due)) d.push([due - period.from, ruleIndex(o.ruleId), o.status === 'overdue' ? 1 : 0]);
  }
  for (const b of findings.breaches) {
    const due = toDayNumber(b.dueOn);
    const met = b.metOn === null ? asOf : toDayNumber(b.metOn.slice(0, 10));
    const rule = ruleIndex(b.ruleId);
    if (inPeriod(due)) d.push([due - period.from, rule, 0]);
    const span = clip(period, due, Math.max(due, met));
    if (span) l.push([span[0], span[1], b.severity === 'breach' ? 1 : 0, rule]);
  }
  d.sort((x, y) => x[0] - y[0]);
  const a: TimelineData['a'] = [];
  for (const [from, to] of view.absences) {
    const span = clip(period, from, to);
    if (span) a.push(span);
  }
  return { s, d, l, a };
}

/** The England bank holidays and the council closure days (the policy's and the history's) within the period. */
export function calendarMarks(closureDays: readonly string[], period: Period): CalendarMarks {
  const calendar = new WorkingCalendar();
  const bankHolidays: CalendarMarks['bankHolidays'] = [];
  for (let year = civilFromDays(period.from).year; year <= civilFromDays(period.to).year; year++)
    for (const h of calendar.bankHolidays(year)) {
      const day = toDayNumber(h.date);
      if (day >= period.from && day <= period.to) bankHolidays.push([day - period.from, h.name]);
    }
  const closures = [...new Set(closureDays)]
    .map(toDayNumber)
    .filter((day) => day >= period.from && day <= period.to)
    .sort((x, y) => x - y)
    .map((day) => day - period.from);
  return { bankHolidays, closures };
}
