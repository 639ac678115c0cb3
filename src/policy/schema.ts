/**
 * A council's supervision policy as one zod schema: metadata, closure days and a discriminated
 * union of rule kinds. The descriptions given here are the field reference: they reach editors
 * through the JSON Schema generated from this file (`policies/schema/policy.json`).
 */
import { z } from 'zod';
import { JSON_LIMITS } from '../errors/json-guard.js';
import { messages, thousands } from '../errors/messages.js';
import { nearest } from '../errors/nearest.js';
import { isoDate, notAnObject } from '../history/schema.js';
import {
  ARRANGEMENT_TYPES,
  CASE_FLAGS,
  EPISODE_TYPES,
  EVENT_TYPES,
  ROLES,
  SERVICES,
} from '../history/vocabulary.js';

/** Free text: the longest any string of the input may be, so the limit stated is the one applied. */
const text = z.string().min(1).max(JSON_LIMITS.maxStringLength);
const positive = z.int().positive();

/**
 * One form of a union: when the input has fields this form does not name, it gives way (its
 * problem aborts), so the union reports the form whose fields the input uses, or else its own
 * message listing every form.
 */
const form = <T extends z.ZodObject>(schema: T): T =>
  schema.check((payload) => {
    if (payload.issues.some((i) => i.code === 'unrecognized_keys' && (i.path?.length ?? 0) === 0))
      payload.issues.push({ code: 'custom', input: payload.value, message: messages.notValidHere() });
  }) as T;

/** A union's message: its forms, and a "did you mean" when one field looks like a typo of one of theirs. */
const formsError =
  (word: (hint: string) => string, keys: readonly string[]) =>
  (iss: { input?: unknown }): string | undefined => {
    if (iss.input === undefined) return undefined;
    const input = iss.input;
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      return messages.notInForm(input, word(''));
    for (const key of Object.keys(input)) {
      if (keys.includes(key)) continue;
      const meant = nearest(key, keys);
      if (meant !== undefined) return word(messages.keyHint(key, meant));
    }
    return word('');
  };

const UNITS = ['days', 'weeks', 'months', 'workingDays'] as const;
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

const durationShape = {
  days: upTo('days').optional().describe('Calendar days.'),
  weeks: upTo('weeks').optional().describe('Weeks of 7 days.'),
  months: upTo('months')
    .optional()
    .describe("Calendar months, clamped to the month's end (31 Jan + 1 month = 28 Feb)."),
  workingDays: upTo('workingDays')
    .optional()
    .describe('Working days: Monday to Friday, not a bank holiday in England or a closure day.'),
};

/** Where a rule comes from: the seed file, its section, and the words quoted verbatim. */
export const citationSchema = z
  .strictObject({
    source: text.describe('The source document (file name) the rule comes from.'),
    section: text.describe('The section of the source document.'),
    quote: text.describe(
      `The words of the source, quoted verbatim (at most ${thousands(JSON_LIMITS.maxStringLength)} characters).`,
    ),
  })
  .describe("Where the rule comes from, in the source's own words.");

/** A length of time: exactly one of days, weeks, calendar months, working days (at most 100 years). */
export const durationSchema = z
  .strictObject(durationShape, {
    error: notAnObject((input) => messages.notInForm(input, messages.badDuration())),
  })
  .refine((v) => Object.values(v).filter((x) => x !== undefined).length === 1, {
    error: () => messages.badDuration(),
  })
  // JSON Schema says "exactly one unit" as at most one and at least one property of a closed object.
  .meta({ minProperties: 1, maxProperties: 1 })
  .describe(
    'A length of time: exactly one of {"days": N}, {"weeks": N}, {"months": N} or {"workingDays": N}, at most 100 years.',
  );
export type Duration = z.infer<typeof durationSchema>;

/** A word a policy declares or uses: lower-case letters and digits, words joined by dashes. */
const WORD = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/**
 * A word of the vocabulary (docs/policy-language.md, vocabulary): a built-in word, or one the
 * policy's `vocabulary` declares (`loadPolicy` refuses any other, with the nearest known). The
 * built-in words reach editors as `examples`.
 */
const word = (builtIn: readonly string[]) =>
  z
    .string()
    .max(100)
    .regex(WORD, {
      error: (iss) =>
        `${JSON.stringify(iss.input)} is not a word: lower-case letters and digits, joined by dashes`,
    })
    .meta(builtIn.length > 0 ? { examples: [...builtIn] } : {});
const eventTypes = z.array(word(EVENT_TYPES)).min(1);
const anchor = z
  .enum(['start', 'roleStart', 'asyeStart'])
  .describe("start: the worker's startDate; roleStart: roleStartDate; asyeStart: the ASYE's start.");

