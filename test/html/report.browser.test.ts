/// <reference lib="dom" />
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import axe from 'axe-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/front-door.js';
import { renderHtmlReport } from '../../src/html/index.js';
import { getPolicy } from '../../src/policies.js';
import { needsAction } from '../../src/report/needs-action.js';
import { CHROMIUM, launchChromium } from './chromium.mjs';
import { fen, fenHistory, fenReport, why as fenWhy } from './fenchester.js';

/**
 * The HTML report of the example team (York, as of Mon 1 Dec 2025), opened from a file:// URL in
 * Debian's chromium, driven by playwright-core. Screenshots go to reports/html/ (ignored by git);
 * UPDATE_SCREENSHOT=1 also writes the README's docs/report-screenshot.png.
 */
const root = resolve(__dirname, '../..');
const out = join(root, 'reports/html');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !process.env.CI)
  console.warn(
    `Skipping the browser tests of the HTML report: ${CHROMIUM} is not installed (apt-get install chromium).`,
  );

const history = JSON.parse(readFileSync(join(root, 'fixtures/example/history.json'), 'utf8'));
const policy = getPolicy('york');
const report = evaluate(policy, history, { asOf: '2025-12-01' });
const items = needsAction(report, { policy });

let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every request the page made that was not for a file: URL (each is refused). */
const outside: string[] = [];
const pageErrors: string[] = [];

