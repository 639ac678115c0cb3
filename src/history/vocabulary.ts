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
