import type { z } from 'zod';
import type { Issue } from './input-error.js';
import { messages } from './messages.js';
import { nearest } from './nearest.js';
import { formatPath } from './path.js';

/** Between the per-key messages of one `unrecognized_keys` issue (keys are quoted, so never contain it). */
const KEY_SEPARATOR = '\n';

/** The keys a zod object schema names, or none for anything else. */
function shapeKeys(schema: unknown): string[] {
  const shape = (schema as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
  return shape === undefined ? [] : Object.keys(shape);
}

/**
 * Every zod issue in words a council officer reads: no validator jargon. Schemas that know better
 * (a date, a rule id, the forms of a duration) word their own problems; this covers the rest, and
 * always answers, so zod's own English never reaches a person.
 */
export const zodErrorMap = (iss: z.core.$ZodRawIssue): string => {
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return messages.required();
      // z.int() says it expects a number when given something else: it wants a whole one.
      const whole =
        (iss.inst as { _zod?: { def?: { format?: string } } } | undefined)?._zod?.def?.format === 'safeint';
      return messages.wrongType(whole ? 'int' : String(iss.expected), iss.input);
    }
    case 'too_small':
      if (iss.origin === 'array')
        return Number(iss.minimum) <= 1 ? messages.emptyList() : messages.tooFewItems(Number(iss.minimum));
      if (iss.origin === 'string')
        return Number(iss.minimum) <= 1 ? messages.emptyText() : messages.tooShort(Number(iss.minimum));
      if (iss.minimum === 0 && iss.inclusive) return messages.notNonNegativeInteger(iss.input);
      if ((iss.minimum === 0 && !iss.inclusive) || (iss.minimum === 1 && iss.inclusive))
        return messages.notPositiveInteger(iss.input);
      return messages.tooSmall(iss.input, iss.minimum);
    case 'too_big':
      if (iss.origin === 'string') return messages.tooLong(Number(iss.maximum));
      if (iss.origin === 'array') return messages.tooManyItems(Number(iss.maximum));
      return messages.tooBig(iss.input, iss.maximum);
    case 'invalid_format':
      if (iss.format === 'date') return messages.notADate(iss.input);
      if (iss.format === 'datetime') return messages.notAnInstant(iss.input);
      return messages.notInForm(iss.input);
    case 'invalid_value': {
      if (iss.input === undefined) return messages.required();
      const values = iss.values.map(String);
      if (values.length === 1) return messages.mustBe(iss.input, values[0]);
      return messages.unknownValue(
        iss.input,
        values,
        typeof iss.input === 'string' ? nearest(iss.input, values) : undefined,
      );
    }
    case 'unrecognized_keys': {
      const known = shapeKeys(iss.inst);
      return iss.keys.map((k) => messages.unknownField(k, nearest(k, known))).join(KEY_SEPARATOR);
    }
    case 'invalid_union': {
      if (iss.note === 'No matching discriminator') {
        const kinds = ((iss.options ?? []) as unknown[]).map(String);
        const value = (iss.input as Record<string, unknown> | undefined)?.[iss.discriminator ?? ''];
        return messages.notARuleKind(
          value,
          kinds,
          typeof value === 'string' ? nearest(value, kinds) : undefined,
        );
      }
      return iss.input === undefined ? messages.required() : messages.notInForm(iss.input);
    }
    default:
      return iss.message ?? messages.notValidHere();
  }
};

/**
 * zod's issues as ours: a JSON path and a message. An unknown-fields issue becomes one issue per
 * field, at the field's own path. A union that fails every form is reported as the one form the
 * input plainly meant (the only one whose fields it uses), when there is one, else as the union's
 * own message, which lists the forms.
 */
export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): Issue[] {
  const out: Issue[] = [];
  for (const i of issues) {
    const path = [...prefix, ...i.path];
    if (i.code === 'unrecognized_keys') {
      const words = i.message.split(KEY_SEPARATOR);
      i.keys.forEach((key, k) => {
        out.push({ path: formatPath([...path, key]), message: words[k] ?? messages.unknownField(key) });
      });
    } else if (i.code === 'invalid_union' && i.errors.length > 0) {
      const meant = i.errors.filter(
        (branch) => !branch.some((b) => b.code === 'unrecognized_keys' && b.path.length === 0),
      );
      if (meant.length === 1) out.push(...fromZodIssues(meant[0]!, path));
      else out.push({ path: formatPath(path), message: i.message });
    } else out.push({ path: formatPath(path), message: i.message });
  }
  return out;
}
