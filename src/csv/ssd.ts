import type { Mapping } from './mapping.js';

/**
 * The built-in `ssd` mapping: the Standard Safeguarding Dataset (the open data model of the
 * data-to-insight network) for staff, allocations, case episodes and reviews, and two supervision
 * files of ours for what the SSD does not hold (start dates, line managers, the sessions).
 * docs/csv-import.md documents every column.
 */

/** SQL Server and spreadsheet renderings of SSD datetime columns, then UK dates. */
const SSD_DATES = [
  'iso',
  'yyyy-MM-dd HH:mm:ss.SSS',
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd HH:mm',
  "yyyy-MM-dd'T'HH:mm:ss.SSS",
  "yyyy-MM-dd'T'HH:mm:ss",
  "yyyy-MM-dd'T'HH:mm",
  'dd/MM/yyyy HH:mm:ss',
  'dd/MM/yyyy HH:mm',
  'dd/MM/yyyy',
];

/** `prof_professional_job_title` to the history's roles; other titles are kept as written (and refused unless they are roles). */
export const SSD_JOB_TITLES: Record<string, string> = {
  'Social Worker': 'social-worker',
  'Senior Social Worker': 'social-worker',
  'Experienced Social Worker': 'social-worker',
  NQSW: 'social-worker',
  'Newly Qualified Social Worker': 'social-worker',
  'ASYE Social Worker': 'social-worker',
  'Agency Social Worker': 'social-worker',
  'Senior Practitioner': 'advanced-practitioner',
  'Advanced Practitioner': 'advanced-practitioner',
  'Advanced Social Work Practitioner': 'advanced-practitioner',
  'Consultant Social Worker': 'advanced-practitioner',
  'Practice Lead': 'advanced-practitioner',
  'Team Manager': 'team-manager',
  'Assistant Team Manager': 'team-manager',
  'Deputy Team Manager': 'team-manager',
  'Service Manager': 'service-manager',
  'Group Manager': 'group-manager',
  'Head of Service': 'group-manager',
  'Independent Reviewing Officer': 'iro',
  IRO: 'iro',
  'Child Protection Chair': 'cp-chair',
  'Child Protection Conference Chair': 'cp-chair',
  'Social Work Student': 'student',
  'Student Social Worker': 'student',
  'Social Work Apprentice': 'apprentice',
  'Family Support Worker': 'practitioner',
  'Family Practitioner': 'practitioner',
  'Registered Manager': 'residential-manager',
  'Residential Manager': 'residential-manager',
};

/** `supv_session_type`, the supervision form's type, to the history's event types. */
export const SSD_SESSION_TYPES: Record<string, string> = {
  'Formal Supervision': 'one-to-one',
  'One to One Supervision': 'one-to-one',
  'Individual Supervision': 'one-to-one',
  'Case Supervision': 'case-discussion',
  'Case Discussion': 'case-discussion',
  'Group Supervision': 'group',
  'Team Supervision': 'group',
  'Informal Supervision': 'informal',
  'Observation of Practice': 'observation',
  'Practice Observation': 'observation',
  Appraisal: 'appraisal',
  'Annual Appraisal': 'appraisal',
  'Appraisal Review': 'appraisal-review',
  'Mid-Year Review': 'appraisal-review',
  'Supervision Agreement': 'agreement',
  'Probation Review': 'probation-review',
  'Check-in': 'check-in',
  'Check In': 'check-in',
};

const YES_NO = { Y: true, N: false, Yes: true, No: false };
const notEmpty = (column: string) => ({ column, notIn: [''] });

