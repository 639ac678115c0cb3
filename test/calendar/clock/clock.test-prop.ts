import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromDayNumber,
  instantToEpochMs,
  isIsoDate,
  isIsoInstant,
  londonDayBefore,
  londonDayNumberOfEpochMs,
  toDayNumber,
} from '../../../src/calendar/index.js';

/** The grammar the instant parser reads by hand, as a regular expression (the one it replaced). */
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/;

const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
const instantArb = fc
  .record({
    day: fc.integer({ min: toDayNumber('1000-01-01'), max: toDayNumber('9999-12-31') }),
    hh: two(23),
    mm: two(59),
    ss: fc.option(two(59)),
    frac: fc.option(fc.stringMatching(/^[0-9]{1,9}$/)),
    zone: fc.oneof(
      fc.constant('Z'),
      fc.tuple(fc.constantFrom('+', '-'), two(23), two(59)).map((t) => `${t[0]}${t[1]}:${t[2]}`),
    ),
  })
  .map(({ day, hh, mm, ss, frac, zone }) => {
    const seconds = ss === null ? '' : `:${ss}${frac === null ? '' : `.${frac}`}`;
    return `${fromDayNumber(day)}T${hh}:${mm}${seconds}${zone}`;
  });

describe('instant parsing (hand-written reader)', () => {
  it('reads every instant of the grammar to the millisecond Date.parse gives', () => {
    fc.assert(
      fc.property(instantArb, (s) => {
        // Date.parse wants seconds and at most 3 fraction digits: write the same instant its way.
        const m = INSTANT.exec(s)!;
        const frac = (m[5] ?? '.0').slice(1, 4).padEnd(3, '0');
        const canonical = `${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}.${frac}${m[6] === 'Z' ? 'Z' : m[6]}`;
        expect(instantToEpochMs(s)).toBe(Date.parse(canonical));
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts exactly what the grammar accepts, on near-miss strings', () => {
    const mutate = fc.tuple(
      instantArb,
      fc.nat(),
      fc.constantFrom('', 'x', '0', '9', ':', '.', 'Z', '+', '-', 'T', ' '),
    );
    fc.assert(
      fc.property(mutate, ([s, at, ch]) => {
        const i = at % (s.length + 1);
        const t = s.slice(0, i) + ch + s.slice(i + (ch === '' ? 1 : at % 2));
        const m = INSTANT.exec(t);
        const real =
          m !== null &&
          isIsoDate(m[1]!) &&
          Number(m[2]) <= 23 &&
          Number(m[3]) <= 59 &&
          Number(m[4] ?? 0) <= 59 &&
          Number(m[8] ?? 0) <= 23 &&
          Number(m[9] ?? 0) <= 59;
        expect(isIsoInstant(t)).toBe(real);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('londonDayBefore: an instant whose written date settles it is not read further', () => {
  // Days near London leaving local mean time (1 December 1847) and near a change of British summer time.
  const near = (date: string) =>
    fc.integer({ min: toDayNumber(date) - 3, max: toDayNumber(date) + 3 }).map(fromDayNumber);
  const recordArb = fc.oneof(
    instantArb,
    fc
      .tuple(fc.oneof(near('1847-12-01'), near('1848-01-01'), near('2025-03-30')), instantArb)
      .map(([date, s]) => `${date}${s.slice(10)}`),
    fc.integer({ min: toDayNumber('1000-01-01'), max: toDayNumber('9999-12-31') }).map(fromDayNumber),
  );
  it('gives the answer of the London date read in full, for days around the written one', () => {
    fc.assert(
      fc.property(recordArb, fc.integer({ min: -3, max: 3 }), (s, shift) => {
        const day = toDayNumber(s.slice(0, 10)) + shift;
        const london = s.length === 10 ? toDayNumber(s) : londonDayNumberOfEpochMs(instantToEpochMs(s));
        expect(londonDayBefore(s, day)).toBe(london < day);
      }),
      { numRuns: 3000 },
    );
    // Half a minute past midnight UTC in 1847 was the evening before in London (local mean time).
    expect(londonDayBefore('1847-11-30T00:00:30Z', toDayNumber('1847-11-30'))).toBe(true);
    expect(londonDayBefore('1848-11-30T00:00:30Z', toDayNumber('1848-11-30'))).toBe(false);
    // 23:30 UTC on 30 June is 00:30 BST on 1 July; 23:30 at -01:00 is 00:30 UTC, 01:30 BST on 1 July.
    expect(londonDayBefore('2025-06-30T23:30:00Z', toDayNumber('2025-07-01'))).toBe(false);
    expect(londonDayBefore('2025-06-30T23:30:00-01:00', toDayNumber('2025-07-01'))).toBe(false);
    expect(londonDayBefore('2025-07-01T00:30:00+02:00', toDayNumber('2025-07-01'))).toBe(true);
  });
});
