import type { Cell } from './accumulator.js';
import { DistinctAccumulator, type DistinctResult, type DistinctState } from './distinct.js';
import { LengthAccumulator, type LengthResult, type LengthState } from './lengths.js';
import { MissingAccumulator, type MissingResult, type MissingState } from './missing.js';
import { NumericAccumulator, type NumericResult, type NumericState } from './numeric.js';
import { TopValuesAccumulator, type TopValuesResult, type TopValuesState } from './top-values.js';
import { TypeAccumulator, type TypeResult } from './types.js';
import { classifyValue, codePointLength, ValueKind } from './value-kind.js';
import { hash53, valueLanes } from '../util/hash.js';
import type { RowCells } from './row-cells.js';
import { discoverSentinels } from './sentinels.js';
import type { ProfileRules } from '../config/rules.js';
import { DateColumnAccumulator, type DateResult, type DateState } from '../detectors/dates/index.js';
import { PiiColumnAccumulator, maskValue, type PiiResult, type PiiState } from '../detectors/pii/index.js';

/** What one distinct text value is, computed once per tally window and applied with its count. */
interface ValueInfo {
  /** -1 present, 0 empty, 1 whitespace-only, 2 disguised-null token */
  missing: number;
  token: string;
  kind: ValueKind;
  numeric: number;
  length: number;
  hash: number;
}

/**
 * Distinct values counted per column before they reach the accumulators. Every consumer (missing, types,
 * numeric, lengths, distinct, top values, dates, PII) gets each distinct value once per window with its
 * count, which gives the same result as feeding every cell (their adds are exact under counts: see
 * numeric.ts, top-values.ts), so window size and the tally/direct switch only change speed.
 */
const TALLY_LIMIT = 16_384;
/** A full window with fewer than this many cells per distinct value switches the column to direct mode. */
const TALLY_MIN_REPEAT = 1.5;

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
  missing: MissingResult & { rate: number; discovered: Record<string, number>; discoveredCounted: string[] };
  type: TypeResult;
  distinct: DistinctResult;
  numeric: NumericResult | null;
  lengths: LengthResult;
  topValues: TopValuesResult;
  dates: DateResult | null;
  pii: PiiResult | null;
}