async function open(html: string, name: string): Promise<Page> {
  mkdirSync(out, { recursive: true });
  const file = join(out, `${name}.html`);
  writeFileSync(file, html);
  const p = await context.newPage();
  p.on('pageerror', (e) => pageErrors.push(String(e)));
  p.on('dialog', (d) => {
    pageErrors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await p.goto(pathToFileURL(file).href);
  await p.waitForSelector('html[data-ready]');
  return p;
}

/** The text a reader sees: innerText leaves out closed details, hidden rows and what CSS hides. */
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is asserted
const seen = (l: Locator) => l.innerText();
const rowTexts = (p: Page, selector: string) =>
  p.$$eval(selector, (rows) =>
    rows
      .filter((r) => !(r as HTMLElement).hidden)
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is asserted
      .map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
  );
const select = async (id: string, label: string) => {
  await page.selectOption(`#${id}`, { label });
};
/** Each test starts from the page as opened: no filter, every worker's section closed. */
const reset = async () => {
  await page.emulateMedia({ media: 'screen' });
  await page.click('#filter-reset');
  await page.$$eval('details[open]', (ds) => {
    for (const d of ds) (d as HTMLDetailsElement).open = false;
  });
};

describe.skipIf(!haveChromium && !process.env.CI)('the HTML report in a real browser (chromium)', () => {
  beforeAll(async () => {
    if (!haveChromium)
      throw new Error(`CI is set and ${CHROMIUM} is missing: .ci/run installs it with apt-get`);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    page = await open(renderHtmlReport(report, history, { policy }), 'example');
  });
  beforeEach(async () => {
    await reset();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens with "Needs action now", then the team overview, the workers and a note on the report', async () => {
    expect(await seen(page.locator('h1'))).toBe('Supervision report');
    expect(await seen(page.locator('header p.meta'))).toMatch(
      /^City of York Council, Children's Social Care: Supervision Policy, policy york version [\d:.]+\. As of Mon 1 Dec 2025;/,
    );
    expect(await page.locator('h2').allInnerTexts()).toEqual([
      'Needs action now',
      'Team overview',
      'Workers',
      'About this report',
    ]);
    await page.screenshot({ path: join(out, 'example-top.png') });
    if (process.env.UPDATE_SCREENSHOT) {
      // The README's picture: small (1100 × 620 CSS pixels, about 100 KB).
      await page.setViewportSize({ width: 1100, height: 620 });
      await page.screenshot({ path: join(root, 'docs/report-screenshot.png') });
      await page.setViewportSize({ width: 1100, height: 760 });
    }
  });

  it('lists the oldest unwritten record first: A1, case C02, due Tue 11 Feb 2025, 293 days overdue', async () => {
    // 11 Feb → 1 Dec 2025: 17 days left of February + 31+30+31+30+31+31+30+31+30 (Mar–Nov) + 1 = 293.
    const rows = await rowTexts(page, '#na-body tr');
    // 21 records not written (the report's unmet 'unrecorded' breaches) and 1 item due within 7 days.
    expect(rows).toHaveLength(22);
    expect(rows.length).toBe(items.length);
    expect(rows[0]).toMatch(
      /^Adam Hughes \(A1\) .*Record not written case C02: record of E0036 on Fri 7 Feb 2025 YRK-7 Tue 11 Feb 2025 293 days .*Breach/,
    );
    expect(rows[1]).toMatch(
      /^Grace Lee \(S5\) .*Record not written case C04: record of E0086 on Tue 22 Apr 2025 YRK-7 Thu 24 Apr 2025 221 days/,
    );
    // The due-soon item comes last: S3's 4-weekly supervision due Mon 8 Dec 2025, 7 days after 1 Dec.
    expect(rows.at(-1)).toMatch(
      /^Nadia Khan \(S3\) .*Due soon S3: one-to-one YRK-2 Mon 8 Dec 2025 due in 7 days/,
    );
    expect(await seen(page.locator('#na-count'))).toBe('Showing 22 of 22 items.');
  });

  it('shows the sentence and the policy’s own words under "Why"', async () => {
    const first = items[0]!;
    const why = page.locator('#na-body tr').first().locator('details.why');
    await expect(why.locator('p').first().isVisible()).resolves.toBe(false);
    await why.locator('summary').click();
    expect(await seen(why.locator('p').first())).toBe(first.explanation);
    expect(await seen(why.locator('blockquote'))).toBe(first.citation.quote);
    expect(await seen(why)).toContain(first.citation.section);
  });

  it('has one overview row per worker, with the status in words and the shares from the report', async () => {
    const rows = await rowTexts(page, '#ov-body tr');
    expect(rows).toHaveLength(history.staff.length);
    for (const row of rows) expect(row).toMatch(/ (Red|Amber|Green) /);
    const totals = report.totalsBySubject?.find((t) => t.subject.type === 'staff' && t.subject.id === 'S3');
    expect(totals).toBeDefined();
    const share = (part: number, whole: number) =>
      `${Math.round((100 * part) / whole)}% (${part} of ${whole})`;
    const s3 = rows.find((r) => r.startsWith('Nadia Khan (S3) '));
    expect(s3).toContain(share(totals!.deadlinesMet, totals!.deadlines));
    expect(s3).toContain(share(totals!.recordsOnTime, totals!.records));
  });

  it('filters by worker: only S5’s items, overview row and section remain', async () => {
    await select('filter-worker', 'Grace Lee (S5)');
    const rows = await rowTexts(page, '#na-body tr');
    // S5's session E0086 on Tue 22 Apr 2025 left five children's records unwritten (C04, C10, C22,
    // C27, C28), each under YRK-7 (breach) and YRK-13 (advisory), and S5's own record (YRK-12): 11.
    expect(rows).toHaveLength(11);
    expect(rows.filter((r) => r.includes('record of E0086 on Tue 22 Apr 2025'))).toHaveLength(11);
    for (const row of rows) expect(row.startsWith('Grace Lee (S5) ')).toBe(true);
    expect(await rowTexts(page, '#ov-body tr')).toHaveLength(1);
    expect(await page.locator('#worker-list > details:not([hidden])').count()).toBe(1);
    await page.click('#filter-reset');
    expect(await rowTexts(page, '#na-body tr')).toHaveLength(22);
  });

  it('filters by severity: advisory items alone, then breaches alone', async () => {
    const advisory = items.filter((i) => i.severity === 'advisory').length;
    await select('filter-severity', 'Advisory only');
    const adv = await rowTexts(page, '#na-body tr');
    expect(adv).toHaveLength(advisory);
    for (const row of adv) expect(row).toMatch(/Advisory/);
    await select('filter-severity', 'Breaches only');
    const breaches = await rowTexts(page, '#na-body tr');
    expect(breaches).toHaveLength(items.length - advisory);
    for (const row of breaches) expect(row).not.toMatch(/Advisory/);
    await page.click('#filter-reset');
  });

  it('filters by rule and by team', async () => {
    const yrk7 = items.filter((i) => i.ruleId === 'YRK-7').length;
    await page.selectOption('#filter-rule', { label: 'YRK-7 (recording)' });
    const rows = await rowTexts(page, '#na-body tr');
    expect(rows).toHaveLength(yrk7);
    for (const row of rows) expect(row).toContain(' YRK-7 ');
    await page.click('#filter-reset');
    await select('filter-team', 'T1');
    expect(await rowTexts(page, '#ov-body tr')).toHaveLength(history.staff.length);
    await page.click('#filter-reset');
  });

  it('draws a worker’s timeline when opened: S4’s sickness absence shaded, bank holidays marked', async () => {
    const s4 = page.locator('#worker-list > details', { hasText: 'Owen Davies (S4), team T1' });
    expect(await s4.locator('svg').count()).toBe(0);
    await s4.locator('summary').click();
    const svg = s4.locator('svg.timeline');
    await svg.waitFor();
    // S4 was absent from Mon 10 Feb to Fri 9 May 2025 (the history's absence).
    expect(await svg.locator('rect > title').allTextContents()).toContain(
      'Absent from Mon 10 Feb 2025 to Fri 9 May 2025',
    );
    const lines = await svg.locator('line > title').allTextContents();
    expect(lines).toContain('Bank holiday: Good Friday, Fri 18 Apr 2025');
    expect(lines).toContain('Bank holiday: Christmas Day, Thu 25 Dec 2025');
    expect(await svg.getAttribute('aria-label')).toMatch(
      /^Owen Davies \(S4\) from Sun 1 Dec 2024 to Mon 12 Jan 2026: \d+ sessions held, .*1 absence\.$/,
    );
    await s4.screenshot({ path: join(out, 'example-worker-S4.png') });
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    await page.locator('#worker-list > details').first().locator('summary').click();
    await page.locator('#na-body details.why summary').nth(1).click();
    await page.addScriptTag({ content: axe.source });
    const result = await page.evaluate(() =>
      (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }),
    );
    const bad = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
    expect(bad).toEqual([]);
  });

  it('prints without the filters and buttons, every worker shown opened', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('form.filters').isVisible()).toBe(false);
    expect(await page.locator('#open-all').isVisible()).toBe(false);
    expect(await page.locator('#na-table').isVisible()).toBe(true);
    // Before printing, the workers shown (at most 50) open with their timelines drawn at once.
    // (Counted in the same turn: a toggle event would come too late for the print.)
    const drawn = await page.evaluate(() => {
      window.dispatchEvent(new Event('beforeprint'));
      return document.querySelectorAll('#worker-list > details[open] svg.timeline').length;
    });
    expect(drawn).toBe(history.staff.length);
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows hostile names as text: nothing runs, nothing is fetched', async () => {
    const evil = '</script><img src="https://example.org/x.png" onerror="alert(1)">';
    const hostile = structuredClone(history);
    hostile.staff[2].name = evil;
    const p = await open(
      renderHtmlReport(evaluate(policy, hostile, { asOf: '2025-12-01' }), hostile),
      'hostile',
    );
    expect(await p.locator('img').count()).toBe(0);
    expect(await seen(p.locator('#ov-body'))).toContain(evil);
    expect(await seen(p.locator('#filter-worker option', { hasText: 'onerror' }))).toBe(`${evil} (S1)`);
    await p.close();
  });

  it('says which findings are approximate readings, and by how much a session ran too long (axe-clean)', async () => {
    // The fictional FEN-5 (approximate) and FEN-9 (at most 120 minutes): test/html/fenchester.ts.
    const p = await open(
      renderHtmlReport(fenReport, fenHistory, { policy: fen, since: '2025-06-01' }),
      'fenchester',
    );
    // "Needs action now": FEN-5 due Thu 7 Aug 2025, 3 days after 4 Aug, an approximate reading.
    expect(await rowTexts(p, '#na-body tr')).toEqual([
      expect.stringMatching(
        /^S1 .*Due soon ≈ Approximate reading S1: one-to-one FEN-5 Thu 7 Aug 2025 due in 3 days /,
      ),
    ]);
    const s1 = p.locator('#worker-list > details').first();
    await s1.locator('summary').click();
    await s1.locator('svg.timeline').waitFor();
    const rows = await rowTexts(p, 'table.findings tbody tr');
    // E1 (Mon 2 Jun 2025) lasted 150 minutes: 30 over FEN-9's 120. E2 (Mon 7 Jul) was 5 days past FEN-5's 2 Jul.
    expect(rows[0]).toMatch(/^FEN-9 Too long by 30 minutes Mon 2 Jun 2025 /);
    expect(rows[0]).not.toContain('Approximate');
    expect(rows[1]).toMatch(/^FEN-5 Late ≈ Approximate reading Wed 2 Jul 2025 Mon 7 Jul 2025 5 /);
    expect(rows[2]).toMatch(/^FEN-5 Next due ≈ Approximate reading Thu 7 Aug 2025 /);
    const late = p.locator('table.findings tbody tr').nth(1).locator('details.why');
    await late.locator('summary').click();
    expect(await seen(late.locator('p.approx'))).toBe(
      `Approximate reading: the rule reads the policy’s text only approximately (${fenWhy}).`,
    );
    // The policy's own event type names E2 on the timeline.
    expect(await s1.locator('svg.timeline circle > title').allTextContents()).toEqual([
      'one-to-one held, Mon 2 Jun 2025',
      'rebooked-session held, Mon 7 Jul 2025',
    ]);
    await p.addScriptTag({ content: axe.source });
    const result = await p.evaluate(() =>
      (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }),
    );
    const bad = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
    expect(bad).toEqual([]);
    await p.close();
  });

  it('made no request outside the file and raised no script error', () => {
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
