/**
 * Frequencies set in another document: a schedule entry `sameAs` another policy's interval rule
 * ("in line with the ASYE programme"), resolved when the policy loads; and an entry that states only
 * a bound (`bound: true`, "at least monthly, more often for …"), judged at the bound.
 */
import { describe, expect, it } from 'vitest';
import { checkPolicy, loadPolicy } from '../../src/policy/load.js';
import {
  breachesOf,
  brief,
  fenchesterDefinition,
  obligationsOf,
  oneToOne,
  run,
  staff,
  testRule,
} from '../helpers.js';

const fenchester = fenchesterDefinition;
/** A fictional FEN-21: "Newly qualified social workers are supervised in line with the ASYE programme." */
const fen21 = (
  sameAs: Record<string, unknown> = { policy: 'england-lga-2020', rule: 'LGA-2' },
  when?: unknown,
) =>
  testRule('FEN-21', 'interval', {
    counts: ['one-to-one'],
    ...(when === undefined ? {} : { when }),
    schedule: [{ sameAs }],
  });
const issuesOf = (definition: unknown) => {
  const checked = checkPolicy(definition);
  return checked.ok ? [] : checked.issues;
};

describe('sameAs: an entry follows another policy’s interval rule', () => {
  it('FEN-21 sameAs LGA-2 loads as LGA-2’s entries, each under LGA-2’s when (the ASYE) and the entry’s own', () => {
    const p = loadPolicy(fenchester([fen21()]));
    const rule = p.rules[0]!;
    expect(rule.kind === 'interval' && rule.schedule).toEqual([
      {
        when: { all: [{ asye: true }, { since: { anchor: 'asyeStart', to: { weeks: 6 } } }] },
        interval: { days: 7 },
        label: 'weekly for the first six weeks',
      },
      {
        when: { all: [{ asye: true }, { since: { anchor: 'asyeStart', to: { months: 6 } } }] },
        interval: { days: 14 },
        label: 'fortnightly to month 6',
      },
      { when: { asye: true }, interval: { months: 1 }, label: 'monthly thereafter' },
    ]);
  });

  it('FEN-21: ASYE from Mon 6 Jan 2025, records from Mon 10 Feb (due 17 Feb weekly); 1:1 Wed 12 Feb, due 19 Feb; the fortnightly phase from Mon 17 Feb: the later of 12 Feb + 14 = 26 Feb and the earlier of 19 Feb and 17 Feb + 14 = 3 Mar, so Wed 26 Feb, as under LGA-2 itself', () => {
    const history = {
      recordsFrom: '2025-02-10',
      staff: [staff('S1', { startDate: '2025-01-06', asye: { start: '2025-01-06' } })],
      events: [oneToOne('S1', '2025-02-12')],
    };
    const report = run(loadPolicy(fenchester([fen21()])), history, '2025-02-20');
    expect(obligationsOf(report, 'FEN-21', 'S1').map((o) => o.dueOn)).toEqual(['2025-02-26']);
    expect(breachesOf(report, 'FEN-21')).toEqual([]);
    const lga = run('england-lga-2020', history, '2025-02-20');
    expect(obligationsOf(lga, 'LGA-2', 'S1').map((o) => o.dueOn)).toEqual(['2025-02-26']);
    // After the ASYE (a worker with none) FEN-21 never applies: LGA-2's when is carried over.
    const after = run(loadPolicy(fenchester([fen21()])), { ...history, staff: [staff('S1')] }, '2025-06-20');
    expect(obligationsOf(after, 'FEN-21')).toEqual([]);
  });

  it('with policy left out, refers to the policy this one extends', () => {
    const p = loadPolicy(fenchester([fen21({ rule: 'LGA-2' })], { extends: 'england-lga-2020' }));
    const own = p.rules.find((r) => r.id === 'FEN-21')!;
    expect(own.kind === 'interval' && own.schedule.map((e) => e.interval)).toEqual([
      { days: 7 },
      { days: 14 },
      { months: 1 },
    ]);
  });

  it('a missing rule, a missing policy, or no policy to refer to is an error at the reference', () => {
    expect(issuesOf(fenchester([fen21({ policy: 'england-lga-2020', rule: 'LGA-9' })]))).toEqual([
      {
        path: 'rules[0].schedule[0].sameAs.rule',
        message: 'england-lga-2020 has no interval rule LGA-9 (its interval rules: LGA-1, LGA-2, LGA-4)',
      },
    ]);
    // LGA-3 exists, but it is a session-length rule: it has no schedule to follow.
    expect(issuesOf(fenchester([fen21({ policy: 'england-lga-2020', rule: 'LGA-3' })]))[0]!.path).toBe(
      'rules[0].schedule[0].sameAs.rule',
    );
    const unknown = issuesOf(fenchester([fen21({ policy: 'england-lga-2002', rule: 'LGA-2' })]));
    expect(unknown.map((i) => i.path)).toEqual(['rules[0].schedule[0].sameAs.policy']);
    expect(unknown[0]!.message).toContain('england-lga-2002 is not a built-in policy');
    expect(issuesOf(fenchester([fen21({ rule: 'LGA-2' })]))).toEqual([
      { path: 'rules[0].schedule[0].sameAs.policy', message: 'is required (this policy extends none)' },
    ]);
  });

  it('an entry gives interval or sameAs, not both and not neither', () => {
    const both = testRule('FEN-21', 'interval', {
      counts: ['one-to-one'],
      schedule: [{ interval: { days: 14 }, sameAs: { policy: 'england-lga-2020', rule: 'LGA-2' } }],
    });
    expect(issuesOf(fenchester([both])).map((i) => i.path)).toEqual(['rules[0].schedule[0].sameAs']);
    const neither = testRule('FEN-21', 'interval', { counts: ['one-to-one'], schedule: [{ label: 'x' }] });
    expect(issuesOf(fenchester([neither])).map((i) => i.path)).toEqual(['rules[0].schedule[0].interval']);
  });
});

