/**
 * A fictional council's page for the HTML report's tests: FEN-5 (approximate, monthly, counting the
 * policy's own `rebooked-session`) and FEN-9 (at most 120 minutes, exact, advisory).
 */
import { evaluate } from '../../src/front-door.js';
import { fen5, fen9, why } from '../fenchester-rules.js';
import { event, fenchesterPolicy, oneToOne, staff } from '../helpers.js';

export { why };
export const fen = fenchesterPolicy([fen5(why, { months: 1 }, ['one-to-one', 'rebooked-session']), fen9], {
  vocabulary: { eventTypes: ['rebooked-session'] },
});
// S1 starts Mon 2 Jun 2025. E1: Mon 2 Jun, 150 minutes; E2: Mon 7 Jul, a rebooked session; asOf Mon 4 Aug.
// FEN-5 (approximate): 2 Jun + 1 month = Wed 2 Jul; E2 on 7 Jul is 5 days late; next due Thu 7 Aug.
// FEN-9 (exact): E1 lasted 150 minutes, 150 − 120 = 30 over the maximum.
export const fenHistory = {
  staff: [staff('S1', { startDate: '2025-06-02' })],
  events: [
    oneToOne('S1', '2025-06-02', { id: 'E1', durationMinutes: 150 }),
    event('rebooked-session', '2025-07-07', { id: 'E2', superviseeId: 'S1' }),
  ],
};
export const fenReport = evaluate(fen, fenHistory, { asOf: '2025-08-04' });
