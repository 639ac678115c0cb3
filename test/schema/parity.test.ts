/**
 * The shipped JSON Schemas against the library, with ajv (draft 2020-12, ajv-formats): on a corpus
 * of valid and invalid histories and policies (hand-written cases, the fixtures and the built-in
 * policies, and generated ones), ajv and the library give the same verdict. The history schema is
 * read as `strict: true` reads a history (a field the format does not know is refused). The only
 * refusals a JSON Schema cannot make are the cross-field ones its descriptions state in words: a
 * range that ends before it starts, a case closed before it opened, an event before its supervisee
 * started, a rule id and activity repeated, an exception modifying no interval rule of its policy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHistorySlowly } from '../../src/history/parse.js';
import { checkPolicy } from '../../src/policy/load.js';
import { historyArb } from '../arbitraries.js';
import { changeOnePlace, full, type Json } from './corpus.js';

const root = resolve(__dirname, '../..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(resolve(root, file), 'utf8'));
const RUNS = { numRuns: Number(process.env.PROP_RUNS ?? 300) };

// ajv-formats is CommonJS: its default export arrives as the module or as its `default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => Ajv2020;
const ajv = addFormats(new Ajv2020({ allErrors: true }));
const schemaSaysHistory = ajv.compile(readJson('policies/schema/history.json') as object);
const schemaSaysPolicy = ajv.compile(readJson('policies/schema/policy.json') as object);

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** The library's problems that no JSON Schema can see, as its descriptions say in words. */
const CROSS_FIELD = [
  /ends \(.*\) before it starts/,
  /is before .* started on/,
  /is defined twice/,
  /is not an interval rule of this policy/,
  // "either version, effectiveFrom and rules, or versions"
  /\(or give versions\)|with versions, leave out/,
];
/**
 * A word of the vocabulary (a history's role, tag, episode type, flag or event type; a word a policy's
 * rule uses but does not declare): the schema takes any text (any word) there, since the words known
 * depend on the policy's vocabulary, as its descriptions say.
 */
const WORD_PATH = /(\.role|\.tags\[\d+\]|episodes\[\d+\]\.type|flags\[\d+\]\.flag|^events\[\d+\]\.type)$/;
const isWord = (i: { path?: string; message: string }) =>
  (i.path !== undefined && WORD_PATH.test(i.path) && / is not (one of|a staff tag)/.test(i.message)) ||
  i.message.includes('declare it in vocabulary.');
const crossFieldOnly = (issues: readonly { path?: string; message: string }[]) =>
  issues.length > 0 && issues.every((i) => isWord(i) || CROSS_FIELD.some((re) => re.test(i.message)));

function historyVerdicts(h: unknown) {
  const library = checkHistorySlowly(h, { strict: true });
  return { schema: schemaSaysHistory(h), library: library.ok, issues: library.ok ? [] : library.issues };
}
function policyVerdicts(p: unknown) {
  const library = checkPolicy(p);
  return { schema: schemaSaysPolicy(p), library: library.ok, issues: library.ok ? [] : library.issues };
}

/** The same verdict, or the library alone refusing for a reason the schema only states in words. */
function expectAgreement(v: ReturnType<typeof historyVerdicts>, what: unknown) {
  const detail = () => JSON.stringify({ what, issues: v.issues, ajv: ajv.errorsText() }).slice(0, 2_000);
  if (v.schema && !v.library) expect(crossFieldOnly(v.issues), detail()).toBe(true);
  else expect(v.schema, detail()).toBe(v.library);
}

// ---- histories ----------------------------------------------------------------------------------

/** Sets (or with `undefined` removes) the value at a path like `staff[0].asye.end`. */
function withValue(path: string, value: Json | undefined) {
  const h = full();
  const keys = path.match(/[^.[\]]+/g)!;
  let at = h as Record<string, Json>;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, Json>;
  const last = keys.at(-1)!;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return h;
}

