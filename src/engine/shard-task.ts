import type { ProfileRules } from '../config/rules.js';
import { fieldToString, CsvTokenizer, type CsvDialect as ByteDialect } from '../sources/csv-tokenizer.js';
import type { ByteRange } from '../sources/csv-split.js';
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { completeUtf8End } from '../sources/encoding.js';
import { UserError } from '../cli/errors.js';
import type { ColumnarShard } from '../sources/limits.js';
import type { InputInfo } from '../sources/input.js';
import { openColumnar, profileColumnarShard } from './columnar.js';
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
    const width = task.header.length;
    let row: string[] = new Array(width);
    let local = 0;
    const onRecord = (tok: CsvTokenizer) => {
      const n = tok.fieldCount;
      if (n !== row.length) row = new Array(n);
      for (let i = 0; i < n; i++) row[i] = fieldToString(tok, i);
      table.addRow(row, ++local);
    };
    await tokenizeUtf8Range(task.path, task.range, task.dialect, onRecord, task.rules.limits.maxRecordBytes);
    return { state: table.toJSON(), records: local, bytes: task.range.end - task.range.start };
  }
  const source = await openColumnar(task.info, { maxMemoryBytes: task.maxMemoryBytes });
  const table = await profileColumnarShard(source, task.shard, task.rules, task.info.path);
  return { state: table.toJSON(), records: table.rows, bytes: task.shard.byteLength };
}

const CHUNK = 1 << 20;

/**
 * Reads a record-aligned byte range in 1 MiB chunks into one reused buffer, checks each chunk is valid UTF-8
 * (the sniffer only saw the head of the file; the byte tokenizer would otherwise decode bad bytes to U+FFFD
 * silently) and feeds it to the tokenizer.
 */
async function tokenizeUtf8Range(
  path: string,
  range: ByteRange,
  dialect: ByteDialect,
  onRecord: (tok: CsvTokenizer) => void,
  maxRecordBytes: number,
): Promise<void> {
  const tok = new CsvTokenizer(dialect, { bom: range.start === 0, skipEmptyLines: true, maxRecordBytes, streamOffset: range.start });
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK + 4);
    let carry = 0; // bytes of an incomplete UTF-8 character kept at the front of buf
    let pos = range.start;
    while (pos < range.end) {
      const { bytesRead } = await fh.read(buf, carry, Math.min(CHUNK, range.end - pos), pos);
      if (bytesRead === 0) break;
      const filled = carry + bytesRead;
      const last = pos + bytesRead >= range.end;
      const end = last ? filled : completeUtf8End(buf.subarray(0, filled));
      const chunk = buf.subarray(0, end);
      if (!isUtf8(chunk)) throw invalidUtf8(path, pos - carry, chunk);
      tok.push(chunk, onRecord);
      // the tokenizer copies what it carries, so the tail can move to the front of the reused buffer
      buf.copy(buf, 0, end, filled);
      carry = filled - end;
      pos += bytesRead;
    }
    tok.end(onRecord);
  } finally {
    await fh.close();
  }
}

function invalidUtf8(path: string, chunkOffset: number, chunk: Buffer): UserError {
  let lo = 0;
  let hi = chunk.length;
  // the longest valid prefix ends at the first bad byte
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (isUtf8(chunk.subarray(0, completeUtf8End(chunk.subarray(0, mid))))) lo = mid;
    else hi = mid;
  }
  const at = completeUtf8End(chunk.subarray(0, lo));
  return new UserError(`${path}: invalid UTF-8 at byte ${chunkOffset + at}; pass --encoding (e.g. latin1) if the file is not UTF-8`);
}
