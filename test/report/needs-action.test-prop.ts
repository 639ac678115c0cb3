/**
 * Properties of the action list over arbitrary valid histories and all five built-in policies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, getPolicy, policyIds } from '../../src/index.js';
import { needsAction, subjectStatuses } from '../../src/report/needs-action.js';
import { asOfArb, historyArb } from '../arbitraries.js';

const RUNS = { numRuns: Number(process.env.PROP_RUNS ?? 50) };

describe('needsAction over arbitrary histories', () => {
  it('holds one item per overdue obligation and overdue record, then the due-soon ones, in order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...policyIds), historyArb, asOfArb, (id, history, asOf) => {
        const policy = getPolicy(id);
        const report = evaluate(policy, history, { asOf });
        const items = needsAction(report, { policy });
        const count = (kind: string) => items.filter((i) => i.kind === kind).length;
        expect(count('overdue-session')).toBe(
          report.obligations.filter((o) => o.status === 'overdue').length,
        );
        expect(count('unwritten-record')).toBe(
          report.recordings.filter((r) => r.status === 'overdue').length,
        );
        const soon = report.obligations.filter((o) => o.status === 'upcoming' && o.dueOn <= addDays(asOf, 7));
        expect(count('due-soon')).toBe(soon.length);
        // Binding overdue, then advisory overdue (each oldest first), then due soon by date.
        const rank = (i: (typeof items)[number]) =>
          i.kind === 'due-soon' ? 2 : i.severity === 'breach' ? 0 : 1;
        for (let k = 1; k < items.length; k++) {
          const [a, b] = [items[k - 1]!, items[k]!];
          expect(rank(a)).toBeLessThanOrEqual(rank(b));
          if (rank(a) === rank(b) && rank(a) < 2) expect(a.daysOverdue).toBeGreaterThanOrEqual(b.daysOverdue);
          if (rank(a) === 2 && rank(b) === 2) expect(a.dueOn <= b.dueOn).toBe(true);
        }
        for (const i of items) {
          if (i.kind === 'due-soon') expect(i.daysOverdue).toBe(0);
          else expect(i.daysOverdue).toBeGreaterThan(0);
        }
        // Every row is red exactly when one of its items is overdue under a binding rule.
        for (const row of subjectStatuses(report, { policy }))
          expect(row.rag === 'red').toBe(
            row.actions.some((a) => a.kind !== 'due-soon' && a.severity === 'breach'),
          );
      }),
      RUNS,
    );
  }, 30_000);
});

function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
