import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, fastParse, firstDifference, referenceParse, type Verdict } from './helpers.js';

const CORPUS = path.resolve(import.meta.dirname, '../../..', 'shared/corpus');

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(csv|tsv|txt)$/i.test(name)) out.push(p);
  }
  return out;
}

/** A .txt "looks like CSV" when it is text and its first line holds a delimiter; licences and readmes don't. */
function looksLikeCsv(file: string, buf: Buffer): boolean {
  if (!/\.txt$/i.test(file)) return true;
  if (/(^|\/)(license|licence|copying|readme|notice|unlicense)[^/]*$/i.test(file)) return false;
  const head = buf.subarray(0, 4096);
  if (head.includes(0)) return false;
  const firstLine = head.toString('utf8').split(/\r\n|\n|\r/)[0] ?? '';
  return /[,;\t|]/.test(firstLine);
}

/** The same dialect goes to both parsers; sniffing only makes the comparison more interesting. */
function sniffDelimiter(file: string, buf: Buffer): number {
  if (/\.tsv$/i.test(file)) return 0x09;
  const firstLine = buf.subarray(0, 65536).toString('utf8').split(/\r\n|\n|\r/)[0] ?? '';
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t', '|']) {
    const n = firstLine.split(d).length - 1;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best.charCodeAt(0);
}

/** Files both parsers read identically, with csv-parse's records (filled by the first test, reused by the second). */
const agreedFiles: { file: string; buf: Buffer; delimiter: number; records: string[][] }[] = [];

describe('fast tokenizer vs csv-parse over ../shared/corpus', () => {
  it('agrees record for record on every CSV csv-parse accepts, declines the rest', () => {
    const files = walk(CORPUS);
    const tally: Record<Verdict | 'not-csv', number> = {
      agreed: 0, 'declined-both': 0, 'declined-fast': 0, skipped: 0, disagreed: 0, 'not-csv': 0,
    };
    const declinedFast: string[] = [];
    const problems: string[] = [];
    let records = 0;
    let skipRecords = 0;
    let bytes = 0;
    for (const file of files) {
      const buf = readFileSync(file);
      if (!looksLikeCsv(file, buf)) {
        tally['not-csv']++;
        continue;
      }
      const delim = sniffDelimiter(file, buf);
      const ref = referenceParse(buf, delim, 'auto');
      const fast = fastParse(buf, delim, 'auto');
      const v = compare(ref, fast);
      tally[v]++;
      if (v === 'declined-fast') declinedFast.push(`${path.relative(CORPUS, file)} (${fast.kind === 'declined' ? fast.reason : ''})`);
      if (v === 'disagreed' || v === 'skipped') problems.push(`${v}: ${path.relative(CORPUS, file)} ${firstDifference(ref, fast)} ${ref.kind === 'rejected' ? ref.reason : ''}`);
      // the engine reads with skip_empty_lines (src/sources/csv-stream.ts): same verdict, same records
      const refSkip = referenceParse(buf, delim, 'auto', true);
      const fastSkip = fastParse(buf, delim, 'auto', undefined, true);
      const vSkip = compare(refSkip, fastSkip);
      if (vSkip !== v) problems.push(`skip_empty_lines: ${path.relative(CORPUS, file)} ${vSkip} vs ${v} ${firstDifference(refSkip, fastSkip)}`);
      if (vSkip === 'agreed' && fastSkip.kind === 'records') skipRecords += fastSkip.records.length;
      if (v === 'agreed' && fast.kind === 'records') {
        agreedFiles.push({ file, buf, delimiter: delim, records: fast.records });
        records += fast.records.length;
        bytes += buf.length;
        // streaming with awkward chunk sizes gives the same records
        expect(fastParse(buf, delim, 'auto', [4093, 1, 2, 65536, 7])).toEqual(fast);
      }
    }
    const considered = tally.agreed + tally['declined-both'] + tally['declined-fast'] + tally.skipped + tally.disagreed;
    const declined = tally['declined-both'] + tally['declined-fast'];
    console.log(
      `corpus: ${files.length} files, ${considered} parsed as CSV (${tally['not-csv']} .txt not CSV); ` +
        `agreed ${tally.agreed} (${((100 * tally.agreed) / considered).toFixed(1)}%), ` +
        `declined ${declined} (${((100 * declined) / considered).toFixed(1)}%: ${tally['declined-both']} rejected by csv-parse too, ${tally['declined-fast']} left to csv-parse), ` +
        `csv-parse-rejected-only ${tally.skipped}, disagreed ${tally.disagreed}; ${records} records, ${bytes} bytes agreed`,
    );
    console.log('declined by the fast path, read by csv-parse:', declinedFast);
    expect(problems).toEqual([]);
    expect(tally).toEqual({ agreed: 893, "declined-both": 7, "declined-fast": 6, skipped: 0, disagreed: 0, "not-csv": 32 });
    expect(declinedFast.every((d) => d.endsWith("(utf16-bom)"))).toBe(true);
    expect(records).toBe(416076);
    expect(skipRecords).toBe(375470);
  }, 300_000);
});

describe('split + fast tokenizer vs csv-parse over ../shared/corpus', () => {
  it('every agreed corpus file, cut into 2, 3 and 7 parts, gives csv-parse records in order', async () => {
    const { bufferSource, csvDataStart, splitCsv } = await import('../../src/sources/csv-split.js');
    const { CsvTokenizer, detectRecordDelimiter, recordToStrings } = await import('../../src/sources/csv-tokenizer.js');
    let files = 0;
    let parts = 0;
    const methods: Record<string, number> = {};
    for (const { file, buf, delimiter, records } of agreedFiles) {
      files++;
      const src = bufferSource(buf);
      const start = csvDataStart(src);
      const dialect = { delimiter, recordDelimiter: detectRecordDelimiter(buf, start, buf.length, true, delimiter)! };
      for (const n of [2, 3, 7]) {
        for (const window of [1 << 20, 16]) {
          const split = splitCsv(src, n, dialect, { window });
          for (const m of split.methods) methods[m] = (methods[m] ?? 0) + 1;
          const got: string[][] = [];
          for (const r of split.ranges) {
            parts++;
            new CsvTokenizer(dialect, { bom: false }).tokenize(buf, r.start, r.end, (t) => {
              got.push(recordToStrings(t));
            });
          }
          if (JSON.stringify(got) !== JSON.stringify(records)) {
            throw new Error(`${path.relative(CORPUS, file)} in ${n} parts (window ${window}) differs from csv-parse`);
          }
        }
      }
    }
    console.log(`corpus split: ${files} files, ${parts} parts, split points proven by`, methods);
    expect(files).toBe(893);
    expect(methods).toEqual({ eof: 5579, exact: 3919, lockstep: 1908 });
  }, 300_000);
});
