/**
 * The history index on data that is valid but inconsistent: warned at its path, never refused, and
 * read the way the rules read it (first staff entry of an id, London dates).
 */
import { describe, expect, it } from 'vitest';
import { fromDayNumber } from '../../../src/calendar/index.js';
import {
  attendeesOf,
  type EventView,
  indexHistory,
  type StaffView,
} from '../../../src/engine/history-index.js';
import { parseHistory } from '../../../src/history/parse.js';
import { breachesOf, brief, event, obligationsOf, oneToOne, run, staff } from '../../helpers.js';

const index = (h: unknown) => indexHistory(parseHistory(h));
const d = (n: number) => (Number.isFinite(n) ? fromDayNumber(n) : null);

describe('an event dated before its supervisee started: a warning, not a refusal', () => {
  // S1 starts on Mon 6 Jan 2025; a stray one-to-one is dated Fri 3 Jan, a group with S2 on Thu 2 Jan.
  const history = () => ({
    staff: [staff('S1', { startDate: '2025-01-06' }), staff('S2', { startDate: '2020-01-06' })],
    events: [
      oneToOne('S1', '2025-02-03', { id: 'E1' }),
      oneToOne('S1', '2025-01-03', { id: 'E0' }),
      event('group', '2025-01-02', { id: 'G0', participantIds: ['S2', 'S1'] }),
    ],
  });

  it('parseHistory accepts it (before: "events[1].date: is before S1 started on 2025-01-06")', () => {
    expect(() => parseHistory(history())).not.toThrow();
  });

  it('is warned at its date, for the supervisee and for each group participant not yet started', () => {
    expect(index(history()).warnings).toEqual([
      { path: 'events[1].date', message: 'is before S1 started on 2025-01-06' },
      { path: 'events[2].date', message: 'is before S1 started on 2025-01-06' },
    ]);
  });

  it('NOT-1 (monthly): the stray session falls outside S1 employment, like one after leaving', () => {
    // The clock starts on S1's start, Mon 6 Jan: due Thu 6 Feb; E1 on Mon 3 Feb is on time, so the next is
    // due Mon 3 Mar; asOf Mon 10 Mar it is 7 days overdue. The session of Fri 3 Jan counts for nothing.
    const report = run('nottingham', history(), '2025-03-10');
    expect(breachesOf(report, 'NOT-1', 'S1').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-03-03', metOn: null, daysLate: 7 },
    ]);
    expect(report.warnings).toContainEqual({
      path: 'events[1].date',
      message: 'is before S1 started on 2025-01-06',
    });
  });
});

describe('a session before the worker started is not their last session', () => {
  it("NOT-1 (monthly): S1's obligation has no lastMetOn when the only session predates S1's start", () => {
    // S1 starts Mon 6 Jan 2025; the one session is Fri 3 Jan. Due 6 Jan + 1 month = Thu 6 Feb.
    // Found by the differential check: before, lastMetOn was 2025-01-03, before S1 was employed.
    const history = {
      staff: [staff('S1', { startDate: '2025-01-06' })],
      events: [oneToOne('S1', '2025-01-03', { id: 'E0' })],
    };
    const report = run('nottingham', history, '2025-01-10');
    expect(obligationsOf(report, 'NOT-1', 'S1').map((o) => [o.dueOn, o.lastMetOn])).toEqual([
      ['2025-02-06', null],
    ]);
  });
});

