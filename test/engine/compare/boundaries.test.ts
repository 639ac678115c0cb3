/** compare and summarise on a small Nottingham history, every expectation worked by hand. */
import { describe, expect, it } from 'vitest';
import { summarise } from '../../..//src/engine/compare.js';
import { InputError } from '../../../src/errors/input-error.js';
import { compare, evaluate } from '../../../src/front-door.js';
import { getPolicy, type PolicyId } from '../../../src/policies.js';
import type { Breach, Obligation, Report } from '../../../src/report/types.js';
import { ASOF, history, nottingham } from '../nottingham-records.js';

describe('compare', () => {
  const summaryOf = (r: { summary: ReturnType<typeof summarise> }) => ({
    ...r.summary,
    nextDue: r.summary.nextDue.map((o) => `${o.ruleId} ${o.dueOn}`),
  });

  it('evaluates every built-in policy by default, in their order, and summarises each', () => {
    const { asOf, results } = compare(history(), { asOf: ASOF });
    expect(asOf).toBe(ASOF);
    expect(results.map((r) => r.policy.id)).toEqual([
      'nottingham',
      'gloucestershire',
      'york',
      'derby',
      'southwark',
    ]);
    for (const r of results) {
      expect(r.report).toEqual(evaluate(r.policy.id as PolicyId, history(), { asOf: ASOF }));
      expect(r.policy).toBe(r.report.policy);
      expect(r.summary).toEqual(summarise(r.report));
    }
    expect(summaryOf(results[0]!)).toEqual({
      breachesByRule: { 'NOT-10': { breach: 3, advisory: 0 } },
      breachesBySeverity: { breach: 3, advisory: 0 },
      sessionsInTimescale: 1,
      recordsOnTime: 0.25,
      overdueNow: { sessions: 0, records: 1 },
      nextDue: ['NOT-1 2025-04-27', 'NOT-14 2026-02-15'],
    });
    expect(summaryOf(results[3]!)).toEqual({
      breachesByRule: { 'DER-3': { breach: 0, advisory: 1 }, 'DER-8': { breach: 1, advisory: 0 } },
      breachesBySeverity: { breach: 1, advisory: 1 },
      sessionsInTimescale: 0.75,
      recordsOnTime: null,
      overdueNow: { sessions: 1, records: 0 },
      nextDue: ['DER-1 2025-04-27', 'DER-11 2026-02-15'],
    });
  });

  it('evaluates the policies given, ids or definitions, in the order given', () => {
    const custom = nottingham({ id: 'nottingham-closed', closures: ['2025-03-11'] });
    const { results } = compare(history(), { asOf: ASOF, policies: ['derby', custom] });
    expect(results.map((r) => [r.policy.id, r.report.totals])).toEqual([
      ['derby', { deadlines: 8, deadlinesMet: 6, records: 0, recordsOnTime: 0 }],
      ['nottingham-closed', { deadlines: 5, deadlinesMet: 5, records: 4, recordsOnTime: 2 }],
    ]);
  });

  const thrown = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e instanceof InputError ? { code: e.code, issues: e.issues } : e;
    }
    return 'nothing thrown';
  };
  const badPolicy = { ...getPolicy('york'), rules: 'none' };
  it.each<[string, unknown, unknown, InputError['code'], { path: string; message: string }[]]>([
    ['asOf missing', history(), {}, 'invalid-options', [{ path: 'asOf', message: 'asOf is required' }]],
    [
      'asOf not a date, a bad policy and a bad history together, under the options’ code',
      { staff: 1 },
      { asOf: '2025-3-28', policies: ['leeds'] },
      'invalid-options',
      [
        { path: 'asOf', message: '2025-3-28 is not a date (expected YYYY-MM-DD, a real day from year 1000)' },
        {
          path: 'policies[0]',
          message:
            'leeds is not a built-in policy (built-in: nottingham, gloucestershire, york, derby, southwark, england-lga-2020, england-dfe-2024)',
        },
        { path: 'staff', message: 'expected a list, got 1' },
      ],
    ],
    [
      'an unknown policy id, at its place in the list, and a bad history together',
      { staff: 1 },
      { asOf: ASOF, policies: ['york', 'leeds'] },
      'unknown-policy',
      [
        {
          path: 'policies[1]',
          message:
            'leeds is not a built-in policy (built-in: nottingham, gloucestershire, york, derby, southwark, england-lga-2020, england-dfe-2024)',
        },
        { path: 'staff', message: 'expected a list, got 1' },
      ],
    ],
    [
      'a bad policy definition, its problems under its place in the list',
      history(),
      { asOf: ASOF, policies: ['york', badPolicy] },
      'invalid-policy',
      [{ path: 'policies[1].rules', message: 'expected a list, got the text "none"' }],
    ],
    [
      'a bad history',
      { staff: 1 },
      { asOf: ASOF },
      'invalid-history',
      [{ path: 'staff', message: 'expected a list, got 1' }],
    ],
  ])('%s', (_name, input, options, code, issues) => {
    expect(thrown(() => compare(input, options as { asOf: string }))).toEqual({ code, issues });
  });
});

