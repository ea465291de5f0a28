/**
 * classifyValue() reads digit-led values by hand (digitLedKind) instead of running INTEGER, DECIMAL,
 * DATETIME and the isDate() regexes. It must answer exactly as the regex definition (classifyValueByRegex)
 * for every string: dates and datetimes in every shape the regexes know, invalid days (`2023-02-29`),
 * 12/13 ambiguity, zero dates, numbers with exponents, and all of those mutated with separators, letters,
 * AM/PM, zones and Unicode white space.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { format } from 'date-fns';
import { classifyValue, classifyValueByRegex, digitLedKind } from '../../../src/metrics/value-kind.js';

const PATTERNS = [
  'yyyy-MM-dd', 'yyyy-M-d', 'yyyy/MM/dd', 'yyyy.MM.dd', 'dd/MM/yyyy', 'd/M/yyyy', 'MM/dd/yyyy', 'M/d/yy', 'dd.MM.yyyy', 'd.M.yy',
  'dd-MM-yyyy', 'MM-dd-yy', 'yy.MM.dd', 'yy-MM-dd', 'yyyy-MM', 'yyyyMMdd', 'dd MMM yyyy', 'd-MMM-yy', 'dd MMM, yyyy',
  "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSX", "yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSxx",
  'yyyy-MM-dd HH:mm', 'yyyy-MM-dd H:mm:ss', 'yyyy-MM-dd HH:mm:ss,SSS', 'yyyy-MM-dd HH:mm:ss xx', 'yyyy-MM-dd HH:mm:ss XXX',
  'M/d/yyyy h:mm a', 'M/d/yyyy h:mm:ss aa', 'MM/dd/yyyy hh:mma', 'dd/MM/yyyy HH:mm:ss', 'dd.MM.yyyy HH:mm XXX', 'd.M.yy HH:mm',
  'dd/MM/yy HH:mm:ss.SS', 'yyyy/MM/dd HH:mm:ss',
];
const SUFFIXES = ['', '', '', ' UTC', ' GMT', 'UTC', 'Z', ' Z', ' PST', ' am', 'PM', ' pm ', ' +05', '-0800', ' +05:30', '+05:3', '\u00a0', '\u2003PM', '\t', '\n', 'e5', '.'];
const CHARS = '0123456789-/.: ,TZ+eEaApPmMUTCGjanJANsept\t\n\u00a0\u2003\u3000é';
const T_MIN = Date.parse('0001-01-01T00:00:00Z');
const T_MAX = Date.parse('9999-12-31T00:00:00Z');

const mutated = fc
  .record({
    pattern: fc.constantFrom(...PATTERNS),
    t: fc.integer({ min: T_MIN, max: T_MAX }),
    prefix: fc.constantFrom('', '', '', '+', '-', '.', '0'),
    suffix: fc.constantFrom(...SUFFIXES),
    edits: fc.array(fc.tuple(fc.nat(4), fc.nat(200), fc.nat(CHARS.length - 1)), { maxLength: 3 }),
  })
  .map(({ pattern, t, prefix, suffix, edits }) => {
    let s = prefix + format(new Date(t), pattern) + suffix;
    for (const [op, at, ch] of edits) {
      const i = at % (s.length + 1);
      const c = CHARS[ch]!;
      if (op === 0) s = s.slice(0, i) + c + s.slice(i + 1);
      else if (op === 1) s = s.slice(0, i) + c + s.slice(i);
      else if (op === 2) s = s.slice(0, i) + s.slice(i + 1);
      else if (op === 3) s = s.slice(0, Math.max(1, i));
      else s = s.replace(/\d/g, (d) => (at % 3 === 0 ? String((+d + ch) % 10) : d));
    }
    return s;
  });

const numbers = fc.oneof(
  fc.double({ noNaN: true }).map(String),
  fc.integer().map(String),
  fc.tuple(fc.constantFrom('', '+', '-', '.'), fc.string({ unit: fc.constantFrom(...'0123456789.eE+-'.split('')), maxLength: 12 })).map(([a, b]) => a + b),
);

const digitLed = fc.tuple(fc.constantFrom('1', '5', '12', '31', '2024', '0000', '+', '-', '.'), fc.string({ unit: fc.constantFrom(...CHARS.split('')), maxLength: 30 })).map(([a, b]) => a + b);

function agree(v: string): boolean {
  expect(classifyValue(v), JSON.stringify(v)).toBe(classifyValueByRegex(v));
  return true;
}

describe('classifyValue (hand-read digit-led values) equals the regex definition', () => {
  test('examples', () => {
    const cases = [
      '2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '2024-04-31', '0000-00-00', '12/13/2024', '13/12/2024', '13/13/2024', '12/13/24',
      '3/4/2024', '22.02.2022', '2016-10-14', '2024-1-5', '2024/13/01', '123/4/2024', '12/4/202', '12/4/20245', '12-4/2024',
      '2024-11-04 15:28:26', '2015-06-15T18:02:17+02:00', '2017-06-07T23:42:57Z', '2024-07-24T14:58:38-05:00', '1/2/2023 12:33 PM',
      '2024-01-05 10:00:00.123456789', '2024-01-05 10:00:00.1234567890', '2024-01-05 10:00:00.', '2024-01-05 10:00:0', '2024-01-05 10:000',
      '2024-01-05 10:00 UTC', '2024-01-05 10:00UTC', '2024-01-05 10:00 utc', '2024-01-05 10:00 +0530', '2024-01-05 10:00 +053', '2024-01-05 10:00+05:300',
      '2024-01-05 10:00\u00a0AM', '2024-01-05 10:00 AM\u2003', '2024-01-05T10:00 a', '5 Jan 2024', '05-JAN-24', '12 sept, 2024', '12 May!2024',
      '1e5', '1.5e-3', '.5', '5.', '+.5e+5', '1.2.3', '123456', '+123456', '-', '.', '+', '1e', '00000000', '12:30', '3/4', '579-52-7298',
    ];
    for (const v of cases) agree(v);
    // the fast path decides the common shapes itself
    for (const v of ['2024-11-04 15:28:26', '2016-10-14', '12/18/2022', '22.02.2022', '2015-06-15T18:02:17+02:00', '2023-02-29', '1.5e-3']) expect(digitLedKind(v), v).toBeGreaterThanOrEqual(0);
  });

  test('dates and datetimes of every shape, mutated (fast-check)', () => {
    let decided = 0;
    fc.assert(
      fc.property(mutated, (v) => {
        if (digitLedKind(v) >= 0) decided++;
        return v.length === 0 || agree(v);
      }),
      { numRuns: 60_000, seed: 20261127 },
    );
    expect(decided).toBeGreaterThan(15_000);
  });

  test('numbers (fast-check)', () => {
    fc.assert(fc.property(numbers, (v) => v.length === 0 || agree(v)), { numRuns: 30_000, seed: 5 });
  });

  test('unrestricted digit-led strings (fast-check)', () => {
    fc.assert(fc.property(digitLed, agree), { numRuns: 60_000, seed: 9 });
  });
});
