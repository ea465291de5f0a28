// Subpath imports: the package root re-exports all of date-fns, which every worker would load and compile.
import { parse } from 'date-fns/parse';
import { isValid } from 'date-fns/isValid';
import { TwoGenerationCache } from './bounded-cache.js';
import { validYmd } from '../../metrics/value-kind.js';

/**
 * Classifies one text value as a date format. The scanner below only finds the *shape* of a value (which
 * fields, separators, time and zone parts it has); whether the calendar date is real (Feb 29, day 31 of a
 * 30-day month, two-digit-year pivot) is decided by date-fns `parse` + `isValid`.
 *
 * Why not call date-fns on the whole value: it costs ~9 µs per call (measured, bench/results/dates.md) and
 * datetime columns are mostly distinct values, so every value would pay it. Instead the date part is parsed
 * once per distinct (pattern, date text) and cached; the time of day is range-checked by hand.
 *
 * Format families (what counts as "one format"):
 *  - zero padding is not a format difference: `3/4/2024` and `03/04/2024` are one family, reported as
 *    `M/d/yyyy` when any value of the column is unpadded, `MM/dd/yyyy` when none is (the pattern date-fns
 *    needs to read every value of the family);
 *  - fraction-of-second length is not a difference (`.1` and `.123456`); having a fraction or not is;
 *  - `Z` fits any ISO offset style (X, XX, XXX), so `Z` and `+05:30` are one family; `+05` and `+05:30` are two;
 *  - everything else is: date vs datetime, seconds or not, `T` vs space, 12h vs 24h, separators,
 *    field order, two- vs four-digit year, month names vs numbers.
 */

/** Field orders a numeric date can be read in (bit set). */
export const YMD = 1;
export const DMY = 2;
export const MDY = 4;

export type ShapeKind = 'text' | 'zero' | 'compact' | 'epoch-s' | 'epoch-ms';

/**
 * A shape is a padding-insensitive, order-templated pattern. Its key is self-describing:
 *  - `%1 %2 %3#N` are the three numeric fields of a shape whose order is decided per column; N is the
 *    digit count of the last field (2 or 4, the year when it comes last);
 *  - `%M %d %H %h` become `MM`/`M` ... depending on padding, `%S` the fraction digits, `%Z` a `Z`-only zone,
 *    `%m` the month name `May` (short and long at once): the last two take the style of the column's other values;
 *  - everything else is literal date-fns pattern text.
 */
export interface Shape {
  readonly id: number;
  readonly key: string;
  readonly kind: ShapeKind;
  /** Orders this shape can take (YMD|DMY|MDY bits); one bit for fixed-order shapes. */
  readonly orders: number;
  readonly hasTime: boolean;
  readonly hasZone: boolean;
}

export interface ValueClass {
  readonly shape: Shape;
  /** Orders in which this value is a valid date (subset of shape.orders); 0 for zero-dates. */
  readonly mask: number;
  /** Days since 1970-01-01 of the calendar date as written, per order (NaN where invalid). */
  readonly dayYMD: number;
  readonly dayDMY: number;
  readonly dayMDY: number;
  /** A day/month (or hour) field was written with one digit. */
  readonly unpaddedDate: boolean;
  readonly unpaddedHour: boolean;
  readonly fracLen: number;
  /** Where the parts sit, so values with the same skeleton can be read without re-scanning (datetimes). */
  readonly fast: FastInfo | undefined;
}

/**
 * Positions inside a datetime value. Two values with the same skeleton (same length, same non-digit
 * characters at the same places) have the same shape, padding and fraction length; only the date part
 * (date-fns, cached) and the time-field ranges need checking. -1 = absent.
 */
export interface FastInfo {
  readonly dateStart: number;
  readonly dateEnd: number;
  /** date-fns pattern of the date part per order (YMD, DMY, MDY), '' where the shape cannot take it. */
  readonly patterns: readonly [string, string, string];
  /**
   * Per order, where the year, month and day digits sit when the date part is all-numeric (see
   * numericLayout): a value with the same skeleton has its fields at the same places. null: date-fns.
   */
  readonly layouts: readonly [Int32Array | null, Int32Array | null, Int32Array | null];
  readonly hourAt: number;
  readonly hourLen: number;
  readonly twelve: boolean;
  readonly minAt: number;
  readonly secAt: number;
  readonly offAt: number;
  readonly offMinAt: number;
}

// ---------------------------------------------------------------- shape registry (per thread)

const shapesByKey = new Map<string, Shape>();
const shapeList: Shape[] = [];

export function shapeFor(key: string, kind: ShapeKind, orders: number, hasTime: boolean, hasZone: boolean): Shape {
  let s = shapesByKey.get(key);
  if (s === undefined) {
    s = { id: shapeList.length, key, kind, orders, hasTime, hasZone };
    shapesByKey.set(key, s);
    shapeList.push(s);
  }
  return s;
}

/** Rebuilds a shape from its key (state crossing threads carries keys, not ids). */
export function shapeFromKey(key: string, kind: ShapeKind): Shape {
  const known = shapesByKey.get(key);
  if (known !== undefined) return known;
  let orders = YMD;
  if (key.includes('%1')) orders = key.includes('%3#2') ? YMD | DMY | MDY : DMY | MDY;
  const bare = key.replace(/'[^']*'/g, '');
  const hasTime = /%H|%h|HH|^[tT]$/.test(bare);
  const hasZone = /X|%Z| z/.test(bare);
  return shapeFor(key, kind, orders, hasTime, hasZone);
}

/** Key prefix of zero-date shapes (`0000-00-00`, `00/00/0000 00:00`). */
export const ZERO_PREFIX = 'zero:';

// ---------------------------------------------------------------- names

