import { addCalendarMonths, fromDayNumber, toDayNumber, WorkingCalendar } from '../calendar/index.js';
import { parseHistory } from '../history/parse.js';
import type { Policy, Rule, RuleOf } from '../policy/schema.js';
import {
  type BaselineComparison,
  type BaselineDay,
  type BaselineGroup,
  type BaselineRow,
  type BaselineRuleRef,
  type BaselineVerdict,
  baselineWording,
} from '../report/baseline.js';
import { describeDuration } from '../report/wording.js';
import { conditionSpans } from './conditions.js';
import { advanceBy } from './durations.js';
import { type HistoryIndex, indexHistory, type StaffView } from './history-index.js';
import { contains, type Spans } from './spans.js';

export type {
  BaselineComparison,
  BaselineGroup,
  BaselineRow,
  BaselineRuleRef,
  BaselineVerdict,
} from '../report/baseline.js';

interface Probe {
  group: Exclude<BaselineGroup, 'everyone'>;
  view: StaffView;
  /** The days compared: the year from the reference day, or the ASYE year. */
  days: readonly number[];
}

interface Setting {
  index: HistoryIndex;
  calendar: WorkingCalendar;
  probes: Probe[];
  from: number;
  to: number;
}

/**
 * Compares a council's policy with a national baseline (`england-lga-2020`, `england-dfe-2024`, or any
 * policy used as one), requirement by requirement: for each baseline rule and each group it covers
 * (social workers past the ASYE, newly qualified social workers, students), whether the council's own
 * rules meet it, go beyond it, fall short of it or do not cover it, with both citations side by side.
 * Decided from the rules alone: three made-up staff members (one per group) are put through both
 * policies' conditions on every day of a year, and on each day the due date after a session that day
 * under the baseline is set against the council's (intervals, record deadlines), or the minimum
 * session lengths are. Pure: the same policies always give the same comparison. README: "The
 * national standard" explains the matching and its limits.
 *
 * @example
 * const rows = compareToBaseline(getPolicy('york'), getPolicy('england-lga-2020')).rows;
 * rows.find((r) => r.requirement === 'LGA-1')?.verdict; // 'goes-beyond' (28 days against a month)
 */
export function compareToBaseline(policy: Policy, baseline: Policy): BaselineComparison {
  const setting = settingFor(policy, baseline);
  const rows: BaselineRow[] = [];
  const notCompared: string[] = [];
  for (const rule of baseline.rules) {
    if (rule.kind === 'interval' && rule.subject === 'staff')
      rows.push(...intervalRows(rule, policy, setting));
    else if (rule.kind === 'session-length') rows.push(...lengthRows(rule, policy, setting));
    else if (rule.kind === 'recording') rows.push(recordingRow(rule, policy, setting));
    else notCompared.push(rule.id);
  }
  const meta = (p: Policy) => ({ id: p.id, name: p.name, version: p.version });
  return {
    policy: meta(policy),
    baseline: meta(baseline),
    from: fromDayNumber(setting.from),
    to: fromDayNumber(setting.to),
    rows,
    notCompared,
  };
}

function settingFor(policy: Policy, baseline: Policy): Setting {
  // The later effective date, kept inside the years a history may hold (the probes reach 4 years back and 1 on).
  const later = [policy.effectiveFrom, baseline.effectiveFrom].sort()[1]!;
  const ref = later < '1004-01-01' ? '1004-01-01' : later > '9998-01-01' ? '9998-01-01' : later;
  const months = (n: number) => addCalendarMonths(ref, n);
  const yearEnd = toDayNumber(months(12)) - 1;
  const history = parseHistory({
    staff: [
      {
        id: 'past-asye',
        role: 'social-worker',
        startDate: months(-36),
        qualifiedDate: months(-48),
        confirmedInPost: months(-30),
        fullTime: true,
      },
      {
        id: 'newly-qualified',
        role: 'social-worker',
        startDate: ref,
        qualifiedDate: months(-2),
        asye: { start: ref, end: fromDayNumber(yearEnd) },
        confirmedInPost: months(6),
        fullTime: true,
      },
      { id: 'student', role: 'student', startDate: ref, fullTime: true },
    ],
  });
  const index = indexHistory(history);
  const from = toDayNumber(ref);
  const days = Array.from({ length: yearEnd - from + 1 }, (_, i) => from + i);
  const probes = index.staff.map((view) => ({ group: view.id as Probe['group'], view, days }));
  const calendar = new WorkingCalendar({ closures: [...(policy.closures ?? [])] });
  return { index, calendar, probes, from, to: yearEnd };
}

