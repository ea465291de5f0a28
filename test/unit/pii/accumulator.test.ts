import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  maskValue,
  PII_DEFAULTS,
  PII_KINDS,
  PiiColumnAccumulator,
  piiDetectorMeta,
  piiRulesSchema,
  type PiiResult,
} from '../../../src/detectors/pii/index.js';
import { detect } from '../../../bench/pii/eval.js';
import { generateLabelledColumns } from '../../../bench/pii/generate.js';

const run = (name: string, values: readonly (string | null)[], rules?: object) => detect(name, values, 1, rules);

function repeat(n: number, f: (i: number) => string | null): (string | null)[] {
  return Array.from({ length: n }, (_, i) => f(i));
}

const SSNS = repeat(200, (i) => `${String(100 + ((i * 37) % 700)).padStart(3, '0')}-${String(10 + (i % 89)).padStart(2, '0')}-${String(1000 + i * 7).padStart(4, '0')}`);

describe('PiiColumnAccumulator: what fires and what does not', () => {
  it('finds SSNs under an uninformative name', () => {
    for (const name of ['col_7', 'ref']) {
      const r = run(name, SSNS)!;
      expect(r.kind).toBe('ssn');
      expect(r.validShare).toBe(1);
      expect(r.confidence).toBe(0.95);
      expect(r.regulations).toEqual(['GDPR', 'CCPA']);
      expect(r.examples).toHaveLength(3);
      expect(r.sample).toEqual({ rate: 1, distinctClassified: 200, valuesClassified: 200 });
    }
  });

  it('does not fire on look-alikes', () => {
    // 16-digit order numbers: about one in ten passes Luhn, far below the share needed
    const orders = repeat(300, (i) => String(4000000000000000 + i * 7919));
    expect(run('order_number', orders)).toBeNull();
    expect(run('col_3', repeat(100, (i) => `${i % 13}.${i % 7}.${i % 5}.${i % 17}`))).toBeNull();
    expect(run('ref', repeat(100, (i) => `9${String(i % 100).padStart(2, '0')}-12-3456`))).toBeNull();
    expect(run('email_opt_in', repeat(100, (i) => (i % 3 ? 'Y' : 'N')))).toBeNull();
    expect(run('order_date', repeat(100, (i) => `2024-0${1 + (i % 9)}-1${i % 10}`))).toBeNull();
    expect(run('city', repeat(100, (i) => ['London', 'Paris', 'Jackson', 'Charlotte'][i % 4]!))).toBeNull();
    expect(run('customer_id', repeat(100, (i) => String(10000 + i * 13)))).toBeNull();
    expect(run('product_name', repeat(100, (i) => ['Widget Pro', 'Smart Lamp', 'Travel Mug'][i % 3]!))).toBeNull();
  });

  it('needs support before trusting weak forms and sparse findings', () => {
    // four 9-digit codes that happen to pass the SSN rules (duckdb leading_zeros2.csv `comune`)
    expect(run('comune', ['030151360', '030120530', '020040580', '030150870'])).toBeNull();
    expect(run('ssn', ['030151360', '030120530', '020040580', '030150870'])!.kind).toBe('ssn');
    // a column named ssn holding only invalid ranges is not an SSN column
    expect(run('ssn', repeat(60, (i) => `9${String(i).padStart(2, '0')}-7${i % 10}-${String(1000 + i).padStart(4, '0')}`))).toBeNull();
    expect(run('ssn', repeat(60, (i) => (i % 2 ? '000-00-0000' : `666-${String(10 + i).padStart(2, '0')}-1234`)))).toBeNull();
    // one support phone number among 200 product blurbs is not a PII column
    const blurbs = repeat(200, (i) => (i === 0 ? 'Call support at (212) 555-0143 for help with setup' : `Compact blender with ${i} speed settings and glass jar`));
    expect(run('description', blurbs)).toBeNull();
    // geometry text: digit runs that are neither cards nor phones
    expect(run('geometry', repeat(50, (i) => `POLYGON ((150.851 3475.772, 142.128 3478.081, 143.665 ${3483 + i}.892))`))).toBeNull();
    // keys into an address table
    expect(run('c_current_addr_sk', repeat(50, (i) => String(1000 + i * 7)))).toBeNull();
    expect(run('employee_residence', repeat(50, (i) => ['US', 'GB', 'DE'][i % 3]!))).toBeNull();
  });

  it('lets the column name decide where values are weak evidence', () => {
    const zips = repeat(100, (i) => String(10000 + i * 13));
    expect(run('zip', zips)!.kind).toBe('postal_code');
    expect(run('customer_id', zips)).toBeNull();
    const dates = repeat(100, (i) => `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`);
    expect(run('date_of_birth', dates)!.kind).toBe('date_of_birth');
    expect(run('event_date', dates)).toBeNull();
    expect(run('passport_no', repeat(50, (i) => `X${1000000 + i * 17}`))!.kind).toBe('passport');
  });

  it('reports free text with embedded PII as such', () => {
    const notes = repeat(100, (i) =>
      i % 10 === 0 ? `customer asked for a callback, write to jane.roe${i}@example.com please` : 'customer asked about the delivery window today',
    );
    const r = run('notes', notes)!;
    expect(r).toEqual({
      kind: 'free_text',
      confidence: 0.95,
      validShare: 0.1,
      regulations: ['GDPR', 'CCPA'],
      embedded: { email: 10 },
      examples: ['j***@e***.com'],
      values: 100,
      sample: { rate: 1, distinctClassified: 11, valuesClassified: 100 },
    });
  });

  it('counts nulls, blanks and null tokens out of the share', () => {
    const values = [...SSNS.slice(0, 50), null, null, '', '  ', 'N/A', 'unknown'];
    const r = run('col_1', values)!;
    expect(r.kind).toBe('ssn');
    expect(r.validShare).toBe(1);
    expect(r.values).toBe(50);
  });

  it('keeps state small on long cells', () => {
    const acc = new PiiColumnAccumulator('address');
    for (let i = 0; i < 300; i++) acc.add(`${i} Main Street `.repeat(4000));
    const state = JSON.stringify(acc.toJSON());
    expect(state.length).toBeLessThan(300 * 200);
    const r = acc.finish()!;
    expect(r.kind).toBe('address');
    expect(r.examples[0]!.endsWith('…')).toBe(true);
  });

  it('honours rules: kinds switched off, thresholds', () => {
    expect(run('col_7', SSNS, { kinds: ['email'] })).toBeNull();
    expect(run('col_7', SSNS, { minConfidence: 0.99 })).toBeNull();
    expect(() => piiRulesSchema.parse({ minConfidence: 2 })).toThrow();
    expect(() => piiRulesSchema.parse({ bogus: 1 })).toThrow();
    expect(PII_DEFAULTS.sampleDistinct).toBe(1024);
    expect(piiDetectorMeta.id).toBe('pii');
  });
});

