import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bufferSource,
  csvDataStart,
  exactNextRecordStart,
  findRecordStart,
  splitCsv,
  type ByteRange,
} from '../../../src/sources/csv-split.js';
import { parse } from 'csv-parse/sync';
import { CsvDeclinedError, CsvTokenizer, csvParseOptionsFor, detectRecordDelimiter, recordToStrings, type CsvDialect } from '../../../src/sources/csv-tokenizer.js';

function tokenizeRange(buf: Buffer, r: ByteRange, dialect: CsvDialect): { records: string[][]; starts: number[] } {
  const records: string[][] = [];
  const starts: number[] = [];
  const tok = new CsvTokenizer(dialect, { bom: false });
  tok.tokenize(buf, r.start, r.end, (t) => {
    records.push(recordToStrings(t));
    starts.push(t.recordOffset);
  });
  return { records, starts };
}

function dialectOf(buf: Buffer, delimiter = 0x2c): CsvDialect {
  const start = csvDataStart(bufferSource(buf));
  return { delimiter, recordDelimiter: detectRecordDelimiter(buf, start, buf.length, true, delimiter)! };
}

// Tricky files: embedded newlines of every kind inside quotes, `""` escapes, empty fields and lines,
// irregular quotes, a BOM, no final line break, quotes at odd places.
const TRICKY: Record<string, string> = {
  lf: 'id,text,n\n1,"a, b\nc",2\n2,"say ""hi""\n""bye""",3\n3,,\n\n4,"",""\n5,x"y,"z"w\n6,"\r\n",7\n',
  crlf: '\ufeffid,text\r\n1,"line1\r\nline2"\r\n2,"q""\r\n"""\r\n3,a\nb\r\n\r\n4,"",x\r\n5,"tail"\r',
  cr: 'a,b\r"x\ry","\r"\r""""\r,\r"p""q\n",z',
  quotesEverywhere: '"""",""""""\n"a""",""",""\n",",",\n"\n\n\n","x"\n',
  noFinalEol: 'h1;h2\n"multi\nline";2\n3;"4"',
  irregular: '"ab"c,"d"\n"e"f"g,h\n"x""y"z\n',
  quoteHeavyNewlines: Array.from({ length: 30 }, (_, i) => `${i},"${'"",\n'.repeat(i % 4)}x${i}",${i % 3 ? '' : '"\n"'}`).join('\n') + '\n',
};

