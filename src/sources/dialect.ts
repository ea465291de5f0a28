import { parse } from 'csv-parse/sync';
import { classifyValue, ValueKind } from '../metrics/value-kind.js';

/**
 * CSV dialect sniffing on a decoded sample: delimiter, quote character, header row, line ending.
 *
 * Delimiter: each candidate parses the sample (quote-aware, with csv-parse); the winner is the one whose
 * records most consistently share a field count above one (CleverCSV's "pattern score" idea, reduced to the
 * modal width and its share). Header: csv.Sniffer's voting idea – a first row whose cells are text where the
 * column below is numeric/date/boolean, or whose lengths stand out from a column of fixed-length values,
 * votes for a header; a first row that looks like the data votes against it. The report carries every
 * choice and a confidence, and each can be overridden on the command line.
 */
export interface SniffedDialect {
  delimiter: string;
  quote: string;
  header: boolean;
  lineEnding: 'LF' | 'CRLF' | 'CR' | 'none';
  /** 0..1: share of sampled records that have the modal field count for the chosen delimiter. */
  confidence: number;
  headerConfidence: number;
}

export const DELIMITER_CANDIDATES = [',', ';', '\t', '|', ':'] as const;
const SAMPLE_RECORDS = 200;

interface Trial {
  delimiter: string;
  quote: string;
  records: string[][];
  modalWidth: number;
  share: number;
}

function countChar(s: string, c: string): number {
  let n = 0;
  for (let i = s.indexOf(c); i !== -1; i = s.indexOf(c, i + 1)) n++;
  return n;
}

function tryParse(sample: string, delimiter: string, quote: string, complete: boolean): string[][] | null {
  const records = tryParseOnce(sample, delimiter, quote);
  if (records || complete) return records;
  // A sample cut inside a long quoted field fails to parse; retry on shorter whole-line prefixes.
  for (let cut = sample.length >> 1; cut > 1024; cut >>= 1) {
    const line = sample.lastIndexOf('\n', cut);
    if (line <= 0) break;
    const r = tryParseOnce(sample.slice(0, line), delimiter, quote);
    if (r) return r;
  }
  return null;
}

function tryParseOnce(sample: string, delimiter: string, quote: string): string[][] | null {
  try {
    return parse(sample, {
      delimiter,
      quote,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      to: SAMPLE_RECORDS,
    }) as string[][];
  } catch {
    return null;
  }
}

function score(records: string[][]): { modalWidth: number; share: number } {
  const counts = new Map<number, number>();
  for (const r of records) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let modalWidth = 0;
  let best = 0;
  for (const [w, n] of counts) if (n > best || (n === best && w > modalWidth)) [modalWidth, best] = [w, n];
  return { modalWidth, share: records.length ? best / records.length : 0 };
}

/** Cuts a sample at its last line break so a partial record does not count against a delimiter. */
function wholeLines(sample: string, complete: boolean): string {
  if (complete) return sample;
  const cut = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'));
  return cut > 0 ? sample.slice(0, cut) : sample;
}

export function sniffDialect(sampleText: string, complete: boolean, overrides: { delimiter?: string; quote?: string; header?: boolean } = {}): SniffedDialect {
  const sample = wholeLines(sampleText, complete);
  const lineEnding = detectLineEnding(sample);
  // The single quote is a candidate only where it is more common than the double quote: otherwise a broken
  // double-quoted file would be "rescued" by reading apostrophes as quotes.
  const doubles = countChar(sample, '"');
  const singles = countChar(sample, "'");
  const quotes = overrides.quote ? [overrides.quote] : singles > doubles ? ['"', "'"] : ['"'];
  const delimiters = overrides.delimiter ? [overrides.delimiter] : DELIMITER_CANDIDATES;
  let best: Trial | null = null;
  for (const quote of quotes) {
    for (const delimiter of delimiters) {
      const records = tryParse(sample, delimiter, quote, complete);
      if (!records || records.length === 0) continue;
      const { modalWidth, share } = score(records);
      // A single-column reading is the fallback only; any consistent multi-column reading beats it.
      const value = (modalWidth > 1 ? 1 : 0) * share * (1 + Math.log2(Math.max(1, modalWidth)) / 16);
      const bestValue = best ? (best.modalWidth > 1 ? 1 : 0) * best.share * (1 + Math.log2(Math.max(1, best.modalWidth)) / 16) : -1;
      // The double quote wins ties: a single quote is tried only for files that need it.
      if (value > bestValue + 1e-9) best = { delimiter, quote, records, modalWidth, share };
    }
  }
  if (!best) return { delimiter: overrides.delimiter ?? ',', quote: overrides.quote ?? '"', header: overrides.header ?? true, lineEnding, confidence: 0, headerConfidence: 0 };
  const single = best.modalWidth <= 1;
  const header = overrides.header ?? detectHeader(best.records);
  return {
    delimiter: single ? overrides.delimiter ?? ',' : best.delimiter,
    quote: best.quote,
    header: typeof header === 'boolean' ? header : header.header,
    lineEnding,
    confidence: single ? best.share * 0.5 : best.share,
    headerConfidence: typeof header === 'boolean' ? 1 : header.confidence,
  };
}

function detectLineEnding(sample: string): SniffedDialect['lineEnding'] {
  const crlf = (sample.match(/\r\n/g) ?? []).length;
  const lf = (sample.match(/\n/g) ?? []).length - crlf;
  const cr = (sample.match(/\r/g) ?? []).length - crlf;
  if (crlf === 0 && lf === 0 && cr === 0) return 'none';
  if (crlf >= lf && crlf >= cr) return 'CRLF';
  return lf >= cr ? 'LF' : 'CR';
}

function isTyped(kind: ValueKind): boolean {
  return kind !== ValueKind.String;
}

export function detectHeader(records: string[][]): { header: boolean; confidence: number } {
  if (records.length < 2) return { header: true, confidence: 0.5 };
  const [first, ...rest] = records as [string[], ...string[][]];
  const width = first.length;
  let votes = 0;
  let columns = 0;
  for (let c = 0; c < width; c++) {
    const h = (first[c] ?? '').trim();
    const values = rest.map((r) => (r[c] ?? '').trim()).filter((v) => v !== '');
    if (values.length === 0) continue;
    columns++;
    const kinds = values.map(classifyValue);
    const typedShare = kinds.filter(isTyped).length / kinds.length;
    const headerKind = h === '' ? ValueKind.String : classifyValue(h);
    if (typedShare >= 0.8) {
      // A typed column: a text first cell is a name; a typed first cell is data.
      votes += isTyped(headerKind) ? -1 : 1;
      continue;
    }
    const lengths = new Set(values.map((v) => v.length));
    // Fixed-length codes (ids, ISO codes) are evidence only with a few values to go on.
    if (lengths.size === 1 && values.length >= 3) {
      votes += [...lengths][0] === h.length ? -1 : 1;
      continue;
    }
    // Text columns: a first cell that repeats in the data is data.
    if (values.includes(h)) votes -= 1;
  }
  if (columns === 0) return { header: true, confidence: 0.5 };
  // Columns of free text cannot tell; most exports carry a header, so ties keep it.
  return { header: votes >= 0, confidence: Math.min(1, 0.5 + Math.abs(votes) / (2 * columns)) };
}
