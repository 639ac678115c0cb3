import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  toDayNumber,
  weekdayOf,
} from '../../../src/calendar/index.js';

const dayArb = fc.integer({ min: toDayNumber('1000-01-01'), max: toDayNumber('9999-12-31') });
const modernDayArb = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2200-12-31') });

describe('day-number properties', () => {
  it('fromDayNumber / toDayNumber round-trip', () => {
    fc.assert(
      fc.property(dayArb, (n) => {
        const iso = fromDayNumber(n);
        expect(isIsoDate(iso)).toBe(true);
        expect(toDayNumber(iso)).toBe(n);
      }),
    );
  });

  it('agrees with Date.UTC for the day number and getUTCDay for the weekday', () => {
    fc.assert(
      fc.property(dayArb, (n) => {
        const iso = fromDayNumber(n);
        const utc = Date.parse(`${iso}T00:00:00Z`);
        expect(utc / 86_400_000).toBe(n);
        expect(weekdayOf(n)).toBe(new Date(utc).getUTCDay());
      }),
    );
  });

  it('isIsoDate accepts exactly what Date round-trips', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const utc = new Date(Date.UTC(2000, 0, 1));
          utc.setUTCFullYear(y, m - 1, d);
          const real = m >= 1 && m <= 12 && d >= 1 && utc.toISOString().slice(0, 10) === iso;
          expect(isIsoDate(iso)).toBe(real);
        },
      ),
    );
  });
});

describe('addCalendarMonths properties', () => {
  it('day of month = min(anchor day, days in target month): no drift, always from the anchor', () => {
    fc.assert(
      fc.property(modernDayArb, fc.integer({ min: -240, max: 240 }), (anchorNum, n) => {
        const anchor = fromDayNumber(anchorNum);
        const [ay = 0, am = 0, ad = 0] = anchor.split('-').map(Number);
        const total = ay * 12 + (am - 1) + n;
        const ty = Math.floor(total / 12);
        const tm = total - ty * 12 + 1;
        const result = addCalendarMonths(anchor, n);
        const [ry = 0, rm = 0, rd = 0] = result.split('-').map(Number);
        expect([ry, rm]).toEqual([ty, tm]);
        expect(rd).toBe(Math.min(ad, daysInMonth(ty, tm)));
      }),
    );
  });
});
