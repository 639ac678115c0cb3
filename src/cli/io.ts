import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';

/** A problem the command line reports with exit code 2 (bad input or usage), never a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/** The default and the largest input file, in megabytes (10^6 bytes); see {@link maxInputBytes}. */
export const DEFAULT_MAX_INPUT_MB = 256;
/** The most one JavaScript string can hold (2^29 − 24 characters), rounded down. */
export const LARGEST_MAX_INPUT_MB = 536;
/** The environment variable that sets the input limit. */
export const MAX_INPUT_ENV = 'SUPERVISION_RULES_MAX_INPUT_MB';

/** The input size limit in bytes: `SUPERVISION_RULES_MAX_INPUT_MB` megabytes, 256 unless set. */
export function maxInputBytes(env: NodeJS.ProcessEnv): number {
  const text = env[MAX_INPUT_ENV];
  if (text === undefined || text === '') return DEFAULT_MAX_INPUT_MB * 1e6;
  const mb = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
  if (!(mb >= 1 && mb <= LARGEST_MAX_INPUT_MB))
    throw new UsageError([
      `${MAX_INPUT_ENV} must be a whole number of megabytes from 1 to ${LARGEST_MAX_INPUT_MB}, not ${text}`,
    ]);
  return mb * 1e6;
}

/** Where input comes from: the file descriptor `-` reads (standard input, 0) and the size limit. */
export interface InputSource {
  stdin?: number;
  maxBytes: number;
}

/**
 * Reads and parses a JSON file (`-`: standard input), turning every failure into a plain sentence.
 * A UTF-8 byte-order mark is skipped. Input over `maxBytes`, or whose first byte cannot begin JSON
 * (as `/dev/zero`'s), is refused before it fills memory.
 */
export function readJson(
  path: string,
  what: string,
  source: InputSource = { maxBytes: DEFAULT_MAX_INPUT_MB * 1e6 },
): unknown {
  const name = path === '-' ? 'standard input' : path;
  const bytes = readBytes(path, name, what, source);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return JSON.parse(bytes.toString('utf8', bom));
  } catch (e) {
    throw new UsageError([`${name}: the ${what} is not valid JSON: ${(e as Error).message}`]);
  }
}

function readBytes(path: string, name: string, what: string, source: InputSource): Buffer {
  const cannot = (e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    return new UsageError([
      `${name}: cannot read the ${what}${code === 'ENOENT' ? ': no such file' : ` (${code ?? 'error'})`}`,
    ]);
  };
  const tooLarge = () =>
    new UsageError([
      `${name}: the ${what} is larger than ${source.maxBytes / 1e6} MB, the most this command reads (set ${MAX_INPUT_ENV} to change it)`,
    ]);
  let fd: number;
  try {
    fd = path === '-' ? (source.stdin ?? 0) : openSync(path, 'r');
  } catch (e) {
    throw cannot(e);
  }
  try {
    let size = 0;
    try {
      const stat = fstatSync(fd);
      if (stat.isFile()) size = stat.size;
    } catch {}
    if (size > source.maxBytes) throw tooLarge();
    return readBounded(
      (buffer, offset) => {
        try {
          return readRetrying(fd, buffer, offset);
        } catch (e) {
          throw cannot(e);
        }
      },
      {
        sizeHint: size,
        maxBytes: source.maxBytes,
        tooLarge,
        notJson: (first) =>
          new UsageError([
            `${name}: the ${what} is not valid JSON: it starts with byte 0x${first.toString(16).padStart(2, '0')}`,
          ]),
      },
    );
  } finally {
    if (path !== '-') closeSync(fd);
  }
}

