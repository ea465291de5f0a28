import { categoryDrift, numericDrift, round6, totalVariation, type CategoryBucket } from './drift.js';
import type { CompareRules, Levels, Severity } from './rules.js';
import type { Snapshot, SnapshotColumn, TypeName } from './snapshot.js';

/**
 * Baseline versus current: every check the rules ask for, each with a status and the numbers behind it.
 * Reads only snapshots (never `run.*`, `input.*` or row numbers), so timing and row order cannot matter.
 */

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

export type CheckKind =
  | 'rows'
  | 'ragged'
  | 'column-added'
  | 'column-removed'
  | 'column-type'
  | 'column-order'
  | 'missing-rate'
  | 'conformance'
  | 'distinct'
  | 'date-formats'
  | 'numeric-drift'
  | 'category-drift'
  | 'pii'
  | 'duplicate-rate'
  | 'score'
  | 'history-range';

export type Measured = Record<string, number | string | boolean | null>;

export interface Check {
  check: CheckKind;
  /** The column the check is about; null for table-level checks. */
  column: string | null;
  /** What else names the check: a score dimension, a history metric. */
  subject: string | null;
  status: CheckStatus;
  /** One line for a person; never holds a raw value of a PII column. */
  message: string;
  /** The numbers behind the status. */
  measured: Measured;
  thresholds: Levels | null;
}

export interface ReportSide {
  label: string;
  reportVersion: number;
  toolVersion: string;
  rows: number;
  columns: number;
}

export interface Comparison {
  comparisonVersion: 1;
  baseline: ReportSide | null;
  current: ReportSide;
  /** failed: a fail threshold was crossed (or, with strict, a warning); warned: warnings only. */
  status: 'passed' | 'warned' | 'failed';
  strict: boolean;
  counts: Record<CheckStatus, number>;
  /** The checks at warn or fail: fail first, then in check order. */
  findings: Check[];
  checks: Check[];
}

const EPS = 1e-9;

export function grade(value: number, levels: Levels): CheckStatus {
  if (levels.fail !== null && value > levels.fail + EPS) return 'fail';
  if (levels.warn !== null && value > levels.warn + EPS) return 'warn';
  return 'pass';
}

function bySeverity(sev: Severity): CheckStatus {
  return sev === 'off' ? 'skip' : sev;
}

function worst(a: CheckStatus, b: CheckStatus): CheckStatus {
  const rank = { skip: 0, pass: 1, warn: 2, fail: 3 } as const;
  return rank[a] >= rank[b] ? a : b;
}

export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const signedPct = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}%`;
const pp = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)} pp`;
const int = (n: number) => n.toLocaleString('en-US');
export const quote = (name: string) => JSON.stringify(name.length > 60 ? name.slice(0, 59) + '…' : name);
const fixed = (x: number, d = 3) => x.toFixed(d);

/** Columns are matched by name; a repeated header name is matched by its occurrence (the 2nd "x" to the 2nd "x"). */
function columnKeys(cols: SnapshotColumn[]): string[] {
  const seen = new Map<string, number>();
  return cols.map((c) => {
    const n = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, n);
    return n === 1 ? c.name : `${c.name}\u0000${n}`;
  });
}

/** Share of non-missing values that conform to `type`, by the rules of src/metrics/types.ts. */
export function conformanceTo(type: TypeName, counts: Record<string, number>): number | null {
  const c = (k: string) => counts[k] ?? 0;
  const total = ['integer', 'decimal', 'boolean', 'date', 'datetime', 'string'].reduce((s, k) => s + c(k), 0);
  if (total === 0) return null;
  switch (type) {
    case 'integer':
      return c('integer') / total;
    case 'decimal':
      return (c('integer') + c('decimal')) / total;
    case 'boolean':
      return c('boolean') / total;
    case 'date':
    case 'datetime':
      return (c('date') + c('datetime')) / total;
    default:
      return 1;
  }
}

/** integer ↔ decimal and date ↔ datetime keep every value readable as the wider type. */
function compatibleTypes(a: TypeName, b: TypeName): boolean {
  const family = (t: TypeName) => (t === 'integer' || t === 'decimal' ? 'number' : t === 'date' || t === 'datetime' ? 'time' : t);
  return family(a) === family(b);
}

