// Benchmark: evaluate / compare against JSON.parse of the same text, scaling, memory, calendar, cold start.
// Usage: node bench/run.mjs [--sizes 10,25,50,100] [--runs 5] [--runs-large 5] [--no-memory] [--no-gc-between] [--seed 42]
// (`npm run bench` builds first; this script imports ../dist/index.js.)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AS_OF, generate } from './generate.mjs';
import { flag, MB, median, opt, root } from './options.mjs';

// --dist: benchmark another build (e.g. a copy of the tree before a change).
const dist = resolve(opt('dist', join(root, 'dist', 'index.js')));
const now = () => performance.now();

// ---------------------------------------------------------------------------------------------
// Child modes (spawned by the parent so that each measurement has a clean process).
// ---------------------------------------------------------------------------------------------
if (flag('child-time')) {
  const lib = await import(pathToFileURL(dist).href);
  const text = readFileSync(opt('file'), 'utf8');
  const runs = Number(opt('runs', '5'));
  const targets = [...lib.policyIds, 'compare'];
  const run = (target, input) =>
    target === 'compare' ? lib.compare(input, { asOf: AS_OF }) : lib.evaluate(target, input, { asOf: AS_OF });
  // Warm-up: one parse and one evaluation of each target.
  let input = JSON.parse(text);
  const counts = {};
  for (const t of targets) {
    const rep = run(t, input);
    counts[t] =
      t === 'compare' ? rep.results.reduce((s, r) => s + r.report.breaches.length, 0) : rep.breaches.length;
  }
  const parse = [];
  const times = Object.fromEntries(targets.map((t) => [t, []]));
  // Each timed call starts from a collected heap (outside the timing), as a nightly job evaluating
  // one policy would: the previous target's report is garbage that is not this target's cost.
  // --no-gc-between times them back to back instead.
  const settle = flag('no-gc-between') ? () => {} : () => globalThis.gc();
  for (let i = 0; i < runs; i++) {
    input = null;
    settle();
    let t0 = now();
    input = JSON.parse(text);
    parse.push(now() - t0);
    for (const t of targets) {
      settle();
      t0 = now();
      run(t, input);
      times[t].push(now() - t0);
    }
  }
  process.stdout.write(
    `${JSON.stringify({
      events: input.events.length,
      bytes: Buffer.byteLength(text),
      parseMs: median(parse),
      evalMs: Object.fromEntries(targets.map((t) => [t, median(times[t])])),
      breaches: counts,
    })}\n`,
  );
  process.exit(0);
}

if (flag('child-mem')) {
  // Run with --expose-gc --trace-gc: the parent reads the heap size before each GC between the markers.
  const lib = await import(pathToFileURL(dist).href);
  const target = opt('target');
  // Warm the library (policy loading, calendar tables) on a tiny input so that is not counted.
  lib.evaluate('york', { staff: [] }, { asOf: AS_OF });
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
  const report =
    target === 'compare' ? lib.compare(input, { asOf: AS_OF }) : lib.evaluate(target, input, { asOf: AS_OF });
  const end = process.memoryUsage();
  console.log('@@END');
  const maxRss = process.resourceUsage().maxRSS * 1024;
  globalThis.gc();
  const retained = process.memoryUsage().heapUsed - base.heapUsed;
  console.log(
    `@@RESULT ${JSON.stringify({
      inputBytes,
      baseHeap: base.heapUsed,
      endHeap: end.heapUsed,
      baseRss: base.rss,
      endRss: end.rss,
      maxRss,
      retainedWithReport: retained,
      keep: report ? 1 : 0,
    })}`,
  );
  process.exit(0);
}

