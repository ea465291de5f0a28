import type { Accumulator } from './accumulator.js';
import { hash53 } from '../util/hash.js';

/**
 * Most frequent values with bounded memory. Counts are exact while a column has at most `capacity`
 * distinct values (the common case for categorical columns, and then the result is independent of how
 * the input was cut). Past that the map is pruned to at most half its capacity, deterministically (the
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
  private counts = new Map<string, number>();
  approximate = false;
  sparse = false;
  private adds = 0;
  private sparsePrunes = 0;
  private seen: Uint32Array | null = null;

  constructor(
    private readonly capacity = 4096,
    private readonly reported = 10,
  ) {}

  /** `hash` is hash53(value) when the caller has it (it saves hashing again in the sparse state). */
  add(value: string, times = 1, hash = -1): void {
    this.adds++;
    if (this.sparse) {
      const h = hash < 0 ? hash53(value) : hash;
      const seen = this.seen!;
      const bit = filterBit(h);
      const word = bit >>> 5;
      const mask = 1 << (bit & 31);
      if ((seen[word]! & mask) === 0) {
        seen[word] = seen[word]! | mask;
        // `times` sightings at once: the first is the uncounted one, as with `times` single adds
        if (times > 1) this.count(value, times - 1, false);
        return;
      }
    }
    this.count(value, times, false);
  }

  private count(value: string, times: number, markSeen: boolean): void {
    const c = this.counts.get(value);
    if (c !== undefined) {
      this.counts.set(value, c + times);
      return;
    }
    this.counts.set(value, times);
    if (markSeen && this.sparse) {
      const bit = filterBit(hash53(value));
      this.seen![bit >>> 5] = this.seen![bit >>> 5]! | (1 << (bit & 31));
    }
    if (this.counts.size > this.capacity) this.prune();
  }

  private prune(): void {
    const half = this.capacity >> 1;
    // Keep every value counted more than t times, for the smallest t that keeps at most half the capacity.
    // A histogram of counts finds t in one pass and survivors are kept in place: no sort and no new map,
    // which measured several times cheaper than sorting by (count, value) on e-mail-like columns where most
    // prunes see thousands of values tied at 2 or 3. Deterministic: it depends only on the counts.
    const hist = new Uint32Array(PRUNE_BUCKETS + 1);
    let repeated = 0;
    for (const c of this.counts.values()) {
      hist[c < PRUNE_BUCKETS ? c : PRUNE_BUCKETS]!++;
      if (c > 1) repeated++;
    }
    let t = PRUNE_BUCKETS;
    let kept = hist[PRUNE_BUCKETS]!;
    while (t > 1 && kept + hist[t - 1]! <= half) kept += hist[--t]!;
    // now every count >= t survives (t >= 1); keep counts > t - 1, i.e. drop counts < t
    if (kept > half) {
      // more than half share the top bucket: fall back to the exact order for that rare case
      const entries = [...this.counts].sort(byCountThenValue).slice(0, half);
      this.counts = new Map(entries);
    } else {
      for (const [v, c] of this.counts) if (c < t) this.counts.delete(v);
    }
    this.approximate = true;
    if (!this.sparse && repeated <= this.capacity >> 2) {
      this.sparsePrunes++;
      if (this.sparsePrunes >= SPARSE_PRUNES && this.adds >= 8 * this.capacity) this.sparse = true;
    }
    if (this.sparse) this.resetFilter();
  }

  /** Clears the filter and sets the bit of every counted value: a clear bit then proves a value is uncounted. */
  private resetFilter(): void {
    if (this.seen === null) this.seen = new Uint32Array(FILTER_BITS >>> 5);
    else this.seen.fill(0);
    const seen = this.seen;
    for (const v of this.counts.keys()) {
      const bit = filterBit(hash53(v));
      seen[bit >>> 5] = seen[bit >>> 5]! | (1 << (bit & 31));
    }
  }

  merge(other: TopValuesAccumulator): void {
    this.approximate ||= other.approximate;
    // Counted values of another shard are counts, not sightings: they bypass the sparse filter.
    for (const [v, n] of other.counts) this.count(v, n, true);
  }

  toJSON(): TopValuesState {
    return {
      capacity: this.capacity,
      approximate: this.approximate,
      sparse: this.sparse,
      entries: [...this.counts].sort(byCountThenValue),
    };
  }

  static fromJSON(s: TopValuesState, reported?: number): TopValuesAccumulator {
    const t = new TopValuesAccumulator(s.capacity, reported);
    t.approximate = s.approximate;
    t.counts = new Map(s.entries);
    if (s.sparse) {
      t.sparse = true;
      t.resetFilter();
    }
    return t;
  }

  finish(): TopValuesResult {
    return {
      approximate: this.approximate,
      values: [...this.counts]
        .sort(byCountThenValue)
        .slice(0, this.reported)
        .map(([value, count]) => ({ value, count })),
    };
  }
}
