import { describe, expect, it } from 'vitest';
import { EVALUATION_LIMITS, evaluationBoundIssues } from '../../src/engine/bounds.js';
import { InputError } from '../../src/errors/input-error.js';
import { evaluate, safeEvaluate } from '../../src/front-door.js';
import { checkHistory, checkHistorySlowly, parseHistory } from '../../src/history/parse.js';
import { hasKnownFieldsOnly } from '../../src/history/quick-validate.js';
import type { History } from '../../src/history/schema.js';
import { getPolicy, policyIds } from '../../src/policies.js';
import { loadPolicy } from '../../src/policy/load.js';
import { fullHistory } from '../history/full-history.js';

const { firstDate, lastDate } = EVALUATION_LIMITS;

/** The InputError `run` throws (failing when it answers or throws anything else). */
function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

/** Everyone and every kind of session, all in the last weeks of the evaluable years (or the first). */
function edgeHistory(first: string, last: string, recordedAt: string) {
  const staff = (id: string, role: string, extra: Record<string, unknown> = {}) => ({
    id,
    role,
    startDate: first,
    teamId: 'T1',
    supervisors: [{ supervisorId: 'M1', from: first }],
    ...extra,
  });
  return {
    staff: [
      staff('M1', 'team-manager', { directReports: 3 }),
      staff('S1', 'social-worker', {
        arrangements: [{ type: 'agreed-interval', from: first, interval: { days: 3_653 } }],
      }),
      staff('S2', 'student', {
        arrangements: [{ type: 'performance-plan', from: first, interval: { months: 120 } }],
      }),
      staff('S3', 'social-worker', { asye: { start: first }, qualifiedDate: first, fullTime: false }),
    ],
    cases: [
      {
        id: 'C1',
        allocations: [{ workerId: 'S1', from: first }],
        episodes: [{ type: 'child-protection', from: first }],
        flags: [{ flag: 'high-risk', from: first }],
        reviews: [first, last],
      },
    ],
    events: [
      { id: 'E1', type: 'one-to-one', date: last, superviseeId: 'S1', caseIds: ['C1'], recordedAt },
      {
        id: 'E2',
        type: 'one-to-one',
        date: last,
        superviseeId: 'S2',
        durationMinutes: 30,
        status: 'cancelled',
      },
      { id: 'E3', type: 'group', date: last, teamId: 'T1', recordedAt },
      { id: 'E4', type: 'agreement', date: first, superviseeId: 'S3' },
      { id: 'E5', type: 'one-to-one', date: first, superviseeId: 'S3', recordedAt: first },
    ],
  };
}

describe('valid input at the edges is answered, never thrown inside', () => {
  it.each(policyIds)(
    '%s: everyone starting in the last week of the evaluable years, asOf its last day',
    (id) => {
      // 2 December to 31 December 9699: every due date past asOf lands before 9999.
      const report = evaluate(id, edgeHistory('9699-12-02', '9699-12-28', '9699-12-31T23:59:59-01:00'), {
        asOf: lastDate,
      });
      for (const o of report.obligations) expect(o.dueOn <= '9999-12-31').toBe(true);
    },
  );

  it.each(policyIds)('%s: everyone starting on the first evaluable day, asOf a year on', (id) => {
    const report = evaluate(id, edgeHistory(firstDate, '1100-12-28', '1100-12-29'), { asOf: '1100-12-31' });
    expect(report.asOf).toBe('1100-12-31');
  });

  it.each(policyIds)('%s: 100 years judged to the last evaluable day', (id) => {
    const history = { ...edgeHistory('9599-12-31', '9699-12-28', '9699-12-30'), recordsFrom: '9599-12-31' };
    expect(safeEvaluate(id, history, { asOf: lastDate }).ok).toBe(true);
  });

  it('policy durations of 100 years (the most) are evaluated to the last evaluable day', () => {
    const york = structuredClone(getPolicy('york')) as unknown as {
      rules: { kind: string; schedule?: { interval: unknown }[] }[];
    };
    for (const rule of york.rules)
      if (rule.kind === 'interval')
        for (const entry of rule.schedule ?? []) entry.interval = { months: 1_200 };
    const policy = loadPolicy(york);
    const report = evaluate(policy, edgeHistory('9699-01-01', '9699-12-28', '9699-12-30'), {
      asOf: lastDate,
    });
    // One-to-ones due every 1,200 months: after the last session, 9699-12-28 + 100 years.
    expect(report.obligations.some((o) => o.dueOn === '9799-12-28')).toBe(true);
  });
});

