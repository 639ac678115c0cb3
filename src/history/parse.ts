import { InputError, type Issue } from '../errors/input-error.js';
import { besideGuarded, type CopiedJson, copyJson, JSON_LIMITS } from '../errors/json-guard.js';
import { fromZodIssues, zodErrorMap } from '../errors/zod-issues.js';
import { quickAccept } from './fast-check.js';
import { caseSchema, eventSchema, type History, historySchema, staffSchema } from './schema.js';

/** A checked history, or every problem found with its JSON path. */
export type CheckedHistory = { ok: true; history: History } | { ok: false; issues: Issue[] };

/**
 * Checks a history (docs/history-format.md) and returns it typed, or every problem found with its JSON path.
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

/**
 * {@link checkHistory} without the fast path: copyJson, then zod. Data that is valid but inconsistent
 * (an event before its supervisee started, say) is not refused: the history index warns about it.
 */
export function checkHistorySlowly(input: unknown): CheckedHistory {
  return checkCopy(copyJson(input));
}

/** Every problem: the guard's, then zod's on the copy (less those the guard reported). */
function checkCopy({ value, issues: guarded, complete }: CopiedJson): CheckedHistory {
  if (!complete) return { ok: false, issues: guarded };
  // Item by item first, stopping after JSON_LIMITS.maxIssues problems: a million bad events must
  // not become a million issues held at once.
  const items = itemIssues(value);
  if (items.length > 0) {
    const top = historySchema.safeParse(withoutLists(value), { error: zodErrorMap });
    const zodIssues = [...(top.success ? [] : fromZodIssues(top.error.issues)), ...items];
    return { ok: false, issues: [...guarded, ...besideGuarded(guarded, zodIssues)] };
  }
  const result = historySchema.safeParse(value, { error: zodErrorMap });
  const issues = result.success
    ? guarded
    : [...guarded, ...besideGuarded(guarded, fromZodIssues(result.error.issues))];
  return issues.length > 0 || !result.success ? { ok: false, issues } : { ok: true, history: result.data };
}

const LISTS = [
  ['staff', staffSchema],
  ['cases', caseSchema],
  ['events', eventSchema],
] as const;

/** The schema's problems with the items of staff, cases and events, at most JSON_LIMITS.maxIssues. */
function itemIssues(value: unknown): Issue[] {
  const out: Issue[] = [];
  if (typeof value !== 'object' || value === null) return out;
  for (const [key, schema] of LISTS) {
    const list = (value as Record<string, unknown>)[key];
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length && out.length < JSON_LIMITS.maxIssues; i++) {
      const r = schema.safeParse(list[i], { error: zodErrorMap });
      if (!r.success) out.push(...fromZodIssues(r.error.issues, [key, i]));
    }
  }
  return out;
}

/** The history with its lists emptied, to check what is around them. */
function withoutLists(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = { ...value };
  for (const [key] of LISTS) if (Array.isArray(out[key])) out[key] = [];
  return out;
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
