import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../src/calendar/index.js';
import { type BaselineDay, type BaselineRuleRef, baselineWording } from '../../src/report/baseline.js';

// Every sentence form of a comparison with a national baseline, once each, with a worked example.
// test/engine/baseline.test.ts asserts a comparison's verdicts, rules and the day that decided it
// (and one sentence per row kind, for the wiring); the words are asserted here only.
const { interval, length, recording } = baselineWording;

const citation = { source: 's', section: '1', quote: 'q' };
const rule = (ruleId: string, asks: string): BaselineRuleRef => ({
  ruleId,
  name: 'n',
  asks,
  strength: 'must',
  citation,
});
/** A day's comparison, with its day and due days written as dates. */
const on = (
  day: string,
  status: BaselineDay['status'],
  due: { council?: string; baseline?: string; by?: string[] } = {},
): BaselineDay => ({
  day: toDayNumber(day),
  status,
  ...(due.council ? { council: toDayNumber(due.council) } : {}),
  ...(due.baseline ? { baseline: toDayNumber(due.baseline) } : {}),
  ...(due.by ? { by: due.by } : {}),
});
/** A day's comparison of session lengths: the council's and the baseline's minutes. */
const minutesOn = (day: string, status: BaselineDay['status'], council: number, baseline: number) => ({
  ...on(day, status),
  council,
  baseline,
});

const LGA1 = rule('LGA-1', '1 month (at least monthly)');
const LGA2 = rule(
  'LGA-2',
  '7 days (weekly for the first six weeks); 14 days (fortnightly to month 6); 1 month (monthly thereafter)',
);
const LGA4 = rule('LGA-4', 'the agreed interval (as agreed with students and programme providers)');
const DFE1 = rule('DFE-1', '1 month (monthly)');
const DFE2 = rule('DFE-2', '14 days (fortnightly)');
const DER1 = rule('DER-1', '1 month');
const DER2 = rule('DER-2', "42 days in place of DER-1's interval when its conditions hold");
const DER3 = rule('DER-3', '7 days');
const DER4 = rule('DER-4', '14 days');

