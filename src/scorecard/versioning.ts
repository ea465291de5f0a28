import { schemaFingerprint } from '../metrics/fingerprint.js';
import type { ReportView } from './input.js';
import type { ScorecardRules } from './rules.js';
import type { Dimension, Finding } from './schema.js';
import { component, dimension, finding, q } from './score.js';

const D = 'versioning';

export function schemaFingerprintOf(view: ReportView): string {
  return schemaFingerprint(view.report.columns.map((c) => ({ name: c.name, type: c.type.inferred })));
}

export function versioningDimension(view: ReportView, rules: ScorecardRules): Dimension {
  const w = rules.versioning.weights;
  const report = view.report;
  const findings: Finding[] = [];

  const content = view.contentFingerprint;
  const contentComponent = component(
    'contentFingerprint',
    'Content fingerprint',
    content === null ? null : 100,
    w.contentFingerprint,
    content === null ? 'not measured: this build does not write a content fingerprint' : `order-independent hash of every row: ${content.slice(0, 16)}…`,
  );
  if (content === null) {
    findings.push(finding(D, 'versioning.no-content-fingerprint', 'info', null, 'No content fingerprint in the report: a changed file with the same size and schema cannot be told apart', {}, 'Use a dataready build that writes the content fingerprint, or record a checksum of the file with each delivery.'));
  }

  const schema = schemaFingerprintOf(view);
  const schemaComponent = component('schemaFingerprint', 'Schema fingerprint', 100, w.schemaFingerprint, `names and inferred types of ${report.columns.length} columns: ${schema.slice(0, 16)}…`);

  // ---- lineage -----------------------------------------------------------------------------------------
  const parts: [string, boolean][] = [
    ['path', report.input.path.length > 0],
    ['size', Number.isFinite(report.input.size)],
    ['modification time', report.input.modifiedAt.length > 0],
  ];
  if (report.input.format === 'parquet') parts.push(['Parquet created_by', (view.parquet?.createdBy ?? null) !== null]);
  if (view.files !== null) parts.push(['size and modification time of every file', view.files.every((f) => f.size !== undefined && f.modifiedAt !== undefined)]);
  const have = parts.filter(([, ok]) => ok).length;
  const lineage = component('lineage', 'Lineage', (100 * have) / parts.length, w.lineage, `${parts.filter(([, ok]) => ok).map(([n]) => n).join(', ') || 'nothing'} recorded${have < parts.length ? `; missing: ${parts.filter(([, ok]) => !ok).map(([n]) => n).join(', ')}` : ''}`);
  if (have < parts.length) {
    findings.push(finding(D, 'versioning.lineage-incomplete', 'info', null, `Lineage is incomplete: ${parts.filter(([, ok]) => !ok).map(([n]) => n).join(', ')} not known`, { recorded: have, expected: parts.length }, 'Have the producer record its writer and version (Parquet created_by) and keep delivery metadata.'));
  }

  const toolOk = report.tool.version.length > 0;
  const rulesOk = report.rules.sha256.length > 0;
  const toolAndRules = component('toolAndRules', 'Tool and rules', (toolOk ? 50 : 0) + (rulesOk ? 50 : 0), w.toolAndRules, `${report.tool.name} ${report.tool.version}, rules ${report.rules.path === null ? '(defaults)' : q(report.rules.path)} sha256 ${report.rules.sha256.slice(0, 12)}…`);

  const baseline = component('baseline', 'Baseline', view.baseline ? 100 : 0, w.baseline, view.baseline ? 'compared against a baseline report' : 'no baseline: drift cannot be detected from this run');
  if (!view.baseline) {
    findings.push(finding(D, 'versioning.no-baseline', 'warn', null, 'No baseline report: changes in volume, types, missingness or PII between deliveries go unnoticed', { baseline: false }, 'Keep this JSON report (--out) and compare each new delivery against it: dataready compare BASELINE.json CURRENT.json.'));
  }

  return dimension(D, 'Versioning & Reproducibility', [contentComponent, schemaComponent, lineage, toolAndRules, baseline], findings, {
    contentFingerprint: content,
    schemaFingerprint: schema,
    path: report.input.path,
    bytes: report.input.size,
    modifiedAt: report.input.modifiedAt,
    createdBy: view.parquet?.createdBy ?? null,
    toolVersion: report.tool.version,
    rulesSha256: report.rules.sha256,
    baseline: view.baseline,
  }, rules);
}
