/**
 * addRow cost with the machine shared: the same 100k parsed customer rows fed 9 times into fresh
 * accumulators; the minimum CPU time is reported (contention only ever adds time).
 * Run: npx tsc -p bench/duplicates/tsconfig.json && node /tmp/dupbench/bench/duplicates/addrow-min.js
 */
import { parse } from 'csv-parse/sync';
import { DuplicateAccumulator } from '../../src/detectors/duplicates/index.js';
import { nearWord } from '../../src/detectors/duplicates/normalize.js';
import { CUSTOMER_COLUMNS, customerRows } from './datasets.js';

const n = 100_000;
const text = [...customerRows(n)].map((r) => r.join(',')).join('\n');
const rows = parse(text) as string[][];
const bytes = Buffer.byteLength(text);
const results: number[] = [];
for (let rep = 0; rep < 9; rep++) {
  const acc = new DuplicateAccumulator(CUSTOMER_COLUMNS);
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) acc.addRow(rows[i]!, i + 1);
  results.push(process.cpuUsage(c0).user / n);
}
const perColumn: Record<string, number> = {};
for (let c = 0; c < CUSTOMER_COLUMNS.length; c++) {
  let best = Infinity, sink = 0;
  for (let rep = 0; rep < 5; rep++) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < n; i++) sink ^= nearWord(rows[i]![c]!);
    best = Math.min(best, process.cpuUsage(c0).user / n);
  }
  perColumn[CUSTOMER_COLUMNS[c]!] = +best.toFixed(3);
  if (sink === 42) console.log('');
}
const best = Math.min(...results);
console.log(JSON.stringify({
  rows: n, bytesPerRow: +(bytes / n).toFixed(1), addRowUsPerRowMin: +best.toFixed(3),
  addRowUsPerRowMedian: +results.sort((a, b) => a - b)[4]!.toFixed(3),
  mbPerSecOneCore: +((bytes / n) / best).toFixed(1), nearWordUsPerCellMin: perColumn,
}));
