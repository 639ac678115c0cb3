/** Independent answers for the calendar's tests: day numbers by Date.UTC, not by the code under test. */

/** Day number by an independent oracle (Date.UTC), for the expected values. */
export const utcDay = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;
/** A value given where the types want a string (to hand the code what no caller's types allow). */
export const asString = (v: unknown): string => v as string;
