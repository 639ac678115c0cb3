import { londonWallTime } from '../calendar/clock.js';
import { civilFromDays, formatDayNumber, instantToEpochMs, toDayNumber } from '../calendar/index.js';
import type {
  Basis,
  Breach,
  Closure,
  CountedFrom,
  Duration,
  FteShare,
  Interval,
  NonWorkingDay,
  Obligation,
  PeriodBasis,
  RecordBasis,
  Subject,
} from './types.js';

/**
 * Every sentence the report shows a team manager is built here, from a finding's fields and its
 * `basis`, so the wording is consistent and can be reviewed in one place (docs/report.md,
 * Explanation). Dates read like "Mon 28 Jul 2025", times like "at 13:30" (London); brackets never
 * nest; a rule's name that is a plural noun ("supervision notes") takes a plural verb.
 */
export const d = (day: number): string => formatDayNumber(day);
/** An ISO date (`YYYY-MM-DD`) as "Mon 28 Jul 2025". */
const day = (iso: string): string => formatDayNumber(toDayNumber(iso));
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export function who(subject: Subject): string {
  if (subject.type === 'staff') return subject.id;
  return `${subject.type} ${subject.id}`;
}

/** `S1's 4-weekly supervision`. */
export function whose(subject: Subject, what: string): string {
  return cap(`${who(subject)}'s ${what}`);
}

/** A sentence starts with a capital: "Case C1's …" (ASCII read by its code: "S1's …" is not copied). */
export const cap = (s: string): string => {
  const first = s.charCodeAt(0);
  if (first < 128 && (first < 97 || first > 122)) return s;
  return s.charAt(0).toUpperCase() + s.slice(1);
};

/**
 * Whether a rule's name is a plural noun ("case supervision notes", "probation reviews"): its last
 * word ends in a single "s" ("-ss", "-us", "-is" are singular: "progress", "focus", "analysis").
 */
export function isPlural(name: string): boolean {
  // The head noun ends the words before a qualifier: "supervision every 4 shifts", "hours of supervision".
  const words = name.trim().split(/\s+/);
  const stop = words.findIndex((w, i) => i > 0 && QUALIFIERS.has(w.toLowerCase()));
  const last = (stop === -1 ? words : words.slice(0, stop)).pop() ?? '';
  return /[^sui]s$/i.test(last);
}
const QUALIFIERS = new Set([
  'every',
  'each',
  'of',
  'in',
  'for',
  'after',
  'with',
  'within',
  'per',
  'by',
  'on',
]);

/** Each unit of a duration, in words: one, many. */
const UNIT_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  days: ['day', 'days'],
  weeks: ['week', 'weeks'],
  months: ['month', 'months'],
  workingDays: ['working day', 'working days'],
};

/** "28 days", "2 weeks", "1 month", "25 working days": the duration's first unit given. */
export function describeDuration(duration: Duration): string {
  for (const unit of Object.keys(duration)) {
    const n = (duration as Record<string, number | undefined>)[unit];
    if (n === undefined) continue;
    const [one, many] = UNIT_WORDS[unit]!;
    return count(n, one, many);
  }
  throw new TypeError('A duration gives one of days, weeks, months or workingDays');
}

/**
 * A time span in words, largest units first, zero parts left out: "3 days 1 hour", "1 hour
 * 15 minutes", "2 minutes". Under a minute is "under a minute" (a record a second late is late).
 */
export function describeSpan(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const parts = [
    days > 0 ? count(days, 'day') : '',
    hours > 0 ? count(hours, 'hour') : '',
    minutes % 60 > 0 ? count(minutes % 60, 'minute') : '',
  ];
  return parts.filter((p) => p !== '').join(' ');
}

/** An instant as "Mon 12 May 2025 at 13:30" (London), a date as "Mon 12 May 2025". */
export function when(dateOrInstant: string): string {
  if (dateOrInstant.length === 10) return day(dateOrInstant);
  // The instant worded last, kept: a session's children, and its rules, word its record's time one after another.
  if (dateOrInstant === lastInstant) return lastWhen;
  const { day: n, time } = londonWallTime(dateOrInstant);
  lastWhen = flat(`${d(n)} at ${time}`);
  lastInstant = dateOrInstant;
  return lastWhen;
}
let lastInstant = '';
let lastWhen = '';

