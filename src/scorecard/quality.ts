import type { ReportView } from './input.js';
import type { ScorecardRules } from './rules.js';
import type { Dimension, Finding } from './schema.js';
import { component, dimension, finding, int, pct, q, rateScore, round1, round4 } from './score.js';

const D = 'quality';

/**
 * Rows of values that differ from a more frequent value of the same column only by letter case, Unicode
 * normalization or surrounding spaces ("London", "LONDON", " london"). Read from topValues, so it sees the
 * frequent spellings only: a lower bound. PII columns are skipped: their top values are masked, and masks
 * (`J***`) say nothing about the spelling.
 */
export function caseVariants(values: readonly { value: string; count: number }[]): { groups: number; rows: number } {
  const byKey = new Map<string, Map<string, number>>();
  for (const v of values) {
    const key = v.value.normalize('NFC').trim().toLowerCase();
    let spellings = byKey.get(key);
    if (spellings === undefined) byKey.set(key, (spellings = new Map()));
    spellings.set(v.value, (spellings.get(v.value) ?? 0) + v.count);
  }
  let groups = 0;
  let rows = 0;
  for (const spellings of byKey.values()) {
    if (spellings.size < 2) continue;
    const counts = [...spellings.values()];
    groups++;
    rows += counts.reduce((s, n) => s + n, 0) - Math.max(...counts);
  }
  return { groups, rows };
}

/** A column whose birth dates would make every table look stale. */
function isBirthDate(name: string, piiKind: string | undefined): boolean {
  return piiKind === 'date_of_birth' || /birth|\bdob\b|geburt|naissance/i.test(name.replace(/[_-]/g, ' '));
}

