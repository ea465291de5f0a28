import { createReadStream } from 'node:fs';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Decompress } from 'fzstd';
import iconv from 'iconv-lite';
import type { InputInfo } from './input.js';
import { Utf8Guard } from './utf8-guard.js';

/**
 * The byte stream of a text input, decompressed (gzip with node:zlib, zstd with fzstd – Node 20's zlib has
 * no zstd) and decoded: UTF-8 passes through a validating guard as bytes; any other encoding is decoded
 * to strings by iconv-lite. csv-parse accepts either.
 */
export function openBytes(info: InputInfo): Readable {
  const raw = createReadStream(info.path, { highWaterMark: 1 << 20 });
  if (info.compression === 'gzip') return raw.pipe(createGunzip());
  if (info.compression === 'zstd') return raw.pipe(new ZstdDecompress());
  return raw;
}

export function openText(info: InputInfo, encoding: string): Readable {
  const bytes = openBytes(info);
  const forward = (from: Readable, to: Transform) => {
    from.on('error', (e) => to.destroy(e));
    return from.pipe(to);
  };
  if (encoding === 'utf-8') return forward(bytes, new Utf8Guard(info.path));
  return forward(bytes, iconv.decodeStream(encoding, { stripBOM: true }) as unknown as Transform);
}

/** The first `limit` decompressed bytes, and whether that is the whole input. */
export async function readHead(info: InputInfo, limit: number): Promise<{ head: Buffer; complete: boolean }> {
  const stream = openBytes(info);
  const parts: Buffer[] = [];
  let size = 0;
  let complete = true;
  try {
    for await (const chunk of stream) {
      parts.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= limit) {
        complete = false;
        break;
      }
    }
  } finally {
    stream.destroy();
  }
  const head = Buffer.concat(parts);
  return { head: head.subarray(0, Math.min(limit, head.length)), complete: complete && head.length <= limit };
}

class ZstdDecompress extends Transform {
  private readonly decoder = new Decompress((chunk) => {
    this.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  });

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      this.decoder.push(chunk);
      done();
    } catch (e) {
      done(new Error(`zstd: ${(e as Error).message}`));
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      this.decoder.push(new Uint8Array(0), true);
      done();
    } catch (e) {
      done(new Error(`zstd: ${(e as Error).message}`));
    }
  }
}