describe('input beyond the bounds is refused at the door, with its path', () => {
  it.each(['gloucestershire', 'derby'] as const)(
    '%s: asOf in 9999 (period rules ran into 10000-04-01)',
    (id) => {
      const e = inputError(() => evaluate(id, { staff: [] }, { asOf: '9999-12-30' }));
      expect(e.code).toBe('invalid-options');
      expect(e.issues).toEqual([
        {
          path: 'asOf',
          message: `9999-12-30 is outside the dates that can be evaluated (${firstDate} to ${lastDate})`,
        },
      ]);
    },
  );

  it('a session in the last week of 9999, a far-future startDate and recordedAt: refused with their paths', () => {
    const history = {
      staff: [{ id: 'S1', role: 'social-worker', startDate: '9999-12-20' }],
      events: [
        {
          id: 'E1',
          type: 'one-to-one',
          date: '9999-12-28',
          superviseeId: 'S1',
          recordedAt: '9999-12-31T23:00:00Z',
        },
      ],
    };
    const e = inputError(() => evaluate('york', history, { asOf: '2025-01-01' }));
    expect(e.code).toBe('invalid-history');
    expect(e.issues.map((i) => i.path)).toEqual(['staff[0].startDate']);
    const r = safeEvaluate(
      'york',
      { staff: [{ id: 'S1', role: 'social-worker', startDate: '1099-12-31' }] },
      {
        asOf: '2025-01-01',
      },
    );
    expect(!r.ok && r.issues[0]?.path).toBe('staff[0].startDate');
  });

  it('a policy interval of a billion days or 100,000 months is refused by loadPolicy with its path', () => {
    for (const [interval, message] of [
      [{ days: 1_000_000_000 }, '1000000000 days is longer than 100 years (at most 36,525 days)'],
      [{ months: 100_000 }, '100000 months is longer than 100 years (at most 1,200 months)'],
    ] as const) {
      const york = structuredClone(getPolicy('york')) as unknown as {
        rules: { schedule?: { interval: unknown }[] }[];
      };
      const at = york.rules.findIndex((r) => r.schedule !== undefined);
      york.rules[at]!.schedule![0]!.interval = interval;
      const e = inputError(() => loadPolicy(york));
      expect(e.issues).toEqual([
        { path: `rules[${at}].schedule[0].interval.${Object.keys(interval)[0]}`, message },
      ]);
    }
  });

  it('an agreed interval of three million days is refused by parseHistory with its path', () => {
    const history = {
      staff: [
        {
          id: 'S1',
          role: 'social-worker',
          startDate: '2020-01-06',
          arrangements: [{ type: 'agreed-interval', from: '2020-01-06', interval: { days: 3_000_000 } }],
        },
      ],
    };
    expect(inputError(() => parseHistory(history)).issues).toEqual([
      {
        path: 'staff[0].arrangements[0].interval.days',
        message: '3000000 days is longer than 10 years (at most 3,653 days)',
      },
    ]);
  });

  it('Gloucestershire, forty students with no sessions, asOf 9698-12-31: more than 100 years judged', () => {
    // Before: one too-short breach per student per week for 7,676 years, and the heap ran out.
    const staff = Array.from({ length: 40 }, (_, i) => ({
      id: `S${i}`,
      role: 'student',
      startDate: '2023-01-02',
    }));
    const e = inputError(() => evaluate('gloucestershire', { staff }, { asOf: '9698-12-31' }));
    expect(e.code).toBe('invalid-options');
    expect(e.issues).toEqual([
      {
        path: 'asOf',
        message:
          'judges more than 100 years (from 2023-01-02 to 9698-12-31); give a later recordsFrom or an earlier asOf',
      },
    ]);
  });

  it('forty students judged for 100 years are answered; recordsFrom moves the first day judged', () => {
    const staff = Array.from({ length: 40 }, (_, i) => ({
      id: `S${i}`,
      role: 'student',
      startDate: '2023-01-02',
    }));
    expect(safeEvaluate('gloucestershire', { staff }, { asOf: '2122-12-31' }).ok).toBe(true);
    expect(safeEvaluate('gloucestershire', { staff }, { asOf: '2123-01-03' }).ok).toBe(false);
    // Judged from 2100 only: 23 years.
    expect(
      safeEvaluate('gloucestershire', { staff, recordsFrom: '2100-01-01' }, { asOf: '2123-01-03' }).ok,
    ).toBe(true);
  });

  it('more than 5,000,000 subject-weeks is refused before any work', () => {
    // 1,000 staff judged over 100 years ≈ 1,000 × 5,218 weeks = 5.2 million.
    const staff = Array.from({ length: 1_000 }, (_, i) => ({
      id: `S${i}`,
      role: 'social-worker',
      startDate: '2021-01-04',
    }));
    const r = safeEvaluate('york', { staff }, { asOf: '2120-12-31' });
    expect(!r.ok && r.issues[0]?.message).toMatch(/is more than 5,000,000 subject-weeks/);
  });
});

