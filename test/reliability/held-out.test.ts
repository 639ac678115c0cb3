/**
 * The held-out set: each hostile or extreme input in its own process, with 256 MB of heap and a time
 * limit, against the library as built. Every one must be answered or refused with an InputError:
 * no crash, no RangeError or TypeError from inside, no running out of memory or time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const RUNNER = resolve(__dirname, 'held-out-cases.mjs');
let outDir = '';
let library = '';

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'supervision-rules-held-out-'));
  // Everything bundled, so the built file runs from a temporary directory.
  await build({
    config: false,
    entry: { index: resolve(__dirname, '../../src/index.ts') },
    format: ['esm'],
    target: 'node20',
    outDir,
    silent: true,
    noExternal: [/.*/],
  });
  library = pathToFileURL(join(outDir, 'index.js')).href;
}, 120_000);
afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Runs one case in its own process: its outcome line, or why it failed. */
function runCase(name: string) {
  const child = spawnSync(
    process.execPath,
    ['--max-old-space-size=256', '--stack-size=984', RUNNER, library, name],
    {
      // date-holidays, which the calendar loads on first use for a year outside its table, from here.
      env: { ...process.env, NODE_PATH: resolve(__dirname, '../../node_modules') },
      encoding: 'utf8',
      timeout: 45_000,
      maxBuffer: 1 << 20,
    },
  );
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  return {
    status: child.status,
    signal: child.signal,
    stderr: child.stderr.slice(0, 500),
    result: line.startsWith('{')
      ? (JSON.parse(line) as { outcome: string; code?: string; paths?: string[] })
      : null,
  };
}

const refused: [string, string, string][] = [
  ['gloucestershire asOf 9999', 'invalid-options', 'asOf'],
  ['derby asOf 9999', 'invalid-options', 'asOf'],
  ['a session in the last week of 9999', 'invalid-history', 'events[0].date'],
  ['a far-future startDate', 'invalid-history', 'staff[0].startDate'],
  ['a far-future recordedAt', 'invalid-history', 'events[0].recordedAt'],
  ['a policy interval of a billion days', 'invalid-policy', 'rules[0].schedule[0].interval.days'],
  ['a policy interval of 100,000 months', 'invalid-policy', 'rules[0].schedule[0].interval.months'],
  ['an agreed interval of three million days', 'invalid-history', 'staff[0].arrangements[0].interval.days'],
  ['gloucestershire, 40 students, asOf 9698-12-31', 'invalid-options', 'asOf'],
  ['a sparse list of length 2^32-1', 'invalid-history', 'events'],
  ['a tree of shared references, 28 levels', 'invalid-history', 'staff[0].extra.a.a.a.a'],
  ['a throwing getter', 'invalid-history', 'staff[0].teamId'],
  ['a revoked proxy as the history', 'invalid-history', ''],
  ['a revoked proxy as the options', 'invalid-options', 'asOf'],
  ['a revoked proxy as the policy', 'invalid-policy', ''],
  ['a proxy whose traps all throw', 'invalid-history', ''],
  ['nesting 100,000 levels deep', 'invalid-history', `staff[0].deep${'.d'.repeat(62)}`],
  ['a cycle', 'invalid-history', `staff[0]${'.self'.repeat(60)}`],
  ["compare with policies: 'york'", 'invalid-options', 'policies'],
  ['lintPolicy({})', 'invalid-policy', 'id'],
  ['a million problems', 'invalid-history', 'staff[0].id'],
];
const answered = [
  'an end date of 9999-12-31 (no end)',
  'gloucestershire, 10 students judged 100 years',
  'years 1100 to 9699 in one history',
  'a case with 130,000 allocations',
];

describe('held-out inputs, each in its own process (256 MB, 45 s)', () => {
  it.each(refused)('%s: refused (%s) at %s…', (name, code, path) => {
    const run = runCase(name);
    expect(run.signal, run.stderr).toBeNull();
    expect(run.status, run.stderr).toBe(0);
    expect(run.result?.outcome).toBe('refused');
    expect(run.result?.code).toBe(code);
    expect(run.result?.paths?.[0]?.startsWith(path)).toBe(true);
  });

  it.each(answered)('%s: answered', (name) => {
    const run = runCase(name);
    expect(run.signal, run.stderr).toBeNull();
    expect(run.status, run.stderr).toBe(0);
    expect(run.result?.outcome).toBe('answered');
  });
});
