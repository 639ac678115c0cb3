import { InputError } from '../errors/input-error.js';
import { type VocabularyKind, WORD_KINDS } from '../history/vocabulary.js';
import { builtInDefinition } from '../policies.js';
import { checkPolicy, ruleKey } from './load.js';
import type { Condition, Duration, Policy, PolicyVersion, Rule } from './schema.js';
import { covers, impossible, oppositeOfName } from './sense.js';
import { ruleWords } from './words.js';

/** Something in a policy file that is valid but probably not meant. */
export interface LintFinding {
  path: string;
  severity: 'error' | 'warning';
  message: string;
}

const STAFF_KEYS = [
  'role',
  'tag',
  'asye',
  'fullTime',
  'service',
  'qualifiedFor',
  'since',
  'confirmedInPost',
  'arrangement',
  'supervisorReportsOver',
] as const;
const CASE_KEYS = ['episode', 'flag', 'allocated'] as const;
const RISK_FLAGS = new Set(['high-risk', 'placement-instability', 'care-quality-concern']);

/** Rough length in days, to compare intervals of different units (a month ≈ 30.4 days, a working day ≈ 1.4). */
export function approxDays(d: Duration): number {
  return (d.days ?? 0) + (d.weeks ?? 0) * 7 + (d.months ?? 0) * 30.4 + (d.workingDays ?? 0) * 1.4;
}

/**
 * Speaks about sense where `loadPolicy` speaks about structure: a rule that can never apply, a case
 * table that leaves a type or risk without an interval, a higher risk given a longer interval than a
 * lower one, a recording deadline longer than the interval it belongs to, a missing citation, an
 * interval of zero; for `versions`, versions out of order or two on one date, and a rule changed
 * between versions without a `note` of its own; a rule with no worked `examples`; a schedule entry an
 * earlier one always covers, a condition whose parts cannot hold together or that reads the opposite
 * of its rule's name, a declared word no rule uses (warnings). Each finding has the JSON path of the rule or field.
 *
 * A policy built in code may break rules `loadPolicy` enforces (a missing citation, an interval of
 * zero): those are findings. Something lint cannot read as a policy at all is an InputError.
 *
 * @throws {InputError} `invalid-policy`, with `loadPolicy`'s issues, for what cannot be read as a policy.
 * @example
 * lintPolicy(loadPolicy(myCouncil)).forEach((f) => console.log(`${f.path}: ${f.message}`));
 */
export function lintPolicy(policy: Policy): LintFinding[] {
  try {
    return lint(policy);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const checked = checkPolicy(policy);
    throw new InputError(
      'invalid-policy',
      checked.ok ? [{ path: '', message: 'could not be read as a policy' }] : checked.issues,
    );
  }
}

function lint(policy: Policy): LintFinding[] {
  const findings: LintFinding[] = [];
  // An inherited rule cites the extended policy's source.
  const base = policy.extends === undefined ? undefined : builtInDefinition(policy.extends);
  const baseSource = (base as { source?: unknown } | undefined)?.source;
  // The policy's own text (its source, and a version's): where a clause allowing a looser agreement must come from.
  const own = (v: { source?: string | undefined }) =>
    [policy.source, v.source].filter((x): x is string => typeof x === 'string');
  const sources = (v: { source?: string | undefined }) =>
    [...own(v), baseSource].filter((x): x is string => typeof x === 'string');
  if (policy.versions === undefined) lintRules(policy.rules, sources(policy), own(policy), '', findings);
  else {
    policy.versions.forEach((v, k) => {
      lintRules(v.rules, sources(v), own(v), `versions[${k}].`, findings);
    });
    versionOrder(policy.versions, findings);
    unexplainedChanges(policy.versions, findings);
  }
  unusedWords(policy, findings);
  return findings;
}

