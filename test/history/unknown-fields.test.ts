/**
 * Fields a history holds that the format does not know are reported, never silently ignored:
 * a warning at the field's JSON path with the nearest known name, or with `strict: true` an error.
 * The quick validator and the zod path report the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHistory, checkHistorySlowly } from '../../src/history/parse.js';
import { quickValidate } from '../../src/history/quick-validate.js';
import { compare, evaluate, loadPolicy, parseHistory, safeEvaluate } from '../../src/index.js';
import { historyArb } from '../arbitraries.js';
import { thrown } from '../helpers.js';

const RUNS = { numRuns: Number(process.env.PROP_RUNS ?? 200) };

/** A worker's one-to-one on Mon 3 Mar 2025, its record's time given under the mistyped `recordedat`. */
const mistyped = () => ({
  staff: [{ id: 'S1', role: 'social-worker', startDate: '2018-01-08', qualifiedDate: '2017-07-01' }],
  events: [
    {
      id: 'E1',
      type: 'one-to-one',
      date: '2025-03-03',
      superviseeId: 'S1',
      recordedat: '2025-03-04T10:00:00Z',
    },
  ],
});
const WARNING = {
  path: 'events[0].recordedat',
  message: 'unknown field "recordedat" (ignored); did you mean recordedAt?',
};
const ERROR = {
  path: 'events[0].recordedat',
  message: 'unknown field "recordedat"; did you mean recordedAt?',
};

