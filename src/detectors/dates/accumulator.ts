import type { Cell, CellAccumulator } from '../../metrics/accumulator.js';
import {
  DMY,
  MDY,
  NULL_TOKEN,
  SHAPE_EPOCH_MS,
  SHAPE_EPOCH_S,
  LIKE_DAYS,
  YMD,
  ZERO_PREFIX,
  matchLike,
  civilDay,
  classifyTrimmedCached,
  digitLedNotDate,
  letterLedNotDate,
  dayToIso,
  renderPattern,
  shapeFromKey,
  type Shape,
  type ShapeKind,
  type ValueClass,
} from './classify.js';
import { nameSuggestsTime } from './column-name.js';
import { DayHistogram, type DayHistogramState } from './day-histogram.js';
import { DATE_DEFAULTS, dateRulesSchema, type DateRules, type DateRulesInput } from './rules.js';

const DAY_MS = 86_400_000;
const ORDER_BITS: readonly number[] = [YMD, DMY, MDY];
const orderIndex = (o: number): number => (o === YMD ? 0 : o === DMY ? 1 : 2);

export type DateResolution = 'day-first' | 'month-first' | 'unresolved' | 'mixed';

export interface DateResult {
  /** Format family (date-fns pattern) → number of values, sentinels excluded; sorted by count, then pattern. */
  formats: Record<string, number>;
  dominant: string | null;
  /** Share of the dominant format among the values in `formats` (0–1, 4 decimals). */
  dominantShare: number;
  /** More than one format family is present. */
  inconsistent: boolean;
  /** Values valid in more than one field order (`03/04/2024`). */
  ambiguous: number;
  /**
   * How the column's unambiguous values settle day/month order: only day-first evidence, only month-first,
   * both (`mixed`, which also makes the column inconsistent), or none while ambiguous values exist
   * (`unresolved`). null when no value has a numeric day/month question (ISO, month names, epochs).
   */
  resolution: DateResolution | null;
  evidence: { dayFirst: number; monthFirst: number };
  /** Oldest and newest calendar day as written (`yyyy-MM-dd`), sentinels excluded. */
  min: string | null;
  max: string | null;
  /** Values after `asOf`'s UTC day; null when finish() got no asOf. */
  future: number | null;
  /** Days from the newest value not after asOf to asOf (staleness); null without asOf or such a value. */
  newestAgeDays: number | null;
  asOf: string | null;
  /** Disguised-null dates (`1900-01-01`, `9999-12-31`, `0000-00-00`, ...) → count; not in formats/min/max. */
  sentinels: Record<string, number>;
  /** Values counted in `formats`. */
  parsed: number;
  /** Non-missing values that are neither dates nor sentinels. */
  unparsed: number;
  /** Non-missing values (nulls, blanks and placeholders like `N/A` left out). */
  nonMissing: number;
  /** (parsed + sentinels) / nonMissing, 4 decimals. */
  dateShare: number;
  /** Day histograms hit `maxDistinctDays` and were bucketed: min/max/future/sentinels are approximate. */
  approximate: boolean;
}

export interface DateGroupState {
  key: string;
  kind: ShapeKind;
  count: number;
  unpaddedDate: number;
  unpaddedHour: number;
  fracLen: number;
  /** Index = valid-order mask (0–7). */
  masks: number[];
  /** One histogram per (mask, order) seen, sorted by mask then order. */
  hists: { m: number; o: number; h: DayHistogramState }[];
}

export interface DateState {
  v: 1;
  column: string;
  total: number;
  nulls: number;
  blanks: number;
  placeholders: number;
  unparsed: number;
  /** Epoch-shaped numbers outside the rules' plausible range (unparsed). */
  epochOutOfRange: number;
  groups: DateGroupState[];
}

interface LocalEntry {
  cls: ValueClass | null | typeof NULL_TOKEN;
  n: number;
}
const LOCAL_MAX = 16_384;
/** Longest cell looked at, surrounding whitespace included (the classifier itself stops at 64). */
const MAX_DATE_TEXT = 96;
const LOCAL_REFRESH = 65_536;
/** Datetime skeletons remembered for the same-skeleton fast path. */
const LIKES = 4;

class Group {
  count = 0;
  unpaddedDate = 0;
  unpaddedHour = 0;
  fracLen = 0;
  readonly masks = [0, 0, 0, 0, 0, 0, 0, 0];
  /** index mask * 3 + orderIndex */
  readonly hists: (DayHistogram | undefined)[] = [];