describe('baselineWording.interval: how often a group is supervised', () => {
  const agreed = rule('TST-1', 'the agreed interval');
  // Each: what it shows, then the verdict, the day, the policy, the group, the baseline's rule, the
  // council's rules, the related rules, and the sentence.
  it.each<[string, ...Parameters<typeof interval>, string]>([
    [
      'not covered, every day uncovered from Mon 6 Jan 2025: no rule of the policy, and what the baseline asks',
      ...(['not-covered', on('2025-01-06', 'uncovered'), 'test-council', 'past-asye', LGA1, [], []] as const),
      'No rule of test-council sets how often social workers past the ASYE are supervised, where LGA-1 asks 1 month (at least monthly).',
    ],
    [
      'the related rules, after the sentence: an untimed rule "covers them with no number", others "asks" (two, with a comma)',
      ...([
        'not-covered',
        on('2025-01-06', 'uncovered'),
        'test-council',
        'newly-qualified',
        LGA2,
        [],
        [rule('TST-2', 'no number'), rule('TST-3', "42 days in place of TST-1's interval")],
      ] as const),
      "No rule of test-council sets how often newly qualified social workers in their ASYE are supervised, where LGA-2 asks 7 days (weekly for the first six weeks); 14 days (fortnightly to month 6); 1 month (monthly thereafter); TST-2 covers them with no number, TST-3 asks 42 days in place of TST-1's interval.",
    ],
    [
      'meets, one rule: NOT-1 "asks" the same of social workers past the ASYE as LGA-1 (Wed 1 Jan 2020 + 1 month = Sat 1 Feb under both)',
      ...([
        'meets',
        on('2020-01-01', 'meets', { council: '2020-02-01', baseline: '2020-02-01', by: ['NOT-1'] }),
        'nottingham',
        'past-asye',
        LGA1,
        [rule('NOT-1', '1 month (monthly)')],
        [],
      ] as const),
      'NOT-1 asks the same of social workers past the ASYE as LGA-1: 1 month (at least monthly).',
    ],
    [
      'meets, two rules: "TST-1 and TST-2 ask" the same of students as LGA-4 (both agreed from Mon 6 Jan 2025)',
      ...([
        'meets',
        on('2025-01-06', 'meets', { by: ['TST-1', 'TST-2'] }),
        'test-council',
        'student',
        LGA4,
        [agreed, rule('TST-2', 'the agreed interval')],
        [],
      ] as const),
      'TST-1 and TST-2 ask the same of students as LGA-4: the agreed interval (as agreed with students and programme providers).',
    ],
    [
      'goes beyond a fixed interval, one rule: YRK-2 "never falls due later" (Wed 30 Oct 2024 + 28 days = Wed 27 Nov, + 1 month = Sat 30 Nov)',
      ...([
        'goes-beyond',
        on('2024-10-30', 'beyond', { council: '2024-11-27', baseline: '2024-11-30', by: ['YRK-2'] }),
        'york',
        'past-asye',
        DFE1,
        [rule('YRK-2', '28 days')],
        [],
      ] as const),
      'YRK-2 never falls due later than DFE-1 for social workers past the ASYE, and sooner after a session on Wed 30 Oct 2024: next due Wed 27 Nov 2024 under YRK-2 against Sat 30 Nov 2024.',
    ],
    [
      'goes beyond, three rules ("DER-1, DER-3 and DER-4 never fall due"), the day set by DER-3 alone, with DER-2 related (Wed 30 Oct 2024 + 7 days = Wed 6 Nov, + 14 = Wed 13 Nov)',
      ...([
        'goes-beyond',
        on('2024-10-30', 'beyond', { council: '2024-11-06', baseline: '2024-11-13', by: ['DER-3'] }),
        'derby',
        'newly-qualified',
        DFE2,
        [DER1, DER3, DER4],
        [DER2],
      ] as const),
      "DER-1, DER-3 and DER-4 never fall due later than DFE-2 for newly qualified social workers in their ASYE, and sooner after a session on Wed 30 Oct 2024: next due Wed 6 Nov 2024 under DER-3 against Wed 13 Nov 2024; DER-2 asks 42 days in place of DER-1's interval when its conditions hold.",
    ],
    [
      "goes beyond on a day that names no rules: the council's rules are named (Mon 6 Jan 2025 + 28 days = Mon 3 Feb, + 1 month = Thu 6 Feb)",
      ...([
        'goes-beyond',
        on('2025-01-06', 'beyond', { council: '2025-02-03', baseline: '2025-02-06' }),
        'test-council',
        'past-asye',
        LGA1,
        [rule('TST-1', '28 days'), rule('TST-2', '4 weeks')],
        [],
      ] as const),
      'TST-1 and TST-2 never fall due later than LGA-1 for social workers past the ASYE, and sooner after a session on Mon 6 Jan 2025: next due Mon 3 Feb 2025 under TST-1 and TST-2 against Thu 6 Feb 2025.',
    ],
    [
      'goes beyond an agreed interval (no baseline day), one rule: "GLO-5 sets 7 days (weekly) for students" (Sun 1 Jan 2023 + 7 days = Sun 8 Jan)',
      ...([
        'goes-beyond',
        on('2023-01-01', 'beyond', { council: '2023-01-08', by: ['GLO-5'] }),
        'gloucestershire',
        'student',
        LGA4,
        [rule('GLO-5', '7 days (weekly)')],
        [],
      ] as const),
      'GLO-5 sets 7 days (weekly) for students, where LGA-4 leaves it to the agreed interval (as agreed with students and programme providers).',
    ],
    [
      'goes beyond an agreed interval, two rules: "DER-1 sets 1 month and DER-3 7 days", DER-2 related (Mon 20 May 2024 + 7 days = Mon 27 May)',
      ...([
        'goes-beyond',
        on('2024-05-20', 'beyond', { council: '2024-05-27', by: ['DER-3'] }),
        'derby',
        'student',
        LGA4,
        [DER1, DER3],
        [DER2],
      ] as const),
      "DER-1 sets 1 month and DER-3 7 days for students, where LGA-4 leaves it to the agreed interval (as agreed with students and programme providers); DER-2 asks 42 days in place of DER-1's interval when its conditions hold.",
    ],
    [
      'falls short, a later due day: GLO-1 after a session on Sun 1 Jan 2023 (25 working days = Mon 6 Feb; 1 month = Wed 1 Feb)',
      ...([
        'falls-short',
        on('2023-01-01', 'short', { council: '2023-02-06', baseline: '2023-02-01', by: ['GLO-1'] }),
        'gloucestershire',
        'past-asye',
        LGA1,
        [rule('GLO-1', '25 working days')],
        [],
      ] as const),
      'After a session on Sun 1 Jan 2023 social workers past the ASYE are next due Mon 6 Feb 2023 under GLO-1 but Wed 1 Feb 2023 under LGA-1.',
    ],
    [
      'falls short, the day set by one of three rules, DER-2 related (Thu 20 Jun 2024 + 14 days = Thu 4 Jul under DER-4, + 7 = Thu 27 Jun)',
      ...([
        'falls-short',
        on('2024-06-20', 'short', { council: '2024-07-04', baseline: '2024-06-27', by: ['DER-4'] }),
        'derby',
        'newly-qualified',
        LGA2,
        [DER1, DER3, DER4],
        [DER2],
      ] as const),
      "After a session on Thu 20 Jun 2024 newly qualified social workers in their ASYE are next due Thu 4 Jul 2024 under DER-4 but Thu 27 Jun 2024 under LGA-2; DER-2 asks 42 days in place of DER-1's interval when its conditions hold.",
    ],
    [
      'falls short, a day no rule covers: "From Sun 6 Apr 2025 no rule of test-council" (Mon 6 Jan 2025 + 3 months)',
      ...([
        'falls-short',
        on('2025-04-06', 'uncovered'),
        'test-council',
        'newly-qualified',
        LGA2,
        [rule('TST-1', '7 days')],
        [],
      ] as const),
      'From Sun 6 Apr 2025 no rule of test-council sets how often newly qualified social workers in their ASYE are supervised, where LGA-2 asks 7 days (weekly for the first six weeks); 14 days (fortnightly to month 6); 1 month (monthly thereafter).',
    ],
    [
      'falls short, left to an agreement by one rule: "On Mon 6 Jan 2025 TST-1 leaves the interval" (+ 1 month = Thu 6 Feb under LGA-1)',
      ...([
        'falls-short',
        on('2025-01-06', 'agreement', { baseline: '2025-02-06', by: ['TST-1'] }),
        'test-council',
        'past-asye',
        LGA1,
        [agreed],
        [],
      ] as const),
      'On Mon 6 Jan 2025 TST-1 leaves the interval of social workers past the ASYE to an agreement, where LGA-1 asks 1 month (at least monthly).',
    ],
    [
      'falls short, left to an agreement by two rules: "TST-1 and TST-2 leave" (Mon 6 Jan 2025)',
      ...([
        'falls-short',
        on('2025-01-06', 'agreement', { baseline: '2025-02-06', by: ['TST-1', 'TST-2'] }),
        'test-council',
        'past-asye',
        LGA1,
        [agreed, rule('TST-2', "the performance plan's interval")],
        [],
      ] as const),
      'On Mon 6 Jan 2025 TST-1 and TST-2 leave the interval of social workers past the ASYE to an agreement, where LGA-1 asks 1 month (at least monthly).',
    ],
  ])('%s', (_title, verdict, at, policyId, group, base, council, related, sentence) => {
    expect(interval(verdict, at, policyId, group, base, council, related)).toBe(sentence);
  });
});

