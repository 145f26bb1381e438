/**
 * Typed reading of the cells of one kekao table, row by row. A read gives the cell's value, or
 * undefined when the cell is empty or cannot be read. Whatever is repaired is noted as a warning
 * and whatever cannot be read (or an empty required cell) as an error naming sheet!cell, so a
 * caller only has to decide whether the row is still usable; an error already stops the reading
 * from giving a submission.
 *
 * Cells are addressed only when a note is written, so 70 000 rows cost no address strings.
 */
import { YES_NO_OPTIONS, type ColumnSpec, type TableSpec } from '../contract.js';
import { checkMin, flattenCellValue, isBlank, readBoolean, readDate, readEnum, readInteger, readNumber, readText, type CellRead } from '../cellValue.js';
import type { CellNoteCollector } from '../cellNotes.js';
import { locateColumns } from './tableColumns.js';
import { usableRows } from './tableRows.js';
import type { GridRow, WorkbookCells } from './workbookCells.js';
import type { Bilingual } from '../../i18n/bilingual.js';

/** The cursor of a contract table, or undefined (with a note) when the table is absent or lacks a required column. */
export function openTable(spec: TableSpec, cells: WorkbookCells, notes: CellNoteCollector): TableCursor | undefined {
  const grid = cells.tables[spec.name];
  if (!grid) {
    // The data tables are optional: a best-practice entry may be scored on some indicators only.
    notes.warn(spec.sheet, '', {
      key: 'sheet.missing',
      zh: `缺少工作表“${spec.sheet}”（表格 ${spec.name}）`,
      en: `the sheet "${spec.sheet}" (table ${spec.name}) is missing`,
    });
    return undefined;
  }
  const indexOf = locateColumns(spec, grid, notes);
  return indexOf && new TableCursor(spec, grid.sheet, grid.columns, indexOf, usableRows(grid, notes), notes);
}

export class TableCursor {
  private readonly specs = new Map<string, ColumnSpec>();

  constructor(
    readonly spec: TableSpec,
    readonly sheet: string,
    /** Column letter of each grid index. */
    private readonly letters: readonly string[],
    /** Grid index of each contract column key present. */
    private readonly indexOf: ReadonlyMap<string, number>,
    /** The data rows: merged cells filled in, blank rows left out. */
    readonly rows: readonly GridRow[],
    readonly notes: CellNoteCollector,
  ) {
    for (const c of spec.columns) this.specs.set(c.key, c);
  }

  /** The column letter of a contract column; '' when the table has no such column. */
  letter(key: string): string {
    const i = this.indexOf.get(key);
    return i === undefined ? '' : this.letters[i]!;
  }

  /** The address of a cell, falling back to the table's first column when the column is absent. */
  at(row: GridRow, key: string): string {
    return `${this.letter(key) || this.letters[0] || 'A'}${row.rowNumber}`;
  }

  /** The template's header of a column, as the person sees it. */
  header(key: string): string {
    return this.specs.get(key)!.header;
  }

  isBlank(row: GridRow, key: string): boolean {
    return isBlank(this.raw(row, key));
  }

  text(row: GridRow, key: string): string | undefined {
    return this.readTextCell(row, key, false);
  }

  requiredText(row: GridRow, key: string): string | undefined {
    return this.readTextCell(row, key, true);
  }

  /** A number; with `unitColumn`, a unit typed into the cell must agree with that column of the row. */
  number(row: GridRow, key: string, unitColumn?: string): number | undefined {
    return this.readNumberCell(row, key, false, unitColumn);
  }

  requiredNumber(row: GridRow, key: string, unitColumn?: string): number | undefined {
    return this.readNumberCell(row, key, true, unitColumn);
  }

  /** One of a drop-down's values; `allowed` is the submission schema's set, which the contract's options must match. */
  choice<T extends string>(row: GridRow, key: string, allowed: readonly T[]): T | undefined {
    return this.readChoiceCell(row, key, allowed, false);
  }

  requiredChoice<T extends string>(row: GridRow, key: string, allowed: readonly T[]): T | undefined {
    return this.readChoiceCell(row, key, allowed, true);
  }

  bool(row: GridRow, key: string): boolean | undefined {
    const v = this.raw(row, key);
    if (isBlank(v)) return undefined;
    return this.take(row, key, readBoolean(v, YES_NO_OPTIONS));
  }

  /** A date as ISO yyyy-mm-dd. */
  date(row: GridRow, key: string): string | undefined {
    const v = this.raw(row, key);
    if (isBlank(v)) return undefined;
    return this.take(row, key, readDate(v));
  }

