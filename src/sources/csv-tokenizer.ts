/**
 * csv-tokenizer: a byte-level, quote-aware CSV tokenizer over Buffers, for the worker hot path.
 *
 * It never builds a string per cell: for each record it calls back with the field boundaries in reusable
 * typed arrays. A consumer decodes a field (fieldToString) or hashes it (fieldHash53) only when it needs to.
 *
 * REFERENCE SEMANTICS. The tokenizer gives, record for record and field for field, what csv-parse 7 gives with
 *
 *     { delimiter, quote, escape, bom: true, relax_column_count: true, relax_quotes: true,
 *       record_delimiter: <the dialect's>, skip_empty_lines: false }            (see REFERENCE_CSV_PARSE_OPTIONS)
 *
 * and test/differential/ proves it over the corpus and over random tricky CSV. What that means:
 *   - record delimiter: ONE of LF, CRLF, CR per file. csv-parse (no record_delimiter option) takes the first
 *     CR/LF it meets outside quotes; detectRecordDelimiter() applies the same rule, so pass its answer.
 *     In an LF file a CR is data (`a\r` stays `a\r`); in a CRLF file a lone LF is data.
 *   - quotes open a field only at its first byte. A quote later in an unquoted field is a plain byte.
 *   - inside quotes, `""` is one quote; delimiters and line breaks are data. With an escape byte other than
 *     the quote (csv-parse's default escape is `"` even when the quote is `'`), the escape is dropped and the
 *     byte after it kept, and a doubled quote is not an escape.
 *   - text after a closing quote (`"ab"c`): csv-parse's relax_quotes keeps the field as `"` + inner text +
 *     the rest from the closing quote on (`"ab"c`); a NUL right after the closing quote is csv-parse's
 *     end-of-buffer test misfiring, so there the field is inner text + the rest (`ab\0c`). Such fields are
 *     flagged FIELD_IRREGULAR; fieldToString reproduces both quirks; record boundaries are unaffected.
 *   - an empty line is a record with one empty field ([""]), or no record with { skipEmptyLines: true }
 *     (csv-parse `skip_empty_lines`, which src/sources/csv-stream.ts uses); a last line with no bytes is not
 *     a record. A line holding only `""` or spaces is never "empty".
 *   - a UTF-8 BOM at the start of the stream is dropped (option `bom`, default true). A UTF-16LE BOM is
 *     declined (csv-parse would re-decode the file as UTF-16).
 *   - declined (CsvDeclinedError, with the byte offset): an unclosed quote at end of input (csv-parse throws
 *     CSV_QUOTE_NOT_CLOSED there), a UTF-16 BOM, and a record longer than maxRecordBytes (raw bytes; csv-parse's
 *     max_record_size counts decoded field bytes, so it may still accept it). The caller sends declined
 *     inputs to csv-parse, which then reads them or raises its own error.
 *   Values are decoded as UTF-8 with U+FFFD for bad bytes, as csv-parse's Buffer.toString does.
 *
 * API
 *   type RecordDelimiter = 'lf' | 'crlf' | 'cr'
 *   interface CsvDialect { delimiter: number; quote?: number = 0x22; escape?: number = 0x22; recordDelimiter }
 *   dialectFrom({ delimiter: ',', quote?: '"', escape?: '"', recordDelimiter }): CsvDialect
 *   csvParseOptionsFor(dialect, { skipEmptyLines? }): the csv-parse options this tokenizer equals
 *   detectRecordDelimiter(buf, start?, end?, final?, delimiter?, quote?, escape?): RecordDelimiter | null
 *       csv-parse's rule on a file head; null when no line break outside quotes in the head yet (final=false),
 *       'lf' when none in the whole file (final=true: any choice parses the same).
 *   class CsvTokenizer(dialect, { bom = true, skipEmptyLines = false, maxRecordBytes = Infinity, streamOffset = 0 })
 *     push(chunk, onRecord)      streaming; a record straddling chunks is carried (copied) to the next push
 *     end(onRecord)              flush the last record; throws CsvDeclinedError on an unclosed quote
 *     tokenize(buf, start, end, onRecord)   whole range at once, no copy (push + end without carry);
 *                                streamOffset is then the stream offset of buf[0]
 *     During onRecord(tok), valid until the callback returns:
 *       tok.buf: Uint8Array the offsets index into;  tok.fieldCount
 *       tok.starts[i], tok.ends[i]: field i's bytes (inside the quotes for quoted fields; the raw field from
 *          the opening quote for FIELD_IRREGULAR fields); tok.flags[i]: FIELD_QUOTED | FIELD_ESCAPED | FIELD_IRREGULAR
 *       tok.recordStart, tok.recordEnd: the record's bytes in tok.buf without its line break
 *       tok.recordOffset: absolute byte offset of the record in the stream (streamOffset + bytes before it)
 *       tok.records: records emitted before this one
 *   fieldToString(tok, i): string      csv-parse's value of field i
 *   fieldHash53(tok, i): number        53-bit hash of field i's logical bytes: a quoted and an unquoted copy
 *                                      hash alike; equals hashString53(fieldToString) when the bytes are valid UTF-8
 *   fieldIsEmpty(tok, i): boolean      value is '' (no per-cell work)
 *   recordToStrings(tok): string[]     the whole record as csv-parse returns it (tests, slow consumers)
 *   tokenizeToArrays(buf, dialect, opts?): string[][]   convenience for tests
 *
 * Performance notes: the scan is one function with local copies of every field it touches, so V8 keeps it
 * optimised; the arrays grow by doubling only when a record has more fields than ever before. Measured
 * (bench/results/csv-fast.md) at 60-65 % of a bare JS byte loop and 10-13x csv-parse per CPU second.
 * Hand-written rather than a library because no installed parser exposes field boundaries without strings.
 */