/** A word the policy declares in its vocabulary that none of its rules uses. */
function unusedWords(policy: Policy, findings: LintFinding[]): void {
  if (policy.vocabulary === undefined) return;
  const used = new Set(
    [policy.rules, ...(policy.versions ?? []).map((v) => v.rules)]
      .flatMap((rules) => ruleWords(rules, 'rules'))
      .map((u) => `${u.kind} ${u.word}`),
  );
  for (const kind of Object.keys(WORD_KINDS) as VocabularyKind[])
    for (const [j, word] of (policy.vocabulary[kind] ?? []).entries()) {
      if (WORD_KINDS[kind].builtIn.includes(word))
        findings.push({
          path: `vocabulary.${kind}[${j}]`,
          severity: 'warning',
          message: `${word} is a built-in ${WORD_KINDS[kind].what}: it needs no declaring`,
        });
      else if (!used.has(`${kind} ${word}`))
        findings.push({
          path: `vocabulary.${kind}[${j}]`,
          severity: 'warning',
          message: `the ${WORD_KINDS[kind].what} ${word} is declared but no rule uses it: leave it out, or write the rule that needs it`,
        });
    }
}

function lintRules(
  rules: readonly Rule[],
  sources: string[],
  ownSources: string[],
  prefix: string,
  findings: LintFinding[],
): void {
  rules.forEach((rule, i) => {
    const at = `${prefix}rules[${i}]`;
    if (!rule.citation?.quote?.trim() || !rule.citation.source?.trim() || !rule.citation.section?.trim())
      findings.push({
        path: `${at}.citation`,
        severity: 'error',
        message: `${rule.id} has no complete citation (source, section, quote)`,
      });
    else if (!sources.includes(rule.citation.source))
      findings.push({
        path: `${at}.citation.source`,
        severity: 'warning',
        message: `${rule.id} cites ${rule.citation.source}, not the policy's source ${sources[0]}`,
      });
    const clause = rule.kind === 'interval' ? rule.allowsLooser?.clause : undefined;
    if (clause !== undefined && !ownSources.includes(clause.source))
      findings.push({
        path: `${at}.allowsLooser.clause.source`,
        severity: 'warning',
        message: `${rule.id}: the clause that allows a looser agreement should be quoted from the policy itself (${ownSources[0]}), not ${clause.source}`,
      });
    for (const [path, d] of durations(rule, at))
      if (approxDays(d) <= 0)
        findings.push({ path, severity: 'error', message: `${rule.id} has an interval of zero` });
    const subject = 'subject' in rule ? rule.subject : 'staff';
    for (const [path, cond] of conditions(rule, at)) {
      neverApplies(cond, subject, path, rule.id, findings);
      for (const f of impossible(cond, path))
        findings.push({ path: f.path, severity: 'warning', message: `${rule.id} can never apply: ${f.why}` });
      for (const f of oppositeOfName(rule, cond, path))
        findings.push({ path: f.path, severity: 'warning', message: f.why });
    }
    if (rule.kind === 'interval') coveredEntries(rule, at, findings);
    if (rule.kind === 'interval' && rule.subject === 'case') caseTable(rule, at, findings);
    if ((rule.examples ?? []).length === 0)
      findings.push({
        path: `${at}.examples`,
        severity: 'warning',
        message: `${rule.id} (${rule.activity}) has no worked example: add examples, run by supervision-rules test`,
      });
  });
  recordingVersusInterval(rules, prefix, findings);
}

/** Versions listed out of date order, or two taking effect on one day (only the later listed is ever in force). */
function versionOrder(versions: readonly PolicyVersion[], findings: LintFinding[]): void {
  versions.forEach((v, k) => {
    const before = versions[k - 1];
    if (before === undefined) return;
    if (v.effectiveFrom < before.effectiveFrom)
      findings.push({
        path: `versions[${k}].effectiveFrom`,
        severity: 'warning',
        message: `version ${v.version} takes effect (${v.effectiveFrom}) before version ${before.version} listed above it (${before.effectiveFrom}): list versions oldest first`,
      });
    for (const [j, other] of versions.slice(0, k).entries())
      if (other.effectiveFrom === v.effectiveFrom)
        findings.push({
          path: `versions[${k}].effectiveFrom`,
          severity: 'error',
          message: `versions ${other.version} and ${v.version} both take effect on ${v.effectiveFrom}: version ${other.version} (versions[${j}]) is never in force`,
        });
  });
}

