/** evaluate and safeEvaluate on a small Nottingham history, every expectation worked by hand. */
import { describe, expect, it } from 'vitest';
import type { InputError } from '../../../src/errors/input-error.js';
import { evaluate, safeEvaluate } from '../../../src/front-door.js';
import type { PolicyId } from '../../../src/policies.js';
import type { Policy } from '../../../src/policy/schema.js';
import type { Report } from '../../../src/report/types.js';
import { ASOF, BUILT_IN, history, nottingham, recordingsOf } from '../nottingham-records.js';

describe('evaluate', () => {
  it.each<[string, Policy, Record<string, unknown>, string[], Report['totals'], string[]]>([
    [
      'the built-in policy',
      nottingham(),
      {},
      BUILT_IN,
      { deadlines: 5, deadlinesMet: 5, records: 4, recordsOnTime: 1 },
      [],
    ],
    [
      'a closure in the history (Tue 4 Mar) moves R1’s deadline to 6 Mar',
      nottingham(),
      { calendar: { closures: ['2025-03-04'] } },
      ['R0 2025-01-08 on-time', 'R1 2025-03-06 on-time', ...BUILT_IN.slice(2)],
      { deadlines: 5, deadlinesMet: 5, records: 4, recordsOnTime: 2 },
      [],
    ],
    [
      'a closure in the policy (Tue 11 Mar) moves R2’s deadline to 13 Mar',
      nottingham({ closures: ['2025-03-11'] }),
      {},
      [...BUILT_IN.slice(0, 2), 'R2 2025-03-13 on-time', ...BUILT_IN.slice(3)],
      { deadlines: 5, deadlinesMet: 5, records: 4, recordsOnTime: 2 },
      [],
    ],
    [
      'absence does not pause the clock: the monthly 1:1 due 6 Feb is late',
      nottingham({ settings: { absencePauses: false } }),
      {},
      BUILT_IN,
      { deadlines: 5, deadlinesMet: 4, records: 4, recordsOnTime: 1 },
      ['NOT-1 late 2025-02-06 2025-03-03'],
    ],
    [
      'the policy in force from 1 Mar 2025: R0 is not judged',
      nottingham({ effectiveFrom: '2025-03-01' }),
      {},
      BUILT_IN.slice(1),
      { deadlines: 4, deadlinesMet: 4, records: 3, recordsOnTime: 0 },
      [],
    ],
    [
      'records kept from 1 Mar 2025: R0 is not judged',
      nottingham(),
      { recordsFrom: '2025-03-01' },
      BUILT_IN.slice(1),
      { deadlines: 4, deadlinesMet: 4, records: 3, recordsOnTime: 0 },
      [],
    ],
  ])('%s', (_name, policy, extra, recordings, totals, sessionBreaches) => {
    const report = evaluate(policy, history(extra), { asOf: ASOF });
    expect(recordingsOf(report)).toEqual(recordings);
    expect(report.totals).toEqual(totals);
    expect(
      report.breaches
        .filter((b) => b.ruleId === 'NOT-1')
        .map((b) => `${b.ruleId} ${b.kind} ${b.dueOn} ${b.metOn}`),
    ).toEqual(sessionBreaches);
  });

  it('reports its sections in the contract’s order, with the policy, obligations and (Derby) retention', () => {
    const report = evaluate('nottingham', history(), { asOf: ASOF });
    expect(Object.keys(report)).toEqual([
      'policy',
      'asOf',
      'obligations',
      'recordings',
      'breaches',
      'notEvaluable',
      'warnings',
      'retention',
      'totals',
      'totalsBySubject',
    ]);
    expect(report.policy).toEqual({
      id: 'nottingham',
      name: 'Supervision Policy and Procedure (linked to Workforce Strategy 2020–2023)',
      version: '2020–2023 (undated)',
      versions: [{ version: '2020–2023 (undated)', effectiveFrom: '2020-01-01' }],
    });
    expect(report.asOf).toBe(ASOF);
    expect(report.obligations.map((o) => [o.ruleId, o.lastMetOn, o.dueOn, o.status])).toEqual([
      ['NOT-1', '2025-03-27', '2025-04-27', 'upcoming'],
      ['NOT-14', null, '2026-02-15', 'upcoming'],
    ]);
    expect([report.notEvaluable, report.warnings, report.retention]).toEqual([[], [], []]);
    expect(
      evaluate('derby', history(), { asOf: ASOF }).retention.map((r) => `${r.eventId} ${r.retainUntil}`),
    ).toEqual(['R0 2050-01-06', 'R1 2050-03-03', 'R2 2050-03-10', 'R3 2050-03-17', 'R4 2050-03-27']);
  });

  it('the last 1:1 on or before asOf is lastMetOn; a later one is ignored', () => {
    const lastMet = (asOf: string) =>
      evaluate('nottingham', history(), { asOf }).obligations.find((o) => o.ruleId === 'NOT-1')?.lastMetOn;
    expect([lastMet('2025-03-16'), lastMet('2025-03-17'), lastMet('2025-03-26')]).toEqual([
      '2025-03-10',
      '2025-03-17',
      '2025-03-17',
    ]);
  });
});

