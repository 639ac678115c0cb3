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
