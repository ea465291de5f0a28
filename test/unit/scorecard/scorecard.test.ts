import { describe, expect, it } from 'vitest';
import { allFindings, buildScorecard, defaultScorecardRules, scorecardRulesFrom, scorecardSchema } from '../../../src/scorecard/index.js';
import { parseScorecardRules, type ScorecardRules } from '../../../src/scorecard/rules.js';
import type { Dimension, Scorecard } from '../../../src/scorecard/schema.js';
import { caseVariants } from '../../../src/scorecard/quality.js';
import { headerProblems } from '../../../src/scorecard/access.js';
import { baseReport, col, missing, withColumns } from './fixtures.js';
import type { ReportLike } from '../../../src/scorecard/input.js';

const RULES = defaultScorecardRules();

function build(report: ReportLike, rules: ScorecardRules = RULES): Scorecard {
  const sc = buildScorecard(report, rules);
  scorecardSchema.parse(sc); // every scorecard honours the contract
  return sc;
}

function dim(sc: Scorecard, id: Dimension['id']): Dimension {
  return sc.dimensions.find((d) => d.id === id)!;
}

function comp(d: Dimension, id: string): number | null {
  return d.components.find((c) => c.id === id)!.score;
}

function ids(d: Dimension): string[] {
  return d.findings.map((f) => `${f.severity} ${f.id}${f.column === null ? '' : ' ' + f.column}`);
}

function rules(over: unknown): ScorecardRules {
  return parseScorecardRules(over, 'test');
}

describe('rules', () => {
  it('the scorecard: section of rules/default.yaml holds exactly the built-in defaults', () => {
    expect(scorecardRulesFrom()).toEqual(RULES);
    expect(RULES.grades).toEqual({ A: 90, B: 80, C: 70, D: 60 });
    expect(RULES.weights).toEqual({ quality: 0.3, volume: 0.1, access: 0.2, governance: 0.2, versioning: 0.2 });
  });

  it('refuses a wrong key or value, naming it', () => {
    expect(() => rules({ quality: { missingWarn: 2 } })).toThrow(/rules file test: scorecard\.quality\.missingWarn: /);
    expect(() => rules({ quality: { missingWarm: 0.1 } })).toThrow(/scorecard\.quality: Unrecognized key: "missingWarm"/);
    expect(() => rules({ grades: { A: 50, B: 80 } })).toThrow(/grade thresholds must not increase/);
  });

  it('takes the scorecard block of the profile rules when it has one', () => {
    expect(scorecardRulesFrom({ scorecard: { failCap: null } }).failCap).toBeNull();
    expect(scorecardRulesFrom({ scorecard: { failCap: null } }).quality.missingWarn).toBe(0.05);
  });
});