import { hashBytes53, hashBytesUnescaped53, hashString53 } from './csv-hash.js';

export type RecordDelimiter = 'lf' | 'crlf' | 'cr';

export interface CsvDialect {
  /** field delimiter byte, e.g. 0x2c for ',' */
  delimiter: number;
  /** quote byte, default 0x22 ('"') */
  quote?: number;
  /**
   * escape byte inside quotes, default 0x22 ('"') like csv-parse's default whatever the quote is. When it
   * equals the quote, `""` is one quote; otherwise the escape is dropped and the next byte kept (`\"` -> `"`).
   */
  escape?: number;
  recordDelimiter: RecordDelimiter;
}

export const FIELD_QUOTED = 1;
/** the quoted field contains escapes (`""` pairs), so its value is not its bytes verbatim */
export const FIELD_ESCAPED = 2;
/** text followed the closing quote; starts/ends cover the raw field from the opening quote */
export const FIELD_IRREGULAR = 4;

const LF = 10;
const CR = 13;
const DQUOTE = 34;

/** The csv-parse options this tokenizer reproduces (add `delimiter`, `quote`, `escape`, `record_delimiter`). */
export const REFERENCE_CSV_PARSE_OPTIONS = Object.freeze({
  bom: true,
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: false,
});

/** csv-parse options equal to a dialect, for the slow path and the differential tests. */
export function csvParseOptionsFor(dialect: CsvDialect, opts: { skipEmptyLines?: boolean } = {}): Record<string, unknown> {
  const q = String.fromCharCode(dialect.quote ?? DQUOTE);
  return {
    ...REFERENCE_CSV_PARSE_OPTIONS,
    skip_empty_lines: opts.skipEmptyLines ?? false,
    delimiter: String.fromCharCode(dialect.delimiter),
    quote: q,
    escape: String.fromCharCode(dialect.escape ?? DQUOTE),
    record_delimiter: dialect.recordDelimiter === 'lf' ? '\n' : dialect.recordDelimiter === 'crlf' ? '\r\n' : '\r',
  };
}

export class CsvDeclinedError extends Error {
  readonly code = 'CSV_FAST_PATH_DECLINED';
  constructor(
    readonly reason: 'unclosed-quote' | 'utf16-bom' | 'bad-dialect' | 'record-too-large',
    readonly byteOffset: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvDeclinedError';
  }
}

