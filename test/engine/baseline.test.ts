import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareToBaseline, getPolicy, loadPolicy, type Policy } from '../../src/index.js';

const lga = getPolicy('england-lga-2020');
const dfe = getPolicy('england-dfe-2024');
const rowOf = (policy: Policy, baseline: Policy, requirement: string, group: string) => {
  const row = compareToBaseline(policy, baseline).rows.find(
    (r) => r.requirement === requirement && r.group === group,
  );
  if (!row) throw new Error(`no row ${requirement} ${group}`);
  return row;
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
    const row = rowOf(getPolicy('gloucestershire'), lga, 'LGA-1', 'past-asye');
    expect(row.verdict).toBe('falls-short');
    expect(row.explanation).toBe(
      'After a session on Sun 1 Jan 2023 social workers past the ASYE are next due Mon 6 Feb 2023 under GLO-1 but Wed 1 Feb 2023 under LGA-1.',
    );
  });

  it('LGA-2 newly qualified: Southwark meets (SWK-2 has the same phases), Nottingham and Gloucestershire fall short with their untimed ASYE rule named', () => {
    expect(rowOf(getPolicy('southwark'), lga, 'LGA-2', 'newly-qualified').verdict).toBe('meets');
    const not = rowOf(getPolicy('nottingham'), lga, 'LGA-2', 'newly-qualified');
    // Wed 1 Jan 2020 (LGA effective date, later than Nottingham's): + 1 month = Sat 1 Feb under NOT-1, + 7 days = Wed 8 Jan under LGA-2.
    expect(not.verdict).toBe('falls-short');
    expect(not.related.map((r) => r.ruleId)).toEqual(['NOT-2']);
    expect(not.explanation).toBe(
      'After a session on Wed 1 Jan 2020 newly qualified social workers in their ASYE are next due Sat 1 Feb 2020 under NOT-1 but Wed 8 Jan 2020 under LGA-2; NOT-2 covers them with no number.',
    );
    expect(
      rowOf(getPolicy('gloucestershire'), lga, 'LGA-2', 'newly-qualified').related.map((r) => r.ruleId),
    ).toEqual(['GLO-6']);
  });

  it('LGA-2 against Derby: DER-4 fortnightly falls short in week 5 of the ASYE (Thu 20 Jun 2024: 4 Jul against 27 Jun)', () => {
    // Derby from Mon 20 May 2024: DER-3 weekly in the first month in role (to 19 Jun), then DER-4's 14 days;
    // LGA-2 is weekly to 6 weeks (to 30 Jun). 20 Jun + 14 = 4 Jul; 20 Jun + 7 = 27 Jun.
    const row = rowOf(getPolicy('derby'), lga, 'LGA-2', 'newly-qualified');
    expect(row.verdict).toBe('falls-short');
    expect(row.explanation).toContain('After a session on Thu 20 Jun 2024');
    expect(row.explanation).toContain('Thu 4 Jul 2024 under DER-4 but Thu 27 Jun 2024 under LGA-2');
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
    expect(der.explanation).toBe(
      'No rule of derby sets how long a session of social workers past the ASYE lasts, where LGA-3 asks 90 minutes; DER-9 asks 120 minutes a calendar month in total.',
    );
  });

  it("LGA-4 students as agreed: York's agreed interval meets it; a fixed interval goes beyond", () => {
    expect(rowOf(getPolicy('york'), lga, 'LGA-4', 'student').verdict).toBe('meets');
    const glo = rowOf(getPolicy('gloucestershire'), lga, 'LGA-4', 'student');
    expect(glo.verdict).toBe('goes-beyond');
    expect(glo.explanation).toBe(
      'GLO-5 sets 7 days (weekly) for students, where LGA-4 leaves it to the agreed interval (as agreed with students and programme providers).',
    );
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
    const row = rowOf(getPolicy('york'), dfe, 'DFE-2', 'newly-qualified');
    expect(row.verdict).toBe('falls-short');
    expect(row.explanation).toBe(
      'After a session on Wed 30 Apr 2025 newly qualified social workers in their ASYE are next due Wed 28 May 2025 under YRK-1 but Wed 14 May 2025 under DFE-2.',
    );
  });

  it('DFE-2 against Derby goes beyond: DER-3 weekly in the first month (Wed 30 Oct 2024: 6 Nov against 13 Nov)', () => {
    const row = rowOf(getPolicy('derby'), dfe, 'DFE-2', 'newly-qualified');
    expect(row.verdict).toBe('goes-beyond');
    expect(row.explanation).toContain(
      'never fall due later than DFE-2 for newly qualified social workers in their ASYE, and sooner after a session on Wed 30 Oct 2024: next due Wed 6 Nov 2024 under DER-3 against Wed 13 Nov 2024',
    );
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
    const row = rowOf(lga, dfe, 'DFE-2', 'newly-qualified');
    expect(row.verdict).toBe('falls-short');
    expect(row.explanation).toContain('After a session on Wed 30 Apr 2025');
    expect(row.explanation).toContain('Fri 30 May 2025 under LGA-2 but Wed 14 May 2025 under DFE-2');
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
    const row = rowOf(mine, lga, 'LGA-2', 'newly-qualified');
    expect(row.verdict).toBe('falls-short');
    expect(row.explanation).toBe(
      'From Sun 6 Apr 2025 no rule of test-council sets how often newly qualified social workers in their ASYE are supervised, where LGA-2 asks 7 days (weekly for the first six weeks); 14 days (fortnightly to month 6); 1 month (monthly thereafter).',
    );
    expect(rowOf(mine, lga, 'LGA-1', 'past-asye')).toMatchObject({ verdict: 'not-covered', council: [] });
    expect(rowOf(mine, lga, 'LGA-1', 'past-asye').explanation).toBe(
      'No rule of test-council sets how often social workers past the ASYE are supervised, where LGA-1 asks 1 month (at least monthly).',
    );
  });

  it('an interval left to an agreement falls short of a fixed one', () => {
    const mine = council([oneToOnes('TST-1', [{ interval: { fromArrangement: 'agreed-interval' } }])]);
    const row = rowOf(mine, lga, 'LGA-1', 'past-asye');
    expect(row.verdict).toBe('falls-short');
    expect(row.explanation).toBe(
      'On Mon 6 Jan 2025 TST-1 leaves the interval of social workers past the ASYE to an agreement, where LGA-1 asks 1 month (at least monthly).',
    );
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
    const at = (m: number) => rowOf(length(m), lga, 'LGA-3', 'past-asye');
    expect(at(120).verdict).toBe('goes-beyond');
    expect(at(120).explanation).toBe(
      "TST-1 asks 120 minutes a session of social workers past the ASYE, more than LGA-3's 90.",
    );
    expect(at(60).verdict).toBe('falls-short');
    expect(at(60).explanation).toBe(
      "TST-1 asks 60 minutes a session of social workers past the ASYE, less than LGA-3's 90.",
    );
    expect(at(90).verdict).toBe('meets');
    expect(at(90).explanation).toBe(
      "TST-1 asks 90 minutes a session of social workers past the ASYE, as LGA-3's 90.",
    );
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
    expect(short[0]!.explanation).toBe(
      'For a session on Mon 6 Jan 2025 the supervision record is due Wed 8 Jan 2025 under TST-1 and Tue 7 Jan 2025 under BAS-1.',
    );
    // 24 hours from any time on a day ends the next day at the latest; 2 working days never end sooner.
    expect(compareToBaseline(hours, twoDays).rows[0]!.verdict).toBe('goes-beyond');
    expect(compareToBaseline(oneDay, oneDay).rows[0]!.explanation).toBe(
      'BAS-1 asks the supervision record within the 1 working day BAS-1 asks.',
    );
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
