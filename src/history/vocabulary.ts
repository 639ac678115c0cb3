/** The words a history may use (docs/history-format.md lists them with their meaning). */
export const ROLES = [
  'social-worker',
  'team-manager',
  'service-manager',
  'group-manager',
  'residential-manager',
  'advanced-practitioner',
  'cp-chair',
  'iro',
  'student',
  'apprentice',
  'practitioner',
  'non-operational',
  'clinician',
] as const;
export const SERVICES = [
  'family-early-help',
  'assessment',
  'child-in-need',
  'child-protection',
  'children-in-care',
  'care-leavers',
  'fostering',
  'youth-offending',
  'clinical',
  'quality-assurance',
] as const;
export const EPISODE_TYPES = [
  'early-help',
  'assessment',
  'child-in-need',
  'child-protection',
  'child-in-care',
  'care-leaver',
  'foster-carer',
  'youth-offending',
  'short-breaks',
  'clinical',
  'quality-assurance',
] as const;
export const CASE_FLAGS = [
  'high-risk',
  'court-proceedings',
  'missing',
  'exploitation',
  'non-permanent-placement',
  'recently-placed-home',
  'unregulated-placement',
  'permanency-plan-agreed',
  'self-sufficient-stable',
  'long-term-custody',
  'adult-social-care-stable',
  'placement-instability',
  'care-quality-concern',
] as const;
export const EVENT_TYPES = [
  'one-to-one',
  'case-discussion',
  'group',
  'informal',
  'observation',
  'appraisal',
  'appraisal-review',
  'agreement',
  'probation-review',
  'check-in',
] as const;
export const ARRANGEMENT_TYPES = [
  'agreed-interval',
  'performance-plan',
  'extended-interval-authorised',
  'agreed-session-length',
] as const;
export const ABSENCE_REASONS = [
  'sickness',
  'parental-leave',
  'secondment',
  'annual-leave',
  'career-break',
  'suspension',
  'other',
] as const;

export type Role = (typeof ROLES)[number];
export type Service = (typeof SERVICES)[number];
export type EpisodeType = (typeof EPISODE_TYPES)[number];
export type CaseFlag = (typeof CASE_FLAGS)[number];
export type EventType = (typeof EVENT_TYPES)[number];
export type ArrangementType = (typeof ARRANGEMENT_TYPES)[number];

/**
 * The words a policy adds to the built-in ones (its `vocabulary`, docs/policy-language.md): staff
 * tags (there are no built-in ones), roles, event types, case flags and episode types. A history
 * evaluated against the policy may use them, and the policy's conditions and `counts` may test them.
 */
export interface Vocabulary {
  readonly tags?: readonly string[] | undefined;
  readonly roles?: readonly string[] | undefined;
  readonly eventTypes?: readonly string[] | undefined;
  readonly caseFlags?: readonly string[] | undefined;
  readonly episodeTypes?: readonly string[] | undefined;
}
export type VocabularyKind = keyof Vocabulary;

/** Each kind of word: its built-in words, and what one is called in a message. */
export const WORD_KINDS: Readonly<Record<VocabularyKind, { builtIn: readonly string[]; what: string }>> = {
  tags: { builtIn: [], what: 'staff tag' },
  roles: { builtIn: ROLES, what: 'role' },
  eventTypes: { builtIn: EVENT_TYPES, what: 'event type' },
  caseFlags: { builtIn: CASE_FLAGS, what: 'case flag' },
  episodeTypes: { builtIn: EPISODE_TYPES, what: 'episode type' },
};

/** The words of a kind a history or policy may use: the built-in ones, then those the vocabulary declares. */
export function knownWords(kind: VocabularyKind, vocabulary: Vocabulary | undefined): readonly string[] {
  const own = vocabulary?.[kind] ?? [];
  const builtIn = WORD_KINDS[kind].builtIn;
  return own.length === 0 ? builtIn : [...builtIn, ...own.filter((w) => !builtIn.includes(w))];
}

/** The union of several vocabularies (a history compared under several policies may use any one's words). */
export function mergeVocabularies(vocabularies: readonly (Vocabulary | undefined)[]): {
  [K in VocabularyKind]?: string[];
} {
  const out: { [K in VocabularyKind]?: string[] } = {};
  for (const v of vocabularies)
    for (const kind of Object.keys(WORD_KINDS) as VocabularyKind[])
      for (const w of v?.[kind] ?? []) {
        const words = out[kind] ?? [];
        out[kind] = words;
        if (!words.includes(w)) words.push(w);
      }
  return out;
}
