/** Drop-down lists and other data validations of template cells. */
import ExcelJS from 'exceljs';
import type { EnumOption } from '@kekao/core/workbook';
/** Rows under each table that carry drop-downs (tables grow when pasted into; validations do not). */
export declare const VALIDATED_ROWS = 1000;
/** exceljs implements range validations (`A4:A1000`) on `worksheet.dataValidations` but does not type it. */
interface RangeValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
  find(address: string): ExcelJS.DataValidation | undefined;
}
export declare function validations(ws: ExcelJS.Worksheet): RangeValidations;
export declare function listFormula(options: readonly EnumOption[]): string;
