import { describe, expect, it } from 'vitest';
import { getPolicy } from '../../src/policies.js';
import { cli, tempFiles } from './fake-io.js';

describe('supervision-rules baseline', () => {
  it('prints York against the LGA standard by default: verdicts, the sentence, both citations', () => {
    const r = cli(['baseline', 'york']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(
      'york (version 1:2) against england-lga-2020 (version 2020), compared from 2020-12-01 to 2021-11-30',
    );
    expect(lines).toContain('LGA-1   past the ASYE    goes beyond  YRK-2');
    expect(lines).toContain('LGA-3   students         not covered  -');
    const at = lines.indexOf('LGA-1   past the ASYE    goes beyond  YRK-2');
    expect(lines[at + 1]).toMatch(/^ {8}YRK-2 never falls due later than LGA-1/);
    expect(lines[at + 2]).toMatch(
      /^ {8}standard: LGA-1 \(should\) "for social workers who have demonstrated/,
    );
    expect(lines[at + 3]).toBe(
      '        council:  YRK-2 (must) "Social Workers with 1 year (plus) experience 4 weekly" (1. Frequency of supervision)',
    );
  });

  it('--against england-dfe-2024 --format json: the comparison as data', () => {
    const r = cli(['baseline', 'derby', '--against', 'england-dfe-2024', '--format', 'json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out);
    expect(c.baseline.id).toBe('england-dfe-2024');
    expect(
      c.rows.map((row: { requirement: string; verdict: string }) => [row.requirement, row.verdict]),
    ).toEqual([
      ['DFE-1', 'meets'],
      ['DFE-2', 'goes-beyond'],
      ['DFE-3', 'not-covered'],
      ['DFE-3', 'not-covered'],
      ['DFE-4', 'goes-beyond'],
    ]);
  });

  it("takes a council's own policy file", () => {
    const path = tempFiles().file('mine.json', { ...getPolicy('southwark'), id: 'mine' });
    const r = cli(['baseline', path, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).policy.id).toBe('mine');
  });

  it('bad input: no policy, an unknown baseline, a csv format; exit 2', () => {
    expect(cli(['baseline'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('baseline needs exactly one'),
    });
    expect(cli(['baseline', 'york', '--against', 'leeds'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--against: leeds is neither a built-in policy'),
    });
    expect(cli(['baseline', 'york', '--format', 'csv'])).toMatchObject({ code: 2 });
  });

  it('--help lists the command and the baselines', () => {
    const r = cli(['--help']);
    expect(r.out).toContain('supervision-rules baseline <id | policy.json> [--against england-lga-2020]');
    expect(r.out).toContain('national baselines: england-lga-2020, england-dfe-2024');
  });
});

describe('supervision-rules policies', () => {
  it('lists the baselines after the five councils', () => {
    const r = cli(['policies', '--format', 'json']);
    expect(JSON.parse(r.out).map((p: { id: string }) => p.id)).toEqual([
      'nottingham',
      'gloucestershire',
      'york',
      'derby',
      'southwark',
      'england-lga-2020',
      'england-dfe-2024',
    ]);
    expect(cli(['policies']).out).toContain(
      '  LGA-2   should   interval           newly qualified social worker supervision',
    );
  });
});

describe('an unknown --policy or --against names every built-in policy and the nearest', () => {
  it('lists the councils and the baselines, and says did you mean', () => {
    const r = cli(['baseline', 'york', '--against', 'england-dfe-2042']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      '--against: england-dfe-2042 is neither a built-in policy (nottingham, gloucestershire, york, derby, southwark, england-lga-2020, england-dfe-2024) nor a file; did you mean england-dfe-2024?',
    );
  });
});