/** "Mon 25 Aug 2025 Summer bank holiday, 2 weekend days": bank holidays and closures by name, weekends counted. */
export function skippedWords(skipped: readonly NonWorkingDay[]): string {
  const named = skipped
    .filter((s) => s.reason !== 'weekend')
    .map((s) => `${day(s.date)} ${s.reason === 'closure' ? 'council closure' : holiday(s.name ?? '')}`);
  const weekends = skipped.length - named.length;
  if (weekends > 0) named.push(count(weekends, 'weekend day'));
  return named.length === 0 ? '' : `skipping ${named.join(', ')}`;
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st … */
const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
};

/** "Good Friday bank holiday"; "Spring bank holiday" as it is. */
const holiday = (name: string) => (/bank holiday$/i.test(name) ? name : `${name} bank holiday`);

function intervalWords(i: Interval): string {
  const every = describeDuration(i.every);
  let words =
    i.arrangement === 'agreed-interval'
      ? `the agreed ${every}`
      : i.arrangement === 'performance-plan'
        ? `the performance plan's ${every}`
        : every;
  if (i.via !== undefined) words += `, as extended under ${i.via},`;
  if (i.agreedUnder !== undefined)
    return `the ${every} agreed under ${i.agreedUnder.section}, "${i.agreedUnder.quote}",`;
  return words;
}

/** Which of "1 month, or the agreed 6 weeks if sooner" applied, after the day counted from. */
function soonerWords(i: Interval): string {
  if (i.orAgreed === undefined) return '';
  const agreed = describeDuration(i.orAgreed);
  if (i.sooner === 'agreed') return `, the agreed ${agreed} being sooner than ${describeDuration(i.every)}`;
  if (i.sooner === 'same') return `, the same day as the agreed ${agreed}`;
  return `, sooner than the agreed ${agreed}`;
}

function fromWords(from: CountedFrom): string {
  const on = day(from.on);
  switch (from.reason) {
    case 'last-session':
      return on;
    case 'rule-began':
      return `the rule began to apply on ${on}`;
    case 'version-took-effect':
      return `version ${from.version} took effect on ${on}`;
    case 'records-began':
      return `records begin on ${on}`;
    case 'policy-took-effect':
      return `the policy took effect on ${on}`;
    case 'started':
      return `${from.staffId} started on ${on}`;
    case 'started-in-role':
      return `${from.staffId} started in role on ${on}`;
    case 'asye-began':
      return `${from.staffId}'s ASYE began on ${on}`;
    case 'supervision-began':
      return `supervision by ${from.supervisorId} began on ${on}`;
    case 'allocated':
      return `allocation to ${from.workerId} on ${on}`;
    case 'cancelled':
      return `the session cancelled on ${on}`;
    case 'event':
      return `the ${from.eventType} on ${on}`;
    case 'episode-began':
      return `the ${from.episode} episode began on ${on}`;
  }
}

function closureWords(c: Closure): string {
  switch (c.reason) {
    case 'left':
      return `${c.staffId} left`;
    case 'absence-began':
      return `${c.staffId}'s absence began`;
    case 'case-closed':
      return `case ${c.caseId} closed`;
    case 'supervision-ended':
      return `supervision by ${c.supervisorId} ended`;
    case 'case-moved':
      return `the case left ${c.workerId}`;
    case 'next-event':
      return `the next ${c.eventType} took place`;
    case 'episode-ended':
      return `the ${c.episode} episode ended`;
    case 'rule-dropped':
      return c.version === undefined
        ? `the policy version of ${day(c.on)} dropped this rule`
        : `version ${c.version} of the policy took effect without this rule`;
    case 'conditions-ended':
      return 'its conditions no longer held';
  }
}

