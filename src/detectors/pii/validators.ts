import { isIPv4, isIPv6 } from 'node:net';
// Two validators by path: the package root loads all of validator.js (~50 ms per worker isolate). They are
// CommonJS modules; `.default` is how TypeScript types their export under NodeNext, and it is set at run time.
import validatorIsEmail from 'validator/lib/isEmail.js';
import validatorIsLuhnNumber from 'validator/lib/isLuhnNumber.js';
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { GIVEN_NAMES, NON_PERSON_WORDS, PO_BOX, STREET_WORDS, SURNAMES_SET } from './dictionaries.js';

/**
 * Value-level tests. classifyValue() turns one distinct value into a bit set of the forms it passes; the
 * column decision (evidence.ts) works on the shares of those bits. Every test validates, not only matches:
 * Luhn + issuer length for cards, mod-97 for IBAN, SSA area/group/serial rules for SSNs, libphonenumber's
 * full metadata for phones, node:net for IPs, validator.js for e-mail.
 */
export const F = {
  NULLISH: 1 << 0,
  EMAIL: 1 << 1,
  PHONE: 1 << 2, // valid and written like a phone number (separators, parentheses or +)
  PHONE_PLAIN: 1 << 3, // valid, but a bare digit string (weak: random 10-digit ids pass often)
  PHONE_POSSIBLE: 1 << 29, // written like a phone number, possible length, not a valid number
  SSN: 1 << 4, // ddd-dd-dddd / ddd dd dddd passing SSA rules
  SSN_PLAIN: 1 << 5, // nine bare digits passing SSA rules (weak)
  NATID_LIKE: 1 << 6, // 6–11 bare digits other than 9: another national id, when the column name says so
  CARD: 1 << 7,
  IBAN: 1 << 8,
  IPV4: 1 << 9,
  IPV6: 1 << 10,
  IP_SMALL: 1 << 11, // IPv4 whose four parts are all < 32: looks like a version string (10.2.3.4)
  NAME_DICT: 1 << 12, // name-shaped and a token is a known given name or surname
  NAME_SHAPE: 1 << 13, // 1–4 alphabetic tokens, no digits
  ADDR_STREET: 1 << 14, // a number and a street-type word, or a PO box
  ADDR_WORD: 1 << 15, // a street-type word among several words, no number
  ANY_TEXT: 1 << 16, // not empty (any content): used only when the column name is explicit
  DATE: 1 << 17, // a calendar date with a year in 1870..2030
  YEAR: 1 << 18, // a bare year 1870..2030
  POSTAL_ALPHA: 1 << 19, // UK, Canadian, Dutch postcode forms
  POSTAL_ZIP4: 1 << 20, // US ZIP+4
  POSTAL_NUM: 1 << 21, // 4–6 digits, or nn-nnn / nnnn-nnn / nnnnn-nnn / nnn-nnnn
  PASSPORT_LIKE: 1 << 22,
  ICD10: 1 << 23,
  ICD10_DOTTED: 1 << 24,
  MRN_LIKE: 1 << 25,
  FREE_TEXT: 1 << 26, // prose: scanned for embedded PII
  TEXTUAL: 1 << 27, // has a letter
  ADDR_LOOSE: 1 << 30, // could be an address part: 3+ letters, a house number, or letters with digits
  NAME_FULL: 1 << 28, // 2–4 capitalised tokens (particles and initials allowed), no organisation words
} as const;

export interface ClassifyContext {
  phoneCountry: CountryCode;
  nullTokens: ReadonlySet<string>;
}

// ---- individual validators (exported for tests and for the embedded scan) ----

/** SSA rules: area not 000, 666 or 900–999; group not 00; serial not 0000. */
export function isValidSsnDigits(area: number, group: number, serial: number): boolean {
  return area !== 0 && area !== 666 && area < 900 && group !== 0 && serial !== 0;
}

const SSN_SHAPED = /^(\d{3})([- ])(\d{2})\2(\d{4})$/;

