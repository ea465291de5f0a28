#!/usr/bin/env node
// Messy customer/warehouse CSV export generator, with a ground-truth file for scoring dataready's detectors.
//
//   node scripts/gen-export.mjs --rows N --seed S --out FILE [--truth FILE.json] [--crlf] [--threads N]
//
// --out - writes to stdout. --threads (default: cores, at most 4) sets how many worker threads make blocks
// of 50,000 records; the output does not depend on it.
//
// The committed sample was made with exactly:
//
//   node scripts/gen-export.mjs --rows 2000 --seed 42 --out samples/customers.csv --truth samples/customers.truth.json
//
// Plain Node ESM, no dependencies. Deterministic: the same (rows, seed, crlf) give the same bytes on every
// machine and with any --threads (sfc32 PRNG, one stream per 50,000-record block; no Date, no Math.random, no
// locale-dependent calls). Each block is built into one buffer and written in block order with large
// synchronous writes.
// All personal data is synthetic: names, streets and cities come from the small lists below, e-mail domains
// are example.* domains, card numbers / IBANs / SSNs are random digits with computed check digits.
//
// Ground truth (--truth): per column the PII kind (or null), date format counts and whether they are
// inconsistent, disguised-null tokens and their counts (a cell counts as the token when cell.trim() equals
// it, case-sensitive), empty and whitespace-only cells, and the duplicate clusters by 1-based data record
// number (header not counted). Counts are taken from the cells as they are written, after all edits.
// See samples/README.md for the truth file's layout.

import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const GENERATOR_VERSION = 1;

// ---------------------------------------------------------------------------------------------- arguments

function parseArgs(argv) {
  const opts = { rows: NaN, seed: 42, out: '', truth: '', crlf: false, threads: Math.min(availableParallelism(), 4), blockRows: 50_000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      return v;
    };
    if (a === '--rows') opts.rows = Number(val());
    else if (a === '--seed') opts.seed = val();
    else if (a === '--out') opts.out = val();
    else if (a === '--truth') opts.truth = val();
    else if (a === '--crlf') opts.crlf = true;
    else if (a === '--threads') opts.threads = Number(val());
    else if (a === '--block-rows') opts.blockRows = Number(val()); // for tests only: changes the output
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: node scripts/gen-export.mjs --rows N --seed S --out FILE [--truth FILE.json] [--crlf] [--threads N]\n');
      process.exit(0);
    } else fail(`unknown argument ${a}`);
  }
  if (!Number.isInteger(opts.rows) || opts.rows < 1) fail('--rows must be a positive integer');
  if (!opts.out) fail('--out FILE is required');
  if (!Number.isInteger(opts.threads) || opts.threads < 1) fail('--threads must be a positive integer');
  if (!Number.isInteger(opts.blockRows) || opts.blockRows < 100) fail('--block-rows must be an integer >= 100');
  return opts;
}

function fail(msg) {
  process.stderr.write(`gen-export: ${msg}\n`);
  process.exit(2);
}

/** Numeric seeds are used as they are; any other text is hashed (FNV-1a) to 32 bits. */
function seedToInt(seed) {
  const s = String(seed);
  if (/^\d+$/.test(s)) return Number(BigInt(s) & 0xffffffffn);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// --------------------------------------------------------------------------------------------------- PRNG

let next32 = () => 0;

/** sfc32, state expanded from one 32-bit seed with splitmix32. */
function seedRng(seed) {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix(), b = splitmix(), c = splitmix(), d = splitmix();
  next32 = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) next32();
}

const rnd = () => next32() / 4294967296;
const ri = (n) => Math.floor(rnd() * n);
const chance = (p) => rnd() < p;
const pick = (arr) => arr[ri(arr.length)];
// Zero-padded digit strings, so that random digits are table look-ups instead of number-to-string calls.
const PAD4 = Array.from({ length: 10000 }, (_, i) => String(i).padStart(4, '0'));
const PAD3 = PAD4.slice(0, 1000).map((s) => s.slice(1));
const PAD1 = '0123456789'.split('');
/** n random decimal digits (leading zeros kept). */
const digits = (n) => {
  let s = '';
  for (; n >= 4; n -= 4) s += PAD4[ri(10000)];
  if (n === 3) s += PAD3[ri(1000)];
  else if (n === 2) s += PAD4[ri(100)].slice(2);
  else if (n === 1) s += PAD1[ri(10)];
  return s;
};

// ------------------------------------------------------------------------------------------- source lists

