/** Small helpers the command line's tables share. */

/** A share (0–1) as a percentage with one decimal, or `n/a`. */
export const pct = (x: number | null): string => (x === null ? 'n/a' : `${Math.round(x * 1000) / 10}%`);

/** `1 day`, `2 days`; `many` for irregular plurals. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The longest text's length (a loop: a spread of a long list into Math.max overflows the stack). */
export function maxLength(texts: readonly string[]): number {
  let n = 0;
  for (const t of texts) if (t.length > n) n = t.length;
  return n;
}
