/**
 * Policies of one rule written in a test, and compact views of their findings, for the rule kinds'
 * worked examples (test/rules/, test/engine/): each policy holds only the rule under test.
 */

import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/schema.js';
import type { Basis, Breach, Obligation, PeriodBasis, Report } from '../../src/report/types.js';
import { breachesOf, event, obligationsOf, oneToOne, staff } from '../helpers.js';

// ---- interval and recording rules (TST-1 every 28 days, TST-2 a record within 2 working days) ----

const CITE = { source: 'test', section: '1', quote: 'q' };

export const policy = (rules: Record<string, unknown>[], extra: Record<string, unknown> = {}): Policy =>
  loadPolicy({
    id: 'mutation',
    name: 'Mutation examples',
    council: 'Test council',
    source: 'test',
    version: '1',
    effectiveFrom: '2020-01-01',
    rules,
    ...extra,
  });

const intervalRule = (extra: Record<string, unknown> = {}) => ({
  id: 'TST-1',
  name: 'supervision',
  activity: 'one-to-one',
  strength: 'must',
  citation: CITE,
  kind: 'interval',
  subject: 'staff',
  counts: ['one-to-one'],
  schedule: [{ interval: { days: 28 } }],
  ...extra,
});

/** An interval policy of one rule (28 days unless `extra` says otherwise). */
export const every = (extra: Record<string, unknown> = {}, policyExtra: Record<string, unknown> = {}) =>
  policy([intervalRule(extra)], policyExtra);

/** A case rule: 56 days, 14 days while the case is on a child protection plan. */
export const caseRule = (extra: Record<string, unknown> = {}) =>
  every({
    subject: 'case',
    name: 'case supervision',
    counts: ['one-to-one', 'case-discussion'],
    schedule: [
      {
        when: { episode: ['child-protection'] },
        interval: { days: 14 },
        label: 'child protection: fortnightly',
      },
      { interval: { days: 56 } },
    ],
    ...extra,
  });

/** A breach as [kind, dueOn, metOn, daysLate, basis]: the facts its sentence is built from. */
export const brk = (b: Breach) => [b.kind, b.dueOn, b.metOn, b.daysLate, b.basis];
/** An obligation as [status, dueOn, lastMetOn, breachOn, basis]. */
export const obl = (o: Obligation) => [o.status, o.dueOn, o.lastMetOn, o.breachOn ?? '-', o.basis];
export const breaches = (r: Report) => r.breaches.map(brk);
export const obligations = (r: Report) => r.obligations.map(obl);
export const tallyOf = (r: Report) => [r.totals.deadlines, r.totals.deadlinesMet];

export const held = (id: string, date: string, extra: Record<string, unknown> = {}) =>
  oneToOne('S1', date, { id, ...extra });
export const s1 = (extra: Record<string, unknown> = {}) => staff('S1', { startDate: '2025-03-03', ...extra });

/** A recording rule: a record of each one-to-one within 2 working days, unless `extra` says otherwise. */
export const recordRule = (extra: Record<string, unknown> = {}) => ({
  id: 'TST-2',
  name: 'record',
  activity: 'recording',
  strength: 'must',
  citation: CITE,
  kind: 'recording',
  records: 'session',
  counts: ['one-to-one'],
  deadline: { workingDays: 2 },
  ...extra,
});

// ---- one-off deadline rules (first-within, follow-up, rearrange, ahead-of-date, milestones) ----

export const citation = { source: 'one-off.txt', section: '1', quote: 'as the policy says' };

/** A policy of one rule (id TST-1, a `must`), effective from 2020 unless told. */
export function policyOf(rule: Record<string, unknown>, effectiveFrom = '2020-01-01'): Policy {
  return loadPolicy({
    id: 'one-off',
    name: 'One-off rules',
    council: 'Test',
    source: 'one-off.txt',
    version: '1',
    effectiveFrom,
    rules: [{ id: 'TST-1', strength: 'must', citation, ...rule }],
  });
}

export interface Outcome {
  /** Each with its basis: the facts its sentence is built from (the sentences: test/report/wording.test.ts). */
  breaches: { kind: string; dueOn: string; metOn: string | null; daysLate: number; basis: Basis }[];
  obligations: { dueOn: string; status: string; lastMetOn: string | null; basis: Basis }[];
  /** Deadlines judged, and of those met in time. */
  totals: [number, number];
}

export function outcome(report: Report): Outcome {
  return {
    breaches: report.breaches.map((b) => ({
      kind: b.kind,
      dueOn: b.dueOn,
      metOn: b.metOn,
      daysLate: b.daysLate,
      basis: b.basis,
    })),
    obligations: report.obligations.map((o) => ({
      dueOn: o.dueOn,
      status: o.status,
      lastMetOn: o.lastMetOn,
      basis: o.basis,
    })),
    totals: [report.totals.deadlines, report.totals.deadlinesMet],
  };
}

/** An event of a test history. */
export type Ev = ReturnType<typeof event>;

export const none: Outcome = { breaches: [], obligations: [], totals: [0, 0] };
export const onTime = (n = 1): Outcome => ({ breaches: [], obligations: [], totals: [n, n] });

// ---- period rules (count-per-period, minutes-per-period, session-length, retention) ----

/** TST-1 "annual appraisal", a `must`: each test adds its kind and parameters (and may rename it). */
const TST_1 = {
  id: 'TST-1',
  name: 'annual appraisal',
  activity: 'appraisal',
  strength: 'must',
  citation: { source: 'test.txt', section: '1', quote: 'Quoted.' },
};
const META = {
  id: 'mutation',
  name: 'Period rules',
  council: 'Test council',
  source: 'test.txt',
  version: '1',
};
/** A policy of TST-1 alone, in force from `effectiveFrom`. */
export const onePolicy = (rule: Record<string, unknown>, effectiveFrom = '2020-01-01'): Policy =>
  loadPolicy({ ...META, effectiveFrom, rules: [{ ...TST_1, ...rule }] });

/** Breaches as [dueOn, shortfall, basis] (the sentences: test/report/wording.test.ts). */
export const findings = (report: Report, ruleId: string, subjectId?: string) =>
  breachesOf(report, ruleId, subjectId).map((b) => [b.dueOn, b.shortfall, b.basis]);
/** Obligations as [dueOn, status, basis]. */
export const owed = (report: Report, ruleId: string, subjectId?: string) =>
  obligationsOf(report, ruleId, subjectId).map((o) => [o.dueOn, o.status, o.basis]);
/** A period's basis: `held` of `required` sessions (or minutes, in `extra`) in the period `from` to `to`. */
export const periodBasis = (
  [from, to]: [string, string],
  of: PeriodBasis['period']['of'],
  held: number,
  required: number,
  extra: Partial<PeriodBasis> = {},
): PeriodBasis => ({ kind: 'period', period: { from, to, of }, unit: 'sessions', held, required, ...extra });
export const reasons = (report: Report, ruleId: string) =>
  report.notEvaluable.filter((x) => x.ruleId === ruleId).map((x) => [x.subject.id, x.reason]);

export const observation = (id: string, date: string) => event('observation', date, { superviseeId: id });
export const discussion = (caseId: string, date: string, extra: Record<string, unknown> = {}) =>
  event('case-discussion', date, { superviseeId: 'S1', caseIds: [caseId], ...extra });