export function isSsn(v: string): boolean {
  const m = SSN_SHAPED.exec(v);
  if (m !== null) return isValidSsnDigits(+m[1]!, +m[3]!, +m[4]!);
  if (v.length === 9 && /^\d{9}$/.test(v)) return isValidSsnDigits(+v.slice(0, 3), +v.slice(3, 5), +v.slice(5));
  return false;
}

/**
 * Issuer (IIN) prefixes and the lengths each issues. Hand-written because validator.isCreditCard knows only
 * seven networks (no Maestro, Solo, Switch, Laser, Bankcard, InstaPayment, Mir: real card columns hold
 * those) and its Mastercard pattern is not anchored on length. Luhn itself comes from validator.
 */
function issuerLengthOk(d: string): boolean {
  const n = d.length;
  const p1 = d.charCodeAt(0) - 48;
  const p2 = +d.slice(0, 2);
  const p3 = +d.slice(0, 3);
  const p4 = +d.slice(0, 4);
  switch (p1) {
    case 2:
      if (p4 >= 2221 && p4 <= 2720) return n === 16; // Mastercard 2-series
      if (p4 >= 2200 && p4 <= 2204) return n >= 16 && n <= 19; // Mir
      return false;
    case 3:
      if (p2 === 34 || p2 === 37) return n === 15; // Amex
      if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19; // JCB
      if ((p3 >= 300 && p3 <= 305) || p4 === 3095 || p2 === 36 || p2 === 38 || p2 === 39) return n >= 14 && n <= 19; // Diners
      return false;
    case 4:
      return n === 13 || n === 16 || n === 18 || n === 19; // Visa, Visa Electron, Switch
    case 5:
      if (p2 >= 51 && p2 <= 55) return n === 16; // Mastercard
      if (p4 === 5610 || (+d.slice(0, 6) >= 560221 && +d.slice(0, 6) <= 560225)) return n === 16; // Bankcard
      return p2 === 50 || p2 >= 56 ? n >= 12 && n <= 19 : false; // Maestro
    case 6:
      return n >= 12 && n <= 19; // Discover, UnionPay, Maestro, Solo, Switch, Laser, InstaPayment
    case 8:
      return p2 === 81 && n >= 16 && n <= 19; // UnionPay 81
    default:
      return false;
  }
}

export function isCreditCardNumber(v: string): boolean {
  const d = v.replace(/[ -]/g, '');
  if (d.length < 12 || d.length > 19 || !/^\d+$/.test(d)) return false;
  return issuerLengthOk(d) && validatorIsLuhnNumber.default(d);
}

export function isIban(v: string): boolean {
  const e = electronicFormatIBAN(v);
  return e !== null && isValidIBAN(e);
}

export function isEmail(v: string): boolean {
  return v.length <= 254 && validatorIsEmail.default(v);
}

