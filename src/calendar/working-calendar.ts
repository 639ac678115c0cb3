import { type BankHoliday, type BankHolidaySource, createBankHolidaySource } from './bank-holidays.js';
import {
  civilFromDays,
  daysFromCivil,
  fromDayNumber,
  MAX_YEAR,
  MIN_YEAR,
  toDayNumber,
  weekdayOf,
} from './day-number.js';
import { formatDayNumber } from './format.js';
import type { SkippedDay } from './skipped-day.js';

/**
 * Options for {@link WorkingCalendar}.
 *
 * @example
 * const options: WorkingCalendarOptions = { closures: ['2025-12-29'] };
 */
export interface WorkingCalendarOptions {
  /** Council closure days ('YYYY-MM-DD') that are not working days, on top of weekends and bank holidays. */
  readonly closures?: readonly string[];
}

/**
 * The result of {@link WorkingCalendar.addWorkingDaysExplained}.
 *
 * @example
 * const { date, skipped } = new WorkingCalendar().addWorkingDaysExplained('2025-05-23', 1); // date '2025-05-27'
 */
export interface ExplainedWorkingDays {
  /** ISO 'YYYY-MM-DD' result. */
  readonly date: string;
  /** Non-working days passed over between the start (exclusive) and the result. */
  readonly skipped: SkippedDay[];
}

const WORKING = 0;
const WEEKEND = 1;
const BANK_HOLIDAY = 2;
const CLOSURE = 3;

/** Lookup tables for one year. */
interface Tables {
  readonly year: number;
  /** Day number of 1 Jan of the year. */
  readonly base: number;
  /** Day number of 1 Jan of the next year: first day not covered. */
  readonly end: number;
  /** kind[d - base]: WORKING, WEEKEND, BANK_HOLIDAY or CLOSURE. */
  readonly kind: Uint8Array;
  /** ordinal[d - base]: number of working days in [base, d]. */
  readonly ordinal: Int32Array;
  /** workDays[k - 1]: the day number of the k-th working day of the year. */
  readonly workDays: Int32Array;
  /** Bank holiday names by day number. */
  readonly names: ReadonlyMap<number, string>;
}

function yearOf(dayNumber: number): number {
  return civilFromDays(dayNumber).year;
}

function checkCount(n: number): void {
  if (!Number.isInteger(n)) throw new RangeError(`Working-day count must be an integer: ${n}`);
}

/**
 * England working-day calendar: Monday to Friday, except England & Wales bank holidays and the
 * council closure days given to the constructor.
 *
 * The holiday tables are built lazily, one year at a time and only for the years asked about (a
 * history with sessions in 1100 and in 2025 builds those years, not the nine centuries between).
 * Within a year, working-day arithmetic on day numbers is O(1): an ordinal index counts the working
 * days up to each day, and a second array lists the working days by ordinal; a count that runs into
 * another year steps one year at a time.
 *
 * @example
 * const calendar = new WorkingCalendar({ closures: ['2025-12-29'] });
 * calendar.addWorkingDays('2026-12-24', 1); // '2026-12-29'
 * calendar.isWorkingDay('2025-12-29'); // false (council closure)
 */
/**
 * One bank holiday source for every calendar: its answers depend on the year alone, and building
 * date-holidays' rules for England, for a year outside the generated table, costs about as much as
 * a small evaluation.
 */
let shared: BankHolidaySource | undefined;
function sharedHolidays(): BankHolidaySource {
  shared ??= createBankHolidaySource();
  return shared;
}

export class WorkingCalendar {
  readonly #closures: ReadonlySet<number>;
  readonly #source = sharedHolidays();
  readonly #years = new Map<number, Tables>();
  /** The year used last: most lookups fall in it. */
  #last: Tables | undefined;

  /**
   * @param options - `closures`: council closure days as 'YYYY-MM-DD' (a RangeError names any bad value).
   * @example
   * new WorkingCalendar({ closures: ['2025-12-29', '2025-12-30'] });
   */
  constructor(options: WorkingCalendarOptions = {}) {
    const closures = new Set<number>();
    for (const value of options.closures ?? []) {
      let dayNumber: number;
      try {
        dayNumber = toDayNumber(value);
      } catch {
        throw new RangeError(
          `Invalid closure date (expected a real YYYY-MM-DD date): ${JSON.stringify(value)}`,
        );
      }
      closures.add(dayNumber);
    }
    this.#closures = closures;
  }

