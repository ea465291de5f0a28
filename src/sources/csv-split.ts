/**
 * csv-split: cut a CSV file (or buffer) into byte ranges that start and end on record boundaries, so that
 * workers can tokenize them independently and the union of their records is the file's records, in order.
 *
 * API
 *   interface ByteSource { size: number; read(pos: number, len: number): Uint8Array }   (a view, valid until the next read)
 *   bufferSource(buf): ByteSource
 *   class FileByteSource implements ByteSource { constructor(path, blockSize?); close() }   (sync reads)
 *   csvDataStart(src): number                       3 after a UTF-8 BOM, else 0; throws CsvDeclinedError on a UTF-16 BOM
 *   detectSourceRecordDelimiter(src, delimiter, quote?): RecordDelimiter    csv-parse's rule, reading as much head as needed
 *   splitCsv(src, parts, dialect, opts?): CsvSplit   { ranges: {start, end}[], methods: SplitMethod[] }
 *       ranges cover [dataStart, size) without gaps, each starting at a record start; empty parts are dropped,
 *       so there may be fewer than `parts`. Tokenize each range with `new CsvTokenizer(dialect, { bom: false })`.
 *   splitCsvFile(path, parts, dialect, opts?): CsvSplit & { dialect, dataStart, size }   opens the file, detects what is missing
 *   opts.speculative (default false): see below; the caller must then treat a CsvDeclinedError('unclosed-quote')
 *       from any range but the last as "this cut was wrong" (fall back to csv-parse, or split again without it).
 *   tokenizeFileRange(path, range, dialect, onRecord, opts?): Promise<{ records }>
 *       what a worker does with one range: reads it in 1 MiB blocks into one reused buffer and pushes them
 *       through a CsvTokenizer (bom only when range.start is 0; recordOffset is the file offset)
 *   findRecordStart(src, target, dialect, knownRecordStart, window?, speculative?): { offset, method }
 *       the first record start at or after `target` (or one shortly after, see below); size when none.
 *
 * How a split point is found (the GUIDE's recipe). From an offset o we do not know whether we are inside a
 * quoted field. Two hypotheses run forward in lockstep through the same byte-level state machine as the
 * tokenizer: "outside quotes" (its exact state follows from the byte before o) and "inside quotes". As
 * soon as both machines are in the same state at the same byte, their futures are identical, so the next
 * record start from there is a record start whichever hypothesis was true ('lockstep'). If one hypothesis
 * ends the file inside an unclosed quote it was false, and the other one's first record start is the answer
 * ('eof'). If neither happens within `window` bytes (default 1 MiB, 64 KiB when speculative; a long run of bytes with no quote keeps
 * the "inside" machine inside), we count from the last proven record start with an exact scan that jumps
 * from quote to quote with memchr ('exact'), so a quote-free file costs one memchr pass over that gap.
 *
 * With `speculative`, an undecided point takes the "outside" machine's first record start instead
 * ('speculative'). That answer can only be wrong if o was inside quotes, and then the true parser is inside
 * quotes at the cut too: the cut follows a line break that the "outside" machine read outside quotes, and
 * the true parser reads that line break either outside quotes too (so the cut IS a record start) or inside
 * quotes, where it stays. The range before the cut was started at a true record start, so its tokenizer ends
 * inside quotes and declines with 'unclosed-quote'. A wrong guess therefore always shows up as a decline of
 * the range before it, never as wrong records.
 * o is first moved past a quote or CR so that the byte before it cannot be half of a `""` pair or of CRLF.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { completeUtf8End, firstInvalidUtf8 } from './encoding.js';
import {
  CsvDeclinedError,
  CsvTokenizer,
  detectRecordDelimiter,
  type CsvDialect,
  type CsvTokenizerOptions,
  type OnRecord,
  type RecordDelimiter,
} from './csv-tokenizer.js';

export interface ByteSource {
  readonly size: number;
  /** bytes [pos, min(pos + len, size)); a view that may be overwritten by the next read */
  read(pos: number, len: number): Uint8Array;
}

export interface ByteRange {
  start: number;
  end: number;
}

export type SplitMethod = 'lockstep' | 'eof' | 'exact' | 'speculative';

export interface CsvSplit {
  ranges: ByteRange[];
  /** how each split point after the first was proven (one per range after the first, plus dropped ones) */
  methods: SplitMethod[];
}

