/** The context helpers the rule kinds share (src/engine/context.ts), on a small history worked by hand. */
import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../src/calendar/index.js';
import {
  baseSpans,
  type EvalContext,
  lastOf,
  qualifying,
  severityOf,
  subjectsOf,
  tally,
} from '../../src/engine/context.js';
import { indexHistory } from '../../src/engine/history-index.js';
import { parseHistory } from '../../src/history/parse.js';
import { getPolicy } from '../../src/policies.js';
import { event, oneToOne, staff } from '../helpers.js';
import { d, span } from './day-dates.js';

describe('context helpers', () => {
  // S1 (employed 6 Jan–30 Jun 2025, absent 3–14 Feb and from 1 Jun) has 1:1s on 3 Mar (twice), a
  // cancelled one on 10 Mar, a group on 15 Mar and a 1:1 on 20 Mar.
  const ix = indexHistory(
    parseHistory({
      staff: [
        staff('S1', {
          teamId: 'T1',
          startDate: '2025-01-06',
          endDate: '2025-06-30',
          absences: [{ from: '2025-02-03', to: '2025-02-14' }, { from: '2025-06-01' }],
        }),
      ],
      cases: [
        {
          id: 'C1',
          allocations: [{ workerId: 'S1', from: '2025-01-06', to: '2025-05-31' }],
          closedDate: '2025-05-31',
        },
      ],
      events: [
        oneToOne('S1', '2025-03-20'),
        oneToOne('S1', '2025-03-03', { caseIds: ['C1'] }),
        oneToOne('S1', '2025-03-03'),
        oneToOne('S1', '2025-03-10', { status: 'cancelled' }),
        event('group', '2025-03-15', { teamId: 'T1' }),
      ],
    }),
  );
  const s1 = ix.staff[0]!;
  const ctx = (absencePauses: boolean) => ({ absencePauses, index: ix }) as unknown as EvalContext;

  it.each<[boolean, (string | null)[][]]>([
    [
      true,
      [
        ['2025-01-06', '2025-02-02'],
        ['2025-02-15', '2025-05-31'],
      ],
    ],
    [false, [['2025-01-06', '2025-06-30']]],
  ])('a worker owes while employed, and (when absence pauses = %s) not absent', (pauses, spans) => {
    expect(baseSpans(s1, ctx(pauses)).map(span)).toEqual(spans);
  });

  it('a case owes while open, a team while anyone in it is employed', () => {
    expect(baseSpans(ix.cases[0]!, ctx(true)).map(span)).toEqual([['2025-01-06', '2025-05-31']]);
    expect(baseSpans(ix.teams[0]!, ctx(true)).map(span)).toEqual([['2025-01-06', '2025-06-30']]);
    expect(baseSpans({ ...ix.teams[0]!, employed: [] }, ctx(true))).toEqual([]);
  });

  it('qualifying days: held events of the types, one per day, worked out once per list of types', () => {
    const days = (types: string[]) => qualifying(s1, types).map(d);
    expect(days(['one-to-one'])).toEqual(['2025-03-03', '2025-03-20']);
    expect(days(['one-to-one', 'group'])).toEqual(['2025-03-03', '2025-03-15', '2025-03-20']);
    expect(days(['group'])).toEqual(['2025-03-15']);
    expect(days(['one-to-onegroup'])).toEqual([]);
    expect(days(['one-to-one', 'groupx'])).toEqual(['2025-03-03', '2025-03-20']);
    expect(qualifying(ix.cases[0]!, ['one-to-one']).map(d)).toEqual(['2025-03-03']);
    expect(qualifying(s1, ['one-to-one'])).toBe(qualifying(s1, ['one-to-one']));
  });

  it.each<[string, string[], string | null]>([
    ['2025-03-02', ['one-to-one'], null],
    ['2025-03-03', ['one-to-one'], '2025-03-03'],
    ['2025-03-14', ['one-to-one'], '2025-03-03'],
    ['2025-03-15', ['one-to-one'], '2025-03-03'],
    ['2025-03-15', ['one-to-one', 'group'], '2025-03-15'],
    ['2025-03-19', ['group'], '2025-03-15'],
    ['2025-03-20', ['one-to-one'], '2025-03-20'],
    ['2026-01-01', ['one-to-one'], '2025-03-20'],
    ['2026-01-01', ['appraisal'], null],
  ])('lastOf on %s of %j: %s', (asOf, types, last) => {
    expect(lastOf(s1, types, toDayNumber(asOf))).toBe(last);
  });

  it('subjects by kind, severity by strength, and the tally of deadlines', () => {
    const rules = getPolicy('york').rules;
    const byId = (id: string) => rules.find((r) => r.id === id)!;
    expect(['YRK-1', 'YRK-4', 'YRK-13'].map((id) => severityOf(byId(id)))).toEqual([
      'breach',
      'breach',
      'advisory',
    ]);
    const kinds = ['staff', 'case', 'team'] as const;
    expect(kinds.map((subject) => subjectsOf({ ...byId('YRK-1'), subject } as never, ctx(true)))).toEqual([
      ix.staff,
      ix.cases,
      ix.teams,
    ]);
    const out = {
      tally: { deadlines: 0, deadlinesMet: 0 },
      bySubject: { staff: new Map(), case: new Map(), team: new Map() },
    };
    const c = { out } as unknown as EvalContext;
    const s1 = { type: 'staff', id: 'S1' } as const;
    for (const met of [true, false, true, false, false]) tally(c, met, s1);
    tally(c, true, { type: 'case', id: 'S1' });
    expect(out.tally).toEqual({ deadlines: 6, deadlinesMet: 3 });
    expect(out.bySubject.staff.get('S1')).toEqual({
      deadlines: 5,
      deadlinesMet: 2,
      records: 0,
      recordsOnTime: 0,
    });
    expect(out.bySubject.case.get('S1')).toEqual({
      deadlines: 1,
      deadlinesMet: 1,
      records: 0,
      recordsOnTime: 0,
    });
  });
});
