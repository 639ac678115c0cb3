import { InputError, type Issue } from '../errors/input-error.js';
import { besideGuarded, type CopiedJson, copyJson } from '../errors/json-guard.js';
import { messages } from '../errors/messages.js';
import { fromZodIssues, zodErrorMap } from '../errors/zod-issues.js';
import { quickAccept } from './fast-check.js';
import { type History, historySchema } from './schema.js';

/** A checked history, or every problem found with its JSON path. */
export type CheckedHistory = { ok: true; history: History } | { ok: false; issues: Issue[] };

/**
 * Checks a history (CONTRACT.md) and returns it typed, or every problem found with its JSON path.
 * Never throws. The input is first copied as plain data, each property read once (copyJson), so
 * what is checked is what is evaluated. A valid copy is usually recognised in one pass
 * ({@link quickAccept}) and returned as it is; anything else goes through zod, which words every
 * problem.
 */
export function checkHistory(input: unknown): CheckedHistory {
  const copied = copyJson(input);
  return copied.issues.length === 0 && quickAccept(copied.value)
    ? { ok: true, history: copied.value }
    : checkCopy(copied);
}

/** {@link checkHistory} without the fast path: copyJson, zod, then the cross checks. */
export function checkHistorySlowly(input: unknown): CheckedHistory {
  return checkCopy(copyJson(input));
}

/** Every problem: the guard's, then zod's on the copy (less those the guard reported), then the cross checks. */
function checkCopy({ value, issues: guarded, complete }: CopiedJson): CheckedHistory {
  if (!complete) return { ok: false, issues: guarded };
  const result = historySchema.safeParse(value, { error: zodErrorMap });
  const issues = result.success
    ? [...guarded, ...crossChecks(result.data)]
    : [...guarded, ...besideGuarded(guarded, fromZodIssues(result.error.issues))];
  return issues.length > 0 || !result.success ? { ok: false, issues } : { ok: true, history: result.data };
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

/** Problems that need more than one field to see: an individual event before its supervisee started. */
function crossChecks(history: History): Issue[] {
  const starts = new Map<string, string>();
  for (const s of history.staff) if (!starts.has(s.id)) starts.set(s.id, s.startDate);
  const issues: Issue[] = [];
  (history.events ?? []).forEach((e, i) => {
    const start = e.superviseeId === undefined ? undefined : starts.get(e.superviseeId);
    if (start !== undefined && e.date < start)
      issues.push({ path: `events[${i}].date`, message: messages.eventBeforeStart(e.superviseeId!, start) });
  });
  return issues;
}
