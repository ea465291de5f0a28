import { isIPv4, isIPv6 } from 'node:net';
import type { CountryCode } from 'libphonenumber-js/max';
import { KIND_INDEX, type PiiKind } from './kinds.js';
import { maskValue } from './mask.js';
import { isCreditCardNumber, isEmail, isIban, isPlausibleDate, isSsn, NANP_SHAPE, phoneForm } from './validators.js';

/**
 * PII embedded in prose (notes, comments, free-text queries). Each candidate found by a loose pattern is
 * then validated like a whole value; kinds without a checkable form (passport, date of birth, medical
 * record number) count only next to a keyword that names them.
 */
export interface EmbeddedFinding {
  /** Bit i set = kind PII_KINDS[i] occurs in the text. */
  kinds: number;
  /** Masked first occurrence of each kind found, in PII_KINDS order. */
  masks: string[];
}

const RE_EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const RE_SSN = /(?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![\d-])/g;
const RE_CARD = /(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])/g;
const RE_IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g;
const RE_IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/g;
const RE_IPV6 = /(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![0-9A-Fa-f:])/g;
const RE_PHONE_CANDIDATE = /(?<![\w+])(?:\+|\(\d)?[\d(][\d\s().\-/]{5,20}\d(?:\s*(?:x|ext\.?)\s*\d{1,6})?(?![\w])/gi;
const CARD_GROUPED = /^\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}$|^\d{4}([ -])\d{6}\2\d{4,5}$/;
const RE_CARD_CUE = /\b(?:card|credit|debit|visa|mastercard|amex|cc|pan)\b[^.\n]{0,20}$/i;
const RE_PHONE_CUE = /\b(?:phone|tel|telephone|call|mobile|cell|fax|whatsapp|contact|number|ph)\b[^.\n]{0,12}$/i;
const RE_IP_BEFORE = /\b(?:ip|ipv4|address|addr|host|server|from|gateway)\b[\s:=]*$/i;
const RE_VERSION_BEFORE = /(?:version|ver\.?|v|release|build|firmware)\s*$/i;
const RE_PASSPORT = /\bpassport(?:\s*(?:no\.?|number|num|#|id))?\s*(?:is|:|=|-)?\s*([A-Z0-9]{6,9})\b/gi;
const RE_DOB = /\b(?:dob|d\.o\.b\.?|date of birth|birth ?date|born(?: on)?)\s*(?:is|:|=|-)?\s*([0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{2,4}|[0-9]{8}|[A-Za-z]{3,9}\.? [0-9]{1,2},? [0-9]{4}|[0-9]{1,2} [A-Za-z]{3,9} [0-9]{4})/gi;
const RE_MRN = /\b(?:mrn|medical record(?: number| no\.?| #)?|patient id)\s*(?:is|:|#|=|-)?\s*([A-Z0-9-]{4,15})\b/gi;
const RE_ICD = /\bicd(?:-?10)?(?:\s*code)?\s*(?:is|:|=|-)?\s*([A-TV-Z]\d[0-9AB](?:\.[0-9A-TV-Z]{1,4})?)\b/gi;

/** Longer cells are scanned on their first 64 KiB only (bounded time per value). */
const MAX_SCAN = 65_536;

export function scanEmbedded(fullText: string, phoneCountry: CountryCode): EmbeddedFinding {
  const text = fullText.length > MAX_SCAN ? fullText.slice(0, MAX_SCAN) : fullText;
  const hasDigit = /\d/.test(text);
  const found = new Map<PiiKind, string>();
  const taken: Array<[number, number]> = [];
  const note = (kind: PiiKind, value: string, start: number) => {
    taken.push([start, start + value.length]);
    if (!found.has(kind)) found.set(kind, maskValue(kind, value));
  };
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);

  // the guards keep patterns with an unbounded leading run off texts that cannot match (no '@', no digit)
  if (text.includes('@')) for (const m of text.matchAll(RE_EMAIL)) if (isEmail(m[0])) note('email', m[0], m.index);
  if (hasDigit) {
    for (const m of text.matchAll(RE_SSN)) if (!overlaps(m.index, m.index + m[0].length) && isSsn(m[0])) note('ssn', m[0], m.index);
    for (const m of text.matchAll(RE_CARD)) {
      // in prose a card is written in groups of four (or 4-6-5), or bare next to a word that says card
      const c = m[0];
      const layout = CARD_GROUPED.test(c) || (/^\d+$/.test(c) && RE_CARD_CUE.test(text.slice(Math.max(0, m.index - 30), m.index)));
      if (layout && !overlaps(m.index, m.index + c.length) && isCreditCardNumber(c)) note('credit_card', c, m.index);
    }
    for (const m of text.matchAll(RE_IBAN)) if (!overlaps(m.index, m.index + m[0].length) && isIban(m[0])) note('iban', m[0], m.index);
    for (const m of text.matchAll(RE_IPV4)) {
      if (!isIPv4(m[0])) continue;
      const before = text.slice(Math.max(0, m.index - 16), m.index);
      if (RE_VERSION_BEFORE.test(before)) continue;
      // four small parts (10.2.3.4) in prose is usually a version, unless the text says it is an address
      if (m[0].split('.').every((p) => +p < 32) && !RE_IP_BEFORE.test(before)) continue;
      note('ip', m[0], m.index);
    }
    for (const m of text.matchAll(RE_IPV6)) if (m[0].length >= 6 && isIPv6(m[0])) note('ip', m[0], m.index);
    for (const m of text.matchAll(RE_PASSPORT)) if (/(?:\D*\d){5}/.test(m[1]!)) note('passport', m[1]!, m.index + m[0].length - m[1]!.length);
    for (const m of text.matchAll(RE_DOB)) if (isPlausibleDate(m[1]!)) note('date_of_birth', m[1]!, m.index + m[0].length - m[1]!.length);
    for (const m of text.matchAll(RE_MRN)) if (/\d{3}/.test(m[1]!)) note('health', m[1]!, m.index + m[0].length - m[1]!.length);
  }
  for (const m of text.matchAll(RE_ICD)) note('health', m[1]!, m.index + m[0].length - m[1]!.length);
  if (hasDigit) {
    // phone candidates: runs of digits and phone punctuation; each validated like a whole value.
    // (libphonenumber's findPhoneNumbersInText was measured at ~0.1 ms per character on digit-heavy text.)
    let n = 0;
    for (const m of text.matchAll(RE_PHONE_CANDIDATE)) {
      if (++n > 32) break;
      const c = m[0].trim();
      if (overlaps(m.index, m.index + m[0].length)) continue;
      // a phone layout, or a phone word just before: bare digit runs in prose are rarely phone numbers
      const layout = c.startsWith('+') || NANP_SHAPE.test(c) || RE_PHONE_CUE.test(text.slice(Math.max(0, m.index - 24), m.index));
      if (!layout) continue;
      const form = phoneForm(c, phoneCountry);
      if (form === 1 || form === 2) note('phone', c, m.index);
    }
  }
  let kinds = 0;
  const masks: string[] = [];
  const ordered = [...found.keys()].sort((a, b) => KIND_INDEX[a] - KIND_INDEX[b]);
  for (const k of ordered) {
    kinds |= 1 << KIND_INDEX[k];
    masks.push(found.get(k)!);
  }
  return { kinds, masks };
}
