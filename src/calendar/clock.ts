import { datePrefixDayNumber, daysFromCivil, fromDayNumber, toDayNumber } from './day-number.js';

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

/** Europe/London wall clocks before 1996, from the time zone database (made on first use: it costs an import a few ms). */
let london: Intl.DateTimeFormat | undefined;
const londonFormat = (): Intl.DateTimeFormat =>
  (london ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }));

/**
 * Epoch milliseconds of `YYYY-MM-DDTHH:MM[:SS[.fraction of 1–9 digits]](Z|±HH:MM)` with a real date and
 * time, or null. Read character by character: records are parsed once per session and child.
 */
function parseInstant(s: string): number | null {
  if (typeof s !== 'string' || s.length < 17 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58)
    return null;
  const day = datePrefixDayNumber(s);
  const hours = number(s, 11, 13);
  const minutes = number(s, 14, 16);
  if (Number.isNaN(day) || hours > 23 || minutes > 59) return null;
  let i = 16;
  let seconds = 0;
  let millis = 0;
  if (s.charCodeAt(i) === 58) {
    seconds = number(s, 17, 19);
    if (seconds > 59) return null;
    i = 19;
    if (s.charCodeAt(i) === 46) {
      let end = i + 1;
      while (end < s.length && end <= i + 9 && isDigit(s, end)) end++;
      if (end === i + 1) return null;
      // The first three digits are the milliseconds; further digits are dropped, as Date does.
      millis =
        Math.floor(number(s, i + 1, end) / 10 ** Math.max(0, end - i - 4)) * 10 ** Math.max(0, i + 4 - end);
      i = end;
    }
  }
  let offset = 0;
  const zone = s.charCodeAt(i);
  if (zone === 90 /* Z */) {
    if (s.length !== i + 1) return null;
  } else if ((zone === 43 || zone === 45) /* + - */ && s.length === i + 6 && s.charCodeAt(i + 3) === 58) {
    const oh = number(s, i + 1, i + 3);
    const om = number(s, i + 4, i + 6);
    if (oh > 23 || om > 59) return null;
    offset = (zone === 45 ? -1 : 1) * (oh * 60 + om);
  } else return null;
  return (
    day * MS_PER_DAY + hours * MS_PER_HOUR + (minutes - offset) * MS_PER_MINUTE + seconds * 1000 + millis
  );
}

function isDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** The decimal number written in s[from, to), or Infinity when any of it is not a digit. */
function number(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    if (!isDigit(s, i)) return Number.POSITIVE_INFINITY;
    n = n * 10 + s.charCodeAt(i) - 48;
  }
  return n;
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

/** Per year: BST's first and last instants (ms), then the year's own first instant and the next year's. */
type DstYear = readonly [number, number, number, number];
const dstCache = new Map<number, DstYear>();
/** The year asked last: consecutive instants nearly always fall in the same year. */
let lastDst: DstYear = [0, 0, 0, 0];

/**
 * Europe/London offset in minutes by arithmetic: since 1996 the UK follows the EU rule (BST from
 * 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October), which the time
 * zone database applies to all later years. Earlier years (other rules) return null.
 */
function londonOffsetMinutes(epochMs: number): number | null {
  let dst = lastDst;
  if (!(epochMs >= dst[2] && epochMs < dst[3])) {
    const year = new Date(epochMs).getUTCFullYear();
    if (!(year >= 1996 && year <= 9999)) return null;
    dst = dstCache.get(year) ?? [
      lastSunday(year, 3) * MS_PER_DAY + MS_PER_HOUR,
      lastSunday(year, 10) * MS_PER_DAY + MS_PER_HOUR,
      daysFromCivil(year, 1, 1) * MS_PER_DAY,
      daysFromCivil(year + 1, 1, 1) * MS_PER_DAY,
    ];
    dstCache.set(year, dst);
    lastDst = dst;
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
  for (const part of londonFormat().formatToParts(new Date(seconds))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const dayNumber = daysFromCivil(fields.year ?? 1970, fields.month ?? 1, fields.day ?? 1);
  const msOfDay = ((fields.hour ?? 0) * 3600 + (fields.minute ?? 0) * 60 + (fields.second ?? 0)) * 1000;
  // Before 1847 London kept local mean time (-00:01:15), which no ISO offset can write: round the
  // offset to whole minutes and give the wall clock of that offset, so the instant written is the one asked.
  const offsetMinutes = Math.round((dayNumber * MS_PER_DAY + msOfDay - seconds) / MS_PER_MINUTE);
  const local = seconds + offsetMinutes * MS_PER_MINUTE;
  const localDay = Math.floor(local / MS_PER_DAY);
  return { dayNumber: localDay, msOfDay: local - localDay * MS_PER_DAY + (epochMs - seconds), offsetMinutes };
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
  return londonWallClockInstant(toDayNumber(date) + Math.ceil(hours / 24), MS_PER_DAY - 1000);
}

/**
 * The instant of a Europe/London wall-clock time (a day number and the milliseconds since London
 * midnight), written with the London offset at that moment, plus its London date. A time in the
 * spring gap is read one hour later (01:30 on the last Sunday of March is 02:30 BST); in the
 * repeated autumn hour the second (GMT) reading is taken.
 *
 * @example
 * londonWallClockInstant(toDayNumber('2025-06-02'), 9.5 * 3_600_000);
 * // { instant: '2025-06-02T09:30:00+01:00', londonDate: '2025-06-02' }
 */
export function londonWallClockInstant(dayNumber: number, msOfDay: number): ClockDeadline {
  const wallMs = dayNumber * MS_PER_DAY + msOfDay;
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
 * Whether a record time, a valid date or instant, falls on a London day before day number `day`.
 * An instant whose written date settles it is not read further: its UTC date is at most a day from
 * the written one (the written one itself with `Z`), and London's date is the UTC date or the next
 * since London left local mean time (−00:01:15) at the end of 1847, and at most a day before then.
 *
 * @example
 * londonDayBefore('2025-06-30T23:30:00Z', toDayNumber('2025-07-01')); // false (00:30 BST on 1 July)
 */
export function londonDayBefore(dateOrInstant: string, day: number): boolean {
  if (dateOrInstant.length === 10) return toDayNumber(dateOrInstant) < day;
  const written = datePrefixDayNumber(dateOrInstant);
  if (written > day + 1) return false;
  if (dateOrInstant >= '1848' && (written > day || (written === day && dateOrInstant.endsWith('Z'))))
    return false;
  return londonDayNumberOfEpochMs(instantToEpochMs(dateOrInstant)) < day;
}

/**
 * The Europe/London day number and wall-clock time (`HH:MM`, seconds dropped) of an instant.
 *
 * @example
 * londonWallTime('2025-06-30T23:30:00Z'); // { day: day number of 2025-07-01, time: '00:30' }
 */
export function londonWallTime(instant: string): { day: number; time: string } {
  const wall = londonWallClock(instantToEpochMs(instant));
  return { day: wall.dayNumber, time: wallTime(Math.floor(wall.msOfDay / MS_PER_MINUTE)) };
}

/** `HH:MM` of each minute of the day, written on first use. */
const wallTimes: string[] = [];
function wallTime(minutes: number): string {
  let time = wallTimes[minutes];
  if (time === undefined) {
    time = `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
    if (minutes >= 0 && minutes < 1440) wallTimes[minutes] = time;
  }
  return time;
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
