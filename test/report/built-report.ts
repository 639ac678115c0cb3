import type { Basis, Breach, Obligation, Report, Subject } from '../../src/report/types.js';

/** Reports built by hand, for the tests of what reads a report: a finding's fields, one policy version. */
const citation = { source: 'x.txt', section: '1', quote: 'q' };
const basis: Basis = {
  kind: 'interval',
  from: { reason: 'last-session', on: '2024-12-01' },
  interval: { every: { months: 1 } },
  dueBy: '2025-01-01',
};
export const obligation = (
  ruleId: string,
  subject: Subject,
  dueOn: string,
  status: Obligation['status'],
): Obligation => ({
  ruleId,
  subject,
  activity: 'one-to-one',
  lastMetOn: null,
  dueOn,
  status,
  citation,
  explanation: `${ruleId} ${subject.id} ${dueOn}`,
  basis,
  policyVersion: '1',
});
export const breach = (
  ruleId: string,
  subject: Subject,
  dueOn: string,
  extra: Partial<Breach> = {},
): Breach => ({
  ruleId,
  subject,
  activity: 'one-to-one',
  kind: 'late',
  dueOn,
  metOn: '2025-01-01',
  daysLate: 1,
  severity: 'breach',
  citation,
  explanation: `${ruleId} ${subject.id} ${dueOn}`,
  basis,
  policyVersion: '1',
  ...extra,
});
export const reportOf = (
  obligations: Obligation[],
  breaches: Breach[],
  extra: Partial<Report> = {},
): Report => ({
  policy: {
    id: 'p',
    name: 'Policy',
    version: '1',
    versions: [{ version: '1', effectiveFrom: '2020-01-01' }],
  },
  asOf: '2025-12-01',
  obligations,
  recordings: [],
  breaches,
  notEvaluable: [],
  warnings: [],
  retention: [],
  totals: { deadlines: 0, deadlinesMet: 0, records: 0, recordsOnTime: 0 },
  totalsBySubject: [],
  ...extra,
});
