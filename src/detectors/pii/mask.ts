import type { PiiKind } from './kinds.js';

/**
 * Masked forms for reports: enough shape to recognise the kind, never enough to recover the value.
 * Every output differs from its input and never contains it (a value too short to mask shape-wise is
 * replaced by stars). Example outputs: `j***@e***.com`, `****1234`, `***-**-6789`, `J*** S***`, `19**-**-**`.
 */
export function maskValue(kind: PiiKind, value: string): string {
  const v = value.trim();
  if (v.length === 0) return '';
  let out: string;
  switch (kind) {
    case 'email':
      out = maskEmail(v);
      break;
    case 'credit_card':
    case 'iban':
      out = maskKeepLast(v, 4, kind === 'iban' ? 2 : 0);
      break;
    case 'ssn':
      out = v.length >= 4 ? `***-**-${lastDigits(v, 4)}` : '***';
      break;
    case 'phone':
    case 'passport':
      out = maskKeepLast(v, 2, 0);
      break;
    case 'ip':
      out = v.includes(':') ? `${v.split(':')[0]}:****:****` : `${v.split('.')[0]}.*.*.*`;
      break;
    case 'person_name':
    case 'address':
      out = v.replace(/[\p{L}\p{N}]+/gu, (w) => (/^\p{N}+$/u.test(w) ? '*'.repeat(Math.min(w.length, 4)) : `${w[0]!.toUpperCase()}***`));
      break;
    case 'date_of_birth': {
      // keep the format and the century only
      let seen = 0;
      out = v.replace(/\d/g, () => (seen++ < 2 && /^\d{4}/.test(v) ? v[seen - 1]! : '*'));
      break;
    }
    case 'postal_code':
      out = v[0] + v.slice(1).replace(/[\p{L}\p{N}]/gu, '*');
      break;
    case 'health':
      out = /^[A-Z]\d/.test(v) ? `${v[0]}**${v.includes('.') ? '.*' : ''}` : v.length > 6 ? maskKeepLast(v, 2, 0) : '******';
      break;
  }
  return out === v || out.includes(v) ? '*'.repeat(Math.max(3, Math.min(v.length, 8))) : out;
}

function maskEmail(v: string): string {
  const at = v.lastIndexOf('@');
  if (at <= 0) return '***';
  const local = v.slice(0, at);
  const domain = v.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${local[0]}***@${host[0] ?? '*'}***${tld}`;
}

function lastDigits(v: string, n: number): string {
  const d = v.replace(/\D/g, '');
  return d.slice(-n);
}

/** Star every letter or digit except the first `head` and the last `tail` alphanumerics; drop separators. */
function maskKeepLast(v: string, tail: number, head: number): string {
  const a = v.replace(/[^\p{L}\p{N}]/gu, '');
  if (a.length <= tail + head + 2) return '*'.repeat(Math.max(4, a.length));
  return a.slice(0, head) + '*'.repeat(Math.min(a.length - tail - head, 12)) + a.slice(-tail);
}
