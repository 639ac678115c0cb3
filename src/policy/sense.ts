/**
 * What `lintPolicy` reads of conditions for sense, deciding only the simple cases: whether one
 * condition always holds when another does (identical, always, a subset of roles, services, tags,
 * flags or episodes, a longer qualification), whether the parts of a condition can hold together,
 * and whether a condition reads the opposite of its rule's name.
 */
import { describeDuration } from '../report/wording.js';
import type { Condition, Duration, Rule } from './schema.js';

/** Rough length in days, to compare durations of different units (a month ≈ 30.4 days, a working day ≈ 1.4). */
const days = (d: Duration): number =>
  (d.days ?? 0) + (d.weeks ?? 0) * 7 + (d.months ?? 0) * 30.4 + (d.workingDays ?? 0) * 1.4;

/** Keys holding when the subject's one value (or one of its values) is in the list. */
const LIST_KEYS = ['role', 'service', 'tag', 'flag', 'episode'] as const;
/** Keys a subject has one value of at a time: two lists with nothing in common cannot both hold. */
const SINGLE_VALUED = ['role', 'service'] as const;
const BOOLEAN_KEYS = ['asye', 'fullTime', 'confirmedInPost', 'allocated'] as const;

/** The parts that must all hold: each key of the condition on its own, `all` opened up. */
function conjuncts(cond: Condition | undefined): Condition[] {
  if (cond === undefined) return [];
  const out: Condition[] = [];
  for (const [key, value] of Object.entries(cond)) {
    if (value === undefined) continue;
    if (key === 'all') for (const c of value as Condition[]) out.push(...conjuncts(c));
    else out.push({ [key]: value } as Condition);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether one part of a condition holds whenever all of `parts` do (decided for simple cases only). */
function impliedBy(parts: readonly Condition[], part: Condition): boolean {
  if (parts.some((p) => same(p, part))) return true;
  for (const key of LIST_KEYS) {
    const wanted = part[key] as readonly string[] | undefined;
    if (wanted !== undefined)
      return parts.some((p) => p[key] !== undefined && p[key]!.every((w) => wanted.includes(w)));
  }
  if (part.qualifiedFor !== undefined) {
    const wanted = days(part.qualifiedFor);
    return parts.some((p) => p.qualifiedFor !== undefined && days(p.qualifiedFor) >= wanted);
  }
  if (part.any !== undefined) return part.any.some((m) => implies(parts, m));
  return false;
}

/** Whether `cond` holds whenever all of `parts` do. */
function implies(parts: readonly Condition[], cond: Condition | undefined): boolean {
  return conjuncts(cond).every((c) => impliedBy(parts, c));
}

/** Whether an entry's condition `earlier` holds whenever `later` does (left out: always holds). */
export function covers(earlier: Condition | undefined, later: Condition | undefined): boolean {
  return implies(conjuncts(later), earlier);
}

/** A problem found in a condition: where, and why, in a plain sentence. */
export interface SenseFinding {
  path: string;
  why: string;
}

const show = (c: Condition) => JSON.stringify(c);

/** The parts of a condition (its keys and its `all`) that cannot hold together; `any` members and `not` too. */
export function impossible(cond: Condition, path: string, out: SenseFinding[] = []): SenseFinding[] {
  const parts = conjuncts(cond);
  const found = (why: string) => out.push({ path, why });
  for (const key of SINGLE_VALUED) {
    const lists = parts.flatMap((p) => (p[key] === undefined ? [] : [p[key] as readonly string[]]));
    if (lists.length > 1 && !lists[0]!.some((w) => lists.every((l) => l.includes(w))))
      found(
        `its parts ask for ${key} ${lists.map((l) => l.join(' or ')).join(' and ')} at once, and a worker has one ${key}`,
      );
  }
  for (const key of BOOLEAN_KEYS) {
    const values = new Set(parts.flatMap((p) => (p[key] === undefined ? [] : [p[key]])));
    if (values.size > 1) found(`its parts ask for ${key} true and ${key} false at once`);
  }
  parts.forEach((p, k) => {
    if (p.not === undefined) return;
    const others = parts.filter((_, j) => j !== k);
    if (others.length > 0 && implies(others, p.not))
      found(`its other parts imply ${show(p.not)}, which it also asks not to hold`);
  });
  const since = parts.flatMap((p) => (p.since === undefined ? [] : [p.since]));
  for (const [i, a] of since.entries())
    for (const b of since.slice(i + 1)) {
      if (a.anchor !== b.anchor) continue;
      const from = (s: typeof a) => (s.from ? days(s.from) : 0);
      const to = (s: typeof a) => (s.to ? days(s.to) : Number.POSITIVE_INFINITY);
      if (from(a) >= to(b) || from(b) >= to(a))
        found(
          `its "since" spans from ${a.anchor} do not overlap: ${show({ since: a })} and ${show({ since: b })}`,
        );
    }
  for (const [j, c] of (cond.any ?? []).entries()) impossible(c, `${path}.any[${j}]`, out);
  for (const [j, c] of (cond.all ?? []).entries())
    if (c.any !== undefined || c.not !== undefined) impossible(c, `${path}.all[${j}]`, out);
  if (cond.not !== undefined) impossible(cond.not, `${path}.not`, out);
  return out;
}

const NEWLY_QUALIFIED = /newly[- ]qualified|\bASYE\b|\bNQSWs?\b/i;
/** A name about the time after the ASYE ("monthly supervision after the ASYE") is not about newly qualified staff. */
const AFTER_ASYE = /\b(after|beyond|outside|once|post)\b.*\b(ASYE|newly[- ]qualified)\b/i;
const EXPERIENCED = /\bexperienced\b|\bqualified (for )?(over|more than)\b/i;

/**
 * A condition that reads the opposite of its rule's name or id: a rule named for newly qualified
 * staff (ASYE, NQSW) asking for staff qualified some time or outside the ASYE, or a rule named for
 * experienced staff asking for the ASYE or for staff qualified less than some time. Only the parts
 * that must all hold are read (not an `any`'s members).
 */
export function oppositeOfName(rule: Rule, cond: Condition, path: string): SenseFinding[] {
  const named = `${rule.id} ${rule.name}`;
  const out: SenseFinding[] = [];
  const parts = conjuncts(cond);
  if (NEWLY_QUALIFIED.test(named) && !AFTER_ASYE.test(named))
    for (const p of parts) {
      if (p.qualifiedFor !== undefined)
        out.push({
          path,
          why: `${rule.id} is named for newly qualified staff ("${rule.name}"), but its condition asks for staff qualified at least ${describeDuration(p.qualifiedFor)}: did you mean {"not": {"qualifiedFor": …}}?`,
        });
      if (p.asye === false)
        out.push({
          path,
          why: `${rule.id} is named for newly qualified staff ("${rule.name}"), but its condition asks for staff outside the ASYE: did you mean {"asye": true}?`,
        });
    }
  if (EXPERIENCED.test(named))
    for (const p of parts) {
      if (p.asye === true)
        out.push({
          path,
          why: `${rule.id} is named for experienced staff ("${rule.name}"), but its condition asks for staff in their ASYE`,
        });
      if (p.not?.qualifiedFor !== undefined)
        out.push({
          path,
          why: `${rule.id} is named for experienced staff ("${rule.name}"), but its condition asks for staff qualified less than ${describeDuration(p.not.qualifiedFor)}`,
        });
    }
  return out;
}
