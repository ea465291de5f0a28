import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, ROOT, runCli, tempDir } from '../helpers/cli.js';

const PQ = join(CORPUS, 'parquet-testing/data');
const IPC = join(CORPUS, 'arrow-testing/data/arrow-ipc-stream/integration');

const profileJson = (file: string, ...args: string[]) => {
  const r = runCli(['profile', file, '--format', 'json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe('the CLI routes Parquet and Arrow IPC by their magic bytes', () => {
  it('profiles a Parquet file with its metadata', () => {
    const report = profileJson(join(PQ, 'alltypes_plain.parquet'));
    expect(report.input.format).toBe('parquet');
    expect(report.table).toMatchObject({ rows: 8, columns: 11 });
    const id = report.columns.find((c: { name: string }) => c.name === 'id');
    expect(id.numeric).toMatchObject({ min: 0, max: 7, mean: 3.5 });
    expect(report.input.columnar.units).toBe(1);
  });

  it('gives the same counts for the same table as CSV and Parquet (splink fake_1000)', () => {
    const csv = profileJson(join(CORPUS, 'splink/tests/datasets/fake_1000_from_splink_demos.csv'));
    const pq = profileJson(join(CORPUS, 'splink/tests/datasets/fake_1000_from_splink_demos_strip_datetypes.parquet'));
    expect(pq.table.rows).toBe(csv.table.rows);
    for (const name of ['unique_id', 'first_name', 'surname', 'city', 'email', 'cluster']) {
      const a = csv.columns.find((c: { name: string }) => c.name === name);
      const b = pq.columns.find((c: { name: string }) => c.name === name);
      // A CSV empty cell is a Parquet null: the same missing count, split differently.
      expect(b.missing.count, name).toBe(a.missing.count);
      // The Parquet copy was written from a cleaned frame (leading spaces of some names stripped), so
      // distinct counts agree only on the untouched key columns.
      if (name === 'unique_id' || name === 'cluster') expect(b.distinct, name).toEqual(a.distinct);
    }
  });

  it('profiles Arrow IPC file and stream formats, compressed batches included', () => {
    for (const f of ['generated_zstd.arrow_file', 'generated_zstd.stream', 'generated_lz4.arrow_file']) {
      const report = profileJson(join(IPC, '2.0.0-compression', f));
      expect(['arrow', 'arrow-stream']).toContain(report.input.format);
      expect(report.table.rows).toBeGreaterThan(0);
    }
  });

  it('stops a decompression bomb at the memory limit with one clear line and exit 2', () => {
    const r = runCli(['profile', join(PQ, 'large_string_map.brotli.parquet'), '--max-memory', '256M']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/memory limit: .* over the limit of 256\.0 MiB/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses an encrypted Parquet file as unsupported', () => {
    const r = runCli(['profile', join(PQ, 'uniform_encryption.parquet.encrypted')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unsupported: .*encrypt/i);
  });
});

describe('the same table as CSV, Parquet and Arrow IPC gives the same counts', () => {
  // 3,000 generated rows; Parquet = DuckDB read_csv(all_varchar=true) so every cell stays the CSV's text;
  // Arrow IPC file = that Parquet read by parquet-wasm in 1,000-row batches, written by apache-arrow.
  // Documented difference: DuckDB's CSV reader turns an empty cell into NULL, so the CSV's `empty` count
  // is the copies' `nulls` count; `missing.count` (their sum plus whitespace and disguised tokens) is equal.
  const dir = tempDir('dataready-formats-');
  const csv = join(dir, 'export.csv');
  const parquet = join(dir, 'export.parquet');
  const arrow = join(dir, 'export.arrow');
  type Report = {
    input: { columnar?: { units: number } };
    table: { rows: number };
    columns: { name: string; missing: { count: number; nulls: number; empty: number; whitespace: number; disguised: Record<string, number> }; distinct: { distinct: number; exact: boolean } }[];
    duplicates: { exact: { duplicateRows: number; clusters: number; rowsInClusters: number }; near: { duplicateRows: number; clusters: number } };
  };
  const reports: Record<string, Report> = {};

  beforeAll(async () => {
    const g = spawnSync(process.execPath, [join(ROOT, 'scripts/gen-export.mjs'), '--rows', '3000', '--seed', '7', '--out', csv], { encoding: 'utf8' });
    expect(g.status, g.stderr).toBe(0);
    const db = await DuckDBInstance.create(':memory:', { threads: '1' });
    const con = await db.connect();
    await con.run(`COPY (SELECT * FROM read_csv('${csv}', all_varchar=true)) TO '${parquet}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000)`);
    con.closeSync();
    db.closeSync();
    const table = tableFromIPC(readParquet(readFileSync(parquet), { batchSize: 1000 }).intoIPCStream());
    writeFileSync(arrow, tableToIPC(table, 'file'));
    for (const [name, file] of Object.entries({ csv, parquet, arrow })) reports[name] = profileJson(file, '--quiet', '--threads', '1');
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every row, from more than one shard of the columnar copies', () => {
    expect(reports.csv.table.rows).toBe(3000);
    expect(reports.parquet.table.rows).toBe(3000);
    expect(reports.arrow.table.rows).toBe(3000);
    expect(reports.parquet.input.columnar?.units).toBeGreaterThan(1);
    expect(reports.arrow.input.columnar?.units).toBe(3);
  });

  for (const format of ['parquet', 'arrow'] as const) {
    it(`${format}: per column missing and distinct counts equal the CSV's; empty cells became nulls`, () => {
      const a = reports.csv;
      const b = reports[format];
      expect(b.columns.map(c => c.name)).toEqual(a.columns.map(c => c.name));
      let empties = 0;
      a.columns.forEach((x, i) => {
        const y = b.columns[i];
        expect(y.missing.count, x.name).toBe(x.missing.count);
        expect(y.missing.nulls, x.name).toBe(x.missing.empty + x.missing.nulls);
        expect(y.missing.empty, x.name).toBe(0);
        expect(y.missing.whitespace, x.name).toBe(x.missing.whitespace);
        expect(y.missing.disguised, x.name).toEqual(x.missing.disguised);
        expect(y.distinct, x.name).toEqual(x.distinct);
        empties += x.missing.empty;
      });
      expect(empties).toBeGreaterThan(1000); // the comparison is not vacuous
    });

    it(`${format}: exact and near duplicate counts equal the CSV's`, () => {
      const a = reports.csv.duplicates;
      const b = reports[format].duplicates;
      expect(a.exact.duplicateRows).toBeGreaterThan(0);
      expect(b.exact).toEqual(a.exact);
      expect(b.near.duplicateRows).toBe(a.near.duplicateRows);
      expect(b.near.clusters).toBe(a.near.clusters);
    });
  }
});
