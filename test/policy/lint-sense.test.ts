/**
 * lintPolicy for sense: a schedule entry an earlier one always covers, a condition whose parts
 * cannot hold together, a condition that reads the opposite of its rule's name, and a declared word
 * no rule uses. Each a warning with its path and a plain sentence.
 */
import { describe, expect, it } from 'vitest';
import { baselineIds, getPolicy, policyIds } from '../../src/policies.js';
import { lintPolicy } from '../../src/policy/lint.js';
import { loadPolicy } from '../../src/policy/load.js';
import { fenchesterDefinition, fenchesterPolicy, testRule } from '../helpers.js';

/** The findings other than "no worked example" and the test citation's source (the rules written here have neither). */
const sense = (rules: unknown[], extra: Record<string, unknown> = {}) =>
  lintPolicy(fenchesterPolicy(rules, extra)).filter(
    (f) => !f.message.includes('no worked example') && !f.path.endsWith('citation.source'),
  );
const interval = (schedule: unknown[], extra: Record<string, unknown> = {}) =>
  testRule('FEN-30', 'interval', { counts: ['one-to-one'], schedule, ...extra });
const every = (days: number, when?: unknown) => ({
  interval: { days },
  ...(when === undefined ? {} : { when }),
});

describe('lint: a schedule entry an earlier entry always covers', () => {
  it.each([
    ['the same condition', { asye: true }, { asye: true }],
    ['an earlier entry with no condition (always)', undefined, { asye: true }],
    [
      'a subset of roles',
      { role: ['social-worker', 'advanced-practitioner'] },
      { role: ['social-worker'], asye: false },
    ],
    [
      'a subset of flags',
      { flag: ['high-risk', 'missing'] },
      { all: [{ flag: ['missing'] }, { episode: ['child-in-care'] }] },
    ],
    ['a longer qualification', { qualifiedFor: { months: 6 } }, { qualifiedFor: { months: 12 } }],
  ])('%s', (_name, first, second) => {
    const subject = JSON.stringify([first, second]).includes('flag') ? 'case' : 'staff';
    expect(sense([interval([every(14, first), every(28, second)], { subject })])).toEqual([
      {
        path: 'rules[0].schedule[1]',
        severity: 'warning',
        message: "FEN-30's schedule entry 2 never applies: entry 1 comes first and holds whenever it does",
      },
    ]);
  });

  it.each([
    [
      'a wider later role list',
      { role: ['social-worker'] },
      { role: ['social-worker', 'advanced-practitioner'] },
    ],
    ['a shorter later qualification', { qualifiedFor: { months: 12 } }, { qualifiedFor: { months: 6 } }],
    ['the catch-all last', { asye: true }, undefined],
  ])('not when %s', (_name, first, second) => {
    expect(sense([interval([every(14, first), every(28, second)])])).toEqual([]);
  });

  it('an earlier entry from an arrangement falls through without one, so covers nothing', () => {
    expect(sense([interval([{ interval: { fromArrangement: 'agreed-interval' } }, every(28)])])).toEqual([]);
  });
});

describe('lint: a condition whose parts cannot hold together', () => {
  it.each([
    [
      'two roles at once',
      { all: [{ role: ['social-worker'] }, { role: ['team-manager'] }] },
      'FEN-30 can never apply: its parts ask for role social-worker and team-manager at once, and a worker has one role',
    ],
    [
      'a phase and not that phase',
      { all: [{ asye: true }, { not: { asye: true } }] },
      'FEN-30 can never apply: its other parts imply {"asye":true}, which it also asks not to hold',
    ],
    [
      'true and false',
      { asye: true, all: [{ asye: false }] },
      'FEN-30 can never apply: its parts ask for asye true and asye false at once',
    ],
    [
      'disjoint qualification ranges (at least 12 months and under 6)',
      { all: [{ qualifiedFor: { months: 12 } }, { not: { qualifiedFor: { months: 6 } } }] },
      'FEN-30 can never apply: its other parts imply {"qualifiedFor":{"months":6}}, which it also asks not to hold',
    ],
    [
      'disjoint phases of the ASYE (its first 6 weeks and from month 6)',
      {
        all: [
          { since: { anchor: 'asyeStart', to: { weeks: 6 } } },
          { since: { anchor: 'asyeStart', from: { months: 6 } } },
        ],
      },
      'FEN-30 can never apply: its "since" spans from asyeStart do not overlap: {"since":{"anchor":"asyeStart","to":{"weeks":6}}} and {"since":{"anchor":"asyeStart","from":{"months":6}}}',
    ],
  ])('%s', (_name, when, message) => {
    expect(sense([interval([every(28)], { when })])).toEqual([
      { path: 'rules[0].when', severity: 'warning', message },
    ]);
  });

  it.each([
    ['overlapping roles', { all: [{ role: ['social-worker', 'team-manager'] }, { role: ['team-manager'] }] }],
    [
      'a qualification range that can hold (at least 6 months, under 12)',
      { all: [{ qualifiedFor: { months: 6 } }, { not: { qualifiedFor: { months: 12 } } }] },
    ],
    ['two flags (a case may have both)', { all: [{ flag: ['missing'] }, { flag: ['high-risk'] }] }],
  ])('not for %s', (_name, when) => {
    const subject = JSON.stringify(when).includes('flag') ? 'case' : 'staff';
    expect(sense([interval([every(28)], { when, subject })])).toEqual([]);
  });
});

