import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  addCalendarMonthsNum,
  addDays,
  civilFromDays,
  clockDeadline,
  dateOnlyClockDeadline,
  daysBetween,
  daysFromCivil,
  daysInMonth,
  formatDate,
  fromDayNumber,
  instantToEpochMs,
  isIsoInstant,
  isLeapYear,
  londonDateOf,
  parseIsoDate,
  sameDayDeadline,
  toDayNumber,
  WorkingCalendar,
  weekdayOf,
} from '../../../src/calendar/index.js';

describe('day numbers (mutation tests)', () => {
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

describe('WorkingCalendar (mutation tests)', () => {
  it('counts back over Easter 2025: 18 Apr Good Friday, 19-20 weekend, 21 Easter Monday', () => {
    const cal = new WorkingCalendar();
    expect(cal.addWorkingDays('2025-04-22', -1)).toBe('2025-04-17');
    expect(cal.addWorkingDays('2025-04-22', -2)).toBe('2025-04-16');
    // From a non-working day, -1 is the last working day before it.
    expect(cal.addWorkingDays('2025-04-19', -1)).toBe('2025-04-17');
    expect(cal.addWorkingDays('2025-04-18', 1)).toBe('2025-04-22');
    expect(cal.addWorkingDays('2025-04-19', 0)).toBe('2025-04-19');
    expect(() => cal.addWorkingDays('2025-04-19', 1.5)).toThrow(/integer/);
    expect(cal.workingDaysBetween('2025-04-23', '2025-04-17')).toBe(-2);
    expect(cal.workingDaysBetween('2025-04-17', '2025-04-23')).toBe(2);
  });

  it('explains a backward count in date order', () => {
    const { date, skipped } = new WorkingCalendar().addWorkingDaysExplained('2025-04-22', -1);
    expect(date).toBe('2025-04-17');
    expect(skipped.map((s) => s.label)).toEqual([
      'Fri 18 Apr 2025 Good Friday (bank holiday)',
      'Sat 19 Apr 2025 weekend',
      'Sun 20 Apr 2025 weekend',
      'Mon 21 Apr 2025 Easter Monday (bank holiday)',
    ]);
    expect(new WorkingCalendar().skippedDays('2025-04-19', '2025-04-17')).toEqual([]);
    expect(new WorkingCalendar().skippedDays('2025-04-19', '2025-04-19')).toEqual([]);
  });

  it('a closure on a weekend reports the weekend; on a Monday, the closure', () => {
    const cal = new WorkingCalendar({ closures: ['2025-12-27', '2025-12-29'] });
    expect(cal.nonWorkingReason('2025-12-27')?.reason).toBe('weekend');
    expect(cal.nonWorkingReason('2025-12-29')).toEqual({
      date: '2025-12-29',
      reason: 'closure',
      label: 'Mon 29 Dec 2025 council closure',
    });
    expect(cal.nonWorkingReason('2025-12-25')).toEqual({
      date: '2025-12-25',
      reason: 'bank-holiday',
      name: 'Christmas Day',
      label: 'Thu 25 Dec 2025 Christmas Day (bank holiday)',
    });
    expect(cal.nonWorkingReason('2025-12-30')).toBeNull();
    // Wed 24 Dec + 1 passes 25, 26 (bank holidays), 27-28 (weekend) and 29 (closure).
    expect(cal.addWorkingDays('2025-12-24', 1)).toBe('2025-12-30');
    expect(() => new WorkingCalendar({ closures: ['2025-02-30'] })).toThrow('"2025-02-30"');
  });

  it('bankHolidays checks the year', () => {
    const cal = new WorkingCalendar();
    expect(() => cal.bankHolidays(999)).toThrow(RangeError);
    expect(() => cal.bankHolidays(10000)).toThrow(RangeError);
    expect(() => cal.bankHolidays(2025.5)).toThrow(RangeError);
    expect(cal.bankHolidays(2025).map((h) => h.date)).toEqual([
      '2025-01-01',
      '2025-04-18',
      '2025-04-21',
      '2025-05-05',
      '2025-05-26',
      '2025-08-25',
      '2025-12-25',
      '2025-12-26',
    ]);
  });

  it('long counts grow the tables and agree with a calendar built over the whole range', () => {
    const grown = new WorkingCalendar();
    const forward = grown.addWorkingDays('2025-01-02', 2000);
    const backward = grown.addWorkingDays('2025-01-02', -2000);
    const wide = new WorkingCalendar();
    wide.workingDaysBetween('2010-01-01', '2040-12-31');
    expect(wide.addWorkingDays('2025-01-02', 2000)).toBe(forward);
    expect(wide.addWorkingDays('2025-01-02', -2000)).toBe(backward);
    expect(wide.workingDaysBetween('2025-01-02', forward)).toBe(2000);
    expect(wide.workingDaysBetween(backward, '2025-01-02')).toBe(2000);
    expect(grown.isWorkingDay(forward) && grown.isWorkingDay(backward)).toBe(true);
  });

  it('counts that leave the years 1000-9999 are refused', () => {
    expect(() => new WorkingCalendar().addWorkingDays('9999-12-24', 10)).toThrow(/supported years/);
    expect(() => new WorkingCalendar().addWorkingDays('1000-01-08', -10)).toThrow(/supported years/);
  });
});

describe('clock deadlines (mutation tests)', () => {
  it('BST starts at 01:00 UTC on Sun 30 Mar 2025 and ends at 01:00 UTC on Sun 26 Oct 2025', () => {
    expect(clockDeadline('2025-03-30T00:59:59Z', 0).instant).toBe('2025-03-30T00:59:59+00:00');
    expect(clockDeadline('2025-03-30T01:00:00Z', 0).instant).toBe('2025-03-30T02:00:00+01:00');
    expect(clockDeadline('2025-10-26T00:59:59Z', 0).instant).toBe('2025-10-26T01:59:59+01:00');
    expect(clockDeadline('2025-10-26T01:00:00Z', 0).instant).toBe('2025-10-26T01:00:00+00:00');
    // 72 elapsed hours from Fri 15:00 GMT is Mon 15:00 UTC, 16:00 BST.
    expect(clockDeadline('2025-03-28T15:00:00Z', 72)).toEqual({
      instant: '2025-03-31T16:00:00+01:00',
      londonDate: '2025-03-31',
    });
  });

  it('before 1996 the offset comes from the time zone database', () => {
    expect(clockDeadline('1990-07-01T12:00:00Z', 0).instant).toBe('1990-07-01T13:00:00+01:00');
    expect(clockDeadline('1990-01-01T12:00:00Z', 1.5).instant).toBe('1990-01-01T13:30:00+00:00');
  });

  it('fractions of a second and offsets', () => {
    expect(clockDeadline('2025-06-01T10:00:00.5Z', 1).instant).toBe('2025-06-01T12:00:00.500+01:00');
    expect(instantToEpochMs('1970-01-01T01:30:00+01:30')).toBe(0);
    expect(instantToEpochMs('1969-12-31T22:00-02:00')).toBe(0);
    expect(instantToEpochMs('1970-01-01T00:00:00.0015Z')).toBe(1);
    expect(instantToEpochMs('1970-01-02T00:01:02Z')).toBe(86_400_000 + 62_000);
    expect(() => instantToEpochMs('2025-01-01T12:00:00')).toThrow(/Invalid ISO instant/);
  });

  it('isIsoInstant bounds each field', () => {
    expect(isIsoInstant('2025-01-01T23:59:59.123456789+23:59')).toBe(true);
    for (const bad of [
      '2025-01-01T24:00Z',
      '2025-01-01T12:60Z',
      '2025-01-01T12:00:60Z',
      '2025-01-01T12:00+24:00',
      '2025-01-01T12:00+00:60',
      '2025-02-30T12:00Z',
    ])
      expect(isIsoInstant(bad), bad).toBe(false);
  });

  it('negative or infinite hours are refused', () => {
    expect(() => clockDeadline('2025-01-01T12:00Z', -1)).toThrow(RangeError);
    expect(() => clockDeadline('2025-01-01T12:00Z', Infinity)).toThrow(RangeError);
    expect(() => dateOnlyClockDeadline('2025-01-01', -1)).toThrow(RangeError);
  });

  it('date-only deadlines end at 23:59:59 London time of the ceil(hours / 24)th day', () => {
    // ceil(72 / 24) = 3: Fri 28 Mar + 3 = Mon 31 Mar, in BST.
    expect(dateOnlyClockDeadline('2025-03-28', 72).instant).toBe('2025-03-31T23:59:59+01:00');
    // ceil(1 / 24) = 1, still GMT on Sat 29 Mar.
    expect(dateOnlyClockDeadline('2025-03-28', 1).instant).toBe('2025-03-29T23:59:59+00:00');
    expect(dateOnlyClockDeadline('2025-03-28', 0).londonDate).toBe('2025-03-28');
  });

  it('London dates of instants near midnight', () => {
    expect(londonDateOf('2025-06-30T23:30:00Z')).toBe('2025-07-01');
    expect(londonDateOf('2025-01-31T23:30:00Z')).toBe('2025-01-31');
    expect(sameDayDeadline('2025-07-28')).toBe('2025-07-28');
    expect(() => sameDayDeadline('2025-02-30')).toThrow(RangeError);
  });
});

describe('calendar months: the memo of date-fns answers', () => {
  it('answers the same before and after the memo fills and is cleared (31 Jan + 1 month = 28 Feb 2025)', () => {
    const jan31 = toDayNumber('2025-01-31');
    expect(addCalendarMonthsNum(jan31, 1)).toBe(toDayNumber('2025-02-28'));
    for (let day = 0; day < 100_050; day++) addCalendarMonthsNum(day, 1);
    expect(addCalendarMonthsNum(jan31, 1)).toBe(toDayNumber('2025-02-28'));
    // 2024-01-31 + 1 month is 29 Feb (leap year); + 13 months is 28 Feb 2025: one day, two keys.
    const jan31leap = toDayNumber('2024-01-31');
    expect(addCalendarMonthsNum(jan31leap, 1)).toBe(toDayNumber('2024-02-29'));
    expect(addCalendarMonthsNum(jan31leap, 13)).toBe(toDayNumber('2025-02-28'));
    // Month counts outside the memo's range are worked out directly.
    expect(addCalendarMonthsNum(jan31leap, 2400)).toBe(toDayNumber('2224-01-31'));
  });
});
