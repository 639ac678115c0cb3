const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text made safe for HTML content and quoted attribute values: `& < > " '` become entities.
 *
 * @example
 * escapeHtml('<b>S1 & "S2"</b>'); // '&lt;b&gt;S1 &amp; &quot;S2&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * JSON to embed in a `<script type="application/json">` element: `<`, `>`, `&` and the two JavaScript
 * line separators are written as `\u` escapes, so no input text can close the element or open a comment.
 *
 * @example
 * jsonForScript({ id: '</script>' }); // '{"id":"\\u003c/script\\u003e"}'
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