/**
 * When a rule applies to a subject. Every key given must hold (an empty object always holds);
 * `all`, `any` and `not` combine conditions.
 */
export interface Condition {
  role?: string[] | undefined;
  tag?: string[] | undefined;
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
  episode?: string[] | undefined;
  flag?: string[] | undefined;
  allocated?: boolean | undefined;
  all?: Condition[] | undefined;
  any?: Condition[] | undefined;
  not?: Condition | undefined;
}

export const conditionSchema: z.ZodType<Condition> = z
  .strictObject({
    role: z
      .array(word(ROLES))
      .min(1)
      .optional()
      .describe("Staff: the worker's role is one of these (built in, or declared in vocabulary.roles)."),
    tag: z
      .array(word([]))
      .min(1)
      .optional()
      .describe('Staff: the worker carries one of these tags (declared in vocabulary.tags).'),
    asye: z
      .boolean()
      .optional()
      .describe('Staff: true while in the ASYE (start to end, or start + 12 months); false outside it.'),
    fullTime: z
      .boolean()
      .optional()
      .describe('Staff: full-time (true) or part-time (false); a worker with no fullTime is full-time.'),
    service: z
      .array(z.enum(SERVICES))
      .min(1)
      .optional()
      .describe("Staff: the worker's service is one of these."),
    qualifiedFor: durationSchema
      .optional()
      .describe(
        'Staff: qualified at least this long (from qualifiedDate); no qualifiedDate counts as qualified long enough.',
      ),
    since: z
      .strictObject({
        anchor,
        from: durationSchema
          .optional()
          .describe('Holds from the anchor plus this (left out: from the anchor).'),
        to: durationSchema
          .optional()
          .describe('Holds until the day before the anchor plus this (left out: for good).'),
      })
      .optional()
      .describe('Staff: a phase measured from a date of the worker, e.g. the first 6 weeks of the ASYE.'),
    confirmedInPost: z
      .boolean()
      .optional()
      .describe('Staff: confirmed in post (probation over) or not; no confirmedInPost counts as confirmed.'),
    arrangement: z
      .enum(ARRANGEMENT_TYPES)
      .optional()
      .describe('Staff: while an arrangement of this type is recorded in the history.'),
    supervisorReportsOver: z
      .int()
      .nonnegative()
      .optional()
      .describe("Staff: while the worker's supervisor has more than this many direct reports."),
    episode: z
      .array(word(EPISODE_TYPES))
      .min(1)
      .optional()
      .describe("Case: while the case's episode is one of these."),
    flag: z
      .array(word(CASE_FLAGS))
      .min(1)
      .optional()
      .describe('Case: while one of these flags is set on the case.'),
    allocated: z.boolean().optional().describe('Case: allocated to a worker (true) or not (false).'),
    get all() {
      return z.array(conditionSchema).min(1).optional().describe('Every one of these conditions holds.');
    },
    get any() {
      return z.array(conditionSchema).min(1).optional().describe('At least one of these conditions holds.');
    },
    get not() {
      return conditionSchema.optional().describe('This condition does not hold.');
    },
  })
  .describe(
    'When a rule applies: every key given must hold (an empty object always holds). A staff key never holds for a case, and a case key never for staff.',
  );

/** An interval to keep: a fixed duration, or the interval of the subject's arrangement of that type. */
export const intervalSchema = z
  .union(
    [
      form(durationSchema),
      form(
        z.strictObject({
          fromArrangement: z
            .enum(['agreed-interval', 'performance-plan'])
            .describe("The interval of the worker's recorded arrangement of this type."),
        }),
      ),
    ],
    { error: formsError(messages.badInterval, [...UNITS, 'fromArrangement']) },
  )
  .describe(
    'The interval to keep: a duration such as {"weeks": 4}, or {"fromArrangement": "agreed-interval"} for the interval an arrangement in the history sets.',
  );
export type IntervalDef = z.infer<typeof intervalSchema>;

/** A finding's subject as an example expects it: the fields given must match. */
const exampleSubject = z
  .strictObject({
    type: z.enum(['staff', 'case', 'team']).optional().describe('staff, case or team.'),
    id: text.optional().describe("The worker's, child's or team's id."),
  })
  .describe('Whom the finding is about (the fields given must match).');
const day = z.string().min(1).max(40);
const exampleVersion = z
  .string()
  .min(1)
  .max(100)
  .optional()
  .describe('The policy version the finding comes from.');

