/**
 * Properties at the edges: arbitrary valid histories moved to the first and last evaluable eras are
 * answered by every policy (never a RangeError from inside), every date in the report is a real day,
 * and safeEvaluate never throws, whatever it is given.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors/input-error.js';
import { compare, safeEvaluate } from '../../../src/front-door.js';
import { policyIds } from '../../../src/policies.js';
import { asOfArb, extremeEraArb, historyArb, shiftEra } from '../../arbitraries.js';
import { dateLike, isRealDate } from '../../helpers.js';

const RUNS = { numRuns: Number(process.env.PROP_RUNS ?? 30) };

/** A value that cannot be read safely: a throwing getter, a revoked proxy, a proxy whose traps throw. */
function hostile(kind: 'getter' | 'revoked' | 'trap'): unknown {
  if (kind === 'getter')
    return Object.defineProperty({}, 'id', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
  if (kind === 'revoked') {
    const r = Proxy.revocable({}, {});
    r.revoke();
    return r.proxy;
  }
  return new Proxy([], {
    get() {
      throw new Error('trap');
    },
  });
}
/**
 * Hostile values are made inside the property from a description (fast-check itself must not touch
 * a revoked proxy): `{ hostile, where }` stands for one.
 */
const kindArb = fc.constantFrom('getter' as const, 'revoked' as const, 'trap' as const);
const hostileArb = kindArb.map((kind) => ({ hostile: kind, where: 'top' as const }));
const hostileHistoryArb = fc.record({
  hostile: kindArb,
  where: fc.constantFrom('top' as const, 'staff' as const, 'events' as const, 'deep' as const),
});
type Described = { hostile: 'getter' | 'revoked' | 'trap'; where: 'top' | 'staff' | 'events' | 'deep' };
const isDescribed = (v: unknown): v is Described =>
  typeof v === 'object' && v !== null && 'hostile' in v && 'where' in v && Object.keys(v).length === 2;
/** The value a description stands for (anything else as it is). */
function make(v: unknown): unknown {
  if (!isDescribed(v)) return v;
  const bad = hostile(v.hostile);
  if (v.where === 'top') return bad;
  if (v.where === 'deep')
    return { staff: [{ id: 'S1', role: 'social-worker', startDate: '2020-01-06', x: { y: [bad] } }] };
  return { staff: [], [v.where]: [bad] };
}

describe('extreme dates and sizes', () => {
  it('a valid history in the first or last evaluable era is answered by every policy, with real dates', () => {
    fc.assert(
      fc.property(historyArb, asOfArb, extremeEraArb, (history, asOf, cycles) => {
        const h = shiftEra(history, cycles);
        const at = shiftEra(asOf, cycles);
        for (const id of policyIds) {
          const result = safeEvaluate(id, h, { asOf: at });
          expect(result.ok).toBe(true);
          if (result.ok) for (const d of dateLike(result.report)) expect(isRealDate(d)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('compare answers in every era or throws only InputError', () => {
    fc.assert(
      fc.property(historyArb, asOfArb, fc.constantFrom(-3, -2, 19, 20), (history, asOf, cycles) => {
        // −3 and +20 cycles leave the evaluable dates (823–826 is not even a valid date; 10023 neither).
        try {
          compare(shiftEra(history, cycles), { asOf: shiftEra(asOf, cycles) });
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      RUNS,
    );
  });

  it('safeEvaluate never throws, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything({
            maxDepth: 4,
            withBigInt: true,
            withDate: true,
            withMap: true,
            withNullPrototype: true,
          }),
          hostileHistoryArb,
        ),
        fc.oneof(fc.constantFrom(...policyIds), fc.anything({ maxDepth: 3 }), hostileArb),
        fc.oneof(fc.record({ asOf: fc.string() }), fc.anything({ maxDepth: 2 }), hostileArb),
        (history, policy, options) => {
          const result = safeEvaluate(make(policy) as never, make(history), make(options) as never);
          if (!result.ok) for (const i of result.issues) expect(typeof i.message).toBe('string');
        },
      ),
      { numRuns: RUNS.numRuns * 10 },
    );
  });

  it('a list of any length over the limit is refused by its length alone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10_000_001, max: 2 ** 32 - 1 }),
        fc.constantFrom('staff', 'events', 'cases'),
        (length, key) => {
          const list: unknown[] = [];
          list.length = length;
          const result = safeEvaluate('york', { staff: [], [key]: list }, { asOf: '2025-01-01' });
          expect(result.ok).toBe(false);
          expect(!result.ok && result.issues.map((i) => i.path)).toEqual([key]);
        },
      ),
      RUNS,
    );
  });
});
