/**
 * Which grid column holds each contract column of a table, with a note for every header that was
 * not as the template wrote it: extra and duplicate columns are ignored with a warning, a changed
 * order is accepted with a warning, and a missing required column is an error.
 */
import type { TableSpec } from '../contract.js';
import { flattenCellValue } from '../cellValue.js';
import type { CellNoteCollector } from '../cellNotes.js';
import { matchColumns } from './headers.js';
import type { TableGrid } from './workbookCells.js';

/** Grid index of each contract column key; undefined when a required column is missing (the table cannot be read). */
export function locateColumns(spec: TableSpec, grid: TableGrid, notes: CellNoteCollector): Map<string, number> | undefined {
  const m = matchColumns(spec, grid.header);
  const headerText = (i: number) => String(flattenCellValue(grid.header[i]));
  for (const i of m.extra) {
    notes.warn(grid.sheet, `${grid.columns[i]}${grid.headerRow}`, {
      key: 'table.extraColumn',
      zh: `多余的列“${headerText(i)}”已忽略`,
      en: `extra column "${headerText(i)}" ignored`,
    });
  }
  for (const i of m.duplicate) {
    notes.warn(grid.sheet, `${grid.columns[i]}${grid.headerRow}`, {
      key: 'table.duplicateColumn',
      zh: `重复的列“${headerText(i)}”已忽略，使用第一列`,
      en: `duplicate column "${headerText(i)}" ignored; the first is used`,
    });
  }
  const order = spec.columns.map((c) => m.indexOf.get(c.key)).filter((i): i is number => i !== undefined);
  if (order.some((v, k) => k > 0 && v < order[k - 1]!)) {
    notes.warn(grid.sheet, `A${grid.headerRow}`, {
      key: 'table.reorderedColumns',
      zh: '列顺序与模板不同，已按表头匹配',
      en: 'columns are in a different order than the template; matched by header',
    });
  }
  for (const c of m.missingRequired) {
    notes.error(grid.sheet, `${grid.columns[0] ?? 'A'}${grid.headerRow}`, {
      key: 'table.missingColumn',
      zh: `缺少必需的列“${c.header}”`,
      en: `the required column "${c.header}" (${c.key}) is missing`,
    });
  }
  return m.missingRequired.length === 0 ? m.indexOf : undefined;
}
