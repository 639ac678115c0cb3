// Benchmark: what an integrator feels (cold import, one worker per call, a team, a whole council,
// memory), each figure a ratio measured in this run beside its target, PASS or MISS.
// Usage: node bench/run.mjs [--quick] [--runs 3] [--calls 300] [--scale 1] [--seed 42] [--dist file] [--out file] [--before file]
// (`npm run bench` builds first; this script imports ../dist/index.js. BENCH_QUICK=1 = --quick.)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AS_OF, generate, teamHistory, tiled, workerHistory } from './generate.mjs';
import { flag, MB, median, opt, root } from './options.mjs';

// --dist: benchmark another build (e.g. a copy of the tree before a change).
const dist = resolve(opt('dist', join(root, 'dist', 'index.js')));
const now = () => performance.now();
const EXAMPLE_AS_OF = '2025-12-01';

// ---------------------------------------------------------------------------------------------
// Child modes (spawned by the parent so that each measurement has a clean process).
// ---------------------------------------------------------------------------------------------
const child = opt('child');

if (child === 'calls') {
  // Per call, as a page view calls it: JSON.parse of the text, then evaluate, each timed; median of --calls.
  const lib = await import(pathToFileURL(dist).href);
  const calls = Number(opt('calls', '300'));
  const teamCalls = Number(opt('team-calls', '51'));
  const perCall = (text, n) => {
    const parse = [];
    const evals = Object.fromEntries(lib.policyIds.map((p) => [p, []]));
    for (let i = -Math.min(30, n); i < n; i++) {
      for (const p of lib.policyIds) {
        const t0 = now();
        const input = JSON.parse(text);
        const t1 = now();
        lib.evaluate(p, input, { asOf: AS_OF });
        const t2 = now();
        if (i < 0) continue; // warm-up
        if (p === lib.policyIds[0]) parse.push(t1 - t0);
        evals[p].push(t2 - t1);
      }
    }
    return {
      parseMs: median(parse),
      evalMs: Object.fromEntries(lib.policyIds.map((p) => [p, median(evals[p])])),
    };
  };
  const worker = readFileSync(opt('worker'), 'utf8');
  const team = readFileSync(opt('team'), 'utf8');
  const empty = Object.fromEntries(lib.policyIds.map((p) => [p, []]));
  for (let i = -30; i < calls; i++)
    for (const p of lib.policyIds) {
      const input = { staff: [] };
      const t0 = now();
      lib.evaluate(p, input, { asOf: AS_OF });
      if (i >= 0) empty[p].push(now() - t0);
    }
  process.stdout.write(
    `${JSON.stringify({
      worker: { events: JSON.parse(worker).events.length, ...perCall(worker, calls) },
      team: {
        events: JSON.parse(team).events.length,
        staff: JSON.parse(team).staff.length,
        ...perCall(team, teamCalls),
      },
      emptyMs: Object.fromEntries(lib.policyIds.map((p) => [p, median(empty[p])])),
    })}\n`,
  );
  process.exit(0);
}

