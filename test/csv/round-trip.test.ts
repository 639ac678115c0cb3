import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCsv, importCsv, problemText } from '../../src/csv/index.js';
import { evaluate } from '../../src/engine/evaluate.js';
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

/** What CSV cannot tell apart: a null or an empty list is written as nothing and read back as absent. */
function stripEmpty(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripEmpty);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === null || (Array.isArray(x) && x.length === 0)) continue;
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
      /,directReports,lineManagerId,registered,nickname,grade$/,
    );
    expect(files['supervisors.csv']?.split('\n')[0]).toBe('staffId,supervisorId,from,to,note');
    const back = roundTrip(history);
    expect(back.staff[0]).toMatchObject({ nickname: 'Asha', grade: '7' });
    expect(back.staff[0]?.supervisors?.[0]).toMatchObject({ note: 'interim' });
    expect(back.cases?.[0]).toEqual({ id: 'C1', localRef: 'LCS-0042' });
    expect(back.events?.[0]).toMatchObject({ room: 'B2', private: 'true' });
  });
});
