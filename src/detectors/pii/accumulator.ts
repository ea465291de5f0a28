import type { CountryCode } from 'libphonenumber-js/max';
import type { Cell, CellAccumulator } from '../../metrics/accumulator.js';
import { hash53 } from '../../util/hash.js';
import { namePriors, type NamePriors } from './column-name.js';
import { scanEmbedded } from './embedded.js';
import { decideKind, EMBEDDED_STRENGTH, KIND_BITS } from './evidence.js';
import { PII_KINDS, regulationsOf, KIND_REGULATIONS, type PiiColumnKind, type PiiKind, type Regulation } from './kinds.js';
import { maskValue } from './mask.js';
import { PII_DEFAULTS, piiRulesSchema, type PiiRules, type PiiRulesInput } from './rules.js';
import { classifyValue, F, type ClassifyContext } from './validators.js';

export interface PiiResult {
  kind: PiiColumnKind;
  /** 0..1: share of values that validated × how strongly that form (and the column name) means this kind. */
  confidence: number;
  /** Share of non-empty values (of those classified) that passed the kind's value test. */
  validShare: number;
  regulations: Regulation[];
  /** For kind 'free_text': how many values hold each embedded kind (estimated ×1/rate when sampled). */
  embedded?: Partial<Record<PiiKind, number>>;
  /** Up to three masked examples; never a raw value. */
  examples: string[];
  /** Non-null, non-empty values seen. */
  values: number;
  /**
   * Classification works on distinct values. Up to rules.sampleDistinct distinct values every one is
   * classified (rate 1). Past that a deterministic hash sample of distinct values is kept (rate 1/2^k), with
   * exact occurrence counts for each kept value; shares are then ratio estimates over the kept values.
   */
  sample: { rate: number; distinctClassified: number; valuesClassified: number };
}

/** Plain, structured-clone-able state. Holds masked strings and hashes only: no raw value crosses threads. */
export interface PiiState {
  v: 1;
  column: string;
  level: number;
  cells: number;
  nulls: number;
  keys: number[];
  levels: number[];
  bits: number[];
  emb: number[];
  counts: number[];
  masks: string[][];
}

/** Values longer than this are masked on their first MAX_MASKED characters. */
const MAX_MASKED = 80;
/** bits of a kept value not classified yet (real bits are non-negative). */
const PENDING = -1;
const NO_MASKS: string[] = [];
/** Values longer than this are not kept in the raw-value cache (found by hash instead). */
const MAX_CACHED = 256;

/**
 * Sampling level of a value: trailing zero bits of a 32-bit FNV-1a hash (finalised with murmur3's fmix32),
 * so P(level ≥ L) = 2^-L. Integer-only so that add() allocates nothing (a 53-bit double key would be boxed
 * on every cell; measured: 2 s of GC per 1M values).
 */
function levelOf(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 32 : 31 - Math.clz32(h & -h);
}

/**
 * Which PII kind a column holds, folded cell by cell. Mergeable and shard-independent: the retained set is
 * "every distinct value whose hash level ≥ L" with L the smallest level keeping at most sampleDistinct
 * values, which is a function of the multiset of values only, not of how it was cut.
 */
export class PiiColumnAccumulator implements CellAccumulator<PiiState, PiiResult | null> {
  readonly columnName: string;
  private readonly rules: PiiRules;
  private readonly ctx: ClassifyContext;
  private readonly priors: NamePriors;
  private level = 0;
  private cells = 0;
  private nulls = 0;
  /** Live cache: raw value → slot, for values added to this instance (memory only, never serialised). */
  private byValue = new Map<string, number>();
  private raw: (string | undefined)[] = [];
  /** Canonical: 53-bit hash → slot (what states and merges use). */
  private index = new Map<number, number>();
  private keys: number[] = [];
  private levels: number[] = [];
  private bits: number[] = [];
  private emb: number[] = [];
  private counts: number[] = [];
  private masks: string[][] = [];
  /** Kept values whose bits are still PENDING (see addKept). */
  private pending = 0;

  constructor(columnName: string, rules?: PiiRules | PiiRulesInput) {
    this.columnName = columnName;
    this.rules = rules === undefined ? PII_DEFAULTS : piiRulesSchema.parse(rules);
    this.ctx = {
      phoneCountry: this.rules.phoneDefaultCountry as CountryCode,
      nullTokens: new Set(this.rules.nullTokens.map((t) => t.trim().toLowerCase())),
    };
    this.priors = namePriors(columnName);
  }

  /** Folds `count` identical cells (the column profiler calls it once per distinct value with its count). */
  add(value: Cell, count = 1): void {
    if (value === null) {
      this.nulls += count;
      return;
    }
    this.cells += count;
    // once sampling, most values fall below the level: no kept value can, so the cache lookup is skipped
    let level = -1;
    if (this.level > 0) {
      level = levelOf(value);
      if (level < this.level) return;
    }
    const slot = this.byValue.get(value);
    if (slot !== undefined) {
      this.counts[slot]! += count;
      return;
    }
    if (level < 0) level = levelOf(value);
    if (level < this.level) return;
    this.addKept(value, level, count);
  }

