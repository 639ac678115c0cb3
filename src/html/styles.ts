/** The page's stylesheet: system fonts, colours with words and shapes beside them, a print layout. */
export const STYLES = `
:root { --red: #b00020; --amber: #8a5a00; --green: #1b6e2d; --ink: #1a1a1a; --muted: #555; --line: #c8c8c8; --bg-red: #fde7ea; --bg-amber: #fff1d6; --bg-green: #e3f4e6; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1200px; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: 0.2rem 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; border-bottom: 2px solid var(--ink); padding-bottom: 0.2rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 0.4rem; }
.meta { color: var(--muted); margin: 0.2rem 0; }
a { color: #0b4f9c; }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; }
.filters { display: flex; flex-wrap: wrap; gap: 0.6rem 1.2rem; align-items: end; padding: 0.6rem 0.8rem; background: #f3f5f8; border: 1px solid var(--line); border-radius: 6px; }
.filters label { display: flex; flex-direction: column; font-weight: 600; font-size: 0.9rem; }
.filters select { font: inherit; min-width: 10rem; padding: 0.2rem; }
.filters button, .more button, .toolbar button { font: inherit; padding: 0.25rem 0.8rem; }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 0.8rem; }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
thead th { background: #eef0f3; border-bottom: 2px solid #888; }
td.nowrap { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 0 0.45rem; border-radius: 0.7rem; font-weight: 600; white-space: nowrap; border: 1px solid currentColor; }
.rag-red, .sev-breach { color: var(--red); background: var(--bg-red); }
.rag-amber, .sev-advisory { color: var(--amber); background: var(--bg-amber); }
.rag-green { color: var(--green); background: var(--bg-green); }
.sev-due { color: #124a85; background: #e4eefa; }
.approx { color: #5b2a86; background: #f1e9f8; }
p.approx { padding: 0.1rem 0.4rem; border-left: 4px solid #5b2a86; }
details > summary { cursor: pointer; }
details.why { max-width: 34rem; }
details.why p { margin: 0.3rem 0; }
blockquote { margin: 0.3rem 0; padding: 0.2rem 0.6rem; border-left: 4px solid #888; background: #f7f7f7; }
.worker { border: 1px solid var(--line); border-radius: 6px; margin: 0.4rem 0; padding: 0.3rem 0.7rem; }
.worker > summary { font-weight: 600; padding: 0.2rem 0; }
.timeline { width: 100%; height: auto; display: block; margin: 0.4rem 0; }
.legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; padding: 0; list-style: none; font-size: 0.9rem; }
.legend svg { vertical-align: middle; }
.hidden-note { color: var(--muted); font-style: italic; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .no-print, .filters, .more, nav, .toolbar { display: none !important; }
  h2 { break-after: avoid; }
  tr, .worker { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .badge { border: 1px solid #000; }
}
`;
