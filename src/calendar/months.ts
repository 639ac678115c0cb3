import { addMonths } from 'date-fns/addMonths';
import { civilFromDays, daysFromCivil, fromDayNumber, toDayNumber } from './day-number.js';

/**
 * Adds `n` calendar months to a day number with date-fns `addMonths` (end-of-month clamp, always
 * counted from the anchor). The Date is built at local noon from y/m/d and read back in local
 * components, so the answer is the same under any host time zone.
 *
 * @example
 * addCalendarMonthsNum(toDayNumber('2025-01-31'), 1) === toDayNumber('2025-02-28'); // true
 */
export function addCalendarMonthsNum(dayNumber: number, n: number): number {
  if (!Number.isInteger(n)) throw new RangeError(`Month count must be an integer: ${n}`);
  const small = n > -2048 && n < 2048;
  const key = dayNumber * 4096 + n + 2048;
  const known = small ? CACHE.get(key) : undefined;
  if (known !== undefined) return known;
  const answer = viaDateFns(dayNumber, n);
  if (small) {
    if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
    CACHE.set(key, answer);
  }
  return answer;
}

/** Answers already worked out by date-fns: a history asks the same few thousand (day, months) pairs. */
const CACHE = new Map<number, number>();
const CACHE_LIMIT = 100_000;

function viaDateFns(dayNumber: number, n: number): number {
  const { year, month, day } = civilFromDays(dayNumber);
  const local = new Date(2000, 0, 1, 12, 0, 0, 0);
  local.setFullYear(year, month - 1, day);
  const shifted = addMonths(local, n);
  return daysFromCivil(shifted.getFullYear(), shifted.getMonth() + 1, shifted.getDate());
}

/**
 * Adds `n` calendar months to an ISO date (end-of-month clamp, never drifting: always from the anchor).
 *
 * @example
 * addCalendarMonths('2025-01-31', 1); // '2025-02-28'
 * addCalendarMonths('2024-01-31', 1); // '2024-02-29'
 * addCalendarMonths('2025-01-31', 2); // '2025-03-31'
 */
export function addCalendarMonths(anchor: string, n: number): string {
  return fromDayNumber(addCalendarMonthsNum(toDayNumber(anchor), n));
}
