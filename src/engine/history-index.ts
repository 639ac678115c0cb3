import { addCalendarMonthsNum, londonDayBefore, toDayNumber } from '../calendar/index.js';
import { messages } from '../errors/messages.js';
import type { Arrangement, Case, History, Staff, SupervisionEvent } from '../history/schema.js';
import { sortByKey } from '../report/sort.js';
import type { Warning } from '../report/types.js';
import { normalize, type Span, type Spans } from './spans.js';

/**
 * An event with its day number and its position in `events[]`, and the fields every rule filters on
 * (its type, whether held), so that a rule skips an event without reading the event itself.
 */
export interface EventView {
  readonly event: SupervisionEvent;
  readonly pos: number;
  readonly day: number;
  readonly held: boolean;
  readonly type: SupervisionEvent['type'];
}

/**
 * What the engine works out about one subject on first use and keeps for the next rule (and, in
 * `compare`, the next policy): state of the view, so of its index, and gone with it.
 */
export interface ViewMemo {
  /** Held events' days, by list of types joined (`qualifying`). */
  qualifying?: Map<string, readonly number[]>;
  /** The same, by the list itself (a rule's `counts` is one array, asked again and again: no key to build). */
  qualifyingByList?: Map<readonly string[], readonly number[]>;
  /**
   * A case's days in each episode type, and under each flag (`conditionSpans`): a schedule asks of
   * every case, entry after entry, whether it is in one type or another.
   */
  episodeSpans?: ReadonlyMap<string, Spans>;
  flagSpans?: ReadonlyMap<string, Spans>;
}

/** What the engine works out about the whole history on first use and keeps. */
export interface IndexMemo {
  /** How many staff have each supervisor, at any time (`supervisorReportsOver`). */
  reportCounts?: ReadonlyMap<string, number>;
  /** Each case's arrangements: those of any worker's with its `caseId` (`agreedIntervals`). */
  caseArrangements?: ReadonlyMap<string, readonly Arrangement[]>;
}

export interface Ranged {
  readonly from: number;
  readonly to: number;
}

export interface StaffView {
  readonly kind: 'staff';
  readonly id: string;
  readonly staff: Staff;
  readonly start: number;
  readonly roleStart: number;
  /** Last day employed (Infinity while employed). */
  readonly end: number;
  readonly absences: Spans;
  readonly asye: Span | null;
  /** Day of qualifying / of being confirmed in post, when the history says. */
  readonly qualifiedOn: number | null;
  readonly confirmedOn: number | null;
  readonly supervisors: readonly (Ranged & { supervisorId: string })[];
  readonly arrangements: readonly (Ranged & { arrangement: Arrangement })[];
  /** Events where this person is the supervisee or a participant, by day. */
  readonly events: EventView[];
  readonly memo: ViewMemo;
}

export interface CaseView {
  readonly kind: 'case';
  readonly id: string;
  readonly case: Case;
  /** From the first episode or allocation to the closing date (inclusive); empty if neither is known. */
  readonly open: Spans;
  readonly allocations: readonly (Ranged & { workerId: string })[];
  readonly episodes: readonly (Ranged & { type: string })[];
  readonly flags: readonly (Ranged & { flag: string })[];
  readonly reviews: readonly number[];
  readonly events: EventView[];
  readonly memo: ViewMemo;
}

export interface TeamView {
  readonly kind: 'team';
  readonly id: string;
  readonly employed: Spans;
  /** The team's staff (first entry of each id), whether or not still employed. */
  readonly members: readonly StaffView[];
  readonly events: EventView[];
  readonly memo: ViewMemo;
}

export type SubjectView = StaffView | CaseView | TeamView;

export interface HistoryIndex {
  readonly staff: readonly StaffView[];
  readonly staffById: ReadonlyMap<string, StaffView>;
  readonly cases: readonly CaseView[];
  readonly caseById: ReadonlyMap<string, CaseView>;
  readonly teams: readonly TeamView[];
  readonly teamById: ReadonlyMap<string, TeamView>;
  readonly events: readonly EventView[];
  /** Each event's rank in event-id order, by position (equal ids share a rank), and how many ids. */
  readonly eventRank: Int32Array;
  readonly distinctEventIds: number;
  readonly warnings: Warning[];
  readonly recordsFrom: number;
  readonly memo: IndexMemo;
}