/** Profiles one column: every per-cell metric of the foundation, fed per distinct value with its count. */
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
  /**
   * Tally window, keyed by the value's 64-bit hash (valueLanes): open addressing over `tallyIndex` (slot + 1,
   * 0 = empty) into per-slot lanes, text and count, in first-seen order. Keyed by hash, a value seen before
   * is counted without its text (the engine then never decodes it, see row-cells.ts); two different values
   * would share a count only on a 64-bit collision, the odds exact duplicate rows are matched at.
   */
  private tallyIndex = new Int32Array(128);
  private tallyLo = new Int32Array(64);
  private tallyHi = new Int32Array(64);
  private tallyValues: string[] = [];
  /** Grows by doubling up to TALLY_LIMIT: a wide table's columns must not each hold the full window. */
  private tallyCounts = new Float64Array(64);
  private tallyCells = 0;
  private tallyEmpty = 0;
  /** false once a window showed the column is (nearly) all distinct values: cells then go straight through. */
  tallying = true;
  private readonly scratch: ValueInfo = { missing: -1, token: '', kind: ValueKind.String, numeric: NaN, length: 0, hash: 0 };
  private readonly nullTokens: Map<string, string>;
  private readonly nullTokenMaxLength: number;
  /** 1 at the char code of an ASCII character that can start a null token (both cases when case-insensitive). */
  private readonly nullTokenFirst = new Uint8Array(128);

  constructor(
    readonly name: string,
    private readonly rules: ProfileRules,
  ) {
    this.types = new TypeAccumulator(rules.types.minShare);
    this.numeric = new NumericAccumulator(rules.profile.quantiles, rules.profile.sketchRelativeAccuracy);
    this.distinct = new DistinctAccumulator(rules.profile.distinctExactLimit);
    this.top = new TopValuesAccumulator(rules.profile.topValuesCapacity, rules.profile.topValues);
    this.nullTokens = nullTokenMap(rules);
    // The map's keys are what a trimmed value (lower-cased when case-insensitive) must equal.
    let maxLength = 0;
    for (const key of this.nullTokens.keys()) {
      maxLength = Math.max(maxLength, key.length);
      const c = key.charCodeAt(0);
      if (c < 128) {
        this.nullTokenFirst[c] = 1;
        // An ASCII character lower-cases to an ASCII key character only from itself or its upper case.
        if (!rules.nulls.caseSensitive) this.nullTokenFirst[key.charAt(0).toUpperCase().charCodeAt(0)] = 1;
      }
    }
    this.nullTokenMaxLength = maxLength;
    this.dates = new DateColumnAccumulator(name, rules.dates);
    this.pii = new PiiColumnAccumulator(name, rules.pii);
  }

  add(cell: Cell): void {
    if (cell === null || !this.tallying || cell.length === 0) {
      this.addUntallied(cell);
      return;
    }
    valueLanes(cell, scratchLanes);
    this.values++;
    this.tallyCells++;
    if (!this.tallyHit(scratchLanes[0]!, scratchLanes[1]!)) this.tallyNew(scratchLanes[0]!, scratchLanes[1]!, cell);
  }

  /** Cell j of a row whose hashes are computed (the engine's path): the text is decoded only for a new value. */
  addFromRow(row: RowCells, j: number): void {
    const len = j < row.count ? row.len[j]! : -1;
    if (len <= 0 || !this.tallying) {
      this.addUntallied(len < 0 ? null : row.cell(j));
      return;
    }
    this.values++;
    this.tallyCells++;
    const lo = row.lo[j]!;
    const hi = row.hi[j]!;
    if (!this.tallyHit(lo, hi)) this.tallyNew(lo, hi, row.cell(j)!);
  }

  /** A null, an empty value, or any value once the column no longer tallies. */
  private addUntallied(cell: Cell): void {
    this.values++;
    if (cell === null) {
      this.missing.addNull();
      this.dates.add(null);
      this.pii.add(null);
      return;
    }
    if (!this.tallying) {
      this.addDistinct(cell, 1, this.scratch);
      return;
    }
    // blanks are counted apart, so a column of unique values with many blanks still goes direct
    this.tallyEmpty++;
  }

  /** Counts the value with these lanes if the window holds it. */
  private tallyHit(lo: number, hi: number): boolean {
    const index = this.tallyIndex;
    const mask = index.length - 1;
    let at = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    for (;;) {
      const slot = index[at]! - 1;
      if (slot < 0) return false;
      if (this.tallyLo[slot] === lo && this.tallyHi[slot] === hi) {
        this.tallyCounts[slot]!++;
        return true;
      }
      at = (at + 1) & mask;
    }
  }

  private tallyNew(lo: number, hi: number, cell: string): void {
    const slot = this.tallyValues.length;
    if (slot === this.tallyCounts.length) this.growTally();
    this.tallyLo[slot] = lo;
    this.tallyHi[slot] = hi;
    this.tallyValues.push(cell);
    this.tallyCounts[slot] = 1;
    this.indexTally(slot);
    if (slot + 1 === TALLY_LIMIT) {
      // Ids, e-mails and free text barely repeat: tallying them only adds a probe and an insert per cell.
      if (this.tallyCells < TALLY_LIMIT * TALLY_MIN_REPEAT) this.tallying = false;
      this.flushTally();
    }
  }

  private indexTally(slot: number): void {
    const index = this.tallyIndex;
    const mask = index.length - 1;
    let at = (this.tallyLo[slot]! ^ Math.imul(this.tallyHi[slot]!, 0x9e3779b1)) & mask;
    while (index[at] !== 0) at = (at + 1) & mask;
    index[at] = slot + 1;
  }

  /** Doubles the per-slot arrays and the index (kept at most half full). */
  private growTally(): void {
    const n = this.tallyCounts.length * 2;
    const counts = new Float64Array(n);
    counts.set(this.tallyCounts);
    this.tallyCounts = counts;
    const lo = new Int32Array(n);
    lo.set(this.tallyLo);
    this.tallyLo = lo;
    const hi = new Int32Array(n);
    hi.set(this.tallyHi);
    this.tallyHi = hi;
    this.tallyIndex = new Int32Array(2 * n);
    for (let slot = 0; slot < this.tallyValues.length; slot++) this.indexTally(slot);
  }

  /** Applies the tally window to every accumulator, in first-seen order (every reader of state calls it). */
  flushTally(): void {
    const values = this.tallyValues;
    const counts = this.tallyCounts;
    const info = this.scratch;
    for (let i = 0; i < values.length; i++) this.addDistinct(values[i]!, counts[i]!, info);
    if (this.tallyEmpty > 0) this.addDistinct('', this.tallyEmpty, info);
    if (values.length > 0) this.tallyIndex.fill(0);
    this.tallyValues = [];
    this.tallyCells = 0;
    this.tallyEmpty = 0;
  }

  /** Feeds `times` copies of the text value v to every accumulator. */
  private addDistinct(v: string, times: number, info: ValueInfo): void {
    this.dates.add(v, times);
    this.pii.add(v, times);
    this.describe(v, info);
    switch (info.missing) {
      case 0:
        this.missing.addEmpty(times);
        return;
      case 1:
        this.missing.addWhitespace(times);
        return;
      case 2:
        this.missing.addToken(info.token, times);
        return;
    }
    const kind = info.kind;
    this.types.add(kind, times);
    if (kind === ValueKind.Integer || kind === ValueKind.Decimal) this.numeric.add(info.numeric, times);
    this.lengths.add(info.length, times);
    this.distinct.addHash(info.hash);
    this.top.add(v, times, info.hash);
  }

  /** Fills `info` (every field) for the text value `v`. */
  private describe(v: string, info: ValueInfo): ValueInfo {
    info.token = '';
    info.kind = ValueKind.String;
    info.numeric = NaN;
    info.length = 0;
    info.hash = 0;
    const n = v.length;
    if (n === 0) {
      info.missing = 0;
      return info;
    }
    // trim() allocates only when there is something to trim; edges that cannot be white space skip it.
    const trimmed = plainEdge(v.charCodeAt(0)) && plainEdge(v.charCodeAt(n - 1)) ? v : v.trim();
    if (trimmed.length === 0) {
      info.missing = 1;
      return info;
    }
    if (this.mayBeNullToken(trimmed)) {
      const token = this.nullTokens.get(this.rules.nulls.caseSensitive ? trimmed : trimmed.toLowerCase());
      if (token !== undefined) {
        info.missing = 2;
        info.token = token;
        return info;
      }
    }
    info.missing = -1;
    const integer = smallInteger(trimmed);
    if (integer === integer) {
      info.kind = ValueKind.Integer;
      info.numeric = integer;
    } else if (plainDecimal(trimmed)) {
      info.kind = ValueKind.Decimal;
      info.numeric = Number(trimmed);
    } else {
      const kind = classifyValue(trimmed);
      info.kind = kind;
      if (kind === ValueKind.Integer || kind === ValueKind.Decimal) info.numeric = Number(trimmed);
    }
    info.length = codePointLength(v);
    info.hash = hash53(v);
    return info;
  }

  /** A cheap filter before the token map: the trimmed value's length and first character must fit a token. */
  private mayBeNullToken(t: string): boolean {
    if (t.length > this.nullTokenMaxLength) return false;
    const c = t.charCodeAt(0);
    return c >= 128 || this.nullTokenFirst[c] === 1;
  }

  merge(other: ColumnProfiler): void {
    this.flushTally();
    other.flushTally();
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
    this.flushTally();
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
    this.flushTally();
    const listed = this.missing.finish();
    const pii = this.pii.finish();
    const topValues = this.top.finish();
    const type = this.type();
    // Sentinels nobody listed, from the exact frequent values (before any masking).
    const frequent = this.top.toJSON().entries.slice(0, 200).map(([value, count]) => ({ value, count }));
    const sentinels = discoverSentinels(frequent, type.inferred, this.values - listed.count, this.rules.nulls.discover, type.counts);
    const counted = Object.values(sentinels.counted).reduce((a, b) => a + b, 0);
    const missing = { ...listed, count: listed.count + counted, discovered: sentinels.found, discoveredCounted: Object.keys(sentinels.counted) };
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
    this.flushTally();
    return this.types.finish();
  }
}

