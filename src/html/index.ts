/**
 * supervision-rules/html: a report as one self-contained HTML page, kept apart from the core so that
 * importing `supervision-rules` does not load it.
 *
 * @example
 * import { evaluate } from 'supervision-rules';
 * import { renderHtmlReport } from 'supervision-rules/html';
 * const html = renderHtmlReport(evaluate('york', history, { asOf: '2025-12-01' }), history);
 * @packageDocumentation
 */
export { escapeHtml } from './escape.js';
export type { HtmlReportOptions } from './model.js';
export { renderHtmlReport } from './render.js';