const day = (date: string): number => toDayNumber(date);
const end = (date: string | null | undefined): number => (typeof date === 'string' ? day(date) : Infinity);

/**
 * Indexes a validated history once: day numbers for every date, each subject's events sorted by
 * day, and the warnings for data that is valid but inconsistent. Everything after this walks
 * per-subject timelines, so the work grows linearly with the history.
 */
export function indexHistory(history: History): HistoryIndex {
  const warnings: Warning[] = [];
  const events = (history.events ?? []).map(
    (event, pos): EventView => ({
      event,
      pos,
      day: day(event.date),
      held: event.status !== 'cancelled',
      type: event.type,
    }),
  );
  const staff = history.staff.map(staffView);
  const staffById = firstOfEachId(staff, 'staff', 'staff', warnings);
  const cases = (history.cases ?? []).map(caseView);
  const caseById = firstOfEachId(cases, 'cases', 'case', warnings);

  const teamMembers = new Map<string, StaffView[]>();
  for (const s of staffById.values()) {
    if (!s.staff.teamId) continue;
    const members = teamMembers.get(s.staff.teamId) ?? [];
    members.push(s);
    teamMembers.set(s.staff.teamId, members);
  }
  // Teams and their employed days come from the first entry of each staff id, as everything else does.
  const teams = new Map<string, TeamView>(
    [...teamMembers.keys()].sort().map((id) => {
      const members = teamMembers.get(id)!;
      const employed = normalize(members.map((s): Span => [s.start, s.end]));
      return [id, { kind: 'team', id, employed, members, events: [], memo: {} }];
    }),
  );

  // One pass over the events, allocating only what the index keeps (and the warnings).
  const ids = rankIds(events);
  const within: EventPlaces = { staffById, caseById, teams, firstPos: ids.first, warnings };
  for (let i = 0; i < events.length; i++) placeEvent(events[i]!, within);
  for (const s of staff) sortByDay(s.events);
  for (const c of cases) sortByDay(c.events);
  for (const t of teams.values()) sortByDay(t.events);

  return {
    staff: [...staffById.values()],
    staffById,
    cases: [...caseById.values()],
    caseById,
    teams: [...teams.values()],
    teamById: teams,
    events,
    eventRank: ids.rank,
    distinctEventIds: ids.distinct,
    warnings,
    recordsFrom: history.recordsFrom === undefined ? -Infinity : day(history.recordsFrom),
    memo: {},
  };
}

/** What {@link placeEvent} files an event in, and where it warns. */
interface EventPlaces {
  readonly staffById: ReadonlyMap<string, StaffView>;
  readonly caseById: ReadonlyMap<string, CaseView>;
  readonly teams: ReadonlyMap<string, TeamView>;
  /** The position of the first event of each event's id, by position. */
  readonly firstPos: Int32Array;
  readonly warnings: Warning[];
}

/**
 * Files one event under its subjects (supervisee, attendees, team, cases) and warns about what is
 * inconsistent in it. One small function, not the body of indexHistory's loop, so that the engine
 * optimises it once, early, and keeps it.
 */
