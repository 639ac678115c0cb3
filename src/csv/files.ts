import { createReadStream, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import type { Vocabulary } from '../history/vocabulary.js';
import { CSV_OPTIONS, CsvImporter, feedRecord, fileKey, type ImportResult, type Problem } from './import.js';
import type { Mapping } from './mapping.js';

export interface DirectoryImportOptions {
  /** Called every `progressEvery` rows of a file, and once at its end with `done`. */
  readonly onProgress?: (file: string, rows: number, done: boolean) => void;
  readonly progressEvery?: number;
  /** The words beyond the built-in ones the history may use: a policy's `vocabulary`. */
  readonly vocabulary?: Vocabulary | undefined;
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
  const importer = new CsvImporter(mapping, options.vocabulary);
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
  let header: string[] | undefined;
  let rows = 0;
  // Records are taken as they become readable (no async step per record), a chunk at a time.
  await new Promise<void>((done) => {
    const parser = parse(CSV_OPTIONS);
    const input = createReadStream(path);
    const fail = (e: Error & { lines?: number }) => {
      problems.push({ file: name, line: e.lines ?? 0, message: `not readable as CSV: ${e.message}` });
      input.destroy();
      done();
    };
    parser.on('readable', () => {
      let item: { record: string[]; info: { lines: number } } | null = parser.read();
      while (item !== null) {
        if (!header) {
          header = item.record.map((h) => h.trim());
          importer.header(name, header);
        } else {
          feedRecord(importer, name, header, item.record, item.info.lines);
          rows++;
          if (onProgress && rows % progressEvery === 0) onProgress(name, rows, false);
        }
        item = parser.read();
      }
    });
    parser.on('error', fail);
    input.on('error', fail);
    parser.on('end', () => done());
    input.pipe(parser);
  });
  if (!header) importer.header(name, []);
  onProgress?.(name, rows, true);
}
