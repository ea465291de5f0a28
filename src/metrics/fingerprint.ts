import { createHash } from 'node:crypto';
import type { Cell, RowAccumulator } from './accumulator.js';

/**
 * A content fingerprint of a table that does not depend on row order: every row is hashed to 53 bits, and
 * the table keeps the row count, the sum of the row hashes modulo 2^53 and their xor. Sum, xor and count
 * are commutative and associative, so shards merge in any order (and any cut of the input) to the same
 * state, and a file with its rows shuffled keeps its fingerprint. Sum and xor together catch what one of
 * them alone misses: xor cancels a row that appears twice, the sum does not.
 *
 * Row hash: cyrb53 (two 32-bit Math.imul lanes, as in src/util/hash.ts) run over an injective encoding of
 * the row – per cell its length + 1 followed by its UTF-16 code units, or 0 for a true null – so `["ab",""]`,
 * `["a","b"]` and `[null,"ab"]` differ. It is computed inline, without building a joined string per row:
 * per-row allocation on the hot path is what the GUIDE's measurements warn about. Column order is part of
 * the row; column names are not (they belong to the schema fingerprint).
 */
export interface FingerprintState {
  v: 1;
  rows: number;
  /** Sum of row hashes modulo 2^53 (exact in a double). */
  sum: number;
  /** Xor of row hashes, as two 32-bit halves: JavaScript's ^ works on 32 bits. */
  xorHigh: number;
  xorLow: number;
}

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/** (a + b) mod 2^53 for a, b < 2^53 without forming a + b, which would round above 2^53. */
function addMod53(a: number, b: number): number {
  const room = TWO_POW_53 - b;
  return a >= room ? a - room : a + b;
}

/** 53-bit hash of one row's cells; exported for tests and for callers that want per-row hashes. */
export function rowHash53(cells: readonly Cell[]): number {
  let h1 = 0xdeadbeef ^ cells.length;
  let h2 = 0x41c6ce57 ^ cells.length;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (cell === null || cell === undefined) {
      h1 = Math.imul(h1, 2654435761);
      h2 = Math.imul(h2, 1597334677);
      continue;
    }
    const n = cell.length;
    h1 = Math.imul(h1 ^ (n + 1), 2654435761);
    h2 = Math.imul(h2 ^ (n + 1), 1597334677);
    for (let i = 0; i < n; i++) {
      const ch = cell.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  }
  return finishRowHash(h1, h2);
}

/** The last mixing step of rowHash53, for src/metrics/row-cells.ts, which runs the same lanes over bytes. */
export function finishRowHash(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return TWO_POW_32 * (2097151 & h2) + (h1 >>> 0);
}

export class ContentFingerprint implements RowAccumulator<FingerprintState, string> {
  rows = 0;
  sum = 0;
  xorHigh = 0;
  xorLow = 0;

  /** `rowNumber` is accepted for the RowAccumulator contract; the fingerprint ignores where a row was. */
  addRow(cells: readonly Cell[], _rowNumber?: number): void {
    this.addRowHash(rowHash53(cells));
  }

  /** Folds an already computed 53-bit row hash (for a caller that hashes rows anyway). */
  addRowHash(h: number): void {
    this.rows++;
    this.sum = addMod53(this.sum, h);
    this.xorHigh = (this.xorHigh ^ Math.floor(h / TWO_POW_32)) >>> 0;
    this.xorLow = (this.xorLow ^ (h >>> 0)) >>> 0;
  }

  merge(other: ContentFingerprint): void {
    this.rows += other.rows;
    this.sum = addMod53(this.sum, other.sum);
    this.xorHigh = (this.xorHigh ^ other.xorHigh) >>> 0;
    this.xorLow = (this.xorLow ^ other.xorLow) >>> 0;
  }

  toJSON(): FingerprintState {
    return { v: 1, rows: this.rows, sum: this.sum, xorHigh: this.xorHigh, xorLow: this.xorLow };
  }

  static fromJSON(s: FingerprintState): ContentFingerprint {
    if (s.v !== 1) throw new Error(`fingerprint state version ${String(s.v)} is not supported`);
    const f = new ContentFingerprint();
    f.rows = s.rows;
    f.sum = s.sum;
    f.xorHigh = s.xorHigh;
    f.xorLow = s.xorLow;
    return f;
  }

  /**
   * 64 hex digits: SHA-256 of the canonical state. The state holds about 106 bits of row hashes plus the
   * count; SHA-256 only spreads them into a fixed-width identifier that says nothing about the values.
   */
  finish(): string {
    const canonical = `dataready-content-v1:${this.rows}:${this.sum}:${this.xorHigh}:${this.xorLow}`;
    return createHash('sha256').update(canonical).digest('hex');
  }
}

/** Schema fingerprint: SHA-256 of the ordered column names and inferred types. */
export function schemaFingerprint(columns: readonly { name: string; type: string }[]): string {
  const canonical = JSON.stringify(['dataready-schema-v1', columns.map((c) => [c.name, c.type])]);
  return createHash('sha256').update(canonical).digest('hex');
}
