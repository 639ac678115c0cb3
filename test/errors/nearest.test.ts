/** The "did you mean" of messages: the known name a mistyped one most likely meant, or none. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearest } from '../../src/errors/nearest.js';
import { ROLES } from '../../src/history/vocabulary.js';

const EVENT_FIELDS = [
  'id',
  'type',
  'date',
  'start',
  'superviseeId',
  'supervisorId',
  'recordedAt',
  'caseRecords',
  'caseIds',
];

describe('nearest', () => {
  it.each<[string, readonly string[], string | undefined]>([
    ['recordedat', EVENT_FIELDS, 'recordedAt'], // letter case alone
    ['superviseeid', EVENT_FIELDS, 'superviseeId'],
    ['socialworker', ROLES, 'social-worker'], // dashes ignored
    ['social_worker', ROLES, 'social-worker'],
    ['stregth', ['strength', 'subject'], 'strength'], // one letter left out
    ['qoute', ['source', 'section', 'quote'], 'quote'], // two letters swapped: one edit
    ['recordedOn', EVENT_FIELDS, 'recordedAt'], // 2 edits in 10 letters
    ['colour', ['id', 'name', 'council', 'source'], undefined],
    ['ids', ['id', 'idx'], 'id'], // a tie goes to the first known name
    ['', EVENT_FIELDS, undefined],
    ['recordedAt', EVENT_FIELDS, undefined], // a known name itself is not a typo
  ])('%s among %j: %s', (name, known, meant) => {
    expect(nearest(name, known)).toBe(meant);
  });

  it('allows 1 edit up to 4 letters, 2 up to 8, 3 beyond', () => {
    expect(nearest('dyas', ['days'])).toBe('days');
    expect(nearest('dy', ['days'])).toBeUndefined(); // 2 edits in 2 letters
    expect(nearest('wekks', ['weeks'])).toBe('weeks');
    expect(nearest('wkks', ['weeks'])).toBeUndefined(); // 2 edits in 4 letters
    expect(nearest('workngDys', ['workingDays'])).toBe('workingDays'); // 2 edits in 9
    expect(nearest('wrkngDys', ['workingDays'])).toBeUndefined(); // 3 edits in 8 letters
  });

  it('answers a known name or nothing, and the same name in other case always', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-zA-Z][a-zA-Z-]{0,11}$/), { minLength: 1, maxLength: 8 }),
        fc.string(),
        (known, name) => {
          const meant = nearest(name, known);
          if (meant !== undefined) expect(known).toContain(meant);
          const other = known[0]!.toUpperCase();
          if (other !== known[0] && !known.includes(other)) expect(nearest(other, known)).toBeDefined();
        },
      ),
    );
  });
});
