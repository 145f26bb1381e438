/** Adds a kekao Excel table (ListObject) as the contract describes it: name, header row, columns and style. */
import type ExcelJS from 'exceljs';
import type { TableSpec } from '@kekao/core/workbook';

export function addContractTable(ws: ExcelJS.Worksheet, spec: TableSpec, rows: unknown[][]): void {
  ws.addTable({
    name: spec.name,
    ref: `A${spec.headerRow}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: spec.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows: rows as ExcelJS.CellValue[][],
  });
}
