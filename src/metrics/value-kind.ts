/**
 * Classifies one non-missing text value into the type lattice used for inference. Cheap checks on the
 * first characters come first, so that free text is rejected without running every pattern.
 */
export const enum ValueKind {
  Integer = 0,
  Decimal = 1,
  Boolean = 2,
  Date = 3,
  DateTime = 4,
  String = 5,
}

export const VALUE_KIND_NAMES = ['integer', 'decimal', 'boolean', 'date', 'datetime', 'string'] as const;
export type TypeName = (typeof VALUE_KIND_NAMES)[number];

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?$/;
const BOOLEANS = new Set(['true', 'false', 'yes', 'no', 'y', 'n', 't', 'f']);

// Date shapes: ISO, slashed/dotted/dashed numeric, and month names. Datetimes add a time part.
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const NUMERIC_DATE = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})$/;
const NAMED_DATE =
  /^(?:\d{1,2}[ -](?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[ -,]+\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4})$/i;
const DATETIME =
  /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*(?:[AaPp][Mm])?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real Gregorian calendar day (proleptic; any year). */
export function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

function isDate(v: string): boolean {
  let m = ISO_DATE.exec(v);
  if (m) return validYmd(+m[1]!, +m[2]!, +m[3]!);
  m = NUMERIC_DATE.exec(v);
  if (m) {
    const a = m[1]!;
    const c = m[4]!;
    const b = +m[3]!;
    if (a.length === 4) return validYmd(+a, b, +c); // yyyy/MM/dd
    if (c.length !== 4 && c.length !== 2) return false;
    const y = c.length === 2 ? 2000 + +c : +c;
    // Either day-first or month-first must be a real date.
    return validYmd(y, b, +a) || validYmd(y, +a, b);
  }
  return NAMED_DATE.test(v);
}

export function classifyValue(v: string): ValueKind {
  const c = v.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    // every distinct date or number of a column comes here: up to five regexes (and a match array) each
    const k = digitLedKind(v);
    if (k >= 0) return k;
  }
  return classifyValueByRegex(v);
}

/**
 * The regex definition of {@link classifyValue}, and its answer wherever digitLedKind() declines. The
 * patterns above stay the specification; test/unit/metrics/value-kind-fast.test.ts checks the two agree.
 */
export function classifyValueByRegex(v: string): ValueKind {
  const c = v.charCodeAt(0);
  const digitStart = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46; // 0-9 + - .
  if (digitStart) {
    if (INTEGER.test(v)) {
      // Eight digits may be yyyyMMdd, but an integer column is the more useful reading.
      return ValueKind.Integer;
    }
    if (DECIMAL.test(v)) return ValueKind.Decimal;
    if (v.length >= 6 && v.length <= 40) {
      if (DATETIME.test(v)) return ValueKind.DateTime;
      if (isDate(v)) return ValueKind.Date;
    }
    return ValueKind.String;
  }
  if (v.length <= 5 && BOOLEANS.has(v.toLowerCase())) return ValueKind.Boolean;
  if (v.length >= 8 && v.length <= 20 && NAMED_DATE.test(v)) return ValueKind.Date;
  return ValueKind.String;
}

const isD = (c: number): boolean => c >= 48 && c <= 57;
/** Length of the digit run starting at `i`. */
function run(v: string, i: number): number {
  let j = i;
  while (j < v.length && isD(v.charCodeAt(j))) j++;
  return j - i;
}
/** `\s*` at `i` over ASCII white space; -1 at a non-ASCII character (it might be Unicode white space). */
function spaces(v: string, i: number): number {
  let j = i;
  for (; j < v.length; j++) {
    const c = v.charCodeAt(j);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c >= 128) return -1;
    break;
  }
  return j;
}

/**
 * classifyValueByRegex() for a value starting with a digit, sign or dot, written out by hand: INTEGER, DECIMAL,
 * DATETIME and the numeric forms of isDate() read as the regexes read them (each is deterministic, so a
 * single left-to-right pass decides). -1 where it declines: a non-ASCII character where `\s` might match,
 * and any value that reaches NAMED_DATE with a character that could belong to a month name.
 */
