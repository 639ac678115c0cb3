import type { z } from 'zod';
import { InputError, type Issue } from '../errors/input-error.js';
import { besideGuarded, copyJson } from '../errors/json-guard.js';
import { messages } from '../errors/messages.js';
import { fromZodIssues, zodErrorMap } from '../errors/zod-issues.js';
import { mergeVocabularies, type Vocabulary } from '../history/vocabulary.js';
import { builtInDefinition, builtInIds } from '../policies.js';
import {
  type Condition,
  type Policy,
  type PolicyVersion,
  policySchema,
  type policyVersionSchema,
  type Rule,
  type RuleAsWritten,
  type ScheduleEntry,
} from './schema.js';
import { byDate, ruleKey } from './versions.js';
import { ruleWords, undeclaredWords } from './words.js';

export { byDate, ruleKey } from './versions.js';

type VersionAsWritten = z.infer<typeof policyVersionSchema>;

/** A built-in policy's definition by id (undefined when not built in); tests may pass their own. */
export type BuiltInLookup = (id: string) => unknown;

/** Checks a policy definition; never throws. */
export function checkPolicy(
  definition: unknown,
): { ok: true; policy: Policy } | { ok: false; issues: Issue[] } {
  return checkPolicyWith(definition, builtInDefinition, []);
}

/**
 * `checkPolicy` with the built-in policies looked up by `lookup`; `chain` is the built-in ids being
 * resolved through `extends` (to refuse a cycle).
 */
export function checkPolicyWith(
  definition: unknown,
  lookup: BuiltInLookup,
  chain: readonly string[],
): { ok: true; policy: Policy } | { ok: false; issues: Issue[] } {
  // A plain copy, each property read once, checked whole: the copy's problems are listed beside
  // every later stage's.
  const { value, issues: guarded, complete } = copyJson(definition);
  if (!complete) return { ok: false, issues: guarded };
  const result = policySchema.safeParse(value, { error: zodErrorMap });
  if (!result.success) {
    // The fields a single-version policy lacks are listed beside the schema's problems.
    const lacking = isRecord(value) && value.versions === undefined ? formIssues(value) : [];
    const zodIssues = [...fromZodIssues(result.error.issues), ...lacking];
    return { ok: false, issues: [...guarded, ...besideGuarded(guarded, zodIssues)] };
  }
  const { version, effectiveFrom, rules, versions, ...meta } = result.data;
  const issues = [...guarded, ...formIssues(result.data)];
  if (issues.length > guarded.length) return { ok: false, issues };
  // Inherited rules, from the extended policy's latest version.
  let inherited: readonly Rule[] = [];
  // The words the rules may use: the built-in ones, the policy's own and the extended policy's.
  let vocabulary: Policy['vocabulary'] = meta.vocabulary;
  if (meta.extends !== undefined) {
    const base = extendedRules(meta.extends, lookup, chain, 'extends');
    if ('issues' in base) return { ok: false, issues: [...issues, ...base.issues] };
    inherited = base.rules;
    if (base.vocabulary !== undefined) vocabulary = mergeVocabularies([base.vocabulary, meta.vocabulary]);
  }
  const own: { at: string; v: VersionAsWritten }[] =
    versions === undefined
      ? [{ at: '', v: { version: version!, effectiveFrom: effectiveFrom!, rules: rules! } }]
      : versions.map((v, k) => ({ at: `versions[${k}].`, v }));
  for (const { at, v } of own) {
    issues.push(...references(v.rules, inherited, at));
    issues.push(...undeclaredWords(ruleWords(v.rules, `${at}rules`), vocabulary));
  }
  if (issues.length > 0) return { ok: false, issues };
  // Each sameAs entry becomes the entries of the rule it names.
  const resolved = own.map(({ at, v }) => resolveReferences(v.rules, at, meta.extends, lookup, chain));
  issues.push(...resolved.flatMap((r) => r.issues));
  if (issues.length > 0) return { ok: false, issues };
  const merged: PolicyVersion[] = own.map(({ v }, k) => ({
    ...v,
    rules: mergeRules(inherited, resolved[k]!.rules),
  }));
  const latest = byDate(merged).at(-1)!;
  const policy: Policy = {
    ...meta,
    ...(vocabulary === undefined ? {} : { vocabulary }),
    version: latest.version,
    effectiveFrom: latest.effectiveFrom,
    rules: latest.rules,
    ...(versions === undefined ? {} : { versions: merged }),
  };
  return { ok: true, policy };
}

