import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { hashBytes53, hashString53 } from '../../../src/sources/csv-hash.js';
import {
  CsvDeclinedError,
  CsvTokenizer,
  FIELD_ESCAPED,
  FIELD_IRREGULAR,
  FIELD_QUOTED,
  csvParseOptionsFor,
  detectRecordDelimiter,
  dialectFrom,
  fieldHash53,
  fieldIsEmpty,
  fieldToString,
  recordToStrings,
  tokenizeToArrays,
  type CsvDialect,
} from '../../../src/sources/csv-tokenizer.js';

const LF: CsvDialect = { delimiter: 0x2c, recordDelimiter: 'lf' };
const b = (s: string) => Buffer.from(s, 'utf8');

describe('CsvTokenizer', () => {
  it('reports field boundaries and flags without building strings', () => {
    const seen: unknown[] = [];
    new CsvTokenizer(LF).tokenize(b('ab,"c,d","e""f","g"h,\n'), 0, 22, (t) => {
      for (let i = 0; i < t.fieldCount; i++) seen.push([t.starts[i], t.ends[i], t.flags[i]]);
      seen.push({ recordStart: t.recordStart, recordEnd: t.recordEnd, recordOffset: t.recordOffset });
    });
    expect(seen).toEqual([
      [0, 2, 0],
      [4, 7, FIELD_QUOTED],
      [10, 14, FIELD_QUOTED | FIELD_ESCAPED],
      [16, 20, FIELD_QUOTED | FIELD_IRREGULAR],
      [21, 21, 0],
      { recordStart: 0, recordEnd: 21, recordOffset: 0 },
    ]);
  });

  it('decodes values as csv-parse does, quirks included', () => {
    const text = 'ab,"c,d","e""f","g"h,"i"\u0000j,k"l,""\n"\r\n",é😀,"a""b"c"d\n\n';
    const ours = tokenizeToArrays(b(text), LF);
    expect(ours).toEqual([
      ['ab', 'c,d', 'e"f', '"g"h', 'i\u0000j', 'k"l', ''],
      ['\r\n', 'é😀', '"a"b"c"d'],
      [''],
    ]);
    expect(parse(b(text), csvParseOptionsFor(LF))).toEqual(ours);
  });

  it('skipEmptyLines drops only lines with no bytes, like csv-parse skip_empty_lines', () => {
    const text = 'a\n\n""\n \n\r\n,\nb';
    const ours = tokenizeToArrays(b(text), LF, { skipEmptyLines: true });
    expect(ours).toEqual([['a'], [''], [' '], ['\r'], ['', ''], ['b']]);
    expect(parse(b(text), csvParseOptionsFor(LF, { skipEmptyLines: true }))).toEqual(ours);
    const crlf: CsvDialect = { delimiter: 0x2c, recordDelimiter: 'crlf' };
    expect(tokenizeToArrays(b('a\r\n\r\n\n\r\nb\r\n'), crlf, { skipEmptyLines: true })).toEqual([['a'], ['\n'], ['b']]);
  });

  it('streams: a record cut at every byte, and 1-byte chunks, give the same records and offsets', () => {
    const text = b('\ufeffid,"multi\r\nline ""q""",x\r\n2,"",\r\n3,"end"');
    const crlf: CsvDialect = { delimiter: 0x2c, recordDelimiter: 'crlf' };
    const whole: unknown[] = [];
    new CsvTokenizer(crlf).tokenize(text, 0, text.length, (t) => whole.push([t.recordOffset, ...recordToStrings(t)]));
    expect(whole).toEqual([
      [3, 'id', 'multi\r\nline "q"', 'x'],
      [29, '2', '', ''],
      [36, '3', 'end'],
    ]);
    for (let cut = 0; cut <= text.length; cut++) {
      const got: unknown[] = [];
      const tok = new CsvTokenizer(crlf);
      const on = (t: CsvTokenizer) => got.push([t.recordOffset, ...recordToStrings(t)]);
      tok.push(text.subarray(0, cut), on);
      tok.push(text.subarray(cut), on);
      tok.end(on);
      expect(got, `cut at ${cut}`).toEqual(whole);
    }
    const got: unknown[] = [];
    const tok = new CsvTokenizer(crlf);
    const on = (t: CsvTokenizer) => got.push([t.recordOffset, ...recordToStrings(t)]);
    for (let i = 0; i < text.length; i++) tok.push(text.subarray(i, i + 1), on);
    tok.end(on);
    expect(got).toEqual(whole);
  });

  it('grows its field arrays for wide records', () => {
    const row = Array.from({ length: 1000 }, (_, i) => (i % 2 ? `"${i}"` : `${i}`)).join(',');
    const recs = tokenizeToArrays(b(`${row}\n${row}\n`), LF, { initialFields: 4 });
    expect(recs.length).toBe(2);
    expect(recs[1]!.length).toBe(1000);
    expect(recs[1]![999]).toBe('999');
  });

  it('declines an unclosed quote, a UTF-16 BOM and an over-long record, with the byte offset', () => {
    const decline = (f: () => void) => {
      try {
        f();
      } catch (e) {
        if (e instanceof CsvDeclinedError) return [e.reason, e.byteOffset];
        throw e;
      }
      return null;
    };
    expect(decline(() => tokenizeToArrays(b('a,b\nc,"d\n'), LF))).toEqual(['unclosed-quote', 6]);
    expect(decline(() => tokenizeToArrays(Buffer.from([0xff, 0xfe, 0x61, 0]), LF))).toEqual(['utf16-bom', 0]);
    expect(decline(() => tokenizeToArrays(b('ab\nabcdef\nab\n'), LF, { maxRecordBytes: 5 }))).toEqual(['record-too-large', 3]);
    // streaming: the carry never grows past maxRecordBytes
    expect(
      decline(() => {
        const tok = new CsvTokenizer(LF, { maxRecordBytes: 8 });
        for (let i = 0; i < 100; i++) tok.push(b('"xxxxx'), () => {});
      }),
    ).toEqual(['record-too-large', 0]);
    expect(decline(() => dialectFrom({ delimiter: '"', recordDelimiter: 'lf' }))).toEqual(['bad-dialect', 0]);
  });
});

