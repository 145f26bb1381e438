/** Values written into template cells: formulas with their cached result, and enum values shown as their label. */
import ExcelJS from 'exceljs';
import type { EnumOption } from '@kekao/core/workbook';
/** A formula cell with its cached result; an empty result is left out (Excel recalculates on load). */
export declare function formula(text: string, result: string | number | undefined): ExcelJS.CellFormulaValue;
export declare function displayOf(
  field: {
    enumValues?: readonly EnumOption[];
  },
  v: unknown,
): unknown;
