import type { Accumulator } from './accumulator.js';
import { hash53 } from '../util/hash.js';

/**
 * Most frequent values with bounded memory. Counts are exact while a column has at most `capacity`
 * distinct values (the common case for categorical columns, and then the result is independent of how
 * the input was cut). Past that the table is pruned to at most half its capacity, deterministically (the
 * values counted more than t times, for the smallest such t), and the result is marked approximate: a
 * value pruned and seen again is under-counted. Shards are fixed by the file, not by the thread count,
 * so the report stays identical at any --threads.
 *
 * A column that is mostly distinct values (ids, e-mails, free text) would pay a map insert for nearly every
 * cell and a prune every `capacity / 2` cells, only to drop those singletons again. Once such a column has
 * been pruned SPARSE_PRUNES times with at most a quarter of its values repeated (and has seen 8 × capacity values), the
 * accumulator is *sparse*: a value not yet counted enters the map only on its second sighting, recorded in a
 * 2^16-bit filter of value hashes that is cleared at each prune (every counted value keeps its bit, so a
 * clear bit means "not counted" without a map lookup). A value's first sighting after that point is not
 * counted (a further under-count of the approximate result); a filter collision only admits a value as the
 * original accumulator would have. Deterministic: it depends only on the order of values within a shard.
 */
const SPARSE_PRUNES = 4;
const FILTER_BITS = 1 << 16;
/** Counts at or above this share one histogram bucket when pruning. */
const PRUNE_BUCKETS = 1024;
/** Entries a new accumulator has room for; doubled as needed (most columns of a wide table stay small). */
const INITIAL_ENTRIES = 64;
export interface TopValuesState {
  capacity: number;
  approximate: boolean;
  /** Counting only values seen twice (see above); absent in states written before it existed. */
  sparse?: boolean;
  entries: [string, number][];
}

export interface TopValuesResult {
  approximate: boolean;
  values: { value: string; count: number }[];
}

/** 16 bits of the hash's high part (the low bits already pick HyperLogLog registers). */
function filterBit(h: number): number {
  return ((h / 65536) >>> 0) & (FILTER_BITS - 1);
}

