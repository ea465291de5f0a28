import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../cli/errors.js';

/** File names a directory scan picks up: the formats dataready reads. */
const DATA_FILE = /\.(csv|tsv|txt|psv|dat|csv\.gz|tsv\.gz|csv\.zst|tsv\.zst|gz|zst|parquet|parq|arrow|feather|ipc|arrows)$/i;

/**
 * Command-line inputs to a list of files: a directory stands for its data files (not recursive, hidden
 * files skipped), sorted by name so that a partitioned export (part-00000, part-00001, ...) keeps its order.
 * Shell globs are expanded by the shell before dataready sees them.
 */
export async function expandInputs(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch {
      out.push(p); // inspectInput gives the precise message
      continue;
    }
    if (!st.isDirectory()) {
      out.push(p);
      continue;
    }
    const names = (await readdir(p)).filter((n) => !n.startsWith('.') && DATA_FILE.test(n)).sort();
    if (names.length === 0) throw new UserError(`${p}: is a directory with no data files (.csv, .tsv, .gz, .zst, .parquet, .arrow)`);
    out.push(...names.map((n) => join(p, n)));
  }
  if (out.length === 0) throw new UserError('no input files');
  return out;
}

export interface SchemaDifferences {
  missing: string[];
  extra: string[];
  reordered: boolean;
}

/** How a file's columns differ from the reference columns; null when they agree (names, in order). */
export function schemaDifferences(reference: string[], header: string[]): SchemaDifferences | null {
  if (reference.length === header.length && reference.every((n, i) => n === header[i])) return null;
  const ref = new Set(reference);
  const got = new Set(header);
  const missing = reference.filter((n) => !got.has(n));
  const extra = header.filter((n) => !ref.has(n));
  const common = header.filter((n) => ref.has(n));
  const refOrder = reference.filter((n) => got.has(n));
  return { missing, extra, reordered: common.some((n, i) => n !== refOrder[i]) };
}
