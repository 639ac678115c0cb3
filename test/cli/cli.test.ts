import { closeSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempFiles, yorkHistory } from './fake-io.js';

const root = resolve(__dirname, '../..');
const { dir, file } = tempFiles();
// In this process, with collecting streams (fake-io.ts); bin.test.ts runs the built command itself.
const run = (...args: string[]) => cli(args);

// YRK-2's worked example: sessions 2 Jun, 30 Jun, 4 Aug 2025; as of 15 Sep one late and one missed breach.
const history = file('history.json', yorkHistory);

describe('the command line, run as a user would', () => {
  it('evaluate --format table: needs action first, one line per worker, the history on request; exit 0', () => {
    const r = run('evaluate', history, '--policy', 'york', '--as-of', '2025-09-15');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(
      "City of York Council, Children's Social Care: Supervision Policy, version 1:2 (york), as of 2025-09-15",
    );
    // YRK-2: last session Mon 4 Aug, due 28 days later on Mon 1 Sep; 15 Sep − 1 Sep = 14 days overdue.
    expect(r.out).toMatch(
      /Needs action now\n {2}Overdue, oldest first \(1 item\)\n {4}SESSION OVERDUE +14 days overdue {2}Worker S1 {2}YRK-2 /,
    );
    expect(r.out).toMatch(/^ {2}RED +S1 +2025-09-01 YRK-2 /m);
    expect(r.out).not.toContain('it took place on Mon 4 Aug 2025, 7 days late.');
    expect(r.out).toMatch(/Summary: \d+ breaches/);
    expect(r.out).not.toContain('\u001b['); // NO_COLOR and not a TTY: no colour codes
    const all = run('evaluate', history, '--policy', 'york', '--as-of', '2025-09-15', '--history');
    expect(all.out).toContain('it took place on Mon 4 Aug 2025, 7 days late.');
    const since = run(
      'evaluate',
      history,
      '--policy',
      'york',
      '--as-of',
      '2025-09-15',
      '--since',
      '2025-08-01',
    );
    expect(since.out).toContain('Breach history: deadlines on or after 2025-08-01');
    expect(since.out).not.toContain('7 days late.'); // due 28 Jul, before the date
    expect(run('evaluate', history, '--policy', 'york', '--as-of', '2025-09-15', '--since', 'May').code).toBe(
      2,
    );
    expect(
      run('evaluate', history, '--policy', 'york', '--as-of', '2025-09-15', '--history', '--format', 'json')
        .code,
    ).toBe(2);
  });

  it('evaluate --format ics: an iCalendar file of the due dates', () => {
    const r = run('evaluate', history, '--policy', 'york', '--as-of', '2025-09-15', '--format', 'ics');
    expect(r.code).toBe(0);
    expect(r.out.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(r.out).toContain('UID:york/YRK-2/one-to-one/staff/S1/2025-08-04@supervision-rules\r\n');
    expect(r.out).toContain('DTSTART;VALUE=DATE:20250901\r\n');
  });

  it('evaluate --format json is the report exactly', () => {
    const r = run('evaluate', history, '--policy', 'york', '--as-of', '2025-09-15', '--format', 'json');
    const report = JSON.parse(r.out);
    expect(report.policy.id).toBe('york');
    expect(report.breaches.filter((b: { ruleId: string }) => b.ruleId === 'YRK-2')).toHaveLength(2);
  });

  it('evaluate --format csv: a header and one quoted row per breach and obligation', () => {
    const r = run('evaluate', history, '--policy', 'york', '--as-of', '2025-09-15', '--format', 'csv');
    const lines = r.out.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '\ufeffrow,ruleId,subjectType,subjectId,activity,status,kind,severity,dueOn,metOn,daysLate,lastMetOn,eventId,section,explanation,policy,asOf,caseId,recordedAt,confidence,excessMinutes',
    );
    expect(
      lines.some((l) =>
        l.startsWith('breach,YRK-2,staff,S1,one-to-one,,late,breach,2025-07-28,2025-08-04,7,'),
      ),
    ).toBe(true);
    expect(lines.some((l) => l.startsWith('obligation,YRK-2,staff,S1,one-to-one,overdue'))).toBe(true);
  });

  it('--fail-on-breach exits 1 when there are breaches', () => {
    expect(
      run('evaluate', history, '--policy', 'york', '--as-of', '2025-09-15', '--fail-on-breach').code,
    ).toBe(1);
  });

  it('a policy path works like a built-in id', () => {
    const r = run(
      'evaluate',
      history,
      '--policy',
      join(root, 'policies/york.json'),
      '--as-of',
      '2025-09-15',
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).policy.id).toBe('york');
  });

  it('bad input: exit 2 with every problem and its path on stderr, no stack trace', () => {
    const bad = file('bad.json', { staff: [{ id: 'S1', role: 'wizard', startDate: '2025-02-30' }] });
    const r = run('evaluate', bad, '--policy', 'york', '--as-of', '2025-09-15');
    expect(r.code).toBe(2);
    expect(r.err).toContain('staff[0].role: wizard is not one of');
    expect(r.err).toContain('staff[0].startDate: 2025-02-30 is not a date');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('a missing file, a file that is not JSON, an unknown policy and a bad option all exit 2', () => {
    expect(
      run('evaluate', join(dir, 'missing.json'), '--policy', 'york', '--as-of', '2025-09-15'),
    ).toMatchObject({
      code: 2,
      err: expect.stringContaining('no such file'),
    });
    expect(run('validate', file('text.json', 'not json')).err).toContain('is not valid JSON');
    expect(run('evaluate', history, '--policy', 'atlantis', '--as-of', '2025-09-15').code).toBe(2);
    expect(run('evaluate', history, '--policy', 'york', '--as-of', '2025-09-15', '--colour').code).toBe(2);
    expect(run('evaluate', history, '--policy', 'york').err).toContain('--as-of');
  });

  it('an unknown history field: validate and evaluate warn; with --strict they refuse it (exit 2)', () => {
    const typo = file('typo.json', {
      staff: [{ id: 'S1', role: 'social-worker', startDate: '2018-01-08' }],
      events: [
        { id: 'E1', type: 'one-to-one', date: '2025-06-02', superviseeId: 'S1', recordedat: '2025-06-02' },
      ],
    });
    const line = 'events[0].recordedat: unknown field "recordedat"';
    const validated = run('validate', typo);
    expect(validated.code).toBe(0);
    expect(validated.out).toContain(`warning ${line} (ignored); did you mean recordedAt?`);
    expect(run('evaluate', typo, '--policy', 'york', '--as-of', '2025-09-15').out).toContain(
      `WARNING ${line}`,
    );
    for (const args of [
      ['validate'],
      ['evaluate', '--policy', 'york', '--as-of', '2025-09-15'],
      ['compare', '--as-of', '2025-09-15'],
    ]) {
      const strict = run(args[0]!, typo, ...args.slice(1), '--strict');
      expect(strict.code).toBe(2);
      expect(strict.err).toContain(`${line}; did you mean recordedAt?`);
    }
  });

  it('compare puts councils side by side; policies, validate, lint, --help and --version work', () => {
    const c = run('compare', history, '--as-of', '2025-09-15', '--policies', 'york,derby');
    expect(c.code).toBe(0);
    expect(c.out).toMatch(/york\s+\d+/);
    expect(c.out).toMatch(/derby\s+\d+/);
    expect(c.out).toContain('most breached');
    expect(run('policies').out).toContain('YRK-2');
    expect(run('validate', history).out).toContain('valid (1 staff, 0 cases, 3 events)');
    expect(run('lint', join(root, 'policies/southwark.json')).out).toContain('no findings');
    expect(run('--help').out).toContain('Usage:');
    expect(run('evaluate', '--help').code).toBe(0);
    expect(run('--version').out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('- reads the history from standard input, a byte-order mark first', () => {
    const stdin = file(
      'stdin.json',
      `\ufeff${JSON.stringify({ staff: [{ id: 'S1', role: 'social-worker', startDate: '2020-01-06' }] })}`,
    );
    const fd = openSync(stdin, 'r');
    try {
      const r = cli(['validate', '-'], { stdin: fd });
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toBe('-: valid (1 staff, 0 cases, 0 events)\n');
    } finally {
      closeSync(fd);
    }
  });
});
