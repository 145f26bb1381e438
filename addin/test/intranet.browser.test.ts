/**
 * The intranet build, as addin/README.md tells an IT department to make it:
 *   npm run addin:build -- --office-js=local --base-url=https://intranet.example/kekao
 * The dist must load office.js from the base URL (its own office/ copy from @microsoft/office-js,
 * never Microsoft's CDN), the manifests must point only at the base URL, and the task pane served
 * from that dist must work in Chromium on a closed network (every request to another origin is
 * refused and recorded): the real office.js loads from the local copy, reports no Office host, and
 * the preview shows the total `kekao score` gives for the example workbook.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Assessment } from '@kekao/core/scoring';
import { serveDist } from './helpers/serveDist.js';
import { launchChromium } from './helpers/chromium.js';
import { kekao, ROOT } from './helpers/kekaoCli.js';
import { runTsx } from './helpers/runTsx.js';

const BASE = 'https://intranet.example/kekao';
const OFFICE_TELEMETRY_ORIGIN = 'https://telemetryservice.firstpartyapps.oaspapps.com';
let work: string;
let dist: string;
let server: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kekao-intranet-'));
  dist = join(work, 'dist');
  const built = await runTsx(['addin/build.ts', '--office-js=local', `--base-url=${BASE}`, `--out=${dist}`], 300_000);
  expect(built.stderr).toBe('');
  expect(built.code).toBe(0);
  server = await serveDist(dist);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('intranet build', () => {
  it('loads office.js from the base URL, and the manifests name no other server', async () => {
    const html = await readFile(join(dist, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual(['office/office.js', 'functions.js', 'taskpane.js']);
    // The manifest's comment explains the template (it names the default base URL); the markup is what counts.
    const xml = (await readFile(join(dist, 'manifest.xml'), 'utf8')).replace(/<!--[\s\S]*?-->/g, '');
    const page = /<SourceLocation DefaultValue="([^"]+)"\/>/.exec(xml)![1];
    expect(page).toBe(`${BASE}/taskpane.html`);
    expect(new URL(scripts[0]!, page).href).toBe(`${BASE}/office/office.js`);
    const json = await readFile(join(dist, 'manifest.json'), 'utf8');
    for (const [name, text] of [
      ['taskpane.html', html],
      ['manifest.xml', xml],
      ['manifest.json', json],
    ] as const) {
      expect(text, name).not.toContain('appsforoffice.microsoft.com');
      const urls = [...text.matchAll(/https:\/\/[^"'<\s]+/g)].map((m) => m[0]).filter((u) => !u.startsWith('https://developer.microsoft.com/json-schemas/'));
      for (const u of urls) expect(u, `${name}: ${u}`).toMatch(/^https:\/\/intranet\.example\/kekao(\/|$)/);
    }
  });

  it('ships the Excel part of office.js only, without debug copies or source maps', async () => {
    for (const f of ['office.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'excel-mac-16.00.js', 'zh-cn/office_strings.js', 'en-us/office_strings.js']) {
      expect(existsSync(join(dist, 'office', f)), f).toBe(true);
    }
    const files = (await readdir(dist, { recursive: true })).map(String);
    expect(files.filter((f) => /\.map$|\.debug\.js$|(^|\/)(word|outlook|powerpoint)-[^/]*\.js$/.test(f))).toEqual([]);
    let bytes = 0;
    for (const f of files.filter((x) => x.startsWith('office'))) {
      const s = await stat(join(dist, f));
      if (s.isFile()) bytes += s.size;
    }
    expect(bytes).toBeLessThan(40 * 1024 * 1024);
  });

  it('the pane served from it runs on a closed network: office.js from the local copy, preview numbers as kekao score', async () => {
    const local = new URL(server.url).origin;
    const requested: string[] = [];
    const refused: string[] = [];
    const page = await browser.newPage({ viewport: { width: 380, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === local) {
        requested.push(url);
        return route.continue();
      }
      refused.push(url);
      return route.abort();
    });
    const officeJs = page.waitForResponse(`${local}/office/office.js`);
    await page.goto(`${server.url}/taskpane.html`);
    expect((await officeJs).status()).toBe(200);
    await page.waitForSelector('body[data-mode="preview"]', { timeout: 30_000 });
    expect(await page.evaluate(() => typeof (window as { Office?: { onReady?: unknown } }).Office?.onReady)).toBe('function');

    const example = join(work, 'example.xlsx');
    await kekao(['template', '--kind', 'best-practice', '--out', example, '--example'], work);
    const cli = JSON.parse(await kekao(['score', example, '--json'], work)) as Assessment;
    await page.setInputFiles('#file', example);
    await page.waitForSelector('#results[data-file="example.xlsx"] [data-total]', { timeout: 30_000 });
    const total = Number(await page.getAttribute('[data-total]', 'data-total'));
    expect(total).toBeCloseTo(cli.total, 10);
    await mkdir(join(ROOT, 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-artifacts', 'addin-intranet-preview.png'), fullPage: true });

    expect(requested).toContain(`${local}/office/office.js`);
    // office.js opens a telemetry frame at Microsoft outside Office; refused here, the pane carries on.
    expect(refused.filter((u) => new URL(u).origin !== OFFICE_TELEMETRY_ORIGIN)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
