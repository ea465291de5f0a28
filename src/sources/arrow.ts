/**
 * Arrow IPC source, file format (`ARROW1` magic, footer) and stream format; record batches are the shards.
 * Built on apache-arrow 21 for decoding; framing is ours so that a worker reads only its own batch.
 *
 * - Open: the file format's footer gives every batch's block; the stream format is scanned once, frame
 *   header by frame header (bodies are skipped, not read), to find the same. Each batch's message header is
 *   read for its row count. No data buffers are read.
 * - Read one shard: read the schema message, the dictionary batches it depends on (file: all dictionary
 *   blocks; stream: every dictionary batch before it, so replacements and deltas apply in order) and the
 *   batch itself, by positioned reads through a FileHandle; re-frame them as a small in-memory IPC stream
 *   and decode it with apache-arrow's RecordBatchReader. The file is never buffered whole.
 * - Compressed bodies (IPC 1.0 BodyCompression): ZSTD through fzstd, LZ4_FRAME through the small frame
 *   decoder below (no LZ4 frame package is installed; hyparquet-compressors only has the block format).
 *   Both are registered in apache-arrow's `compressionRegistry` and write into a buffer of exactly the
 *   length the IPC prefix declares, after that length was checked against the memory budget.
 * - Refused, with `unsupported: ...`: big-endian files (apache-arrow does not byte-swap), metadata versions
 *   newer than V5, tensor messages, and the types apache-arrow 21 cannot decode (run-end encoded, list view).
 */