  private addKept(value: string, level: number, count: number): void {
    const key = hash53(value);
    const known = this.index.get(key);
    if (known !== undefined) {
      // kept already through a merged state: count it and remember the raw value for the fast path
      this.counts[known]! += count;
      if (value.length <= MAX_CACHED) {
        this.raw[known] = value;
        this.byValue.set(value, known);
      }
      return;
    }
    if (value.length <= MAX_CACHED) {
      // Classified later (classifyPending), once the value has survived every level raise: on a column of
      // unique values about three of four kept values are dropped again before the shard ends.
      this.push(key, level, PENDING, 0, count, NO_MASKS, value);
    } else {
      // long values are not held for the fast path (bounded memory on hostile input); they are still found by hash
      const c = this.classify(value);
      this.push(key, level, c.bits, c.emb, count, c.masks, undefined);
    }
    if (this.keys.length > this.rules.sampleDistinct) this.raiseLevel();
  }

  /** Form bits, embedded kinds and masks of one value (a pure function of the value and the rules). */
  private classify(value: string): { bits: number; emb: number; masks: string[] } {
    const bits = classifyValue(value, this.ctx);
    const masks: string[] = [];
    let emb = 0;
    if (!(bits & F.NULLISH)) {
      // masks of long values are cut: an example shows the shape, and state stays small
      const shown = value.length > MAX_MASKED ? value.slice(0, MAX_MASKED) : value;
      for (let k = 0; k < PII_KINDS.length; k++) {
        if (bits & KIND_BITS[k]!) masks.push(maskValue(PII_KINDS[k]!, shown) + (shown === value ? '' : '…'));
      }
      if (bits & F.FREE_TEXT || (bits & F.TEXTUAL && value.length >= 12 && /\s/.test(value))) {
        const found = scanEmbedded(value, this.ctx.phoneCountry);
        emb = found.kinds;
        for (const m of found.masks) masks.push(m);
      }
    }
    return { bits, emb, masks };
  }

  /** Classifies the kept values added since the last call; every reader of bits, emb or masks calls it first. */
  private classifyPending(): void {
    if (this.pending === 0) return;
    for (let i = 0; i < this.keys.length; i++) {
      if (this.bits[i] !== PENDING) continue;
      const c = this.classify(this.raw[i]!);
      this.bits[i] = c.bits;
      this.emb[i] = c.emb;
      this.masks[i] = c.masks;
    }
    this.pending = 0;
  }

  private push(key: number, level: number, bits: number, emb: number, count: number, masks: string[], raw: string | undefined): void {
    const slot = this.keys.length;
    this.index.set(key, slot);
    if (raw !== undefined) this.byValue.set(raw, slot);
    this.raw.push(raw);
    this.keys.push(key);
    this.levels.push(level);
    this.bits.push(bits);
    this.emb.push(emb);
    this.counts.push(count);
    this.masks.push(masks);
    if (bits === PENDING) this.pending++;
  }

  /** Drop kept values below the level until at most sampleDistinct remain. */
  private raiseLevel(): void {
    while (this.keys.length > this.rules.sampleDistinct) {
      this.level++;
      this.compact();
    }
  }

  /** Keep only values whose level is at least this.level. */
  private compact(): void {
    const { keys, levels, bits, emb, counts, masks, raw } = this;
    this.index = new Map();
    this.byValue = new Map();
    this.raw = [];
    this.keys = [];
    this.levels = [];
    this.bits = [];
    this.emb = [];
    this.counts = [];
    this.masks = [];
    this.pending = 0;
    for (let i = 0; i < keys.length; i++) {
      if (levels[i]! >= this.level) this.push(keys[i]!, levels[i]!, bits[i]!, emb[i]!, counts[i]!, masks[i]!, raw[i]);
    }
  }

  merge(other: PiiColumnAccumulator): void {
    this.classifyPending();
    other.classifyPending();
    this.cells += other.cells;
    this.nulls += other.nulls;
    const level = Math.max(this.level, other.level);
    for (let i = 0; i < other.keys.length; i++) {
      if (other.levels[i]! < level) continue;
      const key = other.keys[i]!;
      const slot = this.index.get(key);
      if (slot !== undefined) this.counts[slot]! += other.counts[i]!;
      else this.push(key, other.levels[i]!, other.bits[i]!, other.emb[i]!, other.counts[i]!, other.masks[i]!.slice(), undefined);
    }
    if (level > this.level) {
      this.level = level;
      this.compact();
    }
    if (this.keys.length > this.rules.sampleDistinct) this.raiseLevel();
  }

  toJSON(): PiiState {
    this.classifyPending();
    return {
      v: 1,
      column: this.columnName,
      level: this.level,
      cells: this.cells,
      nulls: this.nulls,
      keys: this.keys.slice(),
      levels: this.levels.slice(),
      bits: this.bits.slice(),
      emb: this.emb.slice(),
      counts: this.counts.slice(),
      masks: this.masks.map((m) => m.slice()),
    };
  }

