/**
 * Plain cell grids → a submission (issue 3 point 4; DESIGN §3.2). Pure: the file side builds the
 * grids with exceljs, the Excel add-in with office.js (`range.values`), and both call this.
 *
 * A table grid is one Excel table (or a header row found by its headers) and the rows under it,
 * each row an array of values aligned with `columns` (the column letters). Cells are addressed
 * only when a note is written, so 70 000 rows cost no per-cell address strings.
 *
 * Every repair is a warning naming sheet!cell; what cannot be read is an error naming sheet!cell.
 * When there is any error, no submission is returned: scoring half-read data would mislead.
 */
import { submissionSchema, type Submission } from '../submission/index.js';
import {
  CONTRACTS,
  RUBRIC_OF_KIND,
  TEAM_MAX_MEMBERS,
  YES_NO_OPTIONS,
  type ColumnSpec,
  type FormFieldSpec,
  type TableSpec,
  type WorkbookContract,
  type WorkbookKind,
} from './contract.js';
import { reliability2024 } from '../rubrics/reliability2024.js';
import {
  checkMin,
  flattenCellValue,
  isBlank,
  normalizeToken,
  parseRange,
  readBoolean,
  readDate,
  readEnum,
  readInteger,
  readNumber,
  readText,
  toHalfWidth,
  type CellProblem,
  type CellRead,
} from './cellValue.js';
import { CellNoteCollector, type CellNote } from './cellNotes.js';
import { validateUscc } from './uscc.js';

export type { CellNote } from './cellNotes.js';
export type { GridRow, SheetCells, TableGrid, WorkbookCells, WorkbookReading } from './reading/workbookCells.js';
export { matchColumns, normalizeHeader, type ColumnMatch } from './reading/headers.js';
export { guessKind } from './reading/workbookKind.js';
export { normalizeStage } from './reading/sections/icTable.js';
import { CellOrigins } from './reading/cellOrigins.js';
import { readBestPracticeTables } from './reading/sections/bestPracticeTables.js';
import { readBreakthroughTables } from './reading/sections/breakthroughTables.js';
import type { GridRow, SheetCells, TableGrid, WorkbookCells, WorkbookReading } from './reading/workbookCells.js';
import { matchColumns, normalizeHeader } from './reading/headers.js';

type Json = Record<string, unknown>;

// ───────────────────────────────────────────── form and score sheets

function setPath(obj: Json, path: string, value: unknown): void {
  const parts = path.split('.');
  let o = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    const k = parts[i]!;
    if (typeof o[k] !== 'object' || o[k] === null) o[k] = {};
    o = o[k] as Json;
  }
  o[parts[parts.length - 1]!] = value;
}

function charCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Finds the value cell of a field: at its contract address when the label is there, else by its label in column A. */
function locateField(cells: SheetCells, f: FormFieldSpec): string | undefined {
  const labelAt = (addr: string) => {
    const v = flattenCellValue(cells.cells[addr]);
    return typeof v === 'string' && normalizeHeader(v).replace(/[:：]$/, '') === normalizeHeader(f.label);
  };
  if (labelAt(f.labelCell)) return f.cell;
  for (const addr of Object.keys(cells.cells)) {
    const m = /^A(\d+)$/.exec(addr);
    if (m && labelAt(addr)) return `B${m[1]}`;
  }
  return undefined;
}

