/**
 * The duplicate detector's state as finish-ab.mjs `dump` writes it (a length-prefixed JSON header, then
 * every exact and near page as raw little-endian Uint32 words), and the column info finish() takes, read
 * from a `dataready profile --out` report of the same file. Shared by finish-ab.mjs and finish-cold.mjs.
 */
import { readFileSync } from 'node:fs';

export function readStateDump(statePath) {
  const b = readFileSync(statePath);
  const ml = b.readUInt32LE(0);
  const meta = JSON.parse(b.subarray(4, 4 + ml).toString());
  let at = 4 + ml;
  const take = (n) => { const a = new Uint32Array(n); new Uint8Array(a.buffer).set(b.subarray(at, at + 4 * n)); at += 4 * n; return a; };
  return { ...meta, exact: meta.exact.map(take), near: meta.near.map(take) };
}

/** The ColumnInfo list TableProfiler.finish hands to duplicates.finish, from a finished report. */
export function columnInfoFromReport(reportPath) {
  const r = JSON.parse(readFileSync(reportPath, 'utf8'));
  return r.columns.map((c) => ({ name: c.name, type: c.type.inferred,
    distinctRatio: c.values - c.missing.count > 0 ? c.distinct.distinct / (c.values - c.missing.count) : 0 }));
}
