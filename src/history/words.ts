/**
 * The words of a history checked against a vocabulary: each staff member's `role` and `tags`, each
 * case's episode `type` and `flag`, each event's `type`. The schema (and its quick check) take any
 * text there, because which words are known depends on the policy the history is evaluated
 * against: the built-in words, and those its `vocabulary` declares. This pass refuses the rest, each
 * at its path with the nearest known word.
 */
import type { Issue } from '../errors/input-error.js';
import { JSON_LIMITS } from '../errors/json-guard.js';
import { messages } from '../errors/messages.js';
import { nearest } from '../errors/nearest.js';
import { formatPath } from '../errors/path.js';
import { knownWords, type Vocabulary, type VocabularyKind, WORD_KINDS } from './vocabulary.js';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A word that is neither built in nor declared, in the words a person reads. */
export function unknownWordMessage(
  word: string,
  kind: VocabularyKind,
  vocabulary: Vocabulary | undefined,
  inPolicy = false,
): string {
  const known = knownWords(kind, vocabulary);
  const declare = inPolicy ? ` (a word of the policy's own: declare it in vocabulary.${kind})` : '';
  if (known.length === 0)
    return `${word} is not a ${WORD_KINDS[kind].what} the policy declares (its vocabulary.${kind} lists none)${declare}`;
  return `${messages.unknownValue(word, known, nearest(word, known))}${declare}`;
}

/** The words of each kind a vocabulary knows, as sets, made when first asked for. */
export type KnownWords = (kind: VocabularyKind) => ReadonlySet<string>;
export function knownWordSets(vocabulary: Vocabulary | undefined): KnownWords {
  const sets = new Map<VocabularyKind, ReadonlySet<string>>();
  return (kind) => {
    let known = sets.get(kind);
    if (known === undefined) {
      known = new Set(knownWords(kind, vocabulary));
      sets.set(kind, known);
    }
    return known;
  };
}

/**
 * The unknown words of one item of the history's `staff`, `cases` or `events` (at index `i`), each
 * at its JSON path. Reads the item defensively: what is not text is the schema's to word.
 */
export function itemWordIssues(
  list: 'staff' | 'cases' | 'events',
  item: unknown,
  i: number,
  vocabulary: Vocabulary | undefined,
  known: KnownWords,
): Issue[] {
  const out: Issue[] = [];
  addItemWordIssues(out, list, item, i, vocabulary, known);
  return out;
}

/** {@link itemWordIssues}, added to `out`: a loop over the history allocates only for an unknown word. */
function addItemWordIssues(
  out: Issue[],
  list: 'staff' | 'cases' | 'events',
  item: unknown,
  i: number,
  vocabulary: Vocabulary | undefined,
  known: KnownWords,
): void {
  if (!isObj(item)) return;
  // Each word is looked up, and worded with its path only when unknown.
  const add = (word: string, kind: VocabularyKind, path: PropertyKey[]) =>
    out.push({ path: formatPath([list, i, ...path]), message: unknownWordMessage(word, kind, vocabulary) });
  if (list === 'staff') {
    const role = item.role;
    if (isUnknown(role, known('roles'))) add(role, 'roles', ['role']);
    const tags = item.tags;
    if (Array.isArray(tags))
      for (let j = 0; j < tags.length; j++) {
        const tag: unknown = tags[j];
        if (isUnknown(tag, known('tags'))) add(tag, 'tags', ['tags', j]);
      }
  } else if (list === 'cases') {
    const episodes = item.episodes;
    if (Array.isArray(episodes))
      for (let j = 0; j < episodes.length; j++) {
        const type = isObj(episodes[j]) ? episodes[j].type : undefined;
        if (isUnknown(type, known('episodeTypes'))) add(type, 'episodeTypes', ['episodes', j, 'type']);
      }
    const flags = item.flags;
    if (Array.isArray(flags))
      for (let j = 0; j < flags.length; j++) {
        const flag = isObj(flags[j]) ? flags[j].flag : undefined;
        if (isUnknown(flag, known('caseFlags'))) add(flag, 'caseFlags', ['flags', j, 'flag']);
      }
  } else {
    const type = item.type;
    if (isUnknown(type, known('eventTypes'))) add(type, 'eventTypes', ['type']);
  }
}

/** Text that `known` does not hold (anything else is the schema's to word). */
const isUnknown = (word: unknown, known: ReadonlySet<string>): word is string =>
  typeof word === 'string' && !known.has(word);

/**
 * The history's words that neither the built-in vocabulary nor `vocabulary` knows, each at its JSON
 * path (at most JSON_LIMITS.maxIssues).
 */
export function wordIssues(value: unknown, vocabulary: Vocabulary | undefined): Issue[] {
  const out: Issue[] = [];
  if (!isObj(value)) return out;
  const known = knownWordSets(vocabulary);
  for (const list of ['staff', 'cases', 'events'] as const) {
    const items = value[list];
    if (!Array.isArray(items)) continue;
    for (let i = 0; i < items.length && out.length < JSON_LIMITS.maxIssues; i++)
      addItemWordIssues(out, list, items[i], i, vocabulary, known);
  }
  return out;
}