export function dialectFrom(d: { delimiter: string; quote?: string; escape?: string; recordDelimiter: RecordDelimiter }): CsvDialect {
  if (d.delimiter.length !== 1 || d.delimiter.charCodeAt(0) > 127) {
    throw new CsvDeclinedError('bad-dialect', 0, 'the fast CSV path takes a one-byte ASCII delimiter');
  }
  const quote = d.quote ?? '"';
  if (quote.length !== 1 || quote.charCodeAt(0) > 127) {
    throw new CsvDeclinedError('bad-dialect', 0, 'the fast CSV path takes a one-byte ASCII quote');
  }
  const escape = d.escape ?? '"';
  if (escape.length !== 1 || escape.charCodeAt(0) > 127) {
    throw new CsvDeclinedError('bad-dialect', 0, 'the fast CSV path takes a one-byte ASCII escape');
  }
  const dialect = {
    delimiter: d.delimiter.charCodeAt(0),
    quote: quote.charCodeAt(0),
    escape: escape.charCodeAt(0),
    recordDelimiter: d.recordDelimiter,
  };
  checkDialect(dialect);
  return dialect;
}

function checkDialect(d: CsvDialect): void {
  const q = d.quote ?? DQUOTE;
  const e = d.escape ?? DQUOTE;
  const bad = (b: number) => !Number.isInteger(b) || b < 0 || b > 127 || b === LF || b === CR;
  if (bad(d.delimiter) || bad(q) || bad(e) || d.delimiter === q || d.delimiter === e) {
    throw new CsvDeclinedError('bad-dialect', 0, 'delimiter, quote and escape must be ASCII bytes other than CR and LF, the delimiter distinct');
  }
  if (d.recordDelimiter !== 'lf' && d.recordDelimiter !== 'crlf' && d.recordDelimiter !== 'cr') {
    throw new CsvDeclinedError('bad-dialect', 0, `unknown record delimiter ${String(d.recordDelimiter)}`);
  }
}

/**
 * csv-parse's record-delimiter discovery: the first CR or LF met outside quotes decides (CR LF -> 'crlf',
 * CR alone -> 'cr', LF -> 'lf'). Quote rules as in the tokenizer. Start at the first data byte (after a BOM).
 */
export function detectRecordDelimiter(
  buf: Uint8Array,
  start = 0,
  end = buf.length,
  final = true,
  delimiter = 0x2c,
  quote = DQUOTE,
  escape = DQUOTE,
): RecordDelimiter | null {
  let fieldStart = true;
  let p = start;
  while (p < end) {
    const c = buf[p]!;
    if (fieldStart && c === quote) {
      // skip the quoted part: escapes stay inside, a lone quote closes
      p++;
      for (;;) {
        while (p < end && buf[p] !== quote && (buf[p] !== escape || escape === quote)) p++;
        if (p >= end) return final ? 'lf' : null;
        if (escape !== quote && buf[p] === escape) {
          p += 2;
          continue;
        }
        if (escape === quote && p + 1 < end && buf[p + 1] === quote) {
          p += 2;
          continue;
        }
        if (p + 1 >= end && !final) return null;
        break;
      }
      p++;
      fieldStart = false;
      continue;
    }
    if (c === LF) return 'lf';
    if (c === CR) {
      if (p + 1 >= end) return final ? 'cr' : null;
      return buf[p + 1] === LF ? 'crlf' : 'cr';
    }
    fieldStart = c === delimiter;
    p++;
  }
  return final ? 'lf' : null;
}

export type OnRecord = (tok: CsvTokenizer) => void;

export interface CsvTokenizerOptions {
  /** drop a UTF-8 BOM at the start of the stream (csv-parse `bom: true`); default true */
  bom?: boolean;
  /** csv-parse `skip_empty_lines`: a line with no bytes at all is not a record; default false */
  skipEmptyLines?: boolean;
  /** decline (CsvDeclinedError 'record-too-large') a record longer than this many bytes; bounds the carry */
  maxRecordBytes?: number;
  /** stream offset of the first byte pushed (or of buf[0] for tokenize), for recordOffset and errors */
  streamOffset?: number;
  initialFields?: number;
}

const EMPTY = new Uint8Array(0);

