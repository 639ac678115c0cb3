import { describe, expect, it } from 'vitest';
import { addCalendarMonthsNum, fromDayNumber, toDayNumber } from '../../src/calendar/index.js';

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
