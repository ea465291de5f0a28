import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/compare/compare.js';
import { CLI, CORPUS, ROOT, runCli, tempDir, type CliResult } from '../helpers/cli.js';
import { customers, regressions, shuffled, toCsv } from '../unit/compare/fixtures.js';

/**
 * The regression gate end to end, through the built CLI: a 2,000-row export, its row-shuffled copy, and one
 * copy per kind of regression. Every report is profiled once, in parallel, before the tests.
 */

const run = promisify(execFile);
async function cli(args: string[]): Promise<CliResult> {
  try {
    const r = await run(process.execPath, [CLI, ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : null, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

const dir = tempDir('dataready-compare-');
const path = (name: string) => join(dir, name);
const base = customers(2000);
const cases = { shuffled: shuffled(base), ...Object.fromEntries(Object.entries(regressions).map(([k, f]) => [k, f(base)])) } as Record<string, Record<string, string>[]>;
type Case = 'shuffled' | keyof typeof regressions;

const profiled: Record<string, CliResult> = {};

beforeAll(async () => {
  writeFileSync(path('base.csv'), toCsv(base));
  for (const [name, rows] of Object.entries(cases)) writeFileSync(path(`${name}.csv`), toCsv(rows));
  const b = await cli(['profile', path('base.csv'), '--out', path('base.json'), '--quiet']);
  expect(b.code, b.stderr).toBe(0);
  // Each case is profiled against the baseline (the gate) and its report kept for `compare`.
  const names = Object.keys(cases);
  for (let i = 0; i < names.length; i += 2) {
    await Promise.all(
      names.slice(i, i + 2).map(async (name) => {
        profiled[name] = await cli(['profile', path(`${name}.csv`), '--baseline', path('base.json'), '--out', path(`${name}.json`), '--format', 'json', '--junit', path(`${name}.xml`), '--quiet']);
      }),
    );
  }
}, 600_000);

async function compare(name: Case, ...extra: string[]): Promise<{ code: number | null; comparison: Comparison }> {
  const r = await cli(['compare', path('base.json'), path(`${name}.json`), '--format', 'json', ...extra]);
  expect(r.stderr).toBe('');
  return { code: r.code, comparison: JSON.parse(r.stdout) as Comparison };
}

const brief = (c: Comparison) => c.findings.map((k) => ({ check: k.check, column: k.column, status: k.status }));

describe('dataready compare / profile --baseline: no change', { timeout: 240_000 }, () => {
  it('the baseline against itself: exit 0, no findings', async () => {
    const r = await cli(['compare', path('base.json'), path('base.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^Compared with .*base\.json \(dataready \d+\.\d+\.\d+, report v1\): PASSED — 0 failed, 0 warnings, \d+ passed/);
    expect(r.stdout).toContain('no change beyond the thresholds');
  });

  it('a row-shuffled copy: exit 0 and no finding, from profile --baseline and from compare', async () => {
    expect(profiled.shuffled!.code).toBe(0);
    const { code, comparison } = await compare('shuffled');
    expect(code).toBe(0);
    expect(comparison.status).toBe('passed');
    expect(comparison.findings).toEqual([]);
    expect(comparison.counts.fail + comparison.counts.warn).toBe(0);
    // the column profiles themselves do not depend on row order
    const a = JSON.parse(readFileSync(path('base.json'), 'utf8'));
    const b = JSON.parse(readFileSync(path('shuffled.json'), 'utf8'));
    expect(b.columns).toEqual(a.columns);
  });
});

describe('a harmless reordering of a public CSV', { timeout: 240_000 }, () => {
  it('ds_salaries.csv (607 rows) and a seeded row shuffle of it: no finding', async () => {
    const source = join(CORPUS, 'dataprofiler/dataprofiler/tests/data/csv/ds_salaries.csv');
    const [header, ...records] = readFileSync(source, 'utf8').trimEnd().split('\n');
    writeFileSync(path('salaries-shuffled.csv'), [header, ...shuffled(records, 5)].join('\n') + '\n');
    const [a, b] = await Promise.all([
      cli(['profile', source, '--out', path('salaries.json'), '--quiet']),
      cli(['profile', path('salaries-shuffled.csv'), '--out', path('salaries-shuffled.json'), '--quiet']),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const r = await cli(['compare', path('salaries.json'), path('salaries-shuffled.json'), '--format', 'json']);
    expect(r.code).toBe(0);
    const comparison = JSON.parse(r.stdout) as Comparison;
    expect(comparison.findings).toEqual([]);
    expect(comparison.counts.pass).toBeGreaterThan(40);
  });
});

describe('each kind of regression: exit 1 with the right finding', { timeout: 240_000 }, () => {
  it('more missing values', async () => {
    expect(profiled.moreMissing!.code).toBe(1);
    const { code, comparison } = await compare('moreMissing');
    expect(code).toBe(1);
    expect(brief(comparison)).toEqual([{ check: 'missing-rate', column: 'city', status: 'fail' }]);
    expect(comparison.findings[0]!.measured).toEqual({ baseline: 0, current: 0.25, change: 0.25 });
    expect(comparison.findings[0]!.message).toBe('"city" missing 0.0% → 25.0% (+25.0 pp)');
  });

  it('a retyped column', async () => {
    expect(profiled.retyped!.code).toBe(1);
    const { comparison } = await compare('retyped');
    expect(brief(comparison)).toEqual([{ check: 'column-type', column: 'amount', status: 'fail' }]);
    expect(comparison.findings[0]!.message).toBe('"amount" changed type decimal → string; values that are decimal: 100.0% → 0.0%');
  });

  it('a dropped column', async () => {
    expect(profiled.droppedColumn!.code).toBe(1);
    const { comparison } = await compare('droppedColumn');
    expect(brief(comparison)).toEqual([{ check: 'column-removed', column: 'status', status: 'fail' }]);
    expect(comparison.findings[0]!.message).toBe('column "status" (string, position 5) is gone');
  });

  it('a row count collapse', async () => {
    expect(profiled.rowCollapse!.code).toBe(1);
    const { comparison } = await compare('rowCollapse');
    expect(brief(comparison)).toEqual([{ check: 'rows', column: null, status: 'fail' }]);
    expect(comparison.findings[0]!.measured).toEqual({ baseline: 2000, current: 200, change: -0.9 });
  });

  it('drift in a numeric column', async () => {
    expect(profiled.numericDrift!.code).toBe(1);
    const { comparison } = await compare('numericDrift');
    expect(brief(comparison)).toEqual([{ check: 'numeric-drift', column: 'amount', status: 'fail' }]);
    const m = comparison.findings[0]!.measured as { psi: number; ks: number };
    expect(m.psi).toBeCloseTo(7.596, 2);
    expect(m.ks).toBeCloseTo(0.799, 2);
  });

  it('a new category mix', async () => {
    expect(profiled.newCategoryMix!.code).toBe(1);
    const { comparison } = await compare('newCategoryMix');
    expect(brief(comparison)).toEqual([{ check: 'category-drift', column: 'status', status: 'fail' }]);
    expect(comparison.findings[0]!.measured.psi).toBeCloseTo(2.079, 2);
    expect(comparison.findings[0]!.message).toMatch(/^"status" value mix drift PSI 2\.07\d; "suspended" 0\.0% → 20\.0%, "active" 70\.\d% → 28\.\d%/);
  });
});

describe('outputs', { timeout: 240_000 }, () => {
  it('profile --format json keeps stdout a pure report and puts the summary on stderr', () => {
    const r = profiled.rowCollapse!;
    expect(JSON.parse(r.stdout).reportVersion).toBe(1);
    expect(r.stderr).toBe('');
    const withSummary = runCli(['profile', path('rowCollapse.csv'), '--baseline', path('base.json'), '--format', 'json']);
    expect(withSummary.code).toBe(1);
    expect(JSON.parse(withSummary.stdout).table.rows).toBe(200);
    expect(withSummary.stderr).toMatch(/FAILED — 1 failed, 0 warnings, \d+ passed\n {2}FAIL {2}rows 2,000 → 200 \(−90\.0%\)\n$/);
  });

  it('--junit: one test case per check, the failure named, written atomically', async () => {
    const xml = readFileSync(path('droppedColumn.xml'), 'utf8');
    const { comparison } = await compare('droppedColumn');
    expect(xml.match(/<testcase /g)).toHaveLength(comparison.checks.length);
    expect(xml).toContain('<testcase classname="dataready.column" name="column-removed [status]" time="0">');
    expect(xml).toContain('<failure type="fail" message="column &quot;status&quot; (string, position 5) is gone">');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const shuffledXml = readFileSync(path('shuffled.xml'), 'utf8');
    expect(shuffledXml).toMatch(/<testsuites name="dataready" tests="\d+" failures="0" errors="0" skipped="0">/);
  });

  it('--format md: a pull-request comment', async () => {
    const r = await cli(['compare', path('base.json'), path('moreMissing.json'), '--format', 'md']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').slice(0, 7)).toEqual([
      expect.stringMatching(/^### ❌ dataready: FAILED — 1 failed, 0 warnings, \d+ passed$/),
      '',
      expect.stringMatching(/^Baseline .*base\.json \(2,000 rows, 6 columns\) → current .*moreMissing\.json \(2,000 rows, 6 columns\)$/),
      '',
      '| status | check | column | what changed |',
      '|---|---|---|---|',
      '| ❌ fail | missing-rate | city | "city" missing 0.0% → 25.0% (+25.0 pp) |',
    ]);
  });

  it('warnings fail only with --strict', async () => {
    const rules = path('tight.yaml');
    writeFileSync(rules, 'compare:\n  missingRate: { warn: 0.01, fail: 0.5 }\n');
    const lenient = await cli(['compare', path('base.json'), path('moreMissing.json'), '--rules', rules]);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/WARNED — 0 failed, 1 warning, \d+ passed\n {2}WARN {2}"city" missing 0\.0% → 25\.0% \(\+25\.0 pp\)\n/);
    const strict = await cli(['compare', path('base.json'), path('moreMissing.json'), '--rules', rules, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/FAILED \(--strict: warnings fail\) — 0 failed, 1 warning/);
  });
});

describe('a corrupt or foreign baseline: exit 2 and one clear line', { timeout: 240_000 }, () => {
  const bad = (name: string, text: string) => {
    writeFileSync(path(name), text);
    return path(name);
  };
  async function refused(args: string[], message: RegExp) {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  }

  it('not JSON', async () => {
    const p = bad('notjson.json', 'id,email\n1,jane.roe@example.com\n');
    await refused(['compare', p, path('base.json')], /^dataready: baseline .*notjson\.json is not JSON; expected a report written by `dataready profile --out`\n$/);
    const r = await cli(['compare', p, path('base.json')]);
    expect(r.stderr).not.toContain('jane');
  });

  it('JSON of another shape', async () => {
    await refused(['compare', bad('array.json', '[1,2,3]'), path('base.json')], /baseline .*array\.json is JSON but not a dataready report \(the top level is an array, not an object\)/);
    const schema = runCli(['schema']).stdout;
    await refused(['compare', bad('schema.json', schema), path('base.json')], /baseline .*schema\.json is JSON but not a dataready report \(no reportVersion \/ tool\.name "dataready"\)/);
    const broken = JSON.parse(readFileSync(path('base.json'), 'utf8'));
    broken.columns[2].missing.rate = 'lots';
    await refused(['compare', bad('broken.json', JSON.stringify(broken)), path('base.json')], /baseline .*broken\.json is not a valid dataready report \(version 1\): columns\.2\.missing\.rate: Invalid input: expected number, received string/);
  });

  it('a future report version, from compare and from profile --baseline', async () => {
    const future = JSON.parse(readFileSync(path('base.json'), 'utf8'));
    future.reportVersion = 99;
    future.tool.version = '9.0.0';
    const p = bad('future.json', JSON.stringify(future));
    const message = /baseline .*future\.json was written by a newer dataready \(9\.0\.0, report version 99\); this dataready reads report versions 1–1\. Upgrade dataready, or re-create the baseline with this version/;
    await refused(['compare', p, path('base.json')], message);
    const out = path('never.json');
    await refused(['profile', path('base.csv'), '--baseline', p, '--out', out, '--junit', path('never.xml')], message);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(path('never.xml'))).toBe(false);
  });

  it('a missing baseline file, and bad usage', async () => {
    await refused(['compare', path('nope.json'), path('base.json')], /cannot read baseline .*nope\.json: no such file/);
    await refused(['compare', path('base.json')], /compare needs two reports: BASELINE\.json CURRENT\.json/);
    await refused(['compare', path('base.json'), path('base.json'), '--format', 'xml'], /--format must be text, json or md, not "xml"/);
    await refused(['profile', path('base.csv'), '--strict'], /--strict needs something to compare with: add --baseline FILE or --history/);
  });
});