const FIRST = [
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth',
  'David', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen',
  'Christopher', 'Nancy', 'Daniel', 'Lisa', 'Matthew', 'Betty', 'Anthony', 'Margaret', 'Mark', 'Sandra',
  'Donald', 'Ashley', 'Steven', 'Kimberly', 'Paul', 'Emily', 'Andrew', 'Donna', 'Joshua', 'Michelle',
  'Kevin', 'Carol', 'Brian', 'Amanda', 'George', 'Melissa', 'Edward', 'Deborah', 'Ana', 'Luis',
  'Mei', 'Wei', 'Priya', 'Raj', 'Fatima', 'Omar', 'Aisha', 'Hiroshi', 'Yuki', 'Olga',
  'Ivan', 'Siobhan', 'José', 'Zoë', 'Renée', 'François', 'Chloé', 'Björn', 'Mary Ann', 'Jean-Luc',
];
const LAST = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  "O'Brien", "O'Connor", 'Müller', 'Schmidt', 'Van der Berg', 'De la Cruz', 'Smith-Jones', 'Kowalski', 'Nowak', 'Rossi',
  'Dubois', 'Kim', 'Park', 'Chen', 'Wang', 'Singh', 'Patel', 'Ivanova', 'Yamamoto', 'Støre',
];
const ASCII_FOLD = { é: 'e', ë: 'e', ç: 'c', ö: 'o', ü: 'u', ø: 'o' };
const STREET_NAMES = [
  'Main', 'Oak', 'Pine', 'Maple', 'Cedar', 'Elm', 'Washington', 'Lake', 'Hill', 'Park', 'Sunset', 'Lincoln',
  'Jackson', 'Church', 'River', 'Highland', 'Forest', 'Meadow', 'Spring', 'Chestnut', 'Walnut', 'Willow',
  'Mill', 'Franklin', 'Madison', 'Jefferson', 'Ridge', 'Valley', 'Center', 'Harbor', 'Prospect', 'Summit',
];
// [full, abbreviations...]; the near-duplicate edit swaps between a full form and an abbreviation.
const STREET_TYPES = [
  ['Street', 'St.', 'St'], ['Road', 'Rd', 'Rd.'], ['Avenue', 'Ave.', 'Ave'], ['Drive', 'Dr.', 'Dr'],
  ['Lane', 'Ln', 'Ln.'], ['Boulevard', 'Blvd.', 'Blvd'], ['Court', 'Ct', 'Ct.'],
];
const STREET_TYPE_RE = / (Street|Road|Avenue|Drive|Lane|Boulevard|Court|St\.?|Rd\.?|Ave\.?|Dr\.?|Ln\.?|Blvd\.?|Ct\.?)(?=$|,)/;
const STREET_TYPE_INDEX = new Map();
STREET_TYPES.forEach((forms, i) => forms.forEach((f) => STREET_TYPE_INDEX.set(f, i)));
// [city, state, first three ZIP digits]; New England and New Jersey ZIPs start with 0.
const CITIES = [
  ['Boston', 'MA', '021'], ['Springfield', 'MA', '011'], ['Worcester', 'MA', '016'], ['Providence', 'RI', '029'],
  ['Hartford', 'CT', '061'], ['New Haven', 'CT', '065'], ['Newark', 'NJ', '071'], ['Trenton', 'NJ', '086'],
  ['Portland', 'ME', '041'], ['Burlington', 'VT', '054'], ['Manchester', 'NH', '031'], ['New York', 'NY', '100'],
  ['Buffalo', 'NY', '142'], ['Philadelphia', 'PA', '191'], ['Pittsburgh', 'PA', '152'], ['Baltimore', 'MD', '212'],
  ['Richmond', 'VA', '232'], ['Atlanta', 'GA', '303'], ['Miami', 'FL', '331'], ['Orlando', 'FL', '328'],
  ['Chicago', 'IL', '606'], ['Springfield', 'IL', '627'], ['Detroit', 'MI', '482'], ['Columbus', 'OH', '432'],
  ['Minneapolis', 'MN', '554'], ['Dallas', 'TX', '752'], ['Houston', 'TX', '770'], ['Austin', 'TX', '787'],
  ['Denver', 'CO', '802'], ['Phoenix', 'AZ', '850'], ['Las Vegas', 'NV', '891'], ['Seattle', 'WA', '981'],
  ['Portland', 'OR', '972'], ['San Francisco', 'CA', '941'], ['Los Angeles', 'CA', '900'], ['San Diego', 'CA', '921'],
];
const AREA_CODES = [
  '212', '213', '202', '305', '312', '404', '415', '503', '512', '602', '617', '702', '713', '718', '720', '206',
  '303', '214', '216', '614', '615', '919', '980', '860', '401', '207', '802', '603', '973', '609', '410', '804',
];
const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com', 'example.co.uk'];

const NULL_TOKENS = ['N/A', '-', 'null', 'NULL', 'None', '?', 'unknown', '#N/A', '0000-00-00', '1900-01-01'];
const NULL_TOKEN_SET = new Set(NULL_TOKENS);
// Cheap pre-filter (first character and length) before the Set lookup, which has to hash the string.
const TOKEN_FIRST = new Uint8Array(128);
const TOKEN_LEN = new Uint8Array(17);
for (const t of NULL_TOKENS) { TOKEN_FIRST[t.charCodeAt(0)] = 1; TOKEN_LEN[t.length] = 1; }

const COLUMNS = [
  'customer_id', 'first_name', 'last_name', 'email', 'phone', 'ssn', 'signup_date', 'birth_date',
  'street_address', 'city', 'state', 'zip', 'country', 'credit_card', 'order_ref', 'iban', 'ip_address',
  'lifetime_value', 'order_count', 'is_active', 'email_opt_in', 'notes', 'last_login',
];
const C = Object.fromEntries(COLUMNS.map((c, i) => [c, i]));
const NCOL = COLUMNS.length;

/** What the detectors should find per column; `null` = not PII. */
const PII_KIND = {
  customer_id: null, first_name: 'person_name', last_name: 'person_name', email: 'email', phone: 'phone',
  ssn: 'us_ssn', signup_date: null, birth_date: 'date_of_birth', street_address: 'street_address', city: null,
  state: null, zip: 'postal_code', country: null, credit_card: 'credit_card', order_ref: null, iban: 'iban',
  ip_address: 'ip_address', lifetime_value: null, order_count: null, is_active: null, email_opt_in: null,
  notes: null, last_login: null,
};

// ------------------------------------------------------------------------------------------------- dates

const PAD2 = Array.from({ length: 100 }, (_, i) => (i < 10 ? '0' : '') + i);
const DAY_2015 = 16436; // 2015-01-01 as days since 1970-01-01
const DAY_2025_07 = 20270; // 2025-07-01

// Civil date from days since the epoch (H. Hinnant's algorithm); avoids Date objects in the hot loop.
let cy = 0, cm = 0, cd = 0;
function civil(z) {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  cd = doy - Math.floor((153 * mp + 2) / 5) + 1;
  cm = mp < 10 ? mp + 3 : mp - 9;
  cy = yoe + era * 400 + (cm <= 2 ? 1 : 0);
}

const SIGNUP_FORMATS = ['yyyy-MM-dd', 'M/d/yyyy', 'dd.MM.yyyy', "yyyy-MM-dd'T'HH:mm:ssXXX", 'dd/MM/yyyy'];
const SIGNUP_FORMAT_WEIGHTS = [0.5, 0.2, 0.1, 0.12, 0.08];
const ZONES = ['Z', '+00:00', '+01:00', '+02:00', '-05:00', '-08:00', '+05:30'];

