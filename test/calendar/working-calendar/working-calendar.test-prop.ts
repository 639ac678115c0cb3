import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber, WorkingCalendar } from '../../../src/calendar/index.js';

interface Fixture {
  readonly events: readonly { readonly date: string }[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../fixtures/bank-holidays-england-2018-2027.json', import.meta.url), 'utf8'),
) as Fixture;
const published = new Set(fixture.events.map((e) => e.date));
const closures = ['2019-12-27', '2021-12-29', '2023-12-27', '2025-12-29', '2026-12-30'];
const closureSet = new Set(closures);

/**
 * Naive, independent reference: walks one day at a time, reads the weekday with getUTCDay (host time
 * zone free) and the hand-typed published holiday list, so the calendar's day-number arithmetic and
 * date-holidays lookups are checked against something that shares neither.
 */
function naiveIsWorking(iso: string): boolean {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !published.has(iso) && !closureSet.has(iso);
}
function naiveNext(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
function naiveAddWorkingDays(iso: string, n: number): string {
  let d = iso;
  for (let left = n; left > 0; ) {
    d = naiveNext(d);
    if (naiveIsWorking(d)) left--;
  }
  return d;
}

// Start dates in 2018–2026 so results (≤ 200 working days on) stay inside the fixture's 2018–2027.
const first = toDayNumber('2018-01-01');
const last = toDayNumber('2026-12-31');
const dateArb = fc.integer({ min: first, max: last }).map(fromDayNumber);
const countArb = fc.integer({ min: 1, max: 200 });

describe('WorkingCalendar properties', () => {
  const calendar = new WorkingCalendar({ closures });

  it('addWorkingDays(a, n ≥ 1) lands on a working day after a', () => {
    fc.assert(
      fc.property(dateArb, countArb, (a, n) => {
        const r = calendar.addWorkingDays(a, n);
        expect(calendar.isWorkingDay(r)).toBe(true);
        expect(r > a).toBe(true);
      }),
    );
  });

  it('workingDaysBetween(a, addWorkingDays(a, n)) = n and addWorkingDays(b, −n) returns to the last working day ≤ a', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 200 }), (a, n) => {
        const b = calendar.addWorkingDays(a, n);
        expect(calendar.workingDaysBetween(a, b)).toBe(n);
        expect(calendar.workingDaysBetween(b, a)).toBe(n === 0 ? 0 : -n);
        if (n > 0 && calendar.isWorkingDay(a)) expect(calendar.addWorkingDays(b, -n)).toBe(a);
      }),
    );
  });

  it('is strictly monotone in n', () => {
    fc.assert(
      fc.property(dateArb, countArb, countArb, (a, m, n) => {
        fc.pre(m !== n);
        const [lo, hi] = m < n ? [m, n] : [n, m];
        expect(calendar.addWorkingDays(a, lo) < calendar.addWorkingDays(a, hi)).toBe(true);
      }),
    );
  });

  it('agrees with a naive day-by-day loop over the hand-typed published list (no Date in the calendar)', () => {
    fc.assert(
      fc.property(dateArb, countArb, (a, n) => {
        expect(calendar.addWorkingDays(a, n)).toBe(naiveAddWorkingDays(a, n));
        expect(calendar.isWorkingDay(a)).toBe(naiveIsWorking(a));
      }),
    );
  });

  it('skippedDays lists exactly the non-working days in (a, b]', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 60 }), (a, span) => {
        const b = fromDayNumber(toDayNumber(a) + span);
        const expected: string[] = [];
        for (let d = naiveNext(a); d <= b; d = naiveNext(d)) if (!naiveIsWorking(d)) expected.push(d);
        expect(calendar.skippedDays(a, b).map((s) => s.date)).toEqual(expected);
        expect(calendar.workingDaysBetween(a, b)).toBe(span - expected.length);
      }),
    );
  });

  it('a fresh calendar asked far-apart dates first gives the same answers (lazy table growth)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(dateArb, countArb), { minLength: 1, maxLength: 8 }), (queries) => {
        const fresh = new WorkingCalendar({ closures });
        for (const [a, n] of queries) expect(fresh.addWorkingDays(a, n)).toBe(calendar.addWorkingDays(a, n));
      }),
      { numRuns: 30 },
    );
  });
});
