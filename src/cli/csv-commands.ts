import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtInMappings } from '../csv/builtin.js';
import { exportCsv } from '../csv/export.js';
import { importCsvDirectory } from '../csv/files.js';
import { type FileSummary, parseMapping, problemText } from '../csv/import.js';
import type { Mapping } from '../csv/mapping.js';
import { InputError } from '../errors/input-error.js';
import { parseHistory } from '../history/parse.js';
import { readJson, UsageError } from './io.js';

/** At most this many problems are printed; the rest are counted. */
export const PROBLEMS_SHOWN = 50;

interface Out {
  write(s: string): unknown;
  isTTY?: boolean;
}

/** `export <history.json> --out <dir>`: the generic CSV layout, one file per table. */
export function exportCommand(file: string, out: string | undefined, stdout: Out): number {
  if (!out) throw new UsageError(['export needs --out <directory>']);
  const history = parseHistory(readJson(file, 'history'));
  const files = exportCsv(history);
  mkdirSync(out, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text);
  stdout.write(
    `${out}: wrote ${Object.keys(files).length} files (${history.staff.length} staff, ${history.cases?.length ?? 0} cases, ${history.events?.length ?? 0} events)\n`,
  );
  return 0;
}

/** A --mapping argument: a built-in name, or the path of a mapping file. */
function mappingArgument(arg: string | undefined): Mapping | undefined {
  if (arg === undefined) return undefined;
  if (builtInMappings[arg]) return parseMapping(arg);
  if (!existsSync(arg))
    throw new UsageError([
      `--mapping: ${arg} is neither a built-in mapping (${Object.keys(builtInMappings).join(', ')}) nor a file`,
    ]);
  try {
    return parseMapping(readJson(arg, 'mapping'));
  } catch (e) {
    if (e instanceof InputError)
      throw new UsageError(e.issues.map((i) => `${arg}: ${i.path || '(mapping)'}: ${i.message}`));
    throw e;
  }
}

function summaryLines(summary: readonly FileSummary[]): string[] {
  const width = Math.max(4, ...summary.map((s) => s.file.length));
  const lines = [
    `${'file'.padEnd(width)}  ${['rows', 'used', 'refused', 'skipped'].map((h) => h.padStart(8)).join('')}`,
  ];
  for (const s of summary)
    lines.push(
      s.found
        ? `${s.file.padEnd(width)}  ${[s.rows, s.used, s.refused, s.skipped].map((n) => String(n).padStart(8)).join('')}`
        : `${s.file.padEnd(width)}  (no such file)`,
    );
  return lines;
}

/**
 * `import <dir> [--mapping <file|name>] [--out <history.json>] [--skip-bad-rows]`: reads CSV files,
 * lists every problem (the first {@link PROBLEMS_SHOWN}) and a summary on stderr, and writes the
 * history; with any problem and no --skip-bad-rows it writes nothing and returns 2.
 */
export async function importCommand(
  dir: string,
  options: { mapping?: string | undefined; out?: string | undefined; skipBadRows?: boolean | undefined },
  stdout: Out,
  stderr: Out,
): Promise<number> {
  const mapping = mappingArgument(options.mapping);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new UsageError([`${dir}: no such directory (import reads a directory of CSV files)`]);
  const progress = stderr.isTTY
    ? (file: string, rows: number, done: boolean) =>
        stderr.write(`\r${file}: ${rows.toLocaleString('en-GB')} rows${done ? '\n' : ''}`)
    : undefined;
  const { history, problems, summary } = await importCsvDirectory(dir, mapping, {
    ...(progress ? { onProgress: progress } : {}),
  });
  for (const p of problems.slice(0, PROBLEMS_SHOWN)) stderr.write(`${problemText(p)}\n`);
  if (problems.length > PROBLEMS_SHOWN)
    stderr.write(`… and ${problems.length - PROBLEMS_SHOWN} more problems\n`);
  stderr.write(`${summaryLines(summary).join('\n')}\n`);
  if (problems.length > 0 && !options.skipBadRows) {
    stderr.write(
      `${problems.length} problem${problems.length === 1 ? '' : 's'}: nothing written (--skip-bad-rows writes the rows that are fine)\n`,
    );
    return 2;
  }
  const json = `${JSON.stringify(history, null, 2)}\n`;
  if (options.out) {
    writeFileSync(options.out, json);
    stderr.write(
      `${options.out}: ${history.staff.length} staff, ${history.cases?.length ?? 0} cases, ${history.events?.length ?? 0} events\n`,
    );
  } else stdout.write(json);
  return 0;
}