/** How a date was worked out, for the brackets after it: "1 month after Mon 30 Jun 2025". */
export function basisWords(b: Basis): string {
  switch (b.kind) {
    case 'interval': {
      let words = `${intervalWords(b.interval)} after ${fromWords(b.from)}${soonerWords(b.interval)}`;
      if (b.skipped !== undefined && b.skipped.length > 0) words += `, ${skippedWords(b.skipped)}`;
      for (const c of b.changes ?? [])
        words += `; then ${day(c.dueBy)}, since the interval became ${intervalWords(c.interval)}${c.interval.orAgreed ? `, or the agreed ${describeDuration(c.interval.orAgreed)} if sooner,` : ''}${c.interval.phase ? ` under "${c.interval.phase}"` : ''} on ${day(c.on)}${c.version === undefined ? '' : ` under version ${c.version}`}`;
      if (b.breach !== undefined) words += `, and a breach once nothing was held by ${day(b.breach.on)}`;
      return words;
    }
    case 'within':
      return `${describeDuration(b.within)} after ${fromWords(b.from)}`;
    case 'shifts':
      return b.from.reason === 'last-session'
        ? `the ${ordinal(b.every)} shift worked after ${day(b.from.on)}`
        : `the ${ordinal(b.every)} shift worked from ${day(b.from.on)}`;
    case 'by-first':
      return `by the first ${b.session.type} after ${fromWords(b.from)}`;
    case 'before-date': {
      const target =
        'review' in b.target
          ? `the review on ${day(b.target.on)}`
          : `${day(b.target.on)}, ${describeDuration(b.target.after)} after ${fromWords(b.from)}`;
      return `${describeDuration(b.lead)} before ${target}; discussions count from ${day(b.countsFrom)}`;
    }
    case 'record': {
      const on = day(b.session.on);
      if ('workingDays' in b.within) {
        const skipped = b.skipped !== undefined ? skippedWords(b.skipped) : '';
        return `${count(b.within.workingDays, 'working day')} after ${on}${skipped ? `, ${skipped}` : ''}`;
      }
      if ('hours' in b.within)
        return b.session.start === undefined
          ? `${b.within.hours} hours after the session on ${on}; with no start time, by the end of ${day(b.deadline)}`
          : `${b.within.hours} hours after the session began on ${when(b.session.start)}`;
      return 'the same day as the session';
    }
    case 'period':
      return periodWords(b);
    case 'session':
      return `the session on ${day(b.session.on)}`;
  }
}

function periodWords(b: PeriodBasis): string {
  const { from, to, of } = b.period;
  if (of === 'calendar-month') {
    const { year, month } = civilFromDays(toDayNumber(from));
    return `in ${MONTHS[month - 1]} ${year}`;
  }
  if (of === 'review-period') return `from ${day(from)} to ${day(to)}, between two reviews`;
  if (b.period.weeks !== undefined) return `in the ${b.period.weeks} weeks ${day(from)} to ${day(to)}`;
  return `in the ${of} ${day(from)} to ${day(to)}`;
}

/** ", pro rata: 90 minutes at fte 0.6" */
const fteWords = (share: FteShare | undefined) =>
  share === undefined ? '' : `, pro rata: ${count(share.minimum, 'minute')} at fte ${share.fte}`;

interface Verbs {
  readonly is: string;
  readonly was: string;
  readonly has: string;
  readonly it: string;
}
const PLURAL: Verbs = { is: 'are', was: 'were', has: 'have', it: 'they' };
const SINGULAR: Verbs = { is: 'is', was: 'was', has: 'has', it: 'it' };
/** Each name's verbs, worked out on first use: a policy's rules have few names, used for every finding. */
const verbsByName = new Map<string, Verbs>();

/** "is"/"are", "was"/"were", "has"/"have", "it"/"they" for a rule's name. */
const verbs = (name: string): Verbs => {
  let v = verbsByName.get(name);
  if (v === undefined) {
    v = isPlural(name) ? PLURAL : SINGULAR;
    // Names come from policies and a duration before a milestone's: a bound keeps a long-lived process's map small.
    if (verbsByName.size >= 1000) verbsByName.clear();
    verbsByName.set(name, v);
  }
  return v;
};

const daysLate = (n: number) => `${count(n, 'day')} late`;

