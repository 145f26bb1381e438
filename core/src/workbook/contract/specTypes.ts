/**
 * The shapes of the workbook contract: columns of Excel tables (ListObjects), form fields with their
 * cells, the 评分表 layout, and the contract of one workbook kind that gathers them.
 */
import type { Bilingual } from '../../i18n/bilingual.js';
import type { WorkbookKind } from './workbookKinds.js';

export type ColumnType = 'text' | 'number' | 'integer' | 'enum' | 'boolean' | 'date';

/** One choice of a drop-down: the stored value, the label shown, and other spellings accepted when reading. */
export interface EnumOption {
  value: string;
  label: string;
  aliases: readonly string[];
}

export interface ColumnSpec {
  key: string;
  /** Header as written by the template (Chinese; unit in ASCII brackets). */
  header: string;
  type: ColumnType;
  required: boolean;
  enumValues?: readonly EnumOption[];
  /** Other headers accepted when reading (the English key is always accepted, as are bracket/space variants). */
  aliases: readonly string[];
  /** Lower bound of a numeric column; `minExclusive` makes it strict (> instead of ≥). */
  min?: number;
  minExclusive?: boolean;
  /** Column width in the template (characters). */
  width: number;
  hint: Bilingual;
}

export interface TableSpec {
  /** Stable ListObject name, e.g. KekaoIc. */
  name: string;
  sheet: string;
  /** Sheet names accepted when the table is looked up by sheet (older or renamed templates). */
  sheetAliases: readonly string[];
  /** Row of the header in the template (the sheet's rows above it carry a title and a hint). */
  headerRow: number;
  columns: readonly ColumnSpec[];
  description: Bilingual;
  /** Rows the template leaves empty under the header when not filling an example (Excel needs ≥ 1). */
  blankRows: number;
}

export type FormFieldType = 'text' | 'multiline' | 'number' | 'date' | 'enum' | 'boolean' | 'uscc';

export interface FormFieldSpec {
  key: string;
  label: string;
  labelEn: string;
  /** Cell of the value (column B of the form sheet); the label sits in column A of the same row. */
  cell: string;
  labelCell: string;
  /** Visible counter (=LEN(B7)&"/500") or check (USCC) cell, in column C. */
  counterCell?: string;
  type: FormFieldType;
  required: boolean;
  /** Length limit in characters (字) from the official form. */
  maxLength?: number;
  enumValues?: readonly EnumOption[];
  /** Where the value goes in the submission (dotted path); absent = kept as form information only. */
  target?: string;
  hint: string;
}

export interface ScoreRowSpec {
  /** Indicator code (Ic …) or rubric item id (background …, keyIndicatorImprovement …). */
  id: string;
  label: string;
  labelEn: string;
  /** Reliability: weight as a fraction; FMEA / DB31: the item's maximum points. */
  weight: number;
  /** First and last sheet row of the indicator (reliability spans its four bands). */
  firstRow: number;
  lastRow: number;
  rawCell: string;
  weightedCell: string;
  reasonCell: string;
  /** Reliability only: per-indicator 数据造假 cell (note d). */
  fraudCell?: string;
}

export interface ScoreSheetSpec {
  sheet: string;
  headerRow: number;
  headers: readonly string[];
  rows: readonly ScoreRowSpec[];
  totalCell: string;
  /** FMEA / DB31: one 造假 cell for the whole entry. */
  fraudCell?: string;
  /** Column letters. */
  columns: { raw: string; weighted: string; reason: string; fraud?: string; weight: string };
}

export interface WorkbookContract {
  kind: WorkbookKind;
  rubric: 'reliability-2024' | 'fmea-case-2025' | 'db31-1368-2022';
  title: Bilingual;
  /** Sheet order of the template. */
  sheets: readonly string[];
  formSheet: string;
  /** First row of the form fields (rows above: title and 填报说明). */
  formFirstRow: number;
  form: readonly FormFieldSpec[];
  tables: readonly TableSpec[];
  score: ScoreSheetSpec;
  instructionsSheet: string;
}
