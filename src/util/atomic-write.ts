import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { UserError } from '../cli/errors.js';

/**
 * Writes a file so that readers only ever see the old file or the complete new one: the text goes to a
 * temporary name in the same directory, then is renamed over the target. On failure the temporary file is
 * removed and nothing is left behind.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // the folder itself is unusable (a file in the path, no permission): nothing was written to remove
    }
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UserError(`cannot write ${path}: ${code}`);
  }
}
