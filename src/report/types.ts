import type { Citation } from '../policy/schema.js';

export type { Citation };

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
  explanation: string;
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
  explanation: string;
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
