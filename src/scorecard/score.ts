import type { ScorecardRules } from './rules.js';
import type { Component, Dimension, DimensionId, EvidenceValue, Finding, Grade, Severity } from './schema.js';

/** 100 at rate 0, falling linearly to 0 at `zeroAt` (and staying there). One decimal. */
export function rateScore(rate: number, zeroAt: number): number {
  return round1(100 * (1 - Math.min(1, Math.max(0, rate) / zeroAt)));
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

export function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

export function clampScore(x: number): number {
  return round1(Math.min(100, Math.max(0, x)));
}

export function gradeOf(score: number | null, rules: ScorecardRules): Grade | null {
  if (score === null) return null;
  const g = rules.grades;
  return score >= g.A ? 'A' : score >= g.B ? 'B' : score >= g.C ? 'C' : score >= g.D ? 'D' : 'F';
}

/** Weighted mean of the measured scores (null scores drop out and the weights renormalize); null if none. */
export function weightedMean(parts: readonly { score: number | null; weight: number }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const p of parts) {
    if (p.score === null || p.weight <= 0) continue;
    sum += p.score * p.weight;
    weights += p.weight;
  }
  return weights === 0 ? null : sum / weights;
}

export function component(id: string, title: string, score: number | null, weight: number, detail: string): Component {
  return { id, title, score: score === null ? null : clampScore(score), weight, detail };
}

export function finding(
  dimension: DimensionId,
  id: string,
  severity: Severity,
  column: string | null,
  message: string,
  evidence: Record<string, EvidenceValue>,
  recommendation: string,
): Finding {
  return { id, dimension, severity, column, message, evidence, recommendation };
}

const SEVERITY_RANK: Record<Severity, number> = { fail: 0, warn: 1, info: 2 };
const DIMENSION_RANK: Record<DimensionId, number> = { quality: 0, volume: 1, access: 2, governance: 3, versioning: 4 };

/** Worst first; then by dimension, rule id and column, so the order never depends on how findings were made. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    DIMENSION_RANK[a.dimension] - DIMENSION_RANK[b.dimension] ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
    ((a.column ?? '') < (b.column ?? '') ? -1 : (a.column ?? '') > (b.column ?? '') ? 1 : 0)
  );
}

/** Dimension score: integer weighted mean of its components, capped when a fail finding exists. */
export function dimension(
  id: DimensionId,
  title: string,
  components: Component[],
  findings: Finding[],
  facts: Record<string, EvidenceValue>,
  rules: ScorecardRules,
): Dimension {
  const mean = weightedMean(components);
  let score = mean === null ? null : Math.round(mean);
  let capped = false;
  if (score !== null && rules.failCap !== null && findings.some((f) => f.severity === 'fail') && score > rules.failCap) {
    score = rules.failCap;
    capped = true;
  }
  return {
    id,
    title,
    score,
    grade: gradeOf(score, rules),
    weight: rules.weights[id],
    capped,
    components,
    findings: findings.slice().sort(compareFindings),
    facts,
  };
}

export function pct(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)}%`;
}

export function int(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A column name as it appears in a message: quoted, control characters shown as spaces. */
export function q(name: string): string {
  return JSON.stringify(name.replace(/[\x00-\x1f\x7f]/g, ' '));
}

export function bytes(n: number): string {
  if (n < 1024) return `${Math.round(n)} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(1)} ${units[u]}`;
}
