import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCsv, problemText } from '../../src/csv/index.js';
import { ssdMapping } from '../../src/csv/ssd.js';
import { evaluate } from '../../src/front-door.js';
import type { History } from '../../src/history/schema.js';
import { policyIds } from '../../src/policies.js';

// The example team as a council would send it through the Standard Safeguarding Dataset
// (fixtures/csv/ssd, generated from fixtures/example by a seeded script).
const dir = new URL('../../fixtures/csv/ssd/', import.meta.url);
const names = readdirSync(dir).filter((f) => f.endsWith('.csv'));
const files = Object.fromEntries(names.map((f) => [f, readFileSync(new URL(f, dir), 'utf8')]));
const example = JSON.parse(
  readFileSync(new URL('../../fixtures/example/history.json', import.meta.url), 'utf8'),
);

type Json = Record<string, unknown>;
const SSD_EPISODES = new Set(['child-in-need', 'child-protection', 'child-in-care']);

/**
 * What the SSD carries of the example: no staff names (the fixture's professionals table leaves them
 * out, as many extracts do), no case flags, closures or episodes other than child in need,
 * child protection and child in care; reviews only within a plan or a period of care. Instants are
 * compared as London times write them (`+00:00` for `Z`), nulls and empty lists as absent, episodes
 * and reviews in date order, cases by id.
 */
function projected(h: Json): Json {
  const cases = (h.cases as Json[]).map((c) => {
    const episodes = (c.episodes as Json[]).filter((e) => SSD_EPISODES.has(e.type as string));
    const inPlan = (d: string) =>
      episodes.some(
        (e) =>
          e.type !== 'child-in-need' && (e.from as string) <= d && (e.to == null || d <= (e.to as string)),
      );
    const { flags: _f, closedDate: _c, ...rest } = c;
    return { ...rest, episodes, reviews: ((c.reviews as string[]) ?? []).filter(inPlan) };
  });
  const staff = (h.staff as Json[]).map(({ name: _n, ...rest }) => rest);
  return normal({ ...h, staff, cases });
}

function normal(h: Json): Json {
  const text = JSON.stringify(h, (_k, v) => {
    if (v === null || (Array.isArray(v) && v.length === 0)) return undefined;
    return v;
  }).replace(/(T\d\d:\d\d:\d\d)Z"/g, '$1+00:00"');
  const out = JSON.parse(text) as Json;
  for (const c of (out.cases as Json[]) ?? []) {
    if (Array.isArray(c.episodes))
      (c.episodes as Json[]).sort((a, b) => String(a.from).localeCompare(String(b.from)));
    if (Array.isArray(c.reviews)) (c.reviews as string[]).sort();
  }
  (out.cases as Json[])?.sort((a, b) => String(a.id).localeCompare(String(b.id)));
  return out;
}

describe('the built-in ssd mapping', () => {
  const result = importCsv(files, ssdMapping);

  it('fixtures/csv/ssd is exactly what its generator writes (regenerate: node fixtures/csv/ssd/generate.mjs)', async () => {
    const generator = (await import(new URL('generate.mjs', dir).href)) as {
      generateSsd: () => Record<string, string>;
    };
    expect(generator.generateSsd()).toEqual(files);
  });

  it('reads every row without a problem', () => {
    expect(result.problems.map(problemText)).toEqual([]);
  });

  it('gives back the example team, as far as the SSD carries it', () => {
    expect(normal(result.history as unknown as Json)).toEqual(projected(example));
  });

  it.each(policyIds)('evaluates as the example does under %s (as far as the SSD carries it)', (policy) => {
    const want = evaluate(policy, projected(example) as History, { asOf: '2025-12-01' });
    const got = evaluate(policy, result.history, { asOf: '2025-12-01' });
    expect(normal(got as unknown as Json)).toEqual(normal(want as unknown as Json));
    expect(got.breaches.length).toBeGreaterThan(0);
  });

  it('job titles become roles: NQSW and Senior Practitioner', () => {
    const role = (id: string) => result.history.staff.find((s) => s.id === id)?.role;
    expect(files['ssd_professionals.csv']).toMatch(/\nQ1,[^\n]*,NQSW,/);
    expect(role('Q1')).toBe('social-worker');
    expect(files['ssd_professionals.csv']).toMatch(/\nA1,[^\n]*,Senior Practitioner,/);
    expect(role('A1')).toBe('advanced-practitioner');
  });

  it('a CLA review finds its child through ssd_cla_episodes; cancelled and not-yet-held reviews are skipped', () => {
    const summary = Object.fromEntries(result.summary.map((s) => [s.file, s]));
    expect(summary['ssd_cla_reviews.csv']?.skipped).toBeGreaterThan(0);
    expect(summary['ssd_cp_reviews.csv']?.skipped).toBeGreaterThan(0);
    expect(summary['ssd_involvements.csv']?.skipped).toBeGreaterThan(0); // involvements other than the allocated worker
    for (const s of result.summary) expect(s.rows, s.file).toBe(s.used + s.skipped);
  });

  it('one row per child discussed folds into one event with its caseIds and caseRecords', () => {
    const e = result.history.events?.find((x) => x.id === 'E0002');
    expect(e?.caseIds).toEqual(['C04', 'C10', 'C22', 'C27', 'C28']);
    expect(e?.caseRecords).toHaveLength(5);
    // 05/12/2024 14:43 and 2024-12-05 14:43:00 are the same London time, in GMT.
    expect(e?.recordedAt).toBe('2024-12-05T14:43:00+00:00');
  });
});
