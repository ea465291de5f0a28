/**
 * Cost of the duplicate detector on the bench export (bench/data/export-N.csv, 23 columns), measured apart from
 * the rest of the profile. Cells come from the project's own tokenizer (as in the workers), in batches of
 * 20k rows tokenized outside the timed region. Reports CPU seconds (user+sys, process.cpuUsage) of
 *   - addRow over every row (exact hash + near words),
 *   - nearWord alone over the same cells (the first min(columns, maxFields) columns), in a second loop,
 *   - finish() (median of FINISH_REPEATS, default 3; finish can be re-run on the same state),
 * the state's bytes per row (typed-array chunks), and the process's peak RSS.
 *
 * Run after `npm run build`:
 *   node --expose-gc bench/duplicates/export-cost.mjs bench/data/export-200000.csv [report.json]
 *   (env: DIST=dist/base for another build, FINISH_REPEATS=3, SKIP_NEARWORD=1)
 * report.json (a `dataready profile --out` of the same file) supplies the engine's column types and distinct
 * ratios to finish(), as in the CLI; without it finish() reads them from the words.
 */
import { readFileSync, statSync } from 'node:fs';
// DIST=dist/base (a copy of an older build) measures that build in the same way, for old-vs-new figures.
const dist = new URL(`../../${process.env.DIST ?? 'dist'}/src/`, import.meta.url).href;
const { DuplicateAccumulator } = await import(`${dist}detectors/duplicates/index.js`);
const { nearWord } = await import(`${dist}detectors/duplicates/normalize.js`);
const { tokenizeFileRange } = await import(`${dist}sources/csv-split.js`);
const { fieldToString } = await import(`${dist}sources/csv-tokenizer.js`);

const file = process.argv[2];
const reportPath = process.argv[3];
const repeats = Number(process.env.FINISH_REPEATS ?? 3);
const skipNear = process.env.SKIP_NEARWORD === '1';
const gc = globalThis.gc ?? (() => {});
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

let header = null;
let acc = null;
let batch = [];
let addCpu = 0, nearCpu = 0, rows = 0, sink = 0;
const BATCH = 20000;
const flush = () => {
  if (batch.length === 0) return;
  const c0 = cpu();
  for (const cells of batch) acc.addRow(cells, ++rows);
  addCpu += cpu() - c0;
  if (!skipNear) {
    const f = Math.min(header.length, acc.rules.maxFields);
    const c1 = cpu();
    for (const cells of batch) for (let j = 0; j < f && j < cells.length; j++) sink ^= nearWord(cells[j] ?? null);
    nearCpu += cpu() - c1;
  }
  batch = [];
};
const size = statSync(file).size;
await tokenizeFileRange(file, { start: 0, end: size }, { delimiter: 0x2c, recordDelimiter: 'lf' }, (tok) => {
  const n = tok.fieldCount;
  const row = new Array(n);
  for (let i = 0; i < n; i++) row[i] = fieldToString(tok, i);
  if (header === null) { header = row; acc = new DuplicateAccumulator(header); return; }
  batch.push(row);
  if (batch.length === BATCH) flush();
}, { skipEmptyLines: true });
flush();
gc();
const state = acc.toJSON();
const stateBytes = acc.stateBytes ?? (state.exact.reduce((s, c) => s + c.byteLength, 0) + state.near.reduce((s, c) => s + c.byteLength, 0));
let info;
if (reportPath) {
  const r = JSON.parse(readFileSync(reportPath, 'utf8'));
  info = r.columns.map((c) => ({
    name: c.name, type: c.type.inferred,
    distinctRatio: c.values - c.missing.count > 0 ? c.distinct.distinct / (c.values - c.missing.count) : 0,
  }));
}
const finishCpu = [];
let res;
for (let k = 0; k < Math.max(1, repeats); k++) {
  gc();
  const c0 = cpu();
  res = acc.finish(info);
  finishCpu.push(cpu() - c0);
}
finishCpu.sort((a, b) => a - b);
const d = { ...res, list: res.list.length, examples: res.examples.length };
console.log(JSON.stringify({
  file, rows, fields: state.fields, nearRows: state.nearRows,
  addRowCpuS: +addCpu.toFixed(3), addRowUsPerRow: +(addCpu / rows * 1e6).toFixed(3),
  nearWordCpuS: skipNear ? null : +nearCpu.toFixed(3),
  finishCpuS: finishCpu.map((x) => +x.toFixed(3)), finishMedianS: +finishCpu[finishCpu.length >> 1].toFixed(3),
  stateBytes, stateBytesPerRow: +(stateBytes / rows).toFixed(2),
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  exact: d.exact, near: { duplicateRows: d.near.duplicateRows, clusters: d.near.clusters, rowsInClusters: d.near.rowsInClusters,
    candidatePairs: d.near.candidatePairs, matchedPairs: d.near.matchedPairs, sampling: d.near.sampling },
  redundantRows: d.redundantRows, list: d.list, sink,
}));
