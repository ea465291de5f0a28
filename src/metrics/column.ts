import type { Cell } from './accumulator.js';
import { DistinctAccumulator, type DistinctResult, type DistinctState } from './distinct.js';
import { LengthAccumulator, type LengthResult, type LengthState } from './lengths.js';
import { MissingAccumulator, type MissingResult, type MissingState } from './missing.js';
import { NumericAccumulator, type NumericResult, type NumericState } from './numeric.js';
import { TopValuesAccumulator, type TopValuesResult, type TopValuesState } from './top-values.js';
import { TypeAccumulator, type TypeResult } from './types.js';
import { classifyValue, codePointLength, ValueKind } from './value-kind.js';
import { hash53 } from '../util/hash.js';
import type { ProfileRules } from '../config/rules.js';
import { DateColumnAccumulator, type DateResult, type DateState } from '../detectors/dates/index.js';
import { PiiColumnAccumulator, maskValue, type PiiResult, type PiiState } from '../detectors/pii/index.js';

/** What one distinct text value is, computed once and cached per column. */
interface ValueInfo {
  /** -1 present, 0 empty, 1 whitespace-only, 2 disguised-null token */
  missing: number;
  token: string;
  kind: ValueKind;
  numeric: number;
  length: number;
  hash: number;
}

// The cache only saves work; clearing it when full changes speed, never results.
const VALUE_CACHE_LIMIT = 8192;

export interface ColumnState {
  name: string;
  values: number;
  missing: MissingState;
  types: number[];
  numeric: NumericState;
  lengths: LengthState;
  distinct: DistinctState;
  top: TopValuesState;
  dates: DateState;
  pii: PiiState;
}

export interface ColumnResult {
  name: string;
  index: number;
  values: number;
  missing: MissingResult & { rate: number };
  type: TypeResult;
  distinct: DistinctResult;
  numeric: NumericResult | null;
  lengths: LengthResult;
  topValues: TopValuesResult;
  dates: DateResult | null;
  pii: PiiResult | null;
}

/** Profiles one column: every per-cell metric of the foundation, fed from a per-distinct-value cache. */
export class ColumnProfiler {
  values = 0;
  missing = new MissingAccumulator();
  types: TypeAccumulator;
  numeric: NumericAccumulator;
  lengths = new LengthAccumulator();
  distinct: DistinctAccumulator;
  top: TopValuesAccumulator;
  dates: DateColumnAccumulator;
  pii: PiiColumnAccumulator;
  private cache = new Map<string, ValueInfo>();
  private readonly nullTokens: Map<string, string>;

  constructor(
    readonly name: string,
    private readonly rules: ProfileRules,
  ) {
    this.types = new TypeAccumulator(rules.types.minShare);
    this.numeric = new NumericAccumulator(rules.profile.quantiles, rules.profile.sketchRelativeAccuracy);
    this.distinct = new DistinctAccumulator(rules.profile.distinctExactLimit);
    this.top = new TopValuesAccumulator(rules.profile.topValuesCapacity, rules.profile.topValues);
    this.nullTokens = nullTokenMap(rules);
    this.dates = new DateColumnAccumulator(name, rules.dates);
    this.pii = new PiiColumnAccumulator(name, rules.pii);
  }

  add(cell: Cell): void {
    this.values++;
    this.dates.add(cell);
    this.pii.add(cell);
    if (cell === null) {
      this.missing.addNull();
      return;
    }
    let info = this.cache.get(cell);
    if (info === undefined) {
      info = this.describe(cell);
      if (this.cache.size >= VALUE_CACHE_LIMIT) this.cache.clear();
      this.cache.set(cell, info);
    }
    switch (info.missing) {
      case 0:
        this.missing.addEmpty();
        return;
      case 1:
        this.missing.addWhitespace();
        return;
      case 2:
        this.missing.addToken(info.token);
        return;
    }
    this.types.add(info.kind);
    if (info.kind === ValueKind.Integer || info.kind === ValueKind.Decimal) this.numeric.add(info.numeric);
    this.lengths.add(info.length);
    this.distinct.addHash(info.hash);
    this.top.add(cell);
  }

