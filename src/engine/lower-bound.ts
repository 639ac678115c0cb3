/** The index of the first item whose day is on or after `day`, in items sorted by day (binary search). */
export function lowerBound<T>(items: readonly T[], day: number, dayOf: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dayOf(items[mid]!) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The first item from `from` to `to` (days, inclusive) that `matches`, in items sorted by day:
 * a binary search to `from`, then a scan that stops after `to`.
 */
export function firstBetween<T extends { readonly day: number }>(
  items: readonly T[],
  from: number,
  to: number,
  matches: (item: T) => boolean,
): T | undefined {
  for (let i = lowerBound(items, from, (item) => item.day); i < items.length; i++) {
    const item = items[i]!;
    if (item.day > to) return undefined;
    if (matches(item)) return item;
  }
  return undefined;
}
