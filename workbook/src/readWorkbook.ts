/**
 * Reads a filled 推荐表 workbook (bytes, not a path: the add-in's preview mode bundles this for the
 * browser) into a submission: refuses unsafe or foreign files first (zipGuard), loads it with
 * exceljs, collects plain cell grids in one pass over each sheet's rows, and hands them to the
 * pure `tableToSubmission` that the add-in shares.
 */
import ExcelJS from 'exceljs';
import { CONTRACTS, KIND_MARKER_PREFIX, WORKBOOK_KINDS, isWorkbookKind, type TableSpec, type WorkbookKind } from '@kekao/core/workbook';
import { guessKind, matchColumns, tableToSubmission, type SheetCells, type TableGrid, type WorkbookCells } from '@kekao/core/workbook';
import { columnLetter, flattenCellValue, parseRange } from '@kekao/core/workbook';
import type { CellNote } from '@kekao/core/workbook';
import type { Submission } from '@kekao/core/submission';
import { guardXlsx, WorkbookFileError, type ZipLimits } from './zipGuard.js';

export interface ReadWorkbookOptions {
  fileName?: string;
  /** Force the kind instead of reading it from the file. */
  kind?: WorkbookKind;
  zipLimits?: Partial<ZipLimits>;
  /** Most rows accepted on one sheet. */
  maxRows?: number;
}

export interface ReadWorkbookResult {
  kind?: WorkbookKind;
  submission?: Submission;
  /** Form fields as display text (contact, phone, e-mail … for the 推荐汇总表). */
  form: Record<string, string>;
  warnings: CellNote[];
  errors: CellNote[];
}

export const DEFAULT_MAX_ROWS = 200_000;
/** How far down a sheet the header row of a data table is looked for when there is no Excel table. */
const HEADER_SEARCH_ROWS = 20;
const FORM_ROWS = 200;
const FORM_COLS = 4;
const SCORE_ROWS = 80;
const SCORE_COLS = 9;

function fileError(key: string, zh: string, en: string): ReadWorkbookResult {
  return { form: {}, warnings: [], errors: [{ sheet: '', cell: '', key, zh, en }] };
}

function mergesOf(ws: ExcelJS.Worksheet): string[] {
  const merges = (ws as unknown as { _merges?: Record<string, { range?: string; shortRange?: string }> })._merges ?? {};
  return Object.values(merges)
    .map((m) => m.shortRange ?? m.range ?? '')
    .map((r) => r.replace(/^.*!/, '').replace(/\$/g, ''))
    .filter(Boolean);
}

function layoutCells(ws: ExcelJS.Worksheet, maxRow: number, maxCol: number): SheetCells {
  const cells: Record<string, unknown> = {};
  const last = Math.min(ws.rowCount, maxRow);
  for (let r = 1; r <= last; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    const values = row.values as unknown[];
    for (let c = 1; c <= maxCol && c < values.length; c++) {
      const v = values[c];
      if (v !== undefined && v !== null) cells[`${columnLetter(c)}${r}`] = flattenCellValue(v);
    }
  }
  return { sheet: ws.name, cells, merges: mergesOf(ws) };
}

interface TableLocation {
  ws: ExcelJS.Worksheet;
  headerRow: number;
  firstCol: number;
  /** Table width when known from the ListObject; else the header row's extent. */
  width?: number;
  table?: string;
}

function findTable(wb: ExcelJS.Workbook, spec: TableSpec): TableLocation | undefined {
  for (const ws of wb.worksheets) {
    const t = ws.getTable?.(spec.name) as unknown as { table?: { tableRef?: string; ref?: string } } | undefined;
    const ref = t?.table?.tableRef ?? t?.table?.ref;
    if (ref) {
      const r = parseRange(ref);
      if (r) return { ws, headerRow: r.top, firstCol: r.left, width: r.right - r.left + 1, table: spec.name };
    }
  }
  const names = [spec.sheet, ...spec.sheetAliases];
  const ws = wb.worksheets.find((w) => names.includes(w.name.trim()));
  if (!ws) return undefined;
  // No Excel table: the header row is the first row that has the most required headers.
  let best: { row: number; score: number } | undefined;
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, ws.rowCount); r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    const values = (row.values as unknown[]).slice(1);
    const m = matchColumns(spec, values);
    const score = m.requiredFound * 100 + m.indexOf.size;
    if (m.indexOf.size >= 2 && (!best || score > best.score)) best = { row: r, score };
  }
  return best ? { ws, headerRow: best.row, firstCol: 1 } : { ws, headerRow: -1, firstCol: 1 };
}

