#!/usr/bin/env node
// Benchmark: the dataready CLI against DuckDB's SUMMARIZE on the same generated export.
//
//   npm run bench                                   (= npm run build && node bench/run.mjs)
//   node bench/run.mjs [--rows 5000000] [--reps 3] [--threads 1,2] [--seed 42]
//                      [--file F] [--duckdb-threads N] [--skip-dataready] [--skip-duckdb] [--json OUT]
//                      [--cli PATH]   (another build of the CLI; default dist/src/cli/main.js)
//
// --file times an existing file instead; its record count is then DuckDB's count (or --rows).
//
// It makes bench/data/export-<rows>.csv with scripts/gen-export.mjs when missing, reads the file once to
// warm the page cache, then runs, per repetition, dataready once per --threads value and DuckDB once,
// alternating, so that a slow spell of the machine hits both tools alike. Each run is a fresh child
// process: wall time covers start-up to exit; peak RSS is GNU time's maximum resident set size.
// When dist/src/cli/main.js is missing (CLI not built) the dataready side is skipped with a note.
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDuckdb } from './duckdb.mjs';
import { ensureExport, REPO } from './lib/data.mjs';
import { hasGnuTime, measure } from './lib/measure.mjs';
import { fmt, fmtInt, median, table } from './lib/stats.mjs';

const DEFAULT_CLI = path.join(REPO, 'dist/src/cli/main.js');
const drLabel = (threads) => `dataready${threads ? ` --threads ${threads}` : ''}`;

function parseArgs(argv) {
  const o = { cli: DEFAULT_CLI, rows: 5_000_000, reps: 3, threads: [], seed: 42, file: '', duckdbThreads: undefined, skipDataready: false, skipDuckdb: false, json: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--rows') { o.rows = Number(val()); o.rowsGiven = true; }
    else if (a === '--reps') o.reps = Number(val());
    else if (a === '--threads') o.threads = val().split(',').map((t) => Number(t.trim()));
    else if (a === '--seed') o.seed = Number(val());
    else if (a === '--file') o.file = val();
    else if (a === '--duckdb-threads') o.duckdbThreads = Number(val());
    else if (a === '--skip-dataready') o.skipDataready = true;
    else if (a === '--skip-duckdb') o.skipDuckdb = true;
    else if (a === '--json') o.json = val();
    else if (a === '--cli') o.cli = path.resolve(val());
    else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isInteger(o.rows) || o.rows < 1) throw new Error('--rows must be a positive integer');
  if (!Number.isInteger(o.reps) || o.reps < 1) throw new Error('--reps must be a positive integer');
  if (o.threads.some((t) => !Number.isInteger(t) || t < 1)) throw new Error('--threads takes a list of positive integers, e.g. 1,2');
  return o;
}

/** Read the whole file once so that the first timed run does not pay for the disk. */
function warmPageCache(file) {
  return new Promise((resolve, reject) => {
    createReadStream(file, { highWaterMark: 8 << 20 }).on('data', () => {}).on('end', resolve).on('error', reject);
  });
}

async function runDataready(cli, file, threads, outDir, rep) {
  const out = path.join(outDir, `report-t${threads ?? 'default'}-r${rep}.json`);
  const argv = [process.execPath, cli, 'profile', file, '--format', 'json', '--out', out, '--quiet'];
  if (threads) argv.push('--threads', String(threads));
  const m = await measure(argv);
  // Exit 1 means "quality gate failed": the profile ran. 2 and 3 mean it did not.
  const wrote = existsSync(out) && statSync(out).size > 0;
  const ok = (m.exitCode === 0 || m.exitCode === 1) && wrote;
  return {
    tool: 'dataready',
    threads: threads ?? 'default',
    ok,
    exitCode: m.exitCode,
    wallS: m.wallS,
    maxRssMB: m.maxRssMB,
    rssSource: m.rssSource,
    userS: m.userS,
    sysS: m.sysS,
    error: ok ? undefined : (m.stderr.trim().split('\n').slice(-5).join('\n') || `exit ${m.exitCode}, no report written`),
  };
}

