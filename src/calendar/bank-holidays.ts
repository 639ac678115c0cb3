import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import { FIRST_YEAR, LAST_YEAR, NAMES, YEARS } from './bank-holiday-table.js';
import { daysFromCivil, parseIsoDate, weekdayOf } from './day-number.js';

/**
 * One England & Wales bank holiday.
 *
 * @example
 * const goodFriday: BankHoliday = { date: '2025-04-18', name: 'Good Friday' };
 */
export interface BankHoliday {
  /** ISO 'YYYY-MM-DD'. */
  readonly date: string;
  readonly name: string;
}

/**
 * Source of England & Wales bank holidays by year.
 *
 * @example
 * const source: BankHolidaySource = createDateHolidaysSource();
 * source.holidays(2025).length; // 8
 */
export interface BankHolidaySource {
  /** The bank holidays falling in `year`, in date order. */
  holidays(year: number): readonly BankHoliday[];
}

/**
 * Creates a source backed by date-holidays (`new Holidays('GB', 'ENG')`, types 'public' and 'bank').
 *
 * Only the entry's `date` string is used (its first 10 characters), never `start` or `isHoliday`,
 * which depend on the host time zone. Entries on a Saturday or Sunday are dropped: date-holidays also
 * lists e.g. Boxing Day on Sat 26 Dec 2026 next to its substitute Mon 28 Dec 2026, whereas the
 * published GOV.UK list has only the substitute day (the weekend day is not a working day anyway).
 * date-holidays is loaded on first use (it holds every country's rules: loading it costs an import
 * several times what the rest of this library does), and each year is asked for once.
 *
 * @example
 * const source = createDateHolidaysSource();
 * source.holidays(2026).at(-1); // { date: '2026-12-28', name: 'Boxing Day (substitute day)' }
 */
export function createDateHolidaysSource(): BankHolidaySource {
  let instance: Holidays | undefined;
  const byYear = new Map<number, readonly BankHoliday[]>();
  return {
    holidays(year: number): readonly BankHoliday[] {
      const cached = byYear.get(year);
      if (cached !== undefined) return cached;
      instance ??= loadDateHolidays();
      const seen = new Set<string>();
      const list: BankHoliday[] = [];
      for (const entry of instance.getHolidays(year)) {
        if (entry.type !== 'public' && entry.type !== 'bank') continue;
        const date = entry.date.slice(0, 10);
        const parts = parseIsoDate(date);
        if (parts === null || parts.year !== year || seen.has(date)) continue;
        const weekday = weekdayOf(daysFromCivil(parts.year, parts.month, parts.day));
        if (weekday === 0 || weekday === 6) continue;
        seen.add(date);
        list.push(Object.freeze({ date, name: entry.name }));
      }
      list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const frozen = Object.freeze(list);
      byYear.set(year, frozen);
      return frozen;
    },
  };
}

/** date-holidays' England calendar, loaded when first needed (CommonJS, so synchronously). */
function loadDateHolidays(): Holidays {
  let HolidaysClass: typeof Holidays;
  try {
    HolidaysClass = createRequire(import.meta.url)('date-holidays') as typeof Holidays;
  } catch (e) {
    // A bundle that left date-holidays out, run where it cannot be found.
    throw new Error(
      `date-holidays could not be loaded; the bank holidays of years outside ${FIRST_YEAR}–${LAST_YEAR} come from it (${(e as Error).message})`,
    );
  }
  return new HolidaysClass('GB', 'ENG');
}

/**
 * The bank holiday source every {@link WorkingCalendar} uses unless given another: a table generated
 * from date-holidays (`bank-holiday-table.ts`, years {@link FIRST_YEAR} to {@link LAST_YEAR}; a test
 * checks it equals date-holidays year by year), and date-holidays itself for any other year. The
 * table spares an integrator's process from loading date-holidays at all.
 *
 * @example
 * const source = createBankHolidaySource();
 * source.holidays(2025).length; // 8 (from the table)
 * source.holidays(1900).length; // from date-holidays, loaded then
 */
export function createBankHolidaySource(): BankHolidaySource {
  let fallback: BankHolidaySource | undefined;
  const byYear = new Map<number, readonly BankHoliday[]>();
  return {
    holidays(year: number): readonly BankHoliday[] {
      if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) {
        fallback ??= createDateHolidaysSource();
        return fallback.holidays(year);
      }
      const cached = byYear.get(year);
      if (cached !== undefined) return cached;
      const row = YEARS[year - FIRST_YEAR]!;
      const list: BankHoliday[] = [];
      for (let i = 0; i < row.length; i += 6)
        list.push(
          Object.freeze({
            date: `${year}-${row.slice(i, i + 2)}-${row.slice(i + 2, i + 4)}`,
            name: NAMES[Number(row.slice(i + 4, i + 6))]!,
          }),
        );
      const frozen = Object.freeze(list);
      byYear.set(year, frozen);
      return frozen;
    },
  };
}
