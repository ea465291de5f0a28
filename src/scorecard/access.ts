import type { ReportView } from './input.js';
import type { ScorecardRules } from './rules.js';
import type { Dimension, Finding } from './schema.js';
import { component, dimension, finding, int, pct, q, rateScore, round4 } from './score.js';

const D = 'access';

const UTF8_NAMES = new Set(['utf-8', 'utf8', 'ascii', 'us-ascii']);

export interface HeaderProblems {
  duplicate: string[];
  caseDuplicate: string[];
  empty: number[];
  padded: string[];
}

/** Names that break loaders: repeated (exactly or up to case), empty, or with surrounding spaces. */
export function headerProblems(names: readonly string[]): HeaderProblems {
  const seen = new Map<string, number>();
  const seenFolded = new Map<string, string>();
  const duplicate = new Set<string>();
  const caseDuplicate = new Set<string>();
  const empty: number[] = [];
  const padded: string[] = [];
  names.forEach((name, i) => {
    if (name.trim() === '') {
      empty.push(i + 1);
      return;
    }
    if (name !== name.trim()) padded.push(name);
    if (seen.has(name)) duplicate.add(name);
    else {
      const folded = name.trim().toLowerCase();
      const earlier = seenFolded.get(folded);
      if (earlier !== undefined && earlier !== name) caseDuplicate.add(name);
      seenFolded.set(folded, earlier ?? name);
    }
    seen.set(name, i);
  });
  return { duplicate: [...duplicate], caseDuplicate: [...caseDuplicate], empty, padded };
}

