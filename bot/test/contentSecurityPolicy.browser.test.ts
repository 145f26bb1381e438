/**
 * The service's Content-Security-Policy in REAL Chromium: the built task pane, served by the
 * service, loads (office.js from its CDN origin, the shared-runtime modules, the stylesheet),
 * opens a workbook and shows its report without one CSP violation. A control page with an inline
 * script proves the violations are seen at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildAddin } from '@kekao/addin/build';
import { writeTemplate } from '@kekao/workbook';
import { openPglite } from '../src/db/pglite.js';
import type { Database } from '../src/db/database.js';
import { createServer, type RunningServer } from '../src/server.js';
import { browserExecutable } from '@kekao/test/helpers';
import { silentLogger } from './helpers/fixtures.js';

let work: string;
let db: Database;
let server: RunningServer;
let browser: Browser;
let workbook: string;

/** Collects every violation the page reports: the DOM event and Chromium's console message. */
async function watchedPage(): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const page = await browser.newPage({ viewport: { width: 380, height: 900 } });
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  // office.js from its CDN origin (no network here): a stand-in without an Office host, so the pane opens in preview mode.
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: '/* office.js stand-in */' }));
  return { page, violations: async () => [...console, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))] };
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'kekao-csp-'));
  const built = await buildAddin({ outDir: path.join(work, 'dist'), minify: true });
  await writeFile(path.join(built.outDir, 'inline-control.html'), '<!doctype html><title>control</title><script>document.title = "inline ran"</script>');
  workbook = path.join(work, 'example.xlsx');
  await writeFile(workbook, await writeTemplate('best-practice', { example: true }));
  db = await openPglite(undefined);
  server = await createServer({ port: 0, host: '127.0.0.1', logLevel: 'silent', addinDir: built.outDir }, { db, logger: silentLogger });
  browser = await chromium.launch({ executablePath: browserExecutable(), args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the Content-Security-Policy in Chromium', () => {
  it('reports a violation for an inline script (the watch works)', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${server.url}/inline-control.html`);
    await expect.poll(violations).not.toEqual([]);
    expect(await page.title()).toBe('control');
    await page.close();
  });

  it("lets the task pane load and show a workbook's report with no violation", async () => {
    const { page, violations } = await watchedPage();
    const response = await page.goto(`${server.url}/taskpane.html`);
    expect(response?.headers()['content-security-policy']).toContain('frame-ancestors');
    await page.waitForSelector('body[data-mode="preview"]');
    await page.setInputFiles('#file', workbook);
    await page.waitForSelector('#results[data-file="example.xlsx"] [data-total]', { timeout: 60_000 });
    expect(await violations()).toEqual([]);
    await page.close();
  });
});
