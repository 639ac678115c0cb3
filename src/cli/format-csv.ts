import { stringify } from 'csv-stringify/sync';
import type { Report } from '../report/types.js';

/** The CSV's columns, in order (documented in the README's Command line section; extend at the end). */
export const CSV_COLUMNS = [
  'row',
  'ruleId',
  'subjectType',
  'subjectId',
  'activity',
  'status',
  'kind',
  'severity',
  'dueOn',
  'metOn',
  'daysLate',
  'lastMetOn',
  'eventId',
  'section',
  'explanation',
  'policy',
  'asOf',
  'caseId',
  'recordedAt',
  'confidence',
  'excessMinutes',
] as const;

type Row = Record<(typeof CSV_COLUMNS)[number], string | number>;

/** Rows per csv-stringify call: the CSV of a large report is written in pieces, never as one string. */
const ROWS_PER_CHUNK = 250;

/**
 * A first character that makes a spreadsheet read a cell as a formula (OWASP's list, with the
 * full-width forms some spreadsheets also accept), or the quote that marks a neutralised cell.
 */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20']/;

/**
 * A text cell made inert for a spreadsheet, as OWASP recommends for CSV injection: a cell starting
 * with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`. A cell that already starts with
 * `'` gets one too, so a program reading the CSV recovers every value by dropping one leading `'`.
 * Numbers are not text: a negative `daysLate` stays a number.
 */
const inert = (value: string | number): string | number =>
  typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;

/** One row per breach, obligation and recording (its kind in `row`), each with the policy and `asOf`. */
function* rows(report: Report): Generator<Row> {
  const common = {
    policy: report.policy.id,
    asOf: report.asOf,
    caseId: '',
    recordedAt: '',
    excessMinutes: '',
  };
  for (const b of report.breaches)
    yield {
      row: 'breach',
      ruleId: b.ruleId,
      subjectType: b.subject.type,
      subjectId: b.subject.id,
      activity: b.activity,
      status: '',
      kind: b.kind,
      severity: b.severity,
      dueOn: b.dueOn,
      metOn: b.metOn ?? '',
      daysLate: b.daysLate,
      lastMetOn: '',
      eventId: b.eventId ?? '',
      section: b.citation.section,
      explanation: b.explanation,
      ...common,
      confidence: b.confidence ?? '',
      excessMinutes: b.excess?.minutes ?? '',
    };
  for (const o of report.obligations)
    yield {
      row: 'obligation',
      ruleId: o.ruleId,
      subjectType: o.subject.type,
      subjectId: o.subject.id,
      activity: o.activity,
      status: o.status,
      kind: '',
      severity: '',
      dueOn: o.dueOn,
      metOn: '',
      daysLate: '',
      lastMetOn: o.lastMetOn ?? '',
      eventId: '',
      section: o.citation.section,
      explanation: o.explanation,
      ...common,
      confidence: o.confidence ?? '',
    };
  for (const r of report.recordings)
    yield {
      row: 'recording',
      ruleId: r.ruleId,
      subjectType: '',
      subjectId: '',
      activity: '',
      status: r.status,
      kind: '',
      severity: '',
      dueOn: r.deadline,
      metOn: '',
      daysLate: '',
      lastMetOn: '',
      eventId: r.eventId,
      section: '',
      explanation: '',
      ...common,
      caseId: r.caseId ?? '',
      recordedAt: r.recordedAt ?? '',
      confidence: r.confidence ?? '',
    };
}

/**
 * The report as CSV, in pieces of a few thousand rows: a UTF-8 byte-order mark and a header first,
 * then one row per breach, obligation and recording. RFC 4180 quoting by csv-stringify, CR LF
 * between rows, and any field holding a line feed or carriage return quoted; text cells are made
 * inert for spreadsheets (see {@link inert}).
 */
export function* reportCsvChunks(report: Report): Generator<string> {
  let batch: Row[] = [];
  let first = true;
  const flush = () => {
    const text = stringify(batch, {
      header: first,
      bom: first,
      columns: [...CSV_COLUMNS],
      record_delimiter: 'windows',
      quoted_match: /[\r\n]/,
      cast: { string: (value) => String(inert(value)) },
    });
    first = false;
    batch = [];
    return text;
  };
  for (const row of rows(report)) {
    batch.push(row);
    if (batch.length === ROWS_PER_CHUNK) yield flush();
  }
  if (first || batch.length > 0) yield flush();
}

/** The whole report as one CSV string (see {@link reportCsvChunks}). */
export function reportToCsv(report: Report): string {
  return [...reportCsvChunks(report)].join('');
}
