// Seeded generator of a synthetic council's supervision history (CONTRACT.md format).
// At scale 1: 1,000 staff, 20,000 cases, 500,000 events over three years (2023-2025).
// Usage: node bench/generate.mjs [--scale 0.1] [--seed 42] [--out file.json]
import { writeFileSync } from 'node:fs';
import { mulberry32 } from '../fixtures/mulberry32.mjs';

/** A seeded PRNG (mulberry32) and the draws the generator makes with it. */
export function rng(seed) {
  const next = mulberry32(seed);
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
    weighted(pairs) {
      let r = next() * pairs.reduce((s, [, w]) => s + w, 0);
      for (const [v, w] of pairs) {
        r -= w;
        if (r < 0) return v;
      }
      return pairs[pairs.length - 1][0];
    },
  };
}

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2023, 0, 2); // Monday 2 Jan 2023
const SPAN_DAYS = 3 * 365;
export const AS_OF = '2025-12-31';
const iso = (d) => new Date(EPOCH + d * DAY_MS).toISOString().slice(0, 10);
const instant = (d, minutes) =>
  new Date(EPOCH + d * DAY_MS + minutes * 60_000).toISOString().replace('.000Z', 'Z');

const SERVICES = [
  'assessment',
  'child-in-need',
  'child-protection',
  'children-in-care',
  'care-leavers',
  'fostering',
];
const EPISODES = [
  'assessment',
  'child-in-need',
  'child-protection',
  'child-in-care',
  'care-leaver',
  'early-help',
];
const FLAGS = [
  'high-risk',
  'court-proceedings',
  'missing',
  'exploitation',
  'non-permanent-placement',
  'placement-instability',
];
const ABSENCE = ['sickness', 'parental-leave', 'annual-leave', 'secondment'];

/**
 * Generates a history. `scale` multiplies staff, cases and events (1 = 1,000 / 20,000 / 500,000).
 * Deterministic for a given seed and scale.
 */