describe('merge and sampling', () => {
  const columns = generateLabelledColumns(99, 300).filter((_, i) => i % 6 === 0);

  it('gives the same result however the input is cut, with and without sampling', () => {
    for (const rules of [undefined, { sampleDistinct: 32 }]) {
      for (const col of columns) {
        const one = JSON.stringify(detect(col.name, col.values, 1, rules));
        for (const shards of [3, 7]) expect(JSON.stringify(detect(col.name, col.values, shards, rules)), `${col.name} ${shards}`).toBe(one);
      }
    }
  });

  it('merge is associative and order of equal-level states does not matter', () => {
    const col = columns.find((c) => c.truth === 'email')!;
    const parts = [0, 1, 2].map((k) => {
      const a = new PiiColumnAccumulator(col.name, { sampleDistinct: 64 });
      col.values.forEach((v, i) => i % 3 === k && a.add(v));
      return a.toJSON();
    });
    const acc = (s: ReturnType<PiiColumnAccumulator['toJSON']>) => PiiColumnAccumulator.fromJSON(structuredClone(s), { sampleDistinct: 64 });
    const left = acc(parts[0]!);
    left.merge(acc(parts[1]!));
    left.merge(acc(parts[2]!));
    const right = acc(parts[1]!);
    right.merge(acc(parts[2]!));
    const r2 = acc(parts[0]!);
    r2.merge(right);
    expect(JSON.stringify(r2.finish())).toBe(JSON.stringify(left.finish()));
    const sampled = left.finish() as PiiResult;
    expect(sampled.sample.rate).toBeLessThan(1);
    expect(sampled.kind).toBe('email');
  });

  it('classifying kept values late (after level raises) gives the state classifying them at once gives', () => {
    // Kept values are classified when state is read; reading state after every add forces the eager order.
    for (const col of columns) {
      const late = new PiiColumnAccumulator(col.name, { sampleDistinct: 16 });
      const eager = new PiiColumnAccumulator(col.name, { sampleDistinct: 16 });
      for (const v of col.values) {
        late.add(v);
        eager.add(v);
        eager.toJSON();
      }
      expect(JSON.stringify(late.toJSON()), col.name).toBe(JSON.stringify(eager.toJSON()));
      expect(JSON.stringify(late.finish()), col.name).toBe(JSON.stringify(eager.finish()));
    }
  });

  it('a value first kept through a merged state is counted when added again', () => {
    const a = new PiiColumnAccumulator('col_1');
    SSNS.forEach((v) => a.add(v));
    const b = PiiColumnAccumulator.fromJSON(a.toJSON());
    SSNS.forEach((v) => b.add(v));
    expect(b.finish()!.values).toBe(400);
    expect(b.finish()!.sample.distinctClassified).toBe(200);
  });
});

