/**
 * fast-check generators of arbitrary VALID supervision histories (CONTRACT.md), shared by the
 * property tests. Every date is a real day, every `to` is on or after its `from`, every individual
 * event is on or after its supervisee's start date, and ids are unique.
 */
import fc from 'fast-check';
import {
  ABSENCE_REASONS,
  CASE_FLAGS,
  EPISODE_TYPES,
  EVENT_TYPES,
  ROLES,
  SERVICES,
} from '../src/history/vocabulary.js';

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2023, 0, 1);
/** Day offset from 2023-01-01 → `YYYY-MM-DD`. */
export const isoOf = (offset: number): string => new Date(EPOCH + offset * DAY_MS).toISOString().slice(0, 10);
/** `YYYY-MM-DD` → day offset from 2023-01-01. */
export const offsetOf = (date: string): number =>
  Math.round((Date.parse(`${date}T00:00:00Z`) - EPOCH) / DAY_MS);

/** 2023-01-01 … 2025-12-31 */
const LAST_START = offsetOf('2025-12-31');
/** Events run to 2026-06-30, so an `asOf` of any date in range can see some of them. */
const LAST_EVENT = offsetOf('2026-06-30');

type Json = Record<string, unknown>;

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
/** Drops keys whose value is `undefined`, so histories look like parsed JSON. */
const clean = <T extends Json>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** A date range `{ from, to }` starting no earlier than `min`; `to` is null, left out or ≥ from. */
const rangeFrom = (min: number, max = LAST_EVENT) =>
  fc
    .record({
      from: fc.integer({ min, max: Math.max(min, max) }),
      length: fc.option(fc.integer({ min: 0, max: 240 }), { nil: null }),
      omitTo: fc.boolean(),
    })
    .map(({ from, length, omitTo }) =>
      clean({ from: isoOf(from), to: length === null ? (omitTo ? undefined : null) : isoOf(from + length) }),
    );

const intervalArb = fc.oneof(
  fc.record({ weeks: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ days: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ months: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ workingDays: fc.integer({ min: 5, max: 30 }) }),
);

const arrangementArb = (start: number) =>
  fc.oneof(
    fc
      .tuple(rangeFrom(start), intervalArb)
      .map(([r, interval]) => ({ type: 'agreed-interval', ...r, interval })),
    fc
      .tuple(rangeFrom(start), intervalArb)
      .map(([r, interval]) => ({ type: 'performance-plan', ...r, interval })),
    rangeFrom(start).map((r) => ({ type: 'extended-interval-authorised', ...r })),
  );

/** One staff member with the given id; the supervisor ids are drawn from `others`. */
const staffArb = (id: string, others: readonly string[]) =>
  fc.integer({ min: 0, max: LAST_START }).chain((start) =>
    fc
      .record({
        role: fc.constantFrom(...ROLES),
        endAfter: maybe(fc.option(fc.integer({ min: 0, max: 500 }), { nil: null })),
        roleStartAfter: maybe(fc.integer({ min: 0, max: 200 })),
        asye: maybe(
          fc.record({
            after: fc.integer({ min: 0, max: 60 }),
            length: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
          }),
        ),
        qualifiedBefore: maybe(fc.integer({ min: 0, max: 800 })),
        confirmedAfter: maybe(fc.integer({ min: 30, max: 200 })),
        service: maybe(fc.constantFrom(...SERVICES)),
        teamId: maybe(fc.constantFrom('T1', 'T2')),
        fullTime: maybe(fc.boolean()),
        supervisors: maybe(
          fc.array(
            fc.tuple(fc.constantFrom(...others, 'M9'), rangeFrom(start)).map(([supervisorId, r]) => ({
              supervisorId,
              ...r,
            })),
            { maxLength: 2 },
          ),
        ),
        absences: maybe(
          fc.array(
            fc
              .tuple(rangeFrom(start), maybe(fc.constantFrom(...ABSENCE_REASONS)))
              .map(([r, reason]) => clean({ ...r, reason })),
            { maxLength: 2 },
          ),
        ),
        arrangements: maybe(fc.array(arrangementArb(start), { maxLength: 2 })),
        directReports: maybe(fc.integer({ min: 0, max: 12 })),
      })
      .map((s) =>
        clean({
          id,
          role: s.role,
          startDate: isoOf(start),
          roleStartDate: s.roleStartAfter === undefined ? undefined : isoOf(start + s.roleStartAfter),
          endDate:
            s.endAfter === undefined ? undefined : s.endAfter === null ? null : isoOf(start + s.endAfter),
          qualifiedDate: s.qualifiedBefore === undefined ? undefined : isoOf(start - s.qualifiedBefore),
          asye: s.asye
            ? {
                start: isoOf(start + s.asye.after),
                end: s.asye.length === null ? null : isoOf(start + s.asye.after + s.asye.length),
              }
            : undefined,
          confirmedInPost: s.confirmedAfter === undefined ? undefined : isoOf(start + s.confirmedAfter),
          service: s.service,
          teamId: s.teamId,
          fullTime: s.fullTime,
          supervisors: s.supervisors,
          absences: s.absences,
          arrangements: s.arrangements,
          directReports: s.directReports,
        }),
      ),
  );

