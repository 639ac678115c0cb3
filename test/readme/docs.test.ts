import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseSchema, eventSchema, historySchema, staffSchema } from '../../src/history/schema.js';
import * as vocabulary from '../../src/history/vocabulary.js';
import { evaluate } from '../../src/index.js';
import { policyIds } from '../../src/policies.js';
import { conditionSchema, policySchema, ruleSchema } from '../../src/policy/schema.js';

// The reference in docs/ names everything the schemas and the report hold, and every link in it and
// in the README leads somewhere. (Whether each sentence is true is for the tests of each behaviour.)
const root = resolve(__dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const docs = readdirSync(join(root, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => `docs/${f}`);
const escapeRegExp = (s: string) => s.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&');
/** The word inside some code span of the text (`word`, `events[].word`, `{ "word": … }`). */
const inCode = (text: string, word: string) =>
  new RegExp(`\`[^\`\\n]*(?<![\\w$])${escapeRegExp(word)}(?![\\w])[^\`\\n]*\``).test(text);
const missing = (text: string, words: Iterable<string>) => [...words].filter((w) => !inCode(text, w));
const keysOf = (schema: unknown) => Object.keys((schema as { shape: object }).shape);

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\- ]/gu, '')
    .replace(/ /g, '-');
const anchorsOf = (text: string) =>
  new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!.trim())));

describe('docs/', () => {
  it('holds the three references the README links to', () => {
    expect(docs).toEqual(
      expect.arrayContaining(['docs/history-format.md', 'docs/policy-language.md', 'docs/report.md']),
    );
    const readme = read('README.md');
    for (const doc of ['docs/history-format.md', 'docs/policy-language.md', 'docs/report.md'])
      expect(readme).toContain(`](${doc})`);
  });

  it('every relative link in the README and docs/ leads to a file, and every anchor to a heading', () => {
    const broken: string[] = [];
    for (const file of ['README.md', ...docs]) {
      const text = read(file);
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        const [path, anchor] = target!.split('#') as [string, string | undefined];
        const to = path === '' ? join(root, file) : resolve(dirname(join(root, file)), path);
        if (!existsSync(to)) broken.push(`${file}: ${target} (no file ${relative(root, to)})`);
        else if (
          anchor !== undefined &&
          to.endsWith('.md') &&
          !anchorsOf(readFileSync(to, 'utf8')).has(anchor)
        )
          broken.push(`${file}: ${target} (no heading #${anchor})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('nothing sends the reader to a contract or catalogue file that is not in the repository', () => {
    const files = [
      'README.md',
      ...docs,
      ...readdirSync(join(root, 'policies'))
        .filter((f) => f.endsWith('.json'))
        .map((f) => `policies/${f}`),
      ...readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts'))
        .map((f) => `src/${f}`),
    ];
    expect(files.filter((f) => /CONTRACT\.md|POLICIES\.md/.test(read(f)))).toEqual([]);
  });

  it('the history format names every field of the history schema and every word of its vocabulary', () => {
    const text = read('docs/history-format.md');
    const fields = [staffSchema, caseSchema, eventSchema, historySchema].flatMap(keysOf);
    expect(missing(text, fields)).toEqual([]);
    const words = Object.values(vocabulary).flatMap((v) => (Array.isArray(v) ? (v as string[]) : []));
    expect(words.length).toBeGreaterThan(50);
    expect(missing(text, words)).toEqual([]);
  });

  it('the policy language has a section for every rule kind naming each of its fields, and every condition key', () => {
    const text = read('docs/policy-language.md');
    expect(missing(text, keysOf(policySchema))).toEqual([]);
    expect(missing(text, keysOf(conditionSchema))).toEqual([]);
    for (const option of ruleSchema.options) {
      const kind = option.shape.kind.value;
      const at = text.indexOf(`### \`${kind}\``);
      expect(at, `a section headed ### \`${kind}\``).toBeGreaterThan(-1);
      const rest = text.slice(at + 4);
      const section = rest.slice(0, rest.search(/^#{2,3} /m));
      const own = keysOf(option).filter(
        (k) =>
          ![
            'id',
            'name',
            'activity',
            'strength',
            'citation',
            'note',
            'when',
            'kind',
            'givenBy',
            'approximate',
            'examples',
          ].includes(k),
      );
      expect(missing(section, own), `fields of ${kind}`).toEqual([]);
      expect(section, `${kind} has a worked example`).toMatch(/Worked example|Example/);
    }
  });

  it('the report reference names every field a report holds', () => {
    // The example team under every policy, and a case and an event that add a too-few breach
    // (shortfall.sessions) and a warning (path, message).
    const example = JSON.parse(read('fixtures/example/history.json'));
    const extra = {
      recordsFrom: '2025-01-01',
      staff: [{ id: 'S1', role: 'social-worker', startDate: '2018-01-08' }],
      cases: [
        {
          id: 'C1',
          allocations: [{ workerId: 'S1', from: '2025-01-01' }],
          reviews: ['2025-04-01', '2025-07-01'],
        },
      ],
      events: [
        { id: 'E1', type: 'case-discussion', date: '2025-05-20', superviseeId: 'S9', caseIds: ['C1'] },
      ],
    };
    const keys = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) for (const v of value) walk(v);
      else if (value !== null && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) {
          keys.add(k);
          walk(v);
        }
    };
    for (const id of policyIds) walk(evaluate(id, example, { asOf: '2025-12-01' }));
    walk(evaluate('derby', extra, { asOf: '2025-07-15' }));
    for (const k of ['hoursLate', 'breachOn', 'caseId', 'sessions', 'minutes', 'path', 'message'])
      expect(keys, `the reports looked at hold ${k}`).toContain(k);
    expect(missing(read('docs/report.md'), keys)).toEqual([]);
  });
});