/** A rule kept by the next version but changed (beyond its citation and note) needs a new `note` saying why. */
function unexplainedChanges(versions: readonly PolicyVersion[], findings: LintFinding[]): void {
  const order = versions
    .map((v, k) => ({ v, k }))
    .sort((a, b) =>
      a.v.effectiveFrom < b.v.effectiveFrom ? -1 : a.v.effectiveFrom > b.v.effectiveFrom ? 1 : a.k - b.k,
    );
  const body = (r: Rule) => {
    const { note: _n, citation: _c, examples: _e, ...rest } = r;
    return JSON.stringify(rest);
  };
  for (let n = 1; n < order.length; n++) {
    const { v: old } = order[n - 1]!;
    const { v, k } = order[n]!;
    const previous = new Map(old.rules.map((r) => [ruleKey(r), r]));
    v.rules.forEach((rule, i) => {
      const was = previous.get(ruleKey(rule));
      if (was === undefined || body(was) === body(rule)) return;
      if (rule.note !== undefined && rule.note.trim() !== '' && rule.note !== was.note) return;
      findings.push({
        path: `versions[${k}].rules[${i}].note`,
        severity: 'warning',
        message: `${rule.id} changed from version ${old.version} to ${v.version} without a note of its own saying how the text was read`,
      });
    });
  }
}

function durations(rule: Rule, at: string): [string, Duration][] {
  const out: [string, Duration][] = [];
  const add = (path: string, v: unknown) => {
    if (v && typeof v === 'object' && !('fromArrangement' in v)) out.push([path, v as Duration]);
  };
  if (rule.kind === 'interval') {
    rule.schedule.forEach((e, j) => {
      add(`${at}.schedule[${j}].interval`, e.interval);
    });
    add(`${at}.breachAfter`, rule.breachAfter);
  }
  if ('within' in rule) add(`${at}.within`, rule.within);
  if (rule.kind === 'exception') add(`${at}.interval`, rule.interval);
  if (rule.kind === 'first-within')
    rule.triggers.forEach((t, j) => {
      add(`${at}.triggers[${j}].within`, t.within);
    });
  return out;
}

function conditions(rule: Rule, at: string): [string, Condition][] {
  const out: [string, Condition][] = [];
  if (rule.when) out.push([`${at}.when`, rule.when]);
  if (rule.kind === 'interval')
    rule.schedule.forEach((e, j) => {
      if (e.when) out.push([`${at}.schedule[${j}].when`, e.when]);
    });
  return out;
}

/** Keys that cannot hold for the rule's subject, or a `since` span that ends before it starts. */
function neverApplies(
  cond: Condition,
  subject: string,
  path: string,
  id: string,
  findings: LintFinding[],
): void {
  const wrong =
    subject === 'case' ? STAFF_KEYS : subject === 'staff' ? CASE_KEYS : [...STAFF_KEYS, ...CASE_KEYS];
  for (const key of wrong)
    if (cond[key] !== undefined)
      findings.push({
        path: `${path}.${key}`,
        severity: 'error',
        message: `${id} can never apply: "${key}" does not describe a ${subject}`,
      });
  if (cond.since?.from && cond.since.to && approxDays(cond.since.from) >= approxDays(cond.since.to))
    findings.push({
      path: `${path}.since`,
      severity: 'error',
      message: `${id} can never apply: its "since" span ends before it starts`,
    });
  for (const [j, c] of (cond.all ?? []).entries())
    neverApplies(c, subject, `${path}.all[${j}]`, id, findings);
  for (const [j, c] of (cond.any ?? []).entries())
    neverApplies(c, subject, `${path}.any[${j}]`, id, findings);
  if (cond.not) neverApplies(cond.not, subject, `${path}.not`, id, findings);
}

