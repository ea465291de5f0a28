import { DDSketch } from '@datadog/sketches-js';
import type { Accumulator } from './accumulator.js';
import { ExactSum } from '../util/exact-sum.js';

/**
 * Numeric summary: count, min, max, mean and sample standard deviation from exact sums (so the result is
 * the same however the input was sharded), and quantiles from a DDSketch (bucket counts merge exactly).
 */
export interface NumericState {
  count: number;
  min: number;
  max: number;
  sum: number[];
  sumSquares: number[];
  /** DDSketch bins as [key, count] pairs: positive store, negative store, and the zero count. */
  sketch: { positive: [number, number][]; negative: [number, number][]; zeros: number };
}

export interface NumericResult {
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  stddev: number | null;
  quantiles: Record<string, number>;
}

export class NumericAccumulator implements Accumulator<NumericState, NumericResult> {
  count = 0;
  min = Infinity;
  max = -Infinity;
  private sum = new ExactSum();
  private sumSquares = new ExactSum();
  private sketch: DDSketch;

  constructor(
    private readonly quantiles: readonly number[] = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99],
    private readonly relativeAccuracy = 0.01,
    sketch?: DDSketch,
  ) {
    this.sketch = sketch ?? new DDSketch({ relativeAccuracy });
  }

  /** Adds `times` copies of x; the sums stay exact, so one call with times = n equals n calls. */
  add(x: number, times = 1): void {
    if (!Number.isFinite(x)) return;
    this.count += times;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    if (times === 1) {
      this.sum.add(x);
      this.sumSquares.addProduct(x, x);
    } else {
      this.sum.addProduct(x, times);
      this.sumSquares.addSquareTimes(x, times);
    }
    this.sketch.accept(x, times);
  }

  merge(other: NumericAccumulator): void {
    if (other.count === 0) return;
    this.count += other.count;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
    this.sum.merge(other.sum);
    this.sumSquares.merge(other.sumSquares);
    mergeSketch(this.sketch, other.sketch);
  }

  toJSON(): NumericState {
    return {
      count: this.count,
      min: this.min,
      max: this.max,
      sum: this.sum.toJSON(),
      sumSquares: this.sumSquares.toJSON(),
      sketch: sketchToJSON(this.sketch),
    };
  }

  static fromJSON(
    s: NumericState,
    quantiles?: readonly number[],
    relativeAccuracy?: number,
  ): NumericAccumulator {
    const n = new NumericAccumulator(quantiles, relativeAccuracy, sketchFromJSON(s.sketch, relativeAccuracy));
    n.count = s.count;
    n.min = s.min;
    n.max = s.max;
    n.sum = ExactSum.fromJSON(s.sum);
    n.sumSquares = ExactSum.fromJSON(s.sumSquares);
    return n;
  }

  finish(): NumericResult {
    if (this.count === 0) {
      return { count: 0, min: null, max: null, mean: null, stddev: null, quantiles: {} };
    }
    const sum = this.sum.value();
    const mean = sum / this.count;
    let stddev: number | null = null;
    if (this.count > 1) {
      const ss = ExactSum.fromJSON(this.sumSquares.toJSON());
      ss.addProduct(-sum, mean); // sumSquares - sum * mean, with the product added exactly
      stddev = Math.sqrt(Math.max(0, ss.value()) / (this.count - 1));
    }
    const quantiles: Record<string, number> = {};
    for (const q of this.quantiles) {
      const v = this.sketch.getValueAtQuantile(q);
      // The sketch answers within its relative accuracy; never outside the observed range.
      quantiles[`p${Math.round(q * 100)}`] = roundSignificant(Math.min(this.max, Math.max(this.min, v)));
    }
    return { count: this.count, min: this.min, max: this.max, mean, stddev, quantiles };
  }
}

/** Quantiles carry ~1% relative error; printing 17 digits would claim precision the sketch lacks. */
function roundSignificant(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(6));
}

// The package's own toProto/fromProto need protobufjs, which it lists only as a dev dependency; the store's
// bins are plain counts, so they are serialized here as [key, count] pairs.
interface DenseStoreLike {
  bins: number[];
  offset: number;
  count: number;
  add(key: number, weight?: number): void;
}

function storeToPairs(store: DenseStoreLike): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < store.bins.length; i++) {
    const c = store.bins[i]!;
    if (c > 0) pairs.push([i + store.offset, c]);
  }
  return pairs;
}

function sketchToJSON(sketch: DDSketch): NumericState['sketch'] {
  return {
    positive: storeToPairs(sketch.store as unknown as DenseStoreLike),
    negative: storeToPairs(sketch.negativeStore as unknown as DenseStoreLike),
    zeros: sketch.zeroCount,
  };
}

function sketchFromJSON(s: NumericState['sketch'], relativeAccuracy = 0.01): DDSketch {
  const sketch = new DDSketch({ relativeAccuracy });
  let count = s.zeros;
  for (const [k, c] of s.positive) {
    (sketch.store as unknown as DenseStoreLike).add(k, c);
    count += c;
  }
  for (const [k, c] of s.negative) {
    (sketch.negativeStore as unknown as DenseStoreLike).add(k, c);
    count += c;
  }
  sketch.zeroCount = s.zeros;
  sketch.count = count;
  return sketch;
}

/**
 * DDSketch.merge in @datadog/sketches-js 2.1.1 forgets the negative store (negative values vanish from
 * merged quantiles), so bins are merged here, store by store.
 */
function mergeSketch(into: DDSketch, from: DDSketch): void {
  for (const [k, c] of storeToPairs(from.store as unknown as DenseStoreLike)) (into.store as unknown as DenseStoreLike).add(k, c);
  for (const [k, c] of storeToPairs(from.negativeStore as unknown as DenseStoreLike)) {
    (into.negativeStore as unknown as DenseStoreLike).add(k, c);
  }
  into.zeroCount += from.zeroCount;
  into.count += from.count;
}
