import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bloomJaccard, digitsWord, isDateWord, nearWord, parseDateDays, plainDigitText, punctuatedDigitsWord, wordToNumber,
} from '../../../src/detectors/duplicates/normalize.js';

describe('near words', () => {
  it('ignores case, spacing and punctuation', () => {
    expect(nearWord('  John   SMITH ')).toBe(nearWord('john smith'));
    expect(nearWord("O'Brien")).toBe(nearWord('o brien'));
  });

  it('is order-free inside a field (swapped first/last name)', () => {
    expect(nearWord('Noah Watson')).toBe(nearWord('Watson, Noah'));
  });

  it('folds address abbreviations', () => {
    expect(nearWord('12 High Street')).toBe(nearWord('12 high st.'));
    expect(nearWord('4 Mill Road')).toBe(nearWord('4 Mill Rd'));
    expect(nearWord('9 Park Avenue')).toBe(nearWord('9 park ave'));
    expect(nearWord('12 High Street')).not.toBe(nearWord('12 High Road'));
  });

  it('reads phone numbers as digits', () => {
    expect(nearWord('310/246-1501')).toBe(nearWord('(310) 246 1501'));
    expect(nearWord('310-246-1501')).toBe(nearWord('3102461501'));
    expect(nearWord('+44 20 7946 0958')).toBe(nearWord('020 7946 0958'));
  });

  it('reads dates in several formats as the same day', () => {
    const iso = nearWord('2015-10-29');
    expect(isDateWord(iso)).toBe(true);
    expect(wordToNumber(iso)).toBe(16737);
    expect(nearWord('29/10/2015')).toBe(iso);
    expect(nearWord('10/29/2015')).toBe(iso);
    expect(nearWord('Oct 29, 2015')).toBe(iso);
    expect(nearWord('29 October 2015')).toBe(iso);
    expect(parseDateDays('2015-02-30')).toBe(16496); // day 30 of February is not refused: it rolls over like Date.UTC
    expect(Number.isNaN(parseDateDays('2015-13-01'))).toBe(true);
  });

  it('treats blanks and missing-value sentinels as empty', () => {
    for (const v of [null, '', '   ', '-', 'NULL', 'n/a', 'N/A', 'none']) expect(nearWord(v)).toBe(0);
    expect(nearWord('Nancy')).not.toBe(0);
  });

  it('keeps decimals as numbers', () => {
    expect(wordToNumber(nearWord('325.43'))).toBeCloseTo(325.43, 3);
    expect(wordToNumber(nearWord('1,234.50'))).toBeCloseTo(1234.5, 3);
    expect(isDateWord(nearWord('325.43'))).toBe(false);
  });

  it('keeps digit strings apart by a hash and grades their typos on the bloom part', () => {
    expect(nearWord('4691516')).not.toBe(nearWord('4961516'));
    expect(bloomJaccard(nearWord('4691516'), nearWord('4691517'))).toBeGreaterThanOrEqual(0.6);
    expect(bloomJaccard(nearWord('4691516'), nearWord('harrington'))).toBe(0);
  });

  it('grades typos by bigram Jaccard', () => {
    expect(bloomJaccard(nearWord('Harrington'), nearWord('Harrington'))).toBe(1);
    expect(bloomJaccard(nearWord('Harrington'), nearWord('Harringtno'))).toBeCloseTo(0.571, 3);
    expect(bloomJaccard(nearWord('Harrington'), nearWord('Harrinton'))).toBeGreaterThanOrEqual(0.6);
    expect(bloomJaccard(nearWord('Harrington'), nearWord('Blackwood'))).toBeLessThan(0.4);
  });
});

describe('plainDigitText (the short cut past the date and decimal patterns)', () => {
  const texts = fc.string({ unitArbitrary: fc.constantFrom(...'0123456789-/.,()+$ \n:'.split('')), minLength: 1, maxLength: 14 });
  it('holds only for texts whose word is their digits', () => {
    fc.assert(fc.property(texts, (t) => !plainDigitText(t) || punctuatedDigitsWord(t) === digitsWord(t)), { numRuns: 20_000, seed: 6 });
    for (const t of ['(615) 214-9791', '579-52-7298', '202-307-7371', '123\n', '123-45', '12345/6', '+1-614-206-5514', '+1 503 407 9251', '+44 20 7946 0712', '+12-03-2020']) {
      expect(plainDigitText(t)).toBe(true);
      expect(punctuatedDigitsWord(t)).toBe(digitsWord(t));
    }
  });
  it('declines dates and decimals', () => {
    for (const t of ['3/4/2024', '2024/03/04', '12.5', '1,234', '1999.0', '04-03-1961', '2024-03-04 10:00', '6548-6629', '.5', '+1.5', '+1,234', '+ 1 615', '+$12', '-12-03-2020']) {
      expect(plainDigitText(t)).toBe(false);
    }
  });
});
