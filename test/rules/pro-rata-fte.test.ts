/**
 * Construct 4, session length beyond one fixed minimum: a minimum pro rata to the worker's `fte`
 * (`proRata: 'fte'`) on `session-length` and `minutes-per-period` rules, and a total over a span of
 * weeks (`period: 'week'`, `weeks: N`). Worked by hand on a fictional council's FEN-10 and FEN-11.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proRataMinutes } from '../../src/engine/pro-rata.js';
import { InputError } from '../../src/errors/input-error.js';
import { parseHistory } from '../../src/history/parse.js';
import { loadPolicy } from '../../src/policy/load.js';
import { breachesOf, fenchesterPolicy, oneToOne, run, staff, testCitation } from '../helpers.js';

const fen10 = {
  id: 'FEN-10',
  kind: 'session-length',
  name: '90-minute supervision',
  activity: 'one-to-one',
  strength: 'should',
  subject: 'staff',
  counts: ['one-to-one'],
  minimumMinutes: 90,
  proRata: 'fte',
  citation: testCitation,
};
const fen11 = {
  id: 'FEN-11',
  kind: 'minutes-per-period',
  name: 'six hours of supervision every four weeks',
  activity: 'one-to-one',
  strength: 'must',
  subject: 'staff',
  counts: ['one-to-one'],
  period: 'week',
  weeks: 4,
  minimumMinutes: 360,
  proRata: 'fte',
  citation: testCitation,
};

describe('proRataMinutes: minutes × fte, rounded up to a whole minute', () => {
  it('90 at fte 0.6 = 54; 100 at 0.7 = 70 (not 71 from 70.00000000000001); 90 at 0.55 = 49.5 → 50', () => {
    expect(proRataMinutes(90, 0.6)).toBe(54);
    expect(proRataMinutes(100, 0.7)).toBe(70);
    expect(proRataMinutes(90, 0.55)).toBe(50);
    expect(proRataMinutes(90, 1)).toBe(90);
  });

  it('is a whole number, at least the exact share and less than a minute over it; fte 1 keeps the minimum', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }),
        (minutes, fte) => {
          const share = proRataMinutes(minutes, fte);
          expect(Number.isInteger(share)).toBe(true);
          expect(share).toBeGreaterThanOrEqual(minutes * fte - 1e-6);
          expect(share).toBeLessThan(minutes * fte + 1);
          expect(proRataMinutes(minutes, 1)).toBe(minutes);
        },
      ),
    );
  });
});

describe('FEN-10 (90 minutes, proRata fte): each session at least 90 × fte minutes', () => {
  // asOf Mon 30 Jun 2025. S1 fte 0.6: 90 × 0.6 = 54. S2 no fte: 90. S3 fte 0.55: 49.5, rounded up to 50.
  //   S1 Thu 5 Jun, 50 minutes: 54 − 50 = 4 short. S1 Thu 12 Jun, 54 minutes: 54 ≥ 54, nothing.
  //   S2 Thu 5 Jun, 60 minutes: 90 − 60 = 30 short.
  //   S3 Thu 5 Jun, 49 minutes: 50 − 49 = 1 short.
  const policy = fenchesterPolicy([fen10]);
  const history = {
    staff: [staff('S1', { fte: 0.6, fullTime: false }), staff('S2'), staff('S3', { fte: 0.55 })],
    events: [
      oneToOne('S1', '2025-06-05', { id: 'E1', durationMinutes: 50 }),
      oneToOne('S1', '2025-06-12', { id: 'E2', durationMinutes: 54 }),
      oneToOne('S2', '2025-06-05', { id: 'E3', durationMinutes: 60 }),
      oneToOne('S3', '2025-06-05', { id: 'E4', durationMinutes: 49 }),
    ],
  };
  const report = run(policy, history, '2025-06-30');

  it('too short by 4 at fte 0.6, by 30 at no fte, by 1 at fte 0.55; 54 minutes at fte 0.6 passes', () => {
    expect(breachesOf(report, 'FEN-10').map((b) => [b.subject.id, b.eventId, b.shortfall])).toEqual([
      ['S1', 'E1', { minutes: 4 }],
      ['S2', 'E3', { minutes: 30 }],
      ['S3', 'E4', { minutes: 1 }],
    ]);
  });

  it('the basis says the minimum is pro rata, and from what', () => {
    expect(breachesOf(report, 'FEN-10', 'S1')[0]!.basis).toEqual({
      kind: 'session',
      session: { eventId: 'E1', on: '2025-06-05' },
      minutes: 50,
      minimum: 54,
      fte: { fte: 0.6, minimum: 90 },
    });
    expect(breachesOf(report, 'FEN-10', 'S2')[0]!.basis).not.toHaveProperty('fte');
  });

  it('without proRata the fte changes nothing: S1’s 54-minute session is 36 short of 90', () => {
    const exact = run(fenchesterPolicy([{ ...fen10, proRata: undefined }]), history, '2025-06-30');
    expect(breachesOf(exact, 'FEN-10', 'S1').map((b) => b.shortfall)).toEqual([
      { minutes: 40 },
      { minutes: 36 },
    ]);
  });
});

describe('FEN-11 (360 minutes over each 4 weeks, proRata fte): spans anchored on the first Monday', () => {
  // asOf Fri 1 Aug 2025.
  // S1 (fte 1) starts Mon 2 Jun 2025, itself a Monday: spans Mon 2 Jun–Sun 29 Jun, Mon 30 Jun–Sun 27 Jul;
  //   the third (Mon 28 Jul–Sun 24 Aug) has not ended by 1 Aug and is not judged.
  //   First: 90 + 90 + 120 = 300 < 360: too-short due Sun 29 Jun, 60 short. Second: 180 + 180 = 360: met.
  // S2 (no fte) starts Wed 4 Jun: the first Monday on or after is Mon 9 Jun; span Mon 9 Jun–Sun 6 Jul.
  //   The 5 Jun session is before any span. 120 + 120 = 240 < 360: too-short due Sun 6 Jul, 120 short.
  // S3, as S2 but fte 0.5: 360 × 0.5 = 180; 240 ≥ 180: met.
  const policy = fenchesterPolicy([fen11]);
  const twoSessions = (id: string) => [
    oneToOne(id, '2025-06-05', { durationMinutes: 90 }),
    oneToOne(id, '2025-06-10', { durationMinutes: 120 }),
    oneToOne(id, '2025-07-01', { durationMinutes: 120 }),
  ];
  const history = {
    staff: [
      staff('S1', { startDate: '2025-06-02' }),
      staff('S2', { startDate: '2025-06-04' }),
      staff('S3', { startDate: '2025-06-04', fte: 0.5 }),
    ],
    events: [
      oneToOne('S1', '2025-06-02', { durationMinutes: 90 }),
      oneToOne('S1', '2025-06-16', { durationMinutes: 90 }),
      oneToOne('S1', '2025-06-23', { durationMinutes: 120 }),
      oneToOne('S1', '2025-06-30', { durationMinutes: 180 }),
      oneToOne('S1', '2025-07-14', { durationMinutes: 180 }),
      ...twoSessions('S2'),
      ...twoSessions('S3'),
    ],
  };
  const report = run(policy, history, '2025-08-01');

  it('S1 is 60 short in the span to Sun 29 Jun; S2 is 120 short in the span to Sun 6 Jul; S3 (fte 0.5) meets 180', () => {
    expect(breachesOf(report, 'FEN-11').map((b) => [b.subject.id, b.kind, b.dueOn, b.shortfall])).toEqual([
      ['S1', 'too-short', '2025-06-29', { minutes: 60 }],
      ['S2', 'too-short', '2025-07-06', { minutes: 120 }],
    ]);
    expect(breachesOf(report, 'FEN-11', 'S1')[0]!.basis).toEqual({
      kind: 'period',
      period: { from: '2025-06-02', to: '2025-06-29', of: 'week', weeks: 4 },
      unit: 'minutes',
      held: 300,
      required: 360,
    });
  });

  it('S3 with two 80-minute sessions: 160 < 180, 20 short, and the basis says pro rata', () => {
    const short = {
      staff: [staff('S3', { startDate: '2025-06-04', fte: 0.5 })],
      events: [
        oneToOne('S3', '2025-06-10', { durationMinutes: 80 }),
        oneToOne('S3', '2025-07-01', { durationMinutes: 80 }),
      ],
    };
    const [b] = breachesOf(run(policy, short, '2025-08-01'), 'FEN-11');
    expect(b!.shortfall).toEqual({ minutes: 20 });
    expect(b!.basis).toMatchObject({ required: 180, held: 160, fte: { fte: 0.5, minimum: 360 } });
  });

  it('weeks is for period week only; fte is more than 0 and at most 1', () => {
    expect(() => fenchesterPolicy([{ ...fen11, period: 'calendar-month' }])).toThrow(
      /weeks is for period week/,
    );
    expect(() => loadPolicy({ ...fenchesterPolicyFile, rules: [{ ...fen11, weeks: 1 }] })).toThrow(
      InputError,
    );
    for (const fte of [0, -0.5, 1.2, '0.6'])
      expect(() => parseHistory({ staff: [staff('S1', { fte })] })).toThrow(InputError);
    expect(parseHistory({ staff: [staff('S1', { fte: 1 })] }).staff[0]!.fte).toBe(1);
  });
});

const fenchesterPolicyFile = {
  id: 'fenchester',
  name: 'Supervision Policy',
  council: 'Fenchester Borough Council',
  source: 'x.txt',
  version: '2025',
  effectiveFrom: '2025-01-01',
};
