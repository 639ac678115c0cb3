import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/front-door.js';
import { getPolicy } from '../../src/policies.js';
import { needsAction, staffNames, subjectStatuses } from '../../src/report/needs-action.js';
import type { Subject } from '../../src/report/types.js';
import { breach, obligation, reportOf } from './built-report.js';

const staff = (id: string): Subject => ({ type: 'staff', id });
const policy = {
  rules: [
    { id: 'R1', strength: 'must' },
    { id: 'ADV', strength: 'advisory' },
    { id: 'R2', strength: 'should' },
  ],
};

describe('needsAction', () => {
  // asOf Mon 1 Dec 2025. Overdue: R1 due 20 Nov (1 Dec − 20 Nov = 11 days); a record of E12 due
  // 24 Apr (6 days to 30 Apr + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 1 = 221 days); an advisory rule due
  // 1 Oct (61 days). Due soon: R2 due 8 Dec (7 days: the last day inside the window); R2 due 9 Dec
  // (8 days) is not.
  const report = reportOf(
    [
      obligation('ADV', staff('S3'), '2025-10-01', 'overdue'),
      obligation('R1', staff('S1'), '2025-11-20', 'overdue'),
      obligation('R2', staff('S2'), '2025-12-08', 'upcoming'),
      obligation('R2', staff('S2'), '2025-12-09', 'upcoming'),
      obligation('R1', staff('S1'), '2025-12-01', 'upcoming'),
    ],
    [
      breach('R1', { type: 'case', id: 'C7' }, '2025-04-24', {
        kind: 'unrecorded',
        metOn: null,
        daysLate: 221,
        eventId: 'E12',
        activity: 'case-record',
      }),
      // A record made late is no longer something to act on.
      breach('R1', staff('S1'), '2025-03-01', { kind: 'late-recording', eventId: 'E2' }),
    ],
  );

  it('lists binding overdue items oldest first, advisory ones after them, then what is due within 7 days', () => {
    const items = needsAction(report, { policy });
    expect(items.map((i) => [i.kind, i.ruleId, i.subject.id, i.dueOn, i.daysOverdue, i.severity])).toEqual([
      ['unwritten-record', 'R1', 'C7', '2025-04-24', 221, 'breach'],
      ['overdue-session', 'R1', 'S1', '2025-11-20', 11, 'breach'],
      ['overdue-session', 'ADV', 'S3', '2025-10-01', 61, 'advisory'],
      ['due-soon', 'R1', 'S1', '2025-12-01', 0, 'breach'],
      ['due-soon', 'R2', 'S2', '2025-12-08', 0, 'breach'],
    ]);
    expect(items.map((i) => i.daysUntilDue)).toEqual([undefined, undefined, undefined, 0, 7]);
    expect(items[0]).toMatchObject({ eventId: 'E12', caseId: 'C7', activity: 'case-record' });
    expect(items[1]).not.toHaveProperty('eventId');
  });

  it('withinDays widens or narrows the due-soon window', () => {
    const kinds = (withinDays: number) =>
      needsAction(report, { policy, withinDays })
        .filter((i) => i.kind === 'due-soon')
        .map((i) => i.dueOn);
    expect(kinds(0)).toEqual(['2025-12-01']);
    expect(kinds(8)).toEqual(['2025-12-01', '2025-12-08', '2025-12-09']);
  });

  it('carries an approximate finding’s confidence, and none for an exact one', () => {
    const approx = reportOf(
      [{ ...obligation('R1', staff('S1'), '2025-11-20', 'overdue'), confidence: 'approximate' }],
      [
        breach('R1', staff('S2'), '2025-11-01', {
          kind: 'unrecorded',
          metOn: null,
          confidence: 'approximate',
        }),
        breach('R1', staff('S3'), '2025-11-02', { kind: 'unrecorded', metOn: null }),
      ],
    );
    expect(needsAction(approx, { policy }).map((i) => [i.subject.id, i.confidence])).toEqual([
      ['S2', 'approximate'],
      ['S3', undefined],
      ['S1', 'approximate'],
    ]);
    expect(needsAction(approx, { policy })[1]).not.toHaveProperty('confidence');
  });

  it('without the policy, a rule takes its breaches’ severity (else breach)', () => {
    const withAdvisoryBreach = reportOf(report.obligations, [
      ...report.breaches,
      breach('ADV', staff('S3'), '2025-06-01', { severity: 'advisory' }),
    ]);
    const adv = needsAction(withAdvisoryBreach).find((i) => i.ruleId === 'ADV')!;
    expect(adv.severity).toBe('advisory');
    expect(needsAction(report).find((i) => i.ruleId === 'ADV')!.severity).toBe('breach');
  });
});

