/**
 * Text from the input made safe to print on a terminal: C0 and C1 control characters and DEL become
 * `\uXXXX` escapes, so an id or a name cannot move the cursor, change colours or forge lines.
 *
 * @example
 * printable('S1\u001b[2J'); // 'S1\\u001b[2J'
 */
export function printable(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      out += `${text.slice(from, i)}\\u${c.toString(16).padStart(4, '0')}`;
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}
