import type { Accumulator } from './accumulator.js';

/** Missing values: true nulls, empty strings, whitespace-only strings and disguised-null tokens. */
export interface MissingState {
  nulls: number;
  empty: number;
  whitespace: number;
  disguised: [string, number][];
}

export interface MissingResult {
  /** nulls + empty + whitespace + every disguised token. */
  count: number;
  nulls: number;
  empty: number;
  whitespace: number;
  disguised: Record<string, number>;
}

export class MissingAccumulator implements Accumulator<MissingState, MissingResult> {
  nulls = 0;
  empty = 0;
  whitespace = 0;
  private disguised = new Map<string, number>();

  addNull(times = 1): void {
    this.nulls += times;
  }
  addEmpty(times = 1): void {
    this.empty += times;
  }
  addWhitespace(times = 1): void {
    this.whitespace += times;
  }
  addToken(token: string, times = 1): void {
    this.disguised.set(token, (this.disguised.get(token) ?? 0) + times);
  }

  merge(other: MissingAccumulator): void {
    this.nulls += other.nulls;
    this.empty += other.empty;
    this.whitespace += other.whitespace;
    for (const [t, n] of other.disguised) this.addToken(t, n);
  }

  toJSON(): MissingState {
    return {
      nulls: this.nulls,
      empty: this.empty,
      whitespace: this.whitespace,
      disguised: [...this.disguised].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    };
  }

  static fromJSON(s: MissingState): MissingAccumulator {
    const m = new MissingAccumulator();
    m.nulls = s.nulls;
    m.empty = s.empty;
    m.whitespace = s.whitespace;
    for (const [t, n] of s.disguised) m.disguised.set(t, n);
    return m;
  }

  finish(): MissingResult {
    const disguised: Record<string, number> = {};
    let tokens = 0;
    for (const [t, n] of this.toJSON().disguised) {
      disguised[t] = n;
      tokens += n;
    }
    return {
      count: this.nulls + this.empty + this.whitespace + tokens,
      nulls: this.nulls,
      empty: this.empty,
      whitespace: this.whitespace,
      disguised,
    };
  }
}
