/**
 * Session-length rules, worked by hand: a session under the minimum is one `too-short` breach; a
 * session with no `durationMinutes` cannot be judged and is reported not evaluable, naming it.
 */
import { describe, expect, it } from 'vitest';
import { breachesOf, fenchesterPolicy, oneToOne, run, staff } from '../../helpers.js';

describe('SWK-1 (90-minute formal supervision): a session with no durationMinutes is notEvaluable', () => {
  // S1, a social worker since 2020. Three 1:1s in June 2025, asOf Mon 30 Jun 2025:
  //   Thu 5 Jun, 60 minutes: 90 − 60 = 30 minutes short → too-short, shortfall 30.
  //   Thu 12 Jun, no durationMinutes: length unknown → notEvaluable for E-NODUR (before: silently passed).
  //   Thu 19 Jun, 90 minutes: 90 ≥ 90 → nothing.
  const history = {
    staff: [staff('S1')],
    events: [
      oneToOne('S1', '2025-06-05', { id: 'E-SHORT', durationMinutes: 60 }),
      oneToOne('S1', '2025-06-12', { id: 'E-NODUR' }),
      oneToOne('S1', '2025-06-19', { id: 'E-FULL', durationMinutes: 90 }),
    ],
  };
  const report = run('southwark', history, '2025-06-30');

  it('the 60-minute session is too short by 30; the 90-minute one passes', () => {
    expect(breachesOf(report, 'SWK-1').map((b) => [b.kind, b.eventId, b.shortfall])).toEqual([
      ['too-short', 'E-SHORT', { minutes: 30 }],
    ]);
  });

  it('the session with no length is not evaluable, once, naming the session', () => {
    const ne = report.notEvaluable.filter((n) => n.ruleId === 'SWK-1');
    expect(ne.map((n) => [n.subject.id, n.eventId])).toEqual([['S1', 'E-NODUR']]);
    expect(ne[0]!.reason).toBe(
      "S1's session E-NODUR on Thu 12 Jun 2025 has no durationMinutes, so whether it lasted the 90 minutes of 90-minute formal supervision is unknown",
    );
  });

  it('a session after asOf, or cancelled, with no length is not reported', () => {
    const later = run(
      'southwark',
      {
        staff: [staff('S1')],
        events: [
          oneToOne('S1', '2025-07-03', { id: 'E-LATER' }),
          oneToOne('S1', '2025-06-26', { id: 'E-CANC', status: 'cancelled' }),
        ],
      },
      '2025-06-30',
    );
    expect(later.notEvaluable.filter((n) => n.ruleId === 'SWK-1')).toEqual([]);
  });
});

