import { describe, expect, it } from 'vitest';
import { breachesOf, brief, obligationsOf, oneToOne, run, staff } from '../helpers.js';

// "A supervision agreement may set a more frequent interval than the policy; it can never relax a
// minimum" (POLICIES.md). NOT-1 is monthly and `stricterWith: ["agreed-interval"]`.
describe('agreements make an interval stricter, never looser', () => {
  const history = (weeks: number) => ({
    recordsFrom: '2025-03-01',
    staff: [
      staff('S1', {
        arrangements: [
          { type: 'agreed-interval', from: '2025-03-01', to: '2025-06-30', interval: { weeks } },
        ],
      }),
    ],
    events: [oneToOne('S1', '2025-03-03', { recordedAt: '2025-03-03' })],
  });

  it('NOT-1 with an agreed fortnightly interval: due the earlier of 3 Mar + 14 days = 17 Mar and 3 Mar + 1 month = 3 Apr', () => {
    const report = run('nottingham', history(2), '2025-03-10');
    const [ob] = obligationsOf(report, 'NOT-1', 'S1');
    expect(ob).toMatchObject({ dueOn: '2025-03-17', status: 'upcoming' });
    // The basis says the agreed 2 weeks gave the date, being sooner than the policy's month.
    expect(ob!.basis).toMatchObject({
      interval: { every: { months: 1 }, orAgreed: { weeks: 2 }, sooner: 'agreed' },
    });
    // Nothing by 24 Mar: missed since 17 Mar, 7 days.
    expect(breachesOf(run('nottingham', history(2), '2025-03-24'), 'NOT-1').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-03-17', metOn: null, daysLate: 7 },
    ]);
  });

  it('NOT-1 with an agreed 6-weekly interval: the looser agreement does not relax the monthly minimum (due 3 Apr, not 14 Apr)', () => {
    const report = run('nottingham', history(6), '2025-03-10');
    expect(obligationsOf(report, 'NOT-1', 'S1')).toMatchObject([{ dueOn: '2025-04-03' }]);
  });

  it('NOT-1 after the agreement ends (30 Jun): back to monthly from the last session', () => {
    // Sessions every 14 days to 23 Jun, all on time. From 23 Jun the due date is the earlier of 23 Jun + 14 = 7 Jul
    // and 23 Jun + 1 month = 23 Jul: 7 Jul. The agreement ends on 30 Jun, so on 1 Jul the interval changes back to
    // monthly: later of (23 Jun + 1 month = 23 Jul) and earlier of (7 Jul, 1 Jul + 1 month = 1 Aug) = 23 Jul.
    const h = history(2);
    h.events = [
      '2025-03-03',
      '2025-03-17',
      '2025-03-31',
      '2025-04-14',
      '2025-04-28',
      '2025-05-12',
      '2025-05-26',
      '2025-06-09',
      '2025-06-23',
    ].map((date) => oneToOne('S1', date, { recordedAt: date }));
    const report = run('nottingham', h, '2025-07-10');
    expect(breachesOf(report, 'NOT-1')).toEqual([]);
    expect(obligationsOf(report, 'NOT-1', 'S1')).toMatchObject([
      { dueOn: '2025-07-23', lastMetOn: '2025-06-23' },
    ]);
  });
});
