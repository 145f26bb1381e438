/**
 * The built task pane in REAL Chromium, preview mode: it opens the `--example` workbook and must
 * show the Ic, Id, Ir values, suggested bands and total that `kekao score --json` prints for the
 * same file; a changed file must change the numbers (again matching the CLI). Screenshots go to
 * test-artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import type { Assessment } from '@kekao/core/scoring';
import { validateSubmission } from '@kekao/core/scoring';
import { buildAddin } from '../build.js';
import { serveDist } from './helpers/serveDist.js';
import { launchChromium, OFFICE_JS_PATTERN } from './helpers/chromium.js';
import { kekao, ROOT } from './helpers/kekaoCli.js';

let work: string;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let examplePath: string;
let changedPath: string;
const uploads: Array<{ auth: string | undefined; body: string }> = [];
const ARTIFACTS = join(ROOT, 'test-artifacts');

type Obj = Record<string, unknown>;
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/** Scales the spread of every Ic value around its parameter-and-stage mean (×4): the CV grows, the band should drop. */
async function widenIcSpread(from: string, to: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  const ws = wb.getWorksheet('Ic数据')!;
  const header = (ws.getRow(3).values as unknown[]).map((v) => String(v ?? ''));
  const valueCol = header.indexOf('测量值');
  const stageCol = header.indexOf('阶段');
  const paramCol = header.indexOf('参数');
  const group = (row: ExcelJS.Row) => `${String(row.getCell(paramCol).value)}|${String(row.getCell(stageCol).value)}`;
  const byStage = new Map<string, number[]>();
  ws.eachRow((row, n) => {
    if (n <= 3) return;
    const v = row.getCell(valueCol).value;
    if (typeof v === 'number') byStage.set(group(row), [...(byStage.get(group(row)) ?? []), v]);
  });
  const means = new Map([...byStage].map(([k, vs]) => [k, vs.reduce((s, x) => s + x, 0) / vs.length]));
  ws.eachRow((row, n) => {
    if (n <= 3) return;
    const cell = row.getCell(valueCol);
    if (typeof cell.value === 'number') {
      const m = means.get(group(row))!;
      cell.value = Math.round((m + (cell.value - m) * 4) * 1000) / 1000;
    }
  });
  await wb.xlsx.writeFile(to);
}

async function openInPane(page: Page, file: string): Promise<void> {
  const name = file.split('/').pop()!;
  await page.setInputFiles('#file', file);
  await page.waitForSelector(`#results[data-file="${name}"] [data-total]`, { timeout: 30_000 });
}

async function shown(page: Page) {
  return page.evaluate(() => {
    const q = (sel: string) => Array.from(document.querySelectorAll(sel));
    const bands: Record<string, { min: number | null; max: number | null }> = {};
    for (const el of q('[data-indicator]')) {
      const b = el.querySelector('.band')!;
      const min = b.getAttribute('data-min');
      bands[el.getAttribute('data-indicator')!] = { min: min === null ? null : Number(min), max: min === null ? null : Number(b.getAttribute('data-max')) };
    }
    const metrics: Record<string, string> = {};
    for (const el of q('[data-metric]')) metrics[el.getAttribute('data-metric')!] = el.getAttribute('data-value') ?? '';
    return {
      total: Number(document.querySelector('[data-total]')!.getAttribute('data-total')),
      missing: document.querySelector('[data-missing]')!.getAttribute('data-missing'),
      tier: document.querySelector('[data-tier]')?.getAttribute('data-tier') ?? null,
      bands,
      metrics,
      mode: document.body.getAttribute('data-mode'),
    };
  });
}

