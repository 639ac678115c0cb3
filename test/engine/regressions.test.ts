/**
 * Engine bugs found by the property tests (test/engine/evaluate/evaluate.test-prop.ts), each as a plain example.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index.js';

describe('regressions found by property tests', () => {
  it('GLO-9: no observation obligation for a leaver whose part year starts after leaving', () => {
    // Left on 1 April 2024 (one day into the 2024/25 observation year); asOf the next day.
    // Before the fix the report held "0 held of the 1 required … due by Mon 31 Mar 2025".
    const history = {
      staff: [{ id: 'S1', role: 'social-worker', startDate: '2023-08-25', endDate: '2024-04-01' }],
    };
    const report = evaluate('gloucestershire', history, { asOf: '2024-04-02' });
    expect(report.obligations.filter((o) => o.subject.id === 'S1')).toEqual([]);
  });

  it('GLO-9: a current worker still has the open year as an obligation', () => {
    const history = { staff: [{ id: 'S1', role: 'social-worker', startDate: '2023-08-25' }] };
    const report = evaluate('gloucestershire', history, { asOf: '2024-04-02' });
    expect(report.obligations.filter((o) => o.ruleId === 'GLO-9').map((o) => o.dueOn)).toEqual([
      '2025-03-31',
    ]);
  });

  it('GLO-9: no observation obligation for a worker absent on asOf', () => {
    const history = {
      staff: [
        {
          id: 'S1',
          role: 'social-worker',
          startDate: '2023-08-25',
          absences: [{ from: '2024-03-01', to: null, reason: 'sickness' }],
        },
      ],
    };
    const report = evaluate('gloucestershire', history, { asOf: '2024-04-02' });
    expect(report.obligations.filter((o) => o.ruleId === 'GLO-9')).toEqual([]);
  });
});

describe('regressions found in review', () => {
  it('DER-1: a clock starts when the policy takes effect, so a long silence is a breach (not hidden before effectiveFrom)', () => {
    // Derby takes effect on Tue 20 May 2024. S1 started in 2023 and was never supervised; no recordsFrom.
    // The clock starts on 20 May 2024: due 20 May + 1 month = Thu 20 Jun 2024; as of 30 Jun, missed by 10 days.
    // Before the fix the clock started at the 2023 start, the first due date fell before effectiveFrom and
    // was not judged, and the breach never appeared although the obligation was overdue.
    const history = { staff: [{ id: 'S1', role: 'social-worker', startDate: '2023-03-06' }] };
    const report = evaluate('derby', history, { asOf: '2024-06-30' });
    const der1 = report.breaches.filter((b) => b.ruleId === 'DER-1');
    expect(der1.map((b) => [b.kind, b.dueOn, b.daysLate])).toEqual([['missed', '2024-06-20', 10]]);
    expect(der1[0]!.basis).toMatchObject({ from: { reason: 'policy-took-effect', on: '2024-05-20' } });
  });

  it('a property set to undefined is read as absent, as JavaScript callers write it', () => {
    // Before the fix guardJson rejected { endDate: undefined } as "nothing is not a JSON value".
    const history = {
      staff: [{ id: 'S1', role: 'social-worker', startDate: '2025-01-06', endDate: undefined }],
    };
    expect(() => evaluate('york', history, { asOf: '2025-03-01' })).not.toThrow();
  });

  it('GLO-9: the open year obligation says when the last observation was held', () => {
    // One observation on 10 May 2025 in the year 1 Apr 2025 – 31 Mar 2026: one more due, last met 10 May.
    const history = {
      staff: [{ id: 'S1', role: 'social-worker', startDate: '2020-01-06' }],
      events: [{ id: 'O1', type: 'observation', date: '2025-05-10', superviseeId: 'S1' }],
    };
    const report = evaluate('gloucestershire', history, { asOf: '2025-06-01' });
    expect(report.obligations.filter((o) => o.ruleId === 'GLO-9')).toMatchObject([
      { dueOn: '2026-03-31', lastMetOn: '2025-05-10' },
    ]);
  });
});
