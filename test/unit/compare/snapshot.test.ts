import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/cli/errors.js';
import { duplicateRateOf, readSnapshotFile, scoresOf, snapshotOf } from '../../../src/compare/snapshot.js';
import { tempDir } from '../../helpers/cli.js';
import { report, typical } from './report-builder.js';

function refusal(raw: unknown): UserError {
  try {
    snapshotOf(raw, 'b.json', 'baseline');
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).exitCode).toBe(2);
    return e as UserError;
  }
  throw new Error('expected a refusal');
}

describe('reading a report for comparison', () => {
  it('extracts what the checks need', () => {
    const s = snapshotOf(typical(), 'b.json', 'baseline');
    expect(s).toMatchObject({ label: 'b.json', reportVersion: 1, toolVersion: '0.1.0', rows: 1000, raggedRows: 0 });
    expect(s.duplicates).toBeUndefined();
    expect(s.scores).toBeUndefined();
    expect(s.hasPiiInventory).toBe(false);
    const status = s.columns[1]!;
    expect(status).toMatchObject({ name: 'status', index: 1, nonMissing: 1000, missingRate: 0, type: 'string', distinct: 3 });
    expect(status.top.complete).toBe(true);
    expect(s.columns[2]!.top.complete).toBe(false);
    expect(status.dateFormats).toBeUndefined();
    expect(status.pii).toBeUndefined();
  });

  it('refuses what is not a dataready report, saying what it is', () => {
    expect(refusal([1, 2]).message).toBe('baseline b.json is JSON but not a dataready report (the top level is an array, not an object)');
    expect(refusal('x').message).toMatch(/the top level is string/);
    expect(refusal({ type: 'object', properties: {} }).message).toBe(
      'baseline b.json is JSON but not a dataready report (no reportVersion / tool.name "dataready"); expected a report written by `dataready profile --out`',
    );
  });

  it('refuses a newer report version and an older one with what to do', () => {
    expect(refusal({ ...typical(), reportVersion: 7, tool: { name: 'dataready', version: '3.0.0' } }).message).toBe(
      'baseline b.json was written by a newer dataready (3.0.0, report version 7); this dataready reads report versions 1–1. Upgrade dataready, or re-create the baseline with this version',
    );
    expect(refusal({ ...typical(), reportVersion: 0 }).message).toBe(
      'baseline b.json has report version 0, older than this dataready can read (1–1); re-create it with `dataready profile --out`',
    );
    expect(refusal({ ...typical(), reportVersion: '1' }).message).toBe('baseline b.json has an invalid reportVersion "1"; expected an integer');
  });

  it('names the key and the reason when a field is malformed', () => {
    const r = typical() as { columns: { missing: { rate: unknown } }[] };
    r.columns[1]!.missing.rate = 'high';
    expect(refusal(r).message).toBe('baseline b.json is not a valid dataready report (version 1): columns.1.missing.rate: Invalid input: expected number, received string');
    const noColumns = typical();
    delete noColumns.columns;
    expect(refusal(noColumns).message).toMatch(/^baseline b\.json is not a valid dataready report \(version 1\): columns: /);
  });

  it('reads a report that lacks fields a comparison does not use, and ignores unknown ones', () => {
    const r = typical({ status: { extra: { futureField: { x: 1 } } } }, { extra: { somethingNew: [1, 2, 3] } }) as Record<string, unknown>;
    delete r.input;
    delete r.rules;
    delete r.run;
    for (const c of r.columns as Record<string, unknown>[]) delete c.lengths;
    expect(snapshotOf(r, 'b.json', 'baseline').columns).toHaveLength(3);
  });

  it('reads the optional detector fields leniently: a shape it does not know reads as not measured', () => {
    const r = report([
      { name: 'd', extra: { dates: { formats: { 'yyyy-MM-dd': 10 }, dominant: 'yyyy-MM-dd' }, pii: null } },
      { name: 'e', extra: { dates: null, pii: { kind: 'email', confidence: 0.99, validShare: 1, regulations: ['GDPR'] } } },
      { name: 'f', extra: { dates: 'garbage', pii: { confidence: 1 } } },
    ]);
    const s = snapshotOf(r, 'b.json', 'baseline');
    expect(s.columns.map((c) => c.dateFormats)).toEqual([{ 'yyyy-MM-dd': 10 }, null, undefined]);
    expect(s.columns.map((c) => c.pii)).toEqual([null, { kind: 'email' }, undefined]);
    expect(s.hasPiiInventory).toBe(true);
    expect(s.hasDateDetector).toBe(true);
  });

  it('reads the duplicate rate from whichever field the duplicates section has', () => {
    expect(duplicateRateOf(undefined, 100)).toBeUndefined();
    expect(duplicateRateOf(null, 100)).toBeNull();
    expect(duplicateRateOf({ redundantRows: 5, exact: { duplicateRows: 3 } }, 100)).toEqual({ rate: 0.05, basis: 'redundantRows' });
    expect(duplicateRateOf({ exact: { duplicateRows: 3 }, near: { duplicateRows: 2 } }, 100)).toEqual({ rate: 0.05, basis: 'duplicateRows' });
    expect(duplicateRateOf({ rows: 50, exact: { duplicateRows: 3 } }, 100)).toEqual({ rate: 0.06, basis: 'duplicateRows' });
    expect(duplicateRateOf({ rate: 0.2 }, 100)).toEqual({ rate: 0.2, basis: 'rate' });
    expect(duplicateRateOf({ something: 'else' }, 100)).toBeNull();
  });

  it('reads scores from the scorecard shapes it may take', () => {
    expect([...scoresOf({ overall: 81, dimensions: [{ id: 'quality', score: 70 }, { name: 'volume', score: 90 }] })!]).toEqual([
      ['overall', 81],
      ['quality', 70],
      ['volume', 90],
    ]);
    expect([...scoresOf({ overall: { score: 81, grade: 'B' }, dimensions: { quality: { score: 70 }, governance: 55 } })!]).toEqual([
      ['overall', 81],
      ['quality', 70],
      ['governance', 55],
    ]);
    expect(scoresOf(null)).toBeUndefined();
  });
});

describe('reading a report file', () => {
  const dir = tempDir();
  const file = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it('refuses a file that is not JSON without quoting its content', () => {
    const p = file('people.csv', 'name,email\nJane Roe,jane.roe@example.com\n');
    let message = '';
    try {
      readSnapshotFile(p, 'baseline');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(`baseline ${p} is not JSON; expected a report written by \`dataready profile --out\``);
    expect(message).not.toMatch(/jane|Roe|email/i);
  });

  it('says so when the file is empty or missing', () => {
    expect(() => readSnapshotFile(file('empty.json', ''), 'baseline')).toThrow(/is not JSON \(the file is empty\)/);
    expect(() => readSnapshotFile(join(dir, 'nope.json'), 'current report')).toThrow(`cannot read current report ${join(dir, 'nope.json')}: no such file`);
  });
});
