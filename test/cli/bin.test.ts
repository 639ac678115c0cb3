import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_OUT } from './build-cli.js';

// The other command line tests run it in this process (fake-io.ts); these run the built command as a
// program, for what only a process shows: the link, the exit code it sets, a real pipe.
// npm installs the command as a symlink named after the package (node_modules/.bin/supervision-rules)
// pointing at dist/cli.js; npx runs that link. The command must run whatever it is called.
const dir = mkdtempSync(join(tmpdir(), 'sr-bin-'));
const binDir = join(dir, 'node_modules', '.bin');
mkdirSync(binDir, { recursive: true });
const link = join(binDir, 'supervision-rules');
symlinkSync(join(CLI_OUT, 'cli.js'), link);
const history = join(dir, 'history.json');
// A 4-weekly York worker last supervised 2 Jun 2025: due 30 Jun (2 Jun + 28 days), nothing by 15 Sep.
writeFileSync(
  history,
  JSON.stringify({
    recordsFrom: '2025-06-01',
    staff: [{ id: 'S1', role: 'social-worker', startDate: '2018-01-08', qualifiedDate: '2017-07-01' }],
    events: [
      { id: 'E1', type: 'one-to-one', date: '2025-06-02', superviseeId: 'S1', recordedAt: '2025-06-02' },
    ],
  }),
);
const env = {
  ...process.env,
  NO_COLOR: '1',
  PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}`,
};
const viaLink = (...args: string[]) => spawnSync(link, args, { encoding: 'utf8', cwd: dir, env });
const viaNode = (...args: string[]) =>
  spawnSync(process.execPath, [link, ...args], { encoding: 'utf8', cwd: dir, env });

describe('the installed command, run through a symlink as npm installs it', () => {
  it('--version prints the version through the link (run as a program and through node)', () => {
    for (const r of [viaLink('--version'), viaNode('--version')]) {
      expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
      expect(r.status).toBe(0);
    }
  });

  it('a missing file exits 2 and says so', () => {
    const r = viaLink('evaluate', join(dir, 'missing.json'), '--policy', 'york', '--as-of', '2025-09-15');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no such file');
  });

  it('--fail-on-breach exits 1 on a missed supervision, and 0 without it', () => {
    const args = ['evaluate', history, '--policy', 'york', '--as-of', '2025-09-15'];
    const failing = viaLink(...args, '--fail-on-breach');
    expect(failing.status).toBe(1);
    expect(failing.stdout).toMatch(/SESSION OVERDUE.*YRK-2.*due by Mon 30 Jun 2025/);
    expect(viaLink(...args).status).toBe(0);
  });

  it('piped into a slow reader that stops early (| head): no stack trace, exit 141 as for SIGPIPE', async () => {
    const example = resolve(__dirname, '../../fixtures/example/history.json');
    // About 1.7 MB of JSON: more than a pipe holds.
    const child = spawn(link, ['compare', example, '--as-of', '2025-12-01', '--format', 'json'], {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    // Read nothing for a while, so the pipe fills and the command waits on it, then go away.
    setTimeout(() => child.stdout.destroy(), 500);
    const code = await new Promise((done) => child.on('close', done));
    expect(err).toBe('');
    expect(code).toBe(141);
  });
});
