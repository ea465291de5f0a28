import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { compareSnapshots, summarize } from '../../../src/compare/compare.js';
import { renderJunit } from '../../../src/compare/junit.js';
import { metricsOf, rangeChecks, rangeOf } from '../../../src/compare/range.js';
import { mdEscape, renderComparisonMarkdown, renderComparisonText } from '../../../src/compare/render.js';
import { COMPARE_RULES_PATH, compareRulesSchema, loadCompareRules } from '../../../src/compare/rules.js';
import { snapshotOf } from '../../../src/compare/snapshot.js';
import { ROOT, tempDir } from '../../helpers/cli.js';
import { report, typical } from './report-builder.js';

const defaults = compareRulesSchema.parse({});
const dir = tempDir();
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('compare rules', () => {
  it('the schema defaults and rules/compare.yaml agree key for key', () => {
    // rules/compare.yaml until the lead merges it into rules/default.yaml
    const source = existsSync(COMPARE_RULES_PATH) ? COMPARE_RULES_PATH : join(ROOT, 'rules', 'default.yaml');
    const yaml = parseYaml(readFileSync(source, 'utf8')) as { compare: unknown };
    expect(compareRulesSchema.parse(yaml.compare)).toEqual(defaults);
    expect(defaults.rows).toEqual({ warn: 0.1, fail: 0.5 });
    expect(defaults.scores).toEqual({ warn: 5, fail: 15, ignore: [] });
    expect(defaults.numericDrift).toEqual({ psi: { warn: 0.1, fail: 0.25 }, ks: { warn: null, fail: null }, meanShift: { warn: null, fail: null } });
    expect(defaults.history).toEqual({ window: 10, minRuns: 3, sigmas: 3, minRelative: 0.01, minRate: 0.01, minScore: 2, severity: 'warn' });
  });

  it('a user file overrides key by key', () => {
    const rules = loadCompareRules(file('r.yaml', 'compare:\n  rows: { fail: 0.9 }\n  columns: { added: fail }\n'));
    expect(rules.rows).toEqual({ warn: 0.1, fail: 0.9 });
    expect(rules.columns).toEqual({ added: 'fail', removed: 'fail', retyped: 'fail', widened: 'warn', reordered: 'warn' });
    expect(loadCompareRules(file('other.yaml', 'nulls:\n  tokens: [x]\n'))).toEqual(defaults);
  });

  it('a wrong key or value is refused with the key and the reason', () => {
    expect(() => loadCompareRules(file('bad1.yaml', 'compare:\n  rows: { fail: lots }\n'))).toThrow(/compare\.rows\.fail: Invalid input: expected number, received string/);
    expect(() => loadCompareRules(file('bad2.yaml', 'compare:\n  rowz: 1\n'))).toThrow(/compare\.\(top level\): Unrecognized key: "rowz"|compare\..*rowz/);
    expect(() => loadCompareRules(file('bad3.yaml', 'compare:\n  columns: { removed: maybe }\n'))).toThrow(/compare\.columns\.removed: /);
    expect(() => loadCompareRules(file('bad4.yaml', 'compare: [1]\n'))).toThrow(/compare: expected a mapping of keys/);
  });
});

describe('recent range (history)', () => {
  it('mean ± 3σ, widened to the floors of each kind of metric', () => {
    expect(rangeOf([100, 110, 90, 100], 'count', defaults.history)).toEqual({ runs: 4, mean: 100, sd: Math.sqrt(50), tolerance: 3 * Math.sqrt(50) });
    expect(rangeOf([1000, 1000, 1000], 'count', defaults.history).tolerance).toBe(10);
    expect(rangeOf([0, 0, 0], 'rate', defaults.history).tolerance).toBe(0.01);
    expect(rangeOf([80, 80, 80], 'score', defaults.history).tolerance).toBe(2);
  });

  it('one check per metric with enough history; a skip while the history is short', () => {
    const snap = snapshotOf(typical({}, { rows: 1100 }), 'c.json', 'current report');
    const metrics = metricsOf(snap);
    expect(metrics.map((m) => `${m.metric}:${m.subject}=${m.value}`)).toEqual([
      'rows:=1100',
      'columns:=3',
      'missing.rate:id=0',
      'missing.rate:status=0',
      'missing.rate:amount=0',
    ]);
    const history = new Map([
      ['rows\u0000', [1000, 1010, 990, 1000]],
      ['columns\u0000', [3, 3, 3, 3]],
      ['missing.rate\u0000id', [0, 0, 0, 0]],
    ]);
    const checks = rangeChecks(metrics, history, 4, defaults);
    expect(checks.map((k) => [k.status, k.message])).toEqual([
      ['warn', 'rows 1,100 outside the recent range 979…1,021 (mean 1,000 ± 3σ of the last 4 runs)'],
      ['pass', 'columns 3 within the recent range 3…3 (mean 3 ± 3σ of the last 4 runs)'],
      ['pass', '"id" missing rate 0.0% within the recent range 0.0%…1.0% (mean 0.0% ± 3σ of the last 4 runs)'],
    ]);
    expect(rangeChecks(metrics, history, 2, defaults).map((k) => [k.status, k.message])).toEqual([
      ['skip', 'recent-range checks need 3 recorded runs of this dataset; 2 so far'],
    ]);
  });
});

