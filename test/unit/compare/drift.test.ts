import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedDistinct } from '../../../src/compare/compare.js';
import { categoryDrift, cdfAt, cdfBefore, cdfKnots, numericDrift, psiTerm, totalVariation } from '../../../src/compare/drift.js';

const uniform = (lo: number, hi: number) => {
  const at = (p: number) => lo + (hi - lo) * p;
  return { min: lo, max: hi, quantiles: { p1: at(0.01), p5: at(0.05), p25: at(0.25), p50: at(0.5), p75: at(0.75), p95: at(0.95), p99: at(0.99) } };
};

describe('the quantile-interpolated CDF', () => {
  it('is piecewise linear through (min,0), the quantiles and (max,1)', () => {
    const k = cdfKnots(uniform(0, 100));
    expect(k.x).toEqual([0, 1, 5, 25, 50, 75, 95, 99, 100]);
    expect(k.p).toEqual([0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1]);
    expect(cdfAt(k, -1)).toBe(0);
    expect(cdfAt(k, 10)).toBeCloseTo(0.1, 12);
    expect(cdfAt(k, 50)).toBe(0.5);
    expect(cdfAt(k, 100)).toBe(1);
  });

  it('jumps where several quantiles share a value (a value holding that much of the column)', () => {
    // 2020 holds at least 5%, 2022 from p50 up: the CDF jumps at both.
    const k = cdfKnots({ min: 2020, max: 2022, quantiles: { p1: 2020, p5: 2020, p25: 2021, p50: 2022, p75: 2022, p95: 2022, p99: 2022 } });
    expect(cdfBefore(k, 2020)).toBe(0);
    expect(cdfAt(k, 2020)).toBe(0.05);
    expect(cdfAt(k, 2021)).toBe(0.25);
    expect(cdfBefore(k, 2022)).toBe(0.5);
    expect(cdfAt(k, 2022)).toBe(1);
  });

  it('clamps quantiles outside [min, max] and keeps them non-decreasing', () => {
    const k = cdfKnots({ min: 10, max: 20, quantiles: { p50: 25, p25: 5, p75: 15 } });
    expect(k.x).toEqual([10, 10, 20, 20, 20]);
    expect(k.p).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});

describe('numeric drift', () => {
  it('is exactly 0 for identical summaries', () => {
    const d = numericDrift(uniform(0, 100), uniform(0, 100));
    expect(d.psi).toBe(0);
    expect(d.ks).toBe(0);
  });

  it('PSI and KS of a uniform(0,100) moved to uniform(50,150), worked by hand', () => {
    const d = numericDrift(uniform(0, 100), uniform(50, 150));
    // bins below 50 lose 1%, 4%, 20%, 25% (floored at 1e-4); half the mass lands above the old max.
    expect(d.psi).toBe(8.017045);
    expect(d.ks).toBe(0.5);
    expect(d.bins.map((b) => [b.upTo, round(b.baseline), round(b.current)])).toEqual([
      [0, 0, 0],
      [1, 0.01, 0],
      [5, 0.04, 0],
      [25, 0.2, 0],
      [50, 0.25, 0],
      [75, 0.25, 0.25],
      [95, 0.2, 0.2],
      [99, 0.04, 0.04],
      [100, 0.01, 0.01],
      [null, 0, 0.5],
    ]);
  });

  it('a shift of 1% of the range costs the two 1% tail bins; a large one crosses fail', () => {
    // (0,1] loses its 1% and (100,∞) gains 1%: 2 × 0.0099 × ln(100) = 0.091182, under the 0.1 warn threshold.
    expect(numericDrift(uniform(0, 100), uniform(1, 101)).psi).toBe(0.091182);
    expect(numericDrift(uniform(0, 100), uniform(20, 120)).psi).toBeGreaterThan(0.25);
  });

  it('a constant column compared with itself gives 0, and with another constant a large PSI', () => {
    const c = (v: number) => ({ min: v, max: v, quantiles: { p50: v } });
    expect(numericDrift(c(5), c(5))).toMatchObject({ psi: 0, ks: 0 });
    expect(numericDrift(c(5), c(6))).toMatchObject({ psi: 18.418839, ks: 1 }); // 2 × 0.9999 × ln(10⁴);
  });

  it('PSI and KS are never negative and 0 on the diagonal (property)', () => {
    const summary = fc
      .array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 9, maxLength: 9 })
      .map((v) => {
        const s = v.sort((a, b) => a - b);
        return { min: s[0]!, max: s[8]!, quantiles: { p1: s[1]!, p5: s[2]!, p25: s[3]!, p50: s[4]!, p75: s[5]!, p95: s[6]!, p99: s[7]! } };
      });
    fc.assert(
      fc.property(summary, summary, (a, b) => {
        const d = numericDrift(a, b);
        expect(d.psi).toBeGreaterThanOrEqual(0);
        expect(d.ks).toBeGreaterThanOrEqual(0);
        expect(d.ks).toBeLessThanOrEqual(1);
        expect(numericDrift(a, a)).toMatchObject({ psi: 0, ks: 0 });
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe('category drift', () => {
  it('PSI over complete top values, a new category included, worked by hand', () => {
    const d = categoryDrift(
      { values: [{ value: 'a', count: 50 }, { value: 'b', count: 30 }, { value: 'c', count: 20 }], complete: true, total: 100 },
      { values: [{ value: 'a', count: 40 }, { value: 'b', count: 30 }, { value: 'c', count: 20 }, { value: 'd', count: 10 }], complete: true, total: 100 },
    )!;
    expect(d.psi).toBe(0.712399);
    expect(d.buckets.map((b) => b.value)).toEqual(['d', 'a', 'b', 'c', null]);
    expect(d.coverage).toEqual({ baseline: 1, current: 1 });
  });

  it('a value that fell out of a truncated top list goes to "other" on both sides', () => {
    const d = categoryDrift(
      { values: [{ value: 'a', count: 50 }, { value: 'b', count: 30 }], complete: false, total: 100 },
      { values: [{ value: 'a', count: 50 }, { value: 'c', count: 30 }], complete: false, total: 100 },
    )!;
    expect(d.psi).toBe(0);
    expect(d.buckets).toEqual([
      { value: 'a', baseline: 0.5, current: 0.5 },
      { value: null, baseline: 0.5, current: 0.5 },
    ]);
  });

  it('identifier-like columns (disjoint truncated lists) show no drift', () => {
    const ids = (from: number) => Array.from({ length: 10 }, (_, i) => ({ value: `id-${from + i}`, count: 1 }));
    expect(categoryDrift({ values: ids(0), complete: false, total: 1000 }, { values: ids(500), complete: false, total: 1200 })!.psi).toBe(0);
  });

  it('is null when a side has no values', () => {
    expect(categoryDrift({ values: [], complete: true, total: 0 }, { values: [], complete: true, total: 0 })).toBeNull();
  });

  it('psiTerm floors empty shares at 1e-4', () => {
    expect(psiTerm(0, 0)).toBe(0);
    expect(round(psiTerm(0.1, 0))).toBe(round((1e-4 - 0.1) * Math.log(1e-4 / 0.1)));
  });
});

describe('date-format mix distance', () => {
  it('is half the L1 distance between the shares', () => {
    expect(totalVariation({ 'yyyy-MM-dd': 90, 'd/M/yyyy': 10 }, { 'yyyy-MM-dd': 60, 'd/M/yyyy': 30, 'MMM d yyyy': 10 })).toBe(0.3);
    expect(totalVariation({ a: 5 }, { a: 500 })).toBe(0);
    expect(totalVariation({ a: 1 }, { b: 1 })).toBe(1);
  });
});

describe('expected distinct count after a change in row count', () => {
  it('keeps identifiers unique and categories fixed', () => {
    expect(expectedDistinct(2000, 2000, 200)).toBe(200);
    expect(expectedDistinct(2000, 2000, 5000)).toBe(5000);
    expect(expectedDistinct(5, 1000, 100)).toBeCloseTo(5, 6);
    expect(expectedDistinct(42, 1000, 1000)).toBe(42);
  });

  it('follows the coupon-collector curve in between', () => {
    // 871 distinct in 2,000 values fits about 1,011 equally likely values: about 181 distinct in 200 values.
    expect(Math.round(expectedDistinct(871, 2000, 200))).toBe(181);
    expect(Math.round(expectedDistinct(335, 2000, 200))).toBe(151);
  });
});

function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
