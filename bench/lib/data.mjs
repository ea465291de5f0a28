// The benchmark input: bench/data/export-<rows>.csv made by scripts/gen-export.mjs (seed 42) when missing.
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './measure.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA_DIR = path.join(REPO, 'bench/data');

/**
 * Make sure the export exists; returns { file, bytes, rows, generated, genWallS, genMaxRssMB }.
 * The file is written under a temporary name and renamed, so an interrupted run leaves no half file.
 */
export async function ensureExport(rows, { seed = 42, log = console.error } = {}) {
  mkdirSync(DATA_DIR, { recursive: true });
  const file = path.join(DATA_DIR, `export-${rows}.csv`);
  if (existsSync(file)) return { file, bytes: statSync(file).size, rows, generated: false };
  const tmp = `${file}.partial`;
  log(`generating ${path.relative(REPO, file)} (${rows} rows, seed ${seed}) ...`);
  const r = await measure([process.execPath, path.join(REPO, 'scripts/gen-export.mjs'), '--rows', String(rows), '--seed', String(seed), '--out', tmp]);
  if (r.exitCode !== 0) throw new Error(`gen-export failed (exit ${r.exitCode}): ${r.stderr.trim()}`);
  renameSync(tmp, file);
  const bytes = statSync(file).size;
  log(`generated ${(bytes / 1e6).toFixed(1)} MB in ${r.wallS.toFixed(1)} s (user ${r.userS} s, peak RSS ${r.maxRssMB.toFixed(0)} MB)`);
  return { file, bytes, rows, generated: true, genWallS: r.wallS, genUserS: r.userS, genMaxRssMB: r.maxRssMB };
}