function flagsOf(cond: Condition | undefined): string[] {
  if (!cond) return [];
  return [...(cond.flag ?? []), ...(cond.all ?? []).flatMap(flagsOf), ...(cond.any ?? []).flatMap(flagsOf)];
}
function episodesOf(cond: Condition | undefined): string[] {
  if (!cond) return [];
  return [
    ...(cond.episode ?? []),
    ...(cond.all ?? []).flatMap(episodesOf),
    ...(cond.any ?? []).flatMap(episodesOf),
  ];
}

/** Every episode type in a case table needs a row without a risk flag; a risk row must not be looser. */
function caseTable(rule: Extract<Rule, { kind: 'interval' }>, at: string, findings: LintFinding[]): void {
  const rows = rule.schedule.map((e, j) => ({
    j,
    e,
    episodes: episodesOf(e.when),
    risky: flagsOf(e.when).some((f) => RISK_FLAGS.has(f)),
  }));
  const catchAll = rows.some((r) => r.e.when === undefined);
  const types = new Set(rows.flatMap((r) => r.episodes));
  for (const type of types) {
    const plain = rows.filter((r) => r.episodes.includes(type) && !r.risky);
    const risky = rows.filter((r) => r.episodes.includes(type) && r.risky);
    if (plain.length === 0 && !catchAll)
      findings.push({
        path: `${at}.schedule`,
        severity: 'error',
        message: `${rule.id} gives ${type} an interval only at higher risk: a lower-risk ${type} case has none`,
      });
    for (const r of risky)
      for (const p of plain) {
        if ('fromArrangement' in r.e.interval || 'fromArrangement' in p.e.interval) continue;
        if (approxDays(r.e.interval) > approxDays(p.e.interval))
          findings.push({
            path: `${at}.schedule[${r.j}].interval`,
            severity: 'error',
            message: `${rule.id} gives higher-risk ${type} a longer interval than lower-risk ${type}`,
          });
      }
  }
}

/** A record due later than the next session of the activity it records is a policy that contradicts itself. */
function recordingVersusInterval(rules: readonly Rule[], prefix: string, findings: LintFinding[]): void {
  rules.forEach((rule, i) => {
    if (rule.kind !== 'recording') return;
    const dl = rule.deadline;
    const days = 'workingDays' in dl ? dl.workingDays * 1.4 : 'hours' in dl ? dl.hours / 24 : 0;
    for (const other of rules) {
      if (other.kind !== 'interval' || !other.counts.some((t) => rule.counts.includes(t))) continue;
      for (const e of other.schedule) {
        if ('fromArrangement' in e.interval) continue;
        if (days > approxDays(e.interval))
          findings.push({
            path: `${prefix}rules[${i}].deadline`,
            severity: 'warning',
            message: `${rule.id}'s record is due after ${other.id}'s next session could be due`,
          });
      }
    }
  });
}

/** A schedule entry an earlier one always covers: the first entry that holds gives the interval, so it never does. */
function coveredEntries(
  rule: Extract<Rule, { kind: 'interval' }>,
  at: string,
  findings: LintFinding[],
): void {
  rule.schedule.forEach((later, j) => {
    const earlier = rule.schedule.findIndex(
      // An entry from an arrangement falls through on days without one: it covers nothing for good.
      (e, i) => i < j && !('fromArrangement' in e.interval) && covers(e.when, later.when),
    );
    if (earlier >= 0)
      findings.push({
        path: `${at}.schedule[${j}]`,
        severity: 'warning',
        message: `${rule.id}'s schedule entry ${j + 1} never applies: entry ${earlier + 1} comes first and holds whenever it does`,
      });
  });
}