const caseArb = (id: string, staffIds: readonly string[]) =>
  fc.integer({ min: 0, max: LAST_START }).chain((open) =>
    fc
      .record({
        allocations: fc.array(
          fc
            .tuple(fc.constantFrom(...staffIds), rangeFrom(open))
            .map(([workerId, r]) => ({ workerId, ...r })),
          { maxLength: 2 },
        ),
        episodes: fc.array(
          fc.tuple(fc.constantFrom(...EPISODE_TYPES), rangeFrom(open)).map(([type, r]) => ({ type, ...r })),
          { maxLength: 2 },
        ),
        flags: maybe(
          fc.array(
            fc.tuple(fc.constantFrom(...CASE_FLAGS), rangeFrom(open)).map(([flag, r]) => ({ flag, ...r })),
            { maxLength: 2 },
          ),
        ),
        reviews: maybe(fc.array(fc.integer({ min: open, max: LAST_EVENT }).map(isoOf), { maxLength: 3 })),
        closedAfter: maybe(fc.integer({ min: 0, max: 500 })),
      })
      .map((c) => {
        const froms = [...c.allocations, ...c.episodes].map((r) => offsetOf(r.from));
        const first = froms.length > 0 ? Math.max(...froms) : open;
        return clean({
          id,
          allocations: c.allocations,
          episodes: c.episodes,
          flags: c.flags,
          reviews: c.reviews,
          closedDate: c.closedAfter === undefined ? undefined : isoOf(first + c.closedAfter),
        });
      }),
  );

type StaffJson = { id: string; startDate: string; teamId?: string };

/** A record time on or after the session date: a date, an instant, or null. */
const recordTime = (date: number) =>
  fc.oneof(
    fc.integer({ min: 0, max: 10 }).map((d) => isoOf(date + d)),
    fc
      .record({ d: fc.integer({ min: 0, max: 10 }), h: fc.integer({ min: 0, max: 22 }) })
      .map(({ d, h }) => `${isoOf(date + d)}T${String(h).padStart(2, '0')}:15:00Z`),
    fc.constant(null),
  );