describe('safeEvaluate', () => {
  const bad = (path: string, message: string) => [{ path, message }];
  const events = Array.from({ length: 110 }, (_, i) => ({
    id: `X${i}`,
    type: 'one-to-one',
    date: '2025-02-30',
  }));
  it.each<
    [string, unknown, unknown, unknown, InputError['code'], { path: string; message: string }[], number]
  >([
    ['asOf missing', 'york', history(), {}, 'invalid-options', bad('asOf', 'asOf is required'), 0],
    ['options missing', 'york', history(), undefined, 'invalid-options', bad('asOf', 'asOf is required'), 0],
    [
      'asOf null',
      'york',
      history(),
      { asOf: null },
      'invalid-options',
      bad('asOf', 'null is not a date (expected YYYY-MM-DD, a real day from year 1000)'),
      0,
    ],
    [
      'asOf a number',
      'york',
      history(),
      { asOf: 20250328 },
      'invalid-options',
      bad('asOf', '20250328 is not a date (expected YYYY-MM-DD, a real day from year 1000)'),
      0,
    ],
    [
      'asOf impossible',
      'york',
      history(),
      { asOf: '2025-02-29' },
      'invalid-options',
      bad('asOf', '2025-02-29 is not a date (expected YYYY-MM-DD, a real day from year 1000)'),
      0,
    ],
    [
      'a bad history and bad options together, under the history’s code',
      'york',
      { staff: 1 },
      {},
      'invalid-history',
      [
        { path: 'staff', message: 'expected a list, got 1' },
        { path: 'asOf', message: 'asOf is required' },
      ],
      0,
    ],
    [
      'an unknown policy, a bad history and bad options together, under the policy’s code',
      'leeds',
      { staff: 1 },
      {},
      'unknown-policy',
      [
        {
          path: 'policy',
          message:
            'leeds is not a built-in policy (built-in: nottingham, gloucestershire, york, derby, southwark, england-lga-2020, england-dfe-2024)',
        },
        { path: 'staff', message: 'expected a list, got 1' },
        { path: 'asOf', message: 'asOf is required' },
      ],
      0,
    ],
  ])('%s', (_name, policy, input, options, code, issues, omitted) => {
    expect(safeEvaluate(policy as PolicyId, input, options as { asOf: string })).toEqual({
      ok: false,
      issues,
      code,
      omitted,
    });
  });

  it('lists the first 100 problems and counts the rest', () => {
    const result = safeEvaluate('york', { staff: [], events }, { asOf: ASOF });
    expect(
      result.ok === false && [result.code, result.issues.length, result.issues[99], result.omitted],
    ).toEqual([
      'invalid-history',
      100,
      {
        path: 'events[99].date',
        message: '2025-02-30 is not a date (expected YYYY-MM-DD, a real day from year 1000)',
      },
      10,
    ]);
  });

  it('gives the report when the input is valid, and refuses a policy that throws when read', () => {
    expect(safeEvaluate('nottingham', history(), { asOf: ASOF })).toEqual({
      ok: true,
      report: evaluate('nottingham', history(), { asOf: ASOF }),
    });
    const exploding = new Proxy(
      {},
      {
        get() {
          throw new RangeError('boom');
        },
      },
    );
    // Its get trap is never reached: it has no own keys, so it is read as an empty object.
    const result = safeEvaluate(exploding as Policy, history(), { asOf: ASOF });
    expect(result.ok === false && [result.code, result.issues.find((i) => i.path === 'id')]).toEqual([
      'invalid-policy',
      { path: 'id', message: 'is required' },
    ]);
    const trapped = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new RangeError('boom');
        },
      },
    );
    expect(safeEvaluate(trapped as Policy, history(), { asOf: ASOF })).toEqual({
      ok: false,
      code: 'invalid-policy',
      issues: [{ path: '', message: 'could not be read (a getter or proxy threw an error)' }],
      omitted: 0,
    });
  });
});
