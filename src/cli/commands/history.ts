import { resolve } from 'node:path';
import { DEFAULT_HISTORY_DB, HistoryStore } from '../../history/store.js';
import { historyView, renderHistoryMarkdown, renderHistoryText } from '../../history/trend.js';
import { ExitCode, UserError } from '../errors.js';
import { USAGE } from '../usage.js';
import { parse } from './profile.js';

const historyOptions = {
  'history-db': { type: 'string' },
  limit: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `dataready history [NAME]`: the datasets in the history, or one dataset's runs and the trend of each score. */
export async function runHistory(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, historyOptions);
  if (values.help) {
    process.stdout.write(USAGE);
    return ExitCode.Ok;
  }
  if (positionals.length > 1) throw new UserError('history takes at most one dataset name (see dataready --help)');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'md') throw new UserError(`--format must be text, json or md, not ${JSON.stringify(format)}`);
  const limit = values.limit === undefined ? 30 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) throw new UserError(`--limit must be a whole number from 1 to 100000, not ${JSON.stringify(values.limit)}`);
  const path = resolve(values['history-db'] ?? DEFAULT_HISTORY_DB);
  const store = HistoryStore.open(path, { create: false });
  try {
    const datasets = store.datasets();
    const name = positionals[0];
    if (name === undefined) {
      if (format === 'json') process.stdout.write(JSON.stringify({ datasets }, null, 2) + '\n');
      else if (datasets.length === 0) process.stdout.write(`no runs recorded in ${path}\n`);
      else process.stdout.write(datasets.map((d) => `${d.dataset}\t${d.runs} run${d.runs === 1 ? '' : 's'}, last ${d.last}`).join('\n') + '\n');
      return ExitCode.Ok;
    }
    if (!datasets.some((d) => d.dataset === name)) {
      const known = datasets.map((d) => JSON.stringify(d.dataset)).slice(0, 10).join(', ');
      throw new UserError(`no runs of dataset ${JSON.stringify(name)} in ${path}${known ? ` (datasets: ${known}${datasets.length > 10 ? ', …' : ''})` : ' (it is empty)'}`);
    }
    const runs = store.runs(name, limit);
    const view = historyView(name, runs, store.metricsOfRuns(runs.map((r) => r.id)));
    process.stdout.write(format === 'json' ? JSON.stringify(view, null, 2) + '\n' : format === 'md' ? renderHistoryMarkdown(view) : renderHistoryText(view));
    return ExitCode.Ok;
  } finally {
    store.close();
  }
}
