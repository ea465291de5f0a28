import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { DateColumnAccumulator, DATE_DEFAULTS, dateRulesSchema, type DateResult } from '../../../src/detectors/dates/index.js';
import type { DateRulesInput } from '../../../src/detectors/dates/rules.js';

/** The same values through one accumulator (the fast path warms up) and one accumulator per value, merged. */
function togetherAndApart(values: readonly string[]): { together: DateColumnAccumulator; apart: DateColumnAccumulator } {
  const together = new DateColumnAccumulator('ts');
  for (const v of values) together.add(v);
  const apart = new DateColumnAccumulator('ts');
  for (const v of values) {
    const one = new DateColumnAccumulator('ts');
    one.add(v);
    apart.merge(one);
  }
  return { together, apart };
}

const ASOF = new Date('2024-06-30T12:00:00Z');
function run(name: string, values: (string | null)[], asOf: Date | undefined = ASOF, rules?: DateRulesInput): DateResult | null {
  const a = new DateColumnAccumulator(name, rules);
  for (const v of values) a.add(v);
  return a.finish(asOf);
}

describe('DateColumnAccumulator', () => {
  test('DuckDB mixed_dates.csv column: one M/d/yyyy value among ISO dates is an inconsistency', () => {
    expect(run('B', ['2024-03-08', '2024-03-09', '03/10/2024', '2024-03-11', '2024-03-12'])).toEqual({
      formats: { 'yyyy-MM-dd': 4, 'MM/dd/yyyy': 1 },
      dominant: 'yyyy-MM-dd',
      dominantShare: 0.8,
      inconsistent: true,
      ambiguous: 1,
      resolution: 'unresolved',
      evidence: { dayFirst: 0, monthFirst: 0 },
      min: '2024-03-08',
      max: '2024-03-12',
      future: 0,
      newestAgeDays: 110,
      asOf: '2024-06-30',
      sentinels: {},
      parsed: 5,
      unparsed: 0,
      nonMissing: 5,
      dateShare: 1,
      approximate: false,
    });
  });

  test('zero padding is one family; missing cells and placeholders leave the denominator', () => {
    const r = run('d', ['3/4/2024', '03/04/2024', '12/25/2024', '', '  ', null, 'N/A', 'n/a'])!;
    expect(r.formats).toEqual({ 'M/d/yyyy': 3 });
    expect(r).toMatchObject({ inconsistent: false, ambiguous: 2, resolution: 'month-first', evidence: { dayFirst: 0, monthFirst: 1 } });
    expect(r).toMatchObject({ min: '2024-03-04', max: '2024-12-25', future: 1, newestAgeDays: 118, nonMissing: 3, parsed: 3 });
  });

  test('day-first evidence reads the ambiguous values day-first', () => {
    const r = run('d', ['13/01/2024', '01/02/2024', '02/03/2024'])!;
    expect(r).toMatchObject({ formats: { 'dd/MM/yyyy': 3 }, resolution: 'day-first', evidence: { dayFirst: 1, monthFirst: 0 }, min: '2024-01-13', max: '2024-03-02' });
  });

  test('day-first and month-first evidence in one column: mixed and inconsistent', () => {
    const r = run('d', ['13/01/2024', '01/13/2024', '02/03/2024'])!;
    expect(r).toMatchObject({ formats: { 'MM/dd/yyyy': 2, 'dd/MM/yyyy': 1 }, inconsistent: true, resolution: 'mixed', evidence: { dayFirst: 1, monthFirst: 1 } });
  });

  test('no evidence: unresolved, read with the preferred order (rules.preferOrder)', () => {
    expect(run('d', ['01/02/2024', '02/03/2024'])).toMatchObject({ formats: { 'MM/dd/yyyy': 2 }, resolution: 'unresolved', ambiguous: 2 });
    expect(run('d', ['01/02/2024', '02/03/2024'], ASOF, { preferOrder: ['day-first', 'month-first', 'year-first'] })).toMatchObject({
      formats: { 'dd/MM/yyyy': 2 },
      min: '2024-02-01',
    });
  });

  test('ambiguous dotted dates default to day-first (rules.dottedDayFirst)', () => {
    expect(run('von', ['01.06.2013', '01.06.2015', '01.05.2014'])).toMatchObject({ formats: { 'dd.MM.yyyy': 3 }, resolution: 'unresolved', min: '2013-06-01' });
    expect(run('von', ['01.06.2013', '01.05.2014'], ASOF, { dottedDayFirst: false })).toMatchObject({ formats: { 'MM.dd.yyyy': 2 }, min: '2013-01-06' });
  });

  test('date and datetime in one column is an inconsistency; Z and +05:30 are one XXX family', () => {
    expect(run('t', ['2024-01-05', '2024-01-05T10:00:00Z'])!.formats).toEqual({ 'yyyy-MM-dd': 1, "yyyy-MM-dd'T'HH:mm:ssXXX": 1 });
    const r = run('t', ['2024-01-05T10:00:00Z', '2024-01-06T10:00:00+05:30', '2024-01-07T10:00:00Z'])!;
    expect(r).toMatchObject({ formats: { "yyyy-MM-dd'T'HH:mm:ssXXX": 3 }, inconsistent: false });
    expect(run('t', ['2024-01-05T10:00:00+05', '2024-01-06T10:00:00+05:30'])!.inconsistent).toBe(true);
  });

  test('sentinel dates are reported apart and kept out of formats and min/max', () => {
    const r = run('dob', ['1900-01-01', '1900-01-01', '1985-02-03', '1990-05-06', '9999-12-31', '0000-00-00', '1970-01-01', '2001-01-01'])!;
    expect(r).toMatchObject({
      formats: { 'yyyy-MM-dd': 4 },
      sentinels: { '0000-00-00': 1, '1900-01-01': 2, '9999-12-31': 1 },
      min: '1970-01-01',
      max: '2001-01-01',
      parsed: 4,
      dateShare: 1,
    });
    // 1970-01-01 only counts when it repeats
    expect(run('dob', ['1970-01-01', '1970-01-01', '1985-02-03', '1990-05-06', '1991-01-01'])).toMatchObject({ sentinels: { '1970-01-01': 2 }, min: '1985-02-03' });
    // an unlisted, repeated, round and isolated extreme: 2099-12-31 as "open end"
    expect(run('end', ['2099-12-31', '2099-12-31', '2023-02-03', '2024-05-06', '2024-07-01', '2024-08-01'])).toMatchObject({
      sentinels: { '2099-12-31': 2 },
      max: '2024-08-01',
      future: 2,
      newestAgeDays: 55,
    });
    // zero dates in another notation are sentinels, not a second format
    expect(run('d', ['12/31/9999', '00/00/0000', '01/13/2024', '02/14/2024'])).toMatchObject({
      formats: { 'MM/dd/yyyy': 2 },
      inconsistent: false,
      sentinels: { '0000-00-00': 1, '9999-12-31': 1 },
    });
  });

  test('epoch numbers need a time-like column name and a plausible range', () => {
    expect(run('created_at', ['1700000000', '1700086400', '1600000000'])).toMatchObject({ formats: { t: 3 }, min: '2020-09-13', max: '2023-11-15' });
    expect(run('amount', ['1700000000', '1700086400', '1600000000'])).toBeNull();
    expect(run('user_id', ['1700000000', '1700086400'])).toBeNull();
    expect(run('ts', ['1700000000123', '1700000000'])).toMatchObject({ formats: { T: 1, t: 1 }, inconsistent: true });
    expect(run('ts', ['9999999999', '1700000000'])).toBeNull(); // 2286: out of range, half the column
    expect(run('event_time', ['1700000000.25', '1700000001.5'])).toMatchObject({ formats: { t: 2 } });
  });

  test('numbers among written dates are a second format even without a time-like name', () => {
    expect(run('col_7', ['2024-01-05', '2024-01-06', '2024-01-07', '1704412800'])).toMatchObject({ formats: { 'yyyy-MM-dd': 3, t: 1 }, inconsistent: true });
    expect(run('col_7', ['2024-01-05', '1704412800', '1704412801'])).toBeNull();
  });

  test('compact yyyyMMdd: by name, or without one when nearly all values are valid', () => {
    expect(run('ref', ['20240105', '20231231', '19991231'])).toMatchObject({ formats: { yyyyMMdd: 3 } });
    expect(run('order_no', ['20240105', '20231399', '12345678', '99999999'])).toBeNull();
    expect(run('date_of_birth', ['19560920', '19601301', '19700101', '19800202'])).toMatchObject({ formats: { yyyyMMdd: 3 }, unparsed: 1 });
  });

  test('not date-like below minDateShare; no asOf gives null staleness', () => {
    expect(run('a', ['0.00', '12/17/2019'])).toBeNull();
    expect(run('version', ['1.2.3', '2.0.1', '10.12.15'])).toBeNull();
    const a = new DateColumnAccumulator('d');
    a.add('2024-01-05');
    expect(a.finish()).toMatchObject({ future: null, newestAgeDays: null, asOf: null, min: '2024-01-05' });
  });

  test('long cells are rejected before any lookup', () => {
    const a = new DateColumnAccumulator('notes');
    a.add('2024-01-05' + ' x'.repeat(1_000_000));
    a.add('May ' + 'a'.repeat(200));
    a.add('2024-01-05');
    expect(a.finish(ASOF)).toBeNull();
    expect(a.toJSON()).toMatchObject({ total: 3, unparsed: 2 });
  });

  test('rules are validated with zod and defaulted', () => {
    expect(DATE_DEFAULTS.minDateShare).toBe(0.7);
    expect(() => dateRulesSchema.parse({ minDateShare: 2 })).toThrow();
    expect(() => dateRulesSchema.parse({ epochMin: 'yesterday' })).toThrow();
    expect(() => dateRulesSchema.parse({ unknownKey: 1 })).toThrow();
  });
});