import { open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { CompressionType, DataType, Message, MessageHeader, RecordBatchReader, Type, compressionRegistry } from 'apache-arrow';
import type { Data, Field, RecordBatch, Vector } from 'apache-arrow';
import { Footer } from 'apache-arrow/ipc/metadata/file';
import {
  DEFAULT_BATCH_ROWS,
  DEFAULT_MAX_MEMORY_BYTES,
  MemoryBudget,
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
  bigintFromLittleEndianWords,
  formatBinary,
  formatDateFromDays,
  formatDecimal,
  formatFloat32,
  formatTimeOfDay,
  formatTimestamp,
  toCell,
  toJsonText,
} from './values.js';
import type { TimeUnitName } from './values.js';

type Cell = string | null;

const FILE_MAGIC = 'ARROW1';
const CONTINUATION = 0xffffffff;
/** A message's flatbuffer header is small; anything larger is a corrupt length. */
const MAX_METADATA_BYTES = 64 * 1024 * 1024;
/** Shard state is per read; codecs consult it (reads of one shard are synchronous once bytes are in memory). */
let activeBudget: MemoryBudget | null = null;

// ---------------------------------------------------------------------------------------------------------
// Codecs

/**
 * Arrow's compressed buffers start with the uncompressed length as an int64, which apache-arrow strips
 * before calling `decode`; it hands us a view into the same body, so the prefix sits just before it.
 */
function declaredLength(data: Uint8Array): number {
  if (data.byteOffset < 8) throw new SourceError('corrupt file: compressed Arrow buffer without its length prefix');
  const length = Number(new DataView(data.buffer, data.byteOffset - 8, 8).getBigInt64(0, true));
  if (!Number.isSafeInteger(length) || length < 0) throw new SourceError(`corrupt file: compressed Arrow buffer declares length ${length}`);
  (activeBudget ?? new MemoryBudget(DEFAULT_MAX_MEMORY_BYTES)).reserve(length, 'a decompressed Arrow buffer');
  return length;
}

let codecsRegistered = false;
function registerCodecs(): void {
  if (codecsRegistered) return;
  codecsRegistered = true;
  compressionRegistry.set(CompressionType.ZSTD, {
    decode(data: Uint8Array): Uint8Array {
      const length = declaredLength(data);
      return decompressZstdInto(data, length);
    },
  });
  compressionRegistry.set(CompressionType.LZ4_FRAME, {
    decode(data: Uint8Array): Uint8Array {
      const length = declaredLength(data);
      return decodeLz4Frames(data, length);
    },
  });
}

/**
 * LZ4 frame format (https://github.com/lz4/lz4/blob/dev/doc/lz4_Frame_format.md) into a buffer of exactly
 * `length` bytes. Linked and independent blocks both work because the output is contiguous; checksums are
 * skipped, not verified. Written here because no installed package decodes LZ4 frames.
 */
export function decodeLz4Frames(src: Uint8Array, length: number): Uint8Array {
  const dst = new Uint8Array(length);
  let s = 0;
  let d = 0;
  const fail = (why: string): never => {
    throw new SourceError(`corrupt file: LZ4 frame: ${why}`);
  };
  const u32 = (at: number): number => {
    if (at + 4 > src.length) fail('truncated');
    return (src[at] | (src[at + 1] << 8) | (src[at + 2] << 16) | (src[at + 3] << 24)) >>> 0;
  };
  while (s < src.length) {
    const magic = u32(s);
    s += 4;
    if ((magic & 0xfffffff0) === 0x184d2a50) {
      s += 4 + u32(s); // skippable frame
      continue;
    }
    if (magic !== 0x184d2204) fail('bad magic number');
    if (s + 2 > src.length) fail('truncated header');
    const flg = src[s];
    if (flg >> 6 !== 1) fail('unknown version');
    const blockChecksum = (flg & 0x10) !== 0;
    const contentSize = (flg & 0x08) !== 0;
    const contentChecksum = (flg & 0x04) !== 0;
    const dictId = (flg & 0x01) !== 0;
    s += 2 + (contentSize ? 8 : 0) + (dictId ? 4 : 0) + 1; // FLG, BD, options, header checksum
    for (;;) {
      const size = u32(s);
      s += 4;
      if (size === 0) break;
      const n = size & 0x7fffffff;
      if (s + n > src.length) fail('block runs past the end of the buffer');
      if (size & 0x80000000) {
        if (d + n > length) fail('output larger than declared');
        dst.set(src.subarray(s, s + n), d);
        d += n;
      } else {
        d = decodeLz4Block(src, s, s + n, dst, d);
      }
      s += n + (blockChecksum ? 4 : 0);
    }
    if (contentChecksum) s += 4;
  }
  if (d !== length) fail(`decompressed to ${d} bytes, ${length} declared`);
  return dst;
}

function decodeLz4Block(src: Uint8Array, s: number, end: number, dst: Uint8Array, d: number): number {
  const limit = dst.length;
  const fail = (why: string): never => {
    throw new SourceError(`corrupt file: LZ4 block: ${why}`);
  };
  while (s < end) {
    const token = src[s++];
    let literals = token >>> 4;
    if (literals === 15) {
      let b: number;
      do {
        if (s >= end) fail('truncated literal length');
        b = src[s++];
        literals += b;
      } while (b === 255);
    }
    if (s + literals > end) fail('literals run past the block');
    if (d + literals > limit) fail('output larger than declared');
    dst.set(src.subarray(s, s + literals), d);
    s += literals;
    d += literals;
    if (s >= end) break; // the last sequence has literals only
    if (s + 2 > end) fail('truncated match offset');
    const offset = src[s] | (src[s + 1] << 8);
    s += 2;
    if (offset === 0 || offset > d) fail('match offset out of range');
    let matchLength = token & 15;
    if (matchLength === 15) {
      let b: number;
      do {
        if (s >= end) fail('truncated match length');
        b = src[s++];
        matchLength += b;
      } while (b === 255);
    }
    matchLength += 4;
    if (d + matchLength > limit) fail('output larger than declared');
    if (offset >= matchLength) {
      dst.copyWithin(d, d - offset, d - offset + matchLength);
      d += matchLength;
    } else {
      for (let i = 0; i < matchLength; i++, d++) dst[d] = dst[d - offset];
    }
  }
  return d;
}

// ---------------------------------------------------------------------------------------------------------
// Framing

interface Frame {
  /** Offset of the frame (its length prefix) in the file. */
  offset: number;
  /** Bytes of the length prefix: 8 (continuation marker + length) or 4 (pre-1.0 legacy). */
  prefix: number;
  metaLength: number;
  bodyLength: number;
  headerType: MessageHeader;
  /** Rows, for record batches. */
  rows: number;
  /** Metadata held in memory instead of the file (a schema message rebuilt from the file footer). */
  inlineMeta?: Uint8Array;
}

class ArrowFile {
  private constructor(
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}

  static async open(path: string): Promise<ArrowFile> {
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      throw new SourceError(`cannot open file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    const { size } = await handle.stat();
    return new ArrowFile(handle, size);
  }

  async read(offset: number, length: number): Promise<Uint8Array> {
    if (!(offset >= 0) || !(length >= 0) || offset + length > this.size) {
      throw new SourceError(`corrupt file: byte range ${offset}+${length} is outside the file (${this.size} bytes)`);
    }
    const bytes = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await this.handle.read(bytes, filled, length - filled, offset + filled);
      if (bytesRead === 0) throw new SourceError(`file shrank while being read (at byte ${offset + filled})`);
      filled += bytesRead;
    }
    return bytes;
  }

  close(): Promise<void> {
    return this.handle.close();
  }

  /** The frame at `offset`, or null at an end-of-stream marker or the end of the file. */
  async frameAt(offset: number): Promise<{ frame: Frame; message: Message } | null> {
    if (offset + 4 > this.size) return null;
    const head = await this.read(offset, Math.min(8, this.size - offset));
    const view = new DataView(head.buffer);
    let prefix = 4;
    let metaLength = view.getInt32(0, true);
    if (view.getUint32(0, true) === CONTINUATION) {
      if (head.length < 8) throw new SourceError(`corrupt file: truncated message at byte ${offset}`);
      prefix = 8;
      metaLength = view.getInt32(4, true);
    }
    if (metaLength === 0) return null;
    if (metaLength < 0 || metaLength > MAX_METADATA_BYTES || offset + prefix + metaLength > this.size) {
      throw new SourceError(`corrupt file: message at byte ${offset} declares ${metaLength} metadata bytes`);
    }
    const meta = await this.read(offset + prefix, metaLength);
    const message = decodeMessage(meta, offset);
    const bodyLength = Number(message.bodyLength);
    if (!Number.isSafeInteger(bodyLength) || bodyLength < 0 || offset + prefix + metaLength + bodyLength > this.size) {
      throw new SourceError(`corrupt file: message at byte ${offset} declares a ${message.bodyLength}-byte body past the end of the file`);
    }
    let rows = 0;
    if (message.headerType === MessageHeader.RecordBatch) {
      rows = Number((message.header() as { length: number | bigint }).length);
      if (!Number.isSafeInteger(rows) || rows < 0) throw new SourceError(`corrupt file: record batch at byte ${offset} declares ${rows} rows`);
    }
    return { frame: { offset, prefix, metaLength, bodyLength, headerType: message.headerType, rows }, message };
  }
}

function decodeMessage(meta: Uint8Array, offset: number): Message {
  let message: Message;
  try {
    message = Message.decode(meta);
    void message.headerType;
  } catch (error) {
    throw mapArrowError(error, `Arrow message at byte ${offset}`);
  }
  // MetadataVersion: V1 = 0 … V5 = 4
  if (message.version > 4) throw new UnsupportedError(`Arrow IPC metadata version V${message.version + 1} (newer than V5)`);
  if (message.headerType === MessageHeader.Tensor || message.headerType === MessageHeader.SparseTensor) {
    throw new UnsupportedError('Arrow IPC tensor message (not a table)');
  }
  if (message.headerType === MessageHeader.Schema && schemaIsBigEndian(meta, 2)) throw new UnsupportedError('big-endian Arrow IPC file');
  return message;
}

/**
 * Reads Schema.endianness straight from the flatbuffer (apache-arrow ignores the field). `schemaField` is
 * the schema's field index in the root table: 2 in a Message (its header), 1 in a file Footer.
 */
function schemaIsBigEndian(buf: Uint8Array, schemaField: number): boolean {
  try {
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const field = (table: number, index: number): number => {
      const vtable = table - view.getInt32(table, true);
      const vtableLength = view.getUint16(vtable, true);
      const at = 4 + 2 * index;
      return at < vtableLength ? view.getUint16(vtable + at, true) : 0;
    };
    const message = view.getUint32(0, true);
    const headerField = field(message, schemaField);
    if (!headerField) return false;
    const schema = message + headerField + view.getUint32(message + headerField, true);
    const endianField = field(schema, 0);
    return endianField ? view.getInt16(schema + endianField, true) === 1 : false;
  } catch {
    return false; // the decoder proper reports corrupt metadata
  }
}

interface Layout {
  format: 'arrow-file' | 'arrow-stream';
  schemaFrame: Frame;
  schemaMessage: Message;
  /** Dictionary frames in file/stream order. */
  dictionaries: Frame[];
  batches: Frame[];
  codecs: Set<string>;
}

// A worker reads many batches of one file: keep the layouts (frame offsets, no data) of the last few files,
// so reading every shard costs one header scan, not one per shard.
const layoutCache = new Map<string, Layout>();
const LAYOUT_CACHE_SIZE = 4;

async function cachedLayout(path: string, file: ArrowFile): Promise<Layout> {
  const st = await stat(path);
  const key = `${path}\u0000${st.size}\u0000${st.mtimeMs}`;
  const cached = layoutCache.get(key);
  if (cached) return cached;
  const layout = await readLayout(file);
  layoutCache.set(key, layout);
  if (layoutCache.size > LAYOUT_CACHE_SIZE) layoutCache.delete(layoutCache.keys().next().value as string);
  return layout;
}

async function readLayout(file: ArrowFile): Promise<Layout> {
  if (file.size < 8) throw new SourceError(`not an Arrow IPC file: ${file.size} bytes is too short`);
  const head = await file.read(0, 6);
  const isFile = String.fromCharCode(...head) === FILE_MAGIC;
  return isFile ? readFileLayout(file) : readStreamLayout(file, 0, 'arrow-stream');
}

async function readStreamLayout(file: ArrowFile, start: number, format: Layout['format']): Promise<Layout> {
  const first = await file.frameAt(start);
  if (!first) throw new SourceError('not an Arrow IPC stream: no schema message');
  if (first.frame.headerType !== MessageHeader.Schema) throw new SourceError('not an Arrow IPC stream: the first message is not a schema');
  const layout: Layout = { format, schemaFrame: first.frame, schemaMessage: first.message, dictionaries: [], batches: [], codecs: new Set() };
  let offset = start + first.frame.prefix + first.frame.metaLength + first.frame.bodyLength;
  for (;;) {
    const next = await file.frameAt(offset);
    if (!next) break;
    const { frame, message } = next;
    if (frame.headerType === MessageHeader.Schema) throw new SourceError(`corrupt file: a second schema message at byte ${offset}`);
    noteCodec(layout, message);
    if (frame.headerType === MessageHeader.DictionaryBatch) layout.dictionaries.push(frame);
    else if (frame.headerType === MessageHeader.RecordBatch) layout.batches.push(frame);
    else throw new SourceError(`corrupt file: unknown message type ${frame.headerType} at byte ${offset}`);
    offset += frame.prefix + frame.metaLength + frame.bodyLength;
  }
  return layout;
}

async function readFileLayout(file: ArrowFile): Promise<Layout> {
  const tail = await file.read(file.size - 10, 10);
  if (String.fromCharCode(...tail.subarray(4)) !== FILE_MAGIC) throw new SourceError('corrupt file: Arrow IPC file without the closing ARROW1 magic');
  const footerLength = new DataView(tail.buffer).getInt32(0, true);
  if (footerLength <= 0 || footerLength > file.size - 18) throw new SourceError(`corrupt file: Arrow footer length ${footerLength}`);
  const footerBytes = await file.read(file.size - 10 - footerLength, footerLength);
  let footer: InstanceType<typeof Footer>;
  let dictionaryBlocks: { offset: number }[];
  let batchBlocks: { offset: number }[];
  try {
    footer = Footer.decode(footerBytes);
    dictionaryBlocks = [...footer.dictionaryBatches()].map(b => ({ offset: Number(b.offset) }));
    batchBlocks = [...footer.recordBatches()].map(b => ({ offset: Number(b.offset) }));
  } catch (error) {
    throw mapArrowError(error, 'Arrow file footer');
  }
  if (footer.version > 4) throw new UnsupportedError(`Arrow IPC metadata version V${footer.version + 1} (newer than V5)`);
  if (schemaIsBigEndian(footerBytes, 1)) throw new UnsupportedError('big-endian Arrow IPC file');
  // The file format embeds a stream whose schema message follows the 8-byte magic; apache-arrow's JS writer
  // leaves it out, so when it is missing the footer's schema is re-encoded as that message.
  const first = await file.frameAt(8).catch(() => null);
  let schemaFrame: Frame;
  let schemaMessage: Message;
  if (first && first.frame.headerType === MessageHeader.Schema) {
    ({ frame: schemaFrame, message: schemaMessage } = first);
  } else {
    let inlineMeta: Uint8Array;
    try {
      inlineMeta = Message.encode(Message.from(footer.schema));
      schemaMessage = Message.decode(inlineMeta);
    } catch (error) {
      throw mapArrowError(error, 'Arrow file footer schema');
    }
    schemaFrame = { offset: -1, prefix: 8, metaLength: inlineMeta.length, bodyLength: 0, headerType: MessageHeader.Schema, rows: 0, inlineMeta };
  }
  const layout: Layout = { format: 'arrow-file', schemaFrame, schemaMessage, dictionaries: [], batches: [], codecs: new Set() };
  for (const [kind, blocks] of [['dictionary', dictionaryBlocks], ['record batch', batchBlocks]] as const) {
    for (const block of blocks) {
      const at = await file.frameAt(block.offset);
      const expected = kind === 'dictionary' ? MessageHeader.DictionaryBatch : MessageHeader.RecordBatch;
      if (!at || at.frame.headerType !== expected) throw new SourceError(`corrupt file: footer points to a ${kind} at byte ${block.offset} that is not one`);
      noteCodec(layout, at.message);
      (kind === 'dictionary' ? layout.dictionaries : layout.batches).push(at.frame);
    }
  }
  return layout;
}

function noteCodec(layout: Layout, message: Message): void {
  try {
    const header = message.header() as { compression?: { type: number } | null; data?: { compression?: { type: number } | null } };
    const compression = header.compression ?? header.data?.compression;
    if (compression) layout.codecs.add(CompressionType[compression.type] ?? `codec ${compression.type}`);
  } catch (error) {
    throw mapArrowError(error, 'Arrow message header');
  }
}

// ---------------------------------------------------------------------------------------------------------
// Schema description

function unitOf(unit: number): TimeUnitName {
  return (['s', 'ms', 'us', 'ns'] as const)[unit] ?? 'ms';
}

function textFormOf(type: DataType): TextForm {
  switch (type.typeId) {
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Utf8View:
      return 'string';
    case Type.Int:
    case Type.Duration:
      return 'integer';
    case Type.Float:
      return 'float';
    case Type.Bool:
      return 'boolean';
    case Type.Decimal:
      return 'decimal';
    case Type.Date:
      return 'date';
    case Type.Timestamp:
      return 'timestamp';
    case Type.Time:
      return 'time';
    case Type.Binary:
    case Type.LargeBinary:
    case Type.BinaryView:
    case Type.FixedSizeBinary:
      return 'binary';
    case Type.Dictionary:
      return textFormOf((type as unknown as { dictionary: DataType }).dictionary);
    case Type.Null:
      return 'other';
    default:
      return 'json';
  }
}

function describeField(field: Field): ColumnarColumn {
  const type = field.type as DataType;
  const name = Type[type.typeId] ?? `type ${type.typeId}`;
  return { name: field.name, physicalType: name, logicalType: String(type), nullable: field.nullable, textForm: textFormOf(type) };
}

// ---------------------------------------------------------------------------------------------------------
// Public API

/** Schema, row count and one shard per record batch, from the footer or a header-only scan of the stream. */
export async function openArrow(path: string, opts: ColumnarOptions = {}): Promise<ColumnarFile> {
  try {
    return await openArrowUnguarded(path, opts);
  } catch (error) {
    throw unwrap(mapArrowError(error, 'Arrow IPC metadata'));
  }
}

async function openArrowUnguarded(path: string, _opts: ColumnarOptions): Promise<ColumnarFile> {
  const file = await ArrowFile.open(path);
  try {
    const layout = await cachedLayout(path, file);
    let schemaFields: Field[];
    try {
      schemaFields = (layout.schemaMessage.header() as { fields: Field[] }).fields;
    } catch (error) {
      throw mapArrowError(error, 'Arrow schema');
    }
    const shards: ColumnarShard[] = [];
    let rowStart = 0;
    layout.batches.forEach((frame, unit) => {
      if (frame.rows > 0) shards.push({ index: shards.length, rowStart, rowCount: frame.rows, unit, byteLength: frame.prefix + frame.metaLength + frame.bodyLength });
      rowStart += frame.rows;
    });
    return {
      schema: {
        format: layout.format,
        columns: schemaFields.map(describeField),
        units: layout.batches.length,
        codecs: [...layout.codecs].sort(),
      },
      rows: rowStart,
      shards,
    };
  } finally {
    await file.close();
  }
}

/** Read one record batch and hand it to `onBatch` column-major, in slices of `batchRows` rows. */
export async function readArrowShard(path: string, shard: ColumnarShard, opts: ColumnarOptions, onBatch: OnColumnarBatch): Promise<void> {
  try {
    await readArrowShardUnguarded(path, shard, opts, onBatch);
  } catch (error) {
    throw unwrap(mapArrowError(error, `record batch ${shard.unit}`));
  }
}

async function readArrowShardUnguarded(path: string, shard: ColumnarShard, opts: ColumnarOptions, onBatch: OnColumnarBatch): Promise<void> {
  registerCodecs();
  const limit = opts.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES;
  const batchRows = Math.max(1, opts.batchRows ?? DEFAULT_BATCH_ROWS);
  const file = await ArrowFile.open(path);
  let bytes: Uint8Array;
  let target: Frame;
  try {
    const layout = await cachedLayout(path, file);
    target = layout.batches[shard.unit];
    if (!target || target.rows !== shard.rowCount) throw new SourceError(`record batch ${shard.unit} does not match its shard (file changed?)`);
    const dictionaries = layout.format === 'arrow-file' ? layout.dictionaries : layout.dictionaries.filter(d => d.offset < target.offset);
    const frames = [layout.schemaFrame, ...dictionaries, target];
    const budget = new MemoryBudget(limit);
    let total = 8;
    for (const frame of frames) total += 8 + align8(frame.metaLength) + frame.bodyLength;
    budget.reserve(total, `record batch ${shard.unit} with its schema and dictionaries`);
    bytes = new Uint8Array(total);
    let at = 0;
    for (const frame of frames) {
      const view = new DataView(bytes.buffer, at, 8);
      view.setUint32(0, CONTINUATION, true);
      view.setInt32(4, align8(frame.metaLength), true);
      bytes.set(frame.inlineMeta ?? (await file.read(frame.offset + frame.prefix, frame.metaLength)), at + 8);
      at += 8 + align8(frame.metaLength);
      if (frame.bodyLength) bytes.set(await file.read(frame.offset + frame.prefix + frame.metaLength, frame.bodyLength), at);
      at += frame.bodyLength;
    }
    // end-of-stream marker: continuation + zero length (the last 8 bytes, already set to 0 except the marker)
    new DataView(bytes.buffer, at, 4).setUint32(0, CONTINUATION, true);
  } finally {
    await file.close();
  }

  // a batch needs at least one bit per row in some buffer unless every column is of the Null type;
  // refuse row counts no body could hold rather than loop over them
  const decodedBudget = new MemoryBudget(limit);
  activeBudget = decodedBudget;
  let batch: RecordBatch | undefined;
  try {
    const reader = RecordBatchReader.from(bytes);
    for (const b of reader) batch = b;
    if (!batch) throw new SourceError(`record batch ${shard.unit} could not be decoded`);
  } catch (error) {
    throw mapArrowError(error, `record batch ${shard.unit}`);
  } finally {
    activeBudget = null;
  }
  if (batch.numRows !== shard.rowCount) throw new SourceError(`corrupt file: record batch ${shard.unit} decoded to ${batch.numRows} rows, ${shard.rowCount} declared`);
  const maxRows = (target.bodyLength + decodedBudget.bytesUsed) * 8 + (1 << 20);
  if (batch.numRows > maxRows) throw new SourceError(`corrupt file: record batch ${shard.unit} declares ${batch.numRows} rows for a ${target.bodyLength}-byte body`);

  emitBatch(batch, shard.rowStart, batchRows, onBatch);
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

function mapArrowError(error: unknown, where: string): unknown {
  if (error instanceof SourceError) return error;
  if (error instanceof ConsumerError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const unknownType = /Unrecognized type:?\s*"?(\w+)"?\s*\(?(-?\d+)?\)?/i.exec(message);
  if (unknownType) {
    const names: Record<string, string> = { '22': 'run-end encoded', '25': 'list view', '26': 'large list view' };
    const what = names[unknownType[2] ?? ''] ?? (unknownType[1] === 'undefined' ? `type ${unknownType[2] ?? '?'}` : unknownType[1]);
    return new UnsupportedError(`Arrow type ${what} (apache-arrow 21 cannot decode it)`);
  }
  if (/codec not found/i.test(message)) return new UnsupportedError(`Arrow body compression codec (${message})`);
  return asSourceError(error, where);
}

// ---------------------------------------------------------------------------------------------------------
// Values → cells

type ColumnReader = (row: number) => Cell;

const utf8Text = new TextDecoder();

function columnReader(vector: Vector): ColumnReader {
  const data = vector.data[0] as Data | undefined;
  const type = vector.type as DataType;
  if (!data) return () => null;
  const offset = data.offset;
  const hasNulls = data.nullCount > 0 && data.nullBitmap && data.nullBitmap.length > 0;
  const valid = hasNulls ? (i: number) => data.getValid(i) : () => true;
  const values = data.values as ArrayLike<number | bigint> | undefined;
  const t = type as DataType & { unit: number; timezone?: string | null; scale: number; bitWidth: number; precision: number };

  switch (type.typeId) {
    case Type.Null:
      return () => null;
    case Type.Int:
      return i => (valid(i) ? String(values![offset + i]) : null);
    case Type.Float:
      if (t.precision === 1) return i => (valid(i) ? formatFloat32(values![offset + i] as number) : null);
      if (t.precision === 2) return i => (valid(i) ? String(values![offset + i]) : null);
      return i => (valid(i) ? toCell(vector.get(i)) : null); // half floats: get() converts
    case Type.Bool:
      return i => (valid(i) ? (vector.get(i) ? 'true' : 'false') : null);
    case Type.Utf8: {
      // straight from the offsets and bytes: skips the generic visitor that get() goes through
      const offsets = data.valueOffsets as Int32Array;
      const bytes = data.values as Uint8Array;
      return i => (valid(i) ? utf8Text.decode(bytes.subarray(offsets[offset + i], offsets[offset + i + 1])) : null);
    }
    case Type.LargeUtf8:
    case Type.Utf8View:
      return i => (valid(i) ? toCell(vector.get(i)) : null);
    case Type.Decimal: {
      const words = t.bitWidth / 32;
      const raw = values as unknown as Uint32Array;
      if (words === 1 || words === 2 || words === 4 || words === 8) {
        return i => (valid(i) ? formatDecimal(bigintFromLittleEndianWords(raw, (offset + i) * words, words), t.scale) : null);
      }
      return i => (valid(i) ? toCell(vector.get(i)) : null);
    }
    case Type.Date:
      if (t.unit === 0) return i => (valid(i) ? formatDateFromDays(Number(values![offset + i])) : null);
      return i => (valid(i) ? formatDateFromDays(Math.floor(Number(values![offset + i]) / 86_400_000)) : null);
    case Type.Timestamp: {
      const unit = unitOf(t.unit);
      const utc = !!t.timezone;
      return i => (valid(i) ? formatTimestamp(values![offset + i], unit, utc) : null);
    }
    case Type.Time: {
      const unit = unitOf(t.unit);
      return i => (valid(i) ? formatTimeOfDay(values![offset + i], unit) : null);
    }
    case Type.Duration:
      return i => (valid(i) ? String(values![offset + i]) : null);
    case Type.Binary:
    case Type.LargeBinary:
    case Type.BinaryView:
    case Type.FixedSizeBinary:
      return i => (valid(i) ? toCell(vector.get(i)) : null);
    case Type.Dictionary: {
      // convert each distinct dictionary entry once
      const dictionary = data.dictionary;
      const dictReader = dictionary ? columnReader(dictionary) : () => null;
      const cache = new Map<number, Cell>();
      return i => {
        if (!valid(i)) return null;
        const key = Number(values![offset + i]);
        let cell = cache.get(key);
        if (cell === undefined) {
          cell = dictionary && key >= 0 && key < dictionary.length ? dictReader(key) : null;
          cache.set(key, cell);
        }
        return cell;
      };
    }
    case Type.Union:
      return i => nestedCell(vector.get(i));
    default: {
      if (!hasTemporal(type)) return i => (valid(i) ? nestedCell(vector.get(i)) : null);
      return i => (valid(i) ? nestedCell(typedNested(vector.get(i), type, 0)) : null);
    }
  }
}

/** True when a nested type holds a timestamp or date somewhere below it. */
function hasTemporal(type: DataType, depth = 0): boolean {
  if (type.typeId === Type.Timestamp || type.typeId === Type.Date) return depth > 0;
  if (depth > MAX_NESTED_DEPTH) return false;
  return (type.children ?? []).some((f: Field) => hasTemporal(f.type, depth + 1));
}

const MAX_NESTED_DEPTH = 64;

/**
 * A nested value with its timestamps and dates in the text form top-level columns get. apache-arrow's get()
 * hands them out inside structs, lists and maps as epoch milliseconds, which would print as bare integers
 * where the same data from Parquet, or in a top-level column, prints as a date. Sub-millisecond digits
 * are what get() kept (a float of milliseconds), rounded to the microsecond.
 */
function typedNested(value: unknown, type: DataType, depth: number): unknown {
  if (value === null || value === undefined || depth > MAX_NESTED_DEPTH) return value ?? null;
  switch (type.typeId) {
    case Type.Timestamp: {
      const ms = Number(value);
      if (!Number.isFinite(ms)) return value;
      const utc = !!(type as DataType & { timezone?: string | null }).timezone;
      return Number.isInteger(ms) ? formatTimestamp(ms, 'ms', utc) : formatTimestamp(Math.round(ms * 1000), 'us', utc);
    }
    case Type.Date: {
      const ms = Number(value);
      return Number.isFinite(ms) ? formatDateFromDays(Math.floor(ms / 86_400_000)) : value;
    }
    case Type.Struct: {
      const row = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const f of type.children as Field[]) out[f.name] = typedNested(row[f.name], f.type, depth + 1);
      return out;
    }
    case Type.List:
    case Type.LargeList:
    case Type.FixedSizeList: {
      const items = value as { length: number; get?: (i: number) => unknown } & ArrayLike<unknown>;
      const child = (type.children as Field[])[0]!.type;
      const out: unknown[] = [];
      for (let i = 0; i < items.length; i++) out.push(typedNested(items.get ? items.get(i) : items[i], child, depth + 1));
      return out;
    }
    case Type.Map: {
      // entries are a struct of (key, value); keys stay as they are, values get their type
      const entry = (type.children as Field[])[0]!.type;
      const valueType = (entry.children as Field[])[1]!.type;
      const out = new Map<unknown, unknown>();
      for (const [k, v] of value as Iterable<[unknown, unknown]>) out.set(k, typedNested(v, valueType, depth + 1));
      return out;
    }
    default:
      return value;
  }
}

function nestedCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Uint8Array) return toCell(value);
  return toJsonText(value);
}

function emitBatch(batch: RecordBatch, rowStart: number, batchRows: number, onBatch: OnColumnarBatch): void {
  const readers: ColumnReader[] = [];
  for (let c = 0; c < batch.numCols; c++) {
    const child = batch.getChildAt(c);
    readers.push(child ? columnReader(child) : () => null);
  }
  const rows = batch.numRows;
  for (let start = 0; start < rows; start += batchRows) {
    const n = Math.min(batchRows, rows - start);
    const columns: Cell[][] = readers.map(read => {
      const out: Cell[] = new Array(n);
      for (let i = 0; i < n; i++) out[i] = read(start + i);
      return out;
    });
    deliver(onBatch, columns, rowStart + start);
  }
}
