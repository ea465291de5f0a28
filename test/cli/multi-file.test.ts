import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

describe('several files profile as one table', () => {
  const dir = tempDir();
  const parts = join(dir, 'export');
  mkdirSync(parts);
  writeFileSync(join(parts, 'part-00000.csv'), 'id,name,amount\n1,Ann,3\n2,Bob,N/A\n');
  writeFileSync(join(parts, 'part-00001.csv'), 'id,name,amount\n3,Cy,5\n1,Ann,3\n');
  writeFileSync(join(parts, 'part-00002.csv'), 'id,name,amount\n4,Di,\n');
  writeFileSync(join(parts, '.hidden.csv'), 'x\n1\n');

  it('a directory of partitions is one table, rows numbered on across files', () => {
    const out = join(dir, 'dups.csv');
    const r = runCli(['profile', parts, '--format', 'json', '--duplicates', out]);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.table.rows).toBe(5);
    expect(report.input.files.map((f: { rows: number }) => f.rows)).toEqual([2, 2, 1]);
    expect(report.input.schemaAgreement).toEqual({ agree: true, excluded: 0 });
    const amount = report.columns[2];
    expect(amount.missing).toMatchObject({ count: 2, empty: 1, disguised: { 'N/A': 1 } });
    // row 4 (second file's second record) repeats row 1 exactly
    expect(report.duplicates.exact.duplicateRows).toBe(1);
  });

  it('a file whose columns disagree is left out and its differences reported', () => {
    const other = join(dir, 'other.csv');
    writeFileSync(other, 'id,fullname,amount,extra\n9,Zed,1,x\n');
    const r = runCli(['profile', join(parts, 'part-00000.csv'), other, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.table.rows).toBe(2);
    expect(report.input.schemaAgreement).toEqual({ agree: false, excluded: 1 });
    expect(report.input.files[1]).toMatchObject({ included: false, differences: { missing: ['name'], extra: ['fullname', 'extra'], reordered: false } });
  });
});

describe('content fingerprint', () => {
  it('does not depend on row order or quoting, and changes with a value', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), 'id,name\n1,Ann\n2,"Bob"\n3,Cy\n');
    writeFileSync(join(dir, 'b.csv'), 'id,name\n3,"Cy"\n1,Ann\n2,Bob\n');
    writeFileSync(join(dir, 'c.csv'), 'id,name\n3,Cy\n1,Ann\n2,Bo\n');
    const fp = (f: string) => JSON.parse(runCli(['profile', join(dir, f), '--format', 'json']).stdout).table.fingerprint;
    expect(fp('a.csv')).toMatch(/^[0-9a-f]{16,}$/);
    expect(fp('b.csv')).toBe(fp('a.csv'));
    expect(fp('c.csv')).not.toBe(fp('a.csv'));
  });
});
