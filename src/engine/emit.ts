import type { SkippedDay } from '../calendar/index.js';
import type { Rule } from '../policy/schema.js';
import { recordingKey } from '../report/sort.js';
import type { Breach, NonWorkingDay, NotEvaluable, Obligation, Recording, Subject } from '../report/types.js';
import { explainBreach, explainObligation, flat, reasonOf, type Unknowable } from '../report/wording.js';
import { type EvalContext, severityOf } from './context.js';

/** What a rule says of an obligation; the emitter adds the rest. */
export type ObligationFound = Pick<Obligation, 'subject' | 'lastMetOn' | 'dueOn' | 'status' | 'basis'> &
  Partial<Pick<Obligation, 'breachOn' | 'versionChange'>>;

/** What a rule says of a breach; the emitter adds the rest. */
export type BreachFound = Pick<Breach, 'subject' | 'kind' | 'dueOn' | 'metOn' | 'daysLate' | 'basis'> &
  Partial<Pick<Breach, 'eventId' | 'hoursLate' | 'shortfall' | 'excess' | 'versionChange'>>;

/** What a rule says of a record due. */
export type RecordingFound = Pick<Recording, 'eventId' | 'deadline' | 'recordedAt' | 'status' | 'basis'> &
  Partial<Pick<Recording, 'caseId'>>;

/**
 * How a rule kind makes its findings: the rule's id, activity, severity and citation, the policy
 * version whose rule runs, its confidence and the sentence are filled in here, once, in one order
 * (docs/report.md lists the fields in it).
 */
export interface Emitter {
  obligation(found: ObligationFound): void;
  breach(found: BreachFound): void;
  /** `day` and `pos`: the deadline's day number and the event's position in the index (the report's order). */
  recording(found: RecordingFound, day: number, pos: number): void;
  notEvaluable(subject: Subject, why: Unknowable, eventId?: string): void;
}

/** The emitter of one rule under one policy version (the context's). */
export function emitter(rule: Rule, ctx: EvalContext): Emitter {
  const out = ctx.out;
  const policyVersion = ctx.version.name;
  const confidence = rule.approximate === undefined ? {} : ({ confidence: 'approximate' } as const);
  const { id: ruleId, activity, citation, name } = rule;
  const severity = severityOf(rule);
  return {
    obligation(f) {
      const o: Obligation = {
        ruleId,
        subject: f.subject,
        activity,
        lastMetOn: f.lastMetOn,
        dueOn: f.dueOn,
        status: f.status,
        citation,
        explanation: '',
        basis: f.basis,
        ...(f.breachOn === undefined ? {} : { breachOn: f.breachOn }),
        policyVersion,
        ...confidence,
        ...(f.versionChange === undefined ? {} : { versionChange: f.versionChange }),
      };
      o.explanation = flat(explainObligation(name, o));
      out.obligations.push(o);
    },
    breach(f) {
      const b: Breach = {
        ruleId,
        subject: f.subject,
        activity,
        kind: f.kind,
        dueOn: f.dueOn,
        metOn: f.metOn,
        daysLate: f.daysLate,
        severity,
        ...(f.eventId === undefined ? {} : { eventId: f.eventId }),
        ...(f.hoursLate === undefined ? {} : { hoursLate: f.hoursLate }),
        ...(f.shortfall === undefined ? {} : { shortfall: f.shortfall }),
        ...(f.excess === undefined ? {} : { excess: f.excess }),
        citation,
        explanation: '',
        basis: f.basis,
        policyVersion,
        ...confidence,
        ...(f.versionChange === undefined ? {} : { versionChange: f.versionChange }),
      };
      b.explanation = flat(explainBreach(name, b));
      out.breaches.push(b);
    },
    recording(f, day, pos) {
      out.recordingKeys.push(recordingKey(day, ctx.index.eventRank[pos]!, ctx.index.distinctEventIds));
      out.recordings.push({
        eventId: f.eventId,
        ...(f.caseId === undefined ? {} : { caseId: f.caseId }),
        ruleId,
        deadline: f.deadline,
        recordedAt: f.recordedAt,
        status: f.status,
        basis: f.basis,
        policyVersion,
        ...confidence,
      });
    },
    notEvaluable(subject, why, eventId) {
      const n: NotEvaluable = { ruleId, subject, reason: reasonOf(subject, why, name) };
      if (eventId !== undefined) n.eventId = eventId;
      out.notEvaluable.push(n);
    },
  };
}

/** Non-working days as a basis lists them: the date, why, and a bank holiday's name. */
export function nonWorkingDays(skipped: readonly SkippedDay[]): NonWorkingDay[] {
  return skipped.map((s) =>
    s.name === undefined
      ? { date: s.date, reason: s.reason }
      : { date: s.date, reason: s.reason, name: s.name },
  );
}