const MONTHS = new Map<string, number>([
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['may', 5], ['jun', 6],
  ['jul', 7], ['aug', 8], ['sep', 9], ['oct', 10], ['nov', 11], ['dec', 12],
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['june', 6], ['july', 7],
  ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
]);
const WEEKDAYS = new Map<string, number>([
  ['sun', 0], ['mon', 1], ['tue', 2], ['wed', 3], ['thu', 4], ['fri', 5], ['sat', 6],
  ['sunday', 0], ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6],
]);
/** First three letters (lower case, packed in an int) of every month and weekday name. */
const NAME_PREFIXES = new Set<number>(
  [...MONTHS.keys(), ...WEEKDAYS.keys()].map((w) => (w.charCodeAt(0) << 16) | (w.charCodeAt(1) << 8) | w.charCodeAt(2)),
);
/** Zone abbreviations read after a datetime; offsets are irrelevant because days are taken as written. */
const ZONE_NAMES = new Set(['UTC', 'GMT', 'Z', 'EST', 'EDT', 'CST', 'CDT', 'MST', 'MDT', 'PST', 'PDT', 'CET', 'CEST', 'BST', 'IST', 'JST', 'AEST', 'AEDT']);

// ---------------------------------------------------------------- date-fns, cached per date part

/** Reference date for date-fns: two-digit years resolve within 50 years of 2000 (00–49 → 20xx, 50–99 → 19xx). */
const REFERENCE = new Date(2000, 0, 1);
const DAY_MS = 86_400_000;
const DATE_PART_GENERATION = 65_536;
/** pattern → date text → day (NaN when invalid). Nested maps avoid building a combined key per lookup. */
const datePartCache = new Map<string, TwoGenerationCache<string, number>>();

/** Days since epoch of a calendar date, independent of the process time zone. */
export function civilDay(y: number, m: number, d: number): number {
  // Arithmetic (proleptic Gregorian, H. Hinnant's days_from_civil) instead of a Date per call: it runs once
  // per distinct date part. The day term is linear, so day overflow (`Feb 30`) rolls over as Date does;
  // anything else unusual (month out of range, fractions, years a Date cannot hold) takes the Date way.
  if (m >= 1 && m <= 12 && d >= -1e6 && d <= 1e6 && y >= -200_000 && y <= 200_000 && (y | 0) === y && (m | 0) === m && (d | 0) === d) {
    const yy = m <= 2 ? y - 1 : y;
    const era = Math.floor(yy / 400);
    const yoe = yy - era * 400;
    const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return (era * 146_097 + doe - 719_468) | 0;
  }
  return civilDayViaDate(y, m, d);
}

/** The reference for {@link civilDay}: a UTC Date set to the day. */
export function civilDayViaDate(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.round(t.getTime() / DAY_MS) | 0;
}

