/**
 * Tolerant reading of one spreadsheet cell: what people actually type into
 * Excel — full-width digits (１２．３), thousands separators (1,234.5), units in a number cell
 * ("12.3 V"), numbers stored as text, percentages, dates as serials. Each accepted repair comes
 * back as a warning; what cannot be read is an error. Pure functions; the caller adds sheet!cell.
 */
import type { EnumOption } from './contract.js';

export interface CellProblem {
  key: string;
  zh: string;
  en: string;
}

export type CellRead<T> = { ok: true; value: T; warning?: CellProblem } | { ok: false; error: CellProblem };

const ok = <T>(value: T, warning?: CellProblem): CellRead<T> => (warning ? { ok: true, value, warning } : { ok: true, value });
const fail = (key: string, zh: string, en: string): CellRead<never> => ({ ok: false, error: { key, zh, en } });

/**
 * Rich text, formula results, hyperlinks and errors (exceljs cell value shapes) reduced to a plain
 * value. Idempotent: the markers it returns (an Excel error, a formula without result) pass
 * through unchanged, so a value flattened twice is still recognised — not turned into the text
 * "[object Object]".
 */
export function flattenCellValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date || v instanceof CellError || v === FORMULA_WITHOUT_RESULT) return v;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as Array<{ text?: unknown }>).map((r) => String(r.text ?? '')).join('');
  if ('formula' in o || 'sharedFormula' in o) {
    if (o.result === undefined || o.result === null) return FORMULA_WITHOUT_RESULT;
    return flattenCellValue(o.result);
  }
  if ('hyperlink' in o || 'text' in o) return flattenCellValue(o.text);
  if ('error' in o) return new CellError(String(o.error));
  return String(v);
}

/** An Excel error value such as #DIV/0! or #N/A. */
export class CellError {
  constructor(readonly code: string) {}
}

/** A formula whose cached result is missing (file written by a program, never recalculated). */
export const FORMULA_WITHOUT_RESULT = Object.freeze({ formulaWithoutResult: true });

/** Full-width ASCII (U+FF01–FF5E) to half-width, ideographic space to space, minus-like dashes to '-'. */
export function toHalfWidth(s: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      out += String.fromCharCode(c - 0xfee0);
      changed = true;
    } else if (c === 0x3000) {
      out += ' ';
      changed = true;
    } else if (c === 0x2212 || c === 0xfe63 || c === 0x2013) {
      out += '-';
      changed = true;
    } else out += s[i];
  }
  return changed ? out : s;
}

export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function quote(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v instanceof CellError) return v.code;
  const s = String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function commonProblems(v: unknown): CellRead<never> | undefined {
  if (v instanceof CellError) return fail('cell.excelError', `单元格是 Excel 错误值 ${v.code}`, `the cell holds the Excel error ${v.code}`);
  if (v === FORMULA_WITHOUT_RESULT) {
    return fail(
      'cell.formulaNoResult',
      '公式没有计算结果，请在 Excel 中打开并保存后再提交',
      'the formula has no cached result; open and save the file in Excel first',
    );
  }
  return undefined;
}

const NUMBER_AT_START = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const THOUSANDS_AT_START = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?/;
/** A unit written after a number: letters, CJK, degree and micro signs, %, /, ·, ^, an optional trailing power digit. */
const UNIT_SUFFIX = /^[A-Za-zµμΩ°℃℉%‰·/^²³\u4e00-\u9fff()]{1,12}[0-9]?$/;

function normalizeUnit(u: string): string {
  return toHalfWidth(u).replace(/\s+/g, '').replace(/℃/g, '°c').replace(/μ/g, 'µ').toLowerCase();
}

export interface NumberOptions {
  /** The unit written in the row's unit column; a different unit typed in the cell is an error. */
  expectedUnit?: string;
}

/**
 * Reads a number. Numbers pass straight through; strings are repaired where the meaning is
 * unambiguous (with a warning) and refused otherwise ("约12", "12,3", "<0.1").
 */