/** What is due, in a sentence (docs/report.md, Explanation): `name` is the rule's. */
export function explainObligation(name: string, o: Obligation): string {
  const b = o.basis;
  if (b.kind === 'period') {
    const more = b.required - b.held;
    return `${whose(o.subject, name)} ${periodWords(b)}: ${heldOf(b)}; ${more} more due by ${day(o.dueOn)}.`;
  }
  const what = b.kind === 'within' && b.milestone ? `${describeDuration(b.within)} ${name}` : name;
  const v = verbs(what);
  return o.status === 'overdue'
    ? `${whose(o.subject, what)} ${v.is} overdue: ${v.it} ${v.was} due by ${day(o.dueOn)} (${basisWords(b)}).`
    : `${whose(o.subject, what)} ${v.is} next due by ${day(o.dueOn)} (${basisWords(b)}).`;
}

function heldOf(b: PeriodBasis): string {
  const pro =
    b.proRata === undefined
      ? ''
      : `, pro rata from ${b.proRata.minimum} for ${b.proRata.days} of ${b.proRata.of} days`;
  return `${b.held} held of the ${b.required} required${pro}`;
}

/** What went wrong, in a sentence (docs/report.md, Explanation): `name` is the rule's. */
export function explainBreach(name: string, x: Breach): string {
  const b = x.basis;
  switch (b.kind) {
    case 'record':
      return recordSentence(name, x, b);
    case 'period':
      if (b.unit === 'minutes')
        return `${whose(x.subject, name)} ${periodWords(b)} came to ${count(b.held, 'minute')}, ${count(b.required - b.held, 'minute')} short of the ${count(b.required, 'minute')} expected${fteWords(b.fte)}.`;
      return `${whose(x.subject, name)} ${periodWords(b)}: ${heldOf(b)}.`;
    case 'session': {
      const limit = b.minimum !== undefined && b.minutes < b.minimum;
      const expected = limit
        ? `under the ${b.agreed ? 'agreed ' : ''}${count(b.minimum!, 'minute')} expected${fteWords(b.fte)}`
        : `over the ${count(b.maximum!, 'minute')} at most expected`;
      return `${whose(x.subject, name)} on ${day(b.session.on)} lasted ${count(b.minutes, 'minute')}, ${expected}; it still counts.`;
    }
    default: {
      const what = b.kind === 'within' && b.milestone ? `${describeDuration(b.within)} ${name}` : name;
      const v = verbs(what);
      const due = `${whose(x.subject, what)} ${v.was} due by ${day(x.dueOn)} (${basisWords(b)})`;
      if (x.metOn !== null) return `${due}; ${v.it} took place on ${day(x.metOn)}, ${daysLate(x.daysLate)}.`;
      if (b.closed === undefined)
        return `${due} and ${v.has} not taken place: ${count(x.daysLate, 'day')} overdue.`;
      const lastDay = d(toDayNumber(x.dueOn) + x.daysLate - 1);
      return `${due} and had not taken place by ${lastDay}, when the rule stopped applying as ${closureWords(b.closed)}: ${daysLate(x.daysLate)}.`;
    }
  }
}

/** "The case supervision notes of one-to-one E1 on Tue 3 Jun 2025 for case C1 were due by …". */
function recordSentence(name: string, x: Breach, b: RecordBasis): string {
  const v = verbs(name);
  return recordWords(name, v, x, b, recordOn(b), recordDue(v, b));
}

/** " on Tue 3 Jun 2025 for ": the session's day, between the event and the subject. */
const recordOn = (b: RecordBasis) => ` on ${day(b.session.on)} for `;

/** " were due by Thu 5 Jun 2025 (2 working days after Tue 3 Jun 2025)": the same for every breach of one basis. */
const recordDue = (v: Verbs, b: RecordBasis) => ` ${v.was} due by ${when(b.deadline)} (${basisWords(b)})`;

/** A record's sentence from its pieces that depend on the basis alone (`on`, `due`). */
function recordWords(name: string, v: Verbs, x: Breach, b: RecordBasis, on: string, due: string): string {
  const start = `The ${name} of ${b.session.type} ${x.eventId}${on}${who(x.subject)}${due}`;
  if (b.recordedAt === undefined)
    return `${start} and ${v.has} not been recorded: ${count(x.daysLate, 'day')} overdue.`;
  const byClock = b.deadline.length > 10 && b.recordedAt.length > 10;
  const late = byClock
    ? `${describeSpan(instantToEpochMs(b.recordedAt) - instantToEpochMs(b.deadline))} late`
    : daysLate(x.daysLate);
  return `${start}; ${v.it} ${v.was} recorded on ${when(b.recordedAt)}, ${late}.`;
}

