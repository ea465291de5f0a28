import type { ColumnReport, Report } from './schema.js';

/** A per-column table for a person at a terminal, readable at 100 columns. */
export function renderText(report: Report): string {
  const lines: string[] = [];
  const { input, table } = report;
  lines.push(`dataready ${report.tool.version} — ${input.path}`);
  lines.push(
    `${input.format.toUpperCase()}, ${formatBytes(input.size)}, ${table.rows.toLocaleString('en-US')} rows × ${table.columns} columns` +
      (table.ragged.rows > 0 ? `, ${table.ragged.rows} ragged rows (${table.ragged.tooFew} short, ${table.ragged.tooMany} long)` : ''),
  );
  lines.push('');
  const header = ['column', 'type', 'valid', 'missing', 'distinct', 'min', 'max', 'mean'];
  const rows = report.columns.map(columnRow);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  widths[0] = Math.min(widths[0]!, 24);
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 0 || i === 1 ? truncate(c, widths[i]!).padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  lines.push(fmt(header));
  lines.push(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) lines.push(fmt(r));
  const disguised = report.columns.filter((c) => Object.keys(c.missing.disguised).length > 0);
  if (disguised.length > 0) {
    lines.push('');
    lines.push('Disguised nulls:');
    for (const c of disguised) {
      const tokens = Object.entries(c.missing.disguised)
        .sort((a, b) => b[1] - a[1])
        .map(([t, n]) => `${JSON.stringify(t)}×${n}`)
        .join(', ');
      lines.push(`  ${truncate(c.name, 24)}: ${tokens}`);
    }
  }
  return lines.join('\n') + '\n';
}

function columnRow(c: ColumnReport): string[] {
  const n = c.numeric;
  return [
    c.name,
    c.type.inferred,
    c.type.conformance === null ? '—' : percent(c.type.conformance),
    `${percent(c.missing.rate)} (${c.missing.count})`,
    `${c.distinct.exact ? '' : '~'}${c.distinct.distinct}`,
    n?.min != null ? num(n.min) : '',
    n?.max != null ? num(n.max) : '',
    n?.mean != null ? num(n.mean) : '',
  ];
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function num(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e12) return String(x);
  return Math.abs(x) >= 1e6 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(3) : x.toFixed(3);
}

function truncate(s: string, w: number): string {
  const clean = s.replace(/[\x00-\x1f\x7f]/g, ' ');
  return clean.length > w ? clean.slice(0, w - 1) + '…' : clean;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(1)} ${units[u]}`;
}