describe('subjectStatuses', () => {
  // asOf 1 Dec 2025; the last 90 days are 3 Sep … 1 Dec (1 Dec − 3 Sep = 89 days).
  it('rates red for a binding item overdue, amber for due soon / a recent breach / advisory only, green otherwise', () => {
    const report = reportOf(
      [
        obligation('R1', staff('RED'), '2025-11-20', 'overdue'),
        obligation('R1', staff('SOON'), '2025-12-05', 'upcoming'),
        obligation('R1', staff('RECENT'), '2026-01-05', 'upcoming'),
        obligation('ADV', staff('ADVISORY'), '2025-11-01', 'overdue'),
        obligation('R1', staff('OLD'), '2026-01-05', 'upcoming'),
      ],
      [
        breach('R1', staff('RECENT'), '2025-09-03'), // 89 days before asOf: inside
        breach('R1', staff('OLD'), '2025-09-02'), // 90 days before: outside
        breach('ADV', staff('OLD'), '2025-11-02', { severity: 'advisory' }),
      ],
    );
    const rows = subjectStatuses(report, { policy, names: new Map([['RED', 'Ann Red']]) });
    expect(rows.map((r) => [r.subject.id, r.rag, r.ragReason])).toEqual([
      ['ADVISORY', 'amber', '1 advisory overdue'],
      ['OLD', 'green', 'nothing overdue or due soon'],
      ['RECENT', 'amber', '1 breach in the last 90 days'],
      ['RED', 'red', '1 session overdue, the oldest 11 days'],
      ['SOON', 'amber', '1 due within 7 days'],
    ]);
    const old = rows.find((r) => r.subject.id === 'OLD')!;
    expect([old.breachesLast90Days, old.advisoryLast90Days]).toEqual([0, 1]);
    expect(rows.find((r) => r.subject.id === 'RED')!.name).toBe('Ann Red');
    expect(rows.find((r) => r.subject.id === 'OLD')).not.toHaveProperty('name');
  });

  it('orders staff, then cases, then teams; next due is the earliest obligation, overdue included', () => {
    const report = reportOf(
      [
        obligation('R1', { type: 'team', id: 'T1' }, '2025-12-20', 'upcoming'),
        obligation('R1', { type: 'case', id: 'C1' }, '2025-12-20', 'upcoming'),
        obligation('R2', staff('S1'), '2025-12-20', 'upcoming'),
        obligation('R1', staff('S1'), '2025-11-30', 'overdue'),
      ],
      [],
      {
        totalsBySubject: [
          { subject: staff('S1'), deadlines: 8, deadlinesMet: 6, records: 5, recordsOnTime: 4 },
        ],
      },
    );
    const rows = subjectStatuses(report);
    expect(rows.map((r) => `${r.subject.type}:${r.subject.id}`)).toEqual(['staff:S1', 'case:C1', 'team:T1']);
    expect(rows[0]!.nextDue).toEqual({ ruleId: 'R1', activity: 'one-to-one', dueOn: '2025-11-30' });
    expect(rows[0]!.sessionsInTime).toEqual({ judged: 8, met: 6 });
    expect(rows[0]!.recordsOnTime).toEqual({ due: 5, onTime: 4 });
    expect(rows[1]!.sessionsInTime).toEqual({ judged: 0, met: 0 });
  });

  it('staffNames takes the first name given for each id', () => {
    const names = staffNames({
      staff: [{ id: 'S1', name: 'Ann' }, { id: 'S2' }, { id: 'S1', name: 'Other' }],
    });
    expect([...names]).toEqual([['S1', 'Ann']]);
  });
});

describe('needsAction on the example team (York, 1 Dec 2025)', () => {
  const history = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../fixtures/example/history.json'), 'utf8'),
  );
  const report = evaluate('york', history, { asOf: '2025-12-01' });
  const items = needsAction(report, { policy: getPolicy('york') });

  it('lists every record not yet written and every overdue obligation, once', () => {
    const overdueRecords = report.recordings.filter((r) => r.status === 'overdue');
    expect(overdueRecords.length).toBeGreaterThan(0);
    const unwritten = items.filter((i) => i.kind === 'unwritten-record');
    expect(unwritten.map((i) => `${i.eventId}/${i.caseId ?? ''}/${i.ruleId}`).sort()).toEqual(
      overdueRecords.map((r) => `${r.eventId}/${r.caseId ?? ''}/${r.ruleId}`).sort(),
    );
    expect(items.filter((i) => i.kind === 'overdue-session')).toHaveLength(
      report.obligations.filter((o) => o.status === 'overdue').length,
    );
  });

  it('per subject, the counts of statuses add up to the report', () => {
    const rows = subjectStatuses(report, { policy: getPolicy('york') });
    let judged = 0;
    for (const r of rows) judged += r.sessionsInTime.judged;
    expect(judged).toBe(report.totals.deadlines);
    let actions = 0;
    for (const r of rows) actions += r.actions.length;
    expect(actions).toBe(items.length);
  });
});
