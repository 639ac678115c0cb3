// Size and load time of the HTML report for the synthetic 1,000-staff council (bench/generate.mjs):
// the whole council on one page, and one team's page (--team). Needs a build (npm run build).
// Usage: node test/html/measure.mjs [--scale 1] [--runs 3]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { AS_OF, generate } from '../../bench/generate.mjs';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { scale: { type: 'string' }, runs: { type: 'string' } } });
const scale = Number(values.scale ?? 1);
const runs = Number(values.runs ?? 3);
const { evaluate, getPolicy } = await import(pathToFileURL(join(root, 'dist/index.js')).href);
const { renderHtmlReport } = await import(pathToFileURL(join(root, 'dist/html.js')).href);

const dir = join(tmpdir(), 'supervision-rules-html');
mkdirSync(dir, { recursive: true });
const historyFile = join(dir, `history-${scale}.json`);
if (!existsSync(historyFile)) writeFileSync(historyFile, JSON.stringify(generate({ scale })));
const history = JSON.parse(readFileSync(historyFile, 'utf8'));
const policy = getPolicy('york');
let t = performance.now();
const report = evaluate(policy, history, { asOf: AS_OF });
const evaluateMs = performance.now() - t;

const pages = [];
t = performance.now();
pages.push({
  name: `council (${history.staff.length} staff)`,
  html: renderHtmlReport(report, history, { policy }),
});
const renderMs = performance.now() - t;
const team = history.staff.find((s) => s.teamId)?.teamId;
pages.push({ name: `team ${team}`, html: renderHtmlReport(report, history, { policy, teams: [team] }) });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
console.log(`evaluate ${Math.round(evaluateMs)} ms, render (whole council) ${Math.round(renderMs)} ms`);
for (const { name, html } of pages) {
  const file = join(dir, `${name.replace(/\W+/g, '-')}.html`);
  writeFileSync(file, html);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    const start = Date.now();
    await page.goto(pathToFileURL(file).href, { timeout: 120_000 });
    await page.waitForSelector('html[data-ready]', { timeout: 120_000 });
    times.push(Date.now() - start);
    await page.close();
  }
  times.sort((a, b) => a - b);
  const mb = Buffer.byteLength(html) / 1e6;
  console.log(
    `${name}: ${mb.toFixed(2)} MB, ready in ${times[Math.floor(runs / 2)]} ms (median of ${runs}: ${times.join(', ')})`,
  );
}
await browser.close();
