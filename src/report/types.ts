import type { Citation, Duration } from '../policy/schema.js';

export type { Citation, Duration };

/** Whom an obligation or breach is about. */
export interface Subject {
  type: 'staff' | 'case' | 'team';
  id: string;
}

/** What is due next under one rule, for one subject and activity (docs/report.md). */
export interface Obligation {
  ruleId: string;
  subject: Subject;
  activity: string;
  /** Date of the last qualifying event on or before `asOf`, if any (for a worker, since they started). */
  lastMetOn: string | null;
  /** The last date on which the next qualifying event is on time. */
  dueOn: string;
  status: 'upcoming' | 'overdue';
  citation: Citation;
  /** One plain sentence built from the other fields and `basis` (src/report/wording.ts). */
  explanation: string;
  /** The dates and amounts the due date was worked out from (docs/report.md, Basis). */
  basis: Basis;
  /** Where a rule is due at one date but breached only later (NOT-7): the breach date. */
  breachOn?: string;
  /** The policy version whose rule this comes from (the version in force on the due date; for a record, on the session's day). */
  policyVersion: string;
  /** `approximate` when the rule's encoding bends its source's text (the rule's `approximate` says why); left out when exact. */
  confidence?: 'approximate';
  /** When a new version of the policy moved the due date (an interval rule kept across versions). */
  versionChange?: VersionChange;
}

/** A version change that moved a due date: the day it took effect and the versions before and after. */
export interface VersionChange {
  on: string;
  from: string;
  to: string;
}

export type BreachKind =
  | 'late'
  | 'missed'
  | 'late-recording'
  | 'unrecorded'
  | 'too-short'
  | 'too-long'
  | 'too-few';

/** A requirement missed or met late, up to `asOf` (docs/report.md). */
export interface Breach {
  ruleId: string;
  subject: Subject;
  activity: string;
  kind: BreachKind;
  /** The deadline missed, a date (for a clock-hour deadline, its London date). */
  dueOn: string;
  /** The London date it was met on; null if still unmet at `asOf`. */
  metOn: string | null;
  /**
   * Calendar days from `dueOn` to `metOn` (London dates), for every rule, clock-hour records included;
   * when unmet, to `asOf`, or to the day after the rule's window closed if it closed first.
   */
  daysLate: number;
  severity: 'breach' | 'advisory';
  eventId?: string;
  /**
   * For a record made late against a clock-hour deadline (one with an instant): the hours late, to two
   * decimals and at least 0.01. A record late by a second is 0 days and 0.01 hours late; one late by
   * three hours across midnight is 1 day and 3 hours late.
   */
  hoursLate?: number;
  /** For `too-short` and `too-few`: what was missing. */
  shortfall?: { minutes: number } | { sessions: number };
  /** For `too-long`: the minutes over the maximum. */
  excess?: { minutes: number };
  citation: Citation;
  /** One plain sentence built from the other fields and `basis` (src/report/wording.ts). */
  explanation: string;
  /** The dates and amounts the deadline (or the shortfall) was worked out from (docs/report.md, Basis). */
  basis: Basis;
  /** The policy version whose rule this comes from (the version in force on the due date; for a record, on the session's day). */
  policyVersion: string;
  /** `approximate` when the rule's encoding bends its source's text (the rule's `approximate` says why); left out when exact. */
  confidence?: 'approximate';
  /** When a new version of the policy moved the due date (an interval rule kept across versions). */
  versionChange?: VersionChange;
}

/** A record that must be made after a session, and whether it was (docs/report.md). */
export interface Recording {
  eventId: string;
  caseId?: string;
  ruleId: string;
  /**
   * `YYYY-MM-DD` = by the end of that day (working-day and same-day deadlines, and clock-hour
   * deadlines of a session with no start time: the end of the ceil(hours / 24)th calendar day); an ISO
   * instant with the London offset for clock-hour deadlines from a session's `start`.
   */
  deadline: string;
  /**
   * When the record was made, if on or before `asOf`. A child's record (with `caseId`) is its own
   * `caseRecords` entry when the event lists any (a child not listed there has none yet); only an
   * event with no `caseRecords` has its `recordedAt` stand for every child.
   */
  recordedAt: string | null;
  status: 'on-time' | 'late' | 'pending' | 'overdue';
  /** How the deadline was worked out (docs/report.md, Basis): always a `record` basis. */
  basis: RecordBasis;
  /** The policy version whose rule this comes from (the version in force on the due date; for a record, on the session's day). */
  policyVersion: string;
  /** `approximate` when the rule's encoding bends its source's text (the rule's `approximate` says why); left out when exact. */
  confidence?: 'approximate';
}