describe('a clean table', () => {
  const sc = build(baseReport());

  it('scores every measured dimension and leaves governance unmeasured', () => {
    expect(sc.dimensions.map((d) => [d.id, d.score, d.grade])).toEqual([
      ['quality', 100, 'A'],
      ['volume', 100, 'A'],
      ['access', 100, 'A'],
      ['governance', null, null],
      ['versioning', 60, 'D'],
    ]);
    // (100·0.3 + 100·0.1 + 100·0.2 + 60·0.2) / 0.8 = 90
    expect(sc.overall).toEqual({ score: 90, grade: 'A', measuredDimensions: ['quality', 'volume', 'access', 'versioning'] });
    expect(sc.piiInventory).toBeNull();
    expect(sc.fingerprints.content).toBeNull();
    expect(sc.fingerprints.schema).toMatch(/^[0-9a-f]{64}$/);
  });

  it('says what was not measured', () => {
    const q = dim(sc, 'quality');
    expect(q.components.map((c) => [c.id, c.score])).toEqual([
      ['completeness', 100],
      ['validity', 100],
      ['consistency', 100],
      ['uniqueness', null],
      ['staleness', null],
    ]);
    expect(q.components[3]!.detail).toBe('not measured: the report has no duplicates section');
    expect(q.components[4]!.detail).toBe('not measured: the report has no date analysis');
    expect(ids(dim(sc, 'governance'))).toEqual(['info governance.not-measured']);
    expect(comp(dim(sc, 'access'), 'schemaAgreement')).toBeNull();
  });

  it('lists the findings of a clean table', () => {
    expect(ids(dim(sc, 'quality'))).toEqual([]);
    expect(ids(dim(sc, 'volume'))).toEqual(['info volume.recommendation']);
    expect(ids(dim(sc, 'access'))).toEqual(['info access.candidate-keys']);
    expect(ids(dim(sc, 'versioning'))).toEqual(['warn versioning.no-baseline', 'info versioning.no-content-fingerprint']);
    expect(allFindings(sc)[0]!.id).toBe('versioning.no-baseline');
  });

  it('answers the checklist', () => {
    expect(sc.checklist.map((c) => [c.id, c.status])).toEqual([
      ['quality-assessed', 'pass'],
      ['quality-thresholds', 'pass'],
      ['duplicates-checked', 'not-measurable'],
      ['parses-cleanly', 'pass'],
      ['schema-agreement', 'not-measurable'],
      ['schema-stable', 'pass'],
      ['primary-key', 'pass'],
      ['scales-10x', 'pass'],
      ['pii-inventoried', 'not-measurable'],
      ['compliance-documented', 'not-measurable'],
      ['no-raw-pii-in-reports', 'not-measurable'],
      ['data-minimization', 'not-measurable'],
      ['versioning-lineage', 'fail'],
      ['drift-detection', 'fail'],
      ['owner-access-control', 'not-measurable'],
      ['monitoring-alerting', 'not-measurable'],
    ]);
    expect(sc.checklist.find((c) => c.id === 'primary-key')!.evidence).toBe('candidate key: id');
  });

  it('is deterministic', () => {
    expect(JSON.stringify(build(baseReport()))).toBe(JSON.stringify(sc));
  });
});

