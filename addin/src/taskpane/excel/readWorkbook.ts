import type { WorkbookContract } from '@kekao/core/workbook';
import { columnLetter, parseRange } from '@kekao/core/workbook';
import type { SheetCells, TableGrid, WorkbookCells } from '@kekao/core/workbook';

/** `'Ic 数据'!A3:G25` → sheet name and the range part. */
export function splitAddress(address: string): { sheet: string; range: string } {
  const bang = address.lastIndexOf('!');
  const sheet =
    bang < 0
      ? ''
      : address
          .slice(0, bang)
          .replace(/^'(.*)'$/, '$1')
          .replace(/''/g, "'");
  return { sheet, range: bang < 0 ? address : address.slice(bang + 1) };
}

/** A table's `getRange()` values and address → the grid tableToSubmission reads (header row first). */
export function tableGrid(name: string, address: string, values: readonly (readonly unknown[])[]): TableGrid {
  const { sheet, range } = splitAddress(address);
  const r = parseRange(range);
  if (!r) throw new Error(`无法解析表格 ${name} 的地址 ${address} / cannot parse the address of table ${name}`);
  const columns = Array.from({ length: r.right - r.left + 1 }, (_, i) => columnLetter(r.left + i));
  return {
    sheet,
    table: name,
    headerRow: r.top,
    columns,
    header: values[0] ?? [],
    rows: values.slice(1).map((v, i) => ({ rowNumber: r.top + 1 + i, values: v })),
  };
}

/** The non-blank cells of a rectangular block by A1 address. */
export function blockCells(values: readonly (readonly unknown[])[], top: number, left: number): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v !== null && v !== undefined && v !== '') cells[`${columnLetter(left + j)}${top + i}`] = v;
    }),
  );
  return cells;
}

/** Rows of the form fields (A = label, B = value, C = counter) — one block. */
function formBlock(contract: WorkbookContract): { address: string; top: number } {
  const rows = contract.form.map((f) => Number(f.cell.replace(/^[A-Z]+/, '')));
  const top = Math.min(...rows);
  return { address: `A${top}:C${Math.max(...rows) + 2}`, top };
}

/** The 评分表 from its header row to two rows under the total — one block. */
function scoreBlock(contract: WorkbookContract): { address: string; top: number } {
  const s = contract.score;
  const last = Math.max(...s.rows.map((r) => r.lastRow)) + 3;
  const lastCol = s.headers.length;
  return { address: `A${s.headerRow}:${columnLetter(lastCol)}${last}`, top: s.headerRow };
}

/** The contract's tables present in the workbook, by name. */
export async function findKekaoTables(context: Excel.RequestContext, contract: WorkbookContract): Promise<string[]> {
  const probes = contract.tables.map((spec) => ({ spec, table: context.workbook.tables.getItemOrNullObject(spec.name).load('isNullObject') }));
  await context.sync();
  return probes.filter((p) => !p.table.isNullObject).map((p) => p.spec.name);
}

/**
 * Reads the workbook into the cells tableToSubmission takes, in ONE batch: each kekao table's
 * whole range (`getRange().values`, header row included), one block of the form sheet and one of
 * the 评分表 — no per-cell calls, two syncs. `only` limits the tables read (a change event);
 * form and 评分表 are then skipped unless `withLayout`.
 */
export async function readWorkbookCells(
  context: Excel.RequestContext,
  contract: WorkbookContract,
  only?: readonly string[],
  withLayout = !only,
): Promise<WorkbookCells> {
  const wanted = contract.tables.filter((t) => !only || only.includes(t.name));
  const probes = wanted.map((spec) => ({ spec, table: context.workbook.tables.getItemOrNullObject(spec.name).load('isNullObject') }));
  const formSheet = context.workbook.worksheets.getItemOrNullObject(contract.formSheet).load('isNullObject');
  const scoreSheet = context.workbook.worksheets.getItemOrNullObject(contract.score.sheet).load('isNullObject');
  await context.sync();

  const ranges: Array<{ name: string; range: Excel.Range }> = [];
  for (const { spec, table } of probes) {
    if (!table.isNullObject) ranges.push({ name: spec.name, range: table.getRange().load('values, address') });
  }
  const fb = formBlock(contract);
  const sb = scoreBlock(contract);
  const formRange = withLayout && !formSheet.isNullObject ? formSheet.getRange(fb.address).load('values') : null;
  const scoreRange = withLayout && !scoreSheet.isNullObject ? scoreSheet.getRange(sb.address).load('values') : null;
  await context.sync();

  const tables: Record<string, TableGrid | undefined> = {};
  for (const { name, range } of ranges) tables[name] = tableGrid(name, range.address, range.values);
  const form: SheetCells | undefined = formRange ? { sheet: contract.formSheet, cells: blockCells(formRange.values, fb.top, 1) } : undefined;
  const score: SheetCells | undefined = scoreRange ? { sheet: contract.score.sheet, cells: blockCells(scoreRange.values, sb.top, 1) } : undefined;
  const sheetNames = [...new Set([...ranges.map((r) => tableGridSheet(tables[r.name])), ...(form ? [form.sheet] : []), ...(score ? [score.sheet] : [])])];
  return { kind: contract.kind, sheetNames, ...(form ? { form } : {}), ...(score ? { score } : {}), tables };
}

function tableGridSheet(g: TableGrid | undefined): string {
  return g?.sheet ?? '';
}
