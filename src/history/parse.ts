import { InputError, type Issue } from '../errors/input-error.js';
import { besideGuarded, type CopiedJson, copyJson, JSON_LIMITS } from '../errors/json-guard.js';
import { messages } from '../errors/messages.js';
import { fromZodIssues, zodErrorMap } from '../errors/zod-issues.js';
import { quickValidate } from './quick-validate.js';
import { caseSchema, eventSchema, type History, historySchema, staffSchema } from './schema.js';
import { type UnknownField, unknownFieldIssues, unknownFields } from './unknown-fields.js';
import type { Vocabulary } from './vocabulary.js';
import { itemWordIssues, knownWordSets, wordIssues } from './words.js';

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
  /**
   * The words the history may use beyond the built-in ones: the `vocabulary` of the policy it will
   * be evaluated against (`evaluate` passes the policy's). A role, event type, case flag, episode
   * type or staff tag that neither the built-in words nor this declares is refused, with the nearest
   * known word. Left out: the built-in words only (a staff tag is then always refused). `null`: the
   * words are not checked (a history already checked against its policy).
   */
  vocabulary?: Vocabulary | null | undefined;
}

/** The history's unknown words (docs/policy-language.md, vocabulary), unless the options say not to check them. */
const wordsOf = (value: unknown, options: ParseHistoryOptions): Issue[] =>
  options.vocabulary === null ? [] : wordIssues(value, options.vocabulary);

/**
 * Checks a history (docs/history-format.md) and returns it typed, or every problem found with its JSON path.
 * Never throws. The input is copied as plain data, each property read once (copyJson's walk), so
 * what is checked is what is evaluated. The quick validator ({@link quickValidate}) checks the copy
 * in that same walk, and a valid copy is returned as it is; anything else goes through zod, on the
 * copy, which words every problem.
 */
export function checkHistory(input: unknown, options: ParseHistoryOptions = {}): CheckedHistory {
  const copied = quickValidate(input);
  // A word the vocabulary does not know: the slow path words it beside every other problem.
  if (copied.verdict !== 'unsure' && wordsOf(copied.value, options).length === 0) {
    if (copied.verdict === 'valid') return { ok: true, history: copied.value as History, warnings: [] };
    if (copied.verdict === 'unknown-fields') return withUnknownFields(copied.value as History, options);
  }
  return checkCopy(copied, options);
}

/**
 * {@link checkHistory} without the fast path: copyJson, then zod. Data that is valid but inconsistent
 * (an event before its supervisee started, say) is not refused: the history index warns about it.
 */
export function checkHistorySlowly(input: unknown, options: ParseHistoryOptions = {}): CheckedHistory {
  return checkCopy(copyJson(input), options);
}

/**
 * Every problem: the guard's, then zod's on the copy (less those the guard reported), a required
 * field beside its likely typo hinted, and with `strict` the unknown fields too.
 */
function checkCopy(
  { value, issues: guarded, complete }: CopiedJson,
  options: ParseHistoryOptions,
): CheckedHistory {
  if (!complete) return { ok: false, issues: guarded };
  // Item by item first, stopping after JSON_LIMITS.maxIssues problems: a million bad events must
  // not become a million issues held at once.
  let zodIssues = itemIssues(value, options);
  if (zodIssues.length > 0) {
    const top = historySchema.safeParse(withoutLists(value), { error: zodErrorMap });
    if (!top.success) zodIssues = [...fromZodIssues(top.error.issues), ...zodIssues];
  } else {
    const result = historySchema.safeParse(value, { error: zodErrorMap });
    if (result.success) {
      if (guarded.length === 0) return withUnknownFields(result.data, options);
    } else zodIssues = fromZodIssues(result.error.issues);
  }
  return failed(guarded, zodIssues, value, options);
}

/** The problems of a history that is refused: the guard's, then the schema's and the words', typos hinted. */
function failed(
  guarded: readonly Issue[],
  zodIssues: readonly Issue[],
  value: unknown,
  options: ParseHistoryOptions,
): CheckedHistory {
  const unknown = unknownFields(value);
  const issues = [...guarded, ...hintMistypedFields(besideGuarded(guarded, [...zodIssues]), unknown)];
  return {
    ok: false,
    issues: options.strict ? [...issues, ...unknownFieldIssues(unknown, false)] : issues,
  };
}

/** A valid history with its unknown fields: warnings, or with `strict` errors. */
function withUnknownFields(history: History, options: ParseHistoryOptions): CheckedHistory {
  const unknown = unknownFields(history);
  if (options.strict && unknown.length > 0) return { ok: false, issues: unknownFieldIssues(unknown, false) };
  return { ok: true, history, warnings: unknownFieldIssues(unknown, true) };
}

const LISTS = [
  ['staff', staffSchema],
  ['cases', caseSchema],
  ['events', eventSchema],
] as const;

/**
 * The problems with the items of staff, cases and events, at most JSON_LIMITS.maxIssues: the
 * schema's, then the item's unknown words (unless `vocabulary` is null).
 */
function itemIssues(value: unknown, options: ParseHistoryOptions): Issue[] {
  const out: Issue[] = [];
  if (typeof value !== 'object' || value === null) return out;
  const known = knownWordSets(options.vocabulary ?? undefined);
  for (const [key, schema] of LISTS) {
    const list = (value as Record<string, unknown>)[key];
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length && out.length < JSON_LIMITS.maxIssues; i++) {
      const r = schema.safeParse(list[i], { error: zodErrorMap });
      if (!r.success) out.push(...fromZodIssues(r.error.issues, [key, i]));
      if (options.vocabulary !== null)
        out.push(...itemWordIssues(key, list[i], i, options.vocabulary, known));
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
