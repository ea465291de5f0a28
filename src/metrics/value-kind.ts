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
