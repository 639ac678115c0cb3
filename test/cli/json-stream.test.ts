import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeJson } from '../../src/cli/json-stream.js';
import { compare, evaluate } from '../../src/front-door.js';
import { yorkHistory } from './fake-io.js';

const streamed = (value: unknown) => {
  const pieces: string[] = [];
  writeJson(value, (s) => pieces.push(s));
  return { text: pieces.join(''), pieces };
};

describe('writeJson', () => {
  it('writes a report exactly as JSON.stringify(report, null, 2), in many pieces', () => {
    const report = evaluate('york', yorkHistory, { asOf: '2025-09-15' });
    const { text, pieces } = streamed(report);
    expect(text).toBe(JSON.stringify(report, null, 2));
    expect(pieces.length).toBeGreaterThan(report.breaches.length);
    const longest = Math.max(...pieces.map((p) => p.length));
    expect(longest).toBeLessThan(400); // one sentence, not a whole breach or report
  });

  it('writes a comparison exactly as JSON.stringify', () => {
    const comparison = compare(yorkHistory, { asOf: '2025-09-15' });
    expect(streamed(comparison).text).toBe(JSON.stringify(comparison, null, 2));
  });

  it('treats empty containers, undefined, functions, symbols, toJSON, boxed values and -0 as JSON does', () => {
    const value = {
      a: [],
      b: {},
      c: [undefined, () => 1, Symbol('s'), null, -0, Number.NaN, Number.POSITIVE_INFINITY],
      d: undefined,
      e: () => 1,
      f: new Date(Date.UTC(2025, 0, 2)),
      g: { toJSON: (key: string) => ({ key, nested: { toJSON: () => 'kept as object' } }) },
      h: [new Number(3), new String('x\u2028"'), new Boolean(false)],
      '\u0000"k': 'ÿ\ud800',
    };
    expect(streamed(value).text).toBe(JSON.stringify(value, null, 2));
    expect(streamed(undefined).text).toBe('');
    expect(streamed('x').text).toBe('"x"');
  });

  it('equals JSON.stringify(v, null, 2) for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => {
        expect(streamed(v).text).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 300 },
    );
  });
});
