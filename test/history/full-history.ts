/**
 * A valid history with every field of the history schema given a value somewhere (the schema
 * walk in quick-validate-schema.test.ts fails when one has none), and every kind of place a
 * refinement looks at: an arrangement needing its interval and one needing its minutes, a group
 * event named by its participants and one by its team.
 */
export const fullHistory = () => ({
  $schema: 'https://example.org/history.schema.json',
  recordsFrom: '2024-01-01',
  calendar: { closures: ['2024-12-27'] },
  staff: [
    {
      id: 'S1',
      name: 'Sam Okafor',
      role: 'social-worker',
      startDate: '2024-01-08',
      roleStartDate: '2024-01-08',
      endDate: null,
      qualifiedDate: '2023-07-01',
      asye: { start: '2024-01-08', end: '2025-01-07' },
      confirmedInPost: '2024-07-08',
      service: 'child-protection',
      teamId: 'T1',
      fullTime: true,
      fte: 0.8,
      supervisors: [{ supervisorId: 'M1', from: '2024-01-08', to: null }],
      absences: [{ from: '2024-03-01', to: '2024-03-05', reason: 'sickness' }],
      arrangements: [
        { type: 'agreed-interval', from: '2024-01-08', interval: { weeks: 4 } },
        { type: 'agreed-session-length', from: '2024-01-08', to: '2024-12-31', minutes: 90 },
        { type: 'performance-plan', from: '2024-06-03', to: '2024-07-31', interval: { days: 10 } },
        { type: 'extended-interval-authorised', from: '2024-09-02', interval: { months: 2 } },
        { type: 'agreed-interval', from: '2024-10-01', interval: { workingDays: 15 } },
        { type: 'agreed-interval', from: '2024-01-08', interval: { weeks: 2 }, caseId: 'C1' },
      ],
      shifts: ['2024-01-08', '2024-01-09'],
      directReports: 0,
      lineManagerId: 'M1',
      registered: true,
    },
    { id: 'M1', role: 'team-manager', startDate: '2020-01-06', teamId: null },
  ],
  cases: [
    {
      id: 'C1',
      allocations: [{ workerId: 'S1', from: '2024-01-08', to: null }],
      episodes: [{ type: 'child-protection', from: '2024-01-10', to: '2024-05-31' }],
      flags: [{ flag: 'high-risk', from: '2024-02-01', to: '2024-05-01' }],
      reviews: ['2024-04-01'],
      closedDate: '2024-06-01',
    },
  ],
  events: [
    {
      id: 'E1',
      type: 'one-to-one',
      date: '2024-02-01',
      start: '2024-02-01T10:00:00.250Z',
      durationMinutes: 60,
      status: 'held',
      superviseeId: 'S1',
      teamId: 'T1',
      supervisorId: 'M1',
      caseIds: ['C1'],
      recordedAt: '2024-02-02T09:00:00+01:00',
      caseRecords: [
        { caseId: 'C1', recordedAt: '2024-02-03' },
        { caseId: 'C1', recordedAt: null },
      ],
      safeguarding: false,
    },
    { id: 'E2', type: 'group', date: '2024-02-08', participantIds: ['S1'] },
    { id: 'E3', type: 'group', date: '2024-02-15', status: 'cancelled', teamId: 'T1' },
  ],
});

/**
 * The full history with a staff tag too. No tag is a built-in word (a policy declares its own), so a
 * history with one is refused unless checked against such a policy: the tests of the schema's shape
 * (zod and the quick validator, words apart) use this one.
 */
export const fullHistoryWithTags = () => {
  const h = fullHistory();
  (h.staff[0] as Record<string, unknown>).tags = ['agency'];
  return h;
};
