import { describe, expect, it } from 'vitest';
import { discoverSentinels } from '../../../src/metrics/sentinels.js';

const rules = { minRepeat: 3, minShare: 0.01 };

describe('discoverSentinels', () => {
  it('finds text that repeats in a numeric column and all-nines placeholders', () => {
    const top = [
      { value: 'unknown', count: 52 },
      { value: '999999', count: 40 },
      { value: '3', count: 900 },
      { value: 'PrivacySuppressed', count: 2 },
    ];
    expect(discoverSentinels(top, 'integer', 2000, rules)).toEqual({
      found: { unknown: 52, '999999': 40 },
      counted: { unknown: 52, '999999': 40 },
    });
  });

  it('finds SSN-shaped and zero placeholders in text columns, weakly when rare', () => {
    const top = [
      { value: '999-99-9999', count: 30 },
      { value: '00000', count: 4 },
      { value: 'Boston', count: 500 },
      { value: '123-45-6789', count: 3 },
    ];
    expect(discoverSentinels(top, 'string', 1000, rules)).toEqual({
      found: { '999-99-9999': 30, '00000': 4, '123-45-6789': 3 },
      counted: { '999-99-9999': 30 },
    });
  });

  it('finds the placeholder that drowns a numeric column (PrivacySuppressed)', () => {
    const counts = { integer: 0, decimal: 12, boolean: 0, date: 0, datetime: 0, string: 964 };
    const top = [{ value: 'PrivacySuppressed', count: 964 }, { value: '0.5', count: 1 }];
    expect(discoverSentinels(top, 'string', 976, rules, counts).counted).toEqual({ PrivacySuppressed: 964 });
    const prose = { integer: 1, decimal: 0, boolean: 0, date: 0, datetime: 0, string: 99 };
    expect(discoverSentinels([{ value: 'Boston', count: 40 }], 'string', 100, rules, prose).found).toEqual({});
  });

  it('leaves ordinary values alone', () => {
    const top = [
      { value: 'Y', count: 600 },
      { value: 'N', count: 400 },
      { value: '10', count: 50 },
    ];
    expect(discoverSentinels(top, 'boolean', 1050, rules).found).toEqual({ '10': 50 });
    expect(discoverSentinels([{ value: '1', count: 300 }, { value: '0', count: 100 }], 'boolean', 1000, rules).found).toEqual({});
    expect(discoverSentinels([{ value: '42', count: 9 }], 'integer', 100, rules).found).toEqual({});
    expect(discoverSentinels([{ value: 'Springfield', count: 90 }], 'string', 100, rules).found).toEqual({});
  });
});