  constructor(
    readonly shape: Shape,
    private readonly cap: number,
  ) {}

  hist(mask: number, order: number): DayHistogram {
    const i = mask * 3 + orderIndex(order);
    let h = this.hists[i];
    if (h === undefined) {
      h = new DayHistogram(this.cap);
      this.hists[i] = h;
    }
    return h;
  }
}

const popcount = (m: number): number => (m & 1) + ((m >> 1) & 1) + ((m >> 2) & 1);
const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/**
 * Per-column date-format detector. Feed every cell with add(); finish(asOf) gives the DateResult, or null
 * when the column is not date-like. The accumulator never reads the clock: staleness and future dates are
 * relative to the asOf the caller passes to finish().
 */
export class DateColumnAccumulator implements CellAccumulator<DateState, DateResult | null> {
  private total = 0;
  private nulls = 0;
  private blanks = 0;
  private placeholders = 0;
  private unparsed = 0;
  private epochOutOfRange = 0;
  private readonly groups = new Map<string, Group>();
  /**
   * Distinct text value → its class and how often it was seen since the last flush. The hot path for a
   * repeated value is one Map lookup and an increment; counts reach the histograms in flushLocal().
   * Bounded (LOCAL_MAX entries), and flushing early or late gives the same sums.
   */
  private readonly local = new Map<string, LocalEntry>();
  private localMisses = 0;
  /**
   * The last LIKES datetimes classified the slow way (with fast info) and their texts: later values with one
   * of their skeletons take matchLike(). Several, because columns interleave skeletons (`Z`, `+05:30` and
   * `-08:00` offsets): with one, every switch paid the slow way (measured: half of signup_date's datetimes).
   */
  private readonly likes: ValueClass[] = [];
  private readonly likeSrcs: string[] = [];
  private likeNext = 0;
  /** shape id → group, so the hot path avoids a string-keyed lookup. */
  private readonly byShape: (Group | undefined)[] = [];
  readonly rules: DateRules;
  private readonly epochMinSec: number;
  private readonly epochMaxSec: number;

  constructor(
    readonly columnName: string,
    rules?: DateRulesInput | DateRules,
  ) {
    this.rules = rules === undefined ? DATE_DEFAULTS : dateRulesSchema.parse(rules);
    this.epochMinSec = Date.parse(this.rules.epochMin + 'T00:00:00Z') / 1000;
    this.epochMaxSec = Date.parse(this.rules.epochMax + 'T00:00:00Z') / 1000;
  }

