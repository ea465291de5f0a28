/**
 * The add() pre-checks are proofs, not guesses: digitLedNotDate() may call a value "not a date" only when
 * classifyText() returns null for it, letterLedNotDate() only when classifyTrimmedCached() does (neither a
 * date nor a placeholder). Checked differentially against the classifier on random strings built from date pieces,
 * on mutations of real dates in every shape the classifier reads, on every cell of the corpus text files,
 * and on every cell of a generated export (its date columns included).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { format } from 'date-fns';
import { parse } from 'csv-parse/sync';
import { classifyText, classifyTrimmedCached, digitLedNotDate, letterLedNotDate } from '../../../src/detectors/dates/classify.js';
import { CORPUS } from './evaluate.js';

/** Length of the leading digit run, or -1 when the value is not digit-led or is digits only. */
function leadingDigits(v: string): number {
  let i = 0;
  while (i < v.length && v.charCodeAt(i) >= 48 && v.charCodeAt(i) <= 57) i++;
  return i === 0 || i === v.length ? -1 : i;
}

interface Tally {
  checked: number;
  accepted: number;
  rejected: number;
  unsound: string[];
}
const tally = (): Tally => ({ checked: 0, accepted: 0, rejected: 0, unsound: [] });

/** Checks one value; returns false when a pre-check rejected a value the classifier accepts. */
function check(v: string, t: Tally): boolean {
  const c = v.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return checkLetterLed(v, t);
  const l1 = leadingDigits(v);
  if (l1 < 0) return true;
  t.checked++;
  const rejected = digitLedNotDate(v, l1);
  const accepted = classifyText(v) !== null;
  if (accepted) t.accepted++;
  if (rejected) t.rejected++;
  if (rejected && accepted) {
    if (t.unsound.length < 20) t.unsound.push(v);
    return false;
  }
  return true;
}

/** letterLedNotDate must never reject a date or a null placeholder (the cached classifier's answer is null). */
function checkLetterLed(v: string, t: Tally): boolean {
  t.checked++;
  const rejected = letterLedNotDate(v);
  const accepted = classifyTrimmedCached(v) !== null;
  if (accepted) t.accepted++;
  if (rejected) t.rejected++;
  if (rejected && accepted) {
    if (t.unsound.length < 20) t.unsound.push(v);
    return false;
  }
  return true;
}

// date-fns patterns covering every branch of the digit-led classifier (numeric, yyyy-MM, day + month name,
// ordinals, CJK, times with seconds/fractions/AM-PM, zones after the time or straight after an ISO date)
const PATTERNS = [
  'yyyy-MM-dd', 'yyyy-M-d', 'yyyy/MM/dd', 'yyyy.MM.dd', 'yyyy.M.d', 'dd/MM/yyyy', 'd/M/yyyy', 'MM/dd/yyyy', 'M/d/yy',
  'dd.MM.yyyy', 'd.M.yy', 'dd-MM-yyyy', 'MM-dd-yy', 'yy.MM.dd', 'yy-MM-dd', 'yyyy-MM', 'yyyy/MM', 'yyyy.MM',
  'dd MMM yyyy', 'd MMMM yyyy', 'do MMMM yyyy', 'do MMM yy', 'dd-MMM-yyyy', 'dd-MMM-yy', 'd/MMM/yyyy', 'dd MMM, yyyy',
  'dd.MMM.yyyy', 'yyyy年M月d日', 'yyyy年MM月dd日 HH:mm',
  "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSX",
  "yyyy-MM-dd'T'HH:mm:ss.SSSSSSxx", "yyyy-MM-dd'T'HH:mm:ss'Z'", 'yyyy-MM-dd HH:mm', 'yyyy-MM-dd H:mm:ss',
  'yyyy-MM-dd HH:mm:ss,SSS', 'yyyy-MM-dd HH:mm:ss xx', 'yyyy-MM-dd HH:mm:ss XXX', 'yyyy-MM-dd HH:mm:ss.SSS',
  "yyyy-MM-dd'Z'", 'yyyy-MM-ddXXX', 'yyyy-MM-dd XXX', 'yyyy-MM-ddxx', 'M/d/yyyy, h:mm a', 'M/d/yyyy h:mm:ss aa',
  'M/d/yyyy hh:mma', 'dd/MM/yyyy HH:mm:ss', 'dd.MM.yyyy HH:mm XXX', 'd-M-yyyy H:mm', 'dd/MM/yy HH:mm:ss.SS',
  'yyyy/MM/dd HH:mm:ss', 'd MMM yyyy HH:mm', 'dd MMM yyyy HH:mm:ss xx',
];
const SUFFIXES = ['', '', '', ' UTC', ' GMT', ' PST', ' CEST', 'Z', ' a.m.', ' p.m.', 'am', ' PM', '+05', '-0800', ' +05:30', ' x', '.5'];
const PIECES = [
  '0', '1', '2', '7', '9', '12', '31', '99', '123', '2024', '19999', '-', '/', '.', ' ', ':', ',', ', ', 'T', 'Z', '+',
  'a', 'A', 'p', 'm', 'M', 'st', 'nd', 'rd', 'th', 'Jan', 'may', 'October', 'sept', 'UTC', 'est', 'a.m.', '年', '月', '日', 'x', '#', '\t',
];
const MUTATION_CHARS = '0123456789-/.: ,TZ+aApPmMstndrh年月日x';

