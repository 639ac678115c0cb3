/**
 * A staff `fte` (construct 4's pro rata minimum) is a decimal fraction: the generic CSV layout writes it
 * as the history gives it (0.6) and reads it back, and refuses a cell that is not a number.
 */
import { describe, expect, it } from 'vitest';
import { exportCsv, importCsv, problemText } from '../../src/csv/index.js';
import type { History } from '../../src/history/schema.js';

const history = {
  staff: [
    { id: 'S1', role: 'social-worker', startDate: '2025-06-02', fte: 0.6 },
    { id: 'S2', role: 'social-worker', startDate: '2025-06-02', fte: 1 },
  ],
} as History;

describe('fte in staff.csv', () => {
  it('0.6 and 1 come back as numbers', () => {
    const files = exportCsv(history);
    expect(files['staff.csv']).toMatch(/\bfte\b/);
    const { history: back, problems } = importCsv(files);
    expect(problems.map(problemText)).toEqual([]);
    expect(back.staff.map((s) => s.fte)).toEqual([0.6, 1]);
  });

  it('a cell such as "three days" is a problem at its row, not a guess', () => {
    const files = exportCsv(history);
    const bad = { ...files, 'staff.csv': files['staff.csv']!.replace('0.6', 'three days') };
    const { problems } = importCsv(bad);
    expect(problems.map(problemText).join('\n')).toMatch(/three days is not a number/);
  });
});