  /**
   * Sets a value that belongs to a group of rows (a parameter's unit, a scenario's limit) from the
   * first row that gives it; a later row that gives a different value gets a warning.
   */
  settle<G, K extends keyof G & string>(row: GridRow, group: G, key: K, value: G[K] | undefined, what: string): void {
    if (value === undefined) return;
    const first = group[key];
    if (first === undefined) group[key] = value;
    else if (first !== value) {
      this.notes.warnCell(this.sheet, this.letter(key), row.rowNumber, {
        key: 'table.inconsistentValue',
        zh: `${what}的“${this.header(key)}”前后不一致（先为 ${String(first)}，此处为 ${String(value)}），采用第一个值`,
        en: `"${key}" of ${what} differs between rows (first ${String(first)}, here ${String(value)}); the first is used`,
      });
    }
  }

  /** An error for a column required once per group (a parameter's limit) that no row of the group gave. */
  missingInGroup(key: string, firstRow: number, group: Bilingual): void {
    this.notes.error(this.sheet, `${this.letter(key)}${firstRow}`, {
      key: 'cell.required',
      zh: `${group.zh}缺少“${this.header(key)}”`,
      en: `${group.en} has no "${this.header(key)}" (${key})`,
    });
  }

  private raw(row: GridRow, key: string): unknown {
    const i = this.indexOf.get(key);
    if (i === undefined) return null;
    const v = row.values[i];
    return typeof v === 'object' && v !== null && !(v instanceof Date) ? flattenCellValue(v) : v;
  }

  /** The value of a cell read; its warning or error is noted against the cell. */
  private take<T>(row: GridRow, key: string, r: CellRead<T>): T | undefined {
    if (r.ok) {
      if (r.warning) this.notes.warnCell(this.sheet, this.letter(key), row.rowNumber, r.warning);
      return r.value;
    }
    this.notes.error(this.sheet, `${this.letter(key)}${row.rowNumber}`, r.error);
    return undefined;
  }

  /** An empty cell: nothing to read, and an error when the column is required. */
  private blank(row: GridRow, key: string, required: boolean): undefined {
    if (!required) return undefined;
    this.notes.error(this.sheet, `${this.letter(key) || 'A'}${row.rowNumber}`, {
      key: 'cell.required',
      zh: `必填项“${this.header(key)}”为空`,
      en: `the required cell "${this.header(key)}" (${key}) is empty`,
    });
    return undefined;
  }

  private readTextCell(row: GridRow, key: string, required: boolean): string | undefined {
    const v = this.raw(row, key);
    // The common case first: a plain string needs no reading.
    if (typeof v === 'string') {
      const t = v.trim();
      if (t !== '') return t;
    }
    if (isBlank(v)) return this.blank(row, key, required);
    return this.take(row, key, readText(v));
  }

  private readNumberCell(row: GridRow, key: string, required: boolean, unitColumn: string | undefined): number | undefined {
    const v = this.raw(row, key);
    const spec = this.specs.get(key)!;
    let n: number | undefined;
    if (typeof v === 'number' && Number.isFinite(v)) n = v;
    else if (isBlank(v)) return this.blank(row, key, required);
    else {
      const unit = unitColumn ? this.raw(row, unitColumn) : undefined;
      const expectedUnit = typeof unit === 'string' && unit.trim() ? unit.trim() : undefined;
      n = this.take(row, key, spec.type === 'integer' ? readInteger(v, { expectedUnit }) : readNumber(v, { expectedUnit }));
      if (n === undefined) return undefined;
    }
    if (spec.type === 'integer' && !Number.isInteger(n)) {
      this.notes.error(this.sheet, `${this.letter(key)}${row.rowNumber}`, { key: 'cell.notInteger', zh: `“${n}”不是整数`, en: `"${n}" is not an integer` });
      return undefined;
    }
    if (spec.min !== undefined) {
      const p = checkMin(n, spec.min, spec.minExclusive ?? false);
      if (p) {
        this.notes.error(this.sheet, `${this.letter(key)}${row.rowNumber}`, p);
        return undefined;
      }
    }
    return n;
  }

  private readChoiceCell<T extends string>(row: GridRow, key: string, allowed: readonly T[], required: boolean): T | undefined {
    const v = this.raw(row, key);
    if (isBlank(v)) return this.blank(row, key, required);
    const value = this.take(row, key, readEnum(v, this.specs.get(key)!.enumValues ?? []));
    if (value === undefined || isOneOf(value, allowed)) return value;
    // Only a contract out of step with the submission schema gets here (a test pins them together).
    throw new Error(`the contract column ${this.spec.name}.${key} offers "${value}", which the submission schema does not accept`);
  }
}

function isOneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}
