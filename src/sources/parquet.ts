/**
 * Parquet source: row groups are the shards. Built on hyparquet (pure JS) with hyparquet-compressors
 * (snappy, gzip, zstd, brotli, lz4 hadoop/raw).
 *
 * - The file is read through a FileHandle-backed AsyncBuffer: only the footer, then one row group's column
 *   chunks, are ever in memory; the file is never buffered whole.
 * - Memory limit (`maxMemoryBytes`, default 1 GiB, CLI `--max-memory`): before a row group is read, the
 *   uncompressed sizes its column chunks declare are checked against the limit; while it is read, every page's
 *   declared uncompressed size is checked before its decompressor runs (a second running total, so lying
 *   metadata is caught too), and every decompressor writes into a buffer of exactly the declared size.
 *   The decoded JS values of a row group take roughly 1–4× its uncompressed bytes on top.
 * - Encrypted files (PARE footer, or encrypted column metadata under a plaintext footer) are refused:
 *   `unsupported: encrypted Parquet file`.
 * - Flat columns are converted to text by our own code (values.ts) from the raw physical values, so
 *   decimals stay exact and timestamps keep their micro/nanoseconds; nested columns use hyparquet's assembly
 *   and are shown as compact JSON.
 */
import { open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { parquetMetadataAsync, parquetSchema } from 'hyparquet';
import type { AsyncBuffer, ColumnData, ColumnMetaData, Compressors, FileMetaData, PageHeader, ParquetReadOptions, SchemaElement, SchemaTree } from 'hyparquet';
import { prepareParquetRead, readParquetPlan } from 'hyparquet/src/scan.js';
import { assembleAsync } from 'hyparquet/src/rowgroup.js';
import { parquetHeader } from 'hyparquet/src/column.js';
import { compressors as baseCompressors } from 'hyparquet-compressors';
import {
  DEFAULT_BATCH_ROWS,
  DEFAULT_MAX_MEMORY_BYTES,
  MemoryBudget,
  MemoryLimitError,
  SourceError,
  UnsupportedError,
  asSourceError,
  decompressZstdInto,
  ConsumerError,
  deliver,
  unwrap,
} from './limits.js';
import type { ColumnarColumn, ColumnarFile, ColumnarOptions, ColumnarShard, OnColumnarBatch, TextForm } from './limits.js';
import {
  bigintFromBigEndian,
  formatBinary,
  formatDateFromDays,
  formatDecimal,
  formatFloat32,
  formatTimeOfDay,
  formatTimestamp,
  toCell,
} from './values.js';
import type { TimeUnitName } from './values.js';

type Cell = string | null;

// ---------------------------------------------------------------------------------------------------------
// File access

interface OpenedFile {
  buffer: AsyncBuffer;
  close(): Promise<void>;
}

async function openFile(path: string): Promise<OpenedFile> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new SourceError(`cannot open file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const { size } = await handle.stat();
  const buffer: AsyncBuffer = {
    byteLength: size,
    async slice(start: number, end?: number): Promise<ArrayBuffer> {
      const stop = Math.min(end ?? size, size);
      if (!(start >= 0) || start > stop) throw new SourceError(`corrupt file: byte range ${start}–${end} is outside the file (${size} bytes)`);
      const bytes = new Uint8Array(stop - start);
      let filled = 0;
      while (filled < bytes.length) {
        const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, start + filled);
        if (bytesRead === 0) throw new SourceError(`file shrank while being read (at byte ${start + filled})`);
        filled += bytesRead;
      }
      return bytes.buffer;
    },
  };
  return { buffer, close: () => handle.close() };
}

// A worker reads many row groups of one file: keep the parsed footers of the last few files.
const metadataCache = new Map<string, FileMetaData>();
const METADATA_CACHE_SIZE = 4;

async function readMetadata(path: string, buffer: AsyncBuffer): Promise<FileMetaData> {
  const st = await stat(path);
  const key = `${path}\u0000${st.size}\u0000${st.mtimeMs}`;
  const cached = metadataCache.get(key);
  if (cached) return cached;
  const metadata = await parseMetadata(buffer);
  metadataCache.set(key, metadata);
  if (metadataCache.size > METADATA_CACHE_SIZE) metadataCache.delete(metadataCache.keys().next().value as string);
  return metadata;
}

async function parseMetadata(buffer: AsyncBuffer): Promise<FileMetaData> {
  if (buffer.byteLength < 12) throw new SourceError(`not a Parquet file: ${buffer.byteLength} bytes is too short`);
  const head = new Uint8Array(await buffer.slice(0, 4));
  const tail = new Uint8Array(await buffer.slice(buffer.byteLength - 4));
  const headMagic = String.fromCharCode(...head);
  const tailMagic = String.fromCharCode(...tail);
  if (tailMagic === 'PARE' || headMagic === 'PARE') throw new UnsupportedError('encrypted Parquet file');
  if (tailMagic !== 'PAR1') throw new SourceError('not a Parquet file: no PAR1 magic at the end of the file');
  if (headMagic !== 'PAR1') throw new SourceError('not a Parquet file: no PAR1 magic at the start of the file');
  const footerLength = new DataView(await buffer.slice(buffer.byteLength - 8, buffer.byteLength - 4)).getUint32(0, true);
  if (footerLength > buffer.byteLength - 12) throw new SourceError(`corrupt file: footer length ${footerLength} exceeds the file`);
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(buffer, { parsers: PARSERS });
  } catch (error) {
    throw asSourceError(error, 'Parquet footer (metadata is corrupt)');
  }
  validateMetadata(metadata);
  return metadata;
}

function validateMetadata(metadata: FileMetaData): void {
  if (!Array.isArray(metadata.schema) || metadata.schema.length === 0) throw new SourceError('corrupt file: Parquet footer has no schema');
  if (!Array.isArray(metadata.row_groups)) throw new SourceError('corrupt file: Parquet footer has no row groups list');
  for (const [g, group] of metadata.row_groups.entries()) {
    const rows = Number(group.num_rows);
    if (!Number.isSafeInteger(rows) || rows < 0) throw new SourceError(`corrupt file: row group ${g} declares ${group.num_rows} rows`);
    for (const chunk of group.columns ?? []) {
      if (chunk.crypto_metadata || chunk.encrypted_column_metadata) throw new UnsupportedError('encrypted Parquet file');
      if (chunk.file_path) throw new UnsupportedError(`Parquet column chunk stored in another file (${JSON.stringify(chunk.file_path.slice(0, 80))})`);
      if (!chunk.meta_data) throw new SourceError(`corrupt file: row group ${g} has a column chunk without metadata`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Schema: one Cell column per top-level field, and how each one's values become text

type Converter = (value: unknown) => Cell;

interface ColumnPlan {
  column: ColumnarColumn;
  /** Annotations hyparquet must not apply because we convert the raw physical value ourselves. */
  strip: boolean;
  convert: Converter;
}

function unitName(unit: string | undefined): TimeUnitName {
  return unit === 'NANOS' ? 'ns' : unit === 'MICROS' ? 'us' : 'ms';
}

function describeLogical(element: SchemaElement): string | undefined {
  const lt = element.logical_type;
  if (lt) {
    switch (lt.type) {
      case 'DECIMAL':
        return `DECIMAL(${lt.precision},${lt.scale})`;
      case 'TIMESTAMP':
      case 'TIME':
        return `${lt.type}(${lt.unit}${lt.isAdjustedToUTC ? ',UTC' : ''})`;
      case 'INTEGER':
        return `INTEGER(${lt.bitWidth},${lt.isSigned ? 'signed' : 'unsigned'})`;
      default:
        return lt.type;
    }
  }
  if (element.converted_type === 'DECIMAL') return `DECIMAL(${element.precision ?? '?'},${element.scale ?? 0})`;
  return element.converted_type;
}

function planColumn(node: SchemaTree): ColumnPlan {
  const element = node.element;
  const column = (textForm: TextForm): ColumnarColumn => ({
    name: element.name,
    physicalType: node.children.length ? 'GROUP' : element.type ?? 'UNKNOWN',
    logicalType: describeLogical(element),
    nullable: element.repetition_type !== 'REQUIRED',
    textForm,
  });
  if (node.children.length || element.repetition_type === 'REPEATED') {
    return { column: column('json'), strip: false, convert: toCell };
  }
  const lt = element.logical_type;
  const ct = element.converted_type;
  const type = element.type;

  if (lt?.type === 'DECIMAL' || ct === 'DECIMAL') {
    const scale = lt?.type === 'DECIMAL' ? lt.scale : element.scale ?? 0;
    return {
      column: column('decimal'),
      strip: true,
      convert: v => {
        if (v === null || v === undefined) return null;
        if (v instanceof Uint8Array) return formatDecimal(bigintFromBigEndian(v), scale);
        return formatDecimal(typeof v === 'bigint' ? v : BigInt(v as number), scale);
      },
    };
  }
  if (lt?.type === 'DATE' || ct === 'DATE') {
    // not stripped: hyparquet converts DATE through PARSERS.dateFromDays, once per dictionary entry
    return {
      column: column('date'),
      strip: false,
      convert: v => (v === null || v === undefined ? null : typeof v === 'string' ? v : formatDateFromDays(Number(v))),
    };
  }
  if (lt?.type === 'TIMESTAMP' || ct === 'TIMESTAMP_MILLIS' || ct === 'TIMESTAMP_MICROS') {
    const unit = lt?.type === 'TIMESTAMP' ? unitName(lt.unit) : ct === 'TIMESTAMP_MICROS' ? 'us' : 'ms';
    // converted types TIMESTAMP_* are defined as UTC instants
    const utc = lt?.type === 'TIMESTAMP' ? lt.isAdjustedToUTC : true;
    return {
      column: column('timestamp'),
      strip: true,
      convert: v => (v === null || v === undefined ? null : formatTimestamp(v as bigint | number, unit, utc)),
    };
  }
  if (lt?.type === 'TIME' || ct === 'TIME_MILLIS' || ct === 'TIME_MICROS') {
    const unit = lt?.type === 'TIME' ? unitName(lt.unit) : ct === 'TIME_MICROS' ? 'us' : 'ms';
    return { column: column('time'), strip: true, convert: v => (v === null || v === undefined ? null : formatTimeOfDay(v as bigint | number, unit)) };
  }
  if (ct === 'INTERVAL' || lt?.type === 'INTERVAL') {
    return {
      column: column('json'),
      strip: true,
      convert: v => {
        if (!(v instanceof Uint8Array) || v.length !== 12) return v === null || v === undefined ? null : toCell(v);
        const dv = new DataView(v.buffer, v.byteOffset, 12);
        return `{"months":${dv.getUint32(0, true)},"days":${dv.getUint32(4, true)},"milliseconds":${dv.getUint32(8, true)}}`;
      },
    };
  }
  if (ct === 'BSON' || lt?.type === 'BSON') return { column: column('binary'), strip: true, convert: toCell };
  if (ct === 'JSON' || ct === 'UTF8' || ct === 'ENUM' || lt?.type === 'STRING' || lt?.type === 'JSON' || lt?.type === 'ENUM') {
    // not stripped: hyparquet decodes text through PARSERS once per dictionary entry, not once per cell
    return { column: column(ct === 'JSON' || lt?.type === 'JSON' ? 'json' : 'string'), strip: false, convert: toCell };
  }
  if (type === 'INT96') return { column: column('timestamp'), strip: false, convert: toCell };
  if (type === 'BOOLEAN') return { column: column('boolean'), strip: false, convert: toCell };
  if (type === 'FLOAT') return { column: column('float'), strip: false, convert: v => (typeof v === 'number' ? formatFloat32(v) : toCell(v)) };
  if (type === 'DOUBLE' || lt?.type === 'FLOAT16') return { column: column('float'), strip: false, convert: toCell };
  if (type === 'INT32' || type === 'INT64') return { column: column('integer'), strip: false, convert: toCell };
  if (lt?.type === 'UUID') return { column: column('string'), strip: false, convert: toCell };
  if (lt?.type === 'GEOMETRY' || lt?.type === 'GEOGRAPHY' || lt?.type === 'VARIANT') return { column: column('json'), strip: false, convert: toCell };
  if (type === 'BYTE_ARRAY' || type === 'FIXED_LEN_BYTE_ARRAY') return { column: column('binary'), strip: false, convert: toCell };
  return { column: column('other'), strip: false, convert: toCell };
}

// Values hyparquet converts itself (nested leaves, INT96, unannotated byte arrays) use these, so every
// path ends in the forms values.ts documents. Timestamps here carry no zone: INT96 is zone-less by
// convention and nested leaves do not tell the parser their zone flag.
const PARSERS = {
  timestampFromMilliseconds: (v: bigint) => formatTimestamp(v, 'ms', false),
  timestampFromMicroseconds: (v: bigint) => formatTimestamp(v, 'us', false),
  timestampFromNanoseconds: (v: bigint) => formatTimestamp(v, 'ns', false),
  dateFromDays: (days: number) => formatDateFromDays(days),
  stringFromBytes: (bytes: Uint8Array) => (bytes ? formatBinary(bytes) : bytes),
  // keep JSON as its text: parsing it would cost time and could put a value into an error message
  jsonFromBytes: (bytes: Uint8Array) => (bytes ? formatBinary(bytes) : bytes),
};

function describeSchema(metadata: FileMetaData): { tree: SchemaTree; plans: ColumnPlan[] } {
  let tree: SchemaTree;
  try {
    tree = parquetSchema(metadata);
  } catch (error) {
    throw asSourceError(error, 'Parquet schema');
  }
  return { tree, plans: tree.children.map(planColumn) };
}

/** A copy of the metadata whose stripped leaves carry no annotation, so hyparquet hands over raw values. */
function stripAnnotations(metadata: FileMetaData, tree: SchemaTree, plans: ColumnPlan[]): FileMetaData {
  const stripped = new Set<SchemaElement>();
  tree.children.forEach((child, i) => {
    if (plans[i].strip) stripped.add(child.element);
  });
  if (!stripped.size) return metadata;
  const schema = metadata.schema.map(element => {
    if (!stripped.has(element)) return element;
    const copy: SchemaElement = { ...element };
    delete copy.converted_type;
    delete copy.logical_type;
    return copy;
  });
  return { ...metadata, schema };
}

// ---------------------------------------------------------------------------------------------------------
// Decompressors behind the memory budget

function budgetedCompressors(budget: MemoryBudget): Compressors {
  const guard =
    (name: string, decompress: (input: Uint8Array, outputLength: number) => Uint8Array) =>
    (input: Uint8Array, outputLength: number): Uint8Array => {
      budget.reserve(outputLength, `decompressing a ${name} page`);
      return decompress(input, outputLength);
    };
  return {
    SNAPPY: guard('SNAPPY', baseCompressors.SNAPPY!),
    GZIP: guard('GZIP', baseCompressors.GZIP!),
    BROTLI: guard('BROTLI', baseCompressors.BROTLI!),
    LZ4: guard('LZ4', baseCompressors.LZ4!),
    LZ4_RAW: guard('LZ4_RAW', baseCompressors.LZ4_RAW!),
    // the stock ZSTD entry lets fzstd size its own output from the frame header; ours gets the declared size
    ZSTD: guard('ZSTD', decompressZstdInto),
  };
}

function codecsOf(metadata: FileMetaData): string[] {
  const codecs = new Set<string>();
  for (const group of metadata.row_groups) for (const chunk of group.columns) if (chunk.meta_data) codecs.add(chunk.meta_data.codec);
  return [...codecs].sort();
}

// ---------------------------------------------------------------------------------------------------------
// Public API

/** Read the footer: schema, row count, one shard per non-empty row group. Reads no data pages. */
export async function openParquet(path: string, opts: ColumnarOptions = {}): Promise<ColumnarFile> {
  try {
    return await openParquetUnguarded(path, opts);
  } catch (error) {
    throw unwrap(mapHyparquetError(error, 'Parquet metadata'));
  }
}

async function openParquetUnguarded(path: string, _opts: ColumnarOptions): Promise<ColumnarFile> {
  const file = await openFile(path);
  try {
    const metadata = await readMetadata(path, file.buffer);
    const { plans } = describeSchema(metadata);
    const shards: ColumnarShard[] = [];
    let rowStart = 0;
    metadata.row_groups.forEach((group, unit) => {
      const rowCount = Number(group.num_rows);
      let byteLength = 0;
      for (const chunk of group.columns) byteLength += Number(chunk.meta_data?.total_compressed_size ?? 0);
      if (rowCount > 0) shards.push({ index: shards.length, rowStart, rowCount, unit, byteLength });
      rowStart += rowCount;
    });
    // The footer's num_rows can disagree with its row groups (parquet-testing repeated_no_annotation.parquet
    // says 0 and holds 6); the row groups are what gets read, so they are the count.
    return {
      schema: {
        format: 'parquet',
        columns: plans.map(p => p.column),
        createdBy: metadata.created_by,
        units: metadata.row_groups.length,
        codecs: codecsOf(metadata),
      },
      rows: rowStart,
      shards,
    };
  } finally {
    await file.close();
  }
}

/**
 * Read one row group and hand it to `onBatch` column-major, in slices of `batchRows` rows.
 * Independent of every other shard: a worker can call it with only the path and the shard.
 */
export async function readParquetShard(path: string, shard: ColumnarShard, opts: ColumnarOptions, onBatch: OnColumnarBatch): Promise<void> {
  try {
    await readParquetShardUnguarded(path, shard, opts, onBatch);
  } catch (error) {
    throw unwrap(mapHyparquetError(error, `row group ${shard.unit}`));
  }
}

async function readParquetShardUnguarded(path: string, shard: ColumnarShard, opts: ColumnarOptions, onBatch: OnColumnarBatch): Promise<void> {
  const limit = opts.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES;
  const batchRows = Math.max(1, opts.batchRows ?? DEFAULT_BATCH_ROWS);
  const file = await openFile(path);
  try {
    const metadata = await readMetadata(path, file.buffer);
    const group = metadata.row_groups[shard.unit];
    if (!group) throw new SourceError(`row group ${shard.unit} does not exist`);
    const groupStart = metadata.row_groups.slice(0, shard.unit).reduce((n, g) => n + Number(g.num_rows), 0);
    const rowCount = Number(group.num_rows);
    if (groupStart !== shard.rowStart || rowCount !== shard.rowCount) throw new SourceError(`row group ${shard.unit} does not match its shard (file changed?)`);

    // declared sizes first: nothing is read or decompressed when the row group cannot fit
    const declared = new MemoryBudget(limit);
    const { tree, plans } = describeSchema(metadata);
    declared.reserve(rowCount * group.columns.length * 8, `row group ${shard.unit} (${rowCount} rows × ${group.columns.length} columns of decoded values)`);
    const ranges = group.columns.map(chunk => {
      const meta = chunk.meta_data!;
      const where = `row group ${shard.unit}, column ${meta.path_in_schema.join('.')}`;
      declared.reserve(Number(meta.total_uncompressed_size), `${where} (declared uncompressed size)`);
      declared.reserve(Number(meta.total_compressed_size), `${where} (compressed size)`);
      const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
      const end = start + Number(meta.total_compressed_size);
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end > file.buffer.byteLength || end < start) {
        throw new SourceError(`corrupt file: ${where} lies outside the file (bytes ${start}–${end} of ${file.buffer.byteLength})`);
      }
      return { start, end, meta, where };
    });

    // read the row group's bytes once, check every page header against the metadata, then decode from memory;
    // a little slack past the last chunk lets the page walk see pages old writers left out of the chunk size
    const spanStart = ranges.length ? Math.min(...ranges.map(r => r.start)) : 0;
    const declaredEnd = ranges.length ? Math.max(...ranges.map(r => r.end)) : 0;
    const spanEnd = Math.min(file.buffer.byteLength, declaredEnd + CHUNK_SLACK_BYTES);
    const span = new Uint8Array(await file.buffer.slice(spanStart, spanEnd));
    const actualSizes = ranges.map(r => checkPages(span.subarray(r.start - spanStart), r.end - r.start, r.meta, limit, r.where));
    const inMemory: AsyncBuffer = {
      byteLength: file.buffer.byteLength,
      slice(start: number, end?: number) {
        const stop = end ?? file.buffer.byteLength;
        if (start >= spanStart && stop <= spanEnd) {
          return start === spanStart && stop === spanEnd ? span.buffer : span.buffer.slice(start - spanStart, stop - spanStart);
        }
        return file.buffer.slice(start, end);
      },
    };
    const readMetadataCopy = withChunkSizes(stripAnnotations(metadata, tree, plans), shard.unit, actualSizes);

    const names = plans.map(p => p.column.name);
    const chunks = new Map<string, ColumnData[]>();
    for (const name of names) chunks.set(name, []);
    await decodeRowGroup(
      {
        file: inMemory,
        metadata: readMetadataCopy,
        rowStart: shard.rowStart,
        rowEnd: shard.rowStart + rowCount,
        compressors: budgetedCompressors(new MemoryBudget(limit)),
        parsers: PARSERS,
        // raw bytes for unannotated BYTE_ARRAY (and our stripped decimals); values.ts decides text vs hex
        utf8: false,
      },
      tree,
      chunk => chunks.get(chunk.columnName)?.push(chunk),
    );

    // column chunks arrive as runs; each must cover exactly the row group
    const runs = names.map(name => {
      const list = (chunks.get(name) ?? []).sort((a, b) => a.rowStart - b.rowStart);
      let covered = 0;
      for (const run of list) {
        if (run.rowStart !== groupStart + covered) throw new SourceError(`corrupt file: row group ${shard.unit}, column ${name}: values do not line up with rows`);
        covered += run.columnData.length;
      }
      if (covered !== rowCount) {
        throw new SourceError(`corrupt file: row group ${shard.unit}, column ${name} has ${covered} values for ${rowCount} rows`);
      }
      return list;
    });

    emitSlices(runs, plans, groupStart, rowCount, batchRows, onBatch);
  } finally {
    await file.close();
  }
}

/**
 * hyparquet's parquetRead, minus one hazard: it leaves the promises of leaf columns that are not top-level
 * schema children unobserved, and a hostile file then ends the process with an unhandled rejection.
 * Here every promise is observed and the first failure is thrown.
 */
async function decodeRowGroup(options: ParquetReadOptions, tree: SchemaTree, onChunk: (chunk: ColumnData) => void): Promise<void> {
  const prepared = await prepareParquetRead(options);
  const groups = readParquetPlan(prepared.options, prepared.plan);
  const pending: Promise<unknown>[] = [];
  for (const group of groups) for (const column of group.asyncColumns) pending.push(column.data);
  const assembled = groups.map(group => assembleAsync(group, tree, options.parsers));
  for (const group of assembled) {
    for (const column of group.asyncColumns) {
      pending.push(
        column.data.then(({ data, skipped }) => {
          let rowStart = group.groupStart + skipped;
          for (const columnData of data) {
            onChunk({ columnName: column.pathInSchema[0], columnData, rowStart, rowEnd: rowStart + columnData.length });
            rowStart += columnData.length;
          }
        }),
      );
    }
  }
  const results = await Promise.allSettled(pending);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Walk a column chunk's page headers before hyparquet decodes it: hyparquet sizes its arrays from the
 * headers, and a header claiming millions of values in a tiny page makes V8 abort the process (an
 * "invalid size" fatal error, which no try/catch sees). Every page must fit in the chunk, every size be
 * sane, and the pages together hold no more values than the chunk metadata declares.
 */
function checkPages(bytes: Uint8Array, declaredBytes: number, meta: ColumnMetaData, limit: number, where: string): number {
  const declaredValues = Number(meta.num_values);
  if (!Number.isSafeInteger(declaredValues) || declaredValues < 0) throw new SourceError(`corrupt file: ${where} declares ${meta.num_values} values`);
  if (declaredValues * 8 > limit) throw new MemoryLimitError(`${where} (${declaredValues} values)`, declaredValues * 8, limit);
  const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
  let values = 0;
  while (reader.offset < Math.min(bytes.length, declaredBytes) && values < declaredValues) {
    const at = reader.offset;
    let header: PageHeader;
    try {
      header = parquetHeader(reader);
    } catch (error) {
      throw new SourceError(`corrupt file: ${where}: unreadable page header at chunk offset ${at} (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    }
    const compressed = header.compressed_page_size;
    const uncompressed = header.uncompressed_page_size;
    if (!Number.isSafeInteger(compressed) || compressed < 0 || reader.offset + compressed > Math.min(bytes.length, declaredBytes + CHUNK_SLACK_BYTES)) {
      throw new SourceError(`corrupt file: ${where}: page at chunk offset ${at} declares ${compressed} bytes, past the end of the column chunk`);
    }
    if (!Number.isSafeInteger(uncompressed) || uncompressed < 0) throw new SourceError(`corrupt file: ${where}: page at chunk offset ${at} declares an uncompressed size of ${uncompressed}`);
    if (uncompressed > limit) throw new MemoryLimitError(`${where}, page at chunk offset ${at}`, uncompressed, limit);
    const counts: unknown[] = [];
    if (header.type === 'DATA_PAGE') {
      counts.push(header.data_page_header?.num_values);
      values += Number(header.data_page_header?.num_values);
    } else if (header.type === 'DATA_PAGE_V2') {
      const v2 = header.data_page_header_v2;
      counts.push(v2?.num_values, v2?.num_rows, v2?.num_nulls, v2?.definition_levels_byte_length, v2?.repetition_levels_byte_length);
      if (v2 && v2.definition_levels_byte_length + v2.repetition_levels_byte_length > Math.min(compressed, uncompressed)) {
        throw new SourceError(`corrupt file: ${where}: page at chunk offset ${at} declares levels longer than the page`);
      }
      values += Number(v2?.num_values);
    } else if (header.type === 'DICTIONARY_PAGE') {
      const n = header.dictionary_page_header?.num_values;
      counts.push(n);
      // every plain-encoded dictionary entry takes at least one byte (booleans cannot be dictionary-encoded)
      if (typeof n === 'number' && n > uncompressed + 1) throw new SourceError(`corrupt file: ${where}: dictionary page declares ${n} entries in ${uncompressed} bytes`);
    }
    for (const n of counts) {
      if (n !== undefined && (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0)) {
        throw new SourceError(`corrupt file: ${where}: page at chunk offset ${at} declares a negative or invalid count (${String(n)})`);
      }
    }
    if (!Number.isFinite(values)) throw new SourceError(`corrupt file: ${where}: data page at chunk offset ${at} has no value count`);
    reader.offset += compressed;
  }
  if (values > declaredValues) throw new SourceError(`corrupt file: ${where}: pages hold ${values} values, the column chunk declares ${declaredValues}`);
  if (reader.offset > declaredBytes + CHUNK_SLACK_BYTES) throw new SourceError(`corrupt file: ${where}: pages run ${reader.offset - declaredBytes} bytes past the column chunk`);
  return Math.max(reader.offset, declaredBytes);
}

