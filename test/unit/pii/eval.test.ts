import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpusColumns, loadUserdata1 } from '../../../bench/pii/corpus.js';
import { evaluate, scoreTable, type Evaluation } from '../../../bench/pii/eval.js';
import { generateLabelledColumns } from '../../../bench/pii/generate.js';

/**
 * Column-level precision/recall per PII kind, kept as floors. With PII_WRITE_RESULTS=1 the run also writes
 * bench/results/pii.md (the figures quoted there come from this test).
 */
const repo = resolve(import.meta.dirname, '../../..');
const corpus = resolve(repo, '../shared/corpus');

const counts = (e: Evaluation) => Object.fromEntries(e.scores.map((s) => [s.kind, [s.tp, s.fp, s.fn]]));

describe('PII detector quality (column level)', async () => {
  const synthetic = evaluate(generateLabelledColumns());
  const fixtures = evaluate([...loadCorpusColumns(corpus), ...(await loadUserdata1(corpus))]);

  it('synthetic labelled set with hard negatives: every kind at precision and recall >= 0.95', () => {
    expect(synthetic.columns).toBe(207);
    expect(synthetic.errors).toEqual([]);
    for (const s of synthetic.scores) {
      expect(s.precision, s.kind).toBeGreaterThanOrEqual(0.95);
      expect(s.recall, s.kind).toBeGreaterThanOrEqual(0.95);
    }
    expect(counts(synthetic)).toEqual({
      email: [6, 0, 0], phone: [13, 0, 0], ssn: [8, 0, 0], credit_card: [6, 0, 0], iban: [4, 0, 0], ip: [5, 0, 0],
      person_name: [20, 0, 0], address: [9, 0, 0], date_of_birth: [7, 0, 0], passport: [4, 0, 0], health: [10, 0, 0],
      postal_code: [11, 0, 0], free_text: [5, 0, 0],
    });
  });

  it('corpus fixtures that state their truth', () => {
    expect(fixtures.columns).toBe(161);
    // the two misses: a header-less file of bare first names / surnames (papaparse long-sample.csv)
    expect(fixtures.errors.map((e) => `${e.source}:${e.name}`)).toEqual(['long-sample.csv:col_1', 'long-sample.csv:col_2']);
    for (const s of fixtures.scores) expect(s.precision, s.kind).toBe(1);
    expect(counts(fixtures)).toEqual({
      email: [5, 0, 0], phone: [3, 0, 0], ssn: [5, 0, 0], credit_card: [1, 0, 0], iban: [0, 0, 0], ip: [2, 0, 0],
      person_name: [20, 0, 2], address: [22, 0, 0], date_of_birth: [9, 0, 0], passport: [0, 0, 0], health: [0, 0, 0],
      postal_code: [8, 0, 0], free_text: [2, 0, 0],
    });
  });

  it('the same scores when every column is cut into 3 shards and merged', () => {
    const sharded = evaluate(generateLabelledColumns(), 3);
    expect(counts(sharded)).toEqual(counts(synthetic));
  });

  if (process.env.PII_WRITE_RESULTS === '1') {
    it('writes bench/results/pii.md', () => {
      const path = resolve(repo, 'bench/results/pii.md');
      const head = readHead(path);
      writeFileSync(
        path,
        `${head}\n## Synthetic labelled set (bench/pii/generate.ts, seed 20261127)\n\n${synthetic.columns} columns.\n\n${scoreTable(synthetic)}\n\n` +
          `## Corpus fixtures (bench/pii/corpus.ts)\n\n${fixtures.columns} columns. Misses: ${fixtures.errors.map((e) => `${e.source} ${e.name} (truth ${e.truth}, got ${e.predicted})`).join('; ') || 'none'}.\n\n${scoreTable(fixtures)}\n`,
      );
    });
  }
});

/** Keep the hand-written part of the results file (everything above the first generated section). */
function readHead(path: string): string {
  if (!existsSync(path)) return '# PII detector: measured\n';
  const text = readFileSync(path, 'utf8');
  const cut = text.indexOf('\n## Synthetic labelled set');
  return cut === -1 ? text : text.slice(0, cut);
}