const PHONE_EXTENSION = /\s*(?:x|ext\.?|#)\s*\d{1,6}$/i;
const PHONE_CHARS = /^\+?[\d\s().\-/]{6,24}(?:\s*(?:x|ext\.?|#)\s*\d{1,6})?$/i;

/**
 * 0 = not a phone number; 1 = valid (libphonenumber, full metadata) and written like one (separators,
 * parentheses or +); 2 = valid but bare digits; 3 = written like a phone number with a possible length but
 * not a valid number (test data and fakers often use unassigned area codes: evidence only with a phone name).
 */
export function phoneForm(v: string, country: CountryCode): 0 | 1 | 2 | 3 {
  if (!PHONE_CHARS.test(v)) return 0;
  const main = v.replace(PHONE_EXTENSION, '');
  let digits = 0;
  for (let i = 0; i < main.length; i++) {
    const c = main.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  if (digits < 7 || digits > 15) return 0;
  const formatted = digits !== v.length;
  // libphonenumber costs ~10–20 µs a call; skip it where it must say no: a national NANP number has 10
  // digits (11 with the trunk 1) and its area code and exchange start with 2–9
  if (v.charCodeAt(0) !== 43 /* + */ && (country === 'US' || country === 'CA')) {
    // trunk prefix 1, or the international prefix 00/011 followed by the country code 1
    const d = main.replace(/\D/g, '').replace(/^(?:00|011)(?=1\d{10}$)/, '');
    const national = d.length === 11 && d.charCodeAt(0) === 49 ? d.slice(1) : d;
    if (national.length !== 10) return 0;
    if (national.charCodeAt(0) < 50 || national.charCodeAt(3) < 50) return formatted && NANP_SHAPE.test(v) ? 3 : 0;
    // In libphonenumber's metadata the validity of a 10-digit NANP number depends on its first six digits
    // (area code + exchange) only: checked on 3000 random prefixes × 6 line numbers, no exception. So the
    // verdict is cached on those six digits (an exact cache, bounded).
    const key = country + national.slice(0, 6);
    let valid = NANP_VALID.get(key);
    if (valid === undefined) {
      const p = parsePhoneNumberFromString(national, country);
      valid = p !== undefined && p.isValid();
      if (NANP_VALID.size >= 50_000) NANP_VALID.clear();
      NANP_VALID.set(key, valid);
    }
    return valid ? (formatted ? 1 : 2) : formatted ? 3 : 0;
  }
  const p = parsePhoneNumberFromString(v, country);
  if (p !== undefined && p.isValid()) return formatted ? 1 : 2;
  return formatted && p !== undefined && p.isPossible() ? 3 : 0;
}

const NANP_VALID = new Map<string, boolean>();

/** (212) 555-1234, 212-555-1234, 212.555.1234, 1-212-555-1234, 001-212-555-1234, with an optional extension. */
export const NANP_SHAPE = /^(?:(?:\+|00|011)?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?:\s*(?:x|ext\.?|#)\s*\d{1,6})?$/i;

// ---- dates (for date_of_birth; the date-format detector is elsewhere) ----

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};
const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function okYmd(y: number, m: number, d: number): boolean {
  return y >= 1870 && y <= 2030 && m >= 1 && m <= 12 && d >= 1 && d <= DAYS_IN_MONTH[m]!;
}
function year2(y: number): number {
  return y < 100 ? (y <= 30 ? 2000 + y : 1900 + y) : y;
}

const D_YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const D_8 = /^(\d{4})(\d{2})(\d{2})$/;
const D_DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const D_NAMED = /^(?:(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{2}|\d{4})|([a-z]{3,9})\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4}))$/i;

/** A calendar date in a common written form, with a year a living person or record could have. */
export function isPlausibleDate(v: string): boolean {
  let m = D_YMD.exec(v);
  if (m) return okYmd(+m[1]!, +m[2]!, +m[3]!);
  m = D_8.exec(v);
  if (m) return okYmd(+m[1]!, +m[2]!, +m[3]!);
  m = D_DMY.exec(v);
  if (m) {
    const a = +m[1]!, b = +m[2]!, y = year2(+m[3]!);
    return okYmd(y, b, a) || okYmd(y, a, b);
  }
  m = D_NAMED.exec(v);
  if (m) {
    if (m[1] !== undefined) {
      const mon = MONTHS[m[2]!.toLowerCase()];
      return mon !== undefined && okYmd(year2(+m[3]!), mon, +m[1]);
    }
    const mon = MONTHS[m[4]!.toLowerCase()];
    return mon !== undefined && okYmd(+m[6]!, mon, +m[5]!);
  }
  return false;
}

// ---- names and addresses ----

const NAME_SHAPE = /^[\p{L}][\p{L}\p{M}'’.\-]*(?:,?\s+[\p{L}][\p{L}\p{M}'’.\-]*){0,4}$/u;
const TOKEN_SPLIT = /[\s,]+/;

function stripToken(w: string): string {
  return w.toLowerCase().replace(/[^a-z]/g, '');
}

/** Particles, titles and suffixes: neither for nor against a person's name ("Dr. Ana de la Cruz Jr."). */
const PARTICLES = new Set([
  'de', 'da', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'bin', 'ibn', 'al', 'el', 'y', 'mc', 'st',
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'jr', 'sr', 'ii', 'iii', 'iv', 'md', 'dds', 'phd', 'dvm', 'esq',
]);
const CAPITALISED = /^(?:\p{Lu}[\p{Ll}\p{M}'’\-]*(?:[-'’]\p{Lu}[\p{Ll}\p{M}]*)*|\p{Lu}\.?|\p{Lu}[\p{Ll}]*\p{Lu}[\p{Ll}]+)$/u;

/** F.NAME_SHAPE, plus F.NAME_DICT when a token is a known given name or surname, plus F.NAME_FULL. */
export function nameForm(v: string): number {
  if (v.length > 60 || !NAME_SHAPE.test(v)) return 0;
  const tokens = v.split(TOKEN_SPLIT);
  let bits = F.NAME_SHAPE;
  let capitalised = 0;
  let other = 0;
  for (const tk of tokens) {
    const w = stripToken(tk);
    if (NON_PERSON_WORDS.has(w)) return 0;
    if (w.length > 1 && (GIVEN_NAMES.has(w) || SURNAMES_SET.has(w))) bits |= F.NAME_DICT;
    if (PARTICLES.has(w)) continue;
    if (CAPITALISED.test(tk.replace(/[,.]$/, ''))) capitalised++;
    else other++;
  }
  if (capitalised >= 2 && other === 0 && tokens.length <= 4) bits |= F.NAME_FULL;
  return bits;
}

/** 2 = number + street word (or PO box), 1 = street word among words without a number, 0 = neither. */
export function addressForm(v: string, hasDigit: boolean): 0 | 1 | 2 {
  if (v.length < 5 || v.length > 200) return 0;
  if (PO_BOX.test(v)) return hasDigit ? 2 : 0;
  const tokens = v.toLowerCase().split(/[\s,]+/);
  if (tokens.length < 2) {
    // German style "Hauptstraße 5" is two tokens; one token cannot be an address line
    return 0;
  }
  let street = false;
  let number = false;
  for (let i = 0; i < tokens.length; i++) {
    const tk = tokens[i]!.replace(/\.$/, '');
    if (/^\d+[a-z]?(?:[-/]\d+[a-z]?)?$/.test(tk)) number = true;
    else if (i > 0 && STREET_WORDS.has(tk)) street = true;
    else if (/(?:strasse|straße|str|gasse|weg|laan|straat|plein)$/.test(tk) && tk.length > 5) street = true;
  }
  if (street && number) return 2;
  if (street && !hasDigit) return 1;
  return 0;
}

// ---- postal codes, passports, health codes ----

const POSTAL_UK = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;
const POSTAL_CA = /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/i;
const POSTAL_NL = /^\d{4} ?[A-Z]{2}$/;
const POSTAL_ZIP4 = /^\d{5}-\d{4}$/;
const POSTAL_NUM = /^(?:\d{4,6}|\d{2}-\d{3}|\d{4}-\d{3}|\d{5}-\d{3}|\d{3}-\d{4}|\d{3} \d{2})$/;
const PASSPORT = /^(?=(?:[^\d]*\d){5})[A-Z0-9]{6,9}$/i;
const ICD10 = /^[A-TV-Z]\d[0-9AB](?:\.[0-9A-TV-Z]{1,4}|[0-9A-TV-Z]{1,4})?$/;
const MRN = /^(?=(?:[^\d]*\d){4})[A-Z0-9][A-Z0-9-]{3,19}$/i;

// ---- the classifier ----

/** All forms one (distinct) value passes. Pure: depends on the value and the context only. */
export function classifyValue(raw: string, ctx: ClassifyContext): number {
  const v = raw.trim();
  if (v.length === 0 || (v.length <= 15 && ctx.nullTokens.has(v.toLowerCase()))) return F.NULLISH;
  const n = v.length;
  let digits = 0, letters = 0, spaces = 0, at = 0, dots = 0, colons = 0;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 191) letters++;
    else if (c === 32 || c === 9) spaces++;
    else if (c === 64) at++;
    else if (c === 46) dots++;
    else if (c === 58) colons++;
  }
  let bits = F.ANY_TEXT;
  if (letters >= 1) bits |= F.TEXTUAL;
  if (letters >= 3 || (letters >= 1 && digits >= 1 && n >= 3) || (letters === 0 && digits >= 1 && digits <= 6 && /^\d+[A-Za-z]?$/.test(v))) bits |= F.ADDR_LOOSE;

  if (at === 1 && spaces === 0 && isEmail(v)) return bits | F.EMAIL;

  if (colons >= 2 && spaces === 0 && n <= 45 && isIPv6(v)) return bits | F.IPV6;
  if (dots === 3 && digits + 3 === n && isIPv4(v)) {
    bits |= F.IPV4;
    let small = true;
    for (const part of v.split('.')) if (+part >= 32) small = false;
    if (small) bits |= F.IP_SMALL;
    return bits;
  }

  if (digits > 0 && letters === 0) {
    const digitsOnly = digits === n;
    if (isPlausibleDate(v)) bits |= F.DATE;
    else {
      if (isSsn(v)) bits |= digitsOnly ? F.SSN_PLAIN : F.SSN;
      if (digits >= 12 && isCreditCardNumber(v)) bits |= F.CARD;
      else if (!(bits & (F.SSN | F.SSN_PLAIN))) {
        const pf = phoneForm(v, ctx.phoneCountry);
        if (pf === 1) bits |= F.PHONE;
        else if (pf === 2) bits |= F.PHONE_PLAIN;
        else if (pf === 3) bits |= F.PHONE_POSSIBLE;
      }
    }
    // other national ids (6–11 digits) count under an explicit name; a 9-digit or SSN-shaped value must
    // pass the SSA rules (an `ssn` column of 900-xx-xxxx ITINs or 000-00-0000 fillers is not SSNs)
    if (digitsOnly) {
      if (n >= 6 && n <= 11 && n !== 9) bits |= F.NATID_LIKE;
      if (n === 4 && +v >= 1870 && +v <= 2030) bits |= F.YEAR;
    }
    if (POSTAL_NUM.test(v)) bits |= F.POSTAL_NUM;
    else if (POSTAL_ZIP4.test(v)) bits |= F.POSTAL_ZIP4;
    if (PASSPORT.test(v)) bits |= F.PASSPORT_LIKE;
    if (MRN.test(v)) bits |= F.MRN_LIKE;
    return bits;
  }

  if (letters === 0) return bits;

  // letters present
  if (digits === 0) {
    bits |= nameForm(v);
  }
  if (n <= 42 && n >= 15 && /^[A-Z]{2}\d{2}/i.test(v) && isIban(v)) bits |= F.IBAN;
  if (n <= 8 && (POSTAL_UK.test(v) || POSTAL_CA.test(v) || POSTAL_NL.test(v))) bits |= F.POSTAL_ALPHA;
  if (n <= 8 && ICD10.test(v)) {
    bits |= F.ICD10;
    if (dots === 1) bits |= F.ICD10_DOTTED;
  }
  if (digits >= 5 && n <= 9 && PASSPORT.test(v)) bits |= F.PASSPORT_LIKE;
  if (digits >= 4 && n <= 20 && MRN.test(v)) bits |= F.MRN_LIKE;
  if (digits >= 7 && letters <= 3 && /(?:x|ext\.?)\s*\d{1,6}$/i.test(v)) {
    const pf = phoneForm(v, ctx.phoneCountry);
    if (pf === 1 || pf === 2) bits |= F.PHONE;
    else if (pf === 3) bits |= F.PHONE_POSSIBLE;
  }
  if (spaces >= 1) {
    const af = addressForm(v, digits > 0);
    if (af === 2) bits |= F.ADDR_STREET;
    else if (af === 1) bits |= F.ADDR_WORD;
  }
  if (digits >= 2 && n <= 35 && isPlausibleDate(v)) bits |= F.DATE;
  if (spaces >= 2 && n >= 15 && letters >= 8) bits |= F.FREE_TEXT;
  return bits;
}

