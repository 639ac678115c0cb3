import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/front-door.js';
import { pageData } from '../../src/html/model.js';
import { getPolicy } from '../../src/policies.js';
import { fen, fenHistory, fenReport, why } from './fenchester.js';

const history = JSON.parse(readFileSync(join(__dirname, '../../fixtures/example/history.json'), 'utf8'));
const policy = getPolicy('york');
const report = evaluate(policy, history, { asOf: '2025-12-01' });
const data = pageData(report, history, { policy });
const worker = (id: string) => {
  const w = data.workers.find((x) => x.id === id);
  if (w === undefined) throw new Error(`no worker ${id}`);
  return w;
};
const ruleIndex = (id: string) => data.rules.findIndex((r) => r[0] === id);

describe('the HTML report’s data: the example team, York, as of Mon 1 Dec 2025', () => {
  it('covers the 365 days before the as-of date and 42 after', () => {
    // 1 Dec 2024 + 365 days = 1 Dec 2025 (no 29 Feb between); + 42 = 12 Jan 2026.
    expect([data.from, data.asOf, data.to]).toEqual(['2024-12-01', '2025-12-01', '2026-01-12']);
    expect([data.asOfDay, data.days]).toEqual([365, 407]);
  });

  it('shades S4’s absence, 10 Feb to 9 May 2025, as days 71 to 159 of the period', () => {
    // 10 Feb: 31 (Dec) + 31 (Jan) + 9 = 71. 9 May: 31 + 31 + 28 + 31 + 30 + 8 = 159.
    expect(worker('S4').tl.a).toEqual([[71, 159]]);
    expect(worker('S3').tl.a).toEqual([]);
  });

  it('marks the 11 bank holidays from 1 Dec 2024 to 12 Jan 2026, and no closure', () => {
    expect(data.calendar.bankHolidays.map(([day]) => day)).toEqual([
      24, // Wed 25 Dec 2024
      25, // Thu 26 Dec 2024
      31, // Wed 1 Jan 2025
      138, // Fri 18 Apr 2025, Good Friday: 31+31+28+31 = 121 for 1 Apr, + 17
      141, // Mon 21 Apr 2025
      155, // Mon 5 May 2025: 151 for 1 May, + 4
      176, // Mon 26 May 2025
      267, // Mon 25 Aug 2025: 151+31+30+31 = 243 for 1 Aug, + 24
      389, // Thu 25 Dec 2025: 365 for 1 Dec, + 24
      390, // Fri 26 Dec 2025
      396, // Thu 1 Jan 2026
    ]);
    expect(data.calendar.bankHolidays[3]?.[1]).toBe('Good Friday');
    expect(data.calendar.closures).toEqual([]);
  });

  it('marks the council closures (the history’s and the policy’s) within the period, once each', () => {
    const closed = { ...history, calendar: { closures: ['2025-12-29', '2025-12-29', '2023-12-27'] } };
    // 29 Dec 2025: 365 (1 Dec) + 28 = 393; 27 Dec 2023 is before the period.
    expect(pageData(report, closed).calendar.closures).toEqual([393]);
    // A policy's own closures too: Tue 30 Dec 2025 is day 394.
    const withPolicy = pageData(report, closed, {
      policy: { ...policy, closures: ['2025-12-30', '2025-12-29'] },
    });
    expect(withPolicy.calendar.closures).toEqual([393, 394]);
  });

  it('draws S3’s late session as a span from its due date to the day it took place', () => {
    // YRK-2: due Thu 9 Jan 2025 (day 31 + 8 = 39), held Mon 20 Jan 2025 (day 50), a breach.
    expect(worker('S3').tl.l).toContainEqual([39, 50, 1, ruleIndex('YRK-2')]);
    // And S3's next session due Mon 8 Dec 2025 (day 372), not overdue.
    expect(worker('S3').tl.d).toContainEqual([372, ruleIndex('YRK-2'), 0]);
  });

  it('draws a record still unwritten as a span from its deadline to the as-of date', () => {
    // S5's own record of E0086 (Tue 22 Apr 2025) was due Thu 24 Apr 2025: day 121 + 23 = 144.
    expect(worker('S5').tl.l).toContainEqual([144, 365, 1, ruleIndex('YRK-12')]);
  });

  it('gives a child’s unwritten record to the worker supervised at the session', () => {
    // E0144 (Mon 21 Jul 2025) was P1's session; case C27's record from it is P1's to chase.
    const row = data.actions.find(
      (a) => a[7] === 'case C27: record of E0144 on Mon 21 Jul 2025' && a[6] === 1,
    );
    expect(row).toBeDefined();
    expect(data.workers[row![1]]?.id).toBe('P1');
    expect(data.teams[row![9]]).toBe('T1');
    // 23 Jul → 1 Dec 2025: 8 + 31 + 30 + 31 + 30 + 1 = 131 days overdue.
    expect(row![4]).toBe(131);
  });

  it('counts beside each worker the children’s records not written after their sessions', () => {
    // S5's session E0086: five children's records under YRK-7 (binding) and YRK-13 (advisory).
    expect([worker('S5').cb, worker('S5').ca]).toEqual([5, 5]);
    // S3's session E0167: case C22's record, under both rules.
    expect([worker('S3').cb, worker('S3').ca]).toEqual([1, 1]);
    expect([worker('S4').cb, worker('S4').ca]).toEqual([0, 0]);
  });

  it('with teams: only those teams’ workers and items, and a count of the items left out', () => {
    const none = pageData(report, history, { policy, teams: ['T9'] });
    expect(none.workers).toEqual([]);
    expect(none.actions).toEqual([]);
    expect(none.actionsLeftOut).toBe(data.actions.length);
    const t1 = pageData(report, history, { policy, teams: ['T1'] });
    expect(t1.workers).toHaveLength(history.staff.length);
    expect(t1.actionsLeftOut).toBe(0);
  });

  it('with since: timelines and findings start there, and what ended before is left out', () => {
    const later = pageData(report, history, { policy, since: '2025-06-01' });
    expect(later.from).toBe('2025-06-01');
    // S4's absence ended on 9 May 2025.
    expect(later.workers.find((w) => w.id === 'S4')?.tl.a).toEqual([]);
    for (const w of later.workers)
      for (const f of w.f) expect(f[4] === null || f[4].slice(0, 10) >= '2025-06-01').toBe(true);
  });

  it('takes a worker’s name from the history when it gives one', () => {
    expect(worker('S1').name).toBe('Sara Patel');
    const unnamed = structuredClone(history);
    delete unnamed.staff[2].name;
    expect(pageData(report, unnamed).workers.find((w) => w.id === 'S1')?.name).toBeNull();
  });

  it('keeps a team’s item with its team, under no worker', () => {
    // Nottingham's team obligation (group supervision of T1) falls due within a year of the as-of date.
    const notts = getPolicy('nottingham');
    const r = evaluate(notts, history, { asOf: '2025-12-01' });
    const team = pageData(r, history, { policy: notts, withinDays: 366 }).actions.filter((a) =>
      a[7].startsWith('team T1'),
    );
    expect(team.length).toBeGreaterThan(0);
    for (const a of team) expect([a[1], a[9]]).toEqual([-1, 0]);
  });
});

