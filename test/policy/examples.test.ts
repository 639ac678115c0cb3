import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeXml, examplesToJunit } from '../../src/cli/junit.js';
import { runPolicyExamples } from '../../src/index.js';
import { matches } from '../../src/policy/examples.js';
import { lintPolicy } from '../../src/policy/lint.js';
import { loadPolicy } from '../../src/policy/load.js';
import { cli, tempFiles } from '../cli/fake-io.js';
import { intervalRule, testRule } from '../helpers.js';

const root = resolve(__dirname, '../..');
// A session on Mon 6 Jan 2025 and the next on Thu 20 Feb: 6 Jan + 1 month = 6 Feb, so 20 Feb is 14 days late.
const history = {
  recordsFrom: '2025-01-06',
  staff: [{ id: 'S1', role: 'social-worker', startDate: '2019-09-02' }],
  events: [
    { id: 'E1', type: 'one-to-one', date: '2025-01-06', superviseeId: 'S1' },
    { id: 'E2', type: 'one-to-one', date: '2025-02-20', superviseeId: 'S1' },
  ],
};
const late = { kind: 'late', dueOn: '2025-02-06', metOn: '2025-02-20', daysLate: 14 };
const rule = (id: string, examples: unknown[], extra: Record<string, unknown> = {}) =>
  intervalRule(id, { months: 1 }, { name: 'monthly', examples, ...extra });
/** A one-version test policy as written in a file. */
const policyFile = (rules: unknown[]) => ({
  id: 'test',
  name: 'T',
  council: 'T',
  source: 'x.txt',
  version: '1',
  effectiveFrom: '2020-01-01',
  rules,
});
const policy = (rules: unknown[]) => loadPolicy(policyFile(rules));
const example = (expect: unknown, name = 'E') => ({ name, asOf: '2025-03-01', history, expect });

describe('runPolicyExamples', () => {
  it('passes an example whose expected breach is found, matched on the fields given only', () => {
    const [r] = runPolicyExamples(
      policy([rule('TST-1', [example({ breaches: [{ dueOn: '2025-02-06', daysLate: 14 }] })])]),
    );
    expect(r).toEqual({
      ruleId: 'TST-1',
      activity: 'one-to-one',
      path: 'rules[0].examples[0]',
      name: 'E',
      passed: true,
      failures: [],
    });
  });

  it('fails with what was expected and what was found', () => {
    const [r] = runPolicyExamples(
      policy([rule('TST-1', [example({ breaches: [{ ...late, daysLate: 13 }] })])]),
    );
    expect(r!.passed).toBe(false);
    expect(r!.failures).toHaveLength(1);
    expect(r!.failures[0]).toContain(
      'expected a breach {"kind":"late","dueOn":"2025-02-06","metOn":"2025-02-20","daysLate":13}',
    );
    expect(r!.failures[0]).toContain('"daysLate":14');
  });

  it('absent: fails when a finding matches, passes when none does; [{}] means none at all', () => {
    const results = runPolicyExamples(
      policy([
        rule('TST-1', [
          example({ absent: { breaches: [{ dueOn: '2025-02-06' }] } }, 'a'),
          example({ absent: { breaches: [{ dueOn: '2025-02-07' }] } }, 'b'),
          example({ absent: { breaches: [{}] } }, 'c'),
        ]),
      ]),
    );
    expect(results.map((r) => [r.name, r.passed])).toEqual([
      ['a', false],
      ['b', true],
      ['c', false],
    ]);
    expect(results[0]!.failures[0]).toMatch(
      /^expected no breach matching \{"dueOn":"2025-02-06"\}, but found /,
    );
  });

  it("matches only the rule's own findings (same rule id)", () => {
    // TST-2 is the same monthly rule: its breach on 6 Feb is not TST-1's.
    const results = runPolicyExamples(
      policy([
        rule('TST-1', [example({ absent: { breaches: [{}] } })], { when: { role: ['team-manager'] } }),
        rule('TST-2', []),
      ]),
    );
    expect(results.map((r) => r.passed)).toEqual([true]);
  });

  it("an exception's examples see the findings of the rule it modifies", () => {
    const exception = testRule('TST-2', 'exception', {
      name: 'relaxed',
      modifies: 'TST-1',
      when: { role: ['social-worker'] },
      interval: { days: 60 },
      // 6 Jan + 60 days = 7 Mar: 20 Feb is on time, and the next is due 20 Feb + 60 = 21 Apr.
      examples: [example({ obligations: [{ dueOn: '2025-04-21' }], absent: { breaches: [{}] } })],
    });
    const [r] = runPolicyExamples(policy([rule('TST-1', []), exception]));
    expect(r).toMatchObject({ ruleId: 'TST-2', passed: true });
  });

  it('an example whose history is not valid fails, saying why', () => {
    const bad = { name: 'bad', asOf: '2025-03-01', history: { staff: [{ id: 'S1' }] }, expect: {} };
    const [r] = runPolicyExamples(policy([rule('TST-1', [bad])]));
    expect(r!.passed).toBe(false);
    expect(r!.failures.join('\n')).toContain("the example's history or asOf is not valid: staff[0].role");
  });

  it('runs the examples of every version against the whole policy, an unchanged one once', () => {
    const ex = example({ breaches: [late] });
    const p = loadPolicy({
      id: 'test',
      name: 'T',
      council: 'T',
      source: 'x.txt',
      versions: [
        { version: '1', effectiveFrom: '2020-01-01', rules: [rule('TST-1', [ex])] },
        {
          version: '2',
          effectiveFrom: '2025-02-10',
          rules: [rule('TST-1', [ex]), rule('TST-3', [], { activity: 'x' })],
        },
      ],
    });
    const results = runPolicyExamples(p);
    expect(results.map((r) => [r.path, r.passed])).toEqual([['versions[0].rules[0].examples[0]', true]]);
  });

  it('a misspelt field in expect is refused when the policy loads, with its path', () => {
    expect(() => policy([rule('TST-1', [example({ breaches: [{ dueDate: '2025-02-06' }] })])])).toThrow(
      /rules\[0\]\.examples\[0\]\.expect\.breaches\[0\]/,
    );
  });

  it('matches compares nested objects on the fields given, arrays whole, null exactly', () => {
    expect(matches({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 2 } })).toBe(true);
    expect(matches({ a: null }, { a: null })).toBe(true);
    expect(matches({ a: undefined }, { a: null })).toBe(false);
    expect(matches({ a: [1, 2] }, { a: [1] })).toBe(false);
    expect(matches({ a: 1 }, { a: '1' })).toBe(false);
    expect(matches(null, {})).toBe(false);
  });
});

