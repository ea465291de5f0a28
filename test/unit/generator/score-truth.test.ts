import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../../..');
const truth = JSON.parse(readFileSync(path.join(repo, 'samples/customers.truth.json'), 'utf8'));
type Score = { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number };
const lib = (await import(path.join(repo, 'bench/lib/score-truth.mjs'))) as {
  scoreAll: (report: unknown, truth: unknown, csv: string) => {
    missing: Score;
    pii: Score & { columns: { column: string; verdict: string }[] };
    dates: { columns: { column: string; ok: boolean; formatDiffs: string[] }[] };
    duplicates: { exactRows: { truth: number; report: number }; allPairs?: Score; exactPairs?: Score };
  };
};

/** A report that agrees with the truth everywhere, in dataready's report shape. */
function perfectReport() {
  const aliases: Record<string, string> = { us_ssn: 'ssn', street_address: 'address', ip_address: 'ip' };
  return {
    columns: truth.columns.map((c: any) => ({
      name: c.name,
      missing: { count: c.missingTotal, empty: c.empty, whitespace: c.whitespaceOnly, disguised: c.disguisedNulls },
      pii: c.pii ? { kind: aliases[c.pii] ?? c.pii } : c.piiInText ? { kind: 'free_text' } : null,
      dates: c.dates ? { inconsistent: c.dates.inconsistent, formats: c.dates.formats } : null,
    })),
    duplicates: { exact: { duplicateRows: truth.duplicates.exactDuplicateRows }, near: { duplicateRows: truth.duplicates.nearDuplicateRows } },
  };
}

function duplicatesCsv(clusters: { records: number[]; exact?: number[] }[]) {
  const lines = ['row,cluster,kind'];
  clusters.forEach((c, i) => {
    for (const r of c.records) lines.push(`${r},${i + 1},${c.exact?.includes(r) ? 'exact' : 'near'}`);
  });
  return lines.join('\n') + '\n';
}

describe('bench/lib/score-truth', () => {
  it('scores a report that agrees with the truth at 100% everywhere', () => {
    const s = lib.scoreAll(perfectReport(), truth, duplicatesCsv(truth.duplicates.clusters));
    expect([s.missing.precision, s.missing.recall]).toEqual([1, 1]);
    expect(s.missing.tp).toBe(truth.columns.reduce((a: number, c: any) => a + c.missingTotal, 0));
    expect([s.pii.tp, s.pii.fp, s.pii.fn]).toEqual([12, 0, 0]);
    expect(s.dates.columns.map((c) => [c.column, c.ok, c.formatDiffs.length])).toEqual([
      ['signup_date', true, 0], ['birth_date', true, 0], ['last_login', true, 0],
    ]);
    expect(s.duplicates.allPairs).toMatchObject({ precision: 1, recall: 1, fp: 0, fn: 0 });
    expect(s.duplicates.exactPairs).toMatchObject({ precision: 1, recall: 1, tp: 38 });
  });

  it('counts misses, false positives and wrong kinds', () => {
    const r = perfectReport();
    const phone = r.columns.find((c: any) => c.name === 'phone');
    phone.missing.disguised = { ...phone.missing.disguised, 'N/A': 0, TBD: 4 }; // 30 missed, 4 extra
    r.columns.find((c: any) => c.name === 'order_ref').pii = { kind: 'credit_card' }; // the decoy
    r.columns.find((c: any) => c.name === 'iban').pii = null;
    r.columns.find((c: any) => c.name === 'email').pii = { kind: 'phone' };
    const pairs = truth.duplicates.clusters.slice(1); // first cluster missed
    const s = lib.scoreAll(r, truth, duplicatesCsv([...pairs, { records: [1998, 1999, 2000] }]));
    expect([s.missing.fp, s.missing.fn]).toEqual([4, 30]);
    expect([s.pii.tp, s.pii.fp, s.pii.fn]).toEqual([10, 2, 2]);
    expect(s.pii.columns.filter((c) => !c.verdict.startsWith('ok')).map((c) => `${c.column}:${c.verdict}`))
      .toEqual(['email:wrong kind', 'order_ref:false positive', 'iban:missed']);
    expect(s.duplicates.allPairs).toMatchObject({ fp: 3, fn: 1 });
  });
});
