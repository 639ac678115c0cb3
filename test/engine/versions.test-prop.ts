/**
 * A policy cut into two versions with the same rules judges every history as the policy itself does:
 * an interval rule kept by both keeps one clock (nothing moves when the interval does not change), and
 * every other kind applies each version within its days. Only `policyVersion` tells them apart.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, getPolicy, type Policy, policyIds, type Report } from '../../src/index.js';
import { loadPolicy } from '../../src/policy/load.js';
import { asOfArb, historyArb, isoOf, offsetOf } from '../arbitraries.js';

const RUNS = { numRuns: Number(process.env.PROP_RUNS ?? 40) };

/** The policy as two versions, `a` from its own date and `b` from `cut`, with the same rules. */
function cutInTwo(policy: Policy, cut: string): Policy {
  const { version: _v, effectiveFrom, rules, ...meta } = policy;
  return loadPolicy({
    ...meta,
    versions: [
      { version: 'a', effectiveFrom, rules },
      { version: 'b', effectiveFrom: cut, rules },
    ],
  });
}

/** The findings without their version. */
const findings = (r: Report) => {
  const strip = <T extends { policyVersion: string }>(xs: T[]) => xs.map(({ policyVersion: _p, ...x }) => x);
  return {
    obligations: strip(r.obligations),
    breaches: strip(r.breaches),
    recordings: strip(r.recordings),
    // What a rule cannot judge, once per rule and subject (a minutes rule counts its short periods per version).
    notEvaluable: [...new Set(r.notEvaluable.map((n) => `${n.ruleId} ${n.subject.type} ${n.subject.id}`))],
    retention: r.retention,
    totals: r.totals,
  };
};

describe('policy versions (properties)', () => {
  it('two versions with the same rules give the same findings as one, each tagged with the version in force', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...policyIds),
        historyArb,
        asOfArb,
        // A cut anywhere from 2020 to 2027 (before, inside and after the histories' dates).
        fc.integer({ min: offsetOf('2020-01-02'), max: offsetOf('2027-12-31') }).map(isoOf),
        (id, history, asOf, cut) => {
          const policy = getPolicy(id);
          fc.pre(cut > policy.effectiveFrom);
          const one = evaluate(policy, history, { asOf });
          const two = evaluate(cutInTwo(policy, cut), history, { asOf });
          expect(findings(two)).toEqual(findings(one));
          expect(one.recordings.every((r) => r.policyVersion === policy.version)).toBe(true);
          // A record's version is the one in force on its session's day; it is b only from the cut on.
          const days = new Map((history.events as { id: string; date: string }[]).map((e) => [e.id, e.date]));
          for (const r of two.recordings)
            expect(r.policyVersion).toBe(days.get(r.eventId)! >= cut ? 'b' : 'a');
          expect(two.policy.versions.map((v) => v.version)).toEqual(asOf >= cut ? ['a', 'b'] : ['a']);
        },
      ),
      RUNS,
    );
  });
});