describe('the HTML report’s data: approximate readings, a too-long session’s excess, a policy’s own event type', () => {
  const fenData = pageData(fenReport, fenHistory, { policy: fen, since: '2025-06-01' });
  const s1 = fenData.workers[0]!;
  const rule = (id: string) => fenData.rules.findIndex((r) => r[0] === id);

  it('marks FEN-5’s findings approximate, with the rule’s reason; FEN-9’s exact', () => {
    const byRule = (id: string) => s1.f.filter((x) => x[0] === rule(id)).map((x) => [x[1], x[3], x[7]]);
    expect(byRule('FEN-5')).toEqual([
      ['late', '2025-07-02', 1],
      ['upcoming', '2025-08-07', 1],
    ]);
    expect(byRule('FEN-9')).toEqual([['too-long', '2025-06-02', 0]]);
    expect(fenData.rules[rule('FEN-5')]?.[5]).toBe(why);
    expect(fenData.rules[rule('FEN-9')]?.[5]).toBe('');
  });

  it('marks FEN-5’s item due soon (Thu 7 Aug, 3 days after 4 Aug) as an approximate reading', () => {
    expect(fenData.actions.map((a) => [fenData.rules[a[2]]?.[0], a[3], a[5], a[10]])).toEqual([
      ['FEN-5', '2025-08-07', 3, 1],
    ]);
  });

  it('carries the too-long session’s 30 minutes over the maximum, and no excess on other findings', () => {
    expect(s1.f.map((x) => [x[1], x[8]])).toEqual([
      ['too-long', 30],
      ['late', null],
      ['upcoming', null],
    ]);
  });

  it('names the policy’s own event type on the timeline, not an unknown "session"', () => {
    // E2 (Mon 7 Jul 2025) is day 36 of a period from Sun 1 Jun: 29 (rest of June) + 7.
    const e2 = s1.tl.s.find(([day]) => day === 36);
    expect(e2).toBeDefined();
    expect(fenData.eventTypes[e2![2]]).toBe('rebooked-session');
    expect(fenData.eventTypes[s1.tl.s[0]![2]]).toBe('one-to-one');
  });
});
