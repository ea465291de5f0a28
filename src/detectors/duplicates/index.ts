import type { Cell, RowAccumulator } from '../../metrics/accumulator.js';
import { findDuplicates, PAGE_MASK, PAGE_ROWS, PAGE_SHIFT, type ColumnInfo, type DupResult } from './finish.js';
import { nearWord } from './normalize.js';
import { RowCells } from '../../metrics/row-cells.js';
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
  /** Rows in the pages (all rows seen unless tail rows were sampled, see tailLevel). */
  rows: number;
  nearRows: number;
  /** Rows seen, kept or not; absent in states written before tail sampling existed (then = rows). */
  seenRows?: number;
  /**
   * Rows past the near rows are kept when their exact hash's level (leading zero bits of its high lane)
   * is at least this; 0 keeps every row. Absent = 0.
   */
  tailLevel?: number;
  /** Per row: [lo, hi] of the 64-bit exact hash; chunks in row order (pages of PAGE_ROWS rows, the last shorter). */
  exact: Uint32Array[];
  /** Per near row: `fields` words; chunks in row order (as `exact`). */
  near: Uint32Array[];
  /** Row numbers as runs: [start, count, start, count, …]. */
  runs: number[];
}

/**
 * Rows of `width` words in pages of PAGE_ROWS rows, all full but the last, so finish() finds row i at
 * page i >>> PAGE_SHIFT without joining the pages into one array (which would hold them twice at the peak).
 * Appending another state's pages adopts a full page as it is when the rows line up, else copies rows.
 */
class Pages {
  full: Uint32Array[] = [];
  cur: Uint32Array | null = null;
  fill = 0;
  /**
   * Chunks taken from a state as they are (no copy), until rows are appended or pages are read: a state
   * read on the main thread is usually merged into another right away, so its chunks are copied once, not
   * twice.
   */
  private raw: Uint32Array[] | null = null;
  constructor(readonly width: number) {}

  static adopt(width: number, chunks: Uint32Array[]): Pages {
    const p = new Pages(width);
    p.raw = [...chunks];
    return p;
  }

  private settle(): void {
    const raw = this.raw;
    if (raw === null) return;
    this.raw = null;
    for (const c of raw) this.append(c);
  }

  /** The page to write the next row into, with room for it. */
  next(): Uint32Array {
    this.settle();
    const cap = this.width * PAGE_ROWS;
    const cur = this.cur;
    if (cur !== null && this.fill < cur.length) return cur;
    let page: Uint32Array;
    if (cur === null) {
      page = new Uint32Array(cap);
      this.fill = 0;
    } else if (cur.length < cap) {
      // A short last page (from a state): continue it in a full-size page.
      page = new Uint32Array(cap);
      page.set(cur.subarray(0, this.fill));
    } else {
      this.full.push(cur);
      page = new Uint32Array(cap);
      this.fill = 0;
    }
    this.cur = page;
    return page;
  }

  append(src: Uint32Array): void {
    this.settle();
    const cap = this.width * PAGE_ROWS;
    if (src.length === cap && (this.cur === null || (this.fill === this.cur.length && this.cur.length === cap))) {
      if (this.cur !== null) this.full.push(this.cur);
      this.full.push(src);
      this.cur = null;
      this.fill = 0;
      return;
    }
    let at = 0;
    while (at < src.length) {
      const page = this.cur === null || this.fill === this.cur.length ? this.next() : this.cur;
      const n = Math.min(page.length - this.fill, src.length - at);
      page.set(src.subarray(at, at + n), this.fill);
      this.fill += n;
      at += n;
    }
  }

  /** Pages for a state: the last one cut to its rows (a copy: a view would carry its whole buffer along). */
  chunks(): Uint32Array[] {
    if (this.raw !== null) return [...this.raw];
    const out = [...this.full];
    if (this.cur !== null && this.fill > 0) out.push(this.fill === this.cur.length ? this.cur : this.cur.slice(0, this.fill));
    return out;
  }

