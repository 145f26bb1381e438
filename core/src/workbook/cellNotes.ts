/**
 * Cell-addressed notes of workbook reading: `Ic数据!E14: "约12" 不是数值 (cell.notNumeric)`.
 * Repeated warnings of one kind in one column are folded after a few, so a column of 50 000
 * numbers-stored-as-text gives four lines, not 50 000.
 */
import type { CellProblem } from './cellValue.js';
import type { Lang } from '../i18n/bilingual.js';

export interface CellNote {
  sheet: string;
  /** A1 address or range (B5:B8); empty when the note concerns the whole sheet or workbook. */
  cell: string;
  key: string;
  zh: string;
  en: string;
}

/** `Ic数据!E14: “约12”不是数值 (cell.notNumeric)` — Chinese first, English key in brackets. */
export function formatCellNote(n: CellNote, lang: Lang = 'zh'): string {
  const where = n.sheet ? (n.cell ? `${n.sheet}!${n.cell}` : n.sheet) : n.cell;
  const text = lang === 'en' ? n.en : n.zh;
  return `${where ? `${where}: ` : ''}${text} (${n.key})`;
}

/** How many warnings of the same key and column are listed before they are summarised. */
export const WARNINGS_LISTED_PER_COLUMN = 3;

export class CellNoteCollector {
  readonly warnings: CellNote[] = [];
  readonly errors: CellNote[] = [];
  private readonly counts = new Map<string, { n: number; sheet: string; column: string; key: string; first: string; last: string }>();

  error(sheet: string, cell: string, p: CellProblem): void {
    this.errors.push({ sheet, cell, key: p.key, zh: p.zh, en: p.en });
  }

  warn(sheet: string, cell: string, p: CellProblem): void {
    this.warnings.push({ sheet, cell, key: p.key, zh: p.zh, en: p.en });
  }

  /** A warning about one cell of a table column; folded after WARNINGS_LISTED_PER_COLUMN. */
  warnCell(sheet: string, column: string, row: number, p: CellProblem): void {
    const id = `${sheet}\u0000${column}\u0000${p.key}`;
    let c = this.counts.get(id);
    if (!c) {
      c = { n: 0, sheet, column, key: p.key, first: `${column}${row}`, last: '' };
      this.counts.set(id, c);
    }
    c.n++;
    c.last = `${column}${row}`;
    if (c.n <= WARNINGS_LISTED_PER_COLUMN) this.warn(sheet, `${column}${row}`, p);
  }

  /** Appends one summary line per folded group; call once at the end. */
  finish(): void {
    for (const c of this.counts.values()) {
      const more = c.n - WARNINGS_LISTED_PER_COLUMN;
      if (more > 0) {
        this.warnings.push({
          sheet: c.sheet,
          cell: `${c.first}:${c.last}`,
          key: c.key,
          zh: `同类情况另有 ${more} 个单元格（共 ${c.n} 个）`,
          en: `${more} more cells of the same kind (${c.n} in all)`,
        });
      }
    }
    this.counts.clear();
  }
}
