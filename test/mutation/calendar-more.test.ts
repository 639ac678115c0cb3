import { createRequire } from 'node:module';
import type HolidaysClass from 'date-holidays';
import { describe, expect, it, vi } from 'vitest';
import { datePrefixDayNumber, twoDigits } from '../../src/calendar/day-number.js';
import {
  addCalendarMonthsNum,
  addDays,
  civilFromDays,
  clockDeadline,
  createDateHolidaysSource,
  dateOnlyClockDeadline,
  daysFromCivil,
  fromDayNumber,
  instantToEpochMs,
  isIsoDate,
  isIsoInstant,
  londonDateOf,
  londonDayNumberOfEpochMs,
  parseIsoDate,
  sameDayDeadline,
  toDayNumber,
  WorkingCalendar,
  weekdayOf,
} from '../../src/calendar/index.js';

/** Day number by an independent oracle (Date.UTC), for the expected values. */
const utcDay = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;
const asString = (v: unknown): string => v as string;
// The class the calendar loads (date-holidays' CommonJS build, required on first use).
const Holidays = createRequire(import.meta.url)('date-holidays') as typeof HolidaysClass;
type HolidayEntry = ReturnType<HolidaysClass['getHolidays']>[number];

describe('instants: the hand-written parser', () => {
  it.each([
    ['2025-01-01T12:00Z', 1_735_732_800_000],
    ['1970-01-01T00:00Z', 0],
    ['1970-01-01T00:00:00.5Z', 500],
    ['1970-01-01T00:00:00.05Z', 50],
    ['1970-01-01T00:00:00.007Z', 7],
    ['1970-01-01T00:00:00.1239Z', 123],
    ['1970-01-01T00:00:00.123456789Z', 123],
    ['1970-01-01T00:00:00.000999Z', 0],
    ['1970-01-01T00:00:00.99Z', 990],
    ['1970-01-01T05:45+05:45', 0],
    ['1969-12-31T21:30-02:30', 0],
    ['1970-01-01T00:00:01-00:01', 61_000],
    ['1970-01-02T19:59:59Z', 86_400_000 + 71_999_000],
  ])('%s is %d ms after the epoch', (instant, ms) => {
    expect(instantToEpochMs(instant)).toBe(ms);
    expect(isIsoInstant(instant)).toBe(true);
  });

  it.each([
    '2025-01-01T23:59Z',
    '2025-01-01T00:00:59Z',
    '2025-12-31T23:59:59.5Z',
    '2025-06-01T10:09:08.05+05:45',
    '2025-06-01T19:59:59.123-02:30',
    '2025-06-01T19:59:59.987654321+23:59',
    '2025-06-01T00:00+00:59',
    '2025-06-01T00:00+23:00',
    '2024-02-29T00:00:00.9-00:00',
    '1000-01-01T00:00Z',
    '9999-12-31T23:59:59.999Z',
    '2009-09-09T09:09:09.9+09:09',
  ])('%s is read as Date.parse reads it', (instant) => {
    expect(instantToEpochMs(instant)).toBe(Date.parse(instant));
  });

  it.each([
    ['hour 24', '2025-01-01T24:00Z'],
    ['minute 60', '2025-01-01T12:60Z'],
    ['second 60', '2025-01-01T12:00:60Z'],
    ['offset +24:00', '2025-01-01T12:00+24:00'],
    ['offset -24:00', '2025-01-01T12:00-24:00'],
    ['offset +01:60', '2025-01-01T12:00+01:60'],
    ['a space for T', '2025-01-01 12:00Z'],
    ['a lower-case t', '2025-01-01t12:00Z'],
    ['a dash for the first colon', '2025-01-01T12-00Z'],
    ['a one-digit hour', '2025-01-01T1:00Z'],
    ['no offset', '2025-01-01T12:00:00'],
    ['no offset, 16 characters', '2025-01-01T12:00'],
    ['a fraction and no offset', '2025-01-01T12:00:00.5'],
    ['a fraction without seconds', '2025-01-01T12:00.5Z'],
    ['a dot without digits', '2025-01-01T12:00:00.Z'],
    ['ten fraction digits', '2025-01-01T12:00:00.1234567890Z'],
    ['a one-digit second', '2025-01-01T12:00:0Z'],
    ['a character after Z', '2025-01-01T12:00Zx'],
    ['a space after Z', '2025-01-01T12:00:00Z '],
    ['a character after the offset', '2025-01-01T12:00+01:00x'],
    ['a dash in the offset', '2025-01-01T12:00+01-00'],
    ['an offset without a colon', '2025-01-01T12:00+0100'],
    ['a short offset', '2025-01-01T12:00+01:0'],
    ['a lower-case z', '2025-01-01T12:00z'],
    ['an offset sign other than + or -', '2025-01-01T12:00*01:00'],
    ['a space before Z', '2025-01-01T12:00 Z'],
    ['a slash in the minutes', '2025-01-01T12:0/Z'],
    ['a colon in the minutes', '2025-01-01T12:0:Z'],
    ['a slash in the hours', '2025-01-01T/1:00Z'],
    ['a slash in the seconds', '2025-01-01T12:00:0/Z'],
    ['a slash in the offset hours', '2025-01-01T12:00+0/:00'],
    ['a colon in the offset minutes', '2025-01-01T12:00+00:0:'],
    ['30 February', '2025-02-30T12:00Z'],
    ['month 13', '2025-13-01T12:00Z'],
    ['year 999', '0999-12-31T12:00Z'],
    ['a date only', '2025-01-01'],
    ['the empty string', ''],
  ])('refuses %s: %s', (_what, instant) => {
    expect(isIsoInstant(instant)).toBe(false);
    expect(() => instantToEpochMs(instant)).toThrow(
      `Invalid ISO instant (expected date, time and offset): ${instant}`,
    );
  });

  it.each([undefined, null, 20250101, ['2025-01-01T12:00:00Z']])('refuses the non-string %j', (value) => {
    expect(isIsoInstant(asString(value))).toBe(false);
    expect(() => instantToEpochMs(asString(value))).toThrow(RangeError);
  });
});

