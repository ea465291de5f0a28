/**
 * From the per-row words to duplicate clusters.
 *
 * 1. Exact duplicates: rows with the same 64-bit hash of their parsed values (hash tables over cache-sized
 *    partitions of the rows, O(n); see exactGroups).
 * 2. Near-duplicates among the first row of each exact group ("representatives"):
 *    - Column roles. A column whose values are (nearly) all distinct is a *key suspect*: a surrogate id such
 *      as customer_id, unique_id or order_id. A duplicate record normally got a fresh id, so keys are
 *      ignored for similarity — otherwise nothing would ever match. A suspect is kept as evidence only when
 *      likely matches found through the other columns agree on it (an e-mail column in a table with few
 *      duplicates is nearly unique too, but matches agree on it).
 *      Number and date columns whose values differ in most likely matches are *event columns* (order
 *      date, amount): the same customer on a second order row agrees on every customer field but differs
 *      there, so a substantial difference in an event column vetoes the match. Decision, documented: an
 *      order row entered twice with a new order_id but the same customer, date, amount is reported as a
 *      near-duplicate (the order id is a key and ignored); a second order of the same customer is not.
 *    - Candidates come from blocking: several passes, each grouping the representatives by a hash of the
 *      words of two informative columns (the pair is hashed order-free, so swapped first/last names still
 *      meet) or of one very selective column. Blocks above maxBlock rows are compared by a sliding window
 *      (and the result says how many). Never all pairs.
 *    - Each candidate pair is scored in bits with a Fellegi–Sunter model: per column, "exact", "close"
 *      (typo: bigram Jaccard >= closeJaccard; dates within dateCloseDays; numbers within
 *      numberCloseTolerance) or "different"; an empty field gives no evidence either way. u (chance
 *      agreement) comes from the column's value frequencies, m (agreement among matches) from one
 *      estimation round over the confident pairs, starting from fixed priors. A pair matches when its
 *      weight reaches log2(representatives) + matchBias — the evidence needed to single out one record
 *      among n. Two people sharing a surname and a city gain ~12 bits and lose more on the first name,
 *      date of birth and the rest.
 *    - Matches are joined transitively (union–find) into clusters.
 */
import { bloomJaccard, DATE_FLAG, DIGITS_FLAG, isNumericWord, NUMERIC_FLAG, wordToNumber } from './normalize.js';
import type { DupRules } from './rules.js';

export interface ColumnInfo {
  name: string;
  type: 'integer' | 'decimal' | 'boolean' | 'date' | 'datetime' | 'string';
  distinctRatio: number;
}

export type DupColumnRole = 'identity' | 'event' | 'key' | 'uninformative' | 'not-compared';

export interface DupExample {
  cluster: number;
  kind: 'exact' | 'near';
  /** 1-based data record numbers (up to 5). */
  rows: number[];
  /** Columns whose (normalized) values differ between the first two rows, never the values themselves. */
  differingFields: string[];
  /** Columns filled in one row and empty in the other. */
  emptyInOne: string[];
  /** Columns whose values appear swapped (e.g. first and last name). */
  swapped: string[];
}

export interface DupListEntry {
  row: number;
  cluster: number;
  kind: 'exact' | 'near';
}

export interface DupResult {
  rows: number;
  exact: {
    /** Rows identical to an earlier row (copies beyond the first). */
    duplicateRows: number;
    /** Groups of two or more identical rows. */
    clusters: number;
    /** Rows in those groups, first occurrences included. */
    rowsInClusters: number;
    /**
     * Present when exact hashes past the near rows were held for a hash sample only (memory budget): the
     * counts of this result are then the near rows' exact counts plus what the held tail adds, scaled by
     * tail rows seen / tail rows held.
     */
    sampling?: { rate: number; rowsHeld: number; reason: string };
  };
  near: {
    enabled: boolean;
    /** Records beyond the first in each near cluster that are not exact copies. */
    duplicateRows: number;
    /** Clusters joining two or more different records (they may also hold exact copies). */
    clusters: number;
    rowsInClusters: number;
    candidatePairs: number;
    matchedPairs: number;
    /** Weight (bits) a pair needed. */
    thresholdBits: number;
    columns: { name: string; role: DupColumnRole; weightExact: number; weightDifferent: number }[];
    /** Set when near detection did not see everything, with the reason. */
    sampling: null | { rowsCompared: number; windowedBlocks: number; reason: string };
  };
  /** Rows that could be dropped: total rows minus distinct entities. */
  redundantRows: number;
  /** Share of rows that belong to any cluster (exact or near). */
  shareOfRowsInvolved: number;
  examples: DupExample[];
  /** Every row in a cluster, sorted by row: the `--duplicates FILE` CSV. */
  list: DupListEntry[];
}

/**
 * The per-row arrays are kept in pages of PAGE_ROWS rows (all full but the last), never joined into one
 * array: joining would hold the words twice at the peak. Row i is at page i >>> PAGE_SHIFT, offset
 * (i & PAGE_MASK) × words per row.
 */
export const PAGE_SHIFT = 14;
export const PAGE_ROWS = 1 << PAGE_SHIFT;
export const PAGE_MASK = PAGE_ROWS - 1;

export interface FindInput {
  columns: string[];
  fields: number;
  /** Rows held (the pages' rows). */
  rows: number;
  nearRows: number;
  /** Rows in the table, held or not (default: rows). */
  seenRows?: number;
  /** Rows past the near rows are a hash sample of level tailLevel (1 in 2^tailLevel); 0 = all held. */
  tailLevel?: number;
  /** Pages of [lo, hi] per row. */
  exact: readonly Uint32Array[];
  /** Pages of `fields` words per row. */
  near: readonly Uint32Array[];
  /** 1-based record number of row index i (rows are numbered in runs; called in increasing i mostly). */
  rowNumber: (i: number) => number;
  /** In column order; an entry may be missing (the detector then reads the column from its words). */
  columnInfo?: readonly (ColumnInfo | undefined)[] | undefined;
  rules: DupRules;
}

const LEVEL_SKIP = 0, LEVEL_EXACT = 1, LEVEL_CLOSE = 2, LEVEL_DIFF = 3, LEVEL_SWAP = 4;
const KIND_TEXT = 0, KIND_NUMBER = 1, KIND_DATE = 2;
const ROLE_OFF = 0, ROLE_IDENTITY = 1, ROLE_EVENT = 2;

