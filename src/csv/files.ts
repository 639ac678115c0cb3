import { createReadStream, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { CSV_OPTIONS, CsvImporter, feedRecord, fileKey, type ImportResult, type Problem } from './import.js';
import type { Mapping } from './mapping.js';

export interface DirectoryImportOptions {
  /** Called every `progressEvery` rows of a file, and once at its end with `done`. */
  readonly onProgress?: (file: string, rows: number, done: boolean) => void;
  readonly progressEvery?: number;
}

/**
 * {@link importCsv} for a directory of CSV files, each read as a stream (csv-parse's streaming API),
 * so a file of any length is read in memory bounded by the history it builds, not by the text.
 *
 * @example
 * const { history, problems, summary } = await importCsvDirectory('exports/2025-12', ssdMapping);
 */
export async function importCsvDirectory(
  dir: string,
  mapping?: Mapping,
  options: DirectoryImportOptions = {},
): Promise<ImportResult> {
  const importer = new CsvImporter(mapping);
  const present = new Map(
    readdirSync(dir)
      .filter((f) => /\.csv$/i.test(f))
      .map((f) => [fileKey(f), f]),
  );
  const extra: Problem[] = [];
  for (const key of importer.fileKeys) {
    const name = present.get(key);
    if (name === undefined) importer.missing(`${key}.csv`);
    else await streamFile(importer, join(dir, name), name, extra, options);
  }
  const result = importer.finish();
  return { ...result, problems: [...extra, ...result.problems] };
}

async function streamFile(
  importer: CsvImporter,
  path: string,
  name: string,
  problems: Problem[],
  { onProgress, progressEvery = 50_000 }: DirectoryImportOptions,
): Promise<void> {
  const parser = createReadStream(path).pipe(parse(CSV_OPTIONS));
  let header: string[] | undefined;
  let rows = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (!header) {
        header = record.map((h) => h.trim());
        importer.header(name, header);
        continue;
      }
      feedRecord(importer, name, header, record, info.lines);
      rows++;
      if (onProgress && rows % progressEvery === 0) onProgress(name, rows, false);
    }
  } catch (e) {
    const err = e as Error & { lines?: number };
    problems.push({ file: name, line: err.lines ?? 0, message: `not readable as CSV: ${err.message}` });
  }
  if (!header) importer.header(name, []);
  onProgress?.(name, rows, true);
}
