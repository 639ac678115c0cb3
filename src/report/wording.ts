import { formatDayNumber } from '../calendar/index.js';
import type { Subject } from './types.js';

/**
 * Every sentence the report shows a team manager is built here, so the wording is consistent and
 * can be reviewed in one place. Dates read like "Mon 28 Jul 2025".
 */
export const d = (day: number): string => formatDayNumber(day);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function who(subject: Subject): string {
  if (subject.type === 'staff') return subject.id;
  return `${subject.type} ${subject.id}`;
}

/** `S1's 4-weekly supervision`. */
export function whose(subject: Subject, what: string): string {
  return cap(`${who(subject)}'s ${what}`);
}

/** A sentence starts with a capital: "Case C1's …". */
export const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const sentences = {
  daysLate: (n: number) => plural(n, 'day') + ' late',
  /** "28 days after Mon 30 Jun 2025" */
  intervalLate: (s: Subject, what: string, due: number, basis: string, met: number) =>
    `${whose(s, what)} was due by ${d(due)} (${basis}); it took place on ${d(met)}, ${wording.daysLate(met - due)}.`,
  intervalMissed: (
    s: Subject,
    what: string,
    due: number,
    basis: string,
    until: number,
    closed: string | null,
  ) =>
    closed === null
      ? `${whose(s, what)} was due by ${d(due)} (${basis}) and has not taken place: ${plural(until - due, 'day')} overdue.`
      : `${whose(s, what)} was due by ${d(due)} (${basis}) and had not taken place by ${d(until - 1)}, when the rule stopped applying (${closed}): ${plural(until - due, 'day')} late.`,
  obligation: (s: Subject, what: string, due: number, basis: string, asOf: number) =>
    due < asOf
      ? `${whose(s, what)} is overdue: it was due by ${d(due)} (${basis}).`
      : `${whose(s, what)} is next due by ${d(due)} (${basis}).`,
  /** `due`: {@link recordDue}'s words. */
  recordLate: (due: string, recorded: string, late: string) =>
    `${due}; it was recorded ${recorded}, ${late}.`,
  recordMissing: (due: string, days: number) =>
    `${due} and has not been recorded: ${plural(days, 'day')} overdue.`,
  tooShort: (s: Subject, what: string, period: string, held: number, min: number) =>
    `${whose(s, what)} in ${period} came to ${plural(held, 'minute')}, ${plural(min - held, 'minute')} short of the ${plural(min, 'minute')} expected.`,
  sessionTooShort: (s: Subject, what: string, day: number, held: number, min: number) =>
    `${whose(s, what)} on ${d(day)} lasted ${plural(held, 'minute')}, under the ${plural(min, 'minute')} expected (it still counts).`,
  sessionTooLong: (s: Subject, what: string, day: number, held: number, max: number) =>
    `${whose(s, what)} on ${d(day)} lasted ${plural(held, 'minute')}, over the ${plural(max, 'minute')} at most expected (it still counts).`,
  tooFew: (s: Subject, what: string, period: string, held: number, min: number) =>
    `${whose(s, what)} in ${period}: ${held} held of the ${min} required.`,
};

/** The start of a record's breach sentence: "The case supervision record of … for case C1 was due by … (…)". */
export const recordDue = (s: Subject, what: string, deadline: string, basis: string): string =>
  `The ${what} for ${who(s)} was due by ${deadline} (${basis})`;

/**
 * A template literal gives V8 a tree of the pieces joined (a "cons string"); reading one character
 * joins them into one flat string. A report keeps every sentence, and flat ones take about a quarter
 * of the memory (York, 10% bench council: report 41.5 MB with the trees, 11.1 MB flat).
 */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

type Sentences = typeof sentences;
/** The sentences of the report, each returned as one flat string. */
export const wording = Object.fromEntries(
  Object.entries(sentences).map(([name, sentence]) => [
    name,
    (...args: never[]) => flat((sentence as (...a: never[]) => string)(...args)),
  ]),
) as Sentences;

/** "Mon 25 Aug 2025 Summer bank holiday (bank holiday)" lists, weekends summed up. */
export function skippedPhrase(labels: readonly { reason: string; label: string }[]): string {
  const named = labels.filter((l) => l.reason !== 'weekend').map((l) => l.label);
  const weekends = labels.length - named.length;
  const parts = [...named];
  if (weekends > 0) parts.push(plural(weekends, 'weekend day'));
  return parts.length === 0 ? '' : `skipping ${parts.join(', ')}`;
}
