import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS, ROOT, runCli, tempDir } from '../helpers/cli.js';

/**
 * Dialect and encoding sniffing against what the corpus sources state (MANIFEST.md §6, §7, §8, §11, §12).
 * `delimiter: null` means a single-column file. Latin-1 and Windows-1252 count as the same answer (1252 is
 * Latin-1 plus printable characters in 0x80–0x9F; no sniffer can tell them apart on Latin-1 text).
 */
interface Expectation {
  file: string;
  delimiter?: string | null;
  header?: boolean;
  encoding?: string;
  rows?: number;
  columns?: number;
}

const DP = 'dataprofiler/dataprofiler/tests/data/csv';
const expectations: Expectation[] = [
  { file: `${DP}/iris.csv`, delimiter: ',', header: true, encoding: 'utf-8', rows: 150, columns: 6 },
  { file: `${DP}/iris_no_header.csv`, delimiter: ',', header: false, rows: 20, columns: 6 },
  { file: `${DP}/iris-utf-8.csv`, delimiter: ',', header: true, encoding: 'utf-8', rows: 150, columns: 6 },
  { file: `${DP}/iris-utf-16.csv`, delimiter: ',', header: true, encoding: 'utf-16le', rows: 150, columns: 6 },
  { file: `${DP}/wisconsin_cancer_train.csv`, delimiter: ',', header: true, rows: 497, columns: 10 },
  { file: `${DP}/aws_honeypot_marx_geo.csv`, delimiter: ',', header: true, rows: 2999, columns: 16 },
  { file: `${DP}/zomato.csv`, encoding: 'latin1' },
  { file: `${DP}/small-num.csv`, delimiter: null, header: true, rows: 5, columns: 1 },
  { file: `${DP}/small-num-negative.csv`, delimiter: null, header: false, rows: 5, columns: 1 },
  { file: `${DP}/names-col.txt`, delimiter: null, header: true, rows: 6, columns: 1 },
  { file: `${DP}/log_data_long.txt`, delimiter: ',', header: false, rows: 753, columns: 3 },
  { file: `${DP}/log_data_sparse.txt`, delimiter: ',', header: false, rows: 20, columns: 3 },
  { file: `${DP}/sparse-first-and-last-column.txt`, delimiter: ',', header: true, rows: 9, columns: 3 },
  { file: `${DP}/sparse-first-and-last-column-no-header.txt`, delimiter: ',', header: false, rows: 9, columns: 3 },
  { file: `${DP}/sparse-columns-test.csv`, delimiter: ',', header: true, rows: 25, columns: 36 },
  { file: `${DP}/multiple-col-delimiter-last.txt`, delimiter: ',', header: true, rows: 5, columns: 4 },
  { file: `${DP}/blogposts.csv`, delimiter: ',', header: true, rows: 25, columns: 4 },
  { file: `${DP}/all-strings-standard-header.csv`, delimiter: ',', header: true, rows: 10, columns: 4 },
  { file: `${DP}/all-strings-standard-header-quotes.csv`, delimiter: ',', header: true, rows: 10, columns: 4 },
  { file: `${DP}/daily-activity-sheet-tab.csv`, delimiter: '\t', header: true, rows: 30, columns: 4 },
  { file: `${DP}/preferred-check-small-num.csv`, delimiter: ',', header: false, rows: 5, columns: 2 },
  { file: `${DP}/flight_delays.csv`, delimiter: ',', header: true, rows: 20, columns: 8 },
  { file: 'rust-csv/examples/data/smallpop.csv', delimiter: ',', header: true, rows: 10, columns: 4 },
  { file: 'rust-csv/examples/data/smallpop-colon.csv', delimiter: ':', header: true, rows: 10, columns: 4 },
  { file: 'rust-csv/examples/data/smallpop-no-headers.csv', delimiter: ',', header: false, rows: 10, columns: 4 },
  { file: 'rust-csv/examples/data/uspop-latin1.csv', delimiter: ',', encoding: 'latin1' },
  { file: 'clevercsv/example/milk.csv', delimiter: '\t' },
  { file: 'frictionless-py/data/table.tsv', delimiter: '\t', header: true },
  { file: 'frictionless-py/data/issue-1009-semicolon.csv', delimiter: ';', rows: 1, columns: 2 },
  { file: 'frictionless-py/data/dialect.csv', delimiter: '|' },
  { file: 'frictionless-py/data/latin1.csv', encoding: 'latin1' },
  { file: 'frictionless-py/data/table-with-accents.csv', encoding: 'latin1' },
  { file: 'frictionless-py/data/bom.csv', encoding: 'utf-8', rows: 2, columns: 2 },
  { file: 'readr/tests/testthat/fixtures/eol-lf.csv', rows: 3 },
  { file: 'readr/tests/testthat/fixtures/eol-crlf.csv', rows: 3 },
  { file: 'readr/tests/testthat/fixtures/eol-cr.csv', rows: 3 },
  { file: 'readr/tests/testthat/fixtures/enc-iso-8859-1.txt', encoding: 'latin1' },
  { file: 'papaparse/tests/utf-8-bom-sample.csv', encoding: 'utf-8', rows: 1, columns: 3 },
];

