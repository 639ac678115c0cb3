/**
 * Construct 3, agreements that loosen where the policy's own text allows it: an interval rule's
 * `allowsLooser` names the arrangement type and the clause that allows it; the agreed interval then
 * replaces the rule's, longer or shorter, and findings say so. Without it a looser agreement is
 * ignored (only `stricterWith` tightening applies) and the report warns at the arrangement. And
 * agreements about a case: a staff arrangement with `caseId` is the case's, not the worker's.
 * Worked by hand on a fictional council's FEN-12 and FEN-13.
 */
import { describe, expect, it } from 'vitest';
import {
  breachesOf,
  brief,
  event,
  fenchesterPolicy,
  obligationsOf,
  oneToOne,
  run,
  staff,
} from '../helpers.js';

const citation = { source: 'fenchester-supervision.txt', section: '4. Frequency', quote: 'every 28 days' };
const clause = {
  source: 'fenchester-supervision.txt',
  section: '4.2 Part-time staff',
  quote: 'a less frequent interval may be agreed with part time staff',
};
const fen12 = (extra: Record<string, unknown>) => ({
  id: 'FEN-12',
  kind: 'interval',
  name: '28-day supervision',
  activity: 'one-to-one',
  strength: 'must',
  subject: 'staff',
  counts: ['one-to-one'],
  schedule: [{ interval: { days: 28 } }],
  citation,
  ...extra,
});
const fen13 = {
  id: 'FEN-13',
  kind: 'interval',
  name: 'monthly case discussion',
  activity: 'case-discussion',
  strength: 'must',
  subject: 'case',
  counts: ['case-discussion'],
  schedule: [{ interval: { months: 1 } }],
  allowsLooser: {
    arrangement: 'agreed-interval',
    clause: { ...clause, section: '5.1 Case discussion', quote: 'or as agreed for the child' },
  },
  citation,
};
const looser = fenchesterPolicy([fen12({ allowsLooser: { arrangement: 'agreed-interval', clause } }), fen13]);
const tightenOnly = fenchesterPolicy([fen12({ stricterWith: ['agreed-interval'] })]);

// S1 starts Mon 2 Jun 2025 with an agreed 6-weekly interval from that day; 1:1s Mon 2 Jun and Wed 9 Jul.
const history = {
  staff: [
    staff('S1', {
      startDate: '2025-06-02',
      arrangements: [{ type: 'agreed-interval', from: '2025-06-02', interval: { weeks: 6 } }],
    }),
  ],
  events: [oneToOne('S1', '2025-06-02'), oneToOne('S1', '2025-07-09')],
};

describe('FEN-12 with allowsLooser (agreed-interval, clause 4.2): the agreed 6 weeks applies', () => {
  // 2 Jun + 6 weeks (42 days) = Mon 14 Jul: 9 Jul is on time. 9 Jul + 42 = Wed 20 Aug; nothing by
  // Mon 25 Aug: missed, 5 days. (Under the rule's own 28 days, 9 Jul would be 9 days late.)
  const report = run(looser, history, '2025-08-25');

  it('9 Jul is on time; a missed breach due Wed 20 Aug, 5 days', () => {
    expect(breachesOf(report, 'FEN-12').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-08-20', metOn: null, daysLate: 5 },
    ]);
  });

  it('the basis names the agreement and the clause that allows it', () => {
    const [b] = breachesOf(report, 'FEN-12');
    expect(b!.basis).toMatchObject({
      kind: 'interval',
      from: { reason: 'last-session', on: '2025-07-09' },
      interval: {
        every: { weeks: 6 },
        arrangement: 'agreed-interval',
        agreedUnder: {
          section: '4.2 Part-time staff',
          quote: 'a less frequent interval may be agreed with part time staff',
        },
      },
    });
    expect(report.warnings).toEqual([]);
  });

  it('after the agreement ends (Thu 10 Jul), the rule’s 28 days come back from Fri 11 Jul', () => {
    const ended = structuredClone(history);
    (ended.staff[0] as unknown as { arrangements: { to?: string }[] }).arrangements[0]!.to = '2025-07-10';
    // 9 Jul + 42 = 20 Aug; on 11 Jul the interval becomes 28 days: the later of 9 Jul + 28 = Wed 6 Aug and
    // the earlier of 20 Aug and 11 Jul + 28 = Fri 8 Aug, so Fri 8 Aug; nothing by 25 Aug: missed, 17 days.
    expect(breachesOf(run(looser, ended, '2025-08-25'), 'FEN-12').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-08-08', metOn: null, daysLate: 17 },
    ]);
  });
});

