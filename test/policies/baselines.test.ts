import { describe, expect, it } from 'vitest';
import { baselineIds, getPolicy, isPolicyId, policyIds } from '../../src/policies.js';
import { lintPolicy } from '../../src/policy/lint.js';
import { breachesOf, brief, obligationsOf, oneToOne, run, staff } from '../helpers.js';

const both = ['england-lga-2020', 'england-dfe-2024'] as const;
const monthly = { 'england-lga-2020': 'LGA-1', 'england-dfe-2024': 'DFE-1' } as const;
const length = { 'england-lga-2020': 'LGA-3', 'england-dfe-2024': 'DFE-3' } as const;

describe('the national baselines', () => {
  it('are built in beside the five councils, which stay the default list', () => {
    expect(baselineIds).toEqual(both);
    expect(policyIds).toEqual(['nottingham', 'gloucestershire', 'york', 'derby', 'southwark']);
    for (const id of both) {
      expect(isPolicyId(id)).toBe(true);
      expect(getPolicy(id).id).toBe(id);
    }
    expect(getPolicy('england-lga-2020').rules.map((r) => r.id)).toEqual([
      'LGA-1',
      'LGA-2',
      'LGA-3',
      'LGA-4',
    ]);
    expect(getPolicy('england-dfe-2024').rules.map((r) => r.id)).toEqual([
      'DFE-1',
      'DFE-2',
      'DFE-3',
      'DFE-4',
    ]);
  });

  it.each(both)('%s lints clean, and every rule cites a web page with a note', (id) => {
    const policy = getPolicy(id);
    expect(lintPolicy(policy)).toEqual([]);
    for (const r of policy.rules) {
      expect(r.citation.source).toMatch(/^https:\/\//);
      expect(r.note).toMatch(/^Interpretation: /);
    }
  });

  it.each(both)(
    '%s monthly (LGA-1 / DFE-1): a social worker past the ASYE seen on 6 Jan and 20 Feb 2025 is 14 days late',
    (id) => {
      // 6 Jan 2025 + 1 calendar month = Thu 6 Feb 2025; held Thu 20 Feb: 20 Feb − 6 Feb = 14 days late.
      // 20 Feb + 1 month = 20 Mar: upcoming on 1 Mar.
      const history = {
        recordsFrom: '2025-01-06',
        staff: [staff('S1', { startDate: '2019-09-02', qualifiedDate: '2019-06-30' })],
        events: [oneToOne('S1', '2025-01-06'), oneToOne('S1', '2025-02-20')],
      };
      const report = run(id, history, '2025-03-01');
      expect(breachesOf(report, monthly[id]).map(brief)).toEqual([
        { kind: 'late', dueOn: '2025-02-06', metOn: '2025-02-20', daysLate: 14 },
      ]);
      expect(obligationsOf(report, monthly[id], 'S1')).toMatchObject([
        { dueOn: '2025-03-20', status: 'upcoming' },
      ]);
      expect(report.breaches.filter((b) => b.ruleId !== monthly[id])).toEqual([]);
    },
  );

  it.each(both)(
    '%s 90 minutes (LGA-3 / DFE-3): a 60-minute session is 30 minutes short; 90 exactly is not',
    (id) => {
      const history = {
        recordsFrom: '2025-01-06',
        staff: [staff('S1', { startDate: '2019-09-02', qualifiedDate: '2019-06-30' })],
        events: [
          oneToOne('S1', '2025-01-06', { id: 'short', durationMinutes: 60 }),
          oneToOne('S1', '2025-02-03', { id: 'enough', durationMinutes: 90 }),
        ],
      };
      const report = run(id, history, '2025-02-10');
      const short = breachesOf(report, length[id]);
      expect(short.map((b) => [b.kind, b.eventId, b.shortfall])).toEqual([
        ['too-short', 'short', { minutes: 30 }],
      ]);
    },
  );

  // ASYE from Mon 6 Jan 2025. LGA-2: weekly while 6 Jan + 6 weeks (Mon 17 Feb) has not come, fortnightly
  // until 6 Jan + 6 months (Sun 6 Jul), then monthly. DFE-2: fortnightly throughout.
  const nqsw = (events: unknown[], recordsFrom?: string) => ({
    ...(recordsFrom ? { recordsFrom } : {}),
    staff: [
      staff('A1', {
        startDate: '2025-01-06',
        qualifiedDate: '2024-07-01',
        asye: { start: '2025-01-06', end: '2026-01-05' },
      }),
    ],
    events,
  });
  const spring = nqsw(
    [
      '2025-01-06',
      '2025-01-13',
      '2025-01-22',
      '2025-01-29',
      '2025-02-05',
      '2025-02-12',
      '2025-02-26',
      '2025-03-14',
    ].map((d) => oneToOne('A1', d)),
  );

  it('LGA-2 newly qualified, weekly then fortnightly: 22 Jan is 2 days late, 26 Feb on time after the change, 14 Mar 2 days late', () => {
    // 13 Jan + 7 = 20 Jan; held 22 Jan: 2 days late. 12 Feb + 7 = 19 Feb, but fortnightly from 17 Feb:
    // due = later of (12 Feb + 14 = 26 Feb) and earlier of (19 Feb, 17 Feb + 14 = 3 Mar) = 26 Feb: 26 Feb on time.
    // 26 Feb + 14 = 12 Mar; held 14 Mar: 2 days late. 14 Mar + 14 = 28 Mar: upcoming on 20 Mar.
    const report = run('england-lga-2020', spring, '2025-03-20');
    expect(breachesOf(report, 'LGA-2').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-01-20', metOn: '2025-01-22', daysLate: 2 },
      { kind: 'late', dueOn: '2025-03-12', metOn: '2025-03-14', daysLate: 2 },
    ]);
    expect(obligationsOf(report, 'LGA-2', 'A1')).toMatchObject([{ dueOn: '2025-03-28', status: 'upcoming' }]);
    expect(breachesOf(report, 'LGA-1')).toEqual([]);
  });

  it('DFE-2 newly qualified, fortnightly throughout: the same sessions break only on 14 Mar', () => {
    // 13 Jan + 14 = 27 Jan: 22 Jan is in time (the weekly start is LGA-2's, not DFE-2's). Every later gap is
    // at most 14 days until 26 Feb + 14 = 12 Mar; held 14 Mar: 2 days late.
    const report = run('england-dfe-2024', spring, '2025-03-20');
    expect(breachesOf(report, 'DFE-2').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-03-12', metOn: '2025-03-14', daysLate: 2 },
    ]);
    expect(obligationsOf(report, 'DFE-2', 'A1')).toMatchObject([{ dueOn: '2025-03-28', status: 'upcoming' }]);
  });

  const summer = nqsw(
    ['2025-06-16', '2025-06-30', '2025-07-30'].map((d) => oneToOne('A1', d)),
    '2025-06-16',
  );

  it('LGA-2 after month 6 turns monthly: 30 Jun → 30 Jul on time, then 30 Aug missed by 31 Aug', () => {
    // 30 Jun + 14 = 14 Jul, but monthly from 6 Jul: due = later of (30 Jun + 1 month = 30 Jul) and
    // earlier of (14 Jul, 6 Jul + 1 month = 6 Aug) = 30 Jul: 30 Jul on time. 30 Jul + 1 month = 30 Aug:
    // nothing by 31 Aug, 1 day overdue.
    const report = run('england-lga-2020', summer, '2025-08-31');
    expect(breachesOf(report, 'LGA-2').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-08-30', metOn: null, daysLate: 1 },
    ]);
  });

  it('DFE-2 stays fortnightly after month 6: 30 Jul is 16 days late, 13 Aug missed', () => {
    // 30 Jun + 14 = 14 Jul; held 30 Jul: 16 days late. 30 Jul + 14 = 13 Aug; nothing by 31 Aug: 18 days.
    const report = run('england-dfe-2024', summer, '2025-08-31');
    expect(breachesOf(report, 'DFE-2').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-07-14', metOn: '2025-07-30', daysLate: 16 },
      { kind: 'missed', dueOn: '2025-08-13', metOn: null, daysLate: 18 },
    ]);
  });

  it.each([
    ['england-lga-2020', 'LGA-4'],
    ['england-dfe-2024', 'DFE-4'],
  ] as const)(
    '%s students (%s): not evaluable without an agreed interval; with 14 days, 3 days late',
    (id, rule) => {
      // Agreed 14 days from 6 Jan: 6 Jan + 14 = 20 Jan; held 23 Jan: 3 days late.
      const events = [oneToOne('ST', '2025-01-06'), oneToOne('ST', '2025-01-23')];
      const student = (extra: Record<string, unknown>) => ({
        recordsFrom: '2025-01-06',
        staff: [staff('ST', { role: 'student', startDate: '2025-01-06', ...extra })],
        events,
      });
      const without = run(id, student({}), '2025-01-31');
      expect(without.notEvaluable.map((n) => n.ruleId)).toContain(rule);
      expect(breachesOf(without, rule)).toEqual([]);
      const agreed = run(
        id,
        student({ arrangements: [{ type: 'agreed-interval', from: '2025-01-06', interval: { days: 14 } }] }),
        '2025-01-31',
      );
      expect(breachesOf(agreed, rule).map(brief)).toEqual([
        { kind: 'late', dueOn: '2025-01-20', metOn: '2025-01-23', daysLate: 3 },
      ]);
    },
  );
});
