/**
 * Per-cell encodings for the duplicate detector, computed while rows stream through `addRow`, before
 * column types are known. Every cell becomes:
 *
 *  - a contribution to the row's 64-bit exact hash (two 32-bit multiplicative hashes over the parsed text,
 *    so a re-quoted copy of a row hashes the same), and
 *  - one 32-bit "near word" that is type-agnostic:
 *      0                      empty / whitespace / a missing-value sentinel ("-", "null", "n/a", …)
 *      bit31 = 1              a number or a date: bit30 = date, bits 0..29 = float32 bits >>> 2 of the
 *                             value (dates as days since 1970-01-01, datetimes with the time as a fraction)
 *      bit31 = 0, bit30 = 1   digits only (phone numbers, codes, integers): 14-bit hash + 16-bit bigram bloom
 *      bit31 = 0, non-zero    a text value: a 30-bit bloom of the character bigrams inside each token of the
 *                             normalized text (lower case, punctuation as separator, common address
 *                             abbreviations folded: "Street" and "St." give the same bits). Token order does
 *                             not matter, so "Noah Watson" equals "Watson Noah". Digit-only values and
 *                             phone numbers are reduced to their digits (last 10) first, so "310/246-1501"
 *                             equals "(310) 246 1501".
 *
 * Equal words mean "the same after normalization" (the bloom can also equal for a few near-identical
 * strings, which is the right answer here); popcount(a&b)/popcount(a|b) is a cheap Jaccard estimate of
 * the bigram sets, used to grade 1–2 character typos.
 *
 * Written by hand rather than with a hashing library: the work per cell is a few integer multiplies over
 * the characters and must not allocate (the GUIDE measured that calling a wasm hash per short cell costs
 * more than hashing in plain JS).
 */

export const NUMERIC_FLAG = 0x80000000;
export const DATE_FLAG = 0x40000000;
/** On a non-numeric word: a digit string (bits 16..29 hash of the digits, bits 0..15 their bigram bloom). */
export const DIGITS_FLAG = 0x40000000;
const BLOOM_BITS = 30;
const DIGIT_BLOOM_BITS = 16;

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Encode a number (or, with isDate, a day count) as a near word: float32 without its 2 lowest mantissa bits. */
export function numericWord(value: number, isDate = false): number {
  f32[0] = value;
  return (NUMERIC_FLAG | (isDate ? DATE_FLAG : 0) | (u32[0]! >>> 2)) >>> 0;
}

/** Decode a near word written by numericWord. */
export function wordToNumber(word: number): number {
  u32[0] = (word << 2) >>> 0;
  return f32[0]!;
}

export function isDateWord(word: number): boolean {
  return (word & (NUMERIC_FLAG | DATE_FLAG)) === (NUMERIC_FLAG | DATE_FLAG);
}

export function isNumericWord(word: number): boolean {
  return (word & NUMERIC_FLAG) !== 0;
}

export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Jaccard estimate of two text words' bigram sets (1 when equal). */
export function bloomJaccard(a: number, b: number): number {
  if (a === b) return 1;
  const da = a & DIGITS_FLAG, db = b & DIGITS_FLAG;
  if (da !== db) return 0;
  if (da !== 0) {
    a &= 0xffff;
    b &= 0xffff;
  }
  const union = popcount32(a | b);
  return union === 0 ? 0 : popcount32(a & b) / union;
}

// ---------------------------------------------------------------------------------------------------------
// Abbreviations: the long form's token hash maps to the bigram bits of the short form.

function tokenHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function bigramHash(prev: number, cur: number): number {
  let h = Math.imul((prev << 16) ^ cur, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  return h >>> 16;
}

function bigramBit(prev: number, cur: number): number {
  // Multiply-shift range reduction to 0..29: `%` on a uint32 compiles to a slow float modulo in V8.
  return 1 << ((bigramHash(prev, cur) * BLOOM_BITS) >>> 16);
}

/** Bits for a whole token, with start and end markers (code 1 and 2) so short tokens still set bits. */
function tokenBits(s: string): number {
  let bits = 0;
  let prev = 1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    bits |= bigramBit(prev, c);
    prev = c;
  }
  return bits | bigramBit(prev, 2);
}

