import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ExitCode, UserError } from '../cli/errors.js';
import { PACKAGE_ROOT } from '../util/package-root.js';

/**
 * Weights and thresholds of the readiness scorecard. The defaults below are the same numbers as
 * rules/scorecard.yaml (kept there for people to read and copy); every key is optional, so a rules file only
 * names what it changes. `.prefault({})` lets a missing block take its defaults in zod 4.
 */
const share = z.number().min(0).max(1);
const positive = z.number().gt(0);
const weight = z.number().min(0);
const risk = z.enum(['high', 'medium', 'low']);
const severity = z.enum(['info', 'warn', 'fail']);

function weights<K extends string>(defaults: Record<K, number>) {
  const shape = Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, weight.default(v as number)])) as Record<
    K,
    z.ZodDefault<typeof weight>
  >;
  return z.object(shape).strict().prefault({} as never);
}

export const scorecardRulesSchema = z
  .object({
    grades: z
      .object({ A: z.number().default(90), B: z.number().default(80), C: z.number().default(70), D: z.number().default(60) })
      .strict()
      .prefault({})
      .refine((g) => g.A >= g.B && g.B >= g.C && g.C >= g.D, 'grade thresholds must not increase from A to D'),
    failCap: z.number().min(0).max(100).nullable().default(69),
    weights: weights({ quality: 0.3, volume: 0.1, access: 0.2, governance: 0.2, versioning: 0.2 }),
    quality: z
      .object({
        weights: weights({ completeness: 0.3, validity: 0.25, consistency: 0.15, uniqueness: 0.2, staleness: 0.1 }),
        completenessZeroAt: positive.default(0.5),
        validityZeroAt: positive.default(0.2),
        consistencyZeroAt: positive.default(0.2),
        uniquenessZeroAt: positive.default(0.2),
        missingWarn: share.default(0.05),
        missingFail: share.default(0.5),
        conformanceWarn: share.default(0.99),
        conformanceFail: share.default(0.9),
        dateFormatWarn: share.default(0),
        dateFormatFail: share.default(0.1),
        variantWarn: share.default(0),
        duplicateWarn: share.default(0),
        duplicateFail: share.default(0.05),
        staleWarnDays: z.number().min(0).default(90),
        staleFailDays: z.number().min(0).default(365),
        freshDays: z.number().min(0).default(30),
      })
      .strict()
      .prefault({}),
    volume: z
      .object({
        weights: weights({ headroom: 0.4, profileTime: 0.2, splittability: 0.4 }),
        projectionFactor: positive.default(10),
        machineMemoryBytes: positive.default(16 * 2 ** 30),
        usableMemoryShare: share.default(0.5),
        bytesPerNumericCell: positive.default(8),
        bytesPerStringCell: positive.default(57),
        bytesPerRowIndex: z.number().min(0).default(0),
        profileSecondsBudget: positive.default(900),
        /** Throughput the time projection assumes (bytes/s); from bench/RESULTS.md, so the report stays deterministic. */
        referenceBytesPerSecond: positive.default(50 * 2 ** 20),
        unsplittableWarnBytes: z.number().min(0).default(256 * 2 ** 20),
        rowGroupMinRows: z.number().min(0).default(10_000),
        rowGroupMaxBytes: positive.default(2 ** 30),
        wideColumns: z.number().int().min(1).default(500),
      })
      .strict()
      .prefault({}),
    access: z
      .object({
        weights: weights({ parsing: 0.3, encoding: 0.15, header: 0.2, typeStability: 0.2, keys: 0.15, schemaAgreement: 0.15 }),
        raggedZeroAt: positive.default(0.05),
        raggedFail: share.default(0.01),
        dialectConfidenceWarn: share.default(0.9),
        encodingConfidenceWarn: share.default(0.8),
        headerPenalty: z.number().min(0).max(100).default(25),
        stableConformance: share.default(0.99),
        noKeyScore: z.number().min(0).max(100).default(50),
      })
      .strict()
      .prefault({}),
    governance: z
      .object({
        weights: weights({ exposure: 0.5, minimization: 0.3, hygiene: 0.2 }),
        riskPenalty: z
          .object({ high: z.number().min(0).default(25), medium: z.number().min(0).default(10), low: z.number().min(0).default(5) })
          .strict()
          .prefault({}),
        embeddedRisk: risk.default('high'),
        kindRisk: z.record(z.string(), risk).default({
          ssn: 'high',
          credit_card: 'high',
          iban: 'high',
          passport: 'high',
          health: 'high',
          date_of_birth: 'medium',
          email: 'medium',
          phone: 'medium',
          person_name: 'medium',
          address: 'medium',
          ip: 'medium',
          postal_code: 'low',
        }),
        riskSeverity: z
          .object({ high: severity.default('fail'), medium: severity.default('warn'), low: severity.default('info') })
          .strict()
          .prefault({}),
        minConfidence: share.default(0.5),
        minimizationPenalty: z.number().min(0).default(15),
        sparsePiiMissing: share.default(0.8),
      })
      .strict()
      .prefault({}),
    versioning: z
      .object({
        weights: weights({ contentFingerprint: 0.25, schemaFingerprint: 0.1, lineage: 0.2, toolAndRules: 0.15, baseline: 0.3 }),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type ScorecardRules = z.infer<typeof scorecardRulesSchema>;
export type Risk = z.infer<typeof risk>;

export const SCORECARD_RULES_PATH = join(PACKAGE_ROOT, 'rules', 'default.yaml');

/** The built-in defaults, without reading any file. */
export function defaultScorecardRules(): ScorecardRules {
  return scorecardRulesSchema.parse({});
}

// Not imported from config/rules.ts: that module will import this schema once rules/default.yaml holds the
// scorecard block, and an import cycle between the two would leave one schema undefined at load time.
function formatZodIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`)
    .join('; ');
}

/** Parses the `scorecard` block of a rules document; `where` names it in the error. */
export function parseScorecardRules(block: unknown, where: string): ScorecardRules {
  const parsed = scorecardRulesSchema.safeParse(block ?? {});
  if (!parsed.success) {
    throw new UserError(`rules file ${where}: scorecard.${formatZodIssues(parsed.error)}`, ExitCode.CouldNotRun);
  }
  return parsed.data;
}

let cached: ScorecardRules | undefined;

/**
 * The scorecard rules in effect: the `scorecard` block of the profile rules once rules/default.yaml holds
 * one, else the scorecard: section of rules/default.yaml (read once).
 */
export function scorecardRulesFrom(profileRules?: unknown): ScorecardRules {
  const block = (profileRules as { scorecard?: unknown } | undefined)?.scorecard;
  if (block !== undefined) return parseScorecardRules(block, 'scorecard');
  if (cached === undefined) {
    let doc: unknown;
    try {
      doc = parseYaml(readFileSync(SCORECARD_RULES_PATH, 'utf8'));
    } catch (e) {
      throw new UserError(`cannot read ${SCORECARD_RULES_PATH}: ${(e as Error).message.split('\n')[0]}`, ExitCode.CouldNotRun);
    }
    cached = parseScorecardRules((doc as { scorecard?: unknown } | null)?.scorecard, SCORECARD_RULES_PATH);
  }
  return cached;
}

/** SHA-256 of the effective scorecard rules, so a scorecard says what it was graded with. */
export function scorecardRulesHash(rules: ScorecardRules): string {
  return createHash('sha256').update(JSON.stringify(rules)).digest('hex');
}