if (flag('child-calendar')) {
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
const sizes = opt('sizes', '10,25,50,100').split(',').map(Number);
const runs = Number(opt('runs', '5'));
const runsLarge = Number(opt('runs-large', String(runs)));
const seed = Number(opt('seed', '42'));
const memory = !flag('no-memory');
const self = fileURLToPath(import.meta.url);
const dataDir = join(tmpdir(), 'supervision-rules-bench');
mkdirSync(dataDir, { recursive: true });

const node = (args, nodeFlags = []) => {
  const r = spawnSync(process.execPath, [...nodeFlags, self, ...args, '--dist', dist], {
    encoding: 'utf8',
    maxBuffer: 256 * MB,
  });
  if (r.status !== 0) throw new Error(`child ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
};

function fileFor(size) {
  const file = join(dataDir, `history-s${seed}-${size}.json`);
  if (!existsSync(file)) {
    const t0 = now();
    writeFileSync(file, JSON.stringify(generate({ scale: size / 100, seed })));
    console.error(`generated ${file} in ${((now() - t0) / 1000).toFixed(1)} s`);
  }
  return file;
}

function measureMemory(file, target) {
  const out = node(['--child-mem', '--file', file, '--target', target], ['--expose-gc', '--trace-gc']);
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
  return {
    inputMB: result.inputBytes / MB,
    peakHeapAboveInputMB: Math.max(0, peak - result.baseHeap) / MB,
    heapRatio: Math.max(0, peak - result.baseHeap) / result.inputBytes,
    liveHeapAboveInputMB: Math.max(0, live - result.baseHeap) / MB,
    liveRatio: Math.max(0, live - result.baseHeap) / result.inputBytes,
    reportMB: result.retainedWithReport / MB,
    peakRssAboveInputMB: Math.max(0, result.maxRss - result.baseRss) / MB,
  };
}

function coldStart() {
  const code = `const t=performance.now();await import(${JSON.stringify(pathToFileURL(dist).href)});console.log(performance.now()-t)`;
  const ms = [];
  const total = [];
  for (let i = 0; i < 7; i++) {
    const t0 = now();
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    total.push(now() - t0);
    ms.push(Number(out.trim()));
  }
  // Installed size: the package's own files plus its production dependencies, transitively.
  const pack = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: root, encoding: 'utf8' }),
  );
  const own = pack[0].unpackedSize;
  const dirSize = (d) =>
    readdirSync(d, { withFileTypes: true }).reduce(
      (s, ent) =>
        s +
        (ent.isDirectory()
          ? dirSize(join(d, ent.name))
          : ent.isFile()
            ? statSync(join(d, ent.name)).size
            : 0),
      0,
    );
  const seen = new Map();
  const visit = (name) => {
    if (seen.has(name)) return;
    const dir = join(root, 'node_modules', name);
    if (!existsSync(dir)) return;
    seen.set(name, dirSize(dir));
    const pj = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    for (const dep of Object.keys(pj.dependencies ?? {})) visit(dep);
  };
  const pj = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const dep of Object.keys(pj.dependencies ?? {})) visit(dep);
  const deps = [...seen.values()].reduce((a, b) => a + b, 0);
  return {
    importMs: median(ms),
    processMs: median(total),
    packageKB: own / 1024,
    dependenciesKB: deps / 1024,
    installedKB: (own + deps) / 1024,
    dependencies: [...seen.keys()],
  };
}

const results = {
  node: process.version,
  date: new Date().toISOString(),
  seed,
  asOf: AS_OF,
  runs,
  gcBetween: !flag('no-gc-between'),
  sizes: {},
};
for (const size of sizes) {
  const file = fileFor(size);
  const r = size >= 50 ? runsLarge : runs;
  console.error(`size ${size}%: timing (${r} runs)…`);
  const t = JSON.parse(
    node(
      [
        '--child-time',
        '--file',
        file,
        '--runs',
        String(r),
        ...(flag('no-gc-between') ? ['--no-gc-between'] : []),
      ],
      ['--expose-gc'],
    ),
  );
  const entry = { ...t, runs: r, targets: {} };
  for (const [target, ms] of Object.entries(t.evalMs)) {
    entry.targets[target] = {
      ms,
      xParse: ms / t.parseMs,
      eventsPerSec: t.events / (ms / 1000),
      usPerEvent: (ms * 1000) / t.events,
    };
  }
  if (memory) {
    console.error(`size ${size}%: memory…`);
    for (const target of Object.keys(t.evalMs))
      Object.assign(entry.targets[target], measureMemory(file, target));
  }
  results.sizes[size] = entry;
}
console.error('calendar…');
results.calendar = JSON.parse(node(['--child-calendar']));
console.error('cold start…');
results.coldStart = coldStart();

// Scaling: time per event at each size; the largest against the smallest.
const sz = Object.keys(results.sizes)
  .map(Number)
  .sort((a, b) => a - b);
if (sz.length > 1) {
  const lo = results.sizes[sz[0]];
  const hi = results.sizes[sz[sz.length - 1]];
  results.scaling = Object.fromEntries(
    Object.keys(hi.targets).map((t) => [t, hi.targets[t].usPerEvent / lo.targets[t].usPerEvent]),
  );
}

// ------------------------------------------------------------------ table
const f = (x, d = 1) => (x === undefined ? '-' : x.toFixed(d));
const lines = [];
for (const size of sz) {
  const e = results.sizes[size];
  lines.push(
    `\n${size}%: ${e.events.toLocaleString('en-GB')} events, ${(e.bytes / MB).toFixed(1)} MB text; JSON.parse ${f(e.parseMs)} ms (median of ${e.runs})`,
  );
  lines.push(
    'target          |   eval ms |  x parse | events/s |  µs/event | peak heap above input MB (x input) | after GC (x input) | report MB | RSS above MB',
  );
  for (const [t, v] of Object.entries(e.targets))
    lines.push(
      `${t.padEnd(15)} | ${f(v.ms).padStart(9)} | ${f(v.xParse, 2).padStart(8)} | ${Math.round(v.eventsPerSec).toLocaleString('en-GB').padStart(8)} | ${f(v.usPerEvent, 2).padStart(9)} | ${v.peakHeapAboveInputMB === undefined ? '-'.padStart(34) : `${f(v.peakHeapAboveInputMB)} (${f(v.heapRatio, 2)}x of ${f(v.inputMB)})`.padStart(34)} | ${v.liveHeapAboveInputMB === undefined ? '-'.padStart(18) : `${f(v.liveHeapAboveInputMB)} (${f(v.liveRatio, 2)}x)`.padStart(18)} | ${f(v.reportMB).padStart(9)} | ${f(v.peakRssAboveInputMB).padStart(12)}`,
    );
}
if (results.scaling)
  lines.push(
    `\nscaling (µs/event at ${sz[sz.length - 1]}% / at ${sz[0]}%): ${Object.entries(results.scaling)
      .map(([t, x]) => `${t} ${f(x, 2)}`)
      .join(', ')}`,
  );
const c = results.calendar;
lines.push(
  `calendar: addWorkingDays ${Math.round(c.addWorkingDays.library).toLocaleString('en-GB')}/s vs naive ${Math.round(c.addWorkingDays.naive).toLocaleString('en-GB')}/s (${Math.round(c.addWorkingDays.library / c.addWorkingDays.naive)}x); workingDaysBetween ${Math.round(c.workingDaysBetween.library).toLocaleString('en-GB')}/s vs naive ${Math.round(c.workingDaysBetween.naive).toLocaleString('en-GB')}/s (${Math.round(c.workingDaysBetween.library / c.workingDaysBetween.naive)}x); agreement ${c.agreement}`,
);
const cs = results.coldStart;
lines.push(
  `cold start: import ${f(cs.importMs)} ms (whole process ${f(cs.processMs)} ms); installed ${f(cs.installedKB / 1024, 2)} MB (package ${f(cs.packageKB)} KB + dependencies ${f(cs.dependenciesKB / 1024, 2)} MB: ${cs.dependencies.join(', ')})`,
);
console.log(lines.join('\n'));
const outFile = resolve(opt('out', join(root, 'bench', 'results.json')));
writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote ${outFile}`);