export function bufferSource(buf: Uint8Array): ByteSource {
  const b = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  return { size: b.length, read: (pos, len) => b.subarray(pos, Math.min(b.length, pos + len)) };
}

export class FileByteSource implements ByteSource {
  readonly size: number;
  private fd: number;
  private block: Buffer;

  constructor(path: string, blockSize = 1 << 20) {
    this.fd = openSync(path, 'r');
    this.size = fstatSync(this.fd).size;
    this.block = Buffer.allocUnsafe(blockSize);
  }

  read(pos: number, len: number): Uint8Array {
    if (len > this.block.length) this.block = Buffer.allocUnsafe(len);
    const want = Math.max(0, Math.min(len, this.size - pos));
    let got = 0;
    while (got < want) {
      const n = readSync(this.fd, this.block, got, want - got, pos + got);
      if (n === 0) break;
      got += n;
    }
    return this.block.subarray(0, got);
  }

  close(): void {
    closeSync(this.fd);
  }
}

const LF = 10;
const CR = 13;

export function csvDataStart(src: ByteSource): number {
  const h = src.read(0, 3);
  if (h.length >= 3 && h[0] === 0xef && h[1] === 0xbb && h[2] === 0xbf) return 3;
  if (h.length >= 2 && h[0] === 0xff && h[1] === 0xfe) {
    throw new CsvDeclinedError('utf16-bom', 0, 'UTF-16LE byte-order mark: the fast CSV path reads UTF-8 only');
  }
  return 0;
}

export function detectSourceRecordDelimiter(src: ByteSource, delimiter: number, quote = 34, escape = 34): RecordDelimiter {
  const start = csvDataStart(src);
  for (let len = 1 << 16; ; len *= 4) {
    const whole = start + len >= src.size;
    const head = src.read(start, Math.min(len, src.size - start));
    const rd = detectRecordDelimiter(head, 0, head.length, whole, delimiter, quote, escape);
    if (rd !== null) return rd;
  }
}

// Parser states, shared with the tokenizer's logic (see csv-tokenizer.ts for the grammar).
const FS = 0; // at a field start
const UQ = 1; // inside an unquoted field (or after text that followed a closing quote): quotes are data
const Q = 2; // inside quotes
const QP = 3; // inside quotes, just read a quote: `""` or a closing quote
const CRP = 4; // CRLF files: just read a CR outside quotes
const REC = 5; // at a record start (a field start too)
const QE = 6; // inside quotes, just read an escape that is not the quote: the next byte is data

const MODE_LF = 0;
const MODE_CRLF = 1;
const MODE_CR = 2;

function modeOf(rd: RecordDelimiter): number {
  return rd === 'lf' ? MODE_LF : rd === 'crlf' ? MODE_CRLF : MODE_CR;
}

function step(s: number, c: number, D: number, Qc: number, E: number, mode: number): number {
  switch (s) {
    case Q:
      if (c === Qc) return QP;
      return c === E ? QE : Q; // E === Qc never reaches here
    case QE:
      return Q;
    case CRP:
      if (c === LF) return REC;
      s = UQ; // the CR was data
      break;
    case QP:
      if (c === Qc) return E === Qc ? Q : UQ; // `""`, or with another escape a closing quote then data
      s = UQ; // closed; what follows is read as outside, and text there is data
      if (c === D) return FS;
      break;
    default:
      if (c === Qc) return s === UQ ? UQ : Q;
  }
  if (c === D) return FS;
  if (mode === MODE_LF) {
    if (c === LF) return REC;
  } else if (mode === MODE_CR) {
    if (c === CR) return REC;
  } else if (c === CR) return CRP;
  return UQ;
}

/** State after byte b1 (preceded by b2) read outside quotes with no quote in between. */
function outsideStateAfter(b1: number, b2: number, D: number, mode: number): number {
  if (b1 === D) return FS;
  if (mode === MODE_LF) return b1 === LF ? REC : UQ;
  if (mode === MODE_CR) return b1 === CR ? REC : UQ;
  if (b1 === CR) return CRP;
  return b1 === LF && b2 === CR ? REC : UQ;
}

function norm(s: number): number {
  return s === REC ? FS : s;
}

/**
 * Exact: the first record start >= target, scanning from a known record start. Jumps from quote to quote
 * with memchr where the state cannot change in between.
 */
