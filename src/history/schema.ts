/**
 * The supervision history a council sends, as one zod schema. The descriptions given here are the
 * field reference: they reach editors through the JSON Schema generated from this file
 * (`policies/schema/history.json`), so every field has one.
 */
import { z } from 'zod';
import { isIsoDate, isIsoInstant } from '../calendar/index.js';
import { JSON_LIMITS } from '../errors/json-guard.js';
import { messages } from '../errors/messages.js';
import {
  ABSENCE_REASONS,
  ARRANGEMENT_TYPES,
  CASE_FLAGS,
  EPISODE_TYPES,
  EVENT_TYPES,
  ROLES,
  SERVICES,
} from './vocabulary.js';

/** Words a missing value would otherwise be given: left to the shared error map ("is required"). */
const unlessMissing = (word: (input: unknown) => string) => (iss: { input?: unknown }) =>
  iss.input === undefined ? undefined : word(iss.input);

/** Words for a value that is not an object where a form of one is expected (other problems: the shared map). */
export const notAnObject = (word: (input: unknown) => string) => (iss: { code?: string; input?: unknown }) =>
  iss.code === 'invalid_type' && iss.input !== undefined ? word(iss.input) : undefined;

/** A calendar date, `YYYY-MM-DD`, checked for being a real day. */
export const isoDate = z.iso
  .date({ abort: true, error: unlessMissing(messages.notADate) })
  // zod's pattern also takes years 0000–0999, which the calendar does not count in.
  .refine(isIsoDate, { error: (iss) => messages.notADate(iss.input) });
/** An instant with an offset: `2025-01-13T10:00:00Z`, `2025-06-02T09:30:00+01:00`. */
export const isoInstant = z.iso
  .datetime({ offset: true, abort: true, error: unlessMissing(messages.notAnInstant) })
  // As the engine reads instants: years from 1000, at most nine digits of a second.
  .refine(isIsoInstant, { error: (iss) => messages.notAnInstant(iss.input) });
/** A date or an instant: when only the date is known, it stands for the end of that day. */
export const dateOrInstant = z.union([isoDate, isoInstant], {
  error: unlessMissing(messages.notADateOrInstant),
});
const id = z
  .string({
    // Only for a value of the wrong type: lengths are worded by the shared error map.
    error: (iss) =>
      iss.code === 'invalid_type' && iss.input !== undefined
        ? messages.wrongType('an id (text)', iss.input)
        : undefined,
  })
  .min(1)
  .max(200);
/** A person's name as the council writes it (shown in reports, never used to match). */
const personName = z.string().min(1).max(200);
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values);
/**
 * A word of the vocabulary (a role, an event type, a case flag, an episode type, a staff tag): any
 * text here, because the words known depend on the policy (its `vocabulary`); `wordIssues` then
 * refuses a word neither built in nor declared. The built-in words reach editors as `examples`.
 */
const word = (builtIn: readonly string[]) =>
  z
    .string()
    .max(JSON_LIMITS.maxStringLength)
    .meta(builtIn.length > 0 ? { examples: [...builtIn] } : {});
/** An end date: left out or null while still open. */
const openEnd = (description: string) => isoDate.nullable().optional().describe(description);

/** The longest interval a history may agree, per unit: 10 years. */
export const MAX_AGREED_INTERVAL = { days: 3_653, weeks: 522, months: 120, workingDays: 2_610 } as const;
/** A whole number of `unit`s, 1 or more and at most 10 years' worth. */
const upTo = (unit: keyof typeof MAX_AGREED_INTERVAL) =>
  z
    .int()
    .positive()
    .max(MAX_AGREED_INTERVAL[unit], {
      error: (iss) => messages.longerThan(iss.input, MAX_AGREED_INTERVAL[unit], unit, 10),
    });

/** An interval as a history states it, e.g. `{ "weeks": 2 }`. Exactly one unit, at most 10 years. */
export const intervalSchema = z
  .strictObject(
    {
      days: upTo('days').optional().describe('Calendar days.'),
      weeks: upTo('weeks').optional().describe('Weeks (7 days each).'),
      months: upTo('months')
        .optional()
        .describe("Calendar months (a month's last day when the day does not exist)."),
      workingDays: upTo('workingDays')
        .optional()
        .describe('Working days: Monday to Friday, not a bank holiday or closure day.'),
    },
    { error: notAnObject((input) => messages.notInForm(input, messages.badHistoryInterval())) },
  )
  .refine((v) => Object.values(v).filter((x) => x !== undefined).length === 1, {
    error: () => messages.badHistoryInterval(),
  })
  // JSON Schema says "exactly one unit" as at least one and at most one property of a closed object.
  .meta({ minProperties: 1, maxProperties: 1 })
  .describe(
    'An interval of exactly one unit, e.g. {"weeks": 2}: a whole number of 1 or more, at most 10 years.',
  );

