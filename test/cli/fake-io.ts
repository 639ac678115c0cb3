import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';

/** A temporary directory and a helper that writes a file there (JSON unless given a string or bytes). */
export function tempFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'sr-cli-'));
  return {
    dir,
    file(name: string, value: unknown): string {
      const path = join(dir, name);
      writeFileSync(
        path,
        typeof value === 'string' || value instanceof Uint8Array ? value : JSON.stringify(value),
      );
      return path;
    },
  };
}

/** Collecting streams for runCli, and the result once the command has answered. */
function fakeIo(extra: { env?: NodeJS.ProcessEnv; stdin?: number }) {
  const pieces: string[] = [];
  let err = '';
  const io = {
    stdout: { write: (s: string) => pieces.push(s) },
    stderr: { write: (s: string) => (err += s) },
    env: { NO_COLOR: '1', ...extra.env },
    ...(extra.stdin === undefined ? {} : { stdin: extra.stdin }),
  };
  return { io, result: (code: number) => ({ code, out: pieces.join(''), pieces, err }) };
}

/** Runs the command line in this process with collecting streams; stdout is kept as its pieces too. */
export function cli(args: string[], extra: { env?: NodeJS.ProcessEnv; stdin?: number } = {}) {
  const { io, result } = fakeIo(extra);
  const code = runCli(args, io);
  if (typeof code !== 'number') throw new Error(`${args[0]} answers later: run it with cliAsync`);
  return result(code);
}

/** {@link cli} for the commands that answer with a promise (import streams its files), awaited. */
export async function cliAsync(args: string[], extra: { env?: NodeJS.ProcessEnv; stdin?: number } = {}) {
  const { io, result } = fakeIo(extra);
  return result(await runCli(args, io));
}

// YRK-2's worked example: sessions 2 Jun, 30 Jun, 4 Aug 2025; as of 15 Sep one late and one missed breach.
export const yorkHistory = {
  recordsFrom: '2025-06-01',
  staff: [{ id: 'S1', role: 'social-worker', startDate: '2018-01-08', qualifiedDate: '2017-07-01' }],
  events: [
    { id: 'E1', type: 'one-to-one', date: '2025-06-02', superviseeId: 'S1', recordedAt: '2025-06-02' },
    { id: 'E2', type: 'one-to-one', date: '2025-06-30', superviseeId: 'S1', recordedAt: '2025-06-30' },
    { id: 'E3', type: 'one-to-one', date: '2025-08-04', superviseeId: 'S1', recordedAt: '2025-08-04' },
  ],
};
