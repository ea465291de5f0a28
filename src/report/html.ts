import { allFindings, scorecardOf, type ReportLike } from '../scorecard/index.js';
import { datesViewSchema, piiViewSchema, viewOf, type ColumnLike } from '../scorecard/input.js';
import type { Dimension, Scorecard } from '../scorecard/schema.js';
import { bytes, int } from '../scorecard/score.js';
import { formatSeconds } from '../scorecard/volume.js';
import { thisRun } from './markdown.js';

/**
 * The readiness report as one self-contained HTML file: inline CSS and inline SVG, no script, no network.
 * A Content-Security-Policy with default-src 'none' backs up the escaping: even a value that slipped through
 * could neither run a script nor fetch anything. Every report value goes through esc(); PII appears only
 * in the masked forms the profiler wrote.
 */
export function esc(v: unknown): string {
  return String(v)
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const TYPE_COLORS: Record<string, string> = {
  integer: '#4e79a7',
  decimal: '#59a14f',
  boolean: '#edc948',
  date: '#b07aa1',
  datetime: '#ff9da7',
  string: '#9c755f',
  missing: '#d0d0d0',
};
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const RISK_COLORS: Record<string, string> = { high: '#d62728', medium: '#ff7f0e', low: '#e8c547', none: '#e9ecef' };
const MAX_CHART_COLUMNS = 200;

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

function pct(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)}%`;
}

function svg(width: number, height: number, label: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(label)}"><title>${esc(label)}</title>${body}</svg>`;
}

function legend(entries: [string, string][]): string {
  return `<ul class="legend">${entries.map(([name, color]) => `<li><span class="swatch" style="background:${color}"></span>${esc(name)}</li>`).join('')}</ul>`;
}

function chartColumns(columns: readonly ColumnLike[]): { shown: readonly ColumnLike[]; note: string } {
  if (columns.length <= MAX_CHART_COLUMNS) return { shown: columns, note: '' };
  return { shown: columns.slice(0, MAX_CHART_COLUMNS), note: `<p class="note">The first ${MAX_CHART_COLUMNS} of ${columns.length} columns are drawn; the tables below list all of them.</p>` };
}

const LABEL_W = 210;
const BAR_W = 420;
const ROW_H = 20;

function missingChart(columns: readonly ColumnLike[]): string {
  const { shown, note } = chartColumns(columns);
  const rows = shown
    .map((c, i) => {
      const rate = c.values === 0 ? 0 : c.missing.count / c.values;
      const y = i * ROW_H;
      const w = Math.round(rate * BAR_W * 10) / 10;
      return (
        `<g><title>${esc(c.name)}: ${esc(pct(rate))} missing (${esc(int(c.missing.count))} of ${esc(int(c.values))})</title>` +
        `<text x="${LABEL_W - 6}" y="${y + 14}" text-anchor="end" class="lbl">${esc(clip(c.name, 30))}</text>` +
        `<rect x="${LABEL_W}" y="${y + 3}" width="${BAR_W}" height="${ROW_H - 6}" fill="#f1f3f5"/>` +
        `<rect x="${LABEL_W}" y="${y + 3}" width="${w}" height="${ROW_H - 6}" fill="${rate >= 0.5 ? '#d62728' : rate >= 0.05 ? '#ff7f0e' : '#4e79a7'}"/>` +
        `<text x="${LABEL_W + BAR_W + 6}" y="${y + 14}" class="val">${esc(pct(rate))}</text></g>`
      );
    })
    .join('');
  return svg(LABEL_W + BAR_W + 70, Math.max(ROW_H, shown.length * ROW_H), 'Share of missing values per column', rows) + note;
}