const ABBREVIATIONS: Record<string, string> = {
  street: 'st', road: 'rd', avenue: 'ave', av: 'ave', drive: 'dr', lane: 'ln', court: 'ct', place: 'pl',
  boulevard: 'blvd', blv: 'blvd', crescent: 'cres', circuit: 'cct', terrace: 'tce', highway: 'hwy',
  parade: 'pde', square: 'sq', mount: 'mt', north: 'n', south: 's', east: 'e', west: 'w',
  apartment: 'apt', suite: 'ste', company: 'co', corporation: 'corp', incorporated: 'inc', limited: 'ltd',
  saint: 'st', parkway: 'pkwy', expressway: 'expy', circle: 'cir', building: 'bldg', floor: 'fl',
  junior: 'jr', senior: 'sr', doctor: 'dr', mister: 'mr', and: '&',
};

const ABBREV_BITS = new Map<number, number>();
for (const [long, short] of Object.entries(ABBREVIATIONS)) {
  ABBREV_BITS.set(tokenHash(long) & 0x3fffffff, tokenBits(short));
  ABBREV_BITS.set(tokenHash(short) & 0x3fffffff, tokenBits(short));
}

const SENTINELS = new Set(['-', '--', '?', 'null', 'n/a', 'na', 'none', 'nan', 'nil', '#n/a', 'missing', 'unknown']);

// ---------------------------------------------------------------------------------------------------------
// Dates and numbers.

function daysFromCivil(y: number, m: number, d: number): number {
  // Howard Hinnant's days_from_civil, proleptic Gregorian.
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12,
};

const ISO_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DMY_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const NAMED_DATE = /^(?:([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})|(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4}))$/;
const INTEGRAL_DECIMAL = /^[+-]?\d+\.0+$/;
const DECIMAL = /^[+-]?[$€£¥]?\s?(?:\d{1,3}(?:,\d{3})+|\d+)?\.\d+$|^[+-]?[$€£¥]?\s?\d{1,3}(?:,\d{3})+$/;

function validYmd(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1000 && y <= 2999;
}

function timeFraction(h: string | undefined, mi: string | undefined, s: string | undefined): number {
  if (h === undefined) return 0;
  return (Number(h) * 3600 + Number(mi ?? 0) * 60 + Number(s ?? 0)) / 86400;
}

/** Days since epoch for a date-looking text, or NaN. Slash dates: D/M/Y when the first part > 12, else M/D/Y. */
export function parseDateDays(text: string): number {
  let m = ISO_DATE.exec(text);
  if (m) {
    const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
    return validYmd(y, mo, d) ? daysFromCivil(y, mo, d) + timeFraction(m[4], m[5], m[6]) : NaN;
  }
  m = DMY_DATE.exec(text);
  if (m) {
    const a = Number(m[1]), b = Number(m[2]);
    let y = Number(m[3]);
    if (m[3]!.length === 2) y += y < 50 ? 2000 : 1900;
    const [mo, d] = a > 12 ? [b, a] : [a, b];
    return validYmd(y, mo, d) ? daysFromCivil(y, mo, d) + timeFraction(m[4], m[5], m[6]) : NaN;
  }
  m = NAMED_DATE.exec(text.toLowerCase());
  if (m) {
    const mo = MONTHS[(m[1] ?? m[5])!];
    const d = Number(m[2] ?? m[4]);
    const y = Number(m[3] ?? m[6]);
    return mo !== undefined && validYmd(y, mo, d) ? daysFromCivil(y, mo, d) : NaN;
  }
  return NaN;
}

// ---------------------------------------------------------------------------------------------------------

/** Dates, decimals and phone numbers repeat: parse each distinct text once (bounded; cleared when full). */
const numberCache = new Map<string, number>();

/**
 * The near word of one cell (see the file comment). Classifies with one scan over the characters; only
 * cells that look like numbers or dates go through a regular expression.
 */