/** How long a session's record must be kept (reported, not enforced). */
export interface Retention {
  eventId: string;
  ruleId: string;
  retainUntil: string;
}

export interface NotEvaluable {
  ruleId: string;
  subject: Subject;
  reason: string;
  /** The session that cannot be judged, when the reason is about one session (a `session-length` rule's session with no `durationMinutes`). */
  eventId?: string;
}

export interface Warning {
  path: string;
  message: string;
}

/** Everything an evaluation found, for every worker, child and team (docs/report.md). */
export interface Report {
  /**
   * The policy's `id`, `name`, the `version` in force on `asOf`, and every version the report used
   * (each in force on some day up to `asOf`), oldest first.
   */
  policy: {
    id: string;
    name: string;
    version: string;
    versions: { version: string; effectiveFrom: string }[];
  };
  asOf: string;
  obligations: Obligation[];
  recordings: Recording[];
  breaches: Breach[];
  notEvaluable: NotEvaluable[];
  warnings: Warning[];
  retention: Retention[];
  /** Counts behind the shares a summary shows: deadlines judged and met in time; records due and made on time. */
  totals: { deadlines: number; deadlinesMet: number; records: number; recordsOnTime: number };
  /** The same counts per subject that had any deadline judged or record due, by subject type then id. */
  totalsBySubject: SubjectTotals[];
}

/** One subject's deadlines judged and met in time, and records due and made on time, up to `asOf`. */
export interface SubjectTotals {
  subject: Subject;
  deadlines: number;
  deadlinesMet: number;
  records: number;
  recordsOnTime: number;
}

/**
 * How a finding's date or amount was worked out: the dates and amounts it was computed from, never
 * words (docs/report.md, Basis). Dates are `YYYY-MM-DD`; `kind` says which form.
 */
export type Basis =
  | IntervalBasis
  | WithinBasis
  | ByFirstBasis
  | BeforeDateBasis
  | RecordBasis
  | PeriodBasis
  | SessionBasis
  | ShiftsBasis;

/** The day a clock or a deadline counted from, and why. */
export type CountedFrom =
  /** A held session of the rule's kinds (it restarts an interval clock). */
  | { reason: 'last-session'; on: string }
  /** The rule began to apply to the subject (its conditions began to hold, they started, the case opened). */
  | { reason: 'rule-began'; on: string }
  /** A later policy version that added the rule took effect. */
  | { reason: 'version-took-effect'; on: string; version: string }
  /** The history's `recordsFrom`: nothing before it is known. */
  | { reason: 'records-began'; on: string }
  /** The policy's (first version's) `effectiveFrom`. */
  | { reason: 'policy-took-effect'; on: string }
  /** The worker started (`startDate`), started in role (`roleStartDate`) or began the ASYE. */
  | { reason: 'started' | 'started-in-role' | 'asye-began'; on: string; staffId: string }
  /** Supervision by a supervisor began (a new supervisor, or the first). */
  | { reason: 'supervision-began'; on: string; supervisorId: string }
  /** The case was allocated to a worker. */
  | { reason: 'allocated'; on: string; workerId: string }
  /** A session was cancelled (`eventId`), and must be re-arranged. */
  | { reason: 'cancelled'; on: string; eventId: string }
  /** An event of a type that triggers the rule (a PDR before its follow-up) took place. */
  | { reason: 'event'; on: string; eventId: string; eventType: string }
  /** An episode (e.g. a child in care) began. */
  | { reason: 'episode-began'; on: string; episode: string };

/** Why a rule stopped applying before a `missed` deadline was met (the window closed). */
export type Closure =
  | { reason: 'left'; staffId: string }
  | { reason: 'absence-began'; staffId: string }
  | { reason: 'case-closed'; caseId: string }
  | { reason: 'supervision-ended'; supervisorId: string; staffId: string }
  | { reason: 'case-moved'; workerId: string }
  | { reason: 'next-event'; eventType: string }
  | { reason: 'episode-ended'; episode: string }
  /** A later policy version took effect without the rule (on the day given). */
  | { reason: 'rule-dropped'; on: string; version?: string }
  | { reason: 'conditions-ended' };

/** A non-working day passed over by a working-day count. */
export interface NonWorkingDay {
  date: string;
  reason: 'weekend' | 'bank-holiday' | 'closure';
  /** The bank holiday's name. */
  name?: string;
}

