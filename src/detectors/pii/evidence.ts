import { NEGATIVE, STRONG, type NamePriors } from './column-name.js';
import { PII_KINDS, type PiiKind } from './kinds.js';
import type { PiiRules } from './rules.js';
import { F } from './validators.js';

/**
 * How value evidence and the column-name prior combine.
 *
 * Each kind has tiers of value forms, from strict to loose. A tier has a `strength`: how much a column whose
 * values pass it is that kind when the name says nothing (1 for a validated e-mail or card number, ~0.5 for a
 * bare 9-digit number that passes the SSN rules, 0 for "any text" as an address line). The name prior f
 * (0.9 explicit, 0.45 suggestive, 0 silent) is combined with it as a noisy-OR, and the share of values that
 * pass the tier scales the result:
 *
 *     confidence = share × (1 − (1 − strength) · (1 − f))
 *
 * so a tier of strength 0 can only fire when the name is explicit, and a silent name can never lift a weak
 * form. The share must also reach a floor: rules.minValidShareNamed when the name is explicit,
 * rules.minValidShareSuggestive when it only suggests, rules.minValidShare when silent, and rules.minValidShareWeakForm for the weak forms (random ids pass those
 * tests 60–90 % of the time; those also need rules.minDistinctWeakForm distinct values). The best tier of each kind counts; the best kind wins, ties in PII_KINDS order.
 */
export interface Tier {
  bits: number;
  strength: number;
  /** Random numbers pass this form often: a silent name needs rules.minValidShareWeakForm. */
  weakForm?: boolean;
  /** Corroboration a silent or suggestive name needs: another form's share must reach minShare. */
  requires?: { bits: number; minShare: number };
}

export const TIERS: Readonly<Record<PiiKind, readonly Tier[]>> = {
  email: [{ bits: F.EMAIL, strength: 1 }],
  phone: [
    { bits: F.PHONE, strength: 0.9 },
    { bits: F.PHONE | F.PHONE_PLAIN, strength: 0.55, weakForm: true },
    { bits: F.PHONE | F.PHONE_PLAIN | F.PHONE_POSSIBLE, strength: 0.1 },
  ],
  ssn: [
    { bits: F.SSN, strength: 0.95 },
    { bits: F.SSN | F.SSN_PLAIN, strength: 0.55, weakForm: true },
    { bits: F.SSN | F.SSN_PLAIN | F.NATID_LIKE, strength: 0 },
  ],
  credit_card: [{ bits: F.CARD, strength: 1 }],
  iban: [{ bits: F.IBAN, strength: 1 }],
  ip: [{ bits: F.IPV4 | F.IPV6, strength: 0.9 }],
  person_name: [
    { bits: F.NAME_DICT, strength: 0.7 },
    // full names ("Dagny Lindqvist"): capitalised 2–4 tokens, and known names among a fair part of them
    { bits: F.NAME_FULL, strength: 0.7, requires: { bits: F.NAME_DICT, minShare: 0.3 } },
    { bits: F.NAME_SHAPE, strength: 0 },
  ],
  address: [
    { bits: F.ADDR_STREET, strength: 0.8 },
    { bits: F.ADDR_STREET | F.ADDR_WORD, strength: 0.3 },
    { bits: F.ADDR_LOOSE, strength: 0 },
  ],
  date_of_birth: [
    { bits: F.DATE, strength: 0.05 },
    { bits: F.DATE | F.YEAR, strength: 0 },
  ],
  passport: [{ bits: F.PASSPORT_LIKE, strength: 0 }],
  health: [
    // bare 3-character codes (A01, B22) are also seat numbers and grid references: want some dotted codes
    { bits: F.ICD10, strength: 0.6, requires: { bits: F.ICD10_DOTTED, minShare: 0.2 } },
    { bits: F.ICD10 | F.MRN_LIKE | F.TEXTUAL, strength: 0 },
  ],
  postal_code: [
    { bits: F.POSTAL_ALPHA, strength: 0.75 },
    { bits: F.POSTAL_ALPHA | F.POSTAL_ZIP4, strength: 0.5 },
    { bits: F.POSTAL_ALPHA | F.POSTAL_ZIP4 | F.POSTAL_NUM, strength: 0 },
  ],
};

/** Every bit any tier of the kind looks at (used to decide which masked examples to keep per value). */
export const KIND_BITS: readonly number[] = PII_KINDS.map((k) => TIERS[k].reduce((acc, t) => acc | t.bits, 0));

/** Strength of a free-text finding per embedded kind (how sure the embedded validators are). */
export const EMBEDDED_STRENGTH: Readonly<Record<PiiKind, number>> = {
  email: 0.95, credit_card: 0.95, iban: 0.95, ssn: 0.9, phone: 0.8, ip: 0.8,
  passport: 0.7, date_of_birth: 0.7, health: 0.7, person_name: 0.5, address: 0.5, postal_code: 0.5,
};

export interface Decision {
  kind: PiiKind;
  tier: Tier;
  confidence: number;
  validShare: number;
}

/**
 * Pick the column's kind from the occurrence counts of each value form.
 * `shareOf(bits)` = share of non-empty values having any of `bits`.
 */
export function decideKind(
  shareOf: (bits: number) => number,
  priors: NamePriors,
  rules: PiiRules,
  distinctOf: (bits: number) => number = () => Infinity,
): Decision | null {
  let best: Decision | null = null;
  for (const kind of PII_KINDS) {
    if (!rules.kinds.includes(kind)) continue;
    const f = priors[kind];
    if (f === NEGATIVE) continue;
    if (kind === 'ip' && f < STRONG) {
      // version strings (10.2.3.4) are valid IPv4 text; real address columns rarely have every part < 32
      const ips = shareOf(F.IPV4);
      if (ips > 0 && shareOf(F.IP_SMALL) >= 0.5 * ips) continue;
    }
    for (const tier of TIERS[kind]) {
      const share = shareOf(tier.bits);
      if (share === 0) continue;
      const floor =
        f >= STRONG ? rules.minValidShareNamed : f > 0 ? rules.minValidShareSuggestive : tier.weakForm ? rules.minValidShareWeakForm : rules.minValidShare;
      if (share < floor) continue;
      if (tier.weakForm && f === 0 && distinctOf(tier.bits) < rules.minDistinctWeakForm) continue;
      if (tier.requires && f < STRONG && shareOf(tier.requires.bits) < tier.requires.minShare) continue;
      const confidence = share * (1 - (1 - tier.strength) * (1 - Math.max(0, f)));
      if (confidence < rules.minConfidence) continue;
      if (best === null || confidence > best.confidence + 1e-12) best = { kind, tier, confidence, validShare: share };
    }
  }
  return best;
}
