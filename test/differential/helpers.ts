import { parse } from 'csv-parse/sync';
import {
  CsvDeclinedError,
  CsvTokenizer,
  REFERENCE_CSV_PARSE_OPTIONS,
  csvParseOptionsFor,
  detectRecordDelimiter,
  recordToStrings,
  type CsvDialect,
} from '../../src/sources/csv-tokenizer.js';

export type Outcome = { kind: 'records'; records: string[][] } | { kind: 'rejected' | 'declined'; reason: string };

/**
 * csv-parse, the reference. With `recordDelimiter: 'auto'` csv-parse discovers it itself (no option),
 * which checks detectRecordDelimiter too.
 */
export function referenceParse(
  buf: Buffer,
  delimiter: number,
  recordDelimiter: CsvDialect['recordDelimiter'] | 'auto',
  skipEmptyLines = false,
  quote = 0x22,
  escape = 0x22,
): Outcome {
  const opts =
    recordDelimiter === 'auto'
      ? {
          ...REFERENCE_CSV_PARSE_OPTIONS,
          skip_empty_lines: skipEmptyLines,
          delimiter: String.fromCharCode(delimiter),
          quote: String.fromCharCode(quote),
          escape: String.fromCharCode(escape),
        }
      : csvParseOptionsFor({ delimiter, quote, escape, recordDelimiter }, { skipEmptyLines });
  try {
    return { kind: 'records', records: parse(buf, opts) as string[][] };
  } catch (e) {
    return { kind: 'rejected', reason: String((e as { code?: string }).code ?? e) };
  }
}

function dataStart(buf: Uint8Array): number {
  return buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
}

/** The fast path; chunkSizes cycles through push() sizes (streaming), or one tokenize() call when absent. */
export function fastParse(
  buf: Buffer,
  delimiter: number,
  recordDelimiter: CsvDialect['recordDelimiter'] | 'auto',
  chunkSizes?: readonly number[],
  skipEmptyLines = false,
  quote = 0x22,
  escape = 0x22,
): Outcome {
  const rd =
    recordDelimiter === 'auto' ? detectRecordDelimiter(buf, dataStart(buf), buf.length, true, delimiter, quote, escape)! : recordDelimiter;
  const records: string[][] = [];
  const onRecord = (t: CsvTokenizer) => {
    records.push(recordToStrings(t));
  };
  try {
    const tok = new CsvTokenizer({ delimiter, quote, escape, recordDelimiter: rd }, { skipEmptyLines });
    if (chunkSizes === undefined) {
      tok.tokenize(buf, 0, buf.length, onRecord);
    } else {
      let pos = 0;
      let k = 0;
      // one reused chunk buffer, scribbled over after each push, proves the tokenizer keeps no view of it
      const chunk = Buffer.alloc(Math.max(...chunkSizes, 1));
      while (pos < buf.length) {
        const size = Math.min(Math.max(1, chunkSizes[k++ % chunkSizes.length]!), buf.length - pos);
        buf.copy(chunk, 0, pos, pos + size);
        tok.push(chunk.subarray(0, size), onRecord);
        chunk.fill(0x22);
        pos += size;
      }
      tok.end(onRecord);
    }
    return { kind: 'records', records };
  } catch (e) {
    if (e instanceof CsvDeclinedError) return { kind: 'declined', reason: e.reason };
    throw e;
  }
}

export type Verdict = 'agreed' | 'declined-both' | 'declined-fast' | 'skipped' | 'disagreed';

/**
 * agreed: same records. declined-both: csv-parse rejects and the fast path declines. declined-fast: the fast
 * path declines an input csv-parse reads (e.g. a UTF-16 BOM): it goes to csv-parse, which is the design.
 * skipped: csv-parse rejects but the fast path returns records (should not happen). disagreed: both return
 * records and they differ.
 */
export function compare(ref: Outcome, fast: Outcome): Verdict {
  if (ref.kind === 'rejected') return fast.kind === 'declined' ? 'declined-both' : 'skipped';
  if (fast.kind !== 'records') return 'declined-fast';
  return JSON.stringify(ref.records) === JSON.stringify(fast.records) ? 'agreed' : 'disagreed';
}

/** First differing record, for failure messages. */
export function firstDifference(a: Outcome, b: Outcome): string {
  if (a.kind !== 'records' || b.kind !== 'records') return `${a.kind} vs ${b.kind}`;
  const n = Math.max(a.records.length, b.records.length);
  for (let i = 0; i < n; i++) {
    const x = JSON.stringify(a.records[i]);
    const y = JSON.stringify(b.records[i]);
    if (x !== y) return `record ${i}: csv-parse ${x} vs fast ${y} (counts ${a.records.length} / ${b.records.length})`;
  }
  return 'equal';
}