function placeEvent(ev: EventView, to: EventPlaces): void {
  const { staffById, caseById, teams, warnings } = to;
  const e = ev.event;
  const firstPos = to.firstPos[ev.pos]!;
  if (firstPos !== ev.pos)
    warnings.push({
      path: `${at(ev)}.id`,
      message: messages.duplicateId('event', e.id, `events[${firstPos}]`),
    });

  // Each field read once (events come in many shapes, so a read of one is not cheap), the type from the view.
  const superviseeId = e.superviseeId;
  const group = ev.type === 'group';
  const supervisee = superviseeId === undefined ? undefined : staffById.get(superviseeId);
  if (supervisee !== undefined) supervisee.events.push(ev);
  else if (superviseeId !== undefined) warnUnknownStaff(to, ev, 'superviseeId', superviseeId);
  if (group) {
    for (const s of attendeesOf(ev, staffById, teams)) if (s !== supervisee) s.events.push(ev);
    const team = e.teamId === undefined ? undefined : teams.get(e.teamId);
    if (team) team.events.push(ev);
  }
  const participants = e.participantIds;
  if (participants !== undefined)
    for (let i = 0; i < participants.length; i++)
      warnUnknownStaff(to, ev, 'participantIds', participants[i]!, i);
  const supervisorId = e.supervisorId;
  if (supervisorId !== undefined) warnUnknownStaff(to, ev, 'supervisorId', supervisorId);
  // Before a supervisee (or a listed participant of a group) started, or after they left: warned,
  // and the event falls outside their employment, where no rule looks for it.
  if (supervisee !== undefined && ev.day < supervisee.start) warnBeforeStart(warnings, ev, supervisee);
  if (group && participants !== undefined) {
    let warned: Set<StaffView> | undefined; // each person once, however often listed
    for (const id of participants) {
      const s = staffById.get(id);
      if (s === undefined || s === supervisee || ev.day >= s.start || warned?.has(s)) continue;
      warned ??= new Set();
      warned.add(s);
      warnBeforeStart(warnings, ev, s);
    }
  }
  if (supervisee !== undefined && ev.day > supervisee.end)
    warnings.push({
      path: `${at(ev)}.date`,
      message: messages.eventAfterLeaving(supervisee.id, supervisee.staff.endDate ?? ''),
    });
  const caseIds = e.caseIds;
  if (caseIds !== undefined)
    for (let i = 0; i < caseIds.length; i++) {
      const caseId = caseIds[i]!;
      const c = caseById.get(caseId);
      if (!c) {
        warnings.push({ path: `${at(ev)}.caseIds[${i}]`, message: messages.unknownCase(caseId) });
        continue;
      }
      c.events.push(ev);
      if (superviseeId !== undefined && !allocatedTo(c, superviseeId, ev.day))
        warnings.push({
          path: `${at(ev)}.caseIds[${i}]`,
          message: messages.notAllocated(caseId, superviseeId, e.date),
        });
    }
  const caseRecords = e.caseRecords;
  if (caseRecords !== undefined)
    for (let i = 0; i < caseRecords.length; i++) {
      const r = caseRecords[i]!;
      if (!caseById.has(r.caseId))
        warnings.push({
          path: `${at(ev)}.caseRecords[${i}].caseId`,
          message: messages.unknownCase(r.caseId),
        });
      warnEarlyRecord(warnings, ev, r.recordedAt, i);
    }
  warnEarlyRecord(warnings, ev, e.recordedAt);
}

/** Where an event stands in the history, for its warnings. */
const at = (ev: EventView) => `events[${ev.pos}]`;

/** An id not in staff[]: warned at `field` (`field[i]` when `i` is given), the path spelt out only then. */
function warnUnknownStaff(to: EventPlaces, ev: EventView, field: string, id: string, i?: number): void {
  if (to.staffById.has(id)) return;
  const path = `${at(ev)}.${field}${i === undefined ? '' : `[${i}]`}`;
  to.warnings.push({ path, message: messages.unknownStaff(id) });
}

/**
 * A record time before the session, compared by its London date as the recording rules judge it:
 * the event's own `recordedAt`, or its case record's at `record`.
 */
function warnEarlyRecord(warnings: Warning[], ev: EventView, recordedAt: unknown, record?: number): void {
  if (typeof recordedAt === 'string' && londonDayBefore(recordedAt, ev.day))
    warnings.push({
      path: `${at(ev)}.${record === undefined ? '' : `caseRecords[${record}].`}recordedAt`,
      message: messages.recordBeforeSession(recordedAt, ev.event.date),
    });
}

