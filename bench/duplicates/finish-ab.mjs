/**
 * finish() of two builds on the same detector state, in one process, alternated (the fair comparison on a
 * loaded machine), without re-reading the CSV each time:
 *   node bench/duplicates/finish-ab.mjs dump FILE STATE.bin        # fill a DuplicateAccumulator (BASE build), write its pages
 *   node --expose-gc bench/duplicates/finish-ab.mjs run STATE.bin report.json [REPS]
 * env BASE=dist/base NEW=dist. report.json (a `dataready profile --out` of the same file) gives finish() the
 * engine's column types and distinct ratios, as in the CLI. Prints each build's finish() CPU-s (user+sys,
 * process.cpuUsage) per run, the medians, and whether the two results are the same JSON.
 */
import { openSync, statSync, writeSync, closeSync } from 'node:fs';
import { columnInfoFromReport, readStateDump } from './state-dump.mjs';
const root = new URL('../../', import.meta.url).href;
const baseDir = process.env.BASE ?? 'dist/base', newDir = process.env.NEW ?? 'dist';
const [mode, ...args] = process.argv.slice(2);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

if (mode === 'dump') {
  const [file, out] = args;
  const { DuplicateAccumulator } = await import(`${root}${baseDir}/src/detectors/duplicates/index.js`);
  const { tokenizeFileRange } = await import(`${root}${baseDir}/src/sources/csv-split.js`);
  const { fieldToString } = await import(`${root}${baseDir}/src/sources/csv-tokenizer.js`);
  let header = null, acc = null, rows = 0;
  await tokenizeFileRange(file, { start: 0, end: statSync(file).size }, { delimiter: 0x2c, recordDelimiter: 'lf' }, (tok) => {
    const row = new Array(tok.fieldCount);
    for (let i = 0; i < tok.fieldCount; i++) row[i] = fieldToString(tok, i);
    if (header === null) { header = row; acc = new DuplicateAccumulator(header); return; }
    acc.addRow(row, ++rows);
  }, { skipEmptyLines: true });
  const s = acc.toJSON();
  const meta = Buffer.from(JSON.stringify({ ...s, exact: s.exact.map((c) => c.length), near: s.near.map((c) => c.length) }));
  const fd = openSync(out, 'w');
  const len = Buffer.alloc(4); len.writeUInt32LE(meta.length);
  writeSync(fd, len); writeSync(fd, meta);
  for (const c of [...s.exact, ...s.near]) writeSync(fd, new Uint8Array(c.buffer, c.byteOffset, c.byteLength));
  closeSync(fd);
  console.log(JSON.stringify({ rows, fields: s.fields, out }));
} else if (mode === 'run') {
  const [statePath, reportPath, reps = '5'] = args;
  const state = readStateDump(statePath);
  const info = columnInfoFromReport(reportPath);
  const builds = [baseDir, newDir];
  const accs = [];
  for (const d of builds) accs.push((await import(`${root}${d}/src/detectors/duplicates/index.js`)).DuplicateAccumulator.fromJSON(state));
  const t = [[], []], res = [null, null];
  for (let k = 0; k < +reps; k++) {
    for (const i of k & 1 ? [1, 0] : [0, 1]) {
      globalThis.gc?.();
      const c0 = cpu();
      const out = accs[i].finish(info);
      t[i].push(+(cpu() - c0).toFixed(3));
      res[i] = JSON.stringify(out);
    }
  }
  const med = (x) => x.slice().sort((p, q) => p - q)[x.length >> 1];
  console.log(JSON.stringify({ rows: state.rows, base: baseDir, new: newDir, finishBase: t[0], finishNew: t[1],
    medBase: med(t[0]), medNew: med(t[1]), identicalResult: res[0] === res[1] }));
} else {
  console.error('usage: finish-ab.mjs dump FILE STATE.bin | run STATE.bin report.json [REPS]');
  process.exit(2);
}
