import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { UserError } from '../cli/errors.js';
import { completeUtf8End, firstInvalidUtf8 } from './encoding.js';

/**
 * Passes bytes through unchanged and stops the stream at the first invalid UTF-8 sequence, naming its byte
 * offset. A chunk may end inside a multi-byte character: those trailing bytes are held back and checked
 * with the next chunk. Also refuses binary files (NUL bytes), which no text export contains.
 */
export class Utf8Guard extends Transform {
  private offset = 0;
  private carry: Buffer | null = null;

  constructor(private readonly path: string) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    const end = completeUtf8End(buf);
    const body = end === buf.length ? buf : buf.subarray(0, end);
    const problem = this.check(body);
    if (problem) {
      done(problem);
      return;
    }
    this.offset += body.length;
    if (end < buf.length) this.carry = Buffer.from(buf.subarray(end));
    done(null, body);
  }

  override _flush(done: TransformCallback): void {
    if (this.carry && this.carry.length > 0) {
      done(new UserError(`${this.path}: invalid UTF-8 at byte ${this.offset} (the file ends inside a multi-byte character); pass --encoding if the file is not UTF-8`));
      return;
    }
    done();
  }

  private check(body: Buffer): UserError | null {
    const nul = body.indexOf(0);
    if (nul !== -1) {
      return new UserError(`${this.path}: binary data at byte ${this.offset + nul} (a NUL byte); this does not look like a text CSV file`);
    }
    if (isUtf8(body)) return null;
    // Find the first bad byte for the message (rare path, so a simple scan is fine).
    const at = firstInvalidUtf8(body);
    return new UserError(`${this.path}: invalid UTF-8 at byte ${this.offset + at}; pass --encoding (e.g. latin1) if the file is not UTF-8`);
  }
}