describe('an unknown field in a history', () => {
  it('recordedat for recordedAt: the record counts as not made, and the warning says why, with the name meant', () => {
    // YRK-12: the supervision record is due within 2 working days: Mon 3 Mar + 2 = Wed 5 Mar 2025.
    // The record's time is under a name the format does not know, so the record is not made: on
    // Mon 14 Apr it is unrecorded, 40 days after Wed 5 Mar. The warning beside it names the typo.
    const report = evaluate('york', mistyped(), { asOf: '2025-04-14' });
    const unrecorded = report.breaches.find((b) => b.ruleId === 'YRK-12');
    expect(unrecorded).toMatchObject({ kind: 'unrecorded', dueOn: '2025-03-05', daysLate: 40 });
    expect(report.warnings).toContainEqual(WARNING);
    expect(report.warnings[0]).toEqual(WARNING);
  });

  it('with strict: true it is an error of evaluate, safeEvaluate, compare and parseHistory', () => {
    const e = thrown(() => evaluate('york', mistyped(), { asOf: '2025-04-14', strict: true }));
    expect(e.code).toBe('invalid-history');
    expect(e.issues).toEqual([ERROR]);
    expect(e.message).toBe(`The supervision history is not valid:\n${ERROR.path}: ${ERROR.message}`);
    expect(safeEvaluate('york', mistyped(), { asOf: '2025-04-14', strict: true })).toEqual({
      ok: false,
      code: 'invalid-history',
      issues: [ERROR],
      omitted: 0,
    });
    expect(thrown(() => compare(mistyped(), { asOf: '2025-04-14', strict: true })).issues).toEqual([ERROR]);
    expect(thrown(() => parseHistory(mistyped(), { strict: true })).issues).toEqual([ERROR]);
    expect(parseHistory(mistyped())).toEqual(mistyped());
  });

  it('strict: false is the default, and strict must be true or false', () => {
    expect(evaluate('york', mistyped(), { asOf: '2025-04-14', strict: false }).warnings[0]).toEqual(WARNING);
    const e = thrown(() => evaluate('york', mistyped(), { asOf: '2025-04-14', strict: 'yes' as never }));
    expect(e.code).toBe('invalid-options');
    expect(e.issues).toEqual([{ path: 'strict', message: 'expected true or false, got the text "yes"' }]);
  });

  it('compare lists it in every report', () => {
    const { results } = compare(mistyped(), { asOf: '2025-04-14', policies: ['york', 'derby'] });
    for (const r of results) expect(r.report.warnings[0]).toEqual(WARNING);
  });

  it('at the top level, names its path; under an unknown field, only that field is reported', () => {
    const h = { ...mistyped(), evnts: [{ id: 'E2' }], notes: { recordedat: 1 } };
    expect(checkHistory(h)).toMatchObject({
      ok: true,
      warnings: [
        WARNING,
        { path: 'evnts', message: 'unknown field "evnts" (ignored); did you mean events?' },
        { path: 'notes', message: 'unknown field "notes" (ignored)' },
      ],
    });
  });

  it('everywhere in the format: staff, their ranges, cases, case records, the calendar', () => {
    const h = {
      calendar: { closure: ['2025-12-29'] },
      staff: [
        {
          id: 'S1',
          role: 'social-worker',
          startDate: '2018-01-08',
          enddate: '2025-01-01',
          supervisors: [{ supervisorId: 'M1', from: '2018-01-08', until: '2019-01-01' }],
          asye: { start: '2018-01-08', ends: '2019-01-07' },
        },
      ],
      cases: [{ id: 'C1', allocations: [{ workerID: 'S1', workerId: 'S1', from: '2018-01-08' }] }],
      events: [
        {
          id: 'E1',
          type: 'one-to-one',
          date: '2025-03-03',
          superviseeId: 'S1',
          caseIds: ['C1'],
          caseRecords: [{ caseId: 'C1', recorded: '2025-03-03' }],
        },
      ],
    };
    const checked = checkHistory(h);
    expect(checked.ok && checked.warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([
      'calendar.closure: unknown field "closure" (ignored); did you mean closures?',
      'staff[0].enddate: unknown field "enddate" (ignored); did you mean endDate?',
      'staff[0].supervisors[0].until: unknown field "until" (ignored)',
      'staff[0].asye.ends: unknown field "ends" (ignored); did you mean end?',
      'cases[0].allocations[0].workerID: unknown field "workerID" (ignored); did you mean workerId?',
      'events[0].caseRecords[0].recorded: unknown field "recorded" (ignored); did you mean recordedAt?',
    ]);
  });

  it('a field set to undefined is absent, not unknown; $schema is a known field', () => {
    const h = { $schema: './history.schema.json', ...mistyped(), extra: undefined };
    h.events[0]!.recordedat = undefined as never;
    expect(checkHistory(h, { strict: true })).toEqual({ ok: true, history: h, warnings: [] });
  });

  it('a required field left out beside its typo says what was meant', () => {
    const h = mistyped();
    const event = h.events[0] as Record<string, unknown>;
    event.superviseeid = event.superviseeId;
    delete event.superviseeId;
    expect(checkHistory(h)).toEqual({
      ok: false,
      issues: [
        {
          path: 'events[0].superviseeId',
          message:
            'a one-to-one event’s superviseeId is required (the history has "superviseeid" there, which is not a field: did you mean superviseeId?)',
        },
      ],
    });
  });

  it('the quick validator keeps such a history on the fast path, and both paths report the same', () => {
    fc.assert(
      fc.property(
        historyArb,
        fc.nat(),
        fc.constantFrom('recordedat', 'note', 'StartDate', 'x-extra'),
        (g, where, key) => {
          const h = JSON.parse(JSON.stringify(g)) as Record<string, unknown>;
          const objects: Record<string, unknown>[] = [];
          const collect = (x: unknown) => {
            if (typeof x !== 'object' || x === null) return;
            if (!Array.isArray(x)) objects.push(x as Record<string, unknown>);
            for (const v of Object.values(x)) collect(v);
          };
          collect(h);
          const target = objects[where % objects.length]!;
          // An interval is a closed object: an unknown unit there is an error, not a warning.
          const closed =
            'weeks' in target || 'days' in target || 'months' in target || 'workingDays' in target;
          target[key] = 1;
          const slow = checkHistorySlowly(h);
          expect(checkHistory(h)).toEqual(slow);
          if (closed) return;
          expect(quickValidate(h).verdict).toBe('unknown-fields');
          expect(slow.ok && slow.warnings.length).toBe(1);
          expect(checkHistory(h, { strict: true })).toEqual(checkHistorySlowly(h, { strict: true }));
          expect(checkHistory(h, { strict: true }).ok).toBe(false);
        },
      ),
      RUNS,
    );
  });
});

describe('an unknown field in a policy file is an error, with the name meant', () => {
  const POLICY = {
    id: 'my-council',
    name: 'Supervision Policy',
    council: 'A Council',
    source: 'policy.txt',
    version: '1',
    effectiveFrom: '2025-01-01',
    rules: [
      {
        id: 'MYC-1',
        name: 'monthly supervision',
        activity: 'one-to-one',
        strength: 'must',
        citation: { source: 'policy.txt', section: '1', quote: 'monthly' },
        kind: 'interval',
        subject: 'staff',
        counts: ['one-to-one'],
        schedule: [{ interval: { months: 1 } }],
      },
    ],
  };

  it.each<
    [string, (p: Record<string, unknown> & { rules: Record<string, unknown>[] }) => void, string, string]
  >([
    [
      'at the top',
      (p) => (p.efectiveFrom = '2025-01-01'),
      'efectiveFrom',
      'unknown field "efectiveFrom"; did you mean effectiveFrom?',
    ],
    [
      'on a rule',
      (p) => (p.rules[0]!.stregth = 'must'),
      'rules[0].stregth',
      'unknown field "stregth"; did you mean strength?',
    ],
    [
      'in a citation',
      (p) => ((p.rules[0]!.citation as Record<string, unknown>).qoute = 'x'),
      'rules[0].citation.qoute',
      'unknown field "qoute"; did you mean quote?',
    ],
    ['with no near name', (p) => (p.colour = 'blue'), 'colour', 'unknown field "colour"'],
  ])('%s', (_name, change, path, message) => {
    const p = structuredClone(POLICY) as unknown as Parameters<typeof change>[0];
    expect(loadPolicy(structuredClone(POLICY))).toEqual(POLICY);
    change(p);
    expect(thrown(() => loadPolicy(p)).issues).toEqual([{ path, message }]);
  });
});

describe('with strict, unknown fields are listed beside every other problem', () => {
  it('beside a schema problem and beside a cross-field one', () => {
    const h = mistyped();
    (h.staff[0] as Record<string, unknown>).role = 'wizard';
    const withBadRole = checkHistory(h, { strict: true });
    expect(withBadRole.ok === false && withBadRole.issues.map((i) => i.path)).toEqual([
      'staff[0].role',
      'events[0].recordedat',
    ]);
    const early = mistyped();
    early.events[0]!.date = '2017-01-02';
    const checked = checkHistory(early, { strict: true });
    expect(checked.ok).toBe(false);
    expect(checked.ok === false && checked.issues.at(-1)).toEqual(ERROR);
  });
});