describe('findRecordStart cuts tricky files at every byte offset', () => {
  for (const [name, text] of Object.entries(TRICKY)) {
    it(`${name}: every cut gives two parts whose records are the whole file's, in order`, () => {
      const buf = Buffer.from(text, 'utf8');
      const delimiter = name === 'noFinalEol' ? 0x3b : 0x2c;
      const dialect = dialectOf(buf, delimiter);
      const src = bufferSource(buf);
      const start = csvDataStart(src);
      const whole = tokenizeRange(buf, { start, end: buf.length }, dialect);
      const trueStarts = new Set([...whole.starts, buf.length]);
      let cuts = 0;
      for (const window of [1 << 20, 8, 1, 0]) {
        for (let t = start; t <= buf.length; t++) {
          const exact = exactNextRecordStart(src, start, t, dialect);
          // exact: the smallest true record start >= t
          const smallest = [...trueStarts].filter((s) => s >= t).sort((x, y) => x - y)[0] ?? buf.length;
          const emptyTail = exact === buf.length || trueStarts.has(exact) ? exact : -1;
          expect(emptyTail, `exact at ${t}`).toBe(exact);
          if (exact !== buf.length) expect(exact).toBe(smallest);
          const { offset } = findRecordStart(src, t, dialect, start, window);
          expect(offset >= t || offset === start).toBe(true);
          expect(trueStarts.has(offset) || offset === buf.length, `cut ${t} -> ${offset}`).toBe(true);
          const a = tokenizeRange(buf, { start, end: offset }, dialect);
          const b = tokenizeRange(buf, { start: offset, end: buf.length }, dialect);
          expect([...a.records, ...b.records]).toEqual(whole.records);
          cuts++;
        }
      }
      expect(cuts).toBe(4 * (buf.length - start + 1));
    });
  }

  it("backslash escapes and ' quotes: every cut, every window", () => {
    const text = "id,t\n1,'a\\'b\n\\\\',x\n2,'\\\n',\\\n3,'it''s',\"q\"\n4,'\r\n\\,'\n";
    const buf = Buffer.from(text, 'utf8');
    for (const [quote, escape] of [[0x27, 0x5c], [0x27, 0x22], [0x22, 0x5c]] as const) {
      const dialect: CsvDialect = {
        delimiter: 0x2c,
        quote,
        escape,
        recordDelimiter: detectRecordDelimiter(buf, 0, buf.length, true, 0x2c, quote, escape)!,
      };
      const src = bufferSource(buf);
      const whole = tokenizeRange(buf, { start: 0, end: buf.length }, dialect);
      expect(parse(buf, csvParseOptionsFor(dialect))).toEqual(whole.records);
      const trueStarts = new Set([...whole.starts, buf.length]);
      for (const window of [1 << 20, 2, 0]) {
        for (let t = 0; t <= buf.length; t++) {
          const { offset } = findRecordStart(src, t, dialect, 0, window);
          expect(trueStarts.has(offset), `q ${quote} e ${escape} cut ${t} -> ${offset}`).toBe(true);
          const a = tokenizeRange(buf, { start: 0, end: offset }, dialect);
          const b = tokenizeRange(buf, { start: offset, end: buf.length }, dialect);
          expect([...a.records, ...b.records]).toEqual(whole.records);
        }
      }
      if (quote === 0x27 && escape === 0x5c) {
        expect(whole.records).toEqual([['id', 't'], ['1', "a'b\n\\", 'x'], ['2', '\n', '\\'], ['3', "'it''s'", '"q"'], ['4', '\r\n,']]);
      }
    }
  });

  it('speculative cuts: either a true record start, or the range before it declines unclosed-quote', () => {
    const tally = { right: 0, declined: 0, speculative: 0 };
    for (const [name, text] of Object.entries(TRICKY)) {
      const buf = Buffer.from(text, 'utf8');
      const dialect = dialectOf(buf, name === 'noFinalEol' ? 0x3b : 0x2c);
      const src = bufferSource(buf);
      const start = csvDataStart(src);
      const whole = tokenizeRange(buf, { start, end: buf.length }, dialect);
      const trueStarts = new Set([...whole.starts, buf.length]);
      for (const window of [0, 1, 4]) {
        for (let t = start; t <= buf.length; t++) {
          const { offset, method } = findRecordStart(src, t, dialect, start, window, true);
          if (method === 'speculative') tally.speculative++;
          let a: string[][];
          try {
            a = tokenizeRange(buf, { start, end: offset }, dialect).records;
          } catch (e) {
            expect((e as CsvDeclinedError).reason, `${name} cut ${t} -> ${offset}`).toBe('unclosed-quote');
            expect(trueStarts.has(offset)).toBe(false);
            tally.declined++;
            continue;
          }
          expect(trueStarts.has(offset), `${name} cut ${t} -> ${offset} (${method})`).toBe(true);
          const b = tokenizeRange(buf, { start: offset, end: buf.length }, dialect).records;
          expect([...a, ...b]).toEqual(whole.records);
          tally.right++;
        }
      }
    }
    // tiny windows force many guesses; every wrong one (569) shows up as a decline, none as wrong records
    expect(tally).toEqual({ right: 1714, declined: 569, speculative: 974 });
  });

  it('pins the record counts of the tricky files', () => {
    const counts = Object.fromEntries(
      Object.entries(TRICKY).map(([name, text]) => {
        const buf = Buffer.from(text, 'utf8');
        const d = dialectOf(buf, name === 'noFinalEol' ? 0x3b : 0x2c);
        return [name, [d.recordDelimiter, tokenizeRange(buf, { start: csvDataStart(bufferSource(buf)), end: buf.length }, d).records.length]];
      }),
    );
    expect(counts).toEqual({
      lf: ['lf', 8],
      crlf: ['crlf', 7],
      cr: ['cr', 5],
      quotesEverywhere: ['lf', 3],
      noFinalEol: ['lf', 3],
      irregular: ['lf', 3],
      quoteHeavyNewlines: ['lf', 30],
    });
    // and csv-parse reads the same records from each
    for (const [name, text] of Object.entries(TRICKY)) {
      const buf = Buffer.from(text, 'utf8');
      const d = dialectOf(buf, name === 'noFinalEol' ? 0x3b : 0x2c);
      const ours = tokenizeRange(buf, { start: csvDataStart(bufferSource(buf)), end: buf.length }, d).records;
      expect(parse(buf, csvParseOptionsFor(d)), name).toEqual(ours);
    }
  });
});

