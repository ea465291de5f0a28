import type { Cell, RowAccumulator } from '../../metrics/accumulator.js';
import { findDuplicates, type ColumnInfo, type DupResult } from './finish.js';
import { nearWord } from './normalize.js';
import { defaultDupRules, parseDupRules, type DupRules, type DupRulesInput } from './rules.js';

export { dupRulesSchema, defaultDupRules, parseDupRules, type DupRules, type DupRulesInput } from './rules.js';
export type { ColumnInfo, DupResult, DupExample, DupListEntry, DupColumnRole } from './finish.js';

export const duplicatesDetectorMeta = {
  id: 'duplicates',
  title: 'Exact and near-duplicate records',
  finds:
    'Rows that are exact copies (on parsed values) and records of the same entity with slight variations: ' +
    'case, whitespace, typos, abbreviations, phone and date formats, swapped names, a field left empty.',
  dimension: 'Quality',
  regulations: ['GDPR Art. 5(1)(d) accuracy', 'GDPR Art. 5(1)(c) data minimisation'],
  rulesKey: 'duplicates',
  defaults: defaultDupRules,
} as const;

/** Plain, structured-clone-able state crossing worker threads. */
export interface DupState {
  version: 1;
  columns: string[];
  /** Near-duplicate words stored per row (min(columns, maxFields)). */
  fields: number;
  /** Only rows with rowNumber <= nearRowLimit keep near words. */
  nearRowLimit: number;
  rows: number;
  nearRows: number;
  /** Per row: [lo, hi] of the 64-bit exact hash; chunks in row order. */
  exact: Uint32Array[];
  /** Per near row: `fields` words; chunks in row order. */
  near: Uint32Array[];
  /** Row numbers as runs: [start, count, start, count, …]. */
  runs: number[];
}

const CHUNK_ROWS = 16384;

/**
 * Per-column memo of near words by the cell's 64-bit exact hash (open addressing; a slot whose key is 0:0 is
 * empty, so a value hashing to 0:0 is simply never cached). Names, cities, codes and dates repeat, and their
 * near word then costs one probe instead of a classification scan; the cell hash is computed for the exact
 * hash anyway. Keyed by hash, it keeps no strings; a 64-bit collision would give a value another's word, at
 * the same odds as two different rows counting as exact duplicates.
 */
interface WordCache {
  /** [lo, hi, word, unused] per slot: a hit reads one cache line. */
  slots: Int32Array;
  mask: number;
  count: number;
  hits: number;
  lookups: number;
}
const CACHE_MIN_SLOTS = 1024;
/** At most 32k values a column (1 MB); a full table is cleared, so it follows the values as they change. */
const CACHE_MAX_SLOTS = 65536;
/** Hit rate is checked every so many lookups; below the floor the column is no longer cached. */
const CACHE_WINDOW = 16384;
const CACHE_MIN_HIT_RATE = 0.2;

function newCache(slots: number): WordCache {
  return { slots: new Int32Array(4 * slots), mask: slots - 1, count: 0, hits: 0, lookups: 0 };
}

const cellOut = new Int32Array(2);

/** The two 32-bit exact-hash lanes of one cell's text, into cellOut (no allocation). */
function cellHash(s: string): void {
  const n = s.length;
  let l1 = 0x811c9dc5 ^ n, l2 = 0x9747b28c ^ n;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(k);
    l1 = Math.imul(l1 ^ c, 0x01000193);
    l2 = Math.imul(l2 ^ c, 0x5bd1e995);
    l2 ^= l2 >>> 15;
  }
  l1 ^= l1 >>> 16; l1 = Math.imul(l1, 0x85ebca6b); l1 ^= l1 >>> 13; l1 = Math.imul(l1, 0xc2b2ae35); l1 ^= l1 >>> 16;
  l2 ^= l2 >>> 16; l2 = Math.imul(l2, 0x85ebca6b); l2 ^= l2 >>> 13; l2 = Math.imul(l2, 0xc2b2ae35); l2 ^= l2 >>> 16;
  cellOut[0] = l1;
  cellOut[1] = l2;
}

/**
 * Row accumulator for exact and near-duplicate records. Per row it keeps 8 bytes for exact duplicates
 * and 4 bytes per column (up to maxFields) for near-duplicates; see normalize.ts for the encodings and
 * finish.ts for the matching.
 */
export class DuplicateAccumulator implements RowAccumulator<DupState, DupResult> {
  readonly columns: string[];
  readonly rules: DupRules;
  private readonly fields: number;
  private readonly nearRowLimit: number;
  private rows = 0;
  private nearRows = 0;
  private exactChunks: Uint32Array[] = [];
  private nearChunks: Uint32Array[] = [];
  private exactCur: Uint32Array | null = null;
  private exactFill = 0;
  private nearCur: Uint32Array | null = null;
  private nearFill = 0;
  private runs: number[] = [];
  /** Per column while its values repeat enough; undefined once dropped. Not part of the state. */
  private caches: (WordCache | undefined)[];