/** An obligation as an example expects it: every field given must match (docs/report.md). */
export const exampleObligationSchema = z
  .strictObject({
    subject: exampleSubject.optional(),
    activity: text.optional().describe('The activity due, e.g. one-to-one.'),
    lastMetOn: day.nullable().optional().describe('The last qualifying event, YYYY-MM-DD, or null for none.'),
    dueOn: day.optional().describe('The due date, YYYY-MM-DD.'),
    status: z.enum(['upcoming', 'overdue']).optional().describe('upcoming or overdue.'),
    breachOn: day.optional().describe('Where due and breach dates differ: the breach date.'),
    policyVersion: exampleVersion,
  })
  .describe('An obligation: the fields given must match one of the rule’s obligations.');

/** A breach as an example expects it: every field given must match (docs/report.md). */
export const exampleBreachSchema = z
  .strictObject({
    subject: exampleSubject.optional(),
    activity: text.optional().describe('The activity, e.g. one-to-one.'),
    kind: z
      .enum(['late', 'missed', 'late-recording', 'unrecorded', 'too-short', 'too-few'])
      .optional()
      .describe('late, missed, late-recording, unrecorded, too-short or too-few.'),
    dueOn: day.optional().describe('The deadline missed, YYYY-MM-DD.'),
    metOn: day.nullable().optional().describe('The date it was met, YYYY-MM-DD, or null if unmet.'),
    daysLate: z.int().nonnegative().optional().describe('Calendar days late.'),
    hoursLate: z.number().nonnegative().optional().describe('Hours late (a clock-hour record deadline).'),
    severity: z.enum(['breach', 'advisory']).optional().describe('breach or advisory.'),
    eventId: text.optional().describe('The event the breach is about.'),
    shortfall: z
      .strictObject({
        minutes: z.int().nonnegative().optional().describe('Minutes missing.'),
        sessions: z.int().nonnegative().optional().describe('Sessions missing.'),
      })
      .optional()
      .describe('For too-short and too-few: what was missing.'),
    policyVersion: exampleVersion,
  })
  .describe('A breach: the fields given must match one of the rule’s breaches.');

/** A record as an example expects it: every field given must match (docs/report.md). */
export const exampleRecordingSchema = z
  .strictObject({
    eventId: text.optional().describe('The session recorded.'),
    caseId: text.optional().describe('The child whose record it is (a case record).'),
    deadline: day.optional().describe('The deadline: YYYY-MM-DD, or an ISO instant for clock hours.'),
    recordedAt: day.nullable().optional().describe('When the record was made, or null.'),
    status: z
      .enum(['on-time', 'late', 'pending', 'overdue'])
      .optional()
      .describe('on-time, late, pending or overdue.'),
    policyVersion: exampleVersion,
  })
  .describe('A record: the fields given must match one of the rule’s recordings.');

/** A not-evaluable finding as an example expects it. */
export const exampleNotEvaluableSchema = z
  .strictObject({
    subject: exampleSubject.optional(),
    reason: text.optional().describe('Why the rule cannot be judged (the whole reason).'),
  })
  .describe('A not-evaluable finding: the fields given must match one of the rule’s.');

/** A retention finding as an example expects it. */
export const exampleRetentionSchema = z
  .strictObject({
    eventId: text.optional().describe('The session whose record is kept.'),
    retainUntil: day.optional().describe('Kept until this day, YYYY-MM-DD.'),
  })
  .describe('A retention finding: the fields given must match one of the rule’s.');

const findingLists = {
  obligations: z.array(exampleObligationSchema).optional().describe('Obligations of the rule.'),
  breaches: z.array(exampleBreachSchema).optional().describe('Breaches of the rule.'),
  recordings: z.array(exampleRecordingSchema).optional().describe('Records due under the rule.'),
  notEvaluable: z.array(exampleNotEvaluableSchema).optional().describe('Not-evaluable findings of the rule.'),
  retention: z.array(exampleRetentionSchema).optional().describe('Retention findings of the rule.'),
};

/** Any JSON value, its strings as long as any string of the input may be (an example's history, checked when run). */
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string().max(JSON_LIMITS.maxStringLength),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValue),
    z.record(z.string(), jsonValue),
  ]),
);

/** A worked example of a rule: a history, a date, and the findings that must (and must not) appear. */
export const ruleExampleSchema = z
  .strictObject({
    name: text.describe('What the example shows, with its arithmetic, e.g. "2 Jun + 28 days = 30 Jun".'),
    asOf: isoDate.describe('The day the history is evaluated on, YYYY-MM-DD.'),
    history: z
      .record(z.string(), jsonValue)
      .describe('A supervision history (docs/history-format.md), checked when the example runs.'),
    expect: z
      .strictObject({
        ...findingLists,
        absent: z
          .strictObject(findingLists)
          .optional()
          .describe(
            'Findings that must not appear: none of the rule’s may match any item here ({} matches every finding, so [{}] means none at all).',
          ),
      })
      .describe(
        "The findings that must appear: each item must match one of the rule's own findings (same rule id) on the fields it gives.",
      ),
  })
  .describe('A worked example of the rule, run by supervision-rules test.');
