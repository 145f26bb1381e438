/**
 * The rows of a table grid that hold data. People merge cells to avoid retyping a value (a
 * parameter name over ten rows) and leave empty rows between blocks; both are read the way the
 * person meant them, with a warning so nothing changes silently.
 */
import { columnNumber, isBlank, parseRange } from '../cellValue.js';
import type { CellNoteCollector } from '../cellNotes.js';
import type { GridRow, TableGrid } from './workbookCells.js';

/** The grid's rows with merged ranges filled in and blank rows left out. */
export function usableRows(grid: TableGrid, notes: CellNoteCollector): GridRow[] {
  return dropBlankRows(grid, fillMergedCells(grid, notes), notes);
}

/**
 * Every row of a merged range takes the value of its top-left cell (Excel keeps the value only
 * there). The grid is not changed: rows are copied on the first merge that touches data.
 */
function fillMergedCells(grid: TableGrid, notes: CellNoteCollector): GridRow[] {
  let rows = grid.rows as GridRow[];
  // Merges in the title rows above the header (every template has them) do not concern the data.
  const dataMerges = (grid.merges ?? []).flatMap((text) => {
    const range = parseRange(text);
    return range && range.top > grid.headerRow ? [{ text, range }] : [];
  });
  if (!dataMerges.length) return rows;
  const colIndex = new Map<number, number>();
  grid.columns.forEach((l, i) => colIndex.set(columnNumber(l), i));
  const byNumber = new Map<number, number>();
  rows.forEach((r, i) => byNumber.set(r.rowNumber, i));
  let copied = false;
  for (const { text, range } of dataMerges) {
    const topIdx = byNumber.get(range.top);
    if (topIdx === undefined) continue;
    if (!copied) {
      rows = rows.map((x) => ({ rowNumber: x.rowNumber, values: x.values }));
      copied = true;
    }
    let touched = false;
    for (let c = range.left; c <= range.right; c++) {
      const ci = colIndex.get(c);
      if (ci === undefined) continue;
      const v = rows[topIdx]!.values[ci];
      for (let rn = range.top; rn <= range.bottom; rn++) {
        const ri = byNumber.get(rn);
        if (ri === undefined) continue;
        const vals = [...rows[ri]!.values];
        vals[ci] = v;
        rows[ri] = { rowNumber: rn, values: vals };
        touched = true;
      }
    }
    if (touched) {
      notes.warn(grid.sheet, text, {
        key: 'cell.merged',
        zh: `合并单元格 ${text} 的每一行都取左上角的值`,
        en: `merged cells ${text}: every row takes the top-left value`,
      });
    }
  }
  return rows;
}

/** Leaves out blank rows; blank rows between data rows get one warning (blank rows at the end are normal). */
function dropBlankRows(grid: TableGrid, rows: readonly GridRow[], notes: CellNoteCollector): GridRow[] {
  const kept: GridRow[] = [];
  let blankInside = 0;
  let firstBlank = 0;
  let pendingBlank: number[] = [];
  let expected = grid.headerRow + 1;
  for (const r of rows) {
    // Rows the grid left out because they were empty count as blank too.
    for (let n = expected; n < r.rowNumber; n++) pendingBlank.push(n);
    expected = r.rowNumber + 1;
    if (r.values.every(isBlank)) {
      pendingBlank.push(r.rowNumber);
      continue;
    }
    if (pendingBlank.length && kept.length) {
      blankInside += pendingBlank.length;
      if (!firstBlank) firstBlank = pendingBlank[0]!;
    }
    pendingBlank = [];
    kept.push(r);
  }
  if (blankInside) {
    notes.warn(grid.sheet, `${grid.columns[0] ?? 'A'}${firstBlank}`, {
      key: 'table.blankRows',
      zh: `跳过 ${blankInside} 个空行（自第 ${firstBlank} 行起）`,
      en: `${blankInside} blank row(s) skipped (first: row ${firstBlank})`,
    });
  }
  return kept;
}