function typeChart(columns: readonly ColumnLike[]): string {
  const { shown, note } = chartColumns(columns);
  const kinds = ['integer', 'decimal', 'boolean', 'date', 'datetime', 'string'];
  const rows = shown
    .map((c, i) => {
      const y = i * ROW_H;
      const counts = c.type.counts ?? {};
      const parts: [string, number][] = kinds.map((k) => [k, counts[k] ?? 0]);
      parts.push(['missing', c.missing.count]);
      const total = parts.reduce((s, [, n]) => s + n, 0) || 1;
      let x = LABEL_W;
      const segs = parts
        .filter(([, n]) => n > 0)
        .map(([k, n]) => {
          const w = Math.round((n / total) * BAR_W * 10) / 10;
          const seg = `<rect x="${x}" y="${y + 3}" width="${w}" height="${ROW_H - 6}" fill="${TYPE_COLORS[k]}"><title>${esc(c.name)}: ${esc(k)} ${esc(int(n))} (${esc(pct(n / total))})</title></rect>`;
          x += w;
          return seg;
        })
        .join('');
      return `<g><text x="${LABEL_W - 6}" y="${y + 14}" text-anchor="end" class="lbl">${esc(clip(c.name, 30))}</text>${segs}<text x="${LABEL_W + BAR_W + 6}" y="${y + 14}" class="val">${esc(c.type.inferred)}</text></g>`;
    })
    .join('');
  return svg(LABEL_W + BAR_W + 80, Math.max(ROW_H, shown.length * ROW_H), 'Values of each kind per column', rows) + legend(Object.entries(TYPE_COLORS)) + note;
}

function dateChart(report: ReportLike): string {
  const dateColumns = report.columns
    .map((c) => ({ c, d: c.dates === undefined || c.dates === null ? null : datesViewSchema.safeParse(c.dates) }))
    .filter((x) => x.d !== null && x.d.success && Object.keys(x.d.data.formats).length > 0)
    .map((x) => ({ c: x.c, d: x.d!.data! }));
  if (report.columns.every((c) => c.dates === undefined)) return '<p class="note">Not measured: this report has no date analysis.</p>';
  if (dateColumns.length === 0) return '<p class="note">No date column found.</p>';
  return dateColumns
    .map(({ c, d }) => {
      const entries = Object.entries(d.formats).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      const total = entries.reduce((s, [, n]) => s + n, 0) || 1;
      let x = 0;
      const segs = entries
        .map(([f, n], i) => {
          const w = Math.round((n / total) * BAR_W * 10) / 10;
          const seg = `<rect x="${x}" y="0" width="${w}" height="18" fill="${PALETTE[i % PALETTE.length]}"><title>${esc(f)}: ${esc(int(n))} (${esc(pct(n / total))})</title></rect>`;
          x += w;
          return seg;
        })
        .join('');
      const flags = [d.inconsistent ? 'mixed formats' : 'one format', d.ambiguous > 0 ? `${int(d.ambiguous)} ambiguous day/month` : '', d.future ? `${int(d.future)} in the future` : '', Object.keys(d.sentinels).length ? `placeholders: ${Object.entries(d.sentinels).map(([k, n]) => `${k} ×${n}`).join(', ')}` : '']
        .filter(Boolean)
        .join(' · ');
      return (
        `<div class="datecol"><h3>${esc(c.name)}</h3><p class="note">${esc(flags)}${d.min && d.max ? ` · range ${esc(d.min)} to ${esc(d.max)}` : ''}</p>` +
        svg(BAR_W, 18, `Date formats in ${c.name}`, segs) +
        legend(entries.map(([f, n], i) => [`${f}: ${int(n)} (${pct(n / total)})`, PALETTE[i % PALETTE.length]!])) +
        '</div>'
      );
    })
    .join('');
}

function duplicatesChart(report: ReportLike, sc: Scorecard): string {
  const view = viewOf(report);
  const dup = view.duplicates;
  if (dup === null) return '<p class="note">Not measured: this report has no duplicates section.</p>';
  const rows = report.table.rows || 1;
  const near = dup.nearRows ?? 0;
  const parts: [string, number, string][] = [
    ['rows without a duplicate', Math.max(0, rows - dup.exactRows - near), '#59a14f'],
    ['exact duplicate rows', dup.exactRows, '#d62728'],
    ['near-duplicate rows', near, '#ff7f0e'],
  ];
  let x = 0;
  const segs = parts
    .filter(([, n]) => n > 0)
    .map(([label, n, color]) => {
      const w = Math.round((n / rows) * BAR_W * 10) / 10;
      const seg = `<rect x="${x}" y="0" width="${w}" height="24" fill="${color}"><title>${esc(label)}: ${esc(int(n))} (${esc(pct(n / rows))})</title></rect>`;
      x += w;
      return seg;
    })
    .join('');
  const total = dup.exactRows + near;
  return (
    svg(BAR_W, 24, 'Duplicate rows', segs) +
    legend(parts.map(([label, n, color]) => [`${label}: ${int(n)} (${pct(n / rows, 2)})`, color])) +
    `<p class="note">${esc(int(total))} of ${esc(int(rows))} rows (${esc(pct(total / rows, 2))}) repeat an earlier record: ${esc(int(dup.exactRows))} exact copies in ${esc(int(dup.exactClusters))} clusters, ${dup.nearRows === null ? 'near-duplicates not measured' : `${esc(int(near))} near-duplicates in ${esc(int(dup.nearClusters ?? 0))} clusters`}${dup.exactSampled ? ' (exact copies estimated from a hash sample, see the JSON report)' : ''}${dup.sampled ? ' (near-duplicate search sampled, see the JSON report)' : ''}. The JSON report lists example clusters by row number.</p>`
  );
}

