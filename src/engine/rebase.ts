import type { TableState } from './table.js';

/**
 * Shifts a shard's state from shard-local row numbers (1..n) to table row numbers (offset+1..offset+n).
 * Workers cannot know how many records precede their byte range; the main thread does, because it merges
 * shards in order. Two things carry row numbers: the ragged-row examples and the duplicate detector's row
 * runs. The duplicate detector also keeps near-duplicate words only for the first `nearRowLimit` rows of
 * the table: a shard kept them for its first rows, so the surplus is cut here, which makes the result the
 * same as one pass over the file.
 */
export function rebaseTableState(state: TableState, offset: number): TableState {
  if (offset === 0) return state;
  const d = state.duplicates;
  const runs = d.runs.slice();
  for (let i = 0; i < runs.length; i += 2) runs[i]! += offset;
  const keep = Math.max(0, Math.min(d.nearRows, d.nearRowLimit - offset));
  let near = d.near;
  if (keep < d.nearRows) {
    let words = keep * d.fields;
    near = [];
    for (const chunk of d.near) {
      if (words <= 0) break;
      near.push(chunk.length <= words ? chunk : chunk.subarray(0, words));
      words -= Math.min(words, chunk.length);
    }
  }
  return {
    ...state,
    ragged: { ...state.ragged, examples: state.ragged.examples.map((r) => r + offset) },
    duplicates: { ...d, runs, near, nearRows: keep },
  };
}
