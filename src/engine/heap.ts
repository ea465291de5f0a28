import v8 from 'node:v8';

/**
 * How far past its live size a V8 heap may grow before the next full collection, in percent.
 *
 * V8 picks this factor itself, up to 4× on a machine with a lot of memory. A shard worker keeps about
 * 40–60 MB live while it churns through short-lived cell strings and tally windows, so each worker heap
 * grew to 130–250 MB between full collections, and the two workers held ~410 MB of the 1.1 GB peak at 5M
 * rows (bench/RESULTS.md, "Peak RSS at 5M rows"). 2.5× keeps
 * most of the saving at the default's CPU at 1M rows (8–11 % more CPU at 5M); 1.5× saved ~40 MB more at
 * 1M rows but cost ~10 % more CPU there.
 *
 * It is not a limit: a heap whose live data grows (a wide or hostile file) still grows up to Node's usual
 * maximum, so no legitimate file becomes an out-of-memory error, as a worker `resourceLimits` cap would.
 */
export const HEAP_GROWING_PERCENT = 150;

/**
 * Sets the heap growing factor for this process. V8 flags are per process and read whenever a heap is
 * sized, so the main thread and every worker started afterwards collect earlier. A factor the user set
 * with `node --heap-growing-percent=N` is left alone.
 */
export function tightenHeapGrowth(): void {
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => /heap[-_]growing[-_]percent/.test(a));
  if (!given) v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