if (child === 'council') {
  // A whole council: JSON.parse of the text and each target on the parsed input, median of --runs.
  const lib = await import(pathToFileURL(dist).href);
  const text = readFileSync(opt('file'), 'utf8');
  const runs = Number(opt('runs', '3'));
  const asOf = opt('as-of', AS_OF);
  const targets = flag('with-compare') ? [...lib.policyIds, 'compare'] : [...lib.policyIds];
  const run = (target, input) =>
    target === 'compare' ? lib.compare(input, { asOf }) : lib.evaluate(target, input, { asOf });
  // Each timed call starts from a collected heap (outside the timing), as a nightly job evaluating one
  // policy would; --no-gc-between runs the targets back to back, the garbage of one left to the next.
  const settle = flag('no-gc-between') ? () => {} : () => globalThis.gc();
  // Warm-up (the code's first compilation) on a smaller council of the same generator, or this one.
  let input = JSON.parse(readFileSync(opt('warm', opt('file')), 'utf8'));
  for (const t of targets) run(t, input);
  // Wall time, and CPU time (all the process's threads: a shared machine's wall clock counts others' work).
  const timed = (fn) => {
    const c0 = process.cpuUsage();
    const t0 = now();
    const value = fn();
    const ms = now() - t0;
    const c = process.cpuUsage(c0);
    return { value, ms, cpuMs: (c.user + c.system) / 1000 };
  };
  const parse = [];
  const times = Object.fromEntries(targets.map((t) => [t, []]));
  for (let i = 0; i < runs; i++) {
    input = null;
    globalThis.gc();
    const p = timed(() => JSON.parse(text));
    input = p.value;
    parse.push(p);
    for (const t of targets) {
      settle();
      times[t].push(timed(() => run(t, input)));
    }
  }
  const med = (xs, k) => median(xs.map((x) => x[k]));
  process.stdout.write(
    `${JSON.stringify({
      events: input.events.length,
      staff: input.staff.length,
      bytes: Buffer.byteLength(text),
      parseMs: med(parse, 'ms'),
      parseCpuMs: med(parse, 'cpuMs'),
      evalMs: Object.fromEntries(targets.map((t) => [t, med(times[t], 'ms')])),
      evalCpuMs: Object.fromEntries(targets.map((t) => [t, med(times[t], 'cpuMs')])),
    })}\n`,
  );
  process.exit(0);
}

if (child === 'mem') {
  // Run with --expose-gc --trace-gc: the parent reads the heap size before each GC between the markers.
  const lib = await import(pathToFileURL(dist).href);
  const target = opt('target');
  const each = flag('each');
  // Warm the library (policy loading, calendar tables) on a tiny input so that is not counted.
  lib.evaluate(target, { staff: [] }, { asOf: AS_OF });
  globalThis.gc();
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  let text = readFileSync(opt('file'), 'utf8');
  const input = JSON.parse(text);
  text = null;
  globalThis.gc();
  globalThis.gc();
  const base = process.memoryUsage();
  const inputBytes = base.heapUsed - before;
  console.log('@@BEGIN');
  let report = null;
  let findings = 0;
  let parts = 0;
  // --settle: a full collection at each part's end, the part still held: what the stream holds then.
  let held = 0;
  if (each) {
    // What a nightly job does with each part: writes it out and lets it go (here: counts it).
    for (const part of lib.evaluateEach(target, input, { asOf: AS_OF })) {
      parts++;
      findings += part.obligations.length + part.breaches.length + part.recordings.length;
      if (flag('settle')) {
        globalThis.gc();
        held = Math.max(held, process.memoryUsage().heapUsed - base.heapUsed);
      }
    }
  } else {
    report = lib.evaluate(target, input, { asOf: AS_OF });
    findings = report.obligations.length + report.breaches.length + report.recordings.length;
  }
  const end = process.memoryUsage();
  console.log('@@END');
  globalThis.gc();
  const retained = process.memoryUsage().heapUsed - base.heapUsed;
  // The report's subject objects: how many distinct ones its findings share.
  const subjects = report
    ? new Set([...report.obligations, ...report.breaches].map((f) => f.subject)).size
    : null;
  console.log(
    `@@RESULT ${JSON.stringify({ inputBytes, baseHeap: base.heapUsed, endHeap: end.heapUsed, retainedWithReport: retained, held, findings, parts, subjects, keep: report ? 1 : 0 })}`,
  );
  process.exit(0);
}

