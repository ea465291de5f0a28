import { describe, expect, it } from 'vitest';
import { exactGroups, PAGE_ROWS, radixSort } from '../../../src/detectors/duplicates/finish.js';

/** xorshift32, fixed seed: the same inputs on every run. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s ^= s << 13; s ^= s >>> 17; s ^= s << 5;
    return s >>> 0;
  };
}

describe('radixSort', () => {
  it.each([0, 1, 2, 17, 300, 5000, 70_000, 200_000])('sorts %i keys ascending, equal keys in input order', (m) => {
    const next = rng(0x1234567 + m);
    const keys = new Uint32Array(m), idx = new Int32Array(m);
    // Few distinct keys on part of the range (long runs of equal keys) and random ones elsewhere.
    for (let k = 0; k < m; k++) {
      keys[k] = k % 3 === 0 ? next() % 64 * 0x04000001 : next();
      idx[k] = k;
    }
    const want = [...keys].map((key, k) => ({ key, k })).sort((x, y) => x.key - y.key || x.k - y.k);
    radixSort(keys, idx, new Uint32Array(m), new Int32Array(m), m);
    let wrong = 0;
    for (let k = 0; k < m; k++) if (keys[k] !== want[k]!.key || idx[k] !== want[k]!.k) wrong++;
    expect(wrong).toBe(0);
  });
});

describe('exactGroups', () => {
  it.each([1, 5, 1000, 3 * PAGE_ROWS + 17, 100_000])('matches one map over %i rows', (n) => {
    const next = rng(0xabcdef + n);
    const pages: Uint32Array[] = [];
    const rows: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      // A third of the rows repeat an earlier row; some share a 32-bit table hash without being equal.
      let lo: number, hi: number;
      if (i > 0 && next() % 3 === 0) [lo, hi] = rows[next() % i]!;
      else if (i > 0 && next() % 50 === 0) {
        const [l, h] = rows[next() % i]!;
        hi = (h + 1) >>> 0;
        lo = (l ^ Math.imul(h, 0x9e3779b1) ^ Math.imul(hi, 0x9e3779b1)) >>> 0;
      } else { lo = next(); hi = next(); }
      rows.push([lo, hi]);
      const p = i >>> 14;
      pages[p] ??= new Uint32Array(2 * PAGE_ROWS);
      pages[p]![(i & (PAGE_ROWS - 1)) * 2] = lo;
      pages[p]![(i & (PAGE_ROWS - 1)) * 2 + 1] = hi;
    }
    const rep = new Int32Array(n), size = new Int32Array(n);
    exactGroups(pages, n, rep, size);
    const first = new Map<string, number>();
    const wantRep = new Int32Array(n), wantSize = new Int32Array(n);
    rows.forEach(([lo, hi], i) => {
      const key = `${lo}:${hi}`;
      const f = first.get(key) ?? i;
      first.set(key, f);
      wantRep[i] = f;
      wantSize[f]!++;
    });
    let wrong = 0;
    for (let i = 0; i < n; i++) if (rep[i] !== wantRep[i] || size[i] !== wantSize[i]) wrong++;
    expect(wrong).toBe(0);
  });
});
