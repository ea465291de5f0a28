import { allFindings, scorecardOf, type ReportLike } from '../scorecard/index.js';
import type { Finding, Scorecard } from '../scorecard/schema.js';

const WIDTH = 100;
const SHOWN_FINDINGS = 12;
const SEVERITY_LABEL = { fail: 'FAIL', warn: 'WARN', info: 'info' } as const;

/** Control characters, C1 controls and bidi overrides would let a column name rewrite the terminal. */
export function terminalSafe(s: string): string {
  return s.replace(/[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, ' ');
}

function bar(score: number | null, width = 20): string {
  if (score === null) return '·'.repeat(width);
  const full = Math.round((score / 100) * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
}

/** Greedy word wrap; a word longer than the line is cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter((w) => w.length > 0)) {
    while (word.length > width) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (line.length === 0) line = word;
    else if (line.length + 1 + word.length <= width) line += ' ' + word;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

function score(s: number | null): string {
  return s === null ? '  –' : String(s).padStart(3);
}

function findingLines(f: Finding, withRecommendation: boolean): string[] {
  const head = `  ${SEVERITY_LABEL[f.severity]}  ${f.dimension.padEnd(10)}  `;
  const indent = ' '.repeat(head.length);
  const body = wrap(terminalSafe(f.message), WIDTH - head.length);
  const rec = withRecommendation ? wrap('→ ' + terminalSafe(f.recommendation), WIDTH - head.length) : [];
  return [head + body[0], ...body.slice(1).map((l) => indent + l), ...rec.map((l) => indent + l)];
}

/**
 * Worst first; within one severity the dimensions take turns, so twelve lines show the worst of each
 * dimension rather than twelve missing-value findings of one.
 */
export function worstFirst(findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const severity of ['fail', 'warn', 'info'] as const) {
    const queues = new Map<string, Finding[]>();
    for (const f of findings) {
      if (f.severity !== severity) continue;
      const q = queues.get(f.dimension);
      if (q) q.push(f);
      else queues.set(f.dimension, [f]);
    }
    const lists = [...queues.values()];
    for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) out.push(l[i]!);
  }
  return out;
}

/** The scorecard for a person at a terminal: the five scores, then the worst findings, at most 100 columns. */
export function renderScorecardText(report: ReportLike & { scorecard?: unknown }, scorecard?: Scorecard): string {
  const sc = scorecard ?? scorecardOf(report);
  const lines: string[] = [];
  const o = sc.overall;
  lines.push(`Readiness ${o.score === null ? 'not measured' : `${o.score}/100, grade ${o.grade}`}` + (o.measuredDimensions.length < 5 ? ` (from ${o.measuredDimensions.length} of 5 dimensions)` : ''));
  lines.push('');
  for (const d of sc.dimensions) {
    const counts = (['fail', 'warn'] as const).map((s) => d.findings.filter((f) => f.severity === s).length);
    const note = d.score === null ? 'not measured' : `${counts[0]} fail, ${counts[1]} warn${d.capped ? ', capped by a fail' : ''}`;
    lines.push(`  ${d.title.padEnd(30)}${score(d.score)}  ${(d.grade ?? '–').padEnd(2)}${bar(d.score)}  ${note}`);
  }
  const findings = worstFirst(allFindings(sc)).filter((f) => f.severity !== 'info');
  const infos = allFindings(sc).length - findings.length;
  lines.push('');
  if (findings.length === 0) {
    lines.push(`No warnings or failures (${infos} notes in the full report).`);
  } else {
    lines.push(`Worst findings (${findings.filter((f) => f.severity === 'fail').length} fail, ${findings.filter((f) => f.severity === 'warn').length} warn, ${infos} notes):`);
    const said = new Set<string>();
    for (const f of findings.slice(0, SHOWN_FINDINGS)) {
      lines.push(...findingLines(f, !said.has(f.recommendation)));
      said.add(f.recommendation);
    }
    if (findings.length > SHOWN_FINDINGS) {
      lines.push(`  … ${findings.length - SHOWN_FINDINGS} more: see --format md, --html FILE or the JSON report.`);
    }
  }
  const failing = sc.checklist.filter((c) => c.status === 'fail').map((c) => c.item);
  if (failing.length > 0) {
    lines.push('');
    lines.push(...wrap(`Checklist items failing: ${failing.join('; ')}.`, WIDTH));
  }
  return lines.map((l) => terminalSafe(l).trimEnd()).join('\n') + '\n';
}