describe('Europe/London offsets', () => {
  it.each([
    // Last Sundays of March and October: 2025 (30 Mar, 26 Oct), 2023 (26 Mar; 2 Apr is a Sunday),
    // 2018 (25 Mar; 1 Apr is a Sunday), 2026 (25 Oct; 1 Nov is a Sunday), 1996 (31 Mar, 27 Oct).
    ['2025-03-30T00:59:59Z', '2025-03-30T00:59:59+00:00'],
    ['2025-03-30T01:00:00Z', '2025-03-30T02:00:00+01:00'],
    ['2025-10-26T00:59:59Z', '2025-10-26T01:59:59+01:00'],
    ['2025-10-26T01:00:00Z', '2025-10-26T01:00:00+00:00'],
    ['2023-03-26T00:59:59Z', '2023-03-26T00:59:59+00:00'],
    ['2023-03-26T01:00:00Z', '2023-03-26T02:00:00+01:00'],
    ['2023-10-29T00:59:59Z', '2023-10-29T01:59:59+01:00'],
    ['2023-10-29T01:00:00Z', '2023-10-29T01:00:00+00:00'],
    ['2018-03-25T00:59:59Z', '2018-03-25T00:59:59+00:00'],
    ['2018-03-25T01:00:00Z', '2018-03-25T02:00:00+01:00'],
    ['2026-10-25T00:59:59Z', '2026-10-25T01:59:59+01:00'],
    ['2026-10-25T01:00:00Z', '2026-10-25T01:00:00+00:00'],
    ['1996-03-31T00:59:59Z', '1996-03-31T00:59:59+00:00'],
    ['1996-03-31T01:00:00Z', '1996-03-31T02:00:00+01:00'],
    ['1996-10-27T00:59:59Z', '1996-10-27T01:59:59+01:00'],
    ['1996-10-27T01:00:00Z', '1996-10-27T01:00:00+00:00'],
    // 1995 followed the UK rule: BST ended on Sun 22 Oct, not on the last Sunday (29 Oct).
    ['1995-10-22T00:59:59Z', '1995-10-22T01:59:59+01:00'],
    ['1995-10-22T01:00:00Z', '1995-10-22T01:00:00+00:00'],
    ['1995-10-25T12:00:00Z', '1995-10-25T12:00:00+00:00'],
    // The time zone database before 1996: day, month, minutes, seconds and milliseconds from Intl.
    ['1990-07-15T10:20:30.250Z', '1990-07-15T11:20:30.250+01:00'],
    ['1990-11-23T22:45:07Z', '1990-11-23T22:45:07+00:00'],
    ['1990-06-30T23:30:45Z', '1990-07-01T00:30:45+01:00'],
    // British Standard Time (+01:00 all year, 1968-1971), on both sides of the epoch.
    ['1969-12-31T23:59:59.500Z', '1970-01-01T00:59:59.500+01:00'],
    ['1970-01-15T12:00:00Z', '1970-01-15T13:00:00+01:00'],
    // Year changes are in GMT.
    ['2025-12-31T23:30:00Z', '2025-12-31T23:30:00+00:00'],
    ['2024-12-31T23:59:59.999Z', '2024-12-31T23:59:59.999+00:00'],
    ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00+00:00'],
    ['9999-07-01T12:00:00Z', '9999-07-01T13:00:00+01:00'],
    // Milliseconds are written with three digits.
    ['2025-06-01T10:00:00.05Z', '2025-06-01T11:00:00.050+01:00'],
    ['2025-06-01T10:00:00.007Z', '2025-06-01T11:00:00.007+01:00'],
    ['2025-06-01T23:59:59.999+01:00', '2025-06-01T23:59:59.999+01:00'],
  ])('%s is %s in London', (instant, london) => {
    expect(clockDeadline(instant, 0)).toEqual({ instant: london, londonDate: london.slice(0, 10) });
  });

  it('the cached year follows the instants asked, forwards and backwards', () => {
    const asked = [
      ['2025-01-15T12:00:00Z', '2025-01-15T12:00:00+00:00'],
      ['2026-07-01T12:00:00Z', '2026-07-01T13:00:00+01:00'],
      ['2026-07-01T12:00:01Z', '2026-07-01T13:00:01+01:00'],
      ['2024-07-01T12:00:00Z', '2024-07-01T13:00:00+01:00'],
      ['1990-07-15T12:00:00Z', '1990-07-15T13:00:00+01:00'],
      ['2025-07-01T12:00:00Z', '2025-07-01T13:00:00+01:00'],
      ['2025-01-01T00:00:00Z', '2025-01-01T00:00:00+00:00'],
      ['2024-12-31T23:00:00Z', '2024-12-31T23:00:00+00:00'],
      ['2025-03-30T01:00:00Z', '2025-03-30T02:00:00+01:00'],
    ];
    expect(asked.map(([instant]) => clockDeadline(asString(instant), 0).instant)).toEqual(
      asked.map(([, london]) => london),
    );
  });

  it('before 1847 London kept local mean time, 1 min 15 s behind GMT: a negative offset', () => {
    expect(clockDeadline('1800-06-15T12:00:00Z', 0).instant).toMatch(/^1800-06-15T11:5\d:\d\d-00:01$/);
  });

  // Found by these tests (fixed): before 1847 Intl gives London's local mean time (-00:01:15); the offset
  // was rounded to -00:01 but the wall clock kept the 15 s, so 11:58:45-00:01 (= 11:59:45Z) was written
  // for 12:00:00Z. The wall clock now follows the rounded offset: 11:59:00-00:01.
  it('a deadline written in local mean time denotes the same instant', () => {
    const { instant } = clockDeadline('1800-06-15T12:00:00Z', 0);
    expect(instantToEpochMs(instant)).toBe(instantToEpochMs('1800-06-15T12:00:00Z'));
  });

  it.each([
    ['2025-06-30T23:30:00Z', '2025-07-01'],
    ['2025-01-31T23:30:00Z', '2025-01-31'],
    ['2025-03-30T23:00:00Z', '2025-03-31'],
    ['2025-03-30T22:59:59Z', '2025-03-30'],
    ['1990-06-30T23:30:00Z', '1990-07-01'],
  ])('londonDateOf(%s) is %s', (instant, date) => {
    expect(londonDateOf(instant)).toBe(date);
    expect(fromDayNumber(londonDayNumberOfEpochMs(instantToEpochMs(instant)))).toBe(date);
  });

  it('london day numbers of epoch milliseconds, before and after the epoch', () => {
    expect(londonDayNumberOfEpochMs(Date.UTC(2025, 5, 30, 23, 30))).toBe(utcDay(2025, 7, 1));
    expect(londonDayNumberOfEpochMs(-500)).toBe(0);
    expect(londonDayNumberOfEpochMs(Date.UTC(2025, 0, 31, 23, 59, 59, 999))).toBe(utcDay(2025, 1, 31));
  });
});

