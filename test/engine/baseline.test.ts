import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { toDayNumber } from '../../src/calendar/index.js';
import { compareToBaseline, getPolicy, loadPolicy, type Policy } from '../../src/index.js';
import { type BaselineDay, baselineWording } from '../../src/report/baseline.js';
import { d } from './day-dates.js';

// A comparison's verdicts, rules and the day that decided each row; the words of its sentences are
// asserted in test/report/baseline.test.ts, and here once per row kind (interval, length, recording),
// to show the row's sentence is the one made of them.

const lga = getPolicy('england-lga-2020');
const dfe = getPolicy('england-dfe-2024');
const rowOf = (policy: Policy, baseline: Policy, requirement: string, group: string) => {
  const row = compareToBaseline(policy, baseline).rows.find(
    (r) => r.requirement === requirement && r.group === group,
  );
  if (!row) throw new Error(`no row ${requirement} ${group}`);
  return row;
};
/**
 * A row and what its sentence was made from, as compareToBaseline passed them to the baseline's
 * wording: the day that decided it (its day, status, due days or minutes, the rules that set it) and
 * the policy id it names.
 */
function decided(policy: Policy, baseline: Policy, requirement: string, group: string) {
  const spies = [
    vi.spyOn(baselineWording, 'interval'),
    vi.spyOn(baselineWording, 'length'),
    vi.spyOn(baselineWording, 'recording'),
  ];
  try {
    const row = rowOf(policy, baseline, requirement, group);
    for (const spy of spies) {
      const i = spy.mock.results.findIndex((r) => r.value === row.explanation);
      if (i < 0) continue;
      const [verdict, at, policyId] = spy.mock.calls[i]!;
      expect(verdict).toBe(row.verdict);
      return { row, at, policyId };
    }
    throw new Error(`no sentence made for ${requirement} ${group}`);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}
/** A deciding day of an interval or a record deadline, its day numbers as dates. */
const dates = (at: BaselineDay | undefined) =>
  at && {
    ...at,
    day: d(at.day),
    council: at.council === undefined ? undefined : d(at.council),
    baseline: at.baseline === undefined ? undefined : d(at.baseline),
  };
const verdicts = (policy: Policy, baseline: Policy) =>
  compareToBaseline(policy, baseline).rows.map((r) => [
    r.requirement,
    r.group,
    r.verdict,
    r.council.map((c) => c.ruleId),
  ]);

/** A council of one's own: metadata and the rules given. */
const council = (rules: unknown[], effectiveFrom = '2025-01-06'): Policy =>
  loadPolicy({
    id: 'test-council',
    name: 'Test supervision policy',
    council: 'Test Council',
    source: 'test.txt',
    version: '1',
    effectiveFrom,
    rules: rules.map((r) => ({
      strength: 'must',
      citation: { source: 'test.txt', section: '1', quote: 'a quote' },
      ...(r as object),
    })),
  });
const oneToOnes = (id: string, schedule: unknown[], when?: unknown) => ({
  id,
  name: 'supervision',
  kind: 'interval',
  subject: 'staff',
  activity: 'one-to-one',
  counts: ['one-to-one'],
  schedule,
  ...(when ? { when } : {}),
});

describe('compareToBaseline: the five councils against the LGA standard', () => {
  it('rows: each baseline requirement for each group its conditions cover, in the baseline order', () => {
    const c = compareToBaseline(getPolicy('york'), lga);
    expect(c.rows.map((r) => [r.requirement, r.group])).toEqual([
      ['LGA-1', 'past-asye'],
      ['LGA-2', 'newly-qualified'],
      ['LGA-3', 'past-asye'],
      ['LGA-3', 'newly-qualified'],
      ['LGA-3', 'student'],
      ['LGA-4', 'student'],
    ]);
    // Compared over the year from the later effective date: York's 1 Dec 2020.
    expect([c.from, c.to]).toEqual(['2020-12-01', '2021-11-30']);
    expect(c.notCompared).toEqual([]);
    expect(c.policy).toEqual({ id: 'york', name: 'Supervision Policy', version: '1:2' });
  });

  it('LGA-1 against YRK-2: 28 days goes beyond a month (Tue 1 Dec 2020 + 28 = Tue 29 Dec, + 1 month = Fri 1 Jan 2021)', () => {
    const row = rowOf(getPolicy('york'), lga, 'LGA-1', 'past-asye');
    expect(row.verdict).toBe('goes-beyond');
    expect(row.council.map((c) => [c.ruleId, c.asks])).toEqual([['YRK-2', '28 days']]);
    expect(row.baseline).toMatchObject({
      ruleId: 'LGA-1',
      asks: '1 month (at least monthly)',
      strength: 'should',
    });
    expect(row.baseline.citation.quote).toContain('at least monthly');
    expect(row.council[0]!.citation.section).toBe('1. Frequency of supervision');
  });

  it('LGA-1 against GLO-1: 25 working days falls short of a month (Sun 1 Jan 2023: Mon 6 Feb against Wed 1 Feb)', () => {
    // Mon 2 Jan 2023 is the New Year bank holiday; working days 3 Jan … 3 Feb are 24, Mon 6 Feb the 25th.
    // The one interval sentence asserted here (the README's example): the row's sentence is made of its day.
    const { row, at } = decided(getPolicy('gloucestershire'), lga, 'LGA-1', 'past-asye');
    expect(row.verdict).toBe('falls-short');
    expect(dates(at)).toEqual({
      day: '2023-01-01',
      status: 'short',
      council: '2023-02-06',
      baseline: '2023-02-01',
      by: ['GLO-1'],
    });
    expect(row.explanation).toBe(
      'After a session on Sun 1 Jan 2023 social workers past the ASYE are next due Mon 6 Feb 2023 under GLO-1 but Wed 1 Feb 2023 under LGA-1.',
    );
  });

  it('LGA-2 newly qualified: Southwark meets (SWK-2 has the same phases), Nottingham and Gloucestershire fall short with their untimed ASYE rule named', () => {
    expect(rowOf(getPolicy('southwark'), lga, 'LGA-2', 'newly-qualified').verdict).toBe('meets');
    const { row: not, at } = decided(getPolicy('nottingham'), lga, 'LGA-2', 'newly-qualified');
    // Wed 1 Jan 2020 (LGA effective date, later than Nottingham's): + 1 month = Sat 1 Feb under NOT-1, + 7 days = Wed 8 Jan under LGA-2.
    expect(not.verdict).toBe('falls-short');
    expect(dates(at)).toEqual({
      day: '2020-01-01',
      status: 'short',
      council: '2020-02-01',
      baseline: '2020-01-08',
      by: ['NOT-1'],
    });
    expect(not.related.map((r) => [r.ruleId, r.asks])).toEqual([['NOT-2', 'no number']]);
    expect(
      rowOf(getPolicy('gloucestershire'), lga, 'LGA-2', 'newly-qualified').related.map((r) => r.ruleId),
    ).toEqual(['GLO-6']);
  });

  it('LGA-2 against Derby: DER-4 fortnightly falls short in week 5 of the ASYE (Thu 20 Jun 2024: 4 Jul against 27 Jun)', () => {
    // Derby from Mon 20 May 2024: DER-3 weekly in the first month in role (to 19 Jun), then DER-4's 14 days;
    // LGA-2 is weekly to 6 weeks (to 30 Jun). 20 Jun + 14 = 4 Jul; 20 Jun + 7 = 27 Jun.
    const { row, at } = decided(getPolicy('derby'), lga, 'LGA-2', 'newly-qualified');
    expect(row.verdict).toBe('falls-short');
    expect(dates(at)).toEqual({
      day: '2024-06-20',
      status: 'short',
      council: '2024-07-04',
      baseline: '2024-06-27',
      by: ['DER-4'],
    });
    // DER-2 may relax DER-1: named beside it, not counted.
    expect(row.related.map((r) => [r.ruleId, r.asks])).toEqual([
      ['DER-2', "42 days in place of DER-1's interval when its conditions hold"],
    ]);
  });

  it("LGA-3 90 minutes: only Southwark has a session length; Derby's 120 minutes a month is named, not counted", () => {
    expect(rowOf(getPolicy('southwark'), lga, 'LGA-3', 'student').verdict).toBe('meets');
    const der = rowOf(getPolicy('derby'), lga, 'LGA-3', 'past-asye');
    expect(der.verdict).toBe('not-covered');
    expect(der.council).toEqual([]);
    // The one session-length sentence asserted here: the policy id, the baseline's minutes and the related rule.
    expect(der.explanation).toBe(
      'No rule of derby sets how long a session of social workers past the ASYE lasts, where LGA-3 asks 90 minutes; DER-9 asks 120 minutes a calendar month in total.',
    );
  });

  it("LGA-4 students as agreed: York's agreed interval meets it; a fixed interval goes beyond", () => {
    expect(rowOf(getPolicy('york'), lga, 'LGA-4', 'student').verdict).toBe('meets');
    const { row: glo, at } = decided(getPolicy('gloucestershire'), lga, 'LGA-4', 'student');
    expect(glo.verdict).toBe('goes-beyond');
    // Sun 1 Jan 2023 + 7 days = Sun 8 Jan under GLO-5; the baseline sets no day.
    expect(dates(at)).toEqual({ day: '2023-01-01', status: 'beyond', council: '2023-01-08', by: ['GLO-5'] });
    expect(glo.council.map((c) => [c.ruleId, c.asks])).toEqual([['GLO-5', '7 days (weekly)']]);
    expect(glo.baseline.asks).toBe('the agreed interval (as agreed with students and programme providers)');
  });

  it('each council, every verdict (the README table)', () => {
    expect(compareToBaseline(getPolicy('southwark'), lga).rows.map((r) => r.verdict)).toEqual([
      'meets',
      'meets',
      'meets',
      'meets',
      'meets',
      'goes-beyond',
    ]);
    expect(verdicts(getPolicy('nottingham'), lga)).toEqual([
      ['LGA-1', 'past-asye', 'meets', ['NOT-1']],
      ['LGA-2', 'newly-qualified', 'falls-short', ['NOT-1']],
      ['LGA-3', 'past-asye', 'not-covered', []],
      ['LGA-3', 'newly-qualified', 'not-covered', []],
      ['LGA-3', 'student', 'not-covered', []],
      ['LGA-4', 'student', 'goes-beyond', ['NOT-1']],
    ]);
  });
});

describe('compareToBaseline: against the DfE standard', () => {
  it('DFE-2 fortnightly throughout: York falls short from month 6 (Wed 30 Apr 2025: 28 May against 14 May)', () => {
    // York's ASYE probe starts Wed 30 Oct 2024 (DfE's date); YRK-1's 28-day phase from 30 Oct + 6 months = 30 Apr.
    const { row, at } = decided(getPolicy('york'), dfe, 'DFE-2', 'newly-qualified');
    expect(row.verdict).toBe('falls-short');
    expect(dates(at)).toEqual({
      day: '2025-04-30',
      status: 'short',
      council: '2025-05-28',
      baseline: '2025-05-14',
      by: ['YRK-1'],
    });
  });

  it('DFE-2 against Derby goes beyond: DER-3 weekly in the first month (Wed 30 Oct 2024: 6 Nov against 13 Nov)', () => {
    const { row, at } = decided(getPolicy('derby'), dfe, 'DFE-2', 'newly-qualified');
    expect(row.verdict).toBe('goes-beyond');
    expect(row.council.map((c) => c.ruleId)).toEqual(['DER-1', 'DER-3', 'DER-4']);
    expect(dates(at)).toEqual({
      day: '2024-10-30',
      status: 'beyond',
      council: '2024-11-06',
      baseline: '2024-11-13',
      by: ['DER-3'],
    });
  });

  it('DFE-3 asks no length of students, so it has no student row; LGA-3 does', () => {
    const groups = (b: Policy) =>
      compareToBaseline(getPolicy('southwark'), b)
        .rows.filter((r) => r.requirement.endsWith('-3'))
        .map((r) => r.group);
    expect(groups(dfe)).toEqual(['past-asye', 'newly-qualified']);
    expect(groups(lga)).toEqual(['past-asye', 'newly-qualified', 'student']);
  });

  it('a baseline against itself meets every requirement', () => {
    for (const b of [lga, dfe])
      expect(new Set(compareToBaseline(b, b).rows.map((r) => r.verdict))).toEqual(new Set(['meets']));
  });

  it('the two baselines against each other: LGA-2 goes beyond DFE-2 only until month 6', () => {
    // From 30 Oct 2024: LGA-2 weekly, then fortnightly, then monthly from 30 Apr 2025: 30 Apr + 1 month = 30 May
    // against 30 Apr + 14 = 14 May.
    const { row, at } = decided(lga, dfe, 'DFE-2', 'newly-qualified');
    expect(row.verdict).toBe('falls-short');
    expect(dates(at)).toEqual({
      day: '2025-04-30',
      status: 'short',
      council: '2025-05-30',
      baseline: '2025-05-14',
      by: ['LGA-2'],
    });
  });
});

describe("compareToBaseline: councils of one's own", () => {
  it('a rule covering the newly qualified only to month 3 falls short from the day it stops', () => {
    // From Mon 6 Jan 2025: weekly while 6 Jan + 3 months (6 Apr) has not come; nothing from Sun 6 Apr.
    const mine = council([
      oneToOnes('TST-1', [{ interval: { days: 7 } }], {
        asye: true,
        since: { anchor: 'asyeStart', to: { months: 3 } },
      }),
    ]);
    const { row, at, policyId } = decided(mine, lga, 'LGA-2', 'newly-qualified');
    expect(row.verdict).toBe('falls-short');
    expect(dates(at)).toEqual({ day: '2025-04-06', status: 'uncovered' });
    expect(policyId).toBe('test-council');
    expect(row.baseline.asks).toBe(
      '7 days (weekly for the first six weeks); 14 days (fortnightly to month 6); 1 month (monthly thereafter)',
    );
    const none = decided(mine, lga, 'LGA-1', 'past-asye');
    expect(none.row).toMatchObject({ verdict: 'not-covered', council: [], related: [] });
    expect(none.row.baseline.asks).toBe('1 month (at least monthly)');
    expect(none.policyId).toBe('test-council');
  });

  it('an interval left to an agreement falls short of a fixed one', () => {
    const mine = council([oneToOnes('TST-1', [{ interval: { fromArrangement: 'agreed-interval' } }])]);
    const { row, at } = decided(mine, lga, 'LGA-1', 'past-asye');
    expect(row.verdict).toBe('falls-short');
    // Mon 6 Jan 2025, the first day: + 1 month = Thu 6 Feb under LGA-1; TST-1 sets no day.
    expect(dates(at)).toEqual({
      day: '2025-01-06',
      status: 'agreement',
      baseline: '2025-02-06',
      by: ['TST-1'],
    });
    expect(row.council.map((c) => [c.ruleId, c.asks])).toEqual([['TST-1', 'the agreed interval']]);
    expect(row.baseline.asks).toBe('1 month (at least monthly)');
  });

  it('session lengths: 120 minutes goes beyond 90, 60 falls short, 90 meets', () => {
    const length = (minutes: number) =>
      council([
        {
          id: 'TST-1',
          name: 'long sessions',
          kind: 'session-length',
          subject: 'staff',
          activity: 'one-to-one',
          counts: ['one-to-one'],
          minimumMinutes: minutes,
        },
      ]);
    // From Mon 6 Jan 2025: the day that decides is the first one compared.
    const at = (m: number) => decided(length(m), lga, 'LGA-3', 'past-asye');
    for (const [m, verdict, status] of [
      [120, 'goes-beyond', 'beyond'],
      [60, 'falls-short', 'short'],
      [90, 'meets', 'meets'],
    ] as const) {
      const { row, at: day } = at(m);
      expect(row.verdict).toBe(verdict);
      expect(day).toEqual({ day: toDayNumber('2025-01-06'), status, council: m, baseline: 90 });
      expect(row.council.map((c) => [c.ruleId, c.asks])).toEqual([['TST-1', `${m} minutes a session`]]);
      expect(row.baseline.asks).toBe('90 minutes a session');
    }
  });

  it('record deadlines: 2 working days fall short of 1, 24 hours goes beyond 2 working days', () => {
    const recording = (id: string, deadline: unknown) => ({
      id,
      name: 'supervision record',
      kind: 'recording',
      activity: 'recording',
      records: 'session',
      counts: ['one-to-one'],
      deadline,
    });
    const oneDay = council([recording('BAS-1', { workingDays: 1 })]);
    const twoDays = council([recording('TST-1', { workingDays: 2 })]);
    const hours = council([recording('TST-2', { hours: 24 })]);
    // Mon 6 Jan 2025: 1 working day = Tue 7 Jan, 2 = Wed 8 Jan.
    const short = compareToBaseline(twoDays, oneDay).rows;
    expect(short.map((r) => [r.requirement, r.group, r.verdict])).toEqual([
      ['BAS-1', 'everyone', 'falls-short'],
    ]);
    // The one record sentence asserted here: the day, both due days and both rules.
    expect(short[0]!.explanation).toBe(
      'For a session on Mon 6 Jan 2025 the supervision record is due Wed 8 Jan 2025 under TST-1 and Tue 7 Jan 2025 under BAS-1.',
    );
    // 24 hours from any time on a day ends the next day at the latest; 2 working days never end sooner.
    expect(compareToBaseline(hours, twoDays).rows[0]!.verdict).toBe('goes-beyond');
    expect(compareToBaseline(oneDay, oneDay).rows[0]).toMatchObject({
      verdict: 'meets',
      council: [{ ruleId: 'BAS-1', asks: '1 working day' }],
      baseline: { ruleId: 'BAS-1', asks: '1 working day' },
    });
    expect(compareToBaseline(getPolicy('york'), oneDay).rows[0]).toMatchObject({
      verdict: 'falls-short',
      council: [{ ruleId: 'YRK-12', asks: '2 working days' }],
    });
    expect(compareToBaseline(lga, oneDay).rows[0]!.verdict).toBe('not-covered');
  });

  it('rule kinds with no comparison are listed, not judged', () => {
    const base = council([
      {
        id: 'BAS-1',
        name: 'appraisal review',
        kind: 'follow-up',
        subject: 'staff',
        activity: 'appraisal-review',
        trigger: ['appraisal'],
        counts: ['appraisal-review'],
        within: { months: 6 },
      },
    ]);
    expect(compareToBaseline(getPolicy('york'), base)).toMatchObject({ rows: [], notCompared: ['BAS-1'] });
  });

  it('property: a fixed interval of n days goes beyond "at least monthly" exactly when n ≤ 28, else falls short', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), (n) => {
        const mine = council([oneToOnes('TST-1', [{ interval: { days: n } }])]);
        const verdict = rowOf(mine, lga, 'LGA-1', 'past-asye').verdict;
        // February has 28 days (29 in a leap year): a month after 31 Jan is 28 Feb, 28 days on.
        expect(verdict).toBe(n <= 28 ? 'goes-beyond' : 'falls-short');
      }),
      { numRuns: 25 },
    );
  });

  it('pure: the policies given are not changed, and the same call gives the same comparison', () => {
    const york = getPolicy('york');
    const before = JSON.stringify([york, lga]);
    const a = compareToBaseline(york, lga);
    expect(JSON.stringify([york, lga])).toBe(before);
    expect(compareToBaseline(york, lga)).toEqual(a);
  });
});

describe('compareToBaseline at the ends of the calendar', () => {
  it.each(['1000-01-01', '9999-12-31'])(
    'a council effective from %s is compared over a year inside 1004–9998',
    (date) => {
      // Against itself (both dates extreme) and against the LGA standard (the later date decides).
      const mine = council([oneToOnes('TST-1', [{ interval: { days: 28 } }])], date);
      const self = compareToBaseline(mine, mine);
      expect(self.from >= '1004-01-01' && self.to <= '9999-01-01').toBe(true);
      expect(self.rows.map((r) => [r.requirement, r.group, r.verdict])).toEqual([
        ['TST-1', 'past-asye', 'meets'],
        ['TST-1', 'newly-qualified', 'meets'],
        ['TST-1', 'student', 'meets'],
      ]);
      expect(rowOf(mine, lga, 'LGA-1', 'past-asye').verdict).toBe('goes-beyond');
    },
  );
});
