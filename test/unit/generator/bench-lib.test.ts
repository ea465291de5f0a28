import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The bench harness is plain ESM JavaScript; these tests pin its small pieces.
const repo = path.resolve(import.meta.dirname, '../../..');
const stats = (await import(path.join(repo, 'bench/lib/stats.mjs'))) as {
  median: (v: number[]) => number;
  fmtInt: (n: number) => string;
  table: (h: string[], rows: string[][]) => string;
};
const measureLib = (await import(path.join(repo, 'bench/lib/measure.mjs'))) as {
  hasGnuTime: () => boolean;
  measure: (argv: string[]) => Promise<{ wallS: number; maxRssMB: number; exitCode: number; stdout: string; stderr: string; rssSource: string }>;
};
const duckdb = (await import(path.join(repo, 'bench/duckdb.mjs'))) as { summarizeSql: (f: string) => string };

describe('bench/lib/stats', () => {
  it('takes medians of odd and even counts, ignoring non-finite values', () => {
    expect(stats.median([3, 1, 2])).toBe(2);
    expect(stats.median([4, 1, 3, 2])).toBe(2.5);
    expect(stats.median([NaN, 5])).toBe(5);
    expect(stats.median([])).toBeNaN();
  });

  it('formats counts and tables', () => {
    expect(stats.fmtInt(5_000_000)).toBe('5,000,000');
    expect(stats.table(['tool', 's'], [['duckdb', '3.10']])).toBe('| tool   | s    |\n|--------|------|\n| duckdb | 3.10 |');
  });
});

describe('bench/lib/measure', () => {
  it('reports exit code, output and a peak RSS that sees a 200 MB allocation', async () => {
    const r = await measureLib.measure([process.execPath, '-e', 'const b = Buffer.alloc(200 * 2 ** 20, 1); console.log(b[5]); process.exitCode = 3; setTimeout(() => {}, 300)']);
    expect(r.exitCode).toBe(3);
    expect(r.stdout.trim()).toBe('1');
    expect(r.stderr).not.toContain('Command being timed');
    expect(r.maxRssMB).toBeGreaterThan(200);
    expect(r.maxRssMB).toBeLessThan(600);
    expect(r.wallS).toBeGreaterThan(0);
    expect(r.rssSource).toBe(measureLib.hasGnuTime() ? 'gnu-time' : 'proc-vmhwm-poll');
  });
});

describe('bench/duckdb', () => {
  it('quotes the file name inside the SQL literal', () => {
    expect(duckdb.summarizeSql("/tmp/it's.csv")).toBe("SUMMARIZE SELECT * FROM read_csv('/tmp/it''s.csv')");
  });
});
