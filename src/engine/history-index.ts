import { addCalendarMonthsNum, toDayNumber } from '../calendar/index.js';
import { messages } from '../errors/messages.js';
import type { Arrangement, Case, History, Staff, SupervisionEvent } from '../history/schema.js';
import type { CaseFlag, EpisodeType } from '../history/vocabulary.js';
import type { Warning } from '../report/types.js';
import { normalize, type Span, type Spans } from './spans.js';

/** An event with its day number and its position in `events[]`. */
export interface EventView {
  readonly event: SupervisionEvent;
  readonly pos: number;
  readonly day: number;
  readonly held: boolean;
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
}

export interface CaseView {
  readonly kind: 'case';
  readonly id: string;
  readonly case: Case;
  /** From the first episode or allocation to the closing date (inclusive); empty if neither is known. */
  readonly open: Spans;
  readonly allocations: readonly (Ranged & { workerId: string })[];
  readonly episodes: readonly (Ranged & { type: EpisodeType })[];
  readonly flags: readonly (Ranged & { flag: CaseFlag })[];
  readonly reviews: readonly number[];
  readonly events: EventView[];
}

export interface TeamView {
  readonly kind: 'team';
  readonly id: string;
  readonly employed: Spans;
  readonly events: EventView[];
}

export type SubjectView = StaffView | CaseView | TeamView;

export interface HistoryIndex {
  readonly staff: readonly StaffView[];
  readonly staffById: ReadonlyMap<string, StaffView>;
  readonly cases: readonly CaseView[];
  readonly caseById: ReadonlyMap<string, CaseView>;
  readonly teams: readonly TeamView[];
  readonly events: readonly EventView[];
  readonly warnings: Warning[];
  readonly recordsFrom: number;
}

const day = (date: string): number => toDayNumber(date);
const end = (date: string | null | undefined): number => (typeof date === 'string' ? day(date) : Infinity);
const ranged = <T extends { from: string; to?: string | null | undefined }>(r: T): T & Ranged => ({
  ...r,
  from: day(r.from),
  to: end(r.to),
});

/**
 * Indexes a validated history once: day numbers for every date, each subject's events sorted by
 * day, and the warnings for data that is valid but inconsistent. Everything after this walks
 * per-subject timelines, so the work grows linearly with the history.
 */