export function dayToIso(day: number): string {
  const t = new Date(day * DAY_MS);
  const y = t.getUTCFullYear();
  const ys = y < 0 ? '-' + String(-y).padStart(6, '0') : String(y).padStart(4, '0');
  return `${ys}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
}

/** date-fns parse of the date part only; NaN when it is not a real calendar date. */
function parseDatePart(text: string, pattern: string): number {
  // all-numeric parts are computed, not cached: cheaper than hashing the text for a cache lookup
  const np = numericPattern(pattern);
  if (np !== null) {
    const numeric = numericDayAt(text, 0, text.length, np);
    if (numeric !== undefined) return numeric;
  }
  let byText = datePartCache.get(pattern);
  if (byText === undefined) {
    byText = new TwoGenerationCache(DATE_PART_GENERATION);
    datePartCache.set(pattern, byText);
  }
  const hit = byText.get(text);
  if (hit !== undefined) return hit;
  const d = parse(text, pattern, REFERENCE);
  // local getters: date-fns builds the date in the process zone; the day as written is what we report
  const day = isValid(d) ? civilDay(d.getFullYear(), d.getMonth() + 1, d.getDate()) : NaN;
  byText.set(text, day);
  return day;
}

/**
 * The all-numeric patterns the scanner builds (`yyyy-M-d`, `d/M/yyyy`, `M.d.yy`, `yyyy/M`, ...), read without
 * date-fns: date-fns costs ~9 µs per distinct date and was the dates detector's largest cost. Same answer
 * as date-fns by construction (its rules: `yyyy` any year > 0, `yy` pivoted around the reference year
 * 2000, `M` 1–12 and `d` 1–days in month, from 1–2 digits) and checked against it exhaustively over the
 * field values in test/unit/dates/numeric-part.test.ts. undefined: not such a pattern, or text that does
 * not have its plain shape; date-fns decides then.
 */
interface NumericPattern {
  sep: number;
  /** field tokens in order: 'yyyy' | 'yy' | 'M' | 'd' */
  fields: string[];
}
const numericPatterns = new Map<string, NumericPattern | null>();
const NUMERIC_PATTERN = /^(yyyy|yy|M|d)([-/. ])(M|d)(?:\2(yyyy|yy|M|d))?$/;

function numericPattern(pattern: string): NumericPattern | null {
  let p = numericPatterns.get(pattern);
  if (p === undefined) {
    const m = NUMERIC_PATTERN.exec(pattern);
    p = null;
    if (m !== null) {
      const fields = m[4] === undefined ? [m[1]!, m[3]!] : [m[1]!, m[3]!, m[4]];
      const kinds = fields.map((f) => f[0]).sort().join('');
      // exactly one year, one month and (when three fields) one day
      if (kinds === (fields.length === 3 ? 'Mdy' : 'My')) p = { sep: m[2]!.charCodeAt(0), fields };
    }
    numericPatterns.set(pattern, p);
  }
  return p;
}

export function numericDatePart(text: string, pattern: string): number | undefined {
  const p = numericPattern(pattern);
  return p === null ? undefined : numericDayAt(text, 0, text.length, p);
}

/** numericDatePart of `text.slice(from, n)` without the slice. */
function numericDayAt(text: string, from: number, n: number, p: NumericPattern): number | undefined {
  let y = 0;
  let m = 0;
  let d = 1;
  let at = from;
  for (let f = 0; f < p.fields.length; f++) {
    if (f > 0) {
      if (at >= n || text.charCodeAt(at) !== p.sep) return undefined;
      at++;
    }
    const start = at;
    let v = 0;
    while (at < n && isDigit(text.charCodeAt(at))) v = v * 10 + text.charCodeAt(at++) - C0;
    const len = at - start;
    const token = p.fields[f]!;
    if (token === 'yyyy') {
      if (len !== 4) return undefined;
      y = v;
    } else if (token === 'yy') {
      if (len !== 2) return undefined;
      y = twoDigitYear(v);
    } else {
      if (len < 1 || len > 2) return undefined;
      if (token === 'M') m = v;
      else d = v;
    }
  }
  if (at !== n) return undefined;
  return numericDay(y, m, d);
}

/** date-fns normalizeTwoDigitYear with reference year 2000: 00–49 → 20xx, 50–99 → 19xx. */
function twoDigitYear(v: number): number {
  return v >= 50 ? 1900 + v : 2000 + v;
}

/** Days since epoch of a date read from digits, NaN when it is not a real calendar day. */
function numericDay(y: number, m: number, d: number): number {
  return y > 0 && validYmd(y, m, d) ? civilDay(y, m, d) : NaN;
}

// ---------------------------------------------------------------- scanner

const C0 = 48;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Scanner state, reused: classification runs once per distinct value, but allocation still adds up. */
let S = '';
let P = 0;
/** Date part of the value being classified and the date-fns patterns it was read with (for FastInfo). */
let noteStart = 0;
let noteEnd = 0;
let noteP: [string, string, string] = ['', '', ''];
let noteWeekday = false;
/** Time-field positions of the value being classified (for FastInfo). */
let tHourAt = -1;
let tHourLen = 0;
let tTwelve = false;
let tMinAt = -1;
let tSecAt = -1;
let tOffAt = -1;
let tOffMinAt = -1;
function note(start: number, end: number, pYMD: string, pDMY: string, pMDY: string): void {
  noteStart = start;
  noteEnd = end;
  noteP = [pYMD, pDMY, pMDY];
}

function digits(): number {
  const start = P;
  while (P < S.length && isDigit(S.charCodeAt(P))) P++;
  return P - start;
}
function alphas(): number {
  const start = P;
  while (P < S.length && isAlpha(S.charCodeAt(P))) P++;
  return P - start;
}
function num(start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + (S.charCodeAt(i) - C0);
  return n;
}
function allZero(start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (S.charCodeAt(i) !== C0) return false;
  return true;
}

interface TimePart {
  template: string;
  unpaddedHour: boolean;
  fracLen: number;
  hasZone: boolean;
}

/**
 * Reads an optional zone up to the end of the value: `Z`, `±HH`, `±HHMM`, `±HH:MM` (optionally after a
 * space) or a space and a zone abbreviation. Returns its template ('' when there is none), null when
 * something else follows.
 */
function scanZone(): string | null {
  const n = S.length;
  if (P >= n) return '';
  const z = S.charCodeAt(P);
  if (z === 90 /* Z */ && P + 1 === n) {
    P++;
    return '%Z';
  }
  let space = '';
  if (z === 32) {
    space = ' ';
    P++;
  }
  const sign = S.charCodeAt(P);
  if (sign === 43 || sign === 45) {
    P++;
    const o0 = P;
    tOffAt = o0;
    const ol = digits();
    if (ol === 2 && P === n) return num(o0, P) > 14 ? null : space + 'X';
    if (ol === 4) tOffMinAt = o0 + 2;
    if (ol === 4 && P === n) return num(o0, o0 + 2) > 14 || num(o0 + 2, P) > 59 ? null : space + 'XX';
    if (ol === 2 && S.charCodeAt(P) === 58) {
      P++;
      const q0 = P;
      tOffMinAt = q0;
      if (digits() !== 2 || P !== n || num(o0, o0 + 2) > 14 || num(q0, P) > 59) return null;
      return space + 'XXX';
    }
    return null;
  }
  if (space && isAlpha(sign)) {
    const a0 = P;
    alphas();
    if (P !== n || !ZONE_NAMES.has(S.slice(a0, P).toUpperCase())) return null;
    return ' z';
  }
  return null;
}

/** Reads `[sep]H:mm[:ss[.S]][ a][zone]` up to the end of the value; null when anything else follows. */
function scanTime(): TimePart | null {
  const n = S.length;
  let template: string;
  const c = S.charCodeAt(P);
  if (c === 84 /* T */) {
    template = "'T'";
    P++;
  } else if (c === 32) {
    template = ' ';
    P++;
  } else if (c === 44 /* , */ && S.charCodeAt(P + 1) === 32) {
    template = ', ';
    P += 2;
  } else return null;
  const h0 = P;
  tHourAt = h0;
  const hl = digits();
  tHourLen = hl;
  if (hl < 1 || hl > 2 || S.charCodeAt(P) !== 58) return null;
  const hour = num(h0, P);
  P++;
  const m0 = P;
  tMinAt = m0;
  if (digits() !== 2) return null;
  if (num(m0, P) > 59) return null;
  let timeTail = ':mm';
  let fracLen = 0;
  if (S.charCodeAt(P) === 58) {
    P++;
    const s0 = P;
    tSecAt = s0;
    if (digits() !== 2 || num(s0, P) > 59) return null;
    timeTail += ':ss';
    const f = S.charCodeAt(P);
    if ((f === 46 || f === 44) && isDigit(S.charCodeAt(P + 1))) {
      P++;
      fracLen = digits();
      if (fracLen > 9) return null;
      timeTail += (f === 46 ? '.' : ',') + '%S';
    }
  }
  // AM/PM
  let twelve = false;
  {
    const save = P;
    const sp = S.charCodeAt(P) === 32 ? 1 : 0;
    const a = S.charCodeAt(P + sp) | 32;
    const m = S.charCodeAt(P + sp + 1) | 32;
    if ((a === 97 || a === 112) && m === 109 && !isAlpha(S.charCodeAt(P + sp + 2))) {
      twelve = true;
      P += sp + 2;
      timeTail += sp ? ' a' : 'a';
    } else if ((a === 97 || a === 112) && S.charCodeAt(P + sp + 1) === 46 && (S.charCodeAt(P + sp + 2) | 32) === 109 && S.charCodeAt(P + sp + 3) === 46) {
      twelve = true;
      P += sp + 4;
      timeTail += sp ? ' a' : 'a';
    } else P = save;
  }
  if (twelve ? hour < 1 || hour > 12 : hour > 23) return null;
  tTwelve = twelve;
  template += (twelve ? '%h' : '%H') + timeTail;
  // zone
  const zone = scanZone();
  if (zone === null) return null;
  template += zone;
  if (P !== n) return null;
  return { template, unpaddedHour: hour < 10 && hl === 1, fracLen, hasZone: zone !== '' };
}

function quoteLiteral(text: string): string {
  // date-fns treats ASCII letters as tokens; anything else (/-., spaces, CJK) is literal already
  return /[A-Za-z]/.test(text) ? `'${text}'` : text;
}

function make(
  key: string,
  kind: ShapeKind,
  orders: number,
  mask: number,
  dYMD: number,
  dDMY: number,
  dMDY: number,
  unpaddedDate: boolean,
  time: TimePart | null,
): ValueClass {
  const hasTime = time !== null && (time.template.includes('%H') || time.template.includes('%h') || time.template === 'HHmmss');
  const shape = shapeFor(key, kind, orders, hasTime, time?.hasZone ?? false);
  const fast: FastInfo | undefined =
    hasTime && kind !== 'zero' && !noteWeekday
      ? {
          dateStart: noteStart,
          dateEnd: noteEnd,
          patterns: noteP,
          layouts: [numericLayout(S, noteStart, noteEnd, noteP[0]), numericLayout(S, noteStart, noteEnd, noteP[1]), numericLayout(S, noteStart, noteEnd, noteP[2])],
          hourAt: kind === 'compact' ? 8 : tHourAt,
          hourLen: kind === 'compact' ? 2 : tHourLen,
          twelve: tTwelve,
          minAt: kind === 'compact' ? 10 : tMinAt,
          secAt: kind === 'compact' ? 12 : tSecAt,
          offAt: tOffAt,
          offMinAt: tOffMinAt,
        }
      : undefined;
  return {
    fast,
    shape,
    mask,
    dayYMD: dYMD,
    dayDMY: dDMY,
    dayMDY: dMDY,
    unpaddedDate,
    unpaddedHour: time?.unpaddedHour ?? false,
    fracLen: time?.fracLen ?? 0,
  };
}

/** After the date part: the end of the value, or a time part. `datePattern` must be final here. */
function finishDate(
  dateKey: string,
  kind: ShapeKind,
  orders: number,
  dateEnd: number,
  zero: boolean,
  days: [number, number, number],
  unpaddedDate: boolean,
  weekday: number,
): ValueClass | null {
  let time: TimePart | null = null;
  if (dateEnd < S.length) {
    P = dateEnd;
    const c = S.charCodeAt(P);
    if (c === 90 || ((c === 43 || c === 45) && kind === 'text' && dateKey.startsWith('yyyy-')) || (c === 32 && !isDigit(S.charCodeAt(P + 1)))) {
      // a zone straight after an ISO date (xsd:date `2015-03-22Z`, `2015-03-22-08:00`)
      const zone = scanZone();
      if (zone === null || zone === '') return null;
      time = { template: zone, unpaddedHour: false, fracLen: 0, hasZone: true };
    } else {
      time = scanTime();
      if (time === null) return null;
    }
  }
  let mask = 0;
  if (!zero) {
    if (days[0] === days[0]) mask |= YMD;
    if (days[1] === days[1]) mask |= DMY;
    if (days[2] === days[2]) mask |= MDY;
    mask &= orders;
    if (mask === 0) return null;
    if (weekday >= 0) {
      const d = mask & YMD ? days[0] : mask & DMY ? days[1] : days[2];
      if ((((d + 4) % 7) + 7) % 7 !== weekday) return null;
    }
  }
  const key = dateKey + (time ? time.template : '');
  // zero-dates (`0000-00-00`) get their own shape: they are disguised nulls, not members of the format
  if (zero) return make(ZERO_PREFIX + key, 'zero', orders, 0, NaN, NaN, NaN, unpaddedDate, time);
  return make(key, kind, orders, mask, days[0], days[1], days[2], unpaddedDate, time);
}

/**
 * Proof that a digit-led value is not a date: true only when {@link classifyText} certainly returns null for
 * `value`, which starts with `l1` digits followed by a non-digit (so it is neither a pure digit string nor
 * blank). It replays classifyText's structural steps for a digit-led value (length bounds, first separator,
 * the second field's digit count, the third field, the first character after the date part) and stops where
 * classifyText would start reading values or names; anything it cannot rule out is "maybe" (false).
 *
 * It reads only the skeleton of the value (which positions hold digits, and the exact non-digit characters),
 * never the digits themselves, so two values with the same skeleton get the same answer: a value matchLike()
 * accepts has the skeleton of an accepted value and is never rejected here. No allocation, no cache.
 * Keep in step with classifyText/finishDate; test/unit/dates/precheck.test.ts checks it differentially.
 */
export function digitLedNotDate(value: string, l1: number): boolean {
  const n = value.length;
  if (n < 6 || n > 64) return true;
  const sep = value.charCodeAt(l1);
  if (sep === 0x5e74 /* 年 */) return l1 !== 4; // cjk()
  if (isAlpha(sep)) return l1 > 2; // `5th January 2024`: dayMonthName() wants a 1–2 digit day
  if (sep !== 45 && sep !== 47 && sep !== 46 && sep !== 32) return true;
  let p = l1 + 1;
  if (isAlpha(value.charCodeAt(p))) return l1 > 2; // `31 Oct 2023`, `31-OCT-2023`
  if (sep === 32) return true;
  const f2 = p;
  while (p < n && isDigit(value.charCodeAt(p))) p++;
  const l2 = p - f2;
  if (l2 < 1 || l2 > 2) return true;
  if (value.charCodeAt(p) !== sep) return !(l1 === 4 && l2 === 2 && sep !== 46 && p === n); // `yyyy-MM`
  p++;
  const f3 = p;
  while (p < n && isDigit(value.charCodeAt(p))) p++;
  const l3 = p - f3;
  if (!(l1 === 4 && l3 >= 1 && l3 <= 2) && (l1 > 2 || (l3 !== 4 && l3 !== 2))) return true;
  if (p === n) return false;
  // finishDate(): a zone (`Z`, `+`, `-`, space) or a time (`T`, space, `, `) must follow the date part
  const c = value.charCodeAt(p);
  return c !== 90 && c !== 43 && c !== 45 && c !== 32 && c !== 84 && c !== 44;
}

/**
 * Proof that a letter-led value (trimmed, first character an ASCII letter) is neither a date nor a null
 * placeholder: true only when {@link classifyTrimmedCached} certainly returns null. classifyText rejects
 * such a value by its length or because its first three letters start no month or weekday name; the
 * placeholder check only looks at values of at most 13 characters starting like a placeholder, which are
 * left to the slow path here. Reads the length and the first three characters only (so, like
 * digitLedNotDate, never rejects a value with the skeleton of an accepted one). No allocation, no cache.
 */
export function letterLedNotDate(value: string): boolean {
  const n = value.length;
  const c = value.charCodeAt(0);
  if (n <= 13 && NULL_TOKEN_STARTS.has(c | 32)) return false;
  if (n < 6 || n > 64) return true;
  return !NAME_PREFIXES.has(((c | 32) << 16) | ((value.charCodeAt(1) | 32) << 8) | (value.charCodeAt(2) | 32));
}

/**
 * Text value (already trimmed, no surrounding whitespace) to its format class, or null when it is not a date.
 * Pure digit strings are handled by {@link classifyDigits}.
 */
export function classifyText(value: string): ValueClass | null {
  S = value;
  P = 0;
  noteWeekday = false;
  tHourAt = -1;
  tOffAt = -1;
  tOffMinAt = -1;
  tSecAt = -1;
  const n = value.length;
  if (n < 6 || n > 64) return null;
  let prefix = '';
  let weekday = -1;
  let c = value.charCodeAt(0);
  if (isAlpha(c)) {
    // cheap rejection before any slicing: the first three letters must start a month or weekday name
    const k = ((c | 32) << 16) | ((value.charCodeAt(1) | 32) << 8) | (value.charCodeAt(2) | 32);
    if (!NAME_PREFIXES.has(k)) return null;
    // weekday prefix (`Tue, 31 Oct 2023`, `Tuesday, October 31, 2023`)?
    const a0 = P;
    const al = alphas();
    const word = value.slice(a0, P).toLowerCase();
    const wd = WEEKDAYS.get(word);
    if (wd !== undefined) {
      weekday = wd;
      noteWeekday = true;
      prefix = al > 3 ? 'EEEE' : 'EEE';
      if (value.charCodeAt(P) === 44) {
        prefix += ',';
        P++;
      }
      if (value.charCodeAt(P) !== 32) return null;
      P++;
      prefix += ' ';
      c = value.charCodeAt(P);
    } else P = a0;
  }
  const dateStart = P;
  if (isAlpha(c)) return monthFirst(prefix, dateStart, weekday);
  if (!isDigit(c)) return null;
  const f1 = P;
  const l1 = digits();
  const e1 = P;
  const sep = value.charCodeAt(P);
  if (P >= n) return null; // pure digits: classifyDigits
  // CJK `2024年1月5日`
  if (sep === 0x5e74 && l1 === 4) return cjk(prefix, dateStart, f1, e1, weekday);
  if (isAlpha(sep) && l1 <= 2) return dayMonthName(prefix, dateStart, f1, l1, 32, weekday); // `5th January 2024`
  if (sep !== 45 && sep !== 47 && sep !== 46 && sep !== 32) return null;
  P++;
  if (isAlpha(value.charCodeAt(P))) return dayMonthName(prefix, dateStart, f1, l1, sep, weekday);
  if (sep === 32) return null;
  const f2 = P;
  const l2 = digits();
  const e2 = P;
  if (l2 < 1 || l2 > 2) return null;
  const sepCh = String.fromCharCode(sep);
  if (value.charCodeAt(P) !== sep) {
    // `yyyy-MM` / `yyyy/MM` month values, nothing after
    if (l1 === 4 && l2 === 2 && sep !== 46 && P === n) {
      const zero = allZero(f1, e2);
      const y = num(f1, e1);
      if (!zero && (y < 1800 || y > 2200)) return null;
      const pm = `yyyy${sepCh}M`;
      note(dateStart, P, pm, '', '');
      const day = zero ? NaN : parseDatePart(value.slice(dateStart, P), pm);
      if (!zero && day !== day) return null;
      return finishDate(`${prefix}yyyy${sepCh}MM`, 'text', YMD, P, zero, [day, NaN, NaN], false, weekday);
    }
    return null;
  }
  P++;
  const f3 = P;
  const l3 = digits();
  const e3 = P;
  const dateText = value.slice(dateStart, e3);
  const zero = allZero(f1, e1) && allZero(f2, e2) && allZero(f3, e3);
  if (l1 === 4 && l3 >= 1 && l3 <= 2) {
    const unpadded = l2 === 1 || l3 === 1;
    const yearZero = allZero(f1, e1);
    const pYMD = `yyyy${sepCh}M${sepCh}d`;
    note(dateStart, e3, pYMD, '', '');
    const day = zero || yearZero ? NaN : parseDatePart(dateText, pYMD);
    return finishDate(`${prefix}yyyy${sepCh}%M${sepCh}%d`, 'text', YMD, e3, zero || yearZero, [day, NaN, NaN], unpadded, weekday);
  }
  if (l1 > 2) return null;
  if (l3 === 4 || l3 === 2) {
    const unpadded = l1 === 1 || l2 === 1;
    const key = `${prefix}%1${sepCh}%2${sepCh}%3#${l3}`;
    const yearToken = l3 === 4 ? 'yyyy' : 'yy';
    const orders = l3 === 2 && l1 === 2 && l2 === 2 ? YMD | DMY | MDY : DMY | MDY;
    const yearZero = l3 === 4 && allZero(f3, e3);
    if (zero || yearZero) return finishDate(key, 'text', DMY | MDY | (l3 === 2 ? YMD : 0), e3, true, [NaN, NaN, NaN], unpadded, weekday);
    const pYMD = orders & YMD ? `yy${sepCh}M${sepCh}d` : '';
    const pDMY = `d${sepCh}M${sepCh}${yearToken}`;
    const pMDY = `M${sepCh}d${sepCh}${yearToken}`;
    note(dateStart, e3, pYMD, pDMY, pMDY);
    const dYMD = orders & YMD ? parseDatePart(dateText, pYMD) : NaN;
    const dDMY = parseDatePart(dateText, pDMY);
    const dMDY = parseDatePart(dateText, pMDY);
    return finishDate(key, 'text', l3 === 2 ? YMD | DMY | MDY : DMY | MDY, e3, false, [dYMD, dDMY, dMDY], unpadded, weekday);
  }
  return null;
}