/**
 * Validates a council's own policy file and returns it ready to evaluate. Structure is strict:
 * unknown rule kinds, unknown fields, zero or negative intervals and dangling references are
 * errors, each with its JSON path; an unknown field or rule kind is named with the nearest known
 * one ("did you mean strength?"). A policy is written by hand, so unlike a history's, its unknown
 * fields are errors. (`lintPolicy` speaks about sense.)
 * `extends` is resolved here: the built-in policy's rules are inherited, the file's own replacing
 * them by id and activity.
 *
 * @throws {InputError} `invalid-policy`
 * @example
 * const policy = loadPolicy(JSON.parse(readFileSync('my-council.json', 'utf8')));
 */
export function loadPolicy(definition: unknown): Policy {
  const checked = checkPolicy(definition);
  if (!checked.ok) throw new InputError('invalid-policy', checked.issues);
  return checked.policy;
}

/** The base's rules in its order, each replaced by the policy's own of the same id and activity; then the policy's others. */
function mergeRules(inherited: readonly Rule[], own: readonly Rule[]): Rule[] {
  if (inherited.length === 0) return [...own];
  const ownKeys = new Map(own.map((r) => [ruleKey(r), r]));
  const replaced = new Set<Rule>();
  const out = inherited.map((r) => {
    const mine = ownKeys.get(ruleKey(r));
    if (mine === undefined) return r;
    replaced.add(mine);
    return mine;
  });
  return [...out, ...own.filter((r) => !replaced.has(r))];
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** One version (`version`, `effectiveFrom`, `rules`) or `versions`; with both, the three repeat the latest version. */
function formIssues(p: {
  version?: string | undefined;
  effectiveFrom?: string | undefined;
  rules?: readonly unknown[] | undefined;
  versions?: readonly { version: string; effectiveFrom: string; rules: readonly unknown[] }[] | undefined;
}): Issue[] {
  if (p.versions === undefined)
    return (['version', 'effectiveFrom', 'rules'] as const)
      .filter((k) => p[k] === undefined)
      .map((k) => ({ path: k, message: `${messages.required()} (or give versions)` }));
  const latest = byDate(p.versions).at(-1)!;
  const same = {
    version: p.version === latest.version,
    effectiveFrom: p.effectiveFrom === latest.effectiveFrom,
    rules: JSON.stringify(p.rules) === JSON.stringify(latest.rules),
  };
  return (['version', 'effectiveFrom', 'rules'] as const)
    .filter((k) => p[k] !== undefined && !same[k])
    .map((k) => ({
      path: k,
      message: `with versions, leave out version, effectiveFrom and rules (or repeat the latest version's)`,
    }));
}

/**
 * The rules of a built-in policy a policy names (through `extends`, or a `sameAs` reference, at
 * `path`): its latest version's.
 */
function extendedRules(
  id: string,
  lookup: BuiltInLookup,
  chain: readonly string[],
  path: string,
): { rules: readonly Rule[]; vocabulary?: Vocabulary | undefined } | { issues: Issue[] } {
  const definition = lookup(id);
  if (definition === undefined)
    return { issues: [{ path, message: messages.unknownPolicy(id, builtInIds) }] };
  if (chain.includes(id))
    return {
      issues: [
        {
          path,
          message:
            path === 'extends'
              ? `extends ${[...chain, id].join(' → ')}: a policy cannot extend itself`
              : `${[...chain, id].join(' → ')}: a policy cannot refer to itself`,
        },
      ],
    };
  const base = checkPolicyWith(definition, lookup, [...chain, id]);
  if (!base.ok)
    return {
      issues: base.issues.map((i) => ({
        path,
        message: i.path.startsWith('extends') ? i.message : `${id}: ${i.path}: ${i.message}`,
      })),
    };
  return { rules: base.policy.rules, vocabulary: base.policy.vocabulary };
}

/** Rule ids unique per kind and part; an exception must modify an interval rule of the policy (own or inherited). */
function references(rules: readonly RuleAsWritten[], inherited: readonly Rule[], at: string): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  const intervalIds = new Set([...inherited, ...rules].filter((r) => r.kind === 'interval').map((r) => r.id));
  rules.forEach((rule, i) => {
    const key = `${rule.id} ${rule.activity} ${rule.kind}`;
    const first = seen.get(key);
    if (first !== undefined)
      issues.push({
        path: `${at}rules[${i}].id`,
        message: `${rule.id} (${rule.activity}) is defined twice (first at ${at}rules[${first}])`,
      });
    else seen.set(key, i);
    if (rule.kind === 'exception' && !intervalIds.has(rule.modifies))
      issues.push({
        path: `${at}rules[${i}].modifies`,
        message: `${rule.modifies} is not an interval rule of this policy`,
      });
  });
  return issues;
}

