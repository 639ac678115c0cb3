import { InputError, type Issue } from '../errors/input-error.js';
import { guardJson } from '../errors/json-guard.js';
import { messages } from '../errors/messages.js';
import { fromZodIssues, zodErrorMap } from '../errors/zod-issues.js';
import { quickCheck } from './fast-check.js';
import { type History, historySchema } from './schema.js';
import { type UnknownField, unknownFieldIssues, unknownFields } from './unknown-fields.js';

/**
 * A checked history, or every problem found with its JSON path. `warnings` are the fields the
 * history format does not know, each with its path (they are ignored).
 */
export type CheckedHistory =
  | { ok: true; history: History; warnings: Issue[] }
  | { ok: false; issues: Issue[] };

export interface ParseHistoryOptions {
  /** Refuse fields the history format does not know, instead of warning about them (default false). */
  strict?: boolean | undefined;
}

/**
 * Checks a history (docs/history-format.md) and returns it typed, or every problem found with its JSON path.
 * Never throws. A valid history is usually recognised in one pass ({@link quickCheck}) and
 * returned as it is; anything else goes through guardJson and zod, which word every problem.
 */
export function checkHistory(input: unknown, options: ParseHistoryOptions = {}): CheckedHistory {
  const quick = quickCheck(input);
  if (quick === 'valid') return { ok: true, history: input as History, warnings: [] };
  if (quick === 'unknown-fields') return withUnknownFields(input as History, options);
  return checkHistorySlowly(input, options);
}

/**
 * {@link checkHistory} without the fast path: guardJson, then zod. Data that is valid but inconsistent
 * (an event before its supervisee started, say) is not refused: the history index warns about it.
 */
export function checkHistorySlowly(input: unknown, options: ParseHistoryOptions = {}): CheckedHistory {
  const guarded = guardJson(input);
  if (guarded.length > 0) return { ok: false, issues: guarded };
  const result = historySchema.safeParse(input, { error: zodErrorMap });
  if (!result.success) {
    const unknown = unknownFields(input);
    const issues = hintMistypedFields(fromZodIssues(result.error.issues), unknown);
    return {
      ok: false,
      issues: options.strict ? [...issues, ...unknownFieldIssues(unknown, false)] : issues,
    };
  }
  return withUnknownFields(result.data, options);
}

/** A valid history with its unknown fields: warnings, or with `strict` errors. */
function withUnknownFields(history: History, options: ParseHistoryOptions): CheckedHistory {
  const unknown = unknownFields(history);
  if (options.strict && unknown.length > 0) return { ok: false, issues: unknownFieldIssues(unknown, false) };
  return { ok: true, history, warnings: unknownFieldIssues(unknown, true) };
}

/**
 * A required field left out beside an unknown one that looks like its typo says so:
 * `events[0].superviseeId: is required (the history has "superviseeid", …: did you mean superviseeId?)`.
 */
function hintMistypedFields(issues: Issue[], unknown: readonly UnknownField[]): Issue[] {
  const mistyped = new Map<string, UnknownField>();
  for (const u of unknown) if (u.meant !== undefined) mistyped.set(u.meant.path, u);
  if (mistyped.size === 0) return issues;
  return issues.map((i) => {
    const typo = i.message.endsWith(messages.required()) ? mistyped.get(i.path) : undefined;
    return typo?.meant === undefined
      ? i
      : { path: i.path, message: messages.requiredButMistyped(i.message, typo.meant.key, typo.key) };
  });
}

/**
 * Validates a supervision history without evaluating it. Fields the format does not know are
 * ignored (evaluate lists them in `report.warnings`); with `strict: true` they are errors.
 *
 * @throws {InputError} `invalid-history`, listing every problem with its JSON path.
 * @example
 * const history = parseHistory(JSON.parse(text));
 * parseHistory({ staff: [], evnts: [] }, { strict: true }); // throws: evnts: unknown field "evnts"; did you mean events?
 */
export function parseHistory(input: unknown, options: ParseHistoryOptions = {}): History {
  const checked = checkHistory(input, options);
  if (!checked.ok) throw new InputError('invalid-history', checked.issues);
  return checked.history;
}
