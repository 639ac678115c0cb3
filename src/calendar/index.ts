/**
 * England working-day calendar: ISO date arithmetic on integer day numbers, calendar months,
 * bank holidays and council closures, and Europe/London clock deadlines.
 *
 * @example
 * import { WorkingCalendar } from './calendar/index.js';
 * new WorkingCalendar().addWorkingDays('2026-12-24', 1); // '2026-12-29'
 */
export type { BankHoliday, BankHolidaySource } from './bank-holidays.js';
export { createBankHolidaySource, createDateHolidaysSource } from './bank-holidays.js';
export type { ClockDeadline } from './clock.js';
export {
  clockDeadline,
  dateOnlyClockDeadline,
  instantToEpochMs,
  isIsoInstant,
  londonDateOf,
  londonDayBefore,
  londonDayNumberOfEpochMs,
  londonWallClockInstant,
  sameDayDeadline,
} from './clock.js';
export type { CivilDate } from './day-number.js';
export {
  addDays,
  civilFromDays,
  daysBetween,
  daysFromCivil,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  isLeapYear,
  MAX_YEAR,
  MIN_YEAR,
  parseIsoDate,
  toDayNumber,
  weekdayOf,
} from './day-number.js';
export { formatDate, formatDayNumber } from './format.js';
export { addCalendarMonths, addCalendarMonthsNum } from './months.js';
export type { NonWorkingReason, SkippedDay } from './skipped-day.js';
export { describeSkipped } from './skipped-day.js';
export type { ExplainedWorkingDays, WorkingCalendarOptions } from './working-calendar.js';
export { WorkingCalendar } from './working-calendar.js';
