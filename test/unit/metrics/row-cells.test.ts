import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RowCells } from '../../../src/metrics/row-cells.js';
import { rowHash53 } from '../../../src/metrics/fingerprint.js';
import { valueLanes } from '../../../src/util/hash.js';
import { CsvTokenizer, recordToStrings } from '../../../src/sources/csv-tokenizer.js';
import { ColumnProfiler } from '../../../src/metrics/column.js';
import { loadRules } from '../../../src/config/rules.js';

// Fields that take every path of RowCells.fromRecord: plain ASCII, quoted, `""` escapes, UTF-8, text after a
// closing quote (csv-parse's relax_quotes), a NUL there, a lone UTF-8 lead byte (U+FFFD), empty.
const RAW_FIELDS = ['', 'a', 'Ada', '42', '"x,y"', '""', '"a""b"', 'é', '"日本"', '😀', '"ab"c', '"ab"\0c', ' 7 ', 'N/A', '\u00ff', 'x"y'];

function tokenize(text: Buffer, visit: (tok: CsvTokenizer) => void): void {
  const tok = new CsvTokenizer({ delimiter: 0x2c, recordDelimiter: 'lf' });
  tok.tokenize(text, 0, text.length, visit);
}

const lanes = new Int32Array(2);

describe('RowCells', () => {
  it('hashes a CSV record from its bytes exactly as from its decoded cells', () => {
    const record = fc.array(fc.constantFrom(...RAW_FIELDS), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 6 }), fc.boolean(), (rows, badByte) => {
        let buf = Buffer.from(rows.map((r) => r.join(',')).join('\n'), 'utf8');
        if (badByte) buf = Buffer.concat([buf, Buffer.from([0x2c, 0xe2, 0x61])]);
        const fromBytes = new RowCells();
        const fromText = new RowCells();
        tokenize(buf, (tok) => {
          const cells = recordToStrings(tok);
          fromBytes.fromRecord(tok);
          fromText.fromCells(cells);
          expect(fromBytes.count).toBe(cells.length);
          expect(fromBytes.rowHash).toBe(rowHash53(cells));
          expect(fromText.rowHash).toBe(rowHash53(cells));
          for (let j = 0; j < cells.length; j++) {
            valueLanes(cells[j]!, lanes);
            expect([fromBytes.lo[j], fromBytes.hi[j], fromBytes.len[j]]).toEqual([lanes[0], lanes[1], cells[j]!.length]);
            expect([fromText.lo[j], fromText.hi[j], fromText.len[j]]).toEqual([lanes[0], lanes[1], cells[j]!.length]);
            expect(fromBytes.cell(j)).toBe(cells[j]);
          }
        });
      }),
      { numRuns: 2000, seed: 20261128 },
    );
  });

  it('marks true nulls with length -1 and hashes them as rowHash53 does', () => {
    const row = new RowCells().fromCells([null, 'ab', '', null]);
    expect(Array.from(row.len.subarray(0, 4))).toEqual([-1, 2, 0, -1]);
    expect(row.rowHash).toBe(rowHash53([null, 'ab', '', null]));
    expect(row.cell(0)).toBeNull();
    expect(row.cell(1)).toBe('ab');
  });

  it('a column fed rows by hash gives the state a column fed the decoded cells gives', () => {
    const rules = loadRules();
    const value = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('a', 'b', 'Ada', '', ' ', 'N/A', 'é', '7', '3.5', '2024-01-31') },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), (cells) => {
        const byRow = new ColumnProfiler('c', rules);
        const byCell = new ColumnProfiler('c', rules);
        const row = new RowCells();
        for (const cell of cells) {
          row.fromCells([cell]);
          byRow.addFromRow(row, 0);
          byCell.add(cell);
        }
        byRow.addFromRow(row.fromCells([]), 0); // a ragged record: the column's cell is absent (null)
        byCell.add(null);
        expect(byRow.toJSON()).toEqual(byCell.toJSON());
        // the tally is only a speed path: a column that never tallies finishes the same
        const direct = new ColumnProfiler('c', rules);
        direct.tallying = false;
        for (const cell of cells) direct.add(cell);
        direct.add(null);
        expect(byRow.finish(0)).toEqual(direct.finish(0));
      }),
      { numRuns: 80, seed: 7 },
    );
  });

  it('tallies past a full window, and a column of nearly unique values goes direct with the same result', () => {
    const rules = loadRules();
    for (const distinct of [1_000, 60_000]) {
      const byRow = new ColumnProfiler('c', rules);
      const direct = new ColumnProfiler('c', rules);
      direct.tallying = false;
      const row = new RowCells();
      for (let i = 0; i < 80_000; i++) {
        const cell = i % 97 === 0 ? '' : `v${(i * 7919) % distinct}`;
        byRow.addFromRow(row.fromCells([cell]), 0);
        direct.add(cell);
      }
      // 1,000 distinct values repeat enough to keep tallying; 60k fill a window at once and go direct
      expect(byRow.tallying).toBe(distinct === 1_000);
      expect(byRow.finish(0)).toEqual(direct.finish(0));
    }
  });
});