function pickSignupFormat() {
  let u = rnd();
  for (let i = 0; i < SIGNUP_FORMATS.length; i++) {
    if (u < SIGNUP_FORMAT_WEIGHTS[i]) return i;
    u -= SIGNUP_FORMAT_WEIGHTS[i];
  }
  return 0;
}

function formatDate(fmt, day, sec, zone) {
  civil(day);
  switch (fmt) {
    case 0: return `${cy}-${PAD2[cm]}-${PAD2[cd]}`;
    case 1: return `${cm}/${cd}/${cy}`;
    case 2: return `${PAD2[cd]}.${PAD2[cm]}.${cy}`;
    case 3: return `${cy}-${PAD2[cm]}-${PAD2[cd]}T${PAD2[Math.floor(sec / 3600)]}:${PAD2[Math.floor(sec / 60) % 60]}:${PAD2[sec % 60]}${ZONES[zone]}`;
    default: return `${PAD2[cd]}/${PAD2[cm]}/${cy}`;
  }
}

// --------------------------------------------------------------------------------- check-digit helpers

function luhnCheckDigit(body) {
  // Check digit that makes body+digit pass Luhn.
  let sum = 0;
  for (let i = body.length - 1, dbl = true; i >= 0; i--, dbl = !dbl) {
    let v = body.charCodeAt(i) - 48;
    if (dbl) { v *= 2; if (v > 9) v -= 9; }
    sum += v;
  }
  return (10 - (sum % 10)) % 10;
}

function luhnValid(num) {
  let sum = 0;
  for (let i = num.length - 1, dbl = false; i >= 0; i--, dbl = !dbl) {
    let v = num.charCodeAt(i) - 48;
    if (dbl) { v *= 2; if (v > 9) v -= 9; }
    sum += v;
  }
  return num.length > 0 && sum % 10 === 0;
}

function mod97(str) {
  // str: digits and upper-case letters (A=10..Z=35)
  let r = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c >= 65) r = (r * 100 + (c - 55)) % 97;
    else r = (r * 10 + (c - 48)) % 97;
  }
  return r;
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const IBAN_SPECS = [
  ['DE', () => digits(18)],
  ['GB', () => pick(['NWBK', 'BARC', 'LOYD', 'MIDL']) + digits(14)],
  ['NL', () => pick(['ABNA', 'INGB', 'RABO', 'TRIO']) + digits(10)],
];

function makeIban() {
  const [cc, bbanFn] = pick(IBAN_SPECS);
  const bban = bbanFn();
  const check = 98 - mod97(bban + cc + '00');
  const iban = cc + PAD2[check] + bban;
  if (chance(0.6)) return iban;
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}

// ---------------------------------------------------------------------------------------------- fields

function fold(s) {
  let out = '';
  for (const ch of s) out += ASCII_FOLD[ch] ?? ch;
  return out;
}
// E-mail local parts, folded once per name rather than once per row.
const localPart = (name) => fold(name.toLowerCase()).replace(/[^a-z]/g, '');
const LOCAL = new Map([...FIRST, ...LAST].map((n) => [n, localPart(n)]));

function makeEmail(first, last) {
  const f = LOCAL.get(first) ?? localPart(first);
  const l = LOCAL.get(last) ?? localPart(last);
  let local;
  switch (ri(6)) {
    case 0: local = `${f}.${l}`; break;
    case 1: local = f + l; break;
    case 2: local = `${f[0]}.${l}`; break;
    case 3: local = `${f}_${l}`; break;
    case 4: local = `${f}.${l}+${ri(100)}`; break;
    default: local = f[0] + l + PAD2[ri(100)];
  }
  let email = `${local}@${pick(EMAIL_DOMAINS)}`;
  const u = rnd();
  if (u < 0.02) email = email.toUpperCase();
  else if (u < 0.03) email = email.replace('@', ''); // malformed: missing @
  else if (u < 0.035) email = email.replace('@', '@@');
  return email;
}

const PHONE_FORMATS = 8;
function formatPhone(fmt, a, e, l) {
  switch (fmt) {
    case 0: return `(${a}) ${e}-${l}`;
    case 1: return `${a}-${e}-${l}`;
    case 2: return `${a}.${e}.${l}`;
    case 3: return `+1 ${a} ${e} ${l}`;
    case 4: return `+1-${a}-${e}-${l}`;
    case 5: return a + e + l;
    case 6: return `1 (${a}) ${e}-${l}`;
    default: return `${a}-${e}-${l} x${100 + ri(900)}`;
  }
}

function makePhone() {
  if (chance(0.02)) return `+44 20 7946 0${digits(3)}`; // UK drama-range numbers
  const exch = String(2 + ri(8)) + digits(2);
  return formatPhone(ri(PHONE_FORMATS), pick(AREA_CODES), exch, digits(4));
}

function makeSsn() {
  let area = 1 + ri(899);
  if (area === 666) area = 667;
  const a = String(area).padStart(3, '0');
  const g = PAD2[1 + ri(99)];
  const s = String(1 + ri(9999)).padStart(4, '0');
  const u = rnd();
  if (u < 0.85) return `${a}-${g}-${s}`;
  if (u < 0.95) return a + g + s;
  return `${a} ${g} ${s}`;
}

function makeCard() {
  let body, groups;
  switch (ri(4)) {
    case 0: body = '4' + digits(14); groups = [4, 4, 4, 4]; break;
    case 1: body = '5' + (1 + ri(5)) + digits(13); groups = [4, 4, 4, 4]; break;
    case 2: body = (chance(0.5) ? '34' : '37') + digits(12); groups = [4, 6, 5]; break;
    default: body = '6011' + digits(11); groups = [4, 4, 4, 4];
  }
  let check = luhnCheckDigit(body);
  if (chance(0.12)) check = (check + 1 + ri(9)) % 10; // mistyped: fails Luhn
  const num = body + check;
  const u = rnd();
  if (u < 0.6) return num;
  const sep = u < 0.85 ? ' ' : '-';
  const parts = [];
  let p = 0;
  for (const g of groups) { parts.push(num.slice(p, p + g)); p += g; }
  return parts.join(sep);
}

