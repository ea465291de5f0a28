/**
 * add(value, count) folds `count` identical cells exactly as `count` calls of add(value) would: same
 * toJSON() (which flushes the local map) and same finish(). A column profiler may call it once per
 * distinct value with its count.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { DateColumnAccumulator } from '../../../src/detectors/dates/index.js';
import type { DateRulesInput } from '../../../src/detectors/dates/rules.js';

const ASOF = new Date('2024-06-30T12:00:00Z');

/** Date-ish cells of every path through add(): nulls, blanks, padded, placeholders, long text, epochs,
 *  compact dates, digit-led non-dates, dates in many formats, datetimes (same-skeleton fast path), zero dates. */
const POOL: (string | null)[] = [
  null, '', '   ', ' 2024-03-08 ', 'N/A', 'n/a', 'null', '-', '?', '#N/A', 'unknown', 'invalid date', 'x'.repeat(120),
  'hello', 'Maria', 'March', 'Sept 5', 'Tue, 31 Oct 2023', 'Tue, 30 Oct 2023', 'a long sentence that is not a date at all',
  '1700000000', '1700000000123', '1700000000.5', '99999999999', '12345', '20240105', '20240230', '20240105103000', '17000000',
  '579-52-7298', '6548-6629', '4207 6890 2518 7751', '98.89', '7416 Maple Lane', '10.12.96.42', '2001:db8::1', '3/4',
  '2024-03-08', '2024-3-8', '03/10/2024', '3/10/2024', '13/01/2024', '01/13/2024', '01/02/2024', '01.06.2013', '90.01.01',
  '12/17/23', '1900-01-01', '9999-12-31', '0000-00-00', '00/00/0000', '2099-12-31', '1970-01-01', '2024-02', '2024-13',
  '31-OCT-2023', '5 May 2021', '5th January 2024', 'Dec 8, 2022', 'October 5, 2023', 'Oct 2023', '2024年1月5日',
  '2024-01-05T10:00:00Z', '2024-01-06T10:00:00+05:30', '2024-01-06T10:00:00.123+05:30', '2024-01-07T23:59:59-08',
  '2020-01-01 01:02:03', '2020-01-01 1:02:03', '2020-01-31 25:02:03', '2021-05-25 04:55:03.382494 UTC',
  '1/2/2023, 12:33 PM', '1/2/03 10:00', '31/2/03 10:00', '2015-03-22Z', '2015-03-22-08:00',
];