function stringsIn(x: unknown): string[] {
  if (typeof x === 'string') return [x];
  if (Array.isArray(x)) return x.flatMap(stringsIn);
  if (x !== null && typeof x === 'object') return Object.entries(x).flatMap(([k, v]) => [k, ...stringsIn(v)]);
  return [];
}

describe('no raw value leaves the detector', () => {
  it('for every kind, in results and in serialised state', () => {
    const cols = generateLabelledColumns(7, 200);
    const seen = new Set<string>();
    for (const col of cols) {
      if (col.truth === null) continue;
      const acc = new PiiColumnAccumulator(col.name);
      for (const v of col.values) acc.add(v);
      // every string the detector hands out (numbers in state are hashes and counts, not values)
      const out = stringsIn([acc.finish(), acc.toJSON()]).join('\n');
      seen.add(col.truth);
      for (const v of col.values) {
        if (v === null || v.trim().length < 4) continue;
        expect(out.includes(v.trim()), `${col.name}: raw value in output`).toBe(false);
      }
    }
    expect([...seen].sort()).toEqual([...PII_KINDS, 'free_text'].sort());
  });

  it('maskValue: fixed forms', () => {
    expect(maskValue('email', 'john.doe@example.com')).toBe('j***@e***.com');
    expect(maskValue('credit_card', '4111 1111 1111 1234')).toBe('************1234');
    expect(maskValue('ssn', '123-45-6789')).toBe('***-**-6789');
    expect(maskValue('phone', '(212) 555-1234')).toBe('********34');
    expect(maskValue('iban', 'DE89 3704 0044 0532 0130 00')).toBe('DE************3000');
    expect(maskValue('ip', '192.168.1.20')).toBe('192.*.*.*');
    expect(maskValue('ip', '2001:db8::1')).toBe('2001:****:****');
    expect(maskValue('person_name', "Mary-Jane O'Brien")).toBe("M***-J*** O***'B***");
    expect(maskValue('address', '123 Main St')).toBe('*** M*** S***');
    expect(maskValue('date_of_birth', '1990-01-05')).toBe('19**-**-**');
    expect(maskValue('date_of_birth', '3/8/1971')).toBe('*/*/****');
    expect(maskValue('passport', 'X1234567')).toBe('******67');
    expect(maskValue('health', 'E11.9')).toBe('E**.*');
    expect(maskValue('health', 'MRN0012345')).toBe('********45');
    expect(maskValue('postal_code', 'SW1A 1AA')).toBe('S*** ***');
    expect(maskValue('postal_code', '4011')).toBe('4***');
  });

  it('maskValue never returns or contains its input', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PII_KINDS), fc.string({ minLength: 1, maxLength: 40 }), (kind, v) => {
        const m = maskValue(kind, v);
        const t = v.trim();
        return t.length === 0 || (m !== t && (t.length < 2 || !m.includes(t)));
      }),
      { numRuns: 3000, seed: 42 },
    );
  });
});