function piiMap(report: ReportLike, sc: Scorecard): string {
  if (sc.piiInventory === null) return '<p class="note">Not measured: PII detection did not run for this report.</p>';
  const byColumn = new Map(sc.piiInventory.map((e) => [e.column, e]));
  const cols = Math.min(6, Math.max(1, report.columns.length));
  const tileW = 118;
  const tileH = 46;
  const { shown, note } = chartColumns(report.columns);
  const tiles = shown
    .map((c, i) => {
      const e = byColumn.get(c.name);
      const lowConfidence = e === undefined && c.pii ? piiViewSchema.safeParse(c.pii) : null;
      const risk = e?.risk ?? 'none';
      const x = (i % cols) * (tileW + 4);
      const y = Math.floor(i / cols) * (tileH + 4);
      const kind = e ? e.kind.replace(/_/g, ' ') : lowConfidence?.success ? `(${lowConfidence.data.kind}?)` : 'no PII found';
      const title = e ? `${c.name}: ${e.kind}, ${e.risk} risk, confidence ${e.confidence}, ${e.regulations.join(', ')}${e.examples.length ? `; masked examples: ${e.examples.join(', ')}` : ''}` : `${c.name}: ${kind}`;
      return (
        `<g><title>${esc(title)}</title><rect x="${x}" y="${y}" width="${tileW}" height="${tileH}" rx="4" fill="${RISK_COLORS[risk]}"/>` +
        `<text x="${x + 6}" y="${y + 18}" class="tile ${risk === 'high' ? 'inv' : ''}">${esc(clip(c.name, 16))}</text>` +
        `<text x="${x + 6}" y="${y + 36}" class="tile small ${risk === 'high' ? 'inv' : ''}">${esc(clip(kind, 18))}</text></g>`
      );
    })
    .join('');
  const rowsN = Math.ceil(shown.length / cols);
  return (
    svg(cols * (tileW + 4), Math.max(tileH, rowsN * (tileH + 4)), 'Personal data by column', tiles) +
    legend([
      ['high risk', RISK_COLORS.high!],
      ['medium risk', RISK_COLORS.medium!],
      ['low risk', RISK_COLORS.low!],
      ['no PII found', RISK_COLORS.none!],
    ]) +
    note
  );
}

function gradeClass(g: string | null): string {
  return `grade-${g ?? 'none'}`;
}

function scoreBar(score: number | null): string {
  const w = score === null ? 0 : Math.round(score * 1.2);
  return svg(120, 8, score === null ? 'not measured' : `score ${score} of 100`, `<rect x="0" y="0" width="120" height="8" rx="4" fill="#e9ecef"/><rect x="0" y="0" width="${w}" height="8" rx="4" fill="currentColor"/>`);
}

