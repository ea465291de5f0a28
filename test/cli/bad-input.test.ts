import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const dir = tempDir();
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

/** Every bad input: exit code 2, exactly one line on stderr, no stack trace, no report left behind. */
function expectCleanFailure(args: string[], pattern: RegExp) {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.json`);
  const r = runCli([...args, '--out', out]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  expect(r.stdout).toBe('');
}

describe('bad input gets one clear line and exit code 2', () => {
  it('a missing path', () => expectCleanFailure(['profile', join(dir, 'nope.csv')], /nope\.csv: no such file/));

  it('a directory', () => {
    const d = join(dir, 'adir');
    mkdirSync(d);
    expectCleanFailure(['profile', d], /is a directory/);
  });

  it('an empty file', () => expectCleanFailure(['profile', file('empty.csv', '')], /empty/));

  it('a file of blank lines', () => expectCleanFailure(['profile', file('blank.csv', '\n\n\n')], /no records/));

  it('a header-only file', () => expectCleanFailure(['profile', file('header.csv', 'a,b,c\n')], /header row but no data records/));

  it('binary garbage', () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
    expectCleanFailure(['profile', file('garbage.bin', bytes)], /binary data at byte \d+|invalid UTF-8 at byte \d+/);
  });

  it('invalid UTF-8, naming the byte offset', () => {
    const p = file('latin1.csv', Buffer.concat([Buffer.from('name,city\nJos'), Buffer.from([0xe9]), Buffer.from(',Paris\n')]));
    expectCleanFailure(['profile', p, '--encoding', 'utf-8'], /invalid UTF-8 at byte 13/);
  });

  it('invalid UTF-8 after a valid UTF-8 start (past the sniffed sample)', () => {
    const head = 'name,city\n' + 'Zoë,Paris\n'.repeat(40_000);
    const p = file('late.csv', Buffer.concat([Buffer.from(head), Buffer.from('Jos'), Buffer.from([0xe9]), Buffer.from(',Lyon\n')]));
    expectCleanFailure(['profile', p], new RegExp(`invalid UTF-8 at byte ${Buffer.byteLength(head) + 3}; pass --encoding`));
  });

  it('an unclosed quote', () => expectCleanFailure(['profile', file('quote.csv', 'a,b\n1,"never closed\n2,3\n')], /quoted field is never closed/));

  it('an unreadable rules file', () => {
    const rules = file('rules.yaml', 'nulls:\n  tokens: [x]\n');
    chmodSync(rules, 0o000);
    const csv = file('ok.csv', 'a\n1\n');
    // root can read anything; then use a directory as the unreadable rules path instead
    if (process.getuid?.() === 0) expectCleanFailure(['profile', csv, '--rules', dir], /rules file .*directory/);
    else expectCleanFailure(['profile', csv, '--rules', rules], /rules file .*permission denied/);
  });

  it('a rules file that is not YAML', () => {
    const csv = file('ok2.csv', 'a\n1\n');
    expectCleanFailure(['profile', csv, '--rules', file('bad.yaml', 'nulls: [unclosed\n')], /not valid YAML at line/);
  });

  it('a rules file with a wrong key names the key and the reason', () => {
    const csv = file('ok3.csv', 'a\n1\n');
    expectCleanFailure(['profile', csv, '--rules', file('wrong.yaml', 'types:\n  minShare: 2\n')], /types\.minShare: .*(<=|less than or equal|too big)/i);
    expectCleanFailure(['profile', csv, '--rules', file('typo.yaml', 'nulls:\n  tokenz: [x]\n')], /nulls: .*tokenz/);
  });

  it('usage errors', () => {
    expectCleanFailure(['profile'], /needs an input file/);
    expectCleanFailure(['profile', 'a.csv', '--format', 'xml'], /--format must be/);
    expectCleanFailure(['profile', 'a.csv', '--bogus'], /Unknown option/i);
    const r = runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command/);
  });
});
