/**
 * Writes `value` as `JSON.stringify(value, null, 2)` would, byte for byte, but in pieces: no string
 * ever holds more than one array element or object member at a time, so a report too large for one
 * JavaScript string ("Invalid string length") is still written whole. Pieces are passed to `write`
 * as they are made; buffer them (see `io.ts`'s `Output`) to make few, large writes.
 *
 * @example
 * const pieces: string[] = [];
 * writeJson({ a: [1, { b: 2 }] }, (s) => pieces.push(s));
 * pieces.join('') === JSON.stringify({ a: [1, { b: 2 }] }, null, 2); // true
 */
export function writeJson(value: unknown, write: (piece: string) => void): void {
  const v = toJson(value, '');
  if (!omitted(v)) put(v, '', write);
}

/** Writes one value that JSON keeps (after its `toJSON`), containers piece by piece. */
function put(value: unknown, indent: string, write: (piece: string) => void): void {
  if (value === null || typeof value !== 'object' || isBoxed(value)) {
    write(JSON.stringify(value));
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      write('[]');
      return;
    }
    for (let i = 0; i < value.length; i++) {
      write(i === 0 ? `[\n${inner}` : `,\n${inner}`);
      const v = toJson(value[i], String(i));
      if (omitted(v)) write('null');
      else put(v, inner, write);
    }
    write(`\n${indent}]`);
    return;
  }
  let first = true;
  for (const k of Object.keys(value)) {
    const v = toJson((value as Record<string, unknown>)[k], k);
    if (omitted(v)) continue;
    write(`${first ? '{' : ','}\n${inner}${JSON.stringify(k)}: `);
    first = false;
    put(v, inner, write);
  }
  write(first ? '{}' : `\n${indent}}`);
}

/** What JSON leaves out of an object (and writes as null in an array). */
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** A value's `toJSON(key)` when it has one, as JSON.stringify calls it. */
const toJson = (value: unknown, key: string): unknown =>
  value !== null &&
  (typeof value === 'object' || typeof value === 'bigint') &&
  typeof (value as { toJSON?: unknown }).toJSON === 'function'
    ? (value as { toJSON(key: string): unknown }).toJSON(key)
    : value;

/** new Number / String / Boolean: JSON writes the primitive inside. */
const isBoxed = (value: object) =>
  value instanceof Number || value instanceof String || value instanceof Boolean;