/** Bytes that may come first in a JSON text (after whitespace): { [ " - 0-9 t f n, or a UTF-8 BOM's first. */
const JSON_START = new Set([...'{["-0123456789tfn'].map((c) => c.charCodeAt(0)).concat(0xef));
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * Reads to the end through `read` (bytes read into `buffer` at `offset`, 0 at the end) into one
 * buffer, refusing as soon as more than `maxBytes` arrive or the first byte that is not whitespace
 * cannot begin JSON. `sizeHint` (a regular file's size) lets a file be read into one allocation.
 */
export function readBounded(
  read: (buffer: Buffer, offset: number) => number,
  limits: { sizeHint: number; maxBytes: number; tooLarge: () => Error; notJson: (byte: number) => Error },
): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(limits.maxBytes, limits.sizeHint || 65_536) + 1);
  let length = 0;
  let checked = false;
  for (;;) {
    if (length === buffer.length) {
      if (length > limits.maxBytes) throw limits.tooLarge();
      const grown = Buffer.allocUnsafe(Math.min(limits.maxBytes + 1, buffer.length * 2));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const n = read(buffer, length);
    if (n === 0) break;
    if (!checked) {
      for (let i = length; i < length + n; i++) {
        if (WHITESPACE.has(buffer[i]!)) continue;
        if (!JSON_START.has(buffer[i]!)) throw limits.notJson(buffer[i]!);
        checked = true;
        break;
      }
    }
    length += n;
    if (length > limits.maxBytes) throw limits.tooLarge();
  }
  return buffer.subarray(0, length);
}

/** readSync, waiting briefly and trying again when a non-blocking standard input has nothing yet. */
function readRetrying(fd: number, buffer: Buffer, offset: number): number {
  for (;;) {
    try {
      return readSync(fd, buffer, offset, buffer.length - offset, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      pause();
    }
  }
}

/** Colour only on a terminal, and never when NO_COLOR is set. */
export function painter(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv) {
  const on = Boolean(stream.isTTY) && !env.NO_COLOR;
  const wrap = (code: number) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { red: wrap(31), yellow: wrap(33), green: wrap(32), bold: wrap(1), dim: wrap(2) };
}
export type Painter = ReturnType<typeof painter>;

/** What the command line writes to: a Node stream, or anything with `write` (as in tests). */
export interface OutStream {
  write(s: string): unknown;
  isTTY?: boolean;
  /** A Node stream's file descriptor: {@link Output} writes to it directly, waiting while it is full. */
  fd?: number;
  /** A Node stream's queue of writes not yet made (Output writes through the stream while it has one). */
  writableLength?: number;
  /** Set by a Node stream once a write has failed (EPIPE when the reader has gone). */
  errored?: unknown;
}

/** Writing the output failed: `code` EPIPE when its reader went away (`| head`), another code otherwise. */
export class OutputFailed extends Error {
  override readonly name = 'OutputFailed';
  readonly code: string;
  constructor(cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | null)?.code;
    super(`cannot write the output (${code ?? String(cause)})`);
    this.code = code ?? 'error';
  }
}

/** The size of each write: a large output goes out in pieces of this many characters. */
const WRITE_SIZE = 1 << 16;

/**
 * Buffered output, written in pieces of about 64 KiB so no output is ever one huge string. To a file
 * descriptor (standard output) each piece is written before the next is made, waiting while a pipe
 * is full, so a slow reader holds memory to one piece; a stream's own write would queue the whole
 * report in memory instead. A failed write throws {@link OutputFailed}, so a command stops at once
 * (EPIPE when the reader has gone, as with `| head`).
 */
export class Output {
  private buffer = '';
  constructor(private readonly stream: OutStream) {}

  readonly write = (s: string): void => {
    this.buffer += s;
    if (this.buffer.length >= WRITE_SIZE) this.flush();
  };

  flush(): void {
    const text = this.buffer;
    this.buffer = '';
    const { fd } = this.stream;
    try {
      if (text !== '') {
        if (typeof fd === 'number' && !this.stream.writableLength) writeAll(fd, Buffer.from(text));
        else this.stream.write(text);
      }
    } catch (e) {
      if (typeof (e as NodeJS.ErrnoException).code !== 'string') throw e;
      throw new OutputFailed(e);
    }
    if (this.stream.errored) throw new OutputFailed(this.stream.errored);
  }
}

/** Writes every byte to a file descriptor, waiting a little whenever a non-blocking pipe is full. */
function writeAll(fd: number, bytes: Buffer): void {
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      pause();
    }
  }
}

/** Blocks this thread for a few milliseconds (reading or writing a pipe that is not ready). */
const pause = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
