#!/usr/bin/env node
// The same table as CSV, Parquet and Arrow IPC: cost of `dataready profile` on each, and whether the reports agree.
//
//   npm run build && node bench/formats.mjs [--rows 200000] [--reps 3] [--threads 1,2] [--dir /tmp/pq]
//
// Inputs (made once, in --dir):
//   export.csv              node scripts/gen-export.mjs --rows N --seed 42
//   export.varchar.parquet  DuckDB COPY (SELECT * FROM read_csv(csv, all_varchar=true)) … zstd, ROW_GROUP_SIZE 100000
//   export.varchar.arrow    that Parquet read by parquet-wasm (batchSize 100000) -> apache-arrow tableToIPC(…, 'file')
//   export.typed.parquet    DuckDB COPY (SELECT * FROM read_csv(csv)) … (DuckDB's own type detection)
// Runs: `node dist/src/cli/main.js profile FILE --format json --quiet --threads T` under
// `/usr/bin/time -f '%e %U %S %M'`, files alternated within each repetition; median of reps.
// Agreement: CSV vs the all_varchar Parquet and Arrow copies (and, for information, the typed Parquet):
// rows, per column missing count, distinct count, numeric min/max, length min/max, inferred type, exact and
// near duplicate counts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/src/cli/main.js');