export class CsvTokenizer {
  starts: Int32Array;
  ends: Int32Array;
  flags: Uint8Array;
  fieldCount = 0;
  buf: Uint8Array = EMPTY;
  recordStart = 0;
  recordEnd = 0;
  recordOffset = 0;
  records = 0;

  readonly delimiter: number;
  readonly quote: number;
  readonly escape: number;
  readonly recordDelimiter: RecordDelimiter;
  private readonly nl: number;
  private readonly crlf: boolean;

  private carry: Uint8Array | null = null;
  private carryOffset = 0;
  /** absolute stream offset of tok.buf[0] */
  private base: number;
  private bomPending: boolean;
  private readonly skipEmptyLines: boolean;
  private readonly maxRecordBytes: number;
  private nodeBufSrc: Uint8Array = EMPTY;
  private nodeBuf: Buffer = Buffer.alloc(0);

  constructor(dialect: CsvDialect, options: CsvTokenizerOptions = {}) {
    checkDialect(dialect);
    this.delimiter = dialect.delimiter;
    this.quote = dialect.quote ?? DQUOTE;
    this.escape = dialect.escape ?? DQUOTE;
    this.recordDelimiter = dialect.recordDelimiter;
    this.nl = dialect.recordDelimiter === 'lf' ? LF : CR;
    this.crlf = dialect.recordDelimiter === 'crlf';
    this.bomPending = options.bom ?? true;
    this.skipEmptyLines = options.skipEmptyLines ?? false;
    this.maxRecordBytes = options.maxRecordBytes ?? Infinity;
    this.base = options.streamOffset ?? 0;
    const n = Math.max(4, options.initialFields ?? 64);
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    this.flags = new Uint8Array(n);
  }

  /** Tokenize buf[start, end) as a complete input (no carry, no copy). */
  tokenize(buf: Uint8Array, start: number, end: number, onRecord: OnRecord): void {
    if (this.carry !== null) throw new Error('CsvTokenizer.tokenize() after push(): use end()');
    if (this.bomPending) {
      this.bomPending = false;
      start = this.skipBom(buf, start, end, this.base);
    }
    // here streamOffset is the stream offset of buf[0]
    this.scan(buf, start, end, true, onRecord, false, this.base);
  }

  push(chunk: Uint8Array, onRecord: OnRecord): void {
    if (chunk.length === 0) return;
    let data = chunk;
    let dataOffset = this.base; // stream offset of data[0]
    this.base += chunk.length;
    if (this.carry !== null) {
      const carry = this.carry;
      const carryOffset = this.carryOffset;
      if (this.bomPending) {
        // still fewer than 3 bytes seen: join them and decide
        data = concat(carry, chunk);
        dataOffset = carryOffset;
        this.carry = null;
      } else {
        // finish the straddling record on a copy of the carry plus just enough of the new chunk
        let take = Math.min(chunk.length, 65536);
        for (;;) {
          const tmp = concat(carry, chunk.subarray(0, take));
          const p = this.scan(tmp, 0, tmp.length, false, onRecord, true, carryOffset);
          if (p > 0) {
            if (p <= carry.length) throw new Error('internal: straddling record ended inside the carry');
            this.carry = null;
            data = chunk.subarray(p - carry.length);
            dataOffset = carryOffset + p;
            break;
          }
          if (take === chunk.length) {
            if (tmp.length > this.maxRecordBytes) this.tooLarge(carryOffset);
            this.carry = tmp;
            return;
          }
          take = Math.min(chunk.length, take * 4);
        }
      }
    }
    let pos = 0;
    if (this.bomPending) {
      if (data.length < 3) {
        this.carry = copyBytes(data, 0);
        this.carryOffset = dataOffset;
        return;
      }
      this.bomPending = false;
      pos = this.skipBom(data, 0, data.length, dataOffset);
    }
    const p = this.scan(data, pos, data.length, false, onRecord, false, dataOffset);
    if (p < data.length) {
      // copy: the caller may reuse its chunk buffer
      if (data.length - p > this.maxRecordBytes) this.tooLarge(dataOffset + p);
      this.carry = copyBytes(data, p);
      this.carryOffset = dataOffset + p;
    }
  }