  /**
   * England & Wales bank holidays (Monday to Friday) in `year`, in date order.
   *
   * @example
   * new WorkingCalendar().bankHolidays(2025)[1]; // { date: '2025-04-18', name: 'Good Friday' }
   */
  bankHolidays(year: number): readonly BankHoliday[] {
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
      throw new RangeError(`Year must be an integer from ${MIN_YEAR} to ${MAX_YEAR}: ${year}`);
    }
    return this.#source.holidays(year);
  }

  /**
   * Whether the ISO date is a working day.
   *
   * @example
   * new WorkingCalendar().isWorkingDay('2025-04-18'); // false (Good Friday)
   */
  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNum(toDayNumber(date));
  }

  /**
   * Whether the day number is a working day (hot path).
   *
   * @example
   * new WorkingCalendar().isWorkingDayNum(toDayNumber('2025-07-28')); // true
   */
  isWorkingDayNum(d: number): boolean {
    const t = this.#at(d);
    return t.kind[d - t.base] === WORKING;
  }

  /**
   * For n ≥ 1 the nth working day strictly after `date`; n = 0 returns `date`; for n < 0 the |n|th
   * working day strictly before `date`.
   *
   * @example
   * new WorkingCalendar().addWorkingDays('2026-12-24', 1); // '2026-12-29'
   * new WorkingCalendar().addWorkingDays('2025-03-01', 1); // '2025-03-03'
   */
  addWorkingDays(date: string, n: number): string {
    return fromDayNumber(this.addWorkingDaysNum(toDayNumber(date), n));
  }

  /**
   * Day-number twin of {@link WorkingCalendar.addWorkingDays}; O(1) once the years are covered.
   *
   * @example
   * const cal = new WorkingCalendar();
   * fromDayNumber(cal.addWorkingDaysNum(toDayNumber('2025-04-17'), 2)); // '2025-04-23'
   */
  addWorkingDaysNum(d: number, n: number): number {
    checkCount(n);
    if (n === 0) return d;
    // More working days than the supported years hold: refused before building any year.
    if (Math.abs(n) > 262 * (MAX_YEAR - MIN_YEAR + 1)) {
      throw new RangeError(`Working-day calculation leaves the supported years ${MIN_YEAR}–${MAX_YEAR}`);
    }
    let t = this.#at(d);
    if (n > 0) {
      let target = (t.ordinal[d - t.base] ?? 0) + n;
      while (target > t.workDays.length) {
        target -= t.workDays.length;
        t = this.#year(t.year + 1);
      }
      return t.workDays[target - 1] ?? d;
    }
    const before = (t.ordinal[d - t.base] ?? 0) - (t.kind[d - t.base] === WORKING ? 1 : 0);
    let target = before + n + 1;
    while (target < 1) {
      t = this.#year(t.year - 1);
      target += t.workDays.length;
    }
    return t.workDays[target - 1] ?? d;
  }

  /**
   * Number of working days d with a < d ≤ b (the negative of the reverse count when b < a), so that
   * `workingDaysBetween(a, addWorkingDays(a, n)) === n` for n ≥ 0.
   *
   * @example
   * new WorkingCalendar().workingDaysBetween('2025-04-17', '2025-04-23'); // 2
   */
  workingDaysBetween(a: string, b: string): number {
    return this.workingDaysBetweenNum(toDayNumber(a), toDayNumber(b));
  }

  /**
   * Day-number twin of {@link WorkingCalendar.workingDaysBetween}; O(1) once the years are covered.
   *
   * @example
   * new WorkingCalendar().workingDaysBetweenNum(toDayNumber('2025-04-17'), toDayNumber('2025-04-23')); // 2
   */
  workingDaysBetweenNum(a: number, b: number): number {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const tLo = this.#at(lo);
    const tHi = this.#at(hi);
    let count = (tHi.ordinal[hi - tHi.base] ?? 0) - (tLo.ordinal[lo - tLo.base] ?? 0);
    for (let year = tLo.year; year < tHi.year; year++) count += this.#year(year).workDays.length;
    return b >= a || count === 0 ? count : -count;
  }

  /**
   * Why the date is not a working day, or null for a working day. A closure on a weekend or bank
   * holiday reports the weekend / bank holiday.
   *
   * @example
   * new WorkingCalendar().nonWorkingReason('2025-04-19')?.label; // 'Sat 19 Apr 2025 weekend'
   */
  nonWorkingReason(date: string): SkippedDay | null {
    const d = toDayNumber(date);
    return this.#describe(this.#at(d), d);
  }

  /**
   * The non-working days d with a < d ≤ b, in order (empty when b ≤ a).
   *
   * @example
   * new WorkingCalendar().skippedDays('2025-04-17', '2025-04-19').map((s) => s.label);
   * // ['Fri 18 Apr 2025 Good Friday (bank holiday)', 'Sat 19 Apr 2025 weekend']
   */
  skippedDays(a: string, b: string): SkippedDay[] {
    return this.#skippedBetween(toDayNumber(a), toDayNumber(b));
  }

  /**
   * {@link WorkingCalendar.addWorkingDays} plus the non-working days passed over between `date`
   * (exclusive) and the result (for negative n: between the result and `date`, in date order).
   *
   * @example
   * new WorkingCalendar().addWorkingDaysExplained('2025-05-23', 1);
   * // { date: '2025-05-27', skipped: [Sat 24 May weekend, Sun 25 May weekend, Mon 26 May Spring bank holiday] }
   */
  addWorkingDaysExplained(date: string, n: number): ExplainedWorkingDays {
    const start = toDayNumber(date);
    const result = this.addWorkingDaysNum(start, n);
    const skipped =
      result >= start ? this.#skippedBetween(start, result) : this.#skippedBetween(result, start);
    return { date: fromDayNumber(result), skipped };
  }

  #skippedBetween(a: number, b: number): SkippedDay[] {
    const out: SkippedDay[] = [];
    if (b <= a) return out;
    for (let d = a + 1; d <= b; d++) {
      const s = this.#describe(this.#at(d), d);
      if (s !== null) out.push(s);
    }
    return out;
  }

  #describe(t: Tables, d: number): SkippedDay | null {
    const kind = t.kind[d - t.base];
    const date = fromDayNumber(d);
    const shown = formatDayNumber(d);
    switch (kind) {
      case WEEKEND:
        return { date, reason: 'weekend', label: `${shown} weekend` };
      case BANK_HOLIDAY: {
        const name = t.names.get(d) ?? 'Bank holiday';
        return { date, reason: 'bank-holiday', name, label: `${shown} ${name} (bank holiday)` };
      }
      case CLOSURE:
        return { date, reason: 'closure', label: `${shown} council closure` };
      default:
        return null;
    }
  }

  /** The tables of the year holding day number `d`. */
  #at(d: number): Tables {
    const t = this.#last;
    if (t !== undefined && d >= t.base && d < t.end) return t;
    const found = this.#year(yearOf(d));
    this.#last = found;
    return found;
  }

  /** The tables of `year`, built on first use. */
  #year(year: number): Tables {
    const known = this.#years.get(year);
    if (known !== undefined) return known;
    if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
      throw new RangeError(`Working-day calculation leaves the supported years ${MIN_YEAR}–${MAX_YEAR}`);
    }
    const base = daysFromCivil(year, 1, 1);
    const end = daysFromCivil(year + 1, 1, 1);
    const span = end - base;
    const kind = new Uint8Array(span);
    const names = new Map<number, string>();
    for (const h of this.#source.holidays(year)) {
      const d = toDayNumber(h.date);
      kind[d - base] = BANK_HOLIDAY;
      names.set(d, h.name);
    }
    for (const d of this.#closures) {
      if (d >= base && d < end && kind[d - base] === WORKING) kind[d - base] = CLOSURE;
    }
    const ordinal = new Int32Array(span);
    const work: number[] = [];
    let weekday = weekdayOf(base);
    for (let i = 0; i < span; i++) {
      if (weekday === 0 || weekday === 6) kind[i] = WEEKEND;
      else if (kind[i] === WORKING) work.push(base + i);
      ordinal[i] = work.length;
      weekday = weekday === 6 ? 0 : weekday + 1;
    }
    const tables: Tables = { year, base, end, kind, ordinal, workDays: Int32Array.from(work), names };
    this.#years.set(year, tables);
    return tables;
  }
}