describe('clock deadlines', () => {
  it.each([
    ['2025-03-28T15:00:00Z', 72, '2025-03-31T16:00:00+01:00'],
    ['2025-10-24T14:00:00+01:00', 72, '2025-10-27T13:00:00+00:00'],
    ['2025-01-01T12:00Z', 1.5, '2025-01-01T13:30:00+00:00'],
    ['2025-01-01T12:00:00Z', 0.0001, '2025-01-01T12:00:00.360+00:00'],
    ['2025-06-01T10:00:00.5Z', 1, '2025-06-01T12:00:00.500+01:00'],
    ['2025-12-31T23:30:00Z', 0.5, '2026-01-01T00:00:00+00:00'],
    ['2025-03-30T00:30:00Z', 1, '2025-03-30T02:30:00+01:00'],
    ['2025-10-26T00:30:00Z', 1, '2025-10-26T01:30:00+00:00'],
    ['2025-10-25T23:00:00-02:00', 24, '2025-10-27T01:00:00+00:00'],
    ['1990-01-01T12:00:00Z', 1.5, '1990-01-01T13:30:00+00:00'],
  ])('%s + %d h = %s', (start, hours, instant) => {
    expect(clockDeadline(start, hours)).toEqual({ instant, londonDate: instant.slice(0, 10) });
  });

  it.each([
    ['2025-10-24', 72, '2025-10-27T23:59:59+00:00'],
    ['2025-03-28', 72, '2025-03-31T23:59:59+01:00'],
    ['2025-03-28', 73, '2025-04-01T23:59:59+01:00'],
    ['2025-03-28', 0, '2025-03-28T23:59:59+00:00'],
    ['2025-03-29', 24, '2025-03-30T23:59:59+01:00'],
    ['2025-03-29', 25, '2025-03-31T23:59:59+01:00'],
    ['2025-10-25', 24, '2025-10-26T23:59:59+00:00'],
    ['2025-10-25', 0.5, '2025-10-26T23:59:59+00:00'],
    ['2025-10-24', 24, '2025-10-25T23:59:59+01:00'],
    ['2025-12-31', 24, '2026-01-01T23:59:59+00:00'],
    ['1990-07-14', 24, '1990-07-15T23:59:59+01:00'],
    ['9999-12-30', 24, '9999-12-31T23:59:59+00:00'],
  ])('date only: %s + %d h ends at %s', (date, hours, instant) => {
    expect(dateOnlyClockDeadline(date, hours)).toEqual({ instant, londonDate: instant.slice(0, 10) });
  });

  it('a date-only deadline past 9999 is refused', () => {
    expect(() => dateOnlyClockDeadline('9999-12-31', 24)).toThrow(RangeError);
    expect(() => clockDeadline('9999-12-31T23:00:00Z', 1)).toThrow(RangeError);
  });

  it.each([-1, -0.001, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'hours %d are refused by both deadlines',
    (hours) => {
      const message = `Hours must be a finite number ≥ 0: ${hours}`;
      expect(() => clockDeadline('2025-01-01T12:00Z', hours)).toThrow(message);
      expect(() => dateOnlyClockDeadline('2025-01-01', hours)).toThrow(message);
    },
  );

  it('same-day deadlines return the validated date', () => {
    expect(sameDayDeadline('2024-02-29')).toBe('2024-02-29');
    expect(() => sameDayDeadline('2025-02-29')).toThrow(
      'Invalid ISO date (expected a real YYYY-MM-DD date): 2025-02-29',
    );
  });
});

describe('ISO dates', () => {
  it.each([
    '1000-01-01',
    '9999-12-31',
    '2025-01-31',
    '2025-12-01',
    '2024-02-29',
    '2000-02-29',
    '2025-04-30',
    '1999-09-19',
    '2090-10-09',
  ])('%s is a date', (date) => {
    expect(isIsoDate(date)).toBe(true);
    expect(toDayNumber(date)).toBe(utcDay(+date.slice(0, 4), +date.slice(5, 7), +date.slice(8)));
    expect(parseIsoDate(date)).toEqual({
      year: +date.slice(0, 4),
      month: +date.slice(5, 7),
      day: +date.slice(8),
    });
  });

  it.each([
    '0999-12-31',
    '2025-00-10',
    '2025-13-01',
    '2025-01-00',
    '2025-01-32',
    '2025-02-29',
    '1900-02-29',
    '2025-04-31',
    '2x25-01-01',
    '20x5-01-01',
    ':025-01-01',
    '20:0-01-01',
    '20/9-01-01',
    '202/-01-01',
    '202:-01-01',
    '2025/01-01',
    '2025-01/01',
    '2025-0:-01',
    '2025-1/-01',
    '2025-01-1:',
    '2025-01-011',
    '2025-01-01T',
    '2025-1-01',
    '',
  ])('%s is not a date', (text) => {
    expect(isIsoDate(text)).toBe(false);
    expect(parseIsoDate(text)).toBeNull();
    expect(() => toDayNumber(text)).toThrow(`Invalid ISO date (expected a real YYYY-MM-DD date): ${text}`);
  });

  it.each([
    ['an array of ten characters', [...'2025-01-01']],
    ['a number', 20250101],
    ['undefined', undefined],
  ])('%s is not a date', (_what, value) => {
    expect(isIsoDate(asString(value))).toBe(false);
    expect(parseIsoDate(asString(value))).toBeNull();
    expect(() => toDayNumber(asString(value))).toThrow(RangeError);
  });

  it('the date an instant starts with', () => {
    expect(datePrefixDayNumber('2025-07-28')).toBe(utcDay(2025, 7, 28));
    expect(datePrefixDayNumber('2025-07-28T12:00Z')).toBe(utcDay(2025, 7, 28));
    expect(datePrefixDayNumber('2025-07-2')).toBeNaN();
    expect(datePrefixDayNumber('2025-02-30T12:00Z')).toBeNaN();
    expect(twoDigits('2025-07-28', 5)).toBe(7);
    expect(twoDigits('2025-07-28', 8)).toBe(28);
  });

  it.each([
    [0, '1970-01-01'],
    [1, '1970-01-02'],
    [-1, '1969-12-31'],
    [-2, '1969-12-30'],
    [39_999, '2079-07-07'],
    [40_000, '2079-07-08'],
    [40_001, '2079-07-09'],
    [utcDay(1000, 1, 1), '1000-01-01'],
    [utcDay(9999, 12, 31), '9999-12-31'],
    [utcDay(2000, 2, 29), '2000-02-29'],
    [utcDay(2000, 3, 1), '2000-03-01'],
    [utcDay(2099, 12, 31), '2099-12-31'],
    [utcDay(2100, 2, 28), '2100-02-28'],
    [utcDay(2100, 3, 1), '2100-03-01'],
    [utcDay(2200, 3, 1), '2200-03-01'],
    [utcDay(2399, 12, 31), '2399-12-31'],
    [utcDay(2400, 2, 29), '2400-02-29'],
    [utcDay(2400, 3, 1), '2400-03-01'],
    [utcDay(1600, 2, 29), '1600-02-29'],
    [utcDay(1700, 3, 1), '1700-03-01'],
  ])('day %d is %s, cached or not, and back', (day, iso) => {
    expect(fromDayNumber(day)).toBe(iso);
    expect(fromDayNumber(day)).toBe(iso);
    expect(toDayNumber(iso)).toBe(day);
    const [year, month, date] = iso.split('-').map(Number);
    expect(civilFromDays(day)).toEqual({ year, month, day: date });
    expect(daysFromCivil(year ?? 0, month ?? 0, date ?? 0)).toBe(day);
  });

  it.each([
    [utcDay(1000, 1, 1) - 1, 'Day number -354286 is outside years 1000–9999'],
    [utcDay(10000, 1, 1), 'Day number 2932897 is outside years 1000–9999'],
    [1.5, 'Day number must be an integer: 1.5'],
    [-0.5, 'Day number must be an integer: -0.5'],
    [39_999.5, 'Day number must be an integer: 39999.5'],
    [Number.NaN, 'Day number must be an integer: NaN'],
    [Number.POSITIVE_INFINITY, 'Day number must be an integer: Infinity'],
  ])('fromDayNumber(%d) is refused', (day, message) => {
    expect(() => fromDayNumber(day)).toThrow(message);
  });

  it.each([
    [0, 4],
    [3, 0],
    [-1, 3],
    [-7, 4],
    [-8, 3],
    [utcDay(2025, 7, 28), 1],
    [utcDay(1000, 1, 1), new Date(Date.UTC(1000, 0, 1)).getUTCDay()],
  ])('weekdayOf(%d) is %d', (day, weekday) => {
    expect(weekdayOf(day)).toBe(weekday);
  });

  it('addDays checks its count', () => {
    expect(() => addDays('2024-02-28', 0.5)).toThrow('Day count must be an integer: 0.5');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -366)).toBe('2024-01-01');
  });
});

