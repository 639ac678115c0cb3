/**
 * Properties of the HTML report's page over arbitrary valid histories and every built-in policy.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/html/index.js';
import { pageData } from '../../src/html/model.js';
import { evaluate, getPolicy, parseHistory, policyIds } from '../../src/index.js';
import { needsAction } from '../../src/report/needs-action.js';
import { asOfArb, historyArb } from '../arbitraries.js';

const RUNS = { numRuns: Number(process.env.PROP_RUNS ?? 40) };
const policyArb = fc.constantFrom(...policyIds).map(getPolicy);
const island = (html: string) =>
  JSON.parse(html.match(/<script type="application\/json" id="report-data">(.*?)<\/script>/s)![1]!);

describe('the HTML report over arbitrary valid histories', () => {
  it('keeps every item that needs action, each pointing at a listed worker, team and rule', () => {
    fc.assert(
      fc.property(policyArb, historyArb, asOfArb, fc.boolean(), (policy, history, asOf, oneTeam) => {
        const report = evaluate(policy, history, { asOf });
        const teams = oneTeam ? [String(history.staff[0]?.teamId ?? 'none')] : undefined;
        const data = pageData(report, parseHistory(history), { policy, ...(teams ? { teams } : {}) });
        expect(data.actions.length + data.actionsLeftOut).toBe(needsAction(report, { policy }).length);
        for (const a of data.actions) {
          expect(a[1]).toBeGreaterThanOrEqual(-1);
          expect(a[1]).toBeLessThan(data.workers.length);
          expect(a[9]).toBeLessThan(data.teams.length);
          expect(data.rules[a[2]]?.[0]).toBeTypeOf('string');
        }
        if (!teams)
          expect(data.workers.map((w) => w.id)).toEqual([...new Set(history.staff.map((s) => s.id))]);
      }),
      RUNS,
    );
  });

  it('draws every timeline mark within the period, each span forwards', () => {
    fc.assert(
      fc.property(policyArb, historyArb, asOfArb, (policy, history, asOf) => {
        const data = pageData(evaluate(policy, history, { asOf }), parseHistory(history), { policy });
        const inside = (day: number) => {
          expect(Number.isInteger(day)).toBe(true);
          expect(day).toBeGreaterThanOrEqual(0);
          expect(day).toBeLessThanOrEqual(data.days);
        };
        expect(data.asOfDay).toBe(365);
        for (const w of data.workers) {
          for (const [day] of w.tl.s) inside(day);
          for (const [day, rule] of w.tl.d) {
            inside(day);
            expect(data.rules[rule]).toBeDefined();
          }
          for (const [from, to, , rule] of [...w.tl.l, ...w.tl.a.map(([f, t]) => [f, t, 0, 0] as const)]) {
            inside(from);
            inside(to);
            expect(from).toBeLessThanOrEqual(to);
            expect(rule).toBeGreaterThanOrEqual(0);
          }
        }
        for (const [day] of data.calendar.bankHolidays) inside(day);
      }),
      RUNS,
    );
  });

  it('carries any name as data: two scripts on the page, and the island gives the name back', () => {
    fc.assert(
      fc.property(
        historyArb,
        asOfArb,
        fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
        (history, asOf, name) => {
          const named = structuredClone(history);
          (named.staff[0] as { name?: string }).name = name;
          const html = renderHtmlReport(evaluate('york', named, { asOf }), named);
          expect(html.match(/<script/gi)).toHaveLength(2);
          expect(html.match(/<\/script/gi)).toHaveLength(2);
          expect(island(html).workers[0].name).toBe(name);
        },
      ),
      RUNS,
    );
  });
});
