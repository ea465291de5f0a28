/**
 * Cost of the duplicate detector on a generated customer table (8 columns, surrogate id, ~3% near-duplicates).
 * Run: npx tsc -p bench/duplicates/tsconfig.json && node --expose-gc /tmp/dupbench/bench/duplicates/cost.js 1000000 5000000
 * addRow time excludes row generation (rows are generated in batches of 100k outside the timed region).
 */
import { parse } from 'csv-parse/sync';
import { DuplicateAccumulator } from '../../src/detectors/duplicates/index.js';
import { CUSTOMER_COLUMNS, customerRows } from './datasets.js';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (b: number) => (b / 1048576).toFixed(0);
const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
const finishRepeats = Number(process.env.FINISH_REPEATS ?? 0);
for (const n of sizes.length ? sizes : [1_000_000]) {
  gc();
  const base = process.memoryUsage();
  const acc = new DuplicateAccumulator(CUSTOMER_COLUMNS);
  const entity = new Int32Array(n);
  const gen = customerRows(n, 0.03, 11, entity);
  const batch: string[][] = [];
  let addMs = 0, addCpuUs = 0, row = 0;
  for (;;) {
    batch.length = 0;
    for (let k = 0; k < 100_000; k++) {
      const r = gen.next();
      if (r.done) break;
      batch.push(r.value);
    }
    if (batch.length === 0) break;
    // Through CSV text and csv-parse, so that cells are the flat strings a parser hands over (generated
    // template strings are rope strings that cost extra on first access), outside the timed region.
    const text = batch.map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\n');
    const parsed = parse(text, { relax_column_count: true }) as string[][];
    batch.length = 0;
    batch.push(...parsed);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const cells of batch) acc.addRow(cells, ++row);
    addCpuUs += process.cpuUsage(c0).user;
    addMs += performance.now() - t0;
  }
  batch.length = 0;
  gc();
  const afterAdd = process.memoryUsage();
  let peakRss = afterAdd.rss, peakAB = afterAdd.arrayBuffers;
  const timer = setInterval(() => {}, 1000);
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  // Sample memory from inside finish's allocations is not possible without hooks; sample around it.
  const sampler = setInterval(() => {}, 50);
  const res = acc.finish();
  const finishMs = performance.now() - t1;
  const finishCpuMs = process.cpuUsage(c1).user / 1000;
  clearInterval(sampler); clearInterval(timer);
  // finish() can be called again on the same state: the minimum of a few runs is the least disturbed by
  // other load on the machine.
  let finishCpuMinMs = finishCpuMs;
  for (let k = 0; k < finishRepeats; k++) {
    const c2 = process.cpuUsage();
    acc.finish();
    finishCpuMinMs = Math.min(finishCpuMinMs, process.cpuUsage(c2).user / 1000);
  }
  const afterFinish = process.memoryUsage();
  peakRss = Math.max(peakRss, afterFinish.rss); peakAB = Math.max(peakAB, afterFinish.arrayBuffers);
  const stateBytes = afterAdd.arrayBuffers - base.arrayBuffers;
  // Pairwise accuracy against the generator's truth (copies of one source row are one entity).
  const pairs = (m: Map<string | number, number>) => { let t = 0; for (const k of m.values()) t += (k * (k - 1)) / 2; return t; };
  const truth = new Map<number, number>(), pred = new Map<number, number>(), both = new Map<string, number>();
  for (let i = 0; i < n; i++) truth.set(entity[i]!, (truth.get(entity[i]!) ?? 0) + 1);
  for (const e of res.list) {
    pred.set(e.cluster, (pred.get(e.cluster) ?? 0) + 1);
    const k = `${e.cluster}|${entity[e.row - 1]}`;
    both.set(k, (both.get(k) ?? 0) + 1);
  }
  const tp = pairs(both as Map<string, number>), pp = pairs(pred as Map<number, number>), tt = pairs(truth as Map<number, number>);
  console.log(JSON.stringify({
    rows: n,
    addRowMs: Math.round(addMs),
    rowsPerSecWall: Math.round(n / (addMs / 1000)),
    usPerRowCpu: +(addCpuUs / n).toFixed(3),
    rowsPerSecCpu: Math.round(n / (addCpuUs / 1e6)),
    stateMB: +mb(stateBytes),
    stateBytesPerRow: +(stateBytes / n).toFixed(1),
    finishMs: Math.round(finishMs),
    finishCpuMs: Math.round(finishCpuMs),
    finishCpuMinMs: Math.round(finishCpuMinMs),
    loadavg: (await import('node:os')).loadavg().map((x) => +x.toFixed(1)),
    rssAfterAddMB: +mb(afterAdd.rss),
    rssAfterFinishMB: +mb(afterFinish.rss),
    exactDuplicateRows: res.exact.duplicateRows,
    nearClusters: res.near.clusters,
    nearDuplicateRows: res.near.duplicateRows,
    candidatePairs: res.near.candidatePairs,
    sampling: res.near.sampling,
    precision: +(tp / pp).toFixed(4), recall: +(tp / tt).toFixed(4),
  }));
}
