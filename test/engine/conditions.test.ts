/** Conditions (src/engine/conditions.ts): the days a rule applies, on one interval rule. */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.js';
import { run, staff } from '../helpers.js';
import { every, s1 } from '../rules/test-policies.js';

describe('conditions: the days a rule applies', () => {
  const dueOf = (report: Report) => report.obligations.map((o) => [o.subject.id, o.dueOn]);

  it('a condition key given as undefined is skipped (JavaScript callers write it)', () => {
    const report = run(every({ when: { role: undefined, fullTime: true } }), { staff: [s1()] }, '2025-03-10');
    expect(dueOf(report)).toEqual([['S1', '2025-03-31']]);
  });

  it.each([
    [{}, [['T1', '2025-03-31']]],
    [{ episode: ['child-protection'] }, []],
    [{ flag: ['high-risk'] }, []],
    [{ allocated: true }, []],
    [{ fullTime: true }, []],
  ])('a team rule with when %j', (when, expected) => {
    const rule = every({ subject: 'team', counts: ['group'], when });
    const report = run(rule, { staff: [s1({ teamId: 'T1' })] }, '2025-03-10');
    expect(dueOf(report)).toEqual(expected);
  });

  it.each([
    // A case-only key asked of staff, and a staff-only key asked of a case, never hold.
    ['staff', { episode: ['child-in-need'] }],
    ['staff', { flag: ['high-risk'] }],
    ['staff', { allocated: true }],
    ['case', { role: ['social-worker'] }],
    ['case', { supervisorReportsOver: 0 }],
  ])('a %s rule with when %j never applies', (subject, when) => {
    const history = {
      staff: [s1()],
      cases: [{ id: 'C1', episodes: [{ type: 'child-in-need', from: '2025-03-03' }] }],
    };
    expect(dueOf(run(every({ subject, when }), history, '2025-03-10'))).toEqual([]);
  });

  // S1 starts Mon 6 Jan, in role from Mon 3 Feb, ASYE from Mon 3 Mar; the rule applies from 7 days after the anchor.
  it.each([
    // Rule begins 6 Jan + 7 = Mon 13 Jan, + 28 = Mon 10 Feb: overdue on 10 Mar.
    ['start', {}, ['overdue', '2025-02-10', '2025-01-13']],
    // 3 Feb + 7 = Mon 10 Feb, + 28 = Mon 10 Mar: due on asOf, still upcoming.
    ['roleStart', {}, ['upcoming', '2025-03-10', '2025-02-10']],
    // 3 Mar + 7 = Mon 10 Mar, + 28 = Mon 7 Apr.
    ['asyeStart', {}, ['upcoming', '2025-04-07', '2025-03-10']],
    ['asyeStart', { asye: null }, null],
  ])('since %s + 7 days', (anchor, extra, expected) => {
    const s = staff('S1', {
      startDate: '2025-01-06',
      roleStartDate: '2025-02-03',
      asye: { start: '2025-03-03' },
      ...extra,
    });
    const report = run(
      every({ when: { since: { anchor, from: { days: 7 } } } }),
      { staff: [s] },
      '2025-03-10',
    );
    expect(report.obligations.map((o) => [o.status, o.dueOn, o.basis])).toEqual(
      expected === null
        ? []
        : [
            [
              expected[0],
              expected[1],
              {
                kind: 'interval',
                from: { reason: 'rule-began', on: expected[2] },
                interval: { every: { days: 28 } },
                dueBy: expected[1],
              },
            ],
          ],
    );
  });

  it.each([
    // from 7 to 8 days: the one day 3 Mar + 7 = 10 Mar (to is exclusive: 3 Mar + 8 - 1); asOf that day.
    [{ days: 7 }, { days: 8 }, [['S1', '2025-04-07']]],
    // from 8 to 7 days: no day at all.
    [{ days: 8 }, { days: 7 }, []],
  ])('since start, from %j to %j', (from, to, expected) => {
    const report = run(
      every({ when: { since: { anchor: 'start', from, to } } }),
      { staff: [s1()] },
      '2025-03-10',
    );
    expect(dueOf(report)).toEqual(expected);
  });

  it('arrangement: only the arrangement of that type opens the rule (a performance plan from Mon 10 Mar)', () => {
    const s = s1({
      arrangements: [
        { type: 'agreed-interval', from: '2025-03-03', interval: { weeks: 2 } },
        { type: 'performance-plan', from: '2025-03-10', interval: { weeks: 1 } },
      ],
    });
    const report = run(every({ when: { arrangement: 'performance-plan' } }), { staff: [s] }, '2025-03-10');
    // 10 Mar + 28 = Mon 7 Apr (from 3 Mar it would be 31 Mar).
    expect(dueOf(report)).toEqual([['S1', '2025-04-07']]);
  });

  it.each([
    // Allocated from Mon 17 Mar: 7 days from then, due Mon 24 Mar.
    [true, [], [['C1', '2025-03-24']]],
    // Not allocated 3–16 Mar: due Mon 10 Mar, window closed on Sun 16 Mar: 7 days late, no obligation.
    [false, [['missed', '2025-03-10', 7]], []],
  ])('a case rule, allocated: %s', (allocated, missed, due) => {
    const rule = every({ subject: 'case', schedule: [{ interval: { days: 7 } }], when: { allocated } });
    const history = {
      staff: [s1()],
      cases: [
        {
          id: 'C1',
          episodes: [{ type: 'child-in-need', from: '2025-03-03' }],
          allocations: [{ workerId: 'S1', from: '2025-03-17' }],
        },
      ],
    };
    const report = run(rule, history, '2025-03-17');
    expect(report.breaches.map((b) => [b.kind, b.dueOn, b.daysLate])).toEqual(missed);
    expect(dueOf(report)).toEqual(due);
  });

  // Before 1970 day numbers are negative: a missing qualification or confirmation date must still mean
  // "always", not "from day 0" (1 Jan 1970). S1 starts Mon 6 Jan 1969; due 28 days later, Mon 3 Feb 1969.
  it.each([
    [{ qualifiedFor: { days: 30 } }, [['S1', '1969-02-03']]],
    [{ confirmedInPost: true }, [['S1', '1969-02-03']]],
    [{ confirmedInPost: false }, []],
  ])('S1 with no qualification or confirmation date, in 1969: when %j', (when, expected) => {
    const report = run(
      every({ when }, { effectiveFrom: '1969-01-01' }),
      { staff: [staff('S1', { startDate: '1969-01-06' })] },
      '1969-01-06',
    );
    expect(dueOf(report)).toEqual(expected);
  });
});