function readForm(contract: WorkbookContract, cells: SheetCells | undefined, candidate: Json, form: Record<string, string>, notes: CellNoteCollector, origins: CellOrigins): void {
  const sheet = contract.formSheet;
  if (!cells) {
    notes.error(sheet, '', { key: 'sheet.missing', zh: `缺少工作表“${sheet}”`, en: `the sheet "${sheet}" is missing` });
    return;
  }
  for (const f of contract.form) {
    const addr = locateField(cells, f);
    if (addr && addr !== f.cell) {
      notes.warn(sheet, addr, { key: 'form.moved', zh: `“${f.label}”不在模板位置 ${f.cell}，按标签找到`, en: `"${f.labelEn}" is not at ${f.cell}; found by its label` });
    }
    const raw = addr ? flattenCellValue(cells.cells[addr]) : null;
    if (f.target) origins.recordCell(f.target, { sheet, cell: addr ?? f.cell });
    if (isBlank(raw)) {
      if (f.required) {
        notes.error(sheet, addr ?? f.cell, { key: 'form.required', zh: `必填项“${f.label}”为空`, en: `the required field "${f.labelEn}" is empty` });
      }
      continue;
    }
    const where = addr ?? f.cell;
    const take = <T>(r: CellRead<T>): T | undefined => {
      if (r.ok) {
        if (r.warning) notes.warn(sheet, where, r.warning);
        return r.value;
      }
      notes.error(sheet, where, r.error);
      return undefined;
    };
    let value: unknown;
    let display: string | undefined;
    switch (f.type) {
      case 'number':
        value = take(readNumber(raw));
        if (typeof value === 'number') {
          const p = checkMin(value, 0, false);
          if (p) {
            notes.error(sheet, where, p);
            value = undefined;
          }
        }
        display = value === undefined ? undefined : String(value);
        break;
      case 'date':
        value = take(readDate(raw));
        display = value as string | undefined;
        break;
      case 'enum':
        value = take(readEnum(raw, f.enumValues ?? []));
        display = f.enumValues?.find((o) => o.value === value)?.label;
        break;
      case 'boolean':
        value = take(readBoolean(raw, f.enumValues ?? YES_NO_OPTIONS));
        display = value === undefined ? undefined : value ? '是' : '否';
        break;
      case 'uscc': {
        let code = toHalfWidth(String(raw)).replace(/\s+/g, '');
        if (code !== code.toUpperCase()) {
          notes.warn(sheet, where, { key: 'uscc.lowercase', zh: '统一社会信用代码中的小写字母已改为大写', en: 'lower-case letters of the code were capitalised' });
          code = code.toUpperCase();
        }
        const r = validateUscc(code);
        if (!r.ok) notes.warn(sheet, where, { key: r.key, zh: r.zh, en: r.en });
        value = code;
        display = code;
        break;
      }
      default: {
        const t = take(readText(raw));
        value = t;
        display = t;
        if (typeof t === 'string' && f.maxLength !== undefined) {
          const n = charCount(t);
          if (n > f.maxLength) {
            const p: CellProblem = {
              key: 'form.tooLong',
              zh: `“${f.label}”不超过${f.maxLength}字，实为${n}字`,
              en: `"${f.labelEn}" is limited to ${f.maxLength} characters; it has ${n}`,
            };
            // A limit the submission schema enforces is an error; the others are the form's advice.
            if (f.target) notes.error(sheet, where, p);
            else notes.warn(sheet, where, p);
          }
        }
      }
    }
    if (display !== undefined) form[f.key] = display;
    if (value !== undefined && f.target) setPath(candidate, f.target, value);
  }
}