/** An interval as it applied: the policy's, an arrangement's, or the stricter of the policy's and an agreed one. */
export interface Interval {
  every: Duration;
  /** The schedule entry's own label ("child protection: monthly"), if any. */
  phase?: string;
  /** The exception rule that set this interval, if any (DER-2). */
  via?: string;
  /** The interval comes from the worker's arrangement of this type (not the policy's). */
  arrangement?: 'agreed-interval' | 'performance-plan';
  /** The arrangement's interval replaces the rule's, looser or not, under this clause of the policy (`allowsLooser`). */
  agreedUnder?: { section: string; quote: string };
  /** "`every`, or the agreed interval if sooner": an arrangement that may only make it stricter. */
  orAgreed?: Duration;
  /** With `orAgreed`: which of the two gave the earlier date (`same` when both gave the same). */
  sooner?: 'policy' | 'agreed' | 'same';
}

/** An interval rule: the clock ran from `from` with `interval`, then maybe moved by `changes`. */
export interface IntervalBasis {
  kind: 'interval';
  from: CountedFrom;
  interval: Interval;
  /** The due date the interval gave from `from` (before any change). */
  dueBy: string;
  /** Non-working days passed over, for an interval counted in working days. */
  skipped?: NonWorkingDay[];
  /** Changes of interval inside the window that moved the due date, in order: the day, the new interval, the new due date, and the version when a policy version made the change. */
  changes?: { on: string; interval: Interval; dueBy: string; version?: string }[];
  /** With `breachAfter` (NOT-7): a breach once nothing was held by `on`, `after` the last session. */
  breach?: { after: Duration; on: string };
  /** On a `missed` breach whose window closed first. */
  closed?: Closure;
}

/** A one-off deadline a time after what set it (a first session, a replacement, a follow-up, a probation review). */
export interface WithinBasis {
  kind: 'within';
  from: CountedFrom;
  within: Duration;
  /** A probation review (`milestones`): the offset is the milestone's own name. */
  milestone?: true;
  closed?: Closure;
}

/** A one-off deadline set by the first session of a type after what set it. */
export interface ByFirstBasis {
  kind: 'by-first';
  from: CountedFrom;
  /** The first such session: its type and date. */
  session: { type: string; on: string };
  closed?: Closure;
}

/** A discussion due `lead` before a target date: a review date, or `after` the episode began. */
export interface BeforeDateBasis {
  kind: 'before-date';
  from: CountedFrom;
  lead: Duration;
  target: { on: string; review: true } | { on: string; after: Duration };
  /** Discussions count from this date. */
  countsFrom: string;
  closed?: Closure;
}

/** A session's record: due `within` of the session. */
export interface RecordBasis {
  kind: 'record';
  /** The session: its type, its date, and its start when a clock-hour deadline counted from it. */
  session: { type: string; on: string; start?: string };
  within: { workingDays: number } | { hours: number } | { sameDay: true };
  /** The deadline: a date (by the end of it), or a clock-hour deadline's instant (London offset). */
  deadline: string;
  /** Non-working days passed over, for a working-day deadline. */
  skipped?: NonWorkingDay[];
  /** On a `late-recording` breach: when the record was made, as the history gives it. */
  recordedAt?: string;
}

/** Sessions or minutes held in a period, against what was required. */
export interface PeriodBasis {
  kind: 'period';
  /** `weeks`: a span of that many weeks (`minutes-per-period` with `weeks`), left out for one week. */
  period: {
    from: string;
    to: string;
    of: 'review-period' | 'year' | 'week' | 'calendar-month';
    weeks?: number;
  };
  unit: 'sessions' | 'minutes';
  held: number;
  required: number;
  /** Pro rata: the full period's minimum, scaled by the days the rule applied of the period's days. */
  proRata?: { minimum: number; days: number; of: number };
  /** Pro rata to the worker's full-time equivalent (`proRata: 'fte'`): the full-time minimum and the fte; `required` is the share. */
  fte?: FteShare;
}

/** A minimum pro rata to a worker's `fte`: the full-time `minimum` times `fte`, rounded up to a whole minute. */
export interface FteShare {
  fte: number;
  minimum: number;
}

/** A `per-shifts` rule: a session due by the end of the `every`th shift worked after `from` (`shiftOn`). */
export interface ShiftsBasis {
  kind: 'shifts';
  /** The last session (the clock counts shifts after its day), or the day the rule began to apply (counted from it). */
  from: CountedFrom;
  every: number;
  /** The day of that shift. */
  shiftOn: string;
  /** On a `missed` breach whose window closed first. */
  closed?: Closure;
}

/** One session's length against the minimum or maximum. */
export interface SessionBasis {
  kind: 'session';
  session: { eventId: string; on: string };
  minutes: number;
  minimum?: number;
  maximum?: number;
  /** The minimum is the worker's agreed session length. */
  agreed?: true;
  /** On a `too-short` breach, the minimum is the worker's share pro rata to `fte` (`proRata: 'fte'`). */
  fte?: FteShare;
}
