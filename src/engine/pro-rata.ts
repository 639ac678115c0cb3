import type { StaffView } from './history-index.js';

/** A worker's full-time equivalent: the history's `fte`, or 1 when it gives none. */
export const fteOf = (view: StaffView): number => view.staff.fte ?? 1;

/**
 * A minimum in minutes pro rata to a full-time equivalent: `minutes × fte`, rounded up to a whole
 * minute (a session's length is whole minutes, so the worker owes at least their share). The product
 * is first rounded to 6 decimals, so that binary fractions do not round a whole number up:
 * 100 × 0.7 is 70.00000000000001 in floating point, and 70 minutes here. 90 at fte 0.6 = 54;
 * 90 at fte 0.5 = 45; 90 at fte 0.55 = 49.5, so 50.
 */
export function proRataMinutes(minutes: number, fte: number): number {
  return Math.ceil(Number((minutes * fte).toFixed(6)));
}

/**
 * The minimum a rule asks of a worker: `minimumMinutes`, or with `proRata: 'fte'` its pro rata share,
 * with the full-time minimum and the fte it was scaled by (a finding's basis words it).
 */
export function minimumFor(
  rule: { readonly proRata?: 'fte' | undefined },
  minimum: number,
  view: StaffView,
): { minutes: number; fte?: { fte: number; minimum: number } } {
  const fte = fteOf(view);
  if (rule.proRata !== 'fte' || fte === 1) return { minutes: minimum };
  return { minutes: proRataMinutes(minimum, fte), fte: { fte, minimum } };
}
