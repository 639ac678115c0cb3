import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import {
  daysFromCivil,
  fromDayNumber,
  isIsoDate,
  isIsoInstant,
  londonDateOf,
  londonWallClockInstant,
  toDayNumber,
} from '../calendar/index.js';
import { messages } from '../errors/messages.js';

/**
 * Dates and times as councils' exports write them, read with date-fns `parse` and a list of formats
 * tried in order. Two names are not date-fns patterns: `iso` (`YYYY-MM-DD`, and instants with an
 * offset, kept as written) and `excel` (a spreadsheet serial number: days since 30 December 1899, a
 * fraction being the time of day). A time without an offset is a Europe/London wall-clock time and
 * is written with the London offset of that moment.
 */
export const ISO = 'iso';
export const EXCEL = 'excel';

/**
 * A Date whose calendar fields are UTC's, so that date-fns reads a wall-clock time as written
 * whatever the host's time zone (a time in a host's own DST gap would otherwise move an hour).
 */
class WallDate extends Date {
  override getFullYear() {
    return this.getUTCFullYear();
  }
  override getMonth() {
    return this.getUTCMonth();
  }
  override getDate() {
    return this.getUTCDate();
  }
  override getDay() {
    return this.getUTCDay();
  }
  override getHours() {
    return this.getUTCHours();
  }
  override getMinutes() {
    return this.getUTCMinutes();
  }
  override getSeconds() {
    return this.getUTCSeconds();
  }
  override getMilliseconds() {
    return this.getUTCMilliseconds();
  }
  override getTimezoneOffset() {
    return 0;
  }
  override setFullYear(...a: [number, number?, number?]) {
    return this.setUTCFullYear(...(a as [number]));
  }
  override setMonth(...a: [number, number?]) {
    return this.setUTCMonth(...(a as [number]));
  }
  override setDate(d: number) {
    return this.setUTCDate(d);
  }
  override setHours(...a: [number, number?, number?, number?]) {
    return this.setUTCHours(...(a as [number]));
  }
  override setMinutes(...a: [number, number?, number?]) {
    return this.setUTCMinutes(...(a as [number]));
  }
  override setSeconds(...a: [number, number?]) {
    return this.setUTCSeconds(...(a as [number]));
  }
  override setMilliseconds(ms: number) {
    return this.setUTCMilliseconds(ms);
  }
  [Symbol.for('constructDateFrom')](value: Date | number | string) {
    return new WallDate(value instanceof Date ? value.getTime() : value);
  }
}
const inWall = {
  in: (value: Date | number | string) => new WallDate(value instanceof Date ? value.getTime() : value),
};

/** Two-digit years (`yy`) are read within fifty years of 2000: 1950–2049. */
const REFERENCE = new WallDate(Date.UTC(2000, 0, 1));
/** Day number of 1899-12-30, day 0 of spreadsheet serial dates (from 1 March 1900 on). */
const EXCEL_EPOCH = -25569;
const MS_PER_DAY = 86_400_000;
const TIME_TOKENS = /[HhkKmsaSBbp]/;

/** A wall-clock reading: the London day, and the time of day when the format had one. */
interface Wall {
  readonly day: number;
  readonly ms: number | null;
}

/** Strips quoted literals, which may contain letters that are not tokens ('T'). */
const hasTime = (format: string) => TIME_TOKENS.test(format.replace(/'[^']*'/g, ''));

function readWall(value: string, formats: readonly string[]): Wall | null {
  for (const format of formats) {
    if (format === ISO) {
      if (isIsoDate(value)) return { day: toDayNumber(value), ms: null };
      continue;
    }
    if (format === EXCEL) {
      if (!/^\d{1,7}(\.\d+)?$/.test(value)) continue;
      const serial = Number(value);
      const whole = Math.floor(serial);
      if (whole < 61) continue; // before 1 March 1900, where spreadsheets count a 29 February 1900
      const ms = Math.round((serial - whole) * MS_PER_DAY);
      return { day: EXCEL_EPOCH + whole, ms: value.includes('.') ? Math.min(ms, MS_PER_DAY - 1000) : null };
    }
    const d = parse(value, format, REFERENCE, inWall);
    if (!isValid(d) || d.getFullYear() < 1000 || d.getFullYear() > 9999) continue;
    return {
      day: daysFromCivil(d.getFullYear(), d.getMonth() + 1, d.getDate()),
      ms: hasTime(format)
        ? ((d.getHours() * 60 + d.getMinutes()) * 60 + d.getSeconds()) * 1000 + d.getMilliseconds()
        : null,
    };
  }
  return null;
}

const expected = (formats: readonly string[]) =>
  formats.length === 1 && formats[0] === ISO ? null : formats.join(', ');

/** A result: the value, or the sentence saying what was expected. */
export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

/** A calendar date `YYYY-MM-DD`; a date-time gives its London date. */
export function readDate(value: string, formats: readonly string[]): Read<string> {
  if (formats[0] === ISO && isIsoDate(value)) return { ok: true, value };
  if (formats.includes(ISO) && isIsoInstant(value)) return { ok: true, value: londonDateOf(value) };
  const wall = readWall(value, formats);
  if (wall) return { ok: true, value: fromDayNumber(wall.day) };
  const want = expected(formats);
  return {
    ok: false,
    message: want ? `${value} is not a date (expected ${want})` : messages.notADate(value),
  };
}

/** An instant with an offset; a London wall-clock time gets the London offset of that moment. */
export function readInstant(value: string, formats: readonly string[]): Read<string> {
  if (formats.includes(ISO) && isIsoInstant(value)) return { ok: true, value };
  const wall = readWall(value, formats);
  if (wall && wall.ms !== null) return { ok: true, value: londonWallClockInstant(wall.day, wall.ms).instant };
  const want = expected(formats);
  return {
    ok: false,
    message: want
      ? `${value} is not a date and time (expected ${want}${wall ? ', with a time' : ''})`
      : messages.notAnInstant(value),
  };
}

/** A date, or an instant when a time is given (a record written at a known moment). */
export function readDateOrInstant(value: string, formats: readonly string[]): Read<string> {
  if (formats.includes(ISO) && (isIsoInstant(value) || isIsoDate(value))) return { ok: true, value };
  const wall = readWall(value, formats);
  if (wall)
    return {
      ok: true,
      value: wall.ms === null ? fromDayNumber(wall.day) : londonWallClockInstant(wall.day, wall.ms).instant,
    };
  const want = expected(formats);
  return {
    ok: false,
    message: want
      ? `${value} is not a date or a date and time (expected ${want})`
      : `${messages.notAnInstant(value)} or a date`,
  };
}