  /**
   * For the exact hashes ([lo, hi] rows): keeps rows [0, from) and, of rows [from, rows), those whose high
   * lane has at least `level` leading zero bits, calling kept(i) for each in order. Rows from the page
   * holding `from` on go to fresh pages, since an adopted page belongs to another state and is never
   * written. Returns the rows now held.
   */
  keepTail(from: number, rows: number, level: number, kept: (i: number) => void): number {
    if (this.width !== 2) throw new Error('internal: keepTail is for the exact hashes');
    const all = this.pages();
    const first = from >>> PAGE_SHIFT;
    const out = new Pages(2);
    const write = (lo: number, hi: number): void => {
      const page = out.cur === null || out.fill === out.cur.length ? out.next() : out.cur;
      page[out.fill++] = lo;
      page[out.fill++] = hi;
    };
    for (let i = first * PAGE_ROWS; i < from; i++) {
      const page = all[i >>> PAGE_SHIFT]!, o = (i & PAGE_MASK) * 2;
      write(page[o]!, page[o + 1]!);
    }
    for (let i = from; i < rows; i++) {
      const page = all[i >>> PAGE_SHIFT]!, o = (i & PAGE_MASK) * 2;
      const hi = page[o + 1]!;
      if (Math.clz32(hi) < level) continue;
      write(page[o]!, hi);
      kept(i);
    }
    const written = out.full.length * PAGE_ROWS + (out.cur === null ? 0 : out.fill / 2);
    this.full = [...all.slice(0, first), ...out.full];
    this.cur = out.cur;
    this.fill = out.fill;
    return first * PAGE_ROWS + written;
  }

  /** Pages for finish(): row i at [i >>> PAGE_SHIFT]; the last page may have unused room. */
  pages(): Uint32Array[] {
    this.settle();
    return this.cur !== null && this.fill > 0 ? [...this.full, this.cur] : [...this.full];
  }

  get bytes(): number {
    if (this.raw !== null) return this.raw.reduce((sum, p) => sum + p.byteLength, 0);
    return this.full.reduce((sum, p) => sum + p.byteLength, 0) + (this.cur?.byteLength ?? 0);
  }
}

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

/**
 * The caches of the last table seen on this thread, reused by its next accumulator: a worker profiles one
 * shard after another of the same file, and rebuilding 16 tables per shard left up to 2 × 16 MB of
 * garbage each time (+50–70 MB peak RSS at 1M rows). A word depends on the text only, so sharing is safe.
 */
let threadCaches: { key: string; caches: (WordCache | undefined)[] } | null = null;

function cachesFor(columns: readonly string[], fields: number): (WordCache | undefined)[] {
  const key = `${fields}\u0001${columns.join('\u0000')}`;
  if (threadCaches === null || threadCaches.key !== key) {
    threadCaches = { key, caches: Array.from({ length: fields }, () => newCache(CACHE_MIN_SLOTS)) };
  }
  return threadCaches.caches;
}

function newCache(slots: number): WordCache {
  return { slots: new Int32Array(4 * slots), mask: slots - 1, count: 0, hits: 0, lookups: 0 };
}

/** Fills the view for addRow(cells): tests and callers that hold decoded rows. */
const scratchRow = new RowCells();

/**
 * Row accumulator for exact and near-duplicate records; see normalize.ts for the encodings and finish.ts
 * for the matching.
 *
 * Memory, bounded and stated (bench/results/duplicates.md, "Cost"):
 *  - every row: 8 bytes (64-bit exact hash), up to exactTailRows = floor(exactMemoryBytes / 8) rows past
 *    the near rows (default 16 MiB: 2,097,152 rows); rows past that budget are kept by their hash: a row
 *    is kept when its hash's level (leading zero bits of the high lane, P = 2^-L) reaches the tail level,
 *    raised one step at a time until the kept tail fits. All copies of a row share the hash, so a copy
 *    group is kept whole or not at all, and the exact counts are estimated from the kept groups (see
 *    finish.ts); the result's exact.sampling says so. The level depends only on the rows, not on how
 *    the file was cut, so the report stays the same at any thread count;
 *  - near words: 4 bytes × min(columns, maxFields) per row, for the first
 *    nearRowLimit = floor(nearMemoryBytes / (4 × fields)) rows of the table only (default 320 MiB:
 *    5,242,880 rows at 16 or more columns, 10.5 M at 8). Rows past it are matched for exact duplicates
 *    only, and the result's near.sampling says "near-duplicate signatures kept for the first N of M rows";
 *  - pages of 16384 rows: at most one partly used page per array and accumulator;
 *  - per thread while rows stream: the word caches, at most 16 × 1 MB (dropped for columns that do
 *    not repeat), shared by the accumulators of one table on that thread, not part of the state;
 *  - finish() adds transient arrays of about 30 bytes per row plus about 24 per compared record.
 */
export class DuplicateAccumulator implements RowAccumulator<DupState, DupResult> {
  readonly columns: string[];
  readonly rules: DupRules;
  private readonly fields: number;
  private readonly nearRowLimit: number;
  private rows = 0;
  private nearRows = 0;
  /** Rows seen, kept or not. */
  private seenRows = 0;
  /** See DupState.tailLevel. */
  private tailLevel = 0;
  /** Most rows past the near rows whose exact hashes are kept (see the memory notes above). */
  private readonly tailBudget: number;
  private exact: Pages;
  private near: Pages;
  private runs: number[] = [];
  /** Per column while its values repeat enough; undefined once dropped. Not part of the state. */
  private caches: (WordCache | undefined)[];