  end(onRecord: OnRecord): void {
    const carry = this.carry;
    if (carry === null) return;
    this.carry = null;
    let pos = 0;
    if (this.bomPending) {
      this.bomPending = false;
      pos = this.skipBom(carry, 0, carry.length, this.carryOffset);
    }
    this.scan(carry, pos, carry.length, true, onRecord, false, this.carryOffset);
  }

  private skipBom(buf: Uint8Array, pos: number, end: number, offset: number): number {
    if (end - pos >= 3 && buf[pos] === 0xef && buf[pos + 1] === 0xbb && buf[pos + 2] === 0xbf) return pos + 3;
    if (end - pos >= 2 && buf[pos] === 0xff && buf[pos + 1] === 0xfe) {
      throw new CsvDeclinedError('utf16-bom', offset + pos, 'UTF-16LE byte-order mark: the fast CSV path reads UTF-8 only');
    }
    return pos;
  }

  /**
   * The hot loop. Scans records from `pos` (a record start) to `end`; returns the start of the first record
   * it could not finish (== end when all done). With `final`, the end of data ends the last record.
   * `offset` is the stream offset of buf[0].
   */
  private scan(
    buf: Uint8Array,
    pos: number,
    end: number,
    final: boolean,
    onRecord: OnRecord,
    firstOnly: boolean,
    offset: number,
  ): number {
    const D = this.delimiter;
    const Q = this.quote;
    const E = this.escape;
    const escIsQuote = E === Q;
    const NL = this.nl;
    const crlf = this.crlf;
    let starts = this.starts;
    let ends = this.ends;
    let flags = this.flags;
    let cap = starts.length;
    let n = 0;
    let recStart = pos;
    this.buf = buf;

    outer: for (;;) {
      // at a field start
      if (pos >= end) {
        if (!final) return recStart;
        if (n > 0) {
          // `a,` at end of input: a last, empty field
          if (n === cap) {
            this.grow();
            starts = this.starts; ends = this.ends; flags = this.flags; cap = starts.length;
          }
          starts[n] = pos; ends[n] = pos; flags[n] = 0; n++;
          this.emit(n, recStart, end, offset, onRecord);
        }
        return end;
      }
      if (n === cap) {
        this.grow();
        starts = this.starts; ends = this.ends; flags = this.flags; cap = starts.length;
      }
      let fs = pos;
      let fl = 0;
      let p = pos;
      if (buf[pos] === Q) {
        p = pos + 1;
        fl = FIELD_QUOTED;
        for (;;) {
          if (escIsQuote) {
            while (p < end && buf[p] !== Q) p++;
          } else {
            // csv-parse: inside quotes an escape drops itself and keeps the next byte, whatever it is
            while (p < end) {
              const c = buf[p];
              if (c === Q) break;
              if (c === E) {
                if (p + 1 >= end) {
                  if (!final) return recStart;
                  p++; // an escape as the last byte is data; the quote stays open
                  continue;
                }
                fl |= FIELD_ESCAPED;
                p += 2;
                continue;
              }
              p++;
            }
          }
          if (p >= end) {
            if (!final) return recStart;
            throw new CsvDeclinedError(
              'unclosed-quote',
              offset + pos,
              `quote opened at byte ${offset + pos} is never closed (record ${this.records + 1})`,
            );
          }
          if (p + 1 >= end) {
            if (!final) return recStart;
            // closing quote at end of input
            starts[n] = pos + 1; ends[n] = p; flags[n] = fl; n++;
            this.emit(n, recStart, end, offset, onRecord);
            return end;
          }
          if (escIsQuote && buf[p + 1] === Q) {
            fl |= FIELD_ESCAPED;
            p += 2;
            continue;
          }
          break;
        }
        // p: closing quote, p + 1 < end
        const nx = buf[p + 1];
        if (nx === D) {
          starts[n] = pos + 1; ends[n] = p; flags[n] = fl; n++;
          pos = p + 2;
          continue outer;
        }
        if (nx === NL) {
          if (!crlf) {
            starts[n] = pos + 1; ends[n] = p; flags[n] = fl; n++;
            this.emit(n, recStart, p + 1, offset, onRecord);
            n = 0;
            pos = recStart = p + 2;
            if (firstOnly) return pos;
            continue outer;
          }
          if (p + 2 >= end) {
            if (!final) return recStart;
          } else if (buf[p + 2] === LF) {
            starts[n] = pos + 1; ends[n] = p; flags[n] = fl; n++;
            this.emit(n, recStart, p + 1, offset, onRecord);
            n = 0;
            pos = recStart = p + 3;
            if (firstOnly) return pos;
            continue outer;
          }
        }
        // text after the closing quote: keep scanning as an unquoted field, quotes are plain bytes
        fl |= FIELD_IRREGULAR;
        p = p + 1;
      }
      // unquoted field (or the tail of an irregular one) from p
      for (;;) {
        while (p < end) {
          const b = buf[p];
          if (b === D || b === NL) break;
          p++;
        }
        if (p >= end) {
          if (!final) return recStart;
          starts[n] = fs; ends[n] = end; flags[n] = fl; n++;
          this.emit(n, recStart, end, offset, onRecord);
          return end;
        }
        if (buf[p] === D) {
          starts[n] = fs; ends[n] = p; flags[n] = fl; n++;
          pos = p + 1;
          continue outer;
        }
        // NL
        if (crlf) {
          if (p + 1 >= end) {
            if (!final) return recStart;
            p++; // a CR at end of input is data
            continue;
          }
          if (buf[p + 1] !== LF) {
            p++;
            continue;
          }
          if (n !== 0 || p !== recStart || !this.skipEmptyLines) {
            starts[n] = fs; ends[n] = p; flags[n] = fl; n++;
            this.emit(n, recStart, p, offset, onRecord);
            n = 0;
          }
          pos = recStart = p + 2;
        } else {
          if (n !== 0 || p !== recStart || !this.skipEmptyLines) {
            starts[n] = fs; ends[n] = p; flags[n] = fl; n++;
            this.emit(n, recStart, p, offset, onRecord);
            n = 0;
          }
          pos = recStart = p + 1;
        }
        if (firstOnly) return pos;
        continue outer;
      }
    }
  }