export type RuleExample = z.infer<typeof ruleExampleSchema>;

/** A rule id: 2 to 5 capital letters, a dash and a number. */
const ruleId = z.string().regex(/^[A-Z]{2,5}-\d+$/, { error: (iss) => messages.notARuleId(iss.input) });

/** Another policy's interval rule whose schedule an entry follows ("in line with the ASYE programme"). */
export const ruleReferenceSchema = z
  .strictObject({
    policy: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('The id of a built-in policy (left out: the policy this one extends).'),
    rule: ruleId.describe('The id of an interval rule of that policy, e.g. LGA-2.'),
  })
  .describe(
    "Another policy's interval rule: this entry follows its schedule, resolved when the policy loads.",
  );

/** One entry of an interval rule's schedule: its own interval, or another policy's rule's (`sameAs`). */
export const scheduleEntrySchema = z
  .strictObject({
    when: conditionSchema.optional().describe('When this entry applies (left out: always).'),
    interval: intervalSchema.optional(),
    sameAs: ruleReferenceSchema
      .optional()
      .describe(
        "Instead of interval: follow another policy's interval rule (its when and its schedule's entries), resolved when the policy loads.",
      ),
    bound: z
      .literal(true)
      .optional()
      .describe(
        'The text states only this bound ("at least monthly", "more often than monthly"): sessions are due at the bound, the loosest reading the text allows.',
      ),
    label: text.optional().describe('How the source says it, e.g. "4-weekly".'),
  })
  .superRefine((e, ctx) => {
    if ((e.interval === undefined) === (e.sameAs === undefined))
      ctx.addIssue({
        code: 'custom',
        path: e.interval === undefined ? ['interval'] : ['sameAs'],
        message:
          e.interval === undefined
            ? `${messages.required()} (or give sameAs)`
            : 'give interval or sameAs, not both',
      });
    if (e.bound && (e.interval === undefined || 'fromArrangement' in e.interval))
      ctx.addIssue({
        code: 'custom',
        path: ['bound'],
        message: 'a bound needs an interval of its own (a duration)',
      });
  })
  .meta({ oneOf: [{ required: ['interval'] }, { required: ['sameAs'] }] })
  .describe('One entry of the schedule: an interval, or sameAs another policy’s interval rule.');
const common = {
  id: ruleId.describe(
    'The rule id: 2 to 5 capital letters, a dash and a number, e.g. YRK-2. Parts of one rule share it (with different activities).',
  ),
  name: text.describe('What the rule asks, in a few words, e.g. "4-weekly supervision".'),
  activity: z
    .string()
    .min(1)
    .max(100)
    .describe(
      'What is due, e.g. one-to-one, case-discussion, recording. One id and kind may not repeat an activity.',
    ),
  strength: z
    .enum(['must', 'should', 'advisory'])
    .describe('must and should give breaches; advisory gives breaches of severity advisory.'),
  citation: citationSchema,
  note: text
    .optional()
    .describe('The interpretation taken where the source is ambiguous, and the parameter that changes it.'),
  when: conditionSchema
    .optional()
    .describe('Whom the rule applies to (left out: every subject of its kind).'),
  examples: z
    .array(ruleExampleSchema)
    .optional()
    .describe(
      "Worked examples of the rule, run as tests by supervision-rules test: each evaluates the whole policy and checks the rule's own findings.",
    ),
  approximate: text
    .optional()
    .describe(
      "Why the rule is encoded by a reading that bends the source's text: every finding of the rule then says confidence: approximate.",
    ),
};
const staffOrCase = z
  .enum(['staff', 'case'])
  .describe('Whom the rule is about: a worker (staff) or a child (case).');
const counts = eventTypes.describe('The event types that meet the rule (held events only).');
/** Who must have given a session for it to count: the worker's line manager, or a supervisor of a role or registration. */
const givenBy = z
  .union([
    z.literal('line-manager').describe("Only sessions whose supervisorId is the worker's lineManagerId."),
    z
      .strictObject({
        role: z
          .array(word(ROLES))
          .min(1)
          .optional()
          .describe("The supervisor's role (their staff entry's role) is one of these."),
        registered: z
          .boolean()
          .optional()
          .describe('The supervisor is (true) or is not (false) registered with Social Work England.'),
      })
      .describe('Every key given must hold of the supervisor named by the session’s supervisorId.'),
  ])
  .optional()
  .describe(
    'Count only sessions given by the line manager ("line-manager") or by a supervisor with a role or registration ({"role": [...], "registered": true}). Left out: any session counts.',
  );