export function compareSnapshots(b: Snapshot, c: Snapshot, rules: CompareRules): Check[] {
  const checks: Check[] = [];
  const add = (k: Omit<Check, 'subject' | 'thresholds'> & Partial<Pick<Check, 'subject' | 'thresholds'>>) =>
    checks.push({ check: k.check, column: k.column, subject: k.subject ?? null, status: k.status, message: k.message, measured: k.measured, thresholds: k.thresholds ?? null });

  // ---- table
  const rowChange = b.rows === 0 ? (c.rows === 0 ? 0 : Infinity) : (c.rows - b.rows) / b.rows;
  add({
    check: 'rows',
    column: null,
    status: grade(Math.abs(rowChange), rules.rows),
    message: `rows ${int(b.rows)} → ${int(c.rows)}${Number.isFinite(rowChange) ? ` (${signedPct(rowChange)})` : ''}`,
    measured: { baseline: b.rows, current: c.rows, change: Number.isFinite(rowChange) ? round6(rowChange) : null },
    thresholds: rules.rows,
  });
  const raggedB = b.rows > 0 ? b.raggedRows / b.rows : 0;
  const raggedC = c.rows > 0 ? c.raggedRows / c.rows : 0;
  add({
    check: 'ragged',
    column: null,
    status: grade(raggedC - raggedB, rules.ragged),
    message: `ragged records ${int(b.raggedRows)} (${pct(raggedB)}) → ${int(c.raggedRows)} (${pct(raggedC)})`,
    measured: { baseline: round6(raggedB), current: round6(raggedC), change: round6(raggedC - raggedB) },
    thresholds: rules.ragged,
  });

  // ---- schema
  const bKeys = columnKeys(b.columns);
  const cKeys = columnKeys(c.columns);
  const bByKey = new Map(bKeys.map((k, i) => [k, b.columns[i]!]));
  const cByKey = new Map(cKeys.map((k, i) => [k, c.columns[i]!]));
  for (const [i, k] of bKeys.entries()) {
    if (cByKey.has(k)) continue;
    const col = b.columns[i]!;
    add({
      check: 'column-removed',
      column: col.name,
      status: bySeverity(rules.columns.removed),
      message: `column ${quote(col.name)} (${col.type}, position ${col.index + 1}) is gone`,
      measured: { baselineIndex: col.index, type: col.type },
    });
  }
  for (const [i, k] of cKeys.entries()) {
    if (bByKey.has(k)) continue;
    const col = c.columns[i]!;
    add({
      check: 'column-added',
      column: col.name,
      status: bySeverity(rules.columns.added),
      message: `new column ${quote(col.name)} (${col.type}, position ${col.index + 1})`,
      measured: { currentIndex: col.index, type: col.type },
    });
  }
  const commonInB = bKeys.filter((k) => cByKey.has(k));
  const commonInC = cKeys.filter((k) => bByKey.has(k));
  const moved = commonInB.filter((k, i) => commonInC[i] !== k).length;
  add({
    check: 'column-order',
    column: null,
    status: moved === 0 ? 'pass' : bySeverity(rules.columns.reordered),
    message: moved === 0 ? 'the columns both reports share are in the same order' : `${moved} of ${commonInB.length} shared columns changed position`,
    measured: { moved, shared: commonInB.length },
  });

  // ---- per column, in the current report's order
  const piiInventory = b.hasPiiInventory;
  for (const [i, k] of cKeys.entries()) {
    const cc = c.columns[i]!;
    const bc = bByKey.get(k);
    if (bc === undefined) {
      if (piiInventory && cc.pii) {
        add({
          check: 'pii',
          column: cc.name,
          status: bySeverity(rules.pii.newColumn),
          message: `new column ${quote(cc.name)} holds PII (${cc.pii.kind})`,
          measured: { baseline: null, current: cc.pii.kind },
        });
      }
      continue;
    }
    columnChecks(bc, cc, rules, add, piiInventory);
  }

  if (!piiInventory && c.hasPiiInventory) {
    add({ check: 'pii', column: null, status: 'skip', message: 'new PII columns not checked: the baseline has no PII inventory (written before the PII detector)', measured: {} });
  }
  if (!b.hasDateDetector && c.hasDateDetector) {
    add({ check: 'date-formats', column: null, status: 'skip', message: 'date-format mix not checked: the baseline has no date-format histograms', measured: {} });
  }

  // ---- duplicates
  if (c.duplicates !== undefined || b.duplicates !== undefined) {
    const bd = b.duplicates, cd = c.duplicates;
    if (bd && cd && bd.basis === cd.basis) {
      const change = cd.rate - bd.rate;
      add({
        check: 'duplicate-rate',
        column: null,
        status: grade(change, rules.duplicateRate),
        message: `duplicate rate ${pct(bd.rate)} → ${pct(cd.rate)} (${pp(change)})`,
        measured: { baseline: round6(bd.rate), current: round6(cd.rate), change: round6(change), basis: cd.basis },
        thresholds: rules.duplicateRate,
      });
    } else {
      const why = !bd ? 'the baseline has no duplicates section' : !cd ? 'the current report has no duplicates section' : `the reports measure it differently (${bd.basis} vs ${cd.basis})`;
      add({ check: 'duplicate-rate', column: null, status: 'skip', message: `duplicate rate not compared: ${why}`, measured: {} });
    }
  }

  // ---- scorecard
  if (c.scores !== undefined || b.scores !== undefined) {
    if (b.scores && c.scores) {
      for (const [dim, cs] of c.scores) {
        const bs = b.scores.get(dim);
        if (bs === undefined || rules.scores.ignore.includes(dim)) continue;
        const drop = bs - cs;
        add({
          check: 'score',
          column: null,
          subject: dim,
          status: grade(drop, { warn: rules.scores.warn, fail: rules.scores.fail }),
          message: `score ${dim} ${fmtScore(bs)} → ${fmtScore(cs)} (${drop > 0 ? '−' : '+'}${fmtScore(Math.abs(drop))} points)`,
          measured: { baseline: bs, current: cs, change: round6(cs - bs) },
          thresholds: { warn: rules.scores.warn, fail: rules.scores.fail },
        });
      }
    } else {
      add({ check: 'score', column: null, status: 'skip', message: `scores not compared: the ${b.scores ? 'current report' : 'baseline'} has no scorecard`, measured: {} });
    }
  }
  return checks;
}

