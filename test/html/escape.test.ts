import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript } from '../../src/html/escape.js';

describe('escapeHtml', () => {
  it('writes the five special characters as entities, and leaves the rest', () => {
    expect(escapeHtml(`<a href="x" title='y'>S1 & S2</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;S1 &amp; S2&lt;/a&gt;',
    );
    expect(escapeHtml('Café, 2025-12-01 — “quoted”')).toBe('Café, 2025-12-01 — “quoted”');
  });

  it('escapes & once, so an entity in the input stays visible as typed', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });

  it('never leaves a character that could open a tag or close an attribute (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(escapeHtml(s)).not.toMatch(/[<>"']/);
        // Reading the entities back gives the input.
        const back = escapeHtml(s)
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&');
        expect(back).toBe(s);
      }),
    );
  });
});

describe('jsonForScript', () => {
  it('cannot close the script element or open a comment', () => {
    const text = jsonForScript({ name: '</script><!-- & \u2028' });
    expect(text).toBe('{"name":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}');
  });

  it('parses back to the same value, with no < > & left (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = jsonForScript(value);
        expect(text).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
