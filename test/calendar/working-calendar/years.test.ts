import Holidays from 'date-holidays';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkingCalendar } from '../../../src/calendar/index.js';
import { evaluate } from '../../../src/front-door.js';

/** The years date-holidays is asked about while `run` runs. */
function yearsAsked(run: () => void): Set<number> {
  const spy = vi.spyOn(Holidays.prototype, 'getHolidays');
  run();
  const years = new Set(spy.mock.calls.map((c) => Number(c[0])));
  spy.mockRestore();
  return years;
}

describe('the calendar builds only the years a history needs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('working days in 1123 and in 9871 build those years, not the 8,700 between', () => {
    const cal = new WorkingCalendar();
    const years = yearsAsked(() => {
      // Fri 1123-01-05 + 1 working day: Mon 1123-01-08 (6–7 Jan a weekend; 1123 has no bank holiday then).
      expect(cal.addWorkingDays('1123-01-05', 1)).toBe('1123-01-08');
      // Sun 9871-12-31 + 1 working day leaves the year: Mon 9872-01-01 is New Year's Day, so Tue 9872-01-02.
      expect(cal.addWorkingDays('9871-12-31', 1)).toBe('9872-01-02');
    });
    for (const y of years) expect(y === 1123 || y === 9871 || y === 9872).toBe(true);
  });

  it('a count of more working days than the supported years hold is a RangeError at once', () => {
    const years = yearsAsked(() => {
      expect(() => new WorkingCalendar().addWorkingDays('2025-01-01', 1e9)).toThrow(RangeError);
    });
    expect(years.size).toBe(0);
  });

  it('a count across a year end steps into the next year and back', () => {
    const cal = new WorkingCalendar();
    // Wed 24 Dec 2025 + 3: Fri 26 Dec (Boxing Day) skipped, 25 Dec too → Mon 29, Tue 30, Wed 31 Dec.
    expect(cal.addWorkingDays('2025-12-24', 3)).toBe('2025-12-31');
    // + 4: Thu 1 Jan 2026 is New Year's Day → Fri 2 Jan 2026.
    expect(cal.addWorkingDays('2025-12-24', 4)).toBe('2026-01-02');
    expect(cal.addWorkingDays('2026-01-02', -4)).toBe('2025-12-24');
    // Working days in (24 Dec 2025, 2 Jan 2026]: 29, 30, 31 Dec, 2 Jan = 4; reversed: −4.
    expect(cal.workingDaysBetween('2025-12-24', '2026-01-02')).toBe(4);
    expect(cal.workingDaysBetween('2026-01-02', '2025-12-24')).toBe(-4);
    // 2024 (leap, from a Monday) has 262 weekdays less 8 bank holidays = 254 working days; 2025 has
    // 261 − 8 = 253: from 31 Dec 2023 to 31 Dec 2025 that is 254 + 253 = 507.
    expect(cal.workingDaysBetween('2023-12-31', '2025-12-31')).toBe(507);
  });

  it('an evaluation with sessions in 1123 and 9671 asks only about the years near them', () => {
    const history = {
      staff: [{ id: 'S1', role: 'social-worker', startDate: '1123-01-02' }],
      events: [
        { id: 'E1', type: 'one-to-one', date: '1123-01-03', superviseeId: 'S1', recordedAt: '1123-01-03' },
        { id: 'E2', type: 'one-to-one', date: '9671-11-02', superviseeId: 'S1', recordedAt: '9671-11-02' },
      ],
      recordsFrom: '9671-01-01',
    };
    const years = yearsAsked(() => evaluate('nottingham', history, { asOf: '9671-12-01' }));
    expect(years.size).toBeLessThan(20);
  });
});
