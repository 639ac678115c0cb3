import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors/input-error.js';
import { copyJson, JSON_LIMITS } from '../../../src/errors/json-guard.js';
import { compare, evaluate, safeEvaluate } from '../../../src/front-door.js';
import { getPolicy } from '../../../src/policies.js';
import { lintPolicy } from '../../../src/policy/lint.js';
import { loadPolicy } from '../../../src/policy/load.js';

const asOf = '2025-01-01';
const worker = (extra: Record<string, unknown> = {}) => ({
  id: 'S1',
  role: 'social-worker',
  startDate: '2020-01-06',
  ...extra,
});

/** safeEvaluate's refusal: the issues, or a failure when it answered. */
function refused(history: unknown, options: unknown = { asOf }) {
  const result = safeEvaluate('york', history, options as { asOf: string });
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

describe('hostile shapes: answered or refused, never thrown', () => {
  it('a sparse list of length 2^32−1 is refused by its length, before any item is read', () => {
    const events: unknown[] = [];
    events.length = 2 ** 32 - 1;
    const r = refused({ staff: [worker()], events });
    expect(r.issues).toEqual([
      {
        path: 'events',
        message: `the list has more than ${JSON_LIMITS.maxItems.toLocaleString('en-GB')} items`,
      },
    ]);
  });

  it('a tree whose nodes each point twice at the next (28 levels, no cycle) is refused promptly', () => {
    // Walked as a tree it has 2^28 leaves; each shared object is met again far more than
    // maxRepeats times long before that.
    let node: unknown = { id: 'x' };
    for (let i = 0; i < 28; i++) node = { a: node, b: node };
    const started = Date.now();
    const r = refused({ staff: [worker({ extra: node })] });
    expect(r.issues[0]?.message).toMatch(/same objects again more than/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('an object met again exactly maxRepeats times is copied; once more is refused', () => {
    // A list of n references to one object: the list and the object are met n + 1 times, n − 1 of them again.
    const shared = { a: 1 };
    const list = (n: number) => Array.from({ length: n }, () => shared);
    const atLimit = copyJson(list(JSON_LIMITS.maxRepeats + 1));
    expect([atLimit.issues, atLimit.complete]).toEqual([[], true]);
    expect((atLimit.value as unknown[])[JSON_LIMITS.maxRepeats]).toEqual(shared);
    const over = copyJson(list(JSON_LIMITS.maxRepeats + 2));
    expect([over.issues, over.complete]).toEqual([
      [
        {
          path: `[${JSON_LIMITS.maxRepeats + 1}]`,
          message: `the input uses the same objects again more than ${JSON_LIMITS.maxRepeats.toLocaleString('en-GB')} times`,
        },
      ],
      false,
    ]);
  });

  it('an object shared by a few places is copied to each and evaluated', () => {
    const supervisors = [{ supervisorId: 'M1', from: '2020-01-06' }];
    const result = safeEvaluate(
      'york',
      { staff: [worker({ supervisors }), worker({ id: 'S2', supervisors })] },
      { asOf },
    );
    expect(result.ok).toBe(true);
  });

  it('a getter that throws is an issue at its path', () => {
    const staff = worker();
    Object.defineProperty(staff, 'teamId', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(refused({ staff: [staff] }).issues).toEqual([
      { path: 'staff[0].teamId', message: 'could not be read (a getter or proxy threw an error)' },
    ]);
  });

  it('a proxy whose ownKeys trap throws, and a revoked proxy, are issues at their paths', () => {
    const trapped = new Proxy(
      { staff: [] },
      {
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    expect(refused(trapped).issues[0]).toEqual({
      path: '',
      message: 'could not be read (a getter or proxy threw an error)',
    });
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    expect(refused({ staff: [revocable.proxy] }).issues).toEqual([
      { path: 'staff[0]', message: 'could not be read (a getter or proxy threw an error)' },
    ]);
    expect(refused(revocable.proxy).issues[0]?.path).toBe('');
  });

  it('options that throw when read, or a revoked proxy as options, are refused', () => {
    const options = {
      get asOf(): string {
        throw new Error('boom');
      },
    };
    expect(refused({ staff: [] }, options).issues).toEqual([
      { path: 'asOf', message: 'could not be read (a getter or proxy threw an error)' },
    ]);
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    expect(refused({ staff: [] }, revocable.proxy).code).toBe('invalid-options');
    const policy = Proxy.revocable({}, {});
    policy.revoke();
    const r = safeEvaluate(policy.proxy as never, { staff: [] }, { asOf });
    expect(r.ok).toBe(false);
  });

  it('a getter that answers differently on its second read: what was checked is what is evaluated', () => {
    // The id reads 'S1' the first time and a number after: the copy made while checking keeps 'S1'.
    let reads = 0;
    const staff = {
      role: 'social-worker',
      startDate: '2020-01-06',
      get id() {
        reads++;
        return reads === 1 ? 'S1' : 5;
      },
    };
    const result = safeEvaluate('york', { staff: [staff] }, { asOf });
    expect(result.ok).toBe(true);
    if (result.ok) for (const o of result.report.obligations) expect(o.subject.id).toBe('S1');
    expect(reads).toBe(1);
  });

  it('asOf read once: a getter turning bad after the check is never evaluated', () => {
    let reads = 0;
    const options = {
      get asOf() {
        reads++;
        return reads === 1 ? '2025-01-01' : 'garbage';
      },
    };
    const result = safeEvaluate('york', { staff: [worker()] }, options);
    expect(result.ok && result.report.asOf).toBe('2025-01-01');
  });
});

describe('every problem is listed, not only the first stage’s', () => {
  type Editable = { rules: { citation: { quote: string }; kind: string }[]; effectiveFrom: string };
  const york = () => JSON.parse(JSON.stringify(getPolicy('york'))) as Editable;

  it('a policy with a 20,000-character quote, an unknown kind and a bad date reports all three', () => {
    const p = york();
    p.rules[0]!.citation.quote = 'x'.repeat(20_000);
    p.rules[1]!.kind = 'nonsense';
    p.effectiveFrom = '2025-13-45';
    let error: unknown;
    try {
      loadPolicy(p);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const paths = (error as InputError).issues.map((i) => i.path);
    expect(paths).toContain('rules[0].citation.quote');
    expect(paths).toContain('effectiveFrom');
    expect(paths.some((p) => p.startsWith('rules[1]'))).toBe(true);
    // The long quote is reported once, by the guard, not again by the schema's 5,000-character limit.
    expect(paths.filter((p) => p === 'rules[0].citation.quote')).toHaveLength(1);
  });

  it('policy, history and options problems come together in one InputError', () => {
    const p = york();
    p.effectiveFrom = 'bad';
    let error: unknown;
    try {
      evaluate(p as never, { staff: 'x' }, { asOf: 'nope' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const e = error as InputError;
    expect(e.code).toBe('invalid-policy');
    expect(e.issues.map((i) => i.path)).toEqual(['policy.effectiveFrom', 'staff', 'asOf']);
  });

  it('compare lists options, policy and history problems together', () => {
    let error: unknown;
    try {
      compare({ staff: 'x' }, { asOf: 'nope', policies: ['york', 'atlantis'] as never });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('invalid-options');
    expect((error as InputError).issues.map((i) => i.path)).toEqual(['asOf', 'policies[1]', 'staff']);
  });
});

describe('wrong types are InputErrors, not TypeErrors', () => {
  it("compare(history, { policies: 'york' }) is an InputError about policies", () => {
    let error: unknown;
    try {
      compare({ staff: [] }, { asOf, policies: 'york' as never });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('invalid-options');
    expect((error as InputError).issues).toEqual([
      { path: 'policies', message: 'expected a list of policy ids or definitions, got the text "york"' },
    ]);
  });

  it('lintPolicy({}) is an InputError listing what the policy lacks', () => {
    let error: unknown;
    try {
      lintPolicy({} as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('invalid-policy');
    expect((error as InputError).issues.map((i) => i.path)).toContain('rules');
  });
});
