import { createRequire } from 'node:module';
import type HolidaysClass from 'date-holidays';
import { describe, expect, it, vi } from 'vitest';
import { createDateHolidaysSource, WorkingCalendar } from '../../../src/calendar/index.js';

// The class the calendar loads (date-holidays' CommonJS build, required on first use).
const Holidays = createRequire(import.meta.url)('date-holidays') as typeof HolidaysClass;
type HolidayEntry = ReturnType<HolidaysClass['getHolidays']>[number];

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
