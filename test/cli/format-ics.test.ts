import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportToIcs } from '../../src/cli/format-ics.js';
import { evaluate } from '../../src/front-door.js';
import { getPolicy } from '../../src/policies.js';
import { staffNames } from '../../src/report/needs-action.js';

/** The events of an iCalendar text: lines unfolded (RFC 5545 §3.1), each event's properties by name. */
function parseIcs(text: string): { calendar: Map<string, string>; events: Map<string, string>[] } {
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .slice(0, -1);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  const calendar = new Map<string, string>();
  const events: Map<string, string>[] = [];
  let current: Map<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = new Map();
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else {
      const colon = line.indexOf(':');
      expect(colon, line).toBeGreaterThan(0);
      (current ?? calendar).set(line.slice(0, colon), line.slice(colon + 1));
    }
  }
  return { calendar, events };
}
/** A TEXT value as written (RFC 5545 §3.3.11), unescaped. */
const text = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

const york = getPolicy('york');
const worker = { id: 'S1', role: 'social-worker', startDate: '2018-01-08', qualifiedDate: '2017-07-01' };
const session = (id: string, date: string) => ({
  id,
  type: 'one-to-one',
  date,
  superviseeId: 'S1',
  recordedAt: date,
});
const ics = (history: unknown, asOf: string) =>
  parseIcs(
    reportToIcs(evaluate(york, history, { asOf }), { policy: york, names: new Map([['S1', 'Sara Patel']]) }),
  );

