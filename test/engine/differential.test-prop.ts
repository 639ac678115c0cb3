/**
 * A differential check: the engine's interval and recording rules against a second implementation
 * written here from the report's definitions alone, deliberately plain (day-by-day loops, dates as
 * UTC day counts, London dates from Intl, bank holidays from the hand-typed gov.uk list in
 * fixtures/, not from date-holidays). On generated histories of one worker the two must agree on
 * every breach, obligation and recording of both rules.
 *
 * The definitions checked:
 * - Interval: the worker owes a session from the days they are employed and not absent (each run of
 *   such days is a window); the clock starts when a window opens, or when records or the policy begin
 *   if later; each held session in the window restarts it; one `late` breach per session held after
 *   its due date, one `missed` breach for a due date unmet at `asOf` (or when the window closed, then
 *   counted to the day after it); while the window is open on `asOf`, the next due date is an
 *   obligation, `lastMetOn` being the last held session on or before `asOf` since the worker started.
 * - Recording: a record of each held session (or each child it discussed) by the end of the Nth
 *   working day after it (weekends and bank holidays skipped), the same day, or N clock hours after
 *   its start (with no start time: the end of the ceil(N / 24)th calendar day, a date). `daysLate` is
 *   London calendar days from `dueOn` to `metOn` (or to `asOf` when unrecorded); `hoursLate` is the
 *   hours late against a clock deadline, two decimals, at least 0.01. A child's record is its own
 *   `caseRecords` entry when the event lists any, else the event's `recordedAt`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, loadPolicy, type Report } from '../../src/index.js';
import { intervalRule } from '../helpers.js';

const RUNS = { numRuns: Number(process.env.PROP_RUNS ?? 300) };

// ---- the reference's own calendar ----------------------------------------------------------------

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const dayOf = (iso: string): number => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

const BANK_HOLIDAYS = new Set(
  (
    JSON.parse(
      readFileSync(
        join(import.meta.dirname, '..', '..', 'fixtures', 'bank-holidays-england-2018-2027.json'),
        'utf8',
      ),
    ) as { events: { date: string }[] }
  ).events.map((e) => e.date),
);
const isWorkingDay = (day: number): boolean => {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !BANK_HOLIDAYS.has(isoOf(day));
};
/** The Nth working day after `day`, counted one day at a time. */
function addWorkingDays(day: number, n: number): number {
  let d = day;
  for (let left = n; left > 0; ) {
    d++;
    if (isWorkingDay(d)) left--;
  }
  return d;
}
/** Calendar months, the day clamped to the month's last. */
function addMonths(day: number, n: number): number {
  const date = new Date(day * DAY_MS);
  const month = date.getUTCMonth() + n;
  const last = new Date(Date.UTC(date.getUTCFullYear(), month + 1, 0)).getUTCDate();
  return Date.UTC(date.getUTCFullYear(), month, Math.min(date.getUTCDate(), last)) / DAY_MS;
}
type Interval = { days: number } | { weeks: number } | { months: number } | { workingDays: number };
function advance(day: number, interval: Interval): number {
  if ('days' in interval) return day + interval.days;
  if ('weeks' in interval) return day + 7 * interval.weeks;
  if ('months' in interval) return addMonths(day, interval.months);
  return addWorkingDays(day, interval.workingDays);
}

const LONDON = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** The London day of a record time: a date as it is, an instant read on a London calendar. */
const londonDay = (dateOrInstant: string): number =>
  dateOrInstant.length === 10 ? dayOf(dateOrInstant) : dayOf(LONDON.format(new Date(dateOrInstant)));

// ---- generated histories ---------------------------------------------------------------------------

interface Session {
  id: string;
  type: 'one-to-one' | 'case-discussion';
  date: string;
  status?: 'cancelled';
  superviseeId: 'S1';
  start?: string;
  recordedAt?: string | null;
  caseIds?: string[];
  caseRecords?: { caseId: string; recordedAt?: string | null }[];
}
interface Scenario {
  start: number;
  end: number | null;
  absences: { from: number; to: number | null }[];
  recordsFrom: number | null;
  effectiveFrom: number;
  asOf: number;
  interval: Interval;
  records: 'session' | 'case';
  deadline: { workingDays: number } | { hours: number } | { sameDay: true };
  events: Session[];
}

const FIRST = dayOf('2019-01-01');
const LAST_START = dayOf('2025-06-30');
const LAST_AS_OF = dayOf('2026-12-31');

