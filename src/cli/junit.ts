import type { ExampleResult } from '../policy/examples.js';

/** Text made safe for XML: the five special characters escaped, characters XML 1.0 cannot hold dropped. */
export function escapeXml(s: string): string {
  return (
    s
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing what XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/**
 * A JUnit XML report of a policy's examples, as CI systems read it: one testsuite (the policy), one
 * testcase per example (classname the rule id, name the example's), a failure element per failed one.
 */
export function examplesToJunit(policyId: string, results: readonly ExampleResult[]): string {
  const failed = results.filter((r) => !r.passed).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="supervision-rules test" tests="${results.length}" failures="${failed}">`,
    `  <testsuite name="${escapeXml(policyId)}" tests="${results.length}" failures="${failed}" errors="0" skipped="0">`,
  ];
  for (const r of results) {
    const open = `    <testcase classname="${escapeXml(`${policyId}.${r.ruleId}`)}" name="${escapeXml(`${r.path}: ${r.name}`)}"`;
    if (r.passed) lines.push(`${open}/>`);
    else
      lines.push(
        `${open}>`,
        `      <failure message="${escapeXml(r.failures[0] ?? 'failed')}">${escapeXml(r.failures.join('\n'))}</failure>`,
        '    </testcase>',
      );
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}
