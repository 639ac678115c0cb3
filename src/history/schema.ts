import { z } from 'zod';
import { isIsoDate, isIsoInstant } from '../calendar/index.js';
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

/** A calendar date, `YYYY-MM-DD`, checked for being a real day. */
export const isoDate = z.iso
  .date({ abort: true, error: (iss) => messages.notADate(iss.input) })
  // zod's pattern also takes years 0000–0999, which the calendar does not count in.
  .refine(isIsoDate, { error: (iss) => messages.notADate(iss.input) });
/** An instant with an offset: `2025-01-13T10:00:00Z`, `2025-06-02T09:30:00+01:00`. */
export const isoInstant = z.iso
  .datetime({ offset: true, abort: true, error: (iss) => messages.notAnInstant(iss.input) })
  // As the engine reads instants: years from 1000, at most nine digits of a second.
  .refine(isIsoInstant, { error: (iss) => messages.notAnInstant(iss.input) });
/** A date or an instant: when only the date is known, it stands for the end of that day. */
export const dateOrInstant = z.union([isoDate, isoInstant], {
  error: (iss) => `${messages.notAnInstant(iss.input)} or a date`,
});
const id = z
  .string({ error: (iss) => messages.wrongType('an id (text)', iss.input) })
  .min(1)
  .max(200);
/** A person's name as the council writes it (shown in reports, never used to match). */
const personName = z
  .string({ error: (iss) => messages.wrongType('a name (text)', iss.input) })
  .min(1)
  .max(200);
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (iss) => messages.unknownValue(iss.input, values) });
const openEnd = isoDate.nullable().optional();

/** The longest interval a history may agree, per unit: 10 years. */
export const MAX_AGREED_INTERVAL = { days: 3_653, weeks: 522, months: 120, workingDays: 2_610 } as const;
const upTo = (unit: keyof typeof MAX_AGREED_INTERVAL) =>
  z
    .int()
    .positive()
    .max(MAX_AGREED_INTERVAL[unit], {
      error: (iss) => messages.longerThan(iss.input, MAX_AGREED_INTERVAL[unit], unit, 10),
    });

/** An interval as a history states it, e.g. `{ "weeks": 2 }`. Exactly one unit, at most 10 years. */
export const intervalSchema = z
  .strictObject({
    days: upTo('days').optional(),
    weeks: upTo('weeks').optional(),
    months: upTo('months').optional(),
    workingDays: upTo('workingDays').optional(),
  })
  .refine((v) => Object.values(v).filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of days, weeks, months, workingDays',
  });

const ranged = <T extends z.ZodRawShape>(shape: T) =>
  z.looseObject({ from: isoDate, to: openEnd, ...shape }).superRefine((v, ctx) => {
    const r = v as { from: string; to?: string | null };
    if (typeof r.to === 'string' && r.to < r.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: messages.toBeforeFrom(r.from, r.to) });
  });

export const arrangementSchema = ranged({
  type: oneOf(ARRANGEMENT_TYPES),
  interval: intervalSchema.optional(),
}).superRefine((v, ctx) => {
  if (v.type !== 'extended-interval-authorised' && v.interval === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['interval'],
      message: messages.required(`a ${v.type}'s interval`),
    });
});

export const staffSchema = z
  .looseObject({
    id,
    name: personName.optional(),
    role: oneOf(ROLES),
    startDate: isoDate,
    roleStartDate: isoDate.optional(),
    endDate: openEnd,
    qualifiedDate: isoDate.nullable().optional(),
    asye: z.looseObject({ start: isoDate, end: openEnd }).nullable().optional(),
    confirmedInPost: isoDate.nullable().optional(),
    service: oneOf(SERVICES).nullable().optional(),
    teamId: id.nullable().optional(),
    fullTime: z.boolean().optional(),
    supervisors: z.array(ranged({ supervisorId: id })).optional(),
    absences: z.array(ranged({ reason: oneOf(ABSENCE_REASONS).optional() })).optional(),
    arrangements: z.array(arrangementSchema).optional(),
    directReports: z.int().nonnegative().optional(),
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
  });

export const caseSchema = z
  .looseObject({
    id,
    allocations: z.array(ranged({ workerId: id })).optional(),
    episodes: z.array(ranged({ type: oneOf(EPISODE_TYPES) })).optional(),
    flags: z.array(ranged({ flag: oneOf(CASE_FLAGS) })).optional(),
    reviews: z.array(isoDate).optional(),
    closedDate: openEnd,
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
  });

export const eventSchema = z
  .looseObject({
    id,
    type: oneOf(EVENT_TYPES),
    date: isoDate,
    start: isoInstant.optional(),
    durationMinutes: z
      .int({ error: (iss) => messages.notNonNegativeInteger(iss.input) })
      .nonnegative()
      .optional(),
    status: oneOf(['held', 'cancelled'] as const).optional(),
    superviseeId: id.optional(),
    participantIds: z.array(id).optional(),
    teamId: id.optional(),
    supervisorId: id.optional(),
    caseIds: z.array(id).optional(),
    recordedAt: dateOrInstant.nullable().optional(),
    caseRecords: z
      .array(z.looseObject({ caseId: id, recordedAt: dateOrInstant.nullable().optional() }))
      .optional(),
    safeguarding: z.boolean().optional(),
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
  });

/** The supervision history a council sends: staff, cases and supervision events (docs/history-format.md). */
export const historySchema = z.looseObject({
  recordsFrom: isoDate.optional(),
  calendar: z.looseObject({ closures: z.array(isoDate).optional() }).optional(),
  staff: z.array(staffSchema),
  cases: z.array(caseSchema).optional(),
  events: z.array(eventSchema).optional(),
});

export type History = z.infer<typeof historySchema>;
export type Staff = z.infer<typeof staffSchema>;
export type Case = z.infer<typeof caseSchema>;
export type SupervisionEvent = z.infer<typeof eventSchema>;
export type Arrangement = z.infer<typeof arrangementSchema>;
export type IntervalSpec = z.infer<typeof intervalSchema>;
