import { z } from 'zod';
import { scorecardSchema } from '../scorecard/schema.js';

/**
 * The JSON report is the contract: other tools and scheduled jobs read it. Markdown, HTML and the terminal
 * view are renderings of it. Bump REPORT_VERSION on any change a reader could trip on.
 */
export const REPORT_VERSION = 1;

const typeName = z.enum(['integer', 'decimal', 'boolean', 'date', 'datetime', 'string']);

export const missingSchema = z.object({
  count: z.number().int().describe('nulls + empty + whitespace + every disguised-null token'),
  rate: z.number().describe('count / values'),
  nulls: z.number().int().describe('true nulls (Parquet/Arrow), and fields absent from short CSV records'),
  empty: z.number().int(),
  whitespace: z.number().int(),
  disguised: z.record(z.string(), z.number().int()).describe('per null token from the rules, its count'),
  discovered: z
    .record(z.string(), z.number().int())
    .describe('sentinels nobody listed: repeated values that do not fit the column (unknown in a numeric column, 999999, 999-99-9999)'),
  discoveredCounted: z.array(z.string()).describe('the discovered values with strong evidence, included in count'),
});

export const columnSchema = z.object({
  name: z.string(),
  index: z.number().int(),
  values: z.number().int().describe('cells in this column, missing ones included'),
  missing: missingSchema,
  type: z.object({
    inferred: typeName,
    conformance: z.number().nullable().describe('share of non-missing values that conform to the inferred type'),
    counts: z.record(typeName, z.number().int()),
  }),
  distinct: z.object({ distinct: z.number().int(), exact: z.boolean() }),
  numeric: z
    .object({
      count: z.number().int(),
      min: z.number().nullable(),
      max: z.number().nullable(),
      mean: z.number().nullable(),
      stddev: z.number().nullable(),
      quantiles: z.record(z.string(), z.number()),
    })
    .nullable()
    .describe('for integer and decimal columns, over the values that parse as numbers'),
  lengths: z.object({ min: z.number().nullable(), mean: z.number().nullable(), max: z.number().nullable() }),
  topValues: z
    .object({
      approximate: z.boolean(),
      values: z.array(z.object({ value: z.string(), count: z.number().int() })),
    })
    .describe('masked when the column holds personal data'),
  dates: z
    .looseObject({
      formats: z.record(z.string(), z.number().int()).describe('date-fns pattern → values'),
      dominant: z.string().nullable(),
      dominantShare: z.number(),
      inconsistent: z.boolean(),
      ambiguous: z.number().int(),
      resolution: z.enum(['day-first', 'month-first', 'unresolved', 'mixed']).nullable(),
      min: z.string().nullable(),
      max: z.string().nullable(),
      future: z.number().int().nullable(),
      newestAgeDays: z.number().nullable(),
      asOf: z.string().nullable(),
      sentinels: z.record(z.string(), z.number().int()),
    })
    .nullable()
    .describe('null unless the column is date-like'),
  pii: z
    .looseObject({
      kind: z.string(),
      confidence: z.number(),
      validShare: z.number(),
      regulations: z.array(z.string()),
      embedded: z.record(z.string(), z.number()).optional(),
      examples: z.array(z.string()).describe('masked forms only'),
    })
    .nullable()
    .describe('null unless the column holds personal data'),
});

export const duplicatesSchema = z
  .looseObject({
    rows: z.number().int(),
    exact: z.object({
      duplicateRows: z.number().int(),
      clusters: z.number().int(),
      rowsInClusters: z.number().int(),
      sampling: z
        .looseObject({ rate: z.number(), rowsHeld: z.number().int(), reason: z.string() })
        .optional()
        .describe('present when copies past the near-duplicate rows were counted on a hash sample: the counts are then estimates'),
    }),
    near: z.looseObject({
      enabled: z.boolean(),
      duplicateRows: z.number().int(),
      clusters: z.number().int(),
      rowsInClusters: z.number().int(),
      sampling: z.looseObject({ reason: z.string() }).nullable(),
    }),
    redundantRows: z.number().int(),
    shareOfRowsInvolved: z.number(),
    examples: z.array(
      z.object({
        cluster: z.number().int(),
        kind: z.enum(['exact', 'near']),
        rows: z.array(z.number().int()),
        differingFields: z.array(z.string()),
        emptyInOne: z.array(z.string()),
        swapped: z.array(z.string()),
      }),
    ),
  })
  .describe('exact and near-duplicate records; the full row list goes to --duplicates FILE');

