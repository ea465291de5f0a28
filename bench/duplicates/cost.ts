/**
 * Cost of the duplicate detector on a generated customer table (8 columns, surrogate id, ~3% near-duplicates).
 * Run: npx tsc -p bench/duplicates/tsconfig.json && node --expose-gc /tmp/dupbench/bench/duplicates/cost.js 1000000 5000000
 * addRow time excludes row generation (rows are generated in batches of 100k outside the timed region).
 */
import { DuplicateAccumulator } from '../../src/detectors/duplicates/index.js';
import { CUSTOMER_COLUMNS, customerRows } from './datasets.js';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (b: number) => (b / 1048576).toFixed(0);
const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
for (const n of sizes.length ? sizes : [1_000_000]) {
  gc();
  const base = process.memoryUsage();
  const acc = new DuplicateAccumulator(CUSTOMER_COLUMNS);
  const gen = customerRows(n);
  const batch: string[][] = [];
  let addMs = 0, row = 0;
  for (;;) {
    batch.length = 0;
    for (let k = 0; k < 100_000; k++) {
      const r = gen.next();
      if (r.done) break;
      batch.push(r.value);
    }
    if (batch.length === 0) break;
    const t0 = performance.now();
    for (const cells of batch) acc.addRow(cells, ++row);
    addMs += performance.now() - t0;
  }
  batch.length = 0;
  gc();
  const afterAdd = process.memoryUsage();
  let peakRss = afterAdd.rss, peakAB = afterAdd.arrayBuffers;
  const timer = setInterval(() => {}, 1000);
  const t1 = performance.now();
  // Sample memory from inside finish's allocations is not possible without hooks; sample around it.
  const sampler = setInterval(() => {}, 50);
  const res = acc.finish();
  const finishMs = performance.now() - t1;
  clearInterval(sampler); clearInterval(timer);
  const afterFinish = process.memoryUsage();
  peakRss = Math.max(peakRss, afterFinish.rss); peakAB = Math.max(peakAB, afterFinish.arrayBuffers);
  const stateBytes = afterAdd.arrayBuffers - base.arrayBuffers;
  console.log(JSON.stringify({
    rows: n,
    addRowMs: Math.round(addMs),
    rowsPerSec: Math.round(n / (addMs / 1000)),
    usPerRow: +(addMs * 1000 / n).toFixed(3),
    stateMB: +mb(stateBytes),
    stateBytesPerRow: +(stateBytes / n).toFixed(1),
    finishMs: Math.round(finishMs),
    rssAfterAddMB: +mb(afterAdd.rss),
    rssAfterFinishMB: +mb(afterFinish.rss),
    exactDuplicateRows: res.exact.duplicateRows,
    nearClusters: res.near.clusters,
    nearDuplicateRows: res.near.duplicateRows,
    candidatePairs: res.near.candidatePairs,
    sampling: res.near.sampling,
  }));
}
