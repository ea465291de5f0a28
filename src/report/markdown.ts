import { allFindings, scorecardOf, type ReportLike } from '../scorecard/index.js';
import type { Scorecard } from '../scorecard/schema.js';
import { bytes, int } from '../scorecard/score.js';
import { formatSeconds } from '../scorecard/volume.js';

/**
 * Text for a Markdown table cell or paragraph: every character Markdown or the HTML it may contain could
 * act on is escaped, line breaks become spaces, so a column named `<img onerror=…>` or `a|b` stays text.
 */
export function md(s: string): string {
  return s
    .replace(/[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~#!])/g, '\\$1');
}

/** A code span for a table cell: literal inside, except that GFM tables still need `|` escaped. */
export function mdCode(s: string): string {
  return '`' + s.replace(/[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/`/g, "'").replace(/\|/g, '\\|') + '`';
}

const SEVERITY = { fail: '🔴 fail', warn: '🟠 warn', info: '🔵 info' } as const;
const STATUS = { pass: '✅ pass', fail: '❌ fail', 'not-measurable': '➖ not measurable from data' } as const;

function row(cells: (string | number | null)[]): string {
  return `| ${cells.map((c) => (c === null ? '–' : String(c))).join(' | ')} |`;
}

function table(header: string[], rows: (string | number | null)[][]): string[] {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)];
}

/** This run's own timing (a timing field of the report: it changes from run to run). */
export function thisRun(report: ReportLike): string | null {
  const ms = report.run?.durationMs;
  if (ms === undefined || ms <= 0) return null;
  const threads = report.run?.threads ?? 1;
  return `${formatSeconds(ms / 1000)} this run, ${bytes(report.input.size / (ms / 1000))}/s on ${threads} thread${threads === 1 ? '' : 's'}`;
}

function scoreText(s: number | null): string {
  return s === null ? 'not measured' : String(s);
}

/** The readiness report as Markdown, for a pull request or a wiki page. */
export function renderMarkdown(report: ReportLike & { scorecard?: unknown }, scorecard?: Scorecard): string {
  const sc = scorecard ?? scorecardOf(report);
  const out: string[] = [];
  const input = report.input;
  const name = input.path.split(/[\\/]/).pop() ?? input.path;
  out.push(`# Data readiness: ${md(name)}`);
  out.push('');
  out.push(
    `**Overall ${sc.overall.score === null ? 'not measured' : `${sc.overall.score}/100 (grade ${sc.overall.grade})`}** · ` +
      `${int(report.table.rows)} rows × ${report.table.columns} columns · ${md(input.format.toUpperCase())}${input.compression !== 'none' ? ` (${md(input.compression)})` : ''}, ${bytes(input.size)} · ` +
      `dataready ${md(report.tool.version)}`,
  );
  out.push('');
  out.push(`Source: \`${input.path.replace(/[`\x00-\x1f]/g, ' ')}\`, modified ${md(input.modifiedAt)}. Scores run 0–100; grades A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else F (defaults). A dimension with a *fail* finding is capped.`);
  out.push('');
  out.push(
    ...table(
      ['Dimension', 'Score', 'Grade', 'Fail', 'Warn', 'Info'],
      sc.dimensions.map((d) => [
        md(d.title),
        scoreText(d.score) + (d.capped ? ' (capped)' : ''),
        d.grade,
        d.findings.filter((f) => f.severity === 'fail').length,
        d.findings.filter((f) => f.severity === 'warn').length,
        d.findings.filter((f) => f.severity === 'info').length,
      ]),
    ),
  );
  out.push('');
  out.push('## Findings, worst first');
  out.push('');
  const findings = allFindings(sc);
  if (findings.length === 0) out.push('No findings.');
  else out.push(...table(['Severity', 'Dimension', 'Column', 'Finding', 'Recommendation'], findings.map((f) => [SEVERITY[f.severity], f.dimension, f.column === null ? null : md(f.column), md(f.message), md(f.recommendation)])));
  out.push('');
  out.push('## Production-readiness checklist');
  out.push('');
  out.push(...table(['Item', 'Status', 'Evidence'], sc.checklist.map((c) => [md(c.item), STATUS[c.status], md(c.evidence)])));
  out.push('');
  for (const d of sc.dimensions) {
    out.push(`## ${md(d.title)}: ${scoreText(d.score)}${d.grade ? ` (${d.grade})` : ''}`);
    out.push('');
    out.push(...table(['Component', 'Score', 'Weight', 'How it was measured'], d.components.map((c) => [md(c.title), scoreText(c.score), c.weight, md(c.detail)])));
    out.push('');
    if (d.id === 'volume') {
      const f = d.facts;
      out.push(
        ...table(
          ['Figure', 'Now', `At ${f.projectionFactor}×`],
          [
            ['Rows', int(Number(f.rows)), int(Number(f.projectedRows))],
            ['Bytes', bytes(Number(f.bytes)), bytes(Number(f.projectedBytes))],
            ['Memory in pandas (est.)', bytes(Number(f.memoryBytes)), bytes(Number(f.projectedMemoryBytes))],
            ['Average row width', `${f.avgRowBytes} B (${md(String(f.avgRowBasis))})`, null],
            ['Profile time', thisRun(report), `≈ ${formatSeconds(Number(f.projectedProfileSeconds))} at the reference ${bytes(Number(f.referenceBytesPerSecond))}/s`],
            ['Recommendation', null, md(String(f.recommendation))],
          ],
        ),
      );
      out.push('');
    }
    if (d.id === 'governance' && sc.piiInventory !== null) {
      if (sc.piiInventory.length === 0) out.push('No personal data found.');
      else
        out.push(
          ...table(
            ['Column', 'Kind', 'Risk', 'Confidence', 'Regulations', 'Embedded in text', 'Masked examples'],
            sc.piiInventory.map((e) => [
              md(e.column),
              md(e.kind),
              e.risk,
              e.confidence,
              md(e.regulations.join(', ')),
              e.embedded ? md(Object.entries(e.embedded).map(([k, n]) => `${k} ×${n}`).join(', ')) : null,
              e.examples.map(mdCode).join(', '),
            ]),
          ),
        );
      out.push('');
    }
    if (d.id === 'versioning') {
      out.push(`Content fingerprint: ${sc.fingerprints.content === null ? 'not measured' : `\`${sc.fingerprints.content}\``} · schema fingerprint: \`${sc.fingerprints.schema}\` · rules sha256 \`${report.rules.sha256.replace(/[^0-9a-f]/gi, '')}\`, scorecard rules \`${sc.rulesSha256}\``);
      out.push('');
    }
  }
  out.push('## Columns');
  out.push('');
  out.push(
    ...table(
      ['Column', 'Type', 'Conforming', 'Missing', 'Distinct', 'PII'],
      report.columns.map((c) => {
        const pii = (c.pii as { kind?: unknown } | null | undefined)?.kind;
        return [md(c.name), md(c.type.inferred), c.type.conformance === null ? null : `${(c.type.conformance * 100).toFixed(1)}%`, `${(c.values === 0 ? 0 : (100 * c.missing.count) / c.values).toFixed(1)}%`, `${c.distinct.exact ? '' : '~'}${int(c.distinct.distinct)}`, typeof pii === 'string' ? md(pii) : null];
      }),
    ),
  );
  out.push('');
  out.push('No raw value of a detected personal-data column appears in this page: examples are masked by the profiler.');
  return out.join('\n') + '\n';
}
