// The bank holiday table (src/calendar/bank-holiday-table.ts) is generated from date-holidays, and
// must equal it year by year. `npm run holidays` (UPDATE_HOLIDAYS=1) writes it again, after a
// date-holidays upgrade for instance.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRST_YEAR, LAST_YEAR } from '../../src/calendar/bank-holiday-table.js';
import {
  type BankHoliday,
  createBankHolidaySource,
  createDateHolidaysSource,
} from '../../src/calendar/bank-holidays.js';

const file = resolve(import.meta.dirname, '../../src/calendar/bank-holiday-table.ts');
const FIRST = 1950;
const LAST = 2150;

/** A list of strings as the formatter writes it: one a line, single quotes unless the string has one. */
const list = (xs: readonly string[]) =>
  `[\n${xs.map((x) => `  ${x.includes("'") ? JSON.stringify(x) : `'${x}'`},\n`).join('')}]`;

/** The table's source text, from date-holidays. */
function tableText(): string {
  const source = createDateHolidaysSource();
  const names: string[] = [];
  const index = (name: string) => {
    if (!names.includes(name)) names.push(name);
    return String(names.indexOf(name)).padStart(2, '0');
  };
  const years: string[] = [];
  for (let year = FIRST; year <= LAST; year++)
    years.push(
      source
        .holidays(year)
        .map((h) => `${h.date.slice(5, 7)}${h.date.slice(8, 10)}${index(h.name)}`)
        .join(''),
    );
  if (names.length > 100) throw new Error('two digits per name index');
  const version = JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../node_modules/date-holidays/package.json'), 'utf8'),
  ).version;
  return `// Generated from date-holidays ${version} (England, types public and bank, Monday to Friday) by
// test/calendar/bank-holiday-table.test.ts: \`npm run holidays\` writes it again. Do not edit.

/** The first year the table holds. */
export const FIRST_YEAR = ${FIRST};
/** The last year the table holds; any other year is asked of date-holidays. */
export const LAST_YEAR = ${LAST};
/** The bank holidays' names, by the two digits after each date in {@link YEARS}. */
export const NAMES: readonly string[] = ${list(names)};
/** Per year from {@link FIRST_YEAR}: each bank holiday as MMDD and its name's index (two digits), in date order. */
export const YEARS: readonly string[] = ${list(years)};
`;
}

describe('the generated bank holiday table', () => {
  it('is what date-holidays gives today (npm run holidays writes it)', () => {
    const text = tableText();
    if (process.env.UPDATE_HOLIDAYS) writeFileSync(file, text);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('equals date-holidays year by year, and asks date-holidays outside its years', () => {
    const table = createBankHolidaySource();
    const library = createDateHolidaysSource();
    expect([FIRST_YEAR, LAST_YEAR]).toEqual([FIRST, LAST]);
    const differ: number[] = [];
    for (let year = FIRST_YEAR - 3; year <= LAST_YEAR + 3; year++)
      if (JSON.stringify(table.holidays(year)) !== JSON.stringify(library.holidays(year))) differ.push(year);
    expect(differ).toEqual([]);
    // Worked by hand: 2025's eight (GOV.UK), and 1000 and 9999 from date-holidays.
    const dates = (list: readonly BankHoliday[]) => list.map((h) => h.date);
    expect(dates(table.holidays(2025))).toEqual([
      '2025-01-01',
      '2025-04-18',
      '2025-04-21',
      '2025-05-05',
      '2025-05-26',
      '2025-08-25',
      '2025-12-25',
      '2025-12-26',
    ]);
    expect(table.holidays(1000)).toEqual(library.holidays(1000));
    expect(table.holidays(9999)).toEqual(library.holidays(9999));
    expect(Object.isFrozen(table.holidays(2025))).toBe(true);
    expect(Object.isFrozen(table.holidays(2025)[0])).toBe(true);
  });
});
