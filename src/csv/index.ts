/**
 * supervision-rules/csv: histories to and from CSV files, the generic layout both ways and councils'
 * own exports through a mapping (the Standard Safeguarding Dataset built in as `ssd`). Kept apart
 * from the main entry point so that the pure core carries no CSV parser.
 *
 * @example
 * import { exportCsv, importCsv } from 'supervision-rules/csv';
 * const files = exportCsv(history);
 * const { history: back, problems, summary } = importCsv(files);
 * @packageDocumentation
 */
export { builtInMappings } from './builtin.js';
export { exportCsv } from './export.js';
export { type DirectoryImportOptions, importCsvDirectory } from './files.js';
export {
  CsvImporter,
  type FileSummary,
  fileKey,
  type ImportResult,
  importCsv,
  type Problem,
  parseMapping,
  problemText,
} from './import.js';
export { LAYOUT, TARGETS, type TableLayout, type Target } from './layout.js';
export {
  type FieldSource,
  genericMapping,
  type Mapping,
  mappingJsonSchema,
  mappingSchema,
  type TableMapping,
} from './mapping.js';
export { SSD_JOB_TITLES, SSD_SESSION_TYPES, ssdMapping } from './ssd.js';
