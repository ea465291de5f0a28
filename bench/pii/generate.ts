import { composeIBAN, isValidIBAN } from 'ibantools';
import type { PiiColumnKind } from '../../src/detectors/pii/kinds.js';
import type { LabelledColumn } from './corpus.js';

/**
 * Labelled synthetic columns for the PII detector: positives of every kind in several written forms and
 * under informative, suggestive and uninformative column names, plus hard negatives (order numbers failing
 * Luhn, version strings, invalid SSN ranges, Y/N opt-in flags, product codes, city names, business dates,
 * 5-digit ids, random 9/10/16-digit ids, seat numbers, company and product names, prose without PII).
 * Deterministic: a fixed seed, a small PRNG, no clock.
 *
 * Values are generated from pools that only partly overlap the detector's own name lists, so that the
 * dictionary is not graded on itself. Kinds that values alone cannot prove (a bare date, a 5-digit number,
 * a passport-like code) appear as positives only under names that state them; under an uninformative name
 * they are ambiguous, and such columns are left out of the labelled set rather than guessed.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const digits = (r: Rng, n: number) => Array.from({ length: n }, () => String(int(r, 0, 9))).join('');
const pad = (n: number, w: number) => String(n).padStart(w, '0');

// Pools: some common names (in the detector's list), many not (invented or rarer ones).
const FIRST = [
  'James', 'Mary', 'Robert', 'Patricia', 'Michael', 'Linda', 'Olivia', 'Liam', 'Emma', 'Noah', 'Sophia', 'Lucas',
  'Isabella', 'Mateo', 'Aaliyah', 'Brayden', 'Kaylee', 'Jaxon', 'Zoey', 'Xavier', 'Nevaeh', 'Declan', 'Sienna',
  'Thaddeus', 'Octavia', 'Ignatius', 'Philippa', 'Rosalind', 'Cormac', 'Saoirse', 'Dagny', 'Torvald', 'Yusuf',
  'Anika', 'Priyanka', 'Chidi', 'Folasade', 'Haruki', 'Mei', 'Joaquin', 'Ximena', 'Anselm', 'Brigid', 'Caspian',
  'Delphine', 'Evander', 'Fenella', 'Gideon', 'Honora', 'Isidore', 'Jessamy', 'Kester', 'Lavinia', 'Mireille',
];
const LAST = [
  'Smith', 'Johnson', 'Garcia', 'Nguyen', 'Patel', 'Kowalczyk', 'Okonkwo', 'Haverford', 'Lindqvist', 'Abernathy',
  'Castellanos', 'Delacroix', 'Eriksen', 'Fitzgerald', 'Gallagher', 'Hargreaves', 'Iwasaki', 'Jablonski', 'Kaminski',
  'Lombardi', 'MacAllister', "O'Sullivan", 'Pemberton', 'Quintero', 'Rutherford', 'Sandoval', 'Thistlewood',
  'Underhill', 'Vasquez', 'Whitfield', 'Yamada', 'Zielinski', 'Brown-Ellis', 'de la Cruz', 'van der Berg',
];
const STREETS = ['Main', 'Oak', 'Maple', 'Cedar', 'Elm', 'Washington', 'Lake', 'Hill', 'Park', 'Pine', 'Sunset', 'Highland', 'Church', 'Mill', 'Victoria', 'King', 'Queen', 'Station', 'Bridge', 'Willow'];
const STREET_TYPES = ['St', 'Street', 'Ave', 'Avenue', 'Rd', 'Road', 'Blvd', 'Lane', 'Dr', 'Drive', 'Court', 'Way', 'Place', 'Terrace'];
const CITIES = ['London', 'Paris', 'Springfield', 'Dallas', 'Chicago', 'Austin', 'Denver', 'Madrid', 'Berlin', 'Toronto', 'Sydney', 'Melbourne', 'Boston', 'Seattle', 'Portland', 'Jackson', 'Charlotte', 'Florence', 'Victoria', 'Lincoln', 'Georgetown', 'Franklin', 'Clinton', 'Salem', 'Madison'];
const DOMAINS = ['example.com', 'mail.example.org', 'corp.example.net', 'gmail.com', 'outlook.com', 'yahoo.co.uk', 'uni.example.edu'];
const AREA = [201, 202, 206, 212, 213, 305, 310, 312, 404, 415, 503, 512, 602, 617, 646, 702, 713, 718, 773, 818, 917, 303, 214, 919];
const ICD = ['E11.9', 'I10', 'J45.909', 'M54.5', 'F32.9', 'K21.9', 'E78.5', 'N39.0', 'R51', 'J06.9', 'Z00.00', 'I25.10', 'E66.9', 'G43.909', 'M17.11', 'F41.1', 'L40.0', 'C50.911', 'S72.001A', 'O80'];
const COMPANIES = ['Acme Corp', 'Globex LLC', 'Initech', 'Umbrella Holdings', 'Stark Industries', 'Wayne Enterprises', 'Hooli', 'Vandelay Industries', 'Soylent Co', 'Tyrell Corporation'];
const PRODUCTS = ['Widget Pro', 'Gadget Max 3000', 'Ultra Blender', 'Smart Lamp', 'Travel Mug', 'Desk Organizer', 'Wireless Charger', 'Yoga Mat', 'Coffee Grinder', 'Steel Water Bottle'];
const WORDS = 'the customer asked about delivery window and the invoice total was adjusted after review of the claim please follow up next week regarding refund status warehouse confirmed shipment delayed due to weather'.split(' ');

function luhnComplete(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = +body[body.length - 1 - i]!;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

const gen = {
  email(r: Rng) {
    const f = pick(r, FIRST).toLowerCase(), l = pick(r, LAST).toLowerCase().replace(/[^a-z]/g, '');
    const local = pick(r, [`${f}.${l}`, `${f[0]}${l}`, `${f}${int(r, 1, 99)}`, `${l}_${f}`, `${f}+news`]);
    return `${local}@${pick(r, DOMAINS)}`;
  },
  phone(r: Rng) {
    const a = pick(r, AREA), e = int(r, 200, 999), n = pad(int(r, 0, 9999), 4);
    return pick(r, [`(${a}) ${e}-${n}`, `${a}-${e}-${n}`, `+1 ${a} ${e} ${n}`, `${a}.${e}.${n}`, `+1-${a}-${e}-${n}`, `+44 20 7${digits(r, 3)} ${digits(r, 4)}`]);
  },
  /** Faker-style: any digits in a phone layout (area codes often unassigned), some with extensions. */
  phoneFaker(r: Rng) {
    return pick(r, [
      `(${digits(r, 3)}) ${digits(r, 3)}-${digits(r, 4)}`,
      `${digits(r, 3)}-${digits(r, 3)}-${digits(r, 4)}`,
      `${digits(r, 3)}.${digits(r, 3)}.${digits(r, 4)} x${digits(r, 3)}`,
      `1-${digits(r, 3)}-${digits(r, 3)}-${digits(r, 4)}`,
      `(${digits(r, 3)})${digits(r, 3)}-${digits(r, 4)}x${digits(r, 4)}`,
      `001-${digits(r, 3)}-${digits(r, 3)}-${digits(r, 4)}`,
    ]);
  },
  phonePlain(r: Rng) {
    return `${pick(r, AREA)}${int(r, 200, 999)}${pad(int(r, 0, 9999), 4)}`;
  },
  ssn(r: Rng) {
    let a = int(r, 1, 899);
    if (a === 666) a = 665;
    return `${pad(a, 3)}-${pad(int(r, 1, 99), 2)}-${pad(int(r, 1, 9999), 4)}`;
  },
  ssnPlain(r: Rng) {
    return gen.ssn(r).replace(/-/g, '');
  },
  invalidSsn(r: Rng) {
    return pick(r, [`9${digits(r, 2)}-${pad(int(r, 1, 99), 2)}-${pad(int(r, 1, 9999), 4)}`, `000-${digits(r, 2)}-${digits(r, 4)}`, `666-${digits(r, 2)}-${digits(r, 4)}`, `${pad(int(r, 1, 899), 3)}-00-${digits(r, 4)}`, `${pad(int(r, 1, 899), 3)}-${pad(int(r, 1, 99), 2)}-0000`]);
  },
  card(r: Rng) {
    const [prefix, len] = pick(r, [['4', 16], ['51', 16], ['55', 16], ['2221', 16], ['34', 15], ['37', 15], ['6011', 16], ['4', 13]] as const);
    const num = luhnComplete(prefix + digits(r, len - prefix.length - 1));
    const style = int(r, 0, 2);
    if (style === 0 || len !== 16) return num;
    const sep = style === 1 ? ' ' : '-';
    return num.match(/.{4}/g)!.join(sep);
  },
  iban(r: Rng) {
    for (;;) {
      const [cc, bban] = pick(r, [['DE', digits(r, 18)], ['GB', `NWBK${digits(r, 14)}`], ['AT', digits(r, 16)]] as const);
      const iban = composeIBAN({ countryCode: cc, bban });
      if (iban && isValidIBAN(iban)) return int(r, 0, 1) ? iban : iban.match(/.{1,4}/g)!.join(' ');
    }
  },
  ip(r: Rng) {
    const s = int(r, 0, 9);
    if (s < 5) return `${int(r, 1, 223)}.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 1, 254)}`;
    if (s < 7) return `10.${int(r, 0, 20)}.${int(r, 0, 255)}.${int(r, 1, 254)}`;
    if (s < 8) return `192.168.${int(r, 0, 10)}.${int(r, 1, 254)}`;
    return `2001:db8:${int(r, 0, 0xffff).toString(16)}::${int(r, 1, 0xffff).toString(16)}`;
  },
  fullName(r: Rng) {
    const f = pick(r, FIRST), l = pick(r, LAST);
    return pick(r, [`${f} ${l}`, `${f} ${l}`, `${f} ${pick(r, FIRST)[0]}. ${l}`, `${l}, ${f}`]);
  },
  firstName(r: Rng) {
    return pick(r, FIRST);
  },
  lastName(r: Rng) {
    return pick(r, LAST);
  },
  lowerName(r: Rng) {
    return pick(r, FIRST).toLowerCase();
  },
  address(r: Rng) {
    const n = int(r, 1, 9999), s = pick(r, STREETS), t = pick(r, STREET_TYPES);
    return pick(r, [`${n} ${s} ${t}`, `${n} ${s} ${t}`, `${n} ${s} ${t}, Apt ${int(r, 1, 40)}`, `PO Box ${int(r, 1, 9999)}`, `${n} ${s} ${t}, ${pick(r, CITIES)}`, `${s}straße ${int(r, 1, 200)}`]);
  },
  titledName(r: Rng) {
    return `${pick(r, ['', '', '', 'Dr. ', 'Mrs. ', 'Mr. ', 'Ms. '])}${pick(r, FIRST)} ${pick(r, LAST)}${pick(r, ['', '', '', ' MD', ' Jr.', ' DDS', ' PhD'])}`;
  },
  fakerAddress(r: Rng) {
    const suffix = pick(r, ['Ville', 'Mission', 'Plains', 'Forks', 'Shoals', 'Pass', 'Junction', 'Street', 'Harbor', 'Crossing', 'Trail', 'Parkway']);
    return `${int(r, 1, 99999)} ${pick(r, LAST)} ${suffix}${pick(r, ['', '', ' Apt. ' + int(r, 1, 999), ' Suite ' + int(r, 100, 999)])}\n${pick(r, ['New ', 'Port ', 'Lake ', 'East ', ''])}${pick(r, FIRST)}${pick(r, ['burgh', 'ville', 'mouth', 'side', 'furt'])}, ${pick(r, ['WY', 'CA', 'NY', 'TX'])} ${pad(int(r, 501, 99950), 5)}`;
  },
  bloodType(r: Rng) {
    return pick(r, ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-']);
  },
  fakerCompany(r: Rng) {
    const a = pick(r, LAST), b = pick(r, LAST), c = pick(r, LAST);
    return pick(r, [`${a}, ${b} and ${c}`, `${a} LLC`, `${a}-${b}`, `${a} Group`, `${a} Inc`, `${a} PLC`, `${a} and Sons`]);
  },
  jobTitle(r: Rng) {
    return pick(r, ['Internal Auditor', 'Accountant IV', 'Nurse Practicioner', 'Senior Developer', 'Marketing Manager', 'Chief Design Engineer', 'Engineer, civil', 'Teacher, primary school', 'Research Nurse', 'Librarian']);
  },
  fakerCity(r: Rng) {
    return `${pick(r, ['New ', 'Port ', 'Lake ', 'East ', 'South ', 'North ', 'West ', ''])}${pick(r, FIRST)}${pick(r, ['burgh', 'ville', 'mouth', 'side', 'furt', 'ton', 'fort', 'haven'])}`;
  },
  dob(r: Rng) {
    const y = int(r, 1935, 2008), m = int(r, 1, 12), d = int(r, 1, 28);
    return pick(r, [`${y}-${pad(m, 2)}-${pad(d, 2)}`, `${m}/${d}/${y}`, `${pad(d, 2)}.${pad(m, 2)}.${y}`, `${y}${pad(m, 2)}${pad(d, 2)}`]);
  },
  isoDob(r: Rng) {
    return `${int(r, 1935, 2008)}-${pad(int(r, 1, 12), 2)}-${pad(int(r, 1, 28), 2)}`;
  },
  passport(r: Rng) {
    return pick(r, [`${String.fromCharCode(65 + int(r, 0, 25))}${digits(r, 7)}`, digits(r, 9), `${String.fromCharCode(65 + int(r, 0, 25))}${String.fromCharCode(65 + int(r, 0, 25))}${digits(r, 7)}`]);
  },
  icd(r: Rng) {
    return pick(r, ICD);
  },
  mrn(r: Rng) {
    return pick(r, [`MRN${digits(r, 7)}`, `${digits(r, 8)}`, `MR-${digits(r, 6)}`]);
  },
  zip(r: Rng) {
    return pad(int(r, 501, 99950), 5);
  },
  postcodeMixed(r: Rng) {
    const L = () => String.fromCharCode(65 + int(r, 0, 25));
    return pick(r, [pad(int(r, 501, 99950), 5), `${pad(int(r, 501, 99950), 5)}-${digits(r, 4)}`, `${L()}${L()}${int(r, 1, 9)} ${int(r, 1, 9)}${L()}${L()}`, `${int(r, 1000, 9999)}`]);
  },
  ukPostcode(r: Rng) {
    const L = () => String.fromCharCode(65 + int(r, 0, 25));
    return pick(r, [`${L()}${L()}${int(r, 1, 9)} ${int(r, 1, 9)}${L()}${L()}`, `${L()}${int(r, 1, 9)} ${int(r, 1, 9)}${L()}${L()}`, `${L()}${L()}${int(r, 10, 99)} ${int(r, 1, 9)}${L()}${L()}`]);
  },
  notesWithPii(r: Rng) {
    const base = Array.from({ length: int(r, 6, 14) }, () => pick(r, WORDS)).join(' ');
    const k = int(r, 0, 9);
    if (k < 2) return `${base} contact ${gen.email(r)}`;
    if (k < 3) return `${base} call back on ${gen.phone(r)}`;
    if (k < 4) return `customer ssn ${gen.ssn(r)} ${base}`;
    return base;
  },
  prose(r: Rng) {
    return Array.from({ length: int(r, 5, 15) }, () => pick(r, WORDS)).join(' ');
  },
  // ---- hard negatives ----
  orderNumber16(r: Rng) {
    return `${int(r, 1, 9)}${digits(r, 15)}`;
  },
  version(r: Rng) {
    return pick(r, [`${int(r, 0, 12)}.${int(r, 0, 20)}.${int(r, 0, 30)}.${int(r, 0, 25)}`, `${int(r, 1, 4)}.${int(r, 0, 9)}.${int(r, 0, 9)}.${int(r, 0, 9)}`]);
  },
  yn(r: Rng) {
    return pick(r, ['Y', 'N']);
  },
  bool(r: Rng) {
    return pick(r, ['true', 'false']);
  },
  productCode(r: Rng) {
    const L = () => String.fromCharCode(65 + int(r, 0, 25));
    return pick(r, [`SKU-${digits(r, 5)}`, `${L()}${L()}-${digits(r, 4)}-${L()}`, `PRD${digits(r, 5)}`, `${L()}${L()}${L()}${digits(r, 3)}`]);
  },
  city(r: Rng) {
    return pick(r, CITIES);
  },
  businessDate(r: Rng) {
    const y = int(r, 2015, 2025), m = int(r, 1, 12), d = int(r, 1, 28);
    return pick(r, [`${y}-${pad(m, 2)}-${pad(d, 2)}`, `${m}/${d}/${y}`]);
  },
  oldDates(r: Rng) {
    // historical event dates with a birth-like spread: only the name could tell them apart
    return `${int(r, 1935, 2008)}-${pad(int(r, 1, 12), 2)}-${pad(int(r, 1, 28), 2)}`;
  },
  id5(r: Rng) {
    return String(int(r, 10000, 99999));
  },
  id9(r: Rng) {
    return String(int(r, 100000000, 999999999));
  },
  id10(r: Rng) {
    return String(int(r, 1000000000, 9999999999));
  },
  seat(r: Rng) {
    return `${String.fromCharCode(65 + int(r, 0, 9))}${pad(int(r, 1, 40), 2)}`;
  },
  company(r: Rng) {
    return pick(r, COMPANIES);
  },
  product(r: Rng) {
    return pick(r, PRODUCTS);
  },
  amount(r: Rng) {
    return (int(r, 100, 99999) / 100).toFixed(2);
  },
  uuid(r: Rng) {
    const h = (n: number) => Array.from({ length: n }, () => int(r, 0, 15).toString(16)).join('');
    return `${h(8)}-${h(4)}-4${h(3)}-a${h(3)}-${h(12)}`;
  },
  status(r: Rng) {
    return pick(r, ['active', 'inactive', 'pending', 'closed']);
  },
  country(r: Rng) {
    return pick(r, ['US', 'GB', 'DE', 'FR', 'ES', 'AU', 'CA']);
  },
  year(r: Rng) {
    return String(int(r, 1990, 2025));
  },
  url(r: Rng) {
    return `https://${pick(r, DOMAINS)}/p/${digits(r, 5)}`;
  },
  timestamp(r: Rng) {
    return `${int(r, 2018, 2025)}-${pad(int(r, 1, 12), 2)}-${pad(int(r, 1, 28), 2)}T${pad(int(r, 0, 23), 2)}:${pad(int(r, 0, 59), 2)}:00Z`;
  },
  phoneType(r: Rng) {
    return pick(r, ['mobile', 'home', 'work']);
  },
  quantity(r: Rng) {
    return String(int(r, 1, 500));
  },
};

