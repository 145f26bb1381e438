/**
 * Where each part of the submission was read from, so that a problem the submission schema finds
 * (a zod issue at a path such as ic.parameters.0.stages.1.values.3) can name the sheet!cell the
 * person has to fix, not an internal path.
 */

export interface CellOrigin {
  sheet: string;
  cell: string;
}

/** The rows a list of values was read from, one per list item, in one column. */
export interface ColumnOrigin {
  sheet: string;
  column: string;
  rows: readonly number[];
}

export class CellOrigins {
  private readonly cells = new Map<string, CellOrigin>();
  private readonly columns = new Map<string, ColumnOrigin>();

  /** The cell a submission path (ic.parameters[0], enterprise.name …) was read from; the first record wins. */
  recordCell(path: string, origin: CellOrigin): void {
    if (!this.cells.has(path)) this.cells.set(path, origin);
  }

  /** The column and rows a list (ic.parameters[0].stages[1].values) was read from. */
  recordColumn(path: string, origin: ColumnOrigin): void {
    this.columns.set(path, origin);
  }

  /** The most specific known origin of a path: the item's own cell when its list is recorded, else the nearest recorded ancestor. */
  locate(path: readonly PropertyKey[]): CellOrigin | undefined {
    const parts = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`));
    for (let k = parts.length; k > 0; k--) {
      const key = parts.slice(0, k).join('').replace(/^\./, '');
      const item = path[k];
      const column = this.columns.get(key);
      if (column && typeof item === 'number' && column.rows[item] !== undefined) return { sheet: column.sheet, cell: `${column.column}${column.rows[item]}` };
      const cell = this.cells.get(key);
      if (cell) return cell;
    }
    return undefined;
  }
}
