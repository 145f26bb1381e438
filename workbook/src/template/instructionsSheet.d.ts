/** The 说明 sheet: how to fill in the workbook of a kind, line by line. */
import ExcelJS from 'exceljs';
import type { WorkbookContract } from '@kekao/core/workbook';
export declare function writeInstructions(wb: ExcelJS.Workbook, c: WorkbookContract): void;
