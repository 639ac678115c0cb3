import { describe, expect, it } from 'vitest';
import { datePrefixDayNumber, twoDigits } from '../../../src/calendar/day-number.js';
import {
  addCalendarMonths,
  addDays,
  civilFromDays,
  daysBetween,
  daysFromCivil,
  daysInMonth,
  formatDate,
  fromDayNumber,
  isIsoDate,
  isLeapYear,
  parseIsoDate,
  toDayNumber,
  weekdayOf,
} from '../../../src/calendar/index.js';
import { asString, utcDay } from '../oracle.js';

describe('day numbers: leap years, month lengths, refusals', () => {
  it('leap years: every 4th year, not every 100th, but every 400th', () => {
    expect([2024, 2023, 1900, 2000].map(isLeapYear)).toEqual([true, false, false, true]);
  });

  it('days in each month of 2025, and February 2024', () => {
    expect(Array.from({ length: 12 }, (_, i) => daysInMonth(2025, i + 1))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  it('day numbers around 29 Feb 2000: 1 Jan 2000 is day 10957, + 31 + 28 = 29 Feb', () => {
    expect(daysFromCivil(2000, 1, 1)).toBe(10957);
    expect(daysFromCivil(2000, 2, 29)).toBe(11016);
    expect(daysFromCivil(2000, 3, 1)).toBe(11017);
    expect(civilFromDays(11016)).toEqual({ year: 2000, month: 2, day: 29 });
    expect(civilFromDays(11017)).toEqual({ year: 2000, month: 3, day: 1 });
    expect(civilFromDays(-1)).toEqual({ year: 1969, month: 12, day: 31 });
    // 31 Dec 1969 was a Wednesday (3); day -7 a Thursday like day 0.
    expect([weekdayOf(-1), weekdayOf(-7), weekdayOf(3)]).toEqual([3, 4, 0]);
  });

  it('parseIsoDate refuses impossible parts and years before 1000', () => {
    for (const bad of [
      '2025-00-10',
      '2025-13-01',
      '2025-04-31',
      '2025-04-00',
      '0999-12-31',
      '2025/01/01',
      '2025-01-0a',
      '2025-1-011',
    ])
      expect(parseIsoDate(bad), bad).toBeNull();
    expect(parseIsoDate('2025-04-30')).toEqual({ year: 2025, month: 4, day: 30 });
    expect(parseIsoDate('1000-01-01')).toEqual({ year: 1000, month: 1, day: 1 });
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2025-12-31')).toEqual({ year: 2025, month: 12, day: 31 });
  });

  it('fromDayNumber refuses fractions and years outside 1000-9999', () => {
    expect(() => fromDayNumber(1.5)).toThrow(RangeError);
    expect(() => fromDayNumber(daysFromCivil(999, 12, 31))).toThrow(/outside years/);
    expect(() => fromDayNumber(daysFromCivil(10000, 1, 1))).toThrow(/outside years/);
    expect(fromDayNumber(daysFromCivil(1000, 1, 1))).toBe('1000-01-01');
    expect(fromDayNumber(daysFromCivil(9999, 12, 31))).toBe('9999-12-31');
  });

  it('addDays and daysBetween across 29 Feb 2024', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(() => addDays('2024-02-28', 0.5)).toThrow(RangeError);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(() => toDayNumber('2025-02-30')).toThrow(/Invalid ISO date/);
  });

  it('formatDate: weekday, day without a leading zero, month, year', () => {
    expect(formatDate('2025-04-05')).toBe('Sat 5 Apr 2025');
    expect(formatDate('2025-12-31')).toBe('Wed 31 Dec 2025');
    expect(formatDate('2026-01-01')).toBe('Thu 1 Jan 2026');
  });

  it('calendar months clamp to the month end, from the anchor', () => {
    expect(addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addCalendarMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addCalendarMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(() => addCalendarMonths('2025-01-31', 1.5)).toThrow(RangeError);
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
