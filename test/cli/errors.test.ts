import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { cli, tempFiles } from './fake-io.js';

const { dir, file } = tempFiles();
const ESC = '\u001b';
const noStack = /\n\s+at /;

describe('error messages on stderr: input is shown escaped, never raw', () => {
  it('a file name holding an escape sequence and a line break', () => {
    const r = cli(['validate', join(dir, `x${ESC}]0;owned\u0007\nforged.json`)]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'x\\u001b]0;owned\\u0007\\u000aforged.json: cannot read the history: no such file',
    );
    expect(r.err).not.toContain(ESC);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  });

  it("a history's invalid values quoted in its issues", () => {
    const bad = file('bad.json', {
      staff: [{ id: 'S1', role: `wiz${ESC}[2J\nstaff[9].role: forged`, startDate: '2020-01-06' }],
    });
    const r = cli(['validate', bad]);
    expect(r.code).toBe(2);
    const lines = r.err.trimEnd().split('\n');
    expect(lines[0]).toBe('The supervision history is not valid:');
    expect(lines.slice(1)).toEqual([expect.stringMatching(/^staff\[0\]\.role: wiz\\u001b\[2J\\u000astaff/)]);
    expect(r.err).not.toContain(ESC);
  });

  it('an unknown command, a bad --format and a bad option', () => {
    for (const args of [
      [`ev${ESC}[31m`],
      ['evaluate', 'h.json', '--policy', 'york', '--as-of', '2025-01-01', '--format', `j${ESC}c`],
      [`--x${ESC}c`],
      ['evaluate', 'h.json', '--policy', `p${ESC}c`, '--as-of', '2025-01-01'],
    ]) {
      const r = cli(args);
      expect(r.code).toBe(2);
      expect(r.err).toContain('\\u001b');
      expect(r.err).not.toContain(ESC);
    }
  });
});

describe('the command line never prints a stack trace', () => {
  it('an unexpected error is one line on stderr with exit 2', () => {
    let err = '';
    const code = runCli(['policies', '--format', 'json'], {
      stdout: {
        write: () => {
          throw new TypeError(`boom${ESC}[2J\n    at somewhere (file.js:1:1)`);
        },
      },
      stderr: { write: (s: string) => (err += s) },
      env: {},
    });
    expect(code).toBe(2);
    expect(err).toMatch(
      /^supervision-rules: unexpected error: TypeError: boom\\u001b\[2J\\u000a {4}at somewhere/,
    );
    expect(err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('--as-of 9999-12-30 gives an answer or exit 2, never exit 1 or a throw', () => {
    const history = join(__dirname, '../../fixtures/example/history.json');
    for (const policy of ['gloucestershire', 'derby']) {
      const r = cli(['evaluate', history, '--policy', policy, '--as-of', '9999-12-30', '--format', 'json']);
      expect([0, 2]).toContain(r.code);
      expect(r.err).not.toMatch(noStack);
      // Refused at the door: asOf is past the last evaluable date (9699-12-31).
      if (r.code === 2)
        expect(r.err.trimEnd().split('\n')).toEqual([
          'The evaluation options are not valid:',
          'asOf: 9999-12-30 is outside the dates that can be evaluated (1100-01-01 to 9699-12-31)',
        ]);
      else expect(JSON.parse(r.out).asOf).toBe('9999-12-30');
    }
  });
});
