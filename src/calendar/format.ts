import { civilFromDays, keptPerDay, toDayNumber, weekdayOf } from './day-number.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * Human-readable form of a day number, e.g. 'Mon 28 Jul 2025' (pure arithmetic, no Intl).
 *
 * @example
 * formatDayNumber(20297); // 'Mon 28 Jul 2025'
 */
export function formatDayNumber(dayNumber: number): string {
  return wordedDay(dayNumber);
}

const wordedDay = keptPerDay((dayNumber) => {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${WEEKDAYS[weekdayOf(dayNumber)]} ${day} ${MONTHS[month - 1]} ${year}`;
});

/**
 * Human-readable form of an ISO date: weekday, day without leading zero, short month, year.
 *
 * @example
 * formatDate('2025-07-28'); // 'Mon 28 Jul 2025'
 * formatDate('2025-04-05'); // 'Sat 5 Apr 2025'
 */
export function formatDate(date: string): string {
  return formatDayNumber(toDayNumber(date));
}
