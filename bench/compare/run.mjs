// Cost of the regression checks: reading/validating a baseline, comparing, rendering JUnit + Markdown, and
// the history database (record, latest, recent range), on reports widened to 6 / 100 / 1,000 columns.
// Usage: npm run build && node bench/compare/run.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareSnapshots, summarize } from '../../dist/src/compare/compare.js';
import { compareRulesSchema } from '../../dist/src/compare/rules.js';
import { snapshotOf } from '../../dist/src/compare/snapshot.js';
import { metricsOf, rangeChecks } from '../../dist/src/compare/range.js';
import { HistoryStore } from '../../dist/src/history/store.js';
import { renderJunit } from '../../dist/src/compare/junit.js';
import { renderComparisonMarkdown } from '../../dist/src/compare/render.js';

const dir = mkdtempSync(join(tmpdir(), 'dataready-bench-compare-'));
// A 2,000-row export with an id, two categories, a decimal, a date and an integer; profiled by the CLI.
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const lines = ['id,city,amount,signup,status,score'];
for (let i = 0; i < 2000; i++) {
  lines.push([100000 + i, ['Berlin', 'Hamburg', 'Munich', 'Cologne'][Math.floor(rand() * 4)], (120 + 60 * (rand() - 0.5)).toFixed(2),
    `2024-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
    ['active', 'paused', 'closed'][Math.floor(rand() * 3)], Math.floor(rand() * 1000)].join(','));
}
writeFileSync(join(dir, 'export.csv'), lines.join('\n') + '\n');
const cli = new URL('../../dist/src/cli/main.js', import.meta.url).pathname;
const base = JSON.parse(execFileSync(process.execPath, [cli, 'profile', join(dir, 'export.csv'), '--format', 'json', '--quiet'], { encoding: 'utf8' }));
function widen(r, n) {
  const cols = [];
  for (let i = 0; i < n; i++) { const c = structuredClone(r.columns[i % r.columns.length]); c.name = `${c.name}_${i}`; c.index = i; cols.push(c); }
  return { ...r, columns: cols, table: { ...r.table, columns: n } };
}
const rules = compareRulesSchema.parse({});
const time = (f, reps) => { f(); const t = performance.now(); for (let i = 0; i < reps; i++) f(); return (performance.now() - t) / reps; };
for (const n of [6, 100, 1000]) {
  const w = widen(base, n);
  const json = JSON.stringify(w);
  const parse = time(() => snapshotOf(JSON.parse(json), 'b', 'baseline'), 20);
  const b = snapshotOf(w, 'b', 'baseline');
  const cmp = time(() => summarize(compareSnapshots(b, b, rules), b, b, false), 20);
  const c = summarize(compareSnapshots(b, b, rules), b, b, false);
  const out = time(() => { renderJunit(c, 's'); renderComparisonMarkdown(c); }, 20);
  console.log(`columns=${n} report=${(json.length / 1024).toFixed(0)} KiB checks=${c.checks.length} parse+validate=${parse.toFixed(2)} ms compare=${cmp.toFixed(2)} ms junit+md=${out.toFixed(2)} ms`);
}
// history: 500 runs of a 100-column report
const db = join(dir, 'history.db');
rmSync(db, { force: true }); rmSync(db + '-wal', { force: true }); rmSync(db + '-shm', { force: true });
const w = widen(base, 100);
const snap = snapshotOf(w, 'c', 'current report');
const metrics = metricsOf(snap);
const reportText = JSON.stringify(w);
const store = HistoryStore.open(db, { create: true });
const times = [];
for (let i = 0; i < 500; i++) {
  const t = performance.now();
  store.record({ dataset: 'd', recordedAt: `t${i}`, toolVersion: '0', reportVersion: 1, inputPath: null, rows: 1000 + i, columns: 100, status: 'passed', failed: 0, warned: 0, report: reportText, metrics });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const latest = time(() => store.latest('d'), 50);
const recent = time(() => rangeChecks(metrics, store.recentMetrics('d', 10).values, 10, rules), 50);
store.close();
console.log(`history: 500 runs × ${metrics.length} metrics, report ${(reportText.length / 1024).toFixed(0)} KiB; record median ${times[250].toFixed(2)} ms p95 ${times[475].toFixed(2)} ms; latest() ${latest.toFixed(2)} ms; recentMetrics(10)+rangeChecks ${recent.toFixed(2)} ms; file ${(statSync(db).size / 1048576).toFixed(1)} MiB`);
rmSync(dir, { recursive: true, force: true });
