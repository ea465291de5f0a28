import { classifyValue, ValueKind } from './value-kind.js';
import type { TypeName } from './value-kind.js';

/**
 * Disguised nulls nobody listed: a value that repeats and does not belong to its column. Two kinds of
 * evidence, both read from the column's exact most-frequent values (never from rows):
 *
 *  - misfits: in a column whose type is numeric, date or boolean, a repeated value of another kind
 *    (`unknown`, `n.a.`, `PrivacySuppressed` in a numeric column);
 *  - placeholders: a repeated value made of one character repeated, ignoring separators (`999999`, `-9999`,
 *    `00000`, `999-99-9999`, `000-00-0000`, `XXXX`), or the classic `123-45-6789`.
 *
 * A candidate is reported when it occurs at least `minRepeat` times, and counted as missing when it also
 * makes up at least `minShare` of the column's present values (strong evidence). Date sentinels (1900-01-01,
 * 9999-12-31) are the date detector's business and are reported there.
 */
export interface SentinelRules {
  minRepeat: number;
  minShare: number;
}

export interface SentinelFinding {
  /** value → count, every candidate seen */
  found: Record<string, number>;
  /** the candidates with strong evidence, counted as missing */
  counted: Record<string, number>;
}

const PLACEHOLDER_EXTRA = new Set(['123-45-6789', '123456789', '1234567890']);

function isPlaceholder(v: string): boolean {
  if (PLACEHOLDER_EXTRA.has(v)) return true;
  const core = v.replace(/^[+-]/, '').replace(/[\s.\-/()]/g, '');
  if (core.length < 3) return false;
  const c = core[0]!;
  for (let i = 1; i < core.length; i++) if (core[i] !== c) return false;
  // 9s, 0s and X/x are placeholders; 1111 and 5555 are less clear but still a repeated digit.
  return /[0-9Xx#*]/.test(c);
}

function misfit(kind: ValueKind, type: TypeName): boolean {
  switch (type) {
    case 'integer':
    case 'decimal':
      return kind !== ValueKind.Integer && kind !== ValueKind.Decimal;
    case 'date':
    case 'datetime':
      return kind !== ValueKind.Date && kind !== ValueKind.DateTime;
    case 'boolean':
      // 0 and 1 are booleans too in most exports
      return kind !== ValueKind.Boolean && kind !== ValueKind.Integer;
    default:
      return false;
  }
}

export function discoverSentinels(
  top: readonly { value: string; count: number }[],
  type: TypeName,
  present: number,
  rules: SentinelRules,
  typeCounts?: Readonly<Record<TypeName, number>>,
): SentinelFinding {
  const found: Record<string, number> = {};
  const counted: Record<string, number> = {};
  // A text column can be a typed column drowned by one placeholder (`PrivacySuppressed` in 964 of 976
  // rates): when everything but its most frequent text value is numeric/date/boolean, that value is a sentinel.
  const head = top[0];
  if (type === 'string' && typeCounts && head && head.count >= rules.minRepeat && classifyValue(head.value.trim()) === ValueKind.String) {
    const typed = typeCounts.integer + typeCounts.decimal + typeCounts.date + typeCounts.datetime + typeCounts.boolean;
    const rest = present - head.count;
    if (rest > 0 && typed >= 0.9 * rest) {
      found[head.value] = head.count;
      counted[head.value] = head.count;
    }
  }
  for (const { value, count } of top) {
    if (count < rules.minRepeat || value in found) continue;
    const v = value.trim();
    if (v === '') continue;
    const kind = classifyValue(v);
    if (type === 'boolean' && kind === ValueKind.Integer && v !== '0' && v !== '1' && !isPlaceholder(v)) {
      found[value] = count; // another integer among booleans: a code, not a truth value
      if (present > 0 && count / present >= rules.minShare) counted[value] = count;
      continue;
    }
    if (!(misfit(kind, type) || isPlaceholder(v))) continue;
    found[value] = count;
    if (present > 0 && count / present >= rules.minShare) counted[value] = count;
  }
  return { found, counted };
}
