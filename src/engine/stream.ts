import type { Report } from '../report/types.js';
import { check, evaluateValid, type PolicyResolver } from './evaluate.js';
import {
  type CaseView,
  type EventView,
  type HistoryIndex,
  indexHistory,
  type StaffView,
  type TeamView,
} from './history-index.js';
import type { PreparedPolicy } from './prepare.js';

/** One part of an evaluation (`evaluateEach`): a report of the findings its team's subjects and sessions give. */
export interface ReportPart extends Report {
  /**
   * The team whose part this is: its workers, the team itself, the cases first allocated to one of
   * its workers and the sessions of its workers (or its groups). `null` for the rest (staff with no
   * team, cases never allocated to a worker with one, sessions of neither).
   */
  team: string | null;
}

interface Part {
  team: string | null;
  staff: StaffView[];
  cases: CaseView[];
  teams: TeamView[];
  events: EventView[];
}

/** `evaluateEach` (front-door.ts) with the front door's resolver: checks the inputs now, then yields the parts. */
export function evaluateEachWith(
  resolve: PolicyResolver,
  policy: unknown,
  history: unknown,
  options: unknown,
): IterableIterator<ReportPart> {
  const checked = check(resolve, policy, history, options);
  return reports(checked.prepared, checked.history, checked.asOf, checked.warnings);
}

function* reports(
  policy: PreparedPolicy,
  history: Parameters<typeof indexHistory>[0],
  asOf: string,
  inputWarnings: Report['warnings'],
): Generator<ReportPart, void, undefined> {
  const index = indexHistory(history);
  const parts = partsOf(index);
  let first = true;
  for (const part of parts) {
    const restricted: HistoryIndex = {
      ...index,
      staff: part.staff,
      cases: part.cases,
      teams: part.teams,
      events: part.events,
      warnings: [],
    };
    // Every warning in the first part: the input's, the index's, and the agreements' over the whole index.
    const warnings = first ? [...inputWarnings, ...index.warnings] : [];
    const warnAbout = first ? index : null;
    first = false;
    yield { ...evaluateValid(policy, history, asOf, restricted, warnings, warnAbout), team: part.team };
  }
}

/**
 * The index split by team: every subject and every event in exactly one part, so that every finding
 * is made once (a rule walks a part's subjects, or its events for records and retention).
 */
function partsOf(index: HistoryIndex): Part[] {
  const parts = new Map<string | null, Part>();
  const part = (team: string | null): Part => {
    let p = parts.get(team);
    if (p === undefined) {
      p = { team, staff: [], cases: [], teams: [], events: [] };
      parts.set(team, p);
    }
    return p;
  };
  for (const team of index.teams) part(team.id).teams.push(team);
  const teamOfStaff = (id: string | undefined): string | null | undefined =>
    id === undefined
      ? undefined
      : (index.staffById.get(id)?.staff.teamId ?? (index.staffById.has(id) ? null : undefined));
  for (const s of index.staff) part(s.staff.teamId ?? null).staff.push(s);
  const caseTeam = new Map<string, string | null>();
  for (const c of index.cases) {
    let team = teamOfStaff(c.allocations[0]?.workerId);
    if (team === undefined) team = teamOfStaff(c.events[0]?.event.superviseeId);
    caseTeam.set(c.id, team ?? null);
    part(team ?? null).cases.push(c);
  }
  for (const ev of index.events) part(eventTeam(ev, index, teamOfStaff, caseTeam)).events.push(ev);
  if (parts.size === 0) part(null);
  // Teams in id order (the index's), then the part with no team.
  const none = parts.get(null);
  parts.delete(null);
  return [...parts.values(), ...(none === undefined ? [] : [none])];
}

/** The team whose part judges a session: its supervisee's, its group's, its first participant's, its first child's. */
function eventTeam(
  ev: EventView,
  index: HistoryIndex,
  teamOfStaff: (id: string | undefined) => string | null | undefined,
  caseTeam: ReadonlyMap<string, string | null>,
): string | null {
  const e = ev.event;
  const supervisee = teamOfStaff(e.superviseeId);
  if (supervisee !== undefined) return supervisee;
  if (e.teamId !== undefined && index.teamById.has(e.teamId)) return e.teamId;
  for (const id of e.participantIds ?? []) {
    const team = teamOfStaff(id);
    if (team !== undefined) return team;
  }
  for (const id of e.caseIds ?? []) {
    const team = caseTeam.get(id);
    if (team !== undefined) return team;
  }
  return null;
}
