import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../../src/calendar/index.js';

interface Fixture {
  readonly events: readonly { readonly date: string; readonly title: string }[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../fixtures/bank-holidays-england-2018-2027.json', import.meta.url), 'utf8'),
) as Fixture;

const calendar = new WorkingCalendar();
const years = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027];

describe('bank holidays equal the published GOV.UK England & Wales list (fixture typed by hand)', () => {
  it.each(years)('%i', (year) => {
    const published = fixture.events.filter((e) => e.date.startsWith(`${year}-`)).map((e) => e.date);
    expect(calendar.bankHolidays(year).map((h) => h.date)).toEqual(published);
    for (const date of published) expect(calendar.isWorkingDay(date)).toBe(false);
  });

  it('includes the one-off days', () => {
    const dates = new Set(fixture.events.map((e) => e.date));
    for (const oneOff of ['2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08']) {
      expect(dates.has(oneOff)).toBe(true);
      expect(calendar.nonWorkingReason(oneOff)?.reason).toBe('bank-holiday');
    }
    // 8 May 2020 replaced the first Monday (4 May 2020), which was a working day.
    expect(calendar.isWorkingDay('2020-05-04')).toBe(true);
  });

  it('substitute days: 28 Dec 2026, 27 and 28 Dec 2027', () => {
    expect(calendar.nonWorkingReason('2026-12-28')?.label).toBe(
      'Mon 28 Dec 2026 Boxing Day (substitute day) (bank holiday)',
    );
    expect(calendar.nonWorkingReason('2027-12-27')?.reason).toBe('bank-holiday');
    expect(calendar.nonWorkingReason('2027-12-28')?.reason).toBe('bank-holiday');
    // Christmas Day 2027 is a Saturday: reported as a weekend, as in the published list (substitute on the 27th).
    expect(calendar.nonWorkingReason('2027-12-25')?.reason).toBe('weekend');
  });
});
