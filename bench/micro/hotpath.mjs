#!/usr/bin/env node
// CPU time of the per-cell hot path, one core, no worker pool: every CSV shard of FILE is run in this
// process through runShard (tokenizer → fieldToString → TableProfiler.addRow → ColumnProfiler.add and the
// detectors), and then merged and finished as the CLI does. CPU time is process.cpuUsage() (user+sys), which
// is what to compare on a shared, loaded machine; wall time is printed too.
//
//   npx tsc -p tsconfig.json                 # modules are read from DIST/src (default: ./dist)
//   node bench/micro/hotpath.mjs FILE [--dist DIR] [--runs N] [--mode profile|cells] [--out result.json]
//
// --mode profile (default): the whole shard pipeline, N runs, prints each run and the median.
// --mode cells: reads every cell into per-column arrays first (not timed), then times each accumulator's
//   add alone over all cells: ns per cell of the column cache path, missing/type/numeric/lengths/distinct/top,
//   and the dates and PII detectors' add. Add --per-column for ns per cell of the whole column profiler,
//   column by column (where the cost sits).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { statSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const file = args[0];
const opt = (k, d) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : d;
};
const dist = path.resolve(opt('--dist', 'dist'));
const runs = Number(opt('--runs', '3'));
const mode = opt('--mode', 'profile');
const outFile = opt('--out', null); // profile mode: write the last run's finished TableResult here (JSON)
const base = pathToFileURL(dist + '/src/').href;
const { csvLayout, csvTasks, runShard } = await import(base + 'engine/parallel.js');
const { TableProfiler } = await import(base + 'engine/table.js');
const { loadRules } = await import(base + 'config/rules.js');

const rules = loadRules();
const bytes = statSync(file).size;
const layout = csvLayout(file, ',', '"', true, rules.limits.maxRecordBytes);
const tasks = csvTasks(file, layout, rules);

function cpu() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
};

if (mode === 'profile') {
  const cpus = [];
  for (let r = 0; r < runs; r++) {
    const c0 = cpu();
    const w0 = performance.now();
    const states = [];
    for (const t of tasks) states.push((await runShard(t)).state);
    const c1 = cpu();
    const table = TableProfiler.fromJSON(states[0], rules);
    for (const s of states.slice(1)) table.merge(TableProfiler.fromJSON(s, rules));
    const result = table.finish(new Date('2026-01-01T00:00:00Z'));
    const c2 = cpu();
    const wall = (performance.now() - w0) / 1000;
    cpus.push(c2 - c0);
    if (outFile) writeFileSync(outFile, JSON.stringify(result, null, 1));
    console.log(
      JSON.stringify({
        run: r,
        shards: tasks.length,
        rows: result.rows,
        shardCpuS: +(c1 - c0).toFixed(3),
        mergeFinishCpuS: +(c2 - c1).toFixed(3),
        cpuS: +(c2 - c0).toFixed(3),
        wallS: +wall.toFixed(3),
        mbPerCpuS: +(bytes / 1e6 / (c2 - c0)).toFixed(1),
      }),
    );
  }
  const m = median(cpus);
  console.log(JSON.stringify({ dist, file, bytes, runs, medianCpuS: +m.toFixed(3), mbPerCpuS: +(bytes / 1e6 / m).toFixed(1) }));
} else if (mode === 'cells') {
  const { fieldToString } = await import(base + 'sources/csv-tokenizer.js');
  const { tokenizeFileRange } = await import(base + 'sources/csv-split.js');
  const { ColumnProfiler } = await import(base + 'metrics/column.js');
  const { hash53 } = await import(base + 'util/hash.js');
  const { DistinctAccumulator } = await import(base + 'metrics/distinct.js');
  const { TopValuesAccumulator } = await import(base + 'metrics/top-values.js');
  const { DateColumnAccumulator } = await import(base + 'detectors/dates/index.js');
  const { PiiColumnAccumulator } = await import(base + 'detectors/pii/index.js');
  const width = layout.header.length;
  const cols = layout.header.map(() => []);
  let c0 = cpu();
  for (const t of tasks) {
    await tokenizeFileRange(t.path, t.range, t.dialect, (tok) => {
      for (let i = 0; i < width; i++) cols[i].push(i < tok.fieldCount ? fieldToString(tok, i) : null);
    }, { skipEmptyLines: true, maxRecordBytes: rules.limits.maxRecordBytes });
  }
  const tokenizeS = cpu() - c0;
  const cells = cols.reduce((a, c) => a + c.length, 0);
  const hashes = cols.map((c) => c.map((v) => (v === null ? 0 : hash53(v))));
  const ns = (s) => +((s * 1e9) / cells).toFixed(1);
  const only = opt('--only', null); // time just the accumulator of that name (for --cpu-prof)
  const timeIt = (name, make, feed) => {
    if (only !== null && only !== name) return [name, null];
    const xs = [];
    for (let r = 0; r < runs; r++) {
      const t0 = cpu();
      for (let i = 0; i < width; i++) feed(make(layout.header[i]), cols[i], hashes[i]);
      xs.push(cpu() - t0);
    }
    return [name, ns(median(xs))];
  };
  const out = { cells, tokenizeAndStringsNsPerCell: ns(tokenizeS) };
  const rows = [
    timeIt('hash53', () => null, (_, c) => { let s = 0; for (const v of c) if (v !== null) s += hash53(v); return s; }),
    timeIt('distinct.addHash', () => new DistinctAccumulator(rules.profile.distinctExactLimit), (a, _c, h) => { for (const x of h) a.addHash(x); }),
    timeIt('top.add', () => new TopValuesAccumulator(rules.profile.topValuesCapacity, rules.profile.topValues), (a, c, h) => { for (let i = 0; i < c.length; i++) if (c[i] !== null) a.add(c[i], 1, h[i]); }),
    timeIt('dates.add', (n) => new DateColumnAccumulator(n, rules.dates), (a, c) => { for (const v of c) a.add(v); }),
    timeIt('pii.add', (n) => new PiiColumnAccumulator(n, rules.pii), (a, c) => { for (const v of c) a.add(v); }),
    timeIt('ColumnProfiler.add without detectors', (n) => {
      const p = new ColumnProfiler(n, rules);
      p.dates = { add() {}, toJSON() {} };
      p.pii = { add() {}, toJSON() {} };
      return p;
    }, (a, c) => { for (const v of c) a.add(v); a.flushTally(); }),
    timeIt('ColumnProfiler.add (all)', (n) => new ColumnProfiler(n, rules), (a, c) => { for (const v of c) a.add(v); a.flushTally(); }),
  ];
  for (const [k, v] of rows) out[k] = v;
  if (args.includes('--per-column')) {
    // ns per cell of the whole column profiler, column by column (where the cost sits)
    const perColumn = {};
    for (let i = 0; i < width; i++) {
      const xs = [];
      for (let r = 0; r < runs; r++) {
        const p = new ColumnProfiler(layout.header[i], rules);
        const t0 = cpu();
        for (const v of cols[i]) p.add(v);
        p.flushTally();
        xs.push(cpu() - t0);
      }
      perColumn[layout.header[i]] = +((median(xs) * 1e9) / cols[i].length).toFixed(0);
    }
    out.perColumn = perColumn;
  }
  console.log(JSON.stringify({ dist, file, runs, nsPerCell: out }));
}