function dimensionSection(d: Dimension, sc: Scorecard, report: ReportLike): string {
  const comps = d.components
    .map((c) => `<tr><td>${esc(c.title)}</td><td class="num">${c.score === null ? '<span class="muted">not measured</span>' : esc(c.score)}</td><td class="num">${esc(c.weight)}</td><td>${esc(c.detail)}</td></tr>`)
    .join('');
  let extra = '';
  if (d.id === 'volume') {
    const f = d.facts;
    extra =
      `<table class="facts"><thead><tr><th>Figure</th><th>Now</th><th>At ${esc(f.projectionFactor)}×</th></tr></thead><tbody>` +
      `<tr><td>Rows</td><td class="num">${esc(int(Number(f.rows)))}</td><td class="num">${esc(int(Number(f.projectedRows)))}</td></tr>` +
      `<tr><td>Bytes</td><td class="num">${esc(bytes(Number(f.bytes)))}</td><td class="num">${esc(bytes(Number(f.projectedBytes)))}</td></tr>` +
      `<tr><td>Memory if loaded into pandas (estimate)</td><td class="num">${esc(bytes(Number(f.memoryBytes)))}</td><td class="num">${esc(bytes(Number(f.projectedMemoryBytes)))}</td></tr>` +
      `<tr><td>Average row width</td><td class="num">${esc(f.avgRowBytes)} B</td><td>${esc(f.avgRowBasis)}</td></tr>` +
      `<tr><td>Time to profile</td><td>${esc(thisRun(report) ?? '–')}</td><td>≈ ${esc(formatSeconds(Number(f.projectedProfileSeconds)))} at the reference ${esc(bytes(Number(f.referenceBytesPerSecond)))}/s</td></tr>` +
      `<tr><td>Recommendation</td><td colspan="2"><strong>${esc(f.recommendation)}</strong></td></tr></tbody></table>`;
  }
  if (d.id === 'governance' && sc.piiInventory !== null && sc.piiInventory.length > 0) {
    extra =
      '<table><thead><tr><th>Column</th><th>Kind</th><th>Risk</th><th>Confidence</th><th>Regulations</th><th>Found inside text</th><th>Masked examples</th></tr></thead><tbody>' +
      sc.piiInventory
        .map(
          (e) =>
            `<tr><td>${esc(e.column)}</td><td>${esc(e.kind)}</td><td><span class="risk risk-${esc(e.risk)}">${esc(e.risk)}</span></td><td class="num">${esc(e.confidence)}</td><td>${esc(e.regulations.join(', '))}</td><td>${e.embedded ? esc(Object.entries(e.embedded).map(([k, n]) => `${k} ×${n}`).join(', ')) : ''}</td><td class="mono">${esc(e.examples.join(', '))}</td></tr>`,
        )
        .join('') +
      '</tbody></table>';
  }
  if (d.id === 'versioning') {
    extra = `<dl class="kv"><dt>Content fingerprint</dt><dd class="mono">${sc.fingerprints.content === null ? '<span class="muted">not measured</span>' : esc(sc.fingerprints.content)}</dd><dt>Schema fingerprint</dt><dd class="mono">${esc(sc.fingerprints.schema)}</dd><dt>Source</dt><dd class="mono">${esc(report.input.path)}</dd><dt>Size, modified</dt><dd>${esc(int(report.input.size))} bytes, ${esc(report.input.modifiedAt)}</dd><dt>Tool</dt><dd>${esc(report.tool.name)} ${esc(report.tool.version)}</dd><dt>Rules</dt><dd class="mono">${esc(report.rules.path ?? 'defaults')} · sha256 ${esc(report.rules.sha256)}</dd></dl>`;
  }
  return `<section id="dim-${d.id}" class="dimension"><h2>${esc(d.title)} <span class="pill ${gradeClass(d.grade)}">${d.score === null ? 'not measured' : `${esc(d.score)} · ${esc(d.grade)}`}</span>${d.capped ? ' <span class="muted small">capped by a fail finding</span>' : ''}</h2><table><thead><tr><th>Component</th><th>Score</th><th>Weight</th><th>How it was measured</th></tr></thead><tbody>${comps}</tbody></table>${extra}</section>`;
}

