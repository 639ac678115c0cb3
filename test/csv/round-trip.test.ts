import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCsv, importCsv, problemText } from '../../src/csv/index.js';
import { evaluate } from '../../src/front-door.js';
import type { History } from '../../src/history/schema.js';
import { policyIds } from '../../src/policies.js';
import { asOfArb, historyArb } from '../arbitraries.js';

/** Exports a history, reads it back, and fails on any problem. */
function roundTrip(history: unknown): History {
  const { history: back, problems } = importCsv(exportCsv(history as History));
  expect(problems.map(problemText)).toEqual([]);
  return back;
}

const root = join(import.meta.dirname, '..', '..');
const example = JSON.parse(readFileSync(join(root, 'fixtures/example/history.json'), 'utf8'));
const goldenDir = join(root, 'fixtures/golden');
const golden = readdirSync(goldenDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(join(goldenDir, f), 'utf8'))] as const);

describe('generic CSV layout: export then import evaluates the same', () => {
  it.each(policyIds)('the example team under %s, as of 2025-12-01', (policy) => {
    const back = roundTrip(example);
    expect(evaluate(policy, back, { asOf: '2025-12-01' })).toEqual(
      evaluate(policy, example, { asOf: '2025-12-01' }),
    );
  });

  it('the example team comes back field for field (empty lists and nulls aside)', () => {
    expect(roundTrip(example)).toEqual(stripEmpty(example));
  });

  it.each(golden)('golden case %s', (_file, g) => {
    const back = roundTrip(g.history);
    expect(evaluate(g.policy, back, { asOf: g.asOf })).toEqual(
      evaluate(g.policy, g.history, { asOf: g.asOf }),
    );
  });

  it('generated histories (fast-check) evaluate the same under every policy', () => {
    fc.assert(
      fc.property(historyArb, asOfArb, fc.constantFrom(...policyIds), (h, asOf, policy) => {
        const back = roundTrip(h);
        expect(back).toEqual(stripEmpty(h));
        expect(evaluate(policy, back, { asOf })).toEqual(evaluate(policy, h as unknown as History, { asOf }));
      }),
      { numRuns: 150 },
    );
  });
});

/**
 * What CSV cannot tell apart: a null or an empty list is written as nothing and read back as absent;
 * except an event's `caseRecords: []`, which means something of its own and comes back.
 */
function stripEmpty(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripEmpty);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === null || (Array.isArray(x) && x.length === 0 && k !== 'caseRecords')) continue;
    out[k] = stripEmpty(x);
  }
  return out;
}

describe('fields the schema does not know yet', () => {
  it('a plain field on staff, cases, events and their lists is written after the known columns and read back as text', () => {
    const history = {
      staff: [
        {
          id: 'S1',
          role: 'social-worker',
          startDate: '2020-01-06',
          nickname: 'Asha',
          grade: 7,
          supervisors: [{ supervisorId: 'M1', from: '2020-01-06', note: 'interim' }],
        },
      ],
      cases: [{ id: 'C1', localRef: 'LCS-0042' }],
      events: [
        { id: 'E1', type: 'one-to-one', date: '2025-01-06', superviseeId: 'S1', room: 'B2', private: true },
      ],
    };
    const files = exportCsv(history as unknown as History);
    expect(files['staff.csv']?.split('\n')[0]).toMatch(
      /,directReports,lineManagerId,registered,tags,nickname,grade$/,
    );
    expect(files['supervisors.csv']?.split('\n')[0]).toBe('staffId,supervisorId,from,to,note');
    const back = roundTrip(history);
    expect(back.staff[0]).toMatchObject({ nickname: 'Asha', grade: '7' });
    expect(back.staff[0]?.supervisors?.[0]).toMatchObject({ note: 'interim' });
    expect(back.cases?.[0]).toEqual({ id: 'C1', localRef: 'LCS-0042' });
    expect(back.events?.[0]).toMatchObject({ room: 'B2', private: 'true' });
  });
});

describe('an event whose caseRecords is present but empty', () => {
  // A group session on Fri 19 Jul 2024 discussing C1 and C3, the session recorded at 00:15 the same
  // day, but `caseRecords: []`: no child's discussion is recorded yet. Under nottingham (NOT-11, 2
  // working days: Mon 22, Tue 23 Jul) each child's record is pending, due 2024-07-23, as of the
  // session's day. Without the list, the session's recordedAt would stand for both: on time.
  const history = {
    staff: [{ id: 'S1', role: 'team-manager', startDate: '2023-01-02' }],
    cases: [
      { id: 'C1', allocations: [{ workerId: 'S1', from: '2024-01-01' }] },
      { id: 'C3', allocations: [{ workerId: 'S1', from: '2024-01-01' }] },
    ],
    events: [
      {
        id: 'E2',
        type: 'group',
        date: '2024-07-19',
        supervisorId: 'S1',
        participantIds: ['S1'],
        caseIds: ['C1', 'C3'],
        recordedAt: '2024-07-19T00:15:00Z',
        caseRecords: [],
      },
      { id: 'E3', type: 'one-to-one', date: '2024-07-19', superviseeId: 'S1' },
    ],
  };

  it('is written as none in the events.csv column caseRecords and read back as caseRecords: []', () => {
    const files = exportCsv(history as unknown as History);
    const [header, e2, e3] = files['events.csv']!.trim().split('\n');
    expect(header).toMatch(/,safeguarding,caseRecords$/);
    expect(e2).toMatch(/^E2,.*,none$/);
    expect(e3).toMatch(/^E3,.*,$/);
    const back = roundTrip(history);
    expect(back.events?.[0]?.caseRecords).toEqual([]);
    expect(back.events?.[1]).not.toHaveProperty('caseRecords');
    expect(back).toEqual(stripEmpty(history));
  });

  it('evaluates the same after the round trip: each child pending, not on time', () => {
    const back = roundTrip(history);
    const report = evaluate('nottingham', back, { asOf: '2024-07-19' });
    expect(report).toEqual(evaluate('nottingham', history as unknown as History, { asOf: '2024-07-19' }));
    const c1 = report.recordings.find((r) => r.eventId === 'E2' && r.caseId === 'C1');
    expect(c1).toMatchObject({
      ruleId: 'NOT-11',
      deadline: '2024-07-23',
      status: 'pending',
      recordedAt: null,
    });
  });

  it('a history with no such event has no caseRecords column', () => {
    const { caseRecords: _, ...e2 } = history.events[0]!;
    const files = exportCsv({ ...history, events: [e2] } as unknown as History);
    expect(files['events.csv']!.split('\n')[0]).toMatch(/,safeguarding$/);
  });

  it('a cell other than none, or a case-records.csv row for an event marked none, is refused', () => {
    const files = exportCsv(history as unknown as History);
    const maybe = files['events.csv']!.replace(/,none\n/, ',maybe\n');
    expect(importCsv({ ...files, 'events.csv': maybe }).problems.map(problemText)).toEqual([
      'events.csv:2:caseRecords: maybe is not none (write none when the event lists no case records yet, or leave the cell empty)',
    ]);
    const rows = 'eventId,caseId,recordedAt\nE2,C1,2024-07-19T10:00:00Z\n';
    expect(importCsv({ ...files, 'case-records.csv': rows }).problems.map(problemText)).toEqual([
      'case-records.csv:2:eventId: event E2 has none in its caseRecords column, yet this row records a case',
    ]);
  });
});