/** Sessions at most one interval apart; the interval may change with the subject's circumstances. */
export const intervalRule = z.strictObject({
  ...common,
  kind: z.literal('interval').describe('Sessions at most one interval apart.'),
  subject: z
    .enum(['staff', 'case', 'team'])
    .describe(
      'Whom the rule is about: a worker (staff), a child (case) or a team (group sessions by teamId).',
    ),
  counts,
  givenBy,
  /** First entry whose `when` holds gives the interval; a subject no entry covers is outside the rule. */
  schedule: z
    .array(scheduleEntrySchema)
    .min(1)
    .describe(
      'The interval over time: the first entry whose when holds gives it; a subject no entry covers is outside the rule.',
    ),
  /** Arrangements in the history that may make the interval stricter, never looser. */
  stricterWith: z
    .array(z.enum(['agreed-interval', 'performance-plan']))
    .optional()
    .describe('Arrangements in the history that may make the interval stricter, never looser.'),
  /** An agreement that may loosen the interval, where the policy's own text (the clause) allows it. */
  allowsLooser: z
    .strictObject({
      arrangement: z
        .enum(['agreed-interval', 'performance-plan'])
        .describe('The type of arrangement whose interval applies, looser or stricter.'),
      clause: citationSchema.describe(
        'The words of the policy that allow an agreed interval looser than the rule\'s (e.g. "a frequency agreed with the staff member").',
      ),
    })
    .optional()
    .describe(
      "While the subject has an arrangement of this type in force (a worker's own, or for a case rule one about the case), its interval replaces the rule's, even when longer, as the clause allows. Left out: agreements may only tighten (stricterWith).",
    ),
  /** Due at one interval, but a breach only when nothing is held within this (NOT-7). */
  breachAfter: durationSchema
    .optional()
    .describe('Due at one interval, but a breach only when nothing is held within this longer time.'),
  /** When no entry of the schedule can be worked out (no agreed interval), say so instead of guessing. */
  notEvaluableWithout: z
    .enum(['agreed-interval', 'performance-plan'])
    .optional()
    .describe('Without an arrangement of this type the rule is reported not evaluable instead of guessed.'),
});

/** A first session (or agreement) due within a time of a trigger, or by the first session after it. */
export const firstWithinRule = z.strictObject({
  ...common,
  kind: z
    .literal('first-within')
    .describe('A first session due within a time of a trigger, or by the first session after it.'),
  subject: staffOrCase,
  counts,
  givenBy,
  triggers: z
    .array(
      z
        .strictObject({
          on: z
            .enum(['start', 'role-start', 'relationship-start', 'supervisor-change', 'allocation'])
            .describe(
              'What starts the clock: joining, a new role, a new supervisor (first or changed) or a case allocation.',
            ),
          within: durationSchema.optional().describe('Due within this after the trigger.'),
          byFirst: eventTypes.optional().describe('Due by the first event of these types after the trigger.'),
        })
        .describe('One trigger: give within, byFirst or both.'),
    )
    .min(1)
    .describe('What makes a first session due.'),
});

/** A record due a number of working days, clock hours or the same day after each session. */
export const recordingRule = z.strictObject({
  ...common,
  kind: z.literal('recording').describe('A record due after each session.'),
  /** `session`: one record per session, subject the supervisee; `case`: one per child discussed, subject the case. */
  records: z
    .enum(['session', 'case'])
    .describe(
      "session: one record per session (the supervisee's); case: one per child discussed, on the child's file.",
    ),
  counts,
  givenBy,
  deadline: z
    .union(
      [
        form(
          z.strictObject({
            workingDays: upTo('workingDays').describe(
              'By the end of the Nth working day strictly after the session.',
            ),
          }),
        ),
        form(
          z.strictObject({
            hours: upTo('hours', 876_600).describe(
              "N clock hours after the session's start (end of the Nth day when only a date is known).",
            ),
          }),
        ),
        form(z.strictObject({ sameDay: z.literal(true).describe("By the end of the session's own day.") })),
      ],
      { error: formsError(messages.badDeadline, ['workingDays', 'hours', 'sameDay']) },
    )
    .describe('When the record is due: {"workingDays": N}, {"hours": N} or {"sameDay": true}.'),
  onlyIf: z
    .strictObject({ safeguarding: z.literal(true).describe('Only sessions marked safeguarding: true.') })
    .optional()
    .describe('Only some sessions need this record.'),
});