export function accessDimension(view: ReportView, rules: ScorecardRules): Dimension {
  const r = rules.access;
  const w = r.weights;
  const report = view.report;
  const findings: Finding[] = [];
  const rows = report.table.rows;
  const dialect = report.input.dialect;

  // ---- parsing -----------------------------------------------------------------------------------------
  const ragged = report.table.ragged;
  const raggedShare = rows === 0 ? 0 : ragged.rows / rows;
  const parsing = component(
    'parsing',
    'Parsing',
    rateScore(raggedShare, r.raggedZeroAt),
    w.parsing,
    `${int(ragged.rows)} of ${int(rows)} records have the wrong number of fields (${pct(raggedShare, 2)}); 0 points at ${pct(r.raggedZeroAt, 0)}`,
  );
  if (ragged.rows > 0) {
    findings.push(
      finding(
        D,
        'access.ragged-rows',
        raggedShare > r.raggedFail ? 'fail' : 'warn',
        null,
        `${int(ragged.rows)} records have the wrong number of fields (${int(ragged.tooFew)} too few, ${int(ragged.tooMany)} too many)`,
        { rows: ragged.rows, tooFew: ragged.tooFew, tooMany: ragged.tooMany, share: round4(raggedShare) },
        'Quote fields that contain the delimiter or line breaks at export; the JSON report lists the first record numbers.',
      ),
    );
  }
  if (dialect?.confidence !== undefined && dialect.confidence < r.dialectConfidenceWarn) {
    findings.push(
      finding(D, 'access.dialect-uncertain', 'warn', null, `The CSV dialect was guessed with low confidence (${pct(dialect.confidence)} of sampled records agree on the field count)`, { confidence: dialect.confidence }, 'Pass --delimiter/--quote explicitly, or publish the dialect with the file.'),
    );
  }

  // ---- encoding ----------------------------------------------------------------------------------------
  let encodingScore = 100;
  let encodingDetail: string;
  const replacement = report.columns.some((c) => c.name.includes('\uFFFD') || (c.topValues?.values ?? []).some((v) => v.value.includes('\uFFFD')));
  if (dialect === null) {
    encodingDetail = `${report.input.format}: typed binary format, no text encoding to guess`;
  } else {
    const enc = dialect.encoding.toLowerCase();
    encodingDetail = `${dialect.encoding}${dialect.bom ? ' with byte-order mark' : ''}${dialect.encodingConfidence !== undefined ? `, confidence ${dialect.encodingConfidence}` : ''}`;
    if (!UTF8_NAMES.has(enc)) {
      encodingScore -= 30;
      findings.push(finding(D, 'access.encoding-not-utf8', 'warn', null, `The file is encoded as ${dialect.encoding}, not UTF-8`, { encoding: dialect.encoding }, 'Convert it to UTF-8 at export, or declare the encoding wherever the file is published.'));
    }
    if (dialect.encodingConfidence !== undefined && dialect.encodingConfidence < r.encodingConfidenceWarn) {
      encodingScore -= 30;
      findings.push(finding(D, 'access.encoding-uncertain', 'warn', null, `The text encoding ${dialect.encoding} was guessed with confidence ${dialect.encodingConfidence}`, { encoding: dialect.encoding, confidence: dialect.encodingConfidence }, 'Confirm the encoding with the producer and pass it with --encoding.'));
    }
    if (dialect.bom) {
      findings.push(finding(D, 'access.bom', 'info', null, 'The file starts with a byte-order mark', { bom: true }, 'Some loaders read the mark into the first column name; strip it or make sure consumers handle it.'));
    }
  }
  if (replacement) {
    encodingScore -= 40;
    findings.push(finding(D, 'access.replacement-characters', 'warn', null, 'Column names or frequent values hold U+FFFD replacement characters: text was decoded with the wrong encoding somewhere upstream', { replacementCharacters: true }, 'Find the step that decoded the text wrongly; the original characters are lost in this file.'));
  }
  const encoding = component('encoding', 'Encoding', encodingScore, w.encoding, encodingDetail + (replacement ? '; replacement characters found' : ''));

  // ---- header ------------------------------------------------------------------------------------------
  const names = report.columns.map((c) => c.name);
  let header;
  if (dialect !== null && !dialect.header) {
    header = component('header', 'Header', 50, w.header, 'no header row: columns have positional names only');
    findings.push(finding(D, 'access.no-header', 'warn', null, 'The file has no header row: consumers must know the column order', { header: false }, 'Add a header row with stable column names.'));
  } else {
    const p = headerProblems(names);
    const problems = p.duplicate.length + p.caseDuplicate.length + p.empty.length + p.padded.length;
    header = component(
      'header',
      'Header',
      100 - r.headerPenalty * problems,
      w.header,
      problems === 0 ? `${names.length} names, none duplicated, empty or padded` : `${problems} problem name${problems === 1 ? '' : 's'}, ${r.headerPenalty} points each`,
    );
    for (const name of p.duplicate) {
      findings.push(finding(D, 'access.header-duplicate', 'fail', name, `The column name ${q(name)} appears more than once`, { occurrences: names.filter((n) => n === name).length }, 'Give every column a unique name; loaders silently rename or overwrite repeated ones.'));
    }
    for (const name of p.caseDuplicate) {
      findings.push(finding(D, 'access.header-case-duplicate', 'warn', name, `The column name ${q(name)} differs from another only by letter case or spaces`, { name }, 'Rename one of them: case-insensitive databases and tools treat them as the same column.'));
    }
    if (p.empty.length > 0) {
      findings.push(finding(D, 'access.header-empty', 'warn', null, `${p.empty.length} column${p.empty.length === 1 ? ' has' : 's have'} an empty name (position ${p.empty.join(', ')})`, { positions: p.empty.map(String) }, 'Name every column.'));
    }
    for (const name of p.padded) {
      findings.push(finding(D, 'access.header-padded', 'warn', name, `The column name ${q(name)} has leading or trailing spaces`, { name }, 'Trim column names at export; a padded name fails lookups by the visible name.'));
    }
  }

  // ---- type stability ----------------------------------------------------------------------------------
  const typed = report.columns.filter((c) => c.type.conformance !== null && c.values - c.missing.count > 0);
  const unstable = typed.filter((c) => (c.type.conformance ?? 1) < r.stableConformance);
  const typeStability = component(
    'typeStability',
    'Type stability',
    typed.length === 0 ? null : (100 * (typed.length - unstable.length)) / typed.length,
    w.typeStability,
    typed.length === 0 ? 'not measured: no column has present values' : `${typed.length - unstable.length} of ${typed.length} columns hold one type in at least ${pct(r.stableConformance, 0)} of their values`,
  );
  if (unstable.length > 0) {
    findings.push(
      finding(
        D,
        'access.type-unstable',
        'warn',
        null,
        `${unstable.length} column${unstable.length === 1 ? '' : 's'} mix types, so a strict schema would reject rows: ${unstable.map((c) => `${q(c.name)} (${c.type.inferred}, ${pct(c.type.conformance ?? 0)})`).join(', ')}`,
        { columns: unstable.map((c) => c.name), threshold: r.stableConformance },
        'Declare the schema explicitly and quarantine rows that do not fit, or fix the producer.',
      ),
    );
  }

  // ---- candidate keys ----------------------------------------------------------------------------------
  const keys = report.columns.filter((c) => rows > 1 && c.missing.count === 0 && c.values === rows && c.distinct.distinct >= rows && c.distinct.exact);
  const likelyKeys = report.columns.filter((c) => rows > 1 && c.missing.count === 0 && !c.distinct.exact && c.distinct.distinct >= rows * 0.98);
  let keysComponent;
  if (rows <= 1) {
    keysComponent = component('keys', 'Candidate keys', null, w.keys, 'not measured: fewer than two rows');
  } else if (keys.length + likelyKeys.length > 0) {
    keysComponent = component(
      'keys',
      'Candidate keys',
      100,
      w.keys,
      `unique, never-empty column${keys.length + likelyKeys.length === 1 ? '' : 's'}: ${[...keys.map((c) => q(c.name)), ...likelyKeys.map((c) => `${q(c.name)} (approximate count)`)].join(', ')}`,
    );
    findings.push(finding(D, 'access.candidate-keys', 'info', null, `Candidate keys (unique and never empty): ${[...keys, ...likelyKeys].map((c) => q(c.name)).join(', ')}`, { exact: keys.map((c) => c.name), approximate: likelyKeys.map((c) => c.name) }, 'Declare one as the primary key so loads can be checked and joined.'));
  } else {
    keysComponent = component('keys', 'Candidate keys', r.noKeyScore, w.keys, 'no single column is unique and never empty');
    findings.push(finding(D, 'access.no-candidate-key', 'warn', null, 'No single column is unique and never empty: rows cannot be identified, joined or deduplicated by one key', { columns: report.columns.length }, 'Add a stable identifier at the source, or document the composite key.'));
  }

  let schemaAgreement;
  const files = view.files;
  if (files === null) {
    schemaAgreement = component('schemaAgreement', 'Schema agreement', null, w.schemaAgreement, 'not measured: one file profiled (schema agreement applies across several files)');
  } else {
    const excluded = files.filter((f) => !f.included);
    schemaAgreement = component(
      'schemaAgreement',
      'Schema agreement',
      (100 * (files.length - excluded.length)) / files.length,
      w.schemaAgreement,
      `${files.length - excluded.length} of ${files.length} files have the first file's columns`,
    );
    for (const f of excluded) {
      const d = f.differences;
      const what = d
        ? [d.missing.length ? `missing ${d.missing.map(q).join(', ')}` : '', d.extra.length ? `extra ${d.extra.map(q).join(', ')}` : '', d.reordered ? 'columns in another order' : ''].filter(Boolean).join('; ')
        : 'different columns';
      findings.push(
        finding(
          D,
          'access.schema-disagreement',
          'fail',
          null,
          `${q(f.path)} does not have the first file's columns (${what}) and was left out of the profile${f.rows !== undefined ? ` (${int(f.rows)} rows)` : ''}`,
          { path: f.path, missing: d?.missing ?? [], extra: d?.extra ?? [], reordered: d?.reordered ?? null },
          'Make every file of the delivery share one schema (same names, same order), or profile them separately.',
        ),
      );
    }
  }

  return dimension(D, 'Access & Integration', [parsing, encoding, header, typeStability, keysComponent, schemaAgreement], findings, {
    raggedRows: ragged.rows,
    encoding: dialect?.encoding ?? null,
    header: dialect === null ? true : dialect.header,
    unstableColumns: unstable.length,
    candidateKeys: [...keys, ...likelyKeys].map((c) => c.name),
    files: files === null ? 1 : files.length,
    filesExcluded: files === null ? 0 : files.filter((f) => !f.included).length,
  }, rules);
}