function makeOrderRef() {
  const body = (chance(0.3) ? '4' : String(1 + ri(9))) + digits(14);
  return body + ((luhnCheckDigit(body) + 1 + ri(9)) % 10); // never passes Luhn
}

function makeIp() {
  if (chance(0.04)) {
    let s = '2001:db8';
    for (let i = 0; i < 6; i++) s += ':' + (ri(65536)).toString(16);
    return s;
  }
  const u = rnd();
  if (u < 0.1) return `10.${ri(256)}.${ri(256)}.${1 + ri(254)}`;
  if (u < 0.2) return `192.168.${ri(256)}.${1 + ri(254)}`;
  return `${1 + ri(223)}.${ri(256)}.${ri(256)}.${1 + ri(254)}`;
}

function makeMoney() {
  // Roughly log-normal, via the sum of uniforms.
  const z = rnd() + rnd() + rnd() + rnd() - 2;
  const cents = Math.round(Math.exp(5 + z * 1.6) * 100);
  const whole = Math.floor(cents / 100);
  const frac = PAD2[cents % 100];
  const u = rnd();
  if (u < 0.9) return `${whole}.${frac}`;
  if (u < 0.95) return `$${thousands(whole)}.${frac}`;
  return whole + '.' + frac[0];
}

function thousands(n) {
  const s = String(n);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s[i];
  }
  return out;
}

const NOTE_TEMPLATES = [
  () => 'Called twice, no answer',
  () => 'Prefers contact by email',
  () => 'VIP customer, handle with care',
  (r) => `Moved from ${r[C.city] || 'another city'}, new address pending`,
  () => 'Customer said "please call after 5pm"',
  () => `Requested refund; order #${digits(6)} damaged`,
  () => 'Asked about "premium" plan, follow up next week',
  () => 'Duplicate account? check with support',
  () => 'Address verified\nsecond line of the note, with a comma',
  () => 'Complaint logged\n"Very unhappy" per call notes\nEscalated to team lead',
  () => 'Paid by check, cleared',
  () => 'Do not call before 9am, works nights',
];

function makeNote(r, meta) {
  const u = rnd();
  if (u < 0.06) {
    meta.noteEmail = true;
    return `Contact via ${makeEmail(pick(FIRST), pick(LAST))}, not the address on file`;
  }
  if (u < 0.12) {
    meta.notePhone = true;
    return `Alt phone ${makePhone()}, evenings only`;
  }
  return pick(NOTE_TEMPLATES)(r);
}

// ---------------------------------------------------------------------------------------- fresh records

let nextId = 100000;

/** A fresh record: 23 cell strings plus generation facts the truth needs (signup format, PII inside notes). */
function freshRecord() {
  const r = new Array(NCOL);
  const meta = { sfmt: -1, sday: 0, ssec: 0, szone: 0, noteEmail: false, notePhone: false };
  nextId += chance(0.95) ? 1 : 2 + ri(4);
  r[C.customer_id] = chance(0.0005) ? '' : String(nextId);

  const first = pick(FIRST);
  const last = pick(LAST);
  let u = rnd();
  r[C.first_name] = u < 0.003 ? '?' : u < 0.006 ? 'N/A' : u < 0.01 ? '' : first;
  u = rnd();
  r[C.last_name] = u < 0.003 ? '-' : u < 0.005 ? 'NULL' : u < 0.01 ? '' : last;

  u = rnd();
  r[C.email] = u < 0.2 ? '' : u < 0.21 ? 'N/A' : u < 0.215 ? 'None' : u < 0.22 ? '-' : u < 0.223 ? '  ' : makeEmail(first, last);

  u = rnd();
  r[C.phone] = u < 0.25 ? '' : u < 0.265 ? 'N/A' : u < 0.275 ? '-' : u < 0.28 ? '#N/A' : u < 0.285 ? ' ' : makePhone();

  u = rnd();
  r[C.ssn] = u < 0.75 ? '' : u < 0.755 ? 'null' : makeSsn();

  const sday = DAY_2015 + ri(DAY_2025_07 - DAY_2015);
  u = rnd();
  if (u < 0.02) r[C.signup_date] = '';
  else if (u < 0.028) r[C.signup_date] = '0000-00-00';
  else {
    meta.sfmt = pickSignupFormat();
    meta.sday = sday;
    meta.ssec = ri(86400);
    meta.szone = ri(ZONES.length);
    r[C.signup_date] = formatDate(meta.sfmt, sday, meta.ssec, meta.szone);
  }

  u = rnd();
  r[C.birth_date] = u < 0.3 ? '' : u < 0.32 ? '1900-01-01' : u < 0.33 ? '0000-00-00' : u < 0.335 ? 'null'
    : formatDate(0, -18262 + ri(18262 + 12784), 0, 0); // 1920-01-01 .. 2005-01-01

  u = rnd();
  if (u < 0.25) r[C.street_address] = '';
  else if (u < 0.258) r[C.street_address] = '   ';
  else if (u < 0.268) r[C.street_address] = 'N/A';
  else {
    const t = pick(STREET_TYPES);
    let s = `${1 + ri(9999)} ${pick(STREET_NAMES)} ${chance(0.65) ? t[0] : t[1 + ri(t.length - 1)]}`;
    if (chance(0.08)) s += `, Apt ${1 + ri(40)}${pick(['', 'A', 'B', 'C'])}`;
    r[C.street_address] = s;
  }

  const [city, state, zip3] = pick(CITIES);
  u = rnd();
  r[C.city] = u < 0.03 ? '' : u < 0.04 ? 'unknown' : u < 0.043 ? ' ' : u < 0.045 ? '?' : city;
  u = rnd();
  r[C.state] = u < 0.03 ? '' : u < 0.05 ? state.toLowerCase() : state;
  u = rnd();
  if (u < 0.04) r[C.zip] = '';
  else if (u < 0.045) r[C.zip] = '#N/A';
  else {
    let z = zip3 + digits(2);
    if (chance(0.1)) z += '-' + digits(4);
    if (z[0] === '0' && chance(0.3)) z = z.slice(1); // leading zero lost to a spreadsheet
    r[C.zip] = z;
  }
  u = rnd();
  r[C.country] = u < 0.7 ? 'US' : u < 0.85 ? 'USA' : u < 0.95 ? 'United States' : u < 0.975 ? 'us' : u < 0.995 ? '' : 'N/A';

  r[C.credit_card] = chance(0.18) ? makeCard() : '';
  r[C.order_ref] = chance(0.7) ? '' : makeOrderRef();
  r[C.iban] = chance(0.03) ? makeIban() : '';

  u = rnd();
  r[C.ip_address] = u < 0.35 ? '' : u < 0.36 ? '-' : u < 0.365 ? 'unknown' : makeIp();

  u = rnd();
  r[C.lifetime_value] = u < 0.08 ? '' : u < 0.12 ? 'N/A' : u < 0.15 ? '-' : makeMoney();

  u = rnd();
  r[C.order_count] = u < 0.04 ? '' : u < 0.07 ? 'unknown' : u < 0.085 ? '999999'
    : String(Math.floor(-Math.log(1 - rnd()) * 8));

  const active = chance(0.7);
  u = rnd();
  r[C.is_active] = u < 0.02 ? '' : u < 0.025 ? '?'
    : u < 0.37 ? (active ? 'Y' : 'N') : u < 0.67 ? (active ? 'true' : 'false') : u < 0.92 ? (active ? '1' : '0')
      : (active ? 'TRUE' : 'FALSE');
  u = rnd();
  r[C.email_opt_in] = u < 0.1 ? '' : chance(0.45) ? 'Y' : 'N';

  u = rnd();
  r[C.notes] = u < 0.86 ? '' : u < 0.865 ? 'N/A' : u < 0.87 ? 'None' : u < 0.875 ? '  ' : makeNote(r, meta);

  u = rnd();
  if (u < 0.3) r[C.last_login] = '';
  else if (u < 0.32) r[C.last_login] = 'NULL';
  else if (u < 0.325) r[C.last_login] = 'None';
  else {
    const day = Math.min(DAY_2025_07 + 90, sday + ri(400));
    const sec = ri(86400);
    civil(day);
    r[C.last_login] = `${cy}-${PAD2[cm]}-${PAD2[cd]} ${PAD2[Math.floor(sec / 3600)]}:${PAD2[Math.floor(sec / 60) % 60]}:${PAD2[sec % 60]}`;
  }
  return { r, meta };
}

