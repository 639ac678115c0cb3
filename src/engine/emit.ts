import type { SkippedDay } from '../calendar/index.js';
import type { Rule } from '../policy/schema.js';
import { recordingKey } from '../report/sort.js';
import type {
  Breach,
  NonWorkingDay,
  NotEvaluable,
  Obligation,
  RecordBasis,
  Recording,
  Subject,
} from '../report/types.js';
import { breachExplainer, explainObligation, flat, reasonOf, type Unknowable } from '../report/wording.js';
import { type EvalContext, severityOf } from './context.js';

/** Optional fields a rule may leave out or give as undefined (the emitter leaves them out of the report). */
type Optional<T, K extends keyof T> = { [P in K]?: T[P] | undefined };

/** What a rule says of an obligation; the emitter adds the rest. */
export type ObligationFound = Pick<Obligation, 'subject' | 'lastMetOn' | 'dueOn' | 'status' | 'basis'> &
  Optional<Obligation, 'breachOn' | 'versionChange'>;

/** What a rule says of a breach; the emitter adds the rest. */
export type BreachFound = Pick<Breach, 'subject' | 'kind' | 'dueOn' | 'metOn' | 'daysLate' | 'basis'> &
  Optional<Breach, 'eventId' | 'hoursLate' | 'shortfall' | 'excess' | 'versionChange'>;

/**
 * How a rule kind makes its findings: the rule's id, activity, severity and citation, the policy
 * version whose rule runs, its confidence and the sentence are filled in here, once, in one order
 * (docs/report.md lists the fields in it).
 */
export interface Emitter {
  obligation(found: ObligationFound): void;
  breach(found: BreachFound): void;
  /**
   * A record due: its fields one by one (no object made to carry them), then `day` and `pos`, the
   * deadline's day number and the event's position in the index (the report's order).
   */
  recording(
    eventId: string,
    caseId: string | undefined,
    deadline: string,
    recordedAt: string | null,
    status: Recording['status'],
    basis: RecordBasis,
    day: number,
    pos: number,
  ): void;
  notEvaluable(subject: Subject, why: Unknowable, eventId?: string): void;
}

/** The emitter of one rule under one policy version (the context's). */
export function emitter(rule: Rule, ctx: EvalContext): Emitter {
  const out = ctx.out;
  const policyVersion = ctx.version.name;
  const approximate = rule.approximate !== undefined;
  const { id: ruleId, activity, citation, name } = rule;
  const severity = severityOf(rule);
  const explainBreach = breachExplainer(name);
  /**
   * A breach of one session (its `eventId`) with nothing else optional, as most records' breaches
   * are: made whole, as an object literal in the report's order (a property added afterwards needs
   * storage of its own per object). Any other breach (`hoursLate`, a shortfall…): undefined.
   */
  const recordBreach = (f: BreachFound): Breach | undefined => {
    const { eventId } = f;
    if (eventId === undefined || approximate || f.hoursLate !== undefined) return undefined;
    if (f.shortfall !== undefined || f.excess !== undefined || f.versionChange !== undefined)
      return undefined;
    const { subject, kind, dueOn, metOn, daysLate, basis } = f;
    return {
      ruleId,
      subject,
      activity,
      kind,
      dueOn,
      metOn,
      daysLate,
      severity,
      eventId,
      citation,
      explanation: '',
      basis,
      policyVersion,
    };
  };
  /** Any breach: its optional fields set one by one, in the report's order (no spread of a fresh object). */
  const anyBreach = (f: BreachFound): Breach => {
    const b = {
      ruleId,
      subject: f.subject,
      activity,
      kind: f.kind,
      dueOn: f.dueOn,
      metOn: f.metOn,
      daysLate: f.daysLate,
      severity,
    } as Breach;
    if (f.eventId !== undefined) b.eventId = f.eventId;
    if (f.hoursLate !== undefined) b.hoursLate = f.hoursLate;
    if (f.shortfall !== undefined) b.shortfall = f.shortfall;
    if (f.excess !== undefined) b.excess = f.excess;
    b.citation = citation;
    b.explanation = '';
    b.basis = f.basis;
    b.policyVersion = policyVersion;
    if (approximate) b.confidence = 'approximate';
    if (f.versionChange !== undefined) b.versionChange = f.versionChange;
    return b;
  };
  return {
    obligation(f) {
      // Optional fields are set one by one, in the report's order (no spread of a fresh object per finding).
      const o = {
        ruleId,
        subject: f.subject,
        activity,
        lastMetOn: f.lastMetOn,
        dueOn: f.dueOn,
        status: f.status,
        citation,
        explanation: '',
        basis: f.basis,
      } as Obligation;
      if (f.breachOn !== undefined) o.breachOn = f.breachOn;
      o.policyVersion = policyVersion;
      if (approximate) o.confidence = 'approximate';
      if (f.versionChange !== undefined) o.versionChange = f.versionChange;
      o.explanation = flat(explainObligation(name, o));
      out.obligations.push(o);
    },
    breach(f) {
      const b = recordBreach(f) ?? anyBreach(f);
      b.explanation = flat(explainBreach(b));
      out.breaches.push(b);
    },
    recording(eventId, caseId, deadline, recordedAt, status, basis, day, pos) {
      out.recordingKeys.push(
        recordingKey(deadline, day, ctx.index.eventRank[pos]!, ctx.index.distinctEventIds),
      );
      // Made whole, in the report's order (a property added later would need storage of its own).
      const r: Recording =
        caseId === undefined
          ? { eventId, ruleId, deadline, recordedAt, status, basis, policyVersion }
          : { eventId, caseId, ruleId, deadline, recordedAt, status, basis, policyVersion };
      if (approximate) r.confidence = 'approximate';
      out.recordings.push(r);
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