/** [path, value (undefined: removed), whether the library accepts it]. */
const HISTORY_CASES: [string, Json | undefined, boolean][] = [
  ['recordsFrom', '2025-02-28', true],
  ['recordsFrom', '2024-02-29', true],
  ['recordsFrom', '2023-02-29', false],
  ['recordsFrom', '2100-02-29', false],
  ['recordsFrom', '2000-02-29', true],
  ['recordsFrom', '0999-12-31', false],
  ['recordsFrom', '1000-01-01', true],
  ['recordsFrom', '9999-12-31', true],
  ['recordsFrom', '2025-1-01', false],
  ['recordsFrom', '20250101', false],
  ['recordsFrom', null, false],
  ['staff', undefined, false],
  ['staff', [], true],
  ['staff[0].id', '', false],
  ['staff[0].id', 'x'.repeat(200), true],
  ['staff[0].id', 'x'.repeat(201), false],
  ['staff[0].role', 7, false],
  ['staff[0].service', null, true],
  ['staff[0].directReports', 2.5, false],
  ['staff[0].directReports', -1, false],
  ['staff[0].directReports', 9007199254740991, true],
  ['staff[0].directReports', 9007199254740992, false],
  ['staff[0].asye', null, true],
  ['staff[0].asye.end', undefined, true],
  ['staff[0].fullTime', 'yes', false],
  ['staff[0].fte', 0.6, true],
  ['staff[0].shifts', ['2024-01-01', '2024-01-02'], true],
  ['staff[0].shifts', ['2024-02-30'], false],
  ['staff[0].fte', 1, true],
  ['staff[0].fte', 0, false],
  ['staff[0].fte', 1.01, false],
  ['staff[0].fte', '0.6', false],
  ['staff[0].arrangements[0].interval', undefined, false],
  ['staff[0].arrangements[0].interval', {}, false],
  ['staff[0].arrangements[0].interval', { weeks: 2, days: 1 }, false],
  ['staff[0].arrangements[0].interval', { workingDays: 10 }, true],
  ['staff[0].arrangements[0].interval', { weeks: 0 }, false],
  ['staff[0].arrangements[0].interval', { fortnights: 1 }, false],
  ['staff[0].arrangements[1].interval', { weeks: 6 }, true],
  ['staff[0].arrangements[0].type', 'performance-plan', true],
  ['staff[0].arrangements[0].caseId', 'C1', true],
  ['staff[0].arrangements[0].caseId', '', false],
  ['staff[0].recordedat', '2024-01-01', false],
  ['cases[0].closedDate', null, true],
  ['cases[0].reviews', [], true],
  ['cases[0].episodes[0].type', null, false],
  ['events[0].superviseeId', undefined, false],
  ['events[0].type', 'case-discussion', true],
  ['events[0].type', 'group', false],
  ['events[1].teamId', undefined, false],
  ['events[1].superviseeId', 'S1', true],
  ['events[2].participantIds', [], true],
  ['events[0].recordedAt', '2024-02-02', true],
  ['events[0].recordedAt', '2024-02-02T09:00:00', false],
  ['events[0].recordedAt', '2024-02-02T09:00:00+0100', false],
  ['events[0].recordedAt', '2024-02-02t09:00:00z', false],
  ['events[0].recordedAt', '2024-02-02 09:00:00Z', false],
  ['events[0].recordedAt', '2024-02-02T24:00:00Z', false],
  ['events[0].recordedAt', '2024-02-02T23:59:60Z', false],
  ['events[0].recordedAt', '2024-02-30T09:00:00Z', false],
  ['events[0].recordedAt', '0999-02-02T09:00:00Z', false],
  ['events[0].start', '2024-02-01T10:00:00.123456789+05:30', true],
  ['events[0].start', '2024-02-01T10:00:00.1234567891Z', false],
  ['events[0].start', '2024-02-01T10:00:00+24:00', false],
  ['events[0].start', '2024-02-01', false],
  ['events[0].durationMinutes', 0, true],
  ['events[0].durationMinutes', 1.5, false],
  ['events[0].status', 'postponed', false],
  ['events[0].caseRecords[0].caseId', undefined, false],
  ['events[0].recordedat', '2024-02-02', false],
  ['evnts', [], false],
  ['$schema', 'x'.repeat(10_000), true],
  ['$schema', 5, false],
  ['calendar.closures', ['2024-12-24', '2024-12-27'], true],
  ['calendar.extra', true, false],
];

