#!/usr/bin/env node
// Score a dataready JSON report against the generator's truth file (scripts/gen-export.mjs --truth).
//
//   node bench/lib/score-truth.mjs --report R.json --truth T.json [--duplicates D.csv] [--json]
//
// D.csv is the profile's `--duplicates FILE` output (row,cluster,kind). Prints one section per detector:
// missing values (empty, whitespace-only, disguised-null tokens, cell-level), PII kind per column, date
// format consistency per date column, exact-duplicate row count and, with D.csv, pairwise precision/recall
// of duplicate clusters. Missing parts of the report are shown as "n/a", not as errors, so this works while
// the report grows.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The generator's PII names -> dataready's (where they differ).
const PII_ALIASES = { us_ssn: 'ssn', street_address: 'address', ip_address: 'ip' };
const normKind = (k) => (k == null ? null : PII_ALIASES[k] ?? k);

function prf(tp, fp, fn) {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** Cell-level missing scoring: per (column, category) the overlap of counts is taken as true positives. */
export function scoreMissing(report, truth) {
  const rows = [];
  let tp = 0, fp = 0, fn = 0;
  for (const tc of truth.columns) {
    const rc = report.columns?.find((c) => c.name === tc.name);
    const m = rc?.missing;
    const want = { '(empty)': tc.empty, '(whitespace)': tc.whitespaceOnly, ...tc.disguisedNulls };
    const got = m ? { '(empty)': m.empty ?? 0, '(whitespace)': m.whitespace ?? 0, ...(m.disguised ?? {}) } : {};
    const keys = [...new Set([...Object.keys(want), ...Object.keys(got)])].sort();
    const diffs = [];
    for (const k of keys) {
      const w = want[k] ?? 0;
      const g = got[k] ?? 0;
      tp += Math.min(w, g);
      fp += Math.max(0, g - w);
      fn += Math.max(0, w - g);
      if (w !== g) diffs.push(`${k}: report ${g}, truth ${w}`);
    }
    rows.push({ column: tc.name, truthMissing: tc.missingTotal, reportMissing: m?.count ?? null, diffs });
  }
  return { ...prf(tp, fp, fn), columns: rows };
}

/** Column-level PII scoring; a truth-null column with PII inside free text counts as right when flagged. */
export function scorePii(report, truth) {
  let tp = 0, fp = 0, fn = 0;
  const columns = [];
  for (const tc of truth.columns) {
    const rc = report.columns?.find((c) => c.name === tc.name);
    const want = normKind(tc.pii);
    const got = rc?.pii?.kind ?? null;
    const textPii = (tc.piiInText?.email ?? 0) + (tc.piiInText?.phone ?? 0) > 0;
    let verdict;
    if (want === null && got === null) verdict = 'ok';
    else if (want === null && textPii) verdict = 'ok (PII inside text)', tp++;
    else if (want === null) verdict = 'false positive', fp++;
    else if (got === want) verdict = 'ok', tp++;
    else if (got === null) verdict = 'missed', fn++;
    else verdict = 'wrong kind', fp++, fn++;
    columns.push({ column: tc.name, truth: want, report: got, verdict });
  }
  return { ...prf(tp, fp, fn), columns };
}

/** Date columns: the inconsistent flag, and formats with both slash orders merged (they are ambiguous). */
export function scoreDates(report, truth) {
  const columns = [];
  const slash = (f) => /^(M|MM|d|dd)\/(M|MM|d|dd)\/yyyy$/.test(f);
  for (const tc of truth.columns) {
    const rc = report.columns?.find((c) => c.name === tc.name);
    const rd = rc?.dates ?? null;
    if (!tc.dates && !rd?.inconsistent) continue;
    const merge = (formats) => {
      const out = {};
      for (const [f, n] of Object.entries(formats ?? {})) {
        const k = slash(f) ? 'slash (M/d or d/M)' : f;
        out[k] = (out[k] ?? 0) + n;
      }
      return out;
    };
    const want = merge(tc.dates?.formats);
    const got = merge(rd?.formats);
    const keys = [...new Set([...Object.keys(want), ...Object.keys(got)])].sort();
    columns.push({
      column: tc.name,
      inconsistent: { truth: tc.dates?.inconsistent ?? false, report: rd?.inconsistent ?? null },
      ok: (tc.dates?.inconsistent ?? false) === (rd?.inconsistent ?? false),
      formatDiffs: keys.filter((k) => (want[k] ?? 0) !== (got[k] ?? 0)).map((k) => `${k}: report ${got[k] ?? 0}, truth ${want[k] ?? 0}`),
    });
  }
  return { columns };
}

function pairsOf(clusters) {
  const pairs = new Set();
  for (const members of clusters) {
    const m = [...members].sort((a, b) => a - b);
    for (let i = 0; i < m.length; i++) for (let j = i + 1; j < m.length; j++) pairs.add(`${m[i]}:${m[j]}`);
  }
  return pairs;
}

function pairScore(want, got) {
  let tp = 0;
  for (const p of got) if (want.has(p)) tp++;
  return prf(tp, got.size - tp, want.size - tp);
}

/** Exact row count and, with the --duplicates CSV, pair precision/recall (all pairs, and exact-only pairs). */
export function scoreDuplicates(report, truth, duplicatesCsv) {
  const d = truth.duplicates;
  const out = {
    exactRows: { truth: d.exactDuplicateRows, report: report.duplicates?.exact?.duplicateRows ?? null },
    nearRows: { truth: d.nearDuplicateRows, report: report.duplicates?.near?.duplicateRows ?? null },
  };
  if (duplicatesCsv) {
    const byCluster = new Map();
    const exactByCluster = new Map();
    for (const line of duplicatesCsv.split(/\r?\n/).slice(1)) {
      if (!line) continue;
      const [row, cluster, kind] = line.split(',');
      const add = (m) => { if (!m.has(cluster)) m.set(cluster, []); m.get(cluster).push(Number(row)); };
      add(byCluster);
      if (kind === 'exact') add(exactByCluster);
    }
    out.allPairs = pairScore(pairsOf(d.clusters.map((c) => c.records)), pairsOf(byCluster.values()));
    out.exactPairs = pairScore(pairsOf(d.clusters.filter((c) => c.exact).map((c) => c.exact)), pairsOf(exactByCluster.values()));
  }
  return out;
}

export function scoreAll(report, truth, duplicatesCsv) {
  return {
    missing: scoreMissing(report, truth),
    pii: scorePii(report, truth),
    dates: scoreDates(report, truth),
    duplicates: scoreDuplicates(report, truth, duplicatesCsv),
  };
}

const pct = (x) => `${(x * 100).toFixed(1)}%`;
const prfLine = (s) => `precision ${pct(s.precision)}, recall ${pct(s.recall)}, F1 ${pct(s.f1)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;

function printText(s) {
  const lines = [];
  lines.push(`missing cells: ${prfLine(s.missing)}`);
  for (const c of s.missing.columns) if (c.diffs.length) lines.push(`  ${c.column}: ${c.diffs.join('; ')}`);
  lines.push(`PII columns: ${prfLine(s.pii)}`);
  for (const c of s.pii.columns) if (!c.verdict.startsWith('ok')) lines.push(`  ${c.column}: ${c.verdict} (report ${c.report}, truth ${c.truth})`);
  lines.push(`date columns: ${s.dates.columns.filter((c) => c.ok).length}/${s.dates.columns.length} with the right consistency flag`);
  for (const c of s.dates.columns) {
    lines.push(`  ${c.column}: inconsistent report ${c.inconsistent.report}, truth ${c.inconsistent.truth}${c.formatDiffs.length ? `; ${c.formatDiffs.join('; ')}` : ''}`);
  }
  const d = s.duplicates;
  lines.push(`duplicate rows: exact report ${d.exactRows.report}, truth ${d.exactRows.truth}; near report ${d.nearRows.report}, truth ${d.nearRows.truth}`);
  if (d.allPairs) {
    lines.push(`duplicate pairs (all): ${prfLine(d.allPairs)}`);
    lines.push(`duplicate pairs (exact): ${prfLine(d.exactPairs)}`);
  }
  return lines.join('\n');
}

function main(argv) {
  const o = { report: '', truth: '', duplicates: '', json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--report') o.report = argv[++i];
    else if (a === '--truth') o.truth = argv[++i];
    else if (a === '--duplicates') o.duplicates = argv[++i];
    else if (a === '--json') o.json = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!o.report || !o.truth) throw new Error('usage: node bench/lib/score-truth.mjs --report R.json --truth T.json [--duplicates D.csv] [--json]');
  const report = JSON.parse(readFileSync(o.report, 'utf8'));
  const truth = JSON.parse(readFileSync(o.truth, 'utf8'));
  const s = scoreAll(report, truth, o.duplicates ? readFileSync(o.duplicates, 'utf8') : '');
  process.stdout.write((o.json ? JSON.stringify(s, null, 2) : printText(s)) + '\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    console.error(`score-truth: ${err.message}`);
    process.exit(2);
  }
}
