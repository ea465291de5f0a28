/** Small valid reports (report version 1) for unit tests, with only what each test changes spelled out. */

type Json = Record<string, unknown>;

export interface ColumnSpec {
  name: string;
  values?: number;
  missing?: number;
  type?: 'integer' | 'decimal' | 'boolean' | 'date' | 'datetime' | 'string';
  counts?: Partial<Record<'integer' | 'decimal' | 'boolean' | 'date' | 'datetime' | 'string', number>>;
  distinct?: number;
  numeric?: { min: number; max: number; quantiles: Record<string, number>; mean?: number; stddev?: number } | null;
  top?: { value: string; count: number }[];
  approximate?: boolean;
  extra?: Json;
}

export function column(spec: ColumnSpec, index: number): Json {
  const values = spec.values ?? 1000;
  const missing = spec.missing ?? 0;
  const type = spec.type ?? 'string';
  const nonMissing = values - missing;
  const counts = { integer: 0, decimal: 0, boolean: 0, date: 0, datetime: 0, string: 0, ...(spec.counts ?? { [type]: nonMissing }) };
  const top = spec.top ?? [];
  return {
    name: spec.name,
    index,
    values,
    missing: { count: missing, rate: values === 0 ? 0 : missing / values, nulls: 0, empty: missing, whitespace: 0, disguised: {} },
    type: { inferred: type, conformance: nonMissing > 0 ? 1 : null, counts },
    distinct: { distinct: spec.distinct ?? top.length, exact: true },
    numeric: spec.numeric
      ? { count: nonMissing, min: spec.numeric.min, max: spec.numeric.max, mean: spec.numeric.mean ?? (spec.numeric.min + spec.numeric.max) / 2, stddev: spec.numeric.stddev ?? 1, quantiles: spec.numeric.quantiles }
      : null,
    lengths: { min: 1, mean: 1, max: 1 },
    topValues: { approximate: spec.approximate ?? false, values: top },
    ...(spec.extra ?? {}),
  };
}

export function report(columns: ColumnSpec[], options: { rows?: number; ragged?: number; extra?: Json } = {}): Json {
  const rows = options.rows ?? columns[0]?.values ?? 1000;
  return {
    reportVersion: 1,
    tool: { name: 'dataready', version: '0.1.0' },
    input: { path: 'x.csv', size: 1, modifiedAt: '2026-01-01T00:00:00.000Z', format: 'csv', compression: 'none', dialect: null },
    rules: { path: null, sha256: '0' },
    table: { rows, columns: columns.length, ragged: { rows: options.ragged ?? 0, tooFew: options.ragged ?? 0, tooMany: 0, examples: [] } },
    columns: columns.map((c, i) => column({ values: rows, ...c }, i)),
    run: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1, threads: 1 },
    ...(options.extra ?? {}),
  };
}

export const uniformQuantiles = (lo: number, hi: number) => {
  const at = (p: number) => lo + (hi - lo) * p;
  return { min: lo, max: hi, quantiles: { p1: at(0.01), p5: at(0.05), p25: at(0.25), p50: at(0.5), p75: at(0.75), p95: at(0.95), p99: at(0.99) } };
};

/** A typical table: an id, a category, an amount. */
export function typical(overrides: Partial<Record<'id' | 'status' | 'amount', Partial<ColumnSpec>>> = {}, options: Parameters<typeof report>[1] = {}): Json {
  return report(
    [
      { name: 'id', type: 'integer', distinct: 1000, numeric: uniformQuantiles(1, 1000), ...overrides.id },
      {
        name: 'status',
        top: [
          { value: 'active', count: 700 },
          { value: 'paused', count: 200 },
          { value: 'closed', count: 100 },
        ],
        ...overrides.status,
      },
      { name: 'amount', type: 'decimal', distinct: 950, numeric: uniformQuantiles(0, 100), top: [{ value: '12.50', count: 3 }], approximate: false, ...overrides.amount },
    ],
    options,
  );
}