/** Optional English ordinal suffix after a day (`1st`, `22nd`, `3rd`, `5th`); date-fns reads it with `do`. */
function scanOrdinal(): boolean {
  const a = S.charCodeAt(P) | 32;
  const b = S.charCodeAt(P + 1) | 32;
  if ((a === 115 && b === 116) || (a === 110 && b === 100) || (a === 114 && b === 100) || (a === 116 && b === 104)) {
    if (isAlpha(S.charCodeAt(P + 2))) return false;
    P += 2;
    return true;
  }
  return false;
}

/** `May` is both the short and the long name: `%m`, resolved per column like `%Z`. */
function monthToken(word: string, length: number): string {
  return word === 'may' ? '%m' : length > 3 ? 'MMMM' : 'MMM';
}

/** `2024年1月5日` */
function cjk(prefix: string, dateStart: number, f1: number, e1: number, weekday: number): ValueClass | null {
  P = e1 + 1;
  const f2 = P;
  const l2 = digits();
  if (l2 < 1 || l2 > 2 || S.charCodeAt(P) !== 0x6708) return null;
  const e2 = P;
  P++;
  const f3 = P;
  const l3 = digits();
  if (l3 < 1 || l3 > 2 || S.charCodeAt(P) !== 0x65e5) return null;
  const e3 = P + 1;
  const zero = allZero(f1, e1) && allZero(f2, e2);
  note(dateStart, e3, 'yyyy年M月d日', '', '');
  const day = zero ? NaN : parseDatePart(S.slice(dateStart, e3), 'yyyy年M月d日');
  return finishDate(`${prefix}yyyy年%M月%d日`, 'text', YMD, e3, zero, [day, NaN, NaN], l2 === 1 || l3 === 1, weekday);
  void f3;
}

