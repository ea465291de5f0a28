#!/usr/bin/env node
// parquet-wasm vs hyparquet: do the two Parquet readers give the same cells, and which costs less CPU?
//
//   npm run build && node bench/parquet-readers.mjs [--reps 3] [--rows 200000] [--only SUBSTRING] [--json OUT]
//   node bench/parquet-readers.mjs --child FILE --reps N     (internal: one file, one JSON line)
//
// Files: every *.parquet in /work/shared/corpus/parquet-testing/data, plus a generated table
// (scripts/gen-export.mjs --rows N --seed 42, typed by DuckDB's read_csv) written by DuckDB once per codec
// (uncompressed, snappy, gzip, zstd, brotli, lz4_raw; ROW_GROUP_SIZE 100000) into /tmp/pq/readers/.
// Each file runs in its own child process (a wasm panic or a hang then costs only that file).
//
// Readers, alternated A/B/C/D within each repetition, CPU seconds (process.cpuUsage, user+sys), median of reps:
//   hy cells  dataready's production path: openParquet + readParquetShard (dist/src/sources/parquet.js),
//             every value turned into its Cell text (values.ts).
//   hy raw    hyparquet's stock parquetRead with onChunk + hyparquet-compressors, no text (decode only).
//   pw arrow  parquet-wasm: readFile + readParquet + intoIPCStream + apache-arrow tableFromIPC (decode only).
//   pw cells  parquet-wasm readParquet -> IPC stream bytes -> written to /tmp -> dataready's Arrow reader
//             (openArrow + readArrowShard, dist/src/sources/arrow.js), i.e. the same Cell text conversion
//             (values.ts) applied to parquet-wasm's Arrow types. The text comparison uses these cells.
//
// Comparison (hy cells vs pw cells): row count; per top-level column, null count and a SHA-1 of the cells
// (null -> "\0N", value -> its text + "\1"). Both sides use dataready's own text forms, so a hash difference is
// either a decoding difference or a type mapping difference (parquet-wasm/arrow-rs maps INT96 to
// Timestamp(ns), unannotated BYTE_ARRAY to Binary, ...); the first differing cell of each column is printed so
// the reader can tell which.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = resolve(ROOT, '../shared/corpus/parquet-testing/data');
const GEN_DIR = '/tmp/pq/readers';
const CODECS = ['uncompressed', 'snappy', 'gzip', 'zstd', 'brotli', 'lz4_raw'];
const MAX_KEEP_CELLS = 2_000_000; // keep cells (to show the first difference) only for files this small

