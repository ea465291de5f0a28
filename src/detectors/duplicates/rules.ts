import { z } from 'zod';

/**
 * Thresholds of the duplicate detector. Every key has a default, so `{}` (or no rules at all) is the
 * zero-configuration run; `rules/default.yaml` carries the same values under `duplicates:`.
 */
export const dupRulesSchema = z
  .object({
    /** Find near-duplicates at all (exact duplicates are always counted). */
    near: z.boolean().default(true),
    /**
     * Match when the Fellegi–Sunter weight of a pair (bits of evidence, see finish.ts) reaches
     * log2(records) + matchBias. Higher is stricter.
     */
    matchBias: z.number().min(-20).max(40).default(2),
    /**
     * A pair whose informative fields (>= 3 bits when equal) are wholly different — not a typo, not
     * swapped, not empty — in more than max(maxDifferingFields, maxDifferingShare × fields compared)
     * columns is not a match, whatever the other columns say (a household shares surname, street and
     * phone but not first name, birth date and e-mail).
     */
    maxDifferingFields: z.number().int().min(0).max(256).default(2),
    maxDifferingShare: z.number().min(0).max(1).default(0.34),
    /** Bigram-Jaccard from which two different texts count as "close" (a typo, not another value). */
    closeJaccard: z.number().min(0.3).max(1).default(0.6),
    /** Most bits a "close" (typo-level) field may add to a pair's weight. */
    closeMaxBits: z.number().min(0).max(40).default(4),
    /** Dates no more than this many days apart count as "close". */
    dateCloseDays: z.number().min(0).max(3660).default(31),
    /** Numbers within this relative difference count as equal (rounding, float formatting). */
    numberEqualTolerance: z.number().min(0).max(0.5).default(0.001),
    /** Numbers within this relative difference count as "close"; beyond it an event column vetoes. */
    numberCloseTolerance: z.number().min(0).max(1).default(0.01),
    /** A column whose share of distinct values (among non-empty) reaches this is a row key and is ignored. */
    keyDistinctRatio: z.number().min(0.5).max(1).default(0.995),
    /**
     * A number/date column whose values agree in fewer than this share of likely matches is an event
     * column (order date, amount): when it differs substantially, the rows are different events.
     */
    eventAgreementBelow: z.number().min(0).max(1).default(0.5),
    /** Blocks larger than this are compared by a sliding window instead of all pairs (and the report says so). */
    maxBlock: z.number().int().min(2).max(100_000).default(64),
    /** Window (rows ahead) for oversized blocks. */
    window: z.number().int().min(1).max(1000).default(16),
    /** Blocking passes: pairs of the most informative columns, at most this many. */
    maxPasses: z.number().int().min(1).max(64).default(12),
    /** The same above 500,000 distinct records, where each pass costs a grouping of every row. */
    maxPassesLarge: z.number().int().min(1).max(64).default(6),
    /**
     * Budget of candidate pairs per record over all blocking passes (counted exactly per pass); a pass
     * that would exceed it is skipped and the result says so. The three most selective passes always run,
     * and tables needing fewer than a million candidate pairs are never limited.
     */
    pairsPerRow: z.number().min(0.1).max(1000).default(3),
    /** Near-duplicate signatures are kept for this many columns at most (the first ones). */
    maxFields: z.number().int().min(1).max(256).default(16),
    /**
     * Near-duplicate signatures are kept for the first rows up to this byte budget (4 bytes per field and
     * row); rows beyond it are still counted for exact duplicates, and the result says near detection was
     * limited to the first rows.
     */
    nearMemoryBytes: z.number().int().min(1024).default(320 * 1024 * 1024),
    /**
     * Exact-duplicate hashes (8 bytes a row) of the rows past the near-duplicate rows are kept up to this
     * budget; past it they are kept by a hash sample (every copy of a row shares its hash, so copy groups
     * are kept whole), exact counts past the near rows become estimates, and the result says so.
     */
    exactMemoryBytes: z.number().int().min(8).default(16 * 1024 * 1024),
    /** How many masked examples the result lists. */
    examples: z.number().int().min(0).max(100).default(5),
  })
  .strict();

export type DupRules = z.infer<typeof dupRulesSchema>;
export type DupRulesInput = z.input<typeof dupRulesSchema>;

export const defaultDupRules: DupRules = dupRulesSchema.parse({});

export function parseDupRules(input: unknown): DupRules {
  return dupRulesSchema.parse(input ?? {});
}
