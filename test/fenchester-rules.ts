/**
 * Rules of the fictional Fenchester Borough Council (test/helpers.ts `fenchesterPolicy`) shared by the
 * tests of approximate readings and of too-long sessions: in the engine, the command line's outputs
 * and the HTML report.
 */
export const citation = {
  source: 'fenchester-supervision.txt',
  section: '4. Supervision',
  quote: 'regular supervision',
};

/** Why FEN-5's monthly reading is approximate. */
export const why = "The text says 'regular'; read as monthly.";

/** FEN-5 "regular supervision": monthly, approximate when given why; counting `counts`. */
export const fen5 = (
  approximate: string | undefined,
  interval: object = { months: 1 },
  counts: string[] = ['one-to-one'],
) => ({
  id: 'FEN-5',
  kind: 'interval',
  name: 'regular supervision',
  activity: 'one-to-one',
  strength: 'must',
  subject: 'staff',
  counts,
  schedule: [{ interval }],
  citation,
  ...(approximate === undefined ? {} : { approximate }),
});

/** FEN-6 "supervision record": within 5 working days, an approximate reading of "promptly". */
export const fen6 = {
  id: 'FEN-6',
  kind: 'recording',
  name: 'supervision record',
  activity: 'recording',
  strength: 'must',
  records: 'session',
  counts: ['one-to-one'],
  deadline: { workingDays: 5 },
  citation,
  approximate: "The text says 'promptly'; read as 5 working days.",
};

/** FEN-9 "supervision of at most two hours": an exact, advisory maximum of 120 minutes. */
export const fen9 = {
  id: 'FEN-9',
  kind: 'session-length',
  name: 'supervision of at most two hours',
  activity: 'one-to-one',
  strength: 'advisory',
  subject: 'staff',
  counts: ['one-to-one'],
  maximumMinutes: 120,
  citation,
};
