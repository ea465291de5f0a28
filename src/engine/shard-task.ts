import type { ProfileRules } from '../config/rules.js';
import type { CsvTokenizer, CsvDialect as ByteDialect } from '../sources/csv-tokenizer.js';
import { RowCells } from '../metrics/row-cells.js';
import { InvalidUtf8Error, tokenizeFileRange, type ByteRange } from '../sources/csv-split.js';
import { UserError } from '../cli/errors.js';
import type { ColumnarShard } from '../sources/limits.js';
import type { InputInfo } from '../sources/input.js';
import { TableProfiler, type TableState } from './table.js';

/**
 * One unit of work for a worker thread: a record-aligned byte range of a CSV file, or one Parquet row group /
 * Arrow record batch. The worker returns plain TableState with row numbers local to the shard (1-based);
 * the main thread rebases them when it merges shards in order, since it alone knows how many records came
 * before.
 */
export type ShardTask =
  | {
      kind: 'csv';
      path: string;
      range: ByteRange;
      dialect: ByteDialect;
      header: string[];
      rules: ProfileRules;
    }
  | {
      kind: 'columnar';
      info: InputInfo;
      shard: ColumnarShard;
      maxMemoryBytes: number | undefined;
      rules: ProfileRules;
    };

export interface ShardResult {
  state: TableState;
  /** Records in the shard (CSV) or rows (columnar). */
  records: number;
  bytes: number;
}

export async function runShard(task: ShardTask): Promise<ShardResult> {
  if (task.kind === 'csv') {
    const table = new TableProfiler(task.header, task.rules);
    const row = new RowCells();
    let local = 0;
    // cells are hashed from their bytes and decoded only where a consumer needs the text (row-cells.ts)
    const onRecord = (tok: CsvTokenizer) => table.addRowCells(row.fromRecord(tok), ++local);
    try {
      // the sniffer saw only the head of the file: every read is checked, or bad bytes would become U+FFFD
      await tokenizeFileRange(task.path, task.range, task.dialect, onRecord, {
        skipEmptyLines: true,
        maxRecordBytes: task.rules.limits.maxRecordBytes,
        validateUtf8: true,
      });
    } catch (e) {
      if (e instanceof InvalidUtf8Error) {
        throw new UserError(`${task.path}: invalid UTF-8 at byte ${e.byteOffset}; pass --encoding (e.g. latin1) if the file is not UTF-8`);
      }
      throw e;
    }
    return { state: table.toJSON(), records: local, bytes: task.range.end - task.range.start };
  }
  // Loaded on first use: apache-arrow and hyparquet cost every worker of a CSV run compile time for nothing.
  const { openColumnar, profileColumnarShard } = await import('./columnar.js');
  const source = await openColumnar(task.info, { maxMemoryBytes: task.maxMemoryBytes });
  const table = await profileColumnarShard(source, task.shard, task.rules, task.info.path);
  return { state: table.toJSON(), records: table.rows, bytes: task.shard.byteLength };
}