describe('summarise', () => {
  const breach = (ruleId: string, severity: Breach['severity']) => ({ ruleId, severity }) as Breach;
  const due = (dueOn: string) => ({ ruleId: `R-${dueOn}`, dueOn }) as Obligation;
  const report = (totals: Report['totals'], breaches: Breach[] = [], obligations: Obligation[] = []) =>
    ({ asOf: '2025-03-10', totals, breaches, obligations, recordings: [] }) as unknown as Report;

  it.each<[Report['totals'], number | null, number | null]>([
    [{ deadlines: 0, deadlinesMet: 0, records: 0, recordsOnTime: 0 }, null, null],
    [{ deadlines: 4, deadlinesMet: 3, records: 8, recordsOnTime: 2 }, 0.75, 0.25],
    [{ deadlines: 5, deadlinesMet: 0, records: 0, recordsOnTime: 0 }, 0, null],
    [{ deadlines: 0, deadlinesMet: 0, records: 2, recordsOnTime: 2 }, null, 1],
  ])('totals %o: in timescale %s, records on time %s', (totals, sessions, records) => {
    const s = summarise(report(totals));
    expect([s.sessionsInTimescale, s.recordsOnTime]).toEqual([sessions, records]);
  });

  it('counts breaches by rule and by severity', () => {
    const s = summarise(
      report({ deadlines: 0, deadlinesMet: 0, records: 0, recordsOnTime: 0 }, [
        breach('A', 'breach'),
        breach('A', 'advisory'),
        breach('B', 'breach'),
        breach('A', 'breach'),
      ]),
    );
    expect([s.breachesByRule, s.breachesBySeverity]).toEqual([
      { A: { breach: 2, advisory: 1 }, B: { breach: 1, advisory: 0 } },
      { breach: 3, advisory: 1 },
    ]);
  });

  it('lists the next 10 obligations due on or after asOf', () => {
    const days = [
      '2025-03-08',
      '2025-03-09',
      '2025-03-10',
      '2025-03-11',
      '2025-03-12',
      '2025-03-13',
      '2025-03-14',
    ];
    const obligations = [...days, ...days.map((x) => x.replace('-03-', '-04-'))].map(due);
    const s = summarise(
      report({ deadlines: 0, deadlinesMet: 0, records: 0, recordsOnTime: 0 }, [], obligations),
    );
    expect(s.nextDue.map((o) => o.dueOn)).toEqual([
      ...days.slice(2),
      ...days.slice(0, 5).map((x) => x.replace('-03-', '-04-')),
    ]);
    expect(s.nextDue[0]).toBe(obligations[2]);
  });
});
