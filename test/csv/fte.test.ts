/**
 * A staff `fte` (construct 4's pro rata minimum) is a decimal fraction: the generic CSV layout writes it
 * as the history gives it (0.6) and reads it back, and refuses a cell that is not a number. A worker's
 * `shifts` (construct 7) are one cell of dates; an arrangement's `caseId` (construct 3) is a column.
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

describe('shifts and an arrangement about a case, through the generic layout', () => {
  it('come back as they went', () => {
    const h = {
      staff: [
        {
          id: 'S1',
          role: 'social-worker',
          startDate: '2025-06-02',
          shifts: ['2025-06-02', '2025-06-03'],
          arrangements: [
            { type: 'agreed-interval', from: '2025-06-02', interval: { weeks: 2 }, caseId: 'C1' },
          ],
        },
      ],
    } as History;
    const files = exportCsv(h);
    expect(files['staff.csv']).toContain('2025-06-02;2025-06-03');
    const { history: back, problems } = importCsv(files);
    expect(problems.map(problemText)).toEqual([]);
    expect(back.staff[0]!.shifts).toEqual(['2025-06-02', '2025-06-03']);
    expect(back.staff[0]!.arrangements).toEqual([
      { type: 'agreed-interval', from: '2025-06-02', interval: { weeks: 2 }, caseId: 'C1' },
    ]);
  });
});