describe('--format ics', () => {
  // YRK-2 (4-weekly): last 1:1 Mon 2 Jun 2025, so due Mon 30 Jun (2 Jun + 28 days).
  const before = { recordsFrom: '2025-06-01', staff: [worker], events: [session('E1', '2025-06-02')] };

  it('one all-day event per obligation, on its due date, with the sentence, the rule and the policy’s words', () => {
    const report = evaluate(york, before, { asOf: '2025-06-15' });
    const { calendar, events } = ics(before, '2025-06-15');
    expect(events).toHaveLength(report.obligations.length);
    expect(text(calendar.get('X-WR-CALNAME')!)).toBe(
      "Supervision due dates: City of York Council, Children's Social Care (york)",
    );
    const e = events.find((x) => x.get('UID')!.startsWith('york/YRK-2/'))!;
    expect(e.get('UID')).toBe('york/YRK-2/one-to-one/staff/S1/2025-06-02@supervision-rules');
    expect(e.get('DTSTART;VALUE=DATE')).toBe('20250630');
    expect(e.get('DTEND;VALUE=DATE')).toBe('20250701'); // exclusive: the one day 30 Jun
    expect(e.get('X-MICROSOFT-CDO-ALLDAYEVENT')).toBe('TRUE');
    expect(text(e.get('SUMMARY')!)).toBe('Worker S1 (Sara Patel): 4-weekly supervision due (YRK-2)');
    const description = text(e.get('DESCRIPTION')!);
    // The obligation's own sentence (its words: test/report/wording.test.ts).
    const yrk2 = report.obligations.find((o) => o.ruleId === 'YRK-2' && o.subject.id === 'S1')!;
    expect(yrk2.dueOn).toBe('2025-06-30');
    expect(description).toContain(yrk2.explanation);
    expect(description).toContain('Rule YRK-2 (4-weekly supervision)');
    expect(description).toContain(
      'section 1. Frequency of supervision: "Social Workers with 1 year (plus) experience 4 weekly"',
    );
  });

  it('keeps each UID when the due date moves within a cycle, so a re-import updates the event', () => {
    // An absence (10–20 Jun, 11 days) recorded later moves the due date from 30 Jun to 19 Jul; the
    // last session is still 2 Jun, so the UID stays; so it does on another asOf in the same cycle.
    const absent = structuredClone(before) as typeof before & { staff: Record<string, unknown>[] };
    absent.staff[0]!.absences = [{ from: '2025-06-10', to: '2025-06-20', reason: 'sickness' }];
    const first = ics(before, '2025-06-15').events;
    const later = ics(absent, '2025-06-25').events;
    const yrk2 = (events: Map<string, string>[]) =>
      events.find((x) => x.get('UID')!.startsWith('york/YRK-2/'))!;
    expect(yrk2(first).get('DTSTART;VALUE=DATE')).toBe('20250630');
    expect(yrk2(later).get('DTSTART;VALUE=DATE')).toBe('20250719');
    expect(later.map((e) => e.get('UID')).sort()).toEqual(first.map((e) => e.get('UID')).sort());
    // A later export supersedes: SEQUENCE grows with asOf (10 days later, 10 more).
    expect(Number(yrk2(later).get('SEQUENCE')) - Number(yrk2(first).get('SEQUENCE'))).toBe(10);
    // The same inputs give the same file, byte for byte (DTSTAMP is asOf, not the clock).
    expect(reportToIcs(evaluate(york, before, { asOf: '2025-06-15' }), { policy: york })).toBe(
      reportToIcs(evaluate(york, before, { asOf: '2025-06-15' }), { policy: york }),
    );
  });

  it('starts a new event when a session starts a new cycle', () => {
    const after = { ...before, events: [...before.events, session('E2', '2025-06-27')] };
    const uid = ics(after, '2025-07-01').events.find((x) => x.get('UID')!.startsWith('york/YRK-2/'))!;
    expect(uid.get('UID')).toBe('york/YRK-2/one-to-one/staff/S1/2025-06-27@supervision-rules');
    expect(uid.get('DTSTART;VALUE=DATE')).toBe('20250725'); // 27 Jun + 28 days
  });

  it('marks what is overdue or advisory in words, and escapes what the input holds', () => {
    // Last 1:1 2 Jun: by 15 Jul the YRK-2 due date (30 Jun) has passed.
    const odd = {
      recordsFrom: '2025-06-01',
      staff: [{ ...worker, id: 'S;1,\\x' }],
      events: [{ ...session('E1', '2025-06-02'), superviseeId: 'S;1,\\x' }],
    };
    const { events } = parseIcs(reportToIcs(evaluate(york, odd, { asOf: '2025-07-15' }), { policy: york }));
    const e = events.find((x) => x.get('UID')!.startsWith('york/YRK-2/'))!;
    expect(e.get('UID')).toBe('york/YRK-2/one-to-one/staff/S%3B1%2C%5Cx/2025-06-02@supervision-rules');
    expect(text(e.get('SUMMARY')!)).toBe('OVERDUE: Worker S;1,\\x: 4-weekly supervision due (YRK-2)');
  });

  it('marks an advisory rule’s due date ADVISORY (Derby DER-3: weekly in the first month in role)', () => {
    // S2 starts Mon 2 Jun 2025 with a 1:1 that day: DER-3 (advisory) is next due Mon 9 Jun.
    const derby = getPolicy('derby');
    const input = {
      recordsFrom: '2025-06-01',
      staff: [{ ...worker, id: 'S2', startDate: '2025-06-02' }],
      events: [{ ...session('E1', '2025-06-02'), superviseeId: 'S2' }],
    };
    const { events } = parseIcs(
      reportToIcs(evaluate(derby, input, { asOf: '2025-06-04' }), { policy: derby }),
    );
    const e = events.find((x) => x.get('UID')!.startsWith('derby/DER-3/'))!;
    expect(e.get('DTSTART;VALUE=DATE')).toBe('20250609');
    expect(text(e.get('SUMMARY')!)).toBe(
      'ADVISORY: Worker S2: weekly supervision for staff new to the role due (DER-3)',
    );
  });

  it('the example team: one event per obligation, every UID distinct', () => {
    const example = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../fixtures/example/history.json'), 'utf8'),
    );
    const report = evaluate(york, example, { asOf: '2025-12-01' });
    const { events } = parseIcs(reportToIcs(report, { policy: york, names: staffNames(example) }));
    expect(events).toHaveLength(report.obligations.length);
    expect(new Set(events.map((e) => e.get('UID'))).size).toBe(events.length);
  });
});
