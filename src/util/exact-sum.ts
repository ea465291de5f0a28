/**
 * Exact floating-point summation (Shewchuk's algorithm, as in Python's math.fsum).
 *
 * Why: the report must be byte-identical whatever the number of threads and however the file was cut into
 * shards. A plain `+=` sum depends on the order of additions; this one keeps a list of non-overlapping
 * partials whose sum is exact, so merging shards in any grouping gives the same correctly rounded result.
 * The list stays short in practice (one to three partials for real data).
 */
export class ExactSum {
  /** Non-overlapping partials in increasing magnitude, in p[0..n); a typed array so add() allocates nothing. */
  private p = new Float64Array(8);
  private n = 0;

  add(x: number): void {
    const p = this.p;
    const n = this.n;
    let i = 0;
    for (let j = 0; j < n; j++) {
      let y = p[j]!;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    if (i === p.length) {
      // at most ~40 partials can be non-overlapping across the double range; grow rarely
      const grown = new Float64Array(p.length * 2);
      grown.set(p);
      this.p = grown;
    }
    this.p[i] = x;
    this.n = i + 1;
  }

  /** Adds the exact product a*b (Dekker's two-product, no FMA needed), for sums of squares and counts. */
  addProduct(a: number, b: number): void {
    const prod = a * b;
    if (!Number.isFinite(prod)) {
      this.add(prod);
      return;
    }
    let c = SPLITTER * a;
    const ahi = c - (c - a);
    const alo = a - ahi;
    c = SPLITTER * b;
    const bhi = c - (c - b);
    const blo = b - bhi;
    const err = ((ahi * bhi - prod) + ahi * blo + alo * bhi) + alo * blo;
    this.add(prod);
    if (err !== 0) this.add(err);
  }

  /** Adds the exact x*x*n: x*x is split exactly into p + err, and each part is multiplied exactly by n. */
  addSquareTimes(x: number, n: number): void {
    const sq = x * x;
    if (!Number.isFinite(sq)) {
      this.add(sq * n);
      return;
    }
    const c = SPLITTER * x;
    const xhi = c - (c - x);
    const xlo = x - xhi;
    const err = ((xhi * xhi - sq) + xhi * xlo + xlo * xhi) + xlo * xlo;
    this.addProduct(sq, n);
    if (err !== 0) this.addProduct(err, n);
  }

  merge(other: ExactSum): void {
    for (let j = 0; j < other.n; j++) this.add(other.p[j]!);
  }

  value(): number {
    const partials = this.p;
    let n = this.n;
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
    return Array.from(this.p.subarray(0, this.n));
  }

  static fromJSON(partials: number[]): ExactSum {
    const s = new ExactSum();
    s.p = new Float64Array(Math.max(8, partials.length * 2));
    s.p.set(partials);
    s.n = partials.length;
    return s;
  }
}

const SPLITTER = 134217729; // 2^27 + 1