  constructor(columnNames: string[], rules?: DupRulesInput | DupRules) {
    this.columns = [...columnNames];
    this.rules = rules === undefined ? defaultDupRules : parseDupRules(rules);
    this.fields = this.rules.near ? Math.min(this.columns.length, this.rules.maxFields) : 0;
    this.nearRowLimit =
      this.fields === 0 ? 0 : Math.max(0, Math.floor(this.rules.nearMemoryBytes / (4 * this.fields)));
    this.caches = Array.from({ length: this.fields }, () => newCache(CACHE_MIN_SLOTS));
  }

  addRow(cells: readonly Cell[], rowNumber: number): void {
    const runs = this.runs;
    const last = runs.length - 2;
    if (last >= 0 && runs[last]! + runs[last + 1]! === rowNumber) runs[last + 1]!++;
    else runs.push(rowNumber, 1);

    if (this.exactCur === null || this.exactFill === this.exactCur.length) {
      if (this.exactCur !== null) this.exactChunks.push(this.exactCur);
      this.exactCur = new Uint32Array(2 * CHUNK_ROWS);
      this.exactFill = 0;
    }
    const f = this.fields;
    let near: Uint32Array | null = null;
    let at = 0;
    if (f > 0 && rowNumber <= this.nearRowLimit) {
      if (this.nearCur === null || this.nearFill === this.nearCur.length) {
        if (this.nearCur !== null) this.nearChunks.push(this.nearCur);
        this.nearCur = new Uint32Array(f * CHUNK_ROWS);
        this.nearFill = 0;
      }
      near = this.nearCur;
      at = this.nearFill;
      this.nearFill += f;
      this.nearRows++;
    }

    // 64-bit exact hash of the parsed values: per cell two 32-bit lanes (cellHash), combined in column order.
    let h1 = 0x811c9dc5 | 0;
    let h2 = 0x9747b28c | 0;
    const m = cells.length;
    const caches = this.caches;
    const hit = cellOut;
    for (let j = 0; j < m; j++) {
      const cell = cells[j];
      let lo: number, hi: number, word = 0;
      if (cell === null || cell === undefined) {
        lo = 0x1fffe; hi = 0x2fffd;
      } else {
        cellHash(cell);
        lo = hit[0]!; hi = hit[1]!;
        if (near !== null && j < f) {
          const cache = caches[j];
          if (cache === undefined || cell.length === 0) word = nearWord(cell);
          else {
            const table = cache.slots, mask = cache.mask;
            let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
            for (;;) {
              const kl = table[4 * slot]!, kh = table[4 * slot + 1]!;
              if (kl === lo && kh === hi) {
                word = table[4 * slot + 2]!;
                cache.hits++;
                break;
              }
              if (kl === 0 && kh === 0) {
                word = nearWord(cell);
                this.remember(j, cache, slot, lo, hi, word);
                break;
              }
              slot = (slot + 1) & mask;
            }
            if (++cache.lookups === CACHE_WINDOW) this.checkCache(j, cache);
          }
        }
      }
      if (near !== null && j < f) near[at + j] = word;
      h1 ^= lo; h1 = (h1 << 13) | (h1 >>> 19); h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
      h2 ^= hi; h2 = (h2 << 15) | (h2 >>> 17); h2 = (Math.imul(h2, 5) + 0x561ccd1b) | 0;
    }
    // Rows shorter than `fields` leave their last words 0 (the fresh chunk is zero-filled).
    h1 ^= m;
    h1 ^= h1 >>> 16; h1 = Math.imul(h1, 0x85ebca6b); h1 ^= h1 >>> 13; h1 = Math.imul(h1, 0xc2b2ae35); h1 ^= h1 >>> 16;
    h2 ^= h2 >>> 16; h2 = Math.imul(h2, 0x85ebca6b); h2 ^= h2 >>> 13; h2 = Math.imul(h2, 0xc2b2ae35); h2 ^= h2 >>> 16;
    this.exactCur[this.exactFill++] = h1 >>> 0;
    this.exactCur[this.exactFill++] = h2 >>> 0;
    this.rows++;
  }

  /** Stores a word in an empty slot; grows the table up to its cap, then starts it afresh when half full. */
  private remember(j: number, cache: WordCache, slot: number, lo: number, hi: number, word: number): void {
    if (lo === 0 && hi === 0) return;
    const table = cache.slots;
    table[4 * slot] = lo;
    table[4 * slot + 1] = hi;
    table[4 * slot + 2] = word;
    if (++cache.count * 2 <= cache.mask + 1) return;
    const slots = cache.mask + 1;
    const next = newCache(slots < CACHE_MAX_SLOTS ? slots * 2 : slots);
    next.hits = cache.hits;
    next.lookups = cache.lookups;
    if (slots < CACHE_MAX_SLOTS) {
      const to = next.slots;
      for (let s = 0; s < slots; s++) {
        const kl = table[4 * s]!, kh = table[4 * s + 1]!;
        if (kl === 0 && kh === 0) continue;
        let t = (kl ^ Math.imul(kh, 0x9e3779b1)) & next.mask;
        while (to[4 * t] !== 0 || to[4 * t + 1] !== 0) t = (t + 1) & next.mask;
        to[4 * t] = kl;
        to[4 * t + 1] = kh;
        to[4 * t + 2] = table[4 * s + 2]!;
        next.count++;
      }
    }
    this.caches[j] = next;
  }

