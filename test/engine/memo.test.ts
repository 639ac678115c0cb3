// What the engine keeps between rules is state of the history index (each subject's view, and the
// index itself), not of the module: two indexes of one history share nothing, and a `givenBy` view
// of a subject keeps its own qualifying days.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toDayNumber, WorkingCalendar } from '../../src/calendar/index.js';
import { conditionSpans } from '../../src/engine/conditions.js';
import { qualifying } from '../../src/engine/context.js';
import { givenByView } from '../../src/engine/given-by.js';
import { indexHistory } from '../../src/engine/history-index.js';
import { parseHistory } from '../../src/history/parse.js';
import { oneToOne, staff } from '../helpers.js';

// S1's 1:1s: Mon 2 Jun 2025 by M1 (their line manager), Mon 16 Jun by M2, Mon 30 Jun by M1.
const history = parseHistory({
  staff: [
    staff('S1', {
      startDate: '2025-06-02',
      lineManagerId: 'M1',
      supervisors: [{ supervisorId: 'M1', from: '2025-06-02' }],
    }),
    staff('S2', { startDate: '2025-06-02', supervisors: [{ supervisorId: 'M1', from: '2025-06-02' }] }),
    staff('M1', { role: 'team-manager' }),
    staff('M2', { role: 'team-manager' }),
  ],
  events: [
    oneToOne('S1', '2025-06-02', { supervisorId: 'M1' }),
    oneToOne('S1', '2025-06-16', { supervisorId: 'M2' }),
    oneToOne('S1', '2025-06-30', { supervisorId: 'M1' }),
  ],
});
const days = (...dates: string[]) => dates.map(toDayNumber);

describe('memos live on the history index', () => {
  it('qualifying days are kept on the subject view, per index', () => {
    const a = indexHistory(history);
    const b = indexHistory(history);
    const s1 = a.staffById.get('S1')!;
    const found = qualifying(s1, ['one-to-one']);
    expect(found).toEqual(days('2025-06-02', '2025-06-16', '2025-06-30'));
    expect(s1.memo.qualifying?.get('one-to-one')).toBe(found);
    expect(qualifying(s1, ['one-to-one'])).toBe(found);
    expect(b.staffById.get('S1')!.memo.qualifying).toBeUndefined();
  });

  it("a givenBy view keeps its own qualifying days, not the subject's", () => {
    const index = indexHistory(history);
    const s1 = index.staffById.get('S1')!;
    const all = qualifying(s1, ['one-to-one']);
    const byLineManager = givenByView(s1, 'line-manager', ['one-to-one'], index)!;
    expect(qualifying(byLineManager, ['one-to-one'])).toEqual(days('2025-06-02', '2025-06-30'));
    expect(qualifying(s1, ['one-to-one'])).toBe(all);
  });

  it('supervisors’ report counts are counted once per index and kept on it', () => {
    const index = indexHistory(history);
    expect(index.memo.reportCounts).toBeUndefined();
    const ctx = { index, calendar: new WorkingCalendar() };
    // M1 supervises S1 and S2: 2 reports, so "over 1" holds from S1's supervision start.
    expect(conditionSpans({ supervisorReportsOver: 1 }, index.staffById.get('S1')!, ctx)).toEqual([
      [toDayNumber('2025-06-02'), Infinity],
    ]);
    expect(index.memo.reportCounts?.get('M1')).toBe(2);
    expect(conditionSpans({ supervisorReportsOver: 2 }, index.staffById.get('S1')!, ctx)).toEqual([]);
  });

  it("a case's days per episode type and per flag are worked out once per view, kept on it", () => {
    // C1: child in need Mon 2 Jun – Sun 15 Jun 2025, again from Mon 23 Jun; child protection Mon 16 Jun –
    // Sun 22 Jun (touching both: one span for either type); high-risk Wed 4 Jun – Thu 5 Jun.
    const c1History = parseHistory({
      staff: [],
      cases: [
        {
          id: 'C1',
          episodes: [
            { type: 'child-in-need', from: '2025-06-02', to: '2025-06-15' },
            { type: 'child-protection', from: '2025-06-16', to: '2025-06-22' },
            { type: 'child-in-need', from: '2025-06-23' },
          ],
          flags: [{ flag: 'high-risk', from: '2025-06-04', to: '2025-06-05' }],
        },
      ],
      events: [],
    });
    const index = indexHistory(c1History);
    const c1 = index.caseById.get('C1')!;
    const ctx = { index, calendar: new WorkingCalendar() };
    expect(conditionSpans({ episode: ['child-in-need'] }, c1, ctx)).toEqual([
      [toDayNumber('2025-06-02'), toDayNumber('2025-06-15')],
      [toDayNumber('2025-06-23'), Infinity],
    ]);
    expect(conditionSpans({ episode: ['child-protection', 'child-in-need'] }, c1, ctx)).toEqual([
      [toDayNumber('2025-06-02'), Infinity],
    ]);
    expect(conditionSpans({ episode: ['child-in-need'], flag: ['high-risk'] }, c1, ctx)).toEqual([
      [toDayNumber('2025-06-04'), toDayNumber('2025-06-05')],
    ]);
    expect([...c1.memo.episodeSpans!.keys()].sort()).toEqual(['child-in-need', 'child-protection']);
    expect(conditionSpans({ episode: ['care-leaver'] }, c1, ctx)).toEqual([]);
    expect(indexHistory(c1History).caseById.get('C1')!.memo.flagSpans).toBeUndefined();
  });

  it('no file of src/engine keeps a Map or WeakMap at module scope', () => {
    const dir = join(import.meta.dirname, '..', '..', 'src', 'engine');
    const found = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) =>
        /^(?:export )?(?:const|let) \w+\s*(?::[^=]+)?=\s*new (?:Weak)?Map\b/m.test(
          readFileSync(join(dir, f), 'utf8'),
        ),
      );
    expect(found).toEqual([]);
  });
});