function warnBeforeStart(warnings: Warning[], ev: EventView, s: StaffView): void {
  warnings.push({ path: `${at(ev)}.date`, message: messages.eventBeforeStart(s.id, s.staff.startDate) });
}

const byDay = (a: EventView, b: EventView) => a.day - b.day || a.pos - b.pos;

/**
 * Sorts a subject's events by day, then position. They were listed in position order, so a history
 * whose events are in date order (as most are) has nothing to sort, which one look finds.
 */
function sortByDay(events: EventView[]): void {
  for (let i = 1; i < events.length; i++)
    if (events[i - 1]!.day > events[i]!.day) {
      events.sort(byDay);
      return;
    }
}

/**
 * Events in id order, once, for two answers: each event's rank among the distinct ids (so that the
 * report sorts records by event without comparing strings) and, for a repeated id, the position of
 * its first event (for the duplicate warning). The ids are sorted by {@link idKeys}, natively, and
 * their strings compared only among equal keys.
 */
function rankIds(events: readonly EventView[]): { rank: Int32Array; first: Int32Array; distinct: number } {
  const n = events.length;
  const ids: string[] = new Array(n);
  const order: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    ids[i] = events[i]!.event.id;
    order[i] = i;
  }
  const keys = idKeys(ids);
  // Equal ids compare equal, so keep their position order.
  sortByKey(
    order,
    (pos) => keys[pos]!,
    (a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0),
  );
  const rank = new Int32Array(n);
  const first = new Int32Array(n);
  let distinct = 0;
  for (let j = 0; j < n; j++) {
    const pos = order[j]!;
    const prev = j === 0 ? -1 : order[j - 1]!;
    if (prev >= 0 && ids[prev] === ids[pos]) {
      rank[pos] = rank[prev]!;
      first[pos] = first[prev]!;
    } else {
      rank[pos] = distinct++;
      first[pos] = pos;
    }
  }
  return { rank, first, distinct };
}

/** The most characters of an id a key holds. */
const KEY_CHARACTERS = 12;

/**
 * A number for each id that orders as the ids do wherever the numbers differ (equal ids, equal
 * numbers): an id's first characters as the digits of one number, a character's digit its code
 * less the least code the ids use there, plus one, a missing character 0, so the base is only as
 * large as the span of characters the ids use ("E" and digits: 23). As many characters are taken
 * as keep every number below 2^53 / (number of ids), so that a sort can pack each with its position
 * (`sortByKey`): eight for ids of "E" and digits among 50,000, seven among 500,000.
 */
export function idKeys(ids: readonly string[]): Float64Array {
  const n = ids.length;
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    for (let j = 0; j < id.length && j < KEY_CHARACTERS; j++) {
      const c = id.charCodeAt(j);
      if (c < low) low = c;
      if (c > high) high = c;
    }
  }
  const keys = new Float64Array(n);
  if (low > high) return keys;
  const base = high - low + 2;
  const limit = Math.floor(Number.MAX_SAFE_INTEGER / Math.max(n, 1));
  let characters = 0;
  for (let span = base; characters < KEY_CHARACTERS && span <= limit; span *= base) characters++;
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    let k = 0;
    for (let j = 0; j < characters; j++) k = k * base + (j < id.length ? id.charCodeAt(j) - low + 1 : 0);
    keys[i] = k;
  }
  return keys;
}

/**
 * The staff an event is about, each once: its supervisee, and for a group session its participants or,
 * when none are listed, its team's members employed that day. Unknown ids are left out.
 */
export function attendeesOf(
  ev: EventView,
  staffById: ReadonlyMap<string, StaffView>,
  teams: ReadonlyMap<string, TeamView>,
): StaffView[] {
  const e = ev.event;
  const people: StaffView[] = [];
  // Each person once, remembered in a set: a group may list 100,000 participants.
  const seen = new Set<StaffView>();
  const attend = (s: StaffView | undefined) => {
    if (s === undefined || seen.has(s)) return;
    seen.add(s);
    people.push(s);
  };
  if (e.superviseeId !== undefined) attend(staffById.get(e.superviseeId));
  if (e.type !== 'group') return people;
  if (e.participantIds) for (const id of e.participantIds) attend(staffById.get(id));
  else
    for (const s of teams.get(e.teamId ?? '')?.members ?? [])
      if (s.start <= ev.day && ev.day <= s.end) attend(s);
  return people;
}

