import { toDayNumber, WorkingCalendar } from '../calendar/index.js';
import type { Duration, Policy, PolicyVersion, Rule, RuleOf } from '../policy/schema.js';
import { byDate, ruleKey } from '../policy/versions.js';

/** A policy version's days in force: `from` to `to` (the first version from -Infinity, the last to Infinity). */
export interface VersionInForce {
  readonly name: string;
  readonly from: number;
  readonly to: number;
  /** The next version's name, if any. */
  readonly next?: string;
}

/**
 * One entry of an interval rule's schedule as the policy holds it once loaded: the rule's own
 * entries, after the exceptions that modify the rule (DER-2), each of which becomes an entry
 * naming itself in `via`.
 */
export interface MergedEntry {
  readonly when?: RuleOf<'interval'>['schedule'][number]['when'];
  readonly interval: RuleOf<'interval'>['schedule'][number]['interval'] | Duration;
  /** The schedule entry's own label ("4-weekly"), if any. */
  readonly label?: string | undefined;
  /** The exception rule this entry comes from, if any. */
  readonly via?: string | undefined;
}

/** One version of a prepared policy: its rules, its days in force and its merged schedules. */
export interface PreparedVersion extends PolicyVersion {
  readonly inForce: VersionInForce;
  /** Each interval rule's schedule, the exceptions that modify it first. */
  readonly schedules: ReadonlyMap<RuleOf<'interval'>, readonly MergedEntry[]>;
}

/**
 * What the engine works out from a policy alone, once: its versions in date order with the days each
 * is in force, every interval rule's schedule with its exceptions merged in, and the working calendar
 * of the policy's own closure days (shared by every evaluation whose history adds none).
 */
export interface PreparedPolicy {
  readonly policy: Policy;
  readonly versions: readonly PreparedVersion[];
  /** What an evaluation runs, in order (worked out once: each evaluation only follows it). */
  readonly plan: readonly Step[];
  readonly calendar: WorkingCalendar;
  /**
   * Calendars with a history's closure days added, by those days (sorted, joined): the histories of
   * one council list the same few. At most {@link CALENDARS_KEPT}; the oldest goes first.
   */
  readonly calendars: Map<string, WorkingCalendar>;
}

/**
 * One step of an evaluation: an interval rule kept by consecutive versions runs once, as one clock,
 * with each version's copy of it (`parts`: the rule and the index of its version); any other rule runs
 * once per version that has it, until the last consecutive version that keeps it (`until`, a day
 * number, or Infinity).
 */
export type Step =
  | {
      readonly kind: 'interval';
      readonly parts: readonly { readonly rule: RuleOf<'interval'>; readonly version: number }[];
    }
  | { readonly kind: 'rule'; readonly rule: Rule; readonly version: number; readonly until: number };

/** How many calendars with a history's closures a prepared policy keeps. */
export const CALENDARS_KEPT = 16;

/**
 * Prepares a validated policy for evaluation. Pure; the front door keeps the result for policies
 * that cannot change (the built-in ones, and those `preparePolicy` froze).
 */
export function preparePolicy(policy: Policy): PreparedPolicy {
  const given = byDate(policy.versions ?? [policy]);
  const versions = given.map((v, k): PreparedVersion => {
    const next = given[k + 1];
    const inForce: VersionInForce = {
      name: v.version,
      from: k === 0 ? -Infinity : toDayNumber(v.effectiveFrom),
      to: next === undefined ? Infinity : toDayNumber(next.effectiveFrom) - 1,
      ...(next === undefined ? {} : { next: next.version }),
    };
    return {
      version: v.version,
      effectiveFrom: v.effectiveFrom,
      rules: v.rules,
      inForce,
      schedules: mergedSchedules(v.rules),
    };
  });
  return {
    policy,
    versions,
    plan: planOf(versions),
    calendar: new WorkingCalendar({ closures: policy.closures ?? [] }),
    calendars: new Map(),
  };
}

/** Each version's rules in its order; an interval rule kept by later versions once, with its later copies. */
function planOf(versions: readonly PreparedVersion[]): Step[] {
  const plan: Step[] = [];
  const keys = versions.map((v) => new Set(v.rules.map(ruleKey)));
  const intervalDone = new Set<string>();
  versions.forEach((v, k) => {
    for (const rule of v.rules) {
      const key = ruleKey(rule);
      if (rule.kind === 'interval') {
        if (intervalDone.has(key)) continue;
        intervalDone.add(key);
        const parts = [];
        for (let j = k; j < versions.length; j++) {
          const same = versions[j]!.rules.find((r) => r.kind === 'interval' && ruleKey(r) === key);
          if (same) parts.push({ rule: same as RuleOf<'interval'>, version: j });
        }
        plan.push({ kind: 'interval', parts });
      } else {
        let last = k;
        while (last + 1 < versions.length && keys[last + 1]!.has(key)) last++;
        plan.push({ kind: 'rule', rule, version: k, until: versions[last]!.inForce.to });
      }
    }
  });
  return plan;
}

/** Each interval rule's schedule: the exceptions that modify it (in the policy's order), then its own entries. */
function mergedSchedules(rules: readonly Rule[]): Map<RuleOf<'interval'>, readonly MergedEntry[]> {
  const exceptions = new Map<string, MergedEntry[]>();
  for (const rule of rules)
    if (rule.kind === 'exception') {
      const list = exceptions.get(rule.modifies) ?? [];
      list.push({ when: rule.when, interval: rule.interval, via: rule.id });
      exceptions.set(rule.modifies, list);
    }
  const out = new Map<RuleOf<'interval'>, readonly MergedEntry[]>();
  for (const rule of rules)
    if (rule.kind === 'interval') out.set(rule, [...(exceptions.get(rule.id) ?? []), ...rule.schedule]);
  return out;
}

/**
 * The calendar an evaluation counts working days on: the policy's, or, when the history lists
 * closure days of its own, one with both (kept on the prepared policy for the next history that
 * lists the same days). A calendar only memoises its year tables, so sharing one changes no answer.
 */
export function calendarFor(prepared: PreparedPolicy, historyClosures: readonly string[]): WorkingCalendar {
  if (historyClosures.length === 0) return prepared.calendar;
  const key = [...new Set(historyClosures)].sort().join(',');
  let calendar = prepared.calendars.get(key);
  if (calendar === undefined) {
    calendar = new WorkingCalendar({ closures: [...(prepared.policy.closures ?? []), ...historyClosures] });
    if (prepared.calendars.size >= CALENDARS_KEPT)
      prepared.calendars.delete(prepared.calendars.keys().next().value!);
    prepared.calendars.set(key, calendar);
  }
  return calendar;
}
