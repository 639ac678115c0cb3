// One hostile or extreme input per run, in its own process (node --max-old-space-size=256):
// `node held-out-cases.mjs <library.js> <case>` prints one line of JSON, { outcome, code?, paths? },
// where outcome is 'answered' or 'refused' (an InputError, or safeEvaluate's { ok: false }).
// Anything else (a crash, a RangeError, running out of time or memory) fails the test that runs it.
const [libraryPath, name] = process.argv.slice(2);
const L = await import(libraryPath);

const worker = (id, extra = {}) => ({ id, role: 'social-worker', startDate: '2020-01-06', ...extra });
const students = (n, startDate) =>
  Array.from({ length: n }, (_, i) => ({ id: `S${i}`, role: 'student', startDate }));
const york = () => structuredClone(L.getPolicy('york'));
const withInterval = (interval) => {
  const p = york();
  p.rules.find((r) => r.kind === 'interval').schedule[0].interval = interval;
  return p;
};
const sparse = (length) => {
  const list = [];
  list.length = length;
  return list;
};
const sharedTree = (levels) => {
  let node = { leaf: true };
  for (let i = 0; i < levels; i++) node = { a: node, b: node };
  return node;
};
const revoked = () => {
  const r = Proxy.revocable({}, {});
  r.revoke();
  return r.proxy;
};

/** name → () => the call to make (evaluate-like: throws InputError or answers). */
const cases = {
  'gloucestershire asOf 9999': () =>
    L.evaluate('gloucestershire', { staff: [worker('S1')] }, { asOf: '9999-12-30' }),
  'derby asOf 9999': () => L.evaluate('derby', { staff: [worker('S1')] }, { asOf: '9999-12-30' }),
  'a session in the last week of 9999': () =>
    L.evaluate(
      'york',
      {
        staff: [worker('S1')],
        events: [{ id: 'E', type: 'one-to-one', date: '9999-12-28', superviseeId: 'S1' }],
      },
      { asOf: '9999-12-31' },
    ),
  'a far-future startDate': () =>
    L.evaluate('southwark', { staff: [worker('S1', { startDate: '9999-12-01' })] }, { asOf: '2025-01-01' }),
  'a far-future recordedAt': () =>
    L.evaluate(
      'derby',
      {
        staff: [worker('S1')],
        events: [
          {
            id: 'E',
            type: 'one-to-one',
            date: '2024-06-03',
            superviseeId: 'S1',
            recordedAt: '9999-12-31T23:00:00Z',
          },
        ],
      },
      { asOf: '2025-01-01' },
    ),
  'an end date of 9999-12-31 (no end)': () =>
    L.evaluate(
      'derby',
      { staff: [worker('S1', { absences: [{ from: '2024-01-01', to: '9999-12-31' }] })] },
      { asOf: '2025-01-01' },
    ),
  'a policy interval of a billion days': () =>
    L.evaluate(withInterval({ days: 1e9 }), { staff: [worker('S1')] }, { asOf: '2025-01-01' }),
  'a policy interval of 100,000 months': () =>
    L.evaluate(withInterval({ months: 100_000 }), { staff: [worker('S1')] }, { asOf: '2025-01-01' }),
  'an agreed interval of three million days': () =>
    L.evaluate(
      'york',
      {
        staff: [
          worker('S1', {
            arrangements: [{ type: 'agreed-interval', from: '2020-01-06', interval: { days: 3e6 } }],
          }),
        ],
      },
      { asOf: '2025-01-01' },
    ),
  'gloucestershire, 40 students, asOf 9698-12-31': () =>
    L.evaluate('gloucestershire', { staff: students(40, '2023-01-02') }, { asOf: '9698-12-31' }),
  'gloucestershire, 10 students judged 100 years': () =>
    L.evaluate('gloucestershire', { staff: students(10, '2023-01-02') }, { asOf: '2122-12-31' }),
  'years 1100 to 9699 in one history': () =>
    L.evaluate(
      'nottingham',
      {
        recordsFrom: '9600-01-03',
        staff: [worker('S1', { startDate: '1100-01-04' })],
        events: [
          { id: 'E1', type: 'one-to-one', date: '1100-01-05', superviseeId: 'S1', recordedAt: '1100-01-05' },
          { id: 'E2', type: 'one-to-one', date: '9699-11-01', superviseeId: 'S1', recordedAt: '9699-11-01' },
        ],
      },
      { asOf: '9699-12-31' },
    ),
  'a case with 130,000 allocations': () =>
    L.evaluate(
      'york',
      {
        staff: [worker('S1')],
        cases: [
          {
            id: 'C1',
            allocations: Array.from({ length: 130_000 }, () => ({ workerId: 'S1', from: '2024-01-01' })),
          },
        ],
      },
      { asOf: '2025-01-01' },
    ),
  'a sparse list of length 2^32-1': () =>
    L.evaluate('york', { staff: [], events: sparse(2 ** 32 - 1) }, { asOf: '2025-01-01' }),
  'a tree of shared references, 28 levels': () =>
    L.evaluate('york', { staff: [worker('S1', { extra: sharedTree(28) })] }, { asOf: '2025-01-01' }),
  'a throwing getter': () =>
    L.evaluate(
      'york',
      {
        staff: [
          Object.defineProperty(worker('S1'), 'teamId', {
            enumerable: true,
            get() {
              throw new Error('boom');
            },
          }),
        ],
      },
      { asOf: '2025-01-01' },
    ),
  'a revoked proxy as the history': () => L.evaluate('york', revoked(), { asOf: '2025-01-01' }),
  'a revoked proxy as the options': () => L.evaluate('york', { staff: [] }, revoked()),
  'a revoked proxy as the policy': () => L.evaluate(revoked(), { staff: [] }, { asOf: '2025-01-01' }),
  'a proxy whose traps all throw': () =>
    L.evaluate(
      'york',
      new Proxy(
        { staff: [] },
        {
          get: () => {
            throw new Error('get');
          },
          ownKeys: () => {
            throw new Error('keys');
          },
        },
      ),
      { asOf: '2025-01-01' },
    ),
  'nesting 100,000 levels deep': () => {
    let deep = {};
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    return L.evaluate('york', { staff: [worker('S1', { deep })] }, { asOf: '2025-01-01' });
  },
  'a cycle': () => {
    const s = worker('S1');
    s.self = s;
    return L.evaluate('york', { staff: [s] }, { asOf: '2025-01-01' });
  },
  "compare with policies: 'york'": () => L.compare({ staff: [] }, { asOf: '2025-01-01', policies: 'york' }),
  'lintPolicy({})': () => L.lintPolicy({}),
  'a million problems': () =>
    L.evaluate(
      'york',
      { staff: Array.from({ length: 1_000_000 }, () => ({ id: 1 })) },
      { asOf: '2025-01-01' },
    ),
};

const run = cases[name];
if (run === undefined) {
  console.log(JSON.stringify({ outcome: 'unknown case' }));
  process.exit(3);
}
try {
  run();
  console.log(JSON.stringify({ outcome: 'answered' }));
} catch (e) {
  if (e instanceof L.InputError)
    console.log(JSON.stringify({ outcome: 'refused', code: e.code, paths: e.issues.map((i) => i.path) }));
  else {
    console.log(
      JSON.stringify({ outcome: 'threw', name: e?.name, message: String(e?.message).slice(0, 200) }),
    );
    process.exit(2);
  }
}
