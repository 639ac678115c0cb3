import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparisonToTable } from '../../src/cli/format-compare.js';
import { compare } from '../../src/front-door.js';

const plain = { red: String, yellow: String, green: String, bold: String, dim: String };
const history = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/example/history.json'), 'utf8'),
);
const table = comparisonToTable(compare(history, { asOf: '2025-12-01', policies: ['york', 'derby'] }), plain);

describe('compare as a table (the example team, 1 Dec 2025)', () => {
  it('counts records not yet written in "overdue now", and shows them on their own', () => {
    // columns: breaches, advisory, in timescale, records on time, overdue now, of which records, not evaluable
    expect(table).toMatch(
      /^policy +breaches +advisory +in timescale +records on time +overdue now +of which records +not evaluable$/m,
    );
    expect(table).toMatch(/^york +109 +183 +89\.6% +72% +21 +21 +0$/m);
  });

  it('lists advisory rules apart from the most breached', () => {
    const york = table.split('\n').find((l) => l.startsWith('york ') && l.includes('most breached'))!;
    const [breached, advisory] = york.split('; ADVISORY (not breaches): ');
    expect(breached).not.toContain('YRK-13');
    expect(breached).toContain('YRK-2 40');
    expect(advisory).toBe('YRK-13 183');
    const derby = table.split('\n').find((l) => l.startsWith('derby ') && l.includes('most breached'))!;
    expect(derby).toMatch(/most breached: DER-6 45, .*; ADVISORY \(not breaches\): DER-9 46, DER-3 2$/);
  });
});