/** A date rendered with date-fns, then 0–3 random edits (replace, insert, delete, truncate, duplicate). */
const mutatedDate = fc
  .record({
    pattern: fc.constantFrom(...PATTERNS),
    t: fc.integer({ min: Date.parse('0001-01-01T00:00:00Z'), max: Date.parse('9999-12-31T00:00:00Z') }),
    suffix: fc.constantFrom(...SUFFIXES),
    edits: fc.array(fc.tuple(fc.nat(4), fc.nat(200), fc.nat(MUTATION_CHARS.length - 1)), { maxLength: 3 }),
  })
  .map(({ pattern, t, suffix, edits }) => {
    let s = format(new Date(t), pattern) + suffix;
    for (const [op, at, ch] of edits) {
      const i = at % (s.length + 1);
      const c = MUTATION_CHARS[ch]!;
      if (op === 0) s = s.slice(0, i) + c + s.slice(i + 1);
      else if (op === 1) s = s.slice(0, i) + c + s.slice(i);
      else if (op === 2) s = s.slice(0, i) + s.slice(i + 1);
      else if (op === 3) s = s.slice(0, Math.max(1, i));
      else s = s.slice(0, i) + s.charAt(i) + s.slice(i);
    }
    return s;
  });

/** Digit-led strings glued from date pieces. */
const pieced = fc
  .tuple(fc.constantFrom('1', '5', '12', '31', '2024', '0000', '123'), fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }))
  .map(([head, rest]) => head + rest.join(''));

