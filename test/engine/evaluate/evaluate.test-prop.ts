/**
 * Properties of `evaluate` over arbitrary valid histories and all five built-in policies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  getPolicy,
  type PolicyId,
  policyIds,
  type Report,
  safeEvaluate,
} from '../../../src/index.js';
import { asOfArb, type GeneratedHistory, historyArb, isoOf, offsetOf } from '../../arbitraries.js';
import { dateLike, isRealDate } from '../../helpers.js';

const RUNS = { numRuns: Number(process.env.PROP_RUNS ?? 50) };
const policyArb = fc.constantFrom(...policyIds);
const clone = <T>(v: T): T => structuredClone(v);

/** The report without its warnings (which name array positions). */
const withoutWarnings = ({ warnings: _w, ...rest }: Report) => rest;

/** `${ruleId} ${activity}` of every interval rule of a policy, with its subject and what it counts. */
function intervalRules(policy: PolicyId) {
  return getPolicy(policy).rules.flatMap((r) =>
    r.kind === 'interval' ? [{ key: `${r.id} ${r.activity}`, subject: r.subject, counts: r.counts }] : [],
  );
}

function shuffle<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, k: keys[i % Math.max(keys.length, 1)] ?? 0, i }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((x) => x.item);
}

describe('evaluate over arbitrary valid histories', () => {
  it('is deterministic, does not mutate its input, and agrees with safeEvaluate', () => {
    fc.assert(
      fc.property(policyArb, historyArb, asOfArb, (policy, history, asOf) => {
        const before = clone(history);
        const a = evaluate(policy, history, { asOf });
        expect(history).toEqual(before);
        const b = evaluate(policy, history, { asOf });
        expect(b).toEqual(a);
        const safe = safeEvaluate(policy, history, { asOf });
        expect(safe).toEqual({ ok: true, report: a });
        expect(history).toEqual(before);
      }),
      RUNS,
    );
  }, 30_000);

  it('does not depend on the order of staff, cases and events', () => {
    fc.assert(
      fc.property(
        policyArb,
        historyArb,
        asOfArb,
        fc.array(fc.integer(), { minLength: 1, maxLength: 20 }),
        (policy, history, asOf, keys) => {
          const permuted = {
            ...history,
            staff: shuffle(history.staff, keys),
            cases: shuffle(history.cases, [...keys].reverse()),
            events: shuffle(
              history.events,
              keys.map((k) => -k),
            ),
          };
          const a = evaluate(policy, history, { asOf });
          const b = evaluate(policy, permuted, { asOf });
          expect(withoutWarnings(b)).toEqual(withoutWarnings(a));
          expect(b.warnings.length).toBe(a.warnings.length);
        },
      ),
      RUNS,
    );
  }, 30_000);

  it('an extra held one-to-one never adds to the lateness of one-to-one interval rules for that person', () => {
    fc.assert(
      fc.property(
        policyArb,
        historyArb,
        asOfArb,
        fc.nat(),
        fc.nat({ max: 900 }),
        (policy, history, asOf, who, after) => {
          // Deadlines before the policy's effective date are not judged, so a session that moves the
          // next deadline past it can create a breach (see the report). Start the history (and its
          // clocks) no earlier than the effective date, and add the session inside it.
          const effective = getPolicy(policy).effectiveFrom;
          const recordsFrom =
            history.recordsFrom !== undefined && history.recordsFrom > effective
              ? history.recordsFrom
              : effective;
          const person = history.staff[who % history.staff.length]!;
          const start = Math.max(offsetOf(person.startDate), offsetOf(recordsFrom));
          const date = isoOf(Math.min(start + after, Math.max(start, offsetOf(asOf))));
          const extra = { id: 'EXTRA', type: 'one-to-one', date, superviseeId: person.id };
          const base = { ...history, recordsFrom };
          const rules = new Set(
            intervalRules(policy)
              .filter((r) => r.subject === 'staff' && r.counts.includes('one-to-one'))
              .map((r) => r.key),
          );
          const lateness = (r: Report) =>
            r.breaches
              .filter(
                (b) =>
                  b.subject.type === 'staff' &&
                  b.subject.id === person.id &&
                  (b.kind === 'late' || b.kind === 'missed') &&
                  rules.has(`${b.ruleId} ${b.activity}`),
              )
              .reduce((sum, b) => sum + b.daysLate, 0);
          const before = lateness(evaluate(policy, base, { asOf }));
          const after_ = lateness(evaluate(policy, { ...base, events: [...base.events, extra] }, { asOf }));
          expect(after_).toBeLessThanOrEqual(before);
        },
      ),
      RUNS,
    );
  }, 30_000);

  it('recording earlier is never judged worse', () => {
    fc.assert(
      fc.property(policyArb, historyArb, asOfArb, fc.nat(), fc.nat(), (policy, history, asOf, pick, back) => {
        // every record time on an event or a per-child record, as [event index, caseRecord index | -1]
        const slots: [number, number][] = [];
        history.events.forEach((e, i) => {
          if ('recordedAt' in e) slots.push([i, -1]);
          (e.caseRecords as { recordedAt?: unknown }[] | undefined)?.forEach((_, j) => {
            slots.push([i, j]);
          });
        });
        fc.pre(slots.length > 0);
        const [i, j] = slots[pick % slots.length]!;
        const ev = history.events[i]!;
        const holder = (j === -1 ? ev : (ev.caseRecords as Record<string, unknown>[])[j]!) as {
          recordedAt?: string | null;
        };
        const session = offsetOf(ev.date as string);
        // the latest possible day for a record that was never made, else the original's day
        const original = typeof holder.recordedAt === 'string' ? holder.recordedAt : null;
        const lastDay = original === null ? session + 30 : offsetOf(original.slice(0, 10));
        const day = session + (back % (lastDay - session + 1));
        let earlier = `${isoOf(day)}T00:00:00Z`;
        if (original !== null && day === lastDay) {
          if (original.length === 10) earlier = `${original}T12:00:00Z`;
          else if (original.slice(11, 13) === '00') fc.pre(false);
        }
        const changed = clone(history);
        const target = (
          j === -1 ? changed.events[i]! : (changed.events[i]!.caseRecords as Record<string, unknown>[])[j]!
        ) as {
          recordedAt?: string | null;
        };
        target.recordedAt = earlier;
        const count = (r: Report) =>
          r.breaches.filter((b) => b.kind === 'late-recording' || b.kind === 'unrecorded').length;
        const a = evaluate(policy, history, { asOf });
        const b = evaluate(policy, changed, { asOf });
        expect(count(b)).toBeLessThanOrEqual(count(a));
      }),
      RUNS,
    );
  }, 30_000);

  it('reports well-formed breaches and obligations with real dates', () => {
    fc.assert(
      fc.property(policyArb, historyArb, asOfArb, (policy, history, asOf) => {
        const report = evaluate(policy, history, { asOf });
        for (const x of [...report.breaches, ...report.obligations]) {
          expect(x.citation.quote.trim()).not.toBe('');
          expect(x.explanation.trim()).not.toBe('');
          expect(isRealDate(x.dueOn)).toBe(true);
        }
        for (const b of report.breaches) {
          if (b.metOn !== null) expect(b.metOn >= b.dueOn, JSON.stringify(b)).toBe(true);
          if (b.kind === 'too-short' || b.kind === 'too-few') expect(b.daysLate).toBe(0);
          else if (b.daysLate === 0)
            expect(b.hoursLate !== undefined && b.kind === 'late-recording', JSON.stringify(b)).toBe(true);
          else expect(b.daysLate, JSON.stringify(b)).toBeGreaterThanOrEqual(1);
          expect(Number.isInteger(b.daysLate)).toBe(true);
        }
        for (const o of report.obligations) expect(o.status).toBe(o.dueOn < asOf ? 'overdue' : 'upcoming');
        // Recordings in the documented order (the sort works from keys kept as records are made).
        const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
        const inOrder = [...report.recordings].sort(
          (a, b) =>
            cmp(a.deadline.slice(0, 10), b.deadline.slice(0, 10)) ||
            cmp(a.deadline, b.deadline) ||
            cmp(a.eventId, b.eventId) ||
            cmp(a.caseId ?? '', b.caseId ?? '') ||
            cmp(a.ruleId, b.ruleId),
        );
        expect(report.recordings).toEqual(inOrder);
        // The record totals are counted as records are judged: they agree with the list of recordings.
        expect(report.totals.records).toBe(report.recordings.filter((r) => r.status !== 'pending').length);
        expect(report.totals.recordsOnTime).toBe(
          report.recordings.filter((r) => r.status === 'on-time').length,
        );
        // The per-subject counts add up to the totals, one entry per subject, in subject order.
        const sum = { deadlines: 0, deadlinesMet: 0, records: 0, recordsOnTime: 0 };
        for (const t of report.totalsBySubject)
          for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += t[k];
        expect(sum).toEqual(report.totals);
        const keys = report.totalsBySubject.map((t) => `${t.subject.type}\u0000${t.subject.id}`);
        expect(keys).toEqual([...new Set(keys)].sort());
        for (const s of dateLike(withoutWarnings(report))) expect(isRealDate(s), s).toBe(true);
      }),
      RUNS,
    );
  }, 30_000);

  it('reports nothing for a leaver after leaving, or for a case after closing', () => {
    fc.assert(
      fc.property(policyArb, historyArb, asOfArb, (policy, history: GeneratedHistory, asOf) => {
        const report = evaluate(policy, history, { asOf });
        const ended = new Map(
          history.staff.flatMap((s) => {
            const end = (s as { endDate?: string | null }).endDate;
            return typeof end === 'string' ? [[s.id, end] as const] : [];
          }),
        );
        const closed = new Map(
          history.cases.flatMap((c) =>
            typeof c.closedDate === 'string' ? [[c.id, c.closedDate] as const] : [],
          ),
        );
        for (const o of report.obligations) {
          if (o.subject.type === 'staff') {
            const end = ended.get(o.subject.id);
            if (end !== undefined) expect(end >= asOf, JSON.stringify(o)).toBe(true);
          }
          if (o.subject.type === 'case') {
            const end = closed.get(o.subject.id);
            if (end !== undefined) expect(end >= asOf, JSON.stringify(o)).toBe(true);
          }
        }
        const interval = new Set(intervalRules(policy).map((r) => r.key));
        for (const b of report.breaches) {
          if (b.subject.type !== 'staff' || !interval.has(`${b.ruleId} ${b.activity}`)) continue;
          const end = ended.get(b.subject.id);
          if (end !== undefined) expect(b.dueOn <= end, JSON.stringify(b)).toBe(true);
        }
      }),
      RUNS,
    );
  }, 30_000);
});
