/**
 * The built task pane in REAL Chromium, EXCEL mode: office.js is replaced by an in-page stand-in
 * (helpers/fakeExcelPage.ts) holding the `--example` workbook. The pane must find the tables, show
 * the numbers `kekao score --json` gives, recompute only the Ic indicator ~300 ms after the Ic
 * table changes, write bands into 评分表 J:K, draw charts, and offer to insert the kekao sheets
 * into a workbook that has none (keeping the user's sheet).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import type { Assessment } from '@kekao/core/scoring';
import { flattenCellValue } from '@kekao/core/workbook';
import { CONTRACTS } from '@kekao/core/workbook';
import { buildAddin } from '../build.js';
import { serveDist } from './helpers/serveDist.js';
import { launchChromium, OFFICE_JS_PATTERN } from './helpers/chromium.js';
import { kekao, ROOT } from './helpers/kekaoCli.js';
import { fakeOfficeJs, type FakeWorkbookData } from './helpers/fakeExcelPage.js';

let work: string;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let exampleData: FakeWorkbookData;
let cli: Assessment;
const ARTIFACTS = join(ROOT, 'test-artifacts');

async function workbookData(path: string): Promise<FakeWorkbookData> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const data: FakeWorkbookData = { sheets: {}, tables: {} };
  for (const ws of wb.worksheets) {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = flattenCellValue(cell.value);
        if (v !== null && v !== undefined && !(v instanceof Date) && typeof v !== 'object') cells[cell.address] = v;
      }),
    );
    data.sheets[ws.name] = cells;
    for (const spec of CONTRACTS['best-practice'].tables) {
      const t = ws.getTable?.(spec.name) as unknown as { table?: { tableRef?: string; ref?: string } } | undefined;
      const ref = t?.table?.tableRef ?? t?.table?.ref;
      if (ref) data.tables[spec.name] = { sheet: ws.name, range: ref };
    }
  }
  return data;
}

async function openExcelPane(data: FakeWorkbookData, excelApi?: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 380, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route(OFFICE_JS_PATTERN, (route) => route.fulfill({ contentType: 'text/javascript', body: fakeOfficeJs(data, excelApi) }));
  await page.goto(`${server.url}/taskpane.html`);
  await page.waitForSelector('body[data-mode="excel"]');
  (page as Page & { errors?: string[] }).errors = errors;
  return page;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kekao-addin-excel-'));
  await mkdir(ARTIFACTS, { recursive: true });
  const built = await buildAddin({ outDir: join(work, 'dist') });
  server = await serveDist(built.outDir);
  const example = join(work, 'example.xlsx');
  await kekao(['template', '--kind', 'best-practice', '--out', example, '--example'], work);
  cli = JSON.parse(await kekao(['score', example, '--json'], work)) as Assessment;
  exampleData = await workbookData(example);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('task pane in Chromium, Excel mode', () => {
  it('shows the numbers of kekao score, recomputes only Ic after an Ic change, writes 评分表 and draws charts', async () => {
    const page = await openExcelPane(exampleData);
    await page.waitForSelector('#results [data-total]');
    const total = Number(await page.getAttribute('[data-total]', 'data-total'));
    expect(total).toBeCloseTo(cli.total, 10);
    for (const ind of cli.indicators) {
      expect(await page.getAttribute(`[data-indicator="${ind.code}"] .band`, 'data-band')).toBe(
        ind.suggestedBand ? `${ind.suggestedBand.min}-${ind.suggestedBand.max}` : '',
      );
    }
    const cvSel = '[data-metric="Ic.输出电压.t0.cv"]';
    const cvBefore = Number(await page.getAttribute(cvSel, 'data-value'));
    expect(cvBefore).toBeCloseTo((cli.indicators[0].metrics.parameters as Array<{ stages: Array<{ cv: number }> }>)[0].stages[0].cv, 12);

    // The user widens the spread of the t0 voltages; the table's onChanged fires (a burst).
    await page.evaluate(() => {
      const f = (window as unknown as { fakeExcel: { sheets: Record<string, Record<string, unknown>>; fireTable(n: string): void } }).fakeExcel;
      const ic = f.sheets['Ic数据'];
      for (let r = 4; r < 200; r++)
        if (ic[`C${r}`] === 't0' && ic[`A${r}`] === '输出电压' && typeof ic[`F${r}`] === 'number') ic[`F${r}`] = 12 + ((ic[`F${r}`] as number) - 12) * 5;
      f.fireTable('KekaoIc');
      f.fireTable('KekaoIc');
    });
    await page.waitForSelector('#results[data-recomputed="Ic"]', { timeout: 5000 });
    const cvAfter = Number(await page.getAttribute(cvSel, 'data-value'));
    expect(cvAfter).toBeGreaterThan(cvBefore * 4);
    await page.screenshot({ path: join(ARTIFACTS, 'addin-excel-mode.png'), fullPage: true });

    await page.click('#btn-write');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent === '已写入评分表');
    const writes = (await page.evaluate(
      () => (window as unknown as { fakeExcel: { writes: Array<{ sheet: string; address: string; values: unknown[][] }> } }).fakeExcel.writes,
    )) as Array<{
      sheet: string;
      address: string;
      values: unknown[][];
    }>;
    expect(writes.every((w) => w.sheet === '评分表' && /^[JK]\d+:[JK]\d+$/.test(w.address))).toBe(true);
    const icBand = await page.getAttribute('[data-indicator="Ic"] .band', 'data-band');
    expect(writes.find((w) => w.address === 'J5:K5')!.values[0][0]).toBe(icBand!.replace('-', '–'));

    await page.click('#btn-charts');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent === '已绘制图表');
    const charts = (await page.evaluate(
      () => (window as unknown as { fakeExcel: { charts: Array<{ type: string; title: { text: string } }> } }).fakeExcel.charts,
    )) as Array<{
      type: string;
      title: { text: string };
    }>;
    expect(charts.map((c) => c.type)).toEqual(expect.arrayContaining(['XYScatter', 'ColumnClustered', 'BarClustered']));
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('in an Excel without ExcelApi 1.7: a one-line notice, no change handlers, Recompute still works', async () => {
    const page = await openExcelPane(JSON.parse(JSON.stringify(exampleData)) as FakeWorkbookData, '1.4');
    await page.waitForSelector('#results [data-total]');
    expect(await page.isVisible('#compat')).toBe(true);
    expect(await page.textContent('#compat')).toBe('此版本 Excel 不支持 ExcelApi 1.7：修改表格后请点“重新计算”；图表中的拟合线和限值显示为散点。');
    expect(await page.textContent('#mode')).toBe('Excel 模式：读取工作簿中的 kekao 表格（手动重算）');
    const handlers = await page.evaluate(() => Object.keys((window as unknown as { fakeExcel: { tableHandlers: object } }).fakeExcel.tableHandlers).length);
    expect(handlers).toBe(0);
    const before = Number(await page.getAttribute('[data-total]', 'data-total'));
    expect(before).toBeCloseTo(cli.total, 10);
    await page.evaluate(() => {
      const f = (window as unknown as { fakeExcel: { sheets: Record<string, Record<string, unknown>> } }).fakeExcel;
      for (const [addr, v] of Object.entries(f.sheets['评分表'])) if (/^F\d+$/.test(addr) && typeof v === 'number') f.sheets['评分表'][addr] = 0;
    });
    await page.click('#btn-recompute');
    await page.waitForFunction((t) => Number(document.querySelector('[data-total]')?.getAttribute('data-total')) !== t, before);
    expect(Number(await page.getAttribute('[data-total]', 'data-total'))).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'addin-excel-api-1.4.png'), fullPage: true });
    await page.close();
  });

  it('in a current Excel the notice stays hidden', async () => {
    const page = await openExcelPane(exampleData);
    await page.waitForSelector('#results [data-total]');
    expect(await page.isHidden('#compat')).toBe(true);
    expect(await page.textContent('#mode')).toBe('Excel 模式：监视工作簿中的 kekao 表格');
    await page.close();
  });

  it("offers to insert the kekao sheets into a workbook without them, keeping the user's sheet", async () => {
    const page = await openExcelPane({ sheets: { 我的数据: { A1: '自己的表' } }, tables: {} });
    await page.waitForSelector('#btn-insert:not([hidden])');
    expect(await page.textContent('#status')).toContain('没有找到 kekao 表格');
    await page.click('#btn-insert');
    await page.waitForSelector('#btn-insert[hidden]', { state: 'attached' });
    const state = (await page.evaluate(() => {
      const f = (window as unknown as { fakeExcel: { sheets: Record<string, Record<string, unknown>>; tables: Record<string, unknown> } }).fakeExcel;
      return { sheets: Object.keys(f.sheets), tables: Object.keys(f.tables), mine: f.sheets['我的数据'] };
    })) as { sheets: string[]; tables: string[]; mine: Record<string, unknown> };
    expect(state.sheets).toEqual(['我的数据', '推荐表', '基本要求', 'Ic数据', 'Id数据', 'Ir数据', 'W数据', '评分表']);
    expect(state.tables.sort()).toEqual(['KekaoBasic', 'KekaoIc', 'KekaoId', 'KekaoIr', 'KekaoW']);
    expect(state.mine).toEqual({ A1: '自己的表' });
    // The empty workbook names what is missing (enterprise, product) with sheet and cell.
    await page.waitForSelector('[data-notes="errors"]');
    expect(await page.textContent('[data-notes="errors"]')).toContain('推荐表!');
    await page.screenshot({ path: join(ARTIFACTS, 'addin-excel-inserted.png'), fullPage: true });
    await page.close();
  });
});
