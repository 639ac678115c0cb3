import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportToTable } from '../../src/cli/format-table.js';
import { printable } from '../../src/cli/printable.js';
import { evaluate } from '../../src/front-door.js';
import { getPolicy, policyIds } from '../../src/policies.js';
import { staffNames } from '../../src/report/needs-action.js';
import type { Breach } from '../../src/report/types.js';
import { breach, reportOf } from '../report/built-report.js';

const plain = { red: String, yellow: String, green: String, bold: String, dim: String };
const history = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/example/history.json'), 'utf8'),
);
const names = staffNames(history);
const tableOf = (id: (typeof policyIds)[number], extra: { history?: boolean; since?: string } = {}) => {
  const policy = getPolicy(id);
  return reportToTable(evaluate(policy, history, { asOf: '2025-12-01' }), plain, { policy, names, ...extra });
};

describe('the table of the example team (1 Dec 2025)', () => {
  const york = tableOf('york');
  const lines = york.trimEnd().split('\n');

  it.each(policyIds)('%s: fits in under 150 lines by default', (id) => {
    expect(tableOf(id).trimEnd().split('\n').length).toBeLessThan(150);
  });

  it('names the council, the policy and its version in the header', () => {
    expect(lines[0]).toBe(
      "City of York Council, Children's Social Care: Supervision Policy, version 1:2 (york), as of 2025-12-01",
    );
  });

  it('opens with what needs action now: records not written oldest first, advisory apart, then due soon', () => {
    expect(lines[2]).toBe('Needs action now');
    expect(lines[3]).toBe('  Overdue, oldest first (11 items)');
    // YRK-7 for C02: E0036 on Fri 7 Feb 2025, due 2 working days later on Tue 11 Feb;
    // 1 Dec − 11 Feb = 17 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 1 = 293 days.
    expect(lines[4]).toMatch(
      /^ {4}RECORD NOT WRITTEN 293 days overdue {2}Case C02 {2}YRK-7 {2}The case supervision record of one-to-one E0036/,
    );
    const days = lines.slice(4, 15).map((l) => Number(/(\d+) days overdue/.exec(l)![1]));
    expect(days).toEqual([...days].sort((a, b) => b - a));
    // S5 (Grace Lee) left in June; her record of E0086 (Tue 22 Apr, due Thu 24 Apr) is 221 days overdue.
    expect(york).toContain(
      'RECORD NOT WRITTEN 221 days overdue  Worker S5 (Grace Lee)  YRK-12  The supervision record of one-to-one E0086',
    );
    const advisoryHead = lines.indexOf(
      '  ADVISORY: overdue under rules the policy recommends but does not require; not breaches (10 items)',
    );
    expect(advisoryHead).toBe(15);
    for (const l of lines.slice(16, 26))
      expect(l).toMatch(/^ {4}ADVISORY RECORD NOT WRITTEN +\d+ days overdue .* YRK-13 /);
    expect(lines[26]).toBe('  Due within 7 days (1 item)');
    // S3's last 1:1 was Mon 10 Nov; 4-weekly: due Mon 8 Dec, 7 days after 1 Dec.
    expect(lines[27]).toMatch(/^ {4}DUE 2025-12-08 \(in 7 days\) {2}Worker S3 \(Nadia Khan\) {2}YRK-2 /);
  });

  it('then one line per worker with its name, status in words, next due date and recent breaches', () => {
    const at = lines.indexOf('Workers (10)');
    expect(at).toBeGreaterThan(27);
    expect(lines[at + 1]).toMatch(/^ {2}status +id +name +next due +breaches \(90 days\) +advisory +why$/);
    const s5 = lines.find((l) => /^ {2}RED +S5 /.test(l))!;
    expect(s5).toMatch(/S5 +Grace Lee +none +0 +0 +1 record not written, the oldest 221 days$/);
    const s3 = lines.find((l) => /^ {2}\w+ +S3 /.test(l))!;
    expect(s3).toMatch(/^ {2}AMBER +S3 +Nadia Khan +2025-12-08 YRK-2 /);
    expect(lines.indexOf('Cases (40)')).toBeGreaterThan(at);
    const c02 = lines.find((l) => /^ {2}\w+ +C02 /.test(l))!;
    expect(c02).toMatch(
      /^ {2}RED +C02 +2026-02-13 YRK-6 +0 +3 ADVISORY +1 record not written, the oldest 293 days$/,
    );
  });

  it('leaves out the breach history unless asked', () => {
    expect(york).not.toContain('Breach history');
    expect(york).not.toMatch(/^ {4}BREACH /m);
  });

  it('--history lists every breach, advisory ones marked ADVISORY in words', () => {
    const all = tableOf('york', { history: true });
    const report = evaluate('york', history, { asOf: '2025-12-01' });
    expect(all.match(/^ {4}BREACH +YRK-/gm)).toHaveLength(
      report.breaches.filter((b) => b.severity === 'breach').length,
    );
    expect(all.match(/^ {4}ADVISORY +YRK-13 /gm)).toHaveLength(183);
    expect(all).toContain('  Worker S3 (Nadia Khan)\n    BREACH   YRK-2   due 2025-01-09  11d late ');
  });

  it('--since lists the breaches due on or after the date only', () => {
    const since = tableOf('york', { since: '2025-11-01' });
    expect(since).toContain('Breach history: deadlines on or after 2025-11-01');
    const dues = [...since.matchAll(/^ {4}(?:BREACH|ADVISORY) +\S+ +due (\S+)/gm)].map((m) => m[1]!);
    expect(dues.length).toBeGreaterThan(0);
    for (const d of dues) expect(d >= '2025-11-01').toBe(true);
    // A1's YRK-2 due Wed 5 Nov (28 days after Wed 8 Oct) is in; S3's due Thu 9 Jan is not.
    expect(since).toContain('BREACH   YRK-2   due 2025-11-05  7d late ');
    expect(since).not.toContain('due 2025-01-09');
  });

  it('groups what could not be evaluated by rule (Derby DER-7: cases without review dates)', () => {
    const derby = tableOf('derby');
    expect(derby).toMatch(/^NOT EVALUABLE DER-7 for 23 cases C05, C08, .*, …: case C05 has no review dates/m);
    expect(tableOf('derby', { history: true }).match(/^NOT EVALUABLE DER-7 Case /gm)).toHaveLength(23);
  });

  it('the README’s excerpt is what it prints (lines without an ellipsis, verbatim)', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const block = /the table is (\d+) lines; an excerpt:\n\n```\n([\s\S]*?)```/.exec(readme)!;
    expect(Number(block[1])).toBe(lines.length);
    const shown = block[2]!.split('\n').filter((l) => l !== '' && !l.includes('…'));
    expect(shown.length).toBeGreaterThan(8);
    for (const l of shown) expect(lines, l).toContain(l);
  });

  it('closes with a summary that keeps advisory findings apart and counts what is overdue now', () => {
    expect(lines.at(-1)).toBe(
      'Summary: 109 breaches and 183 ADVISORY findings (not breaches); 0 sessions overdue and 21 records not written now; sessions in timescale 89.6%; records on time 72%.',
    );
  });
});

