/**
 * The copy of the input (each property read once) together with unknown fields and `strict`,
 * policy versions and the evaluation bounds: what is checked is what is evaluated, and every
 * problem of every input is listed at once.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/input-error.js';
import { compare, evaluate, safeEvaluate } from '../../src/front-door.js';
import { checkHistory } from '../../src/history/parse.js';
import { checkPolicy, loadPolicy } from '../../src/policy/load.js';
import { intervalRule } from '../helpers.js';

const UNREADABLE = 'could not be read (a getter or proxy threw an error)';
const worker = { id: 'S1', role: 'social-worker', startDate: '2018-01-08', qualifiedDate: '2017-07-01' };

/** A one-to-one on Mon 3 Mar 2025 whose record time is under the mistyped `recordedat`, read through a getter. */
function mistypedByGetter() {
  const reads = { count: 0 };
  const event = {
    id: 'E1',
    type: 'one-to-one',
    date: '2025-03-03',
    superviseeId: 'S1',
    get recordedat() {
      reads.count++;
      return '2025-03-04T10:00:00Z';
    },
  };
  return { history: { staff: [worker], events: [event] }, reads };
}

function thrown(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('nothing thrown');
}

describe('unknown fields on the copy', () => {
  it('an unknown field behind a getter is read once and warned about (strict: refused)', () => {
    const { history, reads } = mistypedByGetter();
    expect(checkHistory(history)).toMatchObject({
      ok: true,
      warnings: [
        {
          path: 'events[0].recordedat',
          message: 'unknown field "recordedat" (ignored); did you mean recordedAt?',
        },
      ],
    });
    expect(reads.count).toBe(1);
    const strict = mistypedByGetter();
    expect(checkHistory(strict.history, { strict: true })).toEqual({
      ok: false,
      issues: [
        { path: 'events[0].recordedat', message: 'unknown field "recordedat"; did you mean recordedAt?' },
      ],
    });
    expect(strict.reads.count).toBe(1);
  });

  it('with strict, an unknown field is listed beside a getter that throws', () => {
    const staff = {
      ...worker,
      get role(): string {
        throw new Error('no');
      },
    };
    expect(checkHistory({ staff: [staff], evnts: [] }, { strict: true })).toEqual({
      ok: false,
      issues: [
        { path: 'staff[0].role', message: UNREADABLE },
        { path: 'evnts', message: 'unknown field "evnts"; did you mean events?' },
      ],
    });
  });
});

describe('options.strict read once and checked with everything else', () => {
  it('a strict getter is read once, and its true refuses the unknown field', () => {
    const { history } = mistypedByGetter();
    let reads = 0;
    const options = {
      asOf: '2025-03-31',
      get strict() {
        reads++;
        return true;
      },
    };
    const e = thrown(() => evaluate('york', history, options));
    expect([e.code, e.issues]).toEqual([
      'invalid-history',
      [{ path: 'events[0].recordedat', message: 'unknown field "recordedat"; did you mean recordedAt?' }],
    ]);
    expect(reads).toBe(1);
  });

  it('a strict getter that throws is an option problem, not a TypeError', () => {
    const options = {
      asOf: '2025-03-31',
      get strict(): boolean {
        throw new Error('no');
      },
    };
    expect(safeEvaluate('york', { staff: [worker] }, options)).toMatchObject({
      ok: false,
      code: 'invalid-options',
      issues: [{ path: 'strict', message: UNREADABLE }],
    });
  });

  it('evaluate lists a bad history, a bad asOf and a bad strict together, under the history’s code', () => {
    const e = thrown(() =>
      evaluate('york', { staff: 1 }, { asOf: 'soon', strict: 'yes' } as unknown as { asOf: string }),
    );
    expect([e.code, e.issues]).toEqual([
      'invalid-history',
      [
        { path: 'staff', message: 'expected a list, got 1' },
        { path: 'asOf', message: 'soon is not a date (expected YYYY-MM-DD, a real day from year 1000)' },
        { path: 'strict', message: 'expected true or false, got the text "yes"' },
      ],
    ]);
  });

  it('compare lists a bad strict beside policies that are not a list', () => {
    const e = thrown(() =>
      compare({ staff: [worker] }, { asOf: '2025-03-31', strict: 1, policies: 'york' } as never),
    );
    expect([e.code, e.issues]).toEqual([
      'invalid-options',
      [
        { path: 'strict', message: 'expected true or false, got 1' },
        { path: 'policies', message: 'expected a list of policy ids or definitions, got the text "york"' },
      ],
    ]);
  });
});

describe('policy versions, copied and bounded', () => {
  const rule = (days: number) => intervalRule('TST-1', { days });
  const meta = { id: 'test', name: 'Test', council: 'Test', source: 'x.txt' };

  it("a version's getter that throws is listed beside another version's duration over 100 years", () => {
    // 100 years are 36,525 days (365.25 a year); 40,000 is more.
    const definition = {
      ...meta,
      versions: [
        { version: '1', effectiveFrom: '2024-01-01', rules: [rule(40_000)] },
        {
          get version(): string {
            throw new Error('no');
          },
          effectiveFrom: '2024-07-01',
          rules: [rule(14)],
        },
      ],
    };
    expect(checkPolicy(definition)).toEqual({
      ok: false,
      issues: [
        { path: 'versions[1].version', message: UNREADABLE },
        {
          path: 'versions[0].rules[0].schedule[0].interval.days',
          message: '40000 days is longer than 100 years (at most 36,525 days)',
        },
      ],
    });
  });

  it('a single-version policy missing its fields lists them beside the schema’s problems', () => {
    const checked = checkPolicy({ ...meta, id: 'Bad Id' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.issues.map((i) => i.path)).toEqual(['id', 'version', 'effectiveFrom', 'rules']);
    for (const i of checked.issues.slice(1)) expect(i.message).toMatch(/is required \(or give versions\)$/);
  });

  it('years judged count from the first version, not the latest', () => {
    // Versions from 1900-01-02 and 2024-07-01; the history's earliest date is 1900-01-08 (no
    // recordsFrom). The engine judges from the later of the two, 1900-01-08, and 1900-01-08 +
    // 100 years = 2000-01-08 < asOf 2025-01-01: too many years. (Counted from the latest version,
    // 2024-07-01, it would have been let through and judged 125 years.)
    const policy = loadPolicy({
      ...meta,
      versions: [
        { version: '1', effectiveFrom: '1900-01-02', rules: [rule(28)] },
        { version: '2', effectiveFrom: '2024-07-01', rules: [rule(14)] },
      ],
    });
    const history = { staff: [{ id: 'S1', role: 'social-worker', startDate: '1900-01-08' }] };
    const e = thrown(() => evaluate(policy, history, { asOf: '2025-01-01' }));
    expect([e.code, e.issues]).toEqual([
      'invalid-options',
      [
        {
          path: 'asOf',
          message:
            'judges more than 100 years (from 1900-01-08 to 2025-01-01); give a later recordsFrom or an earlier asOf',
        },
      ],
    ]);
    // From 1930-01-01 (95 years to asOf) it is evaluated.
    expect(safeEvaluate(policy, { ...history, recordsFrom: '1930-01-01' }, { asOf: '2025-01-01' }).ok).toBe(
      true,
    );
  });
});
