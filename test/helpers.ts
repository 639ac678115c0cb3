import { expect } from 'vitest';
import { InputError } from '../src/errors/input-error.js';
import { evaluate } from '../src/front-door.js';
import type { PolicyId } from '../src/policies.js';
import { loadPolicy } from '../src/policy/load.js';
import type { Policy } from '../src/policy/schema.js';
import type { Breach, Report } from '../src/report/types.js';

/** A staff member with the contract's required fields and sensible defaults. */
export const staff = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  role: 'social-worker',
  startDate: '2020-01-06',
  ...extra,
});

let n = 0;
/** A held one-to-one for a supervisee on a date. */
export const oneToOne = (superviseeId: string, date: string, extra: Record<string, unknown> = {}) => ({
  id: `E${++n}`,
  type: 'one-to-one',
  date,
  superviseeId,
  ...extra,
});
export const event = (type: string, date: string, extra: Record<string, unknown> = {}) => ({
  id: `E${++n}`,
  type,
  date,
  ...extra,
});

export function run(policy: PolicyId | Policy, history: unknown, asOf: string): Report {
  return evaluate(policy, history, { asOf });
}

/** Breaches of one rule (and optionally one subject), as compact tuples for assertions. */
export function breachesOf(report: Report, ruleId: string, subjectId?: string): Breach[] {
  return report.breaches.filter(
    (b) => b.ruleId === ruleId && (subjectId === undefined || b.subject.id === subjectId),
  );
}

export const brief = (b: Breach) => ({ kind: b.kind, dueOn: b.dueOn, metOn: b.metOn, daysLate: b.daysLate });

export function obligationsOf(report: Report, ruleId: string, subjectId?: string) {
  return report.obligations.filter(
    (o) => o.ruleId === ruleId && (subjectId === undefined || o.subject.id === subjectId),
  );
}

/**
 * S1 starts on Mon 3 Feb 2025 with M1, then M2 from Sat 1 Mar. Agreement with M1 on 3 Feb and first 1:1
 * on 4 Feb; first 1:1 with M2 on Wed 5 Mar; agreement with M2 only on Wed 12 Mar (7 days after it).
 */
export const changeOfSupervisor = () => ({
  staff: [
    staff('S1', {
      startDate: '2025-02-03',
      supervisors: [
        { supervisorId: 'M1', from: '2025-02-03', to: '2025-02-28' },
        { supervisorId: 'M2', from: '2025-03-01' },
      ],
    }),
    staff('M1', { role: 'team-manager' }),
    staff('M2', { role: 'team-manager' }),
  ],
  events: [
    event('agreement', '2025-02-03', { superviseeId: 'S1', supervisorId: 'M1' }),
    oneToOne('S1', '2025-02-04', { supervisorId: 'M1', recordedAt: '2025-02-04' }),
    oneToOne('S1', '2025-03-05', { supervisorId: 'M2', recordedAt: '2025-03-05' }),
    event('agreement', '2025-03-12', { superviseeId: 'S1', supervisorId: 'M2' }),
  ],
});

/** The InputError `fn` throws; fails the test if it throws anything else or nothing. */
export function thrown(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Every string anywhere in a value that starts like a date. */
export function dateLike(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (DATE_RE.test(value)) out.push(value);
  } else if (Array.isArray(value)) for (const v of value) dateLike(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) dateLike(v, out);
  return out;
}

/** Whether `s` starts with a real calendar date (years 0000-0099 too: setUTCFullYear, not Date.UTC). */
export const isRealDate = (s: string): boolean => {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(0);
  d.setUTCFullYear(+m[1]!, +m[2]! - 1, +m[3]!);
  return d.toISOString().slice(0, 10) === s.slice(0, 10);
};

// ---- small policies written in a test -----------------------------------------------------------

/** The citation of a rule written in a test. */
export const testCitation = { source: 'x.txt', section: '§1', quote: 'monthly' };

/** A must-rule of a test policy about staff one-to-ones, of any kind; `extra` adds or overrides fields. */
export const testRule = (id: string, kind: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: 'one-to-one',
  activity: 'one-to-one',
  strength: 'must',
  citation: testCitation,
  kind,
  subject: 'staff',
  ...extra,
});

/** An interval rule of a test policy: a one-to-one every `interval` (`{ days: 28 }`, `{ months: 1 }`...). */
export const intervalRule = (
  id: string,
  interval: Record<string, number>,
  extra: Record<string, unknown> = {},
) => testRule(id, 'interval', { counts: ['one-to-one'], schedule: [{ interval }], ...extra });

/** The fictional Fenchester Borough Council's policy definition (2025) holding `rules`, with `extra` fields (vocabulary, extends …). */
export const fenchesterDefinition = (rules: unknown[], extra: Record<string, unknown> = {}) => ({
  id: 'fenchester',
  name: 'Supervision Policy',
  council: 'Fenchester Borough Council',
  source: 'fenchester-supervision.txt',
  version: '2025',
  effectiveFrom: '2025-01-01',
  rules,
  ...extra,
});

/** The fictional Fenchester Borough Council's policy (2025) holding `rules`: rules worked outside any real council. */
export const fenchesterPolicy = (rules: unknown[], extra: Record<string, unknown> = {}): Policy =>
  loadPolicy(fenchesterDefinition(rules, extra));
