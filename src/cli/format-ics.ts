import ical from 'ical-generator';
import { toDayNumber } from '../calendar/index.js';
import type { Obligation, Report } from '../report/types.js';

/** What the calendar needs beyond the report. */
export interface IcsOptions {
  /** The policy evaluated: its council and rule names for the text, its rules' strengths for ADVISORY. */
  policy?: {
    readonly council?: string;
    readonly rules: readonly {
      readonly id: string;
      readonly name?: string;
      readonly strength: string;
      /** Why the rule's reading bends the policy's text (shown with an approximate obligation). */
      readonly approximate?: string | undefined;
    }[];
  };
  /** Staff names by id (the history's `staff[].name`). */
  names?: ReadonlyMap<string, string>;
}

const DAY_MS = 86_400_000;
const utcMidnight = (date: string, plusDays = 0) => new Date((toDayNumber(date) + plusDays) * DAY_MS);
/** Day number of the first date the calendar takes, so that SEQUENCE is never negative. */
const FIRST_DAY = toDayNumber('1000-01-01');
const SUBJECT_WORD = { staff: 'Worker', case: 'Case', team: 'Team' } as const;

/**
 * The event's UID, the same in every export for the same obligation cycle: the policy, rule,
 * activity and subject, and the cycle's start (`lastMetOn`, the last session that met the rule, or
 * `first` before any). A due date that moves within a cycle (an absence, an interval change, a
 * closure day) keeps the UID, so a re-import moves the event instead of adding one; a session held
 * starts a new cycle and a new event. Each part is percent-encoded, so no id can break the line.
 */
export function obligationUid(report: Report, o: Obligation): string {
  const parts = [
    report.policy.id,
    o.ruleId,
    o.activity,
    o.subject.type,
    o.subject.id,
    o.lastMetOn ?? 'first',
  ];
  return `${parts.map(encodeURIComponent).join('/')}@supervision-rules`;
}

/**
 * The report's obligations (what is due next, overdue ones included) as an iCalendar file: one
 * all-day event on each due date, its summary naming who and what (OVERDUE or ADVISORY in words
 * where they apply, and APPROXIMATE for a rule whose reading bends the policy's text), its
 * description the plain sentence, the rule and the policy's own words (and why a reading is
 * approximate). A calendar holds obligations only, never breaches, so a too-long session's excess is
 * not in it.
 * Deterministic for one report: the time stamp is `asOf`, and SEQUENCE is the number of days from 1000-01-01 to `asOf`,
 * so an export made later supersedes an earlier one in calendars that compare sequences.
 *
 * @example
 * writeFileSync('due.ics', reportToIcs(evaluate('york', history, { asOf: '2025-12-01' })));
 */
export function reportToIcs(report: Report, options: IcsOptions = {}): string {
  const p = report.policy;
  const council = options.policy?.council;
  const rules = new Map((options.policy?.rules ?? []).map((r) => [r.id, r]));
  const calendar = ical({
    name: `Supervision due dates: ${council ?? p.name} (${p.id})`,
    description: `${council ? `${council}, ` : ''}${p.name}, version ${p.version}; as of ${report.asOf}`,
    prodId: { company: 'supervision-rules', product: 'supervision-rules', language: 'EN' },
  });
  const stamp = utcMidnight(report.asOf);
  const sequence = toDayNumber(report.asOf) - FIRST_DAY;
  const seen = new Map<string, number>();
  for (const o of report.obligations) {
    let uid = obligationUid(report, o);
    // Two obligations alike in every part of the UID (rare) are told apart by their order.
    const n = (seen.get(uid) ?? 0) + 1;
    seen.set(uid, n);
    if (n > 1) uid = uid.replace('@', `/${n}@`);
    const rule = rules.get(o.ruleId);
    const name = o.subject.type === 'staff' ? options.names?.get(o.subject.id) : undefined;
    const who = `${SUBJECT_WORD[o.subject.type]} ${o.subject.id}${name === undefined ? '' : ` (${name})`}`;
    const flags = [
      ...(o.status === 'overdue' ? ['OVERDUE'] : []),
      ...(rule?.strength === 'advisory' ? ['ADVISORY'] : []),
      ...(o.confidence === 'approximate' ? ['APPROXIMATE'] : []),
    ];
    const c = o.citation;
    calendar.createEvent({
      id: uid,
      start: utcMidnight(o.dueOn),
      end: utcMidnight(o.dueOn, 1),
      allDay: true,
      stamp,
      sequence,
      summary: `${flags.length > 0 ? `${flags.join(' ')}: ` : ''}${who}: ${rule?.name ?? o.activity} due (${o.ruleId})`,
      description: [
        o.explanation,
        '',
        `Rule ${o.ruleId}${rule?.name ? ` (${rule.name})` : ''}, ${council ? `${council}, ` : ''}${p.name}, version ${p.version}.`,
        `Policy text, section ${c.section}: "${c.quote}" (${c.source})`,
        ...(o.confidence === 'approximate'
          ? [
              `Approximate: the rule reads the policy's text only approximately${rule?.approximate ? ` (${rule.approximate})` : ''}.`,
            ]
          : []),
        `As of ${report.asOf}${o.lastMetOn ? `; last met ${o.lastMetOn}` : ''}.`,
      ].join('\n'),
    });
  }
  // RFC 5545 ends every line, the last one too, with CRLF; ical-generator leaves the last one bare.
  const out = calendar.toString();
  return out.endsWith('\r\n') ? out : `${out}\r\n`;
}
