import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/cli/printable.js';

describe('printable', () => {
  it('shows escape sequences, line breaks and other controls as \\uXXXX escapes', () => {
    expect(printable('S1\u001b]0;owned\u0007')).toBe('S1\\u001b]0;owned\\u0007');
    expect(printable('a\nb\rc\td\u0000e\u007ff\u0085g\u009bh')).toBe(
      'a\\u000ab\\u000dc\\u0009d\\u0000e\\u007ff\\u0085g\\u009bh',
    );
    expect(printable('x\u2028y\u2029z')).toBe('x\\u2028y\\u2029z');
  });

  it('shows bidirectional overrides and lone surrogates escaped', () => {
    expect(printable('abc\u202edcba\u2066\u200f')).toBe('abc\\u202edcba\\u2066\\u200f');
    expect(printable('a\ud800b\udc00')).toBe('a\\ud800b\\udc00');
  });

  it('leaves ordinary text alone: accents, dashes, emoji, backslashes', () => {
    for (const s of ['Zoë — Case 7', 'C:\\cases\\a.json', 'team 🙂', "O'Brien", ''])
      expect(printable(s)).toBe(s);
  });

  it('its result never holds a control character, and printable is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const p = printable(s);
        expect(p).not.toMatch(/[\p{Cc}\p{Cs}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u);
        expect(printable(p)).toBe(p);
      }),
    );
  });
});
