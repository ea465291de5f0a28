import { describe, expect, it } from 'vitest';
import { compareSnapshots, summarize, type Check } from '../../../src/compare/compare.js';
import { compareRulesSchema, type CompareRules } from '../../../src/compare/rules.js';
import { snapshotOf } from '../../../src/compare/snapshot.js';
import { report, typical, uniformQuantiles } from './report-builder.js';

const defaults: CompareRules = compareRulesSchema.parse({});

function run(baseline: unknown, current: unknown, rules: CompareRules = defaults, strict = false) {
  const b = snapshotOf(baseline, 'b.json', 'baseline');
  const c = snapshotOf(current, 'c.json', 'current report');
  return summarize(compareSnapshots(b, c, rules), b, c, strict);
}

const brief = (k: Check) => ({ check: k.check, column: k.column, subject: k.subject, status: k.status, message: k.message });

describe('compare: no change', () => {
  it('identical reports: every check passes, no findings', () => {
    const c = run(typical(), typical());
    expect(c.status).toBe('passed');
    expect(c.findings).toEqual([]);
    expect(c.counts).toEqual({ pass: 16, warn: 0, fail: 0, skip: 0 });
    expect(c.checks.map((k) => `${k.check}${k.column ? ':' + k.column : ''}`)).toEqual([
      'rows',
      'ragged',
      'column-order',
      'column-type:id',
      'missing-rate:id',
      'conformance:id',
      'distinct:id',
      'column-type:status',
      'missing-rate:status',
      'distinct:status',
      'category-drift:status',
      'column-type:amount',
      'missing-rate:amount',
      'conformance:amount',
      'distinct:amount',
      'numeric-drift:amount',
    ]);
  });

  it('ignores the timing fields and the input path', () => {
    const a = typical();
    const b = { ...typical(), run: { startedAt: '2030-05-05T00:00:00.000Z', durationMs: 99999, threads: 8 }, input: { ...(typical().input as object), path: 'elsewhere.csv', modifiedAt: '2031-01-01T00:00:00.000Z' } };
    expect(run(a, b).findings).toEqual([]);
  });
});

