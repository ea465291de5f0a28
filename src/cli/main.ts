#!/usr/bin/env node
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadRules } from '../config/rules.js';
import { profileFile } from '../engine/profile.js';
import { reportJsonSchema } from '../report/schema.js';
import { renderText } from '../report/text.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { TOOL_VERSION } from '../util/version.js';
import { ExitCode, UserError } from './errors.js';

const USAGE = `dataready ${TOOL_VERSION} — how ready is this data for production?

Usage:
  dataready profile <file> [options]   profile a CSV file and write a report
  dataready schema                     print the JSON Schema of the report
  dataready --version | --help

Profile options:
  --out FILE          write the JSON report to FILE (atomically)
  --format text|json  what to print on stdout (default: text)
  --rules FILE        rules YAML merged over rules/default.yaml
  --delimiter C       field delimiter (default ,)
  --no-header         the first record is data, not column names
  --quiet             no progress output

Exit codes: 0 ok, 1 quality gate failed, 2 could not run (usage, input, rules), 3 internal error.
`;

const profileOptions = {
  out: { type: 'string' },
  format: { type: 'string' },
  rules: { type: 'string' },
  delimiter: { type: 'string' },
  'no-header': { type: 'boolean' },
  quiet: { type: 'boolean' },
  threads: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UserError(`${(e as Error).message.split('\n')[0]} (see dataready --help)`);
  }
}

async function runProfile(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, profileOptions);
  if (values.help) {
    process.stdout.write(USAGE);
    return ExitCode.Ok;
  }
  if (positionals.length !== 1) throw new UserError('profile needs exactly one input file (see dataready --help)');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UserError(`--format must be text or json, not ${JSON.stringify(format)}`);
  const delimiter = values.delimiter;
  if (delimiter !== undefined && (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r')) {
    throw new UserError('--delimiter must be a single character other than a quote or a line break');
  }
  const rules = loadRules(values.rules);
  const report = await profileFile(positionals[0]!, {
    rules,
    rulesPath: values.rules,
    dialect: { ...(delimiter ? { delimiter } : {}), ...(values['no-header'] ? { header: false } : {}) },
  });
  const json = JSON.stringify(report, null, 2) + '\n';
  if (values.out) writeFileAtomic(values.out, json);
  process.stdout.write(format === 'json' ? json : renderText(report));
  return ExitCode.Ok;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'profile':
      return runProfile(rest);
    case 'schema':
      process.stdout.write(JSON.stringify(reportJsonSchema(), null, 2) + '\n');
      return ExitCode.Ok;
    case '--version':
    case '-v':
      process.stdout.write(`${TOOL_VERSION}\n`);
      return ExitCode.Ok;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(USAGE);
      return command === undefined ? ExitCode.CouldNotRun : ExitCode.Ok;
    default:
      throw new UserError(`unknown command ${JSON.stringify(command)} (see dataready --help)`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UserError) {
      process.stderr.write(`dataready: ${e.message}\n`);
      process.exitCode = e.exitCode;
      return;
    }
    const err = e as Error;
    process.stderr.write(`dataready: internal error: ${err?.message ?? String(e)} (please report this; DATAREADY_DEBUG=1 shows details)\n`);
    if (process.env.DATAREADY_DEBUG) process.stderr.write(`${err?.stack}\n`);
    process.exitCode = ExitCode.Internal;
  },
);
