import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ExitCode, UserError } from '../cli/errors.js';
import { formatZodIssues } from '../config/zod-issues.js';
import { columnSchema, REPORT_VERSION, reportSchema } from '../report/schema.js';

/**
 * What a comparison reads from a report, validated with pieces of the report contract (src/report/schema.ts).
 * Only the fields a check uses are required, so a baseline written before another team added a field still
 * reads; fields others are adding (dates, pii, duplicates, scorecard) are read when present and well formed,
 * and a check that needs them is skipped, with a reason, when they are absent.
 */

/** The oldest report version this build can compare; newer ones than REPORT_VERSION are refused. */
export const MIN_READABLE_REPORT_VERSION = 1;

const col = columnSchema.shape;
const coreColumnSchema = z
  .object({
    name: col.name,
    index: col.index,
    values: col.values,
    missing: col.missing.pick({ count: true, rate: true }).loose(),
    type: col.type.pick({ inferred: true, conformance: true, counts: true }).loose(),
    distinct: col.distinct.pick({ distinct: true, exact: true }).loose(),
    numeric: col.numeric,
    topValues: col.topValues,
  })
  .loose();

const coreReportSchema = z
  .object({
    reportVersion: z.number().int(),
    tool: reportSchema.shape.tool.loose(),
    table: z
      .object({
        rows: reportSchema.shape.table.shape.rows,
        columns: reportSchema.shape.table.shape.columns,
        ragged: reportSchema.shape.table.shape.ragged.pick({ rows: true }).loose(),
      })
      .loose(),
    columns: z.array(coreColumnSchema),
  })
  .loose();

// Lenient readers of the optional fields: a shape they do not recognise reads as "not measured".
const datesSchema = z.object({ formats: z.record(z.string(), z.number().min(0)) }).loose();
const piiSchema = z.object({ kind: z.string() }).loose();

export type TypeName = z.infer<typeof col.type>['inferred'];

export interface SnapshotColumn {
  name: string;
  /** Position in the table (0-based). */
  index: number;
  values: number;
  nonMissing: number;
  missingRate: number;
  type: TypeName;
  conformance: number | null;
  typeCounts: Record<string, number>;
  distinct: number;
  distinctExact: boolean;
  numeric: { count: number; min: number; max: number; mean: number | null; stddev: number | null; quantiles: Record<string, number> } | null;
  /** Top values; `complete` when they account for every non-missing value (so an absent value has count 0). */
  top: { values: { value: string; count: number }[]; complete: boolean };
  /** Date-format histogram; undefined when the report has no date detector output for this column. */
  dateFormats: Record<string, number> | null | undefined;
  /** The PII kind; null when the column was checked and is not PII; undefined when the report has no PII field. */
  pii: { kind: string } | null | undefined;
}

export interface Snapshot {
  label: string;
  reportVersion: number;
  toolVersion: string;
  rows: number;
  raggedRows: number;
  columns: SnapshotColumn[];
  /** Duplicate rate and which report field it came from; undefined when the report has no duplicates field. */
  duplicates: { rate: number; basis: string } | null | undefined;
  /** Scorecard scores by dimension (and `overall`); undefined when the report has no scorecard. */
  scores: Map<string, number> | undefined;
  /** Whether any column carries a `pii` field (the PII detector ran). */
  hasPiiInventory: boolean;
  /** Whether any column carries a `dates` field (the date detector ran). */
  hasDateDetector: boolean;
}

export type Role = 'baseline' | 'current report';

/** Reads and validates a JSON report from disk. Every refusal is a UserError with exit code 2. */
export function readSnapshotFile(path: string, role: Role): Snapshot {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? e);
    throw new UserError(`cannot read ${role} ${path}: ${why}`, ExitCode.CouldNotRun);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // The parser's message quotes the input, which may hold personal data: keep only the position.
    const at = /position (\d+)/.exec((e as Error).message)?.[1];
    throw new UserError(
      `${role} ${path} is not JSON${at ? ` (syntax error at byte ${at})` : text.trim() === '' ? ' (the file is empty)' : ''}; expected a report written by \`dataready profile --out\``,
      ExitCode.CouldNotRun,
    );
  }
  return snapshotOf(raw, path, role);
}