describe('quality', () => {
  it('completeness: 10% of cells missing scores 80; a 30%-missing column warns', () => {
    const r = baseReport();
    const sc = build(withColumns(r, [r.columns[0]!, col('name', { missing: missing(30, 100, { 'N/A': 4 }) }), r.columns[2]!]));
    const q = dim(sc, 'quality');
    expect(comp(q, 'completeness')).toBe(80);
    expect(q.score).toBe(91); // (80·0.3 + 100·0.25 + 100·0.15) / 0.7 = 91.43
    expect(q.grade).toBe('A');
    expect(ids(q)).toEqual(['warn quality.missing name', 'info quality.disguised-nulls name']);
    expect(q.findings[0]!.evidence).toEqual({ missing: 30, values: 100, rate: 0.3, threshold: 0.05 });
    expect(q.findings[0]!.message).toBe('"name" is missing in 30.0% of rows (30 of 100)');
    expect(q.findings[1]!.message).toBe('"name" writes missing values as placeholder text in 4 rows ("N/A"×4)');
  });

  it('an empty column and a 60%-missing column fail; completeness bottoms out at 0', () => {
    const r = baseReport();
    const sc = build(
      withColumns(r, [
        r.columns[0]!,
        col('name', { missing: missing(100), type: { inferred: 'string', conformance: null } }),
        col('amount', { type: { inferred: 'decimal', conformance: 1 }, missing: missing(60) }),
      ]),
    );
    const q = dim(sc, 'quality');
    expect(comp(q, 'completeness')).toBe(0); // 160/300 = 53% ≥ 50%
    expect(q.score).toBe(57); // (0 + 25 + 15) / 0.7
    expect(q.grade).toBe('F');
    expect(q.capped).toBe(false);
    expect(ids(q)).toEqual(['fail quality.empty-column name', 'fail quality.missing amount']);
  });

  it('validity: non-conforming values warn and fail, and a fail caps the dimension at 69', () => {
    const r = baseReport();
    const sc = build(
      withColumns(r, [
        col('id', { type: { inferred: 'integer', conformance: 0.98 }, distinct: { distinct: 100, exact: true } }),
        r.columns[1]!,
        col('amount', { type: { inferred: 'decimal', conformance: 0.85 } }),
      ]),
    );
    const q = dim(sc, 'quality');
    expect(comp(q, 'validity')).toBe(71.7); // 17 of 300 invalid: 1 − 0.0567/0.2
    expect(q.score).toBe(69); // 89.9 before the cap
    expect(q.capped).toBe(true);
    expect(q.grade).toBe('D');
    expect(ids(q)).toEqual(['fail quality.type-conformance amount', 'warn quality.type-conformance id']);
    expect(q.findings[0]!.evidence).toEqual({ inferred: 'decimal', conformance: 0.85, nonConforming: 15, present: 100 });
    expect(comp(dim(sc, 'access'), 'typeStability')).toBe(33.3);
    expect(ids(dim(sc, 'access'))).toContain('warn access.type-unstable');
  });

  it('consistency: date formats off the dominant one, ambiguous, future and placeholder dates, case variants', () => {
    const r = baseReport();
    const signup = col('signup', {
      type: { inferred: 'date', conformance: 1 },
      dates: {
        formats: { 'yyyy-MM-dd': 80, 'dd/MM/yyyy': 15, 'MM/dd/yyyy': 5 },
        dominant: 'yyyy-MM-dd',
        dominantShare: 0.8,
        inconsistent: true,
        ambiguous: 4,
        resolution: 'mixed',
        min: '2020-01-01',
        max: '2030-01-01',
        future: 2,
        newestAgeDays: 10,
        sentinels: { '1900-01-01': 3 },
      },
    });
    const name = col('name', { topValues: { approximate: false, values: [{ value: 'Ann', count: 10 }, { value: 'ANN', count: 4 }, { value: ' ann', count: 2 }, { value: 'Bob', count: 5 }] } });
    const sc = build(withColumns(r, [r.columns[0]!, name, r.columns[2]!, signup]));
    const q = dim(sc, 'quality');
    expect(comp(q, 'consistency')).toBe(67.5); // (20 off-format + 6 variants) / 400 = 6.5%
    expect(comp(q, 'staleness')).toBe(100);
    expect(q.score).toBe(69); // 93.9 capped: 20% off-format fails
    expect(q.capped).toBe(true);
    expect(ids(q)).toEqual([
      'fail quality.date-formats signup',
      'warn quality.case-variants name',
      'warn quality.date-ambiguous signup',
      'warn quality.future-dates signup',
      'info quality.date-sentinels signup',
    ]);
    expect(q.findings[0]!.evidence).toEqual({ formats: 3, dominant: 'yyyy-MM-dd', dominantShare: 0.8, offFormat: 20, parsed: 100 });
    expect(q.findings[1]!.evidence).toEqual({ groups: 1, rows: 6, share: 0.06, seenIn: 'topValues' });
  });

  it('caseVariants counts rows outside the most frequent spelling, not identical masks', () => {
    expect(caseVariants([{ value: 'London', count: 100 }, { value: 'LONDON', count: 20 }, { value: ' london', count: 5 }, { value: 'Paris', count: 50 }, { value: 'paris', count: 10 }])).toEqual({ groups: 2, rows: 35 });
    expect(caseVariants([{ value: 'J***', count: 5 }, { value: 'J***', count: 4 }])).toEqual({ groups: 0, rows: 0 });
  });

  it('uniqueness: exact and near duplicates, in both duplicate-section shapes', () => {
    const a = dim(build(baseReport({ duplicates: { exact: { rows: 3, clusters: 2 }, near: { rows: 2, clusters: 1 } } })), 'quality');
    expect(comp(a, 'uniqueness')).toBe(75); // 5% of rows
    expect(a.score).toBe(94); // (30 + 25 + 15 + 75·0.2) / 0.9
    expect(ids(a)).toEqual(['warn quality.exact-duplicates', 'warn quality.near-duplicates']);
    expect(a.findings[0]!.evidence).toEqual({ rows: 3, clusters: 2, share: 0.03, sampled: false });
    const b = dim(build(baseReport({ duplicates: { exact: { duplicateRows: 10, clusters: 4 }, near: { duplicateRows: 0, clusters: 0 }, shareOfRowsInvolved: 0.14 } })), 'quality');
    expect(comp(b, 'uniqueness')).toBe(50);
    expect(ids(b)).toEqual(['fail quality.exact-duplicates']);
    expect(b.score).toBe(69);
    const c = build(baseReport({ duplicates: { exact: { duplicateRows: 1, clusters: 1 }, near: { enabled: true, duplicateRows: 10, clusters: 5, sampling: { reason: 'window' } } } }));
    expect(ids(dim(c, 'quality'))).toEqual(['fail quality.near-duplicates', 'warn quality.exact-duplicates']);
    expect(dim(c, 'quality').findings[0]!.evidence).toEqual({ rows: 10, clusters: 5, share: 0.1, sampled: true });
    expect(c.checklist.find((x) => x.id === 'duplicates-checked')!.status).toBe('fail');
    const off = dim(build(baseReport({ duplicates: { exact: { duplicateRows: 0, clusters: 0 }, near: { enabled: false, duplicateRows: 0, clusters: 0 } } })), 'quality');
    expect(off.components.find((x) => x.id === 'uniqueness')!.detail).toBe('0 exact and unmeasured near-duplicate rows of 100 (0.00%); 0 points at 20%');
  });

  it('staleness: the freshest date column counts, birth dates do not', () => {
    const r = baseReport();
    const dates = (age: number) => ({ formats: { 'yyyy-MM-dd': 100 }, dominant: 'yyyy-MM-dd', dominantShare: 1, inconsistent: false, ambiguous: 0, resolution: null, min: '2020-01-01', max: '2025-06-01', future: 0, newestAgeDays: age, sentinels: {} });
    const dob = col('dob', { type: { inferred: 'date', conformance: 1 }, dates: dates(3), pii: { kind: 'date_of_birth', confidence: 0.9, regulations: ['GDPR'], examples: ['19**-**-**'] } });
    const birthday = col('birth_day', { type: { inferred: 'date', conformance: 1 }, dates: dates(4) });
    const stale = (age: number) => dim(build(withColumns(r, [...r.columns, dob, birthday, col('updated', { type: { inferred: 'date', conformance: 1 }, dates: dates(age) })])), 'quality');
    const warn = stale(200);
    expect(comp(warn, 'staleness')).toBe(49.3); // 1 − (200 − 30) / (365 − 30)
    expect(ids(warn)).toEqual(['warn quality.stale updated']);
    expect(warn.findings[0]!.evidence).toEqual({ newestAgeDays: 200, newest: '2025-06-01', threshold: 90 });
    const fail = stale(400);
    expect(comp(fail, 'staleness')).toBe(0);
    expect(ids(fail)).toEqual(['fail quality.stale updated']);
  });
});