/** `Oct 31, 2023`, `October 31 2023`, `Oct 2023`, `Oct-31-2023` */
function monthFirst(prefix: string, dateStart: number, weekday: number): ValueClass | null {
  const a0 = P;
  const al = alphas();
  const word = S.slice(a0, P).toLowerCase();
  const month = MONTHS.get(word);
  if (month === undefined) return null;
  const mTok = monthToken(word, al);
  const mParse = al > 3 ? 'MMMM' : 'MMM';
  let sep = S.charCodeAt(P);
  let sepText: string;
  if (sep === 32 || sep === 45 || sep === 47) sepText = String.fromCharCode(sep);
  else if (sep === 46 && S.charCodeAt(P + 1) === 32) sepText = '. ';
  else return null;
  P += sepText.length;
  const f2 = P;
  const l2 = digits();
  if (l2 === 4 && P === S.length) {
    // month and year only
    const pm = `${mParse}${sepText}yyyy`;
    note(dateStart, P, pm, '', '');
    const day = parseDatePart(S.slice(dateStart, P), pm);
    return finishDate(`${prefix}${mTok}${sepText}yyyy`, 'text', YMD, P, false, [day, NaN, NaN], false, weekday);
  }
  if (l2 < 1 || l2 > 2) return null;
  const dayEnd = P;
  const ordinal = scanOrdinal();
  let sep2 = '';
  if (S.charCodeAt(P) === 44) {
    sep2 = ',';
    P++;
  }
  sep = S.charCodeAt(P);
  if (sep !== 32 && !(sep2 === '' && sep === S.charCodeAt(a0 + al))) return null;
  sep2 += String.fromCharCode(sep);
  P++;
  const f3 = P;
  const l3 = digits();
  if (l3 !== 4 && l3 !== 2) return null;
  const yTok = l3 === 4 ? 'yyyy' : 'yy';
  const dTok = ordinal ? 'do' : 'd';
  const pm = `${mParse}${sepText}${dTok}${sep2}${yTok}`;
  note(dateStart, P, pm, '', '');
  const day = parseDatePart(S.slice(dateStart, P), pm);
  void f3;
  void f2;
  void dayEnd;
  return finishDate(`${prefix}${mTok}${sepText}${ordinal ? 'do' : '%d'}${sep2}${yTok}`, 'text', YMD, P, false, [day, NaN, NaN], l2 === 1, weekday);
}

