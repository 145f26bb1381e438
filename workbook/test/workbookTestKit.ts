/**
 * Test helpers: fill a kekao template through exceljs the way a person (or a paste) would, and
 * run the real CLI with buffer IO.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTRACTS, type WorkbookKind } from '@kekao/core/workbook';
import { writeTemplate } from '../src/writeTemplate.js';
import { addContractTable } from '../src/template/contractTable.js';
import { main } from '@kekao/cli';
import type { CliIO } from '@kekao/cli';
import { seededRandom } from '@kekao/core/stats';

export async function loadWb(buf: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Replaces the rows of a kekao table (rows in the contract's column order), keeping it a real Excel table. */
export function fillTable(wb: ExcelJS.Workbook, kind: WorkbookKind, tableName: string, rows: unknown[][]): ExcelJS.Worksheet {
  const spec = CONTRACTS[kind].tables.find((t) => t.name === tableName)!;
  const ws = wb.getWorksheet(spec.sheet)!;
  for (let r = spec.headerRow + 1; r <= Math.max(ws.rowCount, spec.headerRow + 1); r++) {
    for (let c = 1; c <= spec.columns.length; c++) ws.getCell(r, c).value = null;
  }
  ws.removeTable(tableName);
  addContractTable(ws, spec, rows);
  return ws;
}

export function setForm(wb: ExcelJS.Workbook, kind: WorkbookKind, values: Record<string, unknown>): void {
  const c = CONTRACTS[kind];
  const ws = wb.getWorksheet(c.formSheet)!;
  for (const [key, v] of Object.entries(values)) {
    const f = c.form.find((x) => x.key === key);
    if (!f) throw new Error(`no form field ${key}`);
    ws.getCell(f.cell).value = v as ExcelJS.CellValue;
  }
}

export function setScores(wb: ExcelJS.Workbook, kind: WorkbookKind, scores: Record<string, number>, extra: { reasons?: Record<string, string> } = {}): void {
  const s = CONTRACTS[kind].score;
  const ws = wb.getWorksheet(s.sheet)!;
  for (const [id, raw] of Object.entries(scores)) {
    const r = s.rows.find((x) => x.id === id)!;
    ws.getCell(r.rawCell).value = raw;
    if (extra.reasons?.[id]) ws.getCell(r.reasonCell).value = extra.reasons[id]!;
  }
}

export async function emptyTemplate(kind: WorkbookKind): Promise<ExcelJS.Workbook> {
  return loadWb(await writeTemplate(kind));
}

/** Runs `kekao …` in-process with buffer IO (no terminal). */
export async function runCli(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), cwd, interactive: false };
  const code = await main(argv, io);
  return { code, out, err };
}

export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Deep comparison with a relative tolerance for numbers; returns the first difference's path, or undefined. */
export function firstDifference(a: unknown, b: unknown, path = '$', tol = 1e-9): string | undefined {
  if (typeof a === 'number' && typeof b === 'number') {
    const scale = Math.max(1, Math.abs(a), Math.abs(b));
    return Math.abs(a - b) <= tol * scale || (Number.isNaN(a) && Number.isNaN(b)) ? undefined : `${path}: ${a} ≠ ${b}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: length ${a.length} ≠ ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`, tol);
      if (d) return d;
    }
    return undefined;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a as object).sort();
    const kb = Object.keys(b as object).sort();
    if (ka.join('|') !== kb.join('|')) return `${path}: keys ${ka.join(',')} ≠ ${kb.join(',')}`;
    for (const k of ka) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, tol);
      if (d) return d;
    }
    return undefined;
  }
  return a === b ? undefined : `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
}

/** Seeded test data (the same generator as the example workbooks). */
export const seeded = seededRandom;