/**
 * Some old writers (parquet-mr 1.x, Impala) leave the dictionary page header out of total_compressed_size;
 * pyarrow reads those files. hyparquet slices chunks by that size, so hand it the size the page walk found.
 */
const CHUNK_SLACK_BYTES = 4096;

function withChunkSizes(metadata: FileMetaData, unit: number, sizes: number[]): FileMetaData {
  const group = metadata.row_groups[unit];
  if (!group.columns.some((chunk, i) => Number(chunk.meta_data!.total_compressed_size) !== sizes[i])) return metadata;
  const columns = group.columns.map((chunk, i) => ({ ...chunk, meta_data: { ...chunk.meta_data!, total_compressed_size: BigInt(sizes[i]) } }));
  const row_groups = metadata.row_groups.slice();
  row_groups[unit] = { ...group, columns };
  return { ...metadata, row_groups };
}

function emitSlices(
  runs: ColumnData[][],
  plans: ColumnPlan[],
  groupStart: number,
  rowCount: number,
  batchRows: number,
  onBatch: OnColumnarBatch,
): void {
  const cursors = runs.map(() => ({ run: 0, offset: 0 }));
  for (let start = 0; start < rowCount; start += batchRows) {
    const n = Math.min(batchRows, rowCount - start);
    const columns: Cell[][] = new Array(plans.length);
    for (let c = 0; c < plans.length; c++) {
      const out: Cell[] = new Array(n);
      const convert = plans[c].convert;
      const cursor = cursors[c];
      const list = runs[c];
      let filled = 0;
      while (filled < n) {
        const data = list[cursor.run].columnData;
        const take = Math.min(n - filled, data.length - cursor.offset);
        for (let i = 0; i < take; i++) out[filled + i] = convert(data[cursor.offset + i]);
        filled += take;
        cursor.offset += take;
        if (cursor.offset === data.length) {
          cursor.run++;
          cursor.offset = 0;
        }
      }
      columns[c] = out;
    }
    deliver(onBatch, columns, groupStart + start);
  }
}

function mapHyparquetError(error: unknown, where: string): unknown {
  if (error instanceof SourceError) return error;
  if (error instanceof ConsumerError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/unsupported|not supported/i.test(message)) {
    return new UnsupportedError(message.replace(/^parquet\s+/i, 'Parquet ').replace(/\s*unsupported\s*/i, ' ').replace(/\s+/g, ' ').trim());
  }
  if (error instanceof MemoryLimitError) return error;
  return asSourceError(error, where);
}
