/** The data sheets: one Excel table (ListObject) each, with drop-downs under every enum column. */
import type ExcelJS from 'exceljs';
import { reliability2024 } from '@kekao/core/rubrics';
import { columnLetter } from '@kekao/core/workbook';
import { type ColumnSpec, type TableSpec, YES_NO_OPTIONS } from '@kekao/core/workbook';
import type { ExampleContent } from '../exampleData.js';
import { displayOf } from './cellValues.js';
import { addContractTable } from './contractTable.js';
import { listFormula, VALIDATED_ROWS, validations } from './dataValidation.js';
import { headerRow, title } from './sheetStyle.js';

function tableRows(spec: TableSpec, ex: ExampleContent | undefined): unknown[][] {
  const rows = ex?.tables[spec.name];
  if (spec.name === 'KekaoBasic') {
    const byKey = new Map((rows ?? []).map((r) => [r.key, r]));
    return reliability2024.basicRequirements.map((b) => {
      const r = byKey.get(b.key);
      return [b.key, b.text.zh, r?.met ?? null, r?.evidence ?? null];
    });
  }
  if (rows && rows.length) return rows.map((r) => spec.columns.map((c) => displayOf(c, r[c.key] ?? null)));
  return Array.from({ length: Math.max(1, spec.blankRows) }, () => spec.columns.map(() => null));
}

export function writeDataSheet(wb: ExcelJS.Workbook, spec: TableSpec, ex: ExampleContent | undefined): void {
  const lastCol = columnLetter(spec.columns.length);
  const ws = wb.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: spec.headerRow }] });
  ws.columns = spec.columns.map((c) => ({ width: Math.max(c.width, c.header.length * 2 + 4) }));
  title(ws, spec.sheet, spec.description.zh, lastCol);
  const rows = tableRows(spec, ex);
  addContractTable(ws, spec, rows);
  const first = spec.headerRow + 1;
  const last = spec.headerRow + Math.max(VALIDATED_ROWS, rows.length);
  spec.columns.forEach((c: ColumnSpec, i) => {
    const L = columnLetter(i + 1);
    // No cell notes on the header: exceljs writes <legacyDrawing> after <tableParts>, out of the
    // schema's element order, which Excel "repairs". The hints are on the 说明 sheet instead.
    if (c.type === 'enum' || c.type === 'boolean') {
      validations(ws).add(`${L}${first}:${L}${last}`, {
        type: 'list',
        allowBlank: true,
        formulae: [listFormula(c.enumValues ?? YES_NO_OPTIONS)],
        showErrorMessage: true,
        errorStyle: 'warning',
        error: `请从下拉列表中选择：${(c.enumValues ?? YES_NO_OPTIONS).map((o) => o.label).join('、')}`,
      });
    }
    if (c.type === 'date') for (let r = first; r < first + rows.length; r++) ws.getCell(`${L}${r}`).numFmt = 'yyyy-mm-dd';
  });
}
