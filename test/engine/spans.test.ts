import { describe, expect, it } from 'vitest';
import {
  ALWAYS,
  complement,
  contains,
  intersect,
  NEVER,
  normalize,
  subtract,
  union,
} from '../../src/engine/spans.js';

// Spans are inclusive [from, to] runs of day numbers; the examples count days by hand.
describe('spans', () => {
  it('normalize sorts, drops empty spans and merges overlapping or touching ones', () => {
    // [9, 8] is empty; [4, 4] touches [1, 3] (4 = 3 + 1); [5, 7] then touches [1, 4].
    expect(
      normalize([
        [5, 7],
        [9, 8],
        [1, 3],
        [4, 4],
      ]),
    ).toEqual([[1, 7]]);
    // 5 > 3 + 1: a one-day gap (day 4) keeps them apart.
    expect(
      normalize([
        [5, 6],
        [1, 3],
      ]),
    ).toEqual([
      [1, 3],
      [5, 6],
    ]);
    // A span inside an earlier one keeps the earlier end (max(10, 3) = 10).
    expect(
      normalize([
        [1, 10],
        [2, 3],
      ]),
    ).toEqual([[1, 10]]);
    expect(normalize([[2, 2]])).toEqual([[2, 2]]);
  });

  it('union of an empty side is the other side; otherwise a merged set', () => {
    const a = [[1, 2]] as const;
    expect(union(a, NEVER)).toBe(a);
    expect(union(NEVER, a)).toBe(a);
    expect(union([[1, 2]], [[3, 4]])).toEqual([[1, 4]]);
    expect(union([[7, 9]], [[1, 2]])).toEqual([
      [1, 2],
      [7, 9],
    ]);
  });

  it('intersect keeps the overlapping days, including a single shared day', () => {
    // [1,5]∩[3,9] = [3,5]; [8,12]∩[3,9] = [8,9].
    expect(
      intersect(
        [
          [1, 5],
          [8, 12],
        ],
        [[3, 9]],
      ),
    ).toEqual([
      [3, 5],
      [8, 9],
    ]);
    expect(intersect([[1, 5]], [[5, 9]])).toEqual([[5, 5]]);
    expect(intersect([[1, 4]], [[5, 9]])).toEqual([]);
    // b's first span ends first (3 < 10), so b advances and [6, 7] is still met.
    expect(
      intersect(
        [[1, 10]],
        [
          [2, 3],
          [6, 7],
        ],
      ),
    ).toEqual([
      [2, 3],
      [6, 7],
    ]);
    expect(intersect(ALWAYS, [[2, 3]])).toEqual([[2, 3]]);
  });

  it('complement is every day outside the spans, with open ends', () => {
    expect(
      complement([
        [3, 5],
        [8, 9],
      ]),
    ).toEqual([
      [-Infinity, 2],
      [6, 7],
      [10, Infinity],
    ]);
    expect(complement([[-Infinity, 4]])).toEqual([[5, Infinity]]);
    expect(complement([[4, Infinity]])).toEqual([[-Infinity, 3]]);
    expect(complement(ALWAYS)).toEqual([]);
    expect(complement(NEVER)).toEqual([[-Infinity, Infinity]]);
  });

  it('subtract removes days; subtracting nothing returns the same spans', () => {
    expect(subtract([[1, 10]], [[3, 4]])).toEqual([
      [1, 2],
      [5, 10],
    ]);
    const a = [[1, 10]] as const;
    expect(subtract(a, NEVER)).toBe(a);
    expect(subtract([[1, 10]], [[1, 10]])).toEqual([]);
  });

  it('contains is inclusive at both ends', () => {
    const s = [
      [1, 3],
      [7, 7],
    ] as const;
    expect([0, 1, 2, 3, 4, 6, 7, 8].map((d) => contains(s, d))).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
      true,
      false,
    ]);
  });
});
