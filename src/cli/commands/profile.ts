import { parseArgs, type ParseArgsConfig } from 'node:util';
import { describeBaseline, gateOptions, gateRequest, printGateSummary, runGate } from '../../compare/gate.js';
import { loadRules } from '../../config/rules.js';
import { profileFiles } from '../../engine/profile.js';
import { renderText } from '../../report/text.js';
import { renderScorecardText } from '../../report/terminal-scorecard.js';
import { renderHtml } from '../../report/html.js';
import { renderMarkdown } from '../../report/markdown.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { ExitCode, UserError } from '../errors.js';
import { USAGE } from '../usage.js';
import { progressBar } from '../progress.js';
import { statSync } from 'node:fs';

const profileOptions = {
  out: { type: 'string' },
  format: { type: 'string' },
  html: { type: 'string' },
  rules: { type: 'string' },
  delimiter: { type: 'string' },
  'no-header': { type: 'boolean' },
  header: { type: 'boolean' },
  quote: { type: 'string' },
  encoding: { type: 'string' },
  duplicates: { type: 'string' },
  'as-of': { type: 'string' },
  'max-memory': { type: 'string' },
  quiet: { type: 'boolean' },
  threads: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  ...gateOptions,
} satisfies ParseArgsConfig['options'];

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UserError(`${(e as Error).message.split('\n')[0]} (see dataready --help)`);
  }
}

export async function runProfile(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, profileOptions);
  if (values.help) {
    process.stdout.write(USAGE);
    return ExitCode.Ok;
  }
  if (positionals.length === 0) throw new UserError('profile needs an input file, several files or a directory (see dataready --help)');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'md') throw new UserError(`--format must be text, json or md, not ${JSON.stringify(format)}`);
  const delimiter = values.delimiter === '\\t' || values.delimiter === 'tab' ? '\t' : values.delimiter;
  if (delimiter !== undefined && (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r')) {
    throw new UserError('--delimiter must be a single character (or \\t) other than a quote or a line break');
  }
  const quote = values.quote;
  if (quote !== undefined && (quote.length !== 1 || quote === delimiter || quote === '\n' || quote === '\r')) {
    throw new UserError('--quote must be a single character other than the delimiter or a line break');
  }
  if (values.header && values['no-header']) throw new UserError('--header and --no-header contradict each other');
  let asOf: Date | undefined;
  if (values['as-of'] !== undefined) {
    asOf = new Date(values['as-of']);
    if (!/^\d{4}-\d{2}-\d{2}/.test(values['as-of']) || Number.isNaN(asOf.getTime())) {
      throw new UserError(`--as-of must be a date such as 2026-11-27, not ${JSON.stringify(values['as-of'])}`);
    }
  }
  let threads: number | undefined;
  if (values.threads !== undefined) {
    threads = Number(values.threads);
    if (!Number.isInteger(threads) || threads < 1 || threads > 256) throw new UserError(`--threads must be a whole number from 1 to 256, not ${JSON.stringify(values.threads)}`);
  }
  const maxMemoryBytes = values['max-memory'] === undefined ? undefined : parseSize(values['max-memory'], '--max-memory');
  const rules = loadRules(values.rules);
  const gate = gateRequest(values, values.rules);
  const bar = progressBar(positionals.length === 1 ? statSize(positionals[0]!) : 0, process.stderr.isTTY === true && !values.quiet);
  const { report, duplicateList } = await profileFiles(positionals, {
    rules,
    rulesPath: values.rules,
    dialect: {
      ...(delimiter ? { delimiter } : {}),
      ...(quote ? { quote } : {}),
      ...(values['no-header'] ? { header: false } : {}),
      ...(values.header ? { header: true } : {}),
    },
    encoding: values.encoding,
    asOf,
    maxMemoryBytes,
    threads,
    progress: bar.update,
    baseline: gate ? describeBaseline(gate, positionals[0]!) !== null : false,
  });
  bar.done();
  if (values.duplicates) {
    const csv = ['row,cluster,kind', ...duplicateList.map((d) => `${d.row},${d.cluster},${d.kind}`)].join('\n') + '\n';
    writeFileAtomic(values.duplicates, csv);
    const sampling = report.duplicates?.exact.sampling;
    // stderr, so a piped report stays clean; the same words are in the JSON report
    if (sampling) process.stderr.write(`dataready: ${values.duplicates}: ${sampling.reason}\n`);
  }
  const json = JSON.stringify(report, null, 2) + '\n';
  if (values.out) writeFileAtomic(values.out, json);
  if (values.html) writeFileAtomic(values.html, renderHtml(report));
  process.stdout.write(format === 'json' ? json : format === 'md' ? renderMarkdown(report) : renderScorecardText(report) + '\n' + renderText(report));
  if (gate) {
    const result = runGate(report, positionals[0]!, gate);
    printGateSummary(result, format, values.quiet ?? false);
    return result.exitCode;
  }
  return ExitCode.Ok;
}


/** Parses sizes such as 512M, 2G, 1048576 (bytes). */
export function parseSize(text: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]i?b?|b)?$/i.exec(text.trim());
  if (!m) throw new UserError(`${flag} must be a size such as 512M or 2G, not ${JSON.stringify(text)}`);
  const unit = (m[2] ?? 'b').toLowerCase()[0]!;
  const mult = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[unit] ?? 1;
  const bytes = Math.floor(Number(m[1]) * mult);
  if (bytes < 1024 * 1024) throw new UserError(`${flag} must be at least 1M`);
  return bytes;
}

function statSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