describe('compare: each kind of change', () => {
  it('row count: a collapse fails, a 20% change warns', () => {
    const collapse = run(typical(), typical({}, { rows: 100 }));
    expect(collapse.findings.map(brief)).toContainEqual({ check: 'rows', column: null, subject: null, status: 'fail', message: 'rows 1,000 → 100 (−90.0%)' });
    expect(collapse.checks.find((k) => k.check === 'rows')!.measured).toEqual({ baseline: 1000, current: 100, change: -0.9 });
    expect(run(typical(), typical({}, { rows: 1200 })).checks.find((k) => k.check === 'rows')!.status).toBe('warn');
  });

  it('missing rate: the increase in percentage points against warn 2 pp / fail 10 pp', () => {
    const worse = run(typical(), typical({ status: { missing: 150 } }));
    expect(worse.findings.map(brief)).toEqual([
      { check: 'missing-rate', column: 'status', subject: null, status: 'fail', message: '"status" missing 0.0% → 15.0% (+15.0 pp)' },
    ]);
    expect(run(typical(), typical({ status: { missing: 50 } })).findings.map((k) => k.status)).toEqual(['warn']);
    // fewer missing values is not a finding
    expect(run(typical({ status: { missing: 150 } }), typical()).findings).toEqual([]);
  });

  it('schema: a removed column fails, an added one warns, a reorder warns; severities come from the rules', () => {
    const b = report([{ name: 'a', top: [{ value: 'x', count: 1000 }] }, { name: 'b', top: [{ value: 'y', count: 1000 }] }, { name: 'c', top: [{ value: 'z', count: 1000 }] }]);
    const c = report([{ name: 'c', top: [{ value: 'z', count: 1000 }] }, { name: 'a', top: [{ value: 'x', count: 1000 }] }, { name: 'd', top: [{ value: 'w', count: 1000 }] }]);
    const r = run(b, c);
    expect(r.findings.map(brief)).toEqual([
      { check: 'column-removed', column: 'b', subject: null, status: 'fail', message: 'column "b" (string, position 2) is gone' },
      { check: 'column-added', column: 'd', subject: null, status: 'warn', message: 'new column "d" (string, position 3)' },
      { check: 'column-order', column: null, subject: null, status: 'warn', message: '2 of 2 shared columns changed position' },
    ]);
    const lenient = compareRulesSchema.parse({ columns: { removed: 'off', added: 'fail', reordered: 'off' } });
    expect(run(b, c, lenient).checks.filter((k) => k.check.startsWith('column-') && k.check !== 'column-type').map((k) => k.status)).toEqual(['skip', 'fail', 'skip']);
  });

  it('a repeated header name is matched by occurrence', () => {
    const cols = [{ name: 'x', top: [{ value: '1', count: 1000 }] }, { name: 'x', top: [{ value: '2', count: 1000 }] }];
    expect(run(report(cols), report(cols)).findings).toEqual([]);
    expect(run(report(cols), report(cols.slice(0, 1))).findings.map((k) => k.message)).toEqual(['column "x" (string, position 2) is gone']);
  });

  it('type: an incompatible change fails with its conformance, a widening warns', () => {
    const retyped = run(typical(), typical({ amount: { type: 'string', counts: { string: 900, decimal: 100 }, numeric: null } }));
    expect(retyped.findings.map(brief)).toEqual([
      { check: 'column-type', column: 'amount', subject: null, status: 'fail', message: '"amount" changed type decimal → string; values that are decimal: 100.0% → 10.0%' },
    ]);
    const widened = run(typical(), typical({ id: { type: 'decimal', counts: { integer: 990, decimal: 10 } } }));
    expect(widened.findings.map(brief)).toEqual([
      { check: 'column-type', column: 'id', subject: null, status: 'warn', message: '"id" changed type integer → decimal (compatible)' },
    ]);
  });

  it('conformance: the share of values that still fit the baseline type', () => {
    const r = run(typical(), typical({ amount: { counts: { decimal: 970, string: 30 } } }));
    expect(r.findings.map(brief)).toEqual([
      { check: 'conformance', column: 'amount', subject: null, status: 'warn', message: '"amount" values that are decimal: 100.0% → 97.0% (−3.0 pp)' },
    ]);
    expect(r.findings[0]!.measured).toEqual({ type: 'decimal', baseline: 1, current: 0.97, change: -0.03 });
  });

  it('distinct: a category that explodes fails; an identifier that grows with the table does not', () => {
    const exploded = run(typical(), typical({ status: { distinct: 40 } }));
    expect(exploded.findings.map(brief)).toContainEqual({ check: 'distinct', column: 'status', subject: null, status: 'fail', message: '"status" distinct values 3 → 40' });
    const grown = run(typical(), typical({ id: { distinct: 2000 } }, { rows: 2000 }));
    expect(grown.checks.find((k) => k.check === 'distinct' && k.column === 'id')).toMatchObject({
      status: 'pass',
      message: '"id" distinct values 1,000 → 2,000; about 2,000 expected at 2,000 values',
    });
  });

  it('numeric drift from the quantiles: PSI against warn 0.1 / fail 0.25', () => {
    const r = run(typical(), typical({ amount: { numeric: uniformQuantiles(20, 120) } }));
    const k = r.findings.find((f) => f.check === 'numeric-drift')!;
    expect(k.status).toBe('fail');
    // bins (0,1] and (1,5] empty, (5,25] 20% → 5%, and 20% above the old max:
    // t(.01,0) + t(.04,0) + t(.2,.05) + t(0,.2) = 2.012015, with t(e,a) = (a−e)·ln(a/e) floored at 1e-4
    expect(k.measured).toEqual({ psi: 2.012015, ks: 0.2, meanShift: 20, method: 'quantiles' });
    expect(k.message).toBe('"amount" distribution drift PSI 2.012, KS 0.200; median 50 → 70, range 0…100 → 20…120');
  });

  it('the exact mean shift, in baseline standard deviations, can gate too (off by default)', () => {
    const moved = typical({ amount: { numeric: { ...uniformQuantiles(0, 100), mean: 50, stddev: 28.9 } } });
    const current = typical({ amount: { numeric: { ...uniformQuantiles(0, 100), mean: 61.56, stddev: 28.9 } } });
    const k = (rules: CompareRules) => run(moved, current, rules).checks.find((c) => c.check === 'numeric-drift')!;
    expect(k(defaults)).toMatchObject({ status: 'pass', measured: { psi: 0, ks: 0, meanShift: 0.4, method: 'quantiles' } });
    expect(k(compareRulesSchema.parse({ numericDrift: { meanShift: { warn: 0.2, fail: 0.5 } } })).status).toBe('warn');
  });

  it('category drift over top values: a new category mix fails and names the movers', () => {
    const r = run(
      typical(),
      typical({ status: { distinct: 4, top: [{ value: 'active', count: 300 }, { value: 'closed', count: 300 }, { value: 'paused', count: 200 }, { value: 'suspended', count: 200 }] } }),
    );
    const k = r.findings.find((f) => f.check === 'category-drift')!;
    expect(k.status).toBe('fail');
    // t(.7,.3) + t(.1,.3) + t(0,.2) = 2.078062
    expect(k.measured.psi).toBe(2.078062);
    expect(k.message).toBe('"status" value mix drift PSI 2.078; "suspended" 0.0% → 20.0%, "active" 70.0% → 30.0%, "closed" 10.0% → 30.0%');
  });

  it('never names the values of a PII column, only how many moved and by how much', () => {
    const emails = (xs: [string, number][]) => xs.map(([value, count]) => ({ value, count }));
    const pii = { pii: { kind: 'email', confidence: 1, validShare: 1, regulations: ['GDPR'] } };
    const b = report([{ name: 'contact', distinct: 2, top: emails([['a***@x***.com', 600], ['b***@y***.com', 400]]), extra: pii }]);
    const c = report([{ name: 'contact', distinct: 2, top: emails([['a***@x***.com', 100], ['b***@y***.com', 900]]), extra: pii }]);
    const r = run(b, c);
    const k = r.findings.find((f) => f.check === 'category-drift')!;
    expect(k.message).toBe('"contact" value mix drift PSI 1.301; 2 values changed share, the largest 60.0% → 10.0%');
    expect(JSON.stringify(r)).not.toMatch(/x\*\*\*|y\*\*\*/);
  });

  it('PII: a column the detector now flags fails, a changed kind warns, no inventory in the baseline is a skip', () => {
    const col = (name: string, pii: unknown) => ({ name, top: [{ value: 'v', count: 1000 }], extra: { pii } });
    const b = report([col('a', null), col('b', { kind: 'phone' }), col('c', null)]);
    const c = report([col('a', { kind: 'email' }), col('b', { kind: 'ssn' }), col('c', null), col('n', { kind: 'iban' })]);
    expect(run(b, c).findings.filter((k) => k.check === 'pii').map(brief)).toEqual([
      { check: 'pii', column: 'a', subject: null, status: 'fail', message: '"a" now holds PII (email); the baseline found none' },
      { check: 'pii', column: 'n', subject: null, status: 'fail', message: 'new column "n" holds PII (iban)' },
      { check: 'pii', column: 'b', subject: null, status: 'warn', message: '"b" PII kind phone → ssn' },
    ]);
    const old = report([{ name: 'a', top: [{ value: 'v', count: 1000 }] }]);
    expect(run(old, report([col('a', { kind: 'email' })])).checks.filter((k) => k.check === 'pii').map(brief)).toEqual([
      { check: 'pii', column: null, subject: null, status: 'skip', message: 'new PII columns not checked: the baseline has no PII inventory (written before the PII detector)' },
    ]);
  });

  it('date-format mix: total variation distance, and the new formats by name', () => {
    const d = (formats: Record<string, number>) => ({ name: 'signup', type: 'date' as const, top: [{ value: 'v', count: 1000 }], extra: { dates: { formats } } });
    const r = run(report([d({ 'yyyy-MM-dd': 1000 })]), report([d({ 'yyyy-MM-dd': 700, 'd/M/yyyy': 300 })]));
    expect(r.findings.map(brief)).toEqual([
      { check: 'date-formats', column: 'signup', subject: null, status: 'fail', message: '"signup" date formats yyyy-MM-dd 100.0% → yyyy-MM-dd 70.0%, d/M/yyyy 30.0% (distance 0.300); new: d/M/yyyy' },
    ]);
  });

  it('duplicate rate: the increase in percentage points, compared only on the same basis', () => {
    const dup = (n: number) => ({ extra: { duplicates: { rows: 1000, redundantRows: n, exact: { duplicateRows: n } } } });
    expect(run(typical({}, dup(10)), typical({}, dup(80))).findings.map(brief)).toEqual([
      { check: 'duplicate-rate', column: null, subject: null, status: 'fail', message: 'duplicate rate 1.0% → 8.0% (+7.0 pp)' },
    ]);
    expect(run(typical({}, dup(10)), typical({}, dup(30))).findings.map((k) => k.status)).toEqual(['warn']);
    expect(run(typical(), typical({}, dup(30))).checks.filter((k) => k.check === 'duplicate-rate').map((k) => [k.status, k.message])).toEqual([
      ['skip', 'duplicate rate not compared: the baseline has no duplicates section'],
    ]);
  });

  it('scores: the drop of each dimension in points against warn 5 / fail 15', () => {
    const sc = (overall: number, quality: number, volume: number) => ({
      extra: { scorecard: { overall: { score: overall }, dimensions: [{ id: 'quality', score: quality }, { id: 'volume', score: volume }] } },
    });
    const r = run(typical({}, sc(90, 90, 80)), typical({}, sc(84, 70, 85)));
    expect(r.checks.filter((k) => k.check === 'score').map(brief)).toEqual([
      { check: 'score', column: null, subject: 'overall', status: 'warn', message: 'score overall 90 → 84 (−6 points)' },
      { check: 'score', column: null, subject: 'quality', status: 'fail', message: 'score quality 90 → 70 (−20 points)' },
      { check: 'score', column: null, subject: 'volume', status: 'pass', message: 'score volume 80 → 85 (+5 points)' },
    ]);
    const ignoring = compareRulesSchema.parse({ scores: { ignore: ['quality', 'overall'] } });
    expect(run(typical({}, sc(90, 90, 80)), typical({}, sc(84, 70, 85)), ignoring).checks.filter((k) => k.check === 'score').map((k) => k.subject)).toEqual(['volume']);
  });

  it('ragged records: the increase of their share', () => {
    expect(run(typical(), typical({}, { ragged: 20 })).findings.map(brief)).toEqual([
      { check: 'ragged', column: null, subject: null, status: 'fail', message: 'ragged records 0 (0.0%) → 20 (2.0%)' },
    ]);
  });
});

describe('compare: status and strictness', () => {
  it('warnings alone pass, and fail with strict; findings list fail before warn', () => {
    const b = typical();
    const c = typical({ status: { missing: 50 } }, { rows: 1000 });
    expect(run(b, c).status).toBe('warned');
    expect(run(b, c, defaults, true).status).toBe('failed');
    const both = run(b, typical({ status: { missing: 50 }, amount: { missing: 200 } }));
    expect(both.findings.map((k) => [k.status, k.column])).toEqual([
      ['fail', 'amount'],
      ['warn', 'status'],
    ]);
    expect(both.status).toBe('failed');
  });

  it('thresholds set to null switch a level off', () => {
    const rules = compareRulesSchema.parse({ missingRate: { fail: null } });
    expect(run(typical(), typical({ status: { missing: 500, top: [{ value: 'active', count: 350 }, { value: 'paused', count: 100 }, { value: 'closed', count: 50 }] } }), rules).findings.map((k) => k.status)).toEqual(['warn']);
  });
});