const PRIOR_M = [0, 0.88, 0.08, 0.04];
/** Columns worth at least this many bits when equal count towards maxDifferingFields. */
const INFORMATIVE_BITS = 3;
const MIN_PASSES = 3;
/** Most bits an equal text (bloom) value may add. */
const TEXT_EXACT_MAX_BITS = 12;
/** A pass whose blocks would hold more than this many records on average is not worth its grouping. */
const EXPECTED_BLOCK = 8;
const LARGE_TABLE_ROWS = 500_000;
/** Small tables get every pass: a million candidate pairs cost well under a second. */
const MIN_PAIR_BUDGET = 1_000_000;
/**
 * Words of short codes collide now and then (31-bit blooms), so without the engine's distinct ratio a
 * column is a key suspect from this share of distinct words; suspects stay evidence when matches agree.
 */
const WORD_KEY_DISTINCT = 0.9;
/** Given names this far apart (bigram Jaccard) are other names, not typos. */
const HOUSEHOLD_NAME_JACCARD = 0.5;
const ESTIMATION_ROWS = 200_000;
const SAMPLE_ROWS = 200_000;
const SAMPLE_PAIRS = 20_000;

export function findDuplicates(input: FindInput): DupResult {
  const { rows: n, exact, rules } = input;

  // ---- exact groups -------------------------------------------------------------------------------------
  const exactRep = new Int32Array(n);
  const groupSize = new Int32Array(n);
  exactGroups(exact, n, exactRep, groupSize);

  // ---- near duplicates over representatives ------------------------------------------------------------
  const near = rules.near && input.fields > 0 && input.nearRows > 1
    ? nearClusters(input, exactRep)
    : null;

  // ---- clusters ----------------------------------------------------------------------------------------
  // root[i] for every row: near root of its representative, or its exact representative.
  const root = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const rep = exactRep[i]!;
    root[i] = near !== null && rep < input.nearRows ? near.find(rep) : rep;
  }
  const list: DupListEntry[] = [];
  const firstRows: number[][] = [];
  const nearCluster: boolean[] = [];
  const all = clusterCounts(n, root, exactRep, groupSize, (i, id, isNear, fresh) => {
    if (fresh) {
      firstRows.push([]);
      nearCluster.push(isNear);
    }
    const members = firstRows[id - 1]!;
    if (members.length < 5) members.push(i);
    list.push({ row: input.rowNumber(i), cluster: id, kind: groupSize[exactRep[i]!]! > 1 ? 'exact' : 'near' });
  });
  const nextId = firstRows.length;
  // Past the near rows only a hash sample of copy groups is held (about 1 in 2^level): what the held tail adds
  // to the near rows' counts is scaled by tail rows seen / tail rows held (a ratio estimate: the scaled
  // counts then add up to the rows seen, as the exact ones do). A group's tail rows change only that group's
  // counts, and the held set depends on the rows alone, so the estimate does not depend on how the file was cut.
  const level = input.tailLevel ?? 0;
  const seen = input.seenRows ?? n;
  let counts = all;
  if (level > 0) {
    const nearGroups = new Int32Array(input.nearRows);
    for (let i = 0; i < input.nearRows; i++) nearGroups[exactRep[i]!]!++;
    const head = clusterCounts(input.nearRows, root, exactRep, nearGroups, null);
    const scale = n > input.nearRows ? (seen - input.nearRows) / (n - input.nearRows) : 0;
    const est = (k: keyof ClusterCounts): number => head[k] + Math.round((all[k] - head[k]) * scale);
    counts = {
      exactDuplicateRows: est('exactDuplicateRows'), exactClusters: est('exactClusters'), rowsInExact: est('rowsInExact'),
      nearDuplicateRows: est('nearDuplicateRows'), nearClusterCount: est('nearClusterCount'), rowsInNear: est('rowsInNear'),
      involved: est('involved'), entities: est('entities'),
    };
  }
  const exactSampling = level === 0 ? null : {
    rate: 1 / 2 ** level,
    rowsHeld: n,
    reason: `exact-duplicate hashes held for the first ${input.nearRows} rows and a 1-in-${2 ** level} hash sample of the other ` +
      `${seen - input.nearRows} rows (memory budget): counts past the first ${input.nearRows} rows are estimates, and ` +
      `--duplicates lists the held rows only`,
  };

  // ---- masked examples: which columns differ, never the values -----------------------------------------
  const examples: DupExample[] = [];
  for (let id = 1; id <= nextId && examples.length < rules.examples; id++) {
    const members = firstRows[id - 1]!;
    const a = members[0]!;
    const isNear = nearCluster[id - 1]!;
    const b = isNear ? members.find((m) => exactRep[m] !== exactRep[a]) ?? members[1]! : members[1]!;
    examples.push(describe(id, isNear, members, a, b, input, exactRep, near));
  }
  // Show near examples first when there are any: they are what a reader cannot find alone.
  examples.sort((x, y) => (x.kind === y.kind ? x.cluster - y.cluster : x.kind === 'near' ? -1 : 1));

  return {
    rows: seen,
    exact: {
      duplicateRows: counts.exactDuplicateRows,
      clusters: counts.exactClusters,
      rowsInClusters: counts.rowsInExact,
      ...(exactSampling === null ? {} : { sampling: exactSampling }),
    },
    near: {
      enabled: near !== null,
      duplicateRows: counts.nearDuplicateRows,
      clusters: counts.nearClusterCount,
      rowsInClusters: counts.rowsInNear,
      candidatePairs: near?.candidatePairs ?? 0,
      matchedPairs: near?.matchedPairs ?? 0,
      thresholdBits: near ? round3(near.threshold) : 0,
      columns: near?.columnReport ?? [],
      sampling: near?.sampling ?? null,
    },
    redundantRows: seen - counts.entities,
    shareOfRowsInvolved: seen === 0 ? 0 : round6(counts.involved / seen),
    examples,
    list,
  };
}

interface ClusterCounts {
  exactDuplicateRows: number;
  exactClusters: number;
  rowsInExact: number;
  nearDuplicateRows: number;
  nearClusterCount: number;
  rowsInNear: number;
  /** Rows in any cluster of two or more. */
  involved: number;
  /** Distinct records: clusters plus rows in none. */
  entities: number;
}

/**
 * Cluster counts over rows [0, limit): `group[rep]` is the exact group size of a representative among
 * those rows, root[i] the cluster root of row i (a row below limit). `member` (optional) is called for
 * every row in a cluster, with the cluster's 1-based id (numbered by first row), whether it joins
 * different records, and whether the row is the cluster's first.
 */