export function digitLedKind(v: string): number {
  const n = v.length;
  let i = 0;
  const c0 = v.charCodeAt(0);
  if (c0 === 43 || c0 === 45) i = 1;
  const intLen = run(v, i);
  i += intLen;
  if (intLen > 0 && i === n) return ValueKind.Integer;
  // DECIMAL: (\d+\.\d*|\.\d+|\d+) then an optional exponent, then the end
  let mantissa = intLen > 0;
  if (v.charCodeAt(i) === 46) {
    const f = run(v, i + 1);
    mantissa = intLen > 0 || f > 0;
    i += 1 + f;
  }
  if (mantissa) {
    if (i === n) return ValueKind.Decimal;
    const e = v.charCodeAt(i);
    if (e === 101 || e === 69) {
      let k = i + 1;
      const s = v.charCodeAt(k);
      if (s === 43 || s === 45) k++;
      const x = run(v, k);
      if (x > 0 && k + x === n) return ValueKind.Decimal;
    }
  }
  if (n < 6 || n > 40) return ValueKind.String;
  const dt = datetimeShape(v);
  if (dt !== 0) return dt > 0 ? ValueKind.DateTime : -1;
  // isDate: ISO_DATE is the four-digit-year case of NUMERIC_DATE, with the same answer
  const l1 = run(v, 0);
  const sep = v.charCodeAt(l1);
  if (l1 >= 1 && l1 <= 4 && (sep === 47 || sep === 46 || sep === 45)) {
    const l2 = run(v, l1 + 1);
    const e2 = l1 + 1 + l2;
    if (l2 >= 1 && l2 <= 2 && v.charCodeAt(e2) === sep) {
      const l3 = run(v, e2 + 1);
      if (l3 >= 1 && l3 <= 4 && e2 + 1 + l3 === n) {
        const a = num(v, 0, l1);
        const b = num(v, l1 + 1, e2);
        const c = num(v, e2 + 1, n);
        if (l1 === 4) return validYmd(a, b, c) ? ValueKind.Date : ValueKind.String;
        if (l3 !== 4 && l3 !== 2) return ValueKind.String;
        const y = l3 === 2 ? 2000 + c : c;
        return validYmd(y, b, a) || validYmd(y, a, b) ? ValueKind.Date : ValueKind.String;
      }
    }
  }
  // NAMED_DATE needs letters (case-insensitive, so leave anything from `A` up, and non-ASCII, to the regex)
  for (let j = 0; j < n; j++) if (v.charCodeAt(j) >= 65) return -1;
  return ValueKind.String;
}

function num(v: string, from: number, to: number): number {
  let x = 0;
  for (let j = from; j < to; j++) x = x * 10 + v.charCodeAt(j) - 48;
  return x;
}

/** DATETIME.test(v): 1 when it matches, 0 when it does not, -1 when a non-ASCII character leaves it open. */
function datetimeShape(v: string): number {
  const n = v.length;
  const l1 = run(v, 0);
  let p = l1;
  const s1 = v.charCodeAt(p);
  const iso = l1 === 4 && s1 === 45;
  if (!iso && !(l1 >= 1 && l1 <= 2 && (s1 === 47 || s1 === 46))) return 0;
  const l2 = run(v, ++p);
  p += l2;
  const s2 = v.charCodeAt(p);
  if (l2 < 1 || l2 > 2 || (iso ? s2 !== 45 : s2 !== 47 && s2 !== 46)) return 0;
  const l3 = run(v, ++p);
  p += l3;
  if (iso ? l3 < 1 || l3 > 2 : l3 < 2 || l3 > 4) return 0;
  const t = v.charCodeAt(p);
  if (t !== 84 && t !== 32) return 0;
  const h = run(v, ++p);
  p += h;
  if (h < 1 || h > 2 || v.charCodeAt(p) !== 58) return 0;
  const m = run(v, ++p);
  p += m;
  if (m !== 2) return 0;
  if (v.charCodeAt(p) === 58) {
    const s = run(v, ++p);
    p += s;
    if (s !== 2) return 0;
    const f = v.charCodeAt(p);
    if (f === 46 || f === 44) {
      const fl = run(v, ++p);
      p += fl;
      if (fl < 1 || fl > 9) return 0;
    }
  }
  p = spaces(v, p);
  if (p < 0) return -1;
  const a = v.charCodeAt(p) | 32;
  if ((a === 97 || a === 112) && (v.charCodeAt(p + 1) | 32) === 109) p += 2;
  p = spaces(v, p);
  if (p < 0) return -1;
  if (p === n) return 1;
  const z = v.charCodeAt(p);
  if (z === 90) return p + 1 === n ? 1 : 0;
  if (z === 43 || z === 45) {
    if (run(v, p + 1) < 2) return 0;
    p += 3;
    if (v.charCodeAt(p) === 58) p++;
    return run(v, p) === 2 && p + 2 === n ? 1 : 0;
  }
  const rest = v.slice(p);
  return rest === 'UTC' || rest === 'GMT' ? 1 : 0;
}

/** Number of Unicode code points, without allocating an array. */
export function codePointLength(v: string): number {
  let n = v.length;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      n--;
      i++;
    }
  }
  return n;
}
