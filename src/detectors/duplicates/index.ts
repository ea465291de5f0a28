import type { Cell, RowAccumulator } from '../../metrics/accumulator.js';
import { findDuplicates, type ColumnInfo, type DupResult } from './finish.js';
import { nearWord } from './normalize.js';
import { defaultDupRules, parseDupRules, type DupRules, type DupRulesInput } from './rules.js';

export { dupRulesSchema, defaultDupRules, parseDupRules, type DupRules, type DupRulesInput } from './rules.js';
export type { ColumnInfo, DupResult, DupExample, DupListEntry, DupColumnRole } from './finish.js';

export const duplicatesDetectorMeta = {
  id: 'duplicates',
  title: 'Exact and near-duplicate records',
  finds:
    'Rows that are exact copies (on parsed values) and records of the same entity with slight variations: ' +
    'case, whitespace, typos, abbreviations, phone and date formats, swapped names, a field left empty.',
  dimension: 'Quality',
  regulations: ['GDPR Art. 5(1)(d) accuracy', 'GDPR Art. 5(1)(c) data minimisation'],
  rulesKey: 'duplicates',
  defaults: defaultDupRules,
} as const;

/** Plain, structured-clone-able state crossing worker threads. */
export interface DupState {
  version: 1;
  columns: string[];
  /** Near-duplicate words stored per row (min(columns, maxFields)). */
  fields: number;
  /** Only rows with rowNumber <= nearRowLimit keep near words. */
  nearRowLimit: number;
  rows: number;
  nearRows: number;
  /** Per row: [lo, hi] of the 64-bit exact hash; chunks in row order. */
  exact: Uint32Array[];
  /** Per near row: `fields` words; chunks in row order. */
  near: Uint32Array[];
  /** Row numbers as runs: [start, count, start, count, …]. */
  runs: number[];
}

const CHUNK_ROWS = 16384;

/**
 * Row accumulator for exact and near-duplicate records. Per row it keeps 8 bytes for exact duplicates
 * and 4 bytes per column (up to maxFields) for near-duplicates; see normalize.ts for the encodings and
 * finish.ts for the matching.
 */
export class DuplicateAccumulator implements RowAccumulator<DupState, DupResult> {
  readonly columns: string[];
  readonly rules: DupRules;
  private readonly fields: number;
  private readonly nearRowLimit: number;
  private rows = 0;
  private nearRows = 0;
  private exactChunks: Uint32Array[] = [];
  private nearChunks: Uint32Array[] = [];
  private exactCur: Uint32Array | null = null;
  private exactFill = 0;
  private nearCur: Uint32Array | null = null;
  private nearFill = 0;
  private runs: number[] = [];

  constructor(columnNames: string[], rules?: DupRulesInput | DupRules) {
    this.columns = [...columnNames];
    this.rules = rules === undefined ? defaultDupRules : parseDupRules(rules);
    this.fields = this.rules.near ? Math.min(this.columns.length, this.rules.maxFields) : 0;
    this.nearRowLimit =
      this.fields === 0 ? 0 : Math.max(0, Math.floor(this.rules.nearMemoryBytes / (4 * this.fields)));
  }

  addRow(cells: readonly Cell[], rowNumber: number): void {
    const runs = this.runs;
    const last = runs.length - 2;
    if (last >= 0 && runs[last]! + runs[last + 1]! === rowNumber) runs[last + 1]!++;
    else runs.push(rowNumber, 1);

    // 64-bit exact hash of the parsed values: FNV-1a and a murmur-style lane, cell-separated, null marked.
    let h1 = 0x811c9dc5 | 0;
    let h2 = 0x9747b28c | 0;
    const m = cells.length;
    for (let j = 0; j < m; j++) {
      const cell = cells[j];
      if (cell === null || cell === undefined) {
        h1 = Math.imul(h1 ^ 0x1fffe, 0x01000193);
        h2 = Math.imul((h2 ^ 0x1fffe) << 13 | (h2 ^ 0x1fffe) >>> 19, 0x85ebca6b);
      } else {
        for (let k = 0; k < cell.length; k++) {
          const c = cell.charCodeAt(k);
          h1 = Math.imul(h1 ^ c, 0x01000193);
          h2 = Math.imul(h2 ^ c, 0x5bd1e995);
          h2 ^= h2 >>> 15;
        }
      }
      h1 = Math.imul(h1 ^ 0x1ffff, 0x01000193);
      h2 = Math.imul(h2 ^ 0x1ffff, 0xc2b2ae35);
      h2 ^= h2 >>> 13;
    }
    h1 ^= m;
    h1 ^= h1 >>> 16; h1 = Math.imul(h1, 0x85ebca6b); h1 ^= h1 >>> 13; h1 = Math.imul(h1, 0xc2b2ae35); h1 ^= h1 >>> 16;
    h2 ^= h2 >>> 16; h2 = Math.imul(h2, 0x85ebca6b); h2 ^= h2 >>> 13; h2 = Math.imul(h2, 0xc2b2ae35); h2 ^= h2 >>> 16;

    if (this.exactCur === null || this.exactFill === this.exactCur.length) {
      if (this.exactCur !== null) this.exactChunks.push(this.exactCur);
      this.exactCur = new Uint32Array(2 * CHUNK_ROWS);
      this.exactFill = 0;
    }
    this.exactCur[this.exactFill++] = h1 >>> 0;
    this.exactCur[this.exactFill++] = h2 >>> 0;
    this.rows++;

    const f = this.fields;
    if (f === 0 || rowNumber > this.nearRowLimit) return;
    if (this.nearCur === null || this.nearFill === this.nearCur.length) {
      if (this.nearCur !== null) this.nearChunks.push(this.nearCur);
      this.nearCur = new Uint32Array(f * CHUNK_ROWS);
      this.nearFill = 0;
    }
    const near = this.nearCur;
    let at = this.nearFill;
    for (let j = 0; j < f; j++) near[at++] = j < m ? nearWord(cells[j] ?? null) : 0;
    this.nearFill = at;
    this.nearRows++;
  }

