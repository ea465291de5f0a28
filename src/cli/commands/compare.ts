import { basename } from 'node:path';
import { compareSnapshots, summarize } from '../../compare/compare.js';
import { exitCodeOf } from '../../compare/gate.js';
import { renderJunit } from '../../compare/junit.js';
import { renderComparisonMarkdown, renderComparisonText } from '../../compare/render.js';
import { loadCompareRules } from '../../compare/rules.js';
import { readSnapshotFile } from '../../compare/snapshot.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { ExitCode, UserError } from '../errors.js';
import { USAGE } from '../usage.js';
import { parse } from './profile.js';

const compareOptions = {
  format: { type: 'string' },
  rules: { type: 'string' },
  junit: { type: 'string' },
  out: { type: 'string' },
  strict: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `dataready compare BASELINE.json CURRENT.json`: what changed between two reports, and whether it matters. */
export async function runCompare(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, compareOptions);
  if (values.help) {
    process.stdout.write(USAGE);
    return ExitCode.Ok;
  }
  if (positionals.length !== 2) throw new UserError('compare needs two reports: BASELINE.json CURRENT.json (see dataready --help)');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'md') throw new UserError(`--format must be text, json or md, not ${JSON.stringify(format)}`);
  const rules = loadCompareRules(values.rules);
  const [baselinePath, currentPath] = positionals as [string, string];
  const baseline = readSnapshotFile(baselinePath, 'baseline');
  const current = readSnapshotFile(currentPath, 'current report');
  const comparison = summarize(compareSnapshots(baseline, current, rules), baseline, current, values.strict ?? false);
  const json = JSON.stringify(comparison, null, 2) + '\n';
  if (values.out) writeFileAtomic(values.out, json);
  if (values.junit) writeFileAtomic(values.junit, renderJunit(comparison, basename(currentPath)));
  process.stdout.write(format === 'json' ? json : format === 'md' ? renderComparisonMarkdown(comparison) : renderComparisonText(comparison));
  return exitCodeOf(comparison);
}
