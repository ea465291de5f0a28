import { describe, expect, it } from 'vitest';
import { buildScorecard, defaultScorecardRules } from '../../../src/scorecard/index.js';
import { renderScorecardText, terminalSafe, worstFirst, wrap } from '../../../src/report/terminal-scorecard.js';
import { md, mdCode, renderMarkdown } from '../../../src/report/markdown.js';
import { esc, renderHtml } from '../../../src/report/html.js';
import { baseReport, col, missing, withColumns } from './fixtures.js';

const RULES = defaultScorecardRules();
const EVIL = '<img src=x onerror=alert(1)>|*x*\u001b[31m';

function messyReport() {
  const r = baseReport({ duplicates: { exact: { duplicateRows: 10, clusters: 4 }, near: { enabled: true, duplicateRows: 2, clusters: 1, sampling: null } } });
  return withColumns(r, [
    r.columns[0]!,
    col(EVIL, { missing: missing(60) }),
    col('email', {
      pii: { kind: 'email', confidence: 0.98, validShare: 0.97, regulations: ['GDPR', 'CCPA'], examples: ['j***@e***.com'] },
      topValues: { approximate: false, values: [{ value: 'j***@e***.com', count: 2 }] },
    }),
    col('signup', {
      type: { inferred: 'date', conformance: 1, counts: { date: 100 } },
      dates: { formats: { 'yyyy-MM-dd': 90, 'dd/MM/yyyy': 10 }, dominant: 'yyyy-MM-dd', dominantShare: 0.9, inconsistent: true, ambiguous: 0, resolution: null, min: '2024-01-01', max: '2024-12-31', future: 0, newestAgeDays: 20, sentinels: {} },
    }),
  ]);
}

describe('terminal', () => {
  it('puts the five scores first, then the worst findings, within 100 columns', () => {
    const report = messyReport();
    const text = renderScorecardText(report, buildScorecard(report, RULES));
    const lines = text.split('\n');
    expect(lines[0]).toBe('Readiness 82/100, grade B'); // (69·0.3 + 100·0.1 + 100·0.2 + 95·0.2 + 60·0.2)
    expect(lines.slice(2, 7)).toEqual([
      '  Quality                        69  D ██████████████░░░░░░  2 fail, 2 warn, capped by a fail',
      '  Volume                        100  A ████████████████████  0 fail, 0 warn',
      '  Access & Integration          100  A ████████████████████  0 fail, 0 warn',
      '  Governance & Compliance        95  A ███████████████████░  0 fail, 1 warn',
      '  Versioning & Reproducibility   60  D ████████████░░░░░░░░  0 fail, 1 warn',
    ]);
    expect(lines[8]).toBe('Worst findings (2 fail, 4 warn, 4 notes):');
    expect(lines[9]).toBe('  FAIL  quality     10 exact duplicate rows (10.00% of 100) in 4 clusters');
    expect(text).toContain('  WARN  quality     2 near-duplicate rows (2.00% of 100) in 1 cluster\n');
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(100);
    expect(text).not.toContain('\u001b');
  });

  it('lets dimensions take turns within a severity, and states a repeated recommendation once', () => {
    const report = messyReport();
    const lines = renderScorecardText(report, buildScorecard(report, RULES)).split('\n');
    const heads = lines.filter((l) => /^ {2}(FAIL|WARN) /.test(l)).map((l) => l.slice(0, 18).trim());
    expect(heads).toEqual(['FAIL  quality', 'FAIL  quality', 'WARN  quality', 'WARN  governance', 'WARN  versioning', 'WARN  quality']);
    const f = worstFirst([
      { id: 'a', dimension: 'quality', severity: 'warn', column: null, message: '', evidence: {}, recommendation: '' },
      { id: 'b', dimension: 'quality', severity: 'warn', column: null, message: '', evidence: {}, recommendation: '' },
      { id: 'c', dimension: 'access', severity: 'warn', column: null, message: '', evidence: {}, recommendation: '' },
      { id: 'd', dimension: 'access', severity: 'fail', column: null, message: '', evidence: {}, recommendation: '' },
    ]);
    expect(f.map((x) => x.id)).toEqual(['d', 'a', 'c', 'b']);
  });

  it('wraps and neutralizes control characters', () => {
    expect(wrap('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(terminalSafe('a\u001b[2Jb\u202ec')).toBe('a [2Jb c');
  });
});

describe('markdown', () => {
  it('escapes every value that could act as Markdown or HTML', () => {
    expect(md('<img src=x onerror=alert(1)>|*x*')).toBe('&lt;img src=x onerror=alert(1)&gt;\\|\\*x\\*');
    expect(md('a & b &amp; c')).toBe('a & b &amp;amp; c');
    const report = messyReport();
    const text = renderMarkdown(report, buildScorecard(report, RULES));
    expect(text).not.toContain('<img');
    expect(text).not.toContain('\u001b');
    expect(text.split('\n')[0]).toBe('# Data readiness: clean.csv');
    expect(text).toContain('| Quality | 69 (capped) | D | 2 | 2 | 0 |');
    expect(text).toContain('| email | email | medium | 0.98 | GDPR, CCPA | – | `j***@e***.com` |');
    expect(mdCode('a|b`c\u001b')).toBe("`a\\|b'c `");
    // every table row has the same number of cells as its header: no value broke out of its cell
    for (const block of text.split('\n\n')) {
      const rows = block.split('\n').filter((l) => l.startsWith('| '));
      if (rows.length === 0) continue;
      const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
      for (const r of rows) expect(cells(r)).toBe(cells(rows[0]!));
    }
  });
});

describe('html', () => {
  it('escapes every value and carries no script', () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const report = messyReport();
    const html = renderHtml(report, buildScorecard(report, RULES));
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i); // every < in a value is escaped, so this finds real attributes only
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;|*x* [31m');
    expect(html.match(/data-dimension="/g)).toHaveLength(5);
    expect(html).toContain('data-dimension="quality" data-score="69"');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    // the charts: missingness, type mix, date formats, duplicates, PII map
    for (const label of ['Share of missing values per column', 'Values of each kind per column', 'Date formats in signup', 'Duplicate rows', 'Personal data by column']) {
      expect(html).toContain(`aria-label="${label}"`);
    }
  });

  it('renders a report without a scorecard, or with a malformed one, by building it', () => {
    const plain = baseReport();
    const built = buildScorecard(plain, RULES);
    expect(renderHtml(plain)).toBe(renderHtml(plain, built));
    expect(renderMarkdown({ ...plain, scorecard: { overall: 'great' } } as never)).toBe(renderMarkdown(plain, built));
    const carried = { ...plain, scorecard: { ...built, overall: { ...built.overall, score: 12 } } };
    expect(renderScorecardText(carried).split('\n')[0]).toBe('Readiness 12/100, grade A (from 4 of 5 dimensions)'); // the carried scorecard is used as is
  });

  it('says "not measured" for sections the report lacks', () => {
    const report = baseReport();
    const html = renderHtml(report, buildScorecard(report, RULES));
    expect(html).toContain('Not measured: this report has no date analysis.');
    expect(html).toContain('Not measured: this report has no duplicates section.');
    expect(html).toContain('Not measured: PII detection did not run for this report.');
    expect(html).toContain('data-dimension="governance" data-score=""');
  });
});
