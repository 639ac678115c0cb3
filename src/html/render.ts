import { formatDate } from '../calendar/index.js';
import { parseHistory } from '../history/parse.js';
import type { Report } from '../report/types.js';
import { CLIENT_SCRIPT } from './client.js';
import { escapeHtml as e, jsonForScript } from './escape.js';
import { type HtmlReportOptions, type PageData, pageData } from './model.js';
import { STYLES } from './styles.js';

const option = (value: string, text: string) => `<option value="${e(value)}">${e(text)}</option>`;

/** The legend's small drawings, the same marks as the timelines. */
const LEGEND = `<ul class="legend" aria-label="Timeline legend">
<li><svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="4.5" fill="#1b6e2d" stroke="#1b6e2d"/></svg> session held</li>
<li><svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="4.5" fill="#fff" stroke="#1b6e2d" stroke-width="1.5"/></svg> session cancelled</li>
<li><svg width="14" height="14" aria-hidden="true"><path d="M7 3 l-5 9 h10 z" fill="#124a85"/></svg> due date</li>
<li><svg width="14" height="14" aria-hidden="true"><path d="M7 3 l-5 9 h10 z" fill="#b00020"/></svg> overdue now</li>
<li><svg width="22" height="14" aria-hidden="true"><rect x="1" y="3" width="20" height="8" fill="#b00020" stroke="#5a0010"/></svg> late (breach), solid</li>
<li><svg width="22" height="14" aria-hidden="true"><rect x="1" y="3" width="20" height="8" fill="#e0a100" stroke="#6b4d00" stroke-dasharray="3 2"/></svg> late (advisory), dashed</li>
<li><svg width="22" height="14" aria-hidden="true"><rect x="1" y="1" width="20" height="12" fill="url(#absent)" stroke="#777" stroke-dasharray="2 2"/></svg> absent</li>
<li><svg width="14" height="14" aria-hidden="true"><line x1="7" x2="7" y1="0" y2="14" stroke="#6a3d9a" stroke-dasharray="3 2"/></svg> bank holiday</li>
<li><svg width="14" height="14" aria-hidden="true"><line x1="7" x2="7" y1="0" y2="14" stroke="#8c510a" stroke-width="2" stroke-dasharray="1 2"/></svg> council closure</li>
<li><svg width="14" height="14" aria-hidden="true"><line x1="7" x2="7" y1="0" y2="14" stroke="#000" stroke-width="2"/></svg> as-of date</li>
</ul>`;

/** The hatching that marks absences, defined once for every timeline on the page. */
const DEFS = `<svg width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false"><defs><pattern id="absent" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#eeeeee"/><line x1="0" y1="0" x2="0" y2="6" stroke="#9a9a9a" stroke-width="2"/></pattern></defs></svg>`;

function counts(data: PageData): string {
  let sessions = 0;
  let records = 0;
  let soon = 0;
  for (const a of data.actions) {
    if (a[0] === 0) sessions++;
    else if (a[0] === 1) records++;
    else soon++;
  }
  const n = (k: number, one: string, many: string) => `<strong>${k}</strong> ${k === 1 ? one : many}`;
  return `${n(sessions, 'session overdue', 'sessions overdue')}, ${n(records, 'record not written', 'records not written')}, ${n(soon, 'item', 'items')} due within ${data.withinDays} days.`;
}