describe('a staff id used twice: the first entry is the worker everywhere', () => {
  it('NOT-12 (team, monthly): a second entry with another teamId makes no team of its own', () => {
    // S1 is in T1; a second S1 entry says T2. Before: team T2 was made, with its own NOT-12 obligation
    // and breaches. Now only T1 exists; the duplicate is warned as before.
    const history = {
      staff: [staff('S1', { teamId: 'T1' }), staff('S1', { teamId: 'T2' })],
      events: [event('group', '2025-02-03', { id: 'G1', teamId: 'T1' })],
    };
    const report = run('nottingham', history, '2025-03-10');
    expect(obligationsOf(report, 'NOT-12').map((o) => o.subject.id)).toEqual(['T1']);
    expect(report.breaches.filter((b) => b.subject.type === 'team' && b.subject.id === 'T2')).toEqual([]);
    expect(report.warnings).toContainEqual({
      path: 'staff[1].id',
      message: 'staff id "S1" is used again (first at staff[0]); only the first is evaluated',
    });
  });

  it("a team's employed days come from the first entry of each id only", () => {
    // T1: S1 from Mon 6 Jan to Mon 31 Mar 2025. A second S1 entry (from 2020, still employed) must not
    // stretch T1's days. Before: T1 was employed from 6 Jan 2020 on.
    const ix = index({
      staff: [
        staff('S1', { teamId: 'T1', startDate: '2025-01-06', endDate: '2025-03-31' }),
        staff('S1', { teamId: 'T1', startDate: '2020-01-06' }),
      ],
    });
    expect(ix.teams.map((t) => [t.id, t.employed.map(([a, b]) => [d(a), d(b)])])).toEqual([
      ['T1', [['2025-01-06', '2025-03-31']]],
    ]);
  });
});

describe('"recorded before the session" compares London dates, as the judgement does', () => {
  // Sessions on Mon 1 Jul 2024 (BST) and Fri 1 Mar 2024 (GMT).
  it.each([
    // 30 Jun 23:30Z is 00:30 BST on 1 Jul: the session's day, not before it (before: warned by its date part).
    ['2024-07-01', '2024-06-30T23:30:00Z', false],
    // 1 Mar 00:10+01:00 is 23:10 GMT on 29 Feb in London: before the session (before: not warned).
    ['2024-03-01', '2024-03-01T00:10:00+01:00', true],
    ['2024-03-01', '2024-02-29T23:59:59Z', true],
    ['2024-03-01', '2024-03-01T00:00:00Z', false],
    ['2024-03-01', '2024-02-29', true],
    ['2024-03-01', '2024-03-01', false],
  ])('session %s, recorded %s: warned = %s', (date, recordedAt, warned) => {
    const ix = index({ staff: [staff('S1')], events: [oneToOne('S1', date, { recordedAt })] });
    expect(ix.warnings).toEqual(
      warned
        ? [
            {
              path: 'events[0].recordedAt',
              message: `recorded at ${recordedAt}, before the session on ${date}`,
            },
          ]
        : [],
    );
  });
});

describe('one group session with 200,000 participants', () => {
  it('attendeesOf gives each participant once without searching the list per person (linear work)', () => {
    // Every tenth participant is listed twice. A search of the people found so far, per person, is
    // 2·10¹⁰ comparisons (100,000 people took 25 s that way); a set takes a moment. Only the
    // staff map is needed, so the views are bare.
    const n = 200_000;
    const ids = Array.from({ length: n }, (_, i) => `S${i}`);
    const staffById = new Map(ids.map((id) => [id, { kind: 'staff', id } as StaffView]));
    const group = event('group', '2025-02-03', {
      id: 'G1',
      participantIds: [...ids, ...ids.filter((_, i) => i % 10 === 0)],
    });
    const ev = { event: group, pos: 0, day: 0, held: true, type: 'group' } as unknown as EventView;
    const people = attendeesOf(ev, staffById, new Map());
    expect(people.map((p) => p.id)).toEqual(ids);
  }, 10_000); // about a second on a busy machine; the search per person takes over a minute

  it('the index gives each of 20,000 participants the session once', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `S${i}`);
    const ix = index({
      staff: ids.map((id) => staff(id)),
      events: [event('group', '2025-02-03', { id: 'G1', participantIds: [...ids, ...ids] })],
    });
    expect(ix.staff.every((s) => s.events.length === 1)).toBe(true);
  });
});
