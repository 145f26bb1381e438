/** The 评分表 of the reliability rubric (附表): four band rows per indicator; weighted scores and the total are Excel formulas. */
import ExcelJS from 'exceljs';
import { type WorkbookContract } from '@kekao/core/workbook';
import type { ExampleContent } from '../exampleData.js';
export declare function writeReliabilityScores(wb: ExcelJS.Workbook, c: WorkbookContract, ex: ExampleContent | undefined): void;
