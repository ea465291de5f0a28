import type { ReportView } from './input.js';
import type { ScorecardRules } from './rules.js';
import type { Dimension, Finding } from './schema.js';
import { bytes, component, dimension, finding, int, round1 } from './score.js';

const D = 'volume';

const NUMERIC_TYPES = new Set(['integer', 'decimal', 'boolean']);

/**
 * Memory a pandas DataFrame of this table would take (default `read_csv`, object-dtype strings): the
 * index (a RangeIndex costs nothing per row; `bytesPerRowIndex`), 8 bytes per numeric/boolean cell, and per present text cell an 8-byte
 * pointer to its own Python str (49-byte header + 1 byte per ASCII character; read_csv does not intern),
 * a missing text cell being a pointer to the shared NaN. Dates stay text unless parse_dates is given.
 * See docs/scorecard.md for the reasoning and why a flat "5–10× the file" rule was not used.
 */
export function pandasMemoryBytes(view: ReportView, rules: ScorecardRules): number {
  const v = rules.volume;
  const rows = view.report.table.rows;
  let total = rows * v.bytesPerRowIndex;
  for (const { src: c } of view.columns) {
    if (NUMERIC_TYPES.has(c.type.inferred)) {
      total += c.values * v.bytesPerNumericCell;
    } else {
      const present = c.values - c.missing.count;
      total += present * (v.bytesPerStringCell + (c.lengths?.mean ?? 0)) + c.missing.count * v.bytesPerNumericCell;
    }
  }
  return Math.round(total);
}