  private emit(n: number, recStart: number, recEnd: number, offset: number, onRecord: OnRecord): void {
    if (recEnd - recStart > this.maxRecordBytes) this.tooLarge(offset + recStart);
    this.fieldCount = n;
    this.recordStart = recStart;
    this.recordEnd = recEnd;
    this.recordOffset = offset + recStart;
    onRecord(this);
    this.records++;
  }

  private tooLarge(at: number): never {
    throw new CsvDeclinedError(
      'record-too-large',
      at,
      `record ${this.records + 1} at byte ${at} is longer than ${this.maxRecordBytes} bytes; an unbalanced quote may have swallowed the rest of the file`,
    );
  }

  private grow(): void {
    const n = this.starts.length * 2;
    const s = new Int32Array(n);
    s.set(this.starts);
    const e = new Int32Array(n);
    e.set(this.ends);
    const f = new Uint8Array(n);
    f.set(this.flags);
    this.starts = s;
    this.ends = e;
    this.flags = f;
  }

  /** @internal a Buffer view of tok.buf, for fast UTF-8 decoding */
  nodeBuffer(): Buffer {
    if (this.nodeBufSrc !== this.buf) {
      const b = this.buf;
      this.nodeBuf = Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
      this.nodeBufSrc = b;
    }
    return this.nodeBuf;
  }
}

