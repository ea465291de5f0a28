import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { UserError } from '../cli/errors.js';
import type { ProfileRules } from '../config/rules.js';
import { REPORT_VERSION, type Report } from '../report/schema.js';
import { inspectInput, type InputInfo } from '../sources/input.js';
import { streamCsv, type CsvDialect } from '../sources/csv-stream.js';
import { decodeSample, sniffEncoding, userEncoding, type EncodingGuess } from '../sources/encoding.js';
import { sniffDialect, type SniffedDialect } from '../sources/dialect.js';
import { readHead } from '../sources/text-stream.js';
import { TOOL_VERSION } from '../util/version.js';
import { TableProfiler } from './table.js';
import { rebaseTableState } from './rebase.js';
import { expandInputs, schemaDifferences } from './inputs.js';
import { csvLayout, csvTasks, DeclinedError, defaultThreads, runShards, type Progress } from './parallel.js';
import type { ShardTask } from './shard-task.js';
import { buildScorecard, scorecardRulesFrom } from '../scorecard/index.js';

export interface ProfileOptions {
  rules: ProfileRules;
  rulesPath?: string;
  dialect?: Partial<CsvDialect>;
  encoding?: string;
  /** Reference day for staleness and future dates; default: the input's modification time. */
  asOf?: Date;
  /** Memory budget for one columnar shard's decompressed data (bytes). */
  maxMemoryBytes?: number;
  threads?: number;
  progress?: Progress;
  /** A baseline (--baseline, or a history with an earlier run) will be compared against: the scorecard counts it. */
  baseline?: boolean;
  /** Clock for the timing fields; injectable so tests can pin it. */
  now?: () => Date;
}

const SNIFF_BYTES = 256 * 1024;

export interface CsvPlan {
  encoding: EncodingGuess;
  dialect: SniffedDialect;
}

/** Decides how to read a CSV: encoding and dialect, sniffed from its first bytes unless given. */
export async function planCsv(info: InputInfo, options: ProfileOptions): Promise<CsvPlan> {
  const { head, complete } = await readHead(info, SNIFF_BYTES).catch((e: Error) => {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') throw new UserError(`${info.path}: corrupt or truncated gzip data`);
    if (e.message.startsWith('zstd:')) throw new UserError(`${info.path}: corrupt or truncated zstd data (${e.message})`);
    throw new UserError(`${info.path}: cannot read (${code ?? e.message})`);
  });
  if (head.length === 0) throw new UserError(`${info.path}: the file is empty after decompression`);
  const encoding = options.encoding ? userEncoding(options.encoding) : sniffEncoding(head);
  if (encoding.encoding === 'binary') {
    throw new UserError(`${info.path}: binary data at byte ${head.indexOf(0)} (a NUL byte); this does not look like a text CSV file`);
  }
  const text = decodeSample(head, encoding.encoding);
  const dialect = sniffDialect(text, complete, options.dialect ?? {});
  return { encoding, dialect };
}

export interface ProfileOutcome {
  report: Report;
  /** Every record in a duplicate cluster, for --duplicates FILE. */
  duplicateList: { row: number; cluster: number; kind: 'exact' | 'near' }[];
}

interface BuiltTable {
  table: TableProfiler;
  inputFacts: Pick<Report['input'], 'splittable' | 'dialect' | 'columnar'>;
  usedThreads: number;
}