export function exactNextRecordStart(src: ByteSource, from: number, target: number, dialect: CsvDialect): number {
  const D = dialect.delimiter;
  const Qc = dialect.quote ?? 34;
  const E = dialect.escape ?? 34;
  const mode = modeOf(dialect.recordDelimiter);
  if (target <= from) return from;
  let s = REC;
  let pos = from;
  const size = src.size;
  while (pos < size) {
    const blk = src.read(pos, 1 << 20) as Buffer;
    const n = blk.length;
    let i = 0;
    while (i < n) {
      const abs = pos + i;
      if (s === REC && abs >= target) return abs;
      if (s === Q && E === Qc) {
        const j = blk.indexOf(Qc, i);
        if (j < 0) {
          i = n;
          continue;
        }
        s = QP;
        i = j + 1;
        continue;
      }
      if ((s === FS || s === UQ || s === REC) && abs < target) {
        const lim = Math.min(n, i + (target - abs));
        let j = blk.indexOf(Qc, i);
        if (j < 0 || j > lim) j = lim;
        if (j - i >= 2) {
          s = outsideStateAfter(blk[j - 1]!, blk[j - 2]!, D, mode);
          i = j;
          continue;
        }
      }
      s = step(s, blk[i]!, D, Qc, E, mode);
      i++;
    }
    pos += n;
  }
  return size;
}

export function findRecordStart(
  src: ByteSource,
  target: number,
  dialect: CsvDialect,
  knownRecordStart: number,
  window?: number,
  speculative = false,
): { offset: number; method: SplitMethod } {
  // a guess is only wrong after `window` bytes inside one quoted field without a quote, so it can be short
  window ??= speculative ? 1 << 16 : 1 << 20;
  const D = dialect.delimiter;
  const Qc = dialect.quote ?? 34;
  const E = dialect.escape ?? 34;
  const mode = modeOf(dialect.recordDelimiter);
  const size = src.size;
  if (target <= knownRecordStart) return { offset: knownRecordStart, method: 'exact' };
  if (target >= size) return { offset: size, method: 'exact' };

  // move o so that the byte before it is neither a quote, an escape nor a CR
  let o = target;
  let prev = src.read(o - 1, 1)[0]!;
  while (o < size && (prev === Qc || prev === CR || prev === E)) {
    prev = src.read(o, 1)[0]!;
    o++;
  }
  if (o >= size) {
    return { offset: exactNextRecordStart(src, knownRecordStart, target, dialect), method: 'exact' };
  }
  const prev2 = o >= 2 ? src.read(o - 2, 1)[0]! : -1;
  let a = outsideStateAfter(prev, prev2, D, mode); // outside
  let b = Q; // inside
  let firstA = a === REC ? o : -1;
  let firstB = -1;
  const limit = Math.min(size, o + window);
  let pos = o;
  while (pos < limit) {
    const blk = src.read(pos, Math.min(1 << 16, limit - pos));
    const n = blk.length;
    for (let i = 0; i < n; i++) {
      const c = blk[i]!;
      a = step(a, c, D, Qc, E, mode);
      b = step(b, c, D, Qc, E, mode);
      const here = pos + i + 1; // the states now describe position `here`
      if (a === REC && firstA < 0) firstA = here;
      if (b === REC && firstB < 0) firstB = here;
      if (norm(a) === norm(b)) {
        if (firstA >= 0 && firstA === firstB) return { offset: firstA, method: 'lockstep' };
        if (a === REC && b === REC) return { offset: here, method: 'lockstep' };
        // same future from here on: run it to the next record start
        return { offset: runToRecordStart(src, here, a, D, Qc, E, mode), method: 'lockstep' };
      }
    }
    pos += n;
  }
  if (limit === size) {
    // end of file: a hypothesis still inside quotes is false (csv-parse rejects an unclosed quote)
    const aValid = a !== Q && a !== QE;
    const bValid = b !== Q && b !== QE;
    if (aValid && !bValid) return { offset: firstA >= 0 ? firstA : size, method: 'eof' };
    if (bValid && !aValid) return { offset: firstB >= 0 ? firstB : size, method: 'eof' };
  }
  // Undecided. The "outside" answer is right unless o was inside quotes; then the range that ends there
  // ends inside quotes (see the header comment), which its tokenizer declines as 'unclosed-quote'.
  if (speculative && firstA >= 0) return { offset: firstA, method: 'speculative' };
  return { offset: exactNextRecordStart(src, knownRecordStart, target, dialect), method: 'exact' };
}

