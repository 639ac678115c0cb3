/**
 * Characters that must not reach a terminal or a log raw: C0 and C1 controls (line breaks, escape,
 * backspace, bell...), DEL, lone surrogates, the line and paragraph separators, and the bidirectional
 * controls that can make a line read differently from what it holds.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cs}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Text from input (an id, a file name, a message quoting either) made safe to print on one line:
 * every control character is shown as its `\uXXXX` escape, so an id cannot break a line, move the
 * cursor, recolour or retitle the terminal. Everything else, backslashes included, is unchanged.
 *
 * @example
 * printable('S1\u001b]0;owned\u0007') // 'S1\\u001b]0;owned\\u0007'
 */
export function printable(text: string): string {
  UNPRINTABLE.lastIndex = 0;
  if (!UNPRINTABLE.test(text)) return text;
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
