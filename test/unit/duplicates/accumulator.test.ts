import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DuplicateAccumulator, defaultDupRules, duplicatesCsv, duplicatesDetectorMeta, dupRulesSchema, type DupResult,
} from '../../../src/detectors/duplicates/index.js';
import { nearWord } from '../../../src/detectors/duplicates/normalize.js';
import { splink, type LabelledTable } from '../../../bench/duplicates/datasets.js';

function concatWords(chunks: Uint32Array[]): Uint32Array {
  const out = new Uint32Array(chunks.reduce((s, c) => s + c.length, 0));
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

function run(columns: string[], rows: (string | null)[][], columnInfo?: Parameters<DuplicateAccumulator['finish']>[0]): DupResult {
  const acc = new DuplicateAccumulator(columns);
  rows.forEach((r, i) => acc.addRow(r, i + 1));
  return acc.finish(columnInfo);
}

function runSharded(t: LabelledTable, cuts: number[]): DupResult {
  const bounds = [0, ...[...new Set(cuts)].sort((a, b) => a - b), t.rows.length];
  let total: DuplicateAccumulator | null = null;
  for (let s = 0; s + 1 < bounds.length; s++) {
    const acc = new DuplicateAccumulator(t.columns);
    for (let i = bounds[s]!; i < bounds[s + 1]!; i++) acc.addRow(t.rows[i]!, i + 1);
    // Cross a worker boundary the way the engine does.
    const moved = DuplicateAccumulator.fromJSON(structuredClone(acc.toJSON()));
    if (total === null) total = moved;
    else total.merge(moved);
  }
  return total!.finish();
}

describe('exact duplicates', () => {
  it('counts copies on parsed values: a re-quoted row is still a copy', () => {
    const csv = 'id,name,city\n1,Ann,"Leeds"\n"1","Ann",Leeds\n2,"Bob, Jr",York\n2,"Bob, Jr","York"\n3,"multi\nline",Bath\n3,"multi\nline",Bath\n4,Cy,Hull\n';
    const [header, ...rows] = parse(csv) as string[][];
    const res = run(header!, rows);
    expect(res.rows).toBe(7);
    expect(res.exact).toEqual({ duplicateRows: 3, clusters: 3, rowsInClusters: 6 });
    expect(res.list).toEqual([
      { row: 1, cluster: 1, kind: 'exact' }, { row: 2, cluster: 1, kind: 'exact' },
      { row: 3, cluster: 2, kind: 'exact' }, { row: 4, cluster: 2, kind: 'exact' },
      { row: 5, cluster: 3, kind: 'exact' }, { row: 6, cluster: 3, kind: 'exact' },
    ]);
    expect(res.redundantRows).toBe(3);
    expect(duplicatesCsv(res)).toBe('row,cluster,kind\n1,1,exact\n2,1,exact\n3,2,exact\n4,2,exact\n5,3,exact\n6,3,exact\n');
    expect(res.shareOfRowsInvolved).toBe(0.857143);
  });

  it('tells an empty field from an absent one, and cells apart from their concatenation', () => {
    const res = run(['a', 'b'], [['x', ''], ['x', null], ['xy', ''], ['x', 'y'], ['x', '']]);
    expect(res.exact.duplicateRows).toBe(1);
    expect(res.list.map((e) => e.row)).toEqual([1, 5]);
  });
});

describe('near duplicates', () => {
  const columns = ['customer_id', 'first_name', 'last_name', 'email', 'phone', 'address', 'city', 'dob'];
  const people: string[][] = [
    ['1', 'Margaret', 'Oakley', 'margaret.oakley@example.com', '0113 496 0001', '12 High Street', 'Leeds', '1961-04-03'],
    ['2', 'Thomas', 'Oakley', 'tom.oakley@example.com', '0113 496 0777', '80 Park Road', 'Leeds', '1990-11-21'],
    ['3', 'Priya', 'Raman', 'priya.raman@example.com', '020 7946 0018', '3 Mill Lane', 'London', '1985-07-14'],
    ['4', 'Jonas', 'Becker', 'jbecker@example.com', '0161 496 0022', '7 Church Avenue', 'Manchester', '1978-01-30'],
    ['5', 'Aoife', 'Byrne', 'aoife.b@example.com', '0117 496 0033', '21 Station Road', 'Bristol', '2001-09-09'],
    ['6', 'Oliver', 'Oakley', 'oliver.o@example.com', '0113 496 0555', '4 Kings Drive', 'Leeds', '1972-02-18'],
  ];
  // Filler so that the column statistics mean something.
  const filler: string[][] = [];
  const firsts = ['Ann', 'Ben', 'Cara', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jude', 'Kai', 'Lea', 'Max', 'Nia', 'Otto'];
  const lasts = ['Hart', 'Ives', 'Judd', 'Kerr', 'Lowe', 'Moss', 'Nash', 'Orr', 'Pope', 'Quinn', 'Reid', 'Shaw', 'Tate'];
  const cities = ['Leeds', 'York', 'Hull', 'Bath', 'Derby'];
  for (let i = 0; i < 300; i++) {
    const f = firsts[i % firsts.length]!, l = lasts[(i * 7) % lasts.length]!;
    filler.push([String(100 + i), f, l, `${f}.${l}.${String.fromCharCode(97 + (i % 26), 97 + ((i * 7) % 26), 97 + ((i * 11) % 23))}@example.org`.toLowerCase(), `0700 ${String(100000 + i * 37)}`,
      `${(i % 90) + 1} ${['Oak', 'Elm', 'Ash'][i % 3]} Road`, cities[i % 5]!, `19${50 + (i % 50)}-0${(i % 9) + 1}-1${i % 10}`]);
  }
  const variants: string[][] = [
    ['900', ' MARGARET ', 'oakley', 'Margaret.Oakley@example.com', '(0113) 4960001', '12 High St.', 'leeds', '03/04/1961'],
    ['901', 'Oakley', 'Margaret', 'margaret.oakley@example.com', '0113-496-0001', '12 High Street', 'Leeds', ''],
    ['902', 'Priya', 'Ramam', 'priya.raman@example.com', '', '3 Mill Ln', 'London', '1985-07-14'],
    ['903', 'Jonas', 'Becker', '', '0161 496 0022', '7 Church Ave', 'Manchester', 'Jan 30, 1978'],
  ];
  const rows = [...people, ...filler, ...variants];

  it('finds case, spacing, typo, abbreviation, phone, swapped-name, date-format and blank-field variants', () => {
    const res = run(columns, rows);
    expect(res.exact.duplicateRows).toBe(0);
    expect(res.near.clusters).toBe(3);
    expect(res.near.duplicateRows).toBe(4);
    const clusterOf = new Map(res.list.map((e) => [e.row, e.cluster]));
    expect(clusterOf.get(1)).toBe(clusterOf.get(307));
    expect(clusterOf.get(1)).toBe(clusterOf.get(308));
    expect(clusterOf.get(3)).toBe(clusterOf.get(309));
    expect(clusterOf.get(4)).toBe(clusterOf.get(310));
    // Same surname and city, different people.
    expect(clusterOf.has(2)).toBe(false);
    expect(clusterOf.has(6)).toBe(false);
    expect(res.list.every((e) => e.kind === 'near')).toBe(true);
    expect(res.near.columns.find((c) => c.name === 'customer_id')!.role).toBe('key');
  });

  it('describes examples by column names only, never by values', () => {
    const res = run(columns, rows);
    const first = res.examples[0]!;
    expect(first).toEqual({
      cluster: 1, kind: 'near', rows: [1, 307, 308],
      differingFields: ['customer_id (ignored)'], emptyInOne: [], swapped: [],
    });
    const text = JSON.stringify(res);
    for (const r of [...people, ...variants]) {
      for (const v of r.slice(1)) if (v.trim().length >= 4) expect(text).not.toContain(v.trim());
    }
  });
});

describe('shards', () => {
  it('gives the same result however the rows are cut (property)', () => {
    const t = splink();
    const whole = runSharded(t, []);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: t.rows.length - 1 }), { maxLength: 6 }), (cuts) => {
        expect(runSharded(t, cuts)).toEqual(whole);
      }),
      { numRuns: 12, seed: 42 },
    );
  });

  it('gives the same result with pages split across shards, states and merges (40k rows)', () => {
    // Rows cross the 16384-row pages of the state at different places in each shard.
    const columns = ['id', 'name', 'city', 'phone'];
    const rows: (string | null)[][] = [];
    for (let i = 0; i < 40_000; i++) {
      const p = i % 9_000; // every person 4–5 times: exact copies, with a near variant now and then
      const name = i % 7 === 3 ? `Persn ${p}` : `Person ${p}`;
      rows.push([String(i), name, `City ${p % 97}`, i % 5 === 0 ? null : `0${(p * 7919) % 1_000_000_000}`]);
    }
    const t = { name: 'pages', columns, rows, entity: [] } as unknown as LabelledTable;
    const whole = runSharded(t, []);
    expect(whole.near.duplicateRows).toBeGreaterThan(0);
    for (const cuts of [[16384], [5_000, 16_385, 16_386, 33_000], [1, 32_768, 39_999]]) {
      expect(runSharded(t, cuts)).toEqual(whole);
    }
    // A state read back, then more rows added to it.
    const first = new DuplicateAccumulator(columns);
    for (let i = 0; i < 20_000; i++) first.addRow(rows[i]!, i + 1);
    const resumed = DuplicateAccumulator.fromJSON(structuredClone(first.toJSON()));
    for (let i = 20_000; i < rows.length; i++) resumed.addRow(rows[i]!, i + 1);
    expect(resumed.finish()).toEqual(whole);
  });

  it('keeps 8 bytes per row for exact and 4 per column for near duplicates', () => {
    const acc = new DuplicateAccumulator(['a', 'b', 'c']);
    for (let i = 1; i <= 1000; i++) acc.addRow([String(i % 7), 'x', null], i);
    const state = acc.toJSON();
    const bytes = [...state.exact, ...state.near].reduce((s, a) => s + a.byteLength, 0);
    expect(bytes).toBe(1000 * (8 + 12));
    expect(state.runs).toEqual([1, 1000]);
    expect(acc.finish().exact).toEqual({ duplicateRows: 993, clusters: 7, rowsInClusters: 1000 });
  });

  it('gives every cell the word nearWord gives it, whether its column is cached or not', () => {
    // Repeated values (cached columns), mostly distinct ones (the column stops being cached), values
    // changing over the file (a full cache starts afresh), empties and nulls.
    const cols = ['name', 'date', 'mail', 'code', 'drift'];
    const acc = new DuplicateAccumulator(cols);
    const rows: (string | null)[][] = [];
    let seed = 7;
    const rnd = (k: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed % k; };
    for (let i = 1; i <= 120_000; i++) {
      const row = [
        ['Ann', 'Bob', 'Carl', ' dana ', 'N/A', ''][rnd(6)]!,
        `${1950 + rnd(60)}-0${1 + rnd(9)}-1${rnd(10)}`,
        `user${i}@example.com`,
        rnd(20) === 0 ? null : String(rnd(500)),
        `v${Math.floor(i / 3)}`,
      ];
      rows.push(row);
      acc.addRow(row, i);
    }
    const near = concatWords(acc.toJSON().near);
    const expected = new Uint32Array(rows.length * cols.length);
    rows.forEach((r, i) => r.forEach((c, j) => { expected[i * cols.length + j] = nearWord(c); }));
    expect(near).toEqual(expected);
  });

  it('limits near detection to the first rows under a small memory budget, and says so', () => {
    const acc = new DuplicateAccumulator(['a', 'b'], { nearMemoryBytes: 4000 });
    for (let i = 1; i <= 1000; i++) acc.addRow([`name ${i % 50}`, `city ${i % 10}`], i);
    const res = acc.finish();
    expect(res.near.sampling?.rowsCompared).toBe(500);
    expect(res.near.sampling?.reason).toContain('first 500 of 1000 rows');
    expect(res.exact.duplicateRows).toBe(950);
  });
});

