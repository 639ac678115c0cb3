import { describe, expect, it } from 'vitest';
import { breachesOf, event, oneToOne, run, staff } from '../../helpers.js';
import { onePolicy } from '../test-policies.js';

// Worked examples for session-length rules (src/rules/session-length.ts). Dates read like "Mon 28 Jul 2025"; the arithmetic is by hand.

describe('session-length (SWK-1: a 1:1 of at least 90 minutes)', () => {
  // Records from Mon 6 Jan 2025; asOf Fri 31 Jan 2025.
  // Checked by basis (the session, its minutes, the 90 expected); the sentence: test/report/wording.test.ts.
  const lasted = (eventId: string, on: string, minutes: number) => ({
    kind: 'session',
    session: { eventId, on },
    minutes,
    minimum: 90,
  });

  it('SWK-1 flags each held 1:1 under 90 minutes from the first judged day to asOf', () => {
    const history = {
      recordsFrom: '2025-01-06',
      staff: [staff('S1')],
      events: [
        oneToOne('S1', '2025-01-05', { id: 'before', durationMinutes: 30 }), // before the records: not judged
        oneToOne('S1', '2025-01-06', { id: 'first', durationMinutes: 1 }), // the first judged day: 89 short
        oneToOne('S1', '2025-01-13', { id: 'exact', durationMinutes: 90 }), // exactly 90: fine
        oneToOne('S1', '2025-01-14', { id: 'one-short', durationMinutes: 89 }), // 1 short
        oneToOne('S1', '2025-01-15', { id: 'unknown' }), // no duration: not judged
        oneToOne('S1', '2025-01-16', { id: 'cancelled', status: 'cancelled', durationMinutes: 10 }),
        event('case-discussion', '2025-01-17', { id: 'other-kind', superviseeId: 'S1', durationMinutes: 10 }),
        oneToOne('S1', '2025-01-31', { id: 'on-asOf', durationMinutes: 60 }), // asOf itself: 30 short
        oneToOne('S1', '2025-02-01', { id: 'after', durationMinutes: 60 }), // after asOf: not yet
      ],
    };
    const report = run('southwark', history, '2025-01-31');
    expect(
      breachesOf(report, 'SWK-1').map((b) => [b.eventId, b.kind, b.dueOn, b.metOn, b.daysLate, b.severity]),
    ).toEqual([
      ['first', 'too-short', '2025-01-06', null, 0, 'advisory'],
      ['one-short', 'too-short', '2025-01-14', null, 0, 'advisory'],
      ['on-asOf', 'too-short', '2025-01-31', null, 0, 'advisory'],
    ]);
    expect(breachesOf(report, 'SWK-1').map((b) => [b.shortfall, b.basis])).toEqual([
      [{ minutes: 89 }, lasted('first', '2025-01-06', 1)],
      [{ minutes: 1 }, lasted('one-short', '2025-01-14', 89)],
      [{ minutes: 30 }, lasted('on-asOf', '2025-01-31', 60)],
    ]);
  });

  it('TST-1 only the supervisee’s own sessions, and only while the rule applies (ASYE 6 Jan – 31 Mar)', () => {
    const policy = onePolicy({
      name: 'ASYE session length',
      kind: 'session-length',
      subject: 'staff',
      counts: ['one-to-one', 'group'],
      minimumMinutes: 60,
      when: { asye: true },
    });
    const history = {
      staff: [staff('S1', { asye: { start: '2025-01-06', end: '2025-03-31' } }), staff('S2')],
      events: [
        event('group', '2025-02-03', { id: 'group', participantIds: ['S1', 'S2'], durationMinutes: 30 }),
        oneToOne('S1', '2025-03-31', { id: 'last-asye-day', durationMinutes: 45 }),
        oneToOne('S1', '2025-04-01', { id: 'after-asye', durationMinutes: 45 }),
      ],
    };
    const report = run(policy, history, '2025-05-01');
    expect(breachesOf(report, 'TST-1').map((b) => [b.subject.id, b.eventId, b.shortfall])).toEqual([
      ['S1', 'last-asye-day', { minutes: 15 }],
    ]);
  });
});
