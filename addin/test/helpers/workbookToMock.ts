import ExcelJS from 'exceljs';
import { flattenCellValue } from '@kekao/core/workbook';
import { CONTRACTS } from '@kekao/core/workbook';
import { mockWorkbook, type MockTableDef, type MockWorkbook } from './mockExcel.js';

/** Loads an .xlsx (exceljs) into the office-addin-mock workbook: every sheet's cells and the kekao tables. */
export async function mockFromXlsx(path: string): Promise<MockWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheets: Record<string, Record<string, unknown>> = {};
  const tables: Record<string, MockTableDef> = {};
  for (const ws of wb.worksheets) {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = flattenCellValue(cell.value);
        if (v !== null && v !== undefined) cells[cell.address] = v;
      }),
    );
    sheets[ws.name] = cells;
    for (const spec of CONTRACTS['best-practice'].tables) {
      const t = ws.getTable?.(spec.name) as unknown as { table?: { tableRef?: string; ref?: string } } | undefined;
      const ref = t?.table?.tableRef ?? t?.table?.ref;
      if (ref) tables[spec.name] = { sheet: ws.name, range: ref };
    }
  }
  return mockWorkbook(sheets, tables);
}