describe('outputs for CI', () => {
  const hostile = '<script>alert(1)</script>|&"x"\u0001';
  const b = snapshotOf(report([{ name: hostile, top: [{ value: 'a', count: 1000 }] }, { name: 'gone', top: [{ value: 'b', count: 1000 }] }]), 'b.json', 'baseline');
  const c = snapshotOf(report([{ name: hostile, missing: 300, top: [{ value: 'a', count: 700 }] }]), 'c.json', 'current report');
  const comparison = summarize(compareSnapshots(b, c, defaults), b, c, false);

  it('JUnit: one test case per check, failures for fail findings, everything escaped', () => {
    const xml = renderJunit(comparison, 'nightly <export>');
    expect(xml.match(/<testcase /g)).toHaveLength(comparison.checks.length);
    expect(xml).toContain(`<testsuites name="dataready" tests="${comparison.checks.length}" failures="2" errors="0" skipped="0">`);
    expect(xml).toContain('<testsuite name="nightly &lt;export&gt;"');
    expect(xml).toContain('name="missing-rate [&lt;script&gt;alert(1)&lt;/script&gt;|&amp;&quot;x&quot;\ufffd]"');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f]/);
    expect(xml.match(/<failure /g)).toHaveLength(2);
  });

  it('JUnit: warnings fail only with strict', () => {
    const cw = snapshotOf(report([{ name: hostile, missing: 50, top: [{ value: 'a', count: 950 }] }, { name: 'gone', top: [{ value: 'b', count: 1000 }] }]), 'c.json', 'current report');
    const lenient = summarize(compareSnapshots(b, cw, defaults), b, cw, false);
    const strict = summarize(compareSnapshots(b, cw, defaults), b, cw, true);
    expect(lenient.counts.warn).toBe(1);
    expect(renderJunit(lenient, 's')).toContain('<system-out>WARNING: ');
    expect(renderJunit(lenient, 's')).not.toContain('<failure');
    expect(renderJunit(strict, 's').match(/<failure type="warn"/g)).toHaveLength(1);
  });

  it('Markdown for a pull request: findings in a table, cells escaped, the rest folded', () => {
    const md = renderComparisonMarkdown(comparison);
    expect(md.split('\n').slice(0, 7)).toEqual([
      '### ❌ dataready: FAILED — 2 failed, 0 warnings, 6 passed',
      '',
      'Baseline b.json (1,000 rows, 2 columns) → current c.json (1,000 rows, 1 columns)',
      '',
      '| status | check | column | what changed |',
      '|---|---|---|---|',
      '| ❌ fail | column-removed | gone | column "gone" (string, position 2) is gone |',
    ]);
    expect(md).not.toContain('<script>');
    expect(md).toContain(String.raw`| ❌ fail | missing-rate | &lt;script&gt;alert(1)&lt;/script&gt;\|&amp;"x"� | "&lt;script&gt;alert(1)&lt;/script&gt;\|&amp;\\"x\\"\\u0001" missing 0.0% → 30.0% (+30.0 pp) |`);
    expect(md).toContain('<details><summary>6 passed, 0 skipped</summary>');
    expect(mdEscape('a|b*c_d`e')).toBe('a\\|b\\*c\\_d\\`e');
  });

  it('text for the terminal: the headline, then each finding', () => {
    expect(renderComparisonText(comparison).split('\n')).toEqual([
      'Compared with b.json (dataready 0.1.0, report v1): FAILED — 2 failed, 0 warnings, 6 passed',
      '  FAIL  column "gone" (string, position 2) is gone',
      '  FAIL  "<script>alert(1)</script>|&\\"x\\"\\u0001" missing 0.0% → 30.0% (+30.0 pp)',
      '',
    ]);
  });
});
