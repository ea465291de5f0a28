import type { ReportView } from './input.js';
import type { Risk, ScorecardRules } from './rules.js';
import type { Dimension, Finding, PiiInventoryEntry } from './schema.js';
import { component, dimension, finding, pct, q, round4 } from './score.js';

const D = 'governance';

const RECOMMENDATION: Record<Risk, string> = {
  high: 'Remove it, or tokenize/encrypt it before the data leaves the source system; restrict access and log it.',
  medium: 'Restrict access, pseudonymize it (keyed hash) where the value itself is not needed, and record the legal basis.',
  low: 'Keep only the precision you need (e.g. the first digits), and record it in the data inventory.',
};

const KIND_LABEL: Record<string, string> = {
  ssn: 'social security numbers',
  credit_card: 'payment card numbers',
  iban: 'IBANs',
  ip: 'IP addresses',
  email: 'e-mail addresses',
  phone: 'phone numbers',
  person_name: 'person names',
  address: 'street addresses',
  date_of_birth: 'dates of birth',
  passport: 'passport numbers',
  health: 'health data',
  postal_code: 'postal codes',
  free_text: 'free text',
};

export function kindLabel(kind: string): string {
  return KIND_LABEL[kind] ?? kind.replace(/_/g, ' ');
}

/** PII columns the detector is confident about, with their risk. Null when PII detection did not run. */
export function piiInventory(view: ReportView, rules: ScorecardRules): PiiInventoryEntry[] | null {
  if (!view.piiMeasured) return null;
  const g = rules.governance;
  const out: PiiInventoryEntry[] = [];
  for (const { src, pii } of view.columns) {
    if (!pii || pii.confidence < g.minConfidence) continue;
    const embedded = pii.embedded && Object.keys(pii.embedded).length > 0 ? sortedRecord(pii.embedded) : null;
    const risk: Risk = pii.kind === 'free_text' ? (embedded ? g.embeddedRisk : 'low') : (g.kindRisk[pii.kind] ?? 'medium');
    out.push({
      column: src.name,
      kind: pii.kind,
      risk,
      confidence: round4(pii.confidence),
      validShare: pii.validShare === null ? null : round4(pii.validShare),
      regulations: pii.regulations.slice(),
      embedded,
      examples: pii.examples.slice(0, 3),
    });
  }
  return out;
}

function sortedRecord(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

/**
 * A top value or example of a PII column that carries no mask character (`*`) and is not a withheld-text
 * placeholder (`[text withheld: 22 chars]`) is presumably a raw value.
 */
function looksRaw(value: string): boolean {
  return value.length > 0 && !value.includes('*') && !/^\[[^\]]*\]$/.test(value);
}

function rawTopValues(view: ReportView, inventory: PiiInventoryEntry[]): string[] {
  const piiColumns = new Set(inventory.map((e) => e.column));
  const leaking: string[] = [];
  for (const { src } of view.columns) {
    if (!piiColumns.has(src.name)) continue;
    if ((src.topValues?.values ?? []).some((v) => looksRaw(v.value))) leaking.push(src.name);
  }
  for (const e of inventory) if (e.examples.some(looksRaw) && !leaking.includes(e.column)) leaking.push(e.column);
  return leaking;
}

