/**
 * Messages as a council officer reads them: the exact sentence for representative mistakes, and
 * on any changed history or policy, no validator jargon at all.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thousands } from '../../src/errors/messages.js';
import { checkHistory } from '../../src/history/parse.js';
import { evaluate, InputError, loadPolicy, safeEvaluate } from '../../src/index.js';
import { checkPolicy } from '../../src/policy/load.js';
import { historyArb } from '../arbitraries.js';
import { changeOnePlace, full, type Json } from '../schema/corpus.js';

const RUNS = { numRuns: Number(process.env.PROP_RUNS ?? 300) };
const root = resolve(__dirname, '../..');
type Policy = Record<string, Json> & { rules: Record<string, Json>[] };
const york = () => JSON.parse(readFileSync(resolve(root, 'policies/york.json'), 'utf8')) as Policy;
const rule = (p: Policy, kind: string) => p.rules.find((r) => r.kind === kind)!;

/** Every "path: message" line an input gives. */
function historyLines(h: unknown): string[] {
  const checked = checkHistory(h);
  return checked.ok ? [] : checked.issues.map((i) => `${i.path}: ${i.message}`);
}
function policyLines(p: unknown): string[] {
  const checked = checkPolicy(p);
  return checked.ok ? [] : checked.issues.map((i) => `${i.path}: ${i.message}`);
}
// biome-ignore lint/suspicious/noExplicitAny: deliberately wrong inputs, set at any path
function withHistory(change: (h: any) => void) {
  const h = full();
  change(h as never);
  return h;
}
function withPolicy(change: (p: Policy) => void) {
  const p = york();
  change(p);
  return p;
}

describe('a history: the exact sentence', () => {
  it.each<[string, unknown, string[]]>([
    [
      'a fraction where a whole number goes',
      withHistory((h) => (h.staff[0].directReports = 9.5)),
      ['staff[0].directReports: 9.5 is not a whole number'],
    ],
    [
      'a near-miss role',
      withHistory((h) => (h.staff[1].role = 'teammanager')),
      [
        'staff[1].role: teammanager is not one of social-worker, team-manager, service-manager, group-manager, residential-manager, advanced-practitioner, cp-chair, iro, student, apprentice, practitioner, non-operational, clinician; did you mean team-manager?',
      ],
    ],
    ['a missing field', withHistory((h) => delete h.staff[0].startDate), ['staff[0].startDate: is required']],
    [
      'text where a number goes',
      withHistory((h) => (h.events[0].durationMinutes = '60')),
      ['events[0].durationMinutes: expected a whole number, got the text "60"'],
    ],
    [
      'a list that is not one',
      withHistory((h) => (h.events = {})),
      ['events: expected a list, got an object'],
    ],
    [
      'an impossible date',
      withHistory((h) => (h.events[0].date = '2025-02-30')),
      ['events[0].date: 2025-02-30 is not a date (expected YYYY-MM-DD, a real day from year 1000)'],
    ],
    [
      'a date-time without an offset',
      withHistory((h) => (h.events[0].start = '2024-02-01T10:00:00')),
      [
        'events[0].start: 2024-02-01T10:00:00 is not a date-time with an offset (expected e.g. 2025-01-13T10:00:00Z or 2025-06-02T09:30:00+01:00)',
      ],
    ],
    [
      'an interval of two units',
      withHistory((h) => (h.staff[0].arrangements[0].interval = { weeks: 2, days: 1 })),
      [
        'staff[0].arrangements[0].interval: an interval is exactly one of {"days": N}, {"weeks": N}, {"months": N} or {"workingDays": N}, N a whole number of 1 or more',
      ],
    ],
    [
      'an id too long',
      withHistory((h) => (h.cases[0].id = 'x'.repeat(201))),
      ['cases[0].id: the text is longer than 200 characters'],
    ],
    ['an empty id', withHistory((h) => (h.cases[0].id = '')), ['cases[0].id: must not be empty']],
  ])('%s', (_name, input, lines) => {
    expect(historyLines(input)).toEqual(lines);
  });
});

