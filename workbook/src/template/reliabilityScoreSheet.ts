/** The 评分表 of the reliability rubric (附表): four band rows per indicator; weighted scores and the total are Excel formulas. */
import type ExcelJS from 'exceljs';
import { reliability2024 } from '@kekao/core/rubrics';
import { type WorkbookContract, YES_NO_OPTIONS } from '@kekao/core/workbook';
import type { ExampleContent } from '../exampleData.js';
import { formula } from './cellValues.js';
import { listFormula, validations } from './dataValidation.js';
import { boxed, FONT, headerRow, title } from './sheetStyle.js';

export function writeReliabilityScores(wb: ExcelJS.Workbook, c: WorkbookContract, ex: ExampleContent | undefined): void {
  const s = c.score;
  const ws = wb.addWorksheet(s.sheet, { properties: { tabColor: { argb: 'FF70AD47' } } });
  ws.columns = [{ width: 8 }, { width: 14 }, { width: 7 }, { width: 64 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 28 }];
  title(
    ws,
    '产品质量可靠性评分表',
    '依据 2025年推荐通知 附件1（沪市监产质〔2024〕124号 附表）。单项加权得分 = 单项原始得分 × 权重；总分为所有“单项加权得分”之和（评分说明 c）。黄色单元格由评分人填写。',
    'I',
  );
  headerRow(ws, s.headerRow, s.headers);
  const groupRows = new Map<string, number[]>();
  reliability2024.indicators.forEach((ind, k) => {
    const r = s.rows[k]!;
    const g = groupRows.get(ind.group) ?? [];
    g.push(r.firstRow, r.lastRow);
    groupRows.set(ind.group, g);
    const bands = [...ind.bands].sort((a, b) => b.min - a.min);
    bands.forEach((b, j) => {
      boxed(ws.getCell(`D${r.firstRow + j}`), b.criterion.zh);
      boxed(ws.getCell(`E${r.firstRow + j}`), `${b.min}～${b.max}`, { center: true });
      ws.getRow(r.firstRow + j).height = 44;
    });
    for (const col of ['B', 'C', 'F', 'G', 'H', 'I']) ws.mergeCells(`${col}${r.firstRow}:${col}${r.lastRow}`);
    boxed(ws.getCell(`B${r.firstRow}`), r.label, { center: true });
    boxed(ws.getCell(`C${r.firstRow}`), r.weight, { center: true });
    ws.getCell(`C${r.firstRow}`).numFmt = '0%';
    const raw = ex?.scores[r.id];
    boxed(ws.getCell(r.rawCell), raw ?? null, { input: true, center: true });
    boxed(ws.getCell(r.fraudCell!), raw === undefined ? null : '否', { input: true, center: true });
    boxed(ws.getCell(r.reasonCell), null, { input: true });
    const weighted = raw === undefined ? '' : Number((raw * r.weight).toFixed(10));
    boxed(ws.getCell(r.weightedCell), formula(`IF(${r.rawCell}="","",IF(${r.fraudCell}="是",0,${r.rawCell}*${s.columns.weight}${r.firstRow}))`, weighted), {
      center: true,
    });
    ws.getCell(r.weightedCell).numFmt = '0.00';
    validations(ws).add(r.rawCell, {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [0, 100],
      showErrorMessage: true,
      error: '单项原始得分满分为100分（评分说明 b）',
    });
    validations(ws).add(r.fraudCell!, { type: 'list', allowBlank: true, formulae: [listFormula(YES_NO_OPTIONS)] });
  });
  for (const [group, rows] of groupRows) {
    const top = Math.min(...rows);
    const bottom = Math.max(...rows);
    ws.mergeCells(`A${top}:A${bottom}`);
    boxed(ws.getCell(`A${top}`), reliability2024.groups.find((g) => g.id === group)!.name.zh, { center: true });
  }
  const totalRow = Number(s.totalCell.slice(1));
  const firstRow = s.rows[0]!.firstRow;
  const lastRow = s.rows[s.rows.length - 1]!.lastRow;
  ws.mergeCells(`A${totalRow}:F${totalRow}`);
  boxed(ws.getCell(`A${totalRow}`), '总分', { center: true });
  ws.getCell(`A${totalRow}`).font = { name: FONT, bold: true };
  const total = ex ? s.rows.reduce((a, r) => a + (ex.scores[r.id] ?? 0) * r.weight, 0) : 0;
  boxed(ws.getCell(s.totalCell), formula(`SUM(G${firstRow}:G${lastRow})`, Number(total.toFixed(10))), { center: true });
  ws.getCell(s.totalCell).numFmt = '0.00';
  ws.getCell(s.totalCell).font = { name: FONT, bold: true };
  const checkRow = totalRow + 1;
  ws.mergeCells(`A${checkRow}:I${checkRow}`);
  ws.getCell(`A${checkRow}`).value = {
    formula: `IF(COUNTIF('基本要求'!C4:C10,"否")>0,"注意：基本要求（a）有未满足项，Ic、Id、Ir 只能评 0～40 分","基本要求（a）：未发现“否”")`,
    result: '基本要求（a）：未发现“否”',
  };
  ws.getCell(`A${checkRow}`).font = { name: FONT, color: { argb: 'FFC00000' } };
  let r = checkRow + 2;
  ws.getCell(`A${r++}`).value = '评分说明：';
  for (const n of reliability2024.notes) {
    ws.mergeCells(`A${r}:I${r}`);
    ws.getCell(`A${r}`).value = n.text.zh;
    ws.getCell(`A${r}`).alignment = { wrapText: true };
    ws.getRow(r).height = 30;
    r++;
  }
  r++;
  ws.getCell(`A${r}`).value = '专家签字：';
  ws.getCell(`F${r}`).value = '日期：';
}
