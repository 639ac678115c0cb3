import { describe, expect, it } from 'vitest';
import { describeDuration } from '../../src/report/wording.js';

// describeDuration (src/report/wording.ts): a duration in words.

describe('describeDuration', () => {
  it.each([
    [{ days: 1 }, '1 day'],
    [{ days: 28 }, '28 days'],
    [{ weeks: 1 }, '1 week'],
    [{ weeks: 2 }, '2 weeks'],
    [{ months: 1 }, '1 month'],
    [{ months: 300 }, '300 months'],
    [{ workingDays: 1 }, '1 working day'],
    [{ workingDays: 25 }, '25 working days'],
  ])('%o reads "%s"', (duration, words) => {
    expect(describeDuration(duration)).toBe(words);
  });
});
