import type { Accumulator } from './accumulator.js';

/** String length (in Unicode code points) of non-missing values: min, mean, max. Integer sums: exact. */
export interface LengthState {
  count: number;
  min: number;
  max: number;
  total: number;
}

export interface LengthResult {
  min: number | null;
  mean: number | null;
  max: number | null;
}

export class LengthAccumulator implements Accumulator<LengthState, LengthResult> {
  count = 0;
  min = Infinity;
  max = -Infinity;
  total = 0;

  add(length: number, times = 1): void {
    this.count += times;
    this.total += length * times;
    if (length < this.min) this.min = length;
    if (length > this.max) this.max = length;
  }

  merge(other: LengthAccumulator): void {
    this.count += other.count;
    this.total += other.total;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  toJSON(): LengthState {
    return { count: this.count, min: this.min, max: this.max, total: this.total };
  }

  static fromJSON(s: LengthState): LengthAccumulator {
    const l = new LengthAccumulator();
    Object.assign(l, s);
    return l;
  }

  finish(): LengthResult {
    if (this.count === 0) return { min: null, mean: null, max: null };
    return { min: this.min, mean: this.total / this.count, max: this.max };
  }
}