function clusterCounts(
  limit: number, root: Int32Array, exactRep: Int32Array, group: Int32Array,
  member: ((i: number, id: number, isNear: boolean, fresh: boolean) => void) | null,
): ClusterCounts {
  const clusterSize = new Int32Array(limit);
  const clusterReps = new Int32Array(limit); // distinct exact groups per cluster
  for (let i = 0; i < limit; i++) {
    clusterSize[root[i]!]!++;
    if (exactRep[i] === i) clusterReps[root[i]!]!++;
  }
  const clusterId = new Int32Array(limit);
  let nextId = 0;
  const c: ClusterCounts = {
    exactDuplicateRows: 0, exactClusters: 0, rowsInExact: 0,
    nearDuplicateRows: 0, nearClusterCount: 0, rowsInNear: 0, involved: 0, entities: 0,
  };
  for (let i = 0; i < limit; i++) {
    const r = root[i]!;
    const rep = exactRep[i]!;
    if (rep === i) {
      if (group[i]! > 1) { c.exactClusters++; c.rowsInExact += group[i]!; }
    } else c.exactDuplicateRows++;
    if (clusterSize[r]! < 2) { c.entities++; continue; }
    c.involved++;
    const isNear = clusterReps[r]! > 1;
    let fresh = false;
    if (clusterId[r] === 0) {
      clusterId[r] = ++nextId;
      fresh = true;
      c.entities++;
      if (isNear) c.nearClusterCount++;
    } else if (rep === i && isNear) c.nearDuplicateRows++;
    if (isNear) c.rowsInNear++;
    if (member !== null) member(i, clusterId[r]!, isNear, fresh);
  }
  return c;
}

function describe(
  id: number, isNear: boolean, members: number[], a: number, b: number, input: FindInput,
  exactRep: Int32Array, near: NearOutcome | null,
): DupExample {
  const differing: string[] = [], emptyInOne: string[] = [], swapped: string[] = [];
  const ex: DupExample = {
    cluster: id,
    kind: isNear ? 'near' : 'exact',
    rows: members.map((m) => input.rowNumber(m)),
    differingFields: differing,
    emptyInOne,
    swapped,
  };
  if (!isNear) return ex;
  const f = input.fields;
  const ra = exactRep[a]!, rb = exactRep[b]!;
  const wa = input.near[ra >>> PAGE_SHIFT]!, ia = (ra & PAGE_MASK) * f;
  const wb = input.near[rb >>> PAGE_SHIFT]!, ib = (rb & PAGE_MASK) * f;
  for (let c = 0; c < f; c++) {
    const x = wa[ia + c]!, y = wb[ib + c]!;
    if (x === y || (near !== null && x !== 0 && y !== 0 && levelOf(x, y, near.columnKinds[c]!, input.rules) === LEVEL_EXACT)) continue;
    const name = input.columns[c]!;
    if (x === 0 || y === 0) emptyInOne.push(name);
    else if ((c > 0 && x === wb[ib + c - 1] && y === wa[ia + c - 1]) ||
      (c + 1 < f && x === wb[ib + c + 1] && y === wa[ia + c + 1])) swapped.push(name);
    else differing.push(near !== null && near.columnRoles[c] === ROLE_OFF ? `${name} (ignored)` : name);
  }
  return ex;
}

/** Rows per partition of the exact-group pass: its hash table (3 ints a slot, load <= 0.5) stays in L2. */
const EXACT_PART_ROWS = 16384;

/**
 * exactRep[i] = the first row with row i's 64-bit hash; groupSize[rep] = rows in its group (0 for others).
 * One hash table over all rows (64 MB at 5M rows) made every probe a cache and TLB miss, plus a random read
 * of another row's hash: the rows are first scattered by the top bits of their hash into partitions that
 * keep row order (one read stream, a few hundred write streams), each partition is grouped with a small
 * table in cache, and the answers are gathered back in row order. First occurrences stay first, so the
 * result is the same as one table's.
 */
export function exactGroups(exact: readonly Uint32Array[], n: number, exactRep: Int32Array, groupSize: Int32Array): void {
  if (n === 0) return;
  const partBits = Math.min(10, Math.max(0, Math.ceil(Math.log2(n / EXACT_PART_ROWS))));
  const parts = 1 << partBits;
  const partShift = 32 - partBits;
  const hashAt = (i: number): number => {
    const page = exact[i >>> PAGE_SHIFT]!, o = (i & PAGE_MASK) * 2;
    return (page[o]! ^ Math.imul(page[o + 1]!, 0x9e3779b1)) >>> 0;
  };
  const partOf = (h: number): number => (partBits === 0 ? 0 : h >>> partShift);
  const start = new Int32Array(parts + 1);
  for (let i = 0; i < n; i++) start[partOf(hashAt(i)) + 1]!++;
  let largest = 0;
  for (let p = 0; p < parts; p++) {
    largest = Math.max(largest, start[p + 1]!);
    start[p + 1]! += start[p]!;
  }
  // A: the row of each entry, later its group size (negative, on first occurrences); B: its hash, later its rep.
  const a = new Int32Array(n), b = new Int32Array(n);
  const cursor = start.slice(0, parts);
  for (let i = 0; i < n; i++) {
    const h = hashAt(i);
    const at = cursor[partOf(h)]!++;
    a[at] = i;
    b[at] = h | 0;
  }
  let slots = 2;
  while (slots < largest * 2) slots <<= 1;
  const mask = slots - 1;
  // [entry + 1 (0 = empty), hash, count] per slot.
  const table = new Int32Array(slots * 3);
  for (let p = 0; p < parts; p++) {
    const lo = start[p]!, hi = start[p + 1]!;
    if (hi === lo) continue;
    table.fill(0);
    for (let e = lo; e < hi; e++) {
      const h = b[e]!;
      let slot = h & mask;
      for (;;) {
        const t = table[slot * 3]!;
        if (t === 0) {
          table[slot * 3] = e + 1;
          table[slot * 3 + 1] = h;
          table[slot * 3 + 2] = 1;
          b[e] = a[e]!;
          break;
        }
        if (table[slot * 3 + 1] === h) {
          const first = a[t - 1]!, row = a[e]!;
          const fp = exact[first >>> PAGE_SHIFT]!, fo = (first & PAGE_MASK) * 2;
          const rp = exact[row >>> PAGE_SHIFT]!, ro = (row & PAGE_MASK) * 2;
          if (fp[fo] === rp[ro] && fp[fo + 1] === rp[ro + 1]) {
            table[slot * 3 + 2]!++;
            b[e] = first;
            break;
          }
        }
        slot = (slot + 1) & mask;
      }
    }
    // Group sizes onto the first occurrences (rows stay in a[] for the others).
    for (let slot = 0; slot < slots; slot++) {
      const t = table[slot * 3]!;
      if (t !== 0) a[t - 1] = -table[slot * 3 + 2]!;
    }
  }
  cursor.set(start.subarray(0, parts));
  for (let i = 0; i < n; i++) {
    const at = cursor[partOf(hashAt(i))]!++;
    exactRep[i] = b[at]!;
    const size = a[at]!;
    groupSize[i] = size < 0 ? -size : 0;
  }
}

