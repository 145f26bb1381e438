/** The look shared by every template sheet: font, fills, borders, the title rows, header rows and boxed cells. */
import ExcelJS from 'exceljs';
export declare const FONT = '\u7B49\u7EBF';
export declare const HEADER_FILL: ExcelJS.Fill;
export declare const INPUT_FILL: ExcelJS.Fill;
export declare const THIN: Partial<ExcelJS.Borders>;
export declare function title(ws: ExcelJS.Worksheet, text: string, note: string, lastCol: string): void;
export declare function headerRow(ws: ExcelJS.Worksheet, row: number, headers: readonly string[]): void;
export declare function boxed(
  cell: ExcelJS.Cell,
  value: ExcelJS.CellValue,
  opts?: {
    input?: boolean;
    center?: boolean;
  },
): void;