const pad = (n: number) => String(n).padStart(2, '0');
/** An instant on a day: UTC, or an hour ahead (BST-like), at a whole or odd minute and second. */
const instantArb = (day: number) =>
  fc
    .record({
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.constantFrom(0, 1, 30, 59),
      second: fc.constantFrom(0, 1, 59),
      bst: fc.boolean(),
    })
    .map(
      ({ hour, minute, second, bst }) =>
        `${isoOf(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${bst ? '+01:00' : 'Z'}`,
    );
/** A record time around the session: a date, an instant, nothing said, or null. */
const recordArb = (day: number) =>
  fc.oneof(
    fc.integer({ min: -1, max: 12 }).map((d) => isoOf(day + d)),
    fc.integer({ min: -1, max: 12 }).chain((d) => instantArb(day + d)),
    fc.constant(undefined),
    fc.constant(null),
  );

const CASES = ['C1', 'C2', 'C3'];
const sessionArb = (day: number, i: number): fc.Arbitrary<Session> =>
  fc
    .record({
      type: fc.constantFrom('one-to-one', 'one-to-one', 'one-to-one', 'case-discussion' as const),
      cancelled: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      start: fc.option(instantArb(day), { nil: undefined }),
      recordedAt: recordArb(day),
      caseIds: fc.option(fc.array(fc.constantFrom(...CASES), { maxLength: 4 }), { nil: undefined }),
      caseRecords: fc.option(
        fc.array(
          fc
            .tuple(fc.constantFrom(...CASES, 'C9'), recordArb(day))
            .map(([caseId, recordedAt]) => (recordedAt === undefined ? { caseId } : { caseId, recordedAt })),
          { maxLength: 4 },
        ),
        { nil: undefined },
      ),
    })
    .map((s) => {
      const e: Session = {
        id: `E${i}`,
        type: s.type === 'case-discussion' ? 'case-discussion' : 'one-to-one',
        date: isoOf(day),
        superviseeId: 'S1',
      };
      if (s.cancelled) e.status = 'cancelled';
      if (s.start !== undefined) e.start = s.start;
      if (s.recordedAt !== undefined) e.recordedAt = s.recordedAt;
      if (s.caseIds !== undefined) e.caseIds = s.caseIds;
      if (s.caseRecords !== undefined) e.caseRecords = s.caseRecords;
      return e;
    });

const intervalArb: fc.Arbitrary<Interval> = fc.oneof(
  fc.integer({ min: 1, max: 60 }).map((days) => ({ days })),
  fc.integer({ min: 1, max: 8 }).map((weeks) => ({ weeks })),
  fc.integer({ min: 1, max: 3 }).map((months) => ({ months })),
  fc.integer({ min: 1, max: 30 }).map((workingDays) => ({ workingDays })),
);

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    start: fc.integer({ min: FIRST, max: LAST_START }),
    length: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
    absences: fc.array(
      fc.record({
        after: fc.integer({ min: 0, max: 600 }),
        length: fc.option(fc.integer({ min: 0, max: 120 })),
      }),
      { maxLength: 2 },
    ),
    recordsAfter: fc.option(fc.integer({ min: -60, max: 400 }), { nil: null }),
    effectiveAfter: fc.integer({ min: -400, max: 300 }),
    asOfAfter: fc.integer({ min: 0, max: 800 }),
    interval: intervalArb,
    records: fc.constantFrom('session' as const, 'case' as const),
    deadline: fc.oneof(
      fc.integer({ min: 1, max: 5 }).map((workingDays) => ({ workingDays })),
      fc.constantFrom(24, 48, 72, 100).map((hours) => ({ hours })),
      fc.constant({ sameDay: true as const }),
    ),
    eventDays: fc.array(fc.integer({ min: -40, max: 900 }), { maxLength: 25 }),
  })
  .chain((g) => {
    const asOf = Math.min(g.start + g.asOfAfter, LAST_AS_OF);
    return fc.tuple(...g.eventDays.map((d, i) => sessionArb(Math.min(g.start + d, LAST_AS_OF), i))).map(
      (events): Scenario => ({
        start: g.start,
        end: g.length === null ? null : g.start + g.length,
        absences: g.absences.map((a) => ({
          from: g.start + a.after,
          to: a.length === null ? null : g.start + a.after + a.length,
        })),
        recordsFrom: g.recordsAfter === null ? null : g.start + g.recordsAfter,
        effectiveFrom: g.start + g.effectiveAfter,
        asOf,
        interval: g.interval,
        records: g.records,
        deadline: g.deadline,
        events,
      }),
    );
  });