/** `31 Oct 2023`, `31-OCT-2023`, `5 October 2023`, `05-Jan-24` */
function dayMonthName(prefix: string, dateStart: number, f1: number, l1: number, sep: number, weekday: number): ValueClass | null {
  if (l1 < 1 || l1 > 2) return null;
  let ordinal = false;
  if (sep === 32) {
    // `5th January 2024`: the suffix sits between the day and the space, rescan from the day
    P = f1 + l1;
    ordinal = scanOrdinal();
    if (S.charCodeAt(P) !== 32) return null;
    P++;
  }
  const a0 = P;
  const al = alphas();
  const word = S.slice(a0, P).toLowerCase();
  const month = MONTHS.get(word);
  if (month === undefined) return null;
  const mTok = monthToken(word, al);
  const mParse = al > 3 ? 'MMMM' : 'MMM';
  let sep2 = '';
  if (S.charCodeAt(P) === 44 && sep === 32) {
    sep2 = ',';
    P++;
  }
  if (S.charCodeAt(P) !== sep) return null;
  P++;
  const l3 = digits();
  if (l3 !== 4 && l3 !== 2) return null;
  const s = String.fromCharCode(sep);
  const yTok = l3 === 4 ? 'yyyy' : 'yy';
  const pm = `${ordinal ? 'do' : 'd'}${s}${mParse}${sep2}${s}${yTok}`;
  note(dateStart, P, pm, '', '');
  const day = parseDatePart(S.slice(dateStart, P), pm);
  return finishDate(`${prefix}${ordinal ? 'do' : '%d'}${s}${mTok}${sep2}${s}${yTok}`, 'text', YMD, P, false, [day, NaN, NaN], l1 === 1, weekday);
  void f1;
}