export function generate({ scale = 1, seed = 42 } = {}) {
  const r = rng(seed);
  const nStaff = Math.round(1000 * scale);
  const nCases = Math.round(20000 * scale);
  const nEvents = Math.round(500000 * scale);
  const teamSize = 10;
  const nTeams = Math.max(1, Math.floor(nStaff / (teamSize + 1)));
  const staff = [];
  // Service managers supervise team managers (one per 8 teams).
  const nServiceManagers = Math.max(1, Math.ceil(nTeams / 8));
  for (let i = 0; i < nServiceManagers; i++)
    staff.push({
      id: `SM${i}`,
      role: 'service-manager',
      startDate: '2015-04-01',
      qualifiedDate: '2005-07-01',
      service: r.pick(SERVICES),
      supervisors: [],
    });
  const managers = [];
  for (let t = 0; t < nTeams; t++) {
    const m = {
      id: `M${t}`,
      role: 'team-manager',
      startDate: iso(-r.int(400, 4000)),
      qualifiedDate: '2008-07-01',
      service: r.pick(SERVICES),
      teamId: `T${t}`,
      supervisors: [{ supervisorId: `SM${Math.floor(t / 8)}`, from: '2022-01-04', to: null }],
    };
    if (r.chance(0.3)) m.directReports = r.int(6, 14);
    staff.push(m);
    managers.push(m);
  }
  const workers = [];
  while (staff.length < nStaff) {
    const i = workers.length;
    const t = i % nTeams;
    const newStarter = r.chance(0.25);
    const start = newStarter ? r.int(0, SPAN_DAYS - 120) : -r.int(30, 3000);
    const role = r.weighted([
      ['social-worker', 70],
      ['advanced-practitioner', 8],
      ['student', 5],
      ['apprentice', 4],
      ['practitioner', 10],
      ['clinician', 3],
    ]);
    const s = {
      id: `S${i}`,
      role,
      startDate: iso(start),
      service: managers[t].service,
      teamId: `T${t}`,
      fullTime: r.chance(0.85),
    };
    if (role === 'social-worker') {
      const qualifiedDaysBefore = newStarter && r.chance(0.5) ? r.int(20, 200) : r.int(400, 5000);
      s.qualifiedDate = iso(start - qualifiedDaysBefore);
      if (qualifiedDaysBefore < 365) s.asye = { start: iso(start), end: null };
    }
    if (newStarter && r.chance(0.6)) s.confirmedInPost = iso(start + r.int(150, 200));
    if (r.chance(0.12)) {
      const leave = Math.max(start, 0) + r.int(90, SPAN_DAYS);
      if (leave < SPAN_DAYS) s.endDate = iso(leave);
    }
    // Supervisors: the team manager, sometimes changed to an AP or another manager.
    const sups = [];
    let from = start;
    const nSup = r.weighted([
      [1, 70],
      [2, 22],
      [3, 8],
    ]);
    for (let k = 0; k < nSup; k++) {
      const to = k === nSup - 1 ? null : Math.min(SPAN_DAYS - 10, from + r.int(60, 500));
      const supervisorId = k === 0 ? managers[t].id : r.pick(managers).id;
      sups.push({ supervisorId, from: iso(from), to: to === null ? null : iso(to) });
      if (to === null || to >= SPAN_DAYS - 11) break;
      from = to + 1;
    }
    s.supervisors = sups;
    if (r.chance(0.2)) {
      const a = [];
      let at = Math.max(start, 0) + r.int(10, 200);
      const n = r.int(1, 3);
      for (let k = 0; k < n && at < SPAN_DAYS - 20; k++) {
        const len = r.int(3, 120);
        a.push({ from: iso(at), to: iso(at + len), reason: r.pick(ABSENCE) });
        at += len + r.int(30, 300);
      }
      if (a.length) s.absences = a;
    }
    if (r.chance(0.05))
      s.arrangements = [
        r.chance(0.5)
          ? { type: 'agreed-interval', from: iso(Math.max(start, 0) + 30), to: null, interval: { weeks: 2 } }
          : { type: 'extended-interval-authorised', from: iso(Math.max(start, 0) + 60), to: null },
      ];
    staff.push(s);
    workers.push({ s, start: Math.max(start, 0), end: s.endDate ? SPAN_DAYS + 1 : SPAN_DAYS, cases: [] });
    if (s.endDate) workers[workers.length - 1].end = Math.round((Date.parse(s.endDate) - EPOCH) / DAY_MS);
  }

  // Cases: changing allocations, episodes (types) and flags (risks).
  const cases = [];
  for (let c = 0; c < nCases; c++) {
    const open = r.int(-200, SPAN_DAYS - 30);
    const closes = r.chance(0.5) ? open + r.int(30, 700) : null;
    const last = closes === null ? SPAN_DAYS : Math.min(closes, SPAN_DAYS);
    const allocations = [];
    let at = Math.max(open, 0);
    const nAlloc = r.weighted([
      [1, 55],
      [2, 30],
      [3, 15],
    ]);
    for (let k = 0; k < nAlloc && at <= last; k++) {
      let w = r.pick(workers);
      for (let tries = 0; tries < 5 && (w.start > at || w.end < at); tries++) w = r.pick(workers);
      const to = k === nAlloc - 1 ? (closes === null ? null : last) : Math.min(last, at + r.int(40, 400));
      const a = { workerId: w.s.id, from: iso(at), to: to === null ? null : iso(to) };
      allocations.push(a);
      w.cases.push({ id: `C${c}`, from: at, to: to ?? Infinity });
      if (to === null || to >= last) break;
      at = to + 1;
    }
    const episodes = [];
    let e = open;
    for (let k = 0; k < 3; k++) {
      const to = k === 2 || r.chance(0.5) ? closes : Math.min(last, e + r.int(30, 300));
      episodes.push({ type: r.pick(EPISODES), from: iso(e), to: to === null ? null : iso(to) });
      if (to === null || to === closes || to >= last) break;
      e = to + 1;
    }
    const kase = { id: `C${c}`, allocations, episodes };
    if (r.chance(0.3)) {
      const f = Math.max(open, 0) + r.int(0, 200);
      kase.flags = [
        { flag: r.pick(FLAGS), from: iso(f), to: r.chance(0.5) ? iso(f + r.int(10, 200)) : null },
      ];
    }
    if (r.chance(0.4)) kase.reviews = [iso(Math.max(open, 0) + r.int(20, 200))];
    if (closes !== null) kase.closedDate = iso(Math.max(closes, open));
    cases.push(kase);
  }

  // Events: spread over workers' employment, most on working days.
  const raw = [];
  for (let n = 0; n < nEvents; n++) {
    const w = workers[n % workers.length];
    const hi = Math.min(w.end, SPAN_DAYS - 1);
    let dd = r.int(w.start, Math.max(w.start, hi));
    const wd = ((dd % 7) + 7) % 7; // 0 = Monday
    if (wd >= 5) dd -= wd - 4; // move weekends back to Friday
    if (dd < w.start) dd = w.start;
    const type = r.weighted([
      ['one-to-one', 45],
      ['case-discussion', 20],
      ['group', 5],
      ['informal', 6],
      ['check-in', 12],
      ['observation', 4],
      ['appraisal', 2],
      ['appraisal-review', 2],
      ['agreement', 2],
      ['probation-review', 2],
    ]);
    const ev = { id: `E${n}`, type, date: iso(dd) };
    if (type === 'group') {
      if (r.chance(0.5)) ev.teamId = w.s.teamId;
      else {
        const team = workers.filter((x, i) => i % nTeams === Number(w.s.teamId.slice(1)) && x.start <= dd);
        ev.participantIds = team.slice(0, 8).map((x) => x.s.id);
        if (ev.participantIds.length === 0) ev.participantIds = [w.s.id];
        ev.teamId = w.s.teamId;
      }
    } else ev.superviseeId = w.s.id;
    const sup = w.s.supervisors[w.s.supervisors.length - 1];
    if (sup && r.chance(0.9)) ev.supervisorId = sup.supervisorId;
    if (r.chance(0.06)) ev.status = 'cancelled';
    if (r.chance(0.7)) ev.start = instant(dd, r.int(8 * 60, 16 * 60));
    if (r.chance(0.8))
      ev.durationMinutes = r.weighted([
        [30, 2],
        [45, 2],
        [60, 4],
        [90, 3],
        [120, 1],
      ]);
    if (type === 'one-to-one' || type === 'case-discussion') {
      const active = w.cases.filter((c) => c.from <= dd && dd <= c.to);
      const k = Math.min(active.length, r.int(0, 3));
      if (k > 0) {
        const ids = new Set();
        for (let j = 0; j < k; j++) ids.add(r.pick(active).id);
        if (r.chance(0.02)) ids.add(`C${r.int(0, nCases - 1)}`); // discussed but not allocated
        ev.caseIds = [...ids];
      }
    }
    // Records: mostly on time, some late, some missing, some per child.
    const recorded = r.weighted([
      ['on-time', 75],
      ['late', 15],
      ['missing', 5],
      ['date', 5],
    ]);
    const recDay = dd + (recorded === 'late' ? r.int(3, 30) : r.int(0, 2));
    if (recorded === 'date') ev.recordedAt = iso(recDay);
    else if (recorded !== 'missing') ev.recordedAt = instant(recDay, r.int(9 * 60, 18 * 60));
    if (ev.caseIds && r.chance(0.2))
      ev.caseRecords = ev.caseIds.map((caseId) => ({
        caseId,
        recordedAt: r.chance(0.9) ? instant(dd + r.int(0, 10), r.int(9 * 60, 18 * 60)) : null,
      }));
    if (r.chance(0.05)) ev.safeguarding = true;
    raw.push([dd, ev]);
  }
  raw.sort((a, b) => a[0] - b[0]);
  return {
    recordsFrom: iso(0),
    calendar: { closures: ['2023-12-27', '2024-12-27', '2025-12-29'] },
    staff,
    cases,
    events: raw.map(([, ev]) => ev),
  };
}

