/**
 * A policy's own words (`vocabulary`): staff tags, roles, event types, case flags and episode types a
 * history may use and the policy's rules may test; a word neither built in nor declared is refused,
 * in the history (at evaluation, against the policy evaluated) and in the policy (at load), each at
 * its path with the nearest known word.
 */
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/front-door.js';
import { checkHistory, parseHistory } from '../../src/history/parse.js';
import { checkPolicy, loadPolicy } from '../../src/policy/load.js';
import { cli, tempFiles } from '../cli/fake-io.js';
import {
  breachesOf,
  brief,
  event,
  fenchesterDefinition,
  obligationsOf,
  oneToOne,
  run,
  staff,
  testRule,
  thrown,
} from '../helpers.js';

/**
 * A fictional FEN-20: "Agency and relief staff are supervised every four weeks; other staff
 * monthly. A session rebooked after a cancellation counts as supervision."
 */
const definition = (rule: Record<string, unknown> = {}, vocabulary: unknown = undefined) =>
  fenchesterDefinition(
    [
      testRule('FEN-20', 'interval', {
        counts: ['one-to-one', 'rebooked-session'],
        schedule: [
          {
            when: { tag: ['agency'] },
            interval: { weeks: 4 },
            label: 'every four weeks (agency and relief)',
          },
          { interval: { months: 1 }, label: 'monthly' },
        ],
        ...rule,
      }),
    ],
    { vocabulary: vocabulary ?? { tags: ['agency'], eventTypes: ['rebooked-session'] } },
  );
const policy = () => loadPolicy(definition());

const history = (tags: unknown = ['agency'], rebooked = 'rebooked-session') => ({
  recordsFrom: '2025-06-01',
  staff: [staff('S1', { tags }), staff('S2')],
  events: [
    oneToOne('S1', '2025-06-02'),
    event(rebooked, '2025-06-30', { superviseeId: 'S1' }),
    oneToOne('S2', '2025-06-02'),
    oneToOne('S2', '2025-07-02'),
  ],
});

describe('vocabulary: FEN-20, a tag condition and an event type of the policy’s own', () => {
  it('FEN-20: the agency worker every 4 weeks (2 Jun + 28 = 30 Jun, met by the rebooked session; 30 Jun + 28 = Mon 28 Jul, missed to Mon 4 Aug: 7 days); the other monthly (2 Jun + 1 month = 2 Jul, met)', () => {
    const report = run(policy(), history(), '2025-08-04');
    expect(breachesOf(report, 'FEN-20', 'S1').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-07-28', metOn: null, daysLate: 7 },
    ]);
    // S2: 2 Jul + 1 month = Sat 2 Aug, missed by 4 Aug: 2 days; nothing before.
    expect(breachesOf(report, 'FEN-20', 'S2').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-08-02', metOn: null, daysLate: 2 },
    ]);
    expect(obligationsOf(report, 'FEN-20', 'S1').map((o) => o.dueOn)).toEqual(['2025-07-28']);
  });

  it('FEN-20: a worker without the tag is on the monthly entry (2 Jun + 1 month = 2 Jul: the rebooked session on 30 Jun met it; next due 30 Jul, missed by 4 Aug: 5 days)', () => {
    const report = run(policy(), history([]), '2025-08-04');
    expect(breachesOf(report, 'FEN-20', 'S1').map(brief)).toEqual([
      { kind: 'missed', dueOn: '2025-07-30', metOn: null, daysLate: 5 },
    ]);
  });

  it('refuses a history tag the policy does not declare, with its path and the nearest declared tag', () => {
    const e = thrown(() => run(policy(), history(['agnecy']), '2025-08-04'));
    expect(e.code).toBe('invalid-history');
    expect(e.issues).toEqual([
      { path: 'staff[0].tags[0]', message: 'agnecy is not one of agency; did you mean agency?' },
    ]);
  });

  it('refuses a history event type neither built in nor declared, with the nearest', () => {
    const e = thrown(() => run(policy(), history(['agency'], 'rebooked-sesion'), '2025-08-04'));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]!.path).toBe('events[1].type');
    expect(e.issues[0]!.message).toMatch(
      /^rebooked-sesion is not one of one-to-one, .*, rebooked-session; did you mean rebooked-session\?$/,
    );
  });

  it('checks the words against the policy evaluated: York declares neither the tag nor the event type', () => {
    const e = thrown(() => run('york', history(), '2025-08-04'));
    expect(e.issues.map((i) => i.path)).toEqual(['staff[0].tags[0]', 'events[1].type']);
    expect(e.issues[0]!.message).toBe(
      'agency is not a staff tag the policy declares (its vocabulary.tags lists none)',
    );
  });

  it('parseHistory checks against the built-in words, or a vocabulary given; null checks no words', () => {
    expect(checkHistory(history()).ok).toBe(false);
    expect(parseHistory(history(), { vocabulary: policy().vocabulary }).staff[0]!.tags).toEqual(['agency']);
    expect(checkHistory(history(['x y']), { vocabulary: null }).ok).toBe(true);
  });

  it('compare accepts a word any of the policies declares', () => {
    const result = compare(history(), { asOf: '2025-08-04', policies: [policy(), 'york'] });
    expect(result).toBeDefined();
    expect(() => compare(history(['agnecy']), { asOf: '2025-08-04', policies: [policy(), 'york'] })).toThrow(
      /did you mean agency/,
    );
  });
});

