import { KIND_REGULATIONS, PII_KINDS, REGULATIONS } from './kinds.js';
import { PII_DEFAULTS } from './rules.js';

/** Detector metadata beside its logic (id, what it finds, regulations it maps to, defaults). */
export const piiDetectorMeta = {
  id: 'pii',
  description:
    'Finds columns holding personal data (e-mail, phone, SSN, card, IBAN, IP, names, addresses, dates of birth, passports, health codes, postcodes) by validating values and weighing the column name, and free-text columns with PII embedded; reports masked examples only.',
  kinds: PII_KINDS,
  regulations: REGULATIONS,
  kindRegulations: KIND_REGULATIONS,
  defaults: PII_DEFAULTS,
} as const;

export { PiiColumnAccumulator, type PiiResult, type PiiState } from './accumulator.js';
export { maskValue } from './mask.js';
export { piiRulesSchema, PII_DEFAULTS, type PiiRules, type PiiRulesInput } from './rules.js';
export { PII_KINDS, REGULATIONS, KIND_REGULATIONS, type PiiKind, type PiiColumnKind, type Regulation } from './kinds.js';
export { namePriors, normalizeColumnName } from './column-name.js';
