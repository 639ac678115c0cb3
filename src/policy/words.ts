/**
 * The words a policy's rules use (event types in `counts`, roles, tags, case flags and episode
 * types in conditions), each at its JSON path: for `loadPolicy` to refuse one that is neither built
 * in nor declared in the policy's `vocabulary`, and for `lintPolicy` to find a declared word no rule
 * uses.
 */
import type { Issue } from '../errors/input-error.js';
import { knownWords, type Vocabulary, type VocabularyKind } from '../history/vocabulary.js';
import { unknownWordMessage } from '../history/words.js';
import type { Condition } from './schema.js';

/** One use of a word: its kind, the word and where. */
export interface WordUse {
  kind: VocabularyKind;
  word: string;
  path: string;
}

/** A rule as far as its words go (a rule as written, before references are resolved, or as loaded). */
interface Worded {
  kind: string;
  when?: Condition | undefined;
  counts?: readonly string[];
  trigger?: readonly string[];
  triggers?: readonly { byFirst?: readonly string[] | undefined }[];
  givenBy?: 'line-manager' | { role?: readonly string[] | undefined } | undefined;
  schedule?: readonly { when?: Condition | undefined }[];
  episode?: string;
}

/** Every word a condition uses, through `all`, `any` and `not`. */
export function conditionWords(cond: Condition | undefined, path: string, out: WordUse[] = []): WordUse[] {
  if (cond === undefined) return out;
  const add = (kind: VocabularyKind, words: readonly string[] | undefined, key: string) => {
    for (const [j, word] of (words ?? []).entries()) out.push({ kind, word, path: `${path}.${key}[${j}]` });
  };
  add('roles', cond.role, 'role');
  add('tags', cond.tag, 'tag');
  add('episodeTypes', cond.episode, 'episode');
  add('caseFlags', cond.flag, 'flag');
  for (const [j, c] of (cond.all ?? []).entries()) conditionWords(c, `${path}.all[${j}]`, out);
  for (const [j, c] of (cond.any ?? []).entries()) conditionWords(c, `${path}.any[${j}]`, out);
  conditionWords(cond.not, `${path}.not`, out);
  return out;
}

/** Every word the rules use, at paths under `at` (`rules` or `versions[k].rules`). */
export function ruleWords(rules: readonly Worded[], at: string): WordUse[] {
  const out: WordUse[] = [];
  rules.forEach((rule, i) => {
    const path = `${at}[${i}]`;
    const list = (kind: VocabularyKind, words: readonly string[] | undefined, where: string) => {
      for (const [j, word] of (words ?? []).entries())
        out.push({ kind, word, path: `${path}.${where}[${j}]` });
    };
    list('eventTypes', rule.counts, 'counts');
    list('eventTypes', rule.trigger, 'trigger');
    for (const [j, t] of (rule.triggers ?? []).entries())
      list('eventTypes', t.byFirst, `triggers[${j}].byFirst`);
    if (typeof rule.givenBy === 'object') list('roles', rule.givenBy.role, 'givenBy.role');
    if (rule.kind === 'ahead-of-date' && rule.episode !== undefined)
      out.push({ kind: 'episodeTypes', word: rule.episode, path: `${path}.episode` });
    conditionWords(rule.when, `${path}.when`, out);
    for (const [j, e] of (rule.schedule ?? []).entries())
      conditionWords(e.when, `${path}.schedule[${j}].when`, out);
  });
  return out;
}

/** The uses of words neither built in nor declared, each an issue with the nearest known word. */
export function undeclaredWords(uses: readonly WordUse[], vocabulary: Vocabulary | undefined): Issue[] {
  return uses
    .filter((u) => !knownWords(u.kind, vocabulary).includes(u.word))
    .map((u) => ({ path: u.path, message: unknownWordMessage(u.word, u.kind, vocabulary, true) }));
}
