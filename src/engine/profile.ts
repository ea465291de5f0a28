import { createHash } from 'node:crypto';
import { UserError } from '../cli/errors.js';
import type { ProfileRules } from '../config/rules.js';
import { REPORT_VERSION, type Report } from '../report/schema.js';
import { inspectInput } from '../sources/input.js';
import { DEFAULT_DIALECT, streamCsv, type CsvDialect } from '../sources/csv-stream.js';
import { TOOL_VERSION } from '../util/version.js';
import { TableProfiler } from './table.js';

export interface ProfileOptions {
  rules: ProfileRules;
  rulesPath?: string;
  dialect?: Partial<CsvDialect>;
  threads?: number;
  /** Clock for the timing fields; injectable so tests can pin it. */
  now?: () => Date;
}

export async function profileFile(path: string, options: ProfileOptions): Promise<Report> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const t0 = performance.now();
  const input = await inspectInput(path);
  if (input.format !== 'csv') {
    throw new UserError(`${path}: ${input.format} input is not supported by this build yet`);
  }
  if (input.compression !== 'none') {
    throw new UserError(`${path}: ${input.compression}-compressed input is not supported by this build yet; decompress it first`);
  }
  const dialect: CsvDialect = { ...DEFAULT_DIALECT, ...options.dialect };
  let table: TableProfiler | null = null;
  await streamCsv(path, dialect, options.rules.limits.maxRecordBytes, {
    header: (names) => {
      table = new TableProfiler(names, options.rules);
    },
    record: (cells, rowNumber) => table!.addRow(cells, rowNumber),
  });
  const profiler = table as TableProfiler | null;
  if (profiler === null) throw new UserError(`${path}: no records found (the file holds only blank lines)`);
  if (profiler.rows === 0) throw new UserError(`${path}: the file has a header row but no data records`);
  const result = profiler.finish();
  return {
    reportVersion: REPORT_VERSION,
    tool: { name: 'dataready', version: TOOL_VERSION },
    input: {
      path,
      size: input.size,
      modifiedAt: input.modifiedAt,
      format: input.format,
      compression: input.compression,
      dialect: { delimiter: dialect.delimiter, quote: dialect.quote, header: dialect.header, encoding: 'utf-8' },
    },
    rules: { path: options.rulesPath ?? null, sha256: rulesHash(options) },
    table: { rows: result.rows, columns: result.columns.length, ragged: result.ragged },
    columns: result.columns,
    run: { startedAt: started.toISOString(), durationMs: Math.round(performance.now() - t0), threads: 1 },
  };
}

/** Hash of the effective rules (after merging over defaults), so a report says exactly what it measured with. */
function rulesHash(options: ProfileOptions): string {
  return createHash('sha256').update(JSON.stringify(options.rules)).digest('hex');
}
