import { describe, expect, it } from 'vitest';
import { importCsv, problemText } from '../../src/csv/index.js';

const staff = `id,role,startDate
S1,social-worker,2020-01-06
S2,social-worker,2021-03-01
`;

describe('bad rows are reported with file, line and column, never dropped in silence', () => {
  it('events.csv:2:date: 2025-02-30 is not a date, and the row is refused', () => {
    const r = importCsv({
      'staff.csv': staff,
      'events.csv': `id,type,date,superviseeId
E1,one-to-one,2025-02-30,S1
E2,one-to-one,2025-03-03,S1
`,
    });
    expect(r.problems.map(problemText)).toEqual([
      'events.csv:2:date: 2025-02-30 is not a date (expected YYYY-MM-DD)',
    ]);
    expect(r.history.events?.map((e) => e.id)).toEqual(['E2']);
    expect(r.summary.find((s) => s.file === 'events.csv')).toEqual({
      file: 'events.csv',
      found: true,
      rows: 2,
      used: 1,
      refused: 1,
      skipped: 0,
    });
  });

  it('every problem at once, across files, each with the value found and what was expected', () => {
    const r = importCsv({
      'staff.csv': `id,role,startDate,directReports
S1,social worker,2020-01-06,
S2,social-worker,2021-03-01,three
S3,social-worker,,
`,
      'events.csv': `id,type,date,superviseeId,durationMinutes,safeguarding
E1,one-to-one,2025-03-03,S2,90,maybe
E2,chat,2025-03-04,S1,,
E3,one-to-one,2025-03-05,S1,ninety,
`,
    });
    expect(r.problems.map(problemText).sort()).toEqual(
      [
        'staff.csv:3:directReports: three is not a whole number',
        'events.csv:2:safeguarding: maybe is not true or false (expected true, false, yes, no, Y, N, 1 or 0)',
        'events.csv:4:durationMinutes: ninety is not a whole number',
        'staff.csv:2:role: social worker is not one of social-worker, team-manager, service-manager, group-manager, residential-manager, advanced-practitioner, cp-chair, iro, student, apprentice, practitioner, non-operational, clinician',
        'staff.csv:4:startDate: is empty, and a value is required',
        'events.csv:3:type: chat is not one of one-to-one, case-discussion, group, informal, observation, appraisal, appraisal-review, agreement, probation-review, check-in',
      ].sort(),
    );
    expect(r.history.staff).toEqual([]);
    expect(r.history.events).toBeUndefined();
  });

  it('a refused staff member takes the rows that name them with it, each reported', () => {
    const r = importCsv({
      'staff.csv': `id,role,startDate
S1,social-worker,2020-13-01
`,
      'supervisors.csv': `staffId,supervisorId,from,to
S1,M1,2020-01-06,
`,
    });
    expect(r.problems.map(problemText)).toEqual([
      'staff.csv:2:startDate: 2020-13-01 is not a date (expected YYYY-MM-DD)',
      'supervisors.csv:2:staffId: S1 is not a staff member id of the staff table',
    ]);
    expect(r.summary.map((s) => [s.file, s.refused])).toContainEqual(['supervisors.csv', 1]);
  });

  it('problems the history check finds come back to their row: an absence that ends before it starts', () => {
    // An event before its supervisee started is only a warning (kept, outside their employment), so the
    // problem traced back here is one the history check refuses: a range whose end comes before its start.
    const r = importCsv({
      'staff.csv': staff,
      'absences.csv': `staffId,from,to,reason
S2,2025-03-03,2025-03-10,sickness
S2,2025-05-10,2025-05-01,sickness
`,
    });
    expect(r.problems.map(problemText)).toEqual([
      'absences.csv:3:to: ends (2025-05-01) before it starts (2025-05-10)',
    ]);
  });

  it('a list item in a table of its own: reviews.csv:3:date', () => {
    const r = importCsv({
      'staff.csv': staff,
      'cases.csv': 'id\nC1\n',
      'reviews.csv': 'caseId,date\nC1,2025-01-10\nC1,10/01/2025\n',
    });
    expect(r.problems.map(problemText)).toEqual([
      'reviews.csv:3:date: 10/01/2025 is not a date (expected YYYY-MM-DD)',
    ]);
    expect(r.history.cases).toEqual([{ id: 'C1', reviews: ['2025-01-10'] }]);
  });

  it('a row with more or fewer cells than the header is refused', () => {
    const r = importCsv({ 'staff.csv': `${staff}S3,social-worker\n` });
    expect(r.problems.map(problemText)).toEqual(['staff.csv:4: 2 cells, expected 3 as in the header']);
    expect(r.history.staff.map((s) => s.id)).toEqual(['S1', 'S2']);
  });

  it('a quoted cell over two lines: the line is where the row ends', () => {
    const r = importCsv({
      'staff.csv': `id,role,startDate,note\nS1,social-worker,2020-01-06,"two\nlines"\nS2,social-worker,2020-02-30,\n`,
    });
    expect(r.problems.map(problemText)).toEqual([
      'staff.csv:4:startDate: 2020-02-30 is not a date (expected YYYY-MM-DD)',
    ]);
    // A column the schema does not know is kept, as text.
    expect(r.history.staff[0]).toMatchObject({ id: 'S1', note: 'two\nlines' });
  });

  it('text that is not CSV is reported for its file', () => {
    const r = importCsv({ 'staff.csv': 'id,role,startDate\n"S1,social-worker,2020-01-06\n' });
    expect(r.problems).toHaveLength(1);
    expect(problemText(r.problems[0]!)).toMatch(/^staff\.csv:\d+: not readable as CSV/);
  });
});

