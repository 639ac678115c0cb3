import { readFileSync } from 'node:fs';

/** A problem the command line reports with exit code 2 (bad input or usage), never a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/** Reads and parses a JSON file, turning every failure into a plain sentence. */
export function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError([
      `${path}: cannot read the ${what}${code === 'ENOENT' ? ': no such file' : ` (${code ?? 'error'})`}`,
    ]);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError([`${path}: the ${what} is not valid JSON: ${(e as Error).message}`]);
  }
}

/** Colour only on a terminal, and never when NO_COLOR is set. */
export function painter(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv) {
  const on = Boolean(stream.isTTY) && !env.NO_COLOR;
  const wrap = (code: number) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { red: wrap(31), yellow: wrap(33), green: wrap(32), bold: wrap(1), dim: wrap(2) };
}
export type Painter = ReturnType<typeof painter>;
