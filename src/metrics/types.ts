import type { Accumulator } from './accumulator.js';
import { ValueKind, VALUE_KIND_NAMES, type TypeName } from './value-kind.js';

/** Counts of non-missing values per value kind, and the inferred column type. */
export interface TypeResult {
  inferred: TypeName;
  /** Share of non-missing values that conform to the inferred type (integers conform to decimal). */
  conformance: number | null;
  counts: Record<TypeName, number>;
}

export class TypeAccumulator implements Accumulator<number[], TypeResult> {
  counts = [0, 0, 0, 0, 0, 0];

  constructor(private readonly minShare = 0.5) {}

  add(kind: ValueKind, times = 1): void {
    this.counts[kind]! += times;
  }

  merge(other: TypeAccumulator): void {
    for (let i = 0; i < this.counts.length; i++) this.counts[i]! += other.counts[i]!;
  }

  toJSON(): number[] {
    return this.counts.slice();
  }

  static fromJSON(s: number[], minShare?: number): TypeAccumulator {
    const t = new TypeAccumulator(minShare);
    t.counts = s.slice();
    return t;
  }

  finish(): TypeResult {
    const [int, dec, bool, date, dt, str] = this.counts as [number, number, number, number, number, number];
    const total = int + dec + bool + date + dt + str;
    const counts = Object.fromEntries(VALUE_KIND_NAMES.map((n, i) => [n, this.counts[i]!])) as Record<TypeName, number>;
    if (total === 0) return { inferred: 'string', conformance: null, counts };
    // Candidates with the values that conform to each; the widest-conforming one wins.
    const candidates: [TypeName, number][] = [
      [dec > 0 ? 'decimal' : 'integer', int + dec],
      ['boolean', bool],
      [dt > date ? 'datetime' : 'date', date + dt],
    ];
    let best: [TypeName, number] = ['string', total];
    let bestConforming = -1;
    for (const [name, conforming] of candidates) {
      if (conforming > bestConforming) {
        best = [name, conforming];
        bestConforming = conforming;
      }
    }
    if (bestConforming / total <= this.minShare || bestConforming === 0) {
      return { inferred: 'string', conformance: 1, counts };
    }
    return { inferred: best[0], conformance: best[1] / total, counts };
  }
}