export const ssdMapping: Mapping = {
  name: 'ssd',
  description:
    'Standard Safeguarding Dataset tables (ssd_professionals, ssd_involvements, ssd_cin_episodes, ssd_cla_episodes, ssd_cp_plans, ssd_cp_reviews, ssd_cla_reviews) and the supervision files ssd_supervision_staff and ssd_supervision_sessions.',
  dateFormats: SSD_DATES,
  listSeparator: ';',
  tables: [
    // From the generic layout, when given: the day the records start (recordsFrom).
    { target: 'history', file: 'history.csv', fields: { recordsFrom: 'recordsFrom' }, extraColumns: true },
    {
      target: 'staff',
      file: 'ssd_professionals.csv',
      fold: true,
      fields: {
        id: 'prof_professional_id',
        role: { column: 'prof_professional_job_title', values: SSD_JOB_TITLES },
        teamId: 'prof_professional_department',
      },
    },
    {
      target: 'staff',
      file: 'ssd_supervision_staff.csv',
      fold: true,
      fields: {
        id: 'supst_professional_id',
        startDate: 'supst_start_date',
        roleStartDate: 'supst_role_start_date',
        endDate: 'supst_end_date',
        qualifiedDate: 'supst_qualified_date',
        'asye.start': 'supst_asye_start_date',
        'asye.end': 'supst_asye_end_date',
        service: 'supst_service',
        fullTime: { column: 'supst_full_time', values: YES_NO },
        directReports: 'supst_direct_reports',
      },
    },
    {
      target: 'supervisors',
      file: 'ssd_supervision_staff.csv',
      parent: 'supst_professional_id',
      where: [notEmpty('supst_supervisor_id')],
      fields: {
        supervisorId: 'supst_supervisor_id',
        from: 'supst_supervisor_start_date',
        to: 'supst_supervisor_end_date',
      },
    },
    {
      target: 'absences',
      file: 'absences.csv',
      parent: 'staffId',
      extraColumns: true,
      fields: { reason: 'reason', from: 'from', to: 'to' },
    },
    {
      target: 'arrangements',
      file: 'arrangements.csv',
      parent: 'staffId',
      extraColumns: true,
      fields: {
        type: 'type',
        from: 'from',
        to: 'to',
        'interval.days': 'interval.days',
        'interval.weeks': 'interval.weeks',
        'interval.months': 'interval.months',
        'interval.workingDays': 'interval.workingDays',
      },
    },
    {
      target: 'allocations',
      file: 'ssd_involvements.csv',
      parent: 'invo_person_id',
      createParent: true,
      where: [{ column: 'invo_professional_role_id', in: ['Allocated Case Worker'] }],
      fields: {
        workerId: 'invo_professional_id',
        from: 'invo_involvement_start_date',
        to: 'invo_involvement_end_date',
      },
    },
    {
      target: 'episodes',
      file: 'ssd_cin_episodes.csv',
      parent: 'cine_person_id',
      createParent: true,
      fields: { type: { constant: 'child-in-need' }, from: 'cine_referral_date', to: 'cine_close_date' },
    },
    {
      target: 'episodes',
      file: 'ssd_cp_plans.csv',
      parent: 'cppl_person_id',
      createParent: true,
      fields: {
        type: { constant: 'child-protection' },
        from: 'cppl_cp_plan_start_date',
        to: 'cppl_cp_plan_end_date',
      },
    },
    {
      target: 'episodes',
      file: 'ssd_cla_episodes.csv',
      parent: 'clae_person_id',
      createParent: true,
      fields: {
        type: { constant: 'child-in-care' },
        from: 'clae_cla_episode_start_date',
        to: 'clae_cla_episode_ceased_date',
      },
    },
    {
      target: 'reviews',
      file: 'ssd_cp_reviews.csv',
      parent: 'cppr_person_id',
      createParent: true,
      where: [notEmpty('cppr_cp_review_date')],
      fields: { date: 'cppr_cp_review_date' },
    },
    {
      target: 'reviews',
      file: 'ssd_cla_reviews.csv',
      // ssd_cla_reviews names the period of care (clar_cla_id), not the child: ssd_cla_episodes says whose it is.
      parent: {
        column: 'clar_cla_id',
        lookup: { file: 'ssd_cla_episodes.csv', key: 'clae_cla_id', value: 'clae_person_id' },
      },
      createParent: true,
      where: [notEmpty('clar_cla_review_date'), { column: 'clar_cla_review_cancelled', notIn: ['Y'] }],
      fields: { date: 'clar_cla_review_date' },
    },
    {
      target: 'events',
      file: 'ssd_supervision_sessions.csv',
      fold: true,
      fields: {
        id: 'supv_session_id',
        type: { column: 'supv_session_type', values: SSD_SESSION_TYPES },
        date: 'supv_session_date',
        start: 'supv_session_start',
        durationMinutes: 'supv_duration_minutes',
        status: { column: 'supv_session_status', values: { Held: 'held', Cancelled: 'cancelled' } },
        superviseeId: 'supv_supervisee_id',
        supervisorId: 'supv_supervisor_id',
        participantIds: 'supv_participant_ids',
        teamId: 'supv_team',
        caseIds: 'supv_person_id',
        recordedAt: 'supv_session_recorded',
        safeguarding: { column: 'supv_safeguarding', values: YES_NO },
      },
    },
    {
      target: 'caseRecords',
      file: 'ssd_supervision_sessions.csv',
      parent: 'supv_session_id',
      where: [notEmpty('supv_person_id')],
      fields: { caseId: 'supv_person_id', recordedAt: 'supv_person_recorded' },
    },
  ],
};
