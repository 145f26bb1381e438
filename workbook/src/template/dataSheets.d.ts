/** The data sheets: one Excel table (ListObject) each, with drop-downs under every enum column. */
import ExcelJS from 'exceljs';
import { type TableSpec } from '@kekao/core/workbook';
import type { ExampleContent } from '../exampleData.js';
export declare function writeDataSheet(wb: ExcelJS.Workbook, spec: TableSpec, ex: ExampleContent | undefined): void;