describe('calendar months: the memo keys', () => {
  it('month counts outside the memo range do not read or write neighbouring keys', () => {
    const jan31 = toDayNumber('2025-01-31');
    // day * 4096 + n + 2048: (d, 2400) would share its key with (d + 1, -1696), (d, -2400) with (d - 1, 1696).
    const pairs: [number, number, string][] = [
      [jan31 + 1, -1696, '1883-10-01'],
      [jan31, 2400, '2225-01-31'],
      [jan31 + 1, -1696, '1883-10-01'],
      [jan31 - 1, 1696, '2166-05-30'],
      [jan31, -2400, '1825-01-31'],
      [jan31 - 1, 1696, '2166-05-30'],
      [jan31, 2, '2025-03-31'],
      // With the day divided instead of multiplied, (d, 2) and (d + 4096, 1) would share a key.
      [jan31 + 4096, 1, '2036-05-19'],
    ];
    expect(pairs.map(([day, n]) => fromDayNumber(addCalendarMonthsNum(day, n)))).toEqual(
      pairs.map(([, , iso]) => iso),
    );
  });

  it('counts at the edges of the memo range', () => {
    const jan31 = toDayNumber('2025-01-31');
    expect(fromDayNumber(addCalendarMonthsNum(jan31, 2047))).toBe('2195-08-31');
    expect(fromDayNumber(addCalendarMonthsNum(jan31, -2047))).toBe('1854-06-30');
    expect(fromDayNumber(addCalendarMonthsNum(jan31 + 1, -2048))).toBe('1854-06-01');
    expect(fromDayNumber(addCalendarMonthsNum(jan31, 2048))).toBe('2195-09-30');
    expect(() => addCalendarMonthsNum(jan31, 1.5)).toThrow('Month count must be an integer: 1.5');
  });
});

