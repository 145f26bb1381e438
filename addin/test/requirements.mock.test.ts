/**
 * Features that need a newer requirement set than the manifests declare, over office-addin-mock,
 * on both paths: an Excel with ExcelApi 1.7 (live recompute on table changes, fitted paths drawn
 * as lines) and one with only ExcelApi 1.4 (no change handlers registered, charts still drawn but
 * without line styling, and the one-line notice the pane shows says so).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CONTRACTS } from '@kekao/core/workbook';
import { watchWorkbook } from '../src/taskpane/excel/watch.js';
import { drawCharts, type ChartBlock } from '../src/taskpane/excel/charts.js';
import { compatibilityNotice, missingFeatures, supportsSet } from '../src/taskpane/excel/requirements.js';
import { mockWorkbook, type MockWorkbook } from './helpers/mockExcel.js';
import { installOffice } from './helpers/mockOffice.js';

const contract = CONTRACTS['best-practice'];
let remove: () => void = () => undefined;
afterEach(() => remove());

/** A workbook with the Ic table and the 评分表, enough for the watcher. */
function workbook(): MockWorkbook {
  return mockWorkbook({ Ic数据: { A3: '参数' }, 评分表: { A4: '一级指标' } }, { KekaoIc: { sheet: 'Ic数据', range: 'A3:G4' } });
}

/** One scatter chart whose series 1 (fitted path) should be a line. */
const block: ChartBlock = {
  title: '退化路径',
  type: 'XYScatter',
  header: ['时间', 'U1 实测', 'U1 拟合'],
  rows: [
    [0, 1, 1],
    [100, 1.1, 1.1],
  ],
  lineSeries: [1],
};

describe('Excel with ExcelApi 1.7', () => {
  it('watches the tables and the layout sheets, draws fitted paths as lines, shows no notice', async () => {
    remove = installOffice({ ExcelApi: '1.7', SharedRuntime: '1.1' });
    expect(supportsSet('ExcelApi', '1.7')).toBe(true);
    const wb = workbook();
    expect(await watchWorkbook(wb.context, contract, () => undefined)).toEqual(['KekaoIc', 'layout']);
    expect(wb.tableHandlers.get('KekaoIc')).toHaveLength(1);
    expect(wb.sheetHandlers.get('评分表')).toHaveLength(1);
    await drawCharts(wb.context, [block]);
    expect(wb.charts).toHaveLength(1);
    expect(wb.charts[0].lineSeries).toEqual({ 1: 'XYScatterLinesNoMarkers' });
    expect(missingFeatures()).toEqual([]);
    expect(compatibilityNotice(missingFeatures(), 'zh')).toBeNull();
  });
});

describe('Excel with ExcelApi 1.4 only', () => {
  it('registers no handler, draws the chart without line styling, and the notice names the set and both effects', async () => {
    remove = installOffice({ ExcelApi: '1.4', SharedRuntime: '1.1' });
    expect(supportsSet('ExcelApi', '1.4')).toBe(true);
    expect(supportsSet('ExcelApi', '1.7')).toBe(false);
    const wb = workbook();
    expect(await watchWorkbook(wb.context, contract, () => undefined)).toBeNull();
    expect(wb.tableHandlers.size).toBe(0);
    expect(wb.sheetHandlers.size).toBe(0);
    await drawCharts(wb.context, [block]);
    expect(wb.charts).toHaveLength(1);
    expect(wb.charts[0].lineSeries).toEqual({});
    const missing = missingFeatures();
    expect(missing.map((f) => f.id)).toEqual(['liveRecompute', 'chartLines']);
    expect(compatibilityNotice(missing, 'zh')).toBe('此版本 Excel 不支持 ExcelApi 1.7：修改表格后请点“重新计算”；图表中的拟合线和限值显示为散点。');
    expect(compatibilityNotice(missing, 'en')).toBe(
      'This Excel lacks ExcelApi 1.7: click Recompute after editing a table; fitted paths and limits are drawn as points.',
    );
  });

  it('versions compare part by part: ExcelApi 1.10 satisfies 1.7', () => {
    remove = installOffice({ ExcelApi: '1.10' });
    expect(supportsSet('ExcelApi', '1.7')).toBe(true);
    expect(supportsSet('ExcelApi', '1.11')).toBe(false);
  });
});

describe('without office.js (preview mode)', () => {
  it('supports no set', () => {
    expect(supportsSet('ExcelApi', '1.1')).toBe(false);
  });
});