export function indexHistory(history: History): HistoryIndex {
  const warnings: Warning[] = [];
  const events = (history.events ?? []).map(
    (event, pos): EventView => ({ event, pos, day: day(event.date), held: event.status !== 'cancelled' }),
  );
  const staff = history.staff.map(staffView);
  const staffById = new Map<string, StaffView>();
  history.staff.forEach((s, i) => {
    const first = staffById.get(s.id);
    if (first)
      warnings.push({
        path: `staff[${i}].id`,
        message: messages.duplicateId('staff', s.id, pathOf('staff', history.staff, first.staff)),
      });
    else staffById.set(s.id, staff[i]!);
  });
  const cases = (history.cases ?? []).map(caseView);
  const caseById = new Map<string, CaseView>();
  cases.forEach((c, i) => {
    const first = caseById.get(c.id);
    if (first)
      warnings.push({
        path: `cases[${i}].id`,
        message: messages.duplicateId('case', c.id, `cases[${cases.indexOf(first)}]`),
      });
    else caseById.set(c.id, c);
  });

  const teamIds = [...new Set(history.staff.flatMap((s) => (s.teamId ? [s.teamId] : [])))].sort();
  const teams = new Map<string, TeamView>(
    teamIds.map((id) => [
      id,
      {
        kind: 'team',
        id,
        employed: normalize(staff.filter((s) => s.staff.teamId === id).map((s): Span => [s.start, s.end])),
        events: [],
      },
    ]),
  );

  const teamMembers = new Map<string, StaffView[]>();
  for (const s of staffById.values())
    if (s.staff.teamId) teamMembers.set(s.staff.teamId, [...(teamMembers.get(s.staff.teamId) ?? []), s]);

  const seenEvent = new Map<string, number>();
  for (const ev of events) {
    const e = ev.event;
    const at = () => `events[${ev.pos}]`;
    const firstPos = seenEvent.get(e.id);
    if (firstPos !== undefined)
      warnings.push({
        path: `${at()}.id`,
        message: messages.duplicateId('event', e.id, `events[${firstPos}]`),
      });
    else seenEvent.set(e.id, ev.pos);

    // The people the event is about: the supervisee, or a group's participants (its team's staff
    // employed that day when no participants are listed), each once.
    const people: StaffView[] = [];
    const attend = (s: StaffView | undefined) => {
      if (s !== undefined && !people.includes(s)) people.push(s);
    };
    if (e.superviseeId !== undefined) attend(staffById.get(e.superviseeId));
    if (e.type === 'group') {
      if (e.participantIds) for (const p of e.participantIds) attend(staffById.get(p));
      else
        for (const s of teamMembers.get(e.teamId ?? '') ?? [])
          if (s.start <= ev.day && ev.day <= s.end) attend(s);
      const team = e.teamId === undefined ? undefined : teams.get(e.teamId);
      if (team) team.events.push(ev);
    }
    if (e.superviseeId !== undefined && !staffById.has(e.superviseeId))
      warnings.push({ path: `${at()}.superviseeId`, message: messages.unknownStaff(e.superviseeId) });
    e.participantIds?.forEach((p, i) => {
      if (!staffById.has(p))
        warnings.push({ path: `${at()}.participantIds[${i}]`, message: messages.unknownStaff(p) });
    });
    if (e.supervisorId !== undefined && !staffById.has(e.supervisorId))
      warnings.push({ path: `${at()}.supervisorId`, message: messages.unknownStaff(e.supervisorId) });
    for (const s of people) {
      s.events.push(ev);
      if (ev.day > s.end && s.id === e.superviseeId)
        warnings.push({
          path: `${at()}.date`,
          message: messages.eventAfterLeaving(s.id, s.staff.endDate ?? ''),
        });
    }
    e.caseIds?.forEach((caseId, i) => {
      const c = caseById.get(caseId);
      if (!c) {
        warnings.push({ path: `${at()}.caseIds[${i}]`, message: messages.unknownCase(caseId) });
        return;
      }
      c.events.push(ev);
      const worker = e.superviseeId;
      if (
        worker !== undefined &&
        c.allocations.length > 0 &&
        !c.allocations.some((a) => a.workerId === worker && a.from <= ev.day && ev.day <= a.to)
      )
        warnings.push({
          path: `${at()}.caseIds[${i}]`,
          message: messages.notAllocated(caseId, worker, e.date),
        });
    });
    e.caseRecords?.forEach((r, i) => {
      if (!caseById.has(r.caseId))
        warnings.push({ path: `${at()}.caseRecords[${i}].caseId`, message: messages.unknownCase(r.caseId) });
      if (typeof r.recordedAt === 'string' && r.recordedAt.slice(0, 10) < e.date)
        warnings.push({
          path: `${at()}.caseRecords[${i}].recordedAt`,
          message: messages.recordBeforeSession(r.recordedAt, e.date),
        });
    });
    if (typeof e.recordedAt === 'string' && e.recordedAt.slice(0, 10) < e.date)
      warnings.push({
        path: `${at()}.recordedAt`,
        message: messages.recordBeforeSession(e.recordedAt, e.date),
      });
  }
  const byDay = (a: EventView, b: EventView) => a.day - b.day || a.pos - b.pos;
  for (const s of staff) s.events.sort(byDay);
  for (const c of cases) c.events.sort(byDay);
  for (const t of teams.values()) t.events.sort(byDay);

  return {
    staff: [...staffById.values()],
    staffById,
    cases: [...caseById.values()],
    caseById,
    teams: [...teams.values()],
    events,
    warnings,
    recordsFrom: history.recordsFrom === undefined ? -Infinity : day(history.recordsFrom),
  };
}

function pathOf(list: string, items: readonly unknown[], item: unknown): string {
  return `${list}[${items.indexOf(item)}]`;
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
    supervisors: (s.supervisors ?? []).map(ranged).sort((a, b) => a.from - b.from),
    arrangements: (s.arrangements ?? []).map((a) => ({ ...ranged(a), arrangement: a })),
    events: [],
  };
}

function caseView(c: Case): CaseView {
  const allocations = (c.allocations ?? []).map(ranged).sort((a, b) => a.from - b.from);
  const starts = [...(c.episodes ?? []), ...(c.allocations ?? [])].map((r) => day(r.from));
  const first = starts.length > 0 ? Math.min(...starts) : null;
  return {
    kind: 'case',
    id: c.id,
    case: c,
    open: first === null ? [] : [[first, end(c.closedDate)]],
    allocations,
    episodes: (c.episodes ?? []).map(ranged),
    flags: (c.flags ?? []).map(ranged),
    reviews: [...new Set((c.reviews ?? []).map(day))].sort((a, b) => a - b),
    events: [],
  };
}