export function nearWord(cell: string | null): number {
  if (cell === null) return 0;
  const n = cell.length;
  let digits = 0, letters = 0, others = 0, spaces = 0;
  for (let i = 0; i < n; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c >= 128) letters++;
    else if (c === 32 || c === 9) spaces++;
    else others++;
  }
  if (digits === 0 && letters === 0) return 0;
  if (letters === 0) {
    if (n === 10 && others === 2 && cell.charCodeAt(4) === 45 && cell.charCodeAt(7) === 45) {
      // yyyy-mm-dd, the most common date text: read it straight from the character codes.
      const y = digitAt(cell, 0) * 1000 + digitAt(cell, 1) * 100 + digitAt(cell, 2) * 10 + digitAt(cell, 3);
      const mo = digitAt(cell, 5) * 10 + digitAt(cell, 6), d = digitAt(cell, 8) * 10 + digitAt(cell, 9);
      if (validYmd(y, mo, d)) return numericWord(daysFromCivil(y, mo, d), true);
    }
    const t = spaces > 0 ? cell.trim() : cell;
    if (others > 0) {
      // Phone numbers and codes ("(615) 214-9791", "579-52-7298") are mostly distinct: memoizing them
      // cost a string hash and a Map entry each, for nothing, and the date and decimal patterns cannot
      // match them anyway.
      if (plainDigitText(t)) return digitsWord(t);
      let w = numberCache.get(t);
      if (w === undefined) {
        w = punctuatedDigitsWord(t);
        if (numberCache.size >= 65536) numberCache.clear();
        numberCache.set(t, w);
      }
      return w;
    }
    return digitsWord(t);
  }
  if (digits >= 5 && digits <= 6 && letters >= 3 && letters <= 11 && n <= 30) {
    const days = parseDateDays(cell.trim());
    if (days === days) return numericWord(days, true);
  }
  return textWord(cell);
}

/** The word of a text without letters, with other characters than digits and blanks (no memo). */
export function punctuatedDigitsWord(t: string): number {
  const days = parseDateDays(t);
  if (days === days) return numericWord(days, true);
  if (INTEGRAL_DECIMAL.test(t)) return digitsWord(t.slice(0, t.indexOf('.'))); // "1999.0" as exported by pandas
  if (DECIMAL.test(t)) return numericWord(Number(t.replace(/[^0-9.+-]/g, '')));
  return digitsWord(t);
}

/**
 * True when no date or decimal pattern can match t (a text without letters), so that its word is
 * digitsWord(t): t starts with "(", or the digits it starts with (after a "+", if any) are followed by
 * a character that continues neither a date (yyyy or d or dd, then - / ., and no sign) nor a decimal
 * (. or ,). The patterns need a digit, a sign, a currency sign, a blank or a point first, and a name
 * of a month needs letters.
 */
export function plainDigitText(t: string): boolean {
  const first = t.charCodeAt(0);
  if (first === 40) return true;
  // "+1 503 …", "+44-20-…": a sign rules out a date; a decimal still needs . or , after the digits.
  const from = first === 43 ? 1 : 0;
  let k = from;
  while (k < t.length && t.charCodeAt(k) >= 48 && t.charCodeAt(k) <= 57) k++;
  if (k === from || k === t.length) return false;
  const c = t.charCodeAt(k);
  if (c === 46 || c === 44) return false;
  if (from === 0 && (c === 45 || c === 47) && (k <= 2 || k === 4)) return false;
  return true;
}

function digitAt(s: string, i: number): number {
  return s.charCodeAt(i) - 48;
}

/** Digits only (phone numbers, codes, plain integers): bigrams of the last 10 digits. */
export function digitsWord(t: string): number {
  let count = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) count++;
  }
  const skip = count > 10 ? count - 10 : 0;
  // Only 100 digit bigrams exist, so a bloom alone would make many different numbers equal: the word
  // carries a 14-bit hash of the digits for identity and a 16-bit bigram bloom for typos.
  let seen = 0, prev = 1, bits = 0, h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    if (seen++ < skip) continue;
    bits |= 1 << ((bigramHash(prev, c) * DIGIT_BLOOM_BITS) >>> 16);
    h = Math.imul(h ^ c, 0x01000193);
    prev = c;
  }
  bits |= 1 << ((bigramHash(prev, 2) * DIGIT_BLOOM_BITS) >>> 16);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (DIGITS_FLAG | ((h >>> 18) << 16) | bits) >>> 0;
}

