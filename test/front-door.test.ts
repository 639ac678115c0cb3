import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, evaluate, getPolicy, InputError, loadPolicy, preparePolicy } from '../src/index.js';
import { oneToOne, staff, thrown } from './helpers.js';

const example = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'example', 'history.json'), 'utf8'),
);
const asOf = '2025-12-01';

describe('preparePolicy', () => {
  it('evaluates as the policy it was made from does, by id, by value and by definition', () => {
    const byId = evaluate('derby', example, { asOf });
    expect(evaluate(preparePolicy('derby'), example, { asOf })).toEqual(byId);
    expect(evaluate(preparePolicy(getPolicy('derby')), example, { asOf })).toEqual(byId);
    const definition = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', 'policies', 'derby.json'), 'utf8'),
    );
    expect(evaluate(preparePolicy(definition), example, { asOf })).toEqual(byId);
  });

  it('returns a frozen copy, all the way down; the policy it was given stays as it was', () => {
    const given = getPolicy('york');
    const prepared = preparePolicy(given);
    expect(prepared).not.toBe(given);
    expect(prepared).toEqual(given);
    expect(Object.isFrozen(prepared)).toBe(true);
    expect(Object.isFrozen(prepared.rules[0]!.citation)).toBe(true);
    expect(Object.isFrozen(given)).toBe(false);
    expect(() => {
      (prepared.rules as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it('a prepared policy given again is returned as it is', () => {
    const prepared = preparePolicy('york');
    expect(preparePolicy(prepared)).toBe(prepared);
  });

  it('refuses what loadPolicy refuses, and an unknown id, with the same codes', () => {
    expect(thrown(() => preparePolicy('leeds' as 'york')).code).toBe('unknown-policy');
    const bad = { ...getPolicy('york'), rules: [] };
    const e = thrown(() => preparePolicy(bad));
    expect(e).toBeInstanceOf(InputError);
    expect(e.code).toBe('invalid-policy');
    expect(e.issues.map((i) => i.path)).toEqual(thrown(() => loadPolicy(bad)).issues.map((i) => i.path));
  });

  it('compare takes prepared policies beside ids', () => {
    const history = { staff: [staff('S1')], events: [oneToOne('S1', '2025-10-06')] };
    const both = compare(history, { asOf, policies: ['york', preparePolicy('derby')] });
    expect(both.results.map((r) => r.policy.id)).toEqual(['york', 'derby']);
    expect(both.results[1]!.report).toEqual(evaluate('derby', history, { asOf }));
  });
});

describe('a policy by value is validated on every call', () => {
  it('a policy changed after one evaluation is evaluated as changed (only frozen policies are kept)', () => {
    const policy = getPolicy('york');
    const history = { staff: [staff('S1')], events: [oneToOne('S1', '2025-10-06')] };
    const before = evaluate(policy, history, { asOf });
    policy.name = 'Changed';
    expect(evaluate(policy, history, { asOf }).policy.name).toBe('Changed');
    expect(before.policy.name).not.toBe('Changed');
    policy.rules = [];
    expect(thrown(() => evaluate(policy, history, { asOf })).code).toBe('invalid-policy');
  });

  it('getPolicy still gives a fresh copy that may be changed, whatever was evaluated by id before', () => {
    evaluate('york', { staff: [] }, { asOf });
    const copy = getPolicy('york');
    expect(Object.isFrozen(copy)).toBe(false);
    copy.rules.length = 0;
    expect(getPolicy('york').rules.length).toBeGreaterThan(0);
    expect(evaluate('york', { staff: [] }, { asOf }).policy.id).toBe('york');
  });
});
