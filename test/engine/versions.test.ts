/**
 * Policy versions: each version is in force from its effectiveFrom to the day before the next one's;
 * an interval rule kept by both versions keeps one clock (the change is an interval change inside a
 * window); a record's deadline is set by the version in force on the session's day.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportToTable } from '../../src/cli/format-table.js';
import { painter } from '../../src/cli/io.js';
import { evaluate } from '../../src/front-door.js';
import { loadPolicy } from '../../src/policy/load.js';
import { brief } from '../helpers.js';

const cite = (version: string, quote: string) => ({ source: `policy-${version}.txt`, section: '§3', quote });
const oneToOnes = (version: string, days: number, note: string) => ({
  id: 'TST-1',
  name: 'one-to-one supervision',
  activity: 'one-to-one',
  strength: 'must',
  citation: cite(version, `every ${days} days`),
  note,
  kind: 'interval',
  subject: 'staff',
  counts: ['one-to-one'],
  schedule: [{ interval: { days } }],
});
const records = (version: string, workingDays: number, note: string) => ({
  id: 'TST-2',
  name: 'supervision record',
  activity: 'recording',
  strength: 'must',
  citation: cite(version, `recorded within ${workingDays} working days`),
  note,
  kind: 'recording',
  records: 'session',
  counts: ['one-to-one'],
  deadline: { workingDays },
});
const v2019 = {
  version: '2019',
  effectiveFrom: '2024-01-01',
  rules: [oneToOnes('2019', 28, '4-weekly'), records('2019', 2, 'two working days')],
};
const v2024 = {
  version: '2024',
  effectiveFrom: '2024-07-01',
  rules: [
    oneToOnes('2024', 14, 'fortnightly from July 2024'),
    records('2024', 1, 'one working day from July 2024'),
  ],
};
const meta = { id: 'test-council', name: 'Test policy', council: 'Test Council', source: 'policy-2019.txt' };
const versioned = loadPolicy({ ...meta, versions: [v2019, v2024] });

// S1 starts on Mon 20 May 2024; three 1:1s: Mon 20 May, Mon 24 Jun, Wed 17 Jul 2024.
const history = {
  staff: [{ id: 'S1', role: 'social-worker', startDate: '2024-05-20' }],
  events: [
    { id: 'E1', type: 'one-to-one', date: '2024-05-20', superviseeId: 'S1', recordedAt: '2024-05-21' },
    { id: 'E2', type: 'one-to-one', date: '2024-06-24', superviseeId: 'S1', recordedAt: '2024-06-26' },
    { id: 'E3', type: 'one-to-one', date: '2024-07-17', superviseeId: 'S1', recordedAt: '2024-07-19' },
  ],
};
const asOf = '2024-07-20';

describe('policy versions: the worked example', () => {
  const report = evaluate(versioned, history, { asOf });

  it('TST-1: the second 1:1 is 7 days late under version 2019, the third 2 days late under version 2024', () => {
    // Version 2019 (4-weekly): 20 May + 28 days = Mon 17 Jun; held Mon 24 Jun: 24 Jun − 17 Jun = 7 days late.
    // After 24 Jun: L = 24 Jun, D = 24 Jun + 28 = Mon 22 Jul. Version 2024 (fortnightly) takes effect on
    // c = Mon 1 Jul: the new due date is the later of L + 14 = Mon 8 Jul and the earlier of D = 22 Jul and
    // c + 14 = Mon 15 Jul, so Mon 15 Jul. Held Wed 17 Jul: 17 − 15 = 2 days late, under version 2024.
    const late = report.breaches.filter((b) => b.ruleId === 'TST-1');
    expect(late.map(brief)).toEqual([
      { kind: 'late', dueOn: '2024-06-17', metOn: '2024-06-24', daysLate: 7 },
      { kind: 'late', dueOn: '2024-07-15', metOn: '2024-07-17', daysLate: 2 },
    ]);
    expect(late.map((b) => b.policyVersion)).toEqual(['2019', '2024']);
    expect(late.map((b) => b.citation.source)).toEqual(['policy-2019.txt', 'policy-2024.txt']);
    // Only the second's due date was moved by the change.
    expect(late[0]!.versionChange).toBeUndefined();
    expect(late[1]!.versionChange).toEqual({ on: '2024-07-01', from: '2019', to: '2024' });
    expect(late[1]!.basis).toMatchObject({
      changes: [{ on: '2024-07-01', interval: { every: { days: 14 } }, version: '2024' }],
    });
  });

  it('TST-1: what is due next runs fortnightly from the third 1:1, under version 2024', () => {
    // 17 Jul + 14 days = Wed 31 Jul.
    const next = report.obligations.filter((o) => o.ruleId === 'TST-1');
    expect(next).toMatchObject([{ dueOn: '2024-07-31', status: 'upcoming', policyVersion: '2024' }]);
  });

  it('TST-2: each record is due by the version in force on its session day', () => {
    // E1 Mon 20 May, 2 working days (2019): Wed 22 May; made Tue 21 May: on time.
    // E2 Mon 24 Jun, 2 working days (2019): Wed 26 Jun; made Wed 26 Jun: on time (1 working day, the
    //    2024 rule, would have made it due Tue 25 Jun: late; but 24 Jun is before 1 Jul).
    // E3 Wed 17 Jul, 1 working day (2024): Thu 18 Jul; made Fri 19 Jul: 1 day late (under 2019's
    //    2 working days it would have been due Fri 19 Jul and on time).
    expect(report.recordings.map((r) => [r.eventId, r.deadline, r.status, r.policyVersion])).toEqual([
      ['E1', '2024-05-22', 'on-time', '2019'],
      ['E2', '2024-06-26', 'on-time', '2019'],
      ['E3', '2024-07-18', 'late', '2024'],
    ]);
    const late = report.breaches.filter((b) => b.ruleId === 'TST-2');
    expect(late.map(brief)).toEqual([
      { kind: 'late-recording', dueOn: '2024-07-18', metOn: '2024-07-19', daysLate: 1 },
    ]);
    expect(late[0]!.policyVersion).toBe('2024');
  });

  it('under version 2019 alone, the third 1:1 and its record would be judged differently', () => {
    // 24 Jun + 28 = Mon 22 Jul: the 1:1 on 17 Jul is on time; its record due Fri 19 Jul (2 working days) is on time.
    const old = loadPolicy({ ...meta, ...v2019 });
    const r = evaluate(old, history, { asOf });
    expect(r.breaches.map(brief)).toEqual([
      { kind: 'late', dueOn: '2024-06-17', metOn: '2024-06-24', daysLate: 7 },
    ]);
    expect(r.recordings.every((x) => x.status === 'on-time' && x.policyVersion === '2019')).toBe(true);
    expect(r.policy.versions).toEqual([{ version: '2019', effectiveFrom: '2024-01-01' }]);
  });

  it('the report names the versions it used, and the one in force on asOf', () => {
    expect(report.policy).toEqual({
      id: 'test-council',
      name: 'Test policy',
      version: '2024',
      versions: [
        { version: '2019', effectiveFrom: '2024-01-01' },
        { version: '2024', effectiveFrom: '2024-07-01' },
      ],
    });
    // As of a day before the change, only version 2019 was used.
    const early = evaluate(versioned, history, { asOf: '2024-06-30' });
    expect(early.policy.version).toBe('2019');
    expect(early.policy.versions).toEqual([{ version: '2019', effectiveFrom: '2024-01-01' }]);
  });

  it('versions listed out of order are applied in date order', () => {
    const reversed = loadPolicy({ ...meta, versions: [v2024, v2019] });
    const r = evaluate(reversed, history, { asOf });
    expect(r.breaches).toEqual(report.breaches);
    expect(r.recordings).toEqual(report.recordings);
  });
});

describe('policy versions: a rule changed, dropped and added', () => {
  // Version A (from 1 Jan 2024): 1:1s every 28 days (kept, changed to 14), observations every 28 days
  // (dropped). Version B (from 1 Jul 2024): 1:1s every 14 days, a case discussion every 21 days (added),
  // and 1:1s of at least 90 minutes (added).
  const rule = (id: string, activity: string, type: string, days: number, version: string) => ({
    id,
    name: activity,
    activity,
    strength: 'must',
    citation: cite(version, `${activity} every ${days} days`),
    note: `${activity} every ${days} days (${version})`,
    kind: 'interval',
    subject: 'staff',
    counts: [type],
    schedule: [{ interval: { days } }],
  });
  const policy = loadPolicy({
    ...meta,
    versions: [
      {
        version: 'A',
        effectiveFrom: '2024-01-01',
        rules: [
          rule('TST-1', 'one-to-one', 'one-to-one', 28, 'A'),
          rule('TST-3', 'observation', 'observation', 28, 'A'),
        ],
      },
      {
        version: 'B',
        effectiveFrom: '2024-07-01',
        rules: [
          rule('TST-1', 'one-to-one', 'one-to-one', 14, 'B'),
          rule('TST-4', 'case-discussion', 'case-discussion', 21, 'B'),
          {
            id: 'TST-5',
            name: 'one-to-one length',
            activity: 'one-to-one',
            strength: 'should',
            citation: cite('B', 'at least 90 minutes'),
            kind: 'session-length',
            subject: 'staff',
            counts: ['one-to-one'],
            minimumMinutes: 90,
          },
        ],
      },
    ],
  });
  const h = {
    staff: [
      { id: 'S1', role: 'social-worker', startDate: '2024-05-20' },
      { id: 'S2', role: 'social-worker', startDate: '2024-05-20' },
    ],
    events: [
      { id: 'E1', type: 'one-to-one', date: '2024-05-20', superviseeId: 'S1', durationMinutes: 60 },
      { id: 'E2', type: 'observation', date: '2024-05-20', superviseeId: 'S1' },
      { id: 'E3', type: 'one-to-one', date: '2024-06-10', superviseeId: 'S1', durationMinutes: 60 },
      { id: 'E4', type: 'one-to-one', date: '2024-07-03', superviseeId: 'S1', durationMinutes: 60 },
      { id: 'E5', type: 'observation', date: '2024-06-10', superviseeId: 'S2' },
    ],
  };
  const report = evaluate(policy, h, { asOf: '2024-07-25' });
  const of = (ruleId: string, who: string) =>
    report.breaches.filter((b) => b.ruleId === ruleId && b.subject.id === who);

  it('TST-1 (changed): one clock across the change; a due date the change did not move keeps its version', () => {
    // S1: 10 Jun + 28 = Mon 8 Jul (A). On 1 Jul (B, 14 days): later of 10 Jun + 14 = 24 Jun and the earlier
    // of 8 Jul and 1 Jul + 14 = 15 Jul → 8 Jul, unmoved. Held 3 Jul: on time. Then 3 Jul + 14 = 17 Jul,
    // missed by asOf 25 Jul: 8 days, under B, no version change (the clock ran from 3 Jul under B).
    expect(of('TST-1', 'S1').map((b) => [brief(b), b.policyVersion, b.versionChange])).toEqual([
      [{ kind: 'missed', dueOn: '2024-07-17', metOn: null, daysLate: 8 }, 'B', undefined],
    ]);
    // S2 (no 1:1s): started 20 May, due 17 Jun (A), missed; D = 17 Jun is before the change, so nothing
    // moves; it stays missed to asOf: 25 Jul − 17 Jun = 38 days, under A.
    expect(of('TST-1', 'S2').map((b) => [brief(b), b.policyVersion])).toEqual([
      [{ kind: 'missed', dueOn: '2024-06-17', metOn: null, daysLate: 38 }, 'A'],
    ]);
  });

  it('TST-3 (dropped): closes on 30 Jun; a due date before then is judged to 1 Jul, one after is not judged', () => {
    // S1: observation 20 May + 28 = Mon 17 Jun, none held: missed, counted to the day after the rule
    // closed (1 Jul): 14 days. S2: observation 10 Jun + 28 = Mon 8 Jul, after the close: not judged.
    const s1 = of('TST-3', 'S1');
    expect(s1.map(brief)).toEqual([{ kind: 'missed', dueOn: '2024-06-17', metOn: null, daysLate: 14 }]);
    expect(s1[0]!.policyVersion).toBe('A');
    expect(s1[0]!.basis).toMatchObject({ closed: { reason: 'rule-dropped', version: 'B' } });
    expect(of('TST-3', 'S2')).toEqual([]);
    expect(report.obligations.filter((o) => o.ruleId === 'TST-3')).toEqual([]);
  });

  it('TST-4 (added): opens on the change day', () => {
    // 1 Jul + 21 = Mon 22 Jul, none held by asOf 25 Jul: missed by 3 days, under B.
    const s1 = of('TST-4', 'S1');
    expect(s1.map(brief)).toEqual([{ kind: 'missed', dueOn: '2024-07-22', metOn: null, daysLate: 3 }]);
    expect(s1[0]!.policyVersion).toBe('B');
    expect(s1[0]!.basis).toMatchObject({
      from: { reason: 'version-took-effect', on: '2024-07-01', version: 'B' },
    });
  });

  it('TST-5 (added, another kind): only sessions on or after the change day are judged', () => {
    // E1 (20 May) and E3 (10 Jun) were 60 minutes under A, which had no such rule; E4 (3 Jul) is 30 short.
    expect(
      report.breaches
        .filter((b) => b.ruleId === 'TST-5')
        .map((b) => [b.eventId, b.shortfall, b.policyVersion]),
    ).toEqual([['E4', { minutes: 30 }, 'B']]);
  });
});

describe('policy versions: where a report says which versions it used', () => {
  const report = evaluate(versioned, history, { asOf });

  it('the CLI table header names each version used and the day it took effect', () => {
    const plain = painter({ isTTY: false }, {});
    expect(reportToTable(report, plain).split('\n')[0]).toBe(
      'Test policy, versions 2019 from 2024-01-01, 2024 from 2024-07-01 (test-council), as of 2024-07-20',
    );
    // One version: the header as before.
    const early = evaluate(versioned, history, { asOf: '2024-06-30' });
    expect(reportToTable(early, plain).split('\n')[0]).toBe(
      'Test policy, version 2019 (test-council), as of 2024-06-30',
    );
  });

  it('docs/report.md names the fields a versioned report adds', () => {
    const text = readFileSync(join(import.meta.dirname, '../../docs/report.md'), 'utf8');
    for (const field of ['policyVersion', 'versionChange', 'versions', 'on', 'from', 'to'])
      expect(text, field).toMatch(new RegExp(`\`[^\`\\n]*\\b${field}\\b[^\`\\n]*\``));
  });
});

describe('policy versions: one-off deadlines', () => {
  // A first supervision agreement due within 28 days of starting (version A); version B from Mon 1 Jul
  // 2024 keeps it within 14 days (rule TST-6) or drops it (rule TST-7).
  const agreement = (id: string, days: number, version: string) => ({
    id,
    name: 'supervision agreement',
    activity: 'agreement',
    strength: 'must',
    citation: cite(version, `within ${days} days of starting`),
    note: `${days} days (${version})`,
    kind: 'first-within',
    subject: 'staff',
    counts: ['agreement'],
    triggers: [{ on: 'start', within: { days } }],
  });
  const policy = loadPolicy({
    ...meta,
    versions: [
      {
        version: 'A',
        effectiveFrom: '2024-01-01',
        rules: [agreement('TST-6', 28, 'A'), agreement('TST-7', 28, 'A')],
      },
      { version: 'B', effectiveFrom: '2024-07-01', rules: [agreement('TST-6', 14, 'B')] },
    ],
  });
  const h = {
    staff: [
      { id: 'S1', role: 'social-worker', startDate: '2024-05-01' },
      { id: 'S2', role: 'social-worker', startDate: '2024-06-20' },
      { id: 'S3', role: 'social-worker', startDate: '2024-07-08' },
    ],
  };
  const report = evaluate(policy, h, { asOf: '2024-08-30' });
  const of = (ruleId: string) =>
    report.breaches.filter((b) => b.ruleId === ruleId).map((b) => [b.subject.id, brief(b), b.policyVersion]);

  it('TST-6 (kept): the version in force on the start day sets the deadline', () => {
    // S1: 1 May + 28 = Wed 29 May (A); missed to asOf 30 Aug: 93 days.
    // S2: started Thu 20 Jun under A: 20 Jun + 28 = Thu 18 Jul (not 20 Jun + 14), judged though due under B: 43 days.
    // S3: started Mon 8 Jul under B: 8 Jul + 14 = Mon 22 Jul: 39 days.
    expect(of('TST-6')).toEqual([
      ['S1', { kind: 'missed', dueOn: '2024-05-29', metOn: null, daysLate: 93 }, 'A'],
      ['S2', { kind: 'missed', dueOn: '2024-07-18', metOn: null, daysLate: 43 }, 'A'],
      ['S3', { kind: 'missed', dueOn: '2024-07-22', metOn: null, daysLate: 39 }, 'B'],
    ]);
  });

  it('TST-7 (dropped): a due date before the change is missed to the change day; one after it is not judged', () => {
    // S1: due 29 May, unmet when the rule closed on Sun 30 Jun: counted to Mon 1 Jul, 33 days.
    // S2: due Thu 18 Jul, after the rule closed: not judged. S3 started under B: no such rule.
    expect(of('TST-7')).toEqual([
      ['S1', { kind: 'missed', dueOn: '2024-05-29', metOn: null, daysLate: 33 }, 'A'],
    ]);
    // No version named: the version of 1 Jul dropped it.
    expect(report.breaches.find((b) => b.ruleId === 'TST-7')!.basis).toMatchObject({
      closed: { reason: 'rule-dropped', on: '2024-07-01' },
    });
    expect(report.breaches.find((b) => b.ruleId === 'TST-7')!.basis).not.toHaveProperty([
      'closed',
      'version',
    ]);
    expect(report.obligations.filter((o) => o.ruleId === 'TST-7')).toEqual([]);
  });
});

describe('policy versions: periods', () => {
  // Observations in each calendar year: at least 2 (version A, from 2024-01-01), at least 4 (version B,
  // from 2024-07-01) under TST-8; TST-9 (at least 1 appraisal a year) only in A.
  const perYear = (id: string, type: string, minimum: number, version: string) => ({
    id,
    name: `${type}s`,
    activity: type,
    strength: 'must',
    citation: cite(version, `${minimum} a year`),
    note: `${minimum} a year (${version})`,
    kind: 'count-per-period',
    subject: 'staff',
    counts: [type],
    period: { yearFrom: '01-01' },
    minimum,
  });
  const policy = loadPolicy({
    ...meta,
    versions: [
      {
        version: 'A',
        effectiveFrom: '2024-01-01',
        rules: [perYear('TST-8', 'observation', 2, 'A'), perYear('TST-9', 'appraisal', 1, 'A')],
      },
      { version: 'B', effectiveFrom: '2024-07-01', rules: [perYear('TST-8', 'observation', 4, 'B')] },
    ],
  });
  const h = {
    staff: [{ id: 'S1', role: 'social-worker', startDate: '2023-01-02' }],
    events: ['2024-02-01', '2024-05-01', '2024-09-02'].map((date, i) => ({
      id: `O${i}`,
      type: 'observation',
      date,
      superviseeId: 'S1',
    })),
  };

  it('TST-8: the version in force on the period’s last day judges the whole period', () => {
    // 2024 ends on Tue 31 Dec 2024, under B: 4 required, 3 held (1 Feb, 1 May, 2 Sep): 1 short. Under A's 2
    // it would have been met.
    const r = evaluate(policy, h, { asOf: '2025-01-10' });
    expect(
      r.breaches.filter((b) => b.ruleId === 'TST-8').map((b) => [b.dueOn, b.shortfall, b.policyVersion]),
    ).toEqual([['2024-12-31', { sessions: 1 }, 'B']]);
  });

  it('TST-9 (dropped): a year ending after the change is not judged', () => {
    // No appraisal in 2024, but the year ends on 31 Dec 2024, when version B (without TST-9) is in force.
    const r = evaluate(policy, h, { asOf: '2025-01-10' });
    expect(r.breaches.filter((b) => b.ruleId === 'TST-9')).toEqual([]);
  });
});

describe('policy versions: an agreement from the day a version takes effect', () => {
  // TST-1: 1:1s every 28 days, or an agreed interval if sooner. S1 started, and had a 1:1, on Mon 24 Jun 2024; an agreed
  // interval starts on Mon 1 Jul 2024, the day version B takes effect.
  const strict = (version: string, days: number) => ({
    ...oneToOnes(version, days, `every ${days} days (${version})`),
    stricterWith: ['agreed-interval'],
  });
  const h = (weeks: number) => ({
    staff: [
      {
        id: 'S1',
        role: 'social-worker',
        startDate: '2024-06-24',
        arrangements: [
          { type: 'agreed-interval', from: '2024-07-01', to: '2024-12-31', interval: { weeks } },
        ],
      },
    ],
    events: [{ id: 'E1', type: 'one-to-one', date: '2024-06-24', superviseeId: 'S1' }],
  });
  const asOf = '2024-07-20';
  const tst1 = (r: ReturnType<typeof evaluate>) => r.breaches.filter((b) => b.ruleId === 'TST-1');

  it('TST-1, same rule in both versions: the agreement moved the due date, not the version (no versionChange)', () => {
    // 24 Jun + 28 = Mon 22 Jul. On 1 Jul the interval becomes "28 days, or the agreed 1 week if sooner": the
    // later of 24 Jun + 7 = 1 Jul and the earlier of 22 Jul and 1 Jul + 7 = 8 Jul, so Mon 8 Jul; missed to
    // asOf 20 Jul: 12 days. Version A's rule would have had the same interval on 1 Jul, so version B changed
    // nothing: the breach reads as under one version.
    const one = evaluate(
      loadPolicy({ ...meta, version: 'A', effectiveFrom: '2024-01-01', rules: [strict('A', 28)] }),
      h(1),
      { asOf },
    );
    const two = evaluate(
      loadPolicy({
        ...meta,
        versions: [
          { version: 'A', effectiveFrom: '2024-01-01', rules: [strict('A', 28)] },
          { version: 'B', effectiveFrom: '2024-07-01', rules: [strict('A', 28)] },
        ],
      }),
      h(1),
      { asOf },
    );
    expect(tst1(one).map(brief)).toEqual([
      { kind: 'missed', dueOn: '2024-07-08', metOn: null, daysLate: 12 },
    ]);
    const [breach] = tst1(two);
    expect(brief(breach!)).toEqual(brief(tst1(one)[0]!));
    expect(breach!.policyVersion).toBe('B');
    expect(breach!.versionChange).toBeUndefined();
    expect(breach!.basis).toEqual(tst1(one)[0]!.basis);
    // The change the agreement made names no version.
    expect(breach!.basis).toMatchObject({ changes: [{ on: '2024-07-01' }] });
    expect(breach!.basis).not.toHaveProperty(['changes', 0, 'version']);
  });

  it('TST-1, 28 days then 14 days: a version change on the agreement’s first day is still a version change', () => {
    // Agreed 3 weeks from 1 Jul. Under A on 1 Jul: "28 days, or the agreed 3 weeks if sooner"; under B: "14 days,
    // or the agreed 3 weeks if sooner". Due: the later of 24 Jun + 14 = 8 Jul and the earlier of 22 Jul and
    // 1 Jul + 14 = 15 Jul, so Mon 15 Jul (under A alone: later of 24 Jun + 21 = 15 Jul and the earlier of 22 Jul
    // and 1 Jul + 21 = 22 Jul, so 22 Jul); missed to asOf 20 Jul: 5 days, under version B.
    const two = evaluate(
      loadPolicy({
        ...meta,
        versions: [
          { version: 'A', effectiveFrom: '2024-01-01', rules: [strict('A', 28)] },
          { version: 'B', effectiveFrom: '2024-07-01', rules: [strict('B', 14)] },
        ],
      }),
      h(3),
      { asOf },
    );
    const [breach] = tst1(two);
    expect(brief(breach!)).toEqual({ kind: 'missed', dueOn: '2024-07-15', metOn: null, daysLate: 5 });
    expect(breach!.versionChange).toEqual({ on: '2024-07-01', from: 'A', to: 'B' });
    expect(breach!.basis).toMatchObject({ changes: [{ on: '2024-07-01', version: 'B' }] });
  });
});