/** A cancelled session must be replaced within a time. */
export const rearrangeRule = z.strictObject({
  ...common,
  kind: z.literal('rearrange').describe('A cancelled session must be replaced within a time.'),
  subject: z.literal('staff').describe('Always staff.'),
  counts,
  givenBy,
  within: durationSchema.describe('A replacement is due within this after the cancelled date.'),
});

/** At least N sessions in each period: between a case's review dates, or in each year from a month-day. */
export const countPerPeriodRule = z.strictObject({
  ...common,
  kind: z.literal('count-per-period').describe('At least N sessions in each period.'),
  subject: staffOrCase,
  counts,
  givenBy,
  period: z
    .union(
      [
        form(
          z.strictObject({
            between: z.literal('reviews').describe('Each span between consecutive review dates of the case.'),
          }),
        ),
        form(
          z.strictObject({
            yearFrom: z
              .string()
              .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
                error: (iss) => messages.notAMonthDay(iss.input),
              })
              .describe('Each year from this month and day, MM-DD, e.g. "04-01".'),
          }),
        ),
      ],
      { error: formsError(messages.badPeriod, ['between', 'yearFrom']) },
    )
    .describe('The periods counted: {"between": "reviews"} or {"yearFrom": "MM-DD"}.'),
  minimum: positive.describe('The fewest sessions each period needs.'),
  /** A part year (a starter or leaver) owes minimum × months worked / 12, rounded up. */
  proRata: z
    .boolean()
    .optional()
    .describe('A part year owes minimum × the part of the year worked, rounded up.'),
});

/** At least N minutes of sessions in total in each week (Monday to Sunday) or calendar month. */
/** A minimum in minutes pro rata to the worker's full-time equivalent. */
const proRataFte = z
  .literal('fte')
  .optional()
  .describe(
    "The minimum is pro rata to the worker's fte (staff[].fte, left out: 1): minimumMinutes × fte, rounded up to a whole minute (90 at fte 0.6: 54).",
  );

export const minutesPerPeriodRule = z
  .strictObject({
    ...common,
    kind: z.literal('minutes-per-period').describe('At least N minutes of sessions in each week or month.'),
    subject: z.literal('staff').describe('Always staff.'),
    counts,
    givenBy,
    period: z.enum(['week', 'calendar-month']).describe('week: Monday to Sunday; calendar-month.'),
    /** With `period: week`: each run of this many Monday-to-Sunday weeks (6 hours over each 4 weeks). */
    weeks: z
      .int()
      .min(2)
      .max(52)
      .optional()
      .describe(
        'With period week: the total is over each run of this many weeks (2 to 52), counted from the first Monday the rule applies to the worker. Left out: each week.',
      ),
    minimumMinutes: positive.describe('The fewest minutes of held sessions in each period.'),
    proRata: proRataFte,
  })
  .refine((r) => r.weeks === undefined || r.period === 'week', {
    error: () => 'weeks is for period week only: a span of weeks, each Monday to Sunday',
    path: ['weeks'],
  })
  // weeks only with period week: no weeks, or period week.
  .meta({ anyOf: [{ not: { required: ['weeks'] } }, { properties: { period: { const: 'week' } } }] });

/** Each session should last at least (and perhaps at most) N minutes; one outside is reported but still counts. */
export const sessionLengthRule = z
  .strictObject({
    ...common,
    kind: z
      .literal('session-length')
      .describe('Each session should last at least N minutes, or at most N, or both.'),
    subject: z.literal('staff').describe('Always staff.'),
    counts,
    givenBy,
    minimumMinutes: positive
      .optional()
      .describe('The shortest a session should be, in minutes (minimumMinutes, maximumMinutes or both).'),
    maximumMinutes: positive
      .optional()
      .describe('The longest a session should be, in minutes (minimumMinutes, maximumMinutes or both).'),
    agreedMinimum: z
      .literal('agreed-session-length')
      .optional()
      .describe(
        "While the worker has an agreed-session-length arrangement in force on the session's day, its minutes are the minimum instead of minimumMinutes.",
      ),
    proRata: proRataFte,
  })
  .refine((r) => r.minimumMinutes !== undefined || r.maximumMinutes !== undefined, {
    error: () => messages.required('minimumMinutes or maximumMinutes'),
    path: ['minimumMinutes'],
  })
  .meta({ anyOf: [{ required: ['minimumMinutes'] }, { required: ['maximumMinutes'] }] });

/** A session due by the end of the Nth shift the worker works after the last one (agency and relief staff). */
export const perShiftsRule = z.strictObject({
  ...common,
  kind: z
    .literal('per-shifts')
    .describe('A session due by the end of every Nth shift worked, counted from the last session.'),
  subject: z.literal('staff').describe('Always staff.'),
  counts,
  givenBy,
  everyShifts: positive
    .max(10_000)
    .describe(
      "N: a session is due by the end of the Nth shift the worker works after the last session (the history's staff[].shifts).",
    ),
});

