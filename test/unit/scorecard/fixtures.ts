import type { ColumnLike, ReportLike } from '../../../src/scorecard/input.js';

/** A hand-built column: present values conform, nothing missing, unless overridden. */
export function col(name: string, over: Partial<ColumnLike> & Record<string, unknown> = {}): ColumnLike {
  return {
    name,
    values: 100,
    missing: { count: 0, rate: 0, disguised: {} },
    type: { inferred: 'string', conformance: 1 },
    distinct: { distinct: 50, exact: true },
    lengths: { mean: 10 },
    topValues: { approximate: false, values: [] },
    ...over,
  };
}

/** 100 rows, 3 clean columns (id key, name, amount), a 10,000-byte UTF-8 CSV profiled in 1 s. */
export function baseReport(over: Partial<ReportLike> & Record<string, unknown> = {}): ReportLike {
  return {
    tool: { name: 'dataready', version: '0.1.0' },
    input: {
      path: 'data/clean.csv',
      size: 10_000,
      modifiedAt: '2026-01-01T00:00:00.000Z',
      format: 'csv',
      compression: 'none',
      splittable: true,
      dialect: { header: true, encoding: 'utf-8', confidence: 1, encodingConfidence: 1, bom: false },
    },
    rules: { path: null, sha256: 'ab'.repeat(32) },
    table: { rows: 100, columns: 3, ragged: { rows: 0, tooFew: 0, tooMany: 0 } },
    columns: [
      col('id', { type: { inferred: 'integer', conformance: 1 }, distinct: { distinct: 100, exact: true }, lengths: { mean: 3 } }),
      col('name'),
      col('amount', { type: { inferred: 'decimal', conformance: 1 }, distinct: { distinct: 80, exact: true }, lengths: { mean: 5 } }),
    ],
    run: { durationMs: 1000, threads: 1 },
    ...over,
  };
}

export function withColumns(report: ReportLike, columns: ColumnLike[]): ReportLike {
  return { ...report, columns, table: { ...report.table, columns: columns.length } };
}

export function missing(count: number, values = 100, disguised: Record<string, number> = {}) {
  return { count, rate: count / values, disguised };
}