/** A record basis's words, kept by its session object (`breachExplainer`). */
interface RecordPieces {
  readonly within: RecordBasis['within'];
  readonly deadline: string;
  readonly skipped: readonly NonWorkingDay[] | undefined;
  readonly on: string;
  readonly due: string;
}

/**
 * {@link explainBreach} for the breaches of one rule (named `name`), made one after another: the same
 * sentences, with the rule's verbs worked out once and a record basis's words ({@link recordDue})
 * kept for the next breach of the same basis (the same `session`, `within` and `skipped` objects and
 * `deadline`), which the breaches of one session's children, and of one day's sessions, share. The
 * bases must not change while it is in use.
 */
export function breachExplainer(name: string): (x: Breach) => string {
  const v = verbs(name);
  const kept = new Map<RecordBasis['session'], RecordPieces>();
  return (x) => {
    const b = x.basis;
    if (b.kind !== 'record') return explainBreach(name, x);
    let pieces = kept.get(b.session);
    if (
      pieces === undefined ||
      pieces.within !== b.within ||
      pieces.deadline !== b.deadline ||
      pieces.skipped !== b.skipped
    ) {
      pieces = {
        within: b.within,
        deadline: b.deadline,
        skipped: b.skipped,
        on: flat(recordOn(b)),
        due: flat(recordDue(v, b)),
      };
      kept.set(b.session, pieces);
    }
    return recordWords(name, v, x, b, pieces.on, pieces.due);
  };
}

/** Why a rule cannot be judged for a subject (words: {@link reasonOf}). */
export type Unknowable =
  | { why: 'no-arrangement'; arrangement: string }
  | { why: 'no-review-dates' }
  | { why: 'no-line-manager' }
  | { why: 'no-shifts'; every: number }
  | {
      why: 'minutes-unknown';
      periods: number;
      period: 'week' | 'calendar-month';
      minimum: number;
      weeks?: number | undefined;
    }
  | {
      why: 'no-duration';
      eventId: string;
      on: string;
      minimum?: number | undefined;
      maximum?: number | undefined;
      agreed: boolean;
      fte?: FteShare | undefined;
    };

/** Why a rule cannot be judged for a subject, in a sentence (`notEvaluable[].reason`); `ruleName` is the rule's. */
export function reasonOf(subject: Subject, u: Unknowable, ruleName: string): string {
  switch (u.why) {
    case 'no-arrangement':
      return `${who(subject)} has no ${u.arrangement.replace(/-/g, ' ')} recorded, and the policy sets no default interval for ${ruleName}`;
    case 'no-review-dates':
      return `${who(subject)} has no review dates, so its review periods are unknown`;
    case 'no-shifts':
      return `${who(subject)} has no shifts in the history (staff shifts), so when a session is due every ${u.every} shifts worked is unknown`;
    case 'no-line-manager':
      return `${subject.id} has no lineManagerId, so which sessions their line manager gave is unknown`;
    case 'minutes-unknown':
      return `${count(u.periods, u.period === 'calendar-month' ? 'month' : u.weeks === undefined ? 'week' : `${u.weeks}-week span`)} of ${who(subject)}'s sessions came to under ${u.minimum} minutes, but some sessions have no durationMinutes, so the total is unknown`;
    case 'no-duration': {
      const limits = [
        ...(u.minimum === undefined ? [] : [`the ${u.minimum} minutes`]),
        ...(u.maximum === undefined ? [] : [`at most ${u.maximum} minutes`]),
      ].join(' and ');
      return `${who(subject)}'s session ${u.eventId} on ${day(u.on)} has no durationMinutes, so whether it lasted ${limits} of ${u.agreed ? `${ruleName} (as agreed)` : ruleName}${fteWords(u.fte)} is unknown`;
    }
  }
}

/**
 * A template literal gives V8 a tree of the pieces joined (a "cons string"); reading one character
 * joins them into one flat string. A report keeps every sentence, and flat ones take about a quarter
 * of the memory (York, 10% bench council: report 41.5 MB with the trees, 11.1 MB flat).
 */
export function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}