if (child === 'calendar') {
  const lib = await import(pathToFileURL(dist).href);
  const require = createRequire(import.meta.url);
  const Holidays = require('date-holidays');
  const hd = new Holidays('GB', 'ENG');
  const closures = new Set(['2023-12-27', '2024-12-27', '2025-12-29']);
  const cal = new lib.WorkingCalendar({ closures: [...closures] });
  const isoOf = (ms) => new Date(ms).toISOString().slice(0, 10);
  // The naive way: walk day by day and ask date-holidays about each one.
  const naiveWorking = (ms) => {
    const wd = new Date(ms).getUTCDay();
    if (wd === 0 || wd === 6) return false;
    const date = isoOf(ms);
    if (closures.has(date)) return false;
    const h = hd.isHoliday(`${date} 12:00`);
    return !(Array.isArray(h) && h.some((x) => x.type === 'public' || x.type === 'bank'));
  };
  const naiveAdd = (date, n) => {
    let ms = Date.parse(date);
    while (n > 0) {
      ms += 86_400_000;
      if (naiveWorking(ms)) n--;
    }
    return isoOf(ms);
  };
  const naiveBetween = (a, b) => {
    let n = 0;
    for (let ms = Date.parse(a) + 86_400_000, end = Date.parse(b); ms <= end; ms += 86_400_000)
      if (naiveWorking(ms)) n++;
    return n;
  };
  const start = Date.UTC(2023, 0, 1);
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const cases = Array.from({ length: 4096 }, () => {
    const a = isoOf(start + Math.floor(rand() * 1095) * 86_400_000);
    const b = isoOf(Date.parse(a) + Math.floor(rand() * 60) * 86_400_000);
    return { a, b, n: 1 + Math.floor(rand() * 20) };
  });
  const opsPerSec = (fn, minMs) => {
    let ops = 0;
    let sink = 0;
    const t0 = now();
    let t = t0;
    while (t - t0 < minMs) {
      for (let i = 0; i < 256; i++) {
        const c = cases[(ops + i) & 4095];
        sink += fn(c).length ?? fn(c);
      }
      ops += 256;
      t = now();
    }
    return { opsPerSec: (ops / (t - t0)) * 1000, sink };
  };
  // Agreement check on the sample.
  let agree = 0;
  for (const c of cases.slice(0, 500))
    if (
      naiveAdd(c.a, c.n) === cal.addWorkingDays(c.a, c.n) &&
      naiveBetween(c.a, c.b) === cal.workingDaysBetween(c.a, c.b)
    )
      agree++;
  opsPerSec((c) => cal.addWorkingDays(c.a, c.n), 100); // warm-up
  opsPerSec((c) => cal.workingDaysBetween(c.a, c.b), 100);
  const res = {
    addWorkingDays: {
      library: opsPerSec((c) => cal.addWorkingDays(c.a, c.n), 500).opsPerSec,
      naive: opsPerSec((c) => naiveAdd(c.a, c.n), 1000).opsPerSec,
    },
    workingDaysBetween: {
      library: opsPerSec((c) => String(cal.workingDaysBetween(c.a, c.b)), 500).opsPerSec,
      naive: opsPerSec((c) => String(naiveBetween(c.a, c.b)), 1000).opsPerSec,
    },
    agreement: `${agree}/500`,
  };
  process.stdout.write(`${JSON.stringify(res)}\n`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Parent.
// ---------------------------------------------------------------------------------------------
if (!existsSync(dist)) {
  console.error(`${dist} not found: run \`npm run build\` first (or \`npm run bench\`).`);
  process.exit(1);
}
const quick = flag('quick') || process.env.BENCH_QUICK === '1';
const seed = Number(opt('seed', '42'));
const scale = Number(opt('scale', quick ? '0.1' : '1'));
const runs = Number(opt('runs', quick ? '1' : '2'));
const calls = Number(opt('calls', quick ? '100' : '300'));
const rounds = Number(opt('rounds', quick ? '5' : '11'));
const self = fileURLToPath(import.meta.url);
const dataDir = join(tmpdir(), 'supervision-rules-bench');
mkdirSync(dataDir, { recursive: true });
const lib = await import(pathToFileURL(dist).href);
const policies = [...lib.policyIds];
const streaming = typeof lib.evaluateEach === 'function';

// A whole council's children: compare holds five reports of 500,000 events, more than Node's default heap.
const BIG_HEAP = ['--expose-gc', '--max-old-space-size=8192'];
const node = (args, nodeFlags = []) => {
  const r = spawnSync(process.execPath, [...nodeFlags, self, ...args, '--dist', dist], {
    encoding: 'utf8',
    maxBuffer: 256 * MB,
  });
  if (r.status !== 0) throw new Error(`child ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
};

/** A generated history's file, written once to $TMPDIR/supervision-rules-bench and reused. */
function dataFile(name, make) {
  const file = join(dataDir, name);
  if (!existsSync(file)) {
    const t0 = now();
    writeFileSync(file, JSON.stringify(make()));
    console.error(`generated ${file} in ${((now() - t0) / 1000).toFixed(1)} s`);
  }
  return file;
}

function measureMemory(file, target, each, settle = false) {
  const out = node(
    [
      '--child',
      'mem',
      '--file',
      file,
      '--target',
      target,
      ...(each ? ['--each'] : []),
      ...(settle ? ['--settle'] : []),
    ],
    [...BIG_HEAP, '--trace-gc'],
  );
  const lines = out.split('\n');
  const b = lines.indexOf('@@BEGIN');
  const e = lines.indexOf('@@END');
  const result = JSON.parse(lines.find((l) => l.startsWith('@@RESULT ')).slice(9));
  // --trace-gc: "[pid:addr] 123 ms: Scavenge 512.3 (530.1) -> 500.2 (531.0) MB, ..."
  // Two peaks: the heap as it stood before each collection (what the process had to hold, garbage
  // included) and as each collection left it (an upper bound on what was live), or with the report
  // kept after a full collection at the end, whichever is larger.
  let peak = result.endHeap;
  let live = result.baseHeap + result.retainedWithReport;
  for (const l of lines.slice(b + 1, e)) {
    const m = /: [^:]*? ([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB/.exec(l);
    if (m) {
      peak = Math.max(peak, Number(m[1]) * 1e6);
      live = Math.max(live, Number(m[2]) * 1e6);
    }
  }
  const reportBytes = each ? 0 : result.retainedWithReport;
  return {
    inputMB: result.inputBytes / MB,
    peakAboveInputMB: Math.max(0, peak - result.baseHeap) / MB,
    liveAboveInputMB: Math.max(0, live - result.baseHeap) / MB,
    reportMB: reportBytes / MB,
    // Working memory: beyond the input and the report it returns (evaluateEach returns none).
    workingMB: Math.max(0, peak - result.baseHeap - reportBytes) / MB,
    liveWorkingMB: Math.max(0, live - result.baseHeap - reportBytes) / MB,
    findings: result.findings,
    parts: result.parts,
    heldMB: result.held / MB,
    subjects: result.subjects,
  };
}

// ------------------------------------------------------------------ cold import, dependencies
const pj = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const deps = Object.keys(pj.dependencies ?? {});
function coldImports() {
  // Whole processes, interleaved round by round (bare Node, then each import), so drift hits all alike.
  const specs = [
    ['bare Node', ''],
    ['package root', `await import(${JSON.stringify(pathToFileURL(dist).href)});`],
    ...deps.map((d) => [d, `await import(${JSON.stringify(d)});`]),
  ];
  // Each process prints the CPU time it used (from its start, Node's own start-up included).
  const cpu = 'const u = process.cpuUsage(); console.log((u.user + u.system) / 1000);';
  const ms = Object.fromEntries(specs.map(([k]) => [k, []]));
  const cpuMs = Object.fromEntries(specs.map(([k]) => [k, []]));
  for (let i = -1; i < rounds; i++)
    for (const [k, code] of specs) {
      const t0 = now();
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', code + cpu], {
        cwd: root,
        encoding: 'utf8',
      });
      if (i < 0) continue;
      ms[k].push(now() - t0);
      cpuMs[k].push(Number(out.trim()));
    }
  // Each import's cost over bare Node, round by round, then the median: CPU time decides, wall shown.
  const over = (xs, k) => median(xs[k].map((x, i) => x - xs['bare Node'][i]));
  return {
    bareMs: median(ms['bare Node']),
    bareCpuMs: median(cpuMs['bare Node']),
    packageMs: over(ms, 'package root'),
    packageCpuMs: over(cpuMs, 'package root'),
    depsMs: Object.fromEntries(deps.map((d) => [d, over(ms, d)])),
    depsCpuMs: Object.fromEntries(deps.map((d) => [d, over(cpuMs, d)])),
  };
}
function installed() {
  const du = (dir) => Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split('\t')[0]);
  const withDeps = (name, seen = new Set()) => {
    if (seen.has(name) || !existsSync(join(root, 'node_modules', name))) return seen;
    seen.add(name);
    const own = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
    for (const d of Object.keys(own.dependencies ?? {})) withDeps(d, seen);
    return seen;
  };
  const all = new Set();
  const each = {};
  for (const d of deps) {
    const tree = withDeps(d);
    for (const x of tree) all.add(x);
    each[d] = {
      kB: du(join(root, 'node_modules', d)),
      withDependenciesKB: [...tree].reduce((s, x) => s + du(join(root, 'node_modules', x)), 0),
      dependencies: [...tree].filter((x) => x !== d),
    };
  }
  const distKB = du(dirname(dist));
  return { deps: each, allKB: [...all].reduce((s, x) => s + du(join(root, 'node_modules', x)), 0), distKB };
}

// ------------------------------------------------------------------ measure
const results = {
  node: process.version,
  date: new Date().toISOString(),
  dist,
  quick,
  seed,
  scale,
  runs,
  calls,
};
const councilFile = dataFile(`history-s${seed}-${Math.round(scale * 100)}.json`, () =>
  generate({ scale, seed }),
);
const teamFile = dataFile(`team-s${seed}.json`, () => teamHistory({ seed }));
const workerFile = dataFile(`worker-s${seed}.json`, () =>
  workerHistory(JSON.parse(readFileSync(teamFile, 'utf8'))),
);
// Another generator's council of as many events: copies of the example team (211 events each).
const example = JSON.parse(readFileSync(join(root, 'fixtures', 'example', 'history.json'), 'utf8'));
// 100,000 events by default (20,000 quick; --other-events N): its evaluations are slower per event.
const otherEvents = Number(opt('other-events', quick ? '20000' : '100000'));
const copies = Math.ceil(otherEvents / example.events.length);
const otherWarm = dataFile('example-x10.json', () => tiled(example, 10));
const warmFile = dataFile(`history-s${seed}-1.json`, () => generate({ scale: 0.01, seed }));
const otherFile = dataFile(`example-x${copies}.json`, () => tiled(example, copies));

console.error('cold import…');
results.cold = coldImports();
console.error('per call (one worker, empty, team)…');
results.calls = JSON.parse(
  node([
    '--child',
    'calls',
    '--worker',
    workerFile,
    '--team',
    teamFile,
    '--calls',
    String(calls),
    '--team-calls',
    quick ? '21' : '51',
  ]),
);
console.error(`council (${runs} runs)…`);
results.council = JSON.parse(
  node(
    [
      '--child',
      'council',
      '--file',
      councilFile,
      '--warm',
      warmFile,
      '--runs',
      String(runs),
      '--with-compare',
    ],
    BIG_HEAP,
  ),
);
console.error('another council, back to back…');
results.other = {
  copies,
  ...JSON.parse(
    node(
      [
        '--child',
        'council',
        '--file',
        otherFile,
        '--warm',
        otherWarm,
        '--runs',
        String(runs),
        '--no-gc-between',
        '--as-of',
        EXAMPLE_AS_OF,
      ],
      BIG_HEAP,
    ),
  ),
};
if (!quick) {
  console.error('scaling (10% council)…');
  const small = dataFile(`history-s${seed}-10.json`, () => generate({ scale: 0.1, seed }));
  const s = JSON.parse(
    node(['--child', 'council', '--file', small, '--warm', warmFile, '--runs', String(runs)], BIG_HEAP),
  );
  const per = (c, t) => c.evalCpuMs[t] / c.events;
  results.scaling = Object.fromEntries(policies.map((t) => [t, per(results.council, t) / per(s, t)]));
}
// Memory on the council's worst policy by time (the one most findings usually make the slowest).
const worst = policies.reduce((a, b) =>
  results.council.evalCpuMs[a] >= results.council.evalCpuMs[b] ? a : b,
);
console.error(`memory (${worst})…`);
results.memory = {
  policy: worst,
  evaluate: measureMemory(councilFile, worst, false),
  ...(streaming
    ? {
        evaluateEach: measureMemory(councilFile, worst, true),
        // A second run, collected at each part's end: the most the stream held beyond the input.
        evaluateEachHeldMB: measureMemory(councilFile, worst, true, true).heldMB,
      }
    : {}),
};
console.error('calendar…');
results.calendar = JSON.parse(node(['--child', 'calendar']));
console.error('installed sizes…');
results.installed = installed();

// ------------------------------------------------------------------ verdicts
const f = (x, d = 1) => (x === undefined || x === null ? '-' : x.toFixed(d));
const n = (x) => Math.round(x).toLocaleString('en-GB');
const lines = [];
const verdicts = [];
// --before file.json: an earlier run's results (same mode, quick or full), its figure shown beside each.
const beforeFile = opt('before');
const before = beforeFile
  ? new Map(JSON.parse(readFileSync(beforeFile, 'utf8')).verdicts.map((v) => [v.label, v.value]))
  : null;
const check = (label, value, target, unit, detail) => {
  const pass = value <= target;
  verdicts.push({ label, value, target, pass });
  const show = (x) => (x === undefined ? '-' : unit === '×' ? `${f(x, 2)}×` : `${f(x, 0)} ${unit}`);
  const goal = unit === '×' ? `≤ ${target}×` : `≤ ${target} ${unit}`;
  const was = before === null ? '' : `${`(before ${show(before.get(label))})`.padEnd(18)} `;
  lines.push(
    `${label.padEnd(58)} ${show(value).padStart(9)}  ${goal.padEnd(9)} ${pass ? 'PASS' : 'MISS'}  ${was}${detail}`,
  );
};
const c = results.cold;
lines.push(`Targets (issue 20), each a ratio within this run${quick ? ' (quick run: a 10% council)' : ''}:`);
check(
  'cold import: package root / zod alone (over bare Node)',
  c.packageCpuMs / c.depsCpuMs.zod,
  2,
  '×',
  `CPU: package ${f(c.packageCpuMs)} ms, zod ${f(c.depsCpuMs.zod)} ms over bare Node ${f(c.bareCpuMs)} ms (wall ${f(c.packageMs)}, ${f(c.depsMs.zod)}, ${f(c.bareMs)}); ${rounds} rounds`,
);
const w = results.calls.worker;
for (const p of policies)
  check(
    `one worker (${w.events} events) per call / JSON.parse: ${p}`,
    w.evalMs[p] / w.parseMs,
    6,
    '×',
    `${f(w.evalMs[p] * 1000, 0)} µs vs parse ${f(w.parseMs * 1000, 0)} µs; median of ${calls}`,
  );
for (const p of policies)
  check(`empty history per call: ${p}`, results.calls.emptyMs[p] * 1000, 50, 'µs', `median of ${calls}`);
const t = results.calls.team;
for (const p of policies)
  check(
    `${t.staff}-worker team (${n(t.events)} events) / JSON.parse: ${p}`,
    t.evalMs[p] / t.parseMs,
    3,
    '×',
    `${f(t.evalMs[p])} ms vs parse ${f(t.parseMs)} ms`,
  );
const k = results.council;
for (const p of [...policies, 'compare'])
  check(
    `council (${n(k.events)} events) / JSON.parse, collected between: ${p}`,
    k.evalCpuMs[p] / k.parseCpuMs,
    p === 'compare' ? 10 : 3,
    '×',
    `CPU ${f(k.evalCpuMs[p] / 1000, 2)} s vs parse ${f(k.parseCpuMs / 1000, 2)} s (wall ${f(k.evalMs[p] / 1000, 2)}, ${f(k.parseMs / 1000, 2)}); median of ${runs}`,
  );
const o = results.other;
for (const p of policies)
  check(
    `example team ×${n(o.copies)} (${n(o.events)} events), back to back: ${p}`,
    o.evalCpuMs[p] / o.parseCpuMs,
    4,
    '×',
    `CPU ${f(o.evalCpuMs[p] / 1000, 2)} s vs parse ${f(o.parseCpuMs / 1000, 2)} s (wall ${f(o.evalMs[p] / 1000, 2)}, ${f(o.parseMs / 1000, 2)}); median of ${runs}`,
  );
const met = verdicts.filter((v) => v.pass).length;
lines.push(`${met} of ${verdicts.length} met.`);

const m = results.memory;
lines.push(
  `\nMemory, council, ${m.policy} (heap; input ${f(m.evaluate.inputMB)} MB parsed):`,
  '                 peak above input (garbage included) | live above input (after each collection) | report kept',
  `  evaluate      ${`${f(m.evaluate.peakAboveInputMB)} MB`.padStart(20)} ${`${f(m.evaluate.liveAboveInputMB)} MB`.padStart(38)} ${`${f(m.evaluate.reportMB)} MB`.padStart(15)}; working memory beyond input and report: peak ${f(m.evaluate.workingMB)} MB, live ${f(m.evaluate.liveWorkingMB)} MB; ${n(m.evaluate.findings)} findings sharing ${n(m.evaluate.subjects)} subject objects`,
  m.evaluateEach
    ? `  evaluateEach  ${`${f(m.evaluateEach.peakAboveInputMB)} MB`.padStart(20)} ${`${f(m.evaluateEach.liveAboveInputMB)} MB`.padStart(38)} ${'none'.padStart(15)}; ${m.evaluateEach.parts} parts, each let go (${n(m.evaluateEach.findings)} findings); collected at each part's end, it held at most ${f(m.evaluateEachHeldMB)} MB above the input (the index and one part) against evaluate's report of ${f(m.evaluate.reportMB)} MB`
    : '  evaluateEach  not in this build',
);
if (results.scaling)
  lines.push(
    `\nScaling (µs/event, 100% over 10%; linear ≤ 1.5): ${policies.map((p) => `${p} ${f(results.scaling[p], 2)}`).join(', ')}`,
  );
const cal = results.calendar;
lines.push(
  `Calendar: addWorkingDays ${n(cal.addWorkingDays.library)}/s vs naive ${n(cal.addWorkingDays.naive)}/s; workingDaysBetween ${n(cal.workingDaysBetween.library)}/s vs naive ${n(cal.workingDaysBetween.naive)}/s; agreement ${cal.agreement}`,
);
lines.push(
  '\nRuntime dependencies: installed size (du), with their own dependencies, cold import (CPU ms over bare Node):',
);
for (const d of deps) {
  const i = results.installed.deps[d];
  lines.push(
    `  ${d.padEnd(16)} ${`${n(i.kB)} kB`.padStart(10)} ${`${n(i.withDependenciesKB)} kB`.padStart(10)} ${`${f(c.depsCpuMs[d])} ms`.padStart(9)}${i.dependencies.length ? `  (with ${i.dependencies.join(', ')})` : ''}`,
  );
}
lines.push(
  `  all, once each  ${`${n(results.installed.allKB)} kB`.padStart(21)}; dist/ ${n(results.installed.distKB)} kB`,
);
const perCouncil = (k.evalCpuMs[worst] + k.parseCpuMs) / 1000;
results.perCouncilCpuS = perCouncil;
lines.push(
  `\nPer council (${n(k.events)} events), parse + slowest policy: ${f(perCouncil, 1)} s CPU → about ${n(3600 / perCouncil)} councils an hour on one core.`,
);
results.verdicts = verdicts;
console.log(lines.join('\n'));
const outFile = resolve(opt('out', join(root, 'bench', 'results.json')));
writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote ${outFile}`);
