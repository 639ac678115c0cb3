import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  addCalendarMonthsNum,
  addDays,
  daysBetween,
  formatDate,
  fromDayNumber,
  isIsoDate,
  toDayNumber,
  weekdayOf,
} from '../../../src/calendar/index.js';

describe('day numbers', () => {
  it('1970-01-01 is day 0, a Thursday (4)', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(0)).toBe('1970-01-01');
    expect(weekdayOf(0)).toBe(4);
    expect(weekdayOf(-1)).toBe(3);
  });

  it('Mon 28 Jul 2025 is day 20297 (55 years × 365 + 14 leap days + 208 days into 2025)', () => {
    expect(toDayNumber('2025-07-28')).toBe(55 * 365 + 14 + 208);
    expect(weekdayOf(toDayNumber('2025-07-28'))).toBe(1);
  });

  it('isIsoDate is strict', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-00-10')).toBe(false);
    expect(isIsoDate('2025-01-00')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate('2025/01/01')).toBe(false);
    expect(isIsoDate('2025-01-01T00:00')).toBe(false);
    expect(isIsoDate(' 2025-01-01')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(() => toDayNumber('2025-02-30')).toThrow(RangeError);
  });

  it('addDays and daysBetween', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2025-01-01', '2025-03-01')).toBe(59); // 31 Jan + 28 Feb
    expect(daysBetween('2025-03-01', '2025-01-01')).toBe(-59);
  });

  it('formatDate', () => {
    expect(formatDate('2025-07-28')).toBe('Mon 28 Jul 2025');
    expect(formatDate('2025-04-05')).toBe('Sat 5 Apr 2025');
    expect(formatDate('2026-12-29')).toBe('Tue 29 Dec 2026');
  });
});

describe('addCalendarMonths (date-fns addMonths, end-of-month clamp, always from the anchor)', () => {
  it('31 Jan 2025 + 1 month = 28 Feb 2025 (2025 not a leap year)', () => {
    expect(addCalendarMonths('2025-01-31', 1)).toBe('2025-02-28');
  });
  it('31 Jan 2024 + 1 month = 29 Feb 2024 (leap year)', () => {
    expect(addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29');
  });
  it('31 Jan 2025 + 2 months = 31 Mar 2025 (from the anchor, not from 28 Feb)', () => {
    expect(addCalendarMonths('2025-01-31', 2)).toBe('2025-03-31');
  });
  it('negative months and year boundaries', () => {
    expect(addCalendarMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addCalendarMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addCalendarMonths('2025-03-30', 0)).toBe('2025-03-30');
    expect(addCalendarMonthsNum(toDayNumber('2025-01-31'), 1)).toBe(toDayNumber('2025-02-28'));
  });
  it('dates around the UK clock changes are unaffected (built at local noon)', () => {
    expect(addCalendarMonths('2025-02-28', 1)).toBe('2025-03-28');
    expect(addCalendarMonths('2025-03-30', 7)).toBe('2025-10-30');
    expect(addCalendarMonths('2025-09-26', 1)).toBe('2025-10-26');
  });
});
