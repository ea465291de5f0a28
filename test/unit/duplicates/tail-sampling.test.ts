import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DuplicateAccumulator, type DupResult, type DupRulesInput } from '../../../src/detectors/duplicates/index.js';
import { rebaseTableState } from '../../../src/engine/rebase.js';
import type { TableState } from '../../../src/engine/table.js';

/** 20,000 rows; about one in eight repeats an earlier row (some several times), the rest are distinct. */
function table(n = 20_000): string[][] {
  const rows: string[][] = [];
  let seed = 12345;
  const rand = (k: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % k;
  };
  for (let i = 0; i < n; i++) {
    if (i > 10 && rand(8) === 0) rows.push([...rows[rand(i)]!]);
    else rows.push([`person ${i} ${rand(1000)}`, `town ${i % 97}`, `${1000 + i}`]);
  }
  return rows;
}

const columns = ['name', 'town', 'badge'];
// 4 words a row of near words: 300 near rows; 8 bytes a row of exact hashes: 2,000 tail rows
const small: DupRulesInput = { nearMemoryBytes: 300 * 4 * 3, exactMemoryBytes: 2000 * 8 };

function onePass(rows: string[][], rules: DupRulesInput): DuplicateAccumulator {
  const acc = new DuplicateAccumulator(columns, rules);
  rows.forEach((r, i) => acc.addRow(r, i + 1));
  return acc;
}

/** Shards with shard-local row numbers, moved through structured clone and rebased, merged in order. */
function sharded(rows: string[][], rules: DupRulesInput, cuts: number[]): DupResult {
  const bounds = [0, ...[...new Set(cuts)].sort((a, b) => a - b), rows.length];
  let total: DuplicateAccumulator | null = null;
  for (let s = 0; s + 1 < bounds.length; s++) {
    const acc = new DuplicateAccumulator(columns, rules);
    for (let i = bounds[s]!; i < bounds[s + 1]!; i++) acc.addRow(rows[i]!, i - bounds[s]! + 1);
    const state = { duplicates: structuredClone(acc.toJSON()), ragged: { tooFew: 0, tooMany: 0, examples: [] } } as unknown as TableState;
    const moved = DuplicateAccumulator.fromJSON(rebaseTableState(state, bounds[s]!).duplicates, rules);
    if (total === null) total = moved;
    else total.merge(moved);
  }
  return total!.finish();
}

describe('exact hashes past the near rows under a memory budget', () => {
  const rows = table();
  const truth = onePass(rows, { nearMemoryBytes: small.nearMemoryBytes }).finish();
  const acc = onePass(rows, small);
  const held = acc.toJSON();
  const res = acc.finish();

  it('holds at most the near rows plus the budget, and says the counts are estimates', () => {
    expect(truth.exact.sampling).toBeUndefined();
    expect(held.rows).toBeLessThanOrEqual(300 + 2000);
    expect(held.rows).toBeGreaterThan(300 + 500);
    expect(held.seenRows).toBe(20_000);
    expect(held.tailLevel).toBe(4);
    expect(res.rows).toBe(20_000);
    expect(res.exact.sampling?.rate).toBe(1 / 16);
    expect(res.exact.sampling?.rowsHeld).toBe(held.rows);
    expect(res.exact.sampling?.reason).toContain('1-in-16 hash sample of the other 19700 rows');
    expect(res.list.length).toBeLessThan(truth.list.length);
  });

  it('estimates the exact counts close to the full count', () => {
    const rel = (a: number, b: number) => Math.abs(a - b) / b;
    expect(truth.exact.duplicateRows).toBeGreaterThan(2000);
    expect(rel(res.exact.duplicateRows, truth.exact.duplicateRows)).toBeLessThan(0.15);
    expect(rel(res.exact.clusters, truth.exact.clusters)).toBeLessThan(0.15);
    expect(rel(res.exact.rowsInClusters, truth.exact.rowsInClusters)).toBeLessThan(0.15);
    expect(rel(res.redundantRows, truth.redundantRows)).toBeLessThan(0.15);
    expect(rel(res.shareOfRowsInvolved, truth.shareOfRowsInvolved)).toBeLessThan(0.15);
  });

  it('gives the same result however the rows were cut into shards', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: rows.length - 1 }), { maxLength: 6 }), (cuts) => {
        expect(sharded(rows, small, cuts)).toEqual(res);
      }),
      { numRuns: 12 },
    );
  });

  it('samples every row when near matching is off', () => {
    const off = onePass(rows, { ...small, near: false });
    const offRes = off.finish();
    expect(off.toJSON().nearRows).toBe(0);
    expect(offRes.exact.sampling?.reason).toContain('held for the first 0 rows');
    expect(sharded(rows, { ...small, near: false }, [7000, 13000])).toEqual(offRes);
    // rows of the sample's groups are listed with their real row numbers
    const listed = new Set(offRes.list.map((e) => e.row));
    for (const e of offRes.list.filter((x) => x.kind === 'exact').slice(0, 50)) {
      const copies = rows.map((r, i) => (r.join('\u0000') === rows[e.row - 1]!.join('\u0000') ? i + 1 : 0)).filter((x) => x > 0);
      expect(copies.length).toBeGreaterThan(1);
      for (const c of copies) expect(listed.has(c)).toBe(true);
    }
  });
});
