import { describe, expect, it } from 'vitest';
import { describeSkipped, fromDayNumber, toDayNumber, WorkingCalendar } from '../../../src/calendar/index.js';

const calendar = new WorkingCalendar();

describe('addWorkingDays worked examples', () => {
  it('Thu 24 Dec 2026 + 1 = Tue 29 Dec 2026 (25 Christmas, 26 Sat, 27 Sun, 28 substitute Boxing Day)', () => {
    const explained = calendar.addWorkingDaysExplained('2026-12-24', 1);
    expect(explained.date).toBe('2026-12-29');
    expect(explained.skipped.map((s) => s.label)).toEqual([
      'Fri 25 Dec 2026 Christmas Day (bank holiday)',
      'Sat 26 Dec 2026 weekend',
      'Sun 27 Dec 2026 weekend',
      'Mon 28 Dec 2026 Boxing Day (substitute day) (bank holiday)',
    ]);
    expect(explained.skipped.map((s) => s.reason)).toEqual([
      'bank-holiday',
      'weekend',
      'weekend',
      'bank-holiday',
    ]);
    expect(calendar.addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
  });

  it('Sat 1 Mar 2025 + 1 = Mon 3 Mar 2025 (counting starts strictly after the start day; Sun 2 skipped)', () => {
    expect(calendar.addWorkingDays('2025-03-01', 1)).toBe('2025-03-03');
  });

  it('Thu 17 Apr 2025 + 2 = Wed 23 Apr 2025 (Good Friday 18, Sat 19, Sun 20, Easter Monday 21; 1 = Tue 22)', () => {
    expect(calendar.addWorkingDays('2025-04-17', 2)).toBe('2025-04-23');
    expect(describeSkipped(calendar.skippedDays('2025-04-17', '2025-04-23'))).toBe(
      'Fri 18 Apr 2025 Good Friday (bank holiday); Sat 19 Apr 2025 weekend; Sun 20 Apr 2025 weekend; ' +
        'Mon 21 Apr 2025 Easter Monday (bank holiday)',
    );
  });

  it('Fri 28 Nov 2025 + 25 = Wed 7 Jan 2026 (Dec: 1–5, 8–12, 15–19, 22–24 = 18; 29–31 = 21; Jan 2, 5, 6, 7 = 25)', () => {
    expect(calendar.addWorkingDays('2025-11-28', 25)).toBe('2026-01-07');
  });

  it('Mon 1 Dec 2025 + 25 = Thu 8 Jan 2026 (2–5 = 4, 8–12 = 9, 15–19 = 14, 22–24 = 17, 29–31 = 20, Jan 2, 5–8 = 25)', () => {
    expect(calendar.addWorkingDays('2025-12-01', 25)).toBe('2026-01-08');
  });

  it('with a council closure on Mon 29 Dec 2025, Mon 1 Dec 2025 + 25 = Fri 9 Jan 2026 (one more day)', () => {
    const withClosure = new WorkingCalendar({ closures: ['2025-12-29'] });
    expect(withClosure.addWorkingDays('2025-12-01', 25)).toBe('2026-01-09');
    expect(withClosure.nonWorkingReason('2025-12-29')?.label).toBe('Mon 29 Dec 2025 council closure');
    // Closures belong to the instance: a plain calendar still says Thu 8 Jan 2026.
    expect(new WorkingCalendar().addWorkingDays('2025-12-01', 25)).toBe('2026-01-08');
    expect(calendar.addWorkingDays('2025-12-01', 25)).toBe('2026-01-08');
  });

  it('Mon 15 Dec 2025 + 25 = Thu 22 Jan 2026 (25, 26 Dec and 1 Jan skipped: 16–19 = 4, 22–24 = 7, 29–31 = 10, Jan 2 = 11, 5–9 = 16, 12–16 = 21, 19–22 = 25)', () => {
    const explained = calendar.addWorkingDaysExplained('2025-12-15', 25);
    expect(explained.date).toBe('2026-01-22');
    expect(explained.skipped.filter((s) => s.reason === 'bank-holiday').map((s) => s.date)).toEqual([
      '2025-12-25',
      '2025-12-26',
      '2026-01-01',
    ]);
  });

  it('Fri 23 May 2025 + 1 = Tue 27 May 2025 (Sat 24, Sun 25, Mon 26 Spring bank holiday)', () => {
    expect(calendar.addWorkingDays('2025-05-23', 1)).toBe('2025-05-27');
  });

  it('Thu 2 Apr 2026 + 2 = Wed 8 Apr 2026 (Good Friday 3, Sat 4, Sun 5, Easter Monday 6; 1 = Tue 7)', () => {
    expect(calendar.addWorkingDays('2026-04-02', 2)).toBe('2026-04-08');
  });

  it('Thu 21 Aug 2025 + 2 = Tue 26 Aug 2025 (1 = Fri 22; Sat 23, Sun 24, Mon 25 Summer bank holiday)', () => {
    expect(calendar.addWorkingDays('2025-08-21', 2)).toBe('2025-08-26');
  });

  it('n = 0 returns the date itself, even on a non-working day', () => {
    expect(calendar.addWorkingDays('2025-04-19', 0)).toBe('2025-04-19');
    expect(calendar.addWorkingDaysExplained('2025-04-19', 0)).toEqual({ date: '2025-04-19', skipped: [] });
  });

  it('negative n counts back strictly before the date: Tue 22 Apr 2025 − 1 = Thu 17 Apr 2025', () => {
    expect(calendar.addWorkingDays('2025-04-22', -1)).toBe('2025-04-17');
    expect(calendar.addWorkingDays('2025-04-19', -1)).toBe('2025-04-17'); // Sat: Fri 18 is Good Friday
    expect(calendar.addWorkingDays('2025-04-17', -1)).toBe('2025-04-16');
    expect(calendar.addWorkingDaysExplained('2025-04-22', -1).skipped.map((s) => s.date)).toEqual([
      '2025-04-18',
      '2025-04-19',
      '2025-04-20',
      '2025-04-21',
    ]);
  });

  it('crosses many years in both directions (table grows on demand)', () => {
    const cal = new WorkingCalendar();
    const far = cal.addWorkingDays('2025-01-02', 2500);
    expect(cal.workingDaysBetween('2025-01-02', far)).toBe(2500);
    expect(cal.addWorkingDays(far, -2500)).toBe('2025-01-02');
    const back = cal.addWorkingDays('2025-01-02', -2500);
    expect(cal.workingDaysBetween(back, '2025-01-02')).toBe(2500);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days d with a < d ≤ b, negated when b < a', () => {
    // Thu 17 Apr 2025 → Wed 23 Apr 2025: Tue 22, Wed 23.
    expect(calendar.workingDaysBetween('2025-04-17', '2025-04-23')).toBe(2);
    expect(calendar.workingDaysBetween('2025-04-23', '2025-04-17')).toBe(-2);
    expect(calendar.workingDaysBetween('2025-04-17', '2025-04-17')).toBe(0);
    // Sat 19 → Mon 21 (Easter Monday): nothing.
    expect(calendar.workingDaysBetween('2025-04-19', '2025-04-21')).toBe(0);
  });

  it('has day-number twins', () => {
    const a = toDayNumber('2025-12-01');
    const b = calendar.addWorkingDaysNum(a, 25);
    expect(fromDayNumber(b)).toBe('2026-01-08');
    expect(calendar.workingDaysBetweenNum(a, b)).toBe(25);
    expect(calendar.isWorkingDayNum(b)).toBe(true);
    expect(calendar.isWorkingDayNum(toDayNumber('2025-12-25'))).toBe(false);
  });
});

describe('isWorkingDay, nonWorkingReason, skippedDays', () => {
  it('labels bank holidays, weekends and closures', () => {
    const cal = new WorkingCalendar({ closures: ['2025-12-29', '2025-12-25', '2025-12-27'] });
    expect(cal.nonWorkingReason('2025-04-18')).toEqual({
      date: '2025-04-18',
      reason: 'bank-holiday',
      name: 'Good Friday',
      label: 'Fri 18 Apr 2025 Good Friday (bank holiday)',
    });
    expect(cal.nonWorkingReason('2025-04-19')).toEqual({
      date: '2025-04-19',
      reason: 'weekend',
      label: 'Sat 19 Apr 2025 weekend',
    });
    expect(cal.nonWorkingReason('2025-12-29')).toEqual({
      date: '2025-12-29',
      reason: 'closure',
      label: 'Mon 29 Dec 2025 council closure',
    });
    // A closure on a bank holiday or weekend reports the bank holiday / weekend.
    expect(cal.nonWorkingReason('2025-12-25')?.reason).toBe('bank-holiday');
    expect(cal.nonWorkingReason('2025-12-27')?.reason).toBe('weekend');
    expect(cal.nonWorkingReason('2025-07-28')).toBeNull();
    expect(cal.isWorkingDay('2025-07-28')).toBe(true);
    expect(cal.isWorkingDay('2025-12-29')).toBe(false);
  });

  it('skippedDays is empty when b ≤ a, and describeSkipped of none is the empty string', () => {
    expect(calendar.skippedDays('2025-04-23', '2025-04-17')).toEqual([]);
    expect(describeSkipped([])).toBe('');
  });

  it('rejects bad closures with a RangeError naming the value', () => {
    expect(() => new WorkingCalendar({ closures: ['2025-02-30'] })).toThrow(RangeError);
    expect(() => new WorkingCalendar({ closures: ['2025-02-30'] })).toThrow(/2025-02-30/);
    expect(() => new WorkingCalendar({ closures: ['29/12/2025'] })).toThrow(/29\/12\/2025/);
  });

  it('rejects bad dates and counts', () => {
    expect(() => calendar.addWorkingDays('2025-13-01', 1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2025-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('bankHolidays', () => {
  it('lists 2025 in order with names', () => {
    expect(calendar.bankHolidays(2025).map((h) => h.date)).toEqual([
      '2025-01-01',
      '2025-04-18',
      '2025-04-21',
      '2025-05-05',
      '2025-05-26',
      '2025-08-25',
      '2025-12-25',
      '2025-12-26',
    ]);
    expect(calendar.bankHolidays(2025)[1]).toEqual({ date: '2025-04-18', name: 'Good Friday' });
  });
});
