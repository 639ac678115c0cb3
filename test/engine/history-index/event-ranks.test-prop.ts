/**
 * Event ids in the history index (src/engine/history-index.ts): each event's rank in id order and
 * the duplicate warnings, against a plain string sort, for ids of every kind (long common starts,
 * characters of any code, repeats).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idKeys, indexHistory } from '../../../src/engine/history-index.js';
import type { History } from '../../../src/history/schema.js';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const small = (prefix: string) => fc.integer({ min: 0, max: 30 }).map((n) => `${prefix}${n}`);
/** Ids alike and unlike: numbered, sharing a long start, of any characters (an id has at least one). */
const idArb = fc.oneof(
  small('E'),
  small('event-2024-01-01-0000'),
  fc.string({ minLength: 1, maxLength: 14 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }),
  fc.string({ unit: fc.constantFrom('a', 'b', '\u00ff', '\u0100', '\uffff'), minLength: 1, maxLength: 16 }),
);
const idsArb = fc.oneof(fc.array(idArb, { maxLength: 60 }), fc.array(small('E'), { maxLength: 60 }));

describe('event ids ranked in id order', () => {
  it('idKeys never orders two ids against their string order, and each key times the count is a safe integer', () => {
    fc.assert(
      fc.property(idsArb, (ids) => {
        const keys = idKeys(ids);
        for (let i = 0; i < ids.length; i++) {
          expect(Number.isSafeInteger(keys[i]! * ids.length)).toBe(true);
          for (let j = 0; j < ids.length; j++)
            if (ids[i]! < ids[j]!) expect(keys[i]).toBeLessThanOrEqual(keys[j]!);
            else if (ids[i] === ids[j]) expect(keys[i]).toBe(keys[j]);
        }
      }),
      { numRuns: 500 },
    );
    // Ids of "E" and digits among 50,000: their first eight characters tell them apart.
    const keys = idKeys([...Array.from({ length: 49_998 }, () => 'E1'), 'E1234567', 'E1234568']);
    expect(keys[49_998]).toBeLessThan(keys[49_999]!);
    const longer = idKeys([...Array.from({ length: 49_998 }, () => 'E1'), 'E12345670', 'E12345671']);
    expect(longer[49_998]).toBe(longer[49_999]);
  });

  it('ranks and duplicate warnings are those of a plain string sort', () => {
    fc.assert(
      fc.property(idsArb, (ids) => {
        const history = {
          staff: [],
          events: ids.map((id) => ({ id, type: 'one-to-one', date: '2024-01-08' })),
        } as unknown as History;
        const ix = indexHistory(history);
        const distinct = [...new Set(ids)].sort(cmp);
        expect([...ix.eventRank]).toEqual(ids.map((id) => distinct.indexOf(id)));
        expect(ix.distinctEventIds).toBe(distinct.length);
        const expected = ids.flatMap((id, i) => {
          const first = ids.indexOf(id);
          return first === i
            ? []
            : [
                {
                  path: `events[${i}].id`,
                  message: `event id "${id}" is used again (first at events[${first}]); both events count`,
                },
              ];
        });
        expect(ix.warnings).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
