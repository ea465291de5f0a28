#!/usr/bin/env node
// DuckDB baseline: `SUMMARIZE SELECT * FROM read_csv('FILE')` through @duckdb/node-api, in a child process
// so that its wall time and peak RSS are measured the same way as the dataready CLI's.
//
//   node bench/duckdb.mjs FILE [--reps 3] [--threads N]     time DuckDB alone and print a table
//   node bench/duckdb.mjs --child FILE [--threads N]        (internal) run the query once, print one JSON line
//
// The child reports the query's own time and DuckDB's view of the row count (SUMMARIZE's `count`); the
// parent's wall time includes Node start-up and loading DuckDB (~0.2 s), as dataready's CLI time does.
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './lib/measure.mjs';
import { fmt, fmtInt, median, table } from './lib/stats.mjs';

const SELF = fileURLToPath(import.meta.url);

export function summarizeSql(file) {
  return `SUMMARIZE SELECT * FROM read_csv('${file.replace(/'/g, "''")}')`;
}

async function child(file, threads) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const started = performance.now();
  const instance = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
  const con = await instance.connect();
  const reader = await con.runAndReadAll(summarizeSql(file));
  const rows = reader.getRowObjectsJS();
  const queryMs = performance.now() - started;
  const counts = rows.map((r) => Number(r.count));
  con.closeSync();
  instance.closeSync();
  process.stdout.write(JSON.stringify({
    ok: true,
    queryS: queryMs / 1000,
    columns: rows.length,
    rowCount: Math.max(...counts),
    selfMaxRssMB: process.resourceUsage().maxRSS / 1024,
  }) + '\n');
}

/**
 * Time one DuckDB SUMMARIZE of `file` in a child process.
 * Resolves { tool: 'duckdb', ok, wallS, maxRssMB, userS, sysS, queryS, rowCount, columns, error? }.
 */
export async function runDuckdb(file, { threads } = {}) {
  const argv = [process.execPath, SELF, '--child', file];
  if (threads) argv.push('--threads', String(threads));
  const m = await measure(argv);
  let info = {};
  try {
    info = JSON.parse(m.stdout.trim().split('\n').pop() ?? '{}');
  } catch {
    info = {};
  }
  const ok = m.exitCode === 0 && info.ok === true;
  return {
    tool: 'duckdb',
    threads: threads ?? 'default',
    ok,
    wallS: m.wallS,
    maxRssMB: Number.isFinite(m.maxRssMB) && m.maxRssMB > 0 ? m.maxRssMB : info.selfMaxRssMB,
    rssSource: m.rssSource,
    userS: m.userS,
    sysS: m.sysS,
    queryS: info.queryS,
    rowCount: info.rowCount,
    columns: info.columns,
    error: ok ? undefined : (m.stderr.trim().split('\n').slice(-5).join('\n') || `exit ${m.exitCode}`),
  };
}

function parseArgs(argv) {
  const o = { file: '', reps: 3, threads: undefined, child: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--child') o.child = true;
    else if (a === '--reps') o.reps = Number(argv[++i]);
    else if (a === '--threads') o.threads = Number(argv[++i]);
    else if (!a.startsWith('--') && !o.file) o.file = a;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!o.file) throw new Error('usage: node bench/duckdb.mjs FILE [--reps 3] [--threads N]');
  return o;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.child) return child(o.file, o.threads);
  const bytes = statSync(o.file).size;
  const runs = [];
  for (let i = 0; i < o.reps; i++) {
    const r = await runDuckdb(o.file, { threads: o.threads });
    if (!r.ok) throw new Error(`DuckDB failed: ${r.error}`);
    console.error(`run ${i + 1}: wall ${fmt(r.wallS)} s, query ${fmt(r.queryS)} s, peak RSS ${fmt(r.maxRssMB, 0)} MB`);
    runs.push(r);
  }
  const wall = median(runs.map((r) => r.wallS));
  const rows = runs[0].rowCount;
  console.log(`${path.basename(o.file)}: ${fmt(bytes / 1e6, 1)} MB, ${fmtInt(rows)} records (DuckDB count), ${o.reps} runs`);
  console.log(table(
    ['tool', 'median wall s', 'median query s', 'MB/s', 'rows/s', 'peak RSS MB', 'user+sys s'],
    [['duckdb SUMMARIZE', fmt(wall), fmt(median(runs.map((r) => r.queryS))), fmt(bytes / 1e6 / wall, 0), fmtInt(rows / wall),
      fmt(median(runs.map((r) => r.maxRssMB)), 0), fmt(median(runs.map((r) => r.userS + r.sysS)))]],
  ));
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  main().catch((err) => {
    console.error(`bench/duckdb: ${err.message}`);
    process.exit(1);
  });
}
