/**
 * The 推荐表 (form sheet): label in column A, value in column B. A field is read at its template
 * address, or found by its label when rows were inserted or moved.
 */
import type { FormFieldSpec, WorkbookContract } from '../contract.js';
import { flattenCellValue, isBlank } from '../cellValue.js';
import type { CellNoteCollector } from '../cellNotes.js';
import type { CellOrigins } from './cellOrigins.js';
import { readFormField, type FormValue } from './formField.js';
import { normalizeHeader } from './headers.js';
import type { SheetCells } from './workbookCells.js';

/** A form value and the submission path the contract puts it at (enterprise.name, product.model …). */
export interface FormTarget {
  path: string;
  value: FormValue;
}

export interface FormReading {
  /** Every field read, as display text, by field key. */
  display: Record<string, string>;
  /** The values that go into the submission, in form order. */
  targets: FormTarget[];
}

/** Finds the value cell of a field: at its contract address when the label is there, else by its label in column A. */
function locateField(cells: SheetCells, f: FormFieldSpec): string | undefined {
  const labelAt = (addr: string) => {
    const v = flattenCellValue(cells.cells[addr]);
    return typeof v === 'string' && normalizeHeader(v).replace(/[:：]$/, '') === normalizeHeader(f.label);
  };
  if (labelAt(f.labelCell)) return f.cell;
  for (const addr of Object.keys(cells.cells)) {
    const m = /^A(\d+)$/.exec(addr);
    if (m && labelAt(addr)) return `B${m[1]}`;
  }
  return undefined;
}

export function readFormSheet(contract: WorkbookContract, cells: SheetCells | undefined, notes: CellNoteCollector, origins: CellOrigins): FormReading {
  const sheet = contract.formSheet;
  const reading: FormReading = { display: {}, targets: [] };
  if (!cells) {
    notes.error(sheet, '', { key: 'sheet.missing', zh: `缺少工作表“${sheet}”`, en: `the sheet "${sheet}" is missing` });
    return reading;
  }
  for (const f of contract.form) {
    const addr = locateField(cells, f);
    if (addr && addr !== f.cell) {
      notes.warn(sheet, addr, {
        key: 'form.moved',
        zh: `“${f.label}”不在模板位置 ${f.cell}，按标签找到`,
        en: `"${f.labelEn}" is not at ${f.cell}; found by its label`,
      });
    }
    const where = addr ?? f.cell;
    const raw = addr ? flattenCellValue(cells.cells[addr]) : null;
    if (f.target) origins.recordCell(f.target, { sheet, cell: where });
    if (isBlank(raw)) {
      if (f.required) {
        notes.error(sheet, where, { key: 'form.required', zh: `必填项“${f.label}”为空`, en: `the required field "${f.labelEn}" is empty` });
      }
      continue;
    }
    const { value, display } = readFormField(f, raw, sheet, where, notes);
    if (display !== undefined) reading.display[f.key] = display;
    if (value !== undefined && f.target) reading.targets.push({ path: f.target, value });
  }
  return reading;
}