const ranged = <T extends z.ZodRawShape>(shape: T, what: string) =>
  z
    .looseObject({
      from: isoDate.describe(`The first day on which ${what} holds (YYYY-MM-DD).`),
      to: openEnd(
        `The last day on which ${what} holds, inclusive, not before from. Left out or null: still open.`,
      ),
      ...shape,
    })
    .superRefine((v, ctx) => {
      const r = v as { from: string; to?: string | null };
      if (typeof r.to === 'string' && r.to < r.from)
        ctx.addIssue({ code: 'custom', path: ['to'], message: messages.toBeforeFrom(r.from, r.to) });
    });

export const arrangementSchema = ranged(
  {
    type: oneOf(ARRANGEMENT_TYPES).describe(
      'agreed-interval: a supervision agreement setting a more frequent interval; performance-plan: a plan with its own interval; extended-interval-authorised: an authorised longer interval (Derby DER-2); agreed-session-length: an individually agreed minimum length of session.',
    ),
    interval: intervalSchema
      .optional()
      .describe(
        'The interval the arrangement sets, e.g. {"weeks": 2}. Required for agreed-interval and performance-plan.',
      ),
    minutes: z
      .int()
      .positive()
      .optional()
      .describe('The agreed minimum length of a session, in minutes. Required for agreed-session-length.'),
    caseId: id
      .optional()
      .describe(
        "The case the agreement is about (an agreed frequency of discussing one child): it is the case's, for rules about cases, and not the worker's own. Left out: the worker's own arrangement.",
      ),
  },
  'the arrangement',
)
  .superRefine((v, ctx) => {
    if (v.type === 'agreed-session-length') {
      if (v.minutes === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['minutes'],
          message: messages.required(`a ${v.type}'s minutes`),
        });
    } else if (v.type !== 'extended-interval-authorised' && v.interval === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['interval'],
        message: messages.required(`a ${v.type}'s interval`),
      });
  })
  .meta({
    // The interval for agreed-interval and performance-plan, the minutes for agreed-session-length.
    anyOf: [
      { properties: { type: { const: 'extended-interval-authorised' } } },
      { properties: { type: { enum: ['agreed-interval', 'performance-plan'] } }, required: ['interval'] },
      { properties: { type: { const: 'agreed-session-length' } }, required: ['minutes'] },
    ],
  })
  .describe(
    'An arrangement that changes the interval a rule asks for, or the length of session agreed, from a date to a date.',
  );

