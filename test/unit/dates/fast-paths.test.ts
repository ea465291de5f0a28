/**
 * The per-value fast paths of the dates detector must give the answers of the slow paths they stand in for:
 * civilDay's arithmetic against a UTC Date, and matchLike() (the same-skeleton path, which now reads numeric
 * date parts in place) against classifyText() on the value itself. Values are generated in every supported
 * datetime shape, then their digits are scrambled so that invalid days (`2023-02-29`, day 31 of a 30-day
 * month), day/month ambiguity (`12/13`), zero dates and out-of-range times all occur.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { format } from 'date-fns';
import {
  LIKE_DAYS,
  YMD,
  DMY,
  MDY,
  civilDay,
  civilDayViaDate,
  classifyText,
  digitLedNotDate,
  matchLike,
} from '../../../src/detectors/dates/classify.js';

describe('civilDay (arithmetic) equals the Date-based day', () => {
  test('every day of years 1–9999, and day overflow', () => {
    const DIM = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let bad = 0;
    let checked = 0;
    for (let y = 1; y <= 9999; y++) {
      for (let m = 1; m <= 12; m++) {
        // day 0 and days past the month's end roll over in both
        for (let d = 0; d <= DIM[m - 1]! + 2; d++) {
          checked++;
          if (civilDay(y, m, d) !== civilDayViaDate(y, m, d)) bad++;
        }
      }
    }
    expect(checked).toBeGreaterThan(4_000_000);
    expect(bad).toBe(0);
  });

  test('negative and far years, odd arguments', () => {
    const cases: [number, number, number][] = [
      [0, 1, 1], [0, 2, 29], [-1, 12, 31], [-400, 3, 1], [-4713, 11, 24], [275_000, 1, 1], [-275_000, 1, 1], [1970, 1, 1],
      [2024, 0, 1], [2024, 13, 1], [2024, -1, 5], [2024, 2, 400], [2024, 2, -400], [1.5, 1, 1], [2024, 1.5, 1], [2024, 1, 1.5], [NaN, 1, 1],
    ];
    for (const [y, m, d] of cases) expect(civilDay(y, m, d), `${y}-${m}-${d}`).toBe(civilDayViaDate(y, m, d));
  });
});

// datetime shapes with fast info (weekday-prefixed values have none): numeric orders, month names, zones, 12h
const DATETIME_PATTERNS = [
  "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSX", "yyyy-MM-dd'T'HH:mm:ss.SSSSSSxx",
  'yyyy-MM-dd HH:mm', 'yyyy-MM-dd H:mm:ss', 'yyyy-M-d H:mm:ss', 'yyyy-MM-dd HH:mm:ss,SSS', 'yyyy-MM-dd HH:mm:ss xx', 'yyyy-MM-dd HH:mm:ss XXX',
  'yyyy/MM/dd HH:mm:ss', 'yyyy.MM.dd HH:mm', 'M/d/yyyy, h:mm a', 'M/d/yyyy h:mm:ss aa', 'MM/dd/yyyy hh:mma', 'dd/MM/yyyy HH:mm:ss',
  'dd.MM.yyyy HH:mm XXX', 'd-M-yyyy H:mm', 'dd/MM/yy HH:mm:ss.SS', 'yy-MM-dd HH:mm', 'yy.MM.dd HH:mm:ss', 'MM-dd-yy HH:mm',
  'yyyy年MM月dd日 HH:mm', 'd MMM yyyy HH:mm', 'dd MMM yyyy HH:mm:ss xx', 'MMM d, yyyy h:mm a', 'MMM d yyyy HH:mm:ss.SSS xxx',
  'yyyyMMddHHmmss',
];
const SUFFIXES = ['', '', '', ' UTC', 'Z', ' PST'];
const T_MIN = Date.parse('0001-01-01T00:00:00Z');
const T_MAX = Date.parse('9999-12-31T00:00:00Z');

/** Replaces some digits at random (same skeleton): invalid days, months > 12, hour 25, zeros, 12/13 swaps. */
function scramble(s: string, picks: number[]): string {
  const chars = s.split('');
  const digitsAt: number[] = [];
  chars.forEach((c, i) => {
    if (c >= '0' && c <= '9') digitsAt.push(i);
  });
  for (let k = 0; k + 1 < picks.length; k += 2) {
    if (digitsAt.length === 0) break;
    chars[digitsAt[picks[k]! % digitsAt.length]!] = String(picks[k + 1]! % 10);
  }
  return chars.join('');
}

