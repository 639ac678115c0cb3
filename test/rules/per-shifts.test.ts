/**
 * Construct 7, "every N shifts worked" (agency staff): a `per-shifts` rule counts sessions against the
 * shifts the history gives (`staff[].shifts`); a worker with no shifts in the history is not evaluable.
 * Worked by hand on a fictional council's FEN-14 (a session every 4 shifts worked).
 */
import { describe, expect, it } from 'vitest';
import { breachesOf, brief, fenchesterPolicy, obligationsOf, oneToOne, run, staff } from '../helpers.js';

const policy = fenchesterPolicy([
  {
    id: 'FEN-14',
    kind: 'per-shifts',
    name: 'agency supervision every 4 shifts',
    activity: 'one-to-one',
    strength: 'must',
    subject: 'staff',
    counts: ['one-to-one'],
    everyShifts: 4,
    when: { fullTime: false },
    citation: { source: 'x.txt', section: '7. Agency staff', quote: 'supervision every four shifts worked' },
  },
]);

// S1, agency, starts Mon 2 Jun 2025. Shifts: 2, 3, 5, 6, 9, 11, 12, 13, 16, 17, 18, 19 Jun; rota 23–26 Jun.
const shifts = [
  ...['02', '03', '05', '06', '09', '11', '12', '13', '16', '17', '18', '19'],
  ...['23', '24', '25', '26'],
].map((day) => `2025-06-${day}`);
const agency = (id: string, extra: Record<string, unknown> = {}) =>
  staff(id, { startDate: '2025-06-02', fullTime: false, ...extra });
const history = (sessions: string[]) => ({
  staff: [agency('S1', { shifts })],
  events: sessions.map((date) => oneToOne('S1', date)),
});

describe('FEN-14 (every 4 shifts worked)', () => {
  // From Mon 2 Jun: shifts 2, 3, 5, 6 Jun, so due by the end of the 4th, Fri 6 Jun; held Mon 9 Jun: late, 3 days.
  // After 9 Jun (its own shift is not after it): 11, 12, 13, 16 Jun, so due Mon 16 Jun; held Fri 13 Jun: on time.
  // After 13 Jun: 16, 17, 18, 19 Jun, so due Thu 19 Jun; nothing by Fri 20 Jun: missed, 1 day, and overdue.
  const report = run(policy, history(['2025-06-09', '2025-06-13']), '2025-06-20');

  it('late by 3 days against the 4th shift (Fri 6 Jun); missed since the 4th shift after 13 Jun (Thu 19 Jun)', () => {
    expect(breachesOf(report, 'FEN-14').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-06-06', metOn: '2025-06-09', daysLate: 3 },
      { kind: 'missed', dueOn: '2025-06-19', metOn: null, daysLate: 1 },
    ]);
    // The clock counts shifts from Mon 2 Jun (the rule began); the 4th is Fri 6 Jun. After 13 Jun, the 4th is Thu 19 Jun.
    expect(breachesOf(report, 'FEN-14').map((b) => b.basis)).toEqual([
      { kind: 'shifts', from: { reason: 'rule-began', on: '2025-06-02' }, every: 4, shiftOn: '2025-06-06' },
      { kind: 'shifts', from: { reason: 'last-session', on: '2025-06-13' }, every: 4, shiftOn: '2025-06-19' },
    ]);
    expect(obligationsOf(report, 'FEN-14', 'S1')).toMatchObject([
      { dueOn: '2025-06-19', status: 'overdue', lastMetOn: '2025-06-13' },
    ]);
  });

  it('before the 4th shift after 13 Jun has passed (asOf Wed 18 Jun): upcoming on Thu 19 Jun, no breach yet', () => {
    const early = run(policy, history(['2025-06-09', '2025-06-13']), '2025-06-18');
    expect(breachesOf(early, 'FEN-14').map((b) => b.dueOn)).toEqual(['2025-06-06']);
    expect(obligationsOf(early, 'FEN-14', 'S1')).toMatchObject([{ dueOn: '2025-06-19', status: 'upcoming' }]);
  });

  it('the rota gives the next due date: after a session on Thu 19 Jun, the 4th shift is Thu 26 Jun', () => {
    const onRota = run(policy, history(['2025-06-06', '2025-06-13', '2025-06-19']), '2025-06-20');
    expect(breachesOf(onRota, 'FEN-14')).toEqual([]);
    expect(obligationsOf(onRota, 'FEN-14', 'S1')).toMatchObject([
      { dueOn: '2025-06-26', status: 'upcoming' },
    ]);
  });

  it('a worker with no shifts in the history is not evaluable, in plain words; an empty list owes nothing', () => {
    const r = run(policy, { staff: [agency('S2'), agency('S3', { shifts: [] })], events: [] }, '2025-06-20');
    expect(r.notEvaluable.filter((n) => n.ruleId === 'FEN-14')).toEqual([
      {
        ruleId: 'FEN-14',
        subject: { type: 'staff', id: 'S2' },
        reason:
          'S2 has no shifts in the history (staff shifts), so when a session is due every 4 shifts worked is unknown',
      },
    ]);
    expect(breachesOf(r, 'FEN-14')).toEqual([]);
    expect(obligationsOf(r, 'FEN-14')).toEqual([]);
  });

  it('a full-time worker (when fullTime: false does not hold) is outside the rule, shifts or none', () => {
    const r = run(policy, { staff: [staff('S4', { startDate: '2025-06-02' })], events: [] }, '2025-06-20');
    expect(r.notEvaluable).toEqual([]);
  });
});
