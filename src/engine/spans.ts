/**
 * Sets of days as sorted, disjoint, inclusive `[from, to]` spans of day numbers. An open end is
 * `-Infinity` / `Infinity`. Every condition of a rule evaluates to one of these per subject.
 */
export type Span = readonly [from: number, to: number];
export type Spans = readonly Span[];

export const ALWAYS: Spans = [[-Infinity, Infinity]];
export const NEVER: Spans = [];

/** Sorts and merges overlapping or touching spans. */
export function normalize(spans: Iterable<Span>): Spans {
  const sorted = [...spans].filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function union(a: Spans, b: Spans): Spans {
  return b.length === 0 ? a : a.length === 0 ? b : normalize([...a, ...b]);
}

export function intersect(a: Spans, b: Spans): Spans {
  // Spans are never changed once made, so an operand can be the answer.
  if (a.length === 0 || b === ALWAYS) return a;
  if (b.length === 0 || a === ALWAYS) return b;
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [a0, a1] = a[i]!;
    const [b0, b1] = b[j]!;
    const lo = Math.max(a0, b0);
    const hi = Math.min(a1, b1);
    if (lo <= hi) out.push([lo, hi]);
    if (a1 < b1) i++;
    else j++;
  }
  return out;
}

export function complement(a: Spans): Spans {
  const out: Span[] = [];
  let from = -Infinity;
  for (const [a0, a1] of a) {
    if (a0 > from) out.push([from, a0 - 1]);
    from = a1 + 1;
  }
  if (from !== Infinity) out.push([from, Infinity]);
  return out;
}

export function subtract(a: Spans, b: Spans): Spans {
  return b.length === 0 ? a : intersect(a, complement(b));
}

export function contains(a: Spans, day: number): boolean {
  for (const [a0, a1] of a) if (day >= a0 && day <= a1) return true;
  return false;
}
