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

describe('fast tokenizer vs csv-parse over ../shared/corpus', () => {
  it('agrees record for record on every CSV csv-parse accepts, declines the rest', () => {
    const files = walk(CORPUS);
    const tally: Record<Verdict | 'not-csv', number> = {
      agreed: 0, 'declined-both': 0, 'declined-fast': 0, skipped: 0, disagreed: 0, 'not-csv': 0,
    };
    const declinedFast: string[] = [];
    const problems: string[] = [];
    let records = 0;
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
      if (v === 'agreed' && fast.kind === 'records') {
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
  });
});