/** Text: lower-cased alphanumeric tokens, abbreviations folded, bigram bloom per token OR-ed together. */
function textWord(cell: string): number {
  let bits = 0, tok = 0, tokH = 0x811c9dc5, tokLen = 0, tokLetters = 0, prev = 1;
  const n = cell.length;
  for (let i = 0; i <= n; i++) {
    let c = i < n ? cell.charCodeAt(i) : 32;
    if (c >= 65 && c <= 90) c += 32;
    else if (c >= 128) c = foldNonAscii(c);
    const alnum = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c >= 128;
    if (c === 64 && i < n) {
      // E-mail: the domain is shared by many unrelated people, so it adds one bit, not a dozen bigrams
      // that would make every two addresses at the same provider look alike.
      if (tokLen > 0) bits |= flushToken(tok, tokH, tokLen, tokLetters, prev);
      let dh = 0x811c9dc5;
      for (let k = i + 1; k < n; k++) dh = Math.imul(dh ^ (cell.charCodeAt(k) | 32), 0x01000193);
      dh ^= dh >>> 15;
      dh = Math.imul(dh, 0x85ebca6b);
      bits |= 1 << (((dh >>> 16) * BLOOM_BITS) >>> 16);
      return bits >>> 0;
    }
    if (alnum && tokLen > 0 && (c <= 57) !== (tokLetters === 0)) {
      // Letters and digits run together ("taylor77623", "flat3b") are separate tokens, so the number
      // is hashed as a whole rather than lost among the letters' bigrams.
      bits |= flushToken(tok, tokH, tokLen, tokLetters, prev);
      tok = 0; tokH = 0x811c9dc5; tokLen = 0; tokLetters = 0; prev = 1;
    }
    if (alnum) {
      tok |= bigramBit(prev, c);
      tokH = Math.imul(tokH ^ c, 0x01000193);
      if (c > 57) tokLetters++;
      tokLen++;
      prev = c;
    } else if (tokLen > 0) {
      bits |= flushToken(tok, tokH, tokLen, tokLetters, prev);
      tok = 0; tokH = 0x811c9dc5; tokLen = 0; tokLetters = 0; prev = 1;
    }
  }
  if (bits !== 0 && bits === SENTINEL_BITS.get(bits)) {
    // A lone missing-value sentinel ("null", "n/a", …) carries no identity.
    const t = cell.trim().toLowerCase();
    if (SENTINELS.has(t)) return 0;
  }
  return bits >>> 0;
}

/** The bits one finished token adds to a text word. */
function flushToken(tok: number, tokH: number, tokLen: number, tokLetters: number, prev: number): number {
  if (tokLetters === 0) {
    // A number inside text (house number, the digits of an e-mail name): digit bigrams are few and land
    // on bits the words already set, so the number sets 3 bits from a hash of all its digits.
    let h = tokH ^ (tokH >>> 15);
    h = Math.imul(h, 0x85ebca6b);
    let bits = (1 << (((h >>> 16) * BLOOM_BITS) >>> 16)) | (1 << (((h & 0xffff) * BLOOM_BITS) >>> 16));
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    bits |= 1 << (((h >>> 16) * BLOOM_BITS) >>> 16);
    return bits;
  }
  const abbrev = tokLen <= 12 ? ABBREV_BITS.get(tokH & 0x3fffffff) : undefined;
  return abbrev ?? (tok | bigramBit(prev, 2));
}

const SENTINEL_BITS = new Map<number, number>();
for (const s of SENTINELS) {
  const w = textWordNoSentinel(s);
  if (w !== 0) SENTINEL_BITS.set(w, w);
}
function textWordNoSentinel(s: string): number {
  let bits = 0;
  for (const t of s.split(/[^a-z0-9]+/)) if (t) bits |= tokenBits(t);
  return bits >>> 0;
}

const foldCache = new Map<number, number>();
/** Lower-case and strip accents from one non-ASCII code unit (cached: few distinct ones occur). */
function foldNonAscii(c: number): number {
  let f = foldCache.get(c);
  if (f === undefined) {
    const s = String.fromCharCode(c).normalize('NFD').toLowerCase();
    f = s.charCodeAt(0);
    if (foldCache.size < 4096) foldCache.set(c, f);
  }
  return f;
}