const CSS = `
:root{--fg:#1d2330;--muted:#6b7280;--line:#e5e7eb;--bg:#fff;--soft:#f7f8fa}
*{box-sizing:border-box}body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 10px;border-bottom:1px solid var(--line);padding-bottom:6px}h3{font-size:15px;margin:14px 0 4px}
.meta,.note,.muted{color:var(--muted)}.small{font-size:12px}.mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;word-break:break-all}
.summary{display:flex;gap:18px;flex-wrap:wrap;align-items:stretch;margin:18px 0}
.overall{min-width:170px;padding:16px;border-radius:10px;background:var(--soft);text-align:center}
.overall .big{font-size:48px;font-weight:700;line-height:1}
.dims{display:grid;grid-template-columns:repeat(5,minmax(0,1fr));gap:10px;flex:1}
@media (max-width:900px){.dims{grid-template-columns:repeat(2,minmax(0,1fr))}}
.dim{display:block;padding:12px;border-radius:10px;background:var(--soft);color:inherit;text-decoration:none;border-left:6px solid currentColor}
.dim .t{display:block;font-weight:600;color:var(--fg)}.dim .s{font-size:28px;font-weight:700}.dim .g{font-size:16px;margin-left:6px}
.grade-A{color:#2b8a3e}.grade-B{color:#5c940d}.grade-C{color:#e67700}.grade-D{color:#d9480f}.grade-F{color:#c92a2a}.grade-none{color:#868e96}
.pill{font-size:13px;padding:2px 8px;border-radius:10px;background:var(--soft);border:1px solid currentColor}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}td.num{text-align:right;white-space:nowrap}
.sev{font-weight:700;font-size:12px;padding:1px 6px;border-radius:4px;color:#fff;white-space:nowrap}.sev-fail{background:#c92a2a}.sev-warn{background:#e67700}.sev-info{background:#1c7ed6}
.st-pass{color:#2b8a3e;font-weight:600}.st-fail{color:#c92a2a;font-weight:600}.st-not-measurable{color:var(--muted)}
.risk{font-weight:600}.risk-high{color:#c92a2a}.risk-medium{color:#e67700}.risk-low{color:#a08000}
.legend{list-style:none;padding:0;margin:4px 0 10px;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px;color:var(--muted)}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;vertical-align:middle}
svg text.lbl,svg text.val{font:12px system-ui,sans-serif;fill:#1d2330}svg text.tile{font:12px system-ui,sans-serif;fill:#1d2330}svg text.small{font-size:11px}svg text.inv{fill:#fff}
svg{max-width:100%;height:auto;overflow:visible}
.kv{display:grid;grid-template-columns:180px 1fr;gap:4px 12px}.kv dt{color:var(--muted)}.kv dd{margin:0}
.intro{background:var(--soft);border-radius:10px;padding:10px 16px}
details{margin:8px 0}summary{cursor:pointer;color:var(--muted)}
footer{margin-top:40px;color:var(--muted);font-size:12px}
`;

