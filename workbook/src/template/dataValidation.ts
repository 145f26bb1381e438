/** Drop-down lists and other data validations of template cells. */
import type ExcelJS from 'exceljs';
import type { EnumOption } from '@kekao/core/workbook';

/** Rows under each table that carry drop-downs (tables grow when pasted into; validations do not). */
export const VALIDATED_ROWS = 1000;

/** exceljs implements range validations (`A4:A1000`) on `worksheet.dataValidations` but does not type it. */
interface RangeValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
  find(address: string): ExcelJS.DataValidation | undefined;
}

export function validations(ws: ExcelJS.Worksheet): RangeValidations {
  return (ws as unknown as { dataValidations: RangeValidations }).dataValidations;
}

export function listFormula(options: readonly EnumOption[]): string {
  return `"${options.map((o) => o.label).join(',')}"`;
}
