/** One problem in the input: where it is (a JSON path like `events[3].date`) and what is wrong. */
export interface Issue {
  path: string;
  message: string;
}

/** The most problems an `InputError` lists one by one; the rest are counted. */
export const MAX_LISTED_ISSUES = 100;

/**
 * Thrown for input that cannot be evaluated. Lists every problem at once, each with its JSON path.
 *
 * @example
 * try { parseHistory({ staff: 'x' }) } catch (e) { if (e instanceof InputError) console.log(e.issues) }
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  /** A stable code for programs: `invalid-history`, `invalid-policy`, `invalid-options`, `unknown-policy`, `invalid-mapping`. */
  readonly code: InputErrorCode;
  /** Every problem found (at most {@link MAX_LISTED_ISSUES}; `omitted` counts the rest). */
  readonly issues: Issue[];
  /** How many further problems were found but not listed. */
  readonly omitted: number;

  constructor(code: InputErrorCode, issues: readonly Issue[]) {
    const listed = issues.slice(0, MAX_LISTED_ISSUES);
    const omitted = issues.length - listed.length;
    const lines = listed.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
    if (omitted > 0) lines.push(`…and ${omitted} more`);
    super(`${summary[code]}\n${lines.join('\n')}`);
    this.code = code;
    this.issues = listed;
    this.omitted = omitted;
  }
}

export type InputErrorCode =
  | 'invalid-history'
  | 'invalid-policy'
  | 'invalid-options'
  | 'unknown-policy'
  | 'invalid-mapping';

const summary: Record<InputErrorCode, string> = {
  'invalid-history': 'The supervision history is not valid:',
  'invalid-policy': 'The policy definition is not valid:',
  'invalid-options': 'The evaluation options are not valid:',
  'unknown-policy': 'The policy is not known:',
  'invalid-mapping': 'The CSV mapping is not valid:',
};
