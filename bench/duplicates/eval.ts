/**
 * Pairwise precision / recall / F1 of the duplicate detector on the ground-truth sets.
 * Run: npx tsc -p bench/duplicates/tsconfig.json && node /tmp/dupbench/bench/duplicates/eval.js
 */
import { dblpAcm, labelledPairScores, febrl, fodorsZagat, households, pairScores, runTable, splink, splinkWithId, transactional, type LabelledTable } from './datasets.js';

const verbose = process.argv.includes('-v');
const tables: LabelledTable[] = [febrl('1'), febrl('2'), febrl('3'), febrl('4'), splink(), splinkWithId(), fodorsZagat(), transactional(), households()];
const fmt = (x: number) => x.toFixed(4);
console.log('| set | rows | true pairs | predicted pairs | precision | recall | F1 | finish ms |');
console.log('|---|---|---|---|---|---|---|---|');
for (const t of tables) {
  const t0 = performance.now();
  const res = runTable(t, { rules: process.env.DUP_RULES ? JSON.parse(process.env.DUP_RULES) : undefined });
  const ms = performance.now() - t0;
  const s = pairScores(res, t.entity);
  console.log(`| ${t.name} | ${t.rows.length} | ${s.truePairs} | ${s.predictedPairs} | ${fmt(s.precision)} | ${fmt(s.recall)} | ${fmt(s.f1)} | ${ms.toFixed(0)} |`);
  if (verbose) {
    console.log(JSON.stringify({ ...res, list: undefined, examples: res.examples.slice(0, 2) }, null, 0));
  }
}

{
  const t = dblpAcm();
  const t0 = performance.now();
  const res = runTable(t, { rules: process.env.DUP_RULES ? JSON.parse(process.env.DUP_RULES) : undefined });
  const ms = performance.now() - t0;
  const s = labelledPairScores(res, t.labelled);
  console.log(`| ${t.name} | ${t.rows.length} | ${s.truePairs} | ${s.predictedPairs} | ${fmt(s.precision)} | ${fmt(s.recall)} | ${fmt(s.f1)} | ${ms.toFixed(0)} |`);
}