/** Profiles one input file into a TableProfiler with rows numbered from 1. */
async function buildTable(info: InputInfo, options: ProfileOptions): Promise<BuiltTable> {
  const threads = Math.max(1, options.threads ?? defaultThreads());
  let table: TableProfiler;
  let inputFacts: Pick<Report['input'], 'splittable' | 'dialect' | 'columnar'>;
  let usedThreads = 1;
  if (info.format !== 'csv') {
    const { openColumnar } = await import('./columnar.js'); // on first use, as in shard-task.ts
    const source = await openColumnar(info, { maxMemoryBytes: options.maxMemoryBytes });
    const { schema, shards } = source.file;
    if (schema.columns.length === 0) throw new UserError(`${info.path}: the file has no columns`);
    const tasks: ShardTask[] = shards.map((shard) => ({ kind: 'columnar', info, shard, maxMemoryBytes: options.maxMemoryBytes, rules: options.rules }));
    usedThreads = Math.min(threads, Math.max(1, tasks.length));
    table = await runShards(tasks, schema.columns.map((c) => c.name), options.rules, threads, options.progress);
    if (table.rows === 0) throw new UserError(`${info.path}: the file has a schema but no rows`);
    inputFacts = {
      splittable: shards.length > 1,
      dialect: null,
      columnar: {
        createdBy: schema.createdBy ?? null,
        units: schema.units,
        codecs: schema.codecs,
        shardRows: shardRowStats(shards.map((s) => s.rowCount)),
        columns: schema.columns.map((c) => ({ name: c.name, physicalType: c.physicalType, logicalType: c.logicalType ?? null, nullable: c.nullable })),
      },
    };
  } else {
    const plan = await planCsv(info, options);
    const dialect: CsvDialect = { delimiter: plan.dialect.delimiter, quote: plan.dialect.quote, header: plan.dialect.header };
    let parallel: TableProfiler | null = null;
    // The byte-level fast path reads uncompressed UTF-8 with one-byte delimiter and quote; everything else,
    // and anything it declines midway, is read by csv-parse as a stream.
    if (info.compression === 'none' && plan.encoding.encoding === 'utf-8') {
      try {
        const layout = csvLayout(info.path, dialect.delimiter, dialect.quote, dialect.header, options.rules.limits.maxRecordBytes);
        if (layout) {
          const tasks = csvTasks(info.path, layout, options.rules);
          usedThreads = Math.min(threads, tasks.length);
          parallel = await runShards(tasks, layout.header, options.rules, threads, options.progress);
        }
      } catch (e) {
        if (!(e instanceof DeclinedError)) throw e;
        parallel = null;
        usedThreads = 1;
      }
    }
    table = parallel ?? (await streamCsvTable(info, plan, dialect, options));
    if (table.rows === 0) throw new UserError(`${info.path}: the file has a header row but no data records`);
    inputFacts = {
      splittable: info.compression === 'none',
      dialect: {
        delimiter: dialect.delimiter,
        quote: dialect.quote,
        header: dialect.header,
        lineEnding: plan.dialect.lineEnding,
        confidence: round3(plan.dialect.confidence),
        headerConfidence: round3(plan.dialect.headerConfidence),
        overridden: Object.keys(options.dialect ?? {}).sort(),
        encoding: plan.encoding.encoding,
        encodingConfidence: round3(plan.encoding.confidence),
        encodingSource: plan.encoding.source,
        bom: plan.encoding.bom,
      },
    };
  }
  return { table, inputFacts, usedThreads };
}

export async function profileFile(path: string, options: ProfileOptions): Promise<ProfileOutcome> {
  return profileFiles([path], options);
}

/**
 * Profiles one file, or several files as one table (a partitioned export). Files whose columns (names, in
 * order) agree with the first file's are profiled as one table, their rows numbered on across files in the
 * order given; a file that disagrees is left out and `input.files[].differences` says how it differs.
 */
