/**
 * False-positive audit: run the detector over every CSV/TSV/TXT in ../shared/corpus (fuzz files excluded)
 * and print each column it reports, with masked examples, for a person to review.
 * Run: compile with tsc (NodeNext) and `node <out>/bench/pii/audit.js [corpusDir]`.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { detect } from './eval.js';
const root = process.argv[2] ?? new URL('../../../shared/corpus', import.meta.url).pathname;
const files: string[] = [];
const walk = (d: string) => { for (const f of readdirSync(d)) { const p = join(d, f); const st = statSync(p); if (st.isDirectory()) walk(p); else if (/\.(csv|tsv|txt)$/.test(f) && st.size < 3_000_000 && !/fuzz|crash/.test(p)) files.push(p); } };
walk(root);
for (const f of files) {
  let rows: string[][];
  try { rows = parse(readFileSync(f), { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, delimiter: f.endsWith('.tsv') ? '\t' : ',' }) as string[][]; } catch { continue; }
  if (rows.length < 3) continue;
  const header = rows[0]!;
  for (let c = 0; c < header.length; c++) {
    const r = detect(header[c] ?? `col_${c}`, rows.slice(1).map((x) => x[c] ?? null));
    if (r) console.log(f.replace(root + '/', ''), '|', header[c], '|', r.kind, r.confidence, r.validShare, r.examples.slice(0, 2).join(' ; ').replace(/\n/g, ' '));
  }
}