export function governanceDimension(view: ReportView, rules: ScorecardRules, inventory: PiiInventoryEntry[] | null): Dimension {
  const g = rules.governance;
  const w = g.weights;
  const findings: Finding[] = [];
  if (inventory === null) {
    findings.push(finding(D, 'governance.not-measured', 'info', null, 'PII detection did not run for this report: personal data is not inventoried', {}, 'Run a build of dataready with the PII detector before sharing the data.'));
    const none = (id: string, title: string, weight: number) => component(id, title, null, weight, 'not measured: the report has no PII analysis');
    return dimension(D, 'Governance & Compliance', [none('exposure', 'Exposure', w.exposure), none('minimization', 'Minimization', w.minimization), none('hygiene', 'Report hygiene', w.hygiene)], findings, { piiColumns: null, regulations: null, rawValuesInReport: null }, rules);
  }

  // ---- exposure ----------------------------------------------------------------------------------------
  let penalty = 0;
  for (const e of inventory) {
    penalty += g.riskPenalty[e.risk];
    const regs = e.regulations.length > 0 ? e.regulations.join(', ') : 'no regulation mapped';
    if (e.kind === 'free_text') {
      const kinds = Object.entries(e.embedded ?? {}).map(([k, n]) => `${k} in ${n} values`);
      findings.push(
        finding(D, 'governance.embedded-pii', g.riskSeverity[e.risk], e.column, `Free text in ${q(e.column)} contains personal data: ${kinds.join(', ') || 'none counted'} (${regs})`, { kinds: Object.keys(e.embedded ?? {}), confidence: e.confidence, regulations: e.regulations }, 'Free text is hard to govern: scrub identifiers before export, or keep the column out of analytical copies.'),
      );
    } else {
      findings.push(
        finding(
          D,
          'governance.pii-column',
          g.riskSeverity[e.risk],
          e.column,
          `${q(e.column)} holds ${kindLabel(e.kind)} (${e.risk} risk; confidence ${e.confidence}${e.validShare !== null ? `, ${pct(e.validShare)} valid` : ''}): ${regs}`,
          { kind: e.kind, risk: e.risk, confidence: e.confidence, validShare: e.validShare, regulations: e.regulations },
          RECOMMENDATION[e.risk],
        ),
      );
    }
  }
  const exposure = component('exposure', 'Exposure', 100 - penalty, w.exposure, inventory.length === 0 ? 'no personal data found' : `${inventory.length} PII column${inventory.length === 1 ? '' : 's'}: ${(['high', 'medium', 'low'] as const).map((r) => `${inventory.filter((e) => e.risk === r).length} ${r} risk (−${g.riskPenalty[r]} each)`).join(', ')}`);

  // ---- minimization ------------------------------------------------------------------------------------
  const questioned: { column: string; why: string }[] = [];
  const byName = new Map(view.columns.map((c) => [c.src.name, c.src]));
  for (const e of inventory) {
    const src = byName.get(e.column);
    const missingRate = src && src.values > 0 ? src.missing.count / src.values : 0;
    if (e.kind === 'free_text') questioned.push({ column: e.column, why: 'free text with personal data: is it needed downstream?' });
    else if (e.risk === 'high') questioned.push({ column: e.column, why: `${kindLabel(e.kind)} is high-risk: is it needed at all?` });
    else if (e.kind === 'date_of_birth') questioned.push({ column: e.column, why: 'would an age band or birth year do?' });
    else if (missingRate > g.sparsePiiMissing) questioned.push({ column: e.column, why: `personal data kept though ${pct(missingRate, 0)} of rows leave it empty` });
  }
  const minimization = component('minimization', 'Minimization', 100 - g.minimizationPenalty * questioned.length, w.minimization, questioned.length === 0 ? 'no column to question' : `${questioned.length} column${questioned.length === 1 ? '' : 's'} to question, ${g.minimizationPenalty} points each`);
  if (questioned.length > 0) {
    findings.push(
      finding(D, 'governance.minimization', 'warn', null, `A data-minimization review should question ${questioned.length} column${questioned.length === 1 ? '' : 's'}: ${questioned.map((x) => `${q(x.column)} (${x.why})`).join('; ')}`, { columns: questioned.map((x) => x.column) }, 'Keep only the personal data the use case needs (GDPR art. 5(1)(c)); drop, coarsen or pseudonymize the rest.'),
    );
  }

  // ---- hygiene: no raw value written -------------------------------------------------------------------
  const leaking = rawTopValues(view, inventory);
  const hygiene = component('hygiene', 'Report hygiene', leaking.length === 0 ? 100 : 0, w.hygiene, leaking.length === 0 ? 'no raw value of a PII column in this report: examples are masked' : `raw-looking values of ${leaking.length} PII column(s) in the report`);
  if (leaking.length > 0) {
    findings.push(finding(D, 'governance.raw-values-in-report', 'fail', null, `The JSON report holds unmasked frequent values of PII columns: ${leaking.map(q).join(', ')}`, { columns: leaking }, 'Do not share this JSON report; mask or drop topValues of PII columns (a dataready bug if it wrote them).'));
  } else {
    findings.push(finding(D, 'governance.no-raw-values', 'info', null, 'No raw value of a detected PII column is written in this report: examples are masked', { piiColumns: inventory.length }, 'Keep it that way when you add fields to the report.'));
  }

  const regulations = [...new Set(inventory.flatMap((e) => e.regulations))].sort();
  return dimension(D, 'Governance & Compliance', [exposure, minimization, hygiene], findings, {
    piiColumns: inventory.length,
    highRisk: inventory.filter((e) => e.risk === 'high').length,
    regulations,
    questionedColumns: questioned.map((x) => x.column),
    rawValuesInReport: leaking.length > 0,
  }, rules);
}