export async function profileFiles(paths: string[], options: ProfileOptions): Promise<ProfileOutcome> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const t0 = performance.now();
  const files = await expandInputs(paths);
  const infos = await Promise.all(files.map((f) => inspectInput(f)));
  const first = infos[0]!;
  let reference: string[] | null = null;
  let merged: TableProfiler | null = null;
  let firstFacts: BuiltTable['inputFacts'] | null = null;
  let usedThreads = 1;
  const fileFacts: NonNullable<Report['input']['files']> = [];
  for (const info of infos) {
    const built = await buildTable(info, options);
    const header = built.table.header;
    const differences = reference === null ? null : schemaDifferences(reference, header);
    const included = differences === null;
    fileFacts.push({
      path: info.path,
      size: info.size,
      modifiedAt: info.modifiedAt,
      format: info.format,
      rows: built.table.rows,
      columns: header.length,
      included,
      differences,
    });
    if (!included) continue;
    usedThreads = Math.max(usedThreads, built.usedThreads);
    if (merged === null) {
      reference = header;
      merged = built.table;
      firstFacts = built.inputFacts;
    } else {
      // Row numbers continue across files, so --duplicates rows point into the concatenation.
      merged.merge(TableProfiler.fromJSON(rebaseTableState(built.table.toJSON(), merged.rows), options.rules));
    }
  }
  const table = merged!;
  const inputFacts = firstFacts!;
  const info = first;
  const path = paths.length === 1 ? paths[0]! : paths.join(' ');
  const totalSize = fileFacts.filter((f) => f.included).reduce((a, f) => a + f.size, 0);
  const asOf = options.asOf ?? new Date(info.modifiedAt);
  const result = table.finish(asOf);
  const { list: duplicateList, ...duplicates } = result.duplicates;
  maskBirthDates(result.columns);
  const report: Report = {
    reportVersion: REPORT_VERSION,
    tool: { name: 'dataready', version: TOOL_VERSION },
    input: {
      path,
      name: files.length === 1 ? basename(files[0]!) : `${fileFacts.filter((f) => f.included).length} files`,
      size: totalSize,
      modifiedAt: info.modifiedAt,
      format: info.format,
      compression: info.compression,
      ...inputFacts,
      ...(files.length > 1
        ? { files: fileFacts, schemaAgreement: { agree: fileFacts.every((f) => f.included), excluded: fileFacts.filter((f) => !f.included).length } }
        : {}),
    },
    rules: { path: options.rulesPath ?? null, sha256: rulesHash(options.rules) },
    table: { rows: result.rows, columns: result.columns.length, ragged: result.ragged, fingerprint: result.fingerprint },
    columns: result.columns as unknown as Report['columns'],
    duplicates: duplicates as unknown as Report['duplicates'],
    run: { startedAt: started.toISOString(), durationMs: Math.round(performance.now() - t0), threads: usedThreads },
  };
  report.scorecard = buildScorecard(report, scorecardRulesFrom(options.rules), { baseline: options.baseline ?? false });
  return { report, duplicateList };
}

/** The reference path: csv-parse as a stream, one record at a time, in this thread. */
async function streamCsvTable(info: InputInfo, plan: CsvPlan, dialect: CsvDialect, options: ProfileOptions): Promise<TableProfiler> {
  let table: TableProfiler | null = null;
  await streamCsv(info, plan.encoding.encoding, dialect, options.rules.limits.maxRecordBytes, {
    header: (names) => {
      table = new TableProfiler(names, options.rules);
    },
    record: (cells, rowNumber) => table!.addRow(cells, rowNumber),
  });
  const profiler = table as TableProfiler | null;
  if (profiler === null) throw new UserError(`${info.path}: no records found (the file holds only blank lines)`);
  return profiler;
}

/**
 * A birth date is personal data even as a column minimum or maximum: for a column the PII detector calls
 * date_of_birth, the range is kept to the year.
 */
function maskBirthDates(columns: { pii: { kind: string } | null; dates: { min: string | null; max: string | null } | null }[]): void {
  for (const c of columns) {
    if (c.pii?.kind !== 'date_of_birth' || !c.dates) continue;
    if (c.dates.min) c.dates.min = `${c.dates.min.slice(0, 4)}-**-**`;
    if (c.dates.max) c.dates.max = `${c.dates.max.slice(0, 4)}-**-**`;
  }
}

function shardRowStats(rows: number[]): { count: number; min: number; max: number; mean: number } {
  if (rows.length === 0) return { count: 0, min: 0, max: 0, mean: 0 };
  return { count: rows.length, min: Math.min(...rows), max: Math.max(...rows), mean: rows.reduce((a, b) => a + b, 0) / rows.length };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Hash of the effective rules (after merging over defaults), so a report says exactly what it measured with. */
export function rulesHash(rules: ProfileRules): string {
  return createHash('sha256').update(JSON.stringify(rules)).digest('hex');
}