// ---------------------------------------------------------------- pure digit strings

export const SHAPE_EPOCH_S = shapeFor('t', 'epoch-s', YMD, true, false);
export const SHAPE_EPOCH_MS = shapeFor('T', 'epoch-ms', YMD, true, false);

/**
 * Compact `yyyyMMdd` / `yyyyMMddHHmmss` digit strings (years 1800–2200). Epoch numbers are not classified
 * here: they are computed arithmetically per value in the accumulator, because they are almost always
 * distinct and caching them would only churn the cache.
 */
export function classifyCompact(value: string): ValueClass | null {
  const n = value.length;
  if (n !== 8 && n !== 14) return null;
  S = value;
  noteWeekday = false;
  tTwelve = false;
  const y = num(0, 4);
  if (y < 1800 || y > 2200) return null;
  note(0, 8, 'yyyyMMdd', '', '');
  const day = parseDatePart(value.slice(0, 8), 'yyyyMMdd');
  if (day !== day) return null;
  let time: TimePart | null = null;
  if (n === 14) {
    if (num(8, 10) > 23 || num(10, 12) > 59 || num(12, 14) > 59) return null;
    time = { template: 'HHmmss', unpaddedHour: false, fracLen: 0, hasZone: false };
  }
  return make(n === 8 ? 'yyyyMMdd' : 'yyyyMMddHHmmss', 'compact', YMD, YMD, day, NaN, NaN, false, time);
}

// ---------------------------------------------------------------- same-skeleton fast path

/** Days per order (YMD, DMY, MDY) written by {@link matchLike}. */
export const LIKE_DAYS = new Int32Array(3);

/**
 * `value` against a datetime class `t` read from another value: 0 when the skeletons differ or the value
 * is not valid (the caller then classifies it the slow way), else the mask of valid orders with the days in
 * LIKE_DAYS. Allocates only the date-part slice.
 */
export function matchLike(value: string, src: string, t: ValueClass): number {
  const n = value.length;
  if (n !== src.length) return 0;
  for (let i = 0; i < n; i++) {
    const a = value.charCodeAt(i);
    const b = src.charCodeAt(i);
    if (a !== b && !(a >= 48 && a <= 57 && b >= 48 && b <= 57)) return 0;
  }
  const f = t.fast!;
  S = value;
  const hour = num(f.hourAt, f.hourAt + f.hourLen);
  if (f.twelve ? hour < 1 || hour > 12 : hour > 23) return 0;
  if (num(f.minAt, f.minAt + 2) > 59) return 0;
  if (f.secAt >= 0 && num(f.secAt, f.secAt + 2) > 59) return 0;
  if (f.offAt >= 0 && num(f.offAt, f.offAt + 2) > 14) return 0;
  if (f.offMinAt >= 0 && num(f.offMinAt, f.offMinAt + 2) > 59) return 0;
  const orders = t.shape.orders;
  let mask = 0;
  if (orders & YMD && f.patterns[0] !== '') {
    const d = likeDay(value, f, 0);
    LIKE_DAYS[0] = d;
    if (d === d) mask |= YMD;
  }
  if (orders & DMY) {
    const d = likeDay(value, f, 1);
    LIKE_DAYS[1] = d;
    if (d === d) mask |= DMY;
  }
  if (orders & MDY) {
    const d = likeDay(value, f, 2);
    LIKE_DAYS[2] = d;
    if (d === d) mask |= MDY;
  }
  return mask;
}

/** parseDatePart of the value's date part in order `i`; numeric parts are read in place (no slice, no cache). */
function likeDay(value: string, f: FastInfo, i: number): number {
  const l = f.layouts[i]!;
  if (l === null) return parseDatePart(value.slice(f.dateStart, f.dateEnd), f.patterns[i]!);
  // numericDayAt() on a value with the layout's skeleton, with the walk over the fields already done
  let y = num(l[0]!, l[0]! + l[1]!);
  if (l[1] === 2) y = twoDigitYear(y);
  const m = num(l[2]!, l[2]! + l[3]!);
  const d = l[4]! < 0 ? 1 : num(l[4]!, l[4]! + l[5]!);
  return numericDay(y, m, d);
}

/**
 * [yearAt, yearLen, monthAt, monthLen, dayAt (-1: none), dayLen] of the numeric date part text[from, n)
 * read with `pattern`, or null where numericDayAt() would leave it to date-fns. numericDayAt() decides that
 * from the separators and digit-run lengths alone, so any value with the same skeleton reads the same way.
 */
function numericLayout(text: string, from: number, n: number, pattern: string): Int32Array | null {
  const p = numericPattern(pattern);
  if (p === null || numericDayAt(text, from, n, p) === undefined) return null;
  const out = new Int32Array([-1, 0, -1, 0, -1, 0]);
  let at = from;
  for (let f = 0; f < p.fields.length; f++) {
    if (f > 0) at++;
    const start = at;
    while (at < n && isDigit(text.charCodeAt(at))) at++;
    const token = p.fields[f]!;
    const slot = token === 'yyyy' || token === 'yy' ? 0 : token === 'M' ? 2 : 4;
    out[slot] = start;
    out[slot + 1] = at - start;
  }
  return out;
}