describe('merge determinism', () => {
  const pool = [
    '2024-03-08', '03/10/2024', '13/01/2024', '01/02/2024', '2024-01-05T10:00:00Z', '2024-01-06T10:00:00+05:30',
    '1900-01-01', '0000-00-00', 'N/A', '', null, 'hello', '1700000000', '20240105', 'Dec 8, 2022', '2099-12-31',
    '5 May 2021', '2020-01-01 01:02:03', '2020-01-01 1:02:03', '31-OCT-2023',
  ];
  const column = fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 120 });

  function whole(values: (string | null)[], rules?: DateRulesInput): DateColumnAccumulator {
    const a = new DateColumnAccumulator('created_at', rules);
    for (const v of values) a.add(v);
    return a;
  }

  test('any cut into shards, merged in shard order through toJSON/structuredClone, equals one pass', () => {
    fc.assert(
      fc.property(column, fc.array(fc.nat(), { maxLength: 6 }), (values, cutsRaw) => {
        const cuts = [...new Set(cutsRaw.map((c) => c % (values.length + 1)))].sort((a, b) => a - b);
        const bounds = [0, ...cuts, values.length];
        const shards = [];
        for (let i = 0; i + 1 < bounds.length; i++) {
          const s = whole(values.slice(bounds[i], bounds[i + 1]));
          shards.push(DateColumnAccumulator.fromJSON(structuredClone(s.toJSON())));
        }
        const merged = shards[0]!;
        for (const s of shards.slice(1)) merged.merge(s);
        expect(merged.finish(ASOF)).toEqual(whole(values).finish(ASOF));
        expect(merged.toJSON()).toEqual(whole(values).toJSON());
      }),
      { numRuns: 200, seed: 42 },
    );
  });

  test('associative: (a+b)+c equals a+(b+c), also when day histograms are bucketed', () => {
    const days = fc.array(fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2015, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)), { maxLength: 150 });
    fc.assert(
      fc.property(days, days, days, (a, b, c) => {
        const rules = { maxDistinctDays: 64 };
        const left = whole(a, rules);
        left.merge(whole(b, rules));
        left.merge(whole(c, rules));
        const bc = whole(b, rules);
        bc.merge(whole(c, rules));
        const right = whole(a, rules);
        right.merge(bc);
        const one = whole([...a, ...b, ...c], rules);
        expect(left.finish(ASOF)).toEqual(one.finish(ASOF));
        expect(right.finish(ASOF)).toEqual(one.finish(ASOF));
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  test('the same-skeleton fast path agrees with classifying every value on its own', () => {
    const two = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((n) => String(n).padStart(2, '0'));
    const value = fc
      .tuple(fc.integer({ min: 1998, max: 2030 }), two(0, 13), two(0, 32), two(0, 25), two(0, 61), two(0, 61), fc.constantFrom('Z', '+05:30', '-08', ''), fc.constantFrom('T', ' '))
      .map(([y, mo, d, h, mi, se, z, t]) => `${y}-${mo}-${d}${t}${h}:${mi}:${se}${z}`);
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 60 }), (values) => {
        const { together, apart } = togetherAndApart(values);
        expect(together.toJSON()).toEqual(apart.toJSON());
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  test('fast path on slotted two-digit-year datetimes agrees too', () => {
    const values = ['1/2/03 10:00', '1/3/03 10:00', '9/9/99 23:59', '01/02/03 10:00', '1/2/03 25:00', '31/2/03 10:00', '1/4/03 7:05', '12/24/03 10:00'];
    const { together, apart } = togetherAndApart(values);
    expect(together.toJSON()).toEqual(apart.toJSON());
    expect(together.finish(ASOF)).toMatchObject({ formats: { 'M/d/yy H:mm': 6 }, unparsed: 2, resolution: 'month-first' });
  });

  test('bucketed histograms say so', () => {
    const values = Array.from({ length: 500 }, (_, i) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));
    const r = whole(values, { maxDistinctDays: 64 }).finish(ASOF)!;
    expect(r.approximate).toBe(true);
    expect(r.formats).toEqual({ 'yyyy-MM-dd': 500 });
    expect(whole(values).finish(ASOF)).toMatchObject({ approximate: false, min: '2020-01-01', max: '2021-05-14' });
  });
});