/** A discussion due a time before a date fixed by an episode: e.g. 42 days before a plan's 9-month review. */
export const aheadOfDateRule = z.strictObject({
  ...common,
  kind: z.literal('ahead-of-date').describe('A discussion due a time before a date fixed by an episode.'),
  subject: z.literal('case').describe('Always case.'),
  counts,
  givenBy,
  episode: word(EPISODE_TYPES).describe('The episode whose start fixes the date.'),
  /** The date: the episode start plus this, or the first case review date in the `reviewFrom`–`reviewTo` span after the start. */
  target: z
    .strictObject({
      after: durationSchema.describe('The date is the episode start plus this, when no review date fits.'),
      reviewFrom: durationSchema.describe('A review date more than this after the episode start …'),
      reviewTo: durationSchema.describe('… and at most this after it is the date instead.'),
    })
    .describe('The date the discussion leads up to.'),
  lead: durationSchema.describe('The discussion is due this long before the date.'),
  opensAfter: durationSchema.describe('Discussions count from the episode start plus this.'),
});

/** Events due at fixed offsets from an anchor (probation reviews at 3 and 6 months). */
export const milestonesRule = z.strictObject({
  ...common,
  kind: z.literal('milestones').describe('Events due at fixed offsets from a date of the worker.'),
  subject: z.literal('staff').describe('Always staff.'),
  counts,
  givenBy,
  anchor,
  at: z.array(durationSchema).min(1).describe('The offsets from the anchor, in order, e.g. 3 and 6 months.'),
});

/** After each trigger event, a follow-up is due within a time (a PDR's six-month review). */
export const followUpRule = z.strictObject({
  ...common,
  kind: z.literal('follow-up').describe('After each trigger event, a follow-up is due within a time.'),
  subject: z.literal('staff').describe('Always staff.'),
  trigger: eventTypes.describe('The event types after which a follow-up is due.'),
  counts,
  givenBy,
  within: durationSchema.describe('The follow-up is due within this after the trigger.'),
});

/** The one way a minimum may be relaxed: while `when` holds, `modifies`'s interval becomes this. */
export const exceptionRule = z.strictObject({
  ...common,
  kind: z
    .literal('exception')
    .describe("The one way a minimum may be relaxed: while when holds, another rule's interval changes."),
  subject: z.literal('staff').describe('Always staff.'),
  modifies: ruleId.describe('The id of the interval rule of this policy whose interval changes.'),
  when: conditionSchema.describe('While this holds, the interval is relaxed.'),
  interval: durationSchema.describe('The interval while when holds.'),
});

/** Records kept for a time: reported as `retainUntil` per session, never a breach. */
export const retentionRule = z.strictObject({
  ...common,
  kind: z
    .literal('retention')
    .describe('Records kept for a time: reported as retainUntil per session, never a breach.'),
  subject: z.literal('staff').describe('Always staff.'),
  counts,
  givenBy,
  keepFor: durationSchema.describe('How long each record is kept, from the session date.'),
});

/** A rule with no number to check: kept with its citation and a note of what applies instead. */
export const untimedRule = z.strictObject({
  ...common,
  kind: z
    .literal('untimed')
    .describe('A rule with no number to check: kept with its citation, never judged.'),
  subject: z.enum(['staff', 'case', 'team']).describe('Whom the rule is about.'),
  appliesInstead: z.array(text).optional().describe('The rules that apply instead, e.g. ["NOT-1"].'),
});

export const ruleSchema = z
  .discriminatedUnion('kind', [
    intervalRule,
    firstWithinRule,
    recordingRule,
    rearrangeRule,
    countPerPeriodRule,
    minutesPerPeriodRule,
    sessionLengthRule,
    perShiftsRule,
    aheadOfDateRule,
    milestonesRule,
    followUpRule,
    exceptionRule,
    retentionRule,
    untimedRule,
  ])
  .describe('One rule: its kind says which other fields it has.');

const declared = (what: string) =>
  z
    .array(word([]).describe(`A ${what} this policy uses.`))
    .min(1)
    .optional()
    .describe(`The ${what}s this policy uses beyond the built-in ones.`);
/** The policy's own words beyond the built-in ones (docs/policy-language.md, vocabulary). */
export const vocabularySchema = z
  .strictObject({
    tags: declared('staff tag'),
    roles: declared('role'),
    eventTypes: declared('event type'),
    caseFlags: declared('case flag'),
    episodeTypes: declared('episode type'),
  })
  .describe(
    "The policy's own words beyond the built-in ones: a history evaluated against it may use them (staff tags, roles, event types, case flags, episode types), and its rules may test them.",
  );

