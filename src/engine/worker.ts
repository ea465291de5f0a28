import { move, transferableSymbol, valueSymbol } from 'piscina';
import { runShard, type ShardResult, type ShardTask } from './shard-task.js';
import { UserError } from '../cli/errors.js';

export type WorkerReply =
  | { ok: true; result: ShardResult }
  | { ok: false; user: boolean; declined: boolean; message: string; stack?: string };

/**
 * Profiles one shard into a reply. Errors cross the thread boundary as plain objects so the main thread can
 * tell a user-facing problem (bad file) from a bug, and keep the one-line message.
 */
export async function profileShard(task: ShardTask): Promise<WorkerReply> {
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

/**
 * Piscina worker entry. The duplicate detector's row pages (about 14 MB a 32 MiB shard) are moved to the
 * main thread, not copied: a copy left the worker holding the originals until its next full collection.
 */
export default async function (task: ShardTask) {
  const reply = await profileShard(task);
  if (!reply.ok) return reply;
  const buffers = ownedBuffers([...reply.result.state.duplicates.exact, ...reply.result.state.duplicates.near]);
  if (buffers.length === 0) return reply;
  return move({ [transferableSymbol]: buffers, [valueSymbol]: reply });
}

/** The buffers that the arrays view whole, once each: a view into a larger or shared buffer is copied instead. */
function ownedBuffers(arrays: readonly Uint32Array[]): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const a of arrays) {
    const b = a.buffer;
    if (b instanceof ArrayBuffer && a.byteOffset === 0 && a.byteLength === b.byteLength) out.add(b);
  }
  return [...out];
}
