import { daysFromCivil, fromDayNumber, parseIsoDate, toDayNumber } from './day-number.js';

/**
 * A clock-hours deadline: the instant (with the Europe/London offset) and its London calendar date.
 *
 * @example
 * const d: ClockDeadline = { instant: '2025-03-31T16:00:00+01:00', londonDate: '2025-03-31' };
 */
export interface ClockDeadline {
  /** ISO 8601 instant with the London offset at that moment, e.g. '2025-03-31T16:00:00+01:00'. */
  readonly instant: string;
  /** London calendar date of the instant, 'YYYY-MM-DD'. */
  readonly londonDate: string;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

const INSTANT_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/;

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function parseInstant(s: string): number | null {
  if (typeof s !== 'string') return null;
  const m = INSTANT_PATTERN.exec(s);
  if (m === null) return null;
  const [, date = '', hh = '', mm = '', ss = '0', frac = '', zone = '', sign = '+', oh = '0', om = '0'] = m;
  const parts = parseIsoDate(date);
  const hours = Number(hh);
  const minutes = Number(mm);
  const seconds = Number(ss);
  const offsetHours = Number(oh);
  const offsetMinutes = Number(om);
  if (
    parts === null ||
    hours > 23 ||
    minutes > 59 ||
    seconds > 59 ||
    offsetHours > 23 ||
    offsetMinutes > 59
  ) {
    return null;
  }
  const millis = frac === '' ? 0 : Math.floor(Number(`0${frac}`) * 1000);
  const offset = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  const local = daysFromCivil(parts.year, parts.month, parts.day) * MS_PER_DAY;
  return (
    local + hours * MS_PER_HOUR + minutes * MS_PER_MINUTE + seconds * 1000 + millis - offset * MS_PER_MINUTE
  );
}

/**
 * Strict check for an ISO 8601 instant: date, 'T', time (hh:mm, optional :ss and fraction) and an
 * offset 'Z' or ±hh:mm. Impossible dates and times are rejected.
 *
 * @example
 * isIsoInstant('2025-03-28T15:00:00Z'); // true
 * isIsoInstant('2025-02-30T15:00:00Z'); // false
 * isIsoInstant('2025-03-28T15:00:00'); // false (no offset)
 */
export function isIsoInstant(s: string): boolean {
  return parseInstant(s) !== null;
}

/**
 * Milliseconds since the Unix epoch of an ISO instant; throws a RangeError for an invalid instant.
 *
 * @example
 * instantToEpochMs('1970-01-01T01:00:00+01:00'); // 0
 */
export function instantToEpochMs(instant: string): number {
  const ms = parseInstant(instant);
  if (ms === null)
    throw new RangeError(`Invalid ISO instant (expected date, time and offset): ${String(instant)}`);
  return ms;
}

interface LondonWallClock {
  readonly dayNumber: number;
  /** Milliseconds since London midnight. */
  readonly msOfDay: number;
  /** London offset from UTC in minutes. */
  readonly offsetMinutes: number;
}

/** Day number of the last Sunday of a month (1-12). */
function lastSunday(year: number, month: number): number {
  const last = month === 12 ? daysFromCivil(year + 1, 1, 1) - 1 : daysFromCivil(year, month + 1, 1) - 1;
  // Day 0 (1970-01-01) was a Thursday: weekday (0 = Sunday) is (d + 4) mod 7.
  return last - ((((last + 4) % 7) + 7) % 7);
}

const dstCache = new Map<number, readonly [number, number]>();

/**
 * Europe/London offset in minutes by arithmetic: since 1996 the UK follows the EU rule (BST from
 * 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October), which the time
 * zone database applies to all later years. Earlier years (other rules) return null.
 */
function londonOffsetMinutes(epochMs: number): number | null {
  const year = new Date(epochMs).getUTCFullYear();
  if (year < 1996 || year > 9999) return null;
  let dst = dstCache.get(year);
  if (dst === undefined) {
    dst = [lastSunday(year, 3) * MS_PER_DAY + MS_PER_HOUR, lastSunday(year, 10) * MS_PER_DAY + MS_PER_HOUR];
    dstCache.set(year, dst);
  }
  return epochMs >= dst[0] && epochMs < dst[1] ? 60 : 0;
}

function londonWallClock(epochMs: number): LondonWallClock {
  const seconds = Math.floor(epochMs / 1000) * 1000;
  const fast = londonOffsetMinutes(seconds);
  if (fast !== null) {
    const local = seconds + fast * MS_PER_MINUTE;
    const dayNumber = Math.floor(local / MS_PER_DAY);
    return { dayNumber, msOfDay: local - dayNumber * MS_PER_DAY + (epochMs - seconds), offsetMinutes: fast };
  }
  const fields: Record<string, number> = {};
  for (const part of LONDON.formatToParts(new Date(seconds))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const dayNumber = daysFromCivil(fields.year ?? 1970, fields.month ?? 1, fields.day ?? 1);
  const msOfDay = ((fields.hour ?? 0) * 3600 + (fields.minute ?? 0) * 60 + (fields.second ?? 0)) * 1000;
  const offsetMinutes = Math.round((dayNumber * MS_PER_DAY + msOfDay - seconds) / MS_PER_MINUTE);
  return { dayNumber, msOfDay: msOfDay + (epochMs - seconds), offsetMinutes };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function formatLondon(epochMs: number): ClockDeadline {
  const wall = londonWallClock(epochMs);
  const londonDate = fromDayNumber(wall.dayNumber);
  const totalSeconds = Math.floor(wall.msOfDay / 1000);
  const millis = wall.msOfDay - totalSeconds * 1000;
  const time = `${pad2(Math.floor(totalSeconds / 3600))}:${pad2(Math.floor(totalSeconds / 60) % 60)}:${pad2(totalSeconds % 60)}`;
  const fraction = millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`;
  const abs = Math.abs(wall.offsetMinutes);
  const offset = `${wall.offsetMinutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
  return { instant: `${londonDate}T${time}${fraction}${offset}`, londonDate };
}

function checkHours(hours: number): void {
  if (!Number.isFinite(hours) || hours < 0)
    throw new RangeError(`Hours must be a finite number ≥ 0: ${hours}`);
}

/**
 * The instant `hours` elapsed hours after `startInstant`, written with the Europe/London offset at
 * that moment, plus its London date. Elapsed hours ignore clock changes: 72 h from
 * 2025-03-28T15:00:00Z (GMT) is 2025-03-31T15:00:00Z, which is 16:00 BST.
 *
 * @example
 * clockDeadline('2025-03-28T15:00:00Z', 72);
 * // { instant: '2025-03-31T16:00:00+01:00', londonDate: '2025-03-31' }
 * clockDeadline('2025-10-24T14:00:00+01:00', 72);
 * // { instant: '2025-10-27T13:00:00+00:00', londonDate: '2025-10-27' }
 */
export function clockDeadline(startInstant: string, hours: number): ClockDeadline {
  checkHours(hours);
  return formatLondon(instantToEpochMs(startInstant) + Math.round(hours * MS_PER_HOUR));
}

/**
 * When only a date is known: the end (23:59:59 London time) of the ceil(hours / 24)th calendar day
 * after `date`.
 *
 * @example
 * dateOnlyClockDeadline('2025-10-24', 72);
 * // { instant: '2025-10-27T23:59:59+00:00', londonDate: '2025-10-27' }
 */
export function dateOnlyClockDeadline(date: string, hours: number): ClockDeadline {
  checkHours(hours);
  const day = toDayNumber(date) + Math.ceil(hours / 24);
  const wallMs = day * MS_PER_DAY + MS_PER_DAY - 1000;
  // Guess with the offset at the wall-clock time read as UTC, then correct with the offset at the guess.
  let epoch = wallMs - londonWallClock(wallMs).offsetMinutes * MS_PER_MINUTE;
  epoch = wallMs - londonWallClock(epoch).offsetMinutes * MS_PER_MINUTE;
  return formatLondon(epoch);
}

/**
 * The Europe/London calendar date of an instant.
 *
 * @example
 * londonDateOf('2025-06-30T23:30:00Z'); // '2025-07-01' (00:30 BST)
 */
export function londonDateOf(instant: string): string {
  return fromDayNumber(londonWallClock(instantToEpochMs(instant)).dayNumber);
}

/**
 * The Europe/London day number of an instant given in epoch milliseconds.
 *
 * @example
 * londonDayNumberOfEpochMs(instantToEpochMs('2025-06-30T23:30:00Z')); // day number of 2025-07-01
 */
export function londonDayNumberOfEpochMs(epochMs: number): number {
  return londonWallClock(epochMs).dayNumber;
}

/**
 * A same-day deadline: due by the end of `date` itself (validated and returned unchanged).
 *
 * @example
 * sameDayDeadline('2025-07-28'); // '2025-07-28'
 */
export function sameDayDeadline(date: string): string {
  return fromDayNumber(toDayNumber(date));
}
