import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

/**
 * The report, less its timing fields, is byte-identical for --threads 1, 2 and 4 and from run to run, on a
 * file cut into many shards (DATAREADY_SHARD_BYTES makes 256 KiB shards so a 3 MB file gives a dozen).
 */
const dir = tempDir();
const file = join(dir, 'export.csv');
const SHARDS = { DATAREADY_SHARD_BYTES: String(256 * 1024) };

function stripTiming(json: string): string {
  const r = JSON.parse(json);
  delete r.run;
  // The scorecard's Volume projection uses the measured rate (a timing figure); the rest of it is compared.
  if (r.scorecard) r.scorecard = JSON.parse(JSON.stringify(r.scorecard).replace(/"[^"]*(?:Seconds|PerSecond|seconds)":\s*[\d.]+/g, '"t":0').replace(/profiled at [^"]*/g, ''));
  return JSON.stringify(r);
}

function profile(threads: number): string {
  const r = runCli(['profile', file, '--format', 'json', '--threads', String(threads)], { env: SHARDS });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

describe('determinism across thread counts and runs', () => {
  beforeAll(() => {
    const g = spawnSync(process.execPath, [join(ROOT, 'scripts/gen-export.mjs'), '--rows', '18000', '--seed', '11', '--out', file], { encoding: 'utf8' });
    expect(g.status).toBe(0);
  });

  it('gives the same report at 1, 2 and 4 threads, and twice at 2', () => {
    const one = profile(1);
    const report = JSON.parse(one);
    expect(report.table.rows).toBe(18000);
    expect(report.run.threads).toBe(1);
    const two = profile(2);
    expect(JSON.parse(two).run.threads).toBe(2);
    const base = stripTiming(one);
    expect(stripTiming(two)).toBe(base);
    expect(stripTiming(profile(4))).toBe(base);
    expect(stripTiming(profile(2))).toBe(base);
    // four CLI runs over a dozen shards: allow a loaded machine several times the quiet ~25 s
  }, 240_000);

  it('gives the same columns and duplicates as one unsharded pass', () => {
    const sharded = JSON.parse(profile(2));
    const r = runCli(['profile', file, '--format', 'json', '--threads', '1']);
    const whole = JSON.parse(r.stdout);
    expect(whole.table).toEqual(sharded.table);
    expect(whole.duplicates).toEqual(sharded.duplicates);
    // Top values are exact below the capacity and pruned (approximate) above it, which depends on the cut.
    const strip = (cols: { topValues: { approximate: boolean } }[]) =>
      cols.map((c) => ({ ...c, topValues: c.topValues.approximate ? null : c.topValues }));
    expect(strip(whole.columns)).toEqual(strip(sharded.columns));
  }, 240_000);

  it('samples exact-duplicate hashes past a memory budget the same way at any thread count', () => {
    // 2,000 near rows (16 words of 4 bytes) and 3,000 tail rows (8 bytes) for an 18,000-row file
    const rules = join(dir, 'small-budgets.yaml');
    writeFileSync(rules, 'duplicates:\n  nearMemoryBytes: 128000\n  exactMemoryBytes: 24000\n');
    const run = (threads: number, env: Record<string, string>) => {
      const list = join(dir, `dups-${threads}-${Object.keys(env).length}.csv`);
      const r = runCli(['profile', file, '--format', 'json', '--threads', String(threads), '--rules', rules, '--duplicates', list], { env });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('1-in-');
      expect(r.stderr).toContain('--duplicates lists the held rows only');
      return { json: r.stdout, list: readFileSync(list, 'utf8') };
    };
    const one = run(1, SHARDS);
    const report = JSON.parse(one.json);
    const exact = report.duplicates.exact;
    expect(exact.sampling.rate).toBeLessThan(1);
    expect(exact.sampling.rowsHeld).toBeLessThanOrEqual(2000 + 3000);
    expect(exact.sampling.reason).toContain('hash sample of the other 16000 rows');
    expect(report.duplicates.rows).toBe(18000);
    expect(exact.duplicateRows).toBeGreaterThan(0);
    // the scorecard says the exact count is an estimate
    expect(JSON.stringify(report.scorecard)).toContain('exact copies estimated from a hash sample');
    const sharded = run(2, SHARDS);
    expect(stripTiming(sharded.json)).toBe(stripTiming(one.json));
    expect(sharded.list).toBe(one.list);
    expect(stripTiming(run(4, SHARDS).json)).toBe(stripTiming(one.json));
    // one unsharded pass: the same duplicates (top values may differ, as above)
    const whole = run(1, {});
    expect(JSON.parse(whole.json).duplicates).toEqual(report.duplicates);
    expect(whole.list).toBe(one.list);
  }, 240_000);
});
