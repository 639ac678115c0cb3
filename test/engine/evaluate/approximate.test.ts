/**
 * `approximate`: a rule encoded by a reading that bends its source's text says why, and every
 * obligation, breach and recording it makes carries `confidence: 'approximate'`; an exact rule's
 * findings carry no confidence. Worked on a fictional council's FEN-5, FEN-6 and FEN-7.
 */
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../src/policy/load.js';
import { citation, fen5, fen6 } from '../../fenchester-rules.js';
import { breachesOf, oneToOne, run, staff } from '../../helpers.js';

const fen7 = {
  id: 'FEN-7',
  kind: 'session-length',
  name: 'hour-long supervision',
  activity: 'one-to-one',
  strength: 'should',
  subject: 'staff',
  counts: ['one-to-one'],
  minimumMinutes: 60,
  citation,
};
const meta = {
  id: 'fenchester',
  name: 'Supervision Policy',
  council: 'Fenchester Borough Council',
  source: 'fenchester-supervision.txt',
};
const fenchester = loadPolicy({
  ...meta,
  version: '2025',
  effectiveFrom: '2025-01-01',
  rules: [fen5("The text says 'regular'; read as monthly."), fen6, fen7],
});

// S1 starts Mon 2 Jun 2025; one 1:1 that day, 45 minutes, recorded Fri 13 Jun; asOf Tue 15 Jul 2025.
const history = {
  staff: [staff('S1', { startDate: '2025-06-02' })],
  events: [oneToOne('S1', '2025-06-02', { id: 'E1', durationMinutes: 45, recordedAt: '2025-06-13' })],
};

describe('approximate rules: each finding says confidence approximate', () => {
  const report = run(fenchester, history, '2025-07-15');

  it('FEN-5 (regular, read as monthly): missed due 2 Jul, and the overdue obligation, both approximate', () => {
    // 2 Jun + 1 month = Wed 2 Jul; nothing since: missed, 15 Jul − 2 Jul = 13 days.
    expect(breachesOf(report, 'FEN-5').map((b) => [b.kind, b.dueOn, b.daysLate, b.confidence])).toEqual([
      ['missed', '2025-07-02', 13, 'approximate'],
    ]);
    expect(report.obligations.filter((o) => o.ruleId === 'FEN-5').map((o) => o.confidence)).toEqual([
      'approximate',
    ]);
  });

  it('FEN-6 (promptly, read as 5 working days): record due Mon 9 Jun, made 13 Jun: late, approximate', () => {
    // 2 Jun + 5 working days: Tue 3, Wed 4, Thu 5, Fri 6, Mon 9 Jun.
    const recs = report.recordings.filter((r) => r.ruleId === 'FEN-6');
    expect(recs.map((r) => [r.deadline, r.status, r.confidence])).toEqual([
      ['2025-06-09', 'late', 'approximate'],
    ]);
    expect(breachesOf(report, 'FEN-6').map((b) => [b.kind, b.daysLate, b.confidence])).toEqual([
      ['late-recording', 4, 'approximate'],
    ]);
  });

  it('FEN-7 (exact): the 45-minute session is 15 short, with no confidence', () => {
    const [b] = breachesOf(report, 'FEN-7');
    expect([b?.kind, b?.shortfall, 'confidence' in (b ?? {})]).toEqual(['too-short', { minutes: 15 }, false]);
  });
});

describe('approximate across versions: the version in force on the due date decides', () => {
  it('FEN-5 approximate in 2025, exact (4-weekly) from Tue 1 Jul 2025: 1 May breach approximate, 2 Jul exact', () => {
    // S1 starts Tue 1 Apr 2025: due 1 Apr + 1 month = Thu 1 May (version 2025, approximate); held Mon
    // 2 Jun: late, 31 (May) + 1 = 32 days. Then 2 Jun + 1 month = 2 Jul; from 1 Jul, 28 days: the
    // later of 2 Jun + 28 = 30 Jun and the earlier of 2 Jul and 1 Jul + 28 = 29 Jul: still 2 Jul,
    // under version 2026, which reads the text exactly: missed on 15 Jul, no confidence.
    const versioned = loadPolicy({
      ...meta,
      versions: [
        { version: '2025', effectiveFrom: '2025-01-01', rules: [fen5('monthly for "regular"')] },
        { version: '2026', effectiveFrom: '2025-07-01', rules: [fen5(undefined, { weeks: 4 })] },
      ],
    });
    const earlier = { ...history, staff: [staff('S1', { startDate: '2025-04-01' })] };
    const report = run(versioned, earlier, '2025-07-15');
    expect(
      breachesOf(report, 'FEN-5').map((b) => [
        b.kind,
        b.dueOn,
        b.daysLate,
        b.policyVersion,
        b.confidence ?? 'exact',
      ]),
    ).toEqual([
      ['late', '2025-05-01', 32, '2025', 'approximate'],
      ['missed', '2025-07-02', 13, '2026', 'exact'],
    ]);
  });
});
