import type { Check } from './compare.js';
import { pct } from './compare.js';
import { round6 } from './drift.js';
import type { CompareRules } from './rules.js';
import type { Snapshot } from './snapshot.js';

/**
 * "Outside its recent range": the metrics kept per run in the history, and the check of the current run's
 * metrics against mean ± sigmas·σ of the dataset's last `window` runs.
 */

export type MetricKind = 'count' | 'rate' | 'score';

export interface MetricPoint {
  /** rows | columns | missing.rate | duplicates.rate | score */
  metric: string;
  /** The column or score dimension; '' for table-level metrics. */
  subject: string;
  kind: MetricKind;
  value: number;
}

export const metricKey = (m: { metric: string; subject: string }) => `${m.metric}\u0000${m.subject}`;

export function kindOf(metric: string): MetricKind {
  return metric === 'score' ? 'score' : metric.endsWith('.rate') ? 'rate' : 'count';
}

/** The metrics of one run, in a fixed order: table, duplicates, scores, then columns in report order. */
export function metricsOf(s: Snapshot): MetricPoint[] {
  const out: MetricPoint[] = [
    { metric: 'rows', subject: '', kind: 'count', value: s.rows },
    { metric: 'columns', subject: '', kind: 'count', value: s.columns.length },
  ];
  if (s.duplicates) out.push({ metric: 'duplicates.rate', subject: '', kind: 'rate', value: round6(s.duplicates.rate) });
  if (s.scores) for (const [dim, v] of s.scores) out.push({ metric: 'score', subject: dim, kind: 'score', value: v });
  const seen = new Map<string, number>();
  for (const c of s.columns) {
    const n = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, n);
    out.push({ metric: 'missing.rate', subject: n === 1 ? c.name : `${c.name} (#${n})`, kind: 'rate', value: round6(c.missingRate) });
  }
  return out;
}

export interface RangeStats {
  runs: number;
  mean: number;
  sd: number;
  tolerance: number;
}

export function rangeOf(values: number[], kind: MetricKind, rules: CompareRules['history']): RangeStats {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
  const floor = kind === 'count' ? rules.minRelative * Math.abs(mean) : kind === 'rate' ? rules.minRate : rules.minScore;
  return { runs: n, mean, sd, tolerance: Math.max(rules.sigmas * sd, floor) };
}

/**
 * One check per current metric that has at least `minRuns` earlier values. `history` maps metricKey → the
 * values of the most recent runs (newest first, at most `window` of them).
 */
export function rangeChecks(current: MetricPoint[], history: Map<string, number[]>, runsSeen: number, rules: CompareRules): Check[] {
  const h = rules.history;
  if (runsSeen < h.minRuns) {
    return [
      {
        check: 'history-range',
        column: null,
        subject: null,
        status: 'skip',
        message: `recent-range checks need ${h.minRuns} recorded runs of this dataset; ${runsSeen} so far`,
        measured: { runs: runsSeen },
        thresholds: null,
      },
    ];
  }
  const checks: Check[] = [];
  for (const m of current) {
    const values = history.get(metricKey(m));
    if (values === undefined || values.length < h.minRuns) continue;
    const r = rangeOf(values, m.kind, h);
    const outside = Math.abs(m.value - r.mean) > r.tolerance + 1e-9;
    // The range as shown stays inside what the metric can take.
    const lowest = 0;
    const highest = m.kind === 'rate' ? 1 : m.kind === 'score' ? 100 : Infinity;
    const fmt = (x: number) => (m.kind === 'rate' ? pct(x) : m.kind === 'score' ? x.toFixed(1) : Math.round(x).toLocaleString('en-US'));
    const what = m.metric === 'missing.rate' ? `${JSON.stringify(m.subject)} missing rate` : m.metric === 'score' ? `score ${m.subject}` : m.metric === 'duplicates.rate' ? 'duplicate rate' : m.metric;
    checks.push({
      check: 'history-range',
      column: m.metric === 'missing.rate' ? m.subject : null,
      subject: m.metric === 'missing.rate' ? m.metric : m.subject ? `${m.metric} ${m.subject}` : m.metric,
      status: outside ? (h.severity === 'off' ? 'skip' : h.severity) : 'pass',
      message: `${what} ${fmt(m.value)} ${outside ? 'outside' : 'within'} the recent range ${fmt(Math.max(lowest, r.mean - r.tolerance))}…${fmt(Math.min(highest, r.mean + r.tolerance))} (mean ${fmt(r.mean)} ± ${h.sigmas}σ of the last ${r.runs} runs)`,
      measured: { current: m.value, mean: round6(r.mean), sd: round6(r.sd), tolerance: round6(r.tolerance), runs: r.runs },
      thresholds: null,
    });
  }
  return checks;
}
