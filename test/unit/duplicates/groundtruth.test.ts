/**
 * Pairwise precision / recall / F1 on the public ground-truth sets in ../shared/corpus and on the
 * generated hard-negative sets. The exact pair counts are pinned (a change in them must be a decision,
 * recorded in bench/results/duplicates.md); the F1 floors are the goals of issue 6.
 */
import { describe, expect, it } from 'vitest';
import {
  febrl, fodorsZagat, households, pairScores, runTable, splink, splinkWithId, transactional, type LabelledTable,
} from '../../../bench/duplicates/datasets.js';

interface Pinned { predicted: number; correct: number; truePairs: number; f1Floor: number; precisionFloor: number }

const cases: [() => LabelledTable, Pinned][] = [
  [() => febrl('1'), { truePairs: 500, predicted: 490, correct: 490, f1Floor: 0.95, precisionFloor: 0.99 }],
  [() => febrl('2'), { truePairs: 1934, predicted: 1925, correct: 1925, f1Floor: 0.95, precisionFloor: 0.99 }],
  [() => febrl('3'), { truePairs: 6538, predicted: 6398, correct: 6398, f1Floor: 0.95, precisionFloor: 0.99 }],
  [() => febrl('4'), { truePairs: 5000, predicted: 4893, correct: 4893, f1Floor: 0.95, precisionFloor: 0.99 }],
  [splink, { truePairs: 2975, predicted: 2626, correct: 2626, f1Floor: 0.9, precisionFloor: 0.98 }],
  [splinkWithId, { truePairs: 2975, predicted: 2607, correct: 2607, f1Floor: 0.9, precisionFloor: 0.98 }],
  [fodorsZagat, { truePairs: 112, predicted: 117, correct: 105, f1Floor: 0.85, precisionFloor: 0.85 }],
  [() => transactional(), { truePairs: 20, predicted: 20, correct: 20, f1Floor: 0.95, precisionFloor: 0.99 }],
  [() => households(), { truePairs: 31, predicted: 31, correct: 31, f1Floor: 0.9, precisionFloor: 0.95 }],
];

describe('pairwise accuracy against ground truth (zero configuration)', () => {
  for (const [load, pinned] of cases) {
    const table = load();
    it(`${table.name}: F1 >= ${pinned.f1Floor}, precision >= ${pinned.precisionFloor}`, () => {
      const s = pairScores(runTable(table), table.entity);
      expect({ truePairs: s.truePairs, predicted: s.predictedPairs, correct: s.correctPairs }).toEqual({
        truePairs: pinned.truePairs, predicted: pinned.predicted, correct: pinned.correct,
      });
      expect(s.f1).toBeGreaterThanOrEqual(pinned.f1Floor);
      expect(s.precision).toBeGreaterThanOrEqual(pinned.precisionFloor);
    });
  }

  it('gives the same FEBRL 3 clusters with the rows cut into 7 shards', () => {
    const t = febrl('3');
    expect(runTable(t, { shards: 7 })).toEqual(runTable(t));
  });
});
