/**
 * `givenBy`: a rule that counts only sessions given by the worker's line manager ("supervised by
 * their line manager"), or by a supervisor of a role or registration ("led by a registered social
 * worker"). Worked on a fictional council's rules FEN-2, FEN-3 and FEN-4 (28 days apart each).
 */
import { describe, expect, it } from 'vitest';
import { breachesOf, brief, fenchesterPolicy, obligationsOf, oneToOne, run, staff } from '../helpers.js';

const rule = (id: string, name: string, givenBy: unknown) => ({
  id,
  kind: 'interval',
  name,
  activity: 'one-to-one',
  strength: 'must',
  subject: 'staff',
  when: { role: ['social-worker'] },
  counts: ['one-to-one'],
  schedule: [{ interval: { days: 28 } }],
  givenBy,
  citation: { source: 'fenchester-supervision.txt', section: '3. Who supervises', quote: name },
});
const fenchester = fenchesterPolicy([
  rule('FEN-2', 'supervision by the line manager', 'line-manager'),
  rule('FEN-3', 'supervision led by a registered social worker', { registered: true }),
  rule('FEN-4', 'supervision by an advanced practitioner', { role: ['advanced-practitioner'] }),
]);

// S1 (line manager M1) starts Mon 2 Jun 2025. M1: team manager, registered; M3: team manager,
// registered; M2: advanced practitioner, not registered. S2 has no lineManagerId. asOf Fri 1 Aug 2025.
// S1's 1:1s: Mon 2 Jun by M1, Mon 16 Jun by M3, Mon 23 Jun by M2, Mon 7 Jul by M1.
const history = {
  staff: [
    staff('S1', { startDate: '2025-06-02', lineManagerId: 'M1' }),
    staff('S2', { startDate: '2025-06-02' }),
    staff('M1', { role: 'team-manager', registered: true }),
    staff('M2', { role: 'advanced-practitioner' }),
    staff('M3', { role: 'team-manager', registered: true }),
  ],
  events: [
    oneToOne('S1', '2025-06-02', { supervisorId: 'M1' }),
    oneToOne('S1', '2025-06-16', { supervisorId: 'M3' }),
    oneToOne('S1', '2025-06-23', { supervisorId: 'M2' }),
    oneToOne('S1', '2025-07-07', { supervisorId: 'M1' }),
    oneToOne('S2', '2025-06-02', { supervisorId: 'M1' }),
  ],
};
const report = run(fenchester, history, '2025-08-01');

describe('FEN-2 (givenBy: line-manager): only the line manager’s sessions count', () => {
  it('S1: 2 Jun (M1) → due 30 Jun; 16 Jun (M3) and 23 Jun (M2) do not count; 7 Jul (M1): 7 days late', () => {
    // 2 Jun + 28 = Mon 30 Jun; 7 Jul − 30 Jun = 7. Then 7 Jul + 28 = Mon 4 Aug, upcoming on 1 Aug.
    expect(breachesOf(report, 'FEN-2', 'S1').map(brief)).toEqual([
      { kind: 'late', dueOn: '2025-06-30', metOn: '2025-07-07', daysLate: 7 },
    ]);
    expect(obligationsOf(report, 'FEN-2', 'S1').map((o) => o.dueOn)).toEqual(['2025-08-04']);
  });

  it('S2 has no lineManagerId: notEvaluable (the managers, outside the rule’s when, are not listed)', () => {
    const ne = report.notEvaluable.filter((n) => n.ruleId === 'FEN-2');
    // Not evaluable for S2 alone, with no session named (the words: test/report/wording.test.ts).
    expect(ne.map((n) => [n.subject, n.eventId])).toEqual([[{ type: 'staff', id: 'S2' }, undefined]]);
    expect(ne[0]!.reason).toMatch(/^S2 has no lineManagerId/);
    expect(breachesOf(report, 'FEN-2', 'S2')).toEqual([]);
  });
});

describe('FEN-3 (givenBy: { registered: true }): only registered supervisors’ sessions count', () => {
  it('S1: 2 Jun (M1), 16 Jun (M3), 7 Jul (M1) count, each within 28 days of the last: no breach', () => {
    // 2 Jun → due 30 Jun, held 16 Jun; → due 14 Jul, held 7 Jul (23 Jun by M2, unregistered, skipped);
    // → due 4 Aug.
    expect(breachesOf(report, 'FEN-3', 'S1')).toEqual([]);
    expect(obligationsOf(report, 'FEN-3', 'S1').map((o) => o.dueOn)).toEqual(['2025-08-04']);
  });
});

describe('FEN-4 (givenBy: { role: [advanced-practitioner] }): only M2’s session counts', () => {
  it('S1: clock from 2 Jun (start) → due 30 Jun; 23 Jun (M2) → due 21 Jul; missed, 11 days to 1 Aug', () => {
    // The 2 Jun session (M1) does not count, but the clock starts on 2 Jun, the day S1 started:
    // due 30 Jun. 23 Jun + 28 = Mon 21 Jul; nothing by M2 after: missed, 1 Aug − 21 Jul = 11 days.
    expect(breachesOf(report, 'FEN-4', 'S1').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-07-21', metOn: null, daysLate: 11 },
    ]);
  });

  it('without givenBy, every session counts (the same rule has no breach)', () => {
    const plain = fenchesterPolicy([{ ...rule('FEN-4', 'supervision', undefined), givenBy: undefined }]);
    expect(breachesOf(run(plain, history, '2025-08-01'), 'FEN-4', 'S1')).toEqual([]);
  });
});
