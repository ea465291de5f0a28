import { describe, expect, it } from 'vitest';
import {
  bigintFromBigEndian,
  bigintFromLittleEndianWords,
  formatBinary,
  formatDateFromDays,
  formatDecimal,
  formatFloat32,
  formatTimeOfDay,
  formatTimestamp,
  toCell,
  toJsonText,
} from '../../../src/sources/values.js';
import { decodeLz4Frames } from '../../../src/sources/arrow.js';
import { MemoryBudget, MemoryLimitError, SourceError } from '../../../src/sources/limits.js';

describe('canonical text of typed values', () => {
  it('numbers, booleans, bigints', () => {
    expect([1, -0, 0.1, 1e21, NaN, Infinity, -Infinity, 123456789012].map(v => toCell(v))).toEqual([
      '1', '0', '0.1', '1e+21', 'NaN', 'Infinity', '-Infinity', '123456789012',
    ]);
    expect(toCell(18446744073709551615n)).toBe('18446744073709551615');
    expect(toCell(true)).toBe('true');
    expect(toCell(null)).toBeNull();
    expect(toCell(undefined)).toBeNull();
    expect(toCell('')).toBe('');
  });

  it('float32 as the shortest text that reads back to the same float32', () => {
    expect(formatFloat32(Math.fround(0.1))).toBe('0.1');
    expect(formatFloat32(Math.fround(1.7640524))).toBe('1.7640524');
    expect(formatFloat32(Math.fround(3))).toBe('3');
    expect(formatFloat32(Math.fround(1e-7))).toBe('1e-7');
    expect(formatFloat32(NaN)).toBe('NaN');
  });

  it('decimals exactly, keeping the scale', () => {
    expect(formatDecimal(12345n, 2)).toBe('123.45');
    expect(formatDecimal(-5n, 2)).toBe('-0.05');
    expect(formatDecimal(100n, 2)).toBe('1.00');
    expect(formatDecimal(0n, 3)).toBe('0.000');
    expect(formatDecimal(42n, 0)).toBe('42');
    expect(formatDecimal(42n, -2)).toBe('4200');
    expect(formatDecimal(-99999999999999999999999999999999999999n, 5)).toBe('-999999999999999999999999999999999.99999');
    expect(bigintFromBigEndian(Uint8Array.of(0xff, 0xfe))).toBe(-2n);
    expect(bigintFromBigEndian(Uint8Array.of(0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x64))).toBe(100n);
    expect(bigintFromBigEndian(new Uint8Array(16).fill(0xff))).toBe(-1n);
    expect(bigintFromBigEndian(new Uint8Array(0))).toBe(0n);
    expect(bigintFromLittleEndianWords(Uint32Array.of(0xfffffffe, 0xffffffff, 0xffffffff, 0xffffffff), 0, 4)).toBe(-2n);
    expect(bigintFromLittleEndianWords(Uint32Array.of(0, 1), 0, 2)).toBe(4294967296n);
  });

  it('dates as yyyy-MM-dd, proleptic Gregorian, extended years outside 0000–9999', () => {
    expect(formatDateFromDays(0)).toBe('1970-01-01');
    expect(formatDateFromDays(19782)).toBe('2024-02-29');
    expect(formatDateFromDays(-1)).toBe('1969-12-31');
    expect(formatDateFromDays(-719162)).toBe('0001-01-01');
    expect(formatDateFromDays(2932896)).toBe('9999-12-31');
    expect(formatDateFromDays(2932897)).toBe('+010000-01-01');
    expect(formatDateFromDays(-719529)).toBe('-000001-12-31');
  });

  it('timestamps as ISO 8601, fraction trimmed, Z only when UTC-adjusted', () => {
    expect(formatTimestamp(0n, 'ms', true)).toBe('1970-01-01T00:00:00Z');
    expect(formatTimestamp(1709211900250n, 'ms', true)).toBe('2024-02-29T13:05:00.25Z');
    expect(formatTimestamp(1709211900123456n, 'us', false)).toBe('2024-02-29T13:05:00.123456');
    expect(formatTimestamp(1709211900123456789n, 'ns', true)).toBe('2024-02-29T13:05:00.123456789Z');
    expect(formatTimestamp(-1n, 'us', false)).toBe('1969-12-31T23:59:59.999999');
    expect(formatTimestamp(-9223372036854775808n, 'ns', false)).toBe('1677-09-21T00:12:43.145224192');
    expect(formatTimestamp(1709211900, 's', false)).toBe('2024-02-29T13:05:00');
    expect(formatTimeOfDay(86399999999n, 'us')).toBe('23:59:59.999999');
    expect(formatTimeOfDay(52200000, 'ms')).toBe('14:30:00');
  });

  it('binary: UTF-8 text when valid, 0x-hex otherwise', () => {
    expect(formatBinary(new TextEncoder().encode('Zoë'))).toBe('Zoë');
    expect(formatBinary(Uint8Array.of(0x54, 0x52, 0xc3))).toBe('0x5452c3');
    expect(formatBinary(new Uint8Array(0))).toBe('');
  });

  it('nested values as compact JSON', () => {
    expect(toJsonText([1, null, 'a'])).toBe('[1,null,"a"]');
    expect(toJsonText({ a: 1n, b: [NaN], c: Uint8Array.of(0xff), d: new Date(Date.UTC(2024, 1, 29)) })).toBe(
      '{"a":1,"b":["NaN"],"c":"0xff","d":"2024-02-29T00:00:00Z"}',
    );
    expect(toJsonText(new Map([['k', 2]]))).toBe('{"k":2}');
    expect(toCell({ x: { y: [] } })).toBe('{"x":{"y":[]}}');
  });
});

