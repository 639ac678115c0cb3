import { stringify } from 'csv-stringify/sync';
import type { Report } from '../report/types.js';

const COLUMNS = [
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
] as const;

/** One row per breach and per obligation, with a header, quoted as RFC 4180 by csv-stringify. */
export function reportToCsv(report: Report): string {
  const rows = [
    ...report.breaches.map((b) => ({
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
    })),
    ...report.obligations.map((o) => ({
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
    })),
  ];
  return stringify(rows, { header: true, columns: [...COLUMNS], record_delimiter: 'windows' });
}
