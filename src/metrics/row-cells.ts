import type { Cell } from './accumulator.js';
import { finishRowHash } from './fingerprint.js';
import { finishLane, valueLanes } from '../util/hash.js';
import { fieldToString, FIELD_QUOTED, type CsvTokenizer } from '../sources/csv-tokenizer.js';

/**
 * One record as the row-level consumers see it: per cell the two lanes of its 64-bit value hash
 * (valueLanes in src/util/hash.ts: what exact duplicates are matched on and the column tally counts
 * distinct values by), its length in UTF-16 units (-1 for a true null), and the content fingerprint's row
 * hash (rowHash53 in fingerprint.ts), and the cell's text only when someone asks for it.
 *
 * From a CSV record, a plain ASCII field (no escapes, every byte < 128) is hashed straight from its bytes,
 * where bytes and UTF-16 units are the same numbers, in one loop that feeds both hashes; its text is decoded
 * on demand (`cell(j)`), so a value that the column tally has seen before never becomes a string. Any other
 * field is decoded first and hashed from its text, which gives the same lanes. Measured in bench/RESULTS.md
 * ("Session 5").
 *
 * Valid during one record: the next fill overwrites it.
 */
export class RowCells {
  /** Cells in the record (fields, which may be more or fewer than the header's columns). */
  count = 0;
  lo = new Int32Array(64);
  hi = new Int32Array(64);
  /** Length of the cell's text in UTF-16 units; -1 for a true null. */
  len = new Int32Array(64);
  /** rowHash53 of the whole record. */
  rowHash = 0;
  private text: (string | null | undefined)[] = [];
  private tok: CsvTokenizer | null = null;

  /** The text of cell j (null for a true null), decoded on first use. */
  cell(j: number): Cell {
    const t = this.text[j];
    if (t !== undefined) return t;
    const s = fieldToString(this.tok!, j);
    this.text[j] = s;
    return s;
  }

  /** Fills the view from cells already decoded (Parquet, Arrow, the csv-parse path, tests). */
  fromCells(cells: readonly Cell[]): this {
    const n = cells.length;
    this.reserve(n);
    this.tok = null;
    rowLanes[0] = 0xdeadbeef ^ n;
    rowLanes[1] = 0x41c6ce57 ^ n;
    for (let j = 0; j < n; j++) {
      const cell = cells[j];
      if (cell === null || cell === undefined) {
        this.text[j] = null;
        this.len[j] = -1;
        this.lo[j] = 0;
        this.hi[j] = 0;
        rowLanes[0] = Math.imul(rowLanes[0]!, 2654435761);
        rowLanes[1] = Math.imul(rowLanes[1]!, 1597334677);
      } else this.putText(j, cell);
    }
    this.count = n;
    this.rowHash = finishRowHash(rowLanes[0]!, rowLanes[1]!);
    return this;
  }

  /** Cell j from its text: value lanes, length, and the text folded into the running row hash (rowLanes). */
  private putText(j: number, cell: string): void {
    this.text[j] = cell;
    valueLanes(cell, scratchLanes);
    this.lo[j] = scratchLanes[0]!;
    this.hi[j] = scratchLanes[1]!;
    const len = cell.length;
    this.len[j] = len;
    let h1 = Math.imul(rowLanes[0]! ^ (len + 1), 2654435761);
    let h2 = Math.imul(rowLanes[1]! ^ (len + 1), 1597334677);
    for (let k = 0; k < len; k++) {
      const c = cell.charCodeAt(k);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    rowLanes[0] = h1;
    rowLanes[1] = h2;
  }

  /** Fills the view from the tokenizer's current record (valid until its callback returns). */
  fromRecord(tok: CsvTokenizer): this {
    const n = tok.fieldCount;
    this.reserve(n);
    this.tok = tok;
    const buf = tok.buf;
    const starts = tok.starts;
    const ends = tok.ends;
    const flags = tok.flags;
    const text = this.text;
    const lo = this.lo;
    const hi = this.hi;
    const lens = this.len;
    let h1 = 0xdeadbeef ^ n;
    let h2 = 0x41c6ce57 ^ n;
    for (let j = 0; j < n; j++) {
      const f = flags[j]!;
      if (f === 0 || f === FIELD_QUOTED) {
        const s = starts[j]!;
        const e = ends[j]!;
        const len = e - s;
        let l1 = 0x811c9dc5 ^ len;
        let l2 = 0x9747b28c ^ len;
        let g1 = Math.imul(h1 ^ (len + 1), 2654435761);
        let g2 = Math.imul(h2 ^ (len + 1), 1597334677);
        let high = 0;
        for (let p = s; p < e; p++) {
          const c = buf[p]!;
          high |= c;
          l1 = Math.imul(l1 ^ c, 0x01000193);
          l2 = Math.imul(l2 ^ c, 0x5bd1e995);
          l2 ^= l2 >>> 15;
          g1 = Math.imul(g1 ^ c, 2654435761);
          g2 = Math.imul(g2 ^ c, 1597334677);
        }
        if (high < 128) {
          text[j] = undefined;
          lo[j] = finishLane(l1);
          hi[j] = finishLane(l2);
          lens[j] = len;
          h1 = g1;
          h2 = g2;
          continue;
        }
      }
      // UTF-8, escapes or csv-parse's irregular quoting: the text first, then the same hashes over it
      rowLanes[0] = h1;
      rowLanes[1] = h2;
      this.putText(j, fieldToString(tok, j));
      h1 = rowLanes[0]!;
      h2 = rowLanes[1]!;
    }
    this.count = n;
    this.rowHash = finishRowHash(h1, h2);
    return this;
  }

  private reserve(n: number): void {
    if (n <= this.lo.length) return;
    let size = this.lo.length;
    while (size < n) size *= 2;
    this.lo = new Int32Array(size);
    this.hi = new Int32Array(size);
    this.len = new Int32Array(size);
  }
}

const scratchLanes = new Int32Array(2);
/** The fingerprint's two running lanes (rowHash53) while a row is filled. */
const rowLanes = new Int32Array(2);
