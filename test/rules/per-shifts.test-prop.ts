/**
 * Invariants of construct 7 (`per-shifts`, a session every N shifts worked), on random shift days and
 * sessions: every breach falls due on a shift day, exactly N shifts after the session (or the start)
 * before it; a session on every shift day leaves nothing late; a worker with no shifts owes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../src/calendar/index.js';
import { breachesOf, fenchesterPolicy, run } from '../helpers.js';

const START = toDayNumber('2025-06-02');
const policyOf = (n: number) =>
  fenchesterPolicy([
    {
      id: 'FEN-14',
      kind: 'per-shifts',
      name: 'supervision every N shifts',
      activity: 'one-to-one',
      strength: 'must',
      subject: 'staff',
      counts: ['one-to-one'],
      everyShifts: n,
      citation: { source: 'x.txt', section: '7', quote: 'every N shifts' },
    },
  ]);
const historyOf = (shifts: number[], sessions: number[]) => ({
  staff: [{ id: 'S1', role: 'social-worker', startDate: '2025-06-02', shifts: shifts.map(fromDayNumber) }],
  events: sessions.map((day, i) => ({
    id: `E${i}`,
    type: 'one-to-one',
    date: fromDayNumber(day),
    superviseeId: 'S1',
  })),
});
const days = fc
  .uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 60 })
  .map((xs) => xs.map((x) => START + x).sort((a, b) => a - b));
const ASOF = fromDayNumber(START + 121);

describe('per-shifts invariants', () => {
  it('each breach is due on a shift day, the Nth after the last session before it (or the start)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), days, days, (n, shifts, sessions) => {
        const report = run(policyOf(n), historyOf(shifts, sessions), ASOF);
        for (const b of breachesOf(report, 'FEN-14')) {
          const due = toDayNumber(b.dueOn);
          expect(shifts).toContain(due);
          const before = sessions.filter((s) => s < due);
          const from = before.length > 0 ? before[before.length - 1]! + 1 : START;
          expect(shifts.filter((s) => s >= from && s <= due)).toHaveLength(n);
          if (b.kind === 'late') expect(toDayNumber(b.metOn!)).toBeGreaterThan(due);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('a session on every shift day: no breach; no shifts at all: nothing due', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), days, (n, shifts) => {
        expect(breachesOf(run(policyOf(n), historyOf(shifts, shifts), ASOF), 'FEN-14')).toEqual([]);
        const none = run(policyOf(n), historyOf([], []), ASOF);
        expect(none.breaches).toEqual([]);
        expect(none.obligations).toEqual([]);
        expect(none.notEvaluable).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});