describe('baselineWording.length: how long a session lasts', () => {
  const LGA3 = rule('LGA-3', '90 minutes a session');

  it('not covered, with DER-9 related: "No rule of derby sets how long a session ... lasts" (from Mon 20 May 2024)', () => {
    const DER9 = rule('DER-9', '120 minutes a calendar month in total');
    expect(
      length('not-covered', on('2024-05-20', 'uncovered'), 'derby', 'past-asye', LGA3, 90, [], [DER9]),
    ).toBe(
      'No rule of derby sets how long a session of social workers past the ASYE lasts, where LGA-3 asks 90 minutes; DER-9 asks 120 minutes a calendar month in total.',
    );
  });

  it('falls short, a day no rule covers: "From Sun 6 Apr 2025 no rule of test-council" (Mon 6 Jan 2025 + 3 months)', () => {
    const council = [rule('TST-1', '90 minutes a session')];
    expect(
      length(
        'falls-short',
        on('2025-04-06', 'uncovered'),
        'test-council',
        'newly-qualified',
        LGA3,
        90,
        council,
        [],
      ),
    ).toBe(
      'From Sun 6 Apr 2025 no rule of test-council sets how long a session of newly qualified social workers in their ASYE lasts, where LGA-3 asks 90 minutes.',
    );
  });

  it('one rule: 120 minutes goes beyond 90 ("more than"), 60 falls short ("less than") (Mon 6 Jan 2025)', () => {
    const at = (minutes: number, status: BaselineDay['status']) =>
      minutesOn('2025-01-06', status, minutes, 90);
    const council = (minutes: number) => [rule('TST-1', `${minutes} minutes a session`)];
    expect(
      length('goes-beyond', at(120, 'beyond'), 'test-council', 'past-asye', LGA3, 90, council(120), []),
    ).toBe("TST-1 asks 120 minutes a session of social workers past the ASYE, more than LGA-3's 90.");
    expect(
      length('falls-short', at(60, 'short'), 'test-council', 'past-asye', LGA3, 90, council(60), []),
    ).toBe("TST-1 asks 60 minutes a session of social workers past the ASYE, less than LGA-3's 90.");
  });

  it('meets, two rules: "TST-1 and TST-2 ask 90 minutes a session of students, as LGA-3\'s 90" (Mon 6 Jan 2025)', () => {
    const council = [rule('TST-1', '90 minutes a session'), rule('TST-2', '60 minutes a session')];
    expect(
      length(
        'meets',
        minutesOn('2025-01-06', 'meets', 90, 90),
        'test-council',
        'student',
        LGA3,
        90,
        council,
        [],
      ),
    ).toBe("TST-1 and TST-2 ask 90 minutes a session of students, as LGA-3's 90.");
  });
});

