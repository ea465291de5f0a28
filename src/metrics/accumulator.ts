/**
 * Every metric in dataready is an accumulator with four verbs (see ../shared/GUIDE.md):
 *
 *   add(value)      – fold one cell (or one row, for row-level accumulators) into the state
 *   merge(other)    – fold another accumulator of the same kind into this one; must be associative and
 *                     give the same finished result however the input was cut into shards, as long as
 *                     shards are merged in shard order
 *   toJSON()        – plain, structured-clone-able state (numbers, strings, arrays, typed arrays), so a
 *                     worker thread can hand it to the main thread
 *   finish()        – state to result
 *
 * A static `fromJSON(state)` on each class rebuilds an accumulator from toJSON()'s output.
 */
export interface Accumulator<State, Result> {
  merge(other: this): void;
  toJSON(): State;
  finish(): Result;
}

/** One cell as the engine sees it: text as read, or null for a true null (Parquet/Arrow null, absent CSV field). */
export type Cell = string | null;

/** Per-cell accumulator. */
export interface CellAccumulator<State, Result> extends Accumulator<State, Result> {
  add(value: Cell): void;
}

/** Row-level accumulator (duplicates, row fingerprints). `rowNumber` is the 1-based data record number. */
export interface RowAccumulator<State, Result> extends Accumulator<State, Result> {
  addRow(cells: readonly Cell[], rowNumber: number): void;
}
