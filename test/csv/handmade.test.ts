import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCsv, problemText } from '../../src/csv/index.js';
import { evaluate } from '../../src/front-door.js';

// A council's own export, shaped unlike ours (fixtures/csv/handmade): UK dates (dd/MM/yyyy and
// d/M/yy), times in London wall-clock time, spreadsheet serial dates, job titles, form types, and a
// supervision log with one row per child discussed. Its mapping.json says how each column is read.
const dir = new URL('../../fixtures/csv/handmade/', import.meta.url);
const read = (f: string) => readFileSync(new URL(f, dir), 'utf8');
const files = {
  'workers.csv': read('workers.csv'),
  'caseload.csv': read('caseload.csv'),
  'supervision-log.csv': read('supervision-log.csv'),
};
const mapping = JSON.parse(read('mapping.json'));

describe('a hand-made mapping for a differently shaped export', () => {
  const { history, problems, summary } = importCsv(files, mapping);

  it('reads every row', () => {
    expect(problems.map(problemText)).toEqual([]);
    expect(summary.map((s) => [s.file, s.rows, s.used, s.refused, s.skipped])).toEqual([
      ['workers.csv', 4, 4, 0, 0],
      ['caseload.csv', 3, 3, 0, 0],
      ['supervision-log.csv', 6, 6, 0, 0],
    ]);
  });

  it('staff: job titles to roles, 30/6/09 is 2009-06-30, line managers become supervisors, a name column kept', () => {
    expect(history.staff).toEqual([
      {
        id: 'W100',
        name: 'Asha Patel',
        role: 'team-manager',
        teamId: 'North CP',
        startDate: '2019-04-01',
        qualifiedDate: '2009-06-30',
      },
      {
        id: 'W101',
        name: 'Tom Reed',
        role: 'advanced-practitioner',
        teamId: 'North CP',
        startDate: '2016-09-05',
        qualifiedDate: '2011-07-01',
        supervisors: [{ supervisorId: 'W100', from: '2016-09-05' }],
      },
      {
        id: 'W102',
        name: 'Jo King',
        role: 'social-worker',
        teamId: 'North CP',
        startDate: '2025-09-01',
        qualifiedDate: '2025-07-01',
        supervisors: [{ supervisorId: 'W100', from: '2025-09-01' }],
      },
      {
        id: 'W103',
        name: 'Sam Cole',
        role: 'social-worker',
        teamId: 'North CP',
        startDate: '2018-01-08',
        qualifiedDate: '2017-07-01',
        supervisors: [{ supervisorId: 'W100', from: '2018-01-08' }],
      },
    ]);
  });

  it('cases come from the caseload, with an episode by plan type', () => {
    expect(history.cases).toEqual([
      {
        id: 'CH-1',
        allocations: [{ workerId: 'W103', from: '2025-05-12' }],
        episodes: [{ type: 'child-protection', from: '2025-05-12' }],
      },
      {
        id: 'CH-2',
        allocations: [{ workerId: 'W103', from: '2025-03-03', to: '2025-08-29' }],
        episodes: [{ type: 'child-in-need', from: '2025-03-03', to: '2025-08-29' }],
      },
      {
        id: 'CH-3',
        allocations: [{ workerId: 'W101', from: '2025-07-14' }],
        episodes: [{ type: 'child-in-need', from: '2025-07-14' }],
      },
    ]);
  });

  it('one row per child discussed folds into one event; London times get the BST offset; serial dates read', () => {
    expect(history.events?.[0]).toEqual({
      id: 'S-1',
      type: 'one-to-one',
      date: '2025-06-02',
      start: '2025-06-02T10:00:00+01:00',
      durationMinutes: 90,
      superviseeId: 'W103',
      supervisorId: 'W100',
      recordedAt: '2025-06-02T16:10:00+01:00',
      caseIds: ['CH-1', 'CH-2'],
      caseRecords: [
        // 45810.6458333333: 45810 days after 30 Dec 1899 is 2 Jun 2025; 0.6458333 of a day is 15:30.
        { caseId: 'CH-1', recordedAt: '2025-06-02T15:30:00+01:00' },
        // 45811.5: 3 Jun 2025 at noon.
        { caseId: 'CH-2', recordedAt: '2025-06-03T12:00:00+01:00' },
      ],
    });
    expect(history.events?.map((e) => [e.id, e.type, e.caseIds, e.caseRecords])).toEqual([
      ['S-1', 'one-to-one', ['CH-1', 'CH-2'], expect.any(Array)],
      ['S-2', 'one-to-one', undefined, undefined],
      // 45873, a whole number: the date alone, 4 Aug 2025.
      ['S-3', 'one-to-one', ['CH-1'], [{ caseId: 'CH-1', recordedAt: '2025-08-04' }]],
      ['S-4', 'group', undefined, undefined],
      // No case note date: the child's discussion is not recorded.
      ['S-5', 'case-discussion', ['CH-3'], [{ caseId: 'CH-3' }]],
    ]);
    expect(history.events?.[3]).toMatchObject({ teamId: 'North CP', supervisorId: 'W100' });
  });

  it("evaluates: YRK-2's worked example for W103 (one-to-ones 2 Jun, 30 Jun, 4 Aug 2025; as of 15 Sep)", () => {
    const report = evaluate('york', history, { asOf: '2025-09-15' });
    const yrk2 = report.breaches.filter((b) => b.ruleId === 'YRK-2' && b.subject.id === 'W103');
    // 30 Jun + 28 days = 28 Jul; held 4 Aug: 7 days late. 4 Aug + 28 days = 1 Sep; none by 15 Sep: missed.
    expect(yrk2).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'late', dueOn: '2025-07-28', metOn: '2025-08-04', daysLate: 7 }),
        expect.objectContaining({ kind: 'missed', dueOn: '2025-09-01' }),
      ]),
    );
  });

  it('a UK date that does not exist is refused with the formats expected', () => {
    const bad = { ...files, 'workers.csv': files['workers.csv'].replace('08/01/2018', '31/02/2018') };
    const r = importCsv(bad, mapping);
    expect(r.problems.map(problemText)).toContain(
      'workers.csv:5:Start Date: 31/02/2018 is not a date (expected dd/MM/yyyy HH:mm, dd/MM/yyyy, d/M/yy, excel)',
    );
  });
});

describe('the shipped mapping JSON Schema (policies/schema/mapping.json)', () => {
  it('accepts the hand-made mapping and the built-in ones, and refuses a misspelt key', async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const { builtInMappings } = await import('../../src/csv/builtin.js');
    const schema = JSON.parse(
      readFileSync(new URL('../../policies/schema/mapping.json', import.meta.url), 'utf8'),
    );
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    expect(validate(mapping), JSON.stringify(validate.errors)).toBe(true);
    for (const m of Object.values(builtInMappings))
      expect(validate(m), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...mapping, tables: [{ ...mapping.tables[0], feilds: {} }] })).toBe(false);
  });
});
