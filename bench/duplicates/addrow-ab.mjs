/**
 * addRow of two builds on the same rows, in one process: the file is tokenized once (the project's
 * tokenizer), and every 20k-row batch is fed to both builds' accumulators in alternating order, CPU
 * (user+sys) summed per build. Prints both totals, their ratio, and whether the two states (exact-hash and
 * near-word pages) are identical.
 *   node bench/duplicates/addrow-ab.mjs FILE        (env BASE=dist/base NEW=dist)
 */
import { statSync } from 'node:fs';
const root = new URL('../../', import.meta.url).href;
const baseDir = process.env.BASE ?? 'dist/base', newDir = process.env.NEW ?? 'dist';
const A = await import(`${root}${baseDir}/src/detectors/duplicates/index.js`);
const B = await import(`${root}${newDir}/src/detectors/duplicates/index.js`);
const { tokenizeFileRange } = await import(`${root}${newDir}/src/sources/csv-split.js`);
const { fieldToString } = await import(`${root}${newDir}/src/sources/csv-tokenizer.js`);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const file = process.argv[2];
let header = null, a, b, batch = [], rows = 0, flips = 0;
const t = [0, 0];
const flush = () => {
  const feed = (acc, i) => { const c0 = cpu(); let r = rows; for (const cells of batch) acc.addRow(cells, ++r); t[i] += cpu() - c0; };
  if (flips++ & 1) { feed(b, 1); feed(a, 0); } else { feed(a, 0); feed(b, 1); }
  rows += batch.length;
  batch = [];
};
await tokenizeFileRange(file, { start: 0, end: statSync(file).size }, { delimiter: 0x2c, recordDelimiter: 'lf' }, (tok) => {
  const row = new Array(tok.fieldCount);
  for (let i = 0; i < tok.fieldCount; i++) row[i] = fieldToString(tok, i);
  if (header === null) { header = row; a = new A.DuplicateAccumulator(header); b = new B.DuplicateAccumulator(header); return; }
  batch.push(row);
  if (batch.length === 20000) flush();
}, { skipEmptyLines: true });
if (batch.length > 0) flush();
const sa = a.toJSON(), sb = b.toJSON();
const same = (x, y) => x.length === y.length && x.every((c, i) =>
  Buffer.compare(Buffer.from(c.buffer, c.byteOffset, c.byteLength), Buffer.from(y[i].buffer, y[i].byteOffset, y[i].byteLength)) === 0);
console.log(JSON.stringify({ rows, addRowBase: +t[0].toFixed(3), addRowNew: +t[1].toFixed(3), ratio: +(t[1] / t[0]).toFixed(3),
  sameExact: same(sa.exact, sb.exact), sameNear: same(sa.near, sb.near) }));