describe('baselineWording.recording: when a record is due', () => {
  const BAS1 = rule('BAS-1', '1 working day');

  it('not covered: "No rule of england-lga-2020 sets when the supervision record is due" (from Mon 6 Jan 2025)', () => {
    expect(
      recording('not-covered', on('2025-01-06', 'uncovered'), 'england-lga-2020', 'session', BAS1, []),
    ).toBe(
      'No rule of england-lga-2020 sets when the supervision record is due, where BAS-1 asks 1 working day.',
    );
  });

  it('meets, one rule, a session record: "TST-1 asks the supervision record within the 1 working day BAS-1 asks" (Mon 6 Jan 2025 + 1 working day = Tue 7 Jan)', () => {
    const at = on('2025-01-06', 'meets', { council: '2025-01-07', baseline: '2025-01-07' });
    expect(recording('meets', at, 'test-council', 'session', BAS1, [rule('TST-1', '1 working day')])).toBe(
      'TST-1 asks the supervision record within the 1 working day BAS-1 asks.',
    );
  });

  it('meets, two rules, a case record: "TST-1 and TST-2 ask the case record within the 2 working days BAS-1 asks" (Mon 6 Jan 2025 + 2 = Wed 8 Jan)', () => {
    const at = on('2025-01-06', 'meets', { council: '2025-01-08', baseline: '2025-01-08' });
    const council = [rule('TST-1', '2 working days'), rule('TST-2', '2 working days')];
    expect(recording('meets', at, 'test-council', 'case', rule('BAS-1', '2 working days'), council)).toBe(
      'TST-1 and TST-2 ask the case record within the 2 working days BAS-1 asks.',
    );
  });

  it('falls short, a session record: Mon 6 Jan 2025 + 2 working days = Wed 8 Jan under TST-1, + 1 = Tue 7 Jan under BAS-1', () => {
    const at = on('2025-01-06', 'short', { council: '2025-01-08', baseline: '2025-01-07' });
    expect(
      recording('falls-short', at, 'test-council', 'session', BAS1, [rule('TST-1', '2 working days')]),
    ).toBe(
      'For a session on Mon 6 Jan 2025 the supervision record is due Wed 8 Jan 2025 under TST-1 and Tue 7 Jan 2025 under BAS-1.',
    );
  });

  it('goes beyond, two rules, a case record: Fri 10 Jan 2025 + 24 hours = Sat 11 Jan under TST-2 and TST-3, + 2 working days = Tue 14 Jan under BAS-1', () => {
    const at = on('2025-01-10', 'beyond', { council: '2025-01-11', baseline: '2025-01-14' });
    const council = [rule('TST-2', '24 hours'), rule('TST-3', '24 hours')];
    expect(
      recording('goes-beyond', at, 'test-council', 'case', rule('BAS-1', '2 working days'), council),
    ).toBe(
      'For a session on Fri 10 Jan 2025 the case record is due Sat 11 Jan 2025 under TST-2 and TST-3 and Tue 14 Jan 2025 under BAS-1.',
    );
  });
});
