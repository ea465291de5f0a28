/**
 * Exact floating-point summation (Shewchuk's algorithm, as in Python's math.fsum).
 *
 * Why: the report must be byte-identical whatever the number of threads and however the file was cut into
 * shards. A plain `+=` sum depends on the order of additions; this one keeps a list of non-overlapping
 * partials whose sum is exact, so merging shards in any grouping gives the same correctly rounded result.
 * The list stays short in practice (one to three partials for real data).
 */
export class ExactSum {
  partials: number[] = [];

  add(x: number): void {
    const partials = this.partials;
    let i = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j]!;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }

  /** Adds the exact product a*b (Dekker's two-product, no FMA needed), for sums of squares. */
  addProduct(a: number, b: number): void {
    const p = a * b;
    if (!Number.isFinite(p)) {
      this.add(p);
      return;
    }
    const [ahi, alo] = split(a);
    const [bhi, blo] = split(b);
    const err = ((ahi * bhi - p) + ahi * blo + alo * bhi) + alo * blo;
    this.add(p);
    if (err !== 0) this.add(err);
  }

  merge(other: ExactSum): void {
    for (const p of other.partials) this.add(p);
  }

  value(): number {
    const partials = this.partials;
    let n = partials.length;
    if (n === 0) return 0;
    let hi = partials[--n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n]!;
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    // Round-half-even correction, as in fsum.
    if (n > 0 && ((lo < 0 && partials[n - 1]! < 0) || (lo > 0 && partials[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
    return hi;
  }

  toJSON(): number[] {
    return this.partials.slice();
  }

  static fromJSON(partials: number[]): ExactSum {
    const s = new ExactSum();
    s.partials = partials.slice();
    return s;
  }
}

const SPLITTER = 134217729; // 2^27 + 1

function split(a: number): [number, number] {
  const c = SPLITTER * a;
  const hi = c - (c - a);
  return [hi, a - hi];
}
