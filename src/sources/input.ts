import { open, stat } from 'node:fs/promises';
import { UserError, ExitCode } from '../cli/errors.js';

export type InputFormat = 'csv' | 'parquet' | 'arrow' | 'arrow-stream';

export interface InputInfo {
  path: string;
  size: number;
  modifiedAt: string;
  format: InputFormat;
  compression: 'none' | 'gzip' | 'zstd';
}

const SNIFF_BYTES = 65536;

/** Checks that a path is a readable, non-empty regular file and guesses its format from its first bytes. */
export async function inspectInput(path: string): Promise<InputInfo> {
  let st;
  try {
    st = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`${path}: no such file`);
    if (code === 'EACCES') throw new UserError(`${path}: permission denied`);
    throw new UserError(`${path}: cannot read (${code ?? (e as Error).message})`);
  }
  if (st.isDirectory()) throw new UserError(`${path}: is a directory; give a file`);
  if (!st.isFile()) throw new UserError(`${path}: not a regular file`);
  if (st.size === 0) throw new UserError(`${path}: the file is empty (0 bytes)`);

  let head: Buffer;
  try {
    const fh = await open(path, 'r');
    try {
      head = Buffer.alloc(Math.min(SNIFF_BYTES, st.size));
      await fh.read(head, 0, head.length, 0);
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw new UserError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (startsWith(head, 'PARE')) throw new UserError(`${path}: unsupported: encrypted Parquet file (PARE footer); decrypt it first`);
  return {
    path,
    size: st.size,
    modifiedAt: st.mtime.toISOString(),
    format: detectFormat(head),
    compression: detectCompression(head),
  };
}

function startsWith(buf: Buffer, magic: string): boolean {
  return buf.length >= magic.length && buf.toString('latin1', 0, magic.length) === magic;
}

export function detectFormat(head: Buffer): InputFormat {
  if (startsWith(head, 'PAR1')) return 'parquet';
  if (startsWith(head, 'ARROW1')) return 'arrow';
  // Arrow IPC stream: continuation marker 0xFFFFFFFF then a metadata length.
  if (head.length >= 8 && head.readUInt32LE(0) === 0xffffffff) return 'arrow-stream';
  return 'csv';
}

export function detectCompression(head: Buffer): InputInfo['compression'] {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  return 'none';
}
