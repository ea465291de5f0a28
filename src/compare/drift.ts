/**
 * Distribution drift from what a report keeps: quantiles for numbers, top values for categories.
 *
 * Numbers. A report holds min, max and the quantiles p1, p5, p25, p50, p75, p95, p99 (DDSketch, 1% relative
 * accuracy). Each report's distribution is approximated by the piecewise-linear CDF through the knots
 * (min, 0), (p1, 0.01), …, (p99, 0.99), (max, 1): mass spread evenly between knots, and a jump where several
 * knots share a value (a value that holds that much of the column). From the two CDFs:
 *  - PSI (population stability index) over bins cut at the baseline's distinct knot values, plus an open bin
 *    below and above: Σ (a − e)·ln(a / e), with e and a each bin's baseline and current mass, floored at
 *    PSI_FLOOR so an empty bin gives a large finite term rather than infinity.
 *  - KS: the largest vertical distance between the two CDFs; both are piecewise linear, so it is found at a
 *    knot of either one, taking both one-sided limits at a jump.
 * Identical quantiles give 0 for both, exactly; the DDSketch state does not depend on row order.
 *
 * Categories. PSI over the values listed in either report's top values, plus an "other" bucket. A value
 * gets its own bucket only when both reports account for it: it is listed there, or that report's top values
 * are complete (then its count is known to be 0). Any other value goes to "other" on both sides, so a value
 * that merely fell out of a truncated top-10 is not mistaken for a new category.
 */

export const PSI_FLOOR = 1e-4;

export interface QuantileSummary {
  min: number;
  max: number;
  /** `pN` → value, N in percent (`p1`, `p50`, `p99`, `p99.9`). */
  quantiles: Record<string, number>;
}

export interface Knots {
  x: number[];
  p: number[];
}

/** The knots of the piecewise-linear CDF: sorted by probability, values clamped and made non-decreasing. */
export function cdfKnots(s: QuantileSummary): Knots {
  const qs: [number, number][] = [];
  for (const [key, v] of Object.entries(s.quantiles)) {
    const m = /^p(\d+(?:\.\d+)?)$/.exec(key);
    if (!m || !Number.isFinite(v)) continue;
    const p = Number(m[1]) / 100;
    if (p > 0 && p < 1) qs.push([p, v]);
  }
  qs.sort((a, b) => a[0] - b[0]);
  const x = [s.min];
  const p = [0];
  for (const [q, v] of qs) {
    x.push(Math.min(s.max, Math.max(x[x.length - 1]!, v)));
    p.push(q);
  }
  x.push(s.max);
  p.push(1);
  return { x, p };
}

/** F(v) = P(X ≤ v): right-continuous, so at a jump it takes the top of the jump. */
export function cdfAt(k: Knots, v: number): number {
  const { x, p } = k;
  const n = x.length;
  if (v < x[0]!) return 0;
  if (v >= x[n - 1]!) return 1;
  let j = upperBound(x, v) - 1; // last knot with x ≤ v
  if (x[j] === v) return p[j]!;
  const x0 = x[j]!, x1 = x[j + 1]!;
  return p[j]! + ((p[j + 1]! - p[j]!) * (v - x0)) / (x1 - x0);
}

/** F(v−) = P(X < v): the bottom of a jump at v. */
export function cdfBefore(k: Knots, v: number): number {
  const { x, p } = k;
  if (v <= x[0]!) return 0;
  const j = lowerBound(x, v); // first knot with x ≥ v
  if (j < x.length && x[j] === v) return p[j]!;
  return cdfAt(k, v);
}