function gridOf(loc: TableLocation, maxRows: number): TableGrid | 'tooMany' | 'noHeader' {
  const { ws, headerRow, firstCol } = loc;
  if (headerRow < 0) return 'noHeader';
  const headerValues = (ws.findRow(headerRow)?.values as unknown[] | undefined) ?? [];
  let width = loc.width ?? 0;
  if (!width)
    for (let c = headerValues.length - 1; c >= firstCol; c--)
      if (headerValues[c] !== undefined && headerValues[c] !== null) {
        width = c - firstCol + 1;
        break;
      }
  // Columns typed right of a table's extent are "extra columns": include them so they are reported.
  for (let c = headerValues.length - 1; c >= firstCol + width; c--)
    if (headerValues[c] !== undefined && headerValues[c] !== null) {
      width = c - firstCol + 1;
      break;
    }
  const columns: string[] = [];
  for (let i = 0; i < width; i++) columns.push(columnLetter(firstCol + i));
  const header = headerValues.slice(firstCol, firstCol + width).map(flattenCellValue);
  if (ws.rowCount - headerRow > maxRows) return 'tooMany';
  const rows: { rowNumber: number; values: unknown[] }[] = [];
  // One pass over the stored rows; row.values is the sparse 1-based value array of the row.
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    const values = row.values as unknown[];
    rows.push({ rowNumber, values: firstCol === 1 && values.length - 1 === width ? values.slice(1) : values.slice(firstCol, firstCol + width) });
  });
  return { sheet: ws.name, table: loc.table, headerRow, columns, header, rows, merges: mergesOf(ws) };
}

function kindOf(wb: ExcelJS.Workbook, forced: WorkbookKind | undefined): WorkbookKind | undefined {
  if (forced) return forced;
  const subject = (wb.subject ?? '').trim();
  if (subject.startsWith(KIND_MARKER_PREFIX)) {
    const k = subject.slice(KIND_MARKER_PREFIX.length);
    if (isWorkbookKind(k)) return k;
  }
  const form = wb.getWorksheet(CONTRACTS['best-practice'].formSheet);
  const labels: string[] = [];
  if (form)
    for (let r = 1; r <= Math.min(60, form.rowCount); r++) {
      const v = flattenCellValue(form.findRow(r)?.getCell(1).value ?? null);
      if (typeof v === 'string') labels.push(v);
    }
  return guessKind(
    wb.worksheets.map((w) => w.name),
    labels,
  );
}

/** Reads workbook bytes into a submission, with warnings and errors naming sheet!cell. Never throws for bad files. */
export async function readWorkbook(data: ArrayBuffer | Uint8Array, opts: ReadWorkbookOptions = {}): Promise<ReadWorkbookResult> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  try {
    await guardXlsx(bytes, opts.zipLimits);
  } catch (e) {
    if (e instanceof WorkbookFileError) return fileError(e.key, e.zh, e.en);
    throw e;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const why = e instanceof Error ? e.message.slice(0, 160) : String(e);
    return fileError('file.corrupt', `无法打开工作簿（文件内容损坏）：${why}`, `the workbook cannot be opened (corrupt content): ${why}`);
  }
  if (wb.worksheets.length === 0) return fileError('file.noSheets', '工作簿中没有工作表', 'the workbook has no worksheets');
  const kind = kindOf(wb, opts.kind);
  if (!kind) {
    return fileError(
      'file.unknownKind',
      `无法识别工作簿类型：不是 kekao 推荐表模板（可用 --kind 指定：${WORKBOOK_KINDS.join('、')}）`,
      `not a kekao workbook: its kind could not be recognised (one of ${WORKBOOK_KINDS.join(', ')})`,
    );
  }
  const contract = CONTRACTS[kind];
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  const extraErrors: CellNote[] = [];
  const tables: Record<string, TableGrid | undefined> = {};
  for (const spec of contract.tables) {
    const loc = findTable(wb, spec);
    if (!loc) continue;
    const grid = gridOf(loc, maxRows);
    if (grid === 'tooMany') {
      extraErrors.push({ sheet: loc.ws.name, cell: '', key: 'sheet.tooManyRows', zh: `行数超过上限 ${maxRows}`, en: `more than ${maxRows} rows` });
    } else if (grid === 'noHeader') {
      extraErrors.push({
        sheet: loc.ws.name,
        cell: `A1:A${HEADER_SEARCH_ROWS}`,
        key: 'table.headerNotFound',
        zh: `找不到表头（应含 ${spec.columns
          .filter((c) => c.required)
          .map((c) => c.header)
          .join('、')}）`,
        en: `no header row found (expected ${spec.columns
          .filter((c) => c.required)
          .map((c) => c.key)
          .join(', ')})`,
      });
    } else tables[spec.name] = grid;
  }
  const formWs = wb.getWorksheet(contract.formSheet);
  const scoreWs = wb.getWorksheet(contract.score.sheet);
  const cells: WorkbookCells = {
    kind,
    sheetNames: wb.worksheets.map((w) => w.name),
    form: formWs ? layoutCells(formWs, FORM_ROWS, FORM_COLS) : undefined,
    score: scoreWs ? layoutCells(scoreWs, SCORE_ROWS, SCORE_COLS) : undefined,
    tables,
  };
  const reading = tableToSubmission(cells);
  const errors = [...extraErrors, ...reading.errors];
  return {
    kind,
    submission: errors.length ? undefined : reading.submission,
    form: reading.form,
    warnings: reading.warnings,
    errors,
  };
}
