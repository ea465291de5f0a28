#!/usr/bin/env node
// Two builds in one process, alternated rep by rep: CPU time (process.cpuUsage) per cell of the dates
// detector's add alone ("dates") and of the whole ColumnProfiler ("col") on chosen columns of FILE. On a
// shared, loaded machine separate processes a minute apart differ by more than the changes measured here;
// alternating inside one process puts both builds under the same load. Cells are fresh flat strings each
// rep (Buffer round trip), as the CSV reader makes them, with no cached hash.
//
//   node --expose-gc bench/micro/ab-columns.mjs FILE OLD_DIST NEW_DIST [reps]
//   env COLS=last_login,signup_date,birth_date KINDS=dates,col
import path from 'node:path';
import { pathToFileURL } from 'node:url';
const [file, oldD, newD, repsS] = process.argv.slice(2); const reps = Number(repsS || 7);
const load = async (d) => { const base = pathToFileURL(path.resolve(d) + '/src/').href;
  return { ColumnProfiler: (await import(base + 'metrics/column.js')).ColumnProfiler, DateColumnAccumulator: (await import(base + 'detectors/dates/index.js')).DateColumnAccumulator, rules: (await import(base + 'config/rules.js')).loadRules() }; };
const B = { old: await load(oldD), new: await load(newD) };
const base = pathToFileURL(path.resolve(oldD) + '/src/').href;
const { csvLayout, csvTasks } = await import(base + 'engine/parallel.js');
const { fieldToString } = await import(base + 'sources/csv-tokenizer.js');
const { tokenizeFileRange } = await import(base + 'sources/csv-split.js');
const rules = B.old.rules;
const layout = csvLayout(file, ',', '"', true, rules.limits.maxRecordBytes);
const names = (process.env.COLS || 'last_login,signup_date,birth_date').split(',');
const kinds = (process.env.KINDS || 'dates,col').split(',');
const idx = names.map((n) => layout.header.indexOf(n));
const cols = names.map(() => []);
for (const t of csvTasks(file, layout, rules)) await tokenizeFileRange(t.path, t.range, t.dialect, (tok) => { for (let j = 0; j < idx.length; j++) cols[j].push(idx[j] < tok.fieldCount ? fieldToString(tok, idx[j]) : null); }, { skipEmptyLines: true, maxRecordBytes: rules.limits.maxRecordBytes });
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const fresh = (c) => c.map((v) => (v === null ? null : Buffer.from(v).toString()));
const run = { dates: (b, n, c) => { const a = new b.DateColumnAccumulator(n, b.rules.dates); const t0 = cpu(); for (const v of c) a.add(v); a.toJSON(); return cpu() - t0; },
  col: (b, n, c) => { const p = new b.ColumnProfiler(n, b.rules); const t0 = cpu(); for (const v of c) p.add(v); p.flushTally(); return cpu() - t0; } };
const xs = {};
for (let r = -1; r < reps; r++) for (let j = 0; j < names.length; j++) for (const k of kinds) for (const b of (r % 2 ? ['old', 'new'] : ['new', 'old'])) {
  const c = fresh(cols[j]); if (global.gc) global.gc(); const t = run[k](B[b], names[j], c);
  if (r >= 0) (xs[`${names[j]}.${k}.${b}`] ??= []).push(t * 1e9 / c.length);
}
const med = (a) => { a.sort((x, y) => x - y); return Math.round(a[a.length >> 1]); };
const out = {};
for (const n of names) for (const k of kinds) { const mn = (a) => Math.round(Math.min(...a)); const o = xs[`${n}.${k}.old`], w = xs[`${n}.${k}.new`]; const mo = mn(o), mw = mn(w); out[`${n}.${k}`] = { oldMed: med(o), newMed: med(w), ratioMed: +(med(w) / med(o)).toFixed(3), oldMin: mo, newMin: mw, ratioMin: +(mw / mo).toFixed(3) }; }
console.table(out);
