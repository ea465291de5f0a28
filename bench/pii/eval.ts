import { PII_KINDS, type PiiColumnKind } from '../../src/detectors/pii/kinds.js';
import { PiiColumnAccumulator, type PiiResult } from '../../src/detectors/pii/index.js';
import type { PiiRulesInput } from '../../src/detectors/pii/rules.js';
import type { LabelledColumn } from './corpus.js';

/** Column-level precision and recall per kind (and for free_text), from labelled columns. */
export interface KindScore {
  kind: PiiColumnKind;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  columns: number;
  scores: KindScore[];
  errors: Array<{ source: string; name: string; truth: PiiColumnKind | null; predicted: PiiColumnKind | null }>;
}

/** Profile one column; with `shards` > 1 the values are cut into that many pieces and merged via toJSON/fromJSON. */
export function detect(name: string, values: readonly (string | null)[], shards = 1, rules?: PiiRulesInput): PiiResult | null {
  if (shards <= 1) {
    const acc = new PiiColumnAccumulator(name, rules);
    for (const v of values) acc.add(v);
    return acc.finish();
  }
  const size = Math.ceil(values.length / shards);
  let merged: PiiColumnAccumulator | null = null;
  for (let s = 0; s < shards; s++) {
    const acc = new PiiColumnAccumulator(name, rules);
    for (const v of values.slice(s * size, (s + 1) * size)) acc.add(v);
    const copy = PiiColumnAccumulator.fromJSON(structuredClone(acc.toJSON()), rules);
    if (merged === null) merged = copy;
    else merged.merge(copy);
  }
  return merged!.finish();
}

export function evaluate(columns: readonly LabelledColumn[], shards = 1, rules?: PiiRulesInput): Evaluation {
  const kinds: PiiColumnKind[] = [...PII_KINDS, 'free_text'];
  const tally = new Map(kinds.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
  const errors: Evaluation['errors'] = [];
  for (const col of columns) {
    const predicted = detect(col.name, col.values, shards, rules)?.kind ?? null;
    if (predicted === col.truth) {
      if (predicted !== null) tally.get(predicted)!.tp++;
      continue;
    }
    errors.push({ source: col.source, name: col.name, truth: col.truth, predicted });
    if (predicted !== null) tally.get(predicted)!.fp++;
    if (col.truth !== null) tally.get(col.truth)!.fn++;
  }
  const scores = kinds.map((kind) => {
    const t = tally.get(kind)!;
    const precision = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
    const recall = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
    return { kind, ...t, precision: Math.round(precision * 1000) / 1000, recall: Math.round(recall * 1000) / 1000 };
  });
  return { columns: columns.length, scores, errors };
}

export function scoreTable(e: Evaluation): string {
  const lines = ['| kind | columns (truth) | TP | FP | FN | precision | recall |', '|---|---|---|---|---|---|---|'];
  for (const s of e.scores) {
    lines.push(`| ${s.kind} | ${s.tp + s.fn} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} |`);
  }
  return lines.join('\n');
}
