/** Values written into template cells: formulas with their cached result, and enum values shown as their label. */
import type ExcelJS from 'exceljs';
import type { EnumOption } from '@kekao/core/workbook';

/** A formula cell with its cached result; an empty result is left out (Excel recalculates on load). */
export function formula(text: string, result: string | number | undefined): ExcelJS.CellFormulaValue {
  return (result === undefined || result === '' ? { formula: text } : { formula: text, result }) as ExcelJS.CellFormulaValue;
}

export function displayOf(field: { enumValues?: readonly EnumOption[] }, v: unknown): unknown {
  if (typeof v !== 'string' || !field.enumValues) return v;
  return field.enumValues.find((o) => o.value === v || o.label === v)?.label ?? v;
}
