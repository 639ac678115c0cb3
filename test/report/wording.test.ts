import { describe, expect, it } from 'vitest';
import type {
  Basis,
  Breach,
  Closure,
  CountedFrom,
  IntervalBasis,
  NonWorkingDay,
  Obligation,
  RecordBasis,
  Subject,
} from '../../src/report/types.js';
import {
  breachExplainer,
  cap,
  describeSpan,
  explainBreach,
  explainObligation,
  isPlural,
  reasonOf,
  when,
} from '../../src/report/wording.js';

// Every sentence form of the report, once each, with a worked example. Other tests assert a
// finding's fields (dueOn, daysLate, basis); the words are asserted here only.
const citation = { source: 's', section: '1', quote: 'q' };
const S1 = { type: 'staff', id: 'S1' } as const;
const C1 = { type: 'case', id: 'C1' } as const;

const obligation = (
  dueOn: string,
  status: Obligation['status'],
  basis: Basis,
  subject: Subject = S1,
): Obligation => ({
  ruleId: 'R-1',
  subject,
  activity: 'one-to-one',
  lastMetOn: null,
  dueOn,
  status,
  citation,
  explanation: '',
  basis,
  policyVersion: '1',
});
const breach = (fields: Partial<Breach> & Pick<Breach, 'kind' | 'dueOn' | 'daysLate' | 'basis'>): Breach => ({
  ruleId: 'R-1',
  subject: S1,
  activity: 'one-to-one',
  metOn: null,
  severity: 'breach',
  citation,
  explanation: '',
  policyVersion: '1',
  ...fields,
});
const monthly = (on: string, dueBy: string): IntervalBasis => ({
  kind: 'interval',
  from: { reason: 'last-session', on },
  interval: { every: { months: 1 } },
  dueBy,
});

