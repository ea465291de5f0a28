// Small helpers for summarising repeated runs and printing them.

/** Median of finite numbers (mean of the middle two for an even count); NaN when there are none. */
export function median(values) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

export function fmt(n, digits = 2) {
  return Number.isFinite(n) ? n.toFixed(digits) : '–';
}

/** Thousands separators for a count, e.g. 1234567 -> "1,234,567". */
export function fmtInt(n) {
  return Number.isFinite(n) ? Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',') : '–';
}

/** A Markdown table (pipes), columns padded so it reads well in a terminal too. */
export function table(header, rows) {
  const cells = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(cells[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}