/**
 * A 60-worker team as a case-management system would send it for one night's run: a council of
 * `staff` people (generate's shape, about 11 to a team with their service manager) cut to its last
 * `events` events, with `recordsFrom` the first of them and the cases open by then.
 */
export function teamHistory({ staff = 60, events = 3000, seed = 42 } = {}) {
  const h = generate({ scale: staff / 1000, seed });
  const kept = h.events.slice(-events);
  const from = kept[0].date;
  return {
    ...h,
    recordsFrom: from,
    cases: h.cases.filter((c) => c.closedDate === undefined || c.closedDate >= from),
    events: kept,
  };
}

/**
 * One worker's history from a team's (a page view): the worker whose sessions come nearest to
 * `events`, their supervisors' staff entries, their cases (allocated or discussed) and their sessions
 * (as supervisee, participant or their team's group).
 */
export function workerHistory(team, { events = 50 } = {}) {
  const byId = new Map(team.staff.map((s) => [s.id, s]));
  const theirs = (w) =>
    team.events.filter(
      (e) =>
        e.superviseeId === w.id ||
        e.participantIds?.includes(w.id) ||
        (e.participantIds === undefined && e.teamId !== undefined && e.teamId === w.teamId),
    );
  let best = null;
  for (const w of team.staff) {
    if (w.supervisors?.length === 0 || w.role === 'team-manager') continue;
    const evs = theirs(w);
    if (best === null || Math.abs(evs.length - events) < Math.abs(best.evs.length - events))
      best = { w, evs };
  }
  const w = best.w;
  const evs = best.evs.slice(-events);
  const caseIds = new Set(evs.flatMap((e) => e.caseIds ?? []));
  for (const c of team.cases) if (c.allocations.some((a) => a.workerId === w.id)) caseIds.add(c.id);
  const supervisors = [...new Set((w.supervisors ?? []).map((s) => s.supervisorId))];
  return {
    ...team,
    staff: [w, ...supervisors.map((id) => byId.get(id)).filter(Boolean)],
    cases: team.cases.filter((c) => caseIds.has(c.id)),
    events: evs,
  };
}