/** A random date, so columns also have many distinct days. */
const randomDay = fc.integer({ min: 0, max: 40_000 }).map((d) => new Date(Date.UTC(1930, 0, 1) + d * 86_400_000));
const cell = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...POOL) },
  { weight: 1, arbitrary: randomDay.map((d) => d.toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: randomDay.map((d) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`) },
  { weight: 1, arbitrary: randomDay.map((d) => d.toISOString().slice(0, 19).replace('T', ' ')) },
  // padded numeric datetimes: one skeleton, valid in one or both of day-first/month-first (matchLike path)
  {
    weight: 1,
    arbitrary: fc.tuple(randomDay, fc.integer({ min: 0, max: 23 }), fc.boolean()).map(([d, h, swap]) => {
      const p2 = (x: number): string => String(x).padStart(2, '0');
      const [a, b] = swap ? [d.getUTCDate(), d.getUTCMonth() + 1] : [d.getUTCMonth() + 1, d.getUTCDate()];
      return `${p2(a)}/${p2(b)}/${d.getUTCFullYear()} ${p2(h)}:30`;
    }),
  },
);

/** Distinct values with their counts, in first-seen order. */
function group(values: readonly (string | null)[]): [string | null, number][] {
  const m = new Map<string | null, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m];
}

function oneByOne(name: string, values: readonly (string | null)[], rules?: DateRulesInput): DateColumnAccumulator {
  const a = new DateColumnAccumulator(name, rules);
  for (const v of values) a.add(v);
  return a;
}

function expectSame(a: DateColumnAccumulator, b: DateColumnAccumulator): void {
  expect(b.toJSON()).toEqual(a.toJSON());
  expect(b.finish(ASOF)).toEqual(a.finish(ASOF));
  expect(b.finish()).toEqual(a.finish());
}

describe('add(value, count)', () => {
  test('random multisets: grouped with counts (any order) equals one by one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 60 }),
        fc.constantFrom('created_at', 'signup_date', 'notes'),
        fc.boolean(),
        (pairs, name, reverse) => {
          const values = pairs.flatMap(([v, k]) => Array<string | null>(k).fill(v));
          const grouped = group(values);
          if (reverse) grouped.reverse();
          const b = new DateColumnAccumulator(name);
          for (const [v, k] of grouped) b.add(v, k);
          expectSame(oneByOne(name, values), b);
        },
      ),
      { numRuns: 300, seed: 20261127 },
    );
  });

  test('counts split into random chunks and interleaved, with bucketed day histograms', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 400 }), fc.array(fc.nat(), { minLength: 1, maxLength: 50 }), (values, chunkSeeds) => {
        const rules = { maxDistinctDays: 64 };
        const b = new DateColumnAccumulator('ts', rules);
        let s = 0;
        const pending = group(values);
        while (pending.length > 0) {
          const i = chunkSeeds[s % chunkSeeds.length]! % pending.length;
          const [v, k] = pending[i]!;
          const take = 1 + (chunkSeeds[(s + 1) % chunkSeeds.length]! % k);
          b.add(v, take);
          if (take === k) pending.splice(i, 1);
          else pending[i] = [v, k - take];
          s++;
        }
        expectSame(oneByOne('ts', values, rules), b);
      }),
      { numRuns: 200, seed: 5 },
    );
  });

  test('more distinct dates than the local map holds (full-map path and its refresh)', () => {
    // 60,000 distinct days, each 1–3 times, plus datetimes and non-dates: the local map fills (16,384 entries)
    // and the one-by-one pass also misses it often enough (65,536) to flush and start over
    const values: (string | null)[] = [];
    for (let d = 0; d < 60_000; d++) {
      const iso = new Date(Date.UTC(1940, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
      for (let r = 0; r <= d % 3; r++) values.push(d % 5 === 0 ? iso.replaceAll('-', '/') : iso);
      if (d % 7 === 0) values.push(`${iso} 12:00:${String(d % 60).padStart(2, '0')}`);
      if (d % 11 === 0) values.push(`${d}-12`, 'N/A', null);
    }
    const b = new DateColumnAccumulator('signup_date');
    for (const [v, k] of group(values)) b.add(v, k);
    expectSame(oneByOne('signup_date', values), b);
  });

  test('a count below 1 folds nothing', () => {
    const a = oneByOne('d', ['2024-01-05', 'N/A', null]);
    const b = oneByOne('d', ['2024-01-05', 'N/A', null]);
    for (const v of ['2024-01-06', '2024-01-06T10:00:00Z', 'N/A', null, '', '1700000000', 'x']) {
      b.add(v, 0);
      b.add(v, -3);
    }
    expectSame(a, b);
  });

  test('merge of grouped shards equals one pass one by one', () => {
    const values = fc.sample(cell, { numRuns: 2_000, seed: 3 });
    const half = values.length >> 1;
    const s1 = new DateColumnAccumulator('created_at');
    for (const [v, k] of group(values.slice(0, half))) s1.add(v, k);
    const s2 = new DateColumnAccumulator('created_at');
    for (const [v, k] of group(values.slice(half))) s2.add(v, k);
    const merged = DateColumnAccumulator.fromJSON(structuredClone(s1.toJSON()));
    merged.merge(DateColumnAccumulator.fromJSON(structuredClone(s2.toJSON())));
    expectSame(oneByOne('created_at', values), merged);
  });
});
