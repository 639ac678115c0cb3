/** Segments (src/engine/segments.ts): a rule's intervals from arrangements, and what is not evaluable. */
import { describe, expect, it } from 'vitest';
import { run, staff } from '../helpers.js';
import { every, obligations, s1 } from '../rules/test-policies.js';

describe('segments: intervals from arrangements and notEvaluable', () => {
  it.each([
    // S1's clock runs from 3 Mar: + 2 weeks = Mon 17 Mar; + 1 week = Mon 10 Mar.
    ['agreed-interval', { weeks: 2 }, '2025-03-17', 'agreed interval'],
    ['performance-plan', { weeks: 1 }, '2025-03-10', 'performance plan'],
  ])('schedule from the %s: covered, uncovered and partly covered staff', (type, interval, dueOn, words) => {
    const rule = every({ schedule: [{ interval: { fromArrangement: type } }], notEvaluableWithout: type });
    const history = {
      staff: [
        // S1: the arrangement covers all of S1's employment: clock from 3 Mar at its interval.
        s1({ arrangements: [{ type, from: '2025-03-03', interval }] }),
        // S2: none. S3: only from 17 Mar (after asOf), so S3 too has days with no interval.
        staff('S2', { startDate: '2025-03-03' }),
        staff('S3', { startDate: '2025-03-03', arrangements: [{ type, from: '2025-03-17', interval }] }),
      ],
    };
    const report = run(rule, history, '2025-03-03');
    expect(report.notEvaluable).toEqual(
      ['S2', 'S3'].map((id) => ({
        ruleId: 'TST-1',
        subject: { type: 'staff', id },
        reason: `${id} has no ${words} recorded, and the policy sets no default interval for supervision`,
      })),
    );
    expect(obligations(report)).toEqual([
      [
        'upcoming',
        dueOn,
        null,
        '-',
        // The interval is the arrangement's ("the agreed 2 weeks", "the performance plan's 1 week").
        {
          kind: 'interval',
          from: { reason: 'rule-began', on: '2025-03-03' },
          interval: { every: interval, arrangement: type },
          dueBy: dueOn,
        },
      ],
    ]);
  });

  it('a case rule whose interval comes from an arrangement: cases have none, so notEvaluable', () => {
    const rule = every({
      subject: 'case',
      name: 'case supervision',
      schedule: [{ interval: { fromArrangement: 'performance-plan' } }],
      notEvaluableWithout: 'performance-plan',
    });
    const history = {
      staff: [s1()],
      cases: [{ id: 'C1', episodes: [{ type: 'child-in-need', from: '2025-03-03' }] }],
    };
    const report = run(rule, history, '2025-03-10');
    expect(report.notEvaluable).toEqual([
      {
        ruleId: 'TST-1',
        subject: { type: 'case', id: 'C1' },
        reason:
          'case C1 has no performance plan recorded, and the policy sets no default interval for case supervision',
      },
    ]);
    expect(report.obligations).toEqual([]);
  });

  it('notEvaluableWithout on a rule with a fixed interval never fires', () => {
    const report = run(every({ notEvaluableWithout: 'agreed-interval' }), { staff: [s1()] }, '2025-03-10');
    expect(report.notEvaluable).toEqual([]);
    expect(report.obligations.map((o) => o.dueOn)).toEqual(['2025-03-31']);
  });
});

describe('segments: a schedule that falls through an arrangement', () => {
  it('an arrangement entry that covers only some days leaves the rest to the next entry', () => {
    // S3 starts Mon 3 Mar 2025; the agreed 2-week interval runs only from Mon 17 Mar. From 3 to 16 Mar
    // the second entry (28 days) applies: the clock runs from 3 Mar, due Mon 31 Mar (3 Mar + 28);
    // on 17 Mar the interval becomes 2 weeks: max(3 Mar + 14 = 17 Mar, min(31 Mar, 17 Mar + 14 = 31 Mar))
    // = 31 Mar, unchanged. Had the arrangement entry taken every day, the rule would start on 17 Mar.
    const rule = every({
      schedule: [{ interval: { fromArrangement: 'agreed-interval' } }, { interval: { days: 28 } }],
    });
    const history = {
      staff: [
        staff('S3', {
          startDate: '2025-03-03',
          arrangements: [{ type: 'agreed-interval', from: '2025-03-17', interval: { weeks: 2 } }],
        }),
      ],
    };
    const report = run(rule, history, '2025-03-10');
    // No change in the basis: the 2 weeks from 17 Mar left the due date where it was.
    expect(report.obligations.map((o) => [o.subject.id, o.dueOn, o.basis])).toEqual([
      [
        'S3',
        '2025-03-31',
        {
          kind: 'interval',
          from: { reason: 'rule-began', on: '2025-03-03' },
          interval: { every: { days: 28 } },
          dueBy: '2025-03-31',
        },
      ],
    ]);
  });
});
