import { describe, expect, it, vi } from 'vitest';
import { londonWallTime } from '../../../src/calendar/clock.js';
import {
  clockDeadline,
  dateOnlyClockDeadline,
  fromDayNumber,
  instantToEpochMs,
  isIsoInstant,
  londonDateOf,
  londonDayNumberOfEpochMs,
  sameDayDeadline,
} from '../../../src/calendar/index.js';
import { asString, utcDay } from '../oracle.js';

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

describe('a freshly loaded clock module (no London offset year cached yet)', () => {
  // The offset bounds of each year are kept for the life of the module: a test run that loads the module
  // once would otherwise only check the years nobody asked about before.
  it('works the last Sundays out again: 2025, 2024 and 2026 asked in turn', async () => {
    vi.resetModules();
    const fresh = await import('../../../src/calendar/clock.js');
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

describe('clock deadlines: offsets before 1996, fractions, field bounds, refusals', () => {
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

describe('londonWallTime: the wall-clock time of an instant, each minute written once and kept', () => {
  it('midnight, a minute before it, 09:05 in GMT and in BST, twice over (the second time from what was kept)', () => {
    const instants = [
      '2025-01-15T00:00:00Z',
      '2025-01-15T23:59:59Z',
      '2025-01-15T09:05:00Z',
      '2025-07-15T08:05:00Z',
      '2025-07-15T22:59:00Z',
    ];
    const expected = [
      [20103, '00:00'],
      [20103, '23:59'],
      [20103, '09:05'],
      [20284, '09:05'],
      [20284, '23:59'],
    ];
    for (let round = 0; round < 2; round++)
      expect(instants.map((i) => Object.values(londonWallTime(i)))).toEqual(expected);
  });
});
