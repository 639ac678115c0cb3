/**
 * supervision-rules: English councils' supervision policies as declarative, cited data, evaluated
 * against supervision histories.
 *
 * @example
 * import { evaluate } from 'supervision-rules';
 * const report = evaluate('york', history, { asOf: '2025-09-15' });
 * @packageDocumentation
 */
export type { CivilDate, ClockDeadline, SkippedDay } from './calendar/index.js';
export {
  addCalendarMonths,
  addDays,
  clockDeadline,
  formatDate,
  isIsoDate,
  WorkingCalendar,
} from './calendar/index.js';
export {
  type BaselineComparison,
  type BaselineGroup,
  type BaselineRow,
  type BaselineRuleRef,
  type BaselineVerdict,
  compareToBaseline,
} from './engine/baseline.js';
export { type Comparison, type PolicySummary, summarise } from './engine/compare.js';
export type { EvaluateOptions } from './engine/evaluate.js';
export type { ReportPart } from './engine/stream.js';
export { InputError, type InputErrorCode, type Issue } from './errors/input-error.js';
export {
  type CompareOptions,
  compare,
  evaluate,
  evaluateEach,
  preparePolicy,
  safeEvaluate,
} from './front-door.js';
export { type ParseHistoryOptions, parseHistory } from './history/parse.js';
export type { Arrangement, Case, History, Staff, SupervisionEvent } from './history/schema.js';
export { historySchema } from './history/schema.js';
export type { Vocabulary } from './history/vocabulary.js';
export {
  type BaselineId,
  baselineIds,
  type CouncilId,
  getPolicy,
  type PolicyId,
  policyIds,
} from './policies.js';
export { type ExampleResult, runPolicyExamples } from './policy/examples.js';
export { type LintFinding, lintPolicy } from './policy/lint.js';
export { loadPolicy } from './policy/load.js';
export type {
  Condition,
  Duration,
  Policy,
  PolicyFile,
  PolicyVersion,
  Rule,
  RuleAsWritten,
  RuleExample,
  ScheduleEntry,
} from './policy/schema.js';
export { policySchema } from './policy/schema.js';
export {
  type ActionItem,
  type NeedsActionOptions,
  needsAction,
  type SubjectStatus,
  type SubjectStatusOptions,
  staffNames,
  subjectStatuses,
} from './report/needs-action.js';
export type {
  Breach,
  BreachKind,
  Citation,
  NotEvaluable,
  Obligation,
  Recording,
  Report,
  Retention,
  Subject,
  SubjectTotals,
  VersionChange,
  Warning,
} from './report/types.js';
export { historyJsonSchema, policyJsonSchema } from './schema/json-schema.js';