export function readNumber(v: unknown, opts: NumberOptions = {}): CellRead<number> {
  if (typeof v === 'number') {
    return Number.isFinite(v) ? ok(v) : fail('cell.notFinite', `“${v}”不是有限数值`, `"${v}" is not a finite number`);
  }
  const bad = commonProblems(v);
  if (bad) return bad;
  if (typeof v === 'boolean') return fail('cell.notNumeric', `“${v ? 'TRUE' : 'FALSE'}”不是数值`, `"${v}" is not a number`);
  if (v instanceof Date) {
    return fail('cell.dateNotNumber', `“${quote(v)}”是日期，不是数值`, `"${quote(v)}" is a date, not a number`);
  }
  const raw = String(v);
  const s = toHalfWidth(raw).trim().replace(/，/g, ',');
  const fullWidth = s !== raw.trim();
  const notNumeric = () => fail('cell.notNumeric', `“${quote(raw)}”不是数值`, `"${quote(raw)}" is not a number`);
  if (s === '') return notNumeric();

  // "10%" → 0.1 (Excel stores percent-formatted cells as fractions too).
  if (s.endsWith('%') && !s.endsWith('%%')) {
    const body = s.slice(0, -1).trim();
    const m = NUMBER_AT_START.exec(body);
    if (m && m[0].length === body.length) {
      const n = Number(body) / 100;
      return ok(n, {
        key: 'cell.percent',
        zh: `“${quote(raw)}”按百分数读为 ${n}`,
        en: `"${quote(raw)}" read as the fraction ${n}`,
      });
    }
  }

  let numberText: string;
  let rest: string;
  let thousands = false;
  const t = THOUSANDS_AT_START.exec(s);
  if (t) {
    numberText = t[0].replace(/,/g, '');
    rest = s.slice(t[0].length).trim();
    thousands = true;
  } else {
    const m = NUMBER_AT_START.exec(s);
    if (!m) return notNumeric();
    numberText = m[0];
    rest = s.slice(m[0].length).trim();
  }
  const n = Number(numberText);
  if (!Number.isFinite(n)) return notNumeric();

  if (rest !== '') {
    if (rest.startsWith(',') || rest.startsWith('.') || !UNIT_SUFFIX.test(rest)) return notNumeric();
    if (opts.expectedUnit && normalizeUnit(opts.expectedUnit) !== normalizeUnit(rest)) {
      return fail(
        'cell.unitMismatch',
        `“${quote(raw)}”的单位“${rest}”与单位列“${opts.expectedUnit}”不一致`,
        `the unit "${rest}" in "${quote(raw)}" differs from the unit column "${opts.expectedUnit}"`,
      );
    }
    return ok(n, {
      key: 'cell.unitStripped',
      zh: `“${quote(raw)}”中的单位“${rest}”已去掉，读为 ${n}`,
      en: `the unit "${rest}" in "${quote(raw)}" was dropped; read as ${n}`,
    });
  }
  if (thousands) {
    return ok(n, {
      key: 'cell.thousandsSeparator',
      zh: `“${quote(raw)}”含千位分隔符，读为 ${n}`,
      en: `"${quote(raw)}" has thousands separators; read as ${n}`,
    });
  }
  if (fullWidth) {
    return ok(n, { key: 'cell.fullWidth', zh: `“${quote(raw)}”含全角字符，读为 ${n}`, en: `"${quote(raw)}" has full-width characters; read as ${n}` });
  }
  return ok(n, { key: 'cell.numberAsText', zh: `“${quote(raw)}”是文本格式的数字，读为 ${n}`, en: `"${quote(raw)}" is a number stored as text; read as ${n}` });
}

export function readInteger(v: unknown, opts: NumberOptions = {}): CellRead<number> {
  const r = readNumber(v, opts);
  if (!r.ok) return r;
  if (!Number.isInteger(r.value)) {
    return fail('cell.notInteger', `“${quote(v)}”不是整数`, `"${quote(v)}" is not an integer`);
  }
  return r;
}