function runToRecordStart(src: ByteSource, pos: number, s: number, D: number, Qc: number, E: number, mode: number): number {
  const size = src.size;
  while (pos < size) {
    const blk = src.read(pos, 1 << 16);
    for (let i = 0; i < blk.length; i++) {
      s = step(s, blk[i]!, D, Qc, E, mode);
      if (s === REC) return pos + i + 1;
    }
    pos += blk.length;
  }
  return size;
}

export function splitCsv(
  src: ByteSource,
  parts: number,
  dialect: CsvDialect,
  opts: { dataStart?: number; window?: number; speculative?: boolean } = {},
): CsvSplit {
  const start = opts.dataStart ?? csvDataStart(src);
  const size = src.size;
  const bounds = [start];
  const methods: SplitMethod[] = [];
  let known = start;
  for (let k = 1; k < parts; k++) {
    const target = start + Math.round(((size - start) * k) / parts);
    if (target <= bounds[bounds.length - 1]!) continue;
    const { offset, method } = findRecordStart(src, target, dialect, known, opts.window, opts.speculative);
    methods.push(method);
    if (offset >= size) break;
    if (offset > bounds[bounds.length - 1]!) bounds.push(offset);
    known = offset;
  }
  const ranges: ByteRange[] = [];
  for (let i = 0; i < bounds.length; i++) {
    const end = i + 1 < bounds.length ? bounds[i + 1]! : size;
    if (end > bounds[i]!) ranges.push({ start: bounds[i]!, end });
  }
  return { ranges, methods };
}

export function splitCsvFile(
  path: string,
  parts: number,
  dialect: { delimiter: number; quote?: number; escape?: number; recordDelimiter?: RecordDelimiter },
  opts: { window?: number; speculative?: boolean } = {},
): CsvSplit & { dialect: CsvDialect; dataStart: number; size: number } {
  const src = new FileByteSource(path);
  try {
    const dataStart = csvDataStart(src);
    const full: CsvDialect = {
      delimiter: dialect.delimiter,
      quote: dialect.quote ?? 34,
      escape: dialect.escape ?? 34,
      recordDelimiter:
        dialect.recordDelimiter ?? detectSourceRecordDelimiter(src, dialect.delimiter, dialect.quote ?? 34, dialect.escape ?? 34),
    };
    return { ...splitCsv(src, parts, full, { dataStart, ...opts }), dialect: full, dataStart, size: src.size };
  } finally {
    src.close();
  }
}

/** Thrown by tokenizeFileRange with `validateUtf8` at the first byte that is not UTF-8. */
export class InvalidUtf8Error extends Error {
  constructor(readonly byteOffset: number) {
    super(`invalid UTF-8 at byte ${byteOffset}`);
    this.name = 'InvalidUtf8Error';
  }
}

export async function tokenizeFileRange(
  path: string,
  range: ByteRange,
  dialect: CsvDialect,
  onRecord: OnRecord,
  opts: CsvTokenizerOptions & { chunkSize?: number; validateUtf8?: boolean } = {},
): Promise<{ records: number }> {
  const { chunkSize = 1 << 20, validateUtf8 = false, ...tokOpts } = opts;
  const tok = new CsvTokenizer(dialect, { bom: range.start === 0, ...tokOpts, streamOffset: range.start });
  const fh = await open(path, 'r');
  try {
    // the tokenizer copies what it carries, so one buffer serves every read; with validateUtf8 an incomplete
    // character at the end of a read is held at the front of the buffer and checked with the next read
    const buf = Buffer.allocUnsafe(chunkSize + 4);
    let carry = 0;
    let pos = range.start;
    while (pos < range.end) {
      const { bytesRead } = await fh.read(buf, carry, Math.min(chunkSize, range.end - pos), pos);
      if (bytesRead === 0) break;
      const filled = carry + bytesRead;
      let end = filled;
      if (validateUtf8) {
        if (pos + bytesRead < range.end) end = completeUtf8End(buf.subarray(0, filled));
        const chunk = buf.subarray(0, end);
        if (!isUtf8(chunk)) throw new InvalidUtf8Error(pos - carry + firstInvalidUtf8(chunk));
      }
      tok.push(buf.subarray(0, end), onRecord);
      buf.copy(buf, 0, end, filled);
      carry = filled - end;
      pos += bytesRead;
    }
    tok.end(onRecord);
  } finally {
    await fh.close();
  }
  return { records: tok.records };
}