describe('edges', () => {
  it('handles no rows, one row and rows wider than the header', () => {
    const none = run(['a'], []);
    expect(none.rows).toBe(0);
    expect(none.list).toEqual([]);
    expect(none.shareOfRowsInvolved).toBe(0);
    expect(run(['a'], [['x']]).list).toEqual([]);
    const wide = run(['a'], [['x', 'y'], ['x', 'z'], ['x', 'y']]);
    expect(wide.exact).toEqual({ duplicateRows: 1, clusters: 1, rowsInClusters: 2 });
  });

  it('compares oversized blocks within a window and says so', () => {
    const rows: string[][] = [];
    // 40 rows share a placeholder name and town (a heavy block); the rest are all different.
    for (let i = 0; i < 400; i++) {
      rows.push(i < 40 ? [`p${i}`, 'test user', 'nowhere', `${1000 + i}`] : [`p${i}`, `user ${i} x${i * 7}`, `town ${i * 13}`, `${1000 + i}`]);
    }
    const acc = new DuplicateAccumulator(['id', 'name', 'town', 'badge'], { maxBlock: 8, window: 4, pairsPerRow: 1000 });
    rows.forEach((r, i) => acc.addRow(r, i + 1));
    const res = acc.finish();
    expect(res.near.sampling?.windowedBlocks).toBeGreaterThan(0);
    expect(res.near.sampling?.reason).toMatch(/blocks larger than 8 rows compared within a window of 4/);
    expect(res.near.sampling?.windowedBlocks).toBe(1);
  });
});

describe('rules and meta', () => {
  it('has defaults for every threshold and refuses unknown keys', () => {
    expect(dupRulesSchema.parse({})).toEqual(defaultDupRules);
    expect(defaultDupRules.matchBias).toBe(2);
    expect(defaultDupRules.closeJaccard).toBe(0.6);
    expect(() => dupRulesSchema.parse({ matchBais: 3 })).toThrow(/matchBais/);
    expect(() => dupRulesSchema.parse({ closeJaccard: 2 })).toThrow();
    expect(duplicatesDetectorMeta.id).toBe('duplicates');
  });
});