/** Checks a lower bound; `exclusive` means the value must exceed it. */
export function checkMin(value: number, min: number, exclusive: boolean): CellProblem | undefined {
  if (exclusive ? value > min : value >= min) return undefined;
  if (min === 0 && !exclusive) return { key: 'cell.negative', zh: `${value} 不能为负数`, en: `${value} must not be negative` };
  if (min === 0) return { key: 'cell.notPositive', zh: `${value} 必须大于 0`, en: `${value} must be greater than 0` };
  return { key: 'cell.belowMin', zh: `${value} 小于下限 ${min}`, en: `${value} is below the minimum ${min}` };
}

export function readText(v: unknown): CellRead<string> {
  const bad = commonProblems(v);
  if (bad) return bad;
  if (v instanceof Date) return ok(v.toISOString().slice(0, 10));
  if (typeof v === 'boolean') return ok(v ? '是' : '否');
  if (typeof v === 'number') return ok(String(v));
  return ok(String(v).trim());
}

/** Compares spellings ignoring width, case and spaces. */
export function normalizeToken(s: string): string {
  return toHalfWidth(s).replace(/\s+/g, '').toLowerCase();
}

export function readEnum(v: unknown, options: readonly EnumOption[]): CellRead<string> {
  const bad = commonProblems(v);
  if (bad) return bad;
  if (typeof v === 'boolean') v = v ? 'true' : 'false';
  const token = normalizeToken(String(v));
  for (const o of options) {
    if (normalizeToken(o.value) === token || normalizeToken(o.label) === token) return ok(o.value);
  }
  for (const o of options) {
    if (o.aliases.some((a) => normalizeToken(a) === token)) return ok(o.value);
  }
  const labels = options.map((o) => o.label).join('、');
  return fail('cell.badEnum', `“${quote(v)}”不是可选值（${labels}）`, `"${quote(v)}" is not one of: ${options.map((o) => o.value).join(', ')}`);
}

export function readBoolean(v: unknown, options: readonly EnumOption[]): CellRead<boolean> {
  if (typeof v === 'boolean') return ok(v);
  if (typeof v === 'number' && (v === 0 || v === 1)) return ok(v === 1);
  const r = readEnum(v, options);
  return r.ok ? ok(r.value === 'true') : r;
}

/** Excel 1900 date system: serial 1 = 1900-01-01; serials from 61 on are offset by Lotus' phantom 1900-02-29. */
export function excelSerialToDate(serial: number): Date {
  const days = serial >= 61 ? serial - 25569 : serial - 25568;
  return new Date(Math.round(days * 86400000));
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** Reads a date as ISO yyyy-mm-dd. */
export function readDate(v: unknown): CellRead<string> {
  const bad = commonProblems(v);
  if (bad) return bad;
  if (v instanceof Date) {
    return Number.isNaN(v.getTime()) ? fail('cell.notDate', '不是有效日期', 'not a valid date') : ok(v.toISOString().slice(0, 10));
  }
  if (typeof v === 'number') {
    if (v >= 1 && v < 2958466) {
      const iso = excelSerialToDate(v).toISOString().slice(0, 10);
      return ok(iso, {
        key: 'cell.serialDate',
        zh: `数字 ${v} 按 Excel 日期序列号读为 ${iso}，请将单元格设为日期格式`,
        en: `the number ${v} was read as the Excel date serial ${iso}; format the cell as a date`,
      });
    }
    return fail('cell.notDate', `“${v}”不是日期`, `"${v}" is not a date`);
  }
  const s = toHalfWidth(String(v)).trim();
  const m = DATE_TEXT.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) {
      return ok(date.toISOString().slice(0, 10));
    }
  }
  return fail('cell.notDate', `“${quote(v)}”不是日期（应为 年-月-日）`, `"${quote(v)}" is not a date (use yyyy-mm-dd)`);
}

// ───────────────────────────────────────────── addresses

export function columnLetter(index1: number): string {
  let n = index1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 'B12' → { col: 2, row: 12 } (absolute markers allowed). */
export function parseAddress(a: string): { col: number; row: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a.trim());
  return m ? { col: columnNumber(m[1]!), row: Number(m[2]) } : undefined;
}

/** 'B5:C8' → bounds; a single cell is a 1×1 range. */
export function parseRange(r: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b] = r.split(':');
  const p = parseAddress(a ?? '');
  const q = b ? parseAddress(b) : p;
  if (!p || !q) return undefined;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}