// ---------------------------------------------------------------- rendering

export interface RenderOptions {
  unpaddedDate: boolean;
  unpaddedHour: boolean;
  fracLen: number;
  /** What `%Z` (a zone written only as `Z`) becomes: X, XX or XXX. */
  zStyle: string;
  /** What `%m` (the month `May`) becomes: MMM or MMMM. */
  monthStyle: string;
}

/** The date-fns pattern of a shape read in `order`. */
export function renderPattern(key: string, order: number, o: RenderOptions): string {
  let t = key;
  const M = o.unpaddedDate ? 'M' : 'MM';
  const d = o.unpaddedDate ? 'd' : 'dd';
  const slot3 = t.indexOf('%3#');
  if (slot3 >= 0) {
    const y = t.charAt(slot3 + 3) === '4' ? 'yyyy' : 'yy';
    const slots = order === YMD ? ['yy', M, d] : order === DMY ? [d, M, y] : [M, d, y];
    t = t.replace('%1', slots[0]!).replace('%2', slots[1]!).replace(/%3#\d/, slots[2]!);
  }
  return t
    .replace('%M', M)
    .replace('%d', d)
    .replace('%H', o.unpaddedHour ? 'H' : 'HH')
    .replace('%h', o.unpaddedHour ? 'h' : 'hh')
    .replace('%S', 'S'.repeat(Math.max(1, o.fracLen)))
    .replace('%Z', o.zStyle)
    .replace('%m', o.monthStyle);
}

// ---------------------------------------------------------------- public, single value

export interface DateClass {
  /** date-fns pattern of this value read in its preferred order. */
  pattern: string;
  /** Padding-insensitive shape key shared by every value of the same format family. */
  family: string;
  /** Calendar date as written, days since 1970-01-01 (preferred order). */
  epochDay: number;
  /** ISO `yyyy-MM-dd` of epochDay. */
  date: string;
  /** Valid in more than one field order (e.g. `03/04/2024`). */
  ambiguous: boolean;
  dayFirstOnly: boolean;
  monthFirstOnly: boolean;
  hasTime: boolean;
  hasZone: boolean;
}

const PREFERRED = [MDY, DMY, YMD];

export function firstOrder(mask: number, preference: readonly number[] = PREFERRED): number {
  for (const o of preference) if (mask & o) return o;
  return mask & YMD ? YMD : mask & DMY ? DMY : MDY;
}

export function dayIn(v: ValueClass, order: number): number {
  return order === YMD ? v.dayYMD : order === DMY ? v.dayDMY : v.dayMDY;
}

const VALUE_GENERATION = 65_536;
/**
 * Placeholders that are not dates and should not count against a column's date share (the missing-values
 * detector reports them; here they only leave the denominator).
 */
const NULL_TOKENS = new Set(['na', 'n/a', 'n.a.', '#n/a', 'null', 'none', 'nil', 'nan', 'nat', '-', '--', '?', 'unknown', 'missing', 'tbd', 'not available', 'invalid date']);
const NULL_TOKEN_STARTS = new Set([...NULL_TOKENS].map((t) => t.charCodeAt(0) | 32));
/** Cache answer for a null placeholder. */
export const NULL_TOKEN = 0;
/**
 * Distinct value → class or NULL_TOKEN. Bounded (two generations, see bounded-cache.ts).
 * Only values that tend to repeat are kept: dates without a time of day, and placeholders. Datetimes are
 * mostly distinct and non-dates are rejected within a few characters, so caching them would only fill the
 * old generation (measured: a cache churning on distinct timestamps spent most of its time in GC); their
 * date part is still parsed by date-fns once per distinct date (parseDatePart).
 */
const valueCache = new TwoGenerationCache<string, ValueClass | typeof NULL_TOKEN>(VALUE_GENERATION);

export function classifyTrimmedCached(value: string): ValueClass | null | typeof NULL_TOKEN {
  const hit = valueCache.get(value);
  if (hit !== undefined) return hit;
  const v = isDigit(value.charCodeAt(value.length - 1)) && /^\d+$/.test(value) ? classifyCompact(value) : classifyText(value);
  if (v === null) {
    if (value.length <= 13 && NULL_TOKEN_STARTS.has(value.charCodeAt(0) | 32) && NULL_TOKENS.has(value.toLowerCase())) {
      valueCache.set(value, NULL_TOKEN);
      return NULL_TOKEN;
    }
    return null;
  }
  if (!v.shape.hasTime) {
    valueCache.set(value, v);
  }
  return v;
}

/**
 * One value on its own. Without a column there is no evidence for the field order of `03/04/2024`
 * (reported as month-first with `ambiguous: true`) and no column name to admit epoch numbers, so pure
 * integers other than `yyyyMMdd` give null here; the accumulator handles both.
 */
export function classifyDate(value: string): DateClass | null {
  const t = value.trim();
  if (t.length === 0) return null;
  const v = classifyTrimmedCached(t);
  if (v === null || v === NULL_TOKEN || v.mask === 0) return null;
  // dotted numeric dates are day-first wherever they are written (as in the accumulator's default rules)
  const order = firstOrder(v.mask, v.shape.key.includes('%1.%2.') ? [DMY, MDY, YMD] : PREFERRED);
  const epochDay = dayIn(v, order);
  return {
    pattern: renderPattern(v.shape.key, order, { unpaddedDate: v.unpaddedDate, unpaddedHour: v.unpaddedHour, fracLen: v.fracLen, zStyle: 'XXX', monthStyle: 'MMM' }),
    family: v.shape.key,
    epochDay,
    date: dayToIso(epochDay),
    ambiguous: (v.mask & (v.mask - 1)) !== 0,
    dayFirstOnly: (v.shape.orders & DMY) !== 0 && (v.mask & DMY) !== 0 && (v.mask & MDY) === 0,
    monthFirstOnly: (v.shape.orders & MDY) !== 0 && (v.mask & MDY) !== 0 && (v.mask & DMY) === 0,
    hasTime: v.shape.hasTime,
    hasZone: v.shape.hasZone,
  };
}