describe('volume', () => {
  it('models pandas memory and projects 10×', () => {
    const v = dim(build(baseReport()), 'volume');
    expect(v.facts).toEqual({
      rows: 100,
      bytes: 10000,
      columns: 3,
      avgRowBytes: 99, // 10,000 bytes / 101 records
      avgRowBasis: 'file bytes / records',
      projectionFactor: 10,
      projectedRows: 1000,
      projectedBytes: 100000,
      memoryBytes: 8300, // 100·8 + 100·(57 + 10) + 100·8
      memoryMultiplier: 0.8,
      projectedMemoryBytes: 83000,
      referenceBytesPerSecond: 52428800, // the rules' reference rate, not this run's timing
      projectedProfileSeconds: 0, // 100,000 bytes at 50 MiB/s
      splittable: true,
      recommendation: 'single-machine, in memory',
    });
  });

  it('memory beyond one machine: headroom falls as usable / needed, and the recommendation follows', () => {
    const small = rules({ volume: { machineMemoryBytes: 100000 } });
    const v = dim(build(baseReport(), small), 'volume');
    expect(comp(v, 'headroom')).toBe(60.2); // 50,000 / 83,000
    expect(v.score).toBe(84); // 60.2·0.4 + 100·0.2 + 100·0.4
    expect(ids(v)).toEqual(['warn volume.memory-projection', 'info volume.recommendation']);
    expect(v.facts.recommendation).toBe('single-machine, streaming or out-of-core');
    // 100,000 bytes at a reference 100 B/s: 1,000 s against the 900 s budget
    const slow = dim(build(baseReport(), rules({ volume: { machineMemoryBytes: 100000, referenceBytesPerSecond: 100 } })), 'volume');
    expect(comp(slow, 'profileTime')).toBe(90);
    expect(slow.score).toBe(82); // 24.08 + 18 + 40
    expect(slow.facts.recommendation).toBe('distributed');
    // the run's own timing changes nothing
    expect(build(baseReport({ run: { durationMs: 123_456, threads: 8 } })).dimensions).toEqual(build(baseReport()).dimensions);
    expect(ids(slow)).toEqual(['warn volume.memory-projection', 'warn volume.profile-time', 'info volume.recommendation']);
  });

  it('a gzip CSV cannot be split', () => {
    const big = dim(build(baseReport({ input: { ...baseReport().input, compression: 'gzip', splittable: false, size: 300 * 2 ** 20 } })), 'volume');
    expect(comp(big, 'splittability')).toBe(40);
    expect(big.score).toBe(76); // 40 + 20 + 16
    expect(ids(big)).toEqual(['warn volume.not-splittable', 'info volume.recommendation']);
    expect(big.facts.avgRowBasis).toBe('estimated from mean value lengths + one separator per field');
    expect(big.facts.avgRowBytes).toBe(21); // 3 + 10 + 5 + 3 separators
    const small = dim(build(baseReport({ input: { ...baseReport().input, compression: 'gzip', splittable: false } })), 'volume');
    expect(comp(small, 'splittability')).toBe(80);
    expect(small.score).toBe(92);
    expect(ids(small)).toEqual(['info volume.not-splittable', 'info volume.recommendation']);
  });

  it('Parquet row groups too small or too large', () => {
    const pq = (parquet: unknown) => baseReport({ input: { ...baseReport().input, format: 'parquet', dialect: null, parquet } });
    const small = dim(build(pq({ createdBy: 'parquet-cpp-arrow version 14.0.0', rowGroups: [{ rows: 100, bytes: 1000 }, { rows: 200, bytes: 2000 }] })), 'volume');
    expect(comp(small, 'splittability')).toBe(70);
    expect(small.score).toBe(88);
    expect(ids(small)).toEqual(['warn volume.row-groups-small', 'info volume.recommendation']);
    expect(small.findings[0]!.evidence).toEqual({ groups: 2, avgRows: 150, minRows: 10000 });
    const large = dim(build(pq({ rowGroupRows: [1_000_000], rowGroupBytes: [2 ** 31] })), 'volume');
    expect(ids(large)).toEqual(['warn volume.row-groups-large', 'info volume.recommendation']);
    const unknown = dim(build(pq(undefined)), 'volume');
    expect(comp(unknown, 'splittability')).toBeNull();
    expect(unknown.score).toBe(100);
  });

  it('a wide table is noted', () => {
    expect(ids(dim(build(baseReport(), rules({ volume: { wideColumns: 2 } })), 'volume'))).toEqual(['info volume.recommendation', 'info volume.wide-table']);
  });
});

