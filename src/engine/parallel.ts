import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { UserError } from '../cli/errors.js';
import type { ProfileRules } from '../config/rules.js';
import { CsvDeclinedError, CsvTokenizer, recordToStrings, type CsvDialect as ByteDialect } from '../sources/csv-tokenizer.js';
import { detectSourceRecordDelimiter, FileByteSource, csvDataStart, splitCsv } from '../sources/csv-split.js';
import { rebaseTableState } from './rebase.js';
import { runShard, type ShardTask } from './shard-task.js';
import { TableProfiler } from './table.js';
import type { WorkerReply } from './worker.js';

/**
 * The parallel engine: the main thread cuts the input into shards, a piscina pool of worker threads
 * profiles them, and the main thread merges the returned states strictly in shard order.
 *
 * Shards are a property of the file, never of the thread count: CSV byte ranges of SHARD_BYTES (record
 * aligned), Parquet row groups, Arrow record batches. So `--threads 1` and `--threads 8` run the very same
 * merges in the very same order, and the report is byte-identical. Backpressure: at most 2 × threads shards
 * are in flight, and a finished shard waits only for its predecessors, so memory is bounded by the pool, not
 * by the file.
 */
export const SHARD_BYTES = shardBytesFromEnv() ?? 32 * 1024 * 1024;

/** DATAREADY_SHARD_BYTES lets the tests cut small files into many shards; it is not a tuning knob. */
function shardBytesFromEnv(): number | null {
  const v = Number(process.env.DATAREADY_SHARD_BYTES);
  return Number.isInteger(v) && v >= 4096 ? v : null;
}

/**
 * A worker's young generation, in MB (V8's default on this machine kind is 48: 16 MB semi-spaces). 12 took
 * 40–80 MB off the peak at 1M rows (session 3), but the workers then spent 12 % of their time in GC. 32
 * cost 7 % less CPU at 1M rows: the median pair ratio over 9 alternated pairs was 0.92, lower in 7 of 9.
 * It holds 50–70 MB more at 1M rows and 830–864 MB at 5M against 804 (bench/RESULTS.md, session 4).
 * 64 was no better than 32.
 */
const WORKER_YOUNG_GENERATION_MB = 32;

export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

export interface Progress {
  (done: { bytes: number; records: number; shards: number; totalShards: number }): void;
}

export class DeclinedError extends Error {}

export async function runShards(
  tasks: ShardTask[],
  header: string[],
  rules: ProfileRules,
  threads: number,
  progress?: Progress,
): Promise<TableProfiler> {
  const table = new TableProfiler(header, rules);
  let offset = 0;
  let bytes = 0;
  let shards = 0;
  const absorb = (reply: WorkerReply) => {
    if (!reply.ok) {
      if (reply.declined) throw new DeclinedError(reply.message);
      if (reply.user) throw new UserError(reply.message);
      const err = new Error(reply.message);
      err.stack = reply.stack;
      throw err;
    }
    const { state, records } = reply.result;
    table.merge(TableProfiler.fromJSON(rebaseTableState(state, offset), rules));
    offset += records;
    bytes += reply.result.bytes;
    shards++;
    progress?.({ bytes, records: offset, shards, totalShards: tasks.length });
  };

  if (threads <= 1 || tasks.length <= 1) {
    const { profileShard } = await import('./worker.js');
    for (const task of tasks) absorb(await profileShard(task));
    return table;
  }

  const pool = new Piscina({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: Math.min(threads, tasks.length),
    maxThreads: Math.min(threads, tasks.length),
    idleTimeout: 1000,
    // Caps only the young generation (semi-spaces), which objects leave by promotion, never by failing: it
    // cannot turn a big file into an out-of-memory error, unlike an old-generation cap (size: see above).
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  try {
    const window = threads * 2;
    const pending: Promise<WorkerReply>[] = [];
    let next = 0;
    const submit = () => {
      while (next < tasks.length && pending.length < window) pending.push(pool.run(tasks[next++]) as Promise<WorkerReply>);
    };
    submit();
    while (pending.length > 0) {
      const reply = await pending.shift()!;
      absorb(reply);
      submit();
    }
    return table;
  } finally {
    await pool.destroy();
  }
}

/** What the main thread learns from a CSV's head before cutting it: header, where data starts, dialect. */
export interface CsvLayout {
  header: string[];
  dataStart: number;
  dialect: ByteDialect;
  size: number;
}

/**
 * Reads the header record with the byte tokenizer and finds where the second record starts. Returns null
 * when the file has no record after the header (the caller reports it), and throws DeclinedError for
 * what the fast path does not read (UTF-16 BOM, non-ASCII delimiter).
 */
export function csvLayout(path: string, delimiter: string, quote: string, hasHeader: boolean, maxRecordBytes: number): CsvLayout | null {
  if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 127 || quote.length !== 1 || quote.charCodeAt(0) > 127) {
    throw new DeclinedError('non-ASCII delimiter or quote');
  }
  const src = new FileByteSource(path);
  try {
    let start: number;
    try {
      start = csvDataStart(src);
    } catch (e) {
      if (e instanceof CsvDeclinedError) throw new DeclinedError(e.message);
      throw e;
    }
    const d = delimiter.charCodeAt(0);
    const q = quote.charCodeAt(0);
    const dialect: ByteDialect = { delimiter: d, quote: q, recordDelimiter: detectSourceRecordDelimiter(src, d, q) };
    let header: string[] | null = null;
    let dataStart = -1;
    const STOP = Symbol('stop');
    for (let len = 1 << 16; ; len *= 4) {
      const head = Buffer.from(src.read(start, len));
      const tok = new CsvTokenizer(dialect, { bom: false, skipEmptyLines: true, streamOffset: start, maxRecordBytes });
      header = null;
      try {
        tok.tokenize(head, 0, head.length, (t) => {
          if (header === null) {
            header = recordToStrings(t);
            if (!hasHeader) {
              dataStart = t.recordOffset;
              throw STOP;
            }
            return;
          }
          dataStart = t.recordOffset;
          throw STOP;
        });
      } catch (e) {
        if (e !== STOP) {
          if (e instanceof CsvDeclinedError && start + head.length < src.size) continue; // cut mid-record: read more
          if (e instanceof CsvDeclinedError) throw new DeclinedError(e.message);
          throw e;
        }
      }
      if (dataStart >= 0 || start + head.length >= src.size || len > maxRecordBytes) break;
    }
    if (header === null || dataStart < 0) return null;
    const names = hasHeader ? (header as string[]) : (header as string[]).map((_, i) => `column_${i + 1}`);
    return { header: names, dataStart, dialect, size: src.size };
  } finally {
    src.close();
  }
}

export function csvTasks(path: string, layout: CsvLayout, rules: ProfileRules): ShardTask[] {
  const src = new FileByteSource(path);
  try {
    const parts = Math.max(1, Math.ceil((layout.size - layout.dataStart) / SHARD_BYTES));
    const { ranges } = splitCsv(src, parts, layout.dialect, { dataStart: layout.dataStart });
    return ranges.map((range) => ({ kind: 'csv' as const, path, range, dialect: layout.dialect, header: layout.header, rules }));
  } finally {
    src.close();
  }
}

export { runShard };