describe('a history of known fields only is scanned field by field, as the walk by key scans any other', () => {
  type Json = Record<string, unknown>;
  /** The paths of every value written as a date or an instant, each as its keys. */
  const datePaths = (value: unknown, at: (string | number)[] = []): (string | number)[][] => {
    if (typeof value === 'string') return /^\d{4}-\d\d-\d\d/.test(value) ? [at] : [];
    if (typeof value !== 'object' || value === null) return [];
    return Object.entries(value).flatMap(([k, v]) =>
      datePaths(v, [...at, Array.isArray(value) ? Number(k) : k]),
    );
  };
  const setAt = (root: Json, path: (string | number)[], value: string) => {
    let node = root as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    const old = node[last] as string;
    node[last] = old.length > 10 ? `${value}${old.slice(10)}` : value;
  };
  /** The bounds' answer on the validator's copy (read field by field) and on zod's (walked by key), and the copies after. */
  const both = (input: Json, asOf: string) => {
    const fast = checkHistory(input, { vocabulary: null });
    const slow = checkHistorySlowly(input, { vocabulary: null });
    if (!fast.ok || !slow.ok) return null;
    expect(hasKnownFieldsOnly(fast.history)).toBe(true);
    expect(hasKnownFieldsOnly(slow.history)).toBe(false);
    const policy = getPolicy('york');
    const issues = [fast.history, slow.history].map((h: History) => evaluationBoundIssues(policy, h, asOf));
    return { fast: issues[0], slow: issues[1], fastHistory: fast.history, slowHistory: slow.history };
  };

  it('every date of every field, before the window, after it, or the earliest: the same issues and ends opened', () => {
    let compared = 0;
    for (const withRecordsFrom of [true, false])
      for (const path of datePaths(fullHistory()))
        for (const value of ['1050-06-01', '1100-01-01', '1200-03-01', '9699-12-31', '9800-01-01']) {
          const input = fullHistory() as Json;
          if (!withRecordsFrom) {
            if (path[0] === 'recordsFrom') continue;
            delete input.recordsFrom;
          }
          setAt(input, path, value);
          // A day far from the history's, so that the years judged are too many and the issue names the first.
          const r = both(input, value < '5000' ? '2200-01-01' : '2026-01-01');
          if (r === null) continue;
          compared++;
          expect(r.fast).toEqual(r.slow);
          expect(r.fastHistory).toEqual(r.slowHistory);
        }
    expect(compared).toBeGreaterThan(100);
  });

  it('two dates outside the window: the first in the input key order is named, whichever field it is', () => {
    const input = fullHistory() as Json;
    const events = input.events as Json[];
    // recordedAt written before date, both before the window.
    events[0] = {
      recordedAt: '1050-01-03',
      id: 'E9',
      type: 'one-to-one',
      date: '1050-01-02',
      superviseeId: 'S1',
    };
    const r = both(input, '2025-01-01');
    expect(r?.fast).toEqual([
      {
        path: 'events[0].recordedAt',
        message: `1050-01-03 is outside the dates that can be evaluated (${firstDate} to ${lastDate})`,
      },
    ]);
  });
});
