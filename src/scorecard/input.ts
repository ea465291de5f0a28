import { z } from 'zod';

/**
 * What the scorecard reads from a finished report. The core (table, columns, input, rules, tool) is the
 * report contract of src/report/schema.ts; the detector sections (dates, pii, duplicates, Parquet metadata,
 * fingerprint, baseline) arrive from other stages and may be absent, so they are `unknown` here and parsed
 * leniently below: absent means "not measured", present-but-unreadable is reported as a finding.
 */
export interface ColumnLike {
  name: string;
  values: number;
  missing: { count: number; rate: number; disguised?: Record<string, number> };
  type: { inferred: string; conformance: number | null; counts?: Record<string, number> };
  distinct: { distinct: number; exact: boolean };
  lengths?: { mean: number | null } | null;
  topValues?: { approximate: boolean; values: { value: string; count: number }[] } | null;
  dates?: unknown;
  pii?: unknown;
}

export interface ReportLike {
  tool: { name: string; version: string };
  input: {
    path: string;
    size: number;
    modifiedAt: string;
    format: string;
    compression: string;
    splittable?: boolean;
    dialect: { header: boolean; encoding: string; confidence?: number; encodingConfidence?: number; bom?: boolean } | null;
    parquet?: unknown;
    /** Parquet / Arrow metadata: createdBy, units (row groups or batches), shardRows {count, min, max, mean} */
    columnar?: unknown;
    /** Several input files profiled as one table: per file path, size, modifiedAt, rows, included, differences */
    files?: unknown;
  };
  rules: { path: string | null; sha256: string };
  table: { rows: number; columns: number; ragged: { rows: number; tooFew: number; tooMany: number }; fingerprint?: unknown };
  columns: readonly ColumnLike[];
  run?: { durationMs: number; threads?: number } | null;
  duplicates?: unknown;
  fingerprint?: unknown;
  baseline?: unknown;
  comparison?: unknown;
}

const count = z.number().min(0);

export const datesViewSchema = z.looseObject({
  formats: z.record(z.string(), count).default({}),
  dominant: z.string().nullable().default(null),
  dominantShare: z.number().nullable().default(null),
  inconsistent: z.boolean().default(false),
  ambiguous: count.default(0),
  resolution: z.string().nullable().default(null),
  min: z.string().nullable().default(null),
  max: z.string().nullable().default(null),
  future: count.nullable().default(null),
  newestAgeDays: z.number().nullable().default(null),
  sentinels: z.record(z.string(), count).default({}),
});

export const piiViewSchema = z.looseObject({
  kind: z.string(),
  confidence: z.number(),
  validShare: z.number().nullable().default(null),
  regulations: z.array(z.string()).default([]),
  embedded: z.record(z.string(), count).nullable().default(null),
  examples: z.array(z.string()).default([]),
});

const dupPart = z.looseObject({
  rows: count.optional(),
  duplicateRows: count.optional(),
  clusters: count.default(0),
  /** near only: false when near-duplicate detection was switched off */
  enabled: z.boolean().optional(),
  /** near: set when near detection did not compare everything; exact: when copies were counted on a hash sample */
  sampling: z.unknown().optional(),
});

export const duplicatesViewSchema = z.looseObject({
  exact: dupPart,
  near: dupPart.nullable().optional(),
  share: z.number().optional(),
  shareOfRowsInvolved: z.number().optional(),
  sampled: z.unknown().optional(),
});

const rowGroup = z.looseObject({
  rows: count.optional(),
  numRows: count.optional(),
  bytes: count.optional(),
  totalByteSize: count.optional(),
});

export const parquetViewSchema = z.looseObject({
  createdBy: z.string().nullable().optional(),
  rowGroups: z.union([z.array(rowGroup), count]).optional(),
  rowGroupRows: z.array(count).optional(),
  rowGroupBytes: z.array(count).optional(),
});

export const columnarViewSchema = z.looseObject({
  createdBy: z.string().nullable().optional(),
  units: count.optional(),
  shardRows: z.looseObject({ count: count, min: count, max: count, mean: count }).optional(),
});

const fileSchema = z.looseObject({
  path: z.string(),
  size: count.optional(),
  modifiedAt: z.string().optional(),
  rows: count.optional(),
  included: z.boolean().default(true),
  differences: z
    .looseObject({ missing: z.array(z.string()).default([]), extra: z.array(z.string()).default([]), reordered: z.boolean().default(false) })
    .nullable()
    .default(null),
});
export const filesViewSchema = z.array(fileSchema);
export type FileView = z.infer<typeof fileSchema>;

export type DatesView = z.infer<typeof datesViewSchema>;
export type PiiView = z.infer<typeof piiViewSchema>;

export interface DuplicatesView {
  exactRows: number;
  exactClusters: number;
  nearRows: number | null;
  nearClusters: number | null;
  /** Near-duplicate matching did not see or compare everything. */
  sampled: boolean;
  /** Exact copies past the near rows were counted on a hash sample (estimates). */
  exactSampled: boolean;
}

