import { closeSync, openSync } from 'node:fs';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readBounded } from '../../src/cli/io.js';
import { EXIT_CLOSED_OUTPUT, runCli } from '../../src/cli/main.js';
import { cli, tempFiles, yorkHistory } from './fake-io.js';

const { file } = tempFiles();
const history = file('history.json', yorkHistory);
const BOM = '\ufeff';
const evaluateArgs = (path: string, ...more: string[]) => [
  'evaluate',
  path,
  '--policy',
  'york',
  '--as-of',
  '2025-09-15',
  ...more,
];

describe('reading the history', () => {
  it('a file that starts with a UTF-8 byte-order mark is read', () => {
    const r = cli(['validate', file('bom.json', BOM + JSON.stringify(yorkHistory))]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('valid (1 staff, 0 cases, 3 events)');
  });

  it('- reads standard input (here a file descriptor), byte-order mark and all', () => {
    const fd = openSync(file('stdin.json', BOM + JSON.stringify(yorkHistory)), 'r');
    try {
      const r = cli(evaluateArgs('-', '--format', 'json'), { stdin: fd });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).breaches.length).toBeGreaterThan(0);
    } finally {
      closeSync(fd);
    }
  });

  it('a file over the limit is refused before it is read: exit 2 and how to raise the limit', () => {
    const big = file('big.json', `${JSON.stringify(yorkHistory)}${' '.repeat(1_000_000)}`);
    const r = cli(['validate', big], { env: { SUPERVISION_RULES_MAX_INPUT_MB: '1' } });
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `${big}: the history is larger than 1 MB, the most this command reads (set SUPERVISION_RULES_MAX_INPUT_MB to change it)\n`,
    );
    // Within the limit it is read.
    expect(cli(['validate', big], { env: { SUPERVISION_RULES_MAX_INPUT_MB: '2' } }).code).toBe(0);
  });

  it('a limit that is not a whole number of megabytes from 1 to 536 is a usage error', () => {
    for (const value of ['0', '537', '1.5', 'lots', '-3']) {
      const r = cli(['validate', history], { env: { SUPERVISION_RULES_MAX_INPUT_MB: value } });
      expect(r.code).toBe(2);
      expect(r.err).toContain('SUPERVISION_RULES_MAX_INPUT_MB must be a whole number of megabytes');
    }
  });

  it('/dev/zero, as a path or as standard input, is refused at its first byte', () => {
    expect(cli(['validate', '/dev/zero'])).toMatchObject({
      code: 2,
      err: '/dev/zero: the history is not valid JSON: it starts with byte 0x00\n',
    });
    const fd = openSync('/dev/zero', 'r');
    try {
      expect(cli(['validate', '-'], { stdin: fd })).toMatchObject({
        code: 2,
        err: 'standard input: the history is not valid JSON: it starts with byte 0x00\n',
      });
    } finally {
      closeSync(fd);
    }
  });

  it('an endless stream of whitespace is refused once it passes the limit, not read to the end', () => {
    let given = 0;
    const endless = (buffer: Buffer, offset: number) => {
      const n = Math.min(4096, buffer.length - offset);
      buffer.fill(0x20, offset, offset + n);
      given += n;
      return n;
    };
    const limits = {
      sizeHint: 0,
      maxBytes: 100_000,
      tooLarge: () => new Error('too large'),
      notJson: () => new Error('not JSON'),
    };
    expect(() => readBounded(endless, limits)).toThrow('too large');
    expect(given).toBeLessThanOrEqual(100_001);
    // A source that ends within the limit is read whole, whatever its chunks.
    let left = 70_000;
    const finite = (buffer: Buffer, offset: number) => {
      const n = Math.min(left, 3000, buffer.length - offset);
      buffer.fill(0x20, offset, offset + n);
      left -= n;
      return n;
    };
    expect(readBounded(finite, limits).length).toBe(70_000);
  });

  it('a directory is a usage error', () => {
    expect(cli(['validate', __dirname])).toMatchObject({ code: 2, err: expect.stringContaining('EISDIR') });
  });
});