const LETTER_PATTERNS = [
  'MMM d, yyyy', 'MMMM d, yyyy', 'MMM d yyyy', 'MMM-dd-yyyy', 'MMM/d/yy', 'MMM. d, yyyy', 'MMMM yyyy', 'MMM yyyy', 'MMM do, yyyy',
  'EEE, dd MMM yyyy HH:mm:ss xx', 'EEEE, MMMM d, yyyy', 'EEE d MMM yyyy', 'EEE, d MMM yyyy', 'EEE MMM d yyyy HH:mm:ss',
  'MMM d, yyyy h:mm a', 'MMMM d, yyyy, h:mm a', 'MMM d yyyy HH:mm:ss.SSS xxx',
];
const PLACEHOLDERS = ['na', 'n/a', 'n.a.', 'null', 'none', 'nil', 'nan', 'nat', 'unknown', 'missing', 'tbd', 'not available', 'invalid date'];
const LETTER_CHARS = 'aAjJmMnNsStTuUoOdDwWfFyYrRlLeE .,/-:0123456789\u212a\u0130';
/** Letter-led values: dates with month or weekday names, placeholders in any case, names; then 0–3 edits. */
const letterLed = fc
  .record({
    base: fc.oneof(
      fc.tuple(fc.constantFrom(...LETTER_PATTERNS), fc.integer({ min: Date.parse('1000-01-01T00:00:00Z'), max: Date.parse('2999-12-31T00:00:00Z') })).map(([p, t]) => format(new Date(t), p)),
      fc.tuple(fc.constantFrom(...PLACEHOLDERS), fc.array(fc.boolean(), { minLength: 13, maxLength: 13 })).map(([w, up]) => [...w].map((ch, i) => (up[i] ? ch.toUpperCase() : ch)).join('')),
      fc.constantFrom('Maria', 'March', 'Mayor', 'Monday', 'Sunday Best', 'Nathan', 'Octavia', 'Junebug', 'Augustine', 'Decimal', 'dec 5', 'Tuesday', 'UNKNOWN', 'Missing person', 'tbd.', 'n/a ', 'Nat', 'Nan', 'May 2024'),
    ),
    edits: fc.array(fc.tuple(fc.nat(3), fc.nat(200), fc.nat(LETTER_CHARS.length - 1)), { maxLength: 3 }),
  })
  .map(({ base, edits }) => {
    let s = base;
    for (const [op, at, ch] of edits) {
      const i = 1 + (at % s.length);
      const c = LETTER_CHARS[ch]!;
      if (op === 0) s = s.slice(0, i) + c + s.slice(i + 1);
      else if (op === 1) s = s.slice(0, i) + c + s.slice(i);
      else if (op === 2) s = s.slice(0, i) + s.slice(i + 1);
      else s = s.slice(0, i);
    }
    return s;
  });

describe('letterLedNotDate: never rejects a date or a placeholder', () => {
  test('examples', () => {
    for (const v of ['Oct 31, 2023', 'May 2024', 'Tue, 31 Oct 2023 10:00:00 +0000', 'N/A', 'null', 'None', 'UNKNOWN', 'Not Available', 'Invalid Date', 'NaT', 'UN\u212aNOWN']) {
      expect(classifyTrimmedCached(v), v).not.toBeNull();
      expect(letterLedNotDate(v), v).toBe(false);
    }
    for (const v of ['Richard', 'Fatima', 'Amanda', 'SWHITE68@EXAMPLE.CO.UK', 'susanjohnson@example.net', 'j.harris@example.org', 'Los Angeles', 'Washington DC', 'Do not call before 9am']) {
      expect(classifyTrimmedCached(v), v).toBeNull();
      expect(letterLedNotDate(v), v).toBe(true);
    }
  });

  test('month/weekday-name dates, placeholders in any case, names, mutated (fast-check)', () => {
    const t = tally();
    fc.assert(fc.property(letterLed, (v) => check(v, t)), { numRuns: 40_000, seed: 20261127 });
    expect(t.accepted).toBeGreaterThan(5_000);
    expect(t.rejected).toBeGreaterThan(5_000);
  });
});