const CITE = { source: 'test', section: '1', quote: 'q' };
function policyOf(s: Scenario) {
  return loadPolicy({
    id: 'differential',
    name: 'Differential check',
    council: 'Test council',
    source: 'test',
    version: '1',
    effectiveFrom: isoOf(s.effectiveFrom),
    rules: [
      intervalRule('TST-1', s.interval, { name: 'supervision', citation: CITE }),
      {
        id: 'TST-2',
        name: 'record',
        activity: 'recording',
        strength: 'must',
        citation: CITE,
        kind: 'recording',
        records: s.records,
        counts: ['one-to-one'],
        deadline: s.deadline,
      },
    ],
  });
}
function historyOf(s: Scenario) {
  return {
    ...(s.recordsFrom === null ? {} : { recordsFrom: isoOf(s.recordsFrom) }),
    staff: [
      {
        id: 'S1',
        role: 'social-worker',
        startDate: isoOf(s.start),
        ...(s.end === null ? {} : { endDate: isoOf(s.end) }),
        absences: s.absences.map((a) => ({ from: isoOf(a.from), to: a.to === null ? null : isoOf(a.to) })),
      },
    ],
    events: s.events,
  };
}

// ---- the reference ---------------------------------------------------------------------------------

type Finding = Record<string, unknown>;

function referenceInterval(s: Scenario): { breaches: Finding[]; obligations: Finding[] } {
  const judgedFrom = Math.max(s.recordsFrom ?? -Infinity, s.effectiveFrom);
  const owes = (d: number) =>
    d >= s.start &&
    (s.end === null || d <= s.end) &&
    !s.absences.some((a) => d >= a.from && (a.to === null || d <= a.to));
  const heldOn = new Set(
    s.events.filter((e) => e.type === 'one-to-one' && e.status !== 'cancelled').map((e) => dayOf(e.date)),
  );
  const breaches: Finding[] = [];
  const obligations: Finding[] = [];
  let lastMet: string | null = null;
  for (let d = s.start; d <= s.asOf; d++) if (heldOn.has(d)) lastMet = isoOf(d);
  // Each window: a run of days owed; it is open when it runs through asOf.
  for (let d = s.start; d <= s.asOf; d++) {
    if (!owes(d) || owes(d - 1)) continue;
    let windowEnd = d;
    while (owes(windowEnd + 1) && windowEnd <= s.asOf) windowEnd++;
    const open = windowEnd >= s.asOf;
    const first = Math.max(d, judgedFrom);
    if (first > windowEnd || first > s.asOf) continue;
    let due = advance(first, s.interval);
    for (let day = first; day <= Math.min(windowEnd, s.asOf); day++) {
      if (!heldOn.has(day)) continue;
      if (day > due)
        breaches.push({ kind: 'late', dueOn: isoOf(due), metOn: isoOf(day), daysLate: day - due });
      due = advance(day, s.interval);
    }
    const until = open ? s.asOf : windowEnd + 1;
    if (due < until) breaches.push({ kind: 'missed', dueOn: isoOf(due), metOn: null, daysLate: until - due });
    if (open)
      obligations.push({
        dueOn: isoOf(due),
        status: due < s.asOf ? 'overdue' : 'upcoming',
        lastMetOn: lastMet,
      });
  }
  return { breaches, obligations };
}