/** The readiness report as one self-contained HTML page (no script, no network, every value escaped). */
export function renderHtml(report: ReportLike & { scorecard?: unknown }, scorecard?: Scorecard): string {
  const sc = scorecard ?? scorecardOf(report);
  const input = report.input;
  const name = input.path.split(/[\\/]/).pop() ?? input.path;
  const findings = allFindings(sc);
  const dims = sc.dimensions
    .map(
      (d) =>
        `<a class="dim ${gradeClass(d.grade)}" href="#dim-${d.id}" data-dimension="${d.id}" data-score="${d.score === null ? '' : esc(d.score)}"><span class="t">${esc(d.title)}</span><span class="s">${d.score === null ? '–' : esc(d.score)}</span><span class="g">${d.grade === null ? 'not measured' : esc(d.grade)}</span>${scoreBar(d.score)}</a>`,
    )
    .join('');
  const findingRow = (f: (typeof findings)[number]) =>
    `<tr class="finding sev-row-${f.severity}"><td><span class="sev sev-${f.severity}">${f.severity}</span></td><td>${esc(f.dimension)}</td><td>${f.column === null ? '' : esc(f.column)}</td><td>${esc(f.message)}</td><td>${esc(f.recommendation)}</td></tr>`;
  const findingHead = '<thead><tr><th>Severity</th><th>Dimension</th><th>Column</th><th>Finding</th><th>Recommendation</th></tr></thead>';
  const serious = findings.filter((f) => f.severity !== 'info');
  const notes = findings.filter((f) => f.severity === 'info');
  const findingRows = serious.map(findingRow).join('');
  const checklist = sc.checklist
    .map((c) => `<tr><td>${esc(c.item)}</td><td class="st-${c.status}">${c.status === 'not-measurable' ? 'not measurable from data' : c.status}</td><td>${esc(c.evidence)}</td></tr>`)
    .join('');
  const columns = report.columns
    .map((c) => {
      const pii = (c.pii as { kind?: unknown } | null | undefined)?.kind;
      return `<tr><td>${esc(c.name)}</td><td>${esc(c.type.inferred)}</td><td class="num">${c.type.conformance === null ? '–' : esc(pct(c.type.conformance))}</td><td class="num">${esc(pct(c.values === 0 ? 0 : c.missing.count / c.values))}</td><td class="num">${c.distinct.exact ? '' : '~'}${esc(int(c.distinct.distinct))}</td><td>${typeof pii === 'string' ? esc(pii) : ''}</td></tr>`;
    })
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Data readiness: ${esc(name)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>
<h1>Data readiness: ${esc(name)}</h1>
<p class="meta">${esc(int(report.table.rows))} rows × ${esc(report.table.columns)} columns · ${esc(input.format.toUpperCase())}${input.compression !== 'none' ? ` (${esc(input.compression)})` : ''} · ${esc(bytes(input.size))} · modified ${esc(input.modifiedAt)} · profiled by ${esc(report.tool.name)} ${esc(report.tool.version)}</p>
</header>
<section class="summary">
<div class="overall ${gradeClass(sc.overall.grade)}" data-overall-score="${sc.overall.score === null ? '' : esc(sc.overall.score)}"><div class="big">${sc.overall.score === null ? '–' : esc(sc.overall.score)}</div><div>overall${sc.overall.grade ? `, grade <strong>${esc(sc.overall.grade)}</strong>` : ''}</div><div class="small muted">from ${sc.overall.measuredDimensions.length} of 5 dimensions</div></div>
<div class="dims">${dims}</div>
</section>
<section class="intro">
<p><strong>How to read this page.</strong> dataready read every row of the file and scored how ready it is for production use in five dimensions, each 0–100: <em>Quality</em> (missing, invalid, inconsistent, duplicate and stale values), <em>Volume</em> (size now and at ${esc(sc.dimensions[1]?.facts.projectionFactor ?? 10)}× growth), <em>Access &amp; Integration</em> (can it be parsed and joined reliably), <em>Governance &amp; Compliance</em> (personal data and regulations) and <em>Versioning &amp; Reproducibility</em> (can this exact delivery be identified and compared later). Grades: A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else F; a dimension with a <span class="sev sev-fail">fail</span> finding is capped below C. "Not measured" means the report holds no evidence either way. Personal data appears only masked.</p>
</section>
<section id="findings"><h2>Findings, worst first (${findings.filter((f) => f.severity === 'fail').length} fail, ${findings.filter((f) => f.severity === 'warn').length} warn, ${findings.filter((f) => f.severity === 'info').length} info)</h2>
<table>${findingHead}<tbody>${findingRows || '<tr><td colspan="5">No warning or failure.</td></tr>'}</tbody></table>
${notes.length > 0 ? `<details><summary>${notes.length} informational note${notes.length === 1 ? '' : 's'}</summary><table>${findingHead}<tbody>${notes.map(findingRow).join('')}</tbody></table></details>` : ''}</section>
<section id="checklist"><h2>Production-readiness checklist</h2>
<table><thead><tr><th>Item</th><th>Status</th><th>Evidence</th></tr></thead><tbody>${checklist}</tbody></table></section>
<section id="charts">
<h2>Missing values per column</h2>${missingChart(report.columns)}
<h2>Type mix per column</h2>${typeChart(report.columns)}
<h2>Date formats</h2>${dateChart(report)}
<h2>Duplicates</h2>${duplicatesChart(report, sc)}
<h2>Personal data map</h2>${piiMap(report, sc)}
</section>
${sc.dimensions.map((d) => dimensionSection(d, sc, report)).join('\n')}
<section id="columns"><h2>Columns</h2>
<table><thead><tr><th>Column</th><th>Type</th><th>Conforming</th><th>Missing</th><th>Distinct</th><th>PII</th></tr></thead><tbody>${columns}</tbody></table></section>
<footer>Generated by ${esc(report.tool.name)} ${esc(report.tool.version)} from the JSON report (report rules sha256 ${esc(report.rules.sha256)}, scorecard rules sha256 ${esc(sc.rulesSha256)}). This page holds no script and loads nothing from the network. No raw value of a detected personal-data column is shown: examples are masked by the profiler.</footer>
</main>
</body>
</html>
`;
}