function parseArgs(argv) {
  const o = { reps: 3, rows: 200_000, only: '', json: '', child: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--reps') o.reps = Number(argv[++i]);
    else if (a === '--rows') o.rows = Number(argv[++i]);
    else if (a === '--only') o.only = argv[++i];
    else if (a === '--json') o.json = argv[++i];
    else if (a === '--child') o.child = argv[++i];
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};

// ------------------------------------------------------------------------------------------------- child

class ColumnDigest {
  constructor(keep) {
    this.nulls = 0;
    this.hash = createHash('sha1');
    this.cells = keep ? [] : null;
    this.first = undefined;
  }
  add(values) {
    let buf = '';
    for (const v of values) {
      if (v === null || v === undefined) {
        this.nulls++;
        buf += '\u0000N';
      } else buf += v + '\u0001';
      if (this.first === undefined && v !== null && v !== undefined) this.first = v;
    }
    this.hash.update(buf);
    if (this.cells) for (const v of values) this.cells.push(v ?? null);
  }
}

async function readCells(open, readShard, path, keep) {
  const file = await open(path, { maxMemoryBytes: 1024 ** 3 });
  const digests = file.schema.columns.map(() => new ColumnDigest(keep));
  let rows = 0;
  for (const shard of file.shards) {
    await readShard(path, shard, { maxMemoryBytes: 1024 ** 3 }, (columns) => {
      rows += columns[0]?.length ?? 0;
      columns.forEach((col, c) => digests[c].add(col));
    });
  }
  return {
    rows,
    codecs: file.schema.codecs,
    columns: file.schema.columns.map((col, c) => ({
      name: col.name,
      type: [col.physicalType, col.logicalType].filter(Boolean).join('/'),
      nulls: digests[c].nulls,
      hash: digests[c].hash.digest('hex').slice(0, 16),
      first: digests[c].first,
      cells: digests[c].cells,
    })),
  };
}

async function child(path, reps) {
  const pq = await import(join(ROOT, 'dist/src/sources/parquet.js'));
  const ar = await import(join(ROOT, 'dist/src/sources/arrow.js'));
  const { parquetRead } = await import('hyparquet');
  const { compressors } = await import('hyparquet-compressors');
  const { tableFromIPC } = await import('apache-arrow');
  const wasm = await import('parquet-wasm');
  const ipcPath = join(tmpdir(), `pq-readers-${process.pid}.arrows`);
  const keep = statSync(path).size < 8 * 1024 * 1024;

  const readers = {
    async hyCells() {
      return readCells(pq.openParquet, pq.readParquetShard, path, keep);
    },
    async hyRaw() {
      const bytes = readFileSync(path);
      const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      let values = 0;
      await parquetRead({ file, compressors, onChunk: (c) => (values += c.columnData.length) });
      return { values };
    },
    async pwArrow() {
      const table = wasm.readParquet(readFileSync(path));
      const t = tableFromIPC(table.intoIPCStream());
      return { rows: t.numRows, nulls: t.schema.fields.map((_, i) => t.getChildAt(i)?.nullCount) };
    },
    async pwCells() {
      const table = wasm.readParquet(readFileSync(path));
      writeFileSync(ipcPath, table.intoIPCStream());
      return readCells(ar.openArrow, ar.readArrowShard, ipcPath, keep);
    },
  };
  const out = { file: path, bytes: statSync(path).size, cpu: {}, errors: {}, results: {} };
  const names = Object.keys(readers);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < reps; r++) {
    // rotate the order each repetition so no reader always runs first (JIT warm-up, GC debt)
    const order = names.map((_, i) => names[(i + r) % names.length]);
    for (const name of order) {
      if (out.errors[name]) continue;
      const t0 = cpu();
      try {
        const res = await readers[name]();
        times[name].push(cpu() - t0);
        if (r === 0 || !out.results[name]) out.results[name] = res;
      } catch (e) {
        out.errors[name] = String(e?.message ?? e).split('\n')[0].slice(0, 200);
      }
    }
  }
  rmSync(ipcPath, { force: true });
  for (const n of names) out.cpu[n] = median(times[n]);
  out.compare = compare(out.results.hyCells, out.results.pwCells);
  delete out.results;
  process.stdout.write(JSON.stringify(out) + '\n');
}

function compare(a, b) {
  if (!a || !b) return null;
  const c = { rows: [a.rows, b.rows], codecs: a.codecs, columns: a.columns.length, nullDiffs: [], hashDiffs: [] };
  if (a.columns.length !== b.columns.length) c.columnCount = [a.columns.length, b.columns.length];
  for (let i = 0; i < Math.min(a.columns.length, b.columns.length); i++) {
    const x = a.columns[i];
    const y = b.columns[i];
    if (x.nulls !== y.nulls) c.nullDiffs.push({ name: x.name, hy: x.nulls, pw: y.nulls });
    if (x.hash !== y.hash) {
      const d = { name: x.name, hyType: x.type, pwType: y.type };
      if (x.cells && y.cells) {
        const n = Math.max(x.cells.length, y.cells.length);
        let k = 0;
        while (k < n && x.cells[k] === y.cells[k]) k++;
        let count = 0;
        for (let j = 0; j < n; j++) if (x.cells[j] !== y.cells[j]) count++;
        Object.assign(d, { row: k, differing: count, hy: clip(x.cells[k]), pw: clip(y.cells[k]) });
      } else Object.assign(d, { hy: clip(x.first), pw: clip(y.first) });
      c.hashDiffs.push(d);
    }
  }
  return c;
}
const clip = (v) => (v === null || v === undefined ? v ?? null : String(v).slice(0, 60));

// ------------------------------------------------------------------------------------------------ parent