describe('the sentences of the report', () => {
  it('an interval obligation, upcoming and overdue: 30 Jun 2025 + 1 month = Wed 30 Jul', () => {
    const basis = monthly('2025-06-30', '2025-07-30');
    expect(explainObligation('monthly supervision', obligation('2025-07-30', 'upcoming', basis))).toBe(
      "S1's monthly supervision is next due by Wed 30 Jul 2025 (1 month after Mon 30 Jun 2025).",
    );
    expect(explainObligation('monthly supervision', obligation('2025-07-30', 'overdue', basis))).toBe(
      "S1's monthly supervision is overdue: it was due by Wed 30 Jul 2025 (1 month after Mon 30 Jun 2025).",
    );
  });

  it('a plural name takes a plural verb: "supervision notes ... are", "reviews ... were"', () => {
    expect(isPlural('case supervision notes')).toBe(true);
    expect(isPlural('probation reviews')).toBe(true);
    expect(isPlural('monthly supervision')).toBe(false);
    expect(isPlural('supervision of progress')).toBe(false);
    const basis = monthly('2025-06-30', '2025-07-30');
    expect(explainObligation('practice observations', obligation('2025-07-30', 'overdue', basis))).toBe(
      "S1's practice observations are overdue: they were due by Wed 30 Jul 2025 (1 month after Mon 30 Jun 2025).",
    );
  });

  it('late: due Wed 30 Jul 2025, held Mon 4 Aug = 5 days late', () => {
    const b = breach({
      kind: 'late',
      dueOn: '2025-07-30',
      metOn: '2025-08-04',
      daysLate: 5,
      basis: monthly('2025-06-30', '2025-07-30'),
    });
    expect(explainBreach('monthly supervision', b)).toBe(
      "S1's monthly supervision was due by Wed 30 Jul 2025 (1 month after Mon 30 Jun 2025); it took place on Mon 4 Aug 2025, 5 days late.",
    );
  });

  it('missed, still open at asOf, from records beginning: 1 Dec 2024 + 1 month = 1 Jan 2025, 14 days to 15 Jan', () => {
    const basis: Basis = {
      kind: 'interval',
      from: { reason: 'records-began', on: '2024-12-01' },
      interval: { every: { months: 1 } },
      dueBy: '2025-01-01',
    };
    expect(
      explainBreach(
        'monthly supervision',
        breach({ kind: 'missed', dueOn: '2025-01-01', daysLate: 14, basis }),
      ),
    ).toBe(
      "S1's monthly supervision was due by Wed 1 Jan 2025 (1 month after records begin on Sun 1 Dec 2024) and has not taken place: 14 days overdue.",
    );
  });

  it('missed, the window closed: due Wed 30 Jul 2025, S1 left Sun 3 Aug, 4 days late (to the day after)', () => {
    const basis: Basis = {
      ...monthly('2025-06-30', '2025-07-30'),
      closed: { reason: 'left', staffId: 'S1' },
    };
    expect(
      explainBreach(
        'monthly supervision',
        breach({ kind: 'missed', dueOn: '2025-07-30', daysLate: 5, basis }),
      ),
    ).toBe(
      "S1's monthly supervision was due by Wed 30 Jul 2025 (1 month after Mon 30 Jun 2025) and had not taken place by Sun 3 Aug 2025, when the rule stopped applying as S1 left: 5 days late.",
    );
  });

  it('"1 month, or the agreed 6 weeks if sooner" says which applied: Mon 10 Nov 2025 + 1 month = Wed 10 Dec, + 6 weeks = Mon 22 Dec', () => {
    const basis: Basis = {
      kind: 'interval',
      from: { reason: 'last-session', on: '2025-11-10' },
      interval: { every: { months: 1 }, orAgreed: { weeks: 6 }, sooner: 'policy' },
      dueBy: '2025-12-10',
    };
    expect(explainObligation('monthly supervision', obligation('2025-12-10', 'upcoming', basis))).toBe(
      "S1's monthly supervision is next due by Wed 10 Dec 2025 (1 month after Mon 10 Nov 2025, sooner than the agreed 6 weeks).",
    );
    const agreed: Basis = {
      kind: 'interval',
      from: { reason: 'last-session', on: '2025-11-10' },
      interval: { every: { months: 2 }, orAgreed: { weeks: 6 }, sooner: 'agreed' },
      dueBy: '2025-12-22',
    };
    expect(explainObligation('supervision', obligation('2025-12-22', 'upcoming', agreed))).toBe(
      "S1's supervision is next due by Mon 22 Dec 2025 (2 months after Mon 10 Nov 2025, the agreed 6 weeks being sooner than 2 months).",
    );
  });

  it('an agreed interval, an exception, a phase change under a new version, and breachAfter', () => {
    const basis: Basis = {
      kind: 'interval',
      from: { reason: 'version-took-effect', on: '2024-06-03', version: '2024' },
      interval: { every: { weeks: 6 }, arrangement: 'agreed-interval', via: 'DER-2' },
      dueBy: '2024-07-15',
      changes: [
        {
          on: '2024-07-01',
          interval: { every: { days: 14 }, phase: 'child protection' },
          dueBy: '2024-07-15',
          version: '2025',
        },
      ],
      breach: { after: { weeks: 8 }, on: '2024-07-29' },
    };
    expect(
      basis.kind === 'interval' &&
        explainObligation('supervision', obligation('2024-07-15', 'upcoming', basis)),
    ).toBe(
      'S1\'s supervision is next due by Mon 15 Jul 2024 (the agreed 6 weeks, as extended under DER-2, after version 2024 took effect on Mon 3 Jun 2024; then Mon 15 Jul 2024, since the interval became 14 days under "child protection" on Mon 1 Jul 2024 under version 2025, and a breach once nothing was held by Mon 29 Jul 2024).',
    );
  });

  it('working days skipped: Fri 23 May 2025 + 1 working day = Tue 27 May (Sat, Sun, Spring bank holiday)', () => {
    const basis: Basis = {
      kind: 'interval',
      from: { reason: 'last-session', on: '2025-05-23' },
      interval: { every: { workingDays: 1 } },
      dueBy: '2025-05-27',
      skipped: [
        { date: '2025-05-24', reason: 'weekend' },
        { date: '2025-05-25', reason: 'weekend' },
        { date: '2025-05-26', reason: 'bank-holiday', name: 'Spring bank holiday' },
      ],
    };
    expect(explainObligation('check-in', obligation('2025-05-27', 'upcoming', basis))).toBe(
      "S1's check-in is next due by Tue 27 May 2025 (1 working day after Fri 23 May 2025, skipping Mon 26 May 2025 Spring bank holiday, 2 weekend days).",
    );
  });

  it('one-off deadlines: within a time, by the first session, before a review, a probation milestone', () => {
    const within: Basis = {
      kind: 'within',
      from: { reason: 'cancelled', on: '2025-03-03', eventId: 'E1' },
      within: { days: 7 },
    };
    expect(
      explainBreach(
        're-arranged supervision',
        breach({
          kind: 'late',
          dueOn: '2025-03-10',
          metOn: '2025-03-12',
          daysLate: 2,
          eventId: 'E1',
          basis: within,
        }),
      ),
    ).toBe(
      "S1's re-arranged supervision was due by Mon 10 Mar 2025 (7 days after the session cancelled on Mon 3 Mar 2025); it took place on Wed 12 Mar 2025, 2 days late.",
    );
    const byFirst: Basis = {
      kind: 'by-first',
      from: { reason: 'supervision-began', on: '2025-03-03', supervisorId: 'M1' },
      session: { type: 'one-to-one', on: '2025-03-10' },
    };
    expect(explainObligation('supervision agreement', obligation('2025-03-10', 'overdue', byFirst))).toBe(
      "S1's supervision agreement is overdue: it was due by Mon 10 Mar 2025 (by the first one-to-one after supervision by M1 began on Mon 3 Mar 2025).",
    );
    const before: Basis = {
      kind: 'before-date',
      from: { reason: 'episode-began', on: '2025-01-06', episode: 'child-in-care' },
      lead: { days: 28 },
      target: { on: '2025-10-06', after: { months: 9 } },
      countsFrom: '2025-07-06',
    };
    expect(
      explainObligation('discussion before the review', obligation('2025-09-08', 'upcoming', before, C1)),
    ).toBe(
      "Case C1's discussion before the review is next due by Mon 8 Sep 2025 (28 days before Mon 6 Oct 2025, 9 months after the child-in-care episode began on Mon 6 Jan 2025; discussions count from Sun 6 Jul 2025).",
    );
    const review: Basis = { ...before, target: { on: '2025-09-01', review: true } };
    expect(
      explainObligation('discussion before the review', obligation('2025-08-04', 'upcoming', review, C1)),
    ).toBe(
      "Case C1's discussion before the review is next due by Mon 4 Aug 2025 (28 days before the review on Mon 1 Sep 2025; discussions count from Sun 6 Jul 2025).",
    );
    const milestone: Basis = {
      kind: 'within',
      from: { reason: 'started', on: '2025-01-06', staffId: 'S1' },
      within: { months: 3 },
      milestone: true,
    };
    expect(
      explainBreach(
        'probation review',
        breach({ kind: 'missed', dueOn: '2025-04-06', daysLate: 10, basis: milestone }),
      ),
    ).toBe(
      "S1's 3 months probation review was due by Sun 6 Apr 2025 (3 months after S1 started on Mon 6 Jan 2025) and has not taken place: 10 days overdue.",
    );
  });

  it('records: by working days, late by days; unrecorded', () => {
    const basis: Basis = {
      kind: 'record',
      session: { type: 'one-to-one', on: '2025-06-03' },
      within: { workingDays: 1 },
      deadline: '2025-06-04',
    };
    const late = breach({
      kind: 'late-recording',
      subject: C1,
      eventId: 'E12',
      dueOn: '2025-06-04',
      metOn: '2025-06-05',
      daysLate: 1,
      basis: { ...basis, recordedAt: '2025-06-05T09:30:00Z' },
    });
    expect(explainBreach('case supervision notes', late)).toBe(
      'The case supervision notes of one-to-one E12 on Tue 3 Jun 2025 for case C1 were due by Wed 4 Jun 2025 (1 working day after Tue 3 Jun 2025); they were recorded on Thu 5 Jun 2025 at 10:30, 1 day late.',
    );
    const missing = breach({
      kind: 'unrecorded',
      subject: C1,
      eventId: 'E12',
      dueOn: '2025-06-04',
      daysLate: 6,
      basis,
    });
    expect(explainBreach('case supervision record', missing)).toBe(
      'The case supervision record of one-to-one E12 on Tue 3 Jun 2025 for case C1 was due by Wed 4 Jun 2025 (1 working day after Tue 3 Jun 2025) and has not been recorded: 6 days overdue.',
    );
  });

  it('records: clock hours from the start, "3 days 1 hour late"; a second late is "under a minute late"', () => {
    // 24 hours from Fri 9 May 2025 13:30 BST = Sat 10 May 13:30; recorded Tue 13 May 14:30 = 3 days 1 hour.
    const basis: Basis = {
      kind: 'record',
      session: { type: 'one-to-one', on: '2025-05-09', start: '2025-05-09T13:30:00+01:00' },
      within: { hours: 24 },
      deadline: '2025-05-10T13:30:00+01:00',
      recordedAt: '2025-05-13T14:30:00+01:00',
    };
    expect(
      explainBreach(
        'supervision record',
        breach({
          kind: 'late-recording',
          eventId: 'E1',
          dueOn: '2025-05-10',
          metOn: '2025-05-13',
          daysLate: 3,
          hoursLate: 73,
          basis,
        }),
      ),
    ).toBe(
      'The supervision record of one-to-one E1 on Fri 9 May 2025 for S1 was due by Sat 10 May 2025 at 13:30 (24 hours after the session began on Fri 9 May 2025 at 13:30); it was recorded on Tue 13 May 2025 at 14:30, 3 days 1 hour late.',
    );
    const second: Basis = { ...basis, recordedAt: '2025-05-10T13:30:01+01:00' };
    expect(
      explainBreach(
        'supervision record',
        breach({
          kind: 'late-recording',
          eventId: 'E1',
          dueOn: '2025-05-10',
          metOn: '2025-05-10',
          daysLate: 0,
          hoursLate: 0.01,
          basis: second,
        }),
      ),
    ).toMatch(/, under a minute late\.$/);
    expect(describeSpan(75 * 60_000)).toBe('1 hour 15 minutes');
    expect(describeSpan(59_999)).toBe('under a minute');
    const noStart: Basis = {
      kind: 'record',
      session: { type: 'one-to-one', on: '2025-10-24' },
      within: { hours: 72 },
      deadline: '2025-10-27',
    };
    expect(
      explainBreach(
        'supervision record',
        breach({ kind: 'unrecorded', eventId: 'E2', dueOn: '2025-10-27', daysLate: 1, basis: noStart }),
      ),
    ).toBe(
      'The supervision record of one-to-one E2 on Fri 24 Oct 2025 for S1 was due by Mon 27 Oct 2025 (72 hours after the session on Fri 24 Oct 2025; with no start time, by the end of Mon 27 Oct 2025) and has not been recorded: 1 day overdue.',
    );
    const sameDay: Basis = {
      kind: 'record',
      session: { type: 'one-to-one', on: '2025-10-24' },
      within: { sameDay: true },
      deadline: '2025-10-24',
    };
    expect(
      explainBreach(
        'record',
        breach({ kind: 'unrecorded', eventId: 'E2', dueOn: '2025-10-24', daysLate: 3, basis: sameDay }),
      ),
    ).toContain('was due by Fri 24 Oct 2025 (the same day as the session) and');
  });

  it('periods: too few between reviews (said once), pro rata in a year, minutes in a month, what is still due', () => {
    const review: Basis = {
      kind: 'period',
      period: { from: '2025-05-02', to: '2025-08-01', of: 'review-period' },
      unit: 'sessions',
      held: 1,
      required: 2,
    };
    expect(
      explainBreach(
        'case supervision in the review period',
        breach({
          subject: C1,
          kind: 'too-few',
          dueOn: '2025-08-01',
          daysLate: 0,
          shortfall: { sessions: 1 },
          basis: review,
        }),
      ),
    ).toBe(
      "Case C1's case supervision in the review period from Fri 2 May 2025 to Fri 1 Aug 2025, between two reviews: 1 held of the 2 required.",
    );
    // 2 a year for 182 of 365 days: 2 × 182 / 365 = 0.997, rounded up to 1.
    const year: Basis = {
      kind: 'period',
      period: { from: '2025-04-01', to: '2026-03-31', of: 'year' },
      unit: 'sessions',
      held: 0,
      required: 1,
      proRata: { minimum: 2, days: 182, of: 365 },
    };
    expect(
      explainBreach(
        'observations',
        breach({ kind: 'too-few', dueOn: '2026-03-31', daysLate: 0, basis: year }),
      ),
    ).toBe(
      "S1's observations in the year Tue 1 Apr 2025 to Tue 31 Mar 2026: 0 held of the 1 required, pro rata from 2 for 182 of 365 days.",
    );
    expect(explainObligation('observations', obligation('2026-03-31', 'upcoming', year))).toBe(
      "S1's observations in the year Tue 1 Apr 2025 to Tue 31 Mar 2026: 0 held of the 1 required, pro rata from 2 for 182 of 365 days; 1 more due by Tue 31 Mar 2026.",
    );
    const month: Basis = {
      kind: 'period',
      period: { from: '2025-05-01', to: '2025-05-31', of: 'calendar-month' },
      unit: 'minutes',
      held: 300,
      required: 360,
    };
    expect(
      explainBreach(
        '6 hours of supervision a month',
        breach({ kind: 'too-short', dueOn: '2025-05-31', daysLate: 0, basis: month }),
      ),
    ).toBe(
      "S1's 6 hours of supervision a month in May 2025 came to 300 minutes, 60 minutes short of the 360 minutes expected.",
    );
    const week: Basis = { ...month, period: { from: '2025-05-05', to: '2025-05-11', of: 'week' } };
    expect(
      explainBreach(
        'weekly minutes',
        breach({ kind: 'too-short', dueOn: '2025-05-11', daysLate: 0, basis: week }),
      ),
    ).toContain('in the week Mon 5 May 2025 to Sun 11 May 2025 came to');
  });

  it('a session too short (against an agreed length) or too long', () => {
    const short: Basis = {
      kind: 'session',
      session: { eventId: 'E1', on: '2025-01-06' },
      minutes: 60,
      minimum: 90,
      agreed: true,
    };
    expect(
      explainBreach(
        'supervision',
        breach({ kind: 'too-short', dueOn: '2025-01-06', daysLate: 0, basis: short }),
      ),
    ).toBe(
      "S1's supervision on Mon 6 Jan 2025 lasted 60 minutes, under the agreed 90 minutes expected; it still counts.",
    );
    const long: Basis = {
      kind: 'session',
      session: { eventId: 'E1', on: '2025-01-06' },
      minutes: 150,
      maximum: 120,
    };
    expect(
      explainBreach(
        'supervision',
        breach({ kind: 'too-long', dueOn: '2025-01-06', daysLate: 0, basis: long }),
      ),
    ).toBe(
      "S1's supervision on Mon 6 Jan 2025 lasted 150 minutes, over the 120 minutes at most expected; it still counts.",
    );
  });

  it('why a rule is not evaluable', () => {
    expect(
      reasonOf(S1, { why: 'no-arrangement', arrangement: 'agreed-interval' }, 'student supervision'),
    ).toBe(
      'S1 has no agreed interval recorded, and the policy sets no default interval for student supervision',
    );
    expect(reasonOf(C1, { why: 'no-review-dates' }, 'x')).toBe(
      'case C1 has no review dates, so its review periods are unknown',
    );
    expect(
      reasonOf(S1, { why: 'minutes-unknown', periods: 2, period: 'calendar-month', minimum: 90 }, 'x'),
    ).toBe(
      "2 months of S1's sessions came to under 90 minutes, but some sessions have no durationMinutes, so the total is unknown",
    );
    expect(
      reasonOf(
        S1,
        { why: 'no-duration', eventId: 'E1', on: '2025-01-06', minimum: 90, agreed: true },
        'supervision',
      ),
    ).toBe(
      "S1's session E1 on Mon 6 Jan 2025 has no durationMinutes, so whether it lasted the 90 minutes of supervision (as agreed) is unknown",
    );
    expect(reasonOf(S1, { why: 'no-shifts', every: 4 }, 'x')).toBe(
      'S1 has no shifts in the history (staff shifts), so when a session is due every 4 shifts worked is unknown',
    );
    expect(
      reasonOf(S1, { why: 'minutes-unknown', periods: 1, period: 'week', minimum: 360, weeks: 4 }, 'x'),
    ).toBe(
      "1 4-week span of S1's sessions came to under 360 minutes, but some sessions have no durationMinutes, so the total is unknown",
    );
  });

  it('every N shifts: counted from the rule beginning, then from the last session (4th shift: Fri 6 Jun)', () => {
    const from = {
      kind: 'shifts',
      from: { reason: 'rule-began', on: '2025-06-02' },
      every: 4,
      shiftOn: '2025-06-06',
    } as const;
    expect(
      explainBreach(
        'agency supervision every 4 shifts',
        breach({ kind: 'late', dueOn: '2025-06-06', metOn: '2025-06-09', daysLate: 3, basis: from }),
      ),
    ).toBe(
      "S1's agency supervision every 4 shifts was due by Fri 6 Jun 2025 (the 4th shift worked from Mon 2 Jun 2025); it took place on Mon 9 Jun 2025, 3 days late.",
    );
    const after = {
      ...from,
      from: { reason: 'last-session', on: '2025-06-13' },
      shiftOn: '2025-06-19',
    } as const;
    expect(
      explainObligation('agency supervision every 4 shifts', obligation('2025-06-19', 'overdue', after)),
    ).toBe(
      "S1's agency supervision every 4 shifts is overdue: it was due by Thu 19 Jun 2025 (the 4th shift worked after Fri 13 Jun 2025).",
    );
  });

  it('pro rata to fte, a span of weeks, and an agreement the policy allows to loosen', () => {
    // 90 minutes at fte 0.6 = 54, rounded up to a whole minute.
    expect(
      explainBreach(
        '90-minute supervision',
        breach({
          kind: 'too-short',
          dueOn: '2025-06-05',
          daysLate: 0,
          basis: {
            kind: 'session',
            session: { eventId: 'E1', on: '2025-06-05' },
            minutes: 50,
            minimum: 54,
            fte: { fte: 0.6, minimum: 90 },
          },
        }),
      ),
    ).toBe(
      "S1's 90-minute supervision on Thu 5 Jun 2025 lasted 50 minutes, under the 54 minutes expected, pro rata: 90 minutes at fte 0.6; it still counts.",
    );
    // Mon 2 Jun + 4 weeks - 1 day = Sun 29 Jun; 360 at fte 0.5 = 180; 160 held.
    expect(
      explainBreach(
        'supervision time',
        breach({
          kind: 'too-short',
          dueOn: '2025-06-29',
          daysLate: 0,
          basis: {
            kind: 'period',
            period: { from: '2025-06-02', to: '2025-06-29', of: 'week', weeks: 4 },
            unit: 'minutes',
            held: 160,
            required: 180,
            fte: { fte: 0.5, minimum: 360 },
          },
        }),
      ),
    ).toBe(
      "S1's supervision time in the 4 weeks Mon 2 Jun 2025 to Sun 29 Jun 2025 came to 160 minutes, 20 minutes short of the 180 minutes expected, pro rata: 360 minutes at fte 0.5.",
    );
    // 9 Jul + 6 weeks = Wed 20 Aug.
    const basis: IntervalBasis = {
      kind: 'interval',
      from: { reason: 'last-session', on: '2025-07-09' },
      interval: {
        every: { weeks: 6 },
        arrangement: 'agreed-interval',
        agreedUnder: { section: '4.2 Part-time staff', quote: 'a less frequent interval may be agreed' },
      },
      dueBy: '2025-08-20',
    };
    expect(explainObligation('supervision', obligation('2025-08-20', 'upcoming', basis))).toBe(
      'S1\'s supervision is next due by Wed 20 Aug 2025 (the 6 weeks agreed under 4.2 Part-time staff, "a less frequent interval may be agreed", after Wed 9 Jul 2025).',
    );
  });

  // 3 Mar 2025 + 28 days = Mon 31 Mar.
  const from3Mar = (from: CountedFrom, extra: Partial<IntervalBasis> = {}): IntervalBasis => ({
    kind: 'interval',
    from,
    interval: { every: { days: 28 } },
    dueBy: '2025-03-31',
    ...extra,
  });

  it.each<[string, CountedFrom, string]>([
    ['rule-began', { reason: 'rule-began', on: '2025-03-03' }, 'the rule began to apply on Mon 3 Mar 2025'],
    [
      'policy-took-effect',
      { reason: 'policy-took-effect', on: '2025-03-03' },
      'the policy took effect on Mon 3 Mar 2025',
    ],
    [
      'started-in-role',
      { reason: 'started-in-role', on: '2025-03-03', staffId: 'S1' },
      'S1 started in role on Mon 3 Mar 2025',
    ],
    [
      'asye-began',
      { reason: 'asye-began', on: '2025-03-03', staffId: 'S1' },
      "S1's ASYE began on Mon 3 Mar 2025",
    ],
    [
      'allocated',
      { reason: 'allocated', on: '2025-03-03', workerId: 'W1' },
      'allocation to W1 on Mon 3 Mar 2025',
    ],
    [
      'event',
      { reason: 'event', on: '2025-03-03', eventId: 'A1', eventType: 'appraisal' },
      'the appraisal on Mon 3 Mar 2025',
    ],
  ])('counted from: %s (3 Mar + 28 days = Mon 31 Mar)', (_, from, words) => {
    expect(explainObligation('supervision', obligation('2025-03-31', 'upcoming', from3Mar(from)))).toBe(
      `S1's supervision is next due by Mon 31 Mar 2025 (28 days after ${words}).`,
    );
  });

  it.each<[string, Closure, string]>([
    ['absence-began', { reason: 'absence-began', staffId: 'S1' }, "S1's absence began"],
    ['case-closed', { reason: 'case-closed', caseId: 'C1' }, 'case C1 closed'],
    [
      'supervision-ended',
      { reason: 'supervision-ended', supervisorId: 'M1', staffId: 'S1' },
      'supervision by M1 ended',
    ],
    ['case-moved', { reason: 'case-moved', workerId: 'W1' }, 'the case left W1'],
    ['next-event', { reason: 'next-event', eventType: 'appraisal' }, 'the next appraisal took place'],
    [
      'episode-ended',
      { reason: 'episode-ended', episode: 'child-protection' },
      'the child-protection episode ended',
    ],
    [
      'rule-dropped, by a named version',
      { reason: 'rule-dropped', on: '2025-04-01', version: 'B' },
      'version B of the policy took effect without this rule',
    ],
    [
      'rule-dropped, by a version with no name',
      { reason: 'rule-dropped', on: '2025-04-01' },
      'the policy version of Tue 1 Apr 2025 dropped this rule',
    ],
    ['conditions-ended', { reason: 'conditions-ended' }, 'its conditions no longer held'],
  ])('the window closed: %s (due 31 Mar, 5 days late: the last day Fri 4 Apr)', (_, closed, words) => {
    const basis = from3Mar({ reason: 'rule-began', on: '2025-03-03' }, { closed });
    expect(
      explainBreach('supervision', breach({ kind: 'missed', dueOn: '2025-03-31', daysLate: 5, basis })),
    ).toBe(
      `S1's supervision was due by Mon 31 Mar 2025 (28 days after the rule began to apply on Mon 3 Mar 2025) and had not taken place by Fri 4 Apr 2025, when the rule stopped applying as ${words}: 5 days late.`,
    );
  });

  it("a performance plan's interval, the same day as the agreed one, a change with an agreed interval, a council closure", () => {
    const last = { reason: 'last-session', on: '2025-03-03' } as const;
    // 3 Mar + 1 week = Mon 10 Mar.
    const plan = from3Mar(last, {
      interval: { every: { weeks: 1 }, arrangement: 'performance-plan' },
      dueBy: '2025-03-10',
    });
    expect(explainObligation('supervision', obligation('2025-03-10', 'upcoming', plan))).toBe(
      "S1's supervision is next due by Mon 10 Mar 2025 (the performance plan's 1 week after Mon 3 Mar 2025).",
    );
    // 28 days and 4 weeks from 3 Mar are both Mon 31 Mar.
    const same = from3Mar(last, {
      interval: { every: { days: 28 }, orAgreed: { weeks: 4 }, sooner: 'same' },
    });
    expect(explainObligation('supervision', obligation('2025-03-31', 'upcoming', same))).toBe(
      "S1's supervision is next due by Mon 31 Mar 2025 (28 days after Mon 3 Mar 2025, the same day as the agreed 4 weeks).",
    );
    // From 10 Mar: 14 days or the agreed 3 weeks if sooner: 10 Mar + 14 = Mon 24 Mar.
    const changed = from3Mar(last, {
      changes: [
        { on: '2025-03-10', interval: { every: { days: 14 }, orAgreed: { weeks: 3 } }, dueBy: '2025-03-24' },
      ],
    });
    expect(explainObligation('supervision', obligation('2025-03-24', 'upcoming', changed))).toBe(
      "S1's supervision is next due by Mon 24 Mar 2025 (28 days after Mon 3 Mar 2025; then Mon 24 Mar 2025, since the interval became 14 days, or the agreed 3 weeks if sooner, on Mon 10 Mar 2025).",
    );
    // Tue 23 Dec 2025 + 1 working day = Mon 29 Dec: Wed 24 Dec the council's closure, Thu 25 and Fri 26 Dec
    // bank holidays, Sat 27 and Sun 28 the weekend.
    const closure = from3Mar(
      { reason: 'last-session', on: '2025-12-23' },
      {
        interval: { every: { workingDays: 1 } },
        dueBy: '2025-12-29',
        skipped: [
          { date: '2025-12-24', reason: 'closure' },
          { date: '2025-12-25', reason: 'bank-holiday', name: 'Christmas Day' },
          { date: '2025-12-26', reason: 'bank-holiday', name: 'Boxing Day' },
          { date: '2025-12-27', reason: 'weekend' },
          { date: '2025-12-28', reason: 'weekend' },
        ],
      },
    );
    expect(explainObligation('check-in', obligation('2025-12-29', 'upcoming', closure))).toBe(
      "S1's check-in is next due by Mon 29 Dec 2025 (1 working day after Tue 23 Dec 2025, skipping Wed 24 Dec 2025 council closure, Thu 25 Dec 2025 Christmas Day bank holiday, Fri 26 Dec 2025 Boxing Day bank holiday, 2 weekend days).",
    );
  });

  it('a probation review overdue (its offset names it), a record late by working days with the days skipped, a session of 1 minute', () => {
    // Role start Mon 6 Jan 2025 + 3 months = Sun 6 Apr.
    const milestone: Basis = {
      kind: 'within',
      from: { reason: 'started-in-role', on: '2025-01-06', staffId: 'S1' },
      within: { months: 3 },
      milestone: true,
    };
    expect(explainObligation('probation review', obligation('2025-04-06', 'overdue', milestone))).toBe(
      "S1's 3 months probation review is overdue: it was due by Sun 6 Apr 2025 (3 months after S1 started in role on Mon 6 Jan 2025).",
    );
    // Thu 17 Apr + 2 working days, skipping Good Friday, the weekend and Easter Monday: Wed 23 Apr; recorded Thu 24 Apr.
    const record: Basis = {
      kind: 'record',
      session: { type: 'one-to-one', on: '2025-04-17' },
      within: { workingDays: 2 },
      deadline: '2025-04-23',
      skipped: [
        { date: '2025-04-18', reason: 'bank-holiday', name: 'Good Friday' },
        { date: '2025-04-19', reason: 'weekend' },
        { date: '2025-04-20', reason: 'weekend' },
        { date: '2025-04-21', reason: 'bank-holiday', name: 'Easter Monday' },
      ],
      recordedAt: '2025-04-24',
    };
    expect(
      explainBreach(
        'record',
        breach({
          kind: 'late-recording',
          eventId: 'W1',
          dueOn: '2025-04-23',
          metOn: '2025-04-24',
          daysLate: 1,
          basis: record,
        }),
      ),
    ).toBe(
      'The record of one-to-one W1 on Thu 17 Apr 2025 for S1 was due by Wed 23 Apr 2025 (2 working days after Thu 17 Apr 2025, skipping Fri 18 Apr 2025 Good Friday bank holiday, Mon 21 Apr 2025 Easter Monday bank holiday, 2 weekend days); it was recorded on Thu 24 Apr 2025, 1 day late.',
    );
    const oneMinute: Basis = {
      kind: 'session',
      session: { eventId: 'E1', on: '2025-01-06' },
      minutes: 1,
      minimum: 90,
    };
    expect(
      explainBreach(
        '90-minute formal supervision',
        breach({ kind: 'too-short', dueOn: '2025-01-06', daysLate: 0, basis: oneMinute }),
      ),
    ).toBe(
      "S1's 90-minute formal supervision on Mon 6 Jan 2025 lasted 1 minute, under the 90 minutes expected; it still counts.",
    );
  });

  it('why not evaluable: no line manager, weeks of unknown minutes, a session of no length against a rule (not agreed) and against a range', () => {
    expect(reasonOf({ type: 'staff', id: 'S2' }, { why: 'no-line-manager' }, 'x')).toBe(
      'S2 has no lineManagerId, so which sessions their line manager gave is unknown',
    );
    expect(
      reasonOf(
        { type: 'staff', id: 'ST' },
        { why: 'minutes-unknown', periods: 2, period: 'week', minimum: 90 },
        'x',
      ),
    ).toBe(
      "2 weeks of ST's sessions came to under 90 minutes, but some sessions have no durationMinutes, so the total is unknown",
    );
    expect(
      reasonOf(
        S1,
        { why: 'no-duration', eventId: 'E-NODUR', on: '2025-06-12', minimum: 90, agreed: false },
        '90-minute formal supervision',
      ),
    ).toBe(
      "S1's session E-NODUR on Thu 12 Jun 2025 has no durationMinutes, so whether it lasted the 90 minutes of 90-minute formal supervision is unknown",
    );
    expect(
      reasonOf(
        S1,
        { why: 'no-duration', eventId: 'E2', on: '2025-06-12', minimum: 60, maximum: 120, agreed: false },
        'supervision',
      ),
    ).toBe(
      "S1's session E2 on Thu 12 Jun 2025 has no durationMinutes, so whether it lasted the 60 minutes and at most 120 minutes of supervision is unknown",
    );
  });
});

