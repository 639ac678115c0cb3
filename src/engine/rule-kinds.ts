import type { Rule, RuleOf } from '../policy/schema.js';
import { evaluateAheadOfDate } from '../rules/ahead-of-date.js';
import { evaluateCountPerPeriod } from '../rules/count-per-period.js';
import { evaluateFirstWithin } from '../rules/first-within.js';
import { evaluateFollowUp } from '../rules/follow-up.js';
import { evaluateInterval } from '../rules/interval.js';
import { evaluateMilestones } from '../rules/milestones.js';
import { evaluateMinutesPerPeriod } from '../rules/minutes-per-period.js';
import { evaluatePerShifts } from '../rules/per-shifts.js';
import { evaluateRearrange } from '../rules/rearrange.js';
import { evaluateRecording } from '../rules/recording.js';
import { evaluateRetention } from '../rules/retention.js';
import { evaluateSessionLength } from '../rules/session-length.js';
import type { EvalContext } from './context.js';

type Handlers = { [K in Rule['kind']]: (rule: RuleOf<K>, ctx: EvalContext) => void };

/** One evaluator per rule kind. `exception` acts through the rule it modifies; `untimed` has nothing to check. */
export const RULE_KINDS: Handlers = {
  interval: evaluateInterval,
  'first-within': evaluateFirstWithin,
  recording: evaluateRecording,
  rearrange: evaluateRearrange,
  'count-per-period': evaluateCountPerPeriod,
  'minutes-per-period': evaluateMinutesPerPeriod,
  'session-length': evaluateSessionLength,
  'per-shifts': evaluatePerShifts,
  'ahead-of-date': evaluateAheadOfDate,
  milestones: evaluateMilestones,
  'follow-up': evaluateFollowUp,
  exception: () => {},
  retention: evaluateRetention,
  untimed: () => {},
};

export function runRule(rule: Rule, ctx: EvalContext): void {
  (RULE_KINDS[rule.kind] as (r: Rule, c: EvalContext) => void)(rule, ctx);
}
