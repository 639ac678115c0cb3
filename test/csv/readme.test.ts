import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCsv, problemText } from '../../src/csv/index.js';
import { evaluate } from '../../src/front-door.js';
import type { History } from '../../src/history/schema.js';

// The README's three ways in (JSON, generic CSV, a mapping) are the blocks after <!-- in:… --> markers.
const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
const block = (name: string) => {
  const body = new RegExp(`<!-- in:${name} -->\\s*\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(readme)?.[1];
  if (body === undefined) throw new Error(`README has no <!-- in:${name} --> block`);
  return body;
};
/** `# dir/name.csv` lines start each file of a text block. */
const filesOf = (text: string) => {
  const files: Record<string, string> = {};
  let current = '';
  for (const line of text.split('\n')) {
    const m = /^# (?:[\w-]+\/)?([\w.-]+\.csv)$/.exec(line);
    if (m) current = m[1]!;
    else if (current && line !== '') files[current] = `${files[current] ?? ''}${line}\n`;
  }
  return files;
};
const yrk2 = (h: History) =>
  evaluate('york', h, { asOf: '2025-09-15' })
    .breaches.filter((b) => b.ruleId === 'YRK-2')
    .map((b) => [b.kind, b.dueOn, b.metOn]);

describe('README: three ways in', () => {
  // 30 Jun + 28 days = 28 Jul, held 4 Aug: late. 4 Aug + 28 days = 1 Sep, nothing by 15 Sep: missed.
  const expected = [
    ['late', '2025-07-28', '2025-08-04'],
    ['missed', '2025-09-01', null],
  ];

  it('the JSON example evaluates to the YRK-2 worked example', () => {
    expect(yrk2(JSON.parse(block('json')))).toEqual(expected);
  });

  it('the generic CSV example imports without a problem, to the same breaches', () => {
    const { history, problems } = importCsv(filesOf(block('csv')));
    expect(problems.map(problemText)).toEqual([]);
    expect(history.events).toHaveLength(3);
    expect(yrk2(history)).toEqual(expected);
  });

  it('the mapping example reads the files the README describes, one row per child folded into one event', () => {
    expect(readme).toContain('(`Worker ID,Job Title,Start Date`)');
    expect(readme).toContain('(`Ref,Held On,Worker ID,Child,Case Note`, one row');
    const { history, problems } = importCsv(
      {
        'workers.csv': 'Worker ID,Job Title,Start Date\nW1,NQSW,01/09/2025\n',
        'log.csv':
          'Ref,Held On,Worker ID,Child,Case Note\nR1,15/09/2025,W1,CH1,15/09/2025 16:00\nR1,15/09/2025,W1,CH2,\n',
      },
      JSON.parse(block('mapping')),
    );
    expect(problems.map(problemText)).toEqual([]);
    expect(history.events).toEqual([
      {
        id: 'R1',
        type: 'one-to-one',
        date: '2025-09-15',
        superviseeId: 'W1',
        caseIds: ['CH1', 'CH2'],
        caseRecords: [{ caseId: 'CH1', recordedAt: '2025-09-15T16:00:00+01:00' }, { caseId: 'CH2' }],
      },
    ]);
  });
});
