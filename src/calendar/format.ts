import { civilFromDays, toDayNumber, weekdayOf } from './day-number.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
/** Days 1970-01-01 to 2079-07-07 (day numbers 0–39,999) keep their wording once written (reports repeat the same dates). */
const CACHED_DAYS = 40_000;
const CACHE: (string | undefined)[] = [];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * Human-readable form of a day number, e.g. 'Mon 28 Jul 2025' (pure arithmetic, no Intl).
 *
 * @example
 * formatDayNumber(20297); // 'Mon 28 Jul 2025'
 */
export function formatDayNumber(dayNumber: number): string {
  const inCache = dayNumber >= 0 && dayNumber < CACHED_DAYS;
  const cached = inCache ? CACHE[dayNumber] : undefined;
  if (cached !== undefined) return cached;
  const { year, month, day } = civilFromDays(dayNumber);
  const text = `${WEEKDAYS[weekdayOf(dayNumber)]} ${day} ${MONTHS[month - 1]} ${year}`;
  if (inCache) CACHE[dayNumber] = text;
  return text;
}

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
