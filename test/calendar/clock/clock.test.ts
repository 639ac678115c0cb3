import { describe, expect, it } from 'vitest';
import {
  clockDeadline,
  dateOnlyClockDeadline,
  instantToEpochMs,
  isIsoInstant,
  londonDateOf,
  sameDayDeadline,
} from '../../../src/calendar/index.js';

describe('clockDeadline (elapsed hours, shown in Europe/London time)', () => {
  it('72 h from Fri 28 Mar 2025 15:00 GMT = Mon 31 Mar 2025 15:00Z = 16:00 BST (clocks went forward 30 Mar)', () => {
    expect(clockDeadline('2025-03-28T15:00:00Z', 72)).toEqual({
      instant: '2025-03-31T16:00:00+01:00',
      londonDate: '2025-03-31',
    });
  });

  it('72 h from Fri 24 Oct 2025 14:00 BST (13:00Z) = Mon 27 Oct 13:00Z = 13:00 GMT (clocks went back 26 Oct)', () => {
    expect(clockDeadline('2025-10-24T14:00:00+01:00', 72)).toEqual({
      instant: '2025-10-27T13:00:00+00:00',
      londonDate: '2025-10-27',
    });
  });

  it('24 h from 23:30Z on 30 Jun 2025 is 00:30 BST on 2 Jul 2025', () => {
    expect(clockDeadline('2025-06-30T23:30:00Z', 24)).toEqual({
      instant: '2025-07-02T00:30:00+01:00',
      londonDate: '2025-07-02',
    });
  });

  it('rejects bad input', () => {
    expect(() => clockDeadline('2025-03-28T15:00:00', 72)).toThrow(RangeError);
    expect(() => clockDeadline('2025-03-28T15:00:00Z', -1)).toThrow(RangeError);
  });
});

describe('dateOnlyClockDeadline (end of the ceil(hours / 24)th calendar day after the date)', () => {
  it('2025-10-24 + 72 h → end of Mon 27 Oct 2025 (GMT)', () => {
    expect(dateOnlyClockDeadline('2025-10-24', 72)).toEqual({
      instant: '2025-10-27T23:59:59+00:00',
      londonDate: '2025-10-27',
    });
  });
  it('2025-03-28 + 48 h → end of Sun 30 Mar 2025 (BST from 01:00 GMT that day)', () => {
    expect(dateOnlyClockDeadline('2025-03-28', 48)).toEqual({
      instant: '2025-03-30T23:59:59+01:00',
      londonDate: '2025-03-30',
    });
  });
  it('25 h rounds up to 2 days; 0 h is the end of the date itself', () => {
    expect(dateOnlyClockDeadline('2025-07-28', 25).londonDate).toBe('2025-07-30');
    expect(dateOnlyClockDeadline('2025-07-28', 0).instant).toBe('2025-07-28T23:59:59+01:00');
  });
});

describe('instants', () => {
  it('isIsoInstant requires date, time and offset and rejects impossible values', () => {
    expect(isIsoInstant('2025-03-28T15:00:00Z')).toBe(true);
    expect(isIsoInstant('2025-10-24T14:00:00+01:00')).toBe(true);
    expect(isIsoInstant('2025-10-24T14:00+01:00')).toBe(true);
    expect(isIsoInstant('2025-10-24T14:00:00.250-05:30')).toBe(true);
    expect(isIsoInstant('2025-03-28T15:00:00')).toBe(false);
    expect(isIsoInstant('2025-03-28')).toBe(false);
    expect(isIsoInstant('2025-02-30T15:00:00Z')).toBe(false);
    expect(isIsoInstant('2025-03-28T24:00:00Z')).toBe(false);
    expect(isIsoInstant('2025-03-28T15:60:00Z')).toBe(false);
    expect(isIsoInstant('2025-03-28T15:00:00+1:00')).toBe(false);
  });

  it('instantToEpochMs agrees with Date.parse', () => {
    expect(instantToEpochMs('1970-01-01T01:00:00+01:00')).toBe(0);
    expect(instantToEpochMs('2025-10-24T14:00:00+01:00')).toBe(Date.parse('2025-10-24T14:00:00+01:00'));
  });

  it('londonDateOf', () => {
    expect(londonDateOf('2025-06-30T23:30:00Z')).toBe('2025-07-01');
    expect(londonDateOf('2025-12-31T23:30:00Z')).toBe('2025-12-31');
    expect(londonDateOf('2025-12-31T23:30:00-05:00')).toBe('2026-01-01');
  });

  it('sameDayDeadline returns the date', () => {
    expect(sameDayDeadline('2025-07-28')).toBe('2025-07-28');
    expect(() => sameDayDeadline('2025-07-32')).toThrow(RangeError);
  });
});