function upperBound(a: number[], v: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lowerBound(a: number[], v: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function psiTerm(expected: number, actual: number): number {
  const e = Math.max(expected, PSI_FLOOR);
  const a = Math.max(actual, PSI_FLOOR);
  return (a - e) * Math.log(a / e);
}

export interface NumericDrift {
  psi: number;
  ks: number;
  /** Where the CDFs are furthest apart. */
  ksAt: number;
  /** Baseline and current mass per bin (bins cut at the baseline's distinct knot values). */
  bins: { upTo: number | null; baseline: number; current: number }[];
}

export function numericDrift(baseline: QuantileSummary, current: QuantileSummary): NumericDrift {
  const kb = cdfKnots(baseline);
  const kc = cdfKnots(current);
  const edges = [...new Set(kb.x)];
  const bins: NumericDrift['bins'] = [];
  let prevB = 0, prevC = 0, psi = 0;
  for (const e of edges) {
    const fb = cdfAt(kb, e), fc = cdfAt(kc, e);
    bins.push({ upTo: e, baseline: fb - prevB, current: fc - prevC });
    prevB = fb;
    prevC = fc;
  }
  bins.push({ upTo: null, baseline: 1 - prevB, current: 1 - prevC });
  for (const b of bins) psi += psiTerm(b.baseline, b.current);

  let ks = 0, ksAt = kb.x[0]!;
  for (const v of [...new Set([...kb.x, ...kc.x])].sort((a, b) => a - b)) {
    const d = Math.max(Math.abs(cdfAt(kb, v) - cdfAt(kc, v)), Math.abs(cdfBefore(kb, v) - cdfBefore(kc, v)));
    if (d > ks + 1e-12) {
      ks = d;
      ksAt = v;
    }
  }
  return { psi: round6(psi), ks: round6(ks), ksAt, bins };
}

export interface TopList {
  values: { value: string; count: number }[];
  /** The top values account for every non-missing value. */
  complete: boolean;
  /** Non-missing values of the column: the denominator of each share. */
  total: number;
}

export interface CategoryBucket {
  /** null: the "other" bucket. */
  value: string | null;
  baseline: number;
  current: number;
}

export interface CategoryDrift {
  psi: number;
  /** Buckets sorted by the size of their contribution to PSI, largest first (ties: by value). */
  buckets: CategoryBucket[];
  /** Share of the baseline's and the current values that fall in named buckets (not "other"). */
  coverage: { baseline: number; current: number };
}

export function categoryDrift(baseline: TopList, current: TopList): CategoryDrift | null {
  if (baseline.total <= 0 || current.total <= 0) return null;
  const bMap = new Map(baseline.values.map((v) => [v.value, v.count]));
  const cMap = new Map(current.values.map((v) => [v.value, v.count]));
  const names = [...new Set([...bMap.keys(), ...cMap.keys()])].sort();
  const buckets: CategoryBucket[] = [];
  let bNamed = 0, cNamed = 0;
  for (const name of names) {
    const b = bMap.get(name) ?? (baseline.complete ? 0 : undefined);
    const c = cMap.get(name) ?? (current.complete ? 0 : undefined);
    if (b === undefined || c === undefined) continue;
    buckets.push({ value: name, baseline: b / baseline.total, current: c / current.total });
    bNamed += b;
    cNamed += c;
  }
  const other: CategoryBucket = {
    value: null,
    baseline: Math.max(0, 1 - bNamed / baseline.total),
    current: Math.max(0, 1 - cNamed / current.total),
  };
  // Shares below the float noise of 1 − Σ are an empty "other".
  if (other.baseline < 1e-12) other.baseline = 0;
  if (other.current < 1e-12) other.current = 0;
  buckets.push(other);
  let psi = 0;
  for (const b of buckets) psi += psiTerm(b.baseline, b.current);
  const contribution = (b: CategoryBucket) => psiTerm(b.baseline, b.current);
  buckets.sort((x, y) => contribution(y) - contribution(x) || byCodeUnits(x.value ?? '\uffff', y.value ?? '\uffff'));
  return {
    psi: round6(psi),
    buckets,
    coverage: { baseline: round6(bNamed / baseline.total), current: round6(cNamed / current.total) },
  };
}

/** Total variation distance between two histograms (each normalised to shares): ½ Σ |p − q|, in [0, 1]. */
export function totalVariation(a: Record<string, number>, b: Record<string, number>): number {
  const sa = Object.values(a).reduce((s, v) => s + v, 0);
  const sb = Object.values(b).reduce((s, v) => s + v, 0);
  if (sa <= 0 || sb <= 0) return 0;
  let d = 0;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) d += Math.abs((a[k] ?? 0) / sa - (b[k] ?? 0) / sb);
  return round6(d / 2);
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