  /**
   * Folds `count` identical cells (default 1): the state afterwards is the same as after `count` calls with
   * `value` (a caller that groups its cells by value may pass each distinct value once with its count).
   * Counts below 1 fold nothing.
   */
  add(value: Cell, count = 1): void {
    if (!(count >= 1)) return;
    this.total += count;
    if (value === null) {
      this.nulls += count;
      return;
    }
    let v = value;
    let n = v.length;
    if (n === 0) {
      this.blanks += count;
      return;
    }
    if (n > MAX_DATE_TEXT) {
      // no date is this long; keeps free text (and hostile multi-MB cells) out of every map
      this.unparsed += count;
      return;
    }
    let c = v.charCodeAt(0);
    if (c <= 32 || v.charCodeAt(n - 1) <= 32) {
      v = v.trim();
      n = v.length;
      if (n === 0) {
        this.blanks += count;
        return;
      }
      c = v.charCodeAt(0);
    }
    if (c >= 48 && c <= 57) {
      // pure digit strings never reach the cache unless they can be compact dates
      let i = 1;
      while (i < n) {
        const d = v.charCodeAt(i);
        if (d < 48 || d > 57) break;
        i++;
      }
      if (i === n) {
        if ((n === 8 || n === 14) && compactLooksValid(v)) this.addClass(classifyTrimmedCached(v), count);
        else if (n >= 9 && n <= 13 && n !== 11) this.addEpoch(v, n >= 12, count);
        else this.unparsed += count;
        return;
      }
      if ((i === 9 || i === 10) && v.charCodeAt(i) === 46) {
        let j = i + 1;
        while (j < n && v.charCodeAt(j) >= 48 && v.charCodeAt(j) <= 57) j++;
        if (j === n && j > i + 1) {
          this.addEpoch(v, false, count);
          return;
        }
      }
      // a datetime column's values mostly take the same-skeleton path, and what it accepts digitLedNotDate
      // never rejects: trying it first spares them the skeleton proof (no likes in other columns: free)
      if (this.likes.length !== 0 && this.addIfLike(v, n, count)) return;
      // SSNs, ZIP+4, card numbers, IPs, decimals, street addresses, phones: proven not dates by their
      // skeleton, before any map lookup (the classifier would return null; no digit-led value is a placeholder)
      if (digitLedNotDate(v, i)) {
        this.unparsed += count;
        return;
      }
    } else if (!maybeDateStart(c)) {
      this.unparsed += count;
      return;
    } else if (c >= 65 && letterLedNotDate(v)) {
      // names, e-mails, words: too short or long, or no month/weekday name start, and not a placeholder
      this.unparsed += count;
      return;
    } else if (this.likes.length !== 0 && this.addIfLike(v, n, count)) return;
    const seen = this.local.get(v);
    if (seen !== undefined) {
      seen.n += count;
      return;
    }
    const cls = classifyTrimmedCached(v);
    if (cls !== null && cls !== NULL_TOKEN && cls.shape.hasTime) {
      // datetimes are mostly distinct: fold straight away instead of filling the local map
      this.addClass(cls, count);
      if (cls.fast !== undefined) {
        this.likes[this.likeNext] = cls;
        this.likeSrcs[this.likeNext] = v;
        this.likeNext = (this.likeNext + 1) % LIKES;
      }
      return;
    }
    if (cls === null && n > 24) {
      // long non-dates (free text) are mostly distinct: keeping them would only fill the map
      this.unparsed += count;
      return;
    }
    if (this.local.size >= LOCAL_MAX) {
      // full: keep the values already counted (heavy hitters show up early) and fold this one directly;
      // every LOCAL_REFRESH such misses start over, so a column whose values drift still gets a fresh map
      // (when it flushes changes no sum: the histograms give the same state whatever the order)
      this.addClass(cls, count);
      if (++this.localMisses >= LOCAL_REFRESH) {
        this.flushLocal();
        this.localMisses = 0;
      }
      return;
    }
    this.local.set(v, { cls, n: count });
  }

  /** Folds v through the same-skeleton path when one of the remembered datetimes fits it. */
  private addIfLike(v: string, n: number, count: number): boolean {
    for (let j = 0; j < this.likes.length; j++) {
      const src = this.likeSrcs[j]!;
      if (src.length !== n) continue;
      const like = this.likes[j]!;
      const mask = matchLike(v, src, like);
      if (mask !== 0) {
        this.addLike(like, mask, count);
        return true;
      }
    }
    return false;
  }

  /** `k` datetimes with the same skeleton as `like`; their days are in LIKE_DAYS. */
  private addLike(like: ValueClass, mask: number, k: number): void {
    const g = this.byShape[like.shape.id] ?? this.newGroup(like.shape);
    g.count += k;
    g.masks[mask]! += k;
    if (like.unpaddedDate) g.unpaddedDate += k;
    if (like.unpaddedHour) g.unpaddedHour += k;
    if (like.fracLen > g.fracLen) g.fracLen = like.fracLen;
    if (mask & YMD) g.hist(mask, YMD).add(LIKE_DAYS[0]!, k);
    if (mask & DMY) g.hist(mask, DMY).add(LIKE_DAYS[1]!, k);
    if (mask & MDY) g.hist(mask, MDY).add(LIKE_DAYS[2]!, k);
  }

  private flushLocal(): void {
    for (const e of this.local.values()) this.addClass(e.cls, e.n);
    this.local.clear();
  }

  private addEpoch(v: string, millis: boolean, k: number): void {
    const x = Number(v);
    const sec = millis ? x / 1000 : x;
    if (!(sec >= this.epochMinSec && sec <= this.epochMaxSec)) {
      this.epochOutOfRange += k;
      return;
    }
    const shape = millis ? SHAPE_EPOCH_MS : SHAPE_EPOCH_S;
    const g = this.byShape[shape.id] ?? this.newGroup(shape);
    g.count += k;
    g.masks[YMD]! += k;
    g.hist(YMD, YMD).add(Math.floor(sec / 86_400), k);
  }