describe('detectRecordDelimiter (csv-parse discovery rule)', () => {
  it('takes the first CR/LF outside quotes', () => {
    expect(detectRecordDelimiter(b('"a\nb",c\r\nd\n'))).toBe('crlf');
    expect(detectRecordDelimiter(b('a,"\r\n"\rb\n'))).toBe('cr');
    expect(detectRecordDelimiter(b('a"\r\n,b\n'))).toBe('crlf');
    expect(detectRecordDelimiter(b('"x"\r'))).toBe('cr');
    expect(detectRecordDelimiter(b('abc'))).toBe('lf');
    expect(detectRecordDelimiter(b('abc\r'), 0, 4, false)).toBe(null);
    expect(detectRecordDelimiter(b('"ab\n'), 0, 4, false)).toBe(null);
  });
});

describe('field hashing', () => {
  it('hashes the logical value: quoted and unquoted copies agree, `""` counts as one quote', () => {
    const hashes: number[][] = [];
    new CsvTokenizer(LF).tokenize(b('abc,"abc","a""b",a"b,"a"b,é\n'), 0, 29, (t) => {
      const row: number[] = [];
      for (let i = 0; i < t.fieldCount; i++) {
        row.push(fieldHash53(t, i));
        expect(fieldHash53(t, i)).toBe(hashString53(fieldToString(t, i)));
      }
      hashes.push(row);
      expect([0, 1, 2, 3, 4, 5].map((i) => fieldIsEmpty(t, i))).toEqual([false, false, false, false, false, false]);
    });
    const [h] = hashes;
    expect(h![0]).toBe(h![1]);
    expect(h![2]).toBe(h![3]);
    expect(h![4]).not.toBe(h![0]);
    expect(hashString53('abc')).toBe(hashBytes53(b('abc'), 0, 3));
    // pinned: the hash is part of merged state, so it must not change silently (cyrb53('') is bryc's published value)
    expect(hashString53('')).toBe(3338908027751811);
    expect(hashString53('abc')).toBe(5059922895146125);
  });

  it('is a safe integer and does not collide on 300k distinct short keys', () => {
    const seen = new Set<number>();
    let unsafe = 0;
    for (let i = 0; i < 300_000; i++) {
      const h = hashString53(`k${i}`);
      if (!Number.isSafeInteger(h) || h < 0) unsafe++;
      seen.add(h);
    }
    expect(unsafe).toBe(0);
    expect(seen.size).toBe(300_000);
  });
});
