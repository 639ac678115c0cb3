import type { Citation } from '../policy/schema.js';

export type { Citation };

/** Whom an obligation or breach is about. */
export interface Subject {
  type: 'staff' | 'case' | 'team';
  id: string;
}

/** What is due next under one rule, for one subject and activity (CONTRACT.md). */
export interface Obligation {
  ruleId: string;
  subject: Subject;
  activity: string;
  /** Date of the last qualifying event on or before `asOf`, if any. */
  lastMetOn: string | null;
  /** The last date on which the next qualifying event is on time. */
  dueOn: string;
  status: 'upcoming' | 'overdue';
  citation: Citation;
  explanation: string;
  /** Where a rule is due at one date but breached only later (NOT-7): the breach date. */
  breachOn?: string;
}

export type BreachKind = 'late' | 'missed' | 'late-recording' | 'unrecorded' | 'too-short' | 'too-few';

/** A requirement missed or met late, up to `asOf` (CONTRACT.md). */
export interface Breach {
  ruleId: string;
  subject: Subject;
  activity: string;
  kind: BreachKind;
  dueOn: string;
  metOn: string | null;
  daysLate: number;
  severity: 'breach' | 'advisory';
  eventId?: string;
  /** For clock-hour deadlines: the hours late (set when the record was made late). */
  hoursLate?: number;
  /** For `too-short` and `too-few`: what was missing. */
  shortfall?: { minutes: number } | { sessions: number };
  citation: Citation;
  explanation: string;
}

/** A record that must be made after a session, and whether it was (CONTRACT.md). */
export interface Recording {
  eventId: string;
  caseId?: string;
  ruleId: string;
  /** `YYYY-MM-DD` = by the end of that day; an ISO instant for clock-hour deadlines. */
  deadline: string;
  recordedAt: string | null;
  status: 'on-time' | 'late' | 'pending' | 'overdue';
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
}

export interface Warning {
  path: string;
  message: string;
}

/** Everything an evaluation found, for every worker, child and team (CONTRACT.md). */
export interface Report {
  policy: { id: string; name: string; version: string };
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
