/** Adds a kekao Excel table (ListObject) as the contract describes it: name, header row, columns and style. */
import ExcelJS from 'exceljs';
import type { TableSpec } from '@kekao/core/workbook';
export declare function addContractTable(ws: ExcelJS.Worksheet, spec: TableSpec, rows: unknown[][]): void;