  /**
   * A column keeps its cache while at least CACHE_MIN_HIT_RATE of its lookups hit (names, cities, codes,
   * dates); a column of mostly distinct values (e-mail, ids, phones) stops being cached after a window. The
   * cache memoizes a pure function of the text: it changes the cost, never a result.
   */
  private checkCache(j: number, cache: WordCache): void {
    if (cache.hits < CACHE_WINDOW * CACHE_MIN_HIT_RATE) this.caches[j] = undefined;
    cache.hits = 0;
    cache.lookups = 0;
  }

  /** Seal the partial chunks so that other data can be appended after them. */
  private seal(): void {
    if (this.exactCur !== null) {
      if (this.exactFill > 0) this.exactChunks.push(this.exactCur.slice(0, this.exactFill));
      this.exactCur = null;
      this.exactFill = 0;
    }
    if (this.nearCur !== null) {
      if (this.nearFill > 0) this.nearChunks.push(this.nearCur.slice(0, this.nearFill));
      this.nearCur = null;
      this.nearFill = 0;
    }
  }

  merge(other: DuplicateAccumulator): void {
    if (other.columns.length !== this.columns.length || other.fields !== this.fields) {
      throw new Error('duplicates: cannot merge states of tables with different columns');
    }
    this.seal();
    other.seal();
    this.exactChunks.push(...other.exactChunks);
    this.nearChunks.push(...other.nearChunks);
    for (let i = 0; i < other.runs.length; i += 2) {
      const start = other.runs[i]!, count = other.runs[i + 1]!;
      const last = this.runs.length - 2;
      if (last >= 0 && this.runs[last]! + this.runs[last + 1]! === start) this.runs[last + 1]! += count;
      else this.runs.push(start, count);
    }
    this.rows += other.rows;
    this.nearRows += other.nearRows;
  }

  toJSON(): DupState {
    this.seal();
    return {
      version: 1,
      columns: [...this.columns],
      fields: this.fields,
      nearRowLimit: this.nearRowLimit,
      rows: this.rows,
      nearRows: this.nearRows,
      exact: [...this.exactChunks],
      near: [...this.nearChunks],
      runs: [...this.runs],
    };
  }

  static fromJSON(state: DupState, rules?: DupRulesInput | DupRules): DuplicateAccumulator {
    const acc = new DuplicateAccumulator(state.columns, rules);
    if (acc.fields !== state.fields) throw new Error('duplicates: state was written with another maxFields');
    acc.rows = state.rows;
    acc.nearRows = state.nearRows;
    acc.exactChunks = [...state.exact];
    acc.nearChunks = [...state.near];
    acc.runs = [...state.runs];
    return acc;
  }

  /** Row count so far (for callers that report progress). */
  get rowCount(): number {
    return this.rows;
  }

  finish(columnInfo?: readonly ColumnInfo[]): DupResult {
    this.seal();
    this.caches = []; // memory for the matching; later rows (if any) are simply not cached
    const exact = concat(this.exactChunks, 2 * this.rows);
    const near = concat(this.nearChunks, this.fields * this.nearRows);
    // Keep the flat arrays as the only chunks: memory is not held twice and the accumulator stays usable.
    this.exactChunks = exact.length > 0 ? [exact] : [];
    this.nearChunks = near.length > 0 ? [near] : [];
    const runs = this.runs;
    const rowNumbers = new Float64Array(this.rows);
    for (let i = 0, at = 0; i < runs.length; i += 2) {
      for (let k = 0; k < runs[i + 1]!; k++) rowNumbers[at++] = runs[i]! + k;
    }
    return findDuplicates({
      columns: this.columns,
      fields: this.fields,
      rows: this.rows,
      nearRows: this.nearRows,
      exact,
      near,
      rowNumbers,
      columnInfo: alignColumnInfo(this.columns, columnInfo),
      rules: this.rules,
    });
  }
}

/**
 * The `--duplicates FILE` CSV: `row,cluster,kind`, one line per row in a cluster, sorted by row. Row is
 * the 1-based data record number (header excluded; a quoted multi-line record counts once).
 */
export function duplicatesCsv(result: DupResult): string {
  const lines = ['row,cluster,kind'];
  for (const e of result.list) lines.push(`${e.row},${e.cluster},${e.kind}`);
  return lines.join('\n') + '\n';
}

/** Column info in column order, matched by name when the caller's order differs. */
function alignColumnInfo(columns: string[], info: readonly ColumnInfo[] | undefined): (ColumnInfo | undefined)[] | undefined {
  if (info === undefined) return undefined;
  if (info.length === columns.length && info.every((c, i) => c.name === columns[i])) return [...info];
  const byName = new Map(info.map((c) => [c.name, c]));
  return columns.map((name) => byName.get(name));
}

function concat(chunks: Uint32Array[], total: number): Uint32Array {
  if (chunks.length === 1 && chunks[0]!.length === total) return chunks[0]!;
  const out = new Uint32Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