describe('FEN-8 (90 minutes, agreedMinimum: agreed-session-length): an agreed 60 minutes from 1 Jun 2025', () => {
  const fenchester = fenchesterPolicy([
    {
      id: 'FEN-8',
      kind: 'session-length',
      name: '90-minute supervision',
      activity: 'one-to-one',
      strength: 'should',
      subject: 'staff',
      counts: ['one-to-one'],
      minimumMinutes: 90,
      agreedMinimum: 'agreed-session-length',
      citation: {
        source: 'fenchester-supervision.txt',
        section: '5. Length',
        quote: 'Sessions last 90 minutes, or the time agreed with a part-time worker.',
      },
    },
  ]);
  // S1 agrees 60 minutes from Sun 1 Jun 2025. 1:1s, asOf Mon 30 Jun 2025:
  //   Thu 15 May, 75 minutes (before the agreement, 90 applies): 90 − 75 = 15 short.
  //   Thu 12 Jun, 75 minutes: 75 ≥ 60, nothing.
  //   Thu 19 Jun, 45 minutes: 60 − 45 = 15 short, "as agreed".
  //   Thu 26 Jun, no durationMinutes: not evaluable against the agreed 60.
  const history = {
    staff: [
      staff('S1', {
        arrangements: [{ type: 'agreed-session-length', from: '2025-06-01', minutes: 60 }],
      }),
    ],
    events: [
      oneToOne('S1', '2025-05-15', { id: 'E-MAY', durationMinutes: 75 }),
      oneToOne('S1', '2025-06-12', { id: 'E-75', durationMinutes: 75 }),
      oneToOne('S1', '2025-06-19', { id: 'E-45', durationMinutes: 45 }),
      oneToOne('S1', '2025-06-26', { id: 'E-NONE' }),
    ],
  };
  const report = run(fenchester, history, '2025-06-30');

  it('before the agreement 90 minutes; under it 60: two sessions 15 short each', () => {
    expect(breachesOf(report, 'FEN-8').map((b) => [b.eventId, b.shortfall])).toEqual([
      ['E-MAY', { minutes: 15 }],
      ['E-45', { minutes: 15 }],
    ]);
    // Judged against the agreed 60 minutes, not the rule's 90.
    expect(breachesOf(report, 'FEN-8')[1]!.basis).toEqual({
      kind: 'session',
      session: { eventId: 'E-45', on: '2025-06-19' },
      minutes: 45,
      minimum: 60,
      agreed: true,
    });
  });

  it('a session with no length under the agreement names the agreed minimum', () => {
    expect(report.notEvaluable.filter((n) => n.ruleId === 'FEN-8').map((n) => n.reason)).toEqual([
      "S1's session E-NONE on Thu 26 Jun 2025 has no durationMinutes, so whether it lasted the 60 minutes of 90-minute supervision (as agreed) is unknown",
    ]);
  });

  it('an agreed-session-length without minutes is refused', () => {
    const bad = {
      ...history,
      staff: [staff('S1', { arrangements: [{ type: 'agreed-session-length', from: '2025-06-01' }] })],
    };
    expect(() => run(fenchester, bad, '2025-06-30')).toThrow(/minutes/);
  });
});

describe('FEN-9 (maximumMinutes 120): a session over two hours is too long', () => {
  const policy = (bounds: Record<string, number>) =>
    fenchesterPolicy([
      {
        id: 'FEN-9',
        kind: 'session-length',
        name: 'supervision of at most two hours',
        activity: 'one-to-one',
        strength: 'advisory',
        subject: 'staff',
        counts: ['one-to-one'],
        ...bounds,
        citation: {
          source: 'fenchester-supervision.txt',
          section: '5. Length',
          quote: 'Supervision should not exceed two hours.',
        },
      },
    ]);
  // 1:1s: Thu 5 Jun 2025, 150 minutes: 150 − 120 = 30 over. Thu 12 Jun, 120: not over. Thu 19 Jun, none.
  const history = {
    staff: [staff('S1')],
    events: [
      oneToOne('S1', '2025-06-05', { id: 'E-150', durationMinutes: 150 }),
      oneToOne('S1', '2025-06-12', { id: 'E-120', durationMinutes: 120 }),
      oneToOne('S1', '2025-06-19', { id: 'E-NONE' }),
    ],
  };

  it('the 150-minute session is too long by 30; 120 is not; the one with no length is not evaluable', () => {
    const report = run(policy({ maximumMinutes: 120 }), history, '2025-06-30');
    expect(breachesOf(report, 'FEN-9').map((b) => [b.kind, b.eventId, b.excess, b.severity])).toEqual([
      ['too-long', 'E-150', { minutes: 30 }, 'advisory'],
    ]);
    expect(breachesOf(report, 'FEN-9')[0]!.basis).toEqual({
      kind: 'session',
      session: { eventId: 'E-150', on: '2025-06-05' },
      minutes: 150,
      maximum: 120,
    });
    expect(report.notEvaluable.filter((n) => n.ruleId === 'FEN-9').map((n) => n.eventId)).toEqual(['E-NONE']);
  });

  it('with both bounds (60 to 120), each session is judged against each', () => {
    // 150 > 120: too long by 30; 120 within 60–120: nothing.
    const report = run(policy({ minimumMinutes: 60, maximumMinutes: 120 }), history, '2025-06-30');
    expect(breachesOf(report, 'FEN-9').map((b) => [b.kind, b.eventId])).toEqual([['too-long', 'E-150']]);
  });

  it('a session-length rule with neither bound is refused', () => {
    expect(() => policy({})).toThrow(/minimumMinutes or maximumMinutes/);
  });
});
