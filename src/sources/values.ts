/**
 * The canonical text form of typed values, so that one table read as CSV, Parquet or Arrow IPC gives the
 * same counts (missing, distinct, min/max, duplicates). Every typed value becomes a `Cell` (string | null):
 *
 * | type                         | text form                                  | example                      |
 * |------------------------------|--------------------------------------------|------------------------------|
 * | null (any type)              | `null` (a true null, never the text "null") |                              |
 * | string                       | as stored                                  | `Zoë`                        |
 * | integer (8–64 bit, signed or unsigned) | decimal digits, `-` sign         | `-42`, `18446744073709551615` |
 * | float / double / half        | JS `String(n)` (float32: shortest text that reads back to the same float32); `NaN`, `Infinity`, `-Infinity`; -0 → `0` | `0.1`, `1e+21`   |
 * | boolean                      | `true` / `false`                           |                              |
 * | decimal                      | exact decimal text, scale digits kept      | `123.40`, `-0.05`            |
 * | date                         | `yyyy-MM-dd` (proleptic Gregorian; years outside 0000–9999 as `+yyyyyy`/`-yyyyyy`) | `2024-02-29` |
 * | timestamp                    | `yyyy-MM-ddTHH:mm:ss[.f…]` + `Z` when the type is UTC-adjusted (Parquet isAdjustedToUTC, Arrow timezone set: shown in UTC); fraction trimmed of trailing zeros, dropped when zero | `2024-02-29T13:05:00.25Z` |
 * | time of day                  | `HH:mm:ss[.f…]`, fraction as for timestamps | `23:59:59.999999`           |
 * | binary                       | the text when the bytes are valid UTF-8, else `0x` + lowercase hex | `0x00ff10` |
 * | duration                     | integer count in the column's unit          | `1500`                       |
 * | list / struct / map / union / interval | compact JSON (keys in schema order; bigints as bare numbers; dates, timestamps as above) | `[1,2,null]`, `{"a":1}` |
 *
 * Documented differences from the same table as CSV: a CSV cell is whatever text the writer chose (a date
 * may be `02/29/2024`, a timestamp `2024-02-29 13:05:00`, a float `0.10`), and an empty CSV field is ''
 * while a Parquet/Arrow null is null. Counts agree when the CSV was written in the forms above (ISO dates,
 * shortest round-trip floats, 'T' in timestamps, 'true'/'false'); otherwise only null-vs-empty and value
 * spelling differ, never row or column counts.
 *
 * Binary decision: most BYTE_ARRAY columns without a string annotation are strings written by old tools
 * (Impala, Hive), so valid UTF-8 shows as text; anything else as hex, never as replacement characters.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function formatFloat(n: number): string {
  return String(n); // String(-0) is '0', String(NaN) is 'NaN'
}

/** A float32 value as the shortest decimal that reads back to the same float32 (0.1f → '0.1', not 0.10000000149011612). */
export function formatFloat32(n: number): string {
  if (!Number.isFinite(n) || Number.isInteger(n)) return String(n);
  for (let p = 1; p < 9; p++) {
    const shorter = Number(n.toPrecision(p));
    if (Math.fround(shorter) === n) return String(shorter);
  }
  return String(Number(n.toPrecision(9)));
}

export function formatBinary(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return toHex(bytes);
  }
}

export function toHex(bytes: Uint8Array): string {
  let s = '0x';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i]];
  return s;
}

/** Exact text of `unscaled × 10^-scale`. */
export function formatDecimal(unscaled: bigint | number, scale: number): string {
  // integers within ±2^53 print exactly as numbers, which is much cheaper than BigInt#toString
  const small = typeof unscaled === 'number' ? Number.isSafeInteger(unscaled) : unscaled >= -9007199254740991n && unscaled <= 9007199254740991n;
  let digits = small ? String(Number(unscaled)) : typeof unscaled === 'bigint' ? unscaled.toString() : BigInt(Math.trunc(unscaled)).toString();
  let sign = '';
  if (digits.startsWith('-')) {
    sign = '-';
    digits = digits.slice(1);
  }
  if (scale <= 0) return sign + (digits === '0' ? '0' : digits + '0'.repeat(-scale));
  if (digits.length <= scale) digits = '0'.repeat(scale - digits.length + 1) + digits;
  const cut = digits.length - scale;
  return sign + digits.slice(0, cut) + '.' + digits.slice(cut);
}

