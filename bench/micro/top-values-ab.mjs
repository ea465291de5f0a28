#!/usr/bin/env node
// CPU of TopValuesAccumulator.add over every cell of every column, two builds alternated in one process.
//
//   node bench/micro/top-values-ab.mjs FILE OLD_DIST NEW_DIST [reps]
//
// The cells are read once with NEW_DIST's tokenizer (not timed); each rep feeds every column's non-null
// cells, with their hash53 as ColumnProfiler passes it, to a fresh accumulator of each build, then toJSON.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [file, oldDist, newDist, repsArg] = process.argv.slice(2);
if (!file || !oldDist || !newDist) {
  console.error('usage: node bench/micro/top-values-ab.mjs FILE OLD_DIST NEW_DIST [reps]');
  process.exit(2);
}
const url = (dist, mod) => pathToFileURL(path.resolve(dist, 'src', mod)).href;
const { csvLayout, csvTasks } = await import(url(newDist, 'engine/parallel.js'));
const { loadRules } = await import(url(newDist, 'config/rules.js'));
const { fieldToString } = await import(url(newDist, 'sources/csv-tokenizer.js'));
const { tokenizeFileRange } = await import(url(newDist, 'sources/csv-split.js'));
const { hash53 } = await import(url(newDist, 'util/hash.js'));
const builds = [
  (await import(url(oldDist, 'metrics/top-values.js'))).TopValuesAccumulator,
  (await import(url(newDist, 'metrics/top-values.js'))).TopValuesAccumulator,
];
const rules = loadRules();
const layout = csvLayout(file, ',', '"', true, rules.limits.maxRecordBytes);
const width = layout.header.length;
const cols = layout.header.map(() => []);
for (const t of csvTasks(file, layout, rules)) {
  await tokenizeFileRange(t.path, t.range, t.dialect, (tok) => {
    for (let i = 0; i < width; i++) cols[i].push(i < tok.fieldCount ? fieldToString(tok, i) : null);
  }, { skipEmptyLines: true, maxRecordBytes: rules.limits.maxRecordBytes });
}
const hashes = cols.map((c) => c.map((v) => (v === null ? 0 : hash53(v))));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const times = [[], []];
for (let r = 0; r < Number(repsArg ?? 5); r++) {
  for (let k = 0; k < 2; k++) {
    const t0 = cpu();
    for (let i = 0; i < width; i++) {
      const acc = new builds[k](rules.profile.topValuesCapacity, rules.profile.topValues);
      const c = cols[i], h = hashes[i];
      for (let j = 0; j < c.length; j++) if (c[j] !== null) acc.add(c[j], 1, h[j]);
      acc.toJSON();
    }
    times[k].push(cpu() - t0);
  }
}
for (const [k, name] of [[0, oldDist], [1, newDist]]) {
  const s = [...times[k]].sort((a, b) => a - b);
  console.log(`${name}: median ${s[s.length >> 1].toFixed(3)} CPU-s (${times[k].map((x) => x.toFixed(2)).join(' ')})`);
}