export const staffSchema = z
  .looseObject({
    id: id.describe("The worker's id, unique among staff (1–200 characters)."),
    name: personName
      .optional()
      .describe(
        "The worker's name (1–200 characters): shown beside the id in tables and reports, never used to match anything.",
      ),
    role: word(ROLES).describe(
      "The current role: a built-in role or one the policy's vocabulary declares. practitioner: not social-work qualified; non-operational: no case work.",
    ),
    startDate: isoDate.describe('The day the worker joined the council (induction starts), YYYY-MM-DD.'),
    roleStartDate: isoDate
      .optional()
      .describe('The day the worker started the current role, YYYY-MM-DD. Left out: startDate.'),
    endDate: openEnd(
      'The last day of employment, YYYY-MM-DD, not before startDate. Left out or null: still employed.',
    ),
    qualifiedDate: isoDate
      .nullable()
      .optional()
      .describe('The date of the social work qualification. Left out or null: counts as qualified long ago.'),
    asye: z
      .looseObject({
        start: isoDate.describe('The first day of the ASYE, YYYY-MM-DD.'),
        end: openEnd('The last day of the ASYE, not before start. Left out or null: start + 12 months.'),
      })
      .nullable()
      .optional()
      .describe('The Assessed and Supported Year in Employment, for a newly qualified social worker.'),
    confirmedInPost: isoDate
      .nullable()
      .optional()
      .describe('The day probation ended (confirmed in post). Left out or null: counts as confirmed.'),
    service: oneOf(SERVICES).nullable().optional().describe('The service the worker works in.'),
    teamId: id
      .nullable()
      .optional()
      .describe("The worker's team: group events with a teamId count for its members."),
    fullTime: z.boolean().optional().describe('Whether the worker is full-time. Left out: true.'),
    fte: z
      .number()
      .gt(0)
      .max(1)
      .optional()
      .describe(
        'Full-time equivalent, more than 0 and at most 1 (0.6: three days a week), for rules whose minimum is pro rata (proRata: fte). Left out: 1.',
      ),
    supervisors: z
      .array(
        ranged(
          { supervisorId: id.describe("The supervisor's staff id.") },
          'the supervision relationship',
        ).describe('A supervisor of this worker, from a date to a date.'),
      )
      .optional()
      .describe("The worker's supervisors over time (a new one starts a new supervisory relationship)."),
    absences: z
      .array(
        ranged(
          { reason: oneOf(ABSENCE_REASONS).optional().describe('Why the worker was away.') },
          'the absence',
        ).describe('A span of absence: to is the last day away.'),
      )
      .optional()
      .describe('Absences: while away, supervision clocks pause (unless the policy says otherwise).'),
    arrangements: z
      .array(arrangementSchema)
      .optional()
      .describe('Supervision agreements, performance plans and authorised extensions.'),
    shifts: z
      .array(isoDate)
      .optional()
      .describe(
        'The days the worker works a shift (agency and relief staff), one date a shift, for rules that count sessions against shifts worked (per-shifts); days after asOf are the rota. Left out: not known (such a rule is not evaluable).',
      ),
    directReports: z
      .int()
      .nonnegative()
      .optional()
      .describe(
        'How many staff this worker supervises (Derby DER-2). Left out: counted from the staff naming them as supervisor.',
      ),
    lineManagerId: id
      .optional()
      .describe(
        "The staff id of the worker's line manager, for rules that count only sessions the line manager gave (givenBy: line-manager).",
      ),
    registered: z
      .boolean()
      .optional()
      .describe(
        'Registered with Social Work England, for rules that count only sessions a registered supervisor gave. Left out: not known to be registered.',
      ),
    tags: z
      .array(word([]).describe("A staff tag the policy's vocabulary declares, e.g. agency."))
      .optional()
      .describe(
        "The council's own words for groups of staff (agency, residential, case-holding, …), tested by a policy's tag conditions: each must be declared in the policy's vocabulary.tags.",
      ),
  })
  .superRefine((v, ctx) => {
    if (typeof v.endDate === 'string' && v.endDate < v.startDate)
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: messages.toBeforeFrom(v.startDate, v.endDate),
      });
    if (v.asye && typeof v.asye.end === 'string' && v.asye.end < v.asye.start)
      ctx.addIssue({
        code: 'custom',
        path: ['asye', 'end'],
        message: messages.toBeforeFrom(v.asye.start, v.asye.end),
      });
  })
  .describe('A member of staff. An endDate before startDate, or an ASYE end before its start, is refused.');

export const caseSchema = z
  .looseObject({
    id: id.describe("The child's case id, unique among cases (1–200 characters)."),
    allocations: z
      .array(
        ranged({ workerId: id.describe("The allocated worker's staff id.") }, 'the allocation').describe(
          'The case allocated to a worker, from a date to a date.',
        ),
      )
      .optional()
      .describe('Which worker held the case when.'),
    episodes: z
      .array(
        ranged(
          {
            type: word(EPISODE_TYPES).describe(
              "The kind of episode: a built-in one or one the policy's vocabulary declares.",
            ),
          },
          'the episode',
        ).describe(
          'An episode of the case (child in need, child protection, in care, …), from a date to a date.',
        ),
      )
      .optional()
      .describe('The case type over time: rules for cases depend on it.'),
    flags: z
      .array(
        ranged(
          {
            flag: word(CASE_FLAGS).describe(
              "The circumstance: a built-in flag or one the policy's vocabulary declares.",
            ),
          },
          'the flag',
        ).describe('A circumstance of the case (high risk, court proceedings, …), from a date to a date.'),
      )
      .optional()
      .describe('Circumstances that change how often a case is discussed.'),
    reviews: z
      .array(isoDate.describe('A review date, YYYY-MM-DD.'))
      .optional()
      .describe('Case review dates (Derby DER-7; Gloucestershire RCPC).'),
    closedDate: openEnd(
      'The day the case closed, YYYY-MM-DD, not before the first from of its episodes and allocations. Left out or null: open.',
    ),
  })
  .superRefine((v, ctx) => {
    if (typeof v.closedDate === 'string') {
      const first = [...(v.episodes ?? []), ...(v.allocations ?? [])].reduce<string | null>(
        (min, r) => (min === null || r.from < min ? r.from : min),
        null,
      );
      if (first !== null && v.closedDate < first)
        ctx.addIssue({
          code: 'custom',
          path: ['closedDate'],
          message: messages.toBeforeFrom(first, v.closedDate),
        });
    }
  })
  .describe("A child's case: open from its first episode or allocation to its closedDate.");

