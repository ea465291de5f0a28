/**
 * A fast, seeded 53-bit string hash (cyrb53 construction: two 32-bit lanes mixed with Math.imul).
 *
 * Why not a library: the GUIDE's measurements on this machine show that calling a wasm hash once per short
 * cell costs more than hashing in plain JS, and node:crypto allocates per call. The hash only has to be
 * deterministic and well mixed (it feeds HyperLogLog registers and duplicate detection), not cryptographic.
 */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Two independent 32-bit halves of a 53-bit hash, for consumers that want integers. */
export function hashHigh21(h: number): number {
  return Math.floor(h / 4294967296);
}

export function hashLow32(h: number): number {
  return h >>> 0;
}

/**
 * The two 32-bit lanes of a value's 64-bit hash, written to out[0] and out[1] (no allocation). This is the
 * hash rows are matched on (exact duplicates, the near-duplicate word caches) and distinct values are
 * tallied on; src/metrics/row-cells.ts computes the same lanes from a field's bytes when they are ASCII.
 */
export function valueLanes(s: string, out: Int32Array): void {
  const n = s.length;
  let l1 = 0x811c9dc5 ^ n;
  let l2 = 0x9747b28c ^ n;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(k);
    l1 = Math.imul(l1 ^ c, 0x01000193);
    l2 = Math.imul(l2 ^ c, 0x5bd1e995);
    l2 ^= l2 >>> 15;
  }
  out[0] = finishLane(l1);
  out[1] = finishLane(l2);
}

/** murmur3's 32-bit finaliser: every input bit reaches every output bit. */
export function finishLane(l: number): number {
  l ^= l >>> 16;
  l = Math.imul(l, 0x85ebca6b);
  l ^= l >>> 13;
  l = Math.imul(l, 0xc2b2ae35);
  return l ^ (l >>> 16);
}
