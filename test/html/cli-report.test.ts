import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'sr-html-'));
/** The command line in process (the built CLI is run by test/cli). */
const run = (...args: string[]) => {
  let out = '';
  let err = '';
  const code = runCli(args, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: {},
  });
  return { code, out, err };
};
const example = resolve(__dirname, '../../fixtures/example/history.json');

describe('supervision-rules report', () => {
  it('writes one self-contained page and says where, and how big', () => {
    const out = join(dir, 'york.html');
    const r = run('report', example, '--policy', 'york', '--as-of', '2025-12-01', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(r.out).toBe(`${out}: ${Math.ceil(Buffer.byteLength(html) / 1024)} KB\n`);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // Nothing to fetch: no src= or href= other than the page's own #anchors.
    expect(html.match(/\b(?:src|href)="(?!#)[^"]*"/g)).toBeNull();
    const data = JSON.parse(
      html.match(/<script type="application\/json" id="report-data">(.*?)<\/script>/s)![1]!,
    );
    expect(data.asOf).toBe('2025-12-01');
    expect(data.policy.id).toBe('york');
  });

  it('--team keeps that team; --out - writes the page to standard output', () => {
    const r = run(
      'report',
      example,
      '--policy',
      'york',
      '--as-of',
      '2025-12-01',
      '--team',
      'T9',
      '--out',
      '-',
    );
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out.match(/id="report-data">(.*?)<\/script>/s)![1]!);
    expect(data.workers).toEqual([]);
    expect(data.actionsLeftOut).toBe(22);
  });

  it('needs --out and --policy, a real date after --since and a place to write (exit 2, a sentence, no page)', () => {
    const noOut = run('report', example, '--policy', 'york', '--as-of', '2025-12-01');
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('report needs --out <report.html>');
    const noPolicy = run('report', example, '--as-of', '2025-12-01', '--out', '-');
    expect(noPolicy.code).toBe(2);
    expect(noPolicy.err).toContain('report needs --policy');
    expect(noPolicy.out).toBe('');
    const badSince = run(
      'report',
      example,
      '--policy',
      'york',
      '--as-of',
      '2025-12-01',
      '--since',
      '2025-02-30',
      '--out',
      '-',
    );
    expect(badSince.code).toBe(2);
    expect(badSince.err).toBe('--since must be a date (YYYY-MM-DD), not 2025-02-30\n');
    const nowhere = join(dir, 'no-such-folder', 'york.html');
    const unwritable = run('report', example, '--policy', 'york', '--as-of', '2025-12-01', '--out', nowhere);
    expect(unwritable.code).toBe(2);
    expect(unwritable.err).toBe(`${nowhere}: cannot write the report (ENOENT)\n`);
  });
});
