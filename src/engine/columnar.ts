import { UserError } from '../cli/errors.js';
import type { ProfileRules } from '../config/rules.js';
import { openArrow, readArrowShard } from '../sources/arrow.js';
import type { InputInfo } from '../sources/input.js';
import { SourceError, type ColumnarFile, type ColumnarOptions, type ColumnarShard, type OnColumnarBatch } from '../sources/limits.js';
import { openParquet, readParquetShard } from '../sources/parquet.js';
import { TableProfiler } from './table.js';

/**
 * Parquet and Arrow IPC inputs: open the file from its metadata (schema, row count, shards = row groups or
 * record batches), then profile shard by shard. Each shard is independent, so the parallel engine can hand
 * them to workers; here they are read in order.
 */
export interface ColumnarSource {
  file: ColumnarFile;
  readShard(shard: ColumnarShard, onBatch: OnColumnarBatch): Promise<void>;
}

export async function openColumnar(info: InputInfo, opts: ColumnarOptions): Promise<ColumnarSource> {
  try {
    if (info.format === 'parquet') {
      const file = await openParquet(info.path, opts);
      return { file, readShard: (shard, onBatch) => readParquetShard(info.path, shard, opts, onBatch) };
    }
    const file = await openArrow(info.path, opts);
    return { file, readShard: (shard, onBatch) => readArrowShard(info.path, shard, opts, onBatch) };
  } catch (e) {
    throw sourceToUserError(info.path, e);
  }
}

export function sourceToUserError(path: string, e: unknown): Error {
  if (e instanceof UserError) return e;
  if (e instanceof SourceError) return new UserError(`${path}: ${e.message}`);
  return e as Error;
}

/**
 * Profiles one shard of a columnar file into a fresh TableProfiler (rows transposed from column batches).
 * Row numbers are local to the shard (1-based); the ordered merge rebases them.
 */
export async function profileColumnarShard(
  source: ColumnarSource,
  shard: ColumnarShard,
  rules: ProfileRules,
  path: string,
): Promise<TableProfiler> {
  const names = source.file.schema.columns.map((c) => c.name);
  const table = new TableProfiler(names, rules);
  const row: (string | null)[] = new Array(names.length).fill(null);
  try {
    await source.readShard(shard, (columns, rowStart) => {
      const n = columns[0]?.length ?? 0;
      for (let r = 0; r < n; r++) {
        for (let c = 0; c < columns.length; c++) row[c] = columns[c]![r] ?? null;
        table.addRow(row, rowStart - shard.rowStart + r + 1);
      }
    });
  } catch (e) {
    throw sourceToUserError(path, e);
  }
  return table;
}