describe('printing what the input holds', () => {
  it('printable escapes C0 and C1 control characters and DEL, and nothing else', () => {
    expect(printable('S1\u001b[31m\nX\u007f\u0085\u009f é ✓')).toBe(
      'S1\\u001b[31m\\u000aX\\u007f\\u0085\\u009f é ✓',
    );
    expect(printable('plain')).toBe('plain');
    expect(printable('\u0000')).toBe('\\u0000');
  });

  it('ids and names cannot move the cursor or colour the table', () => {
    const input = {
      staff: [
        {
          id: 'S\u001b[2J',
          name: 'Eve\r\nRED    X1',
          role: 'social-worker',
          startDate: '2018-01-08',
          qualifiedDate: '2017-07-01',
        },
      ],
      events: [{ id: 'E\u0007', type: 'one-to-one', date: '2025-06-02', superviseeId: 'S\u001b[2J' }],
    };
    const policy = getPolicy('york');
    const table = reportToTable(evaluate(policy, input, { asOf: '2025-09-15' }), plain, {
      policy,
      names: staffNames(input),
      history: true,
    });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: checking that none is printed
    expect(table).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(table).toContain('S\\u001b[2J');
    expect(table).toContain('Eve\\u000d\\u000aRED    X1');
    expect(table).toContain('E\\u0007');
  });
});

describe('a subject with 125,000 findings', () => {
  it('prints without a stack overflow', () => {
    const n = 125_000;
    const subject = { type: 'staff' as const, id: 'S1' };
    const breaches: Breach[] = new Array(n);
    for (let i = 0; i < n; i++)
      breaches[i] = breach('R1', subject, '2025-11-01', {
        kind: i % 2 === 0 ? 'unrecorded' : 'late',
        metOn: i % 2 === 0 ? null : '2025-01-02',
        eventId: `E${i}`,
        explanation: `record ${i}`,
      });
    const report = reportOf([], breaches);
    const table = reportToTable(report, plain, { history: true });
    expect(table).toContain(`  Overdue, oldest first (${n / 2} items)`);
    expect(table).toMatch(/^ {2}RED +S1 +none +125000 +0 +62500 records not written, the oldest 30 days$/m);
    expect(table.split('\n').filter((l) => l.startsWith('    BREACH'))).toHaveLength(n);
  });
});