describe('FEN-12 with only stricterWith: the looser agreement is ignored, with a warning', () => {
  // 2 Jun + 28 = Mon 30 Jun (the earlier of 28 days and 6 weeks): 9 Jul is 9 days late.
  const report = run(tightenOnly, history, '2025-07-10');

  it('9 Jul is late by 9 days against 30 Jun', () => {
    expect(breachesOf(report, 'FEN-12').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-06-30', metOn: '2025-07-09', daysLate: 9 },
    ]);
  });

  it('the report warns at the arrangement that it is looser and not applied', () => {
    expect(report.warnings).toEqual([
      {
        path: 'staff[0].arrangements[0]',
        message:
          "the agreed 6 weeks is longer than FEN-12's 28 days, and the policy allows an agreement only to make FEN-12 stricter (no allowsLooser): FEN-12 keeps its 28 days",
      },
    ]);
  });

  it('a stricter agreement (2 weeks) gives no warning', () => {
    const strict = structuredClone(history);
    (strict.staff[0] as unknown as { arrangements: { interval: object }[] }).arrangements[0]!.interval = {
      weeks: 2,
    };
    expect(run(tightenOnly, strict, '2025-07-10').warnings).toEqual([]);
  });
});

describe('FEN-13 (monthly case discussion, allowsLooser): an agreement about case C1 (caseId)', () => {
  // C1 open from Mon 2 Jun 2025. S1's arrangement with caseId C1: discuss C1 every 2 weeks from 2 Jun.
  // Discussed 2 Jun: due 2 Jun + 14 = Mon 16 Jun; discussed Fri 20 Jun: late, 4 days. 20 Jun + 14 = Fri 4 Jul.
  // The arrangement is the case's, not S1's: FEN-12 (28 days) for S1 is not changed by it.
  const caseHistory = {
    staff: [
      staff('S1', {
        startDate: '2025-06-02',
        arrangements: [{ type: 'agreed-interval', from: '2025-06-02', interval: { weeks: 2 }, caseId: 'C1' }],
      }),
    ],
    cases: [{ id: 'C1', episodes: [{ type: 'child-in-need', from: '2025-06-02' }] }],
    events: [
      oneToOne('S1', '2025-06-02'),
      event('case-discussion', '2025-06-02', { superviseeId: 'S1', caseIds: ['C1'] }),
      event('case-discussion', '2025-06-20', { superviseeId: 'S1', caseIds: ['C1'] }),
    ],
  };
  const report = run(looser, caseHistory, '2025-06-25');

  it('C1 is due every 2 weeks as agreed: 20 Jun is 4 days late; next due Fri 4 Jul', () => {
    expect(breachesOf(report, 'FEN-13', 'C1').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-06-16', metOn: '2025-06-20', daysLate: 4 },
    ]);
    expect(obligationsOf(report, 'FEN-13', 'C1')).toMatchObject([{ dueOn: '2025-07-04' }]);
    expect(obligationsOf(report, 'FEN-13', 'C1')[0]!.basis).toMatchObject({
      interval: { every: { weeks: 2 }, agreedUnder: { section: '5.1 Case discussion' } },
    });
  });

  it('S1’s own 28 days are untouched by the case’s agreement: due 2 Jun + 28 = Mon 30 Jun', () => {
    expect(obligationsOf(report, 'FEN-12', 'S1')).toMatchObject([{ dueOn: '2025-06-30' }]);
  });
});