/** A stream whose reader goes away after `after` characters: later writes fail with `code`. */
const closingStream = (after: number, code = 'EPIPE') => {
  let taken = 0;
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: string, _enc, done) {
      taken += chunk.length;
      if (taken > after) done(Object.assign(new Error(`write ${code}`), { code }));
      else done();
    },
  });
  return { stream, taken: () => taken };
};

describe('writing the output', () => {
  it('JSON goes out in pieces of about 64 KiB, together exactly JSON.stringify(report, null, 2)', () => {
    const events = Array.from({ length: 2000 }, (_, i) => ({
      id: `E${i}`,
      type: 'one-to-one',
      date: '2025-06-02',
      superviseeId: 'S1',
    }));
    const big = file('many.json', { ...yorkHistory, events });
    const r = cli(evaluateArgs(big, '--format', 'json'));
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(r.out).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(r.pieces.length).toBeGreaterThan(2);
    expect(Math.max(...r.pieces.map((p) => p.length))).toBeLessThan(70_000);
  });

  it('when the reader goes away (| head) the command stops quietly with exit 141', async () => {
    const { stream, taken } = closingStream(70_000);
    const events = Array.from({ length: 2000 }, (_, i) => ({
      id: `E${i}`,
      type: 'one-to-one',
      date: '2025-06-02',
      superviseeId: 'S1',
    }));
    let err = '';
    const code = runCli(evaluateArgs(file('many2.json', { ...yorkHistory, events }), '--format', 'csv'), {
      stdout: stream,
      stderr: { write: (s: string) => (err += s) },
      env: {},
    });
    expect(code).toBe(EXIT_CLOSED_OUTPUT);
    expect(err).toBe('');
    expect(taken()).toBeLessThan(3 * 70_000); // it stopped writing
    await new Promise((r) => setTimeout(r, 20)); // the stream's 'error' event is handled, not thrown
  });

  it('another write failure is one line with exit 2', async () => {
    const { stream } = closingStream(0, 'ENOSPC');
    let err = '';
    const code = runCli(['policies', '--format', 'json'], {
      stdout: stream,
      stderr: { write: (s: string) => (err += s) },
      env: {},
    });
    expect(code).toBe(2);
    expect(err).toBe('supervision-rules: cannot write the output (ENOSPC)\n');
    await new Promise((r) => setTimeout(r, 20));
  });

  it('a closed stderr does not turn exit 2 into a crash', async () => {
    const { stream } = closingStream(0);
    const code = runCli(['validate', '/dev/zero'], {
      stdout: { write: () => true },
      stderr: stream,
      env: {},
    });
    expect(code).toBe(2);
    await new Promise((r) => setTimeout(r, 20)); // an unhandled 'error' event would fail this test
  });

  it('every format of evaluate and compare ends with 141 when the reader has gone', async () => {
    const events = Array.from({ length: 300 }, (_, i) => ({
      id: `E${i}`,
      type: 'one-to-one',
      date: '2025-06-02',
      superviseeId: 'S1',
    }));
    const path = file('many3.json', { ...yorkHistory, events });
    for (const args of [
      evaluateArgs(path, '--format', 'table'),
      evaluateArgs(path, '--format', 'json'),
      evaluateArgs(path, '--format', 'csv'),
      ['compare', path, '--as-of', '2025-09-15'],
      ['compare', path, '--as-of', '2025-09-15', '--format', 'json'],
    ]) {
      let err = '';
      const code = runCli(args, {
        stdout: closingStream(0).stream,
        stderr: { write: (s: string) => (err += s) },
        env: {},
      });
      expect({ args, code, err }).toEqual({ args, code: EXIT_CLOSED_OUTPUT, err: '' });
    }
    await new Promise((r) => setTimeout(r, 20));
  });
});
