import { runShard, type ShardTask } from './shard-task.js';
import { UserError } from '../cli/errors.js';

/**
 * Piscina worker entry. Errors cross the thread boundary as plain objects so the main thread can tell a
 * user-facing problem (bad file) from a bug, and keep the one-line message.
 */
export default async function (task: ShardTask) {
  try {
    return { ok: true as const, result: await runShard(task) };
  } catch (e) {
    const err = e as Error & { reason?: string; code?: string };
    return {
      ok: false as const,
      user: e instanceof UserError,
      declined: err.name === 'CsvDeclinedError',
      message: err.message ?? String(e),
      stack: err.stack,
    };
  }
}
