import { z } from 'zod';
import { PII_KINDS } from './kinds.js';

/**
 * Thresholds of the PII detector (the `pii:` section of rules/default.yaml). Every key has a default, so
 * `piiRulesSchema.parse({})` gives the defaults and a user file only names what it changes.
 */
export const piiRulesSchema = z
  .object({
    /** Kinds to look for; leave one out to switch it off. */
    kinds: z.array(z.enum(PII_KINDS)).default([...PII_KINDS]),
    /** A column is reported when its best kind reaches this confidence (0..1). */
    minConfidence: z.number().min(0).max(1).default(0.5),
    /** Share of non-empty values that must validate when only the values speak for the kind. */
    minValidShare: z.number().min(0).max(1).default(0.8),
    /** The same share when the column name supports the kind (e.g. `dob`, `zip`, `ssn`). */
    minValidShareNamed: z.number().min(0).max(1).default(0.5),
    /** The same share when the column name only suggests the kind (a bare `name`, `contact`, `card`). */
    minValidShareSuggestive: z.number().min(0).max(1).default(0.65),
    /**
     * Weak value forms (a bare 9-digit number as SSN, a bare 10-digit number as phone) need this share
     * when the column name does not support them: random ids pass such tests 60–90 % of the time.
     */
    minValidShareWeakForm: z.number().min(0).max(1).default(0.98),
    /** …and at least this many distinct values passing it (a handful of codes proves nothing). */
    minDistinctWeakForm: z.number().int().min(1).default(20),
    /**
     * Distinct values classified exactly; beyond this the detector keeps a deterministic hash sample of
     * distinct values (level sampling, rate halves each time the budget is exceeded) and says so.
     */
    sampleDistinct: z.number().int().min(16).max(1_000_000).default(1024),
    /** Region assumed for phone numbers written without a country code (ISO 3166-1 alpha-2). */
    phoneDefaultCountry: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as US or GB')
      .default('US'),
    /** A column is free text when at least this share of its values are prose (several words). */
    freeTextMinShare: z.number().min(0).max(1).default(0.3),
    /** A free-text column is reported when at least this many values hold embedded PII. */
    minEmbeddedValues: z.number().int().min(1).default(1),
    /** …and at least this share of its non-empty values (one phone number in 5,000 product blurbs is not a finding). */
    minEmbeddedShare: z.number().min(0).max(1).default(0.01),
    /** Values treated as empty for PII purposes (matched trimmed, case-insensitively). */
    nullTokens: z
      .array(z.string())
      .default(['na', 'n/a', 'null', 'none', 'nil', '-', '--', '?', 'unknown', '#n/a', 'nan', 'missing', 'undefined', '(null)', 'not available', 'redacted']),
  })
  .strict();

export type PiiRules = z.infer<typeof piiRulesSchema>;
export type PiiRulesInput = z.input<typeof piiRulesSchema>;

export const PII_DEFAULTS: PiiRules = piiRulesSchema.parse({});
