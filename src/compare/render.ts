import type { Check, CheckStatus, Comparison } from './compare.js';

/** Renderings of a comparison: the terminal, and Markdown for a pull-request comment. Pure functions. */

const LABEL: Record<CheckStatus, string> = { fail: 'FAIL', warn: 'WARN', pass: 'ok', skip: 'skip' };

function headline(c: Comparison): string {
  const n = c.counts;
  const parts = [`${n.fail} failed`, `${n.warn} warning${n.warn === 1 ? '' : 's'}`, `${n.pass} passed`];
  if (n.skip > 0) parts.push(`${n.skip} skipped`);
  return `${c.status.toUpperCase()}${c.strict && n.warn > 0 && n.fail === 0 ? ' (--strict: warnings fail)' : ''} — ${parts.join(', ')}`;
}

function printable(s: string): string {
  return s.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '\ufffd');
}

export function renderComparisonText(c: Comparison): string {
  const lines: string[] = [];
  if (c.baseline) {
    lines.push(`Compared with ${printable(c.baseline.label)} (dataready ${c.baseline.toolVersion}, report v${c.baseline.reportVersion}): ${headline(c)}`);
  } else {
    lines.push(`No baseline to compare with: ${headline(c)}`);
  }
  for (const f of c.findings) lines.push(`  ${LABEL[f.status].padEnd(4)}  ${printable(f.message)}`);
  for (const s of c.checks.filter((x) => x.status === 'skip')) lines.push(`  ${LABEL.skip.padEnd(4)}  ${printable(s.message)}`);
  if (c.findings.length === 0 && c.baseline) lines.push('  no change beyond the thresholds');
  return lines.join('\n') + '\n';
}

/** Escapes text for a Markdown table cell: no HTML, no emphasis or links, no line breaks, no cell breaks. */
export function mdEscape(s: string): string {
  return printable(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (ch) => `\\${ch}`)
    .replace(/\r?\n|\r/g, ' ');
}

const ICON: Record<CheckStatus, string> = { fail: '❌ fail', warn: '⚠️ warn', pass: '✅ pass', skip: '➖ skip' };
const MAX_DETAIL_ROWS = 200;

function row(k: Check): string {
  return `| ${ICON[k.status]} | ${k.check} | ${k.column === null ? '' : mdEscape(k.column)} | ${mdEscape(k.message)} |`;
}

export function renderComparisonMarkdown(c: Comparison): string {
  const icon = c.status === 'failed' ? '❌' : c.status === 'warned' ? '⚠️' : '✅';
  const lines: string[] = [`### ${icon} dataready: ${mdEscape(headline(c))}`, ''];
  if (c.baseline) {
    lines.push(
      `Baseline ${mdEscape(c.baseline.label)} (${c.baseline.rows.toLocaleString('en-US')} rows, ${c.baseline.columns} columns) → ` +
        `current ${mdEscape(c.current.label)} (${c.current.rows.toLocaleString('en-US')} rows, ${c.current.columns} columns)`,
      '',
    );
  } else {
    lines.push(`No baseline yet for ${mdEscape(c.current.label)}: this run becomes the baseline of the next one.`, '');
  }
  const head = ['| status | check | column | what changed |', '|---|---|---|---|'];
  if (c.findings.length > 0) lines.push(...head, ...c.findings.map(row), '');
  else if (c.baseline) lines.push('No change beyond the thresholds.', '');
  const rest = c.checks.filter((k) => k.status === 'pass' || k.status === 'skip');
  if (rest.length > 0) {
    lines.push(`<details><summary>${c.counts.pass} passed, ${c.counts.skip} skipped</summary>`, '', ...head);
    for (const k of rest.slice(0, MAX_DETAIL_ROWS)) lines.push(row(k));
    if (rest.length > MAX_DETAIL_ROWS) lines.push(`| | | | … and ${rest.length - MAX_DETAIL_ROWS} more |`);
    lines.push('', '</details>', '');
  }
  return lines.join('\n');
}
