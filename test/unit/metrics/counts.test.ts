import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NumericAccumulator } from '../../../src/metrics/numeric.js';
import { ExactSum } from '../../../src/util/exact-sum.js';
import { TopValuesAccumulator } from '../../../src/metrics/top-values.js';
import { ColumnProfiler } from '../../../src/metrics/column.js';
import { defaultRules } from '../../helpers/rules.js';

// The column profiler feeds each distinct value once per tally window with its count: every accumulator's
// add(x, n) must equal n single adds, or the report would depend on window size and on the tally/direct switch.

const finite = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((i) => i / 100),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
);

describe('add with a count equals repeated adds', () => {
  it('NumericAccumulator: same state and result', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(finite, fc.integer({ min: 1, max: 50 })), { maxLength: 40 }), (pairs) => {
        const one = new NumericAccumulator();
        const many = new NumericAccumulator();
        for (const [x, n] of pairs) {
          one.add(x, n);
          for (let k = 0; k < n; k++) many.add(x);
        }
        expect(one.finish()).toEqual(many.finish());
        expect(one.toJSON().sketch).toEqual(many.toJSON().sketch);
      }),
      { numRuns: 300 },
    );
  });

  it('ExactSum: x*n and x*x*n are exact', () => {
    const s = new ExactSum();
    const sq = new ExactSum();
    s.addProduct(0.1, 3);
    sq.addSquareTimes(0.1, 3);
    const r = new ExactSum();
    const rq = new ExactSum();
    for (let k = 0; k < 3; k++) {
      r.add(0.1);
      rq.addProduct(0.1, 0.1);
    }
    expect(s.value()).toBe(r.value());
    expect(sq.value()).toBe(rq.value());
    // pinned: the correctly rounded 3 × (0.1 as a double)², not the 0.030000000000000006 of naive adds
    expect(sq.value()).toBe(0.030000000000000002);
  });

  it('TopValuesAccumulator: exact counts below capacity', () => {
    const a = new TopValuesAccumulator(64, 5);
    const b = new TopValuesAccumulator(64, 5);
    a.add('x', 7);
    a.add('y', 2);
    for (let k = 0; k < 7; k++) b.add('x');
    b.add('y');
    b.add('y');
    expect(a.finish()).toEqual(b.finish());
    expect(a.finish().values[0]).toEqual({ value: 'x', count: 7 });
  });

  it('ColumnProfiler: tallied, direct and sharded feeding give the same finished column', () => {
    const rules = defaultRules;
    const cell = fc.oneof(
      fc.constantFrom('', ' ', 'N/A', '-', 'null', '0000-00-00', '2024-01-31', '31/01/2024', 'a@example.com', '42', '4.5', 'Paris'),
      fc.integer({ min: 0, max: 30 }).map((i) => `v${i}`),
      fc.integer({ min: -99, max: 99 }).map((i) => String(i / 4)),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 300 }), fc.integer({ min: 0, max: 300 }), (cells, cut) => {
        const whole = new ColumnProfiler('col', rules);
        for (const c of cells) whole.add(c);
        const left = new ColumnProfiler('col', rules);
        const right = new ColumnProfiler('col', rules);
        cells.forEach((c, i) => (i < cut ? left : right).add(c));
        left.merge(right);
        const asOf = new Date('2026-01-01T00:00:00Z');
        expect(left.finish(0, asOf)).toEqual(whole.finish(0, asOf));
      }),
      { numRuns: 150 },
    );
  });

  it('ColumnProfiler: a mostly distinct column switches to direct feeding with the same counts', () => {
    const rules = defaultRules;
    // 40,000 cells: ids that never repeat, with a repeated value and blanks mixed in (past one tally window)
    const cells = Array.from({ length: 40_000 }, (_, i) => (i % 97 === 0 ? 'repeat' : i % 101 === 0 ? '' : `id-${i}`));
    const whole = new ColumnProfiler('id', rules);
    for (const c of cells) whole.add(c);
    const parts = [new ColumnProfiler('id', rules), new ColumnProfiler('id', rules), new ColumnProfiler('id', rules)];
    cells.forEach((c, i) => parts[i < 5_000 ? 0 : i < 30_000 ? 1 : 2]!.add(c));
    parts[0]!.merge(parts[1]!);
    parts[0]!.merge(parts[2]!);
    const a = whole.finish(0);
    const b = parts[0]!.finish(0);
    expect(b.missing).toEqual(a.missing);
    expect(b.lengths).toEqual(a.lengths);
    expect(b.distinct).toEqual(a.distinct);
    expect(b.type).toEqual(a.type);
    expect(a.missing.empty).toBe(cells.filter((c) => c === '').length);
    expect(a.topValues.values[0]).toEqual({ value: 'repeat', count: cells.filter((c) => c === 'repeat').length });
  });
});