  constructor(columnNames: string[], rules?: DupRulesInput | DupRules) {
    this.columns = [...columnNames];
    this.rules = rules === undefined ? defaultDupRules : parseDupRules(rules);
    this.fields = this.rules.near ? Math.min(this.columns.length, this.rules.maxFields) : 0;
    this.nearRowLimit =
      this.fields === 0 ? 0 : Math.max(0, Math.floor(this.rules.nearMemoryBytes / (4 * this.fields)));
    this.tailBudget = Math.max(1, Math.floor(this.rules.exactMemoryBytes / 8));
    this.exact = new Pages(2);
    this.near = new Pages(this.fields);
    this.caches = cachesFor(this.columns, this.fields);
  }

  addRow(cells: readonly Cell[], rowNumber: number): void {
    this.addRowCells(scratchRow.fromCells(cells), rowNumber);
  }

  /** A row with its cell hashes already computed (src/metrics/row-cells.ts): the engine's path. */
  addRowCells(row: RowCells, rowNumber: number): void {
    this.seenRows++;
    const f = this.fields;
    let near: Uint32Array | null = null;
    let at = 0;
    if (f > 0 && rowNumber <= this.nearRowLimit) {
      const np = this.near;
      near = np.cur === null || np.fill === np.cur.length ? np.next() : np.cur;
      at = np.fill;
      np.fill += f;
      this.nearRows++;
    }

    // 64-bit exact hash of the parsed values: per cell two 32-bit lanes (valueLanes), combined in column order.
    let h1 = 0x811c9dc5 | 0;
    let h2 = 0x9747b28c | 0;
    const m = row.count;
    const caches = this.caches;
    const lanesLo = row.lo, lanesHi = row.hi, lens = row.len;
    for (let j = 0; j < m; j++) {
      const len = lens[j]!;
      let lo: number, hi: number, word = 0;
      if (len < 0) {
        lo = 0x1fffe; hi = 0x2fffd;
      } else {
        lo = lanesLo[j]!; hi = lanesHi[j]!;
        if (near !== null && j < f) {
          const cache = caches[j];
          if (cache === undefined || len === 0) word = nearWord(row.cell(j));
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
                word = nearWord(row.cell(j));
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
    // a row past the near rows below the tail level is not kept (near rows always are)
    if (near === null && this.tailLevel > 0 && Math.clz32(h2) < this.tailLevel) return;
    const runs = this.runs;
    const last = runs.length - 2;
    if (last >= 0 && runs[last]! + runs[last + 1]! === rowNumber) runs[last + 1]!++;
    else runs.push(rowNumber, 1);
    const ex = this.exact;
    const exPage = ex.cur === null || ex.fill === ex.cur.length ? ex.next() : ex.cur;
    exPage[ex.fill++] = h1 >>> 0;
    exPage[ex.fill++] = h2 >>> 0;
    this.rows++;
    if (near === null && this.rows - this.nearRows > this.tailBudget) this.raiseTail();
  }

  /** Raises the tail level until the kept rows past the near rows fit the budget, and drops the others. */
  private raiseTail(): void {
    const pages = this.exact.pages();
    const byLevel = new Float64Array(33);
    for (let i = this.nearRows; i < this.rows; i++) byLevel[Math.clz32(pages[i >>> PAGE_SHIFT]![(i & PAGE_MASK) * 2 + 1]!)]!++;
    let level = this.tailLevel;
    let kept = 0;
    for (let l = level; l <= 32; l++) kept += byLevel[l]!;
    while (kept > this.tailBudget && level < 32) kept -= byLevel[level++]!;
    this.tailLevel = level;
    this.compactTail(this.nearRows);
  }

  /**
   * Drops the rows from index `from` on (all past the near rows) whose hash level is below the tail level,
   * keeping the others in order, and renumbers the runs to match.
   */
  private compactTail(from: number): void {
    if (this.tailLevel === 0 || from >= this.rows) return;
    // Only the runs from the one holding row `from` on are rebuilt: after a merge that is the other
    // state's few runs, not the whole sampled tail's.
    const runs = this.runs;
    let k = 0;
    let at = 0;
    while (k < runs.length && at + runs[k + 1]! <= from) {
      at += runs[k + 1]!;
      k += 2;
    }
    const suffix = runs.slice(k);
    runs.length = k;
    if (from > at) runs.push(suffix[0]!, from - at);
    const numberOf = rowNumberOf(suffix);
    this.rows = this.exact.keepTail(from, this.rows, this.tailLevel, (i) => {
      const row = numberOf(i - at);
      const last = runs.length - 2;
      if (last >= 0 && runs[last]! + runs[last + 1]! === row) runs[last + 1]!++;
      else runs.push(row, 1);
    });
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

  merge(other: DuplicateAccumulator): void {
    if (other.columns.length !== this.columns.length || other.fields !== this.fields) {
      throw new Error('duplicates: cannot merge states of tables with different columns');
    }
    if (this.nearRows < this.rows && other.nearRows > 0) throw new Error('duplicates: near rows must be a prefix of the rows');
    for (const p of other.exact.chunks()) this.exact.append(p);
    for (const p of other.near.chunks()) this.near.append(p);
    for (let i = 0; i < other.runs.length; i += 2) {
      const start = other.runs[i]!, count = other.runs[i + 1]!;
      const last = this.runs.length - 2;
      if (last >= 0 && this.runs[last]! + this.runs[last + 1]! === start) this.runs[last + 1]! += count;
      else this.runs.push(start, count);
    }
    const before = this.rows;
    this.rows += other.rows;
    this.nearRows += other.nearRows;
    this.seenRows += other.seenRows;
    // The other state's rows may be unfiltered at this level (a lower level, or near rows that rebasing
    // moved past the table's near rows); a higher level there re-filters this state's tail too.
    if (other.tailLevel > this.tailLevel) {
      this.tailLevel = other.tailLevel;
      this.compactTail(this.nearRows);
    } else this.compactTail(Math.max(this.nearRows, before));
    if (this.rows - this.nearRows > this.tailBudget) this.raiseTail();
  }

  toJSON(): DupState {
    return {
      version: 1,
      columns: [...this.columns],
      fields: this.fields,
      nearRowLimit: this.nearRowLimit,
      rows: this.rows,
      nearRows: this.nearRows,
      seenRows: this.seenRows,
      tailLevel: this.tailLevel,
      exact: this.exact.chunks(),
      near: this.near.chunks(),
      runs: [...this.runs],
    };
  }

  static fromJSON(state: DupState, rules?: DupRulesInput | DupRules): DuplicateAccumulator {
    const acc = new DuplicateAccumulator(state.columns, rules);
    if (acc.fields !== state.fields) throw new Error('duplicates: state was written with another maxFields');
    acc.rows = state.rows;
    acc.nearRows = state.nearRows;
    acc.seenRows = state.seenRows ?? state.rows;
    acc.tailLevel = state.tailLevel ?? 0;
    acc.exact = Pages.adopt(2, state.exact);
    acc.near = Pages.adopt(acc.fields, state.near);
    acc.runs = [...state.runs];
    return acc;
  }

  /** Row count so far, kept or not (for callers that report progress). */
  get rowCount(): number {
    return this.seenRows;
  }

  /** Bytes of the per-row arrays (pages, including the unused room of the last ones). */
  get stateBytes(): number {
    return this.exact.bytes + this.near.bytes;
  }

  finish(columnInfo?: readonly ColumnInfo[]): DupResult {
    // Memory for the matching; later rows (if any) are simply not cached.
    this.caches = [];
    threadCaches = null;
    return findDuplicates({
      columns: this.columns,
      fields: this.fields,
      rows: this.rows,
      nearRows: this.nearRows,
      seenRows: this.seenRows,
      tailLevel: this.tailLevel,
      exact: this.exact.pages(),
      near: this.near.pages(),
      rowNumber: rowNumberOf(this.runs),
      columnInfo: alignColumnInfo(this.columns, columnInfo),
      rules: this.rules,
    });
  }
}

/** Row index → record number through the runs [start, count, …]; remembers the last run for sequential calls. */
function rowNumberOf(runs: readonly number[]): (i: number) => number {
  const firstIndex: number[] = [];
  for (let k = 0, at = 0; k < runs.length; k += 2) {
    firstIndex.push(at);
    at += runs[k + 1]!;
  }
  let run = 0;
  return (i: number) => {
    if (i < firstIndex[run]! || (run + 1 < firstIndex.length && i >= firstIndex[run + 1]!)) {
      let lo = 0, hi = firstIndex.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (firstIndex[mid]! <= i) lo = mid;
        else hi = mid - 1;
      }
      run = lo;
    }
    return runs[2 * run]! + (i - firstIndex[run]!);
  };
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