export interface ParquetView {
  createdBy: string | null;
  groups: number | null;
  /** Rows per row group (or record batch); when only a summary is known, its mean repeated `groups` times. */
  rowsPerGroup: number[];
  bytesPerGroup: number[];
}

export interface ColumnView {
  src: ColumnLike;
  /** undefined = the dates detector did not run; null = ran, not a date column */
  dates: DatesView | null | undefined;
  pii: PiiView | null | undefined;
}

export interface ReportView {
  report: ReportLike;
  columns: ColumnView[];
  datesMeasured: boolean;
  piiMeasured: boolean;
  duplicates: DuplicatesView | null;
  parquet: ParquetView | null;
  contentFingerprint: string | null;
  baseline: boolean;
  /** Input files when several were profiled as one table; null for one file. */
  files: FileView[] | null;
  /** Sections present but not in a readable shape: "field: reason". */
  unreadable: string[];
}

function lenient<T>(schema: z.ZodType<T>, value: unknown, where: string, unreadable: string[]): T | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  unreadable.push(`${where}${issue && issue.path.length ? '.' + issue.path.join('.') : ''}: ${issue?.message ?? 'unreadable'}`);
  return undefined;
}

function fingerprintOf(report: ReportLike): string | null {
  for (const v of [report.fingerprint, report.table.fingerprint]) {
    if (typeof v === 'string' && v.length > 0) return v;
    if (typeof v === 'object' && v !== null) {
      const c = (v as { content?: unknown }).content;
      if (typeof c === 'string' && c.length > 0) return c;
    }
  }
  return null;
}

/** What the caller knows beyond the report: a baseline given on the command line (--baseline, --history). */
export interface ScorecardContext {
  baseline?: boolean;
}

export function viewOf(report: ReportLike, context: ScorecardContext = {}): ReportView {
  const unreadable: string[] = [];
  const columns: ColumnView[] = report.columns.map((c) => ({
    src: c,
    dates: lenient(datesViewSchema, c.dates, `columns[${JSON.stringify(c.name)}].dates`, unreadable),
    pii: lenient(piiViewSchema, c.pii, `columns[${JSON.stringify(c.name)}].pii`, unreadable),
  }));
  const dup = lenient(duplicatesViewSchema, report.duplicates, 'duplicates', unreadable);
  let duplicates: DuplicatesView | null = null;
  if (dup) {
    const near = dup.near && dup.near.enabled !== false ? dup.near : null;
    duplicates = {
      exactRows: dup.exact.rows ?? dup.exact.duplicateRows ?? 0,
      exactClusters: dup.exact.clusters,
      nearRows: near ? (near.rows ?? near.duplicateRows ?? 0) : null,
      nearClusters: near ? near.clusters : null,
      sampled: [dup.sampled, dup.near?.sampling].some((v) => v !== undefined && v !== null && v !== false),
      exactSampled: dup.exact.sampling !== undefined && dup.exact.sampling !== null,
    };
  }
  const pq = lenient(parquetViewSchema, report.input.parquet, 'input.parquet', unreadable);
  let parquet: ParquetView | null = null;
  if (pq) {
    const groups = Array.isArray(pq.rowGroups) ? pq.rowGroups : null;
    const rowsPerGroup = pq.rowGroupRows ?? (groups ? groups.map((g) => g.rows ?? g.numRows ?? 0) : []);
    const bytesPerGroup = pq.rowGroupBytes ?? (groups ? groups.map((g) => g.bytes ?? g.totalByteSize ?? 0) : []);
    parquet = {
      createdBy: pq.createdBy ?? null,
      groups: typeof pq.rowGroups === 'number' ? pq.rowGroups : groups ? groups.length : rowsPerGroup.length || null,
      rowsPerGroup,
      bytesPerGroup,
    };
  }
  const columnar = parquet === null ? lenient(columnarViewSchema, report.input.columnar, 'input.columnar', unreadable) : undefined;
  if (columnar) {
    const groups = columnar.shardRows?.count ?? columnar.units ?? null;
    parquet = {
      createdBy: columnar.createdBy ?? null,
      groups,
      rowsPerGroup: groups !== null && columnar.shardRows ? new Array<number>(groups).fill(columnar.shardRows.mean) : [],
      bytesPerGroup: [],
    };
  }
  const present = (v: unknown) => v !== undefined && v !== null && v !== false;
  return {
    report,
    columns,
    datesMeasured: columns.some((c) => c.dates !== undefined),
    piiMeasured: columns.some((c) => c.pii !== undefined),
    duplicates,
    parquet,
    contentFingerprint: fingerprintOf(report),
    files: (() => {
      const f = lenient(filesViewSchema, report.input.files, 'input.files', unreadable);
      return f && f.length > 1 ? f : null;
    })(),
    baseline: context.baseline === true || present(report.baseline) || present(report.comparison),
    unreadable,
  };
}
