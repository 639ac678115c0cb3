import { describe, expect, it } from 'vitest';
import { event, oneToOne, run, staff } from '../helpers.js';

// Worked examples for retention rules (src/rules/retention.ts). Dates read like "Mon 28 Jul 2025"; the arithmetic is by hand.

describe('retention (DER-10: 300 months for staff working with children)', () => {
  it('DER-10 keeps held sessions up to asOf for anyone the rule covers, group sessions by their participants', () => {
    const history = {
      staff: [staff('S1'), staff('TM', { role: 'team-manager' })],
      events: [
        oneToOne('S1', '2025-03-31', { id: 'on-asOf' }), // asOf itself: kept to 31 Mar 2050
        oneToOne('S1', '2025-04-01', { id: 'after-asOf' }), // not yet
        event('group', '2025-01-31', { id: 'mixed-group', participantIds: ['TM', 'S1'] }), // S1 is covered
        event('group', '2025-02-03', { id: 'managers-group', participantIds: ['TM'] }), // nobody covered
        oneToOne('GHOST', '2025-02-04', { id: 'unknown-supervisee' }), // no such staff member
      ],
    };
    const report = run('derby', history, '2025-03-31');
    expect(report.retention.filter((r) => r.ruleId === 'DER-10')).toEqual([
      // 31 Jan 2025 + 300 months = 31 Jan 2050; 31 Mar 2025 + 300 months = 31 Mar 2050.
      { eventId: 'mixed-group', ruleId: 'DER-10', retainUntil: '2050-01-31' },
      { eventId: 'on-asOf', ruleId: 'DER-10', retainUntil: '2050-03-31' },
    ]);
  });
  // Found by these tests: the people of a session were `participantIds ?? []`, so a group session named
  // only by its teamId had nobody and no retainUntil, although a group "counts for its participantIds, or,
  // when it has none, for every member of its team employed that day" (README). Two social workers of
  // team T1 at a team group session on 3 Feb 2025: kept until 3 Feb 2050 (+ 300 months).
  it('DER-10 keeps a team group session (teamId, no participantIds) of social workers', () => {
    const history = {
      staff: [staff('S1', { teamId: 'T1' }), staff('S2', { teamId: 'T1' })],
      events: [event('group', '2025-02-03', { id: 'team-group', teamId: 'T1' })],
    };
    expect(run('derby', history, '2025-03-01').retention).toEqual([
      { eventId: 'team-group', ruleId: 'DER-10', retainUntil: '2050-02-03' },
    ]);
  });

  // Each day's date is worked out once and reused: two sessions on Fri 28 Feb 2025 both keep to
  // Mon 28 Feb 2050 (+ 300 months), the one on Mon 31 Mar 2025 to Thu 31 Mar 2050, whatever the order.
  it('DER-10 gives sessions on one day one date, and each day its own', () => {
    const history = {
      staff: [staff('S1'), staff('S2')],
      events: [
        oneToOne('S1', '2025-02-28', { id: 'a' }),
        oneToOne('S2', '2025-03-31', { id: 'b' }),
        oneToOne('S2', '2025-02-28', { id: 'c' }),
      ],
    };
    expect(run('derby', history, '2025-03-31').retention.map((r) => [r.eventId, r.retainUntil])).toEqual([
      ['a', '2050-02-28'],
      ['c', '2050-02-28'],
      ['b', '2050-03-31'],
    ]);
  });
});
