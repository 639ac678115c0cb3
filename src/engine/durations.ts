import type { WorkingCalendar } from '../calendar/index.js';
import { addCalendarMonthsNum } from '../calendar/index.js';
import type { Duration } from '../policy/schema.js';

/** A duration as a step on the calendar: the day `d` plus the duration. */
export type Advance = (d: number) => number;

/** Turns a duration into a step; working days use the evaluation's calendar. */
export function advanceBy(duration: Duration, calendar: WorkingCalendar): Advance {
  if (duration.days !== undefined) {
    const n = duration.days;
    return (d) => d + n;
  }
  if (duration.weeks !== undefined) {
    const n = duration.weeks * 7;
    return (d) => d + n;
  }
  if (duration.months !== undefined) {
    const n = duration.months;
    return (d) => (Number.isFinite(d) ? addCalendarMonthsNum(d, n) : d);
  }
  const n = duration.workingDays ?? 0;
  return (d) => (Number.isFinite(d) ? calendar.addWorkingDaysNum(d, n) : d);
}

/** Counts back: the day `d` minus the duration (calendar units only). */
export function retreatBy(duration: Duration, calendar: WorkingCalendar): Advance {
  const negated = Object.fromEntries(
    Object.entries(duration).flatMap(([unit, n]) => (n === undefined ? [] : [[unit, -n]])),
  ) as Duration;
  return advanceBy(negated, calendar);
}