const overlaps = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

/** A rule's condition as a test of a day, for one probe. */
function holds(setting: Setting, view: StaffView) {
  const ctx = { index: setting.index, calendar: setting.calendar };
  return (when: Rule['when']): ((day: number) => boolean) => {
    const spans: Spans = conditionSpans(when, view, ctx);
    return (day) => contains(spans, day);
  };
}

type Entry = RuleOf<'interval'>['schedule'][number];
type Interval = Entry['interval'];

/** For one probe, the schedule entry of an interval rule in force on a day, if the rule covers it then. */
function entryOn(
  rule: RuleOf<'interval'>,
  setting: Setting,
  view: StaffView,
): (day: number) => Entry | undefined {
  const test = holds(setting, view);
  const applies = test(rule.when);
  const entries = rule.schedule.map((e) => ({ e, on: test(e.when) }));
  return (day) => (applies(day) ? entries.find((x) => x.on(day))?.e : undefined);
}

const intervalWords = (i: Interval) =>
  !('fromArrangement' in i)
    ? describeDuration(i)
    : i.fromArrangement === 'agreed-interval'
      ? 'the agreed interval'
      : "the performance plan's interval";
const entryWords = (e: Entry) =>
  e.label ? `${intervalWords(e.interval)} (${e.label})` : intervalWords(e.interval);

const ref = (rule: Rule, asks: string): BaselineRuleRef => ({
  ruleId: rule.id,
  name: rule.name,
  asks,
  strength: rule.strength,
  citation: rule.citation,
});

/** The verdict over all days compared, and the day that decides the sentence. */
function verdictOf(results: readonly BaselineDay[]): {
  verdict: BaselineVerdict;
  decisive: BaselineDay | undefined;
} {
  if (results.every((r) => r.status === 'uncovered')) return { verdict: 'not-covered', decisive: results[0] };
  const bad = results.find(
    (r) => r.status === 'short' || r.status === 'uncovered' || r.status === 'agreement',
  );
  if (bad) return { verdict: 'falls-short', decisive: bad };
  const beyond = results.find((r) => r.status === 'beyond');
  if (beyond) return { verdict: 'goes-beyond', decisive: beyond };
  return { verdict: 'meets', decisive: results[0] };
}

const compareDue = (council: number, baseline: number): BaselineDay['status'] =>
  council < baseline ? 'beyond' : council > baseline ? 'short' : 'meets';