describe('bank holidays from date-holidays', () => {
  it('each year is asked for once: the same frozen list comes back', () => {
    const source = createDateHolidaysSource();
    const first = source.holidays(2026);
    expect(source.holidays(2026)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first.at(-1)).toEqual({ date: '2026-12-28', name: 'Boxing Day (substitute day)' });
    expect(first.some((h) => h.date === '2026-12-26')).toBe(false);
  });

  it.each([
    [
      2022,
      [
        ['2022-01-03', "New Year's Day (substitute day)"],
        ['2022-04-15', 'Good Friday'],
        ['2022-04-18', 'Easter Monday'],
        ['2022-05-02', 'Early May bank holiday'],
        ['2022-06-02', 'Spring bank holiday'],
        ['2022-06-03', 'Queen’s Platinum Jubilee'],
        ['2022-08-29', 'Summer bank holiday'],
        ['2022-09-19', "Queen Elizabeth's Funeral Day"],
        ['2022-12-26', 'Boxing Day'],
        ['2022-12-27', 'Christmas Day (substitute day)'],
      ],
    ],
    [
      1000,
      [
        ['1000-01-01', "New Year's Day"],
        ['1000-03-28', 'Good Friday'],
        ['1000-03-31', 'Easter Monday'],
        ['1000-05-05', 'Early May bank holiday'],
        ['1000-05-26', 'Spring bank holiday'],
        ['1000-08-25', 'Summer bank holiday'],
        ['1000-12-25', 'Christmas Day'],
        ['1000-12-26', 'Boxing Day'],
      ],
    ],
    [
      9999,
      [
        ['9999-01-01', "New Year's Day"],
        ['9999-03-26', 'Good Friday'],
        ['9999-03-29', 'Easter Monday'],
        ['9999-05-03', 'Early May bank holiday'],
        ['9999-05-31', 'Spring bank holiday'],
        ['9999-08-30', 'Summer bank holiday'],
        ['9999-12-27', 'Christmas Day (substitute day)'],
        ['9999-12-28', 'Boxing Day (substitute day)'],
      ],
    ],
  ])('the bank holidays of %d (weekend entries dropped)', (year, expected) => {
    const want = expected.map(([date, name]) => ({ date, name }));
    expect(new WorkingCalendar().bankHolidays(year)).toEqual(want);
    expect(createDateHolidaysSource().holidays(year)).toEqual(want);
  });

  it.each([999, 10_000, 2025.5, Number.NaN])('bankHolidays(%d) is refused', (year) => {
    expect(() => new WorkingCalendar().bankHolidays(year)).toThrow(
      `Year must be an integer from 1000 to 9999: ${year}`,
    );
  });

  it('keeps public and bank weekdays of the year asked, once each, in date order', () => {
    const entry = (date: string, type: HolidayEntry['type'], name: string): HolidayEntry => ({
      date: `${date} 00:00:00`,
      start: new Date(0),
      end: new Date(0),
      type,
      name,
      rule: '',
    });
    const spy = vi
      .spyOn(Holidays.prototype, 'getHolidays')
      .mockReturnValue([
        entry('2030-05-06', 'public', 'May'),
        entry('2030-01-02', 'public', 'Second'),
        entry('2030-01-01', 'bank', 'First'),
        entry('2030-03-01', 'observance', 'Observed'),
        entry('2030-03-04', 'optional', 'Optional'),
        entry('2029-12-31', 'public', 'Last year'),
        entry('2031-01-01', 'public', 'Next year'),
        entry('2030-05-06', 'public', 'May again'),
        entry('2030-02-30', 'public', 'Impossible'),
        entry('2030-06-01', 'public', 'Saturday'),
        entry('2030-06-02', 'public', 'Sunday'),
        entry('2030-12-25', 'public', 'Christmas'),
        entry('2030-08-26', 'bank', 'August'),
      ]);
    try {
      expect(createDateHolidaysSource().holidays(2030)).toEqual([
        { date: '2030-01-01', name: 'First' },
        { date: '2030-01-02', name: 'Second' },
        { date: '2030-05-06', name: 'May' },
        { date: '2030-08-26', name: 'August' },
        { date: '2030-12-25', name: 'Christmas' },
      ]);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('WorkingCalendar', () => {
  const closures = ['2026-12-29', '2025-12-25', '2025-12-27', '2030-06-03'];

  it.each([
    // The last column counts the working days d with result < d <= date (or date < d <= result).
    ['2025-12-24', 1, '2025-12-29', 1],
    ['2025-12-24', 2, '2025-12-30', 2],
    ['2025-12-31', 1, '2026-01-02', 1],
    ['2026-01-02', -1, '2025-12-31', -1],
    ['2025-12-29', -1, '2025-12-24', -1],
    ['2025-12-27', -1, '2025-12-24', 0],
    ['2025-12-27', 1, '2025-12-29', 1],
    ['2026-12-24', 1, '2026-12-29', 1],
    ['2026-12-28', 0, '2026-12-28', 0],
    ['2026-12-26', -1, '2026-12-24', 0],
    ['2025-04-17', 1, '2025-04-22', 1],
    ['2025-04-17', 2, '2025-04-23', 2],
    ['2025-04-21', -1, '2025-04-17', 0],
    ['2025-04-21', 1, '2025-04-22', 1],
    ['2025-04-23', -1, '2025-04-22', -1],
    ['2025-04-23', -3, '2025-04-16', -3],
    ['2025-04-19', 0, '2025-04-19', 0],
  ])('%s %d working days is %s', (date, n, result, between) => {
    const calendar = new WorkingCalendar();
    expect(calendar.addWorkingDays(date, n)).toBe(result);
    expect(calendar.workingDaysBetween(date, result)).toBe(between);
    expect(calendar.workingDaysBetween(result, date)).toBe(0 - between);
  });

  it.each([
    ['2025-12-24', '2026-01-02', 4],
    ['2026-01-02', '2025-12-24', -4],
    ['2025-04-17', '2025-04-17', 0],
    ['2020-01-01', '2030-01-01', 2526],
    ['2030-01-01', '2020-01-01', -2526],
  ])('working days from %s to %s: %d (fresh calendar)', (a, b, count) => {
    expect(new WorkingCalendar().workingDaysBetween(a, b)).toBe(count);
  });

  it('a closure on Monday 29 Dec 2026 is skipped after the Christmas bank holidays', () => {
    const calendar = new WorkingCalendar({ closures });
    expect(calendar.addWorkingDays('2026-12-24', 1)).toBe('2026-12-30');
    expect(calendar.skippedDays('2026-12-24', '2026-12-30')).toStrictEqual([
      {
        date: '2026-12-25',
        reason: 'bank-holiday',
        name: 'Christmas Day',
        label: 'Fri 25 Dec 2026 Christmas Day (bank holiday)',
      },
      { date: '2026-12-26', reason: 'weekend', label: 'Sat 26 Dec 2026 weekend' },
      { date: '2026-12-27', reason: 'weekend', label: 'Sun 27 Dec 2026 weekend' },
      {
        date: '2026-12-28',
        reason: 'bank-holiday',
        name: 'Boxing Day (substitute day)',
        label: 'Mon 28 Dec 2026 Boxing Day (substitute day) (bank holiday)',
      },
      { date: '2026-12-29', reason: 'closure', label: 'Tue 29 Dec 2026 council closure' },
    ]);
    // Closures on a bank holiday or a weekend report the bank holiday or the weekend.
    expect(calendar.nonWorkingReason('2025-12-25')?.label).toBe(
      'Thu 25 Dec 2025 Christmas Day (bank holiday)',
    );
    expect(calendar.nonWorkingReason('2025-12-27')?.label).toBe('Sat 27 Dec 2025 weekend');
    expect(calendar.nonWorkingReason('2026-12-30')).toBeNull();
    // A closure years after the first tables is found when the tables grow.
    expect(calendar.nonWorkingReason('2030-06-03')?.label).toBe('Mon 3 Jun 2030 council closure');
    expect(calendar.isWorkingDay('2030-06-04')).toBe(true);
  });

  it.each([
    ['2025-04-19', '2025-04-21', ['Sun 20 Apr 2025 weekend', 'Mon 21 Apr 2025 Easter Monday (bank holiday)']],
    ['2025-04-17', '2025-04-18', ['Fri 18 Apr 2025 Good Friday (bank holiday)']],
    ['2025-04-18', '2025-04-17', []],
    ['2025-04-18', '2025-04-18', []],
    ['2025-04-22', '2025-04-23', []],
  ])('skippedDays(%s, %s)', (a, b, labels) => {
    expect(new WorkingCalendar().skippedDays(a, b).map((s) => s.label)).toEqual(labels);
  });

  it.each([
    ['2025-05-23', 1, '2025-05-27', ['2025-05-24', '2025-05-25', '2025-05-26']],
    ['2025-05-27', -1, '2025-05-23', ['2025-05-24', '2025-05-25', '2025-05-26']],
    ['2025-05-24', 0, '2025-05-24', []],
    ['2025-05-27', 1, '2025-05-28', []],
  ])('addWorkingDaysExplained(%s, %d)', (date, n, result, skipped) => {
    const explained = new WorkingCalendar().addWorkingDaysExplained(date, n);
    expect(explained.date).toBe(result);
    expect(explained.skipped.map((s) => s.date)).toEqual(skipped);
  });

  it('the tables grow to later and earlier years, including the first day after them', () => {
    const calendar = new WorkingCalendar();
    expect(calendar.isWorkingDay('2025-06-02')).toBe(true);
    expect(calendar.addWorkingDays('2024-01-02', -1)).toBe('2023-12-29');
    expect(calendar.nonWorkingReason('2027-01-01')?.label).toBe(
      "Fri 1 Jan 2027 New Year's Day (bank holiday)",
    );
    expect(calendar.nonWorkingReason('2022-12-26')?.label).toBe('Mon 26 Dec 2022 Boxing Day (bank holiday)');
    expect(calendar.nonWorkingReason('2010-05-03')?.label).toBe(
      'Mon 3 May 2010 Early May bank holiday (bank holiday)',
    );
    expect(calendar.nonWorkingReason('2060-12-25')?.label).toBe('Sat 25 Dec 2060 weekend');
    expect(calendar.nonWorkingReason('2060-12-27')?.label).toBe(
      'Mon 27 Dec 2060 Christmas Day (substitute day) (bank holiday)',
    );
    expect(calendar.workingDaysBetween('2025-12-24', '2026-01-02')).toBe(4);
  });

  it('working days at the first and last years of the table', () => {
    const calendar = new WorkingCalendar();
    expect(calendar.isWorkingDay('9999-12-31')).toBe(true);
    expect(calendar.nonWorkingReason('9999-12-27')?.name).toBe('Christmas Day (substitute day)');
    // Fri 24 Dec 9999; Mon 27 and Tue 28 are the substitute days.
    expect(calendar.addWorkingDays('9999-12-24', 2)).toBe('9999-12-30');
    expect(new WorkingCalendar().isWorkingDay('1000-06-02')).toBe(true);
    expect(new WorkingCalendar().addWorkingDays('1000-01-06', -2)).toBe('1000-01-02');
    const nearEnd = new WorkingCalendar();
    nearEnd.isWorkingDay('9996-06-03');
    expect(nearEnd.addWorkingDays('9997-12-20', 20)).toBe('9998-01-21');
    const nearStart = new WorkingCalendar();
    nearStart.isWorkingDay('1006-06-03');
    expect(nearStart.addWorkingDays('1005-01-10', -20)).toBe('1004-12-10');
  });

  it.each([
    ['999-12-31 alone', utcDay(999, 12, 31), utcDay(999, 12, 31), utcDay(999, 12, 31)],
    ['999-12-31 to 1000-01-05', utcDay(999, 12, 31), utcDay(1000, 1, 5), utcDay(999, 12, 31)],
    ['9999-12-30 to 10000-01-01', utcDay(9999, 12, 30), utcDay(10_000, 1, 1), utcDay(10_000, 1, 1)],
    ['10000-01-03 alone', utcDay(10_000, 1, 3), utcDay(10_000, 1, 3), utcDay(10_000, 1, 3)],
  ])('day numbers outside the years are refused: %s', (_what, a, b, outside) => {
    const message = 'Working-day calculation leaves the supported years 1000–9999';
    expect(() => new WorkingCalendar().workingDaysBetweenNum(a, b)).toThrow(message);
    expect(() => new WorkingCalendar().isWorkingDayNum(outside)).toThrow(message);
  });

  it('checks counts and closures', () => {
    expect(() => new WorkingCalendar().addWorkingDays('2025-04-17', 1.5)).toThrow(
      'Working-day count must be an integer: 1.5',
    );
    expect(() => new WorkingCalendar({ closures: ['2025-02-30'] })).toThrow(
      'Invalid closure date (expected a real YYYY-MM-DD date): "2025-02-30"',
    );
    expect(() => new WorkingCalendar({ closures: [asString(20250101)] })).toThrow(
      'Invalid closure date (expected a real YYYY-MM-DD date): 20250101',
    );
    expect(new WorkingCalendar({}).isWorkingDay('2025-04-17')).toBe(true);
  });

  // Found by these tests (fixed): the forward and backward walks over-reached by `years` and passed that
  // over-reached year as the one that must be covered, so a fresh calendar threw 'leaves the supported
  // years' for an answer well inside 1000-9999. The year needed is the next one the walk reaches.
  it('near 9999 and 1000 a fresh calendar answers as one that already covers the years', () => {
    expect(new WorkingCalendar().addWorkingDays('9995-01-02', 1000)).toBe('9998-12-11');
    expect(new WorkingCalendar().addWorkingDays('1004-12-20', -1000)).toBe('1001-01-09');
  });
});

describe('a freshly loaded clock module (no London offset year cached yet)', () => {
  // The offset bounds of each year are kept for the life of the module: a test run that loads the module
  // once would otherwise only check the years nobody asked about before.
  it('works the last Sundays out again: 2025, 2024 and 2026 asked in turn', async () => {
    vi.resetModules();
    const fresh = await import('../../src/calendar/clock.js');
    const asked = [
      ['2025-10-26T00:59:59Z', '2025-10-26T01:59:59+01:00'],
      ['2025-10-26T01:00:00Z', '2025-10-26T01:00:00+00:00'],
      ['2024-03-31T00:59:59Z', '2024-03-31T00:59:59+00:00'],
      ['2024-03-31T01:00:00Z', '2024-03-31T02:00:00+01:00'],
      ['2023-03-26T01:00:00Z', '2023-03-26T02:00:00+01:00'],
      ['2023-10-29T00:59:59Z', '2023-10-29T01:59:59+01:00'],
      ['2026-10-25T01:00:00Z', '2026-10-25T01:00:00+00:00'],
      ['2025-07-01T12:00:00Z', '2025-07-01T13:00:00+01:00'],
      ['2024-07-01T12:00:00Z', '2024-07-01T13:00:00+01:00'],
      ['2018-03-25T01:00:00Z', '2018-03-25T02:00:00+01:00'],
    ];
    expect(asked.map(([instant]) => fresh.clockDeadline(asString(instant), 0).instant)).toEqual(
      asked.map(([, london]) => london),
    );
  });
});