/** One version of a policy's text: in force from `effectiveFrom` to the day before the next version's. */
export const policyVersionSchema = z
  .strictObject({
    version: z.string().min(1).max(100).describe('The version of the source document, e.g. "2024".'),
    effectiveFrom: isoDate.describe(
      "The day this version took effect, YYYY-MM-DD; it is in force until the day before the next version's.",
    ),
    source: text.optional().describe("Where this version's text is, when not the policy's source."),
    rules: z.array(ruleSchema).min(1).describe("This version's rules."),
  })
  .describe('One version of the policy: its rules, in force from effectiveFrom.');

/**
 * A council's supervision policy as data: metadata, closure days and its rules, as one version
 * (`version`, `effectiveFrom`, `rules`) or several (`versions`); `extends` inherits a built-in
 * policy's rules (docs/policy-language.md).
 */
export const policySchema = z
  .strictObject({
    $schema: z
      .string()
      .max(JSON_LIMITS.maxStringLength)
      .optional()
      .describe(
        "The JSON Schema this file follows, for an editor's help, e.g. ./node_modules/supervision-rules/policies/schema/policy.json.",
      ),
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/, { error: (iss) => messages.notAPolicyId(iss.input) })
      .describe('The policy id: lower-case letters, digits and dashes, e.g. my-council.'),
    name: text.describe('The policy\'s title, e.g. "Supervision Policy".'),
    council: text.describe('The council, e.g. "City of York Council".'),
    source: text.describe('The source document the rules cite.'),
    extends: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe(
        'The id of a built-in policy whose rules this one inherits, its own replacing them by id and activity.',
      ),
    version: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('The version of the source document (required unless versions is given).'),
    effectiveFrom: isoDate
      .optional()
      .describe(
        'The day the policy took effect, YYYY-MM-DD: no deadline before it is judged (required unless versions is given).',
      ),
    versions: z
      .array(policyVersionSchema)
      .min(1)
      .optional()
      .describe(
        'Instead of version, effectiveFrom and rules: the successive versions of the policy, each with its rules.',
      ),
    closures: z
      .array(isoDate.describe('A closure day, YYYY-MM-DD.'))
      .optional()
      .describe('Council closure days: not working days, beside weekends and bank holidays in England.'),
    vocabulary: vocabularySchema.optional(),
    settings: z
      .strictObject({
        /** The supervisee's absence closes their windows (default true). */
        absencePauses: z
          .boolean()
          .optional()
          .describe("The supervisee's absence pauses their clocks (default true)."),
      })
      .optional()
      .describe('Settings of the whole policy.'),
    rules: z.array(ruleSchema).min(1).optional().describe('The rules (required unless versions is given).'),
  })
  .describe(
    "A council's supervision policy as data. Cross-field rules a JSON Schema cannot say: either version, effectiveFrom and rules, or versions; one rule id, activity and kind at most once per version; an exception's modifies names an interval rule of this policy; a word a rule uses (an event type, role, tag, case flag or episode type) is built in or declared in vocabulary.",
  );

/** A policy file as written: one version or several, perhaps extending a built-in policy. */
export type PolicyFile = z.input<typeof policySchema>;
/** A schedule entry as loaded: a `sameAs` reference resolved into the entries it stands for. */
export type ScheduleEntry = Omit<z.infer<typeof scheduleEntrySchema>, 'interval' | 'sameAs'> & {
  interval: IntervalDef;
};
type Resolved<R> = R extends { kind: 'interval' } ? Omit<R, 'schedule'> & { schedule: ScheduleEntry[] } : R;
/** A rule as written in a file, before `loadPolicy` resolves its references. */
export type RuleAsWritten = z.infer<typeof ruleSchema>;
/** One version as loaded: its rules resolved. */
export type PolicyVersion = Omit<z.infer<typeof policyVersionSchema>, 'rules'> & { rules: Rule[] };
/**
 * A policy as loaded (`loadPolicy`): `extends` resolved into `rules`; `version`, `effectiveFrom` and
 * `rules` are the latest version's, and `versions` lists every version when the file gave several.
 */
export type Policy = Omit<
  z.infer<typeof policySchema>,
  'version' | 'effectiveFrom' | 'rules' | 'versions'
> & {
  version: string;
  effectiveFrom: string;
  rules: Rule[];
  versions?: PolicyVersion[] | undefined;
};
/** A rule as loaded: an interval rule's `sameAs` entries resolved. */
export type Rule = Resolved<RuleAsWritten>;
export type RuleOf<K extends Rule['kind']> = Extract<Rule, { kind: K }>;
export type Citation = z.infer<typeof citationSchema>;
