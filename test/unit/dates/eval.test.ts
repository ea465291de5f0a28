/**
 * Quality floors of the date detector (bench/results/dates.md): date-like classification and the
 * inconsistency flag on generated labelled columns and on labelled corpus columns.
 */
import { describe, expect, test } from 'vitest';
import { corpusOutcomes, labelledOutcomes, score } from './evaluate.js';

describe('date detector quality', () => {
  test('generated labelled columns (72 date-like incl. 24 mixed, 37 hard negatives)', () => {
    const l = labelledOutcomes();
    const s = score(l.outcomes);
    if (s.misses.length) console.log(s.misses.join('\n'));
    expect(s.columns).toBe(109);
    expect(s.dateLike).toEqual({ tp: 72, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(s.inconsistent).toEqual({ tp: 24, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(l.dominantMisses).toEqual([]);
    expect(l.dominantHits).toBe(48);
  });

  test('corpus columns with stated truth (DuckDB date CSVs, frictionless, CleverCSV, DataProfiler, FEBRL, Splink, CSVW)', () => {
    const s = score(corpusOutcomes());
    if (s.misses.length) console.log(s.misses.join('\n'));
    expect(s.columns).toBe(222);
    // the one miss: time_date_timestamp_trailing.csv `df` (2 dates of 3, below minDateShare 0.7)
    expect(s.dateLike).toEqual({ tp: 73, fp: 0, fn: 1, precision: 1, recall: 0.9865 });
    expect(s.inconsistent).toEqual({ tp: 9, fp: 0, fn: 0, precision: 1, recall: 1 });
  });
});

describe('DuckDB userdata1.parquet birthdate (M/D/YYYY strings with blanks)', () => {
  test('one month-first format, blanks left out', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { parquetReadObjects } = await import('hyparquet');
    const { CORPUS, runColumn } = await import('./evaluate.js');
    const buf = fs.readFileSync(path.join(CORPUS, 'duckdb-parquet/data/parquet-testing/userdata1.parquet'));
    const rows = (await parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) })) as Record<string, unknown>[];
    const r = runColumn('birthdate', rows.map((row) => (row.birthdate == null ? null : String(row.birthdate))));
    expect(r).toMatchObject({ formats: { 'M/d/yyyy': 802 }, inconsistent: false, resolution: 'month-first', nonMissing: 803, unparsed: 1, min: '1955-01-19', max: '2001-01-10' });
    expect(runColumn('first_name', rows.map((row) => String(row.first_name)))).toBeNull();
  });
});