export const eventSchema = z
  .looseObject({
    id: id.describe('The event id (1–200 characters); a repeated id is warned about, and both events count.'),
    type: word(EVENT_TYPES).describe(
      "What took place: a built-in event type or one the policy's vocabulary declares. group needs participantIds or teamId; every other type needs superviseeId.",
    ),
    date: isoDate.describe('The day it took place (or was due, when cancelled), YYYY-MM-DD.'),
    start: isoInstant
      .optional()
      .describe(
        'The clock time it started, with an offset, e.g. 2025-01-13T10:00:00Z: needed for clock-hour rules.',
      ),
    durationMinutes: z.int().nonnegative().optional().describe('How long it lasted, in whole minutes.'),
    status: oneOf(['held', 'cancelled'] as const)
      .optional()
      .describe('held or cancelled. Left out: held.'),
    superviseeId: id
      .optional()
      .describe('The staff id of the worker supervised: required on every event but a group event.'),
    participantIds: z
      .array(id.describe('A participant’s staff id.'))
      .optional()
      .describe('A group event’s participants. Left out: every member of its team employed that day.'),
    teamId: id
      .optional()
      .describe('A group event’s team: it counts for the team’s members when participantIds is left out.'),
    supervisorId: id.optional().describe('The staff id of the supervisor who held it.'),
    caseIds: z.array(id.describe('A case id.')).optional().describe('The cases (children) discussed.'),
    recordedAt: dateOrInstant
      .nullable()
      .optional()
      .describe(
        'When the record was completed: an instant with an offset, or a date (the end of that day). Left out or null: not recorded yet.',
      ),
    caseRecords: z
      .array(
        z
          .looseObject({
            caseId: id.describe('A case id of caseIds.'),
            recordedAt: dateOrInstant
              .nullable()
              .optional()
              .describe("When the record on this child's file was completed. Left out or null: not yet."),
          })
          .describe("The record on one child's case file."),
      )
      .optional()
      .describe(
        "Per-child record times. When given, a case of caseIds missing here has no record yet on that child's file.",
      ),
    safeguarding: z
      .boolean()
      .optional()
      .describe('Whether the discussion raised safeguarding issues requiring action (York YRK-8).'),
  })
  .superRefine((v, ctx) => {
    if (v.type === 'group') {
      if (v.participantIds === undefined && v.teamId === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['participantIds'],
          message: messages.required('a group event’s participantIds or teamId'),
        });
    } else if (v.superviseeId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['superviseeId'],
        message: messages.required(`a ${v.type} event’s superviseeId`),
      });
    }
  })
  .meta({
    // A group event names participantIds or teamId; any other event a superviseeId.
    anyOf: [
      { properties: { type: { not: { const: 'group' } } } },
      { required: ['participantIds'] },
      { required: ['teamId'] },
    ],
    if: { properties: { type: { const: 'group' } } },
    else: { required: ['superviseeId'] },
  })
  .describe('A supervision event: a session, a discussion, an appraisal, an agreement, … held or cancelled.');

/** The supervision history a council sends: staff, cases and supervision events (docs/history-format.md). */
export const historySchema = z
  .looseObject({
    $schema: z
      .string()
      .max(10_000)
      .optional()
      .describe("The JSON Schema this file follows, for an editor's help; ignored by the library."),
    recordsFrom: isoDate
      .optional()
      .describe(
        'The history is complete from this date: nothing before it is known, so no deadline before it is judged and clocks start here.',
      ),
    calendar: z
      .looseObject({
        closures: z
          .array(isoDate.describe('A closure day, YYYY-MM-DD.'))
          .optional()
          .describe('Council closure days: not working days, beside bank holidays and weekends.'),
      })
      .optional()
      .describe("The council's own non-working days."),
    staff: z.array(staffSchema).describe('Every member of staff: workers, supervisors and managers.'),
    cases: z.array(caseSchema).optional().describe("Children's cases. Left out: none."),
    events: z.array(eventSchema).optional().describe('Supervision events. Left out: none.'),
  })
  .describe(
    "A council's supervision history: staff, cases and supervision events. Fields the format does not know are warned about (report.warnings) and ignored, or refused with strict: true. Cross-field rules a JSON Schema cannot say: a range's to is not before its from, a case's closedDate is not before its first episode or allocation; a word (a role, staff tag, event type, episode type or case flag) is a built-in one or one the vocabulary of the policy it is evaluated against declares.",
  );

export type History = z.infer<typeof historySchema>;
export type Staff = z.infer<typeof staffSchema>;
export type Case = z.infer<typeof caseSchema>;
export type SupervisionEvent = z.infer<typeof eventSchema>;
export type Arrangement = z.infer<typeof arrangementSchema>;
export type IntervalSpec = z.infer<typeof intervalSchema>;
