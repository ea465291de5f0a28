import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TableProfiler } from '../../../src/engine/table.js';
import type { Cell } from '../../../src/metrics/accumulator.js';
import { ColumnProfiler } from '../../../src/metrics/column.js';
import { defaultRules } from '../../helpers/rules.js';

// Cells drawn from a pool with every kind of value the profiler distinguishes.
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.constantFrom('', '   ', 'N/A', '-', 'null', 'NaN', '0000-00-00', 'unknown'),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => String(x)),
  fc.constantFrom('true', 'false', 'Y', 'N', '2024-01-31', '03/04/2024', '2024-01-31T10:00:00Z'),
  fc.string({ maxLength: 12 }),
);

function profileColumn(cells: Cell[]): ColumnProfiler {
  const c = new ColumnProfiler('c', defaultRules);
  cells.forEach((v) => c.add(v));
  return c;
}

describe('merging shards gives what one pass gives', () => {
  it('for a column, cut anywhere, through toJSON/structuredClone/fromJSON', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 300 }), fc.array(fc.nat(), { maxLength: 4 }), (cells, cutsRaw) => {
        const cuts = [...new Set(cutsRaw.map((c) => (cells.length ? c % (cells.length + 1) : 0)))].sort((a, b) => a - b);
        const bounds = [0, ...cuts, cells.length];
        const parts = bounds.slice(1).map((end, i) => cells.slice(bounds[i], end));
        const merged = ColumnProfiler.fromJSON(structuredClone(profileColumn(parts[0]!).toJSON()), defaultRules);
        for (const part of parts.slice(1)) {
          merged.merge(ColumnProfiler.fromJSON(structuredClone(profileColumn(part).toJSON()), defaultRules));
        }
        expect(merged.finish(0)).toEqual(profileColumn(cells).finish(0));
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });

  it('for a table with ragged rows, in shard order', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 60 }), fc.nat(), (rows, cut) => {
        const header = ['a', 'b', 'c', 'd'];
        const k = rows.length ? cut % (rows.length + 1) : 0;
        const whole = new TableProfiler(header, defaultRules);
        rows.forEach((r, i) => whole.addRow(r, i + 1));
        const left = new TableProfiler(header, defaultRules);
        const right = new TableProfiler(header, defaultRules);
        rows.slice(0, k).forEach((r, i) => left.addRow(r, i + 1));
        rows.slice(k).forEach((r, i) => right.addRow(r, k + i + 1));
        const merged = TableProfiler.fromJSON(structuredClone(left.toJSON()), defaultRules);
        merged.merge(TableProfiler.fromJSON(structuredClone(right.toJSON()), defaultRules));
        expect(merged.finish()).toEqual(whole.finish());
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe('ColumnProfiler pins exact numbers', () => {
  it('on a small messy column', () => {
    const r = profileColumn(['1', '2', '2', '', '  ', 'N/A', 'n/a', 'unknown', null, '10', 'x']).finish(3);
    expect(r.values).toBe(11);
    expect(r.index).toBe(3);
    expect(r.missing).toEqual({
      count: 6,
      rate: 6 / 11,
      nulls: 1,
      empty: 1,
      whitespace: 1,
      disguised: { 'N/A': 1, 'n/a': 1, unknown: 1 },
      discovered: {},
      discoveredCounted: [],
    });
    expect(r.type).toEqual({
      inferred: 'integer',
      conformance: 0.8,
      counts: { integer: 4, decimal: 0, boolean: 0, date: 0, datetime: 0, string: 1 },
    });
    expect(r.distinct).toEqual({ distinct: 4, exact: true });
    expect(r.numeric).toMatchObject({ count: 4, min: 1, max: 10, mean: 3.75 });
    expect(r.numeric!.stddev).toBeCloseTo(4.193248541803041, 12);
    expect(r.lengths).toEqual({ min: 1, mean: 6 / 5, max: 2 });
    expect(r.topValues.values.slice(0, 2)).toEqual([
      { value: '2', count: 2 },
      { value: '1', count: 1 },
    ]);
  });
});

describe('sentinel discovery in a column', () => {
  it('counts a repeated misfit and a placeholder as missing, and names them', () => {
    const cells = [...Array(200).keys()].map((i) => String(i % 50));
    for (let i = 0; i < 6; i++) cells.push('PrivacySuppressed');
    for (let i = 0; i < 4; i++) cells.push('-9999');
    const r = profileColumn(cells).finish(0);
    expect(r.missing.discovered).toEqual({ PrivacySuppressed: 6, '-9999': 4 });
    expect(r.missing.discoveredCounted).toEqual(['PrivacySuppressed', '-9999']);
    expect(r.missing.count).toBe(10);
    expect(r.missing.rate).toBe(10 / 210);
  });
});