const pair = fc
  .record({
    pattern: fc.constantFrom(...DATETIME_PATTERNS),
    suffix: fc.constantFrom(...SUFFIXES),
    t1: fc.integer({ min: T_MIN, max: T_MAX }),
    t2: fc.integer({ min: T_MIN, max: T_MAX }),
    near: fc.boolean(),
    picks: fc.array(fc.nat(1000), { maxLength: 8 }),
  })
  .map(({ pattern, suffix, t1, t2, near, picks }) => {
    const src = format(new Date(t1), pattern) + suffix;
    // `near`: the same day ± a few, so the second value often shares the first's skeleton exactly
    const other = format(new Date(near ? t1 + ((t2 % 7) - 3) * 86_400_000 + (t2 % 86_400_000) : t2), pattern) + suffix;
    return { src, value: scramble(other, picks) };
  });

const same = (a: number, b: number): boolean => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

describe('matchLike gives classifyText\'s answer whenever it accepts a value', () => {
  test('generated datetimes in every fast shape, digits scrambled (fast-check)', () => {
    let accepted = 0;
    let declined = 0;
    let invalidOrders = 0;
    fc.assert(
      fc.property(pair, ({ src, value }) => {
        const like = src.length < 6 ? null : classifyText(src);
        if (like === null || like.fast === undefined) return true;
        const mask = matchLike(value, src, like);
        const slow = /^\d+$/.test(value) ? null : classifyText(value);
        if (mask === 0) {
          declined++;
          return true;
        }
        accepted++;
        if ((like.shape.orders & ~mask) !== 0) invalidOrders++;
        const days = [LIKE_DAYS[0]!, LIKE_DAYS[1]!, LIKE_DAYS[2]!];
        expect(slow, value).not.toBeNull();
        expect(slow!.shape, value).toBe(like.shape);
        expect(mask, value).toBe(slow!.mask);
        if (mask & YMD) expect(same(days[0]!, slow!.dayYMD), value).toBe(true);
        if (mask & DMY) expect(same(days[1]!, slow!.dayDMY), value).toBe(true);
        if (mask & MDY) expect(same(days[2]!, slow!.dayMDY), value).toBe(true);
        expect(slow!.unpaddedDate).toBe(like.unpaddedDate);
        expect(slow!.unpaddedHour).toBe(like.unpaddedHour);
        expect(slow!.fracLen).toBe(like.fracLen);
        const c = value.charCodeAt(0);
        if (c >= 48 && c <= 57) {
          let l1 = 0;
          while (value.charCodeAt(l1) >= 48 && value.charCodeAt(l1) <= 57) l1++;
          if (l1 < value.length) expect(digitLedNotDate(value, l1), value).toBe(false);
        }
        return true;
      }),
      { numRuns: 60_000, seed: 20261127 },
    );
    expect(accepted).toBeGreaterThan(10_000);
    expect(declined).toBeGreaterThan(2_000);
    // ambiguous shapes where some order is invalid (`13/12/2024` read month-first) were exercised
    expect(invalidOrders).toBeGreaterThan(500);
  });

  test('examples: leap days, 12/13, zero dates, hour 24', () => {
    const cases: [string, string][] = [
      ['2024-02-29 10:00:00', '2023-02-29 10:00:00'],
      ['2024-02-29 10:00:00', '2000-02-29 23:59:59'],
      ['2024-02-29 10:00:00', '1900-02-29 00:00:00'],
      ['2024-04-30 10:00:00', '2024-04-31 10:00:00'],
      ['12/12/2024 10:00', '12/13/2024 10:00'],
      ['12/12/2024 10:00', '13/12/2024 10:00'],
      ['12/12/2024 10:00', '13/13/2024 10:00'],
      ['12/12/24 10:00', '12/13/24 10:00'],
      ['2024-01-05 10:00:00', '0000-00-00 00:00:00'],
      ['2024-01-05 10:00:00', '2024-01-05 24:00:00'],
      ['2024-01-05 10:00:00', '0001-01-01 00:00:00'],
      ['2024-01-05 10:00:00', '9999-12-31 23:59:59'],
    ];
    for (const [src, value] of cases) {
      const like = classifyText(src)!;
      const mask = matchLike(value, src, like);
      const slow = classifyText(value);
      if (mask === 0) continue;
      expect(slow, value).not.toBeNull();
      expect(mask, value).toBe(slow!.mask);
      if (mask & YMD) expect(same(LIKE_DAYS[0]!, slow!.dayYMD), value).toBe(true);
      if (mask & DMY) expect(same(LIKE_DAYS[1]!, slow!.dayDMY), value).toBe(true);
      if (mask & MDY) expect(same(LIKE_DAYS[2]!, slow!.dayMDY), value).toBe(true);
    }
    expect(matchLike('2023-02-29 10:00:00', '2024-02-29 10:00:00', classifyText('2024-02-29 10:00:00')!)).toBe(0);
    expect(matchLike('12/13/2024 10:00', '12/12/2024 10:00', classifyText('12/12/2024 10:00')!)).toBe(MDY);
    expect(matchLike('13/12/2024 10:00', '12/12/2024 10:00', classifyText('12/12/2024 10:00')!)).toBe(DMY);
  });
});
