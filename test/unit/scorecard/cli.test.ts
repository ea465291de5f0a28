import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../helpers/cli.js';

// Runs the built CLI (`npm test` builds first).
describe('profile --format md and --html', () => {
  const dir = tempDir('dataready-scorecard-');
  const csv = join(dir, 'people.csv');
  writeFileSync(csv, 'id,name,signup\n1,Ann,2024-01-02\n2,Bob,2024-01-03\n3,Cy,\n');

  it('prints Markdown with the five dimensions and writes a complete HTML file, nothing else', () => {
    const html = join(dir, 'out', 'report.html');
    const r = runCli(['profile', csv, '--format', 'md', '--html', html, '--as-of', '2024-02-01']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('# Data readiness: people.csv');
    for (const title of ['Quality', 'Volume', 'Access & Integration', 'Governance & Compliance', 'Versioning & Reproducibility']) {
      expect(r.stdout).toMatch(new RegExp(`^\\| ${title} \\| (\\d+|not measured)`, 'm'));
    }
    const page = readFileSync(html, 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
    expect(page.match(/data-dimension="/g)).toHaveLength(5);
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.html']); // the temporary file was renamed away
  });

  it('refuses an unknown format by name', () => {
    const r = runCli(['profile', csv, '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format must be text, json or md, not "pdf"');
  });

  it('reports a --html path it cannot write, in one line, and leaves nothing behind', () => {
    const r = runCli(['profile', csv, '--html', dir]); // a directory: the rename fails
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`cannot write ${dir}: EISDIR`);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
