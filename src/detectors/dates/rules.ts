import { z } from 'zod';

/**
 * Thresholds of the date detector. They live in rules/ (key `dates:`); every key has a default so an
 * empty rules file gives the behaviour measured in bench/results/dates.md.
 */
export const dateRulesSchema = z
  .object({
    /** A column is date-like when at least this share of its non-missing values parse as dates (sentinels included). */
    minDateShare: z.number().min(0).max(1).default(0.7),
    /** ...and at least this many values parse. */
    minDateValues: z.number().int().min(1).default(1),
    /**
     * Pure digit strings are read as epoch seconds / milliseconds only when the column name suggests time
     * (created, ts, time, date, *_at, ...) and the instant falls inside this range (ISO dates, inclusive).
     */
    epochMin: z.iso.date().default('1971-01-01'),
    epochMax: z.iso.date().default('2100-01-01'),
    /**
     * 8-digit `yyyyMMdd` (and 14-digit `yyyyMMddHHmmss`) integers count as dates when the name suggests time,
     * or without such a name when at least this share of the non-missing values are valid compact dates.
     */
    compactWithoutNameShare: z.number().min(0).max(1).default(0.95),
    /** Tie-break for values valid in several orders when the column gives no evidence. */
    preferOrder: z
      .array(z.enum(['month-first', 'day-first', 'year-first']))
      .length(3)
      .default(['month-first', 'day-first', 'year-first']),
    /** Ambiguous dotted dates (`01.06.2013`) read day-first before `preferOrder` applies. */
    dottedDayFirst: z.boolean().default(true),
    /** Calendar days that are disguised nulls whenever they occur. */
    sentinelDates: z
      .array(z.iso.date())
      .default(['0001-01-01', '1899-12-30', '1899-12-31', '1900-01-01', '2999-12-31', '9999-12-31']),
    /** Calendar days that are disguised nulls when they occur at least `sentinelMinRepeat` times. */
    repeatSentinelDates: z
      .array(z.iso.date())
      .default(['1800-01-01', '1901-01-01', '1970-01-01', '2099-12-31', '2100-01-01', '3000-01-01']),
    sentinelMinRepeat: z.number().int().min(2).default(2),
    /**
     * Unlisted sentinel discovery: the oldest or newest day of a column is a sentinel when it repeats
     * (`sentinelMinRepeat`), is separated from every other day by at least this many days, and is a
     * round day (Jan 1 / Dec 31) or holds at least `isolatedSentinelMinShare` of the dates.
     */
    isolatedSentinelGapDays: z.number().int().min(1).default(3653),
    isolatedSentinelMinShare: z.number().min(0).max(1).default(0.05),
    /** Distinct days kept exactly per histogram; beyond it days are bucketed (result says `approximate`). */
    maxDistinctDays: z.number().int().min(64).default(32768),
  })
  .strict();

export type DateRules = z.infer<typeof dateRulesSchema>;
export type DateRulesInput = z.input<typeof dateRulesSchema>;

export const DATE_DEFAULTS: DateRules = dateRulesSchema.parse({});
