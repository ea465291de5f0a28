/** The PII kinds this detector reports, and the regulations a finding of each kind touches. */
export const PII_KINDS = [
  'email',
  'phone',
  'ssn',
  'credit_card',
  'iban',
  'ip',
  'person_name',
  'address',
  'date_of_birth',
  'passport',
  'health',
  'postal_code',
] as const;

export type PiiKind = (typeof PII_KINDS)[number];

/** A free-text column (notes, comments) in which PII of other kinds was found embedded. */
export type PiiColumnKind = PiiKind | 'free_text';

export const REGULATIONS = ['GDPR', 'CCPA', 'HIPAA', 'PCI-DSS'] as const;
export type Regulation = (typeof REGULATIONS)[number];

/**
 * Why each mapping: every kind identifies or locates a person, so it is personal data under GDPR and personal
 * information under CCPA. Card numbers are cardholder data (PCI-DSS). Health codes and medical record numbers
 * are protected health information (HIPAA) and special-category data (GDPR art. 9). The other HIPAA identifiers
 * (names, addresses, dates, phones…) are PHI only next to health data, so HIPAA is added to them by the
 * caller's context, not here.
 */
export const KIND_REGULATIONS: Readonly<Record<PiiKind, readonly Regulation[]>> = {
  email: ['GDPR', 'CCPA'],
  phone: ['GDPR', 'CCPA'],
  ssn: ['GDPR', 'CCPA'],
  credit_card: ['GDPR', 'CCPA', 'PCI-DSS'],
  iban: ['GDPR', 'CCPA'],
  ip: ['GDPR', 'CCPA'],
  person_name: ['GDPR', 'CCPA'],
  address: ['GDPR', 'CCPA'],
  date_of_birth: ['GDPR', 'CCPA'],
  passport: ['GDPR', 'CCPA'],
  health: ['GDPR', 'CCPA', 'HIPAA'],
  postal_code: ['GDPR', 'CCPA'],
};

export const KIND_INDEX: Readonly<Record<PiiKind, number>> = Object.fromEntries(
  PII_KINDS.map((k, i) => [k, i]),
) as Record<PiiKind, number>;

/** Regulations of several kinds, in the fixed order of REGULATIONS (deterministic output). */
export function regulationsOf(kinds: readonly PiiKind[]): Regulation[] {
  const set = new Set<Regulation>();
  for (const k of kinds) for (const r of KIND_REGULATIONS[k]) set.add(r);
  return REGULATIONS.filter((r) => set.has(r));
}
