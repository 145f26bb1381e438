/** The 评分表 of the points rubrics (FMEA 附件3, DB31/T 1368 表B.1): one row per item, points and total as Excel formulas. */
import ExcelJS from 'exceljs';
import { type WorkbookContract } from '@kekao/core/workbook';
import type { ExampleContent } from '../exampleData.js';
export declare function writePointScores(wb: ExcelJS.Workbook, c: WorkbookContract, ex: ExampleContent | undefined): void;