// ------------------------------------------------------------------------------------- near-duplicates

/** A cell an edit may touch: not empty, not whitespace-only, not a disguised null. */
function hasValue(s) {
  return s !== '' && s.trim() !== '' && !NULL_TOKEN_SET.has(s.trim());
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
function typo(s) {
  const n = 1 + (chance(0.3) ? 1 : 0);
  for (let k = 0; k < n && s.length >= 3; k++) {
    const i = 1 + ri(s.length - 2);
    switch (ri(4)) {
      case 0: s = s.slice(0, i) + pick(LETTERS) + s.slice(i + 1); break; // substitute
      case 1: s = s.slice(0, i - 1) + s[i] + s[i - 1] + s.slice(i + 1); break; // transpose
      case 2: s = s.slice(0, i) + s.slice(i + 1); break; // drop
      default: s = s.slice(0, i) + s[i] + s.slice(i); // double
    }
  }
  return s;
}

const EDITS = {
  case(r) {
    const cols = [C.first_name, C.last_name, C.email, C.city, C.street_address].filter((c) => hasValue(r[c]));
    if (!cols.length) return null;
    const c = pick(cols);
    r[c] = chance(0.5) ? r[c].toUpperCase() : r[c].toLowerCase();
    return `case(${COLUMNS[c]})`;
  },
  whitespace(r) {
    const cols = [C.first_name, C.last_name, C.city, C.street_address].filter((c) => hasValue(r[c]));
    if (!cols.length) return null;
    const c = pick(cols);
    const u = rnd();
    r[c] = u < 0.35 ? ' ' + r[c] : u < 0.7 ? r[c] + '  ' : r[c].includes(' ') ? r[c].replace(' ', '   ') : r[c] + ' ';
    return `whitespace(${COLUMNS[c]})`;
  },
  typo(r) {
    const cols = [C.first_name, C.last_name, C.city, C.street_address].filter((c) => hasValue(r[c]) && r[c].length >= 3);
    if (!cols.length) return null;
    const c = pick(cols);
    r[c] = typo(r[c]);
    return `typo(${COLUMNS[c]})`;
  },
  street_abbrev(r) {
    const s = r[C.street_address];
    if (!hasValue(s)) return null;
    const m = STREET_TYPE_RE.exec(s);
    if (!m) return null;
    const forms = STREET_TYPES[STREET_TYPE_INDEX.get(m[1])];
    const repl = m[1] === forms[0] ? forms[1 + ri(forms.length - 1)] : forms[0];
    r[C.street_address] = s.slice(0, m.index + 1) + repl + s.slice(m.index + 1 + m[1].length);
    return 'street_abbrev(street_address)';
  },
  phone_reformat(r) {
    const p = r[C.phone];
    if (!hasValue(p) || p.startsWith('+44')) return null;
    const d = p.replace(/ x\d+$/, '').replace(/\D/g, '').slice(-10);
    if (d.length !== 10) return null;
    let f = ri(PHONE_FORMATS - 1); // no extension
    let s = formatPhone(f, d.slice(0, 3), d.slice(3, 6), d.slice(6));
    if (s === p) s = formatPhone((f + 1) % (PHONE_FORMATS - 1), d.slice(0, 3), d.slice(3, 6), d.slice(6));
    r[C.phone] = s;
    return 'phone_reformat(phone)';
  },
  name_swap(r) {
    if (!hasValue(r[C.first_name]) || !hasValue(r[C.last_name])) return null;
    const t = r[C.first_name];
    r[C.first_name] = r[C.last_name];
    r[C.last_name] = t;
    return 'name_swap(first_name,last_name)';
  },
  date_reformat(r, meta) {
    if (meta.sfmt < 0) return null;
    const f = (meta.sfmt + 1 + ri(SIGNUP_FORMATS.length - 1)) % SIGNUP_FORMATS.length;
    meta.sfmt = f;
    r[C.signup_date] = formatDate(f, meta.sday, meta.ssec, meta.szone);
    return 'date_reformat(signup_date)';
  },
  field_emptied(r, meta) {
    const cols = [C.email, C.phone, C.street_address, C.birth_date, C.ip_address, C.zip, C.signup_date]
      .filter((c) => hasValue(r[c]));
    if (!cols.length) return null;
    const c = pick(cols);
    r[c] = '';
    if (c === C.signup_date) meta.sfmt = -1;
    return `field_emptied(${COLUMNS[c]})`;
  },
};
const EDIT_NAMES = Object.keys(EDITS);

// ------------------------------------------------------------------------------------------ CSV writing

const NEEDS_QUOTES = /[",\r\n]/;
// Only these columns ever hold a comma, quote or line break (Apt suffix, "$1,234.56", free text); the other
// cells never need quotes, and skipping their test halves the cost of a line. The generator tests check
// every parsed record has the full column count, which would catch a miss here.
const QUOTABLE = new Uint8Array(NCOL);
const QUOTABLE_COLS = [C.street_address, C.lifetime_value, C.notes];
for (const c of QUOTABLE_COLS) QUOTABLE[c] = 1;
function quote(s) {
  return '"' + (s.includes('"') ? s.replace(/"/g, '""') : s) + '"';
}

/**
 * One CSV line. quoteMode 0: quote only where needed; 1: quote every cell; 2: additionally quote the cells
 * whose index is in `extra` (a re-quoted exact copy: same values, different bytes).
 */
function serialize(r, quoteMode, extra, eol) {
  if (quoteMode === 0) {
    // The common case: join the cells, quoting only the columns that may need it.
    let q = null;
    for (const i of QUOTABLE_COLS) {
      if (NEEDS_QUOTES.test(r[i])) {
        if (q === null) q = r.slice();
        q[i] = quote(r[i]);
      }
    }
    return (q ?? r).join(',') + eol;
  }
  let line = '';
  for (let i = 0; i < NCOL; i++) {
    const s = r[i];
    if (i > 0) line += ',';
    if (quoteMode === 1 || (QUOTABLE[i] === 1 && NEEDS_QUOTES.test(s)) || (quoteMode === 2 && extra.includes(i))) line += quote(s);
    else line += s;
  }
  return line + eol;
}

// ------------------------------------------------------------------------------------------------ blocks
//
// Records are made in blocks of BLOCK_ROWS. Each block has its own PRNG stream (seeded from the seed and the
// block number), its own customer-id range and its own pool of duplicate sources, so blocks can be made in
// any order, on any number of worker threads, and the file is the same byte for byte. Copies are at most
// one block (50,000 records) away from their source.

const BLOCK_ROWS_DEFAULT = 50_000;

function blockSeed(seed, block) {
  let z = (seed ^ Math.imul(block + 1, 0x9e3779b1)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Per-block truth counters: plain data, so a worker can post them; added up in block order. */
function newStats() {
  return {
    empty: new Array(NCOL).fill(0),
    whitespaceOnly: new Array(NCOL).fill(0),
    tokens: Array.from({ length: NCOL }, () => ({})),
    sentinel999999: 0,
    signupFormats: new Array(SIGNUP_FORMATS.length).fill(0),
    signupAmbiguous: 0,
    cardLuhnValid: 0, cardLuhnInvalid: 0, orderRefLuhnValid: 0, ibanCount: 0, ssnCount: 0,
    notesWithEmail: 0, notesWithPhone: 0, notesWithNewline: 0, notesWithQuote: 0,
    exactCopies: 0, requotedCopies: 0, nearCopies: 0, reusedIds: 0,
    clusters: [],
  };
}

function addStats(into, s) {
  for (const key of Object.keys(into)) {
    const v = s[key];
    if (key === 'clusters') into.clusters.push(...v);
    else if (key === 'tokens') v.forEach((m, i) => { for (const [t, n] of Object.entries(m)) into.tokens[i][t] = (into.tokens[i][t] ?? 0) + n; });
    else if (Array.isArray(v)) v.forEach((n, i) => { into[key][i] += n; });
    else into[key] += v;
  }
}

function countRecord(st, r, meta) {
  for (let i = 0; i < NCOL; i++) {
    const s = r[i];
    if (s === '') { st.empty[i]++; continue; }
    // Disguised nulls and whitespace-only cells are short; longer cells (free text, addresses) are never
    // one, so they are not looked at (a charCodeAt on a long concatenated string would flatten it).
    if (s.length > 16) continue;
    const c0 = s.charCodeAt(0);
    if (c0 === 32 || c0 === 9 || s.charCodeAt(s.length - 1) === 32) {
      const t = s.trim();
      if (t === '') { st.whitespaceOnly[i]++; continue; }
      if (NULL_TOKEN_SET.has(t)) st.tokens[i][t] = (st.tokens[i][t] ?? 0) + 1;
    } else if (TOKEN_LEN[s.length] === 1 && c0 < 128 && TOKEN_FIRST[c0] === 1 && NULL_TOKEN_SET.has(s)) {
      st.tokens[i][s] = (st.tokens[i][s] ?? 0) + 1;
    }
  }
  if (r[C.order_count] === '999999') st.sentinel999999++;
  if (meta.sfmt >= 0) {
    st.signupFormats[meta.sfmt]++;
    if (meta.sfmt === 1 || meta.sfmt === 4) {
      const parts = r[C.signup_date].split('/');
      if (Number(parts[0]) <= 12 && Number(parts[1]) <= 12 && Number(parts[0]) !== Number(parts[1])) st.signupAmbiguous++;
    }
  }
  const card = r[C.credit_card];
  if (card !== '') {
    if (luhnValid(card.replace(/[ -]/g, ''))) st.cardLuhnValid++;
    else st.cardLuhnInvalid++;
  }
  if (r[C.order_ref] !== '' && luhnValid(r[C.order_ref])) st.orderRefLuhnValid++;
  if (r[C.iban] !== '') st.ibanCount++;
  if (hasValue(r[C.ssn])) st.ssnCount++;
  if (meta.noteEmail) st.notesWithEmail++;
  if (meta.notePhone) st.notesWithPhone++;
  const note = r[C.notes];
  if (note.includes('\n')) st.notesWithNewline++;
  if (note.includes('"')) st.notesWithQuote++;
}

/** A growable byte buffer for one block's lines. */
class ByteSink {
  constructor(size) {
    this.buf = Buffer.allocUnsafeSlow(size);
    this.used = 0;
  }
  write(s) {
    if (this.used + s.length * 3 > this.buf.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.used + s.length * 3));
      this.buf.copy(bigger, 0, 0, this.used);
      this.buf = bigger;
    }
    this.used += this.buf.write(s, this.used, 'utf8');
  }
}

const rowKey = (r) => r.join('\u001f');

/**
 * Records firstRec .. firstRec+rows-1 (1-based) of block `block`. Returns the block's bytes and its truth
 * counters; cluster record numbers are absolute.
 */
function generateBlock(seed, block, firstRec, rows, eol, blockRows, withStats) {
  seedRng(blockSeed(seed, block));
  nextId = 100000 + block * blockRows * 2;
  const sink = new ByteSink(rows * 200 + 4096);
  const st = newStats();

  // Duplicates: sources come from a bounded pool of earlier fresh records of this block.
  const POOL = 4096;
  const pool = [];
  const clusters = new Map(); // source record number -> cluster
  const clusterOf = (src) => {
    let cl = clusters.get(src.rec);
    if (!cl) {
      cl = { records: [src.rec], exact: [src.rec], near: [], keys: [rowKey(src.r)] };
      clusters.set(src.rec, cl);
    }
    return cl;
  };

  const lastRec = firstRec + rows - 1;
  for (let rec = firstRec; rec <= lastRec; rec++) {
    const u = pool.length >= 16 ? rnd() : 1;
    if (u < 0.02) {
      // Exact duplicate: same values; 40% of copies quoted differently from the source.
      const src = pick(pool);
      const r = src.r;
      let mode = 0;
      const extra = [];
      if (chance(0.4)) {
        st.requotedCopies++;
        if (chance(0.4)) mode = 1;
        else {
          mode = 2;
          const unq = [];
          for (let i = 0; i < NCOL; i++) if (!NEEDS_QUOTES.test(r[i])) unq.push(i);
          for (let k = 0; k < 3 && unq.length; k++) extra.push(unq.splice(ri(unq.length), 1)[0]);
        }
      }
      const cl = clusterOf(src);
      cl.records.push(rec);
      cl.exact.push(rec);
      st.exactCopies++;
      if (r[C.customer_id] !== '') st.reusedIds++;
      if (withStats) countRecord(st, r, src.meta);
      sink.write(serialize(r, mode, extra, eol));
    } else if (u < 0.05) {
      // Near duplicate: the same person entered again, with 1-3 edits, usually under a new customer id.
      const src = pick(pool);
      const cl = clusterOf(src);
      const r = src.r.slice();
      const meta = { ...src.meta };
      const edits = [];
      const want = chance(0.65) ? 1 : chance(0.85) ? 2 : 3;
      for (let attempt = 0; attempt < 12 && (edits.length < want || cl.keys.includes(rowKey(r))); attempt++) {
        const e = EDITS[pick(EDIT_NAMES)](r, meta);
        if (e) edits.push(e);
      }
      if (cl.keys.includes(rowKey(r))) {
        r[C.first_name] += ' ';
        edits.push('whitespace(first_name)');
      }
      if (chance(0.7)) {
        nextId += 1;
        r[C.customer_id] = String(nextId);
      } else if (r[C.customer_id] !== '') st.reusedIds++;
      cl.records.push(rec);
      cl.near.push({ record: rec, edits });
      cl.keys.push(rowKey(r));
      st.nearCopies++;
      if (withStats) countRecord(st, r, meta);
      sink.write(serialize(r, 0, null, eol));
    } else {
      const { r, meta } = freshRecord();
      if (pool.length < POOL) pool.push({ rec, r, meta });
      else if (chance(0.25)) pool[ri(POOL)] = { rec, r, meta };
      if (withStats) countRecord(st, r, meta);
      sink.write(serialize(r, 0, null, eol));
    }
  }
  st.clusters = [...clusters.values()].sort((a, b) => a.records[0] - b.records[0]).map((cl) => {
    const out = { kind: cl.near.length === 0 ? 'exact' : cl.exact.length > 1 ? 'mixed' : 'near', records: cl.records };
    if (cl.exact.length > 1) out.exact = cl.exact;
    if (cl.near.length) out.near = cl.near;
    return out;
  });
  return { bytes: sink.buf.subarray(0, sink.used), stats: st };
}

// ------------------------------------------------------------------------------------------------ main

function workerLoop() {
  const { seed, eol, blockRows, withStats } = workerData;
  parentPort.on('message', (job) => {
    if (job === null) return parentPort.close();
    const { bytes, stats } = generateBlock(seed, job.block, job.firstRec, job.rows, eol, blockRows, withStats);
    // Hand the block's memory over instead of copying it.
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
    parentPort.postMessage({ block: job.block, bytes: ab, stats }, [ab]);
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const seed = seedToInt(opts.seed);
  const eol = opts.crlf ? '\r\n' : '\n';
  const blockRows = opts.blockRows;
  // Cell counting is only needed for the truth file; the bytes are the same either way.
  const withStats = Boolean(opts.truth);
  const nBlocks = Math.ceil(opts.rows / blockRows);
  const jobs = Array.from({ length: nBlocks }, (_, b) => ({
    block: b, firstRec: b * blockRows + 1, rows: Math.min(blockRows, opts.rows - b * blockRows),
  }));
  const threads = Math.max(1, Math.min(opts.threads, nBlocks));

  const toStdout = opts.out === '-';
  const fd = toStdout ? 1 : openSync(opts.out, 'w');
  const hash = createHash('sha256');
  let bytes = 0;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const put = (buf) => {
    hash.update(buf);
    let off = 0;
    while (off < buf.length) {
      try {
        off += writeSync(fd, buf, off, buf.length - off);
      } catch (err) {
        // A non-blocking stdout pipe is full: wait a moment and retry, keeping the writes in order.
        if (err.code === 'EAGAIN') Atomics.wait(pause, 0, 0, 2);
        else if (err.code === 'EPIPE') process.exit(0); // the reader went away (`| head`)
        else throw err;
      }
    }
    bytes += buf.length;
  };
  put(Buffer.from(COLUMNS.join(',') + eol, 'utf8'));
  const total = newStats();

  if (threads === 1) {
    for (const j of jobs) {
      const { bytes: b, stats } = generateBlock(seed, j.block, j.firstRec, j.rows, eol, blockRows, withStats);
      put(b);
      addStats(total, stats);
    }
  } else {
    // Blocks go to idle workers; results are written strictly in block order. At most 2 blocks per worker
    // are in flight or waiting, which bounds memory to a few blocks.
    await new Promise((resolve, reject) => {
      const done = new Map();
      let nextJob = 0;
      let nextWrite = 0;
      const workers = Array.from({ length: threads }, () => new Worker(new URL(import.meta.url), { workerData: { seed, eol, blockRows, withStats } }));
      const feed = (w) => {
        if (nextJob < jobs.length && nextJob - nextWrite < threads * 2) w.postMessage(jobs[nextJob++]);
        else w.idle = true;
      };
      const onResult = (w, msg) => {
        done.set(msg.block, msg);
        while (done.has(nextWrite)) {
          const m = done.get(nextWrite);
          done.delete(nextWrite);
          put(Buffer.from(m.bytes));
          addStats(total, m.stats);
          nextWrite++;
        }
        feed(w);
        for (const other of workers) if (other.idle) { other.idle = false; feed(other); }
        if (nextWrite === jobs.length) {
          for (const x of workers) x.postMessage(null);
          resolve();
        }
      };
      for (const w of workers) {
        w.on('error', reject);
        w.on('message', (msg) => {
          try {
            onResult(w, msg);
          } catch (err) {
            reject(err);
          }
        });
        feed(w);
      }
    });
  }
  if (!toStdout) closeSync(fd);
  const sha256 = hash.digest('hex');
  if (opts.truth) writeFileSync(opts.truth, JSON.stringify(buildTruth(opts, total, bytes, sha256), null, 1) + '\n');
  process.stderr.write(`gen-export: ${opts.rows} rows, ${bytes} bytes, sha256 ${sha256}\n`);
}

function buildTruth(opts, st, bytes, sha256) {
  const rows = opts.rows;
  const columns = COLUMNS.map((name, i) => {
    const tokens = Object.fromEntries(Object.entries(st.tokens[i]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
    const tokenTotal = Object.values(tokens).reduce((a, b) => a + b, 0);
    const missing = st.empty[i] + st.whitespaceOnly[i] + tokenTotal;
    return {
      name,
      index: i,
      pii: PII_KIND[name],
      empty: st.empty[i],
      whitespaceOnly: st.whitespaceOnly[i],
      disguisedNulls: tokens,
      missingTotal: missing,
      missingRate: Number((missing / rows).toFixed(4)),
    };
  });
  const byName = Object.fromEntries(columns.map((c) => [c.name, c]));
  byName.signup_date.dates = {
    inconsistent: true,
    formats: Object.fromEntries(SIGNUP_FORMATS.map((f, i) => [f, st.signupFormats[i]])),
    ambiguousDayMonth: st.signupAmbiguous,
  };
  byName.birth_date.dates = { inconsistent: false, formats: { 'yyyy-MM-dd': rows - byName.birth_date.missingTotal } };
  byName.last_login.dates = { inconsistent: false, formats: { 'yyyy-MM-dd HH:mm:ss': rows - byName.last_login.missingTotal } };
  byName.order_count.sentinels = { '999999': st.sentinel999999 };
  byName.credit_card.values = { luhnValid: st.cardLuhnValid, luhnInvalid: st.cardLuhnInvalid };
  byName.order_ref.values = { luhnValid: st.orderRefLuhnValid, note: '16-digit order numbers that never pass Luhn: a decoy for credit-card detection' };
  byName.iban.values = { ibans: st.ibanCount };
  byName.ssn.values = { ssns: st.ssnCount };
  byName.notes.piiInText = { email: st.notesWithEmail, phone: st.notesWithPhone };
  byName.notes.values = { withNewline: st.notesWithNewline, withQuote: st.notesWithQuote };
  return {
    generator: 'scripts/gen-export.mjs',
    generatorVersion: GENERATOR_VERSION,
    command: `node scripts/gen-export.mjs --rows ${opts.rows} --seed ${opts.seed}${opts.crlf ? ' --crlf' : ''}${opts.blockRows !== BLOCK_ROWS_DEFAULT ? ` --block-rows ${opts.blockRows}` : ''}`,
    seed: String(opts.seed),
    rows,
    bytes,
    sha256,
    eol: opts.crlf ? 'CRLF' : 'LF',
    header: COLUMNS,
    nullTokens: NULL_TOKENS,
    nullTokenRule: 'a cell counts as a disguised null when cell.trim() equals one of nullTokens (case-sensitive); whitespaceOnly cells are counted apart; empty = zero-length cell',
    columns,
    duplicates: {
      exactDuplicateRows: st.exactCopies,
      requotedExactCopies: st.requotedCopies,
      nearDuplicateRows: st.nearCopies,
      reusedCustomerIds: st.reusedIds,
      clusterCount: st.clusters.length,
      rule: 'records are 1-based data record numbers (header excluded). A cluster holds a source record and all copies made from it. `exact` lists the records whose parsed cell values are identical (source first); `near` lists edited copies with the edits applied. Near copies never equal another member of their cluster.',
      clusters: st.clusters,
    },
  };
}

if (isMainThread) {
  main().catch((err) => fail(err.message));
} else {
  workerLoop();
}
