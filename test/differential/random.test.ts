import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compare, fastParse, firstDifference, referenceParse, type Verdict } from './helpers.js';

// Tokens that stress the grammar: quotes, doubled quotes, every line ending, delimiters, multi-byte UTF-8,
// a UTF-8 BOM mid-text, NUL (csv-parse's closing-quote quirk) and a lone UTF-8 lead byte (U+FFFD decoding).
const TOKENS = ['a', 'bc', 'é', '😀', ' ', ',', ';', '\t', '"', '""', '\n', '\r', '\r\n', '\ufeff', '\0', 'x"y', '\u00ff'];
const rawCsv = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }), fc.boolean())
  .map(([bom, toks, badByte]) => {
    const b = Buffer.from((bom ? '\ufeff' : '') + toks.join(''), 'utf8');
    return badByte && b.length > 0 ? Buffer.concat([b.subarray(0, b.length >> 1), Buffer.from([0xe2]), b.subarray(b.length >> 1)]) : b;
  });

// Well-formed CSV written from random fields: quoted when needed (or at random), `""` escapes, a chosen EOL.
const field = fc.oneof(
  fc.constant(''),
  fc.string({ unit: fc.constantFrom('a', 'Z', '9', ' ', ',', ';', '\t', '"', '\n', '\r', 'é', '日', '😀'), maxLength: 12 }),
);
const wellFormed = fc
  .tuple(
    fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.constantFrom(',', ';', '\t'),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([rows, eol, delim, quoteAll, trailingEol]) => {
    const text = rows
      .map((r) =>
        r
          .map((f) =>
            quoteAll || f === '' || /[",;\t\r\n]/.test(f) || f.startsWith('"') ? `"${f.replaceAll('"', '""')}"` : f,
          )
          .join(delim),
      )
      .join(eol);
    return { buf: Buffer.from(text + (trailingEol ? eol : ''), 'utf8'), delim: delim.charCodeAt(0), rows };
  });

const chunking = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 });

describe('fast tokenizer vs csv-parse on random CSV', () => {
  it('raw token soup: agrees or declines with csv-parse, never disagrees (all dialects, streaming too)', () => {
    const tally: Record<Verdict, number> = { agreed: 0, 'declined-both': 0, 'declined-fast': 0, skipped: 0, disagreed: 0 };
    fc.assert(
      fc.property(rawCsv, fc.constantFrom(0x2c, 0x3b, 0x09), chunking, fc.boolean(), (buf, delim, chunks, skipEmpty) => {
        for (const rd of ['auto', 'lf', 'crlf', 'cr'] as const) {
          const ref = referenceParse(buf, delim, rd, skipEmpty);
          const fast = fastParse(buf, delim, rd, undefined, skipEmpty);
          const v = compare(ref, fast);
          tally[v]++;
          if (v === 'disagreed' || v === 'skipped' || v === 'declined-fast') throw new Error(`${rd} ${JSON.stringify(buf.toString('latin1'))}: ${v} ${firstDifference(ref, fast)}`);
          const streamed = fastParse(buf, delim, rd, chunks, skipEmpty);
          expect(streamed).toEqual(fast);
        }
      }),
      { numRuns: 3000, seed: 20261127 },
    );
    console.log('token soup x 4 record delimiters:', tally);
    expect(tally.disagreed).toBe(0);
    expect(tally.skipped).toBe(0);
    expect(tally).toEqual({ agreed: 11432, 'declined-both': 568, 'declined-fast': 0, skipped: 0, disagreed: 0 });
  });

  it("other quote and escape bytes: quote ' with csv-parse's default escape \", and escape \\", () => {
    const tokens = ['a', 'é', ',', "'", "''", '"', '""', '\\', '\\\\', '\n', '\r\n', '\r', ' '];
    const tally: Record<Verdict, number> = { agreed: 0, 'declined-both': 0, 'declined-fast': 0, skipped: 0, disagreed: 0 };
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...tokens), { maxLength: 40 }),
        fc.constantFrom([0x27, 0x22], [0x22, 0x5c], [0x27, 0x5c], [0x27, 0x27]),
        chunking,
        (toks, [quote, escape], chunks) => {
          const buf = Buffer.from(toks.join(''), 'utf8');
          for (const rd of ['auto', 'lf', 'crlf'] as const) {
            const ref = referenceParse(buf, 0x2c, rd, false, quote!, escape!);
            const fast = fastParse(buf, 0x2c, rd, undefined, false, quote!, escape!);
            const v = compare(ref, fast);
            tally[v]++;
            if (v !== 'agreed' && v !== 'declined-both') {
              throw new Error(`${rd} q=${quote} e=${escape} ${JSON.stringify(buf.toString())}: ${v} ${firstDifference(ref, fast)}`);
            }
            expect(fastParse(buf, 0x2c, rd, chunks, false, quote!, escape!)).toEqual(fast);
          }
        },
      ),
      { numRuns: 2000, seed: 99 },
    );
    console.log('quote/escape variants:', tally);
    expect(tally).toEqual({ agreed: 5432, 'declined-both': 568, 'declined-fast': 0, skipped: 0, disagreed: 0 });
  });

  it('well-formed CSV: both give back exactly the fields written', () => {
    fc.assert(
      fc.property(wellFormed, chunking, ({ buf, delim, rows }, chunks) => {
        const ref = referenceParse(buf, delim, 'auto');
        const fast = fastParse(buf, delim, 'auto');
        expect(firstDifference(ref, fast)).toBe('equal');
        expect(fastParse(buf, delim, 'auto', chunks)).toEqual(fast);
        expect(fast).toEqual({ kind: 'records', records: rows });
      }),
      { numRuns: 2000, seed: 42 },
    );
  });
});
