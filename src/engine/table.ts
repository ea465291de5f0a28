import type { Cell } from '../metrics/accumulator.js';
import { ColumnProfiler, type ColumnResult, type ColumnState } from '../metrics/column.js';
import type { ProfileRules } from '../config/rules.js';
import { DuplicateAccumulator, type DupResult, type DupState } from '../detectors/duplicates/index.js';
import { ContentFingerprint, type FingerprintState } from '../metrics/fingerprint.js';
import { RowCells } from '../metrics/row-cells.js';

/**
 * Profiles one table (one shard of it, or all of it): a ColumnProfiler per column, plus row-level facts.
 * Workers return `toJSON()`; the main thread rebuilds with `fromJSON` and merges shards in order.
 */
export interface RaggedState {
  tooFew: number;
  tooMany: number;
  /** The first few ragged data-record numbers (1-based), for the report. */
  examples: number[];
}

export interface TableState {
  header: string[];
  rows: number;
  ragged: RaggedState;
  columns: ColumnState[];
  duplicates: DupState;
  fingerprint: FingerprintState;
}

export interface TableResult {
  rows: number;
  ragged: { tooFew: number; tooMany: number; rows: number; examples: number[] };
  columns: ColumnResult[];
  duplicates: DupResult;
  /** Order-independent content hash of the parsed rows (see metrics/fingerprint.ts). */
  fingerprint: string;
}

const RAGGED_EXAMPLES = 10;
/**
 * Cells buffered per table before they are fed column by column. 32k cells is 1,424 rows of a 23-column
 * export: measured 10 % less shard CPU than 256 rows (bench/RESULTS.md, session 3), as each column's maps
 * stay in cache longer. Wide tables keep 256 rows; narrow ones stop at 4,096.
 */
const BATCH_CELLS = 32_768;
const batchRows = (width: number): number => Math.min(4096, Math.max(256, Math.floor(BATCH_CELLS / Math.max(1, width))));

export class TableProfiler {
  rows = 0;
  ragged: RaggedState = { tooFew: 0, tooMany: 0, examples: [] };
  columns: ColumnProfiler[];
  duplicates: DuplicateAccumulator;
  fingerprint = new ContentFingerprint();
  private pending: Cell[][];
  /** Cells buffered per column (a column that tallies buffers none). */
  private pendingFill: Int32Array;
  private pendingRows = 0;
  /** The view addRow fills from decoded cells. */
  private readonly decoded = new RowCells();
  private readonly batchRows: number;

  constructor(
    readonly header: string[],
    private readonly rules: ProfileRules,
  ) {
    this.columns = header.map((name) => new ColumnProfiler(name, rules));
    this.batchRows = batchRows(header.length);
    this.pending = header.map(() => new Array<Cell>(this.batchRows).fill(null));
    this.pendingFill = new Int32Array(header.length);
    this.duplicates = new DuplicateAccumulator(header, rules.duplicates);
  }

  /** `rowNumber` is the 1-based data-record number in the whole table (header excluded). */
  addRow(cells: readonly Cell[], rowNumber: number): void {
    this.addRowCells(this.decoded.fromCells(cells), rowNumber);
  }

  /** A row with its cell hashes computed (see row-cells.ts); the CSV path fills it from the tokenizer. */
  addRowCells(row: RowCells, rowNumber: number): void {
    this.rows++;
    const width = this.columns.length;
    const n = row.count;
    if (n !== width) {
      if (n < width) this.ragged.tooFew++;
      else this.ragged.tooMany++;
      if (this.ragged.examples.length < RAGGED_EXAMPLES) this.ragged.examples.push(rowNumber);
    }
    // A column that still tallies its values counts a cell by its hash at once (no text for a value seen
    // before). The others buffer their cells and are fed column by column: one column's accumulators and
    // caches stay hot, which measured cheaper than visiting every column for every row
    // (bench/results/hotpath.md). Each column still sees its cells in row order.
    const pending = this.pending;
    const fill = this.pendingFill;
    for (let i = 0; i < width; i++) {
      const column = this.columns[i]!;
      if (column.tallying) column.addFromRow(row, i);
      else pending[i]![fill[i]!++] = i < n ? row.cell(i) : null;
    }
    if (++this.pendingRows === this.batchRows) this.flush();
    this.duplicates.addRowCells(row, rowNumber);
    this.fingerprint.addRowHash(row.rowHash);
  }

  /** Feeds the buffered cells to the column profilers; every reader of `columns` calls it first. */
  flush(): void {
    if (this.pendingRows === 0) return;
    const fill = this.pendingFill;
    for (let i = 0; i < this.columns.length; i++) {
      const column = this.columns[i]!;
      const buf = this.pending[i]!;
      const rows = fill[i]!;
      for (let r = 0; r < rows; r++) column.add(buf[r]!);
      fill[i] = 0;
    }
    this.pendingRows = 0;
  }

  merge(other: TableProfiler): void {
    this.flush();
    other.flush();
    this.rows += other.rows;
    this.ragged.tooFew += other.ragged.tooFew;
    this.ragged.tooMany += other.ragged.tooMany;
    // Shards merge in order, so the first examples stay the first ones in the file.
    this.ragged.examples = [...this.ragged.examples, ...other.ragged.examples].slice(0, RAGGED_EXAMPLES);
    for (let i = 0; i < this.columns.length; i++) this.columns[i]!.merge(other.columns[i]!);
    this.duplicates.merge(other.duplicates);
    this.fingerprint.merge(other.fingerprint);
  }

  toJSON(): TableState {
    this.flush();
    return {
      header: this.header.slice(),
      rows: this.rows,
      ragged: { ...this.ragged, examples: this.ragged.examples.slice() },
      columns: this.columns.map((c) => c.toJSON()),
      duplicates: this.duplicates.toJSON(),
      fingerprint: this.fingerprint.toJSON(),
    };
  }

  static fromJSON(s: TableState, rules: ProfileRules): TableProfiler {
    const t = new TableProfiler(s.header, rules);
    t.rows = s.rows;
    t.ragged = { ...s.ragged, examples: s.ragged.examples.slice() };
    t.columns = s.columns.map((c) => ColumnProfiler.fromJSON(c, rules));
    t.duplicates = DuplicateAccumulator.fromJSON(s.duplicates, rules.duplicates);
    t.fingerprint = ContentFingerprint.fromJSON(s.fingerprint);
    return t;
  }

  finish(asOf?: Date): TableResult {
    this.flush();
    const columns = this.columns.map((c, i) => c.finish(i, asOf));
    // Duplicate matching needs each column's type and uniqueness, known only now.
    const duplicates = this.duplicates.finish(
      columns.map((c) => ({
        name: c.name,
        type: c.type.inferred,
        distinctRatio: c.values - c.missing.count > 0 ? c.distinct.distinct / (c.values - c.missing.count) : 0,
      })),
    );
    return {
      rows: this.rows,
      ragged: {
        tooFew: this.ragged.tooFew,
        tooMany: this.ragged.tooMany,
        rows: this.ragged.tooFew + this.ragged.tooMany,
        examples: this.ragged.examples.slice(),
      },
      columns,
      duplicates,
      fingerprint: this.fingerprint.finish(),
    };
  }
}
