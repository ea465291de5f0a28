import { basename, resolve } from 'node:path';
import { ExitCode, UserError, type ExitCodeValue } from '../cli/errors.js';
import { DEFAULT_HISTORY_DB, HistoryStore } from '../history/store.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { compareSnapshots, summarize, type Check, type Comparison } from './compare.js';
import { renderJunit } from './junit.js';
import { metricsOf, rangeChecks } from './range.js';
import { renderComparisonMarkdown, renderComparisonText } from './render.js';
import { loadCompareRules, type CompareRules } from './rules.js';
import { readSnapshotFile, snapshotOf, type Snapshot } from './snapshot.js';

/**
 * The regression gate of `dataready profile FILE --baseline B.json | --history`: compare the fresh report
 * with its baseline (a file, or the dataset's latest recorded run), check its metrics against their recent
 * range, record the run, write JUnit, and decide the exit code.
 */

/** The profile options this gate reads (as node:util parseArgs returns them). */
export const gateOptions = {
  baseline: { type: 'string' },
  history: { type: 'boolean' },
  'history-db': { type: 'string' },
  dataset: { type: 'string' },
  junit: { type: 'string' },
  strict: { type: 'boolean' },
} as const;

export interface GateValues {
  baseline?: string | undefined;
  history?: boolean | undefined;
  'history-db'?: string | undefined;
  dataset?: string | undefined;
  junit?: string | undefined;
  strict?: boolean | undefined;
}

export interface GateRequest {
  rules: CompareRules;
  /** The baseline file, read and validated before profiling starts. */
  baseline: Snapshot | null;
  historyDb: string | undefined;
  dataset: string | undefined;
  junit: string | undefined;
  strict: boolean;
}

/**
 * null when no gate option was given: profile then behaves as before. Everything that can refuse (options,
 * rules, the baseline file, the history database) is checked here, before a long profile starts.
 */
export function gateRequest(v: GateValues, rulesPath: string | undefined): GateRequest | null {
  if (v['history-db'] === '') throw new UserError('--history-db needs a path');
  const historyDb = v['history-db'] !== undefined ? resolve(v['history-db']) : v.history ? resolve(DEFAULT_HISTORY_DB) : undefined;
  if (v.dataset !== undefined && historyDb === undefined) throw new UserError('--dataset names a dataset in the history: use it with --history');
  if (v.dataset !== undefined && v.dataset.trim() === '') throw new UserError('--dataset needs a name');
  if (v.baseline === undefined && historyDb === undefined) {
    if (v.junit !== undefined || v.strict) throw new UserError(`${v.junit !== undefined ? '--junit' : '--strict'} needs something to compare with: add --baseline FILE or --history`);
    return null;
  }
  const rules = loadCompareRules(rulesPath);
  const baseline = v.baseline !== undefined ? readSnapshotFile(v.baseline, 'baseline') : null;
  if (historyDb !== undefined) HistoryStore.open(historyDb, { create: true }).close();
  return { rules, baseline, historyDb, dataset: v.dataset, junit: v.junit, strict: v.strict ?? false };
}

/**
 * Which baseline this run will be compared with, known before profiling: for a report field such as
 * `report.baseline` (the scorecard's versioning dimension and its "drift detection" checklist item read one).
 */
export function describeBaseline(req: GateRequest, inputPath: string): { source: 'file' | 'history'; label: string; reportVersion: number; rows: number } | null {
  if (req.baseline) return { source: 'file', label: req.baseline.label, reportVersion: req.baseline.reportVersion, rows: req.baseline.rows };
  if (req.historyDb === undefined) return null;
  const dataset = req.dataset ?? basename(inputPath);
  const store = HistoryStore.open(req.historyDb, { create: true });
  try {
    const last = store.latest(dataset);
    return last ? { source: 'history', label: `run #${last.run.id} of ${JSON.stringify(dataset)} (${last.run.recordedAt})`, reportVersion: last.run.reportVersion, rows: last.run.rows } : null;
  } finally {
    store.close();
  }
}

export interface GateResult {
  comparison: Comparison;
  exitCode: ExitCodeValue;
  dataset: string | null;
  recordedRunId: number | null;
}

/**
 * Runs the gate on a finished report: baseline comparison, recent-range checks, then the run is recorded and
 * the JUnit file written. A refusal before that point (exit 2) records nothing.
 */
export function runGate(report: unknown, inputPath: string, req: GateRequest): GateResult {
  const { rules } = req;
  const current = snapshotOf(report, inputPath, 'current report');
  const dataset = req.historyDb !== undefined ? (req.dataset ?? basename(inputPath)) : null;
  const store = req.historyDb !== undefined ? HistoryStore.open(req.historyDb, { create: true }) : null;
  try {
    let baseline: Snapshot | null = req.baseline;
    if (baseline === null && store && dataset !== null) {
      const last = store.latest(dataset);
      if (last) {
        let raw: unknown;
        try {
          raw = JSON.parse(last.report);
        } catch {
          throw new UserError(`history database ${store.path}: run #${last.run.id} of ${JSON.stringify(dataset)} holds an unreadable report`);
        }
        baseline = snapshotOf(raw, `run #${last.run.id} of ${JSON.stringify(dataset)} (${last.run.recordedAt})`, 'baseline');
      }
    }
    const checks: Check[] = baseline ? compareSnapshots(baseline, current, rules) : [];
    const metrics = metricsOf(current);
    if (store && dataset !== null) {
      const recent = store.recentMetrics(dataset, rules.history.window);
      checks.push(...rangeChecks(metrics, recent.values, recent.runs, rules));
    }
    const comparison = summarize(checks, baseline, current, req.strict);
    let recordedRunId: number | null = null;
    if (store && dataset !== null) {
      const r = report as { run?: { startedAt?: unknown } };
      recordedRunId = store.record({
        dataset,
        recordedAt: typeof r.run?.startedAt === 'string' ? r.run.startedAt : new Date().toISOString(),
        toolVersion: current.toolVersion,
        reportVersion: current.reportVersion,
        inputPath,
        rows: current.rows,
        columns: current.columns.length,
        status: baseline ? comparison.status : 'first',
        failed: comparison.counts.fail,
        warned: comparison.counts.warn,
        report: JSON.stringify(report),
        metrics,
      });
    }
    if (req.junit !== undefined) writeFileAtomic(req.junit, renderJunit(comparison, dataset ?? basename(inputPath)));
    return { comparison, exitCode: exitCodeOf(comparison), dataset, recordedRunId };
  } finally {
    store?.close();
  }
}

export function exitCodeOf(c: Comparison): ExitCodeValue {
  return c.status === 'failed' ? ExitCode.GateFailed : ExitCode.Ok;
}

/**
 * What profile prints after its report: with `--format json` the report alone stays on stdout (so it can be
 * piped) and the summary goes to stderr; otherwise the summary follows the report on stdout.
 */
export function printGateSummary(result: GateResult, format: string, quiet: boolean): void {
  if (format === 'json') {
    if (!quiet) process.stderr.write(renderComparisonText(result.comparison));
    return;
  }
  const text = format === 'md' ? renderComparisonMarkdown(result.comparison) : renderComparisonText(result.comparison);
  process.stdout.write('\n' + text);
}