describe('a policy: the exact sentence', () => {
  it.each<[string, Policy, string[]]>([
    [
      'an unknown rule kind',
      withPolicy((p) => (p.rules[0]!.kind = 'intervl')),
      [
        'rules[0].kind: intervl is not a rule kind (one of interval, first-within, recording, rearrange, count-per-period, minutes-per-period, session-length, per-shifts, ahead-of-date, milestones, follow-up, exception, retention, untimed); did you mean interval?',
      ],
    ],
    [
      'a rule without a kind',
      withPolicy((p) => delete p.rules[0]!.kind),
      [
        'rules[0].kind: kind is required: one of interval, first-within, recording, rearrange, count-per-period, minutes-per-period, session-length, per-shifts, ahead-of-date, milestones, follow-up, exception, retention, untimed',
      ],
    ],
    [
      'a rule id in lower case',
      withPolicy((p) => (p.rules[0]!.id = 'yrk-1')),
      [
        'rules[0].id: yrk-1 is not a rule id: 2 to 5 capital letters, a dash and a number, e.g. YRK-2 or ABC-10',
      ],
    ],
    [
      'a list that must not be empty',
      withPolicy((p) => (p.rules[0]!.counts = [])),
      ['rules[0].counts: must not be empty: list at least one'],
    ],
    [
      'a mistyped unit in a duration',
      withPolicy(
        (p) => ((rule(p, 'interval').schedule as Record<string, Json>[])[0]!.interval = { week: 2 }),
      ),
      [
        'rules[0].schedule[0].interval: an interval is a duration ({"days": N}, {"weeks": N}, {"months": N} or {"workingDays": N}, N a whole number of 1 or more) or {"fromArrangement": "agreed-interval"} or {"fromArrangement": "performance-plan"}; "week" is not a field here: did you mean weeks?',
      ],
    ],
    [
      'a duration of no time',
      withPolicy(
        (p) => ((rule(p, 'interval').schedule as Record<string, Json>[])[0]!.interval = { weeks: 0 }),
      ),
      ['rules[0].schedule[0].interval.weeks: 0 is not a whole number of 1 or more'],
    ],
    [
      'two units in a duration',
      withPolicy(
        (p) =>
          ((rule(p, 'interval').schedule as Record<string, Json>[])[0]!.interval = { weeks: 2, days: 3 }),
      ),
      [
        'rules[0].schedule[0].interval: a duration is exactly one of {"days": N}, {"weeks": N}, {"months": N} or {"workingDays": N}, N a whole number of 1 or more',
      ],
    ],
    [
      'a malformed deadline',
      withPolicy((p) => (rule(p, 'recording').deadline = { workingDay: 2 })),
      [
        'rules[6].deadline: a deadline is one of {"workingDays": N}, {"hours": N} or {"sameDay": true}, N a whole number of 1 or more; "workingDay" is not a field here: did you mean workingDays?',
      ],
    ],
    [
      'a deadline of sameDay false',
      withPolicy((p) => (rule(p, 'recording').deadline = { sameDay: false })),
      ['rules[6].deadline.sameDay: false is not allowed here: must be true'],
    ],
    [
      'a quote over the limit, stated as applied',
      withPolicy((p) => ((p.rules[0]!.citation as Record<string, Json>).quote = 'x'.repeat(10_001))),
      ['rules[0].citation.quote: the text is longer than 10000 characters'],
    ],
    [
      'a top-level field left out',
      withPolicy((p) => delete p.effectiveFrom),
      ['effectiveFrom: is required (or give versions)'],
    ],
  ])('%s', (_name, input, lines) => {
    expect(policyLines(input)).toEqual(lines);
  });

  it('a quote of exactly the limit is accepted', () => {
    const p = withPolicy((p) => ((p.rules[0]!.citation as Record<string, Json>).quote = 'x'.repeat(10_000)));
    expect(policyLines(p)).toEqual([]);
  });
});

/** What zod (or any validator) says in its own words, never to reach a person. */
const RAW =
  /Invalid (input|discriminator|option|string|element|key)|Too (small|big)|Unrecognized key|expected (int|number|string|array|object|boolean|never|nonoptional)\b|received|>=|<=|must match pattern|\[object Object\]|\bundefined\b/;

describe('no message is validator jargon', () => {
  it('the pattern recognises zod’s own words', () => {
    for (const raw of [
      'Invalid input',
      "Invalid discriminator value. Expected 'a' | 'b'",
      'Too small: expected array to have >=1 items',
      'Invalid input: expected int, received number',
      'Unrecognized key: "x"',
    ])
      expect(raw).toMatch(RAW);
  });

  it('on histories changed in one place (evaluate, strict or not)', () => {
    fc.assert(
      fc.property(historyArb, fc.nat(), fc.nat(), fc.boolean(), (generated, where, what, strict) => {
        const h = JSON.parse(JSON.stringify(generated)) as Json;
        changeOnePlace(h, where, what);
        const result = safeEvaluate('york', h, { asOf: '2026-01-01', strict });
        const messages = result.ok ? result.report.warnings : result.issues;
        for (const m of messages) expect(m.message).not.toMatch(RAW);
      }),
      RUNS,
    );
  });

  it('on policies changed in one place', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (where, what) => {
        const p = york() as Json;
        changeOnePlace(p, where, what);
        for (const line of policyLines(p)) expect(line).not.toMatch(RAW);
      }),
      RUNS,
    );
  });

  it('on inputs of the wrong shape altogether', () => {
    for (const input of [null, 'x', 1, [], {}, { staff: 'x' }, { staff: [{}] }, { staff: [null] }]) {
      for (const line of historyLines(input)) expect(line).not.toMatch(RAW);
      for (const line of policyLines(input)) expect(line).not.toMatch(RAW);
    }
    try {
      evaluate('york', { staff: [{ id: 'S1' }] }, { asOf: '2025-01-01' });
    } catch (e) {
      expect((e as InputError).message).not.toMatch(RAW);
    }
    expect(() => loadPolicy({ rules: [{}] })).toThrow(InputError);
  });
});