describe('lintPolicy and examples', () => {
  it('warns (not an error) on a rule with no examples, at its path', () => {
    expect(lintPolicy(policy([rule('TST-1', [example({})]), rule('TST-2', [])]))).toEqual([
      {
        path: 'rules[1].examples',
        severity: 'warning',
        message: 'TST-2 (one-to-one) has no worked example: add examples, run by supervision-rules test',
      },
    ]);
  });
});

describe('the JUnit report', () => {
  it('escapes the five XML characters and drops what XML 1.0 cannot hold', () => {
    expect(escapeXml(`a<b>&"c'\u0001d\uD800`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;d');
  });

  it('is one testsuite with one testcase per example and a failure for each failed one, read back', () => {
    const xml = examplesToJunit('my<policy', [
      {
        ruleId: 'T-1',
        activity: 'a',
        path: 'rules[0].examples[0]',
        name: 'ok & fine',
        passed: true,
        failures: [],
      },
      {
        ruleId: 'T-2',
        activity: 'a',
        path: 'rules[1].examples[0]',
        name: 'bad',
        passed: false,
        failures: ['expected <x>', 'two'],
      },
    ]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    // A simple well-formedness check: no bare & or < inside attribute values or text, and tags balance.
    const withoutTags = xml
      .replace(/<\?xml[^>]*\?>/, '')
      .replace(/<\/?[a-z]+(?:\s+[a-z]+="[^"<&]*(?:&(?:amp|lt|gt|quot|apos);[^"<&]*)*")*\s*\/?>/g, '');
    expect(withoutTags.replace(/&(?:amp|lt|gt|quot|apos);/g, '')).not.toMatch(/[<>&]/);
    const open: string[] = [];
    for (const m of xml.matchAll(/<(\/?)([a-z]+)[^>]*?(\/?)>/g)) {
      if (m[3]) continue;
      if (m[1]) expect(open.pop()).toBe(m[2]);
      else open.push(m[2]!);
    }
    expect(open).toEqual([]);
    expect(xml).toContain('<testsuite name="my&lt;policy" tests="2" failures="1" errors="0" skipped="0">');
    expect(xml).toContain(
      '<testcase classname="my&lt;policy.T-1" name="rules[0].examples[0]: ok &amp; fine"/>',
    );
    expect(xml).toContain('<failure message="expected &lt;x&gt;">expected &lt;x&gt;\ntwo</failure>');
    expect([...xml.matchAll(/<testcase /g)]).toHaveLength(2);
  });
});

describe('supervision-rules test', () => {
  const { file, dir } = tempFiles();

  it('a built-in policy: every example passes, exit 0', () => {
    const r = cli(['test', 'derby']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('pass DER-2 rules[1].examples[1]: Exactly eight reports');
    expect(r.out.trim().split('\n').at(-1)).toMatch(/^derby: (\d+) examples, \1 passed, 0 failed$/);
  });

  it('a failing example: FAIL with the reason, exit 1, and a JUnit file', () => {
    const path = file(
      'p.json',
      policyFile([
        rule('TST-1', [
          example({ breaches: [{ daysLate: 15 }] }, 'wrong'),
          example({ breaches: [late] }, 'right'),
        ]),
      ]),
    );
    const junit = `${dir}/out.xml`;
    const r = cli(['test', path, '--junit', junit]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'FAIL TST-1 rules[0].examples[0]: wrong\n       expected a breach {"daysLate":15}, but ',
    );
    expect(r.out).toContain('pass TST-1 rules[0].examples[1]: right');
    expect(r.out).toContain('test: 2 examples, 1 passed, 1 failed');
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('tests="2" failures="1"');
    expect(xml).toContain('<failure message="expected a breach {&quot;daysLate&quot;:15}');
  });

  it('bad input: exit 2 (a policy that does not load, or no policy)', () => {
    expect(cli(['test', file('bad.json', { id: 'x' })]).code).toBe(2);
    expect(cli(['test']).code).toBe(2);
    expect(cli(['test', 'nowhere.json']).code).toBe(2);
  });
});

describe('the fictional Wessex policy (fixtures/wessex, docs/writing-a-policy.md)', () => {
  const wessex = loadPolicy(JSON.parse(readFileSync(resolve(root, 'fixtures/wessex/policy.json'), 'utf8')));

  it('loads, lints with no findings and passes its own examples', () => {
    expect(lintPolicy(wessex)).toEqual([]);
    const results = runPolicyExamples(wessex);
    // Every rule has an example; WSX-1 two (monthly, and an agency worker's rebooked session).
    expect(results.length).toBe(wessex.rules.reduce((n, r) => n + (r.examples?.length ?? 0), 0));
    expect(new Set(results.map((r) => r.ruleId))).toEqual(new Set(['WSX-1', 'WSX-2', 'WSX-3', 'WSX-4']));
    expect(results.filter((r) => !r.passed)).toEqual([]);
  });
});

describe('docs/writing-a-policy.md', () => {
  const guide = readFileSync(resolve(root, 'docs/writing-a-policy.md'), 'utf8');
  const file = JSON.parse(readFileSync(resolve(root, 'fixtures/wessex/policy.json'), 'utf8'));

  it("quotes the Wessex file's WSX-1 rule as it is (without its examples) and its examples' expectations", () => {
    const { examples, ...wsx1 } = file.rules[0];
    const blocks = [...guide.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(
      blocks.some((b) => b.trim().startsWith('{') && JSON.stringify(JSON.parse(b)) === JSON.stringify(wsx1)),
    ).toBe(true);
    const parse = (b: string) => JSON.parse(`{${b}}`) as Record<string, unknown>;
    const fragments = blocks.filter((b) => b.startsWith('"')).map(parse);
    expect(fragments).toContainEqual({
      examples: examples.map((e: { name: string }) => ({ ...e, name: e.name.replace('’', "'") })),
    });
    expect(fragments).toContainEqual({ expect: file.rules[2].examples[0].expect });
  });

  it('the test subcommand prints what the guide says it prints', () => {
    const r = cli(['test', resolve(root, 'fixtures/wessex/policy.json')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('wessex: 5 examples, 5 passed, 0 failed');
    expect(cli(['lint', resolve(root, 'fixtures/wessex/policy.json')]).out).toContain('no findings');
  });
});