describe('breachExplainer: the breaches of one rule, one after another', () => {
  it('says what explainBreach says, though breaches share a session object with another deadline, within or skipped days', () => {
    // One session object in every basis, as a rule's bases share theirs; each breach changes one part.
    // Words kept from the last breach of that session would repeat its deadline, days or skipping.
    const session = { type: 'one-to-one', on: '2025-06-03' };
    const weekend: NonWorkingDay[] = [
      { date: '2025-06-07', reason: 'weekend' },
      { date: '2025-06-08', reason: 'weekend' },
    ];
    const one = { workingDays: 1 };
    const two = { workingDays: 2 };
    const bases: RecordBasis[] = [
      { kind: 'record', session, within: one, deadline: '2025-06-04' },
      { kind: 'record', session, within: one, deadline: '2025-06-04', recordedAt: '2025-06-06' },
      { kind: 'record', session, within: one, deadline: '2025-06-05' },
      { kind: 'record', session, within: two, deadline: '2025-06-05' },
      { kind: 'record', session, within: two, deadline: '2025-06-05', skipped: weekend },
      { kind: 'record', session, within: { sameDay: true }, deadline: '2025-06-03' },
    ];
    const findings = bases.map((basis, i) =>
      breach({
        kind: basis.recordedAt === undefined ? 'unrecorded' : 'late-recording',
        subject: i % 2 === 0 ? S1 : C1,
        eventId: `E${i}`,
        dueOn: basis.deadline,
        metOn: basis.recordedAt ?? null,
        daysLate: 2,
        basis,
      }),
    );
    // A breach of another kind between them.
    findings.push(
      breach({
        kind: 'missed',
        dueOn: '2025-07-01',
        daysLate: 3,
        basis: monthly('2025-06-01', '2025-07-01'),
      }),
    );
    findings.push(findings[0]!);
    for (const name of ['case supervision notes', 'supervision record']) {
      const explain = breachExplainer(name);
      expect(findings.map((f) => explain(f))).toEqual(findings.map((f) => explainBreach(name, f)));
    }
    const explain = breachExplainer('supervision record');
    expect(findings.map((f) => explain(f)).slice(0, 6)).toEqual([
      'The supervision record of one-to-one E0 on Tue 3 Jun 2025 for S1 was due by Wed 4 Jun 2025 (1 working day after Tue 3 Jun 2025) and has not been recorded: 2 days overdue.',
      'The supervision record of one-to-one E1 on Tue 3 Jun 2025 for case C1 was due by Wed 4 Jun 2025 (1 working day after Tue 3 Jun 2025); it was recorded on Fri 6 Jun 2025, 2 days late.',
      'The supervision record of one-to-one E2 on Tue 3 Jun 2025 for S1 was due by Thu 5 Jun 2025 (1 working day after Tue 3 Jun 2025) and has not been recorded: 2 days overdue.',
      'The supervision record of one-to-one E3 on Tue 3 Jun 2025 for case C1 was due by Thu 5 Jun 2025 (2 working days after Tue 3 Jun 2025) and has not been recorded: 2 days overdue.',
      'The supervision record of one-to-one E4 on Tue 3 Jun 2025 for S1 was due by Thu 5 Jun 2025 (2 working days after Tue 3 Jun 2025, skipping 2 weekend days) and has not been recorded: 2 days overdue.',
      'The supervision record of one-to-one E5 on Tue 3 Jun 2025 for case C1 was due by Tue 3 Jun 2025 (the same day as the session) and has not been recorded: 2 days overdue.',
    ]);
  });
});

describe('cap', () => {
  it('capitalises the first letter only, ASCII or not; a capital, a digit or an empty string as it is', () => {
    expect(['case C1', 'team T1', 'S1', 'émile', 'ß1', '1st', '', 'Z'].map(cap)).toEqual([
      'Case C1',
      'Team T1',
      'S1',
      'Émile',
      'SS1',
      '1st',
      '',
      'Z',
    ]);
  });
});

describe('when', () => {
  it('an instant, another, the first again, a date between: each its own words (the last instant’s words are kept)', () => {
    const asked = [
      '2025-05-13T14:30:00+01:00',
      '2025-05-13T14:30:00+01:00',
      '2025-12-01T09:05:00Z',
      '2025-05-13',
      '2025-05-13T14:30:00+01:00',
      '2025-05-13T13:30:00Z',
    ];
    expect(asked.map(when)).toEqual([
      'Tue 13 May 2025 at 14:30',
      'Tue 13 May 2025 at 14:30',
      'Mon 1 Dec 2025 at 09:05',
      'Tue 13 May 2025',
      'Tue 13 May 2025 at 14:30',
      'Tue 13 May 2025 at 14:30',
    ]);
  });
});