export function volumeDimension(view: ReportView, rules: ScorecardRules): Dimension {
  const v = rules.volume;
  const w = v.weights;
  const report = view.report;
  const findings: Finding[] = [];
  const rows = report.table.rows;
  const columns = report.table.columns;
  const size = report.input.size;
  const factor = v.projectionFactor;
  const compressed = report.input.compression !== 'none';
  const isCsv = report.input.format === 'csv';

  // Average row width: measured from the file for plain CSV, estimated from value lengths otherwise.
  const header = report.input.dialect?.header ? 1 : 0;
  const lengthSum = report.columns.reduce((s, c) => s + (c.lengths?.mean ?? 0) * ((c.values - c.missing.count) / Math.max(1, c.values)), 0);
  const avgRowBytes = rows === 0 ? 0 : isCsv && !compressed ? size / (rows + header) : lengthSum + columns;
  const rowWidthBasis = isCsv && !compressed ? 'file bytes / records' : 'estimated from mean value lengths + one separator per field';

  // ---- headroom: memory an in-memory tool would need at 10× --------------------------------------------
  const memory = pandasMemoryBytes(view, rules);
  const memoryProjected = memory * factor;
  const usable = v.machineMemoryBytes * v.usableMemoryShare;
  const headroomScore = memoryProjected <= usable ? 100 : (100 * usable) / memoryProjected;
  const headroom = component(
    'headroom',
    `Memory at ${factor}×`,
    round1(headroomScore),
    w.headroom,
    `pandas-style in-memory load ≈ ${bytes(memory)} now, ${bytes(memoryProjected)} at ${factor}×, against ${bytes(usable)} usable (${Math.round(v.usableMemoryShare * 100)}% of ${bytes(v.machineMemoryBytes)}); full points when it fits, else usable / needed`,
  );
  if (memoryProjected > usable) {
    findings.push(
      finding(
        D,
        'volume.memory-projection',
        'warn',
        null,
        `At ${factor}× the rows, loading this table into pandas would take about ${bytes(memoryProjected)}, more than the ${bytes(usable)} planned for one machine`,
        { memoryBytes: memory, projectedMemoryBytes: memoryProjected, usableBytes: usable, factor },
        'Plan for a streaming or out-of-core engine (DuckDB, Polars lazy, Arrow datasets) or columnar storage before the data grows.',
      ),
    );
  }

  // ---- time to profile at 10× --------------------------------------------------------------------------
  // The projection uses a reference throughput from the rules, not this run's timing: the report must be the
  // same for two runs on the same input (the run's own duration is in report.run).
  const rate = v.referenceBytesPerSecond;
  const projectedSeconds = (size * factor) / rate;
  const timeScore = projectedSeconds <= v.profileSecondsBudget ? 100 : (100 * v.profileSecondsBudget) / projectedSeconds;
  const profileTime = component(
    'profileTime',
    `Profile time at ${factor}×`,
    round1(timeScore),
    w.profileTime,
    `${factor}× the data would take ≈ ${formatSeconds(projectedSeconds)} at the reference ${bytes(rate)}/s, against a budget of ${formatSeconds(v.profileSecondsBudget)}`,
  );
  if (projectedSeconds > v.profileSecondsBudget) {
    findings.push(
      finding(D, 'volume.profile-time', 'warn', null, `At ${factor}× the data, profiling would take about ${formatSeconds(projectedSeconds)} at the reference ${bytes(rate)}/s`, { projectedSeconds: Math.round(projectedSeconds), bytesPerSecond: Math.round(rate), budgetSeconds: v.profileSecondsBudget }, 'Give the job more threads, profile splittable files (uncompressed CSV or Parquet) in parallel, or sample.'),
    );
  }

  // ---- splittability -----------------------------------------------------------------------------------
  let splitScore: number | null = 100;
  let splitDetail = 'record-aligned byte ranges can be read in parallel';
  const splittable = report.input.splittable ?? !(isCsv && compressed);
  if (isCsv && !splittable) {
    const big = size >= v.unsplittableWarnBytes;
    splitScore = big ? 40 : 80;
    splitDetail = `${report.input.compression}-compressed CSV must be read from the start by one worker`;
    findings.push(
      finding(
        D,
        'volume.not-splittable',
        big ? 'warn' : 'info',
        null,
        `The file is a ${report.input.compression}-compressed CSV (${bytes(size)}): one reader must decompress it from the start, so no parallel or distributed read can split it`,
        { compression: report.input.compression, bytes: size, warnAbove: v.unsplittableWarnBytes },
        'Store it uncompressed, in splittable chunks (several files), or as Parquet with zstd.',
      ),
    );
  } else if (report.input.format === 'parquet') {
    const pq = view.parquet;
    if (pq === null || pq.rowsPerGroup.length === 0) {
      splitScore = null;
      splitDetail = 'not measured: the report has no Parquet row-group sizes';
    } else {
      const groups = pq.rowsPerGroup.length;
      const avgRows = pq.rowsPerGroup.reduce((s, n) => s + n, 0) / groups;
      const maxBytes = Math.max(0, ...pq.bytesPerGroup);
      splitDetail = `${groups} row group${groups === 1 ? '' : 's'}, ${int(avgRows)} rows on average, largest ${bytes(maxBytes)}`;
      if (groups > 1 && avgRows < v.rowGroupMinRows) {
        splitScore = 70;
        findings.push(finding(D, 'volume.row-groups-small', 'warn', null, `Parquet row groups are small: ${groups} groups of ${int(avgRows)} rows on average`, { groups, avgRows: Math.round(avgRows), minRows: v.rowGroupMinRows }, 'Rewrite with larger row groups (128 MiB–1 GiB, or ≥ 100,000 rows): small groups cost metadata and I/O per read.'));
      }
      if (maxBytes > v.rowGroupMaxBytes) {
        splitScore = 70;
        findings.push(finding(D, 'volume.row-groups-large', 'warn', null, `The largest Parquet row group holds ${bytes(maxBytes)}; a reader must hold a column chunk of it in memory`, { groups, maxBytes, maxAllowed: v.rowGroupMaxBytes }, 'Rewrite with row groups under 1 GiB so readers can parallelize and bound their memory.'));
      }
    }
  } else if (report.input.format !== 'csv') {
    splitDetail = 'record batches can be read independently';
  }
  const splittability = component('splittability', 'Splittability', splitScore, w.splittability, splitDetail);

  if (columns > v.wideColumns) {
    findings.push(finding(D, 'volume.wide-table', 'info', null, `The table has ${int(columns)} columns`, { columns, threshold: v.wideColumns }, 'Wide tables are cheaper in a columnar format (Parquet) where readers load only the columns they need.'));
  }

  // ---- recommendation ----------------------------------------------------------------------------------
  let recommendation: string;
  if (memoryProjected <= usable) recommendation = 'single-machine, in memory';
  else if (projectedSeconds <= v.profileSecondsBudget) recommendation = 'single-machine, streaming or out-of-core';
  else recommendation = 'distributed';
  findings.push(
    finding(
      D,
      'volume.recommendation',
      'info',
      null,
      `Recommended processing at ${factor}× today's volume: ${recommendation}`,
      { factor, projectedRows: rows * factor, projectedBytes: size * factor, projectedMemoryBytes: memoryProjected, projectedSeconds: Math.round(projectedSeconds) },
      recommendation === 'single-machine, in memory'
        ? 'Any single-machine tool (pandas, DuckDB, Polars) handles this volume with room to spare.'
        : recommendation === 'distributed'
          ? 'Use a distributed engine (Spark, Dask, BigQuery/Snowflake) over splittable files.'
          : 'Use a streaming or out-of-core engine (DuckDB, Polars lazy) rather than an in-memory DataFrame.',
    ),
  );

  return dimension(D, 'Volume', [headroom, profileTime, splittability], findings, {
    rows,
    bytes: size,
    columns,
    avgRowBytes: round1(avgRowBytes),
    avgRowBasis: rowWidthBasis,
    projectionFactor: factor,
    projectedRows: rows * factor,
    projectedBytes: size * factor,
    memoryBytes: memory,
    memoryMultiplier: size === 0 ? null : round1(memory / size),
    projectedMemoryBytes: memoryProjected,
    referenceBytesPerSecond: Math.round(rate),
    projectedProfileSeconds: Math.round(projectedSeconds),
    splittable,
    recommendation,
  }, rules);
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  if (s < 3600) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}