describe('supervision-rules validate --policy: the words checked against that policy', () => {
  it('refuses the tag without a policy, accepts it with one declaring it, and names the nearest with a typo', () => {
    const files = tempFiles();
    const policyFile = files.file('fenchester.json', definition());
    const historyFile = files.file('history.json', history());
    const without = cli(['validate', historyFile]);
    expect(without.code).toBe(2);
    expect(without.err).toContain('staff[0].tags[0]: agency is not a staff tag the policy declares');
    const withPolicy = cli(['validate', historyFile, '--policy', policyFile]);
    expect(withPolicy.code).toBe(0);
    expect(withPolicy.out).toContain('valid (2 staff, 0 cases, 4 events)');
    const typo = cli(['validate', files.file('typo.json', history(['agnecy'])), '--policy', policyFile]);
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('staff[0].tags[0]: agnecy is not one of agency; did you mean agency?');
  });
});

describe('vocabulary: the policy’s own words are declared before its rules use them', () => {
  it('refuses a word a rule uses that is neither built in nor declared, at its path, with the nearest', () => {
    const checked = checkPolicy(definition({ counts: ['one-to-one', 'rebooked-sesion'] }));
    expect(checked.ok).toBe(false);
    const issues = checked.ok ? [] : checked.issues;
    expect(issues.map((i) => i.path)).toEqual(['rules[0].counts[1]']);
    expect(issues[0]!.message).toMatch(
      /^rebooked-sesion is not one of .*; did you mean rebooked-session\? \(a word of the policy's own: declare it in vocabulary\.eventTypes\)$/,
    );
  });

  it('refuses an undeclared tag in a nested condition and a role in givenBy', () => {
    const checked = checkPolicy(
      definition({
        when: { not: { any: [{ tag: ['relief'] }] } },
        givenBy: { role: ['senior-practitioner'] },
      }),
    );
    const issues = checked.ok ? [] : checked.issues;
    expect(issues.map((i) => i.path).sort()).toEqual([
      'rules[0].givenBy.role[0]',
      'rules[0].when.not.any[0].tag[0]',
    ]);
  });

  it('accepts declared roles, case flags and episode types, and refuses a word that is not one', () => {
    const ok = checkPolicy(
      definition(
        { when: { role: ['residential-worker'] } },
        {
          tags: ['agency'],
          eventTypes: ['rebooked-session'],
          roles: ['residential-worker'],
          caseFlags: ['missing-from-care'],
        },
      ),
    );
    expect(ok.ok).toBe(true);
    const bad = checkPolicy(definition({}, { tags: ['Agency Staff'] }));
    expect(bad.ok === false && bad.issues.map((i) => i.path)).toEqual(['vocabulary.tags[0]']);
  });

  it('a policy extending a built-in one keeps its own words beside the inherited rules', () => {
    const p = loadPolicy({ ...definition(), id: 'fen-2', extends: 'york' });
    expect(p.vocabulary).toEqual({ tags: ['agency'], eventTypes: ['rebooked-session'] });
    expect(p.rules.some((r) => r.id === 'YRK-2')).toBe(true);
  });
});