function referenceRecording(s: Scenario): { breaches: Finding[]; recordings: Finding[] } {
  const judgedFrom = Math.max(s.recordsFrom ?? -Infinity, s.effectiveFrom);
  const breaches: Finding[] = [];
  const recordings: Finding[] = [];
  for (const e of s.events) {
    const day = dayOf(e.date);
    if (e.type !== 'one-to-one' || e.status === 'cancelled' || day > s.asOf) continue;
    const dl = s.deadline;
    let dueDay: number;
    let dueMs: number | null = null;
    if ('workingDays' in dl) dueDay = addWorkingDays(day, dl.workingDays);
    else if ('sameDay' in dl) dueDay = day;
    else if (e.start === undefined) dueDay = day + Math.ceil(dl.hours / 24);
    else {
      dueMs = Date.parse(e.start) + dl.hours * HOUR_MS;
      dueDay = dayOf(LONDON.format(new Date(dueMs)));
    }
    if (dueDay < judgedFrom) continue;
    const judge = (raw: string | null | undefined, caseId?: string) => {
      let recordedAt = raw ?? null;
      if (recordedAt !== null && londonDay(recordedAt) > s.asOf) recordedAt = null;
      const byCase = caseId === undefined ? {} : { caseId };
      let status: string;
      if (recordedAt !== null) {
        const recDay = londonDay(recordedAt);
        const byClock = dueMs !== null && recordedAt.length > 10;
        const lateMs = byClock ? Date.parse(recordedAt) - dueMs! : 0;
        const late = byClock ? lateMs > 0 : recDay > dueDay;
        status = late ? 'late' : 'on-time';
        if (late)
          breaches.push({
            kind: 'late-recording',
            eventId: e.id,
            ...byCase,
            dueOn: isoOf(dueDay),
            metOn: isoOf(recDay),
            daysLate: recDay - dueDay,
            hoursLate: byClock ? Math.max(0.01, Math.round((lateMs / HOUR_MS) * 100) / 100) : undefined,
          });
      } else if (dueDay < s.asOf) {
        status = 'overdue';
        breaches.push({
          kind: 'unrecorded',
          eventId: e.id,
          ...byCase,
          dueOn: isoOf(dueDay),
          metOn: null,
          daysLate: s.asOf - dueDay,
          hoursLate: undefined,
        });
      } else status = 'pending';
      recordings.push({
        eventId: e.id,
        ...byCase,
        deadline: dueMs === null ? isoOf(dueDay) : dueMs,
        recordedAt,
        status,
      });
    };
    if (s.records === 'session') judge(e.recordedAt);
    else
      for (const caseId of new Set(e.caseIds ?? [])) {
        const own = e.caseRecords?.find((r) => r.caseId === caseId);
        judge(e.caseRecords === undefined ? e.recordedAt : own?.recordedAt, caseId);
      }
  }
  return { breaches, recordings };
}

// ---- the engine's answers, in the reference's terms -------------------------------------------------

const sorted = (list: Finding[]) => list.map((x) => JSON.stringify(x)).sort();

function engineInterval(r: Report) {
  return {
    breaches: r.breaches
      .filter((b) => b.ruleId === 'TST-1')
      .map((b) => ({ kind: b.kind, dueOn: b.dueOn, metOn: b.metOn, daysLate: b.daysLate })),
    obligations: r.obligations
      .filter((o) => o.ruleId === 'TST-1')
      .map((o) => ({ dueOn: o.dueOn, status: o.status, lastMetOn: o.lastMetOn })),
  };
}
function engineRecording(r: Report) {
  return {
    breaches: r.breaches
      .filter((b) => b.ruleId === 'TST-2')
      .map((b) => ({
        kind: b.kind,
        eventId: b.eventId,
        ...(b.subject.type === 'case' ? { caseId: b.subject.id } : {}),
        dueOn: b.dueOn,
        metOn: b.metOn,
        daysLate: b.daysLate,
        hoursLate: b.hoursLate,
      })),
    recordings: r.recordings
      .filter((x) => x.ruleId === 'TST-2')
      .map((x) => ({
        eventId: x.eventId,
        ...(x.caseId === undefined ? {} : { caseId: x.caseId }),
        // A date stays a date; an instant becomes the moment it names, as the reference holds it.
        deadline: x.deadline.length === 10 ? x.deadline : Date.parse(x.deadline),
        recordedAt: x.recordedAt,
        status: x.status,
      })),
  };
}

describe('differential: the engine against a plain reference of the report definitions', () => {
  it('interval rule: the same breaches and obligations on every generated history', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const report = evaluate(policyOf(s), historyOf(s), { asOf: isoOf(s.asOf) });
        const engine = engineInterval(report);
        const reference = referenceInterval(s);
        expect(sorted(engine.breaches)).toEqual(sorted(reference.breaches));
        expect(sorted(engine.obligations)).toEqual(sorted(reference.obligations));
      }),
      RUNS,
    );
  });

  it('recording rule: the same recordings and breaches (daysLate in London days) on every generated history', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const report = evaluate(policyOf(s), historyOf(s), { asOf: isoOf(s.asOf) });
        const engine = engineRecording(report);
        const reference = referenceRecording(s);
        expect(sorted(engine.recordings)).toEqual(sorted(reference.recordings));
        expect(sorted(engine.breaches)).toEqual(sorted(reference.breaches));
      }),
      RUNS,
    );
  });
});