describe('access', () => {
  it('ragged rows: 1% warns, 2% fails and caps', () => {
    const ragged = (rows: number) => dim(build(baseReport({ table: { rows: 100, columns: 3, ragged: { rows, tooFew: rows, tooMany: 0 } } })), 'access');
    const one = ragged(1);
    expect(comp(one, 'parsing')).toBe(80);
    expect(one.score).toBe(94);
    expect(ids(one)).toEqual(['warn access.ragged-rows', 'info access.candidate-keys']);
    const two = ragged(2);
    expect(comp(two, 'parsing')).toBe(60);
    expect(two.score).toBe(69); // 88 capped
    expect(two.capped).toBe(true);
    expect(ids(two)[0]).toBe('fail access.ragged-rows');
  });

  it('encoding problems add up', () => {
    const d = { header: true, encoding: 'windows-1252', confidence: 0.8, encodingConfidence: 0.6, bom: true };
    const a = dim(build(baseReport({ input: { ...baseReport().input, dialect: d } })), 'access');
    expect(comp(a, 'encoding')).toBe(40);
    expect(ids(a)).toEqual(['warn access.dialect-uncertain', 'warn access.encoding-not-utf8', 'warn access.encoding-uncertain', 'info access.bom', 'info access.candidate-keys']);
    const r = baseReport();
    const broken = withColumns(r, [r.columns[0]!, col('name', { topValues: { approximate: false, values: [{ value: 'Mu\uFFFDller', count: 3 }] } }), r.columns[2]!]);
    const b = dim(build(broken), 'access');
    expect(comp(b, 'encoding')).toBe(60);
    expect(ids(b)).toContain('warn access.replacement-characters');
  });

  it('header problems: duplicate, empty, padded, case-duplicate, none at all', () => {
    expect(headerProblems(['id', 'id', ' name', '', 'Name'])).toEqual({ duplicate: ['id'], caseDuplicate: ['Name'], empty: [4], padded: [' name'] });
    const r = baseReport();
    const cols = ['id', 'id', ' name', ''].map((n) => col(n));
    const a = dim(build(withColumns(r, cols)), 'access');
    expect(comp(a, 'header')).toBe(25);
    expect(ids(a)).toEqual(['fail access.header-duplicate id', 'warn access.header-empty', 'warn access.header-padded  name', 'warn access.no-candidate-key']);
    const none = dim(build(baseReport({ input: { ...r.input, dialect: { ...r.input.dialect!, header: false } } })), 'access');
    expect(comp(none, 'header')).toBe(50);
    expect(ids(none)).toContain('warn access.no-header');
  });

  it('schema agreement across several files', () => {
    const file = (path: string, included: boolean, differences: unknown = null) => ({ path, size: 10, modifiedAt: '2026-01-01T00:00:00.000Z', format: 'csv', rows: 7, columns: 3, included, differences });
    const r = baseReport();
    const files = [file('a.csv', true), file('b.csv', true), file('c.csv', false, { missing: ['amount'], extra: ['amt'], reordered: false })];
    const sc = build(baseReport({ input: { ...r.input, files, schemaAgreement: { agree: false, excluded: 1 } } }));
    const a = dim(sc, 'access');
    expect(comp(a, 'schemaAgreement')).toBe(66.7);
    expect(a.score).toBe(69); // (100 + 66.7·0.15) / 1.15 = 95.7, capped by the fail
    expect(ids(a)).toEqual(['fail access.schema-disagreement', 'info access.candidate-keys']);
    expect(a.findings[0]!.message).toBe(`"c.csv" does not have the first file's columns (missing "amount"; extra "amt") and was left out of the profile (7 rows)`);
    expect(a.facts.files).toBe(3);
    expect(sc.checklist.find((c) => c.id === 'schema-agreement')).toEqual({ id: 'schema-agreement', item: 'All files of the delivery share one schema', status: 'fail', evidence: 'left out for different columns: c.csv' });
    expect(comp(dim(sc, 'versioning'), 'lineage')).toBe(100);
    const agree = build(baseReport({ input: { ...r.input, files: files.slice(0, 2) } }));
    expect(comp(dim(agree, 'access'), 'schemaAgreement')).toBe(100);
    expect(agree.checklist.find((c) => c.id === 'schema-agreement')!.status).toBe('pass');
  });

  it('candidate keys: exact, approximate, none', () => {
    const r = baseReport();
    const approx = withColumns(r, [col('id', { distinct: { distinct: 99, exact: false } }), r.columns[1]!]);
    const a = dim(build(approx), 'access');
    expect(comp(a, 'keys')).toBe(100);
    expect(a.facts.candidateKeys).toEqual(['id']);
    const none = withColumns(r, [col('id', { missing: missing(1), distinct: { distinct: 99, exact: true } }), r.columns[1]!]);
    const n = dim(build(none), 'access');
    expect(comp(n, 'keys')).toBe(50);
    expect(n.score).toBe(93); // (30 + 15 + 20 + 20 + 50·0.15) / 1.0 = 92.5 → 93
    expect(ids(n)).toEqual(['warn access.no-candidate-key']);
  });
});