function intervalRows(base: RuleOf<'interval'>, policy: Policy, setting: Setting): BaselineRow[] {
  const candidates = policy.rules.filter(
    (r): r is RuleOf<'interval'> =>
      r.kind === 'interval' && r.subject === 'staff' && overlaps(r.counts, base.counts),
  );
  const rows: BaselineRow[] = [];
  for (const probe of setting.probes) {
    const baseOn = entryOn(base, setting, probe.view);
    const days = probe.days.filter((d) => baseOn(d) !== undefined);
    if (days.length === 0) continue;
    const councilOn = candidates.map((rule) => ({ rule, on: entryOn(rule, setting, probe.view) }));
    const used = new Map<RuleOf<'interval'>, Entry[]>();
    const baseUsed: Entry[] = [];
    const results = days.map((d): BaselineDay => {
      const b = baseOn(d)!;
      if (!baseUsed.includes(b)) baseUsed.push(b);
      const inForce = councilOn.flatMap(({ rule, on }) => {
        const e = on(d);
        return e ? [{ rule, e }] : [];
      });
      for (const { rule, e } of inForce) {
        const list = used.get(rule) ?? [];
        if (!list.includes(e)) list.push(e);
        used.set(rule, list);
      }
      if (inForce.length === 0) return { day: d, status: 'uncovered' };
      const dues = inForce.flatMap(({ rule, e }) =>
        'fromArrangement' in e.interval
          ? []
          : [{ id: rule.id, due: advanceBy(e.interval, setting.calendar)(d) }],
      );
      const fixed = dues.map((x) => x.due);
      // The rules that set the day: those with the earliest due date, or all in force when none is fixed.
      const earliest = Math.min(...fixed);
      const by = fixed.length
        ? dues.filter((x) => x.due === earliest).map((x) => x.id)
        : inForce.map(({ rule }) => rule.id);
      const agreed = b.interval;
      if ('fromArrangement' in agreed) {
        if (fixed.length > 0) return { day: d, status: 'beyond', council: Math.min(...fixed), by };
        const same = inForce.some(
          ({ e }) => 'fromArrangement' in e.interval && e.interval.fromArrangement === agreed.fromArrangement,
        );
        return { day: d, status: same ? 'meets' : 'uncovered', by };
      }
      const due = advanceBy(agreed, setting.calendar)(d);
      if (fixed.length === 0) return { day: d, status: 'agreement', baseline: due, by };
      const council = Math.min(...fixed);
      return { day: d, status: compareDue(council, due), council, baseline: due, by };
    });
    const council = [...used].map(([rule, entries]) => ref(rule, entries.map(entryWords).join('; ')));
    const related = relatedRules(
      policy,
      base,
      [...used.keys()].map((r) => r.id),
      setting,
      probe,
    );
    const baselineRef = ref(base, baseUsed.map(entryWords).join('; '));
    const { verdict, decisive } = verdictOf(results);
    rows.push({
      requirement: base.id,
      group: probe.group,
      verdict,
      baseline: baselineRef,
      council,
      related,
      explanation: baselineWording.interval(
        verdict,
        decisive,
        policy.id,
        probe.group,
        baselineRef,
        council,
        related,
      ),
    });
  }
  return rows;
}

/** Council rules about the same people and activity that carry no comparable number. */
function relatedRules(
  policy: Policy,
  base: Rule,
  matched: readonly string[],
  setting: Setting,
  probe: Probe,
): BaselineRuleRef[] {
  const test = holds(setting, probe.view);
  const out: BaselineRuleRef[] = [];
  for (const rule of policy.rules) {
    const applies = test(rule.when);
    const anyDay = probe.days.some(applies);
    if (
      rule.kind === 'untimed' &&
      base.kind === 'interval' &&
      rule.activity === base.activity &&
      rule.when !== undefined &&
      anyDay
    )
      out.push(ref(rule, 'no number'));
    else if (rule.kind === 'exception' && matched.includes(rule.modifies))
      out.push(
        ref(
          rule,
          `${describeDuration(rule.interval)} in place of ${rule.modifies}'s interval when its conditions hold`,
        ),
      );
    else if (
      rule.kind === 'minutes-per-period' &&
      base.kind === 'session-length' &&
      overlaps(rule.counts, base.counts) &&
      anyDay
    )
      out.push(
        ref(
          rule,
          `${rule.minimumMinutes} minutes ${rule.weeks === undefined ? `a ${rule.period.replace('-', ' ')}` : `each ${rule.weeks} weeks`} in total`,
        ),
      );
  }
  return out;
}

