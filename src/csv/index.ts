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
export { exportCsv } from './export.js';
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