describe('digitLedNotDate: never rejects a value the classifier accepts', () => {
  test('values the classifier reads and shapes it does not (examples)', () => {
    for (const v of ['2024-01-05', '3/4/2024', '25.1.2024', '31-OCT-2023', '5th January 2024', '5 October 2023', '2024年1月5日', '2024-03', '90.01.01',
      '2024-01-05T10:00:00Z', '1/2/2023, 12:33 PM', '2015-03-22Z', '2015-03-22-08:00', '2021-05-25 04:55:03.382494 UTC', '0000-00-00']) {
      expect(classifyText(v), v).not.toBeNull();
      expect(digitLedNotDate(v, leadingDigits(v)), v).toBe(false);
    }
    // the non-date columns that used to cost a map lookup each
    for (const v of ['579-52-7298', '6548-6629', '4207 6890 2518 7751', '2001:db8:58d0:7ef7:b180:909b:47d2:862a', '188.131.38.229', '10.12.96.42',
      '98.89', '1171.26', '115.65', '7416 Maple Lane', '7416 Maple Lane, Apt 38C', '802-834-3752 x113', '410-876-9484', '1-603-917-9386', '12:30', '3/4']) {
      expect(classifyText(v), v).toBeNull();
      expect(digitLedNotDate(v, leadingDigits(v)), v).toBe(true);
    }
  });

  test('mutated dates of every shape (fast-check)', () => {
    const t = tally();
    fc.assert(fc.property(mutatedDate, (v) => check(v, t)), { numRuns: 40_000, seed: 20261127 });
    // the generator must exercise both sides, or the property says nothing
    expect(t.accepted).toBeGreaterThan(4_000);
    expect(t.rejected).toBeGreaterThan(5_000);
  });

  test('strings glued from date pieces (fast-check)', () => {
    const t = tally();
    fc.assert(fc.property(pieced, (v) => check(v, t)), { numRuns: 40_000, seed: 7 });
    expect(t.rejected).toBeGreaterThan(10_000);
  });

  test('unrestricted digit-led strings (fast-check)', () => {
    const t = tally();
    const any = fc.tuple(fc.integer({ min: 0, max: 9 }), fc.string({ unit: fc.constantFrom(...MUTATION_CHARS.split('')), maxLength: 30 })).map(([d, s]) => `${d}${s}`);
    fc.assert(fc.property(any, (v) => check(v, t)), { numRuns: 40_000, seed: 11 });
  });

  test('every cell of the corpus text files', () => {
    const t = tally();
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(csv|tsv|txt|psv|dat)$/i.test(e.name) && fs.statSync(p).size < 4_000_000) files.push(p);
      }
    };
    walk(CORPUS);
    expect(files.length).toBeGreaterThan(100);
    for (const f of files) {
      const text = fs.readFileSync(f, 'latin1');
      for (const raw of text.split(/[\r\n,;\t|]+/)) {
        const v = raw.trim().replace(/^"|"$/g, '').trim();
        check(v, t);
        const m = /^"?([^"]*)"?$/.exec(raw);
        if (m && m[1] !== v) check(m[1]!.trim(), t);
      }
      // quoted fields may hold the separators the split above cuts at (`Oct 31, 2023`, `12/1/2023, 10:00 AM`)
      for (const m of text.matchAll(/"([^"\r\n]{1,80})"/g)) check(m[1]!.trim(), t);
    }
    expect(t.unsound).toEqual([]);
    expect(t.accepted).toBeGreaterThan(1_000);
  });

  describe('every cell of a generated export (gen-export --rows 50000 --seed 42, the first block of export-200000.csv)', () => {
    let dir = '';
    let rows: string[][] = [];
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dates-precheck-'));
      const file = path.join(dir, 'export.csv');
      const script = path.resolve(import.meta.dirname, '../../../scripts/gen-export.mjs');
      const g = spawnSync(process.execPath, [script, '--rows', '50000', '--seed', '42', '--out', file, '--threads', '1'], { encoding: 'utf8' });
      if (g.status !== 0) throw new Error(g.stderr);
      rows = parse(fs.readFileSync(file, 'utf8'), { relax_column_count: true });
    }, 60_000);
    afterAll(() => {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    test('date columns (signup_date, birth_date, last_login) and all others', () => {
      const header = rows[0]!;
      for (const name of ['signup_date', 'birth_date', 'last_login']) expect(header).toContain(name);
      const byColumn = new Map<string, Tally>();
      for (const r of rows.slice(1)) {
        for (let c = 0; c < r.length; c++) {
          const name = header[c] ?? `col${c}`;
          let t = byColumn.get(name);
          if (t === undefined) byColumn.set(name, (t = tally()));
          check(r[c]!.trim(), t);
        }
      }
      for (const [, t] of byColumn) expect(t.unsound).toEqual([]);
      // the date columns are mostly digit-led dates, all of them let through
      for (const name of ['signup_date', 'birth_date', 'last_login']) expect(byColumn.get(name)!.accepted).toBeGreaterThan(10_000);
      // and the columns this is for are rejected outright
      for (const name of ['ssn', 'street_address', 'ip_address', 'lifetime_value']) {
        const t = byColumn.get(name)!;
        expect(t.rejected).toBeGreaterThan(0.95 * t.checked);
      }
    });
  });
});