describe("the README's example of an error", () => {
  it('is what the library prints', () => {
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
    const block = /<!-- errors-example -->\n```\n([\s\S]*?)\n```/.exec(readme)![1];
    const event = (id: string, date: string) => ({ id, type: 'one-to-one', date, superviseeId: 'S1' });
    const history = {
      staff: [{ id: 'S1', role: 'socialworker', startDate: '2024-01-08' }],
      events: [
        event('E1', '2025-01-06'),
        event('E2', '2025-02-03'),
        { id: 'E3', type: 'one-to-one', date: '2025-02-17', supervisee: 'S1' },
        event('E4', '2025-02-30'),
      ],
    };
    let message = '';
    try {
      evaluate('york', history, { asOf: '2025-06-30' });
    } catch (e) {
      message = (e as InputError).message;
    }
    expect(message).toBe(block);
  });
});

describe('a value that is not an object where a duration, interval or deadline goes lists the forms', () => {
  it.each<[string, (p: Policy) => void, string]>([
    [
      'a duration written as words',
      (p) => (rule(p, 'follow-up').within = '6 months'),
      'rules[9].within: 6 months is not allowed here: a duration is exactly one of {"days": N}, {"weeks": N}, {"months": N} or {"workingDays": N}, N a whole number of 1 or more',
    ],
    [
      'a deadline written as words',
      (p) => (rule(p, 'recording').deadline = '2 days'),
      'rules[6].deadline: 2 days is not allowed here: a deadline is one of {"workingDays": N}, {"hours": N} or {"sameDay": true}, N a whole number of 1 or more',
    ],
    [
      'an interval written as a number',
      (p) => ((rule(p, 'interval').schedule as Record<string, Json>[])[0]!.interval = 4),
      'rules[0].schedule[0].interval: 4 is not allowed here: an interval is a duration ({"days": N}, {"weeks": N}, {"months": N} or {"workingDays": N}, N a whole number of 1 or more) or {"fromArrangement": "agreed-interval"} or {"fromArrangement": "performance-plan"}',
    ],
  ])('%s', (_name, change, line) => {
    expect(policyLines(withPolicy(change))).toEqual([line]);
  });

  it("a history arrangement's interval written as words", () => {
    expect(historyLines(withHistory((h) => (h.staff[0].arrangements[0].interval = '2w')))).toEqual([
      'staff[0].arrangements[0].interval: 2w is not allowed here: an interval is exactly one of {"days": N}, {"weeks": N}, {"months": N} or {"workingDays": N}, N a whole number of 1 or more',
    ]);
  });
});

describe('an unknown policy id lists every built-in policy, councils and national baselines, with the nearest', () => {
  const all =
    'built-in: nottingham, gloucestershire, york, derby, southwark, england-lga-2020, england-dfe-2024';
  const issues = (p: unknown) => {
    const r = safeEvaluate(p as never, { staff: [], events: [] }, { asOf: '2025-06-30' });
    return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
  };
  it('evaluate: a typo of a baseline is pointed at it', () => {
    expect(issues('england-lga-2021')).toEqual([
      `policy: england-lga-2021 is not a built-in policy (${all}); did you mean england-lga-2020?`,
    ]);
    expect(issues('leeds')).toEqual([`policy: leeds is not a built-in policy (${all})`]);
  });
  it('extends: the baselines are listed too', () => {
    expect(policyLines({ ...york(), id: 'mine', extends: 'yrok' })).toEqual([
      `extends: yrok is not a built-in policy (${all}); did you mean york?`,
    ]);
  });
});

describe('numbers in messages', () => {
  it('groups thousands as en-GB does, without loading the locale data: 1,000,000; 999; 1,234.5678', () => {
    expect(thousands(1_000_000)).toBe('1,000,000');
    expect(thousands(999)).toBe('999');
    expect(thousands(1000)).toBe('1,000');
    expect(thousands(1234.5678)).toBe('1,234.5678');
    expect(thousands(0)).toBe('0');
  });
  it('agrees with toLocaleString("en-GB") on whole numbers of every size', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(thousands(n)).toBe(n.toLocaleString('en-GB'));
      }),
    );
  });
});