function summarize(runs, bytes, rows) {
  const wall = median(runs.map((r) => r.wallS));
  return {
    wallS: wall,
    mbPerS: bytes / 1e6 / wall,
    rowsPerS: rows / wall,
    maxRssMB: median(runs.map((r) => r.maxRssMB)),
    cpuS: median(runs.map((r) => r.userS + r.sysS)),
    walls: runs.map((r) => r.wallS),
  };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const data = o.file
    ? { file: path.resolve(o.file), bytes: statSync(o.file).size, rows: o.rowsGiven ? o.rows : undefined, generated: false }
    : await ensureExport(o.rows, { seed: o.seed });
  const { file, bytes } = data;

  let doDataready = !o.skipDataready;
  if (doDataready && !existsSync(o.cli)) {
    console.error(`note: ${path.relative(REPO, o.cli)} not found (run npm run build); skipping dataready, timing DuckDB only`);
    doDataready = false;
  }
  const threadList = o.threads.length ? o.threads : [undefined];
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'dataready-bench-'));

  const loadStart = os.loadavg()[0];
  console.error(`warming the page cache with ${path.relative(REPO, file)} (${fmt(bytes / 1e6, 1)} MB) ...`);
  await warmPageCache(file);

  const runs = new Map(); // label -> runs
  const failures = [];
  const record = (label, r) => {
    if (!runs.has(label)) runs.set(label, []);
    if (r.ok) runs.get(label).push(r);
    else failures.push({ label, error: r.error });
    console.error(`  ${label}: ${r.ok ? `${fmt(r.wallS)} s, peak RSS ${fmt(r.maxRssMB, 0)} MB` : `FAILED: ${r.error}`}`);
  };
  let duckRows;
  try {
    for (let rep = 1; rep <= o.reps; rep++) {
      console.error(`repetition ${rep}/${o.reps}`);
      if (doDataready) {
        for (const t of threadList) {
          const r = await runDataready(o.cli, file, t, outDir, rep);
          record(drLabel(t), r);
        }
        // A CLI that could not profile this file in any variant will not start working on the next repetition.
        if (rep === 1 && threadList.every((t) => runs.get(drLabel(t)).length === 0)) {
          console.error('  dataready failed in every variant; not repeating it');
          doDataready = false;
        }
      }
      if (!o.skipDuckdb) {
        const r = await runDuckdb(file, { threads: o.duckdbThreads });
        record(`duckdb SUMMARIZE${o.duckdbThreads ? ` (threads ${o.duckdbThreads})` : ''}`, r);
        if (r.ok) duckRows = r.rowCount;
      }
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }

  const rows = data.rows ?? duckRows;
  const summaries = [...runs.entries()].filter(([, rs]) => rs.length > 0).map(([label, rs]) => ({ label, n: rs.length, ...summarize(rs, bytes, rows) }));
  const duck = summaries.find((s) => s.label.startsWith('duckdb'));
  console.log(`\nfile: ${path.relative(REPO, file)}  ${fmt(bytes / 1e6, 1)} MB, ${fmtInt(rows)} records${duckRows !== undefined && duckRows !== rows ? ` (DuckDB counted ${fmtInt(duckRows)})` : ''}`);
  if (data.generated) console.log(`generated in this run: ${fmt(data.genWallS, 1)} s wall, ${fmt(data.genUserS, 1)} s user CPU, peak RSS ${fmt(data.genMaxRssMB, 0)} MB`);
  const loadEnd = os.loadavg()[0];
  console.log(`machine: ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}, ${o.reps} repetitions, peak RSS via ${hasGnuTime() ? 'GNU time' : '/proc VmHWM polling'}`);
  console.log(`load average (1 min): ${fmt(loadStart)} at start, ${fmt(loadEnd)} at end${Math.max(loadStart, loadEnd) > os.cpus().length ? ' -- WARNING: other work was running; wall times are inflated, compare cpu s and ratios' : ''}\n`);
  console.log(table(
    ['tool', 'runs', 'median wall s', 'MB/s', 'rows/s', 'peak RSS MB', 'cpu s', 'wall / DuckDB', 'cpu / DuckDB'],
    summaries.map((s) => [s.label, s.n, fmt(s.wallS), fmt(s.mbPerS, s.mbPerS < 10 ? 1 : 0), fmtInt(s.rowsPerS), fmt(s.maxRssMB, 0), fmt(s.cpuS),
      duck ? fmt(s.wallS / duck.wallS) : '–', duck ? fmt(s.cpuS / duck.cpuS) : '–']),
  ));
  for (const f of failures) console.log(`\nFAILED ${f.label}: ${f.error}`);
  if (o.json) {
    writeFileSync(o.json, JSON.stringify({ file: path.relative(REPO, file), bytes, rows, loadavg: [loadStart, loadEnd], cores: os.cpus().length, generation: data.generated ? { wallS: data.genWallS, userS: data.genUserS, maxRssMB: data.genMaxRssMB } : null, summaries, failures }, null, 2) + '\n');
  }
  if (summaries.length === 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(`bench/run: ${err.message}`);
  process.exit(1);
});