/** Big-endian two's-complement bytes (Parquet BYTE_ARRAY / FIXED_LEN_BYTE_ARRAY decimal) to bigint. */
export function bigintFromBigEndian(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  let value = 0n;
  // 6 bytes at a time keeps the BigInt work small for the usual 16-byte decimals
  let i = 0;
  const head = bytes.length % 6;
  for (; i < head; i++) value = (value << 8n) | BigInt(bytes[i]);
  for (; i < bytes.length; i += 6) {
    const chunk = bytes[i] * 2 ** 40 + bytes[i + 1] * 2 ** 32 + ((bytes[i + 2] << 24) >>> 0) + (bytes[i + 3] << 16) + (bytes[i + 4] << 8) + bytes[i + 5];
    value = (value << 48n) | BigInt(chunk);
  }
  if (bytes[0] & 0x80) value -= 1n << BigInt(bytes.length * 8);
  return value;
}

/** Little-endian two's-complement 32-bit words (Arrow decimal buffers) to bigint. */
export function bigintFromLittleEndianWords(words: Uint32Array, offset: number, count: number): bigint {
  let value = 0n;
  for (let i = count - 1; i >= 0; i--) value = (value << 32n) | BigInt(words[offset + i]);
  if (words[offset + count - 1] & 0x80000000) value -= 1n << BigInt(count * 32);
  return value;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

function formatYear(y: number): string {
  if (y >= 0 && y <= 9999) return y < 1000 ? String(y).padStart(4, '0') : String(y);
  return (y < 0 ? '-' : '+') + String(Math.abs(y)).padStart(6, '0');
}

/** Days since 1970-01-01 to `yyyy-MM-dd` (Howard Hinnant's civil_from_days). */
export function formatDateFromDays(days: number): string {
  if (!Number.isFinite(days)) return String(days);
  const z = Math.floor(days) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return formatYear(y) + '-' + pad2(m) + '-' + pad2(d);
}

export type TimeUnitName = 's' | 'ms' | 'us' | 'ns';
const UNIT_DIGITS: Record<TimeUnitName, number> = { s: 0, ms: 3, us: 6, ns: 9 };
const UNIT_PER_SECOND: Record<TimeUnitName, number> = { s: 1, ms: 1e3, us: 1e6, ns: 1e9 };
const UNIT_PER_SECOND_BIG: Record<TimeUnitName, bigint> = { s: 1n, ms: 1000n, us: 1000000n, ns: 1000000000n };

/** Split a count of `unit` since the epoch into whole seconds (floored) and the non-negative remainder. */
function splitSeconds(value: bigint | number, unit: TimeUnitName): [number, number] {
  const per = UNIT_PER_SECOND[unit];
  if (typeof value === 'number' || (value >= -9007199254740991n && value <= 9007199254740991n)) {
    const n = Number(value);
    const sec = Math.floor(n / per);
    return [sec, n - sec * per];
  }
  const perBig = UNIT_PER_SECOND_BIG[unit];
  let sec = value / perBig;
  let rem = value % perBig;
  if (rem < 0n) {
    rem += perBig;
    sec -= 1n;
  }
  return [Number(sec), Number(rem)];
}

function formatFraction(rem: number, unit: TimeUnitName): string {
  if (rem === 0) return '';
  let s = String(rem).padStart(UNIT_DIGITS[unit], '0');
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
  return '.' + s.slice(0, end);
}

// consecutive timestamps usually fall on the same day: remember the last day's text
let lastDay = NaN;
let lastDayText = '';

/** Count of `unit` since the epoch to ISO 8601; `Z` suffix iff `utc`. */
export function formatTimestamp(value: bigint | number, unit: TimeUnitName, utc: boolean): string {
  const [sec, rem] = splitSeconds(value, unit);
  const days = Math.floor(sec / 86400);
  if (days !== lastDay) {
    lastDay = days;
    lastDayText = formatDateFromDays(days);
  }
  const s = sec - days * 86400;
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  return lastDayText + 'T' + pad2(hh) + ':' + pad2(mm) + ':' + pad2(ss) + formatFraction(rem, unit) + (utc ? 'Z' : '');
}

/** Time of day (count of `unit` since midnight) to `HH:mm:ss[.f…]`. */
export function formatTimeOfDay(value: bigint | number, unit: TimeUnitName): string {
  const [sec, rem] = splitSeconds(value, unit);
  const hh = Math.floor(sec / 3600);
  const mm = Math.floor((sec % 3600) / 60);
  const ss = ((sec % 60) + 60) % 60;
  return pad2(hh) + ':' + pad2(mm) + ':' + pad2(ss) + formatFraction(rem, unit);
}

/** A JS Date (from hyparquet's nested assembly) to the timestamp form, UTC. */
export function formatDate(d: Date): string {
  const t = d.getTime();
  if (Number.isNaN(t)) return 'Invalid Date';
  return formatTimestamp(t, 'ms', true);
}

/**
 * Generic fallback: any decoded value to its Cell. Typed readers use the specific formatters above on
 * their hot paths; this one handles what nested assembly hands back.
 */
export function toCell(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return formatFloat(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      if (value instanceof Uint8Array) return formatBinary(value);
      if (value instanceof Date) return formatDate(value);
      return toJsonText(value);
  }
}

/** Compact JSON for nested values: bigints as bare numbers, NaN/Infinity as strings, bytes per formatBinary. */
export function toJsonText(value: unknown): string {
  const out: string[] = [];
  writeJson(value, out, 0);
  return out.join('');
}

const MAX_JSON_DEPTH = 64;

function writeJson(value: unknown, out: string[], depth: number): void {
  if (depth > MAX_JSON_DEPTH) {
    out.push('"…"');
    return;
  }
  if (value === null || value === undefined) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'number':
      out.push(Number.isFinite(value) ? String(value) : JSON.stringify(String(value)));
      return;
    case 'bigint':
      out.push(value.toString());
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
  }
  if (value instanceof Uint8Array) {
    out.push(JSON.stringify(formatBinary(value)));
    return;
  }
  if (value instanceof Date) {
    out.push(JSON.stringify(formatDate(value)));
    return;
  }
  if (ArrayBuffer.isView(value) && 'length' in value) {
    writeArray(value as unknown as ArrayLike<unknown>, out, depth);
    return;
  }
  if (Array.isArray(value)) {
    writeArray(value, out, depth);
    return;
  }
  if (value instanceof Map) {
    out.push('{');
    let first = true;
    for (const [k, v] of value) {
      if (!first) out.push(',');
      first = false;
      out.push(JSON.stringify(typeof k === 'string' ? k : toCell(k) ?? 'null'), ':');
      writeJson(v, out, depth + 1);
    }
    out.push('}');
    return;
  }
  const maybeJson = value as { toJSON?: () => unknown };
  if (typeof maybeJson.toJSON === 'function' && !isPlainObject(value)) {
    writeJson(maybeJson.toJSON(), out, depth + 1);
    return;
  }
  out.push('{');
  let first = true;
  for (const k of Object.keys(value as object)) {
    if (!first) out.push(',');
    first = false;
    out.push(JSON.stringify(k), ':');
    writeJson((value as Record<string, unknown>)[k], out, depth + 1);
  }
  out.push('}');
}

function writeArray(value: ArrayLike<unknown>, out: string[], depth: number): void {
  out.push('[');
  for (let i = 0; i < value.length; i++) {
    if (i) out.push(',');
    writeJson(value[i], out, depth + 1);
  }
  out.push(']');
}

function isPlainObject(value: unknown): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
