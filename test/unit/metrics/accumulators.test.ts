import { describe, expect, it } from 'vitest';
import { ExactSum } from '../../../src/util/exact-sum.js';
import { MissingAccumulator } from '../../../src/metrics/missing.js';
import { NumericAccumulator } from '../../../src/metrics/numeric.js';
import { DistinctAccumulator } from '../../../src/metrics/distinct.js';
import { TopValuesAccumulator } from '../../../src/metrics/top-values.js';
import { TypeAccumulator } from '../../../src/metrics/types.js';
import { LengthAccumulator } from '../../../src/metrics/lengths.js';
import { classifyValue, codePointLength, ValueKind } from '../../../src/metrics/value-kind.js';
import { hash53 } from '../../../src/util/hash.js';

describe('ExactSum', () => {
  it('sums exactly where naive addition drifts', () => {
    const s = new ExactSum();
    for (let i = 0; i < 10; i++) s.add(0.1);
    expect(s.value()).toBe(1);
    let naive = 0;
    for (let i = 0; i < 10; i++) naive += 0.1;
    expect(naive).not.toBe(1);
  });
  it('keeps small terms next to huge ones', () => {
    const s = new ExactSum();
    [1e100, 1, -1e100, 1e-3].forEach((x) => s.add(x));
    expect(s.value()).toBe(1.001);
  });
  it('gives the same value in any merge grouping', () => {
    const xs = [0.1, 1e16, 3.3, -1e16, 2.2e-8, 7];
    const all = new ExactSum();
    xs.forEach((x) => all.add(x));
    const a = new ExactSum();
    const b = new ExactSum();
    xs.slice(0, 3).forEach((x) => a.add(x));
    xs.slice(3).forEach((x) => b.add(x));
    b.merge(a);
    expect(b.value()).toBe(all.value());
  });
  it('adds products exactly', () => {
    const s = new ExactSum();
    s.addProduct(0.1, 0.1);
    s.addProduct(-0.1, 0.1);
    expect(s.value()).toBe(0);
  });
});

describe('MissingAccumulator', () => {
  it('counts every kind of missing value and sums them', () => {
    const m = new MissingAccumulator();
    m.addNull();
    m.addEmpty();
    m.addEmpty();
    m.addWhitespace();
    m.addToken('N/A');
    m.addToken('N/A');
    m.addToken('-');
    expect(m.finish()).toEqual({ count: 7, nulls: 1, empty: 2, whitespace: 1, disguised: { '-': 1, 'N/A': 2 } });
  });
});

describe('NumericAccumulator', () => {
  it('pins min, max, mean, stddev and quantiles on 1..10', () => {
    const n = new NumericAccumulator([0.5, 0.9]);
    for (let i = 1; i <= 10; i++) n.add(i);
    const r = n.finish();
    expect(r.count).toBe(10);
    expect(r.min).toBe(1);
    expect(r.max).toBe(10);
    expect(r.mean).toBe(5.5);
    expect(r.stddev).toBeCloseTo(3.0276503540974917, 14);
    // DDSketch, 1% relative accuracy
    expect(r.quantiles.p50).toBeGreaterThanOrEqual(5 * 0.99);
    expect(r.quantiles.p50).toBeLessThanOrEqual(5 * 1.01);
    expect(r.quantiles.p90).toBeGreaterThanOrEqual(9 * 0.99);
    expect(r.quantiles.p90).toBeLessThanOrEqual(9 * 1.01);
  });
  it('has no stddev for one value, nothing for none, ignores non-finite values', () => {
    const one = new NumericAccumulator();
    one.add(4);
    one.add(Infinity);
    expect(one.finish()).toMatchObject({ count: 1, min: 4, max: 4, mean: 4, stddev: null });
    expect(new NumericAccumulator().finish()).toEqual({ count: 0, min: null, max: null, mean: null, stddev: null, quantiles: {} });
  });
  it('survives toJSON/fromJSON through structured clone', () => {
    const n = new NumericAccumulator();
    [3, -2, 7.5, 0, 0].forEach((x) => n.add(x));
    const back = NumericAccumulator.fromJSON(structuredClone(n.toJSON()));
    expect(back.finish()).toEqual(n.finish());
  });
});

