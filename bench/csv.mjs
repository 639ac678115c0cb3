// Benchmark of the CSV import: a generated events file read by `importCsvDirectory` (dist/csv.js)
// against csv-parse alone streaming the same file, each in a fresh process (median of --runs).
// Usage: node bench/csv.mjs [--rows 500000] [--runs 3] [--out bench/csv-results.json]
// (`npm run bench` builds first and runs this after bench/run.mjs.) Target: import within 3× of parsing.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { flag, MB, median, opt, root } from './options.mjs';

// ------------------------------------------------------------------------ child modes
// Each child loads its code first, then times the reading alone: wall and CPU time, peak RSS.
const child = opt('child');
if (child) {
  const dir = opt('dir');
  const file = join(dir, 'events.csv');
  let read;
  if (child === 'parse') {
    const { parse } = await import('csv-parse');
    // The options the import uses, records taken as they become readable, as the import takes them.
    read = () =>
      new Promise((done, fail) => {
        let rows = -1; // the header
        const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
        parser.on('readable', () => {
          while (parser.read() !== null) rows++;
        });
        parser.on('error', fail);
        parser.on('end', () => done(rows));
        createReadStream(file).pipe(parser);
      });
  } else {
    const { importCsvDirectory } = await import(pathToFileURL(join(root, 'dist', 'csv.js')).href);
    read = async () => {
      const result = await importCsvDirectory(dir);
      if (result.problems.length > 0) throw new Error(`problems: ${result.problems.length}`);
      return result.history.events.length;
    };
  }
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const rows = await read();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const cpuMs = (c.user + c.system) / 1000;
  process.stdout.write(JSON.stringify({ ms, cpuMs, rows, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

// ------------------------------------------------------------------------ the file
// BENCH_QUICK=1 (or --quick), as bench/run.mjs: 50,000 rows, one run.
const quick = flag('quick') || process.env.BENCH_QUICK === '1';
const rowsWanted = Number(opt('rows', quick ? '50000' : '500000'));
const runs = Number(opt('runs', quick ? '1' : '3'));
const dir = join(tmpdir(), 'supervision-rules-bench', `csv-${rowsWanted}`);
const STAFF = 200;
const pad = (n) => String(n).padStart(2, '0');
const day = (i) => new Date(Date.UTC(2023, 0, 2) + (i % 1000) * 86_400_000).toISOString().slice(0, 10);

async function generate() {
  mkdirSync(dir, { recursive: true });
  const staff = ['id,role,startDate'];
  for (let s = 1; s <= STAFF; s++) staff.push(`S${s},social-worker,2018-01-08`);
  writeFileSync(join(dir, 'staff.csv'), `${staff.join('\n')}\n`);
  const out = createWriteStream(join(dir, 'events.csv'));
  const write = (line) => (out.write(line) ? null : new Promise((r) => out.once('drain', r)));
  await write('id,type,date,start,durationMinutes,superviseeId,supervisorId,caseIds,recordedAt\n');
  for (let i = 0; i < rowsWanted; i++) {
    const d = day(i);
    const h = 9 + (i % 8);
    const line = `E${i},one-to-one,${d},${d}T${pad(h)}:00:00Z,${60 + (i % 60)},S${(i % STAFF) + 1},M1,C${i % 5000};C${(i + 7) % 5000},${d}T${pad(h + 2)}:30:00Z\n`;
    const wait = write(line);
    if (wait) await wait;
  }
  await new Promise((r) => out.end(r));
}

if (!existsSync(join(dir, 'events.csv'))) await generate();
const size = statSync(join(dir, 'events.csv')).size;

const measure = (mode) => {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, '--dir', dir], {
    encoding: 'utf8',
    cwd: root,
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`${mode}: ${r.stderr}`);
  return JSON.parse(r.stdout);
};
const results = {};
for (const mode of ['parse', 'import']) {
  const all = Array.from({ length: runs }, () => measure(mode));
  if (all.some((x) => x.rows !== rowsWanted)) throw new Error(`${mode}: read ${all[0].rows} rows`);
  results[mode] = {
    ms: median(all.map((x) => x.ms)),
    cpuMs: median(all.map((x) => x.cpuMs)),
    maxRssMB: median(all.map((x) => x.maxRssMB)),
  };
}
// CPU time decides (on a shared machine the wall clock counts other people's work); wall time is shown too.
const ratio = results.import.cpuMs / results.parse.cpuMs;
const summary = {
  rows: rowsWanted,
  fileMB: +(size / MB).toFixed(1),
  runs,
  parseMs: Math.round(results.parse.ms),
  importMs: Math.round(results.import.ms),
  parseCpuMs: Math.round(results.parse.cpuMs),
  importCpuMs: Math.round(results.import.cpuMs),
  ratio: +ratio.toFixed(2),
  parseMaxRssMB: Math.round(results.parse.maxRssMB),
  importMaxRssMB: Math.round(results.import.maxRssMB),
  withinTarget: ratio <= 3,
};
const line = (label, ms, cpu, rss) =>
  console.log(
    `  ${label.padEnd(20)}${String(ms).padStart(8)} ms wall${String(cpu).padStart(8)} ms CPU   peak RSS ${rss} MB`,
  );
console.log(
  `CSV import of ${rowsWanted.toLocaleString('en-GB')} events (${summary.fileMB} MB), median of ${runs}:`,
);
line('csv-parse alone', summary.parseMs, summary.parseCpuMs, summary.parseMaxRssMB);
line('importCsvDirectory', summary.importMs, summary.importCpuMs, summary.importMaxRssMB);
console.log(`  ratio (CPU) ${summary.ratio}× (target ≤ 3×: ${summary.withinTarget ? 'met' : 'NOT met'})`);
const out = opt('out');
if (out) writeFileSync(resolve(out), `${JSON.stringify(summary, null, 2)}\n`);