  private describe(v: string): ValueInfo {
    const info: ValueInfo = { missing: -1, token: '', kind: ValueKind.String, numeric: NaN, length: 0, hash: 0 };
    if (v.length === 0) {
      info.missing = 0;
      return info;
    }
    const trimmed = v.trim();
    if (trimmed.length === 0) {
      info.missing = 1;
      return info;
    }
    const token = this.nullTokens.get(this.rules.nulls.caseSensitive ? trimmed : trimmed.toLowerCase());
    if (token !== undefined) {
      info.missing = 2;
      info.token = token;
      return info;
    }
    info.kind = classifyValue(trimmed);
    if (info.kind === ValueKind.Integer || info.kind === ValueKind.Decimal) info.numeric = Number(trimmed);
    info.length = codePointLength(v);
    info.hash = hash53(v);
    return info;
  }

  merge(other: ColumnProfiler): void {
    this.values += other.values;
    this.missing.merge(other.missing);
    this.types.merge(other.types);
    this.numeric.merge(other.numeric);
    this.lengths.merge(other.lengths);
    this.distinct.merge(other.distinct);
    this.top.merge(other.top);
    this.dates.merge(other.dates);
    this.pii.merge(other.pii);
  }

  toJSON(): ColumnState {
    return {
      name: this.name,
      values: this.values,
      missing: this.missing.toJSON(),
      types: this.types.toJSON(),
      numeric: this.numeric.toJSON(),
      lengths: this.lengths.toJSON(),
      distinct: this.distinct.toJSON(),
      top: this.top.toJSON(),
      dates: this.dates.toJSON(),
      pii: this.pii.toJSON(),
    };
  }

  static fromJSON(s: ColumnState, rules: ProfileRules): ColumnProfiler {
    const c = new ColumnProfiler(s.name, rules);
    c.values = s.values;
    c.missing = MissingAccumulator.fromJSON(s.missing);
    c.types = TypeAccumulator.fromJSON(s.types, rules.types.minShare);
    c.numeric = NumericAccumulator.fromJSON(s.numeric, rules.profile.quantiles, rules.profile.sketchRelativeAccuracy);
    c.lengths = LengthAccumulator.fromJSON(s.lengths);
    c.distinct = DistinctAccumulator.fromJSON(s.distinct);
    c.top = TopValuesAccumulator.fromJSON(s.top, rules.profile.topValues);
    c.dates = DateColumnAccumulator.fromJSON(s.dates, rules.dates);
    c.pii = PiiColumnAccumulator.fromJSON(s.pii, rules.pii);
    return c;
  }

  /** `asOf` anchors staleness and future dates: the input's modification time unless the user gives one. */
  finish(index: number, asOf?: Date): ColumnResult {
    const missing = this.missing.finish();
    const pii = this.pii.finish();
    const topValues = this.top.finish();
    const type = this.type();
    const numeric = type.inferred === 'integer' || type.inferred === 'decimal' ? this.numeric.finish() : null;
    return {
      name: this.name,
      index,
      values: this.values,
      missing: { ...missing, rate: this.values === 0 ? 0 : missing.count / this.values },
      type,
      distinct: clampDistinct(this.distinct.finish(), this.values - missing.count),
      numeric,
      lengths: this.lengths.finish(),
      // Frequent values of a personal-data column are personal data: only masked forms leave the profiler.
      topValues: pii ? maskTopValues(topValues, pii) : topValues,
      dates: this.dates.finish(asOf),
      pii,
    };
  }

  type(): TypeResult {
    return this.types.finish();
  }
}

function nullTokenMap(rules: ProfileRules): Map<string, string> {
  const m = new Map<string, string>();
  for (const t of rules.nulls.tokens) m.set(rules.nulls.caseSensitive ? t : t.toLowerCase(), t);
  return m;
}

/** The sketch can overshoot on small columns; there cannot be more distinct values than present values. */
function clampDistinct(d: { distinct: number; exact: boolean }, present: number): { distinct: number; exact: boolean } {
  return d.distinct > present ? { distinct: present, exact: d.exact } : d;
}

function maskTopValues(top: TopValuesResult, pii: PiiResult): TopValuesResult {
  const kind = pii.kind;
  return {
    approximate: top.approximate,
    values: top.values.map((v) => ({
      // Free text with embedded personal data is withheld whole: masking inside prose is not reliable.
      value: kind === 'free_text' ? `[text withheld: ${codePointLength(v.value)} chars]` : maskValue(kind, v.value),
      count: v.count,
    })),
  };
}