  private addClass(cls: ValueClass | null | typeof NULL_TOKEN, k: number): void {
    if (cls === null) {
      this.unparsed += k;
      return;
    }
    if (cls === NULL_TOKEN) {
      this.placeholders += k;
      return;
    }
    const g = this.byShape[cls.shape.id] ?? this.newGroup(cls.shape);
    g.count += k;
    const m = cls.mask;
    g.masks[m]! += k;
    if (cls.unpaddedDate) g.unpaddedDate += k;
    if (cls.unpaddedHour) g.unpaddedHour += k;
    if (cls.fracLen > g.fracLen) g.fracLen = cls.fracLen;
    if (m & YMD) g.hist(m, YMD).add(cls.dayYMD, k);
    if (m & DMY) g.hist(m, DMY).add(cls.dayDMY, k);
    if (m & MDY) g.hist(m, MDY).add(cls.dayMDY, k);
  }

  private newGroup(shape: Shape): Group {
    let g = this.groups.get(shape.key);
    if (g === undefined) {
      g = new Group(shape, this.rules.maxDistinctDays);
      this.groups.set(shape.key, g);
    }
    this.byShape[shape.id] = g;
    return g;
  }

  merge(other: DateColumnAccumulator): void {
    this.flushLocal();
    other.flushLocal();
    this.total += other.total;
    this.nulls += other.nulls;
    this.blanks += other.blanks;
    this.placeholders += other.placeholders;
    this.unparsed += other.unparsed;
    this.epochOutOfRange += other.epochOutOfRange;
    for (const og of other.groups.values()) {
      const g = this.byShape[og.shape.id] ?? this.newGroup(og.shape);
      g.count += og.count;
      g.unpaddedDate += og.unpaddedDate;
      g.unpaddedHour += og.unpaddedHour;
      g.fracLen = Math.max(g.fracLen, og.fracLen);
      for (let m = 0; m < 8; m++) g.masks[m]! += og.masks[m]!;
      og.hists.forEach((h, i) => {
        if (h !== undefined) g.hist(Math.floor(i / 3), ORDER_BITS[i % 3]!).merge(h);
      });
    }
  }

  toJSON(): DateState {
    this.flushLocal();
    const groups = [...this.groups.values()]
      .sort((a, b) => (a.shape.key < b.shape.key ? -1 : a.shape.key > b.shape.key ? 1 : 0))
      .map((g): DateGroupState => {
        const hists: DateGroupState['hists'] = [];
        g.hists.forEach((h, i) => {
          if (h !== undefined) hists.push({ m: Math.floor(i / 3), o: ORDER_BITS[i % 3]!, h: h.toJSON() });
        });
        return {
          key: g.shape.key,
          kind: g.shape.kind,
          count: g.count,
          unpaddedDate: g.unpaddedDate,
          unpaddedHour: g.unpaddedHour,
          fracLen: g.fracLen,
          masks: [...g.masks],
          hists,
        };
      });
    return {
      v: 1,
      column: this.columnName,
      total: this.total,
      nulls: this.nulls,
      blanks: this.blanks,
      placeholders: this.placeholders,
      unparsed: this.unparsed,
      epochOutOfRange: this.epochOutOfRange,
      groups,
    };
  }

  static fromJSON(s: DateState, rules?: DateRulesInput | DateRules): DateColumnAccumulator {
    const a = new DateColumnAccumulator(s.column, rules);
    a.total = s.total;
    a.nulls = s.nulls;
    a.blanks = s.blanks;
    a.placeholders = s.placeholders;
    a.unparsed = s.unparsed;
    a.epochOutOfRange = s.epochOutOfRange;
    for (const gs of s.groups) {
      const g = a.newGroup(shapeFromKey(gs.key, gs.kind));
      g.count = gs.count;
      g.unpaddedDate = gs.unpaddedDate;
      g.unpaddedHour = gs.unpaddedHour;
      g.fracLen = gs.fracLen;
      for (let m = 0; m < 8; m++) g.masks[m] = gs.masks[m] ?? 0;
      for (const { m, o, h } of gs.hists) g.hists[m * 3 + orderIndex(o)] = DayHistogram.fromJSON(h, a.rules.maxDistinctDays);
    }
    return a;
  }

