import type { PolicyId } from '../policies.js';
import type { Policy } from '../policy/schema.js';
import type { Report } from '../report/types.js';
import { check, type EvaluateOptions, evaluateValid } from './evaluate.js';
import {
  type CaseView,
  type EventView,
  type HistoryIndex,
  indexHistory,
  type StaffView,
  type TeamView,
} from './history-index.js';

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

/**
 * `evaluate`, one team at a time: yields a report per team as it is made, so a whole council is
 * evaluated without holding every finding at once (only the history, its index and one team's
 * findings). The inputs are checked first, as `evaluate` checks them, and an invalid one throws here,
 * not at the first part.
 *
 * The parts together say exactly what `evaluate`'s report says: each list (obligations, recordings,
 * breaches, notEvaluable, retention) concatenated over the parts holds the same findings, each once;
 * `totals` summed over the parts are the report's; a subject's `totalsBySubject` counts summed over the
 * parts are its counts in the report (a child's record can be judged in the part of the session's
 * team, not the child's). Each part lists its findings in the report's order; the parts come in team
 * id order, the part with no team last. `warnings` (the input's) are all in the first part; there is
 * always at least one part.
 *
 * @throws {InputError} as `evaluate` does, when called (before any part).
 * @example
 * for (const part of evaluateEach('york', history, { asOf: '2025-09-15' }))
 *   for (const b of part.breaches) write(b);
 */
export function evaluateEach(
  policy: Policy | PolicyId,
  history: unknown,
  options: EvaluateOptions,
): IterableIterator<ReportPart> {
  const checked = check(policy, history, options);
  return reports(checked.policy, checked.history, checked.asOf, checked.warnings);
}

function* reports(
  policy: Policy,
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
    const warnings = first ? [...inputWarnings, ...index.warnings] : [];
    first = false;
    yield { ...evaluateValid(policy, history, asOf, restricted, warnings), team: part.team };
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
