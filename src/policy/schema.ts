import { z } from 'zod';
import { messages } from '../errors/messages.js';
import { isoDate } from '../history/schema.js';
import {
  ARRANGEMENT_TYPES,
  CASE_FLAGS,
  EPISODE_TYPES,
  EVENT_TYPES,
  ROLES,
  SERVICES,
} from '../history/vocabulary.js';

const text = z.string().min(1).max(5_000);
const positive = z.int().positive();

/** Where a rule comes from: the seed file, its section, and the words quoted verbatim. */
export const citationSchema = z.strictObject({ source: text, section: text, quote: text });

/** The longest length of time a policy may state, per unit: 100 years (retention times reach 25). */
export const MAX_POLICY_DURATION = {
  days: 36_525,
  weeks: 5_218,
  months: 1_200,
  workingDays: 26_100,
} as const;
const upTo = (
  unit: keyof typeof MAX_POLICY_DURATION | 'hours',
  max: number = MAX_POLICY_DURATION[unit as 'days'],
) => positive.max(max, { error: (iss) => messages.longerThan(iss.input, max, unit, 100) });

/** A length of time: exactly one of days, weeks, calendar months, working days (at most 100 years). */
export const durationSchema = z
  .strictObject({
    days: upTo('days').optional(),
    weeks: upTo('weeks').optional(),
    months: upTo('months').optional(),
    workingDays: upTo('workingDays').optional(),
  })
  .refine((v) => Object.values(v).filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of days, weeks, months, workingDays (a whole number of 1 or more)',
  });
export type Duration = z.infer<typeof durationSchema>;

const eventTypes = z.array(z.enum(EVENT_TYPES)).min(1);
const anchor = z.enum(['start', 'roleStart', 'asyeStart']);

/**
 * When a rule applies to a subject. Every key given must hold (an empty object always holds);
 * `all`, `any` and `not` combine conditions.
 */
export interface Condition {
  role?: (typeof ROLES)[number][] | undefined;
  asye?: boolean | undefined;
  fullTime?: boolean | undefined;
  service?: (typeof SERVICES)[number][] | undefined;
  qualifiedFor?: Duration | undefined;
  since?:
    | { anchor: z.infer<typeof anchor>; from?: Duration | undefined; to?: Duration | undefined }
    | undefined;
  confirmedInPost?: boolean | undefined;
  arrangement?: (typeof ARRANGEMENT_TYPES)[number] | undefined;
  supervisorReportsOver?: number | undefined;
  episode?: (typeof EPISODE_TYPES)[number][] | undefined;
  flag?: (typeof CASE_FLAGS)[number][] | undefined;
  allocated?: boolean | undefined;
  all?: Condition[] | undefined;
  any?: Condition[] | undefined;
  not?: Condition | undefined;
}

export const conditionSchema: z.ZodType<Condition> = z.strictObject({
  role: z.array(z.enum(ROLES)).min(1).optional(),
  asye: z.boolean().optional(),
  fullTime: z.boolean().optional(),
  service: z.array(z.enum(SERVICES)).min(1).optional(),
  qualifiedFor: durationSchema.optional(),
  since: z
    .strictObject({ anchor, from: durationSchema.optional(), to: durationSchema.optional() })
    .optional(),
  confirmedInPost: z.boolean().optional(),
  arrangement: z.enum(ARRANGEMENT_TYPES).optional(),
  supervisorReportsOver: z.int().nonnegative().optional(),
  episode: z.array(z.enum(EPISODE_TYPES)).min(1).optional(),
  flag: z.array(z.enum(CASE_FLAGS)).min(1).optional(),
  allocated: z.boolean().optional(),
  get all() {
    return z.array(conditionSchema).min(1).optional();
  },
  get any() {
    return z.array(conditionSchema).min(1).optional();
  },
  get not() {
    return conditionSchema.optional();
  },
});

/** An interval to keep: a fixed duration, or the interval of the subject's arrangement of that type. */
export const intervalSchema = z.union([
  durationSchema,
  z.strictObject({ fromArrangement: z.enum(['agreed-interval', 'performance-plan']) }),
]);
export type IntervalDef = z.infer<typeof intervalSchema>;

const common = {
  id: z.string().regex(/^[A-Z]{2,5}-\d+$/, 'a rule id looks like YRK-2'),
  name: text,
  activity: z.string().min(1).max(100),
  strength: z.enum(['must', 'should', 'advisory']),
  citation: citationSchema,
  note: text.optional(),
  when: conditionSchema.optional(),
};
const staffOrCase = z.enum(['staff', 'case']);

/** Sessions at most one interval apart; the interval may change with the subject's circumstances. */
export const intervalRule = z.strictObject({
  ...common,
  kind: z.literal('interval'),
  subject: z.enum(['staff', 'case', 'team']),
  counts: eventTypes,
  /** First entry whose `when` holds gives the interval; a subject no entry covers is outside the rule. */
  schedule: z
    .array(
      z.strictObject({ when: conditionSchema.optional(), interval: intervalSchema, label: text.optional() }),
    )
    .min(1),
  /** Arrangements in the history that may make the interval stricter, never looser. */
  stricterWith: z.array(z.enum(['agreed-interval', 'performance-plan'])).optional(),
  /** Due at one interval, but a breach only when nothing is held within this (NOT-7). */
  breachAfter: durationSchema.optional(),
  /** When no entry of the schedule can be worked out (no agreed interval), say so instead of guessing. */
  notEvaluableWithout: z.enum(['agreed-interval', 'performance-plan']).optional(),
});

