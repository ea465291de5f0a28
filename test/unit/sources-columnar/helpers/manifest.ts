/** Reads the corpus MANIFEST's appendix of row counts and read results observed with pyarrow 25. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..', 'shared/corpus');

export interface Observed {
  rows?: number;
  cols?: number;
  result: string;
  /** pyarrow's total null count over top-level columns, when it read the file. */
  nulls?: number;
}

/** Keyed by the path relative to the corpus root, e.g. `parquet-testing/data/alltypes_plain.parquet`. */
export function observedParquet(): Map<string, Observed> {
  const text = readFileSync(path.join(CORPUS, 'MANIFEST.md'), 'utf8');
  const appendix = text.slice(text.indexOf('## Appendix'));
  const prefixes: Record<string, string> = {
    'parquet-testing': 'parquet-testing/',
    'duckdb-parquet': 'duckdb-parquet/',
    dataprofiler: 'dataprofiler/',
    splink: 'splink/',
    'arrow-testing/data/parquet (excluding fuzzing/)': 'arrow-testing/data/parquet/',
  };
  const out = new Map<string, Observed>();
  let prefix = '';
  for (const line of appendix.split('\n')) {
    const heading = /^#### (.+)$/.exec(line);
    if (heading) {
      prefix = prefixes[heading[1].trim()] ?? '';
      continue;
    }
    const row = /^\| ([^|]+?) \| (-?\d*) \| (\d*) \| (.+?) \|$/.exec(line);
    if (!row || !prefix || row[1] === 'file') continue;
    const nulls = /ok \(nulls=(\d+)\)/.exec(row[4]);
    out.set(prefix + row[1], {
      rows: row[2] === '' ? undefined : Number(row[2]),
      cols: row[3] === '' ? undefined : Number(row[3]),
      result: row[4],
      nulls: nulls ? Number(nulls[1]) : undefined,
    });
  }
  return out;
}