describe('the mapping argument', () => {
  it('a built-in name is taken; an unknown name or a mapping that is not valid throws InputError', async () => {
    const { InputError } = await import('../../src/errors/input-error.js');
    expect(importCsv({ 'ssd_professionals.csv': 'prof_professional_id\n' }, 'ssd').summary[1]).toMatchObject({
      file: 'ssd_professionals.csv',
      rows: 0,
    });
    expect(() => importCsv({}, 'mosaic')).toThrow(InputError);
    expect(() => importCsv({}, 'mosaic')).toThrow('mosaic is not a built-in mapping (generic, ssd)');
    try {
      importCsv({}, { tables: [{ target: 'staff', file: 'x.csv', fields: {}, parent: 'y' }] } as never);
      expect.fail('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InstanceType<typeof InputError>).code).toBe('invalid-mapping');
      expect((e as InstanceType<typeof InputError>).issues).toEqual([
        { path: 'tables[0].parent', message: 'staff have no parent' },
      ]);
    }
  });
});

describe('rows that fold, and lookups', () => {
  const mapping = {
    dateFormats: ['dd/MM/yyyy'],
    tables: [
      {
        target: 'staff',
        file: 'staff.csv',
        fields: { id: 'id', role: 'role', startDate: { column: 'startDate', formats: ['iso'] } },
      },
      {
        target: 'events',
        file: 'log.csv',
        fold: true,
        fields: {
          id: 'Ref',
          type: { constant: 'one-to-one' },
          date: 'Date',
          superviseeId: 'Worker',
          caseIds: 'Child',
        },
      },
      {
        target: 'reviews',
        file: 'reviews.csv',
        createParent: true,
        parent: { column: 'Period', lookup: { file: 'periods.csv', key: 'Period', value: 'Child' } },
        fields: { date: 'Held' },
      },
    ],
  } as const;

  it('a session whose rows disagree: the later row is refused, saying which line it differs from', () => {
    const r = importCsv(
      {
        'staff.csv': staff,
        'log.csv': 'Ref,Date,Worker,Child\nR1,02/06/2025,S1,C1\nR1,03/06/2025,S1,C2\nR1,02/06/2025,S1,C3\n',
      },
      mapping as never,
    );
    expect(r.problems.map(problemText)).toEqual([
      'log.csv:3:Date: 2025-06-03 differs from 2025-06-02 on line 2 for the same R1',
    ]);
    expect(r.history.events).toEqual([
      { id: 'R1', type: 'one-to-one', date: '2025-06-02', superviseeId: 'S1', caseIds: ['C1', 'C3'] },
    ]);
  });

  it('a lookup that finds nothing is a problem on the row that needed it', () => {
    const r = importCsv(
      {
        'staff.csv': staff,
        'periods.csv': 'Period,Child\nP1,C7\n',
        'reviews.csv': 'Period,Held\nP1,10/01/2025\nP9,11/01/2025\n',
      },
      mapping as never,
    );
    expect(r.problems.map(problemText)).toEqual(['reviews.csv:3:Period: P9 is not a Period of periods.csv']);
    expect(r.history.cases).toEqual([{ id: 'C7', reviews: ['2025-01-10'] }]);
  });
});
