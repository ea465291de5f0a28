import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { UserError } from '../cli/errors.js';

/**
 * Encoding detection for text inputs: a byte-order mark is certain; a sample that is valid UTF-8 is read as
 * UTF-8; UTF-16 without a BOM shows as NUL bytes in every other position; anything else goes to chardet,
 * whose guess is reported with its confidence. iconv-lite does the decoding.
 */
export interface EncodingGuess {
  /** Name as iconv-lite knows it (`utf-8` is decoded natively). */
  encoding: string;
  confidence: number;
  bom: boolean;
  source: 'bom' | 'utf8-valid' | 'nul-pattern' | 'chardet' | 'user';
}

export function sniffEncoding(head: Buffer): EncodingGuess {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { encoding: 'utf-8', confidence: 1, bom: true, source: 'bom' };
  }
  if (head.length >= 4 && head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) {
    return { encoding: 'utf-32le', confidence: 1, bom: true, source: 'bom' };
  }
  if (head.length >= 4 && head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff) {
    return { encoding: 'utf-32be', confidence: 1, bom: true, source: 'bom' };
  }
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', confidence: 1, bom: true, source: 'bom' };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', confidence: 1, bom: true, source: 'bom' };

  const sample = head.subarray(0, completeUtf8End(head));
  if (isUtf8(sample) && sample.indexOf(0) === -1) return { encoding: 'utf-8', confidence: 1, bom: false, source: 'utf8-valid' };

  const nul = nulPattern(head);
  if (nul) return { encoding: nul, confidence: 0.9, bom: false, source: 'nul-pattern' };
  if (head.indexOf(0) !== -1) return { encoding: 'binary', confidence: 1, bom: false, source: 'nul-pattern' };

  const guesses = chardet.analyse(head);
  for (const g of guesses) {
    const name = normalizeName(g.name);
    if (name && iconv.encodingExists(name)) return { encoding: name, confidence: g.confidence / 100, bom: false, source: 'chardet' };
  }
  return { encoding: 'windows-1252', confidence: 0.1, bom: false, source: 'chardet' };
}

/** Validates a user's --encoding value. */
export function userEncoding(name: string): EncodingGuess {
  const n = normalizeName(name);
  if (!n || !iconv.encodingExists(n)) {
    throw new UserError(`--encoding ${JSON.stringify(name)} is not an encoding dataready knows (try utf-8, latin1, windows-1252, utf-16le, shift_jis)`);
  }
  return { encoding: n, confidence: 1, bom: false, source: 'user' };
}

function normalizeName(name: string): string | null {
  const n = name.trim().toLowerCase().replace(/_/g, '-');
  if (n === 'utf8') return 'utf-8';
  if (n === 'iso-8859-1' || n === 'latin-1') return 'latin1';
  if (n === 'shift-jis' || n === 'sjis') return 'shift_jis';
  if (n === 'utf-16') return 'utf-16le';
  if (n === 'utf-32') return 'utf-32le';
  return n || null;
}

function nulPattern(head: Buffer): string | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

export function completeUtf8End(buf: Buffer): number {
  const n = buf.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = buf[n - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/** Offset of the first byte that breaks UTF-8 (the caller knows there is one; 0 if none is found). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > b.length) return i;
    const c1 = b[i + 1]!;
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return i;
    for (let k = 1; k < len; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return 0;
}

/** Decodes a sample for sniffing (lossy at the cut end, which the sniffer ignores). */
export function decodeSample(head: Buffer, encoding: string): string {
  if (encoding === 'utf-8') return head.toString('utf8').replace(/^\uFEFF/, '');
  return iconv.decode(head, encoding, { stripBOM: true });
}
