import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { customers, regressions, toCsv } from '../unit/compare/fixtures.js';

/** --history end to end, and the database surviving a process killed in the middle of a write. */

const dir = tempDir('dataready-history-');
const path = (name: string) => join(dir, name);
const base = customers(600, 11);
writeFileSync(path('export.csv'), toCsv(base));
writeFileSync(path('collapsed.csv'), toCsv(regressions.rowCollapse(base)));

interface HistoryJson {
  dataset: string;
  runs: { id: number; rows: number; columns: number; status: string; failed: number; warned: number }[];
  trends: { metric: string; subject: string; values: (number | null)[]; first: number; last: number; change: number; lastChange: number }[];
}

describe('profile --history', { timeout: 240_000 }, () => {
  it('records every run under .dataready/history.db in the cwd; the latest run is the next baseline; a metric outside its recent range is a finding', () => {
    const codes: (number | null)[] = [];
    const outputs: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = runCli(['profile', 'export.csv', '--history', '--quiet'], { cwd: dir });
      codes.push(r.code);
      outputs.push(r.stdout);
      expect(r.stderr).toBe('');
    }
    expect(existsSync(path('.dataready/history.db'))).toBe(true);
    expect(outputs[0]).toContain('No baseline to compare with: PASSED — 0 failed, 0 warnings, 0 passed, 1 skipped\n  skip  recent-range checks need 3 recorded runs of this dataset; 0 so far\n');
    expect(outputs[1]).toMatch(/Compared with run #1 of "export\.csv" \(\d{4}-\d\d-\d\dT[\d:.]+Z\) \(dataready [\d.]+, report v1\): PASSED — 0 failed, 0 warnings, \d+ passed, 1 skipped/);
    expect(outputs[3]).toMatch(/Compared with run #3 of "export\.csv" .*: PASSED — 0 failed, 0 warnings, \d+ passed\n {2}no change beyond the thresholds\n$/);

    // the export collapses: the row-count check against run #4 fails, and rows leave their recent range
    writeFileSync(path('export.csv'), toCsv(regressions.rowCollapse(base)));
    const collapsed = runCli(['profile', 'export.csv', '--history', '--quiet', '--junit', 'ci/junit.xml'], { cwd: dir });
    writeFileSync(path('export.csv'), toCsv(base));
    expect(collapsed.code).toBe(1);
    expect(collapsed.stdout).toMatch(/FAILED — 1 failed, 1 warning, \d+ passed\n {2}FAIL {2}rows 600 → 60 \(−90\.0%\)\n {2}WARN {2}rows 60 outside the recent range 594…606 \(mean 600 ± 3σ of the last 4 runs\)\n$/);
    expect(existsSync(path('ci/junit.xml'))).toBe(true);
    codes.push(collapsed.code);
    expect(codes).toEqual([0, 0, 0, 0, 1]);

    const h = runCli(['history', 'export.csv', '--format', 'json'], { cwd: dir });
    expect(h.code).toBe(0);
    const view = JSON.parse(h.stdout) as HistoryJson;
    expect(view.dataset).toBe('export.csv');
    expect(view.runs.map((r) => [r.id, r.rows, r.status, r.failed, r.warned])).toEqual([
      [1, 600, 'first', 0, 0],
      [2, 600, 'passed', 0, 0],
      [3, 600, 'passed', 0, 0],
      [4, 600, 'passed', 0, 0],
      [5, 60, 'failed', 1, 1],
    ]);
    expect(view.trends[0]).toEqual({ metric: 'rows', subject: '', values: [600, 600, 600, 600, 60], first: 600, last: 60, change: -540, lastChange: -540 });

    const text = runCli(['history', 'export.csv'], { cwd: dir });
    expect(text.stdout.split('\n').slice(0, 2)).toEqual(['History of "export.csv": 5 runs shown', '']);
    expect(text.stdout).toMatch(/\n {2}rows +████▁ {2}600 → 60 \(−540 overall, −540 last run\)\n/);
    const list = runCli(['history'], { cwd: dir });
    expect(list.stdout).toMatch(/^export\.csv\t5 runs, last \d{4}-/);
  });

  it('--dataset names the series; --history-db moves the file; a named baseline file wins over the history', () => {
    const db = path('elsewhere/h.db');
    const first = runCli(['profile', path('export.csv'), '--history-db', db, '--dataset', 'nightly customers', '--quiet', '--out', path('nightly.json')]);
    expect(first.code).toBe(0);
    const second = runCli(['profile', path('collapsed.csv'), '--history-db', db, '--dataset', 'nightly customers', '--quiet']);
    expect(second.code).toBe(1);
    expect(second.stdout).toMatch(/Compared with run #1 of "nightly customers"/);
    const third = runCli(['profile', path('export.csv'), '--history-db', db, '--dataset', 'nightly customers', '--baseline', path('nightly.json'), '--quiet']);
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/Compared with .*nightly\.json/);
    const h = JSON.parse(runCli(['history', 'nightly customers', '--history-db', db, '--format', 'json']).stdout) as HistoryJson;
    expect(h.runs.map((r) => r.rows)).toEqual([600, 60, 600]);
    expect(h.runs.map((r) => r.status)).toEqual(['first', 'failed', 'passed']);
  });

  it('refuses, with exit 2, a missing history, an unknown dataset, a damaged file and a foreign database', () => {
    const none = runCli(['history', 'x', '--history-db', path('none.db')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(`dataready: no history database at ${path('none.db')} (record runs with \`dataready profile FILE --history\`, or pass --history-db PATH)\n`);
    expect(existsSync(path('none.db'))).toBe(false);

    const unknown = runCli(['history', 'nope', '--history-db', path('elsewhere/h.db')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(`dataready: no runs of dataset "nope" in ${path('elsewhere/h.db')} (datasets: "nightly customers")\n`);

    writeFileSync(path('garbage.db'), Buffer.alloc(8192, 0x5a));
    const garbage = runCli(['profile', path('export.csv'), '--history-db', path('garbage.db'), '--quiet']);
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).toBe(`dataready: history database ${path('garbage.db')} is damaged or not a SQLite database (SQLITE_NOTADB); move it aside to start a new history\n`);
    expect(garbage.stdout).toBe('');

    const foreign = new Database(path('foreign.db'));
    foreign.exec('CREATE TABLE people (name TEXT)');
    foreign.close();
    const f = runCli(['profile', path('export.csv'), '--history-db', path('foreign.db'), '--quiet']);
    expect(f.code).toBe(2);
    expect(f.stderr).toBe(`dataready: ${path('foreign.db')} is a SQLite database but not a dataready history; pass another --history-db PATH\n`);

    const usage = runCli(['profile', path('export.csv'), '--dataset', 'x']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe('dataready: --dataset names a dataset in the history: use it with --history\n');
  });
});

/** A child process that records runs through the built HistoryStore; `hang` blocks inside the second write. */
const CHILD = `
import { HistoryStore } from ${JSON.stringify(join(ROOT, 'dist/src/history/store.js'))};
const [db, mode] = process.argv.slice(2);
const store = HistoryStore.open(db, { create: true });
const metrics = Array.from({ length: 500 }, (_, i) => ({ metric: 'missing.rate', subject: 'c' + i, kind: 'rate', value: i / 1000 }));
const report = JSON.stringify({ padding: 'x'.repeat(1_000_000) });
const run = (i) => ({ dataset: 'd', recordedAt: 't' + i, toolVersion: '0', reportVersion: 1, inputPath: null, rows: i, columns: 1, status: 'passed', failed: 0, warned: 0, report, metrics });
if (mode === 'hang') {
  store.record(run(1));
  process.stdout.write('committed 1\\n');
  store.record(run(2), { beforeCommit: () => { process.stdout.write('inside\\n'); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120000); } });
} else {
  for (let i = 1; ; i++) { store.record(run(i)); process.stdout.write('committed ' + i + '\\n'); }
}
`;

function killWhen(db: string, mode: 'hang' | 'loop', ready: (out: string) => boolean): Promise<string> {
  writeFileSync(path('child.mjs'), CHILD);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path('child.mjs'), db, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (ready(out) && child.exitCode === null) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(out) : reject(new Error(`child ended with ${code}: ${err}`))));
  });
}

function inspect(db: string) {
  const d = new Database(db);
  try {
    return {
      integrity: d.pragma('integrity_check', { simple: true }),
      runs: (d.prepare('SELECT id, report FROM runs ORDER BY id').all() as { id: number; report: Buffer }[]).map((r) => ({ id: r.id, len: gunzipSync(r.report).length })),
      metricsPerRun: (d.prepare('SELECT run_id, count(*) AS n FROM metrics GROUP BY run_id ORDER BY run_id').all() as { run_id: number; n: number }[]).map((r) => r.n),
      orphans: (d.prepare('SELECT count(*) AS n FROM metrics WHERE run_id NOT IN (SELECT id FROM runs)').get() as { n: number }).n,
    };
  } finally {
    d.close();
  }
}

describe('the history database survives a process killed mid-write', { timeout: 240_000 }, () => {
  it('killed inside the transaction of run #2: the file is intact and holds run #1 only', async () => {
    const db = path('killed-inside.db');
    const out = await killWhen(db, 'hang', (o) => o.includes('inside\n'));
    expect(out).toBe('committed 1\ninside\n');
    expect(existsSync(`${db}-wal`)).toBe(true); // the uncommitted write was under way
    const state = inspect(db);
    expect(state.integrity).toBe('ok');
    expect(state.runs).toEqual([{ id: 1, len: 1_000_014 }]);
    expect(state.metricsPerRun).toEqual([500]);
    expect(state.orphans).toBe(0);
  });

  it('killed at an arbitrary moment of a stream of writes: every run is whole or absent', async () => {
    const db = path('killed-loop.db');
    const out = await killWhen(db, 'loop', (o) => /committed 3\n/.test(o));
    const printed = Math.max(...[...out.matchAll(/committed (\d+)/g)].map((m) => Number(m[1])));
    const state = inspect(db);
    expect(state.integrity).toBe('ok');
    // the run being written when the signal landed is recorded in full or not at all
    expect([printed, printed + 1]).toContain(state.runs.length);
    expect(state.runs.every((r) => r.len === 1_000_014)).toBe(true);
    expect(state.metricsPerRun).toEqual(state.runs.map(() => 500));
    expect(state.orphans).toBe(0);
    // and the history goes on: the next run records on top
    const next = runCli(['profile', path('export.csv'), '--history-db', db, '--dataset', 'd2', '--quiet']);
    expect(next.code).toBe(0);
    expect(inspect(db).runs).toHaveLength(state.runs.length + 1);
  });

  it('a profile --history killed part-way leaves no corrupt file and at most one run', async () => {
    const db = path('killed-cli.db');
    const child = spawn(process.execPath, [join(ROOT, 'dist/src/cli/main.js'), 'profile', path('export.csv'), '--history-db', db, '--quiet'], { stdio: 'ignore' });
    // the database is opened before profiling starts; kill soon after it appears, while the profile runs
    for (let waited = 0; !existsSync(db) && waited < 30_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, Number(process.pid) % 300));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    if (existsSync(db)) {
      const state = inspect(db);
      expect(state.integrity).toBe('ok');
      expect(state.runs.length).toBeLessThanOrEqual(1);
      expect(state.orphans).toBe(0);
    }
  });
});
