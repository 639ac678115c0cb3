/**
 * evaluateEach: its parts together say exactly what evaluate's report says (each finding once, totals
 * summed), each part in the report's order, on arbitrary histories and on generated councils of
 * several teams.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  evaluateEach,
  InputError,
  policyIds,
  type Report,
  type ReportPart,
  type SubjectTotals,
} from '../../src/index.js';
import { asOfArb, historyArb } from '../arbitraries.js';

const RUNS = { numRuns: Number(process.env.PROP_RUNS ?? 50) };
const LISTS = ['obligations', 'recordings', 'breaches', 'notEvaluable', 'retention'] as const;
const key = (x: unknown) => JSON.stringify(x);

/** Whether `part` is `whole` with some entries left out (compared as JSON), i.e. in the same order. */
function isSubsequence(part: readonly unknown[], whole: readonly unknown[]): boolean {
  let i = 0;
  for (const w of whole) if (i < part.length && key(part[i]) === key(w)) i++;
  return i === part.length;
}

/** Per subject (type and id), its counts summed over the entries. */
function summed(entries: readonly SubjectTotals[]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const { subject, ...counts } of entries) {
    const k = `${subject.type} ${subject.id}`;
    const sum = out.get(k) ?? {};
    for (const [name, n] of Object.entries(counts)) sum[name] = (sum[name] ?? 0) + (n as number);
    out.set(k, sum);
  }
  return out;
}

function expectSameAs(parts: readonly ReportPart[], report: Report): void {
  expect(parts.length).toBeGreaterThan(0);
  for (const list of LISTS) {
    const all = parts.flatMap((p) => p[list] as unknown[]);
    expect(all.map(key).sort()).toEqual((report[list] as unknown[]).map(key).sort());
    for (const p of parts) expect(isSubsequence(p[list], report[list])).toBe(true);
  }
  const totals = { deadlines: 0, deadlinesMet: 0, records: 0, recordsOnTime: 0 };
  for (const p of parts)
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += p.totals[k];
  expect(totals).toEqual(report.totals);
  expect(summed(parts.flatMap((p) => p.totalsBySubject))).toEqual(summed(report.totalsBySubject));
  expect(parts[0]!.warnings).toEqual(report.warnings);
  for (const p of parts.slice(1)) expect(p.warnings).toEqual([]);
  for (const p of parts) {
    expect(p.policy).toEqual(report.policy);
    expect(p.asOf).toBe(report.asOf);
  }
  // Parts in team id order, the part with no team last.
  const teams = parts.map((p) => p.team);
  const named = teams.filter((t): t is string => t !== null);
  expect(named).toEqual([...named].sort());
  expect(teams.indexOf(null) === -1 || teams.indexOf(null) === teams.length - 1).toBe(true);
}

describe('evaluateEach', () => {
  it('parts together equal evaluate: every list, totals and per-subject totals, on arbitrary histories', () => {
    fc.assert(
      fc.property(fc.constantFrom(...policyIds), historyArb, asOfArb, (policy, history, asOf) => {
        expectSameAs([...evaluateEach(policy, history, { asOf })], evaluate(policy, history, { asOf }));
      }),
      RUNS,
    );
  });

  it('parts together equal evaluate on a council of many teams (the example team tiled, and the bench council)', async () => {
    type Gen = {
      tiled: (h: unknown, copies: number) => unknown;
      generate: (o: { scale: number; seed: number }) => unknown;
    };
    const gen = (await import(new URL('../../bench/generate.mjs', import.meta.url).href)) as Gen;
    const example = JSON.parse(
      readFileSync(new URL('../../fixtures/example/history.json', import.meta.url), 'utf8'),
    );
    const tiled = gen.tiled(example, 3);
    // 23 staff in two teams (T0, T1) and a service manager with none; 11,500 events.
    const council = gen.generate({ scale: 0.023, seed: 7 });
    for (const policy of policyIds) {
      const parts = [...evaluateEach(policy, tiled, { asOf: '2025-12-01' })];
      expect(parts.map((p) => p.team)).toEqual(['K0-T1', 'K1-T1', 'K2-T1']);
      expectSameAs(parts, evaluate(policy, tiled, { asOf: '2025-12-01' }));
      const councilParts = [...evaluateEach(policy, council, { asOf: '2025-12-31' })];
      expect(councilParts.map((p) => p.team)).toEqual(['T0', 'T1', null]);
      expectSameAs(councilParts, evaluate(policy, council, { asOf: '2025-12-31' }));
    }
  }, 120_000);

  it('DER-2: a supervisor whose nine reports are in two teams has nine in every part, as in evaluate', () => {
    // M1 (no directReports given) supervises S1–S5 in T1 and S6–S9 in T2: nine, more than eight, so
    // S1's authorised extension applies and DER-1 becomes 42 days. One-to-one on Mon 3 Mar 2025,
    // next on Thu 10 Apr: 38 days, on time under 42 (late under the monthly 31 days to 3 Apr).
    // Counted within T1's part alone M1 would have five reports and the breach would appear.
    const sup = [{ supervisorId: 'M1', from: '2024-01-01', to: null }];
    const staff = [
      { id: 'M1', role: 'team-manager', startDate: '2020-01-06', teamId: 'T0' },
      ...Array.from({ length: 9 }, (_, i) => ({
        id: `S${i + 1}`,
        role: 'social-worker',
        startDate: '2020-01-06',
        qualifiedDate: '2019-07-01',
        teamId: i < 5 ? 'T1' : 'T2',
        supervisors: sup,
        ...(i === 0
          ? { arrangements: [{ type: 'extended-interval-authorised', from: '2025-01-06', to: null }] }
          : {}),
      })),
    ];
    const events = ['2025-03-03', '2025-04-10'].map((date, i) => ({
      id: `E${i + 1}`,
      type: 'one-to-one',
      date,
      superviseeId: 'S1',
      supervisorId: 'M1',
      recordedAt: date,
    }));
    const history = { recordsFrom: '2025-03-01', staff, events };
    const asOf = '2025-04-20';
    const report = evaluate('derby', history, { asOf });
    const s1 = (b: { subject: { id: string } }) => b.subject.id === 'S1';
    expect(report.breaches.filter(s1).filter((b) => b.dueOn === '2025-04-03')).toEqual([]);
    expectSameAs([...evaluateEach('derby', history, { asOf })], report);
  });

  it('an empty history gives one part, with no team and no findings', () => {
    const parts = [...evaluateEach('york', { staff: [] }, { asOf: '2025-12-01' })];
    expect(parts).toHaveLength(1);
    expect(parts[0]!.team).toBeNull();
    expect(parts[0]!.breaches).toEqual([]);
  });

  it('throws InputError when called, before any part is asked for', () => {
    expect(() => evaluateEach('york', { staff: 'none' }, { asOf: '2025-12-01' })).toThrow(InputError);
    expect(() => evaluateEach('york', { staff: [] }, { asOf: '1 Dec 2025' })).toThrow(InputError);
  });
});
