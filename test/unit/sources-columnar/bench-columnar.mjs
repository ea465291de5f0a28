// Columnar reader throughput: one thread reads every shard of a largish Parquet file (written by DuckDB,
// zstd, 100k-row row groups) and of an Arrow IPC file (written by apache-arrow, 100k-row batches), turning
// every value into its Cell text, and reports rows/s, MB/s (file bytes) and peak RSS.
//
//   node --import ./test/unit/sources-columnar/helpers/register-ts.mjs test/unit/sources-columnar/bench-columnar.mjs [rows]
//
// The files are generated into /tmp on first use. Results go into bench/results/columnar.md by hand.
import { existsSync, statSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { RecordBatchFileWriter, RecordBatchStreamWriter, makeData, makeVector, Utf8, Bool, DateDay, TimestampMicrosecond, vectorFromArray, tableFromArrays } from 'apache-arrow';
import { createWriteStream } from 'node:fs';
import { loadavg } from 'node:os';
import { openParquet, readParquetShard } from '../../../src/sources/parquet.ts';
import { openArrow, readArrowShard } from '../../../src/sources/arrow.ts';

const ROWS = Number(process.argv[2] ?? 2_000_000);
const PARQUET = `/tmp/columnar-bench-${ROWS}.parquet`;
const ARROW_FILE = `/tmp/columnar-bench-${ROWS}.arrow`;
const ARROW_STREAM = `/tmp/columnar-bench-${ROWS}.arrows`;

async function writeParquet() {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  await con.run(`COPY (
    SELECT i AS id,
           'customer_' || (i % 250000) AS name,
           CASE WHEN i % 10 = 0 THEN NULL ELSE 'city_' || (i % 500) END AS city,
           (i * 7919 % 100000) / 100.0 AS amount,
           CAST(i % 100000 AS DECIMAL(12,2)) AS balance,
           DATE '2020-01-01' + CAST(i % 1500 AS INTEGER) AS signup,
           TIMESTAMP '2020-01-01 00:00:00' + INTERVAL (i) SECOND AS seen_at,
           i % 3 = 0 AS active
    FROM range(${ROWS}) t(i)
  ) TO '${PARQUET}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`);
}

function arrowBatch(start, n) {
  const id = new BigInt64Array(n), amount = new Float64Array(n), signup = new Int32Array(n);
  const name = new Array(n), city = new Array(n), active = new Array(n), seen = new BigInt64Array(n);
  for (let k = 0; k < n; k++) {
    const i = start + k;
    id[k] = BigInt(i);
    name[k] = 'customer_' + (i % 250000);
    city[k] = i % 10 === 0 ? null : 'city_' + (i % 500);
    amount[k] = ((i * 7919) % 100000) / 100;
    signup[k] = 18262 + (i % 1500);
    seen[k] = (1577836800n + BigInt(i)) * 1000000n;
    active[k] = i % 3 === 0;
  }
  const table = tableFromArrays({
    id,
    name: vectorFromArray(name, new Utf8()),
    city: vectorFromArray(city, new Utf8()),
    amount,
    signup: makeVector(makeData({ type: new DateDay(), length: n, nullCount: 0, data: signup })),
    seen_at: makeVector(makeData({ type: new TimestampMicrosecond(), length: n, nullCount: 0, data: seen })),
    active: vectorFromArray(active, new Bool()),
  });
  return table.batches[0];
}

async function writeArrow(path, Writer) {
  const writer = new Writer();
  const out = createWriteStream(path);
  const done = new Promise(resolve => out.on('finish', resolve));
  writer.toNodeStream().pipe(out);
  for (let start = 0; start < ROWS; start += 100_000) writer.write(arrowBatch(start, Math.min(100_000, ROWS - start)));
  writer.finish();
  await done;
}

async function measure(label, path, open, read) {
  if (global.gc) global.gc();
  const bytes = statSync(path).size;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const { rows, shards } = await open(path, {});
  let cells = 0;
  let nulls = 0;
  let peak = process.memoryUsage().rss;
  for (const shard of shards) {
    await read(path, shard, {}, columns => {
      for (const column of columns) {
        cells += column.length;
        for (let i = 0; i < column.length; i++) if (column[i] === null) nulls++;
      }
    });
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const wall = (performance.now() - t0) / 1000;
  const cpuUsed = process.cpuUsage(cpu0);
  // on a shared machine the wall clock includes time other processes held the cores; CPU time does not
  const s = (cpuUsed.user + cpuUsed.system) / 1e6;
  console.log(
    `${label}: ${rows.toLocaleString('en')} rows × ${cells / rows} columns, ${shards.length} shards, ${(bytes / 2 ** 20).toFixed(1)} MiB; ` +
      `CPU ${s.toFixed(2)} s (wall ${wall.toFixed(2)} s, load ${loadavg()[0].toFixed(1)}) → ` +
      `${Math.round(rows / s).toLocaleString('en')} rows/s, ${(bytes / 2 ** 20 / s).toFixed(1)} MiB/s, ` +
      `${Math.round(cells / s).toLocaleString('en')} cells/s per CPU second; nulls ${nulls}; peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`,
  );
}

if (!existsSync(PARQUET)) await writeParquet();
if (!existsSync(ARROW_FILE)) await writeArrow(ARROW_FILE, RecordBatchFileWriter);
if (!existsSync(ARROW_STREAM)) await writeArrow(ARROW_STREAM, RecordBatchStreamWriter);
await measure('parquet (duckdb, zstd, 100k-row groups)', PARQUET, openParquet, readParquetShard);
await measure('arrow IPC file (100k-row batches)', ARROW_FILE, openArrow, readArrowShard);
await measure('arrow IPC stream (100k-row batches)', ARROW_STREAM, openArrow, readArrowShard);