/** A first session (or agreement) due within a time of a trigger, or by the first session after it. */
export const firstWithinRule = z.strictObject({
  ...common,
  kind: z.literal('first-within'),
  subject: staffOrCase,
  counts: eventTypes,
  triggers: z
    .array(
      z.strictObject({
        on: z.enum(['start', 'role-start', 'relationship-start', 'supervisor-change', 'allocation']),
        within: durationSchema.optional(),
        byFirst: eventTypes.optional(),
      }),
    )
    .min(1),
});

/** A record due a number of working days, clock hours or the same day after each session. */
export const recordingRule = z.strictObject({
  ...common,
  kind: z.literal('recording'),
  /** `session`: one record per session, subject the supervisee; `case`: one per child discussed, subject the case. */
  records: z.enum(['session', 'case']),
  counts: eventTypes,
  deadline: z.union([
    z.strictObject({ workingDays: upTo('workingDays') }),
    z.strictObject({ hours: upTo('hours', 876_600) }),
    z.strictObject({ sameDay: z.literal(true) }),
  ]),
  onlyIf: z.strictObject({ safeguarding: z.literal(true) }).optional(),
});

/** A cancelled session must be replaced within a time. */
export const rearrangeRule = z.strictObject({
  ...common,
  kind: z.literal('rearrange'),
  subject: z.literal('staff'),
  counts: eventTypes,
  within: durationSchema,
});

/** At least N sessions in each period: between a case's review dates, or in each year from a month-day. */
export const countPerPeriodRule = z.strictObject({
  ...common,
  kind: z.literal('count-per-period'),
  subject: staffOrCase,
  counts: eventTypes,
  period: z.union([
    z.strictObject({ between: z.literal('reviews') }),
    z.strictObject({ yearFrom: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'MM-DD') }),
  ]),
  minimum: positive,
  /** A part year (a starter or leaver) owes minimum × months worked / 12, rounded up. */
  proRata: z.boolean().optional(),
});

/** At least N minutes of sessions in total in each week (Monday to Sunday) or calendar month. */
export const minutesPerPeriodRule = z.strictObject({
  ...common,
  kind: z.literal('minutes-per-period'),
  subject: z.literal('staff'),
  counts: eventTypes,
  period: z.enum(['week', 'calendar-month']),
  minimumMinutes: positive,
});

/** Each session should last at least N minutes; a shorter one is reported but still counts. */
export const sessionLengthRule = z.strictObject({
  ...common,
  kind: z.literal('session-length'),
  subject: z.literal('staff'),
  counts: eventTypes,
  minimumMinutes: positive,
});

/** A discussion due a time before a date fixed by an episode: e.g. 42 days before a plan's 9-month review. */
export const aheadOfDateRule = z.strictObject({
  ...common,
  kind: z.literal('ahead-of-date'),
  subject: z.literal('case'),
  counts: eventTypes,
  episode: z.enum(EPISODE_TYPES),
  /** The date: the episode start plus this, or the first case review date in the `reviewFrom`–`reviewTo` span after the start. */
  target: z.strictObject({ after: durationSchema, reviewFrom: durationSchema, reviewTo: durationSchema }),
  lead: durationSchema,
  opensAfter: durationSchema,
});

/** Events due at fixed offsets from an anchor (probation reviews at 3 and 6 months). */
export const milestonesRule = z.strictObject({
  ...common,
  kind: z.literal('milestones'),
  subject: z.literal('staff'),
  counts: eventTypes,
  anchor,
  at: z.array(durationSchema).min(1),
});

/** After each trigger event, a follow-up is due within a time (a PDR's six-month review). */
export const followUpRule = z.strictObject({
  ...common,
  kind: z.literal('follow-up'),
  subject: z.literal('staff'),
  trigger: eventTypes,
  counts: eventTypes,
  within: durationSchema,
});

/** The one way a minimum may be relaxed: while `when` holds, `modifies`'s interval becomes this. */
export const exceptionRule = z.strictObject({
  ...common,
  kind: z.literal('exception'),
  subject: z.literal('staff'),
  modifies: z.string().min(1),
  when: conditionSchema,
  interval: durationSchema,
});

/** Records kept for a time: reported as `retainUntil` per session, never a breach. */
export const retentionRule = z.strictObject({
  ...common,
  kind: z.literal('retention'),
  subject: z.literal('staff'),
  counts: eventTypes,
  keepFor: durationSchema,
});

/** A rule with no number to check: kept with its citation and a note of what applies instead. */
export const untimedRule = z.strictObject({
  ...common,
  kind: z.literal('untimed'),
  subject: z.enum(['staff', 'case', 'team']),
  appliesInstead: z.array(z.string()).optional(),
});

export const ruleSchema = z.discriminatedUnion('kind', [
  intervalRule,
  firstWithinRule,
  recordingRule,
  rearrangeRule,
  countPerPeriodRule,
  minutesPerPeriodRule,
  sessionLengthRule,
  aheadOfDateRule,
  milestonesRule,
  followUpRule,
  exceptionRule,
  retentionRule,
  untimedRule,
]);

/** A council's supervision policy as data: metadata, closure days and its rules. */
export const policySchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9-]+$/, 'a policy id is lower-case letters, digits and dashes'),
  name: text,
  council: text,
  source: text,
  version: z.string().min(1).max(100),
  effectiveFrom: isoDate,
  closures: z.array(isoDate).optional(),
  settings: z
    .strictObject({
      /** The supervisee's absence closes their windows (default true). */
      absencePauses: z.boolean().optional(),
    })
    .optional(),
  rules: z.array(ruleSchema).min(1),
});

export type Policy = z.infer<typeof policySchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type RuleOf<K extends Rule['kind']> = Extract<Rule, { kind: K }>;
export type Citation = z.infer<typeof citationSchema>;
