/**
 * Labelled columns for the date detector, generated from a fixed seed: single-format columns of many
 * patterns (rendered with date-fns `format`, so the pattern is the truth), mixed-format columns, and hard
 * negatives that look a bit like dates (versions, phones, ZIPs, decimals, codes, ids, epoch-sized integers
 * under names that do not suggest time).
 */
import { format } from 'date-fns';

export interface LabelledColumn {
  id: string;
  column: string;
  values: (string | null)[];
  dateLike: boolean;
  inconsistent: boolean;
  /** Expected dominant pattern (single-format positives only). */
  dominant?: string;
  /** Expected sentinel counts, when the column holds some. */
  sentinels?: Record<string, number>;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const N = 200;

export function labelledColumns(seed = 20261127): LabelledColumn[] {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  /** Local wall-clock date; formatted in local time too, so the process zone does not matter. */
  const randomDate = (fromYear = 1950, toYear = 2030): Date =>
    new Date(int(fromYear, toYear), int(0, 11), int(1, 28), int(0, 23), int(0, 59), int(0, 59), int(0, 999));
  const offsets = ['Z', '+05:30', '-08:00', '+01:00', '-03:00', '+09:00'];
  const render = (pattern: string, d: Date): string => {
    switch (pattern) {
      case 'iso-offset':
        return format(d, "yyyy-MM-dd'T'HH:mm:ss") + pick(offsets);
      case 'iso-offset-ms':
        return format(d, "yyyy-MM-dd'T'HH:mm:ss.SSS") + pick(offsets);
      case 'iso-offset-hh':
        return format(d, "yyyy-MM-dd'T'HH:mm:ss") + pick(['+05', '-08', '+01', 'Z']);
      case 'rfc2822':
        return format(d, 'EEE, dd MMM yyyy HH:mm:ss') + ' ' + pick(['+0000', '-0500', '+0100']);
      case 'epoch-s':
        return String(Math.floor(Date.UTC(int(2005, 2025), int(0, 11), int(1, 28), int(0, 23)) / 1000) + int(0, 86399));
      case 'epoch-ms':
        return String(Date.UTC(int(2005, 2025), int(0, 11), int(1, 28), int(0, 23)) + int(0, 86_399_999));
      default:
        return format(d, pattern);
    }
  };
  const columnOf = (patterns: [string, number][], n = N, noise = 0): (string | null)[] => {
    // patterns with weights; each value drawn independently, but every pattern appears at least once
    const total = patterns.reduce((s, [, w]) => s + w, 0);
    const out: (string | null)[] = patterns.map(([p]) => render(p, randomDate()));
    while (out.length < n) {
      if (noise > 0 && rnd() < noise) {
        out.push(pick(['', null, 'N/A', ' ', 'null']));
        continue;
      }
      let r = rnd() * total;
      let p = patterns[0]![0];
      for (const [q, w] of patterns) {
        r -= w;
        if (r <= 0) {
          p = q;
          break;
        }
      }
      out.push(render(p, randomDate()));
    }
    // deterministic shuffle so the odd values are not all at the top
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };

  const cols: LabelledColumn[] = [];

  // ---- single-format positives: [pattern, expected dominant, column name]
  const singles: [string, string, string][] = [
    ['yyyy-MM-dd', 'yyyy-MM-dd', 'order_date'],
    ['M/d/yyyy', 'M/d/yyyy', 'signup'],
    ['MM/dd/yyyy', 'MM/dd/yyyy', 'invoice_date'],
    ['d/M/yyyy', 'd/M/yyyy', 'datum'],
    ['dd/MM/yyyy', 'dd/MM/yyyy', 'payment date'],
    ['d.M.yyyy', 'd.M.yyyy', 'Datum'],
    ['dd.MM.yyyy', 'dd.MM.yyyy', 'Geburtsdatum'],
    ['dd-MM-yyyy', 'dd-MM-yyyy', 'fecha'],
    ['MM-dd-yyyy', 'MM-dd-yyyy', 'shipped'],
    ['MMM d yyyy', 'MMM d yyyy', 'published'],
    ['MMM d, yyyy', 'MMM d, yyyy', 'released'],
    ['d MMMM yyyy', 'd MMMM yyyy', 'event'],
    ['MMMM d, yyyy', 'MMMM d, yyyy', 'hired'],
    ['dd-MMM-yy', 'dd-MMM-yy', 'FILING_DATE'],
    ['dd-MMM-yyyy', 'dd-MMM-yyyy', 'closing'],
    ['MM/dd/yy', 'MM/dd/yy', 'visit'],
    ['dd/MM/yy', 'dd/MM/yy', 'arrival'],
    ['M/d/yy', 'M/d/yy', 'when'],
    ['yyyy/MM/dd', 'yyyy/MM/dd', 'date_maj'],
    ['yyyy.MM.dd', 'yyyy.MM.dd', 'd'],
    ['yy.MM.dd', 'yy.MM.dd', 'd2'],
    ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm:ss', 'updated'],
    ['yyyy-MM-dd HH:mm', 'yyyy-MM-dd HH:mm', 'slot'],
    ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", 'start'],
    ['iso-offset', "yyyy-MM-dd'T'HH:mm:ssXXX", 'created_at'],
    ['iso-offset-ms', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", 'logged'],
    ['iso-offset-hh', "yyyy-MM-dd'T'HH:mm:ssX", 'seen'],
    ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ssXXX", 'modified'],
    ['yyyy-MM-dd HH:mm:ss.SSSSSS', 'yyyy-MM-dd HH:mm:ss.SSSSSS', 'ts'],
    ['M/d/yyyy h:mm a', 'M/d/yyyy h:mm a', 'Date_Time'],
    ['dd/MM/yyyy HH:mm', 'dd/MM/yyyy HH:mm', 'Zeit'],
    ['rfc2822', 'EEE, dd MMM yyyy HH:mm:ss XX', 'Date'],
    ['yyyyMMdd', 'yyyyMMdd', 'date_of_birth'],
    ['yyyy年M月d日', 'yyyy年M月d日', '日付'],
    ['epoch-s', 't', 'created_at'],
    ['epoch-ms', 'T', 'event_ts'],
  ];
  for (const [p, dom, name] of singles) {
    cols.push({ id: `single:${p}`, column: name, values: columnOf([[p, 1]]), dateLike: true, inconsistent: false, dominant: dom });
  }
  // the same with missing placeholders mixed in
  for (const [p, dom, name] of singles.filter((_, i) => i % 4 === 0)) {
    cols.push({ id: `single+noise:${p}`, column: name, values: columnOf([[p, 1]], N, 0.15), dateLike: true, inconsistent: false, dominant: dom });
  }
  // sentinels: 1900-01-01 in a birth date column, 9999-12-31 in a validity column, 0000-00-00 zero dates
  {
    const v = columnOf([['yyyy-MM-dd', 1]]);
    for (let i = 0; i < 12; i++) v[i * 7] = '1900-01-01';
    cols.push({ id: 'sentinel:1900', column: 'dob', values: v, dateLike: true, inconsistent: false, dominant: 'yyyy-MM-dd', sentinels: { '1900-01-01': 12 } });
    const w = columnOf([['MM/dd/yyyy', 1]]);
    for (let i = 0; i < 9; i++) w[i * 11] = '12/31/9999';
    for (let i = 0; i < 4; i++) w[i * 11 + 3] = '0000-00-00';
    cols.push({ id: 'sentinel:9999+zero', column: 'valid_to', values: w, dateLike: true, inconsistent: false, dominant: 'MM/dd/yyyy', sentinels: { '0000-00-00': 4, '9999-12-31': 9 } });
    const x = columnOf([['yyyy-MM-dd', 1]]).map((s, i) => (i % 25 === 0 ? '2099-12-31' : s));
    cols.push({ id: 'sentinel:2099-isolated', column: 'contract_end', values: x, dateLike: true, inconsistent: false, dominant: 'yyyy-MM-dd', sentinels: { '2099-12-31': 8 } });
  }

  // ---- mixed-format columns: [[pattern, weight]...], name
  const mixes: [[string, number][], string][] = [
    [[['yyyy-MM-dd', 199]], 'B'], // placeholder replaced below by an exact 1-value minority
    [[['yyyy-MM-dd', 95], ["yyyy-MM-dd'T'HH:mm:ss'Z'", 5]], 'created'],
    [[['yyyy-MM-dd HH:mm:ss', 90], ["yyyy-MM-dd'T'HH:mm:ss", 10]], 'updated_at'],
    [[['dd/MM/yyyy', 70], ['MM/dd/yyyy', 30]], 'date'],
    [[['MM/dd/yyyy', 90], ['MM/dd/yy', 10]], 'visit_date'],
    [[['MMM d, yyyy', 80], ['yyyy-MM-dd', 20]], 'published'],
    [[['d MMMM yyyy', 85], ['dd/MM/yyyy', 15]], 'event'],
    [[['yyyy-MM-dd HH:mm:ss', 90], ['yyyy-MM-dd HH:mm', 10]], 'ts'],
    [[['iso-offset', 80], ['iso-offset-hh', 20]], 'created_at'],
    [[['epoch-s', 90], ['epoch-ms', 10]], 'event_time'],
    [[['iso-offset-ms', 90], ['iso-offset', 10]], 'logged'],
    [[['M/d/yyyy h:mm a', 90], ['M/d/yyyy H:mm', 10]], 'Date_Time'],
    [[['yyyy-MM-dd', 95], ['yyyyMMdd', 5]], 'order_date'],
    [[['yyyy/MM/dd', 50], ['yyyy-MM-dd', 50]], 'date_maj'],
    [[['yyyy-MM-dd', 60], ['M/d/yyyy', 20], ['d MMM yyyy', 20]], 'mixed'],
    [[['dd.MM.yyyy', 95], ['dd.MM.yyyy HH:mm:ss', 5]], 'Zeit [MEZ]'],
    [[['yyyy-MM-dd', 97], ['dd-MMM-yy', 3]], 'closing'],
    [[['MM-dd-yy', 90], ['yyyy-MM-dd', 10]], 'shipped'],
    [[['d.M.yyyy', 80], ['d/M/yyyy', 20]], 'datum'],
    [[["yyyy-MM-dd'T'HH:mm:ss", 50], ['iso-offset', 50]], 'time'],
  ];
  for (const [ps, name] of mixes) {
    const values = columnOf(ps);
    if (ps.length === 1) values[int(0, N - 1)] = format(randomDate(), 'MM/dd/yyyy');
    cols.push({ id: `mixed:${ps.map((p) => p[0]).join('+')}`, column: name, values, dateLike: true, inconsistent: true });
  }
  // a 1-value minority of each of several kinds
  for (const [major, minor, name] of [
    ['yyyy-MM-dd', 'dd.MM.yyyy', 'day'],
    ['MM/dd/yyyy', 'yyyy-MM-dd', 'date'],
    ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd', 'created'],
    ["yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", 'updated'],
  ] as const) {
    const values = columnOf([[major, 1]]);
    values[int(0, N - 1)] = format(randomDate(), minor);
    cols.push({ id: `mixed1:${major}+${minor}`, column: name, values, dateLike: true, inconsistent: true });
  }

  // ---- hard negatives
  const neg = (id: string, column: string, gen: () => string | null): void => {
    const values: (string | null)[] = [];
    for (let i = 0; i < N; i++) values.push(gen());
    cols.push({ id: `neg:${id}`, column, values, dateLike: false, inconsistent: false });
  };
  const digitsOf = (n: number): string => {
    let s = String(int(1, 9));
    while (s.length < n) s += String(int(0, 9));
    return s;
  };
  neg('semver', 'version', () => `${int(0, 15)}.${int(0, 20)}.${int(0, 30)}`);
  neg('semver-2digit', 'firmware_version', () => `${int(1, 31)}.${int(1, 12)}.${int(10, 99)}`.replace(/^(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c) => (rnd() < 0.5 ? `${a}.${b}.${c}` : `${a}.${b}.${c}.${int(0, 9)}`)));
  neg('phone-dash', 'phone', () => `${digitsOf(3)}-${digitsOf(3)}-${digitsOf(4)}`);
  neg('phone-paren', 'phone', () => `(${digitsOf(3)}) ${digitsOf(3)}-${digitsOf(4)}`);
  neg('phone-dots', 'tel', () => `${digitsOf(3)}.${digitsOf(3)}.${digitsOf(4)}`);
  neg('phone-e164', 'mobile', () => `+${digitsOf(11)}`);
  neg('phone-intl', 'phone', () => `+44 ${digitsOf(4)} ${digitsOf(6)}`);
  neg('zip5', 'zip', () => String(int(501, 99950)).padStart(5, '0'));
  neg('zip+4', 'zip', () => `${String(int(501, 99950)).padStart(5, '0')}-${String(int(0, 9999)).padStart(4, '0')}`);
  neg('decimal', 'price', () => `${int(0, 99)}.${String(int(0, 99)).padStart(2, '0')}`);
  neg('decimal-dm', 'ratio', () => `${int(1, 31)}.${String(int(1, 12)).padStart(2, '0')}`);
  neg('money', 'amount', () => `$${int(1, 999)}.${String(int(0, 99)).padStart(2, '0')}`);
  neg('product-code', 'sku', () => `${pick(['AB', 'XK', 'MD', 'JX'])}-${digitsOf(4)}-${pick(['A', 'B', 'C'])}`);
  neg('code-year', 'code', () => `SKU-${int(2019, 2025)}-${String(int(1, 999)).padStart(4, '0')}`);
  neg('code-num-dash', 'part_no', () => `${int(1, 12)}-${int(1, 28)}-${int(100, 999)}`);
  neg('int-seq', 'id', (() => {
    let i = 0;
    return () => String(++i);
  })());
  neg('int-6', 'customer_id', () => digitsOf(6));
  neg('int-10-id', 'user_id', () => String(int(1_000_000_000, 1_700_000_000)));
  neg('int-10-amount', 'amount_cents', () => String(int(1_000_000_000, 1_700_000_000)));
  neg('int-13-barcode', 'barcode', () => '4' + digitsOf(12));
  neg('int-8-order', 'order_no', () => digitsOf(8));
  neg('int-8-dateish-noname', 'ref', () => String(int(19_000_000, 20_999_999)));
  neg('created_by', 'created_by', () => String(int(1, 500)));
  neg('time-only', 'start_time', () => `${String(int(0, 23)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:00`);
  neg('ipv4', 'ip', () => `${int(1, 223)}.${int(0, 255)}.${int(0, 255)}.${int(0, 255)}`);
  neg('fraction', 'share', () => `${int(1, 9)}/${int(2, 12)}`);
  neg('score', 'result', () => `${int(0, 9)}-${int(0, 9)}`);
  neg('percent', 'growth', () => `${int(0, 99)}.${int(0, 9)}%`);
  neg('isbn', 'isbn', () => `978-${int(0, 9)}-${digitsOf(2)}-${digitsOf(6)}-${int(0, 9)}`);
  neg('month-names', 'month', () => pick(['January', 'February', 'March', 'April', 'May', 'June', 'July']));
  neg('names', 'name', () => pick(['Maria', 'John', 'Anna', 'Juan', 'Mohamed', 'Sofia', 'Tom', 'Dana']));
  neg('quarter', 'period', () => `Q${int(1, 4)} ${int(2015, 2025)}`);
  neg('free-text', 'comment', () => pick(['Meeting moved to next week', 'Shipped 3 items on time', 'Order 2024-001 pending', 'See ticket 12/05', 'ok']));
  neg('half-dates', 'mixed', () => (rnd() < 0.5 ? format(randomDate(), 'MM/dd/yyyy') : `${int(0, 99)}.${int(0, 99)}`));
  neg('epoch-sized-no-name', 'value', () => String(int(1_200_000_000, 1_700_000_000)));
  neg('coords', 'latitude', () => `${int(-89, 89)}.${digitsOf(4)}`);
  neg('dims', 'size', () => `${int(1, 99)}x${int(1, 99)}x${int(1, 99)}`);
  return cols;
}