const eventArb = (id: string, staff: readonly StaffJson[], caseIds: readonly string[]) =>
  fc
    .record({
      type: fc.constantFrom(...EVENT_TYPES),
      who: fc.integer({ min: 0, max: staff.length - 1 }),
      after: fc.integer({ min: 0, max: 700 }),
      others: fc.subarray(staff.map((s) => s.id)),
      useTeam: fc.boolean(),
      cancelled: maybe(fc.boolean()),
      startHour: maybe(fc.integer({ min: 0, max: 22 })),
      durationMinutes: maybe(fc.integer({ min: 0, max: 180 })),
      caseIds: maybe(fc.subarray([...caseIds])),
      supervisor: maybe(fc.constantFrom(...staff.map((s) => s.id))),
      safeguarding: maybe(fc.boolean()),
    })
    .chain((e) => {
      const person = staff[e.who]!;
      const date = Math.min(offsetOf(person.startDate) + e.after, LAST_EVENT);
      return fc
        .record({
          recordedAt: maybe(recordTime(date)),
          caseRecords: maybe(
            fc.array(
              fc
                .tuple(fc.constantFrom(...(e.caseIds?.length ? e.caseIds : ['C?'])), maybe(recordTime(date)))
                .map(([caseId, recordedAt]) => clean({ caseId, recordedAt })),
              { maxLength: 2 },
            ),
          ),
        })
        .map((r) => {
          const base: Json = {
            id,
            type: e.type,
            date: isoOf(date),
            start:
              e.startHour === undefined
                ? undefined
                : `${isoOf(date)}T${String(e.startHour).padStart(2, '0')}:00:00Z`,
            durationMinutes: e.durationMinutes,
            status: e.cancelled === undefined ? undefined : e.cancelled ? 'cancelled' : 'held',
            supervisorId: e.supervisor,
            caseIds: e.caseIds,
            recordedAt: r.recordedAt,
            caseRecords: e.caseIds?.length ? r.caseRecords : undefined,
            safeguarding: e.safeguarding,
          };
          if (e.type === 'group') {
            if (e.useTeam && person.teamId) base.teamId = person.teamId;
            else base.participantIds = [person.id, ...e.others.filter((o) => o !== person.id)];
          } else base.superviseeId = person.id;
          return clean(base);
        });
    });

export interface GeneratedHistory {
  recordsFrom?: string;
  staff: StaffJson[];
  cases: { id: string; closedDate?: string | null }[];
  events: Json[];
}

/** An arbitrary valid history: 1–4 staff, 0–3 cases, 0–14 events. */
export const historyArb: fc.Arbitrary<GeneratedHistory> = fc
  .integer({ min: 1, max: 4 })
  .chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => `S${i + 1}`);
    return fc.tuple(...ids.map((id) => staffArb(id, ids)));
  })
  .chain((staff) =>
    fc
      .integer({ min: 0, max: 3 })
      .chain((m) =>
        fc.tuple(
          ...Array.from({ length: m }, (_, i) =>
            caseArb(
              `C${i + 1}`,
              staff.map((s) => s.id),
            ),
          ),
        ),
      )
      .chain((cases) =>
        fc
          .tuple(fc.integer({ min: 0, max: 14 }), maybe(fc.integer({ min: 0, max: LAST_START }).map(isoOf)))
          .chain(([k, recordsFrom]) =>
            fc
              .tuple(
                ...Array.from({ length: k }, (_, i) =>
                  eventArb(
                    `E${i + 1}`,
                    staff as StaffJson[],
                    cases.map((c) => c.id as string),
                  ),
                ),
              )
              .map((events) => clean({ recordsFrom, staff, cases, events }) as unknown as GeneratedHistory),
          ),
      ),
  );

/** An evaluation date in range: 2023-03-01 … 2026-06-30. */
export const asOfArb: fc.Arbitrary<string> = fc
  .integer({ min: offsetOf('2023-03-01'), max: LAST_EVENT })
  .map(isoOf);

/**
 * The same value with every date moved by `cycles` × 400 years: the Gregorian calendar repeats every
 * 400 years (weekdays and leap days alike), so a valid history stays valid, in another era.
 */
export function shiftEra<T>(value: T, cycles: number): T {
  const shift = (s: string) =>
    /^\d{4}-\d\d-\d\d/.test(s)
      ? `${String(Number(s.slice(0, 4)) + 400 * cycles).padStart(4, '0')}${s.slice(4)}`
      : s;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return shift(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/**
 * Eras at the edges of what can be evaluated (EVALUATION_LIMITS: 1100–9699): −2 cycles puts the
 * generated 2023–2026 in 1223–1226, +19 in 9623–9626, next to the last evaluable year.
 */
export const extremeEraArb: fc.Arbitrary<number> = fc.constantFrom(-2, 0, 19);
