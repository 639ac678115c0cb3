import type { z } from 'zod';
import type { Issue } from './input-error.js';
import { messages } from './messages.js';
import { formatPath } from './path.js';

/** Parse-level wording for zod's generic issues, so every message reads the same way. */
export const zodErrorMap = (iss: z.core.$ZodRawIssue): string | undefined => {
  if (iss.code === 'invalid_type')
    return iss.input === undefined ? 'is required' : messages.wrongType(String(iss.expected), iss.input);
  if (iss.code === 'unrecognized_keys') return iss.keys.map((k) => messages.unknownField(k)).join('; ');
  if (iss.code === 'too_small' && iss.origin === 'number')
    return iss.minimum === 0 || (iss.minimum === 1 && !iss.inclusive)
      ? messages.notPositiveInteger(iss.input)
      : undefined;
  return undefined;
};

/** zod's issues as ours: a JSON path and a message. */
export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): Issue[] {
  return issues.map((i) => ({ path: formatPath([...prefix, ...i.path]), message: i.message }));
}
