/**
 * A formula cell without a cached value (a file written by a program and never recalculated in
 * Excel) and an Excel error value, in the form and score sheets: each is refused with its sheet and
 * cell — never stored as the text "[object Object]". Real .xlsx files written by exceljs; the
 * written XML is checked to hold the formula and no value.
 */
import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { readWorkbook } from '../src/readWorkbook.js';
import { emptyTemplate, fillTable, setForm, setScores, toBuffer } from './workbookTestKit.js';
import { unzip } from './craftedFiles.js';

const IC_ROWS = (): unknown[][] => [
  ...[12.003, 12.011, 11.996, 12.004, 12.0].map((v, i) => ['输出电压', 'V', 't0', 0, `S${i + 1}`, v, 0.001]),
  ...[11.998, 12.007, 11.991, 12.002, 11.995].map((v, i) => ['输出电压', 'V', 't1', 1000, `S${i + 1}`, v, 0.001]),
];

async function workbookWith(sheet: string, cell: string, value: ExcelJS.CellValue): Promise<Buffer> {
  const wb = await emptyTemplate('best-practice');
  setForm(wb, 'best-practice', {
    productName: 'DM12-150 电源模块',
    productFamily: 'DM12 系列',
    enterpriseName: '示例电源有限公司',
    uscc: '91350100M000100Y43',
  });
  fillTable(wb, 'best-practice', 'KekaoIc', IC_ROWS());
  setScores(wb, 'best-practice', { Ic: 85 }, { reasons: { Ic: '数据完整' } });
  wb.getWorksheet(sheet)!.getCell(cell).value = value;
  return toBuffer(wb);
}

describe('formula cells without a cached value, and Excel errors, in form and score cells', () => {
  it.each([
    ['推荐表', 'B6', 'text field (产品系列)'],
    ['推荐表', 'B14', 'credit code (统一社会信用代码)'],
    ['评分表', 'I5', 'score reason'],
  ])('%s!%s (%s): formula without result → cell.formulaNoResult at that cell', async (sheet, cell) => {
    const file = await workbookWith(sheet, cell, { formula: 'CONCAT("甲","乙")' } as ExcelJS.CellValue);
    // The file really holds a formula and no cached value for the cell.
    const xmlName = sheet === '推荐表' ? 'xl/worksheets/sheet1.xml' : undefined;
    if (xmlName) {
      const xml = unzip(file)
        .find((e) => e.name === xmlName)!
        .data.toString('utf8');
      const c = new RegExp(`<c r="${cell}"[^>]*>(.*?)</c>`).exec(xml)?.[1] ?? '';
      expect(c).toContain('<f>');
      expect(c).not.toContain('<v>');
    }
    const r = await readWorkbook(file);
    expect(r.errors).toContainEqual(expect.objectContaining({ sheet, cell, key: 'cell.formulaNoResult' }));
    expect(r.submission).toBeUndefined();
    expect(JSON.stringify(r).toLowerCase()).not.toContain('[object object]');
  });

  it('an Excel error value in a form cell is named with its cell', async () => {
    const r = await readWorkbook(await workbookWith('推荐表', 'B7', { error: '#N/A' } as ExcelJS.CellValue));
    expect(r.errors).toContainEqual(expect.objectContaining({ sheet: '推荐表', cell: 'B7', key: 'cell.excelError' }));
    expect(JSON.stringify(r).toLowerCase()).not.toContain('[object object]');
  });

  it('the same cells with cached results read normally', async () => {
    const r = await readWorkbook(await workbookWith('评分表', 'I5', { formula: 'CONCAT("甲","乙")', result: '甲乙' } as ExcelJS.CellValue));
    expect(r.errors).toEqual([]);
    expect((r.submission as { scores?: Record<string, { reason?: string }> }).scores?.Ic?.reason).toBe('甲乙');
  });
});
