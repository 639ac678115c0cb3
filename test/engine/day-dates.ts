import { fromDayNumber } from '../../src/calendar/index.js';

/** Day numbers back to dates (open ends as null) so the expectations read as dates. */
export const d = (n: number): string | null => (Number.isFinite(n) ? fromDayNumber(n) : null);
/** A span of day numbers as its first and last date. */
export const span = ([a, b]: readonly [number, number]) => [d(a), d(b)];
