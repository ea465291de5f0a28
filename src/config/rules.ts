import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { UserError, ExitCode } from '../cli/errors.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { dateRulesSchema } from '../detectors/dates/rules.js';
import { piiRulesSchema } from '../detectors/pii/rules.js';
import { dupRulesSchema } from '../detectors/duplicates/rules.js';
import { compareRulesSchema } from '../compare/rules.js';
import { scorecardRulesSchema } from '../scorecard/rules.js';
import { formatZodIssues } from './zod-issues.js';
import { deepMerge, isPlainObject } from '../util/deep-merge.js';

/**
 * The rules file: every threshold and default the profiler uses. The defaults live in rules/default.yaml;
 * a user file passed with --rules is deep-merged over them and validated by this schema.
 */
const quantile = z.number().gt(0).lt(1);

export const rulesSchema = z
  .object({
    version: z.literal(1),
    nulls: z
      .object({
        tokens: z.array(z.string().min(1, 'a null token cannot be empty')).max(1000),
        caseSensitive: z.boolean(),
        discover: z
          .object({ minRepeat: z.number().int().min(2), minShare: z.number().min(0).max(1) })
          .strict()
          .prefault({ minRepeat: 3, minShare: 0.005 }),
      })
      .strict(),
    types: z.object({ minShare: z.number().min(0).max(1) }).strict(),
    profile: z
      .object({
        topValues: z.number().int().min(0).max(1000),
        topValuesCapacity: z.number().int().min(16).max(1_000_000),
        distinctExactLimit: z.number().int().min(0).max(1_000_000),
        quantiles: z.array(quantile).max(100),
        sketchRelativeAccuracy: z.number().gt(0).lt(1),
      })
      .strict(),
    limits: z.object({ maxRecordBytes: z.number().int().min(1024) }).strict(),
    dates: dateRulesSchema.prefault({}),
    pii: piiRulesSchema.prefault({}),
    duplicates: dupRulesSchema.prefault({}),
    scorecard: scorecardRulesSchema.prefault({}),
    compare: compareRulesSchema.prefault({}),
  })
  .strict();

export type ProfileRules = z.infer<typeof rulesSchema>;

export const DEFAULT_RULES_PATH = join(PACKAGE_ROOT, 'rules', 'default.yaml');

function readYaml(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? e);
    throw new UserError(`cannot read ${what} ${path}: ${why}`, ExitCode.CouldNotRun);
  }
  try {
    return parseYaml(text);
  } catch (e) {
    const where = e instanceof YAMLParseError && e.linePos ? ` at line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '';
    throw new UserError(`${what} ${path} is not valid YAML${where}: ${(e as Error).message.split('\n')[0]}`, ExitCode.CouldNotRun);
  }
}

export { formatZodIssues };

export function loadRules(userPath?: string): ProfileRules {
  const defaults = readYaml(DEFAULT_RULES_PATH, 'default rules file');
  let merged = defaults;
  if (userPath !== undefined) {
    const user = readYaml(userPath, 'rules file');
    if (user !== null && !isPlainObject(user)) {
      throw new UserError(`rules file ${userPath}: expected a mapping of keys at the top level`, ExitCode.CouldNotRun);
    }
    merged = deepMerge(defaults, user ?? {});
  }
  const parsed = rulesSchema.safeParse(merged);
  if (!parsed.success) {
    throw new UserError(`rules file ${userPath ?? DEFAULT_RULES_PATH}: ${formatZodIssues(parsed.error)}`, ExitCode.CouldNotRun);
  }
  return parsed.data;
}