function readScores(contract: WorkbookContract, cells: SheetCells | undefined, candidate: Json, notes: CellNoteCollector, origins: CellOrigins): void {
  const spec = contract.score;
  if (!cells) {
    notes.warn(spec.sheet, '', { key: 'sheet.missing', zh: `缺少工作表“${spec.sheet}”，没有读取原始得分`, en: `the sheet "${spec.sheet}" is missing; no raw scores read` });
    return;
  }
  const scores: Json = {};
  const fraud: Json = {};
  const get = (addr: string) => flattenCellValue(cells.cells[addr]);
  for (const r of spec.rows) {
    const raw = get(r.rawCell);
    origins.recordCell(`scores.${r.id}`, { sheet: spec.sheet, cell: r.rawCell });
    if (r.fraudCell) {
      const fv = get(r.fraudCell);
      if (!isBlank(fv)) {
        const b = readBoolean(fv, YES_NO_OPTIONS);
        if (!b.ok) notes.error(spec.sheet, r.fraudCell, b.error);
        else if (b.value) fraud[r.id] = true;
      }
    }
    if (isBlank(raw)) continue;
    const n = readNumber(raw);
    if (!n.ok) {
      notes.error(spec.sheet, r.rawCell, n.error);
      continue;
    }
    if (n.warning) notes.warn(spec.sheet, r.rawCell, n.warning);
    if (n.value < 0) {
      notes.error(spec.sheet, r.rawCell, { key: 'score.negative', zh: `得分 ${n.value} 不能为负`, en: `score ${n.value} must not be negative` });
      continue;
    }
    const entry: Json = { raw: n.value };
    const reason = get(r.reasonCell);
    if (!isBlank(reason)) entry.reason = String(reason).trim();
    scores[r.id] = entry;
  }
  if (Object.keys(scores).length) candidate.scores = scores;
  if (spec.fraudCell) {
    const fv = get(spec.fraudCell);
    if (!isBlank(fv)) {
      const b = readBoolean(fv, YES_NO_OPTIONS);
      if (!b.ok) notes.error(spec.sheet, spec.fraudCell, b.error);
      else candidate.fraud = b.value;
    }
  } else if (Object.keys(fraud).length) candidate.fraud = fraud;
}

// ───────────────────────────────────────────── entry point

/** Zod's bilingual messages are written "中文 / English". */
function splitMessage(m: string): { zh: string; en: string } {
  const i = m.indexOf(' / ');
  return i > 0 ? { zh: m.slice(0, i), en: m.slice(i + 3) } : { zh: m, en: m };
}

export function tableToSubmission(cells: WorkbookCells): WorkbookReading {
  const contract = CONTRACTS[cells.kind];
  const notes = new CellNoteCollector();
  const origins = new CellOrigins();
  const form: Record<string, string> = {};
  const candidate: Json = { rubric: RUBRIC_OF_KIND[cells.kind], enterprise: {} };
  if (cells.kind === 'best-practice') candidate.product = {};
  if (cells.kind === 'fmea') candidate.case = {};
  if (cells.kind === 'breakthrough') candidate.project = {};

  readForm(contract, cells.form, candidate, form, notes, origins);

  if (cells.kind === 'best-practice') Object.assign(candidate, readBestPracticeTables(contract, cells, notes, origins));
  else if (cells.kind === 'breakthrough') Object.assign(candidate, readBreakthroughTables(contract, cells, notes));

  readScores(contract, cells.score, candidate, notes, origins);
  notes.finish();

  if (notes.errors.length) return { kind: cells.kind, form, warnings: notes.warnings, errors: notes.errors };

  const parsed = submissionSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const at = origins.locate(issue.path as PropertyKey[]);
      const { zh, en } = splitMessage(issue.message);
      const path = issue.path.map(String).join('.');
      notes.errors.push({ sheet: at?.sheet ?? '', cell: at?.cell ?? '', key: 'submission.invalid', zh: `${zh}（${path}）`, en: `${en} (${path})` });
    }
    return { kind: cells.kind, form, warnings: notes.warnings, errors: notes.errors };
  }
  // The contact person is not part of the scored submission; the 推荐汇总表 (Annexes 5/6) needs it.
  const contact: Record<string, string> = {};
  for (const [from, to] of [['contact', 'name'], ['phone', 'phone'], ['mobile', 'mobile'], ['email', 'email'], ['position', 'title']] as const) {
    if (form[from]) contact[to] = form[from]!;
  }
  const submission = Object.keys(contact).length ? (Object.assign(parsed.data, { contact }) as Submission) : parsed.data;
  return { kind: cells.kind, submission, form, warnings: notes.warnings, errors: notes.errors };
}
