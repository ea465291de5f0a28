import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT, runCli } from '../helpers/cli.js';

/**
 * Opens the HTML report in Debian's headless Chromium (installed by .ci/run). Skipped, with a message, only
 * when Chromium is missing outside CI; in CI a missing browser fails the test.
 */
const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const skip = !available && !process.env.CI;
if (skip) console.warn(`test/browser skipped: ${CHROMIUM} not found (install Debian's chromium; in CI this test runs)`);

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const SAMPLE = join(ROOT, 'samples/customers.csv');
const FALLBACK_CSV = [
  'customer_id,name,email,signup_date,amount',
  '1,Ann Lee,ann@example.com,2024-01-02,10.5',
  '2,Bob Stone,bob@example.com,03/01/2024,7',
  '3,Cy Twombly,cy@example.org,2024-01-05,N/A',
  '3,Cy Twombly,cy@example.org,2024-01-05,N/A',
].join('\n');

const PAYLOAD_SCRIPT = '<script>window.__pwned=1</script>';
const PAYLOAD_IMG = '<img src=x onerror="window.__pwned=1">';
const PAYLOAD_SVG = '"><svg onload=window.__pwned=1>';
const csvField = (s: string) => `"${s.replace(/"/g, '""')}"`;
const HOSTILE_CSV = [
  ['id', PAYLOAD_SCRIPT, PAYLOAD_IMG, ' padded', PAYLOAD_SVG].map(csvField).join(','),
  ...Array.from({ length: 20 }, (_, i) => [String(i + 1), PAYLOAD_SCRIPT, PAYLOAD_IMG, 'x', PAYLOAD_SVG].map(csvField).join(',')),
].join('\n');

describe.skipIf(skip)('HTML report in a browser', () => {
  let dir: string;
  let context: BrowserContext;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dataready-browser-'));
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      offline: true,
    });
  });

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a file and records console errors, page errors and every request that is not the file itself. */
  async function open(file: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    const url = pathToFileURL(file).href;
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, errors, requests };
  }

  function profile(csv: string, name: string, extra: string[] = []): { html: string; report: { scorecard: { dimensions: { id: string; score: number | null }[] } } } {
    const html = join(dir, `${name}.html`);
    const json = join(dir, `${name}.json`);
    const r = runCli(['profile', csv, '--html', html, '--out', json, '--quiet', ...extra]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return { html, report: JSON.parse(readFileSync(json, 'utf8')) };
  }

  it('shows the five scores of the sample, with no console error and no request', async () => {
    let csv = SAMPLE;
    if (!existsSync(csv)) {
      csv = join(dir, 'customers.csv');
      writeFileSync(csv, FALLBACK_CSV);
    }
    const { html, report } = profile(csv, 'sample');
    const { page, errors, requests } = await open(html);
    const cards = page.locator('[data-dimension]');
    expect(await cards.count()).toBe(5);
    const shown = await cards.evaluateAll((els) => els.map((e) => [e.getAttribute('data-dimension'), e.querySelector('.s')?.textContent ?? null]));
    expect(shown).toEqual(report.scorecard.dimensions.map((d) => [d.id, d.score === null ? '–' : String(d.score)]));
    for (const [, score] of shown) expect(score).toMatch(/^(\d{1,3}|–)$/);
    expect(await page.locator('h1').textContent()).toMatch(/^Data readiness: /);
    expect(await page.locator('svg').count()).toBeGreaterThanOrEqual(5);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('does not execute script or event-handler payloads from a header or a cell', async () => {
    const csv = join(dir, 'hostile.csv');
    writeFileSync(csv, HOSTILE_CSV);
    // --header: rows repeating the header's payloads would make the sniffer call the header data
    const { html } = profile(csv, 'hostile', ['--header']);
    const text = readFileSync(html, 'utf8');
    expect(text).not.toContain(PAYLOAD_SCRIPT);
    expect(text).not.toContain('<img');
    expect(text).not.toMatch(/<script/i);
    const { page, errors, requests } = await open(html);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('svg[onload]').count()).toBe(0);
    // the payloads are shown as text, intact: the page says what the column is called
    expect(await page.locator('#columns td', { hasText: PAYLOAD_SCRIPT }).count()).toBe(1);
    expect(await page.locator('#columns td', { hasText: PAYLOAD_IMG }).count()).toBe(1);
    expect(await page.locator('[data-dimension]').count()).toBe(5);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