/** A copy, never a view (Buffer.prototype.slice returns a view). */
function copyBytes(a: Uint8Array, from: number): Uint8Array {
  const out = new Uint8Array(a.length - from);
  out.set(a.subarray(from));
  return out;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** csv-parse's string for field i of the current record. */
export function fieldToString(tok: CsvTokenizer, i: number): string {
  const s = tok.starts[i]!;
  const e = tok.ends[i]!;
  const f = tok.flags[i]!;
  const b = tok.nodeBuffer();
  if ((f & FIELD_IRREGULAR) !== 0) return irregularValue(b, s, e, tok.quote, tok.escape);
  if ((f & FIELD_ESCAPED) !== 0) return unescapeToString(b, s, e, tok.quote, tok.escape);
  if (e - s <= 12) {
    // Short ASCII cells built in JS beat the native decoder's call overhead (~1.2x measured with a Map
    // consumer, bench/results/csv-fast.md); up to 12 chars V8 makes flat strings, longer ones would be cons
    // strings that the consumer pays to flatten.
    let str = '';
    for (let p = s; p < e; p++) {
      const c = b[p]!;
      if (c > 127) return utf8(b, s, e);
      str += String.fromCharCode(c);
    }
    return str;
  }
  return utf8(b, s, e);
}

/**
 * b.toString('utf8', s, e) without its argument handling: Buffer's utf8Slice is what toString calls once it
 * has checked the encoding and the range (always in range here). 158 vs 188 ns per field longer than 12
 * bytes on the bench export (816k fields, median of 5).
 */
const utf8 = (b: Buffer, s: number, e: number): string => (b as Buffer & { utf8Slice(start: number, end: number): string }).utf8Slice(s, e);

/** The bytes of a quoted field's inner text with escapes resolved, decoded. */
function unescapeToString(b: Buffer, s: number, e: number, quote: number, escape: number): string {
  if (escape === quote) {
    // a quote never continues a UTF-8 sequence, so decoding first and collapsing `""` after is the same
    const q = String.fromCharCode(quote);
    return b.toString('utf8', s, e).replaceAll(q + q, q);
  }
  const parts: Buffer[] = [];
  let from = s;
  for (let p = s; p < e; p++) {
    if (b[p] === escape) {
      parts.push(b.subarray(from, p));
      from = p + 1;
      p++; // the escaped byte is kept, even an escape
    }
  }
  parts.push(b.subarray(from, e));
  return Buffer.concat(parts).toString('utf8');
}

/** Value of `"inner"rest` under csv-parse relax_quotes (see the header comment). */
function irregularValue(b: Buffer, s: number, e: number, quote: number, escape: number): string {
  // s is the opening quote; find the closing one (the first quote not escaped)
  let p = s + 1;
  for (;;) {
    const c = b[p];
    if (escape !== quote && c === escape) {
      p += 2;
      continue;
    }
    if (c !== quote) {
      p++;
      continue;
    }
    if (escape === quote && b[p + 1] === quote) {
      p += 2;
      continue;
    }
    break;
  }
  const q = String.fromCharCode(quote);
  const inner = unescapeToString(b, s + 1, p, quote, escape);
  if (b[p + 1] === 0) return inner + b.toString('utf8', p + 1, e);
  return q + inner + b.toString('utf8', p, e);
}

/** 53-bit hash of field i's value bytes: equal for `abc`, `"abc"`; `""` read as one quote. */
export function fieldHash53(tok: CsvTokenizer, i: number, seed = 0): number {
  const f = tok.flags[i]!;
  if (f === 0 || f === FIELD_QUOTED) return hashBytes53(tok.buf, tok.starts[i]!, tok.ends[i]!, seed);
  if ((f & FIELD_IRREGULAR) === 0) return hashBytesUnescaped53(tok.buf, tok.starts[i]!, tok.ends[i]!, tok.escape, seed);
  return hashString53(fieldToString(tok, i), seed);
}

/** True when field i's value is the empty string (an unquoted empty field or `""`). */
export function fieldIsEmpty(tok: CsvTokenizer, i: number): boolean {
  return tok.starts[i] === tok.ends[i] && (tok.flags[i]! & FIELD_IRREGULAR) === 0;
}

export function recordToStrings(tok: CsvTokenizer): string[] {
  const out = new Array<string>(tok.fieldCount);
  for (let i = 0; i < tok.fieldCount; i++) out[i] = fieldToString(tok, i);
  return out;
}

/** Whole buffer to arrays of strings (tests and small inputs). */
export function tokenizeToArrays(buf: Uint8Array, dialect: CsvDialect, opts: CsvTokenizerOptions = {}): string[][] {
  const out: string[][] = [];
  const tok = new CsvTokenizer(dialect, opts);
  tok.tokenize(buf, 0, buf.length, (t) => {
    out.push(recordToStrings(t));
  });
  return out;
}
