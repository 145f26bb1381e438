/** The look shared by every template sheet: font, fills, borders, the title rows, header rows and boxed cells. */
import type ExcelJS from 'exceljs';

export const FONT = '等线';
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
export const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF9E5' } };
export const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export function title(ws: ExcelJS.Worksheet, text: string, note: string, lastCol: string): void {
  ws.mergeCells(`A1:${lastCol}1`);
  const t = ws.getCell('A1');
  t.value = text;
  t.font = { name: FONT, size: 16, bold: true };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.mergeCells(`A2:${lastCol}2`);
  const n = ws.getCell('A2');
  n.value = note;
  n.font = { name: FONT, size: 10, color: { argb: 'FF595959' } };
  n.alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(2).height = 42;
}

export function headerRow(ws: ExcelJS.Worksheet, row: number, headers: readonly string[]): void {
  headers.forEach((h, i) => {
    const cell = ws.getCell(row, i + 1);
    cell.value = h;
    cell.font = { name: FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  ws.getRow(row).height = 32;
}

export function boxed(cell: ExcelJS.Cell, value: ExcelJS.CellValue, opts: { input?: boolean; center?: boolean } = {}): void {
  cell.value = value;
  cell.border = THIN;
  cell.alignment = { wrapText: true, vertical: 'middle', horizontal: opts.center ? 'center' : undefined };
  if (opts.input) cell.fill = INPUT_FILL;
}