function lengthRows(rule: RuleOf<'session-length'>, policy: Policy, setting: Setting): BaselineRow[] {
  // Minimum lengths are compared; a rule of a maximum alone has none to compare.
  type WithMinimum = RuleOf<'session-length'> & { minimumMinutes: number };
  const hasMinimum = (r: RuleOf<'session-length'>): r is WithMinimum => r.minimumMinutes !== undefined;
  if (!hasMinimum(rule)) return [];
  const base = rule;
  const candidates = policy.rules.filter(
    (r): r is WithMinimum => r.kind === 'session-length' && hasMinimum(r) && overlaps(r.counts, base.counts),
  );
  const rows: BaselineRow[] = [];
  for (const probe of setting.probes) {
    const test = holds(setting, probe.view);
    const baseOn = test(base.when);
    const days = probe.days.filter(baseOn);
    if (days.length === 0) continue;
    const councilOn = candidates.map((rule) => ({ rule, on: test(rule.when) }));
    const used = new Set<WithMinimum>();
    const results = days.map((d): BaselineDay => {
      const inForce = councilOn.filter(({ on }) => on(d)).map(({ rule }) => rule);
      for (const r of inForce) used.add(r);
      if (inForce.length === 0) return { day: d, status: 'uncovered' };
      const minutes = Math.max(...inForce.map((r) => r.minimumMinutes));
      // A longer minimum goes beyond: compareDue reads a smaller number as stricter, so swap.
      return {
        day: d,
        status: compareDue(base.minimumMinutes, minutes),
        council: minutes,
        baseline: base.minimumMinutes,
      };
    });
    const council = [...used].map((r) => ref(r, `${r.minimumMinutes} minutes a session`));
    const related = relatedRules(policy, base, [], setting, probe);
    const baselineRef = ref(base, `${base.minimumMinutes} minutes a session`);
    const { verdict, decisive } = verdictOf(results);
    const explanation = baselineWording.length(
      verdict,
      decisive,
      policy.id,
      probe.group,
      baselineRef,
      base.minimumMinutes,
      council,
      related,
    );
    rows.push({
      requirement: base.id,
      group: probe.group,
      verdict,
      baseline: baselineRef,
      council,
      related,
      explanation,
    });
  }
  return rows;
}

type Deadline = RuleOf<'recording'>['deadline'];
const deadlineWords = (d: Deadline) =>
  'workingDays' in d
    ? `${d.workingDays} working day${d.workingDays === 1 ? '' : 's'}`
    : 'hours' in d
      ? `${d.hours} hours`
      : 'the same day';

/** The last day a record is due for a session on `day`: clock hours run to the end of the day they end in, the session taken at the end of its day. */
function recordDue(d: Deadline, on: number, calendar: WorkingCalendar): number {
  if ('workingDays' in d) return calendar.addWorkingDaysNum(on, d.workingDays);
  if ('hours' in d) return on + Math.ceil(d.hours / 24);
  return on;
}

function recordingRow(base: RuleOf<'recording'>, policy: Policy, setting: Setting): BaselineRow {
  const council = policy.rules.filter(
    (r): r is RuleOf<'recording'> =>
      r.kind === 'recording' &&
      r.records === base.records &&
      overlaps(r.counts, base.counts) &&
      (r.onlyIf === undefined || base.onlyIf !== undefined),
  );
  const days = setting.probes[0]!.days;
  const results = days.map((d): BaselineDay => {
    if (council.length === 0) return { day: d, status: 'uncovered' };
    const due = Math.min(...council.map((r) => recordDue(r.deadline, d, setting.calendar)));
    const b = recordDue(base.deadline, d, setting.calendar);
    return { day: d, status: compareDue(due, b), council: due, baseline: b };
  });
  const { verdict, decisive } = verdictOf(results);
  const refs = council.map((r) => ref(r, deadlineWords(r.deadline)));
  const explanation = baselineWording.recording(
    verdict,
    decisive,
    policy.id,
    base.records,
    ref(base, deadlineWords(base.deadline)),
    refs,
  );
  return {
    requirement: base.id,
    group: 'everyone',
    verdict,
    baseline: ref(base, deadlineWords(base.deadline)),
    council: refs,
    related: [],
    explanation,
  };
}
