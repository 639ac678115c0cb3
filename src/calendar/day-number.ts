/**
 * Integer "day numbers" (days since 1970-01-01) and strict ISO calendar-date strings.
 *
 * All arithmetic is pure integer arithmetic (Howard Hinnant's `days_from_civil` / `civil_from_days`),
 * so nothing here depends on the host time zone or on `Date` parsing.
 */

/**
 * Smallest year accepted by the date functions (ISO dates here always have four-digit years).
 *
 * @example
 * isIsoDate(`${MIN_YEAR}-01-01`); // true
 */
export const MIN_YEAR = 1000;
/**
 * Largest year accepted by the date functions.
 *
 * @example
 * isIsoDate(`${MAX_YEAR}-12-31`); // true
 */
export const MAX_YEAR = 9999;

const CUMULATIVE_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * Whether `year` is a Gregorian leap year.
 *
 * @example
 * isLeapYear(2024); // true
 * isLeapYear(1900); // false
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Number of days in `month` (1–12) of `year`.
 *
 * @example
 * daysInMonth(2024, 2); // 29
 * daysInMonth(2025, 2); // 28
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return CUMULATIVE_DAYS[month] ?? 31;
}

/**
 * Day number (days since 1970-01-01) of a proleptic Gregorian civil date. No validation.
 *
 * @example
 * daysFromCivil(1970, 1, 1); // 0
 * daysFromCivil(2025, 7, 28); // 20297
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * A civil date split into its parts.
 *
 * @example
 * const parts: CivilDate = { year: 2025, month: 7, day: 28 };
 */
export interface CivilDate {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** 1–31. */
  readonly day: number;
}

/**
 * Civil date of a day number (inverse of {@link daysFromCivil}).
 *
 * @example
 * civilFromDays(0); // { year: 1970, month: 1, day: 1 }
 */
export function civilFromDays(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * Parses 'YYYY-MM-DD' into parts, or returns null when the string is not a real calendar date.
 *
 * @example
 * parseIsoDate('2025-02-28'); // { year: 2025, month: 2, day: 28 }
 * parseIsoDate('2025-02-30'); // null
 */
export function parseIsoDate(s: string): CivilDate | null {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45)
    return null;
  const d = [0, 1, 2, 3, 5, 6, 8, 9].map((i) => digit(s, i));
  if (d.some((x) => x < 0)) return null;
  const [y0 = 0, y1 = 0, y2 = 0, y3 = 0, m0 = 0, m1 = 0, d0 = 0, d1 = 0] = d;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/**
 * Strict check for a real calendar date written 'YYYY-MM-DD' (years 1000–9999).
 *
 * @example
 * isIsoDate('2024-02-29'); // true
 * isIsoDate('2025-02-30'); // false
 * isIsoDate('2025-13-01'); // false
 * isIsoDate('2025-1-01'); // false
 */
export function isIsoDate(s: string): boolean {
  return parseIsoDate(s) !== null;
}

/**
 * Day number (days since 1970-01-01) of an ISO date; throws a RangeError for an invalid date.
 *
 * @example
 * toDayNumber('1970-01-02'); // 1
 * toDayNumber('2025-07-28'); // 20297
 */
export function toDayNumber(iso: string): number {
  const parts = parseIsoDate(iso);
  if (parts === null)
    throw new RangeError(`Invalid ISO date (expected a real YYYY-MM-DD date): ${String(iso)}`);
  return daysFromCivil(parts.year, parts.month, parts.day);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * ISO 'YYYY-MM-DD' string of a day number; throws a RangeError outside years 1000–9999.
 *
 * @example
 * fromDayNumber(0); // '1970-01-01'
 * fromDayNumber(20297); // '2025-07-28'
 */
export function fromDayNumber(n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Day number must be an integer: ${n}`);
  const { year, month, day } = civilFromDays(n);
  if (year < MIN_YEAR || year > MAX_YEAR)
    throw new RangeError(`Day number ${n} is outside years ${MIN_YEAR}–${MAX_YEAR}`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Day of the week of a day number: 0 = Sunday … 6 = Saturday.
 *
 * @example
 * weekdayOf(0); // 4 (1970-01-01 was a Thursday)
 * weekdayOf(toDayNumber('2025-07-28')); // 1 (Monday)
 */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/**
 * Adds `n` calendar days (n may be negative).
 *
 * @example
 * addDays('2025-02-28', 1); // '2025-03-01'
 * addDays('2025-01-01', -1); // '2024-12-31'
 */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Day count must be an integer: ${n}`);
  return fromDayNumber(toDayNumber(date) + n);
}

/**
 * Calendar days from `a` to `b` (b − a).
 *
 * @example
 * daysBetween('2025-01-01', '2025-03-01'); // 59
 * daysBetween('2025-03-01', '2025-01-01'); // -59
 */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}