/** Every number the CLI's assessment gives for Ic, Id, Ir must be on the page, equal to 1e-12 relative. */
function expectSameNumbers(page: Awaited<ReturnType<typeof shown>>, cli: Assessment): void {
  const close = (key: string, want: number | null | undefined) => {
    expect(page.metrics[key], key).toBeDefined();
    if (want === null || want === undefined) expect(page.metrics[key], key).toBe('');
    else expect(Number(page.metrics[key]), key).toBeCloseTo(want, 10);
  };
  expect(page.total).toBeCloseTo(cli.total, 10);
  expect(page.missing).toBe(cli.missingScores.join(','));
  if (cli.tier) expect(page.tier).toBe(String(cli.tier.tier));
  for (const ind of cli.indicators) {
    expect(page.bands[ind.code], ind.code).toEqual({ min: ind.suggestedBand?.min ?? null, max: ind.suggestedBand?.max ?? null });
  }
  const ic = cli.indicators.find((i) => i.code === 'Ic')!;
  let icCount = 0;
  for (const p of arr(ic.metrics.parameters)) {
    for (const st of arr(p.stages)) {
      const k = `Ic.${String(p.name)}.${String(st.stage)}`;
      close(`${k}.cv`, st.cv as number | null);
      close(`${k}.mean`, st.mean as number | null);
      close(`${k}.n`, st.n as number);
      icCount++;
    }
  }
  expect(icCount).toBeGreaterThan(0);
  const id = cli.indicators.find((i) => i.code === 'Id')!;
  const idParams = arr(id.metrics.parameters);
  expect(idParams.length).toBeGreaterThan(0);
  for (const p of idParams) {
    const r2 = arr(p.units)
      .map((u) => u.r2)
      .filter((v): v is number => typeof v === 'number');
    close(`Id.${String(p.name)}.minR2`, r2.length ? Math.min(...r2) : null);
    close(`Id.${String(p.name)}.worstDriftShare`, p.worstDriftShare as number | null);
    expect(page.metrics[`Id.${String(p.name)}.model`]).toBe(p.model);
  }
  const ir = cli.indicators.find((i) => i.code === 'Ir')!;
  const scenarios = arr(ir.metrics.scenarios);
  expect(scenarios.length).toBeGreaterThan(0);
  for (const sc of scenarios) close(`Ir.${String(sc.name)}.worstMargin`, sc.worstMargin as number | null);
  close('Ir.scenarioCount', ir.metrics.scenarioCount as number);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kekao-addin-browser-'));
  await mkdir(ARTIFACTS, { recursive: true });
  const built = await buildAddin({ outDir: join(work, 'dist'), minify: true });
  // The service's submissions endpoint on the same origin (as when the service hosts the add-in).
  server = await serveDist(built.outDir, (req, body, res) => {
    if (req.url !== '/api/v1/submissions') return false;
    uploads.push({ auth: req.headers.authorization, body });
    const ok = req.headers.authorization === 'Bearer good-token';
    res.writeHead(ok ? 201 : 403, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? { id: 'S-2025-0001' } : { error: { key: 'auth.forbidden', zh: '令牌无效或无权上报', en: 'invalid token' } }));
    return true;
  });
  examplePath = join(work, 'example.xlsx');
  await kekao(['template', '--kind', 'best-practice', '--out', examplePath, '--example'], work);
  changedPath = join(work, 'changed.xlsx');
  await widenIcSpread(examplePath, changedPath);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('task pane in Chromium, preview mode', () => {
  it("exports the submission as JSON and uploads it with the token; shows the service's Chinese error", async () => {
    const page = await browser.newPage({ viewport: { width: 380, height: 900 }, acceptDownloads: true });
    await page.route(OFFICE_JS_PATTERN, (route) => route.abort());
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('body[data-mode="preview"]');
    await openInPane(page, examplePath);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#btn-export')]);
    expect(download.suggestedFilename()).toMatch(/\.kekao\.json$/);
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8'));
    const valid = validateSubmission(exported);
    expect(valid.ok).toBe(true);

    // Without settings: the pane asks for them instead of sending.
    await page.click('#btn-upload');
    expect(await page.textContent('#status')).toContain('服务地址和访问令牌');
    expect(uploads).toEqual([]);

    await page.fill('#set-url', server.url);
    await page.fill('#set-token', 'bad-token');
    await page.click('#set-save');
    await page.click('#btn-upload');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('HTTP 403'));
    expect(await page.textContent('#status')).toBe('令牌无效或无权上报 (auth.forbidden)（HTTP 403）');

    await page.fill('#set-token', 'good-token');
    await page.click('#set-save');
    await page.click('#btn-upload');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('S-2025-0001'));
    expect(uploads.map((u) => u.auth)).toEqual(['Bearer bad-token', 'Bearer good-token']);
    expect(JSON.parse(uploads[1].body)).toEqual(exported);
    await page.close();
  });

  it('falls back to preview when office.js cannot load, and shows the numbers kekao score gives', async () => {
    const page = await browser.newPage({ viewport: { width: 380, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Closed network: the CDN is unreachable.
    await page.route(OFFICE_JS_PATTERN, (route) => route.abort());
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('body[data-mode="preview"]');

    await openInPane(page, examplePath);
    const cli = JSON.parse(await kekao(['score', examplePath, '--json'], work)) as Assessment;
    const first = await shown(page);
    expect(first.mode).toBe('preview');
    expectSameNumbers(first, cli);
    await page.screenshot({ path: join(ARTIFACTS, 'addin-preview-example.png'), fullPage: true });

    // A changed file: the numbers change, and still match the CLI for that file.
    await openInPane(page, changedPath);
    const cliChanged = JSON.parse(await kekao(['score', changedPath, '--json'], work)) as Assessment;
    const second = await shown(page);
    expectSameNumbers(second, cliChanged);
    const cvKey = Object.keys(first.metrics).find((k) => k.startsWith('Ic.') && k.endsWith('.cv'))!;
    expect(Number(second.metrics[cvKey])).toBeGreaterThan(Number(first.metrics[cvKey]) * 3.9);
    await page.screenshot({ path: join(ARTIFACTS, 'addin-preview-changed.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs in preview when office.js loads but Office.onReady reports no host, and switches to English', async () => {
    const page = await browser.newPage({ viewport: { width: 380, height: 900 } });
    await page.route(OFFICE_JS_PATTERN, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: 'window.Office = { onReady: () => Promise.resolve({ host: null, platform: null }) };' }),
    );
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('body[data-mode="preview"]');
    expect(await page.textContent('h1')).toContain('评分助手');
    await page.click('#btn-lang');
    expect(await page.textContent('h1')).toContain('scoring pane');
    await openInPane(page, examplePath);
    expect(await page.textContent('.summary-card')).toContain('Weighted total');
    await page.screenshot({ path: join(ARTIFACTS, 'addin-preview-english.png'), fullPage: true });
    await page.close();
  });
});