describe('splitCsv', () => {
  it('any number of parts, on random tricky CSV, gives back the records in order', () => {
    const tokens = ['a', 'é', ',', '"', '""', '\n', '\r', '\r\n', ' ', 'x"y', "'", '\\'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...tokens), { maxLength: 80 }),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom(1 << 20, 0, 3),
        fc.constantFrom([0x22, 0x22], [0x27, 0x22], [0x22, 0x5c]),
        (toks, parts, window, [quote, escape]) => {
          const buf = Buffer.from(toks.join(''), 'utf8');
          const dialect: CsvDialect = {
            delimiter: 0x2c,
            quote,
            escape,
            recordDelimiter: detectRecordDelimiter(buf, 0, buf.length, true, 0x2c, quote, escape)!,
          };
          const src = bufferSource(buf);
          let whole: string[][];
          try {
            whole = tokenizeRange(buf, { start: 0, end: buf.length }, dialect).records;
          } catch {
            return; // unclosed quote: the fast path declines the file, nothing to split
          }
          const { ranges } = splitCsv(src, parts, dialect, { window });
          const got = ranges.flatMap((r) => tokenizeRange(buf, r, dialect).records);
          expect(got).toEqual(whole);
          expect(ranges.length).toBeLessThanOrEqual(parts);
          for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.start).toBe(ranges[i - 1]!.end);
          if (ranges.length > 0) expect(ranges[ranges.length - 1]!.end).toBe(buf.length);
        },
      ),
      { numRuns: 4000, seed: 7 },
    );
  });
});

describe('splitCsvFile + tokenizeFileRange on a file', () => {
  it('reads a BOM + CRLF file in 1..6 parts with the same records as one pass, with file offsets', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const os = await import('node:os');
    const { splitCsvFile, tokenizeFileRange } = await import('../../../src/sources/csv-split.js');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'csv-split-'));
    try {
      const rows = Array.from({ length: 500 }, (_, i) => `${i},"note ${i}, with ""quotes""\r\nand a line",${i % 7 ? 'x' : ''}`);
      const text = '\ufeffid,note,flag\r\n' + rows.join('\r\n') + '\r\n';
      const file = path.join(dir, 't.csv');
      writeFileSync(file, text);
      const one: unknown[] = [];
      const whole = splitCsvFile(file, 1, { delimiter: 0x2c });
      expect(whole.dialect).toEqual({ delimiter: 0x2c, quote: 0x22, escape: 0x22, recordDelimiter: 'crlf' });
      expect(whole.dataStart).toBe(3);
      await tokenizeFileRange(file, whole.ranges[0]!, whole.dialect, (t) => one.push([t.recordOffset, ...recordToStrings(t)]));
      expect(one.length).toBe(501);
      expect(one[1]).toEqual([17, '0', 'note 0, with "quotes"\r\nand a line', '']);
      for (let parts = 2; parts <= 6; parts++) {
        const s = splitCsvFile(file, parts, { delimiter: 0x2c });
        expect(s.ranges.length).toBe(parts);
        const got: unknown[] = [];
        for (const r of s.ranges) {
          await tokenizeFileRange(file, r, s.dialect, (t) => got.push([t.recordOffset, ...recordToStrings(t)]), { chunkSize: 100 });
        }
        expect(got).toEqual(one);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
