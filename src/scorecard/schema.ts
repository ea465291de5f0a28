import { z } from 'zod';

/**
 * The readiness scorecard, part of the JSON report (`report.scorecard`). Scores are 0–100 integers; a score
 * is null when nothing behind it could be measured from this report ("not measured"), never a guess.
 */
export const SCORECARD_VERSION = 1;

export const gradeSchema = z.enum(['A', 'B', 'C', 'D', 'F']);
export const severitySchema = z.enum(['info', 'warn', 'fail']);
export const dimensionIdSchema = z.enum(['quality', 'volume', 'access', 'governance', 'versioning']);

const evidenceValue = z.union([z.number(), z.string(), z.boolean(), z.null(), z.array(z.string())]);

export const findingSchema = z.object({
  id: z.string().describe('stable rule id, e.g. quality.missing'),
  dimension: dimensionIdSchema,
  severity: severitySchema,
  column: z.string().nullable().describe('the column concerned, or null for a table-level finding'),
  message: z.string(),
  evidence: z.record(z.string(), evidenceValue).describe('the numbers behind the message'),
  recommendation: z.string(),
});

export const componentSchema = z.object({
  id: z.string(),
  title: z.string(),
  score: z.number().nullable().describe('0–100, null = not measured'),
  weight: z.number(),
  detail: z.string().describe('how the score was reached, or why it could not be'),
});

export const dimensionSchema = z.object({
  id: dimensionIdSchema,
  title: z.string(),
  score: z.number().nullable(),
  grade: gradeSchema.nullable(),
  weight: z.number(),
  /** Score before the fail cap, when the cap lowered it. */
  capped: z.boolean(),
  components: z.array(componentSchema),
  findings: z.array(findingSchema),
  facts: z.record(z.string(), evidenceValue).describe('key figures of the dimension, for renderings'),
});

export const checklistItemSchema = z.object({
  id: z.string(),
  item: z.string(),
  status: z.enum(['pass', 'fail', 'not-measurable']),
  evidence: z.string(),
});

export const piiInventoryEntrySchema = z.object({
  column: z.string(),
  kind: z.string(),
  risk: z.enum(['high', 'medium', 'low']),
  confidence: z.number(),
  validShare: z.number().nullable(),
  regulations: z.array(z.string()),
  embedded: z.record(z.string(), z.number()).nullable(),
  examples: z.array(z.string()).describe('masked by the detector; never raw values'),
});

export const scorecardSchema = z.object({
  scorecardVersion: z.literal(SCORECARD_VERSION),
  rulesSha256: z.string(),
  overall: z.object({
    score: z.number().nullable(),
    grade: gradeSchema.nullable(),
    measuredDimensions: z.array(dimensionIdSchema),
  }),
  dimensions: z.array(dimensionSchema).describe('always five, in the order quality, volume, access, governance, versioning'),
  checklist: z.array(checklistItemSchema),
  piiInventory: z.array(piiInventoryEntrySchema).nullable().describe('null when PII detection did not run'),
  fingerprints: z.object({ content: z.string().nullable(), schema: z.string() }),
});

export type Grade = z.infer<typeof gradeSchema>;
export type Severity = z.infer<typeof severitySchema>;
export type DimensionId = z.infer<typeof dimensionIdSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type Component = z.infer<typeof componentSchema>;
export type Dimension = z.infer<typeof dimensionSchema>;
export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export type PiiInventoryEntry = z.infer<typeof piiInventoryEntrySchema>;
export type Scorecard = z.infer<typeof scorecardSchema>;
export type EvidenceValue = z.infer<typeof evidenceValue>;
