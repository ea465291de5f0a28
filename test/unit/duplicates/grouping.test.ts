import { describe, expect, it } from 'vitest';
import { radixSort } from '../../../src/detectors/duplicates/finish.js';

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
