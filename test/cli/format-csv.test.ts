import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, reportCsvChunks, reportToCsv } from '../../src/cli/format-csv.js';
import { evaluate } from '../../src/front-door.js';
import { yorkHistory } from './fake-io.js';

/**
 * The CSV as a strict reader sees it: the byte-order mark dropped, rows as objects keyed by the header,
 * and a line feed or carriage return outside quotes ending a row (as in Excel, not only CR LF).
 */
const read = (csv: string): Record<string, string>[] =>
  parse(csv, { bom: true, columns: true, record_delimiter: ['\r\n', '\n', '\r'] });

const report = evaluate('york', yorkHistory, { asOf: '2025-09-15' });

/** The same worked example with each of the given texts as worker S1's id (E1..E3 stay). */
const withId = (id: string) =>
  evaluate(
    'york',
    {
      ...yorkHistory,
      staff: [{ ...yorkHistory.staff[0], id }],
      events: yorkHistory.events.map((e) => ({ ...e, superviseeId: id })),
    },
    { asOf: '2025-09-15' },
  );

describe('reportToCsv', () => {
  it('starts with a UTF-8 byte-order mark, so a spreadsheet reads "—" as one character', () => {
    const csv = reportToCsv(report);
    expect(csv.startsWith('\ufeffrow,ruleId,')).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('has the documented columns, policy and asOf on every row', () => {
    const rows = read(reportToCsv(report));
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows.every((r) => r.policy === 'york' && r.asOf === '2025-09-15')).toBe(true);
  });

  it('one row per breach, obligation and recording, the row column saying which', () => {
    const rows = read(reportToCsv(report));
    const count = (kind: string) => rows.filter((r) => r.row === kind).length;
    expect(count('breach')).toBe(report.breaches.length);
    expect(count('obligation')).toBe(report.obligations.length);
    expect(count('recording')).toBe(report.recordings.length);
    expect(report.recordings.length).toBeGreaterThan(0);
    const r = report.recordings[0]!;
    expect(rows.find((x) => x.row === 'recording' && x.eventId === r.eventId)).toMatchObject({
      ruleId: r.ruleId,
      status: r.status,
      dueOn: r.deadline,
      recordedAt: r.recordedAt ?? '',
      caseId: r.caseId ?? '',
    });
    // YRK-2's late session: 4 Aug 2025, due 28 Jul, 7 days late.
    expect(rows.find((x) => x.row === 'breach' && x.kind === 'late' && x.ruleId === 'YRK-2')).toMatchObject({
      subjectId: 'S1',
      dueOn: '2025-07-28',
      metOn: '2025-08-04',
      daysLate: '7',
    });
  });

  it('a field holding a bare line feed or carriage return is quoted: rows never break apart', () => {
    for (const id of ['S1\nforged,row', 'S1\rforged', 'S1\r\nforged']) {
      const rows = read(reportToCsv(withId(id)));
      const breaches = rows.filter((r) => r.row === 'breach');
      expect(breaches.length).toBeGreaterThan(0);
      expect(breaches.every((r) => r.subjectId === id)).toBe(true);
      expect(rows.length).toBe(report.breaches.length + report.obligations.length + report.recordings.length);
    }
  });

  it("a text cell that a spreadsheet would run as a formula starts with ' (OWASP)", () => {
    for (const id of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tS1', '\rS1', '＝1+1']) {
      const rows = read(reportToCsv(withId(id)));
      const breach = rows.find((r) => r.row === 'breach')!;
      expect(breach.subjectId).toBe(`'${id}`);
      // The sentence starts with the id too.
      expect(breach.explanation?.startsWith(`'${id}`)).toBe(true);
    }
    expect(read(reportToCsv(withId("'quoted")))[0]!.subjectId).toBe("''quoted");
  });

  it('numbers stay numbers: a negative daysLate is not prefixed', () => {
    const b = report.breaches[0]!;
    const csv = reportToCsv({
      ...report,
      breaches: [{ ...b, daysLate: -3 }],
      obligations: [],
      recordings: [],
    });
    expect(read(csv)[0]!.daysLate).toBe('-3');
  });

  it('any id survives a CSV reader: strip one leading quote from a text cell and it is what went in', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12, unit: 'binary' }), (id) => {
        const rows = read(reportToCsv(withId(id)));
        const subjectIds = rows.filter((r) => r.row === 'breach').map((r) => r.subjectId ?? '');
        expect(subjectIds.length).toBeGreaterThan(0);
        for (const s of subjectIds) expect(s.startsWith("'") ? s.slice(1) : s).toBe(id);
      }),
      { numRuns: 30 },
    );
  });

  it('a large report is written in pieces: one byte-order mark and header, every row once', () => {
    const b = report.breaches[0]!;
    const breaches = Array.from({ length: 600 }, (_, i) => ({ ...b, eventId: `E${i}` }));
    const chunks = [...reportCsvChunks({ ...report, breaches, obligations: [], recordings: [] })];
    expect(chunks.length).toBe(3); // 250 + 250 + 100 rows
    const text = chunks.join('');
    expect(text.match(/\ufeff/g)).toHaveLength(1);
    expect(text.match(/row,ruleId,/g)).toHaveLength(1);
    expect(read(text).map((r) => r.eventId)).toEqual(breaches.map((x) => x.eventId));
  });
});

describe("the README's CSV example", () => {
  it("is the header and real rows of YRK-2's worked example", () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const at = readme.indexOf("For YRK-2's worked example");
    const open = readme.indexOf('```\n', at) + 4;
    const block = readme.slice(open, readme.indexOf('\n```', open));
    const [header, ...examples] = block.split('\n');
    expect(header).toBe(CSV_COLUMNS.join(','));
    const lines = reportToCsv(report).slice(1).split('\r\n');
    expect(lines[0]).toBe(header);
    expect(examples.length).toBe(3);
    for (const line of examples) expect(lines).toContain(line);
  });
});
