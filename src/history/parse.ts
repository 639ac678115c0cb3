import { InputError, type Issue } from '../errors/input-error.js';
import { guardJson } from '../errors/json-guard.js';
import { fromZodIssues, zodErrorMap } from '../errors/zod-issues.js';
import { quickAccept } from './fast-check.js';
import { type History, historySchema } from './schema.js';

/** A checked history, or every problem found with its JSON path. */
export type CheckedHistory = { ok: true; history: History } | { ok: false; issues: Issue[] };

/**
 * Checks a history (docs/history-format.md) and returns it typed, or every problem found with its JSON path.
 * Never throws. A valid history is usually recognised in one pass ({@link quickAccept}) and
 * returned as it is; anything else goes through guardJson and zod, which word every problem.
 */
export function checkHistory(input: unknown): CheckedHistory {
  return quickAccept(input) ? { ok: true, history: input } : checkHistorySlowly(input);
}

/**
 * {@link checkHistory} without the fast path: guardJson, then zod. Data that is valid but inconsistent
 * (an event before its supervisee started, say) is not refused: the history index warns about it.
 */
export function checkHistorySlowly(input: unknown): CheckedHistory {
  const guarded = guardJson(input);
  if (guarded.length > 0) return { ok: false, issues: guarded };
  const result = historySchema.safeParse(input, { error: zodErrorMap });
  if (!result.success) return { ok: false, issues: fromZodIssues(result.error.issues) };
  return { ok: true, history: result.data };
}

/**
 * Validates a supervision history without evaluating it.
 *
 * @throws {InputError} `invalid-history`, listing every problem with its JSON path.
 * @example
 * const history = parseHistory(JSON.parse(text));
 */
export function parseHistory(input: unknown): History {
  const checked = checkHistory(input);
  if (!checked.ok) throw new InputError('invalid-history', checked.issues);
  return checked.history;
}
