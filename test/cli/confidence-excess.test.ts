/**
 * `confidence` (a rule whose reading bends its source's text) and `excess` (a too-long session) in the
 * command line's CSV, table and calendar, each read back: the CSV with csv-parse, the calendar by its
 * properties, the table line by line. Worked on a fictional council's FEN-5 (approximate, monthly),
 * FEN-6 (approximate, records in 5 working days) and FEN-9 (at most 120 minutes, exact).
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { reportToCsv } from '../../src/cli/format-csv.js';
import { reportToIcs } from '../../src/cli/format-ics.js';
import { APPROXIMATE, reportToTable } from '../../src/cli/format-table.js';
import { evaluate } from '../../src/front-door.js';
import { fen5, fen6, fen9, why } from '../fenchester-rules.js';
import { fenchesterPolicy, oneToOne, staff } from '../helpers.js';

const policy = fenchesterPolicy([fen5(why), fen6, fen9]);

// S1 starts Mon 2 Jun 2025. E1: Mon 2 Jun, 150 minutes, recorded Fri 13 Jun. E2: Mon 7 Jul, 60 minutes,
// never recorded. asOf Mon 4 Aug 2025.
// FEN-5: 2 Jun + 1 month = Wed 2 Jul; E2 on 7 Jul is late by 5 days (approximate). Next due 7 Aug,
//   within 7 days of 4 Aug: due soon (approximate).
// FEN-6: E1's record due 2 Jun + 5 working days = Mon 9 Jun, made 13 Jun: late (approximate); E2's due
//   7 Jul + 5 working days = Mon 14 Jul, not made by 4 Aug: unrecorded, 21 days overdue (approximate).
// FEN-9: E1 lasted 150 minutes, 150 − 120 = 30 over: too-long, excess 30 (exact: no confidence).
const history = {
  staff: [staff('S1', { startDate: '2025-06-02' })],
  events: [
    oneToOne('S1', '2025-06-02', { id: 'E1', durationMinutes: 150, recordedAt: '2025-06-13' }),
    oneToOne('S1', '2025-07-07', { id: 'E2', durationMinutes: 60 }),
  ],
};
const report = evaluate(policy, history, { asOf: '2025-08-04' });
const plain = { red: String, yellow: String, green: String, bold: String, dim: String };

describe('confidence and excess in the CSV (read back with csv-parse)', () => {
  const rows: Record<string, string>[] = parse(reportToCsv(report), { bom: true, columns: true });

  it('the too-long breach has excessMinutes 30 and no confidence (FEN-9 is exact)', () => {
    const long = rows.filter((r) => r.kind === 'too-long');
    expect(long).toEqual([
      expect.objectContaining({ ruleId: 'FEN-9', eventId: 'E1', excessMinutes: '30', confidence: '' }),
    ]);
  });

  it('every FEN-5 and FEN-6 row says approximate; other rows have no excessMinutes', () => {
    const fen5 = rows.filter((r) => r.ruleId === 'FEN-5');
    expect(fen5.map((r) => [r.row, r.kind || r.status, r.dueOn, r.confidence])).toEqual([
      ['breach', 'late', '2025-07-02', 'approximate'],
      ['obligation', 'upcoming', '2025-08-07', 'approximate'],
    ]);
    const fen6 = rows.filter((r) => r.ruleId === 'FEN-6');
    expect(fen6.length).toBe(4); // two breaches (late, unrecorded) and two recordings
    expect(fen6.every((r) => r.confidence === 'approximate')).toBe(true);
    expect(rows.filter((r) => r.kind !== 'too-long').every((r) => r.excessMinutes === '')).toBe(true);
  });
});

describe('confidence and excess in the table', () => {
  const lines = reportToTable(report, plain, { policy, history: true }).split('\n');
  const line = (...parts: string[]) => lines.filter((l) => parts.every((p) => l.includes(p)));

  it('the record not written and the due-soon session are marked APPROXIMATE', () => {
    expect(line('RECORD NOT WRITTEN', 'FEN-6', APPROXIMATE)).toHaveLength(1);
    expect(line('DUE 2025-08-07', 'FEN-5', APPROXIMATE)).toHaveLength(1);
  });

  it('the breach history gives the too-long excess, and APPROXIMATE only on approximate rules', () => {
    const long = line('FEN-9', 'due 2025-06-02');
    expect(long).toHaveLength(1);
    expect(long[0]).toContain('too-long +30 min');
    expect(long[0]).not.toContain(APPROXIMATE);
    expect(line('FEN-5', 'due 2025-07-02', '5d late', APPROXIMATE)).toHaveLength(1);
  });
});

describe('confidence in the calendar', () => {
  const unfolded = reportToIcs(report, { policy }).replace(/\r\n[ \t]/g, '');
  const events = unfolded.split('BEGIN:VEVENT').slice(1);

  it('the approximate obligation says APPROXIMATE in its summary and why in its description', () => {
    expect(events).toHaveLength(1);
    const props = new Map(
      events[0]!.split('\r\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]),
    );
    expect(props.get('DTSTART;VALUE=DATE')).toBe('20250807');
    expect(props.get('SUMMARY')).toBe('APPROXIMATE: Worker S1: regular supervision due (FEN-5)');
    expect(props.get('DESCRIPTION')).toContain(
      "Approximate: the rule reads the policy's text only approximately (The text says 'regular'\\; read as monthly.).",
    );
  });
});