// =========================================================================================================

interface NearOutcome {
  find(i: number): number;
  candidatePairs: number;
  matchedPairs: number;
  threshold: number;
  columnRoles: Int8Array;
  columnKinds: Int8Array;
  columnReport: DupResult['near']['columns'];
  sampling: DupResult['near']['sampling'];
}

interface Model {
  role: Int8Array;
  kind: Int8Array;
  /** Weights per column and level: [c*4 + level]. */
  weight: Float64Array;
  /** Adjacent text columns that may hold swapped values. */
  swapLeft: Uint8Array;
  swapRight: Uint8Array;
  /** Column holding a given (first) name and one holding a birth date, found by name; -1 when absent. */
  givenName: number;
  birthDate: number;
  /** restMax[c]: the most columns c… can still add (their largest weight, or 0): a bound for early exits. */
  restMax: Float64Array;
}

/** restMax for a model: per column the largest weight any level can add (a skipped field adds 0). */
function restMaxOf(role: Int8Array, weight: Float64Array, f: number): Float64Array {
  const rest = new Float64Array(f + 1);
  for (let c = f - 1; c >= 0; c--) {
    const most = role[c] === ROLE_OFF ? 0
      : Math.max(0, weight[c * 5 + LEVEL_EXACT]!, weight[c * 5 + LEVEL_CLOSE]!, weight[c * 5 + LEVEL_SWAP]!);
    rest[c] = rest[c + 1]! + most;
  }
  return rest;
}

