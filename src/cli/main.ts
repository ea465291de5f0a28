#!/usr/bin/env node
import { reportJsonSchema } from '../report/schema.js';
import { TOOL_VERSION } from '../util/version.js';
import { runCompare } from './commands/compare.js';
import { runHistory } from './commands/history.js';
import { runProfile } from './commands/profile.js';
import { tightenHeapGrowth } from '../engine/heap.js';
import { ExitCode, UserError } from './errors.js';
import { USAGE } from './usage.js';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'profile':
      tightenHeapGrowth();
      return runProfile(rest);
    case 'compare':
      return runCompare(rest);
    case 'history':
      return runHistory(rest);
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