  /** Seal the partial chunks so that other data can be appended after them. */
  private seal(): void {
    if (this.exactCur !== null) {
      if (this.exactFill > 0) this.exactChunks.push(this.exactCur.slice(0, this.exactFill));
      this.exactCur = null;
      this.exactFill = 0;
    }
    if (this.nearCur !== null) {
      if (this.nearFill > 0) this.nearChunks.push(this.nearCur.slice(0, this.nearFill));
      this.nearCur = null;
      this.nearFill = 0;
    }
  }

  merge(other: DuplicateAccumulator): void {
    if (other.columns.length !== this.columns.length || other.fields !== this.fields) {
      throw new Error('duplicates: cannot merge states of tables with different columns');
    }
    this.seal();
    other.seal();
    this.exactChunks.push(...other.exactChunks);
    this.nearChunks.push(...other.nearChunks);
    for (let i = 0; i < other.runs.length; i += 2) {
      const start = other.runs[i]!, count = other.runs[i + 1]!;
      const last = this.runs.length - 2;
      if (last >= 0 && this.runs[last]! + this.runs[last + 1]! === start) this.runs[last + 1]! += count;
      else this.runs.push(start, count);
    }
    this.rows += other.rows;
    this.nearRows += other.nearRows;
  }

  toJSON(): DupState {
    this.seal();
    return {
      version: 1,
      columns: [...this.columns],
      fields: this.fields,
      nearRowLimit: this.nearRowLimit,
      rows: this.rows,
      nearRows: this.nearRows,
      exact: [...this.exactChunks],
      near: [...this.nearChunks],
      runs: [...this.runs],
    };
  }

  static fromJSON(state: DupState, rules?: DupRulesInput | DupRules): DuplicateAccumulator {
    const acc = new DuplicateAccumulator(state.columns, rules);
    if (acc.fields !== state.fields) throw new Error('duplicates: state was written with another maxFields');
    acc.rows = state.rows;
    acc.nearRows = state.nearRows;
    acc.exactChunks = [...state.exact];
    acc.nearChunks = [...state.near];
    acc.runs = [...state.runs];
    return acc;
  }

  /** Row count so far (for callers that report progress). */
  get rowCount(): number {
    return this.rows;
  }

  finish(columnInfo?: readonly ColumnInfo[]): DupResult {
    this.seal();
    const exact = concat(this.exactChunks, 2 * this.rows);
    const near = concat(this.nearChunks, this.fields * this.nearRows);
    // Keep the flat arrays as the only chunks: memory is not held twice and the accumulator stays usable.
    this.exactChunks = exact.length > 0 ? [exact] : [];
    this.nearChunks = near.length > 0 ? [near] : [];
    const runs = this.runs;
    const rowNumbers = new Float64Array(this.rows);
    for (let i = 0, at = 0; i < runs.length; i += 2) {
      for (let k = 0; k < runs[i + 1]!; k++) rowNumbers[at++] = runs[i]! + k;
    }
    return findDuplicates({
      columns: this.columns,
      fields: this.fields,
      rows: this.rows,
      nearRows: this.nearRows,
      exact,
      near,
      rowNumbers,
      columnInfo: alignColumnInfo(this.columns, columnInfo),
      rules: this.rules,
    });
  }
}

/**
 * The `--duplicates FILE` CSV: `row,cluster,kind`, one line per row in a cluster, sorted by row. Row is
 * the 1-based data record number (header excluded; a quoted multi-line record counts once).
 */
export function duplicatesCsv(result: DupResult): string {
  const lines = ['row,cluster,kind'];
  for (const e of result.list) lines.push(`${e.row},${e.cluster},${e.kind}`);
  return lines.join('\n') + '\n';
}

/** Column info in column order, matched by name when the caller's order differs. */
function alignColumnInfo(columns: string[], info: readonly ColumnInfo[] | undefined): (ColumnInfo | undefined)[] | undefined {
  if (info === undefined) return undefined;
  if (info.length === columns.length && info.every((c, i) => c.name === columns[i])) return [...info];
  const byName = new Map(info.map((c) => [c.name, c]));
  return columns.map((name) => byName.get(name));
}

function concat(chunks: Uint32Array[], total: number): Uint32Array {
  if (chunks.length === 1 && chunks[0]!.length === total) return chunks[0]!;
  const out = new Uint32Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
