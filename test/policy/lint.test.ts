import { describe, expect, it } from 'vitest';
import { getPolicy, policyIds } from '../../src/policies.js';
import { lintPolicy } from '../../src/policy/lint.js';
import type { Policy } from '../../src/policy/schema.js';

const citation = { source: 'x.txt', section: '§1', quote: 'monthly' };
const base = (rules: unknown[]): Policy =>
  ({
    id: 'test',
    name: 'Test',
    council: 'Test',
    source: 'x.txt',
    version: '1',
    effectiveFrom: '2020-01-01',
    rules,
  }) as Policy;
const interval = (extra: Record<string, unknown>) => ({
  id: 'T-1',
  name: 'case discussion',
  activity: 'case-discussion',
  strength: 'must',
  citation,
  kind: 'interval',
  subject: 'case',
  counts: ['one-to-one'],
  schedule: [{ interval: { months: 1 } }],
  ...extra,
});

/** The findings other than the missing-example warning (these policies are built to show other findings). */
const lintOthers = (p: Policy) => lintPolicy(p).filter((f) => !f.path.endsWith('.examples'));

describe('lintPolicy', () => {
  it.each(policyIds)('the built-in %s policy lints clean', (id) => {
    expect(lintPolicy(getPolicy(id))).toEqual([]);
  });

  it('a rule that can never apply: a staff condition on a case rule', () => {
    const findings = lintOthers(base([interval({ when: { role: ['social-worker'] } })]));
    expect(findings).toMatchObject([{ path: 'rules[0].when.role', severity: 'error' }]);
  });

  it('a case table that leaves a lower-risk type without an interval', () => {
    const schedule = [
      { when: { all: [{ episode: ['child-in-need'] }, { flag: ['high-risk'] }] }, interval: { months: 1 } },
    ];
    expect(lintOthers(base([interval({ schedule })]))).toMatchObject([
      { path: 'rules[0].schedule', severity: 'error' },
    ]);
  });

  it('a higher risk given a longer interval than a lower one', () => {
    const schedule = [
      { when: { all: [{ episode: ['child-in-need'] }, { flag: ['high-risk'] }] }, interval: { months: 3 } },
      { when: { episode: ['child-in-need'] }, interval: { months: 2 } },
    ];
    expect(lintOthers(base([interval({ schedule })]))).toMatchObject([
      { path: 'rules[0].schedule[0].interval', message: expect.stringContaining('longer interval') },
    ]);
  });

  it('a recording deadline longer than the interval it belongs to', () => {
    const recording = {
      id: 'T-2',
      name: 'record',
      activity: 'recording',
      strength: 'must',
      citation,
      kind: 'recording',
      records: 'case',
      counts: ['one-to-one'],
      deadline: { workingDays: 30 },
    };
    expect(lintOthers(base([interval({}), recording]))).toMatchObject([
      { path: 'rules[1].deadline', severity: 'warning' },
    ]);
  });

  it('a missing citation and an interval of zero (a policy built in code, not through loadPolicy)', () => {
    const findings = lintOthers(
      base([
        interval({ citation: { source: '', section: '', quote: '' }, schedule: [{ interval: { days: 0 } }] }),
      ]),
    );
    expect(findings.map((f) => f.path)).toEqual(['rules[0].citation', 'rules[0].schedule[0].interval']);
  });
});