export const reportSchema = z.object({
  reportVersion: z.literal(REPORT_VERSION),
  tool: z.object({ name: z.literal('dataready'), version: z.string() }),
  input: z.object({
    path: z.string(),
    name: z.string().describe('file name without folders'),
    size: z.number().int().describe('bytes on disk (compressed size for compressed input)'),
    modifiedAt: z.string(),
    format: z.enum(['csv', 'parquet', 'arrow', 'arrow-stream']),
    compression: z.enum(['none', 'gzip', 'zstd']),
    splittable: z.boolean().describe('false for compressed CSV: it must be read by one worker from the start'),
    dialect: z
      .object({
        delimiter: z.string(),
        quote: z.string(),
        header: z.boolean(),
        lineEnding: z.enum(['LF', 'CRLF', 'CR', 'none']),
        confidence: z.number().describe('share of sampled records with the modal field count'),
        headerConfidence: z.number(),
        overridden: z.array(z.string()).describe('dialect settings given on the command line rather than sniffed'),
        encoding: z.string(),
        encodingConfidence: z.number(),
        encodingSource: z.enum(['bom', 'utf8-valid', 'nul-pattern', 'chardet', 'user']),
        bom: z.boolean(),
      })
      .nullable()
      .describe('CSV only: how the file was read, and how sure the sniffer was'),
    columnar: z
      .object({
        createdBy: z.string().nullable().describe('Parquet created_by: the writer'),
        units: z.number().int().describe('Parquet row groups or Arrow record batches'),
        codecs: z.array(z.string()),
        shardRows: z.object({ count: z.number().int(), min: z.number().int(), max: z.number().int(), mean: z.number() }),
        columns: z.array(
          z.object({ name: z.string(), physicalType: z.string(), logicalType: z.string().nullable(), nullable: z.boolean() }),
        ),
      })
      .optional()
      .describe('Parquet / Arrow only: the file\'s own metadata'),
    files: z
      .array(
        z.object({
          path: z.string(),
          size: z.number().int(),
          modifiedAt: z.string(),
          format: z.enum(['csv', 'parquet', 'arrow', 'arrow-stream']),
          rows: z.number().int(),
          columns: z.number().int(),
          included: z.boolean().describe('false when its columns disagree with the first file\'s'),
          differences: z
            .object({ missing: z.array(z.string()), extra: z.array(z.string()), reordered: z.boolean() })
            .nullable(),
        }),
      )
      .optional()
      .describe('several input files profiled as one table'),
    schemaAgreement: z.object({ agree: z.boolean(), excluded: z.number().int() }).optional(),
  }),
  rules: z.object({ path: z.string().nullable(), sha256: z.string() }),
  table: z.object({
    rows: z.number().int(),
    columns: z.number().int(),
    ragged: z.object({
      rows: z.number().int(),
      tooFew: z.number().int(),
      tooMany: z.number().int(),
      examples: z.array(z.number().int()).describe('1-based data-record numbers of the first ragged records'),
    }),
    fingerprint: z.string().describe('content hash of the parsed rows that does not depend on row order or quoting'),
  }),
  columns: z.array(columnSchema),
  duplicates: duplicatesSchema,
  scorecard: scorecardSchema.optional().describe('readiness scorecard (src/scorecard, docs/scorecard.md)'),
  run: z
    .object({
      startedAt: z.string(),
      durationMs: z.number(),
      threads: z.number().int(),
    })
    .describe('timing fields: the only part of the report that changes from run to run on the same input'),
});

export type Report = z.infer<typeof reportSchema>;
export type ColumnReport = z.infer<typeof columnSchema>;

export function reportJsonSchema(): unknown {
  return z.toJSONSchema(reportSchema, { target: 'draft-2020-12' });
}