const sameEncoding = (a: string, b: string) => {
  const latin = new Set(['latin1', 'windows-1252', 'iso-8859-15']);
  return a === b || (latin.has(a) && latin.has(b));
};

const results: { file: string; ok: boolean; why: string }[] = [];

describe('CSV dialect and encoding sniffing on the corpus', () => {
  for (const e of expectations) {
    it(e.file, () => {
      const r = runCli(['profile', join(CORPUS, e.file), '--format', 'json']);
      const problems: string[] = [];
      if (r.code !== 0) problems.push(`exit ${r.code}: ${r.stderr.trim()}`);
      else {
        const report = JSON.parse(r.stdout);
        const d = report.input.dialect;
        const single = report.table.columns === 1;
        if (e.delimiter !== undefined && !(e.delimiter === null ? single : d.delimiter === e.delimiter)) problems.push(`delimiter ${JSON.stringify(d.delimiter)}`);
        if (e.header !== undefined && d.header !== e.header) problems.push(`header ${d.header}`);
        if (e.encoding !== undefined && !sameEncoding(d.encoding, e.encoding)) problems.push(`encoding ${d.encoding}`);
        if (e.rows !== undefined && report.table.rows !== e.rows) problems.push(`rows ${report.table.rows}`);
        if (e.columns !== undefined && report.table.columns !== e.columns) problems.push(`columns ${report.table.columns}`);
      }
      results.push({ file: e.file, ok: problems.length === 0, why: problems.join(', ') });
    });
  }

  afterAll(() => {
    const ok = results.filter((r) => r.ok).length;
    console.log(`csv sniffing: ${ok}/${results.length} files sniffed right (${((100 * ok) / results.length).toFixed(1)}%)`);
    for (const r of results.filter((x) => !x.ok)) console.log(`  wrong: ${r.file}: ${r.why}`);
    // The floor only goes up: raise it when the sniffer improves.
    expect(ok).toBeGreaterThanOrEqual(SNIFF_FLOOR);
  });
});

const SNIFF_FLOOR = 30;

describe('compressed CSV', () => {
  const dir = tempDir();
  const plain = 'id,name,amount\n1,Ann,3.5\n2,Bob,N/A\n3,"Cy, Jr.",7\n';

  it('reads .gz and .zst the same as the plain file, and says they cannot be split', () => {
    writeFileSync(join(dir, 'small.csv'), plain);
    writeFileSync(join(dir, 'small.csv.gz'), gzipSync(plain));
    copyFileSync(join(ROOT, 'test/fixtures/small.csv.zst'), join(dir, 'small.csv.zst'));
    const reports = ['small.csv', 'small.csv.gz', 'small.csv.zst'].map((f) => {
      const r = runCli(['profile', join(dir, f), '--format', 'json']);
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout);
    });
    expect(reports.map((r) => r.input.compression)).toEqual(['none', 'gzip', 'zstd']);
    expect(reports.map((r) => r.input.splittable)).toEqual([true, false, false]);
    const strip = (r: { columns: unknown }) => JSON.stringify(r.columns);
    expect(strip(reports[1])).toBe(strip(reports[0]));
    expect(strip(reports[2])).toBe(strip(reports[0]));
    expect(reports[0].columns[2].missing.disguised).toEqual({ 'N/A': 1 });
    expect(readFileSync(join(ROOT, 'test/fixtures/small.csv.zst')).readUInt32LE(0)).toBe(0xfd2fb528);
  });

  it('refuses a truncated gzip file with a clear message', () => {
    const gz = gzipSync(plain.repeat(200));
    writeFileSync(join(dir, 'cut.csv.gz'), gz.subarray(0, gz.length - 30));
    const r = runCli(['profile', join(dir, 'cut.csv.gz')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/corrupt or truncated gzip|unexpected end/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