describe('bound: an entry that states only a bound', () => {
  /**
   * A fictional FEN-22: "Staff are supervised at least monthly, and more often when new to statutory
   * children's social care." The text gives no number for the second: only the bound (monthly).
   */
  const fen22 = (entry: Record<string, unknown> = {}) =>
    testRule('FEN-22', 'interval', {
      counts: ['one-to-one'],
      schedule: [
        {
          when: { tag: ['new-to-statutory'] },
          interval: { months: 1 },
          bound: true,
          label: 'more often than monthly (only the bound is stated)',
          ...entry,
        },
        { interval: { months: 1 }, label: 'at least monthly' },
      ],
    });

  it('FEN-22: judged at the bound: 1:1 Mon 2 Jun 2025, due by 2 Jun + 1 month = Wed 2 Jul; nothing by Thu 10 Jul: missed, 8 days, and an overdue obligation', () => {
    const policy = loadPolicy(fenchester([fen22()], { vocabulary: { tags: ['new-to-statutory'] } }));
    const history = {
      recordsFrom: '2025-06-01',
      staff: [staff('S1', { tags: ['new-to-statutory'] })],
      events: [oneToOne('S1', '2025-06-02')],
    };
    const report = run(policy, history, '2025-07-10');
    expect(breachesOf(report, 'FEN-22').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-07-02', metOn: null, daysLate: 8 },
    ]);
    expect(obligationsOf(report, 'FEN-22').map((o) => [o.dueOn, o.status])).toEqual([
      ['2025-07-02', 'overdue'],
    ]);
  });

  it('a bound needs a duration of its own', () => {
    const issues = issuesOf(
      fenchester([fen22({ interval: { fromArrangement: 'agreed-interval' } })], {
        vocabulary: { tags: ['new-to-statutory'] },
      }),
    );
    expect(issues).toEqual([
      { path: 'rules[0].schedule[0].bound', message: 'a bound needs an interval of its own (a duration)' },
    ]);
  });
});
