import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS, runCli } from '../helpers/cli.js';

/**
 * CSV fixtures whose sources state an expectation (MANIFEST.md §6 frictionless, §7 readr, §8 rust-csv),
 * checked through the built CLI. Frictionless numbers rows with the header as row 1 and counts blank rows;
 * dataready numbers data records from 1 and skips blank lines (csv-parse skip_empty_lines): the mapping is
 * written next to each check.
 */
const F = join(CORPUS, 'frictionless-py/data');
const R = join(CORPUS, 'readr');
const results: string[] = [];

type Report = {
  table: { rows: number; ragged: { tooFew: number; tooMany: number; examples: number[] } };
  columns: { name: string; type: { inferred: string }; missing: { count: number; disguised: Record<string, number> } }[];
  scorecard: { dimensions: { findings: { id: string; column: string | null; message: string }[] }[] };
};

function profile(file: string): Report {
  const r = runCli(['profile', file, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

function findings(report: Report, id: string) {
  return report.scorecard.dimensions.flatMap((d) => d.findings).filter((f) => f.id === id);
}

function refused(file: string, pattern: RegExp) {
  const r = runCli(['profile', file]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
}

describe('frictionless-py fixtures', () => {
  it('invalid.csv: blank label, duplicate label, missing cells in rows 2-3, extra cell in row 5', () => {
    const report = profile(join(F, 'invalid.csv'));
    expect(report.columns.map((c) => c.name)).toEqual(['id', 'name', '', 'name']);
    expect(findings(report, 'access.header-empty')).toHaveLength(1);
    expect(findings(report, 'access.header-duplicate')[0]!.message).toContain('"name"');
    // frictionless rows 2, 3 (missing cells) and 5 (extra cell, after blank row 4) = data records 1, 2, 3
    expect(report.table.ragged).toMatchObject({ tooFew: 2, tooMany: 1, examples: [1, 2, 3] });
    results.push('invalid.csv');
  });

  it('duplicate-headers.csv and blank-headers.csv', () => {
    expect(findings(profile(join(F, 'duplicate-headers.csv')), 'access.header-duplicate')[0]!.message).toContain('"id"');
    expect(findings(profile(join(F, 'blank-headers.csv')), 'access.header-empty')).toHaveLength(1);
    results.push('duplicate-headers.csv', 'blank-headers.csv');
  });

  it('defective-rows.csv: a missing cell in row 2, an extra cell in row 3', () => {
    expect(profile(join(F, 'defective-rows.csv')).table.ragged).toMatchObject({ tooFew: 1, tooMany: 1, examples: [1, 2] });
    results.push('defective-rows.csv');
  });

  it('table-infer-missing-values.csv: with "-" as a missing value, id is an integer', () => {
    const report = profile(join(F, 'table-infer-missing-values.csv'));
    const id = report.columns.find((c) => c.name === 'id')!;
    expect(id.missing.disguised).toEqual({ '-': 3 });
    expect(id.type.inferred).toBe('integer');
    expect(report.columns.map((c) => c.type.inferred)).toEqual(['integer', 'integer', 'string']);
    results.push('table-infer-missing-values.csv');
  });

  it('empty.csv and without-rows.csv: refused with a clear line', () => {
    refused(join(F, 'empty.csv'), /empty/);
    refused(join(F, 'without-rows.csv'), /header row but no data records/);
    results.push('empty.csv', 'without-rows.csv');
  });
});

describe('readr and rust-csv fixtures', () => {
  it('challenge.csv: x is a double and y a date from row 1001 on (the whole file is read, not a prefix)', () => {
    const report = profile(join(R, 'inst/extdata/challenge.csv'));
    expect(report.table.rows).toBe(2000);
    const [x, y] = report.columns;
    expect(x!.type.inferred).toBe('decimal');
    expect(y!.type.inferred).toBe('date');
    expect(y!.missing).toMatchObject({ count: 1000, disguised: { NA: 1000 } });
    results.push('challenge.csv');
  });

  it('null-file (a NUL byte) and empty-file are refused with a clear line', () => {
    refused(join(R, 'tests/testthat/null-file'), /binary data at byte \d+/);
    refused(join(R, 'tests/testthat/empty-file'), /empty \(0 bytes\)/);
    results.push('null-file', 'empty-file');
  });

  it('uspop-null.csv: the literal NULL cells are disguised nulls', () => {
    const report = profile(join(CORPUS, 'rust-csv/examples/data/uspop-null.csv'));
    const population = report.columns.find((c) => c.name === 'Population')!;
    expect(population.missing.disguised).toEqual({ NULL: 3 });
    expect(population.type.inferred).toBe('integer');
    results.push('uspop-null.csv');
  });

  it('papaparse: a poisoned header (__proto__, toString, valueOf, __proto__), Shift-JIS, the 8-row sample', () => {
    const P = join(CORPUS, 'papaparse/tests');
    const poisoned = profile(join(P, 'poisoned-sample.csv'));
    expect(poisoned.columns.map((c) => c.name)).toEqual(['__proto__', 'toString', 'valueOf', '__proto__']);
    expect(poisoned.table.rows).toBe(1);
    expect(findings(poisoned, 'access.header-duplicate')[0]!.message).toContain('"__proto__"');
    const sjis = runCli(['profile', join(P, 'sjis-sample.csv'), '--no-header', '--format', 'json']);
    expect(JSON.parse(sjis.stdout).input.dialect.encoding).toBe('shift_jis');
    expect(profile(join(P, 'long-sample.csv')).table.rows).toBe(8);
    results.push('poisoned-sample.csv', 'sjis-sample.csv', 'long-sample.csv');
  });

  afterAll(() => {
    console.log(`csv fixtures with stated expectations: ${results.length} files matched`);
  });
});