/** True for a char code that String.prototype.trim() never removes (it removes Unicode white space and line ends). */
function plainEdge(c: number): boolean {
  return c > 32 && (c < 127 || (c > 160 && c < 0x1680));
}

/** The value of an optional sign and 1 to 15 ASCII digits (exact as a double, as Number() gives it), else NaN. */
function smallInteger(t: string): number {
  const n = t.length;
  let i = 0;
  let c = t.charCodeAt(0);
  const negative = c === 45;
  if (negative || c === 43) {
    if (n === 1) return NaN;
    i = 1;
  }
  if (n - i > 15) return NaN;
  let x = 0;
  for (; i < n; i++) {
    c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    x = x * 10 + c;
  }
  return negative ? -x : x;
}

/** An optional sign, digits, a dot and digits (both digit runs non-empty): a decimal for classifyValue too. */
function plainDecimal(t: string): boolean {
  const n = t.length;
  if (n > 24) return false;
  let i = 0;
  const c0 = t.charCodeAt(0);
  if (c0 === 45 || c0 === 43) i = 1;
  const intStart = i;
  let c = 0;
  while (i < n && (c = t.charCodeAt(i) - 48) >= 0 && c <= 9) i++;
  if (i === intStart || i === n || t.charCodeAt(i) !== 46) return false;
  const fracStart = ++i;
  while (i < n && (c = t.charCodeAt(i) - 48) >= 0 && c <= 9) i++;
  return i === n && i > fracStart;
}

const scratchLanes = new Int32Array(2);

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