/** Every condition given, all of them holding (none: always). */
function allOf(conditions: readonly (Condition | undefined)[]): Condition | undefined {
  const given = conditions.filter((c): c is Condition => c !== undefined);
  return given.length === 0 ? undefined : given.length === 1 ? given[0] : { all: given };
}

/**
 * The rules with each `sameAs` schedule entry replaced by the entries of the interval rule it names
 * (of the built-in policy it names, or else of the one this policy extends): each keeps that
 * entry's interval and label (or this entry's label), and holds when this entry's `when`, the named
 * rule's `when` and the named entry's `when` all hold. A policy or rule that is not there is an issue
 * at the reference.
 */
function resolveReferences(
  rules: readonly RuleAsWritten[],
  at: string,
  extendsId: string | undefined,
  lookup: BuiltInLookup,
  chain: readonly string[],
): { rules: Rule[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const out = rules.map((rule, i): Rule => {
    if (rule.kind !== 'interval' || rule.schedule.every((e) => e.sameAs === undefined)) return rule as Rule;
    const schedule = rule.schedule.flatMap((entry, j): ScheduleEntry[] => {
      const { sameAs, interval, ...rest } = entry;
      if (sameAs === undefined) return interval === undefined ? [] : [{ ...rest, interval }];
      const path = `${at}rules[${i}].schedule[${j}].sameAs`;
      const id = sameAs.policy ?? extendsId;
      if (id === undefined) {
        issues.push({ path: `${path}.policy`, message: `${messages.required()} (this policy extends none)` });
        return [];
      }
      const named = extendedRules(id, lookup, chain, `${path}.policy`);
      if ('issues' in named) {
        issues.push(...named.issues);
        return [];
      }
      const candidates = named.rules.filter(
        (r): r is Extract<Rule, { kind: 'interval' }> => r.kind === 'interval' && r.id === sameAs.rule,
      );
      const target = candidates.find((r) => r.activity === rule.activity) ?? candidates[0];
      if (target === undefined) {
        const ids = [...new Set(named.rules.filter((r) => r.kind === 'interval').map((r) => r.id))];
        issues.push({
          path: `${path}.rule`,
          message: `${id} has no interval rule ${sameAs.rule} (its interval rules: ${ids.join(', ') || 'none'})`,
        });
        return [];
      }
      return target.schedule.map((e) => {
        const when = allOf([rest.when, target.when, e.when]);
        const label = rest.label ?? e.label;
        return {
          interval: e.interval,
          ...(when === undefined ? {} : { when }),
          ...(label === undefined ? {} : { label }),
          ...(e.bound ? { bound: e.bound } : {}),
        };
      });
    });
    return { ...rule, schedule };
  });
  return { rules: out, issues };
}
