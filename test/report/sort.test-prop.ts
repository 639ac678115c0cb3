import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../src/calendar/index.js';
import { recordingKey, sortByDue, sortByKey, sortRecordings } from '../../src/report/sort.js';
import type { Breach, Recording } from '../../src/report/types.js';

// The orders CONTRACT.md gives, written as plain comparators: the sorts must agree with them.
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byDue = (a: Breach, b: Breach) =>
  cmp(a.dueOn, b.dueOn) ||
  cmp(a.subject.type, b.subject.type) ||
  cmp(a.subject.id, b.subject.id) ||
  cmp(a.ruleId, b.ruleId) ||
  cmp(a.activity, b.activity) ||
  cmp(a.eventId ?? '', b.eventId ?? '') ||
  cmp(a.explanation, b.explanation);
const byDeadline = (a: Recording, b: Recording) =>
  cmp(a.deadline.slice(0, 10), b.deadline.slice(0, 10)) ||
  cmp(a.deadline, b.deadline) ||
  cmp(a.eventId, b.eventId) ||
  cmp(a.caseId ?? '', b.caseId ?? '') ||
  cmp(a.ruleId, b.ruleId);

// Few distinct values, so that most comparisons reach the later keys.
const day = fc.integer({ min: -3, max: 3 }).map((n) => fromDayNumber(20_000 + n));
const small = (prefix: string) => fc.integer({ min: 0, max: 12 }).map((n) => `${prefix}${n}`);
const breach = fc.record({
  dueOn: day,
  subject: fc.record({ type: fc.constantFrom('staff', 'case', 'team'), id: small('S') }),
  ruleId: small('R-'),
  activity: fc.constantFrom('supervision', 'recording'),
  eventId: fc.option(small('E'), { nil: undefined }),
  explanation: small('x'),
}) as fc.Arbitrary<Breach>;
const recording = fc.record({
  deadline: fc.oneof(
    day,
    day.map((d) => `${d}T23:59:59+01:00`),
    day.map((d) => `${d}T09:00:00Z`),
  ),
  eventId: small('E'),
  caseId: fc.option(small('C'), { nil: undefined }),
  ruleId: small('R-'),
}) as fc.Arbitrary<Recording>;

describe('report order', () => {
  it('breaches and obligations: by due date, subject type and id, rule, activity, event, explanation', () => {
    fc.assert(
      fc.property(fc.array(breach, { maxLength: 60 }), (items) => {
        expect(sortByDue([...items])).toEqual([...items].sort(byDue));
      }),
    );
  });

  it('breaches whose subjects are partly one object per subject, partly copies: the same order', () => {
    fc.assert(
      fc.property(fc.array(breach, { maxLength: 60 }), (generated) => {
        // Every other breach holds its subject's one object, as the engine's findings mostly do.
        const one = new Map<string, Breach['subject']>();
        const items = generated.map((b, i) => {
          const key = `${b.subject.type}/${b.subject.id}`;
          if (!one.has(key)) one.set(key, { ...b.subject });
          return i % 2 === 0 ? { ...b, subject: one.get(key)! } : b;
        });
        expect(sortByDue([...items])).toEqual([...items].sort(byDue));
      }),
    );
  });

  it('recordings: by the deadline’s date, the deadline, event, case and rule', () => {
    fc.assert(
      fc.property(fc.array(recording, { maxLength: 60 }), (items) => {
        expect(sortRecordings([...items])).toEqual([...items].sort(byDeadline));
      }),
    );
  });

  it('recordings with their keys (deadline day, event rank): the same order (date-only deadlines)', () => {
    const dateOnly = fc.record({
      deadline: day,
      eventId: small('E'),
      caseId: fc.option(small('C'), { nil: undefined }),
      ruleId: small('R-'),
    }) as fc.Arbitrary<Recording>;
    fc.assert(
      fc.property(fc.array(dateOnly, { maxLength: 60 }), (items) => {
        // Ranks as the index gives them: dense, in event-id order.
        const ids = [...new Set(items.map((r) => r.eventId))].sort(cmp);
        const ranks = items.map((r) => ids.indexOf(r.eventId));
        const keys = items.map((r, i) =>
          recordingKey(r.deadline, toDayNumber(r.deadline), ranks[i]!, ids.length),
        );
        const sorted = sortRecordings([...items], keys);
        expect(sorted).toEqual([...items].sort(byDeadline));
      }),
    );
  });

  it('recordings with keys but a clock deadline among them: sorted by the deadline’s text as before', () => {
    fc.assert(
      fc.property(fc.array(recording, { maxLength: 60 }), (items) => {
        // A clock deadline has no key (NaN); the others' are deliberately wrong: none may be used.
        const keys = items.map((r) => recordingKey(r.deadline, 0, 0, 1));
        const hasClock = items.some((r) => r.deadline.length > 10);
        fc.pre(hasClock);
        expect(sortRecordings([...items], keys)).toEqual([...items].sort(byDeadline));
      }),
    );
  });

  it('sortByKey: packed (integer keys) and compared (fractional or far-apart keys) give the comparator’s order', () => {
    const item = fc.record({ k: fc.integer({ min: -5, max: 5 }), s: small('x'), i: fc.nat() });
    const scales = [1, 0.5, 2 ** 52];
    fc.assert(
      fc.property(fc.array(item, { maxLength: 80 }), fc.constantFrom(...scales), (items, scale) => {
        const key = (x: { k: number }) => x.k * scale;
        const tie = (a: { s: string }, b: { s: string }) => cmp(a.s, b.s);
        const expected = [...items].sort((a, b) => key(a) - key(b) || tie(a, b));
        expect(sortByKey([...items], key, tie)).toEqual(expected);
      }),
    );
  });
});