function fmtScore(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

function columnChecks(
  bc: SnapshotColumn,
  cc: SnapshotColumn,
  rules: CompareRules,
  add: (c: Omit<Check, 'subject' | 'thresholds'> & Partial<Pick<Check, 'subject' | 'thresholds'>>) => void,
  piiInventory: boolean,
): void {
  const name = cc.name;
  const q = quote(name);
  const isPii = Boolean(bc.pii || cc.pii);

  // type; an incompatible change carries the conformance numbers itself
  const sameType = bc.type === cc.type;
  const compatible = compatibleTypes(bc.type, cc.type);
  const bConf = conformanceTo(bc.type, bc.typeCounts);
  const cConf = conformanceTo(bc.type, cc.typeCounts);
  const confText = bConf !== null && cConf !== null ? `; values that are ${bc.type}: ${pct(bConf)} → ${pct(cConf)}` : '';
  add({
    check: 'column-type',
    column: name,
    status: sameType ? 'pass' : bySeverity(compatible ? rules.columns.widened : rules.columns.retyped),
    message: sameType ? `${q} is still ${cc.type}` : `${q} changed type ${bc.type} → ${cc.type}${compatible ? ' (compatible)' : confText}`,
    measured: { baseline: bc.type, current: cc.type },
  });

  // missing rate
  const missingChange = cc.missingRate - bc.missingRate;
  add({
    check: 'missing-rate',
    column: name,
    status: grade(missingChange, rules.missingRate),
    message: `${q} missing ${pct(bc.missingRate)} → ${pct(cc.missingRate)} (${pp(missingChange)})`,
    measured: { baseline: round6(bc.missingRate), current: round6(cc.missingRate), change: round6(missingChange) },
    thresholds: rules.missingRate,
  });

  // conformance to the baseline's type
  if (compatible && bc.type !== 'string' && bConf !== null && cConf !== null) {
    const drop = bConf - cConf;
    add({
      check: 'conformance',
      column: name,
      status: grade(drop, rules.conformance),
      message: `${q} values that are ${bc.type}: ${pct(bConf)} → ${pct(cConf)} (${pp(-drop)})`,
      measured: { type: bc.type, baseline: round6(bConf), current: round6(cConf), change: round6(-drop) },
      thresholds: rules.conformance,
    });
  }

  // distinct values, against what the change in row count predicts
  {
    const expected = expectedDistinct(bc.distinct, bc.nonMissing, cc.nonMissing);
    const gap = Math.abs(cc.distinct - expected);
    const change = gap >= rules.distinct.minChange ? gap / Math.max(expected, 1) : 0;
    const approx = bc.distinctExact && cc.distinctExact ? '' : '~';
    const expectation = Math.round(expected) === bc.distinct ? '' : `; about ${int(Math.round(expected))} expected at ${int(cc.nonMissing)} values`;
    add({
      check: 'distinct',
      column: name,
      status: grade(change, rules.distinct),
      message: `${q} distinct values ${approx}${int(bc.distinct)} → ${approx}${int(cc.distinct)}${expectation}`,
      measured: { baseline: bc.distinct, current: cc.distinct, expected: round6(expected), change: round6(change), exact: !approx },
      thresholds: { warn: rules.distinct.warn, fail: rules.distinct.fail },
    });
  }

  // date-format mix
  if (bc.dateFormats && cc.dateFormats && Object.keys(bc.dateFormats).length > 0 && Object.keys(cc.dateFormats).length > 0) {
    const tvd = totalVariation(bc.dateFormats, cc.dateFormats);
    const newFormats = Object.keys(cc.dateFormats).filter((f) => !(f in bc.dateFormats!) && cc.dateFormats![f]! > 0).sort();
    add({
      check: 'date-formats',
      column: name,
      status: grade(tvd, rules.dateFormats),
      message: `${q} date formats ${mix(bc.dateFormats)} → ${mix(cc.dateFormats)} (distance ${fixed(tvd)})${newFormats.length ? `; new: ${newFormats.join(', ')}` : ''}`,
      measured: { distance: tvd, newFormats: newFormats.length },
      thresholds: rules.dateFormats,
    });
  }

  // distribution drift, unless the type changed (that finding says it already). An identifier's range
  // moves with every export (new ids): its distribution is not data drift.
  if (compatible && !(keyLike(bc) && keyLike(cc))) {
    const lowCardinality = bc.top.complete && cc.top.complete;
    if (bc.numeric && cc.numeric && !lowCardinality) {
      const d = numericDrift(bc.numeric, cc.numeric);
      // The exact mean moved, in baseline standard deviations (exact sums: no sketch error, no row-order effect).
      const bn = bc.numeric, cn = cc.numeric;
      const meanShift = bn.mean !== null && cn.mean !== null && bn.stddev !== null && bn.stddev > 0 ? round6(Math.abs(cn.mean - bn.mean) / bn.stddev) : null;
      const status = worst(
        worst(grade(d.psi, rules.numericDrift.psi), grade(d.ks, rules.numericDrift.ks)),
        meanShift === null ? 'pass' : grade(meanShift, rules.numericDrift.meanShift),
      );
      const where = isPii
        ? ''
        : `; median ${num(bc.numeric.quantiles.p50)} → ${num(cc.numeric.quantiles.p50)}, range ${num(bc.numeric.min)}…${num(bc.numeric.max)} → ${num(cc.numeric.min)}…${num(cc.numeric.max)}`;
      add({
        check: 'numeric-drift',
        column: name,
        status,
        message: `${q} distribution drift PSI ${fixed(d.psi)}, KS ${fixed(d.ks)}${where}`,
        measured: { psi: d.psi, ks: d.ks, meanShift, method: 'quantiles' },
        thresholds: rules.numericDrift.psi,
      });
    } else if (lowCardinality || (!bc.numeric && !cc.numeric)) {
      const d = categoryDrift(
        { values: bc.top.values, complete: bc.top.complete, total: Math.max(bc.nonMissing, 0) },
        { values: cc.top.values, complete: cc.top.complete, total: Math.max(cc.nonMissing, 0) },
      );
      if (d !== null) {
        add({
          check: 'category-drift',
          column: name,
          status: grade(d.psi, rules.categoryDrift.psi),
          message: `${q} value mix drift PSI ${fixed(d.psi)}${movers(d.buckets, isPii)}`,
          measured: { psi: d.psi, buckets: d.buckets.length, coverageBaseline: d.coverage.baseline, coverageCurrent: d.coverage.current, method: 'top values' },
          thresholds: rules.categoryDrift.psi,
        });
      }
    }
  }

  // PII
  if (piiInventory && cc.pii !== undefined) {
    let status: CheckStatus = 'pass';
    let message = cc.pii ? `${q} was and is PII (${cc.pii.kind})` : `${q} holds no PII`;
    if (cc.pii && !bc.pii) {
      status = bySeverity(rules.pii.newColumn);
      message = `${q} now holds PII (${cc.pii.kind}); the baseline found none`;
    } else if (cc.pii && bc.pii && bc.pii.kind !== cc.pii.kind) {
      status = bySeverity(rules.pii.kindChanged);
      message = `${q} PII kind ${bc.pii.kind} → ${cc.pii.kind}`;
    }
    add({ check: 'pii', column: name, status, message, measured: { baseline: bc.pii?.kind ?? null, current: cc.pii?.kind ?? null } });
  }
}

/** An integer column with a distinct value in (almost) every row: an identifier. */
function keyLike(c: SnapshotColumn): boolean {
  return c.type === 'integer' && c.nonMissing > 0 && c.distinct >= 0.99 * c.nonMissing;
}

/**
 * How many distinct values `n` values would hold if they came from the population that gave `d` distinct
 * values in `n0`: the population is modelled as K equally likely values, K solved from
 * d = K·(1 − e^(−n0/K)), and the expectation is K·(1 − e^(−n/K)). All-distinct columns (identifiers) have
 * K = ∞ and expect n. Same row count: expects d.
 */
export function expectedDistinct(d: number, n0: number, n: number): number {
  if (n0 <= 0 || d <= 0) return d;
  if (n === n0) return d;
  if (d >= n0) return n;
  const f = (k: number) => k * -Math.expm1(-n0 / k) - d;
  let lo = d, hi = d;
  while (f(hi) < 0 && hi < 1e15) hi *= 2;
  for (let i = 0; i < 100 && hi - lo > 1e-9 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  const k = (lo + hi) / 2;
  return k * -Math.expm1(-n / k);
}

function num(x: number | undefined): string {
  if (x === undefined) return '?';
  if (Number.isInteger(x) && Math.abs(x) < 1e12) return String(x);
  return Math.abs(x) >= 1e6 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(3) : String(Number(x.toPrecision(6)));
}

function mix(formats: Record<string, number>): string {
  const total = Object.values(formats).reduce((s, v) => s + v, 0);
  const top = Object.entries(formats)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([f, n]) => `${f} ${pct(total > 0 ? n / total : 0)}`);
  return top.join(', ') + (Object.keys(formats).length > 3 ? ', …' : '');
}

/** The buckets that moved most. A PII column's values are never named: only how many moved, and by how much. */
function movers(buckets: CategoryBucket[], isPii: boolean): string {
  const moved = buckets.filter((b) => Math.abs(b.current - b.baseline) >= 0.005);
  if (moved.length === 0) return '';
  if (isPii) {
    const top = moved[0]!;
    return `; ${moved.length} value${moved.length === 1 ? '' : 's'} changed share, the largest ${pct(top.baseline)} → ${pct(top.current)}`;
  }
  const label = (b: CategoryBucket) => (b.value === null ? 'other' : quote(b.value.length > 32 ? b.value.slice(0, 31) + '…' : b.value));
  return '; ' + moved.slice(0, 3).map((b) => `${label(b)} ${pct(b.baseline)} → ${pct(b.current)}`).join(', ') + (moved.length > 3 ? ', …' : '');
}

export function side(s: Snapshot): ReportSide {
  return { label: s.label, reportVersion: s.reportVersion, toolVersion: s.toolVersion, rows: s.rows, columns: s.columns.length };
}

export function summarize(checks: Check[], baseline: Snapshot | null, current: Snapshot, strict: boolean): Comparison {
  const counts: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const c of checks) counts[c.status]++;
  const findings = [...checks.filter((c) => c.status === 'fail'), ...checks.filter((c) => c.status === 'warn')];
  const failed = counts.fail > 0 || (strict && counts.warn > 0);
  return {
    comparisonVersion: 1,
    baseline: baseline ? side(baseline) : null,
    current: side(current),
    status: failed ? 'failed' : counts.warn > 0 ? 'warned' : 'passed',
    strict,
    counts,
    findings,
    checks,
  };
}