describe('governance', () => {
  const pii = (kind: string, confidence: number, regulations: string[], examples: string[], extra: Record<string, unknown> = {}) => ({ kind, confidence, validShare: 1, regulations, examples, ...extra });

  it('no PII found scores 100', () => {
    const r = baseReport();
    const sc = build(withColumns(r, r.columns.map((c) => ({ ...c, pii: null }))));
    const g = dim(sc, 'governance');
    expect(g.score).toBe(100);
    expect(ids(g)).toEqual(['info governance.no-raw-values']);
    expect(sc.piiInventory).toEqual([]);
    expect(sc.overall.score).toBe(92); // (30 + 10 + 20 + 20 + 12) / 1.0
  });

  it('inventory by risk, free text, minimization', () => {
    const r = baseReport();
    const cols = [
      col('id', { type: { inferred: 'integer', conformance: 1 }, distinct: { distinct: 100, exact: true }, pii: null }),
      col('email', { pii: pii('email', 0.98, ['GDPR', 'CCPA'], ['j***@e***.com']), topValues: { approximate: false, values: [{ value: 'j***@e***.com', count: 2 }] } }),
      col('ssn', { missing: missing(90), pii: pii('ssn', 0.95, ['GDPR', 'CCPA'], ['***-**-6789']) }),
      col('zip', { pii: pii('postal_code', 0.9, ['GDPR', 'CCPA'], ['1****']) }),
      col('notes', { pii: pii('free_text', 0.9, ['GDPR', 'CCPA'], ['j***@e***.com'], { embedded: { phone: 3, email: 5 } }), topValues: { approximate: false, values: [{ value: '[text withheld: 22 chars]', count: 2 }] } }),
      col('dob', { pii: pii('date_of_birth', 0.9, ['GDPR', 'CCPA'], ['19**-**-**']) }),
      col('phone', { pii: pii('phone', 0.4, ['GDPR', 'CCPA'], ['****12']) }),
    ];
    const sc = build(withColumns(r, cols));
    const g = dim(sc, 'governance');
    expect(comp(g, 'exposure')).toBe(25); // 100 − (10 + 25 + 5 + 25 + 10)
    expect(comp(g, 'minimization')).toBe(55); // ssn, notes, dob
    expect(comp(g, 'hygiene')).toBe(100);
    expect(g.score).toBe(49); // 12.5 + 16.5 + 20
    expect(g.grade).toBe('F');
    expect(ids(g)).toEqual([
      'fail governance.embedded-pii notes',
      'fail governance.pii-column ssn',
      'warn governance.minimization',
      'warn governance.pii-column dob',
      'warn governance.pii-column email',
      'info governance.no-raw-values',
      'info governance.pii-column zip',
    ]);
    expect(g.findings.find((f) => f.column === 'ssn')!.message).toBe('"ssn" holds social security numbers (high risk; confidence 0.95, 100.0% valid): GDPR, CCPA');
    expect(g.findings.find((f) => f.id === 'governance.embedded-pii')!.message).toBe('Free text in "notes" contains personal data: email in 5 values, phone in 3 values (GDPR, CCPA)');
    expect(g.facts).toEqual({ piiColumns: 5, highRisk: 2, regulations: ['CCPA', 'GDPR'], questionedColumns: ['ssn', 'notes', 'dob'], rawValuesInReport: false });
    expect(sc.piiInventory!.map((e) => [e.column, e.kind, e.risk])).toEqual([
      ['email', 'email', 'medium'],
      ['ssn', 'ssn', 'high'],
      ['zip', 'postal_code', 'low'],
      ['notes', 'free_text', 'high'],
      ['dob', 'date_of_birth', 'medium'],
    ]);
    expect(sc.checklist.find((c) => c.id === 'data-minimization')!.status).toBe('fail');
    expect(sc.checklist.find((c) => c.id === 'compliance-documented')!.evidence).toBe('not measurable from data; the data touches CCPA, GDPR, so a record of processing and a legal basis are needed');
  });

  it('sparse PII is questioned; raw top values of a PII column fail the report hygiene', () => {
    const r = baseReport();
    const cols = [r.columns[0]!, col('email', { missing: missing(85), pii: pii('email', 0.98, ['GDPR', 'CCPA'], ['a***@e***.com']), topValues: { approximate: false, values: [{ value: 'ann@example.com', count: 3 }] } })];
    const sc = build(withColumns(r, cols));
    const g = dim(sc, 'governance');
    expect(comp(g, 'hygiene')).toBe(0);
    expect(comp(g, 'minimization')).toBe(85);
    expect(g.score).toBe(69); // (90·0.5 + 85·0.3 + 0) = 70.5 → 71, capped at 69
    expect(ids(g)).toEqual(['fail governance.raw-values-in-report', 'warn governance.minimization', 'warn governance.pii-column email']);
    expect(JSON.stringify(sc)).not.toContain('ann@example.com');
    expect(sc.checklist.find((c) => c.id === 'no-raw-pii-in-reports')!.status).toBe('fail');
  });
});

