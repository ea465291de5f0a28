import { describe, expect, it } from 'vitest';
import { isValid, parse } from 'date-fns';
import { civilDay, numericDatePart } from '../../../src/detectors/dates/classify.js';

// numericDatePart replaces date-fns for the all-numeric date patterns the scanner builds; it must give the
// day date-fns gives (or NaN where date-fns says invalid) for every field value and padding.
const REFERENCE = new Date(2000, 0, 1);
function viaDateFns(text: string, pattern: string): number {
  const d = parse(text, pattern, REFERENCE);
  return isValid(d) ? civilDay(d.getFullYear(), d.getMonth() + 1, d.getDate()) : NaN;
}

const YEARS4 = [1, 4, 50, 99, 100, 1582, 1600, 1700, 1752, 1800, 1899, 1900, 1904, 1970, 1999, 2000, 2001, 2004, 2023, 2024, 2100, 2200, 2400, 9999];
const pad = (v: number, width: number) => String(v).padStart(width, '0');

function fieldTexts(token: string): string[] {
  if (token === 'yyyy') return [...YEARS4.map((y) => pad(y, 4)), '0000'];
  if (token === 'yy') return Array.from({ length: 100 }, (_, i) => pad(i, 2));
  // months and days: 0–13 / 0–32, unpadded and zero-padded
  const top = token === 'M' ? 13 : 32;
  const out: string[] = [];
  for (let v = 0; v <= top; v++) {
    out.push(String(v));
    if (v < 10) out.push(pad(v, 2));
  }
  return out;
}

describe('numericDatePart agrees with date-fns', () => {
  const patterns = ['yyyy-M-d', 'yyyy/M/d', 'yyyy.M.d', 'yy-M-d', 'd/M/yyyy', 'M/d/yyyy', 'd.M.yy', 'M-d-yy', 'd M yyyy', 'yyyy-M', 'yyyy/M'];
  for (const pattern of patterns) {
    it(pattern, () => {
      const tokens = pattern.split(/[-/. ]/);
      const sep = pattern.match(/[-/. ]/)![0];
      let texts: string[] = [''];
      for (const t of tokens) texts = texts.flatMap((prefix) => fieldTexts(t).map((f) => (prefix === '' ? f : prefix + sep + f)));
      // keep the suite quick: every combination for two-field patterns, every 3rd for the rest (all fields still vary)
      const chosen = tokens.length === 2 ? texts : texts.filter((_, i) => i % 3 === 0);
      let mismatches = 0;
      let valid = 0;
      for (const text of chosen) {
        const fast = numericDatePart(text, pattern);
        const slow = viaDateFns(text, pattern);
        expect(fast).not.toBeUndefined();
        if (!(Object.is(fast, slow) || (Number.isNaN(fast) && Number.isNaN(slow)))) mismatches++;
        if (slow === slow) valid++;
      }
      expect(mismatches).toBe(0);
      expect(valid).toBeGreaterThan(0);
    });
  }

  it('leaves other patterns and shapes to date-fns', () => {
    expect(numericDatePart('5 Jan 2024', 'd MMM yyyy')).toBeUndefined();
    expect(numericDatePart('2024年1月5日', 'yyyy年M月d日')).toBeUndefined();
    expect(numericDatePart('024-1-5', 'yyyy-M-d')).toBeUndefined();
    expect(numericDatePart('2024-123-5', 'yyyy-M-d')).toBeUndefined();
    expect(numericDatePart('2024-1/5', 'yyyy-M-d')).toBeUndefined();
  });
});
