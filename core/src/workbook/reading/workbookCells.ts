/**
 * The plain cell grids a workbook is read from, and what reading them gives back. The file side
 * fills these with exceljs, the Excel add-in with office.js (`range.values`); both hand them to
 * the same pure reader, so an uploaded file and the open workbook are judged alike.
 */
import type { Submission } from '../../submission/index.js';
import type { CellNote } from '../cellNotes.js';
import type { WorkbookKind } from '../contract.js';

export interface GridRow {
  rowNumber: number;
  values: readonly unknown[];
}

export interface TableGrid {
  sheet: string;
  /** ListObject name when the table was found by name. */
  table?: string;
  headerRow: number;
  /** Column letter of each index of `header` and `values`. */
  columns: readonly string[];
  header: readonly unknown[];
  /** Rows below the header (blank rows may be included or left out). */
  rows: readonly GridRow[];
  /** Merged ranges of the sheet ('B5:B8'). */
  merges?: readonly string[];
}

/** Cells of a layout sheet (推荐表, 评分表) by A1 address. */
export interface SheetCells {
  sheet: string;
  cells: Readonly<Record<string, unknown>>;
  merges?: readonly string[];
}

export interface WorkbookCells {
  kind: WorkbookKind;
  sheetNames: readonly string[];
  form?: SheetCells;
  score?: SheetCells;
  /** By table name (KekaoIc …); undefined when neither the table nor its sheet was found. */
  tables: Readonly<Record<string, TableGrid | undefined>>;
}

export interface WorkbookReading {
  kind: WorkbookKind;
  submission?: Submission;
  /** Every form field as display text (contact, phone … for the 推荐汇总表). */
  form: Record<string, string>;
  warnings: CellNote[];
  errors: CellNote[];
}
