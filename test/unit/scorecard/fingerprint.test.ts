import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ContentFingerprint, rowHash53, schemaFingerprint } from '../../../src/metrics/fingerprint.js';
import type { Cell } from '../../../src/metrics/accumulator.js';

function fingerprintOf(rows: Cell[][]): ContentFingerprint {
  const f = new ContentFingerprint();
  rows.forEach((r, i) => f.addRow(r, i + 1));
  return f;
}

const TABLE: Cell[][] = [
  ['1', 'Ada', 'ada@example.com'],
  ['2', 'Grace', null],
  ['3', '', 'x'],
];

describe('ContentFingerprint', () => {
  it('pins the fingerprint of a small table', () => {
    const f = fingerprintOf(TABLE);
    // state cross-checked in Python: sum of the three row hashes mod 2^53, xor split in 32-bit halves
    expect(f.toJSON()).toEqual({ v: 1, rows: 3, sum: 3972593440179635, xorHigh: 1163946, xorLow: 2191810115 });
    expect(f.rows).toBe(3);
    expect(rowHash53(['1', 'Ada', 'ada@example.com'])).toBe(ROW0_HASH);
    expect(f.finish()).toBe(TABLE_HEX);
    expect(f.finish()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on row order', () => {
    const a = fingerprintOf(TABLE).finish();
    const b = fingerprintOf([TABLE[2]!, TABLE[0]!, TABLE[1]!]).finish();
    expect(b).toBe(a);
  });

  it('tells apart null, empty, shifted and duplicated cells', () => {
    const hashes = [
      rowHash53(['ab', '']),
      rowHash53(['a', 'b']),
      rowHash53([null, 'ab']),
      rowHash53(['', 'ab']),
      rowHash53(['ab']),
      rowHash53(['ab', null]),
    ];
    expect(new Set(hashes).size).toBe(6);
    // xor alone would cancel a row added twice; the sum and the count keep it.
    expect(fingerprintOf([TABLE[0]!, TABLE[0]!]).finish()).not.toBe(fingerprintOf([]).finish());
    expect(fingerprintOf([TABLE[0]!, TABLE[0]!, TABLE[1]!]).finish()).not.toBe(fingerprintOf([TABLE[1]!]).finish());
    expect(fingerprintOf([['a']]).finish()).not.toBe(fingerprintOf([['b']]).finish());
  });

  it('merges shards to the same state however the rows were cut, through toJSON/structuredClone', () => {
    const cell = fc.option(fc.string({ maxLength: 6 }), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 40 }), fc.nat(40), fc.nat(40), (rows, c1, c2) => {
        const [lo, hi] = [Math.min(c1, c2, rows.length), Math.min(Math.max(c1, c2), rows.length)];
        const whole = fingerprintOf(rows);
        const shards = [rows.slice(0, lo), rows.slice(lo, hi), rows.slice(hi)].map((s) =>
          ContentFingerprint.fromJSON(structuredClone(fingerprintOf(s).toJSON())),
        );
        const left = shards[0]!;
        left.merge(shards[1]!);
        left.merge(shards[2]!);
        const reversed = ContentFingerprint.fromJSON(shards[2]!.toJSON());
        expect(left.toJSON()).toEqual(whole.toJSON());
        expect(left.finish()).toBe(whole.finish());
        // commutative too: any merge order
        const other = fingerprintOf(rows.slice(hi));
        other.merge(fingerprintOf(rows.slice(0, hi)));
        expect(other.finish()).toBe(whole.finish());
        expect(reversed.rows).toBe(rows.length - hi);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('keeps the sum below 2^53', () => {
    const f = new ContentFingerprint();
    f.addRowHash(2 ** 53 - 1);
    f.addRowHash(5);
    expect(f.sum).toBe(4);
    expect(f.xorHigh).toBe(2 ** 21 - 1);
    expect(f.xorLow).toBe(((2 ** 32 - 1) ^ 5) >>> 0);
  });

  it('refuses an unknown state version', () => {
    expect(() => ContentFingerprint.fromJSON({ v: 2 } as never)).toThrow('fingerprint state version 2 is not supported');
  });
});

describe('schemaFingerprint', () => {
  it('depends on names, types and order', () => {
    const a = schemaFingerprint([{ name: 'id', type: 'integer' }, { name: 'email', type: 'string' }]);
    expect(a).toBe(SCHEMA_HEX);
    expect(schemaFingerprint([{ name: 'email', type: 'string' }, { name: 'id', type: 'integer' }])).not.toBe(a);
    expect(schemaFingerprint([{ name: 'id', type: 'decimal' }, { name: 'email', type: 'string' }])).not.toBe(a);
  });
});

const ROW0_HASH = 8836439486329720;
const TABLE_HEX = '91b14c932af44ad575117d54acc46fb6033c6807285deea9a41751642aa8f47a';
const SCHEMA_HEX = '8e158ee651586aff49f46e4230be99e349aaff7e42da3997a2422b05379aea93';
