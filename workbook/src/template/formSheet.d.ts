/** The 推荐表 sheet: one form field per row with its label, input cell, length counter or check, and hint. */
import ExcelJS from 'exceljs';
import type { WorkbookContract } from '@kekao/core/workbook';
import type { ExampleContent } from '../exampleData.js';
export declare function writeForm(wb: ExcelJS.Workbook, c: WorkbookContract, ex: ExampleContent | undefined): void;