describe('history JSON Schema and the library (strict) give the same verdict', () => {
  it('on the full history', () => {
    expect(historyVerdicts(full())).toMatchObject({ schema: true, library: true });
  });

  it.each(HISTORY_CASES)('%s = %j', (path, value, accepted) => {
    const v = historyVerdicts(withValue(path, value));
    expect(v.library, JSON.stringify(v.issues)).toBe(accepted);
    expect(v.schema, ajv.errorsText(schemaSaysHistory.errors)).toBe(accepted);
  });

  it('on words: any text to the schema; the library refuses one neither built in nor declared', () => {
    // Which words are known depends on the policy's vocabulary, which a JSON Schema cannot see.
    for (const [path, word] of [
      ['staff[0].role', 'socialworker'],
      ['cases[0].episodes[0].type', 'adoption'],
      ['events[0].type', 'study-day'],
    ] as const) {
      const v = historyVerdicts(withValue(path, word));
      expect(v.schema).toBe(true);
      expect(v.library).toBe(false);
      expect(v.issues.map((i) => i.path)).toEqual([path]);
      expect(crossFieldOnly(v.issues)).toBe(true);
    }
    const declared = checkHistorySlowly(withValue('events[0].type', 'study-day'), {
      vocabulary: { eventTypes: ['study-day'] },
    });
    expect(declared.ok).toBe(true);
  });

  it('on every fixture history', () => {
    const files = readdirSync(resolve(root, 'fixtures/golden')).map((f) => `fixtures/golden/${f}`);
    for (const file of files) {
      const { history } = readJson(file) as { history: unknown };
      expect(historyVerdicts(history), file).toMatchObject({ schema: true, library: true });
    }
    expect(historyVerdicts(readJson('fixtures/example/history.json'))).toMatchObject({
      schema: true,
      library: true,
    });
  });

  it('on generated histories, valid and changed in one place', () => {
    fc.assert(
      fc.property(historyArb, fc.nat(), fc.nat(), (generated, where, what) => {
        const h = copy(generated) as unknown as Json;
        expect(historyVerdicts(h)).toMatchObject({ schema: true, library: true });
        changeOnePlace(h, where, what);
        expectAgreement(historyVerdicts(h), h);
      }),
      RUNS,
    );
  });
});

// ---- policies -----------------------------------------------------------------------------------

const BUILT_IN = ['nottingham', 'gloucestershire', 'york', 'derby', 'southwark'];
const york = () =>
  copy(readJson('policies/york.json')) as { [key: string]: Json } & { rules: { [key: string]: Json }[] };
const ruleOfKind = (p: ReturnType<typeof york>, kind: string) => p.rules.find((r) => r.kind === kind)!;

