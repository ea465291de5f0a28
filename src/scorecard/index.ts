import { accessDimension } from './access.js';
import { checklist } from './checklist.js';
import { governanceDimension, piiInventory } from './governance.js';
import { viewOf, type ReportLike, type ScorecardContext } from './input.js';
import { qualityDimension } from './quality.js';
import { scorecardRulesFrom, scorecardRulesHash, type ScorecardRules } from './rules.js';
import { SCORECARD_VERSION, scorecardSchema, type Dimension, type DimensionId, type Scorecard } from './schema.js';
import { compareFindings, finding, gradeOf, weightedMean } from './score.js';
import { schemaFingerprintOf, versioningDimension } from './versioning.js';
import { volumeDimension } from './volume.js';

export { scorecardSchema, type Scorecard, type Finding, type Dimension } from './schema.js';
export { defaultScorecardRules, scorecardRulesFrom, scorecardRulesSchema, type ScorecardRules } from './rules.js';
export type { ReportLike, ScorecardContext } from './input.js';

export const DIMENSION_ORDER: readonly DimensionId[] = ['quality', 'volume', 'access', 'governance', 'versioning'];

function sectionDimension(where: string): DimensionId {
  if (where.includes('.pii')) return 'governance';
  if (where.startsWith('input.parquet') || where.startsWith('input.columnar')) return 'volume';
  return 'quality';
}

/**
 * The readiness scorecard of a finished report: five dimensions, each from the report's numbers only (it
 * never sees rows), graded with `rules` (the scorecard: section of rules/default.yaml). Pure and deterministic: the same report and
 * rules give the same scorecard, whatever the run's timing except the profile-time projection.
 * `context.baseline`: the run is compared with a baseline (the CLI's --baseline / --history), which the
 * report itself may not say yet when the scorecard is built.
 */
export function buildScorecard(report: ReportLike, rules: ScorecardRules, context: ScorecardContext = {}): Scorecard {
  const view = viewOf(report, context);
  const inventory = piiInventory(view, rules);
  let dims: Record<DimensionId, Dimension> = {
    quality: qualityDimension(view, rules),
    volume: volumeDimension(view, rules),
    access: accessDimension(view, rules),
    governance: governanceDimension(view, rules, inventory),
    versioning: versioningDimension(view, rules),
  };
  if (view.unreadable.length > 0) {
    for (const where of view.unreadable) {
      const id = sectionDimension(where);
      const f = finding(id, 'scorecard.unreadable-section', 'info', null, `A report section could not be read and counts as not measured: ${where}`, { section: where }, 'A dataready version mismatch between the profiler and the scorecard; regenerate the report.');
      dims = { ...dims, [id]: { ...dims[id], findings: [...dims[id].findings, f].sort(compareFindings) } };
    }
  }
  const ordered = DIMENSION_ORDER.map((id) => dims[id]);
  const measured = ordered.filter((d) => d.score !== null);
  const mean = weightedMean(ordered.map((d) => ({ score: d.score, weight: d.weight })));
  const overall = mean === null ? null : Math.round(mean);
  return {
    scorecardVersion: SCORECARD_VERSION,
    rulesSha256: scorecardRulesHash(rules),
    overall: { score: overall, grade: gradeOf(overall, rules), measuredDimensions: measured.map((d) => d.id) },
    dimensions: ordered,
    checklist: checklist(view, dims, inventory),
    piiInventory: inventory,
    fingerprints: { content: view.contentFingerprint, schema: schemaFingerprintOf(view) },
  };
}

/**
 * The scorecard of a report for the renderings: the one it carries when it is well formed, else one built
 * now with the rules in effect (a report written before the scorecard existed still renders).
 */
export function scorecardOf(report: ReportLike & { scorecard?: unknown }, rules?: ScorecardRules): Scorecard {
  if (report.scorecard !== undefined && rules === undefined) {
    const parsed = scorecardSchema.safeParse(report.scorecard);
    if (parsed.success) return parsed.data;
  }
  return buildScorecard(report, rules ?? scorecardRulesFrom());
}

/** Every finding of a scorecard, worst first. */
export function allFindings(sc: Scorecard) {
  return sc.dimensions.flatMap((d) => d.findings).sort(compareFindings);
}