export function qualityDimension(view: ReportView, rules: ScorecardRules): Dimension {
  const r = rules.quality;
  const w = r.weights;
  const findings: Finding[] = [];
  const rows = view.report.table.rows;

  // ---- completeness ------------------------------------------------------------------------------------
  let cells = 0;
  let missing = 0;
  for (const { src: c } of view.columns) {
    cells += c.values;
    missing += c.missing.count;
    const rate = c.values === 0 ? 0 : c.missing.count / c.values;
    if (c.values > 0 && c.missing.count === c.values) {
      findings.push(
        finding(D, 'quality.empty-column', 'fail', c.name, `${q(c.name)} holds no value in any of its ${int(c.values)} rows`, { missing: c.missing.count, rate: 1 }, 'Drop the column, or find out why the export leaves it empty.'),
      );
    } else if (rate >= r.missingWarn) {
      findings.push(
        finding(
          D,
          'quality.missing',
          rate >= r.missingFail ? 'fail' : 'warn',
          c.name,
          `${q(c.name)} is missing in ${pct(rate)} of rows (${int(c.missing.count)} of ${int(c.values)})`,
          { missing: c.missing.count, values: c.values, rate: round4(rate), threshold: rate >= r.missingFail ? r.missingFail : r.missingWarn },
          'Fill it at the source, or document why it may be empty and how consumers should treat the gap.',
        ),
      );
    }
    const disguised = Object.entries(c.missing.disguised ?? {}).filter(([, n]) => n > 0);
    if (disguised.length > 0) {
      const n = disguised.reduce((s, [, k]) => s + k, 0);
      disguised.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      findings.push(
        finding(
          D,
          'quality.disguised-nulls',
          'info',
          c.name,
          `${q(c.name)} writes missing values as placeholder text in ${int(n)} rows (${disguised.map(([t, k]) => `${JSON.stringify(t)}×${k}`).join(', ')})`,
          { rows: n, tokens: disguised.map(([t]) => t) },
          'Export true nulls (an empty field) instead of placeholder text; counted as missing here.',
        ),
      );
    }
  }
  const missingRate = cells === 0 ? 0 : missing / cells;
  const completeness = component(
    'completeness',
    'Completeness',
    rateScore(missingRate, r.completenessZeroAt),
    w.completeness,
    `${pct(missingRate, 2)} of ${int(cells)} cells missing (nulls, blanks and placeholders); 0 points at ${pct(r.completenessZeroAt, 0)}`,
  );

  // ---- validity ----------------------------------------------------------------------------------------
  let present = 0;
  let invalid = 0;
  for (const { src: c } of view.columns) {
    const conf = c.type.conformance;
    const n = c.values - c.missing.count;
    if (conf === null || n <= 0) continue;
    const bad = Math.round(n * (1 - conf));
    present += n;
    invalid += bad;
    if (conf < r.conformanceWarn && c.type.inferred !== 'string') {
      findings.push(
        finding(
          D,
          'quality.type-conformance',
          conf < r.conformanceFail ? 'fail' : 'warn',
          c.name,
          `${int(bad)} of ${int(n)} values in ${q(c.name)} are not ${c.type.inferred} (${pct(conf)} conform)`,
          { inferred: c.type.inferred, conformance: round4(conf), nonConforming: bad, present: n },
          `Fix or quarantine the non-${c.type.inferred} values, or declare the column as text if mixed values are legitimate.`,
        ),
      );
    }
  }
  const invalidRate = present === 0 ? 0 : invalid / present;
  const validity = component(
    'validity',
    'Validity',
    present === 0 ? null : rateScore(invalidRate, r.validityZeroAt),
    w.validity,
    present === 0
      ? 'not measured: no present values'
      : `${pct(invalidRate, 2)} of ${int(present)} present values do not fit their column's inferred type; 0 points at ${pct(r.validityZeroAt, 0)}`,
  );

  // ---- consistency -------------------------------------------------------------------------------------
  let offFormat = 0;
  let variantRows = 0;
  let consideredCells = 0;
  for (const { src: c, dates, pii } of view.columns) {
    consideredCells += c.values - c.missing.count;
    if (dates) {
      const parsed = Object.values(dates.formats).reduce((s, n) => s + n, 0);
      const dominant = dates.dominant !== null ? (dates.formats[dates.dominant] ?? 0) : 0;
      const off = Math.max(0, parsed - dominant);
      offFormat += off;
      const offShare = parsed === 0 ? 0 : off / parsed;
      const nFormats = Object.keys(dates.formats).length;
      if ((dates.inconsistent || off > 0) && offShare > r.dateFormatWarn) {
        findings.push(
          finding(
            D,
            'quality.date-formats',
            offShare > r.dateFormatFail ? 'fail' : 'warn',
            c.name,
            `${q(c.name)} mixes ${nFormats} date formats: ${int(off)} of ${int(parsed)} dates (${pct(offShare)}) are not in the dominant ${dates.dominant ?? '?'}`,
            { formats: nFormats, dominant: dates.dominant, dominantShare: dates.dominantShare, offFormat: off, parsed },
            'Normalize the column to one format (ISO 8601, yyyy-MM-dd) at export.',
          ),
        );
      }
      if (dates.ambiguous > 0 && (dates.resolution === 'unresolved' || dates.resolution === 'mixed')) {
        findings.push(
          finding(
            D,
            'quality.date-ambiguous',
            'warn',
            c.name,
            `${int(dates.ambiguous)} dates in ${q(c.name)} read both day-first and month-first (such as 03/04/2024), and the column ${dates.resolution === 'mixed' ? 'holds both orders' : 'never settles the order'}`,
            { ambiguous: dates.ambiguous, resolution: dates.resolution },
            'Confirm the field order with the data owner and export ISO 8601 dates.',
          ),
        );
      }
      if (dates.future !== null && dates.future > 0) {
        findings.push(
          finding(D, 'quality.future-dates', 'warn', c.name, `${int(dates.future)} dates in ${q(c.name)} lie in the future (newest ${dates.max ?? '?'})`, { future: dates.future, max: dates.max }, 'Check for typing errors, wrong centuries or placeholder dates.'),
        );
      }
      const sentinels = Object.entries(dates.sentinels).filter(([, n]) => n > 0);
      if (sentinels.length > 0) {
        const n = sentinels.reduce((s, [, k]) => s + k, 0);
        findings.push(
          finding(
            D,
            'quality.date-sentinels',
            'info',
            c.name,
            `${q(c.name)} uses placeholder dates in ${int(n)} rows (${sentinels.map(([t, k]) => `${t}×${k}`).join(', ')})`,
            { rows: n, sentinels: sentinels.map(([t]) => t) },
            'Export a null instead of a placeholder date; consumers otherwise compute ages and intervals from it.',
          ),
        );
      }
    }
    const top = pii ? [] : (c.topValues?.values ?? []);
    const variants = caseVariants(top);
    variantRows += variants.rows;
    const presentHere = c.values - c.missing.count;
    const share = presentHere === 0 ? 0 : variants.rows / presentHere;
    if (variants.groups > 0 && share > r.variantWarn) {
      findings.push(
        finding(
          D,
          'quality.case-variants',
          'warn',
          c.name,
          `${variants.groups} frequent value${variants.groups === 1 ? '' : 's'} of ${q(c.name)} also appear${variants.groups === 1 ? 's' : ''} with other letter case or spacing (${int(variants.rows)} rows)`,
          { groups: variants.groups, rows: variants.rows, share: round4(share), seenIn: 'topValues' },
          'Trim and case-normalize the values at the source, or map the spellings to one canonical value.',
        ),
      );
    }
  }
  const inconsistentRate = consideredCells === 0 ? 0 : (offFormat + variantRows) / consideredCells;
  const consistency = component(
    'consistency',
    'Consistency',
    consideredCells === 0 ? null : rateScore(inconsistentRate, r.consistencyZeroAt),
    w.consistency,
    consideredCells === 0
      ? 'not measured: no present values'
      : `${int(offFormat)} dates off their column's dominant format${view.datesMeasured ? '' : ' (date formats not measured)'} and ${int(variantRows)} case/spacing variants among frequent values, of ${int(consideredCells)} present values (${pct(inconsistentRate, 2)}); 0 points at ${pct(r.consistencyZeroAt, 0)}`,
  );

  // ---- uniqueness --------------------------------------------------------------------------------------
  const dup = view.duplicates;
  let uniqueness;
  if (dup === null || rows === 0) {
    uniqueness = component('uniqueness', 'Uniqueness', null, w.uniqueness, 'not measured: the report has no duplicates section');
  } else {
    const dupRows = dup.exactRows + (dup.nearRows ?? 0);
    const share = dupRows / rows;
    uniqueness = component(
      'uniqueness',
      'Uniqueness',
      rateScore(share, r.uniquenessZeroAt),
      w.uniqueness,
      `${int(dup.exactRows)} exact and ${dup.nearRows === null ? 'unmeasured' : int(dup.nearRows)} near-duplicate rows of ${int(rows)} (${pct(share, 2)})${dup.exactSampled ? ', exact copies estimated from a hash sample' : ''}${dup.sampled ? ', near-duplicates sampled' : ''}; 0 points at ${pct(r.uniquenessZeroAt, 0)}`,
    );
    const dupFinding = (id: string, kind: string, n: number, clusters: number | null) => {
      const s = n / rows;
      if (n === 0 || s <= r.duplicateWarn) return;
      const estimated = kind === 'exact' && dup.exactSampled;
      findings.push(
        finding(
          D,
          id,
          s > r.duplicateFail ? 'fail' : 'warn',
          null,
          `${estimated ? 'About ' : ''}${int(n)} ${kind === 'near' ? 'near-duplicate' : 'exact duplicate'} row${n === 1 ? '' : 's'} (${pct(s, 2)} of ${int(rows)})${clusters !== null ? ` in ${int(clusters)} cluster${clusters === 1 ? '' : 's'}` : ''}${estimated ? ', estimated from a hash sample of the rows past the memory budget' : ''}`,
          { rows: n, clusters, share: round4(s), sampled: dup.sampled, ...(dup.exactSampled ? { exactSampled: true } : {}) },
          kind === 'exact'
            ? 'Deduplicate at the source or on load (e.g. SELECT DISTINCT), and find the step that repeats rows.'
            : 'Review the near-duplicate clusters (the JSON report lists examples) and merge records with a matching rule.',
        ),
      );
    };
    dupFinding('quality.exact-duplicates', 'exact', dup.exactRows, dup.exactClusters);
    if (dup.nearRows !== null) dupFinding('quality.near-duplicates', 'near', dup.nearRows, dup.nearClusters);
  }

  // ---- staleness ---------------------------------------------------------------------------------------
  let freshest: { column: string; age: number; max: string | null } | null = null;
  for (const { src: c, dates, pii } of view.columns) {
    if (!dates || dates.newestAgeDays === null || isBirthDate(c.name, pii?.kind)) continue;
    if (freshest === null || dates.newestAgeDays < freshest.age) freshest = { column: c.name, age: dates.newestAgeDays, max: dates.max };
  }
  let staleness;
  if (freshest === null) {
    staleness = component('staleness', 'Staleness', null, w.staleness, view.datesMeasured ? 'not measured: no date column with a newest date (birth dates excluded)' : 'not measured: the report has no date analysis');
  } else {
    const span = Math.max(1, r.staleFailDays - r.freshDays);
    const score = freshest.age <= r.freshDays ? 100 : 100 * (1 - Math.min(1, (freshest.age - r.freshDays) / span));
    staleness = component('staleness', 'Staleness', round1(score), w.staleness, `newest date ${freshest.max ?? '?'} in ${q(freshest.column)} is ${int(freshest.age)} days old; 100 points up to ${r.freshDays} days, 0 at ${r.staleFailDays}`);
    if (freshest.age > r.staleWarnDays) {
      findings.push(
        finding(
          D,
          'quality.stale',
          freshest.age > r.staleFailDays ? 'fail' : 'warn',
          freshest.column,
          `The newest date in the table (${freshest.max ?? '?'}, in ${q(freshest.column)}) is ${int(freshest.age)} days old`,
          { newestAgeDays: freshest.age, newest: freshest.max, threshold: freshest.age > r.staleFailDays ? r.staleFailDays : r.staleWarnDays },
          'Check that the export is current; schedule it, or state the data\'s intended as-of date.',
        ),
      );
    }
  }

  return dimension(D, 'Quality', [completeness, validity, consistency, uniqueness, staleness], findings, {
    cells,
    missingCells: missing,
    missingRate: round4(missingRate),
    nonConformingValues: invalid,
    offFormatDates: offFormat,
    caseVariantRows: variantRows,
    duplicateRows: dup === null ? null : dup.exactRows + (dup.nearRows ?? 0),
    newestAgeDays: freshest?.age ?? null,
  }, rules);
}
