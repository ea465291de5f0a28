/**
 * Counts per calendar day (days since 1970-01-01). Exact up to `cap` distinct keys; beyond that the bucket
 * width doubles until the keys fit again. The final width is the smallest power of two at which all the
 * data fits, whichever way the input was cut, so merging shards gives the same histogram as one pass.
 */
export interface DayHistogramState {
  w: number;
  k: number[];
  c: number[];
}

export class DayHistogram {
  width = 1;
  readonly counts = new Map<number, number>();

  constructor(private readonly cap: number) {}

  add(day: number, n = 1): void {
    const k = this.width === 1 ? day : Math.floor(day / this.width);
    this.counts.set(k, (this.counts.get(k) ?? 0) + n);
    if (this.counts.size > this.cap) this.coarsen(this.width * 2);
  }

  /** Re-bucket to `width` (a power of two >= the current one), doubling further while over the cap. */
  coarsen(width: number): void {
    let w = width;
    for (;;) {
      const ratio = w / this.width;
      if (ratio > 1) {
        const old = [...this.counts];
        this.counts.clear();
        for (const [k, c] of old) {
          const nk = Math.floor(k / ratio);
          this.counts.set(nk, (this.counts.get(nk) ?? 0) + c);
        }
        this.width = w;
      }
      if (this.counts.size <= this.cap) return;
      w *= 2;
    }
  }

  merge(other: DayHistogram): void {
    if (other.width > this.width) this.coarsen(other.width);
    const ratio = this.width / other.width;
    for (const [k, c] of other.counts) {
      const nk = ratio === 1 ? k : Math.floor(k / ratio);
      this.counts.set(nk, (this.counts.get(nk) ?? 0) + c);
    }
    if (this.counts.size > this.cap) this.coarsen(this.width * 2);
  }

  toJSON(): DayHistogramState {
    const k = [...this.counts.keys()].sort((a, b) => a - b);
    return { w: this.width, k, c: k.map((x) => this.counts.get(x)!) };
  }

  static fromJSON(s: DayHistogramState, cap: number): DayHistogram {
    const h = new DayHistogram(cap);
    h.width = s.w;
    for (let i = 0; i < s.k.length; i++) h.counts.set(s.k[i]!, s.c[i]!);
    return h;
  }
}
