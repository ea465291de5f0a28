import type { Check, Comparison } from './compare.js';

/**
 * JUnit XML for CI systems: one test case per check. A fail finding is a <failure>; a warning is a
 * <failure> only with --strict, otherwise a passing case with the warning in <system-out>; a check that
 * could not run is <skipped>.
 */

/** XML 1.0 allows neither most control characters nor lone surrogates: those become U+FFFD. */
function xmlText(s: string): string {
  return s
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

export function testCaseName(k: Check): string {
  return `${k.check}${k.column !== null ? ` [${k.column}]` : ''}${k.subject !== null && k.column === null ? ` (${k.subject})` : ''}`;
}

export function renderJunit(c: Comparison, suiteName: string): string {
  const failing = (k: Check) => k.status === 'fail' || (k.status === 'warn' && c.strict);
  const failures = c.checks.filter(failing).length;
  const skipped = c.counts.skip;
  const tests = c.checks.length;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="dataready" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`);
  out.push(`  <testsuite name="${xmlAttr(suiteName)}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`);
  out.push('    <properties>');
  if (c.baseline) out.push(`      <property name="baseline" value="${xmlAttr(c.baseline.label)}"/>`);
  out.push(`      <property name="current" value="${xmlAttr(c.current.label)}"/>`);
  out.push(`      <property name="status" value="${c.status}"/>`);
  out.push('    </properties>');
  const classname = (k: Check) => `dataready.${k.column !== null ? 'column' : 'table'}`;
  for (const k of c.checks) {
    const open = `    <testcase classname="${classname(k)}" name="${xmlAttr(testCaseName(k))}" time="0"`;
    const detail = xmlText(JSON.stringify({ measured: k.measured, thresholds: k.thresholds }));
    if (failing(k)) {
      out.push(`${open}>`);
      out.push(`      <failure type="${k.status}" message="${xmlAttr(k.message)}">${detail}</failure>`);
      out.push('    </testcase>');
    } else if (k.status === 'skip') {
      out.push(`${open}>`, `      <skipped message="${xmlAttr(k.message)}"/>`, '    </testcase>');
    } else if (k.status === 'warn') {
      out.push(`${open}>`, `      <system-out>WARNING: ${xmlText(k.message)}</system-out>`, '    </testcase>');
    } else {
      out.push(`${open}/>`);
    }
  }
  out.push('  </testsuite>', '</testsuites>', '');
  return out.join('\n');
}