/** Validates a parsed report (from a file, the history database or this run) and extracts what checks read. */
export function snapshotOf(raw: unknown, label: string, role: Role): Snapshot {
  const refuse = (why: string) => new UserError(`${role} ${label} ${why}`, ExitCode.CouldNotRun);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw refuse(`is JSON but not a dataready report (the top level is ${Array.isArray(raw) ? 'an array' : raw === null ? 'null' : typeof raw}, not an object)`);
  }
  const obj = raw as Record<string, unknown>;
  const tool = obj.tool as { name?: unknown; version?: unknown } | undefined;
  if (obj.reportVersion === undefined || tool?.name !== 'dataready') {
    throw refuse('is JSON but not a dataready report (no reportVersion / tool.name "dataready"); expected a report written by `dataready profile --out`');
  }
  const version = obj.reportVersion;
  const toolVersion = typeof tool.version === 'string' ? tool.version : 'unknown';
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw refuse(`has an invalid reportVersion ${JSON.stringify(version)}; expected an integer`);
  }
  if (version > REPORT_VERSION) {
    throw refuse(
      `was written by a newer dataready (${toolVersion}, report version ${version}); this dataready reads report versions ` +
        `${MIN_READABLE_REPORT_VERSION}–${REPORT_VERSION}. Upgrade dataready, or re-create the ${role === 'baseline' ? 'baseline' : 'report'} with this version`,
    );
  }
  if (version < MIN_READABLE_REPORT_VERSION) {
    throw refuse(
      `has report version ${version}, older than this dataready can read (${MIN_READABLE_REPORT_VERSION}–${REPORT_VERSION}); ` +
        're-create it with `dataready profile --out`',
    );
  }
  const parsed = coreReportSchema.safeParse(raw);
  if (!parsed.success) {
    throw refuse(`is not a valid dataready report (version ${version}): ${formatZodIssues(parsed.error)}`);
  }
  const r = parsed.data;
  const rawColumns = obj.columns as Record<string, unknown>[];
  const columns: SnapshotColumn[] = r.columns.map((c, i) => {
    const rc = rawColumns[i]!;
    const nonMissing = Math.max(0, c.values - c.missing.count);
    const topSum = c.topValues.values.reduce((s, v) => s + v.count, 0);
    const n = c.numeric;
    return {
      name: c.name,
      index: c.index,
      values: c.values,
      nonMissing,
      missingRate: c.missing.rate,
      type: c.type.inferred,
      conformance: c.type.conformance,
      typeCounts: c.type.counts as Record<string, number>,
      distinct: c.distinct.distinct,
      distinctExact: c.distinct.exact,
      numeric: n && n.count > 0 && n.min !== null && n.max !== null ? { count: n.count, min: n.min, max: n.max, mean: n.mean, stddev: n.stddev, quantiles: n.quantiles } : null,
      top: { values: c.topValues.values, complete: !c.topValues.approximate && topSum >= nonMissing },
      dateFormats: optional(rc, 'dates', (d) => (datesSchema.safeParse(d).success ? (d as { formats: Record<string, number> }).formats : undefined)),
      pii: optional(rc, 'pii', (p) => (piiSchema.safeParse(p).success ? { kind: (p as { kind: string }).kind } : undefined)),
    };
  });
  return {
    label,
    reportVersion: version,
    toolVersion,
    rows: r.table.rows,
    raggedRows: r.table.ragged.rows,
    columns,
    duplicates: duplicateRateOf(obj.duplicates, r.table.rows),
    scores: scoresOf(obj.scorecard),
    hasPiiInventory: rawColumns.some((c) => 'pii' in c),
    hasDateDetector: rawColumns.some((c) => 'dates' in c),
  };
}

/** undefined: the field is absent (or unreadable); null: present and null; otherwise what `read` makes of it. */
function optional<T>(o: Record<string, unknown>, key: string, read: (v: unknown) => T | undefined): T | null | undefined {
  if (!(key in o) || o[key] === undefined) return undefined;
  if (o[key] === null) return null;
  return read(o[key]);
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The duplicate rate, from whichever field the duplicates section carries (its shape is still settling):
 * redundant rows (rows that could be dropped) per row, else exact + near duplicate rows per row, else a
 * stated rate. The basis is returned so two reports are compared only on the same basis.
 */
export function duplicateRateOf(d: unknown, tableRows: number): Snapshot['duplicates'] {
  if (d === undefined) return undefined;
  if (d === null || typeof d !== 'object') return null;
  const o = d as Record<string, unknown>;
  const rows = num(o.rows) && o.rows > 0 ? o.rows : tableRows;
  if (num(o.redundantRows) && rows > 0) return { rate: o.redundantRows / rows, basis: 'redundantRows' };
  const exact = (o.exact as Record<string, unknown> | undefined)?.duplicateRows;
  const near = (o.near as Record<string, unknown> | undefined)?.duplicateRows;
  if (num(exact) && rows > 0) return { rate: (exact + (num(near) ? near : 0)) / rows, basis: 'duplicateRows' };
  if (num(o.rate)) return { rate: o.rate, basis: 'rate' };
  if (num(o.shareOfRowsInvolved)) return { rate: o.shareOfRowsInvolved, basis: 'shareOfRowsInvolved' };
  return null;
}

/**
 * Scores by dimension from a scorecard, whatever its exact shape: `overall` (a number or {score}),
 * `dimensions` as an array of {id|key|name, score} or a record of name → number | {score}.
 */
export function scoresOf(sc: unknown): Map<string, number> | undefined {
  if (typeof sc !== 'object' || sc === null) return undefined;
  const o = sc as Record<string, unknown>;
  const out = new Map<string, number>();
  const scoreOf = (v: unknown): number | undefined => (num(v) ? v : typeof v === 'object' && v !== null && num((v as { score?: unknown }).score) ? (v as { score: number }).score : undefined);
  const overall = scoreOf(o.overall) ?? scoreOf(o.score);
  if (overall !== undefined) out.set('overall', overall);
  const dims = o.dimensions;
  if (Array.isArray(dims)) {
    for (const d of dims) {
      if (typeof d !== 'object' || d === null) continue;
      const dd = d as Record<string, unknown>;
      const key = [dd.id, dd.key, dd.name].find((k) => typeof k === 'string') as string | undefined;
      const s = scoreOf(d);
      if (key !== undefined && s !== undefined) out.set(key, s);
    }
  } else if (typeof dims === 'object' && dims !== null) {
    for (const [k, v] of Object.entries(dims)) {
      const s = scoreOf(v);
      if (s !== undefined) out.set(k, s);
    }
  }
  return out;
}
