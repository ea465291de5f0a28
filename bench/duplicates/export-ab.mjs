/**
 * finish() of two builds of the duplicate detector on the same rows, in one process, alternated (the fair
 * comparison on a loaded machine). Both accumulators get every row of the file (addRow totals are
 * inflated by per-row cpuUsage calls and only roughly comparable); then finish() runs REPS times each.
 *   node --expose-gc bench/duplicates/export-ab.mjs FILE report.json [REPS]   (env BASE=dist/base NEW=dist)
 */
import { statSync, readFileSync } from 'node:fs';
const root = new URL('../../', import.meta.url).href;
const A = await import(`${root}${process.env.BASE ?? 'dist/base'}/src/detectors/duplicates/index.js`);
const B = await import(`${root}${process.env.NEW ?? 'dist'}/src/detectors/duplicates/index.js`);
const { tokenizeFileRange } = await import(`${root}dist/src/sources/csv-split.js`);
const { fieldToString } = await import(`${root}dist/src/sources/csv-tokenizer.js`);
const file = process.argv[2]; const reps = +(process.argv[4] ?? 5);
const r = JSON.parse(readFileSync(process.argv[3], 'utf8'));
const info = r.columns.map((c) => ({ name: c.name, type: c.type.inferred, distinctRatio: c.values - c.missing.count > 0 ? c.distinct.distinct / (c.values - c.missing.count) : 0 }));
let header = null, a, b, n = 0;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const add = { base: 0, new: 0 };
await tokenizeFileRange(file, { start: 0, end: statSync(file).size }, { delimiter: 0x2c, recordDelimiter: 'lf' }, (tok) => {
  const row = []; for (let i = 0; i < tok.fieldCount; i++) row.push(fieldToString(tok, i));
  if (!header) { header = row; a = new A.DuplicateAccumulator(header); b = new B.DuplicateAccumulator(header); return; }
  n++;
  if (n & 1) { let c = cpu(); a.addRow(row, n); add.base += cpu() - c; c = cpu(); b.addRow(row, n); add.new += cpu() - c; }
  else { let c = cpu(); b.addRow(row, n); add.new += cpu() - c; c = cpu(); a.addRow(row, n); add.base += cpu() - c; }
}, {});
const t = { base: [], new: [] }; let ra, rb;
for (let k = 0; k < reps; k++) for (const [name, acc] of (k & 1 ? [['new', b], ['base', a]] : [['base', a], ['new', b]])) {
  globalThis.gc?.(); const c0 = cpu(); const res = acc.finish(info); t[name].push(cpu() - c0); if (name === 'base') ra = res; else rb = res;
}
const med = (x) => x.slice().sort((p, q) => p - q)[x.length >> 1];
const same = JSON.stringify(ra) === JSON.stringify(rb);
console.log(JSON.stringify({ rows: n, addRowBase: +add.base.toFixed(3), addRowNew: +add.new.toFixed(3), finishBase: t.base.map((x) => +x.toFixed(3)), finishNew: t.new.map((x) => +x.toFixed(3)), medBase: +med(t.base).toFixed(3), medNew: +med(t.new).toFixed(3), identicalResult: same }));
