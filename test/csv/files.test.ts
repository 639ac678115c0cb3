import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCsv, importCsvDirectory, problemText } from '../../src/csv/index.js';

const example = JSON.parse(readFileSync(join(__dirname, '../../fixtures/example/history.json'), 'utf8'));

describe('importCsvDirectory streams each file', () => {
  it('reports progress as rows arrive, then once at the end of each file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sr-files-'));
    for (const [f, text] of Object.entries(exportCsv(example))) writeFileSync(join(dir, f), text);
    const calls: string[] = [];
    const r = await importCsvDirectory(dir, undefined, {
      progressEvery: 100,
      onProgress: (file, rows, done) => calls.push(`${file} ${rows}${done ? ' done' : ''}`),
    });
    expect(r.problems).toEqual([]);
    expect(calls.filter((c) => c.startsWith('events.csv'))).toEqual([
      'events.csv 100',
      'events.csv 200',
      'events.csv 211 done',
    ]);
  });

  it('text that stops being CSV part way: the rows before it are read, the problem has its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sr-files-'));
    writeFileSync(
      join(dir, 'staff.csv'),
      'id,role,startDate\nS1,social-worker,2020-01-06\nS2,social-worker,"2020-01-06\nS3,social-worker,2020-01-06\n',
    );
    const r = await importCsvDirectory(dir);
    expect(r.history.staff.map((s) => s.id)).toEqual(['S1']);
    expect(r.problems.map(problemText)).toEqual([
      expect.stringMatching(/^staff\.csv:\d+: not readable as CSV: .*Quote/i),
    ]);
  });
});