/** Whether a case was allocated to the worker on the day (a case with no allocations listed counts as yes). */
function allocatedTo(c: CaseView, workerId: string, day: number): boolean {
  if (c.allocations.length === 0) return true;
  for (const a of c.allocations) if (a.workerId === workerId && a.from <= day && day <= a.to) return true;
  return false;
}

/**
 * The first view of each id; each later one is warned about, pointing at the first (`list` is
 * where the views stand in the history, `kind` what they are called in the warning).
 */
function firstOfEachId<V extends { readonly id: string }>(
  views: readonly V[],
  list: 'staff' | 'cases',
  kind: 'staff' | 'case',
  warnings: Warning[],
): Map<string, V> {
  const byId = new Map<string, V>();
  const firstAt = new Map<string, number>();
  views.forEach((v, i) => {
    const at = firstAt.get(v.id);
    if (at === undefined) {
      byId.set(v.id, v);
      firstAt.set(v.id, i);
    } else
      warnings.push({
        path: `${list}[${i}].id`,
        message: messages.duplicateId(kind, v.id, `${list}[${at}]`),
      });
  });
  return byId;
}

function staffView(s: Staff): StaffView {
  const start = day(s.startDate);
  const asyeStart = s.asye ? day(s.asye.start) : null;
  return {
    kind: 'staff',
    id: s.id,
    staff: s,
    start,
    roleStart: s.roleStartDate === undefined ? start : day(s.roleStartDate),
    end: end(s.endDate),
    absences: normalize((s.absences ?? []).map((a): Span => [day(a.from), end(a.to)])),
    asye:
      s.asye && asyeStart !== null
        ? [
            asyeStart,
            typeof s.asye.end === 'string' ? day(s.asye.end) : addCalendarMonthsNum(asyeStart, 12) - 1,
          ]
        : null,
    qualifiedOn: typeof s.qualifiedDate === 'string' ? day(s.qualifiedDate) : null,
    confirmedOn: typeof s.confirmedInPost === 'string' ? day(s.confirmedInPost) : null,
    supervisors: (s.supervisors ?? [])
      .map((r) => ({ from: day(r.from), to: end(r.to), supervisorId: r.supervisorId }))
      .sort((a, b) => a.from - b.from),
    // An arrangement about a case (with caseId) is the case's, not the worker's own (engine/agreements.ts).
    arrangements: (s.arrangements ?? [])
      .filter((a) => a.caseId === undefined)
      .map((a) => ({ from: day(a.from), to: end(a.to), arrangement: a })),
    events: [],
    memo: {},
  };
}

function caseView(c: Case): CaseView {
  // Ranges as object literals of one shape per kind, not spread: cheaper to make and to read.
  const allocations = (c.allocations ?? [])
    .map((r) => ({ from: day(r.from), to: end(r.to), workerId: r.workerId }))
    .sort((a, b) => a.from - b.from);
  const episodes = (c.episodes ?? []).map((r) => ({ from: day(r.from), to: end(r.to), type: r.type }));
  // A loop, not Math.min(...starts): a case may have more allocations than a call has arguments.
  let first: number | null = null;
  for (const list of [episodes, allocations])
    for (const r of list) if (first === null || r.from < first) first = r.from;
  return {
    kind: 'case',
    id: c.id,
    case: c,
    open: first === null ? [] : [[first, end(c.closedDate)]],
    allocations,
    episodes,
    flags: (c.flags ?? []).map((r) => ({ from: day(r.from), to: end(r.to), flag: r.flag })),
    reviews: [...new Set((c.reviews ?? []).map(day))].sort((a, b) => a - b),
    events: [],
    memo: {},
  };
}
