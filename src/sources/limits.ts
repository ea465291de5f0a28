/**
 * Limits and failure modes shared by the columnar readers (Parquet, Arrow IPC), and the shapes they return.
 *
 * A columnar file declares its own sizes (Parquet: uncompressed column-chunk and page sizes; Arrow IPC:
 * message, body and per-buffer uncompressed lengths). A hostile file can declare small sizes and expand
 * hugely (`parquet-testing/data/large_string_map.brotli.parquet`: 4 KB on disk, > 2 GB decompressed), or
 * declare huge ones. Both readers therefore check every declared size against a memory budget *before*
 * allocating or decompressing, and the decompressors write into fixed-size output buffers so they cannot
 * grow past what was declared.
 */

import { decompress as fzstdDecompress } from 'fzstd';

/** Default memory budget for one shard: 1 GiB of uncompressed column data. */
export const DEFAULT_MAX_MEMORY_BYTES = 1024 * 1024 * 1024;

/**
 * Every failure a source raises. `exitCode` is the CLI exit code the lead maps it to
 * (3 = input cannot be read). Messages are one line and never contain cell values; they do not name the
 * file, the caller prefixes it (the same shard error would otherwise name it twice).
 */
export class SourceError extends Error {
  constructor(message: string, public readonly exitCode = 3) {
    super(message);
    this.name = 'SourceError';
  }
}

/** The file uses a feature we deliberately do not read. Message starts with `unsupported: `. */
export class UnsupportedError extends SourceError {
  constructor(what: string) {
    super(`unsupported: ${what}`);
    this.name = 'UnsupportedError';
  }
}

/** A declared or decompressed size would exceed the memory budget. */
export class MemoryLimitError extends SourceError {
  constructor(what: string, bytes: number, limit: number) {
    super(
      `memory limit: ${what} needs ${formatBytes(bytes)}, over the limit of ${formatBytes(limit)} ` +
        `(raise it with --max-memory if the file is trusted)`,
    );
    this.name = 'MemoryLimitError';
  }
}

export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

/**
 * Counts bytes a shard reader is about to allocate for decompressed data; throws before the budget is
 * passed. One budget per shard read, so shards stay independent.
 */
export class MemoryBudget {
  private used = 0;
  constructor(public readonly limit: number) {}

  /** Reserve `bytes` for `what`; throws MemoryLimitError when one request or the running total is too big. */
  reserve(bytes: number, what: string): void {
    if (!Number.isFinite(bytes) || bytes < 0) throw new SourceError(`corrupt file: ${what} declares an invalid size (${bytes})`);
    if (bytes > this.limit) throw new MemoryLimitError(what, bytes, this.limit);
    if (this.used + bytes > this.limit) throw new MemoryLimitError(`${what} (running total for this shard)`, this.used + bytes, this.limit);
    this.used += bytes;
  }

  get bytesUsed(): number {
    return this.used;
  }
}

/** Options for opening and reading a columnar file. */
export interface ColumnarOptions {
  /** Memory budget for one shard's uncompressed data; default DEFAULT_MAX_MEMORY_BYTES. */
  maxMemoryBytes?: number;
  /** Rows per onBatch call (a shard is emitted in slices this big); default 65,536. */
  batchRows?: number;
}

export const DEFAULT_BATCH_ROWS = 65_536;

/** A unit of work a worker can read on its own: a Parquet row group or an Arrow record batch. */
export interface ColumnarShard {
  /** 0-based position in shard order. */
  index: number;
  /** 0-based first row of the shard in the whole file. */
  rowStart: number;
  rowCount: number;
  /** Parquet: row-group index. Arrow: record-batch index. */
  unit: number;
  /** Bytes of the file this shard covers (compressed, as stored); for progress and scheduling. */
  byteLength: number;
}

export interface ColumnarColumn {
  name: string;
  /** Parquet physical type (INT32, BYTE_ARRAY, ... or GROUP for nested) or the Arrow type name (Int64, Utf8, ...). */
  physicalType: string;
  /** Parquet logical/converted type (STRING, DECIMAL(10,2), TIMESTAMP(MICROS,UTC), LIST, ...) or Arrow type detail. */
  logicalType?: string;
  /** False when the column is declared REQUIRED / non-nullable. */
  nullable: boolean;
  /** The canonical text form values of this column take (see values.ts). */
  textForm: TextForm;
}

/** Which canonical text form a column's cells use (values.ts documents each). */
export type TextForm =
  | 'string'
  | 'integer'
  | 'float'
  | 'boolean'
  | 'decimal'
  | 'date'
  | 'timestamp'
  | 'time'
  | 'binary'
  | 'json'
  | 'other';

export interface ColumnarSchema {
  format: 'parquet' | 'arrow-file' | 'arrow-stream';
  columns: ColumnarColumn[];
  /** Parquet `created_by`. */
  createdBy?: string;
  /** Parquet: number of row groups. Arrow: number of record batches. */
  units: number;
  /** Codecs seen in the file (Parquet column chunks, Arrow body compression). */
  codecs: string[];
}

export interface ColumnarFile {
  schema: ColumnarSchema;
  rows: number;
  shards: ColumnarShard[];
}

/** Receives one slice of a shard: `columns[c][r]` is column c of row `rowStart + r` (column-major). */
export type OnColumnarBatch = (columns: (string | null)[][], rowStart: number) => void;

/** Turn anything thrown by a third-party decoder into a one-line SourceError. */
export function asSourceError(error: unknown, where: string): SourceError {
  if (error instanceof SourceError) return error;
  const base = error instanceof Error ? error.message : String(error);
  let message = base.split('\n')[0].trim() || (error instanceof Error ? error.name : 'unknown error');
  if (message.length > 200) message = message.slice(0, 200) + '…';
  if (error instanceof RangeError && /array length|allocation|buffer/i.test(message)) {
    return new SourceError(`corrupt file: ${where}: declared size cannot be allocated (${message})`);
  }
  return new SourceError(`cannot read ${where}: ${message}`);
}

/** Wraps an error thrown by the caller's onBatch so the readers pass it through untouched. */
export class ConsumerError {
  constructor(public readonly cause: unknown) {}
}

/** Call the consumer; its own failures are not file errors and must not be reworded as such. */
export function deliver(onBatch: OnColumnarBatch, columns: (string | null)[][], rowStart: number): void {
  try {
    onBatch(columns, rowStart);
  } catch (error) {
    throw new ConsumerError(error);
  }
}

/** The error to hand the caller: the consumer's own error as it was, anything else as mapped. */
export function unwrap(error: unknown): unknown {
  return error instanceof ConsumerError ? error.cause : error;
}

/**
 * ZSTD into a buffer of exactly the declared length (fzstd then cannot allocate or write past it; a frame
 * that decodes to more throws). Measured: fzstd 0.1.1 compares its output argument with `w == 1`, which
 * turns a Uint8Array into a string of all its bytes on every call (≈ 40 % of Parquet read time and most of
 * the GC on a zstd file); giving the buffer a numeric valueOf keeps that comparison O(1).
 */
export function decompressZstdInto(input: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  Object.defineProperty(out, 'valueOf', { value: () => 0 });
  const result = fzstdDecompress(input, out);
  if (result.length !== length) throw new SourceError(`corrupt file: ZSTD data decompressed to ${result.length} bytes, ${length} declared`);
  return result;
}