/** The page around the data: headings, filters, empty tables with their captions, the legend, the script. */
export function pageHtml(data: PageData): string {
  const title = `Supervision report: ${data.council ? `${data.council}, ` : ''}${data.policy.name} (${data.policy.id}), as of ${formatDate(data.asOf)}`;
  const teamOptions = data.teams.map((t, i) => option(String(i), t)).join('');
  const workerOptions = data.workers
    .map((w, i) => option(String(i), w.name ? `${w.name} (${w.id})` : w.id))
    .join('');
  const ruleOptions = data.rules
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r[0] < b.r[0] ? -1 : a.r[0] > b.r[0] ? 1 : 0))
    .map(({ r, i }) => option(String(i), `${r[0]} (${r[1]})`))
    .join('');
  const leftOut =
    data.actionsLeftOut > 0
      ? `<p class="meta">${data.actionsLeftOut} items about other teams are not in this page.</p>`
      : '';
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${e(title)}</title>
<style>${STYLES}</style>
</head>
<body>
${DEFS}
<header>
<h1>Supervision report</h1>
<p class="meta">${data.council ? `${e(data.council)}: ` : ''}${e(data.policy.name)}, policy <strong>${e(data.policy.id)}</strong> version ${e(data.policy.version)}. As of <strong>${e(formatDate(data.asOf))}</strong>; timelines and findings from ${e(formatDate(data.from))}.</p>
<nav aria-label="Sections"><ul><li><a href="#needs-action">Needs action now</a></li><li><a href="#overview">Team overview</a></li><li><a href="#workers">Workers</a></li><li><a href="#about">About this report</a></li></ul></nav>
</header>
<main>
<noscript><p><strong>This report needs JavaScript to show its tables. Open it in a web browser (Edge, Chrome, Firefox or Safari).</strong></p></noscript>
<form class="filters" aria-label="Filters" onsubmit="return false">
<label for="filter-team">Team<select id="filter-team"><option value="">All teams</option>${teamOptions}</select></label>
<label for="filter-worker">Worker<select id="filter-worker"><option value="">All workers</option>${workerOptions}</select></label>
<label for="filter-rule">Rule<select id="filter-rule"><option value="">All rules</option>${ruleOptions}</select></label>
<label for="filter-severity">Severity<select id="filter-severity"><option value="">Breaches and advisory</option><option value="breach">Breaches only</option><option value="advisory">Advisory only</option></select></label>
<button type="button" id="filter-reset">Clear filters</button>
</form>
<section id="needs-action" aria-labelledby="needs-action-heading">
<h2 id="needs-action-heading">Needs action now</h2>
<p>${counts(data)} Most overdue first; advisory items (what the policy recommends) after breaches (what it requires).</p>
${leftOut}
<p id="na-count" role="status"></p>
<table id="na-table">
<caption>What needs action now, as of ${e(formatDate(data.asOf))}</caption>
<thead><tr><th scope="col">Worker</th><th scope="col">What</th><th scope="col">About</th><th scope="col">Rule</th><th scope="col">Due</th><th scope="col" class="num">Overdue</th><th scope="col">Severity</th><th scope="col">Details</th></tr></thead>
<tbody id="na-body"></tbody>
</table>
<p class="more" id="na-more"><button type="button" id="na-more-button">Show 100 more</button></p>
</section>
<section id="overview" aria-labelledby="overview-heading">
<h2 id="overview-heading">Team overview</h2>
<p>Status, from what is about the worker themselves (their sessions and their own supervision records): <span class="badge rag-red"><span aria-hidden="true">&#x2716; </span>Red</span> something the policy requires is overdue now; <span class="badge rag-amber"><span aria-hidden="true">&#x25B2; </span>Amber</span> something is due within 7 days, or a breach in the last 90 days, or only advisory items overdue; <span class="badge rag-green"><span aria-hidden="true">&#x2714; </span>Green</span> none of these. The records about children discussed in their sessions are counted beside it.</p>
<p id="ov-count" role="status"></p>
<table id="ov-table">
<caption>One row per worker: status, share of sessions held in timescale and of records made on time</caption>
<thead><tr><th scope="col">Worker</th><th scope="col">Team</th><th scope="col">Status</th><th scope="col" class="num">Sessions in timescale</th><th scope="col" class="num">Records on time</th><th scope="col">Next due</th><th scope="col" class="num">Children’s records not written</th><th scope="col" class="num">Breaches, last 90 days</th></tr></thead>
<tbody id="ov-body"></tbody>
</table>
</section>
<section id="workers" aria-labelledby="workers-heading">
<h2 id="workers-heading">Workers</h2>
<p>Open a worker to see their timeline from ${e(formatDate(data.from))} to ${e(formatDate(data.to))}, the records they have not written, and each finding with the policy's own words.</p>
${LEGEND}
<p class="toolbar"><button type="button" id="open-all">Open every worker shown</button></p>
<p id="worker-count" role="status"></p>
<div id="worker-list"></div>
</section>
<section id="about" aria-labelledby="about-heading">
<h2 id="about-heading">About this report</h2>
<p>Made by supervision-rules from the supervision history, under ${e(data.policy.name)} (${e(data.policy.id)}, version ${e(data.policy.version)}), as of ${e(formatDate(data.asOf))}. Every finding gives its sentence and the policy's own words under "Why".${data.notEvaluable > 0 ? ` ${data.notEvaluable} rule checks could not be evaluated from the history given.` : ''}${data.warnings > 0 ? ` The history raised ${data.warnings} warnings (see the JSON report).` : ''}</p>
</section>
</main>
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}

/**
 * A self-contained HTML report (inline CSS, script and SVG; nothing fetched): what needs action now,
 * a team overview, and each worker's timeline and findings with the policy's words. `history` is the one
 * the report was evaluated from (checked again: an `InputError` when invalid). Pure: returns the page.
 *
 * @example
 * import { renderHtmlReport } from 'supervision-rules/html';
 * const report = evaluate('york', history, { asOf: '2025-12-01' });
 * writeFileSync('report.html', renderHtmlReport(report, history));
 */
export function renderHtmlReport(report: Report, history: unknown, options: HtmlReportOptions = {}): string {
  return pageHtml(pageData(report, parseHistory(history, { vocabulary: null }), options));
}