describe('versioning', () => {
  it('content fingerprint and baseline complete it', () => {
    const sc = build(baseReport({ fingerprint: { content: 'f'.repeat(64) }, baseline: { path: 'yesterday.json' } }));
    const v = dim(sc, 'versioning');
    expect(v.score).toBe(100);
    expect(ids(v)).toEqual([]);
    expect(sc.fingerprints.content).toBe('f'.repeat(64));
    expect(sc.checklist.find((c) => c.id === 'drift-detection')!.status).toBe('pass');
    expect(sc.checklist.find((c) => c.id === 'versioning-lineage')!.status).toBe('pass');
  });

  it('a baseline can be declared by the caller', () => {
    const sc = buildScorecard(baseReport(), RULES, { baseline: true });
    expect(dim(sc, 'versioning').score).toBe(100); // every measured component 100; the content fingerprint is not measured
    expect(ids(dim(sc, 'versioning'))).toEqual(['info versioning.no-content-fingerprint']);
  });

  it('Parquet lineage wants created_by', () => {
    const r = baseReport({ input: { ...baseReport().input, format: 'parquet', dialect: null, parquet: { rowGroups: 1 } } });
    const v = dim(build(r), 'versioning');
    expect(comp(v, 'lineage')).toBe(75);
    expect(v.score).toBe(53); // (0.1·100 + 0.2·75 + 0.15·100 + 0.3·0) / 0.75 = 53.3
    expect(ids(v)).toEqual(["warn versioning.no-baseline", "info versioning.lineage-incomplete", "info versioning.no-content-fingerprint"]);
  });
});

describe('robustness', () => {
  it('an unreadable section is not measured and said so', () => {
    const sc = build(baseReport({ duplicates: { exact: 'lots' } }));
    expect(comp(dim(sc, 'quality'), 'uniqueness')).toBeNull();
    expect(ids(dim(sc, 'quality'))).toEqual(['info scorecard.unreadable-section']);
    expect(dim(sc, 'quality').findings[0]!.message).toBe('A report section could not be read and counts as not measured: duplicates.exact: Invalid input: expected object, received string');
  });

  it('an empty table does not divide by zero', () => {
    const r = baseReport({ table: { rows: 0, columns: 1, ragged: { rows: 0, tooFew: 0, tooMany: 0 } } });
    const sc = build(withColumns(r, [col('a', { values: 0, type: { inferred: 'string', conformance: null } })]));
    expect(sc.dimensions.map((d) => d.score)).toEqual([100, 100, 100, null, 60]);
  });
});
