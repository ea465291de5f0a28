import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ExitCode, UserError } from '../cli/errors.js';
import { formatZodIssues } from '../config/zod-issues.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { deepMerge } from '../util/deep-merge.js';

/**
 * Thresholds of the regression checks (the `compare:` section of the rules). Every key has a default, so a
 * team's rules file only names what it changes. Defaults are documented in the compare: section of rules/default.yaml; the values
 * below must agree with that file (a unit test pins it).
 */
const share = z.number().min(0).max(1);
const level = <T extends z.ZodType>(t: T, warn: number | null, fail: number | null) =>
  z
    .object({ warn: t.nullable().default(warn as never), fail: t.nullable().default(fail as never) })
    .strict()
    .prefault({});
const severity = z.enum(['off', 'warn', 'fail']);

export const compareRulesSchema = z
  .object({
    rows: level(z.number().min(0), 0.1, 0.5),
    ragged: level(share, 0.001, 0.01),
    columns: z
      .object({
        added: severity.default('warn'),
        removed: severity.default('fail'),
        retyped: severity.default('fail'),
        widened: severity.default('warn'),
        reordered: severity.default('warn'),
      })
      .strict()
      .prefault({}),
    missingRate: level(share, 0.02, 0.1),
    conformance: level(share, 0.01, 0.05),
    distinct: z
      .object({
        warn: z.number().min(0).nullable().default(0.25),
        fail: z.number().min(0).nullable().default(1),
        minChange: z.number().int().min(0).default(3),
      })
      .strict()
      .prefault({}),
    dateFormats: level(share, 0.05, 0.2),
    duplicateRate: level(share, 0.01, 0.05),
    numericDrift: z
      .object({ psi: level(z.number().min(0), 0.1, 0.25), ks: level(share, null, null), meanShift: level(z.number().min(0), null, null) })
      .strict()
      .prefault({}),
    categoryDrift: z.object({ psi: level(z.number().min(0), 0.1, 0.25) }).strict().prefault({}),
    pii: z
      .object({ newColumn: severity.default('fail'), kindChanged: severity.default('warn') })
      .strict()
      .prefault({}),
    scores: z
      .object({
        warn: z.number().min(0).max(100).nullable().default(5),
        fail: z.number().min(0).max(100).nullable().default(15),
        ignore: z.array(z.string()).max(100).default([]),
      })
      .strict()
      .prefault({}),
    history: z
      .object({
        window: z.number().int().min(2).max(1000).default(10),
        minRuns: z.number().int().min(2).max(1000).default(3),
        sigmas: z.number().gt(0).default(3),
        minRelative: z.number().min(0).default(0.01),
        minRate: share.default(0.01),
        minScore: z.number().min(0).max(100).default(2),
        severity: severity.default('warn'),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type CompareRules = z.infer<typeof compareRulesSchema>;
export type Severity = z.infer<typeof severity>;
export interface Levels {
  warn: number | null;
  fail: number | null;
}

/** The compare defaults are the `compare:` section of the one defaults file. */
export const COMPARE_RULES_PATH = join(PACKAGE_ROOT, 'rules', 'default.yaml');

function compareSection(path: string, what: string, mustExist: boolean): Record<string, unknown> {
  if (!mustExist && !existsSync(path)) return {};
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(path, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message.split('\n')[0];
    throw new UserError(`cannot read ${what} ${path}: ${why}`, ExitCode.CouldNotRun);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new UserError(`${what} ${path}: expected a mapping of keys at the top level`, ExitCode.CouldNotRun);
  }
  const section = (doc as Record<string, unknown>).compare;
  if (section === undefined || section === null) return {};
  if (typeof section !== 'object' || Array.isArray(section)) {
    throw new UserError(`${what} ${path}: compare: expected a mapping of keys`, ExitCode.CouldNotRun);
  }
  return section as Record<string, unknown>;
}

/**
 * The effective compare rules: the `compare:` section of rules/default.yaml, then the user's `--rules FILE`
 * merged over it key by key.
 */
export function loadCompareRules(userPath?: string): CompareRules {
  let merged = compareSection(COMPARE_RULES_PATH, 'default rules file', false);
  if (userPath !== undefined) merged = deepMerge(merged, compareSection(userPath, 'rules file', true)) as Record<string, unknown>;
  const parsed = compareRulesSchema.safeParse(merged);
  if (!parsed.success) {
    const issues = formatZodIssues(parsed.error)
      .split('; ')
      .map((s) => `compare.${s}`)
      .join('; ');
    throw new UserError(`rules file ${userPath ?? COMPARE_RULES_PATH}: ${issues}`, ExitCode.CouldNotRun);
  }
  return parsed.data;
}
