import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparisonToTable } from '../../src/cli/format-table.js';
import { compare, summarise } from '../../src/engine/compare.js';
import type { Obligation, Recording, Report } from '../../src/report/types.js';

const plain = { red: String, yellow: String, green: String, bold: String, dim: String };

describe('compare: what is overdue now', () => {
  it('counts obligations past due and records not yet written, apart', () => {
    const o = (status: Obligation['status']) => ({ status, dueOn: '2025-03-01' }) as Obligation;
    const r = (status: Recording['status']) => ({ status }) as Recording;
    const report = {
      asOf: '2025-03-10',
      totals: { deadlines: 0, deadlinesMet: 0, records: 0, recordsOnTime: 0 },
      breaches: [],
      obligations: [o('overdue'), o('upcoming'), o('overdue')],
      recordings: [r('overdue'), r('pending'), r('late'), r('on-time'), r('overdue'), r('overdue')],
    } as unknown as Report;
    expect(summarise(report).overdueNow).toEqual({ sessions: 2, records: 3 });
  });

  // The example team as of 1 Dec 2025: York has no session overdue but 21 records not written
  // (11 YRK-7 and YRK-12 records, 10 YRK-13 typed case notes); "overdue now" said 0.
  const history = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../fixtures/example/history.json'), 'utf8'),
  );
  const comparison = compare(history, { asOf: '2025-12-01', policies: ['york', 'derby'] });

  it('York on the example team: 21 records overdue now, in the table too', () => {
    const york = comparison.results[0]!;
    expect(york.summary.overdueNow).toEqual({ sessions: 0, records: 21 });
    expect(york.report.recordings.filter((x) => x.status === 'overdue')).toHaveLength(21);
    const table = comparisonToTable(comparison, plain);
    // columns: breaches, advisory, in timescale, records on time, overdue now, of which records, not evaluable
    expect(table).toMatch(/^york +109 +183 +89\.6% +72% +21 +21 +0$/m);
  });

  it('lists advisory rules apart from the most breached', () => {
    const table = comparisonToTable(comparison, plain);
    const york = table.split('\n').find((l) => l.startsWith('york ') && l.includes('most breached'))!;
    const [breached, advisory] = york.split('; ADVISORY (not breaches): ');
    expect(breached).not.toContain('YRK-13');
    expect(breached).toContain('YRK-2 40');
    expect(advisory).toBe('YRK-13 183');
  });
});