/** Keys whose values are ids (or lists of ids) in a history: `tiled` renames them copy by copy. */
const ID_KEYS = new Set([
  'id',
  'teamId',
  'supervisorId',
  'superviseeId',
  'workerId',
  'caseId',
  'caseIds',
  'participantIds',
]);

/**
 * Another generator's council: `copies` of a history (the example team of fixtures/example), each
 * copy's ids prefixed `K<n>-`, events merged in date order. Copies share nothing, so the council is
 * `copies` independent teams of the example's shape (per-child records, groups, students, ASYE,
 * absences, supervisor changes), not generate()'s.
 */
export function tiled(base, copies) {
  const rename = (value, k) => {
    if (Array.isArray(value)) return value.map((v) => rename(v, k));
    if (value === null || typeof value !== 'object') return value;
    const out = {};
    for (const [key, v] of Object.entries(value))
      out[key] = ID_KEYS.has(key)
        ? Array.isArray(v)
          ? v.map((x) => `K${k}-${x}`)
          : `K${k}-${v}`
        : rename(v, k);
    return out;
  };
  const staff = [];
  const cases = [];
  const events = [];
  for (let k = 0; k < copies; k++) {
    const copy = rename({ staff: base.staff, cases: base.cases ?? [], events: base.events ?? [] }, k);
    staff.push(...copy.staff);
    cases.push(...copy.cases);
    events.push(...copy.events);
  }
  // A stable sort: each day's events in copy order, each copy's in its own order.
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ...base, staff, cases, events };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : dflt;
  };
  const history = generate({ scale: Number(arg('scale', '1')), seed: Number(arg('seed', '42')) });
  const out = arg('out', 'history.json');
  writeFileSync(out, JSON.stringify(history));
  console.log(
    `${out}: ${history.staff.length} staff, ${history.cases.length} cases, ${history.events.length} events`,
  );
}
