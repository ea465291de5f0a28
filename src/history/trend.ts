import { mdEscape } from '../compare/render.js';
import type { MetricPoint } from '../compare/range.js';
import type { RunRow } from './store.js';

/** `dataready history NAME`: the runs of a dataset and the trend of each score. Pure functions of stored rows. */

export interface Trend {
  metric: string;
  subject: string;
  /** One value per listed run, oldest first; null where a run did not measure it. */
  values: (number | null)[];
  first: number | null;
  last: number | null;
  /** last − first. */
  change: number | null;
  /** last − the value before it. */
  lastChange: number | null;
}

export interface HistoryView {
  dataset: string;
  runs: (RunRow & { scores: Record<string, number> })[];
  trends: Trend[];
}

/** Which metrics get a trend line: the table size, duplicates and every score. */
const TREND_METRICS = ['rows', 'duplicates.rate', 'score'];

export function historyView(dataset: string, runs: RunRow[], metrics: Map<number, MetricPoint[]>): HistoryView {
  const keys: { metric: string; subject: string }[] = [];
  const seen = new Set<string>();
  for (const run of runs) {
    for (const m of metrics.get(run.id) ?? []) {
      if (!TREND_METRICS.includes(m.metric)) continue;
      const k = `${m.metric}\u0000${m.subject}`;
      if (!seen.has(k)) {
        seen.add(k);
        keys.push({ metric: m.metric, subject: m.subject });
      }
    }
  }
  // Table metrics first, then scores with `overall` leading, the rest by name.
  keys.sort((a, b) => TREND_METRICS.indexOf(a.metric) - TREND_METRICS.indexOf(b.metric) || (a.subject === 'overall' ? -1 : b.subject === 'overall' ? 1 : a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
  const trends = keys.map(({ metric, subject }): Trend => {
    const values = runs.map((r) => (metrics.get(r.id) ?? []).find((m) => m.metric === metric && m.subject === subject)?.value ?? null);
    const present = values.filter((v): v is number => v !== null);
    const first = present[0] ?? null;
    const last = present.length > 0 ? present[present.length - 1]! : null;
    return {
      metric,
      subject,
      values,
      first,
      last,
      change: first !== null && last !== null ? last - first : null,
      lastChange: present.length >= 2 ? present[present.length - 1]! - present[present.length - 2]! : null,
    };
  });
  const withScores = runs.map((r) => ({
    ...r,
    scores: Object.fromEntries((metrics.get(r.id) ?? []).filter((m) => m.metric === 'score').map((m) => [m.subject, m.value])),
  }));
  return { dataset, runs: withScores, trends };
}

const BLOCKS = '▁▂▃▄▅▆▇█';

export function sparkline(values: (number | null)[]): string {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return '';
  const lo = Math.min(...present), hi = Math.max(...present);
  return values
    .map((v) => (v === null ? ' ' : hi === lo ? BLOCKS[3] : BLOCKS[Math.round(((v - lo) / (hi - lo)) * (BLOCKS.length - 1))]))
    .join('');
}

function trendLabel(t: Trend): string {
  return t.metric === 'score' ? `score ${t.subject}` : t.metric === 'duplicates.rate' ? 'duplicate rate' : t.metric;
}

function fmt(t: Trend, v: number | null, signed = false): string {
  if (v === null) return '—';
  const sign = signed ? (v > 0 ? '+' : v < 0 ? '−' : '±') : v < 0 ? '−' : '';
  const a = Math.abs(v);
  if (t.metric === 'duplicates.rate') return `${sign}${(a * 100).toFixed(1)}${signed ? ' pp' : '%'}`;
  if (t.metric === 'score') return `${sign}${Number.isInteger(a) ? a : a.toFixed(1)}`;
  return `${sign}${Math.round(a).toLocaleString('en-US')}`;
}

function printable(s: string): string {
  return s.replace(/[\x00-\x1f\x7f]/g, '\ufffd');
}

export function renderHistoryText(v: HistoryView): string {
  const lines: string[] = [`History of ${JSON.stringify(v.dataset)}: ${v.runs.length} run${v.runs.length === 1 ? '' : 's'} shown`, ''];
  const scoreNames = [...new Set(v.runs.flatMap((r) => Object.keys(r.scores)))].sort((a, b) => (a === 'overall' ? -1 : b === 'overall' ? 1 : a < b ? -1 : 1));
  const header = ['run', 'recorded at', 'rows', 'cols', 'status', ...scoreNames];
  const rows = v.runs.map((r) => [
    `#${r.id}`,
    r.recordedAt,
    r.rows.toLocaleString('en-US'),
    String(r.columns),
    r.status + (r.failed || r.warned ? ` (${r.failed}F ${r.warned}W)` : ''),
    ...scoreNames.map((s) => (r.scores[s] === undefined ? '—' : String(r.scores[s]))),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 2 || i === 3 || i >= 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  lines.push(line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line));
  if (v.trends.length > 0) {
    lines.push('', 'Trends (oldest → newest):');
    const labelWidth = Math.max(...v.trends.map((t) => trendLabel(t).length));
    for (const t of v.trends) {
      lines.push(
        `  ${printable(trendLabel(t)).padEnd(labelWidth)}  ${sparkline(t.values)}  ${fmt(t, t.first)} → ${fmt(t, t.last)} (${fmt(t, t.change, true)} overall, ${fmt(t, t.lastChange, true)} last run)`,
      );
    }
    if (!v.trends.some((t) => t.metric === 'score')) lines.push('  (no scorecard in these runs: scores appear once reports carry one)');
  }
  return lines.join('\n') + '\n';
}

export function renderHistoryMarkdown(v: HistoryView): string {
  const lines: string[] = [`### dataready history: ${mdEscape(v.dataset)}`, '', '| trend | first | last | change | last run |', '|---|---|---|---|---|'];
  for (const t of v.trends) {
    lines.push(`| ${mdEscape(trendLabel(t))} ${sparkline(t.values)} | ${fmt(t, t.first)} | ${fmt(t, t.last)} | ${fmt(t, t.change, true)} | ${fmt(t, t.lastChange, true)} |`);
  }
  lines.push('', '| run | recorded at | rows | columns | status |', '|---|---|---|---|---|');
  for (const r of v.runs) lines.push(`| #${r.id} | ${mdEscape(r.recordedAt)} | ${r.rows.toLocaleString('en-US')} | ${r.columns} | ${r.status} |`);
  return lines.join('\n') + '\n';
}