function parseArgs(argv) {
  const o = { rows: 200_000, reps: 3, threads: [1, 2], dir: '/tmp/pq' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--rows') o.rows = Number(argv[++i]);
    else if (a === '--reps') o.reps = Number(argv[++i]);
    else if (a === '--threads') o.threads = argv[++i].split(',').map(Number);
    else if (a === '--dir') o.dir = argv[++i];
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

const sq = (s) => `'${s.replace(/'/g, "''")}'`;

async function makeInputs(o) {
  mkdirSync(o.dir, { recursive: true });
  const csv = join(o.dir, o.rows === 200_000 ? 'export.csv' : `export-${o.rows}.csv`);
  const base = csv.replace(/\.csv$/, '');
  const files = { csv, varcharParquet: `${base}.varchar.parquet`, varcharArrow: `${base}.varchar.arrow`, typedParquet: `${base}.typed.parquet` };
  if (!existsSync(csv)) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/gen-export.mjs'), '--rows', String(o.rows), '--seed', '42', '--out', csv], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('gen-export failed');
  }
  if (!existsSync(files.varcharParquet) || !existsSync(files.typedParquet)) {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    const con = await instance.connect();
    const opts = '(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)';
    await con.run(`COPY (SELECT * FROM read_csv(${sq(csv)}, all_varchar=true)) TO ${sq(files.varcharParquet)} ${opts}`);
    await con.run(`COPY (SELECT * FROM read_csv(${sq(csv)})) TO ${sq(files.typedParquet)} ${opts}`);
    con.closeSync();
    instance.closeSync();
  }
  if (!existsSync(files.varcharArrow)) {
    const { readParquet } = await import('parquet-wasm');
    const { tableFromIPC, tableToIPC } = await import('apache-arrow');
    const table = tableFromIPC(readParquet(readFileSync(files.varcharParquet), { batchSize: 100_000 }).intoIPCStream());
    writeFileSync(files.varcharArrow, tableToIPC(table, 'file'));
  }
  return files;
}

function runOnce(file, threads) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, CLI, 'profile', file, '--format', 'json', '--quiet', '--threads', String(threads)], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const timeLine = r.stderr.trim().split('\n').pop();
  const [wall, user, sys, rssKb] = timeLine.split(' ').map(Number);
  if (r.status !== 0) throw new Error(`${file} --threads ${threads}: exit ${r.status}: ${r.stderr.slice(0, 500)}`);
  return { wall, cpu: user + sys, rssMiB: rssKb / 1024, report: JSON.parse(r.stdout) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

function summary(report) {
  const cols = new Map();
  for (const c of report.columns) {
    cols.set(c.name, {
      missing: c.missing.count,
      nulls: c.missing.nulls,
      empty: c.missing.empty,
      distinct: c.distinct.distinct,
      distinctExact: c.distinct.exact,
      min: c.numeric?.min ?? null,
      max: c.numeric?.max ?? null,
      lenMin: c.lengths?.min ?? null,
      lenMax: c.lengths?.max ?? null,
      type: c.type.inferred,
    });
  }
  const d = report.duplicates ?? {};
  return { rows: report.table.rows, cols, exact: d.exact?.duplicateRows ?? null, exactClusters: d.exact?.clusters ?? null, near: d.near?.duplicateRows ?? null, nearClusters: d.near?.clusters ?? null };
}

function diff(a, b) {
  const out = [];
  for (const k of ['rows', 'exact', 'exactClusters', 'near', 'nearClusters']) if (a[k] !== b[k]) out.push(`${k}: ${a[k]} vs ${b[k]}`);
  for (const [name, x] of a.cols) {
    const y = b.cols.get(name);
    if (!y) {
      out.push(`${name}: missing column`);
      continue;
    }
    for (const k of ['missing', 'distinct', 'min', 'max', 'lenMin', 'lenMax', 'type']) {
      if (x[k] !== y[k]) out.push(`${name}.${k}: ${x[k]} vs ${y[k]}`);
    }
  }
  return out;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!existsSync(CLI)) throw new Error('run `npm run build` first');
  const files = await makeInputs(o);
  const names = Object.keys(files);
  const runs = {};
  const reports = {};
  for (const t of o.threads) {
    for (let r = 0; r < o.reps; r++) {
      const order = names.map((_, i) => names[(i + r) % names.length]);
      for (const name of order) {
        const res = runOnce(files[name], t);
        (runs[`${name}@${t}`] ??= []).push(res);
        reports[`${name}@${t}`] ??= res.report;
        process.stderr.write(`${name} --threads ${t} rep ${r + 1}: wall ${res.wall}s cpu ${res.cpu.toFixed(2)}s rss ${res.rssMiB.toFixed(0)} MiB\n`);
      }
    }
  }
  const { statSync } = await import('node:fs');
  console.log(`| input | bytes | threads | wall s | CPU s (user+sys) | CPU vs CSV | peak RSS MiB | runs (CPU s) |`);
  console.log('|---|---|---|---|---|---|---|---|');
  for (const t of o.threads) {
    const csvCpu = median(runs[`csv@${t}`].map((x) => x.cpu));
    for (const name of names) {
      const rs = runs[`${name}@${t}`];
      const cpu = median(rs.map((x) => x.cpu));
      console.log(
        `| ${name} | ${statSync(files[name]).size} | ${t} | ${median(rs.map((x) => x.wall)).toFixed(2)} | ${cpu.toFixed(2)} | ${(cpu / csvCpu).toFixed(2)} | ${median(rs.map((x) => x.rssMiB)).toFixed(0)} | ${rs.map((x) => x.cpu.toFixed(2)).join(', ')} |`,
      );
    }
  }
  console.log('\nAgreement with the CSV report (threads 1):');
  const csv = summary(reports[`csv@${o.threads[0]}`]);
  for (const name of names.slice(1)) {
    const d = diff(csv, summary(reports[`${name}@${o.threads[0]}`]));
    console.log(`- ${name}: ${d.length ? `${d.length} differences:\n    ${d.join('\n    ')}` : 'identical on every compared field'}`);
  }
  for (const name of names) {
    const a = summary(reports[`${name}@${o.threads[0]}`]);
    for (const t of o.threads.slice(1)) {
      const d = diff(a, summary(reports[`${name}@${t}`]));
      if (d.length) console.log(`- ${name} threads ${o.threads[0]} vs ${t}: ${d.join('; ')}`);
    }
  }
  // missing split for the CSV vs Parquet explanation
  console.log('\nMissing split (CSV nulls/empty vs varchar Parquet nulls/empty), columns with any missing:');
  const vp = summary(reports[`varcharParquet@${o.threads[0]}`]);
  for (const [name, x] of csv.cols) {
    const y = vp.cols.get(name);
    if (x.missing) console.log(`  ${name}: csv ${x.nulls}/${x.empty}, parquet ${y?.nulls}/${y?.empty}`);
  }
}

main().catch((e) => {
  console.error(`bench/formats: ${e.stack ?? e}`);
  process.exit(1);
});
