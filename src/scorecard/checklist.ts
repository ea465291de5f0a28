import type { ReportView } from './input.js';
import type { ChecklistItem, Dimension, DimensionId, PiiInventoryEntry } from './schema.js';
import { int } from './score.js';

/**
 * The items of a production-readiness checklist that the data itself can answer, each pass / fail / not
 * measurable from data, with the evidence. Items that depend on process (an owner, access control, a
 * retention policy) are listed as not measurable so the reader sees them and does not assume they passed.
 */
export function checklist(view: ReportView, dims: Record<DimensionId, Dimension>, inventory: PiiInventoryEntry[] | null): ChecklistItem[] {
  const report = view.report;
  const items: ChecklistItem[] = [];
  const add = (id: string, item: string, status: ChecklistItem['status'], evidence: string) => items.push({ id, item, status, evidence });
  const fails = (d: Dimension, prefix?: string) => d.findings.filter((f) => f.severity === 'fail' && (prefix === undefined || f.id.startsWith(prefix)));

  add(
    'quality-assessed',
    'Data quality assessed on production data',
    'pass',
    `${int(report.table.rows)} rows × ${report.table.columns} columns of ${report.input.path} profiled in full (completeness, validity, consistency${view.duplicates ? ', duplicates' : ''}${view.datesMeasured ? ', dates' : ''}); whether this file is production data is for you to confirm`,
  );
  const qualityFails = fails(dims.quality);
  add(
    'quality-thresholds',
    'Quality meets the thresholds in the rules',
    qualityFails.length === 0 ? 'pass' : 'fail',
    qualityFails.length === 0 ? `Quality ${dims.quality.score}/100, no fail-severity finding` : `${qualityFails.length} fail finding${qualityFails.length === 1 ? '' : 's'}: ${qualityFails.slice(0, 3).map((f) => f.message).join('; ')}`,
  );
  const dupFails = dims.quality.findings.some((f) => (f.id === 'quality.exact-duplicates' || f.id === 'quality.near-duplicates') && f.severity === 'fail');
  add(
    'duplicates-checked',
    'Duplicate records checked',
    view.duplicates === null ? 'not-measurable' : dupFails ? 'fail' : 'pass',
    view.duplicates === null ? 'the report has no duplicates section' : `${int(view.duplicates.exactRows)} exact and ${view.duplicates.nearRows === null ? 'unmeasured' : int(view.duplicates.nearRows)} near-duplicate rows`,
  );
  const accessFails = fails(dims.access);
  const encodingWarn = dims.access.findings.filter((f) => f.id.startsWith('access.encoding') || f.id === 'access.replacement-characters');
  add(
    'parses-cleanly',
    'The file parses cleanly (fields, encoding, header)',
    accessFails.length === 0 && encodingWarn.length === 0 ? 'pass' : 'fail',
    `${int(report.table.ragged.rows)} ragged records; ${encodingWarn.length} encoding problem${encodingWarn.length === 1 ? '' : 's'}; ${accessFails.length} fail finding${accessFails.length === 1 ? '' : 's'} in Access & Integration`,
  );
  const files = view.files;
  const excludedFiles = files === null ? [] : files.filter((f) => !f.included);
  add(
    'schema-agreement',
    'All files of the delivery share one schema',
    files === null ? 'not-measurable' : excludedFiles.length === 0 ? 'pass' : 'fail',
    files === null ? 'one file profiled' : excludedFiles.length === 0 ? `${files.length} files with the same columns` : `left out for different columns: ${excludedFiles.map((f) => f.path).join(', ')}`,
  );
  const unstable = Number(dims.access.facts.unstableColumns ?? 0);
  add('schema-stable', 'Every column holds one type', unstable === 0 ? 'pass' : 'fail', unstable === 0 ? 'every column conforms to its inferred type' : `${unstable} column${unstable === 1 ? '' : 's'} mix types`);
  const keys = (dims.access.facts.candidateKeys as string[] | undefined) ?? [];
  add('primary-key', 'Records have a unique identifier', report.table.rows <= 1 ? 'not-measurable' : keys.length > 0 ? 'pass' : 'fail', keys.length > 0 ? `candidate key${keys.length === 1 ? '' : 's'}: ${keys.join(', ')}` : 'no column is unique and never empty');
  const recommendation = String(dims.volume.facts.recommendation ?? '');
  add(
    'scales-10x',
    'Processing plan holds at 10× volume',
    dims.volume.findings.some((f) => f.severity !== 'info') ? 'fail' : 'pass',
    `recommended at ${dims.volume.facts.projectionFactor}×: ${recommendation}; ${dims.volume.findings.filter((f) => f.severity !== 'info').map((f) => f.message).join('; ') || 'no volume warning'}`,
  );
  add(
    'pii-inventoried',
    'Personal data inventoried',
    inventory === null ? 'not-measurable' : 'pass',
    inventory === null ? 'PII detection did not run' : inventory.length === 0 ? 'no personal data found' : `${inventory.length} PII column${inventory.length === 1 ? '' : 's'}: ${inventory.map((e) => `${e.column} (${e.kind})`).join(', ')}`,
  );
  const regulations = inventory === null ? [] : [...new Set(inventory.flatMap((e) => e.regulations))].sort();
  add(
    'compliance-documented',
    'Compliance requirements documented',
    'not-measurable',
    inventory === null ? 'not measurable from data; PII detection did not run' : regulations.length === 0 ? 'not measurable from data; no regulated personal data found' : `not measurable from data; the data touches ${regulations.join(', ')}, so a record of processing and a legal basis are needed`,
  );
  const raw = dims.governance.facts.rawValuesInReport;
  add('no-raw-pii-in-reports', 'No raw personal values in reports or logs', raw === null || raw === undefined ? 'not-measurable' : raw ? 'fail' : 'pass', raw === null || raw === undefined ? 'PII detection did not run' : raw ? 'unmasked values of PII columns found in the JSON report' : 'PII examples in this report are masked');
  const minimization = (dims.governance.facts.questionedColumns as string[] | undefined) ?? [];
  add('data-minimization', 'Only necessary personal data is kept', inventory === null ? 'not-measurable' : minimization.length === 0 ? 'pass' : 'fail', inventory === null ? 'PII detection did not run' : minimization.length === 0 ? 'no column to question' : `columns to question: ${minimization.join(', ')}`);
  const content = view.contentFingerprint;
  add(
    'versioning-lineage',
    'Versioning and lineage tracked',
    content === null ? 'fail' : 'pass',
    `content fingerprint ${content === null ? 'absent' : content.slice(0, 16) + '…'}; schema fingerprint ${String(dims.versioning.facts.schemaFingerprint).slice(0, 16)}…; source ${report.input.path}, ${int(report.input.size)} bytes, modified ${report.input.modifiedAt}`,
  );
  add('drift-detection', 'Drift detection configured', view.baseline ? 'pass' : 'fail', view.baseline ? 'this report was compared against a baseline' : 'no baseline report to compare against');
  add('owner-access-control', 'Owner, access control and retention defined', 'not-measurable', 'not measurable from data: a process question for the data owner');
  add('monitoring-alerting', 'Monitoring and alerting on the pipeline', 'not-measurable', 'not measurable from data; a scheduled profile with a baseline comparison is one way to get it');
  return items;
}