function byCountThenValue(a: [string, number], b: [string, number]): number {
  return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

export class TopValuesAccumulator implements Accumulator<TopValuesState, TopValuesResult> {
  /**
   * Counted values in insertion order (what a Map would iterate: merge and the exact-order prune depend on
   * it), with their hash53 and count in typed arrays, and an open-addressing index over their hashes. It
   * replaced a Map<string, number>: on columns with more distinct values than the capacity every add was
   * a miss, an insert, and a delete at the next prune: feeding every cell of the 200k bench export took
   * 0.61 CPU-s with the map and 0.29 with this table (bench/RESULTS.md, session 4). The index compares the
   * 53-bit hash first and the text only when the hashes agree.
   */
  private values: string[] = [];
  private hashes = new Float64Array(INITIAL_ENTRIES);
  private counts = new Float64Array(INITIAL_ENTRIES);
  private size = 0;
  private index = new Int32Array(INITIAL_ENTRIES * 2).fill(-1);
  private mask = INITIAL_ENTRIES * 2 - 1;
  approximate = false;
  sparse = false;
  private adds = 0;
  private sparsePrunes = 0;
  private seen: Uint32Array | null = null;

  constructor(
    private readonly capacity = 4096,
    private readonly reported = 10,
  ) {}

  /** `hash` is hash53(value) when the caller has it (it saves hashing again). */
  add(value: string, times = 1, hash = -1): void {
    this.adds++;
    const h = hash < 0 ? hash53(value) : hash;
    if (this.sparse) {
      const seen = this.seen!;
      const bit = filterBit(h);
      const word = bit >>> 5;
      const mask = 1 << (bit & 31);
      if ((seen[word]! & mask) === 0) {
        seen[word] = seen[word]! | mask;
        // `times` sightings at once: the first is the uncounted one, as with `times` single adds
        if (times > 1) this.count(value, h, times - 1, false);
        return;
      }
    }
    this.count(value, h, times, false);
  }

  private count(value: string, h: number, times: number, markSeen: boolean): void {
    const index = this.index;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const at = index[slot]!;
      if (at < 0) break;
      if (this.hashes[at] === h && this.values[at] === value) {
        this.counts[at]! += times;
        return;
      }
      slot = (slot + 1) & mask;
    }
    const at = this.size;
    // a miss fills the empty slot the probe ended on; only a full table (which grows) probes again
    if (at === this.counts.length) this.insert(value, h, times);
    else {
      index[slot] = at;
      this.values.push(value);
      this.hashes[at] = h;
      this.counts[at] = times;
      this.size = at + 1;
    }
    if (markSeen && this.sparse) {
      const bit = filterBit(h);
      this.seen![bit >>> 5] = this.seen![bit >>> 5]! | (1 << (bit & 31));
    }
    if (this.size > this.capacity) this.prune();
  }

  /** Appends a value known to be absent, growing the entries when they are full. */
  private insert(value: string, h: number, times: number): void {
    if (this.size === this.counts.length) this.grow();
    const at = this.size;
    const index = this.index;
    const mask = this.mask;
    let slot = h & mask;
    while (index[slot]! >= 0) slot = (slot + 1) & mask;
    index[slot] = at;
    this.values.push(value);
    this.hashes[at] = h;
    this.counts[at] = times;
    this.size = at + 1;
  }

  /** Doubles the entry arrays; the index stays at most half full. */
  private grow(): void {
    const n = this.counts.length * 2;
    const hashes = new Float64Array(n);
    hashes.set(this.hashes);
    const counts = new Float64Array(n);
    counts.set(this.counts);
    this.hashes = hashes;
    this.counts = counts;
    this.index = new Int32Array(n * 2);
    this.mask = n * 2 - 1;
    this.reindex();
  }

  private reindex(): void {
    const index = this.index;
    const mask = this.mask;
    const hashes = this.hashes;
    index.fill(-1);
    for (let at = 0; at < this.size; at++) {
      let slot = hashes[at]! & mask;
      while (index[slot]! >= 0) slot = (slot + 1) & mask;
      index[slot] = at;
    }
  }

  private prune(): void {
    const half = this.capacity >> 1;
    const n = this.size;
    const counts = this.counts;
    // Keep every value counted more than t times, for the smallest t that keeps at most half the capacity.
    // A histogram of counts finds t in one pass and survivors are kept in place: no sort, which measured
    // several times cheaper than sorting by (count, value) on e-mail-like columns where most prunes see
    // thousands of values tied at 2 or 3. Deterministic: it depends only on the counts.
    const hist = new Uint32Array(PRUNE_BUCKETS + 1);
    let repeated = 0;
    for (let i = 0; i < n; i++) {
      const c = counts[i]!;
      hist[c < PRUNE_BUCKETS ? c : PRUNE_BUCKETS]!++;
      if (c > 1) repeated++;
    }
    let t = PRUNE_BUCKETS;
    let kept = hist[PRUNE_BUCKETS]!;
    while (t > 1 && kept + hist[t - 1]! <= half) kept += hist[--t]!;
    if (kept > half) {
      // more than half share the top bucket: fall back to the exact order for that rare case
      const entries = this.entries().slice(0, half);
      this.clear();
      for (const [v, c] of entries) this.insert(v, hash53(v), c);
    } else {
      // survivors keep their order, as deleting from a Map would
      const values = this.values;
      const hashes = this.hashes;
      let w = 0;
      for (let i = 0; i < n; i++) {
        if (counts[i]! < t) continue;
        values[w] = values[i]!;
        hashes[w] = hashes[i]!;
        counts[w] = counts[i]!;
        w++;
      }
      values.length = w;
      this.size = w;
      this.reindex();
    }
    this.approximate = true;
    if (!this.sparse && repeated <= this.capacity >> 2) {
      this.sparsePrunes++;
      if (this.sparsePrunes >= SPARSE_PRUNES && this.adds >= 8 * this.capacity) this.sparse = true;
    }
    if (this.sparse) this.resetFilter();
  }

  private clear(): void {
    this.values = [];
    this.size = 0;
    this.index.fill(-1);
  }

  /** Clears the filter and sets the bit of every counted value: a clear bit then proves a value is uncounted. */
  private resetFilter(): void {
    if (this.seen === null) this.seen = new Uint32Array(FILTER_BITS >>> 5);
    else this.seen.fill(0);
    const seen = this.seen;
    for (let i = 0; i < this.size; i++) {
      const bit = filterBit(this.hashes[i]!);
      seen[bit >>> 5] = seen[bit >>> 5]! | (1 << (bit & 31));
    }
  }

  /** Counted values by count, then value. */
  private entries(): [string, number][] {
    const out: [string, number][] = new Array(this.size);
    for (let i = 0; i < this.size; i++) out[i] = [this.values[i]!, this.counts[i]!];
    return out.sort(byCountThenValue);
  }

  merge(other: TopValuesAccumulator): void {
    this.approximate ||= other.approximate;
    // Counted values of another shard are counts, not sightings: they bypass the sparse filter.
    for (let i = 0; i < other.size; i++) this.count(other.values[i]!, other.hashes[i]!, other.counts[i]!, true);
  }

  toJSON(): TopValuesState {
    return {
      capacity: this.capacity,
      approximate: this.approximate,
      sparse: this.sparse,
      entries: this.entries(),
    };
  }

  static fromJSON(s: TopValuesState, reported?: number): TopValuesAccumulator {
    const t = new TopValuesAccumulator(s.capacity, reported);
    t.approximate = s.approximate;
    // entries are distinct (a state lists each value once); in their order, as new Map(entries) kept them
    for (const [v, c] of s.entries) t.insert(v, hash53(v), c);
    if (s.sparse) {
      t.sparse = true;
      t.resetFilter();
    }
    return t;
  }

  finish(): TopValuesResult {
    return {
      approximate: this.approximate,
      values: this.entries()
        .slice(0, this.reported)
        .map(([value, count]) => ({ value, count })),
    };
  }
}
