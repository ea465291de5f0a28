import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, runCli } from '../helpers/cli.js';

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