const KEY_NAME = /(^|[\s_.-])(id|key|uuid|guid|no|nr|num|number|ref|code|pk)$|^(id|key|uuid|guid|rowid|row_?num(ber)?|#)$|[a-z](Id|ID|No|Key)$/;
const GIVEN_NAME = /^(first|given|fore|christian)[\s_.-]?name$|^(fname|firstname|givenname|forename|first|given)$/i;
const BIRTH_DATE = /^(dob|birth[\s_.-]?date|date[\s_.-]?of[\s_.-]?birth|birthday|birth[\s_.-]?day|born|d\.?o\.?b\.?)$/i;

/** The column whose name matches, when exactly one does. */
function columnByName(columns: readonly string[], f: number, re: RegExp): number {
  let found = -1;
  for (let c = 0; c < f; c++) {
    if (re.test(columns[c]!.trim())) {
      if (found >= 0) return -1;
      found = c;
    }
  }
  return found;
}

function nearClusters(input: FindInput, exactRep: Int32Array): NearOutcome {
  const { fields: f, near: w, rules } = input;
  const nn = input.nearRows;
  // Representatives among the rows that kept near words.
  let r = 0;
  for (let i = 0; i < nn; i++) if (exactRep[i] === i) r++;
  const reps = new Int32Array(r);
  for (let i = 0, k = 0; i < nn; i++) if (exactRep[i] === i) reps[k++] = i;

  const info = input.columnInfo;
  const kind = new Int8Array(f);
  const distinct = new Float64Array(f);
  const uExact = new Float64Array(f);
  const uClose = new Float64Array(f);
  const nonEmptyShare = new Float64Array(f);
  const digitsOnly = new Uint8Array(f);
  const bloomText = new Uint8Array(f);

  // ---- column profiles on a strided sample of representatives ------------------------------------------
  const stride = Math.max(1, Math.floor(r / SAMPLE_ROWS));
  // One pass over the sampled rows (each row's words share a cache line) into column-major samples; value
  // frequencies by counting in a hash table (a Map keyed by uint32 would box every key).
  const sampled = Math.ceil(r / stride);
  const samples = new Uint32Array(f * sampled);
  for (let k = 0, s = 0; k < r; k += stride, s++) {
    const row = reps[k]!;
    const page = w[row >>> PAGE_SHIFT]!, base = (row & PAGE_MASK) * f;
    for (let c = 0; c < f; c++) samples[c * sampled + s] = page[base + c]!;
  }
  let countSize = 2;
  while (countSize < sampled * 2) countSize <<= 1;
  const countKeys = new Uint32Array(countSize), countOf = new Int32Array(countSize);
  for (let c = 0; c < f; c++) {
    let filled = 0, numeric = 0, dates = 0, digitWords = 0, values = 0;
    countKeys.fill(0);
    const mask = countSize - 1;
    for (let s = c * sampled, end = s + sampled; s < end; s++) {
      const x = samples[s]!;
      if (x === 0) continue;
      filled++;
      if (isNumericWord(x)) { numeric++; if (x & DATE_FLAG) dates++; }
      else if (x & DIGITS_FLAG) digitWords++;
      let slot = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
      slot = (slot ^ (slot >>> 16)) & mask;
      for (;;) {
        const key = countKeys[slot]!;
        if (key === x) { countOf[slot]!++; break; }
        if (key === 0) { countKeys[slot] = x; countOf[slot] = 1; values++; break; }
        slot = (slot + 1) & mask;
      }
    }
    bloomText[c] = filled > 0 && (filled - numeric - digitWords) / filled >= 0.5 ? 1 : 0;
    let sumSq = 0;
    for (let slot = 0; slot < countSize; slot++) {
      if (countKeys[slot] !== 0) sumSq += countOf[slot]! * (countOf[slot]! - 1);
    }
    nonEmptyShare[c] = sampled === 0 ? 0 : filled / sampled;
    // A sample without repeats only bounds u; the floor scales with the whole column, not the sample,
    // so that an e-mail column of 5M rows still counts as selective.
    const filledAll = Math.max(filled, (filled / Math.max(sampled, 1)) * r);
    uExact[c] = filled < 2 ? 1 : Math.max(sumSq / (filled * (filled - 1)), 1 / (filledAll * 4));
    distinct[c] = filled === 0 ? 0 : values / filled;
    const t = info?.[c]?.type;
    if (t === 'date' || t === 'datetime') kind[c] = KIND_DATE;
    else if (t === 'decimal') kind[c] = KIND_NUMBER;
    else if (t !== undefined) kind[c] = KIND_TEXT;
    else kind[c] = filled > 0 && numeric / filled >= 0.8 ? (dates >= numeric / 2 ? KIND_DATE : KIND_NUMBER) : KIND_TEXT;
    digitsOnly[c] = t === 'integer' ? 1 : 0;
  }

  // Random pairs: how often two unrelated values are "close" (typo-level similar) without being equal.
  {
    let seed = 0x2545f491;
    const rand = (): number => {
      seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
      return (seed >>> 0) % r;
    };
    for (let c = 0; c < f; c++) {
      let both = 0, close = 0;
      for (let p = 0; p < SAMPLE_PAIRS && r > 1; p++) {
        const ra = reps[rand()]!, rb = reps[rand()]!;
        const x = w[ra >>> PAGE_SHIFT]![(ra & PAGE_MASK) * f + c]!, y = w[rb >>> PAGE_SHIFT]![(rb & PAGE_MASK) * f + c]!;
        if (x === 0 || y === 0) continue;
        both++;
        if (x !== y && levelOf(x, y, kind[c]!, rules) === LEVEL_CLOSE) close++;
      }
      uClose[c] = Math.max(close, 0.5) / Math.max(both, 1);
    }
  }

  // ---- roles -------------------------------------------------------------------------------------------
  const keySuspect = new Uint8Array(f);
  const role = new Int8Array(f);
  for (let c = 0; c < f; c++) {
    const ratio = info?.[c]?.distinctRatio ?? distinct[c]!;
    if (nonEmptyShare[c]! === 0 || uExact[c]! >= 0.999) role[c] = ROLE_OFF; // empty or constant
    else if ((ratio >= rules.keyDistinctRatio || distinct[c]! >= WORD_KEY_DISTINCT) && r >= 20) { keySuspect[c] = 1; role[c] = ROLE_OFF; }
    else role[c] = ROLE_IDENTITY;
  }
  const swapLeft = new Uint8Array(f), swapRight = new Uint8Array(f);
  for (let c = 0; c + 1 < f; c++) {
    if (kind[c] === KIND_TEXT && kind[c + 1] === KIND_TEXT && digitsOnly[c] === 0 && digitsOnly[c + 1] === 0) {
      swapRight[c] = 1;
      swapLeft[c + 1] = 1;
    }
  }
  const logN = Math.log2(Math.max(r, 2));
  const threshold = logN + rules.matchBias;

  const weightsFor = (m: Float64Array): Float64Array => {
    const wt = new Float64Array(f * 5);
    for (let c = 0; c < f; c++) {
      const ue = uExact[c]!, uc = Math.min(uClose[c]!, 1 - ue), ud = Math.max(1 - ue - uc, 1e-6);
      const me = m[c * 4 + 1]!, mc = m[c * 4 + 2]!, md = m[c * 4 + 3]!;
      // Equal 30-bit text blooms are near-certain identity for short values but not for long ones among
      // candidates that already share words (same name, similar e-mail): capped like "close".
      wt[c * 5 + LEVEL_EXACT] = bloomText[c] ? Math.min(TEXT_EXACT_MAX_BITS, Math.log2(me / ue)) : Math.log2(me / ue);
      // "Close" is measured against random pairs, but candidates already agree elsewhere (same name, so a
      // similar e-mail; same street, so a similar address): the chance of a close value is far higher
      // among them than the random-pair u says. Capped so a typo-level match never weighs like a key.
      wt[c * 5 + LEVEL_CLOSE] = Math.min(rules.closeMaxBits, Math.max(0, Math.log2(mc / Math.max(uc, 1e-6))));
      wt[c * 5 + LEVEL_DIFF] = Math.min(0, Math.log2(md / ud));
      wt[c * 5 + LEVEL_SWAP] = wt[c * 5 + LEVEL_EXACT]!;
    }
    return wt;
  };
  const priorM = new Float64Array(f * 4);
  for (let c = 0; c < f; c++) for (let l = 1; l <= 3; l++) priorM[c * 4 + l] = PRIOR_M[l]!;

  // ---- blocking passes ---------------------------------------------------------------------------------
  const passes = choosePasses(f, r, role, keySuspect, uExact, nonEmptyShare, rules);

  // ---- round 1: estimate m (and key / event roles) from confident pairs on the first rows --------------
  const r1 = Math.min(r, ESTIMATION_ROWS);
  const estRole = new Int8Array(f);
  for (let c = 0; c < f; c++) estRole[c] = role[c] === ROLE_IDENTITY ? ROLE_IDENTITY : ROLE_OFF;
  const givenName = columnByName(input.columns, f, GIVEN_NAME);
  const birthDate = columnByName(input.columns, f, BIRTH_DATE);
  const estWeight = weightsFor(priorM);
  const estModel: Model = {
    role: estRole, kind, weight: estWeight, swapLeft, swapRight, givenName, birthDate, restMax: restMaxOf(estRole, estWeight, f),
  };
  const agree = new Float64Array(f * 4);
  {
    // Over rows, as round 2 (the pairs come as rows; reps are increasing, so it is the same forest).
    const uf = new UnionFind(r1 === 0 ? 0 : reps[r1 - 1]! + 1);
    forEachCandidate(passes, w, f, reps, r1, rules, (ra, rb) => {
      if (uf.find(ra) === uf.find(rb)) return;
      const wa = w[ra >>> PAGE_SHIFT]!, ia = (ra & PAGE_MASK) * f, wb = w[rb >>> PAGE_SHIFT]!, ib = (rb & PAGE_MASK) * f;
      const score = scorePair(wa, ia, wb, ib, f, estModel, rules, threshold + 6);
      if (score < threshold + 6) return;
      uf.union(ra, rb);
      for (let c = 0; c < f; c++) {
        const x = wa[ia + c]!, y = wb[ib + c]!;
        if (x === 0 || y === 0) continue;
        let lv = levelOf(x, y, kind[c]!, rules);
        if (lv === LEVEL_DIFF && isSwapped(wa, ia, wb, ib, c, swapLeft, swapRight)) lv = LEVEL_EXACT;
        agree[c * 4 + lv]!++;
        agree[c * 4]!++;
      }
    });
  }
  const m = new Float64Array(f * 4);
  const PSEUDO = 20;
  for (let c = 0; c < f; c++) {
    const total = agree[c * 4]!;
    // Exact agreement only: sequential ids and order amounts are "close" without being the same thing.
    const agreeShare = total === 0 ? 1 : agree[c * 4 + 1]! / total;
    if (keySuspect[c]) {
      // A near-unique column is evidence only if likely matches share it; otherwise it is a row key.
      // With too few likely matches to tell, a name like "id", "customer_id", "order_no" decides.
      // Numbers and dates that are nearly all distinct (amounts, timestamps) are events, not keys.
      if (total >= 10) role[c] = agreeShare >= 0.3 ? ROLE_IDENTITY : kind[c] === KIND_TEXT ? ROLE_OFF : ROLE_EVENT;
      else role[c] = KEY_NAME.test(input.columns[c]!.trim()) || (c === 0 && digitsOnly[c]) ? ROLE_OFF : ROLE_IDENTITY;
    } else if (role[c] === ROLE_IDENTITY && kind[c] !== KIND_TEXT && total >= 10 && agreeShare < rules.eventAgreementBelow) {
      role[c] = ROLE_EVENT;
    }
    for (let l = 1; l <= 3; l++) {
      const est = (agree[c * 4 + l]! + PSEUDO * PRIOR_M[l]!) / (total + PSEUDO);
      m[c * 4 + l] = Math.min(0.98, Math.max(0.01, est));
    }
  }
  const finalWeight = weightsFor(m);
  const model: Model = { role, kind, weight: finalWeight, swapLeft, swapRight, givenName, birthDate, restMax: restMaxOf(role, finalWeight, f) };

  // ---- round 2: all representatives with the final model -----------------------------------------------
  const finalPasses = choosePasses(f, r, role, keySuspect.map((k, c) => (k && role[c] === ROLE_IDENTITY ? 0 : k)), uExact, nonEmptyShare, rules);
  // Union–find over row indices (reps are increasing, so the smallest row of a set is its first
  // representative, as it would be over representative indices), read directly by find(row).
  const uf = new UnionFind(nn);
  let candidatePairs = 0, matchedPairs = 0;
  const passStats = forEachCandidate(finalPasses, w, f, reps, r, rules, (ra, rb) => {
    candidatePairs++;
    if (uf.find(ra) === uf.find(rb)) return;
    if (scorePair(w[ra >>> PAGE_SHIFT]!, (ra & PAGE_MASK) * f, w[rb >>> PAGE_SHIFT]!, (rb & PAGE_MASK) * f, f, model, rules, threshold) >= threshold) {
      matchedPairs++;
      uf.union(ra, rb);
    }
  });
  const columnReport = input.columns.slice(0, f).map((name, c) => ({
    name,
    role: (role[c] === ROLE_IDENTITY ? 'identity' : role[c] === ROLE_EVENT ? 'event'
      : keySuspect[c] ? 'key' : 'uninformative') as DupColumnRole,
    weightExact: round3(model.weight[c * 5 + LEVEL_EXACT]!),
    weightDifferent: round3(model.weight[c * 5 + LEVEL_DIFF]!),
  }));
  for (let c = f; c < input.columns.length; c++) {
    columnReport.push({ name: input.columns[c]!, role: 'not-compared', weightExact: 0, weightDifferent: 0 });
  }
  const reasons: string[] = [];
  if (input.nearRows < (input.seenRows ?? input.rows)) {
    reasons.push(`near-duplicate signatures kept for the first ${input.nearRows} of ${input.seenRows ?? input.rows} rows (memory budget)`);
  }
  const windowed = passStats.windowed;
  if (windowed > 0) reasons.push(`${windowed} blocks larger than ${rules.maxBlock} rows compared within a window of ${rules.window}`);
  if (passStats.skipped > 0) {
    reasons.push(`${passStats.skipped} of ${passStats.run + passStats.skipped} blocking passes skipped to stay within ${rules.pairsPerRow} candidate pairs per row`);
  }
  return {
    find: (i: number) => uf.find(i),
    candidatePairs,
    matchedPairs,
    threshold,
    columnRoles: role,
    columnKinds: kind,
    columnReport,
    sampling: reasons.length === 0 ? null : { rowsCompared: input.nearRows, windowedBlocks: windowed, reason: reasons.join('; ') },
  };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

// ---- comparison ------------------------------------------------------------------------------------------

function levelOf(x: number, y: number, kind: number, rules: DupRules): number {
  if (x === 0 || y === 0) return LEVEL_SKIP;
  if (x === y) return LEVEL_EXACT;
  const nx = (x & NUMERIC_FLAG) !== 0, ny = (y & NUMERIC_FLAG) !== 0;
  if (nx !== ny) return LEVEL_DIFF;
  if (!nx) {
    return kind === KIND_TEXT && bloomJaccard(x, y) >= rules.closeJaccard ? LEVEL_CLOSE : LEVEL_DIFF;
  }
  const a = wordToNumber(x), b = wordToNumber(y);
  const diff = Math.abs(a - b);
  if (kind === KIND_DATE || ((x & DATE_FLAG) !== 0 && (y & DATE_FLAG) !== 0)) {
    if (diff < 0.05 || (diff < 335 && sameDayMonthSwapped(a, b))) return LEVEL_EXACT;
    return diff <= rules.dateCloseDays ? LEVEL_CLOSE : LEVEL_DIFF;
  }
  const rel = diff / Math.max(Math.abs(a), Math.abs(b), 1e-9);
  if (rel <= rules.numberEqualTolerance) return LEVEL_EXACT;
  return rel <= rules.numberCloseTolerance ? LEVEL_CLOSE : LEVEL_DIFF;
}

/** 03/04/1961 read as 4 March in one row and 3 April in another: the same text in two conventions. */
function sameDayMonthSwapped(a: number, b: number): boolean {
  const x = civil(Math.floor(a)), y = civil(Math.floor(b));
  return x.y === y.y && x.m === y.d && x.d === y.m;
}

function civil(days: number): { y: number; m: number; d: number } {
  // Howard Hinnant's civil_from_days.
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Row a's words at wa[ia…], row b's at wb[ib…]. */
function isSwapped(wa: Uint32Array, ia: number, wb: Uint32Array, ib: number, c: number, left: Uint8Array, right: Uint8Array): boolean {
  const x = wa[ia + c]!, y = wb[ib + c]!;
  // x appears in b's neighbouring column, or y in a's: first/last name written the other way round.
  if (right[c] && (x === wb[ib + c + 1] || y === wa[ia + c + 1])) return true;
  if (left[c] && (x === wb[ib + c - 1] || y === wa[ia + c - 1])) return true;
  return false;
}

/**
 * Weight of evidence in bits; -Infinity when an event column differs substantially, or as soon as the
 * pair cannot reach `bar` any more (the callers only compare the score with their bar, so stopping early
 * changes no outcome; the margin keeps rounding in the bound's sums from deciding a pair).
 */
function scorePair(
  wa: Uint32Array, ia: number, wb: Uint32Array, ib: number, f: number, model: Model, rules: DupRules, bar: number,
): number {
  let score = 0, compared = 0, differing = 0;
  const { role, kind, weight, restMax } = model;
  const hopeless = bar - 1e-6;
  for (let c = 0; c < f; c++) {
    const rc = role[c]!;
    if (rc === ROLE_OFF) continue;
    const x = wa[ia + c]!, y = wb[ib + c]!;
    if (x === 0 || y === 0) continue;
    let lv = levelOf(x, y, kind[c]!, rules);
    // Another amount or another date in an event column is another event.
    if (rc === ROLE_EVENT && lv !== LEVEL_EXACT) return -Infinity;
    if (lv === LEVEL_DIFF) {
      if (isSwapped(wa, ia, wb, ib, c, model.swapLeft, model.swapRight)) lv = LEVEL_SWAP;
      else if (weight[c * 5 + LEVEL_EXACT]! >= INFORMATIVE_BITS) differing++;
    }
    if (weight[c * 5 + LEVEL_EXACT]! >= INFORMATIVE_BITS) compared++;
    score += weight[c * 5 + lv]!;
    if (score + restMax[c + 1]! < hopeless) return -Infinity;
  }
  // Two members of one household: a clearly other first name and not the same birth date. Agreeing
  // household columns (surname, street, city, phone) are correlated, so their bits over-count; the
  // columns are found by name (given_name, first_name, dob, date_of_birth, …), and the rule is off when
  // the table has no such columns.
  if (model.givenName >= 0 && model.birthDate >= 0) {
    const g = model.givenName, d = model.birthDate;
    const gx = wa[ia + g]!, gy = wb[ib + g]!, dx = wa[ia + d]!, dy = wb[ib + d]!;
    if (gx !== 0 && gy !== 0 && dx !== 0 && dy !== 0 && dx !== dy &&
      !isNumericWord(gx) && !isNumericWord(gy) && bloomJaccard(gx, gy) < HOUSEHOLD_NAME_JACCARD &&
      !isSwapped(wa, ia, wb, ib, g, model.swapLeft, model.swapRight) &&
      levelOf(dx, dy, kind[d]!, rules) !== LEVEL_EXACT) return -Infinity;
  }
  // Agreeing columns are often correlated (one household shares surname, street, city and phone), which
  // the independence assumption over-counts; a copy of a record rarely has many wholly different fields.
  if (differing > Math.max(rules.maxDifferingFields, Math.floor(compared * rules.maxDifferingShare))) return -Infinity;
  return score;
}

// ---- blocking --------------------------------------------------------------------------------------------

interface Pass {
  a: number;
  b: number; // -1 for a single-column pass
}

function choosePasses(
  f: number, r: number, role: Int8Array, keySuspect: Uint8Array, uExact: Float64Array,
  nonEmpty: Float64Array, rules: DupRules,
): Pass[] {
  const usable: number[] = [];
  for (let c = 0; c < f; c++) if (role[c] !== ROLE_OFF && !keySuspect[c] && uExact[c]! < 0.5) usable.push(c);
  const options: { pass: Pass; cost: number }[] = [];
  for (const c of usable) {
    // One very selective column (e-mail, phone) is a pass of its own.
    if (r * uExact[c]! <= 2 && nonEmpty[c]! > 0.2) {
      options.push({ pass: { a: c, b: -1 }, cost: uExact[c]! });
    }
  }
  for (let i = 0; i < usable.length; i++) {
    for (let j = i + 1; j < usable.length; j++) {
      const a = usable[i]!, b = usable[j]!;
      const u = uExact[a]! * uExact[b]!;
      if (r * u > EXPECTED_BLOCK) continue; // blocks too large to be useful
      const filled = nonEmpty[a]! * nonEmpty[b]!;
      options.push({ pass: { a, b }, cost: u / Math.max(0.05, filled) });
    }
  }
  // Cheapest (most selective, best filled) first; ties by column index for determinism.
  options.sort((x, y) => x.cost - y.cost || x.pass.a - y.pass.a || x.pass.b - y.pass.b);
  // Spread passes over columns: prefer pairs that bring a column not used yet, so that a typo in any one
  // column is survived by some pass.
  const chosen: Pass[] = [];
  const used = new Int32Array(f);
  const remaining = [...options];
  // Each pass groups every row once (memory-bound random writes): fewer passes on large tables.
  const maxPasses = r > LARGE_TABLE_ROWS ? Math.min(rules.maxPasses, rules.maxPassesLarge) : rules.maxPasses;
  while (chosen.length < maxPasses && remaining.length > 0) {
    let best = 0, bestScore = Infinity;
    for (let k = 0; k < remaining.length; k++) {
      const p = remaining[k]!.pass;
      const reuse = used[p.a]! + (p.b >= 0 ? used[p.b]! : 0);
      const s = reuse * 4 + k / remaining.length;
      if (s < bestScore) { bestScore = s; best = k; }
    }
    const p = remaining.splice(best, 1)[0]!.pass;
    chosen.push(p);
    used[p.a]!++;
    if (p.b >= 0) used[p.b]!++;
  }
  return chosen;
}

interface PassStats {
  windowed: number;
  run: number;
  skipped: number;
}

/**
 * Calls visit(a, b) (rows among reps[0, count), a < b) for each candidate pair; the rows themselves, so that
 * a visit does not look them up in reps at random. A pass's pair count is known
 * exactly once its keys are sorted; a pass that would take the total past pairsPerRow × count is skipped
 * (the first MIN_PASSES always run), so the work stays linear in the rows.
 */
function forEachCandidate(
  passes: Pass[], w: readonly Uint32Array[], f: number, reps: Int32Array, count: number, rules: DupRules,
  visit: (a: number, b: number) => void,
): PassStats {
  const budget = Math.max(rules.pairsPerRow * count, MIN_PAIR_BUDGET);
  let spent = 0, run = 0, skipped = 0;
  const keys = new Uint32Array(count);
  const idx = new Int32Array(count);
  const tmpK = new Uint32Array(count);
  const tmpI = new Int32Array(count);
  let windowed = 0;
  for (const { a, b } of passes) {
    let m = 0;
    for (let k = 0; k < count; k++) {
      const row = reps[k]!;
      const page = w[row >>> PAGE_SHIFT]!, base = (row & PAGE_MASK) * f;
      const x = page[base + a]!;
      if (x === 0) continue;
      let key: number;
      if (b < 0) key = mix(x, 0x5bd1e995);
      else {
        const y = page[base + b]!;
        if (y === 0) continue;
        key = x < y ? mix(x, y) : mix(y, x);
      }
      keys[m] = key;
      idx[m] = row;
      m++;
    }
    radixSort(keys, idx, tmpK, tmpI, m);
    let pairs = 0;
    for (let s = 0; s < m;) {
      let e = s + 1;
      while (e < m && keys[e] === keys[s]) e++;
      const size = e - s;
      pairs += size <= rules.maxBlock ? (size * (size - 1)) / 2 : size * rules.window;
      s = e;
    }
    if (run >= MIN_PASSES && spent + pairs > budget) {
      skipped++;
      continue;
    }
    run++;
    spent += pairs;
    for (let s = 0; s < m;) {
      let e = s + 1;
      while (e < m && keys[e] === keys[s]) e++;
      const size = e - s;
      if (size > 1) {
        if (size <= rules.maxBlock) {
          for (let p = s; p < e; p++) for (let q = p + 1; q < e; q++) visit(idx[p]!, idx[q]!);
        } else {
          windowed++;
          for (let p = s; p < e; p++) {
            const end = Math.min(e, p + 1 + rules.window);
            for (let q = p + 1; q < end; q++) visit(idx[p]!, idx[q]!);
          }
        }
      }
      s = e;
    }
  }
  return { windowed, run, skipped };
}

function mix(x: number, y: number): number {
  let h = Math.imul(x ^ 0x9e3779b9, 0x85ebca6b) ^ y;
  h = Math.imul(h ^ (h >>> 16), 0xc2b2ae35);
  h ^= h >>> 13;
  h = Math.imul(h, 0x27d4eb2f);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Sorts keys ascending, equal keys in input order (stable), moving idx along. Two counting scatters, most
 * significant bits first: the first on the top RADIX_TOP_BITS bits (a few thousand buckets, so its counters
 * stay in L1 and its write streams in L2), the second inside each of those buckets on the next bits (a
 * bucket of a few thousand keys is sorted in cache), then an insertion sort of the few keys left per
 * sub-bucket. One scatter on the top 21 bits, as before, spent most of finish() at 5M rows on cache and TLB
 * misses (a random increment into 8 MB of counters and a random write into 40 MB per key).
 */
const RADIX_TOP_BITS = 11;

export function radixSort(keys: Uint32Array, idx: Int32Array, tmpK: Uint32Array, tmpI: Int32Array, m: number): void {
  if (m < 2) return;
  // About 4 keys per final bucket, as before.
  const bits = Math.min(22, Math.max(8, Math.ceil(Math.log2(m)) - 2));
  const topBits = Math.min(bits, RADIX_TOP_BITS);
  const lowBits = bits - topBits;
  const topShift = 32 - topBits;
  const tops = 1 << topBits;
  const count = new Int32Array(tops + 1);
  for (let k = 0; k < m; k++) count[(keys[k]! >>> topShift) + 1]!++;
  for (let d = 0; d < tops; d++) count[d + 1]! += count[d]!;
  const start = count.slice(0, tops);
  for (let k = 0; k < m; k++) {
    const key = keys[k]!;
    const at = start[key >>> topShift]!++;
    tmpK[at] = key;
    tmpI[at] = idx[k]!;
  }
  // Second level: tmp[lo, hi) back into keys/idx, by the next lowBits bits.
  const lowShift = topShift - lowBits;
  const lowMask = (1 << lowBits) - 1;
  const subs = 1 << lowBits;
  const sub = new Int32Array(subs + 1);
  for (let d = 0; d < tops; d++) {
    const lo = count[d]!, hi = count[d + 1]!;
    if (hi - lo < 2) {
      if (hi > lo) { keys[lo] = tmpK[lo]!; idx[lo] = tmpI[lo]!; }
      continue;
    }
    if (lowBits === 0 || hi - lo <= 16) {
      for (let k = lo; k < hi; k++) { keys[k] = tmpK[k]!; idx[k] = tmpI[k]!; }
      insertionSort(keys, idx, lo, hi);
      continue;
    }
    sub.fill(0);
    for (let k = lo; k < hi; k++) sub[((tmpK[k]! >>> lowShift) & lowMask) + 1]!++;
    sub[0] = lo;
    for (let e = 0; e < subs; e++) sub[e + 1]! += sub[e]!;
    // sub[e] is now the start of sub-bucket e; keep the boundaries for the insertion sorts.
    for (let k = lo; k < hi; k++) {
      const key = tmpK[k]!;
      const at = sub[(key >>> lowShift) & lowMask]!++;
      keys[at] = key;
      idx[at] = tmpI[k]!;
    }
    // After the scatter sub[e] is the end of sub-bucket e, i.e. the start of e + 1.
    let s = lo;
    for (let e = 0; e < subs; e++) {
      const end = sub[e]!;
      if (end - s > 1) insertionSort(keys, idx, s, end);
      s = end;
    }
  }
}

/** Stable insertion sort of keys[lo, hi) (with idx). */
function insertionSort(keys: Uint32Array, idx: Int32Array, lo: number, hi: number): void {
  for (let k = lo + 1; k < hi; k++) {
    const key = keys[k]!, id = idx[k]!;
    let j = k - 1;
    while (j >= lo && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      idx[j + 1] = idx[j]!;
      j--;
    }
    keys[j + 1] = key;
    idx[j + 1] = id;
  }
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    const p = this.parent;
    while (p[i] !== i) {
      p[i] = p[p[i]!]!;
      i = p[i]!;
    }
    return i;
  }
  /** Joins the two sets; the smaller index becomes the root so that results do not depend on visit order. */
  union(a: number, b: number): void {
    const ra = this.find(a), rb = this.find(b);
    if (ra === rb) return;
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
  }
}
