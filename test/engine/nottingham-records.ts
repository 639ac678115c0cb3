import { getPolicy } from '../../src/policies.js';
import type { Policy } from '../../src/policy/schema.js';
import type { Report } from '../../src/report/types.js';
import { oneToOne, staff } from '../helpers.js';

/**
 * S1 starts on Mon 6 Jan 2025, is absent 3–14 Feb, and has 1:1s on 6 Jan and 3, 10, 17, 27 Mar. Under
 * Nottingham (NOT-10: a record by the end of the 2nd working day) the records are due 8 Jan, 5, 12,
 * 19 and 31 Mar: R0 is on time, R1 and R2 a day late, R3 is missing (overdue) and R4 not yet due.
 */
export const ASOF = '2025-03-28';
export const history = (extra: Record<string, unknown> = {}) => ({
  staff: [staff('S1', { startDate: '2025-01-06', absences: [{ from: '2025-02-03', to: '2025-02-14' }] })],
  events: [
    oneToOne('S1', '2025-01-06', { id: 'R0', recordedAt: '2025-01-06' }),
    oneToOne('S1', '2025-03-03', { id: 'R1', recordedAt: '2025-03-06' }),
    oneToOne('S1', '2025-03-10', { id: 'R2', recordedAt: '2025-03-13' }),
    oneToOne('S1', '2025-03-17', { id: 'R3' }),
    oneToOne('S1', '2025-03-27', { id: 'R4' }),
  ],
  ...extra,
});
export const nottingham = (change: Partial<Policy> = {}): Policy => ({
  ...getPolicy('nottingham'),
  ...change,
});
export const recordingsOf = (r: Report) => r.recordings.map((x) => `${x.eventId} ${x.deadline} ${x.status}`);
export const BUILT_IN = [
  'R0 2025-01-08 on-time',
  'R1 2025-03-05 late',
  'R2 2025-03-12 late',
  'R3 2025-03-19 overdue',
  'R4 2025-03-31 pending',
];