async function generate(rows) {
  mkdirSync(GEN_DIR, { recursive: true });
  const csv = `/tmp/pq/export-${rows}.csv`;
  if (!existsSync(csv)) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/gen-export.mjs'), '--rows', String(rows), '--seed', '42', '--out', csv], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('gen-export failed');
  }
  const files = CODECS.map((codec) => join(GEN_DIR, `export-${rows}.${codec}.parquet`));
  if (files.every(existsSync)) return files;
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const con = await instance.connect();
  await con.run(`CREATE TABLE t AS SELECT * FROM read_csv('${csv}')`);
  for (const [i, codec] of CODECS.entries()) {
    await con.run(`COPY t TO '${files[i]}' (FORMAT parquet, COMPRESSION ${codec}, ROW_GROUP_SIZE 100000)`);
  }
  con.closeSync();
  instance.closeSync();
  return files;
}

function runChild(file, reps) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', import.meta.filename, '--child', file, '--reps', String(reps)], {
    encoding: 'utf8',
    timeout: 600_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = r.stdout.trim().split('\n').pop();
  try {
    return JSON.parse(line);
  } catch {
    const why = r.error ? r.error.message : `exit ${r.status ?? r.signal}: ${(r.stderr || '').trim().split('\n').slice(-1)[0]}`;
    return { file, bytes: statSync(file).size, cpu: {}, errors: { child: why.slice(0, 200) }, compare: null };
  }
}

const f3 = (x) => (typeof x === 'number' ? x.toFixed(3) : '–');
const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? (a / b).toFixed(2) : '–');

function verdict(res) {
  const c = res.compare;
  const errs = Object.entries(res.errors);
  const hyErr = res.errors.hyCells ?? res.errors.child;
  const pwErr = res.errors.pwCells ?? res.errors.pwArrow ?? res.errors.child;
  if (hyErr && pwErr) return `both fail (hy: ${hyErr.slice(0, 60)}; pw: ${pwErr.slice(0, 60)})`;
  if (hyErr) return `hy fails: ${hyErr.slice(0, 90)}`;
  if (pwErr) return `pw fails: ${pwErr.slice(0, 90)}`;
  if (!c) return errs.length ? errs.map(([k, v]) => `${k}: ${v}`).join('; ') : '?';
  const parts = [];
  if (c.rows[0] !== c.rows[1]) parts.push(`rows ${c.rows[0]} vs ${c.rows[1]}`);
  if (c.columnCount) parts.push(`columns ${c.columnCount[0]} vs ${c.columnCount[1]}`);
  if (c.nullDiffs.length) parts.push(`nulls differ: ${c.nullDiffs.map((d) => `${d.name} ${d.hy}/${d.pw}`).join(', ')}`);
  if (c.hashDiffs.length) {
    parts.push(
      `text differs: ${c.hashDiffs
        .map((d) => `${d.name} [${d.hyType} | ${d.pwType}]${d.differing !== undefined ? ` ${d.differing} cells, row ${d.row}` : ''}: ${JSON.stringify(d.hy)} vs ${JSON.stringify(d.pw)}`)
        .join('; ')}`,
    );
  }
  return parts.length ? parts.join('; ') : 'same';
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.child) return child(o.child, o.reps);
  if (!existsSync(join(ROOT, 'dist/src/sources/parquet.js'))) throw new Error('run `npm run build` first');
  const corpus = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.parquet'))
    .sort()
    .map((f) => join(CORPUS, f));
  const files = [...corpus, ...(await generate(o.rows))].filter((f) => f.includes(o.only));
  const results = [];
  console.log('| file | bytes | codecs | rows | hy cells CPU s | pw cells CPU s | pw/hy | hy raw | pw arrow | pw/hy raw | comparison |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const file of files) {
    const res = runChild(file, o.reps);
    results.push(res);
    const c = res.compare;
    const rows = c ? (c.rows[0] === c.rows[1] ? c.rows[0] : `${c.rows[0]}/${c.rows[1]}`) : '–';
    console.log(
      `| ${basename(file)} | ${res.bytes} | ${c?.codecs?.join(',') ?? '–'} | ${rows} | ${f3(res.cpu.hyCells)} | ${f3(res.cpu.pwCells)} | ${ratio(res.cpu.pwCells, res.cpu.hyCells)} | ${f3(res.cpu.hyRaw)} | ${f3(res.cpu.pwArrow)} | ${ratio(res.cpu.pwArrow, res.cpu.hyRaw)} | ${verdict(res).replace(/\|/g, '\\|')} |`,
    );
  }
  if (o.json) writeFileSync(o.json, JSON.stringify(results, null, 1));
}

main().catch((e) => {
  console.error(`bench/parquet-readers: ${e.stack ?? e}`);
  process.exit(1);
});
