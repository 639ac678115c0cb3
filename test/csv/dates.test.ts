import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { londonDateOf } from '../../src/calendar/index.js';
import { readDate, readDateOrInstant, readInstant } from '../../src/csv/dates.js';

const UK = ['dd/MM/yyyy HH:mm', 'dd/MM/yyyy', 'd/M/yy', 'excel'];

describe('dates as councils write them', () => {
  it('UK dates: 13/01/2025 and 3/2/25; two-digit years fall in 1950–2049', () => {
    expect(readDate('13/01/2025', UK)).toEqual({ ok: true, value: '2025-01-13' });
    expect(readDate('3/2/25', UK)).toEqual({ ok: true, value: '2025-02-03' });
    expect(readDate('1/7/49', UK)).toEqual({ ok: true, value: '2049-07-01' });
    expect(readDate('1/7/50', UK)).toEqual({ ok: true, value: '1950-07-01' });
  });

  it('a day that does not exist is refused, saying which formats were tried', () => {
    expect(readDate('29/02/2025', UK)).toEqual({
      ok: false,
      message: '29/02/2025 is not a date (expected dd/MM/yyyy HH:mm, dd/MM/yyyy, d/M/yy, excel)',
    });
    expect(readDate('2025-02-30', ['iso'])).toEqual({
      ok: false,
      message: '2025-02-30 is not a date (expected YYYY-MM-DD)',
    });
  });

  it('spreadsheet serials: 45658 is 1 Jan 2025 (25,569 days from 30 Dec 1899 to 1970, plus 20,089)', () => {
    expect(readDate('45658', UK)).toEqual({ ok: true, value: '2025-01-01' });
    // .75 of a day is 18:00; 1 Jan is GMT.
    expect(readInstant('45658.75', UK)).toEqual({ ok: true, value: '2025-01-01T18:00:00+00:00' });
    expect(readDateOrInstant('45658', UK)).toEqual({ ok: true, value: '2025-01-01' });
  });

  it('London wall-clock times get the offset of their moment, across both clock changes of 2025', () => {
    // BST began at 01:00 GMT on Sun 30 Mar 2025 and ended at 01:00 GMT on Sun 26 Oct 2025.
    expect(readInstant('29/03/2025 23:30', UK)).toEqual({ ok: true, value: '2025-03-29T23:30:00+00:00' });
    expect(readInstant('30/03/2025 03:00', UK)).toEqual({ ok: true, value: '2025-03-30T03:00:00+01:00' });
    // 01:30 on 30 Mar never happened in London: read an hour on, 02:30 BST.
    expect(readInstant('30/03/2025 01:30', UK)).toEqual({ ok: true, value: '2025-03-30T02:30:00+01:00' });
    expect(readInstant('25/10/2025 12:00', UK)).toEqual({ ok: true, value: '2025-10-25T12:00:00+01:00' });
    expect(readInstant('26/10/2025 12:00', UK)).toEqual({ ok: true, value: '2025-10-26T12:00:00+00:00' });
  });

  it("a London time read the same in any host time zone: 02:30 on 9 Mar 2025 is in Los Angeles' DST gap", () => {
    // Read with the host's own calendar, America/Los_Angeles (CI runs it) would move it to 03:30.
    expect(readInstant('09/03/2025 02:30', UK)).toEqual({ ok: true, value: '2025-03-09T02:30:00+00:00' });
    expect(readDate('09/03/2025 02:30', UK)).toEqual({ ok: true, value: '2025-03-09' });
  });

  it('an instant with an offset is kept as written; a date alone is no instant', () => {
    expect(readInstant('2025-06-02T09:30:00Z', ['iso'])).toEqual({ ok: true, value: '2025-06-02T09:30:00Z' });
    expect(readInstant('02/06/2025', UK)).toEqual({
      ok: false,
      message:
        '02/06/2025 is not a date and time (expected dd/MM/yyyy HH:mm, dd/MM/yyyy, d/M/yy, excel, with a time)',
    });
    // A date-time where a date is wanted gives its London date: 23:30 GMT on 30 Jun is 00:30 BST on 1 Jul.
    expect(readDate('2025-06-30T23:30:00Z', ['iso'])).toEqual({ ok: true, value: '2025-07-01' });
  });

  it('property: a London wall-clock time read back has that London date, from 1996 to 2099', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1996, 0, 1)),
          max: new Date(Date.UTC(2099, 11, 31)),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (d, h, m) => {
          const day = d.toISOString().slice(0, 10);
          const [y, mo, dd] = day.split('-');
          const wall = `${dd}/${mo}/${y} ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          const got = readInstant(wall, UK);
          expect(got.ok).toBe(true);
          if (got.ok) {
            // Only the spring gap (01:00–01:59 on BST's first day) moves to the next hour; the date stays.
            expect(londonDateOf(got.value)).toBe(day);
            if (!(h === 1 && got.value.slice(11, 13) === '02'))
              expect(got.value.slice(11, 16)).toBe(wall.slice(11));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
