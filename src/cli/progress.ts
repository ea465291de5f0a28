import type { Progress } from '../engine/parallel.js';
import { formatBytes } from '../report/text.js';

/**
 * A one-line progress bar on stderr (bytes done, rate, ETA), redrawn in place. Only when stderr is a
 * terminal and --quiet is not given: logs and CI output stay clean.
 */
export function progressBar(totalBytes: number, enabled: boolean): { update: Progress; done(): void } {
  if (!enabled) return { update: () => {}, done: () => {} };
  const t0 = performance.now();
  let drawn = false;
  return {
    update: ({ bytes, records, shards, totalShards }) => {
      const secs = (performance.now() - t0) / 1000;
      const share = totalBytes > 0 ? Math.min(1, bytes / totalBytes) : shards / Math.max(1, totalShards);
      const rate = secs > 0 ? bytes / secs : 0;
      const eta = rate > 0 && share < 1 ? (totalBytes - bytes) / rate : 0;
      const width = 24;
      const filled = Math.round(share * width);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      const line = `${bar} ${(share * 100).toFixed(0).padStart(3)}%  ${formatBytes(bytes)}  ${records.toLocaleString('en-US')} rows  ${formatBytes(rate)}/s  ETA ${eta.toFixed(0)}s`;
      process.stderr.write(`\r${line.slice(0, (process.stderr.columns ?? 100) - 1)}\x1b[K`);
      drawn = true;
    },
    done: () => {
      if (drawn) process.stderr.write('\r\x1b[K');
    },
  };
}
