/**
 * Why a day is not a working day.
 *
 * @example
 * const reason: NonWorkingReason = 'bank-holiday';
 */
export type NonWorkingReason = 'weekend' | 'bank-holiday' | 'closure';

/**
 * A non-working day passed over by a working-day calculation.
 *
 * @example
 * const day: SkippedDay = {
 *   date: '2025-04-18',
 *   reason: 'bank-holiday',
 *   name: 'Good Friday',
 *   label: 'Fri 18 Apr 2025 Good Friday (bank holiday)',
 * };
 */
export interface SkippedDay {
  /** ISO 'YYYY-MM-DD'. */
  readonly date: string;
  readonly reason: NonWorkingReason;
  /** The bank holiday's name (bank holidays only). */
  readonly name?: string;
  /** E.g. 'Fri 18 Apr 2025 Good Friday (bank holiday)', 'Sat 19 Apr 2025 weekend', 'Mon 29 Dec 2025 council closure'. */
  readonly label: string;
}

/**
 * Joins the labels of skipped days with '; ' (empty string for none).
 *
 * @example
 * describeSkipped(new WorkingCalendar().skippedDays('2025-04-17', '2025-04-19'));
 * // 'Fri 18 Apr 2025 Good Friday (bank holiday); Sat 19 Apr 2025 weekend'
 */
export function describeSkipped(days: readonly SkippedDay[]): string {
  return days.map((d) => d.label).join('; ');
}