describe('DistinctAccumulator', () => {
  it('is exact below its limit', () => {
    const d = new DistinctAccumulator(100);
    ['a', 'b', 'a', 'c', 'b'].forEach((v) => d.addHash(hash53(v)));
    expect(d.finish()).toEqual({ distinct: 3, exact: true });
  });
  it('switches to HyperLogLog above it, within 2%', () => {
    const d = new DistinctAccumulator(1000);
    for (let i = 0; i < 100_000; i++) d.addHash(hash53(`value-${i % 50_000}`));
    const r = d.finish();
    expect(r.exact).toBe(false);
    expect(Math.abs(r.distinct - 50_000) / 50_000).toBeLessThan(0.02);
  });
  it('merges to the same estimate in any grouping', () => {
    const whole = new DistinctAccumulator(10);
    const a = new DistinctAccumulator(10);
    const b = new DistinctAccumulator(10);
    for (let i = 0; i < 5000; i++) {
      const h = hash53(String(i));
      whole.addHash(h);
      (i % 3 === 0 ? a : b).addHash(h);
    }
    a.merge(b);
    expect(a.finish()).toEqual(whole.finish());
  });
});

describe('TopValuesAccumulator', () => {
  it('orders by count, then value, exactly', () => {
    const t = new TopValuesAccumulator(100, 3);
    ['b', 'a', 'c', 'a', 'b', 'd', 'a'].forEach((v) => t.add(v));
    expect(t.finish()).toEqual({
      approximate: false,
      values: [
        { value: 'a', count: 3 },
        { value: 'b', count: 2 },
        { value: 'c', count: 1 },
      ],
    });
  });
  it('marks itself approximate once the capacity is exceeded', () => {
    const t = new TopValuesAccumulator(16, 2);
    for (let i = 0; i < 100; i++) t.add(`v${i}`);
    for (let i = 0; i < 5; i++) t.add('hot');
    const r = t.finish();
    expect(r.approximate).toBe(true);
    expect(r.values[0]).toEqual({ value: 'hot', count: 5 });
  });
});

describe('TypeAccumulator', () => {
  const infer = (kinds: ValueKind[]) => {
    const t = new TypeAccumulator(0.5);
    kinds.forEach((k) => t.add(k));
    return t.finish();
  };
  it('infers integer, decimal, boolean, date, datetime and string', () => {
    expect(infer([ValueKind.Integer, ValueKind.Integer]).inferred).toBe('integer');
    expect(infer([ValueKind.Integer, ValueKind.Decimal, ValueKind.String])).toMatchObject({ inferred: 'decimal', conformance: 2 / 3 });
    expect(infer([ValueKind.Boolean, ValueKind.Boolean, ValueKind.String]).inferred).toBe('boolean');
    expect(infer([ValueKind.Date, ValueKind.Date, ValueKind.DateTime]).inferred).toBe('date');
    expect(infer([ValueKind.DateTime, ValueKind.DateTime, ValueKind.Date])).toMatchObject({ inferred: 'datetime', conformance: 1 });
    expect(infer([ValueKind.Integer, ValueKind.String])).toMatchObject({ inferred: 'string', conformance: 1 });
    expect(infer([])).toMatchObject({ inferred: 'string', conformance: null });
  });
});

describe('classifyValue', () => {
  it.each([
    ['42', ValueKind.Integer],
    ['-7', ValueKind.Integer],
    ['3.14', ValueKind.Decimal],
    ['1e5', ValueKind.Decimal],
    ['.5', ValueKind.Decimal],
    ['true', ValueKind.Boolean],
    ['N', ValueKind.Boolean],
    ['2024-02-29', ValueKind.Date],
    ['2023-02-29', ValueKind.String],
    ['03/04/2024', ValueKind.Date],
    ['31.12.2023', ValueKind.Date],
    ['Mar 4, 2024', ValueKind.Date],
    ['4 March 2024', ValueKind.Date],
    ['2024-03-04T10:20:30Z', ValueKind.DateTime],
    ['2024-03-04 10:20', ValueKind.DateTime],
    ['10.2.3.4', ValueKind.String],
    ['hello', ValueKind.String],
    ['1,234', ValueKind.String],
  ])('%s', (v, k) => expect(classifyValue(v)).toBe(k));
  it('counts code points, not UTF-16 units', () => {
    expect(codePointLength('a😀b')).toBe(3);
    expect(codePointLength('é')).toBe(1);
  });
});

describe('LengthAccumulator', () => {
  it('pins min, mean and max', () => {
    const l = new LengthAccumulator();
    [1, 4, 4].forEach((n) => l.add(n));
    expect(l.finish()).toEqual({ min: 1, mean: 3, max: 4 });
  });
});