  static fromJSON(s: PiiState, rules?: PiiRules | PiiRulesInput): PiiColumnAccumulator {
    if (s === null || typeof s !== 'object' || s.v !== 1) throw new Error('PII detector state: unknown version');
    const acc = new PiiColumnAccumulator(s.column, rules);
    acc.level = s.level;
    acc.cells = s.cells;
    acc.nulls = s.nulls;
    for (let i = 0; i < s.keys.length; i++) acc.push(s.keys[i]!, s.levels[i]!, s.bits[i]!, s.emb[i]!, s.counts[i]!, s.masks[i]!.slice(), undefined);
    if (acc.keys.length > acc.rules.sampleDistinct) acc.raiseLevel();
    return acc;
  }

  finish(): PiiResult | null {
    this.classifyPending();
    // occurrence counts per form bit over kept, non-empty values
    let total = 0;
    let withEmbedded = 0;
    let freeText = 0;
    let nullish = 0;
    const bitCounts = new Map<number, number>();
    const embCounts = new Array<number>(PII_KINDS.length).fill(0);
    for (let i = 0; i < this.keys.length; i++) {
      const b = this.bits[i]!;
      const c = this.counts[i]!;
      if (b & F.NULLISH) {
        nullish += c;
        continue;
      }
      total += c;
      if (b & F.FREE_TEXT) freeText += c;
      const e = this.emb[i]!;
      if (e !== 0) {
        withEmbedded += c;
        for (let k = 0; k < PII_KINDS.length; k++) if (e & (1 << k)) embCounts[k]! += c;
      }
    }
    if (total === 0) return null;
    const shareOf = (mask: number): number => {
      let n = bitCounts.get(mask);
      if (n === undefined) {
        n = 0;
        for (let i = 0; i < this.keys.length; i++) if (!(this.bits[i]! & F.NULLISH) && this.bits[i]! & mask) n += this.counts[i]!;
        bitCounts.set(mask, n);
      }
      return n / total;
    };
    const rate = 1 / 2 ** this.level;
    const sample = { rate, distinctClassified: this.keys.length, valuesClassified: total + nullish };
    const values = this.cells - (this.level === 0 ? nullish : Math.round(nullish / rate));
    const order = this.keys.map((_, i) => i).sort((a, b) => this.keys[a]! - this.keys[b]!);

    const distinctOf = (mask: number): number => {
      let n = 0;
      for (let i = 0; i < this.keys.length; i++) if (!(this.bits[i]! & F.NULLISH) && this.bits[i]! & mask) n++;
      return n;
    };
    const decision = decideKind(shareOf, this.priors, this.rules, distinctOf);
    if (decision !== null) {
      const k = PII_KINDS.indexOf(decision.kind);
      const examples: string[] = [];
      for (const i of order) {
        if (examples.length === 3) break;
        const b = this.bits[i]!;
        if (b & F.NULLISH || !(b & decision.tier.bits)) continue;
        const m = this.masks[i]![countKindsBefore(b, k)];
        if (m !== undefined && m !== '' && !examples.includes(m)) examples.push(m);
      }
      return {
        kind: decision.kind,
        confidence: round(decision.confidence, 3),
        validShare: round(decision.validShare, 4),
        regulations: [...KIND_REGULATIONS[decision.kind]],
        examples,
        values,
        sample,
      };
    }

    if (
      withEmbedded >= this.rules.minEmbeddedValues &&
      withEmbedded / total >= this.rules.minEmbeddedShare &&
      freeText / total >= this.rules.freeTextMinShare
    ) {
      const embedded: Partial<Record<PiiKind, number>> = {};
      const kinds: PiiKind[] = [];
      let confidence = 0;
      for (let k = 0; k < PII_KINDS.length; k++) {
        if (embCounts[k]! === 0 || !this.rules.kinds.includes(PII_KINDS[k]!)) continue;
        const kind = PII_KINDS[k]!;
        embedded[kind] = Math.round(embCounts[k]! / rate);
        kinds.push(kind);
        confidence = Math.max(confidence, EMBEDDED_STRENGTH[kind]);
      }
      if (kinds.length === 0) return null;
      const examples: string[] = [];
      for (const i of order) {
        if (examples.length === 3) break;
        if (this.emb[i]! === 0) continue;
        const m = this.masks[i]![countKindsBefore(this.bits[i]!, PII_KINDS.length)];
        if (m !== undefined && !examples.includes(m)) examples.push(m);
      }
      return {
        kind: 'free_text',
        confidence: round(confidence, 3),
        validShare: round(withEmbedded / total, 4),
        regulations: regulationsOf(kinds),
        embedded,
        examples,
        values,
        sample,
      };
    }
    return null;
  }
}

/** Index into a value's masks: one mask per kind whose bits the value has, in PII_KINDS order. */
function countKindsBefore(bits: number, kindIndex: number): number {
  let c = 0;
  for (let k = 0; k < kindIndex; k++) if (bits & KIND_BITS[k]!) c++;
  return c;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
