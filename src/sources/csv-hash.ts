/**
 * csv-hash: cheap 53-bit hashes of byte ranges, for the CSV fast path (distinct counts, duplicate rows).
 *
 * API
 *   hashBytes53(buf, start, end, seed = 0): number
 *       53-bit hash (a safe integer, 0 <= h < 2^53) of buf[start, end).
 *   hashBytesUnescaped53(buf, start, end, escape, seed = 0): number
 *       Same hash, over the bytes of a quoted field's inner text with each escape replaced by the byte after
 *       it (`""` read as one quote when the escape is the quote): equal to hashBytes53 of the unescaped
 *       bytes, without building them.
 *   hashString53(s, seed = 0): number
 *       hashBytes53 of the UTF-8 bytes of `s` (slow path: allocates; used for irregular fields and tests).
 *
 * Why plain JS: the GUIDE measured that a wasm hash called once per short cell costs more than hashing the
 * bytes in JS, and no hash package is a dependency (hash-wasm / xxhash-wasm are not installed). The mixing is
 * cyrb53 (bryc, public domain): two 32-bit multiply lanes, avalanche-finalised, 53 bits so that millions of
 * distinct values rarely collide (at 5M distinct values a 32-bit hash expects ~2,900 collisions, 53 bits
 * ~0.001). Figures against node:crypto are in bench/results/csv-fast.md.
 *
 * Deterministic: no seed from the clock; the same bytes give the same number on every thread and run.
 */

export function hashBytes53(buf: Uint8Array, start: number, end: number, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let p = start; p < end; p++) {
    const ch = buf[p]!;
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return finish53(h1, h2);
}

export function hashBytesUnescaped53(buf: Uint8Array, start: number, end: number, escape: number, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let p = start; p < end; p++) {
    let ch = buf[p]!;
    // inside a quoted field an escape stands for the byte after it (for `""`, the second quote)
    if (ch === escape) ch = buf[++p]!;
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return finish53(h1, h2);
}

export function hashString53(s: string, seed = 0): number {
  const b = Buffer.from(s, 'utf8');
  return hashBytes53(b, 0, b.length, seed);
}

function finish53(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
