import { formatDayNumber } from '../calendar/index.js';
import type { Citation, Rule } from '../policy/schema.js';

// The shapes `compareToBaseline` returns, and the one place its findings become sentences.

/** How a council's policy stands against one requirement of a national baseline, for one group. */
export type BaselineVerdict = 'meets' | 'goes-beyond' | 'falls-short' | 'not-covered';

/**
 * Who a requirement is about: social workers past the ASYE, newly qualified social workers (in their
 * ASYE), students; `everyone` for a record deadline, which is not asked per group.
 */
export type BaselineGroup = 'past-asye' | 'newly-qualified' | 'student' | 'everyone';

/** A rule named in a comparison: its id, what it asks (in words), its strength and citation. */
export interface BaselineRuleRef {
  ruleId: string;
  name: string;
  asks: string;
  strength: Rule['strength'];
  citation: Citation;
}

/** One baseline requirement for one group, against the council's rules. */
export interface BaselineRow {
  /** The baseline rule's id. */
  requirement: string;
  group: BaselineGroup;
  verdict: BaselineVerdict;
  baseline: BaselineRuleRef;
  /** The council's rules the verdict was decided from (none when not covered). */
  council: BaselineRuleRef[];
  /** Council rules about the same people and activity with no comparable number (untimed, totals per period, exceptions). */
  related: BaselineRuleRef[];
  /** One sentence: the verdict and the dates or numbers that decided it. */
  explanation: string;
}

export interface BaselineComparison {
  policy: { id: string; name: string; version: string };
  baseline: { id: string; name: string; version: string };
  /** The year the requirements were compared over: from the later of the two effective dates. */
  from: string;
  to: string;
  rows: BaselineRow[];
  /** Baseline rules of kinds that are not compared (anything but interval, session-length, recording). */
  notCompared: string[];
}

/** One day's comparison: how the council stands, and the due dates (or minutes) that show it. */
export interface BaselineDay {
  day: number;
  status: 'meets' | 'beyond' | 'short' | 'uncovered' | 'agreement';
  council?: number;
  baseline?: number;
  /** The council's rules in force that day. */
  by?: string[];
}

const GROUP_WORDS: Record<BaselineGroup, string> = {
  'past-asye': 'social workers past the ASYE',
  'newly-qualified': 'newly qualified social workers in their ASYE',
  student: 'students',
  everyone: 'every supervisee',
};

const idList = (ids: readonly string[]) =>
  ids.length <= 1 ? (ids[0] ?? '') : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
const verb = (ids: readonly string[], singular: string, plural: string) =>
  ids.length === 1 ? singular : plural;
const day = formatDayNumber;

function relatedClause(related: readonly BaselineRuleRef[]): string {
  if (related.length === 0) return '';
  return `; ${related.map((r) => `${r.ruleId} ${r.asks === 'no number' ? 'covers them with no number' : `asks ${r.asks}`}`).join(', ')}`;
}

/** A frequency row's sentence. */
function interval(
  verdict: BaselineVerdict,
  at: BaselineDay | undefined,
  policyId: string,
  group: BaselineGroup,
  base: BaselineRuleRef,
  council: readonly BaselineRuleRef[],
  related: readonly BaselineRuleRef[],
): string {
  const who = GROUP_WORDS[group];
  const ids = council.map((c) => c.ruleId);
  const extra = relatedClause(related);
  if (verdict === 'not-covered')
    return `No rule of ${policyId} sets how often ${who} are supervised, where ${base.ruleId} asks ${base.asks}${extra}.`;
  if (verdict === 'meets')
    return `${idList(ids)} ${verb(ids, 'asks', 'ask')} the same of ${who} as ${base.ruleId}: ${base.asks}${extra}.`;
  const d = at!;
  const that = d.by ?? ids;
  if (verdict === 'goes-beyond')
    return d.baseline === undefined
      ? `${idList(council.map((c, i) => `${c.ruleId}${i === 0 ? ' sets' : ''} ${c.asks}`))} for ${who}, where ${base.ruleId} leaves it to ${base.asks}${extra}.`
      : `${idList(ids)} never ${verb(ids, 'falls', 'fall')} due later than ${base.ruleId} for ${who}, and sooner after a session on ${day(d.day)}: next due ${day(d.council!)} under ${idList(that)} against ${day(d.baseline)}${extra}.`;
  if (d.status === 'uncovered')
    return `From ${day(d.day)} no rule of ${policyId} sets how often ${who} are supervised, where ${base.ruleId} asks ${base.asks}${extra}.`;
  if (d.status === 'agreement')
    return `On ${day(d.day)} ${idList(that)} ${verb(that, 'leaves', 'leave')} the interval of ${who} to an agreement, where ${base.ruleId} asks ${base.asks}${extra}.`;
  return `After a session on ${day(d.day)} ${who} are next due ${day(d.council!)} under ${idList(that)} but ${day(d.baseline!)} under ${base.ruleId}${extra}.`;
}

/** A session-length row's sentence. */
function length(
  verdict: BaselineVerdict,
  at: BaselineDay | undefined,
  policyId: string,
  group: BaselineGroup,
  base: BaselineRuleRef,
  minutes: number,
  council: readonly BaselineRuleRef[],
  related: readonly BaselineRuleRef[],
): string {
  const who = GROUP_WORDS[group];
  const ids = council.map((c) => c.ruleId);
  const extra = relatedClause(related);
  if (verdict === 'not-covered')
    return `No rule of ${policyId} sets how long a session of ${who} lasts, where ${base.ruleId} asks ${minutes} minutes${extra}.`;
  if (at?.status === 'uncovered')
    return `From ${day(at.day)} no rule of ${policyId} sets how long a session of ${who} lasts, where ${base.ruleId} asks ${minutes} minutes${extra}.`;
  const than = verdict === 'meets' ? 'as' : verdict === 'goes-beyond' ? 'more than' : 'less than';
  return `${idList(ids)} ${verb(ids, 'asks', 'ask')} ${at!.council} minutes a session of ${who}, ${than} ${base.ruleId}'s ${minutes}${extra}.`;
}

/** A record deadline's sentence (`base.asks` and each council rule's `asks` are the deadlines in words). */
function recording(
  verdict: BaselineVerdict,
  at: BaselineDay | undefined,
  policyId: string,
  records: 'session' | 'case',
  base: BaselineRuleRef,
  council: readonly BaselineRuleRef[],
): string {
  const ids = council.map((r) => r.ruleId);
  const what = `the ${records === 'case' ? 'case' : 'supervision'} record`;
  if (verdict === 'not-covered')
    return `No rule of ${policyId} sets when ${what} is due, where ${base.ruleId} asks ${base.asks}.`;
  if (verdict === 'meets')
    return `${idList(ids)} ${verb(ids, 'asks', 'ask')} ${what} within the ${base.asks} ${base.ruleId} asks.`;
  return `For a session on ${day(at!.day)} ${what} is due ${day(at!.council!)} under ${idList(ids)} and ${day(at!.baseline!)} under ${base.ruleId}.`;
}

/** The sentences of a comparison with a baseline, one per row. */
export const baselineWording = { interval, length, recording };
