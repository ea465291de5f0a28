import type { Accumulator } from './accumulator.js';

/**
 * Most frequent values with bounded memory. Counts are exact while a column has at most `capacity`
 * distinct values (the common case for categorical columns, and then the result is independent of how
 * the input was cut). Past that the map is pruned to its most frequent half, deterministically (count
 * descending, then value), and the result is marked approximate: a value pruned and seen again is
 * under-counted. Shards are fixed by the file, not by the thread count, so the report stays identical at
 * any --threads.
 */
export interface TopValuesState {
  capacity: number;
  approximate: boolean;
  entries: [string, number][];
}

export interface TopValuesResult {
  approximate: boolean;
  values: { value: string; count: number }[];
}

function byCountThenValue(a: [string, number], b: [string, number]): number {
  return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

export class TopValuesAccumulator implements Accumulator<TopValuesState, TopValuesResult> {
  private counts = new Map<string, number>();
  approximate = false;

  constructor(
    private readonly capacity = 4096,
    private readonly reported = 10,
  ) {}

  add(value: string, times = 1): void {
    const c = this.counts.get(value);
    if (c !== undefined) {
      this.counts.set(value, c + times);
      return;
    }
    this.counts.set(value, times);
    if (this.counts.size > this.capacity) this.prune();
  }

  private prune(): void {
    const half = this.capacity >> 1;
    // High-cardinality columns (ids, e-mails) are mostly singletons: dropping those is linear, and only a
    // column with many repeated values pays for the sort.
    const repeated: [string, number][] = [];
    for (const e of this.counts) if (e[1] > 1) repeated.push(e);
    const keep = repeated.length > half ? repeated.sort(byCountThenValue).slice(0, half) : repeated;
    this.counts = new Map(keep);
    this.approximate = true;
  }

  merge(other: TopValuesAccumulator): void {
    this.approximate ||= other.approximate;
    for (const [v, n] of other.counts) this.add(v, n);
  }

  toJSON(): TopValuesState {
    return {
      capacity: this.capacity,
      approximate: this.approximate,
      entries: [...this.counts].sort(byCountThenValue),
    };
  }

  static fromJSON(s: TopValuesState, reported?: number): TopValuesAccumulator {
    const t = new TopValuesAccumulator(s.capacity, reported);
    t.approximate = s.approximate;
    t.counts = new Map(s.entries);
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