type GenName = keyof typeof gen;

interface Spec {
  names: string[];
  gen: GenName;
  truth: PiiColumnKind | null;
  /** Share of cells replaced by corrupt values (a typo, a truncated value). */
  noise?: number;
}

const S = (truth: PiiColumnKind | null, g: GenName, names: string[], noise = 0.02): Spec => ({ names, gen: g, truth, noise });

export const SPECS: Spec[] = [
  S('email', 'email', ['email', 'Email Address', 'contactEmail', 'col_7', 'ref', 'user_mail']),
  S('phone', 'phone', ['phone', 'telephone', 'mobile_number', 'col_3', 'contact', 'fax']),
  S('phone', 'phonePlain', ['phone', 'cell_phone', 'tel']),
  S('phone', 'phoneFaker', ['phone_number', 'PhoneNumber', 'fax', 'mobile']),
  S('ssn', 'ssn', ['ssn', 'social_security_number', 'col_7', 'ref', 'tax_ident']),
  S('ssn', 'ssnPlain', ['ssn', 'SSN_number', 'soc_sec']),
  S('credit_card', 'card', ['credit_card', 'cc_number', 'card', 'col_12', 'payment_ref', 'pan']),
  S('iban', 'iban', ['iban', 'bank_account', 'col_4', 'ref']),
  S('ip', 'ip', ['ip_address', 'client_ip', 'col_9', 'source', 'remote_addr']),
  S('person_name', 'fullName', ['full_name', 'customer_name', 'name', 'Name', 'patient', 'col_2', 'contact_name']),
  S('person_name', 'firstName', ['first_name', 'given_name', 'FirstName', 'fname']),
  S('person_name', 'lastName', ['last_name', 'surname', 'family_name', 'LastName']),
  S('person_name', 'lowerName', ['first_name', 'forename']),
  S('person_name', 'titledName', ['name', 'customer', 'col_15']),
  S('address', 'fakerAddress', ['address', 'col_16', 'home']),
  S('health', 'bloodType', ['blood_type', 'blood_group']),
  S('address', 'address', ['address', 'street_address', 'address_line_1', 'col_5', 'mailing_address', 'location_text']),
  S('date_of_birth', 'dob', ['dob', 'date_of_birth', 'birth_date', 'DateOfBirth', 'birthday']),
  S('date_of_birth', 'isoDob', ['dob', 'patient_birth_date']),
  S('passport', 'passport', ['passport_number', 'passport', 'passport_no', 'PassportID']),
  S('health', 'icd', ['icd10_code', 'diagnosis_code', 'col_11', 'dx_code', 'code']),
  S('health', 'mrn', ['mrn', 'medical_record_number', 'patient_id']),
  S('postal_code', 'zip', ['zip', 'zip_code', 'postal_code', 'ZipCode', 'postcode']),
  S('postal_code', 'postcodeMixed', ['postcode', 'postal_code', 'zip']),
  S('postal_code', 'ukPostcode', ['postcode', 'col_6', 'post_code']),
  S('free_text', 'notesWithPii', ['notes', 'comments', 'description', 'col_20', 'remarks']),
  // hard negatives
  S(null, 'orderNumber16', ['order_number', 'ref', 'col_7', 'tracking_id', 'card_batch'], 0),
  S(null, 'version', ['version', 'app_version', 'col_4', 'build', 'ref'], 0),
  S(null, 'invalidSsn', ['ref', 'col_7', 'case_id', 'code'], 0),
  S(null, 'yn', ['email_opt_in', 'phone_verified', 'has_ssn', 'sms_opt_in'], 0),
  S(null, 'bool', ['email_verified', 'is_customer'], 0),
  S(null, 'productCode', ['product_code', 'sku', 'col_8', 'ref', 'item'], 0),
  S(null, 'city', ['city', 'town', 'birth_place', 'col_2', 'suburb', 'location'], 0),
  S(null, 'businessDate', ['order_date', 'created_at', 'ship_date', 'col_9', 'date', 'invoice_date'], 0),
  S(null, 'oldDates', ['event_date', 'col_13', 'founded'], 0),
  S(null, 'id5', ['customer_id', 'id', 'col_5', 'store_number', 'ref'], 0),
  S(null, 'id9', ['account_id', 'col_1', 'txn_id', 'ref'], 0),
  S(null, 'id10', ['tracking_no', 'col_10', 'order_id'], 0),
  S(null, 'seat', ['seat', 'grid_ref', 'col_3'], 0),
  S(null, 'fakerCompany', ['company', 'col_17', 'employer']),
  S(null, 'jobTitle', ['title', 'job', 'col_18', 'position']),
  S(null, 'fakerCity', ['city', 'col_19', 'birth_city']),
  S(null, 'company', ['company', 'employer', 'company_name', 'vendor'], 0),
  S(null, 'product', ['product_name', 'item_name', 'name', 'title'], 0),
  S(null, 'amount', ['price', 'amount', 'col_6'], 0),
  S(null, 'uuid', ['uuid', 'id', 'session'], 0),
  S(null, 'status', ['status', 'address_type', 'phone_status'], 0),
  S(null, 'country', ['country', 'state'], 0),
  S(null, 'year', ['year', 'model_year'], 0),
  S(null, 'url', ['url', 'website', 'homepage'], 0),
  S(null, 'timestamp', ['created_at', 'updated', 'col_14'], 0),
  S(null, 'phoneType', ['phone_type'], 0),
  S(null, 'quantity', ['qty', 'zip_files', 'count'], 0),
  S(null, 'prose', ['notes', 'description', 'comments'], 0),
];

function corrupt(r: Rng, v: string): string {
  const k = int(r, 0, 2);
  if (k === 0) return v.slice(0, Math.max(1, v.length - int(r, 2, 4)));
  if (k === 1) return v.replace(/[aeiou0-9]/, 'x');
  return v.split('').reverse().join('');
}

/** Every spec under every one of its names; `rows` values each, 4 % nulls and 3 % empty strings. */
export function generateLabelledColumns(seed = 20261127, rows = 600): LabelledColumn[] {
  const r = mulberry32(seed);
  const out: LabelledColumn[] = [];
  for (const spec of SPECS) {
    for (const name of spec.names) {
      const values: (string | null)[] = [];
      const n = rows + int(r, 0, rows);
      for (let i = 0; i < n; i++) {
        const u = r();
        if (u < 0.04) values.push(null);
        else if (u < 0.07) values.push('');
        else {
          let v = gen[spec.gen](r);
          if (spec.noise && r() < spec.noise) v = corrupt(r, v);
          values.push(v);
        }
      }
      out.push({ source: `synthetic:${spec.gen}`, name, values, truth: spec.truth });
    }
  }
  return out;
}
