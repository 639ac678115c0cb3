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

/**
 * `write` with its answers kept for days 1970-01-01 to 2079-07-07 (day numbers 0–39,999): reports
 * repeat the same few thousand dates. Other days (and non-integers, which `write` rejects) are
 * worked out each time.
 * @internal
 */
export function keptPerDay(write: (n: number) => string): (n: number) => string {
  const kept: (string | undefined)[] = [];
  return (n) => {
    const inRange = n >= 0 && n < 40_000 && Number.isInteger(n);
    const known = inRange ? kept[n] : undefined;
    if (known !== undefined) return known;
    const text = write(n);
    if (inRange) kept[n] = text;
    return text;
  };
}

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

/**
 * Parses 'YYYY-MM-DD' into parts, or returns null when the string is not a real calendar date.
 *
 * @example
 * parseIsoDate('2025-02-28'); // { year: 2025, month: 2, day: 28 }
 * parseIsoDate('2025-02-30'); // null
 */
export function parseIsoDate(s: string): CivilDate | null {
  const year = isoDateYear(s);
  return year < 0 ? null : { year, month: twoDigits(s, 5), day: twoDigits(s, 8) };
}

/**
 * The day number of the real 'YYYY-MM-DD' date that `s` starts with (an instant, say), or NaN.
 * @internal
 */
export function datePrefixDayNumber(s: string): number {
  const year = s.length >= 10 ? datePrefixYear(s) : -1;
  return year < 0 ? Number.NaN : daysFromCivil(year, twoDigits(s, 5), twoDigits(s, 8));
}

/** The two-digit number at `i` (digits already checked). @internal */
export function twoDigits(s: string, i: number): number {
  return (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;
}

/** The year of a real 'YYYY-MM-DD' date, or -1: the one check behind every date parser here. */
function isoDateYear(s: string): number {
  return typeof s === 'string' && s.length === 10 ? datePrefixYear(s) : -1;
}

/** The year of the real 'YYYY-MM-DD' date that `s` starts with, or -1. */
function datePrefixYear(s: string): number {
  const century = pairAt(s, 0);
  const yy = pairAt(s, 2);
  const month = pairAt(s, 5);
  const day = pairAt(s, 8);
  if (century < 0 || yy < 0 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  const year = century * 100 + yy;
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
  return year;
}

/** The number written by the two digits at `i`, or -1 when either is not a digit. */
function pairAt(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
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
  return isoDateYear(s) >= 0;
}

/**
 * Day number (days since 1970-01-01) of an ISO date; throws a RangeError for an invalid date.
 *
 * @example
 * toDayNumber('1970-01-02'); // 1
 * toDayNumber('2025-07-28'); // 20297
 */
export function toDayNumber(iso: string): number {
  const year = isoDateYear(iso);
  if (year < 0) throw new RangeError(`Invalid ISO date (expected a real YYYY-MM-DD date): ${String(iso)}`);
  return daysFromCivil(year, twoDigits(iso, 5), twoDigits(iso, 8));
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
  return isoOfDay(n);
}

const isoOfDay = keptPerDay((n) => {
  if (!Number.isInteger(n)) throw new RangeError(`Day number must be an integer: ${n}`);
  const { year, month, day } = civilFromDays(n);
  if (year < MIN_YEAR || year > MAX_YEAR)
    throw new RangeError(`Day number ${n} is outside years ${MIN_YEAR}–${MAX_YEAR}`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
});

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
