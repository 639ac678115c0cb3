import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { cliAsync } from './fake-io.js';

const root = resolve(__dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'sr-csv-'));
// The command line in this process (import answers with a promise); paths from the repository's root.
const run = (...args: string[]) => cliAsync(args.map((a) => (/^fixtures\//.test(a) ? join(root, a) : a)));
const folder = (name: string, files: Record<string, string>) => {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
};
const staff = 'id,role,startDate\nS1,social-worker,2020-01-06\n';

describe('supervision-rules export and import', () => {
  it('export writes one file per table; import reads them back to the same history', async () => {
    const dir = join(tmp, 'example');
    const e = await run('export', 'fixtures/example/history.json', '--out', dir);
    expect(e.code).toBe(0);
    expect(e.out).toContain('wrote 13 files (10 staff, 40 cases, 211 events)');
    expect(readFileSync(join(dir, 'case-records.csv'), 'utf8').split('\n')[0]).toBe(
      'eventId,caseId,recordedAt',
    );
    const out = join(tmp, 'example.json');
    const i = await run('import', dir, '--out', out);
    expect(i.code).toBe(0);
    const back = JSON.parse(readFileSync(out, 'utf8'));
    const example = JSON.parse(readFileSync(join(root, 'fixtures/example/history.json'), 'utf8'));
    expect(back.events).toHaveLength(example.events.length);
    // P1: fullTime false, an arrangement with an interval; open ends (null) come back as absent.
    const noNulls = JSON.parse(JSON.stringify(example.staff[7], (_k, v) => (v === null ? undefined : v)));
    expect(back.staff[7]).toEqual(noNulls);
    expect(i.err).toMatch(/events\.csv\s+211\s+211\s+0\s+0/);
  });

  it('a bad row: exit 2, every problem listed with a summary, nothing written', async () => {
    const dir = folder('bad', {
      'staff.csv': staff,
      'events.csv': 'id,type,date,superviseeId\nE1,one-to-one,2025-02-30,S1\nE2,one-to-one,2025-03-03,S1\n',
    });
    const out = join(tmp, 'bad.json');
    const r = await run('import', dir, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'events.csv:2:date: 2025-02-30 is not a date (expected YYYY-MM-DD, a real day from year 1000)',
    );
    expect(r.err).toMatch(/events\.csv\s+2\s+1\s+1\s+0/);
    expect(r.err).toContain('1 problem: nothing written (--skip-bad-rows writes the rows that are fine)');
    expect(existsSync(out)).toBe(false);
  });

  it('--skip-bad-rows still lists the problem, and writes the rows that are fine', async () => {
    const dir = join(tmp, 'bad');
    const r = await run('import', dir, '--skip-bad-rows');
    expect(r.code).toBe(0);
    expect(r.err).toContain('events.csv:2:date: 2025-02-30 is not a date');
    expect(JSON.parse(r.out).events.map((e: { id: string }) => e.id)).toEqual(['E2']);
  });

  it('problems are capped at 50, with a count of the rest', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `E${i},one-to-one,2025-13-01,S1`).join('\n');
    const dir = folder('many', { 'staff.csv': staff, 'events.csv': `id,type,date,superviseeId\n${rows}\n` });
    const r = await run('import', dir);
    expect(r.code).toBe(2);
    expect(r.err.match(/^events\.csv:\d+:date: /gm)).toHaveLength(50);
    expect(r.err).toContain('… and 10 more problems');
    expect(r.err).toContain('60 problems: nothing written');
  });

  it('--mapping ssd reads the Standard Safeguarding Dataset fixture; a mapping file is read too', async () => {
    const ssd = await run('import', 'fixtures/csv/ssd', '--mapping', 'ssd');
    expect(ssd.code).toBe(0);
    expect(JSON.parse(ssd.out).staff).toHaveLength(10);
    const own = await run(
      'import',
      'fixtures/csv/handmade',
      '--mapping',
      'fixtures/csv/handmade/mapping.json',
    );
    expect(own.code).toBe(0);
    expect(JSON.parse(own.out).events).toHaveLength(5);
  });

  it('a mapping that is neither built in nor a file, or a file that is no mapping: exit 2', async () => {
    const r = await run('import', 'fixtures/csv/ssd', '--mapping', 'nope');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--mapping: nope is neither a built-in mapping (generic, ssd) nor a file');
    const bad = join(tmp, 'bad-mapping.json');
    writeFileSync(bad, JSON.stringify({ tables: [{ target: 'allocations', file: 'x.csv', fields: {} }] }));
    const b = await run('import', 'fixtures/csv/ssd', '--mapping', bad);
    expect(b.code).toBe(2);
    expect(b.err).toContain(
      'tables[0].parent: the allocations table needs a parent: the column holding the case id',
    );
  });

  it('export needs --out; import needs a directory', async () => {
    expect((await run('export', 'fixtures/example/history.json')).code).toBe(2);
    expect((await run('import', join(tmp, 'nowhere'))).err).toContain('no such directory');
  });

  it('a progress line on a terminal only', async () => {
    const dir = join(tmp, 'example');
    const capture = (isTTY: boolean) => {
      let err = '';
      const io = {
        stdout: { write: () => true },
        stderr: {
          write: (s: string) => {
            err += s;
            return true;
          },
          isTTY,
        },
        env: {},
      };
      return { io, err: () => err };
    };
    const tty = capture(true);
    expect(await runCli(['import', dir], tty.io)).toBe(0);
    expect(tty.err()).toContain('\revents.csv: 211 rows\n');
    const pipe = capture(false);
    expect(await runCli(['import', dir], pipe.io)).toBe(0);
    expect(pipe.err()).not.toContain('\r');
  });
});
