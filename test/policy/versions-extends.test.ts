import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/input-error.js';
import { getPolicy } from '../../src/policies.js';
import { lintPolicy } from '../../src/policy/lint.js';
import { checkPolicyWith, loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/schema.js';
import { intervalRule, testCitation, testRule } from '../helpers.js';

const rule = (id: string, days: number, extra: Record<string, unknown> = {}) =>
  intervalRule(id, { days }, extra);
const meta = { id: 'test', name: 'Test', council: 'Test', source: 'x.txt' };
const issuesOf = (definition: unknown) => {
  try {
    loadPolicy(definition);
  } catch (e) {
    if (e instanceof InputError) return e.issues;
    throw e;
  }
  return [];
};

describe('loadPolicy: versions', () => {
  const file = {
    ...meta,
    versions: [
      { version: '1', effectiveFrom: '2024-01-01', rules: [rule('TST-1', 28)] },
      {
        version: '2',
        effectiveFrom: '2024-07-01',
        source: 'y.txt',
        rules: [rule('TST-1', 14, { note: 'fortnightly' })],
      },
    ],
  };

  it('gives the latest version as version, effectiveFrom and rules, and keeps every version', () => {
    const p = loadPolicy(file);
    expect([p.version, p.effectiveFrom, p.rules[0]!.id]).toEqual(['2', '2024-07-01', 'TST-1']);
    expect(p.versions?.map((v) => [v.version, v.source])).toEqual([
      ['1', undefined],
      ['2', 'y.txt'],
    ]);
  });

  it('a loaded policy loads again unchanged (the three top-level fields repeat the latest version)', () => {
    const p = loadPolicy(file);
    expect(loadPolicy(p)).toEqual(p);
  });

  it('a policy of one version has no versions list', () => {
    expect(
      loadPolicy({ ...meta, version: '1', effectiveFrom: '2024-01-01', rules: [rule('TST-1', 28)] }).versions,
    ).toBeUndefined();
  });

  it('refuses neither form, and top-level fields that contradict the versions', () => {
    expect(issuesOf(meta).map((i) => i.path)).toEqual(['version', 'effectiveFrom', 'rules']);
    expect(issuesOf({ ...file, version: '1' })).toMatchObject([
      { path: 'version', message: expect.stringContaining('with versions, leave out version') },
    ]);
  });

  it('checks references within each version, with the version in the path', () => {
    const bad = {
      ...meta,
      versions: [
        { version: '1', effectiveFrom: '2024-01-01', rules: [rule('TST-1', 28)] },
        {
          version: '2',
          effectiveFrom: '2024-07-01',
          rules: [rule('TST-1', 14), rule('TST-1', 14)],
        },
      ],
    };
    expect(issuesOf(bad)).toMatchObject([{ path: 'versions[1].rules[1].id' }]);
  });
});

/** The findings other than the missing-example warning (these policies are built to show other findings). */
const lintOthers = (p: Policy) => lintPolicy(p).filter((f) => !f.path.endsWith('.examples'));

describe('lintPolicy: versions', () => {
  const v = (version: string, effectiveFrom: string, rules: unknown[]) => ({ version, effectiveFrom, rules });

  it('a changed rule with its own note is clean', () => {
    const p = loadPolicy({
      ...meta,
      versions: [
        v('1', '2024-01-01', [rule('TST-1', 28)]),
        v('2', '2024-07-01', [rule('TST-1', 14, { note: 'fortnightly from July' })]),
      ],
    });
    expect(lintOthers(p)).toEqual([]);
  });

  it('flags a changed rule with no note, or the same note as before', () => {
    const none = loadPolicy({
      ...meta,
      versions: [v('1', '2024-01-01', [rule('TST-1', 28)]), v('2', '2024-07-01', [rule('TST-1', 14)])],
    });
    expect(lintOthers(none)).toMatchObject([{ path: 'versions[1].rules[0].note', severity: 'warning' }]);
    const same = loadPolicy({
      ...meta,
      versions: [
        v('1', '2024-01-01', [rule('TST-1', 28, { note: 'monthly' })]),
        v('2', '2024-07-01', [rule('TST-1', 14, { note: 'monthly' })]),
      ],
    });
    expect(lintOthers(same)).toMatchObject([{ path: 'versions[1].rules[0].note' }]);
    // Only the citation changed: nothing to explain.
    const cited = loadPolicy({
      ...meta,
      versions: [
        v('1', '2024-01-01', [rule('TST-1', 28)]),
        v('2', '2024-07-01', [rule('TST-1', 28, { citation: { ...testCitation, section: '§2' } })]),
      ],
    });
    expect(lintOthers(cited)).toEqual([]);
  });

  it('flags versions out of order and two on one date', () => {
    const r = [rule('TST-1', 28)];
    const disordered = loadPolicy({ ...meta, versions: [v('2', '2024-07-01', r), v('1', '2024-01-01', r)] });
    expect(lintOthers(disordered)).toMatchObject([
      { path: 'versions[1].effectiveFrom', severity: 'warning' },
    ]);
    const oneDate = loadPolicy({ ...meta, versions: [v('1', '2024-01-01', r), v('2', '2024-01-01', r)] });
    expect(lintOthers(oneDate)).toMatchObject([
      {
        path: 'versions[1].effectiveFrom',
        severity: 'error',
        message: expect.stringContaining('version 1 (versions[0]) is never in force'),
      },
    ]);
  });
});

describe('loadPolicy: extends', () => {
  const york = getPolicy('york');
  const own = { ...meta, extends: 'york', version: '1', effectiveFrom: '2024-01-01' };

  it("inherits the base's rules, replacing one by id and activity in place and adding its own after", () => {
    const replaced = {
      ...york.rules[0]!,
      note: 'every 3 weeks here',
      schedule: [{ interval: { weeks: 3 } }],
    };
    const added = rule('TST-1', 28);
    const p = loadPolicy({ ...own, rules: [added, replaced] });
    expect(p.rules.map((r) => r.id)).toEqual([...york.rules.map((r) => r.id), 'TST-1']);
    expect(p.rules[0]).toEqual(replaced);
    expect(p.rules.slice(1, york.rules.length)).toEqual(york.rules.slice(1));
    expect([p.id, p.source, p.extends]).toEqual(['test', 'x.txt', 'york']);
    // Loading it again changes nothing; an inherited rule cites York's source and lints clean.
    expect(loadPolicy(p)).toEqual(p);
    expect(lintOthers(p).filter((f) => f.path.endsWith('citation.source'))).toEqual([]);
  });

  it('YRK-9 (same id, two activities): replacing the appraisal keeps the appraisal review', () => {
    const appraisal = york.rules.find((r) => r.id === 'YRK-9' && r.kind === 'interval')!;
    const p = loadPolicy({ ...own, rules: [{ ...appraisal, note: 'kept' }] });
    expect(p.rules.filter((r) => r.id === 'YRK-9').map((r) => [r.kind, r.note === 'kept'])).toEqual([
      ['interval', true],
      ['follow-up', false],
    ]);
  });

  it('an exception may modify an inherited interval rule', () => {
    const exception = testRule('TST-2', 'exception', {
      name: 'relaxed',
      modifies: 'YRK-1',
      when: { fullTime: false },
      interval: { weeks: 6 },
    });
    expect(loadPolicy({ ...own, rules: [exception] }).rules.at(-1)).toEqual(exception);
  });

  it('refuses an unknown id, naming the built-in ones', () => {
    expect(issuesOf({ ...own, extends: 'atlantis', rules: [rule('TST-1', 28)] })).toEqual([
      {
        path: 'extends',
        message: expect.stringContaining('atlantis is not a built-in policy (built-in: nottingham'),
      },
    ]);
  });

  it('refuses a cycle of built-in policies', () => {
    // a extends b, b extends a.
    const def = (id: string, base: string) => ({
      ...meta,
      id,
      extends: base,
      version: '1',
      effectiveFrom: '2024-01-01',
      rules: [rule('TST-1', 28)],
    });
    const built: Record<string, unknown> = { a: def('a', 'b'), b: def('b', 'a') };
    const checked = checkPolicyWith(
      { ...own, extends: 'a', rules: [rule('TST-3', 28)] },
      (id) => built[id],
      [],
    );
    expect(checked).toEqual({
      ok: false,
      issues: [{ path: 'extends', message: 'extends a → b → a: a policy cannot extend itself' }],
    });
  });

  it('every version of an extending policy inherits the base', () => {
    const p = loadPolicy({
      ...meta,
      extends: 'york',
      versions: [
        { version: '1', effectiveFrom: '2024-01-01', rules: [rule('TST-1', 28)] },
        { version: '2', effectiveFrom: '2024-07-01', rules: [rule('TST-1', 14, { note: 'fortnightly' })] },
      ],
    });
    expect(p.versions!.map((v) => v.rules.length)).toEqual([york.rules.length + 1, york.rules.length + 1]);
  });
});
