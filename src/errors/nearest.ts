/**
 * The known name a mistyped one most likely meant, for "did you mean …?" hints: the same name in
 * other letter case, or else the closest by edit distance (insertions, deletions, substitutions and
 * swaps of two neighbouring letters, ignoring case and dashes), if close enough to be a typo:
 * at most 1 edit for names of up to 4 letters, 2 up to 8, 3 beyond. Ties go to the first known name.
 */
export function nearest(name: string, known: Iterable<string>): string | undefined {
  const wanted = fold(name);
  if (wanted.length === 0 || wanted.length > 100) return undefined;
  const limit = wanted.length <= 4 ? 1 : wanted.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of known) {
    if (candidate === name) continue;
    const d = distance(wanted, fold(candidate), bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

const fold = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');

/** Optimal string alignment distance of `a` and `b`, or any number ≥ `cap` once it cannot be less. */
function distance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin >= cap) return cap;
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}
