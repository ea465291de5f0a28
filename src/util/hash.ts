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
