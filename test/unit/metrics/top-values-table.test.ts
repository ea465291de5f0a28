import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TopValuesAccumulator, type TopValuesState } from '../../../src/metrics/top-values.js';
import { hash53 } from '../../../src/util/hash.js';

/**
 * The accumulator keeps its values in a hash-indexed table; this model is the same algorithm over a
 * Map<string, number> (what it replaced): insertion-ordered, pruned by the count histogram, sparse after
 * repeated unrepeated prunes. Table and model must agree state for state, merges included.
 */
class MapModel {
  counts = new Map<string, number>();
  approximate = false;
  sparse = false;
  adds = 0;
  sparsePrunes = 0;
  seen = new Uint32Array(1 << 11);
  constructor(readonly capacity: number) {}
  private bit(v: string): number {
    return ((hash53(v) / 65536) >>> 0) & 0xffff;
  }
  add(v: string, times = 1): void {
    this.adds++;
    if (this.sparse) {
      const b = this.bit(v);
      if ((this.seen[b >>> 5]! & (1 << (b & 31))) === 0) {
        this.seen[b >>> 5] = this.seen[b >>> 5]! | (1 << (b & 31));
        if (times > 1) this.count(v, times - 1, false);
        return;
      }
    }
    this.count(v, times, false);
  }
  count(v: string, times: number, markSeen: boolean): void {
    const c = this.counts.get(v);
    if (c !== undefined) {
      this.counts.set(v, c + times);
      return;
    }
    this.counts.set(v, times);
    if (markSeen && this.sparse) {
      const b = this.bit(v);
      this.seen[b >>> 5] = this.seen[b >>> 5]! | (1 << (b & 31));
    }
    if (this.counts.size > this.capacity) this.prune();
  }
  prune(): void {
    const half = this.capacity >> 1;
    const repeated = [...this.counts.values()].filter((c) => c > 1).length;
    // smallest t >= 1 with at most `half` values counted t times or more (counts of 1024+ share a bucket)
    const bucket = (c: number) => Math.min(c, 1024);
    let t = 1024;
    const atLeast = (x: number) => [...this.counts.values()].filter((c) => bucket(c) >= x).length;
    while (t > 1 && atLeast(t - 1) <= half) t--;
    if (atLeast(t) > half) {
      this.counts = new Map(this.entries().slice(0, half));
    } else {
      for (const [v, c] of this.counts) if (c < t) this.counts.delete(v);
    }
    this.approximate = true;
    if (!this.sparse && repeated <= this.capacity >> 2) {
      this.sparsePrunes++;
      if (this.sparsePrunes >= 4 && this.adds >= 8 * this.capacity) this.sparse = true;
    }
    if (this.sparse) this.resetFilter();
  }
  static fromState(s: TopValuesState): MapModel {
    const m = new MapModel(s.capacity);
    m.approximate = s.approximate;
    m.counts = new Map(s.entries);
    if (s.sparse) {
      m.sparse = true;
      m.resetFilter();
    }
    return m;
  }
  resetFilter(): void {
    this.seen.fill(0);
    for (const v of this.counts.keys()) {
      const b = this.bit(v);
      this.seen[b >>> 5] = this.seen[b >>> 5]! | (1 << (b & 31));
    }
  }
  merge(o: MapModel): void {
    this.approximate ||= o.approximate;
    for (const [v, n] of o.counts) this.count(v, n, true);
  }
  entries(): [string, number][] {
    return [...this.counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
  state(): TopValuesState {
    return { capacity: this.capacity, approximate: this.approximate, sparse: this.sparse, entries: this.entries() };
  }
}

// Skewed values: a few hot ones, many rare ones, so prunes, the exact-order fallback and sparse mode all occur.
const value = fc.oneof(
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 5 }).map((i) => `hot${i}`) },
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 400 }).map((i) => `v${i}`) },
);
// Some counts past 1,024 (the histogram's last bucket) make the exact-order prune fallback happen.
const times = fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 1020, max: 1100 }) });
const stream = fc.array(fc.tuple(value, times), { maxLength: 600 });

describe('TopValuesAccumulator hash table', () => {
  it('gives the state of the Map model, whole and merged', () => {
    fc.assert(
      fc.property(stream, stream, fc.constantFrom(4, 8, 16, 64), (a, b, capacity) => {
        const [ta, tb] = [new TopValuesAccumulator(capacity, 5), new TopValuesAccumulator(capacity, 5)];
        const [ma, mb] = [new MapModel(capacity), new MapModel(capacity)];
        for (const [v, n] of a) {
          ta.add(v, n);
          ma.add(v, n);
        }
        for (const [v, n] of b) {
          tb.add(v, n, hash53(v));
          mb.add(v, n);
        }
        expect(ta.toJSON()).toEqual(ma.state());
        // merge through the state a worker sends, as the engine does
        const merged = TopValuesAccumulator.fromJSON(ta.toJSON(), 5);
        merged.merge(TopValuesAccumulator.fromJSON(tb.toJSON(), 5));
        const mm = MapModel.fromState(ma.state());
        mm.merge(MapModel.fromState(mb.state()));
        expect(merged.toJSON()).toEqual(mm.state());
      }),
      { numRuns: 300 },
    );
  });

  it('reaches sparse mode on a column of unique values and keeps the repeated ones', () => {
    const t = new TopValuesAccumulator(64, 3);
    const m = new MapModel(64);
    for (let i = 0; i < 5000; i++) {
      const v = i % 50 === 0 ? 'repeat' : `id${i}`;
      t.add(v);
      m.add(v);
    }
    const s = t.toJSON();
    expect(s.sparse).toBe(true);
    expect(s).toEqual(m.state());
    expect(t.finish().values[0]).toEqual({ value: 'repeat', count: 100 });
  });
});