/** [name, change to York's policy, whether the library accepts it]. */
const POLICY_CASES: [string, (p: ReturnType<typeof york>) => void, boolean][] = [
  ['unchanged', () => {}, true],
  ['an unknown top-level field', (p) => (p.colour = 'blue'), false],
  ['an unknown rule kind', (p) => (p.rules[0]!.kind = 'intervl'), false],
  ['a rule with no kind', (p) => delete p.rules[0]!.kind, false],
  ['a rule id in lower case', (p) => (p.rules[0]!.id = 'yrk-1'), false],
  ['a rule id of six letters', (p) => (p.rules[0]!.id = 'ABCDEF-1'), false],
  ['a policy id with capitals', (p) => (p.id = 'York'), false],
  ['no rules', (p) => (p.rules = []), false],
  ['an empty name', (p) => (p.name = ''), false],
  [
    'a quote of 10,000 characters',
    (p) => ((p.rules[0]!.citation as { quote: string }).quote = 'x'.repeat(10_000)),
    true,
  ],
  ['an activity of 101 characters', (p) => (p.rules[0]!.activity = 'x'.repeat(101)), false],
  [
    'a duration of two units',
    (p) => ((ruleOfKind(p, 'interval').schedule as Json[])[0] = { interval: { weeks: 2, days: 1 } }),
    false,
  ],
  [
    'a duration of no unit',
    (p) => ((ruleOfKind(p, 'interval').schedule as Json[])[0] = { interval: {} }),
    false,
  ],
  [
    'a duration of 0 weeks',
    (p) => ((ruleOfKind(p, 'interval').schedule as Json[])[0] = { interval: { weeks: 0 } }),
    false,
  ],
  [
    'a duration of 1.5 weeks',
    (p) => ((ruleOfKind(p, 'interval').schedule as Json[])[0] = { interval: { weeks: 1.5 } }),
    false,
  ],
  [
    'an interval from an agreement',
    (p) =>
      ((ruleOfKind(p, 'interval').schedule as Json[])[0] = {
        interval: { fromArrangement: 'agreed-interval' },
      }),
    true,
  ],
  [
    'an interval from a plan and weeks',
    (p) =>
      ((ruleOfKind(p, 'interval').schedule as Json[])[0] = {
        interval: { fromArrangement: 'performance-plan', weeks: 2 },
      }),
    false,
  ],
  ['a deadline in working days', (p) => (ruleOfKind(p, 'recording').deadline = { workingDays: 3 }), true],
  ['a deadline in hours', (p) => (ruleOfKind(p, 'recording').deadline = { hours: 72 }), true],
  ['a deadline of sameDay false', (p) => (ruleOfKind(p, 'recording').deadline = { sameDay: false }), false],
  [
    'a deadline of two forms',
    (p) => (ruleOfKind(p, 'recording').deadline = { hours: 72, workingDays: 3 }),
    false,
  ],
  ['a deadline mistyped', (p) => (ruleOfKind(p, 'recording').deadline = { workingDay: 3 }), false],
  ['an empty deadline', (p) => (ruleOfKind(p, 'recording').deadline = {}), false],
  [
    'a condition with an unknown key',
    (p) => (ruleOfKind(p, 'interval').when = { roles: ['social-worker'] }),
    false,
  ],
  ['a condition with an empty role list', (p) => (ruleOfKind(p, 'interval').when = { role: [] }), false],
  [
    'a nested condition',
    (p) => (ruleOfKind(p, 'interval').when = { not: { any: [{ asye: true }, { fullTime: false }] } }),
    true,
  ],
  ['an empty all', (p) => (ruleOfKind(p, 'interval').when = { all: [] }), false],
  ['an effectiveFrom in year 999', (p) => (p.effectiveFrom = '0999-01-01'), false],
  ['a closure on 30 February', (p) => (p.closures = ['2025-02-30']), false],
  ['counts of no type', (p) => (p.rules[0]!.counts = []), false],
  ['counts of a non-word', (p) => (p.rules[0]!.counts = ['One To One']), false],
  [
    'counts of a word the vocabulary declares',
    (p) => {
      p.vocabulary = { eventTypes: ['study-day'] };
      p.rules[0]!.counts = ['study-day'];
    },
    true,
  ],
  ['an empty vocabulary list', (p) => (p.vocabulary = { tags: [] }), false],
  ['a vocabulary of an unknown kind', (p) => (p.vocabulary = { flags: ['x'] }), false],
  ['settings with an unknown key', (p) => (p.settings = { absencesPause: true }), false],
  ['a strength of "shall"', (p) => (p.rules[0]!.strength = 'shall'), false],
  [
    'a staff-only kind about a case',
    (p) =>
      void p.rules.push({
        ...copy(p.rules[0]!),
        id: 'YRK-99',
        kind: 'rearrange',
        subject: 'case',
        within: { months: 1 },
      }),
    false,
  ],
  [
    'a rearrange rule',
    (p) =>
      void p.rules.push({
        id: 'YRK-99',
        name: 'x',
        activity: 'one-to-one',
        strength: 'must',
        citation: p.rules[0]!.citation!,
        kind: 'rearrange',
        subject: 'staff',
        counts: ['one-to-one'],
        within: { months: 1 },
      }),
    true,
  ],
  [
    'an exception modifying a rule id that is not a rule id',
    (p) =>
      void p.rules.push({
        id: 'YRK-98',
        name: 'x',
        activity: 'one-to-one',
        strength: 'must',
        citation: p.rules[0]!.citation!,
        kind: 'exception',
        subject: 'staff',
        modifies: 'two',
        when: {},
        interval: { weeks: 6 },
      }),
    false,
  ],
  [
    'a period yearFrom 13-01',
    (p) =>
      void p.rules.push({
        id: 'YRK-97',
        name: 'x',
        activity: 'observation',
        strength: 'must',
        citation: p.rules[0]!.citation!,
        kind: 'count-per-period',
        subject: 'staff',
        counts: ['observation'],
        period: { yearFrom: '13-01' },
        minimum: 2,
      }),
    false,
  ],
  [
    'an interval rule that allows a looser agreed interval, citing its clause',
    (p) =>
      (ruleOfKind(p, 'interval').allowsLooser = {
        arrangement: 'agreed-interval',
        clause: { source: 'x.txt', section: '4.2', quote: 'as agreed' },
      }),
    true,
  ],
  [
    'allowsLooser with no clause',
    (p) => (ruleOfKind(p, 'interval').allowsLooser = { arrangement: 'agreed-interval' }),
    false,
  ],
  ...(['week', 'calendar-month'] as const).map(
    (period): [string, (p: ReturnType<typeof york>) => void, boolean] => [
      `minutes over each 4 weeks, period ${period}, pro rata`,
      (p) =>
        void p.rules.push({
          id: 'YRK-96',
          name: 'x',
          activity: 'one-to-one',
          strength: 'must',
          citation: p.rules[0]!.citation!,
          kind: 'minutes-per-period',
          subject: 'staff',
          counts: ['one-to-one'],
          period,
          weeks: 4,
          minimumMinutes: 360,
          proRata: 'fte',
        }),
      period === 'week',
    ],
  ),
  [
    'a period yearFrom 04-01',
    (p) =>
      void p.rules.push({
        id: 'YRK-97',
        name: 'x',
        activity: 'observation',
        strength: 'must',
        citation: p.rules[0]!.citation!,
        kind: 'count-per-period',
        subject: 'staff',
        counts: ['observation'],
        period: { yearFrom: '04-01' },
        minimum: 2,
      }),
    true,
  ],
];

describe('policy JSON Schema and the library give the same verdict', () => {
  it.each(BUILT_IN)('on the built-in policy %s', (id) => {
    expect(policyVerdicts(readJson(`policies/${id}.json`))).toMatchObject({ schema: true, library: true });
  });

  it.each(POLICY_CASES)('on %s', (_name, change, accepted) => {
    const p = york();
    change(p);
    const v = policyVerdicts(p);
    expect(v.library, JSON.stringify(v.issues)).toBe(accepted);
    expect(v.schema, ajv.errorsText(schemaSaysPolicy.errors)).toBe(accepted);
  });

  it('on built-in policies changed in one place', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BUILT_IN), fc.nat(), fc.nat(), (id, where, what) => {
        const p = copy(readJson(`policies/${id}.json`)) as Json;
        changeOnePlace(p, where, what);
        expectAgreement(policyVerdicts(p), p);
      }),
      RUNS,
    );
  });
});