describe('LZ4 frame decoder (Arrow LZ4_FRAME bodies)', () => {
  const text = 'hello hello hello hello arrow arrow arrow lz4 frame test 1234567890 1234567890 1234567890\n';
  // written by the lz4 1.9 CLI: `lz4 -BD` (linked blocks) and `lz4 --content-size -BX` (block checksums)
  const linked = 'BCJNGGRApzQAAABuaGVsbG8gBgBZYXJyb3cGAP4KbHo0IGZyYW1lIHRlc3QgMTIzNDU2Nzg5MAsAUDc4OTAKAAAAAEbY0+0=';
  const withChecksums = 'BCJNGHxAWgAAAAAAAACaNAAAAG5oZWxsbyAGAFlhcnJvdwYA/gpsejQgZnJhbWUgdGVzdCAxMjM0NTY3ODkwCwBQNzg5MArGQkxQAAAAAEbY0+0=';

  it('decodes frames written by the reference tool', () => {
    for (const frame of [linked, withChecksums]) {
      const out = decodeLz4Frames(new Uint8Array(Buffer.from(frame, 'base64')), text.length);
      expect(new TextDecoder().decode(out)).toBe(text);
    }
  });

  it('refuses output longer or shorter than declared, and truncated input, with a SourceError', () => {
    const bytes = new Uint8Array(Buffer.from(linked, 'base64'));
    expect(() => decodeLz4Frames(bytes, text.length - 1)).toThrow(SourceError);
    expect(() => decodeLz4Frames(bytes, text.length + 1)).toThrow('corrupt file: LZ4 frame: decompressed to 90 bytes, 91 declared');
    expect(() => decodeLz4Frames(bytes.subarray(0, 20), text.length)).toThrow(SourceError);
    expect(() => decodeLz4Frames(Uint8Array.of(1, 2, 3, 4, 5), 5)).toThrow('corrupt file: LZ4 frame: bad magic number');
  });
});

describe('memory budget', () => {
  it('throws before a request or the running total passes the limit', () => {
    const budget = new MemoryBudget(1000);
    budget.reserve(600, 'a');
    expect(() => budget.reserve(2000, 'page')).toThrow(MemoryLimitError);
    expect(() => budget.reserve(500, 'page')).toThrow(
      'memory limit: page (running total for this shard) needs 1.1 KiB, over the limit of 1000 B (raise it with --max-memory if the file is trusted)',
    );
    expect(() => budget.reserve(-1, 'x')).toThrow('corrupt file: x declares an invalid size (-1)');
    expect(budget.bytesUsed).toBe(600);
  });
});