  finish(asOf?: Date | string): DateResult | null {
    this.flushLocal();
    const r = this.rules;
    const nonMissing = this.total - this.nulls - this.blanks - this.placeholders;
    const hinted = nameSuggestsTime(this.columnName);
    const sorted = [...this.groups.values()].sort((a, b) => (a.shape.key < b.shape.key ? -1 : a.shape.key > b.shape.key ? 1 : 0));
    let compact = 0;
    let textual = 0;
    for (const g of sorted) {
      if (g.shape.kind === 'compact') compact += g.count;
      else if (g.shape.kind === 'text' || g.shape.kind === 'zero') textual += g.count;
    }
    // numbers are dates when the name says time, or when written dates already make up the column
    // (then an epoch or yyyyMMdd among them is a second format, not an unrelated integer)
    const numbersOk = hinted || (nonMissing > 0 && textual / nonMissing >= r.minDateShare);
    const compactOk = numbersOk || (nonMissing > 0 && compact / nonMissing >= r.compactWithoutNameShare);
    const included = sorted.filter((g) => {
      const k = g.shape.kind;
      return k === 'text' || k === 'zero' || (k === 'compact' ? compactOk : numbersOk);
    });
    let dateCount = 0;
    for (const g of included) dateCount += g.count;
    if (nonMissing <= 0 || dateCount < r.minDateValues || dateCount / nonMissing < r.minDateShare) return null;

    // ---- day/month evidence over every numeric shape that can be read both ways
    let dayFirst = 0;
    let monthFirst = 0;
    let ambiguous = 0;
    let orderQuestion = 0;
    for (const g of included) {
      for (let m = 1; m < 8; m++) {
        const c = g.masks[m]!;
        if (c === 0) continue;
        if (popcount(m) > 1) ambiguous += c;
        if ((g.shape.orders & (DMY | MDY)) === (DMY | MDY)) {
          orderQuestion += c;
          if (m & DMY && !(m & MDY)) dayFirst += c;
          if (m & MDY && !(m & DMY)) monthFirst += c;
        }
      }
    }
    const resolution: DateResolution | null =
      orderQuestion === 0
        ? null
        : dayFirst > 0 && monthFirst > 0
          ? 'mixed'
          : dayFirst > 0
            ? 'day-first'
            : monthFirst > 0
              ? 'month-first'
              : ambiguous > 0
                ? 'unresolved'
                : null;
    const prefBits: number[] = r.preferOrder.map((p) => (p === 'month-first' ? MDY : p === 'day-first' ? DMY : YMD));
    const rank = (o: number, dotted: boolean): number => {
      if (resolution === 'day-first' && o === DMY) return -2;
      if (resolution === 'month-first' && o === MDY) return -2;
      // dotted numeric dates (`01.06.2013`) are day-first wherever they are written
      if (dotted && r.dottedDayFirst && o === DMY) return -1;
      return prefBits.indexOf(o);
    };

    // ---- assign every (group, mask) to one order
    interface Entry {
      group: Group;
      order: number;
      count: number;
      hist: DayHistogram | undefined;
      sentinels: number;
    }
    const entries: Entry[] = [];
    for (const g of included) {
      if (g.shape.kind === 'zero') continue;
      const support = [0, 0, 0];
      for (let m = 1; m < 8; m++) for (const o of ORDER_BITS) if (m & o) support[orderIndex(o)]! += g.masks[m]!;
      const dotted = g.shape.key.includes('%1.%2.');
      const best = (mask: number): number => {
        let pick = 0;
        for (const o of ORDER_BITS) {
          if (!(mask & o)) continue;
          if (pick === 0) pick = o;
          else {
            const so = support[orderIndex(o)]!;
            const sp = support[orderIndex(pick)]!;
            if (so > sp || (so === sp && rank(o, dotted) < rank(pick, dotted))) pick = o;
          }
        }
        return pick;
      };
      const preferred = best(g.shape.orders);
      for (let m = 1; m < 8; m++) {
        const c = g.masks[m]!;
        if (c === 0) continue;
        const order = m & preferred ? preferred : best(m);
        entries.push({ group: g, order, count: c, hist: g.hists[m * 3 + orderIndex(order)], sentinels: 0 });
      }
    }

    // ---- calendar of every parsed value in its assigned order
    const all = new DayHistogram(Number.MAX_SAFE_INTEGER);
    for (const e of entries) if (e.hist) all.merge(e.hist);
    const w = all.width;
    const approximate = w > 1;
    const sentinelKeys = this.findSentinels(all, dateCount);
    const sentinels = new Map<string, number>();
    for (const e of entries) {
      if (!e.hist || sentinelKeys.size === 0) continue;
      const ratio = w / e.hist.width;
      for (const [k, c] of e.hist.counts) {
        const ck = ratio === 1 ? k : Math.floor(k / ratio);
        if (sentinelKeys.has(ck)) {
          e.sentinels += c;
          const label = dayToIso(ck * w);
          sentinels.set(label, (sentinels.get(label) ?? 0) + c);
        }
      }
    }
    for (const g of included) if (g.shape.kind === 'zero') sentinels.set('0000-00-00', (sentinels.get('0000-00-00') ?? 0) + g.count);

    // ---- formats
    /** `%Z` / `%m` take the style of the sibling family with most values (XXX / MMM when there is none). */
    const wildcard = (key: string, mark: string, styles: readonly string[]): string => {
      if (!key.includes(mark)) return styles[0]!;
      let pick = styles[0]!;
      let bestCount = 0;
      for (const style of styles) {
        for (const sib of [key.replace(mark, style), key.replace(mark, style).replace('%Z', 'XXX').replace('%m', 'MMM')]) {
          const g = this.groups.get(sib);
          if (g !== undefined && included.includes(g) && g.count > bestCount) {
            bestCount = g.count;
            pick = style;
          }
        }
      }
      return pick;
    };
    // padding and fraction length are not format differences: collapse them into one family, then show the
    // family with the tokens that read all of its values (`M/d/yyyy` once any value is unpadded)
    interface Family {
      count: number;
      unpaddedDate: boolean;
      unpaddedHour: boolean;
      fracLen: number;
      key: string;
      order: number;
      z: string;
      mo: string;
    }
    const families = new Map<string, Family>();
    for (const e of entries) {
      const key = e.group.shape.key;
      const z = wildcard(key, '%Z', ['XXX', 'XX', 'X']);
      const mo = wildcard(key, '%m', ['MMM', 'MMMM']);
      const g = e.group;
      const id = renderPattern(key, e.order, { unpaddedDate: true, unpaddedHour: true, fracLen: 1, zStyle: z, monthStyle: mo });
      let f = families.get(id);
      if (f === undefined) {
        f = { count: 0, unpaddedDate: false, unpaddedHour: false, fracLen: 0, key, order: e.order, z, mo };
        families.set(id, f);
      }
      f.count += e.count - e.sentinels;
      if (g.unpaddedDate > 0) f.unpaddedDate = true;
      if (g.unpaddedHour > 0) f.unpaddedHour = true;
      f.fracLen = Math.max(f.fracLen, g.fracLen);
    }
    const formatCounts = new Map<string, number>();
    for (const f of families.values()) {
      if (f.count <= 0) continue;
      const pattern = renderPattern(f.key, f.order, { unpaddedDate: f.unpaddedDate, unpaddedHour: f.unpaddedHour, fracLen: f.fracLen, zStyle: f.z, monthStyle: f.mo });
      formatCounts.set(pattern, (formatCounts.get(pattern) ?? 0) + f.count);
    }
    const formatList = [...formatCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    let parsed = 0;
    for (const [, c] of formatList) parsed += c;
    let sentinelTotal = 0;
    for (const c of sentinels.values()) sentinelTotal += c;

    // ---- range and staleness, sentinels excluded
    let minKey = Infinity;
    let maxKey = -Infinity;
    for (const k of all.counts.keys()) {
      if (sentinelKeys.has(k)) continue;
      if (k < minKey) minKey = k;
      if (k > maxKey) maxKey = k;
    }
    let asOfIso: string | null = null;
    let future: number | null = null;
    let newestAgeDays: number | null = null;
    if (asOf !== undefined) {
      const t = typeof asOf === 'string' ? Date.parse(asOf.length === 10 ? asOf + 'T00:00:00Z' : asOf) : asOf.getTime();
      if (Number.isFinite(t)) {
        const asOfDay = Math.floor(t / DAY_MS);
        asOfIso = dayToIso(asOfDay);
        future = 0;
        let newest = -Infinity;
        for (const [k, c] of all.counts) {
          if (sentinelKeys.has(k)) continue;
          if (k * w > asOfDay) future += c;
          else newest = Math.max(newest, Math.min(k * w + w - 1, asOfDay));
        }
        newestAgeDays = newest === -Infinity ? null : asOfDay - newest;
      }
    }

    return {
      formats: Object.fromEntries(formatList),
      dominant: formatList[0]?.[0] ?? null,
      dominantShare: parsed > 0 ? round4(formatList[0]![1] / parsed) : 0,
      inconsistent: formatList.length > 1,
      ambiguous,
      resolution,
      evidence: { dayFirst, monthFirst },
      min: minKey === Infinity ? null : dayToIso(minKey * w),
      max: maxKey === -Infinity ? null : dayToIso(maxKey * w + w - 1),
      future,
      newestAgeDays,
      asOf: asOfIso,
      sentinels: Object.fromEntries([...sentinels].sort((a, b) => (a[0] < b[0] ? -1 : 1))),
      parsed,
      unparsed: nonMissing - parsed - sentinelTotal,
      nonMissing,
      dateShare: round4((parsed + sentinelTotal) / nonMissing),
      approximate,
    };
  }

  /** Bucket keys (at the histogram's width) that are disguised nulls. */
  private findSentinels(all: DayHistogram, dateCount: number): Set<number> {
    const r = this.rules;
    const w = all.width;
    const out = new Set<number>();
    const bucket = (iso: string): number => Math.floor(civilDay(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10)) / w);
    for (const iso of r.sentinelDates) {
      const k = bucket(iso);
      if (all.counts.has(k)) out.add(k);
    }
    for (const iso of r.repeatSentinelDates) {
      const k = bucket(iso);
      if ((all.counts.get(k) ?? 0) >= r.sentinelMinRepeat) out.add(k);
    }
    const lowEdge = civilDay(2, 1, 1);
    const highEdge = civilDay(9999, 1, 1);
    for (const k of all.counts.keys()) if (k * w + w - 1 < lowEdge || k * w >= highEdge) out.add(k);
    if (w !== 1) return out;
    // unlisted: a repeated, round, isolated extreme day
    const keys = [...all.counts.keys()].filter((k) => !out.has(k)).sort((a, b) => a - b);
    let lo = 0;
    let hi = keys.length - 1;
    let remaining = 0;
    for (const k of keys) remaining += all.counts.get(k)!;
    const isRound = (k: number): boolean => {
      const md = dayToIso(k).slice(5);
      return md === '01-01' || md === '12-31';
    };
    const qualifies = (k: number, neighbour: number): boolean => {
      const c = all.counts.get(k)!;
      return (
        c >= r.sentinelMinRepeat &&
        remaining - c >= 3 &&
        Math.abs(neighbour - k) >= r.isolatedSentinelGapDays &&
        (isRound(k) || c >= r.isolatedSentinelMinShare * dateCount)
      );
    };
    for (let step = 0; step < 3 && hi - lo >= 1; step++) {
      let changed = false;
      if (qualifies(keys[lo]!, keys[lo + 1]!)) {
        out.add(keys[lo]!);
        remaining -= all.counts.get(keys[lo]!)!;
        lo++;
        changed = true;
      }
      if (hi - lo >= 1 && qualifies(keys[hi]!, keys[hi - 1]!)) {
        out.add(keys[hi]!);
        remaining -= all.counts.get(keys[hi]!)!;
        hi--;
        changed = true;
      }
      if (!changed) break;
    }
    return out;
  }
}

/** yyyyMMdd digits in range (year 1800–2200, month 1–12, day 1–31) before date-fns is asked. */
function compactLooksValid(v: string): boolean {
  const d = (i: number): number => v.charCodeAt(i) - 48;
  const y = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
  const m = d(4) * 10 + d(5);
  const day = d(6) * 10 + d(7);
  return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

/** Cheap first-character filter: digits, month/weekday initials, and placeholder starts (`N/A`, `-`, `?`, `#N/A`). */
function maybeDateStart(c: number): boolean {
  switch (c | 32) {
    case 106: // j
    case 102: // f
    case 109: // m
    case 97: // a
    case 115: // s
    case 111: // o
    case 110: // n
    case 100: // d
    case 116: // t
    case 119: // w
    case 117: // u
      return true;
  }
  return c === 45 || c === 63 || c === 35;
}

export { ZERO_PREFIX };