describe('lint: a condition that reads the opposite of its rule’s name', () => {
  it('a rule named for the ASYE asking for staff qualified 12 months', () => {
    expect(
      sense([interval([every(14)], { name: 'ASYE supervision', when: { qualifiedFor: { months: 12 } } })]),
    ).toEqual([
      {
        path: 'rules[0].when',
        severity: 'warning',
        message:
          'FEN-30 is named for newly qualified staff ("ASYE supervision"), but its condition asks for staff qualified at least 12 months: did you mean {"not": {"qualifiedFor": …}}?',
      },
    ]);
  });

  it('a rule named for newly qualified staff asking for staff outside the ASYE, in a schedule entry', () => {
    const found = sense([interval([every(14, { asye: false })], { name: 'newly qualified social workers' })]);
    expect(found.map((f) => f.path)).toEqual(['rules[0].schedule[0].when']);
    expect(found[0]!.message).toContain('asks for staff outside the ASYE');
  });

  it('a rule named for experienced staff asking for the ASYE, and the reverse reading not flagged', () => {
    const found = sense([interval([every(28)], { name: 'experienced staff', when: { asye: true } })]);
    expect(found[0]!.message).toBe(
      'FEN-30 is named for experienced staff ("experienced staff"), but its condition asks for staff in their ASYE',
    );
    expect(
      sense([interval([every(28)], { name: 'monthly supervision after the ASYE', when: { asye: false } })]),
    ).toEqual([]);
    expect(sense([interval([every(14)], { name: 'ASYE supervision', when: { asye: true } })])).toEqual([]);
  });
});

describe('lint: a declared word no rule uses', () => {
  it('warns on a tag declared and never tested, and on a declared built-in word', () => {
    const rule = interval([every(28, { tag: ['agency'] }), every(28)]);
    expect(sense([rule], { vocabulary: { tags: ['agency', 'relief'], eventTypes: ['one-to-one'] } })).toEqual(
      [
        {
          path: 'vocabulary.tags[1]',
          severity: 'warning',
          message:
            'the staff tag relief is declared but no rule uses it: leave it out, or write the rule that needs it',
        },
        {
          path: 'vocabulary.eventTypes[0]',
          severity: 'warning',
          message: 'one-to-one is a built-in event type: it needs no declaring',
        },
      ],
    );
  });
});

describe('lint: the clause that allows a looser agreement is quoted from the policy itself', () => {
  const clause = (source: string) => ({
    source,
    section: '4.2 Part-time staff',
    quote: 'a less frequent interval may be agreed with part time staff',
  });
  const looser = (source: string, arrangement = 'agreed-interval') =>
    interval([every(28)], { allowsLooser: { arrangement, clause: clause(source) } });

  it('is clean when the clause cites the policy’s source, whatever arrangement it names', () => {
    expect(sense([looser('fenchester-supervision.txt')])).toEqual([]);
    // performance-plan: neither the schedule nor stricterWith reads it, and that is fine.
    expect(sense([looser('fenchester-supervision.txt', 'performance-plan')])).toEqual([]);
  });

  it('warns when the clause cites another document', () => {
    expect(sense([looser('national-guidance.pdf')])).toEqual([
      {
        path: 'rules[0].allowsLooser.clause.source',
        severity: 'warning',
        message:
          'FEN-30: the clause that allows a looser agreement should be quoted from the policy itself (fenchester-supervision.txt), not national-guidance.pdf',
      },
    ]);
  });

  it('accepts a version’s own source, at the version’s path', () => {
    const versions = [
      { version: '2025', effectiveFrom: '2025-01-01', rules: [looser('fenchester-supervision.txt')] },
      {
        version: '2026',
        effectiveFrom: '2026-01-01',
        source: 'fenchester-2026.txt',
        rules: [looser('fenchester-2026.txt')],
      },
      { version: '2027', effectiveFrom: '2027-01-01', rules: [looser('fenchester-2026.txt')] },
    ];
    const { version: _v, effectiveFrom: _e, rules: _r, ...meta } = fenchesterDefinition([]);
    const findings = lintPolicy(loadPolicy({ ...meta, versions })).filter((f) =>
      f.path.includes('allowsLooser'),
    );
    expect(findings).toEqual([
      {
        path: 'versions[2].rules[0].allowsLooser.clause.source',
        severity: 'warning',
        message:
          'FEN-30: the clause that allows a looser agreement should be quoted from the policy itself (fenchester-supervision.txt), not fenchester-2026.txt',
      },
    ]);
  });
});

describe('lint: the built-in policies read with sense', () => {
  it.each([...policyIds, ...baselineIds])('%s lints clean', (id) => {
    expect(lintPolicy(getPolicy(id))).toEqual([]);
  });
});
