/**
 * Reading the arguments Excel passes to a custom function.
 *
 * Excel hands a range over as a 2-D array (rows of cells). Every parameter is declared `unknown`
 * in the metadata, so text and blanks reach us instead of turning into an unexplained #VALUE!;
 * here they are checked and, when wrong, reported with WHAT is wrong and WHERE (the argument, the
 * position in the range, row and column), Chinese first with the English key.
 *
 * Blank cells: Excel passes empty cells as `null` or `""` depending on the host. Blanks at the END
 * of a range (reading row by row) are ignored, so `A2:A1000` over a growing list works; a blank
 * BETWEEN values is an error — it is usually a missing measurement, and skipping it silently would
 * change n without anyone noticing.
 */
import { isBlank, readEnum } from '@kekao/core/workbook';
import { DIRECTION_OPTIONS } from '@kekao/core/workbook';
import type { Bilingual } from '@kekao/core/i18n';
import { BilingualError } from '@kekao/core/i18n';

/** A bad argument: shown in the cell's error tooltip as `zh / en (key)`. */
export class FunctionInputError extends BilingualError {
  constructor(key: string, zh: string, en: string) {
    super(key, zh, en);
    this.name = 'FunctionInputError';
  }
}

/** A single cell of a spilled result that is an error (e.g. an unbounded interval bound). */
export interface CellError {
  kekaoError: 'notAvailable' | 'invalidNumber';
  message: string;
}

export type CellOut = number | string | boolean | CellError;

export function cellError(kind: CellError['kekaoError'], zh: string, en: string): CellError {
  return { kekaoError: kind, message: `${zh} / ${en}` };
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && 'kekaoError' in v;
}

/** The workbook reader's notion of blank (null, undefined, whitespace-only text), shared so both agree. */
export { isBlank };

/** An argument: its name (both languages) for messages. */
export interface ArgName {
  zh: string;
  en: string;
}

/** Excel may pass a scalar where a range was declared (a single cell or a typed-in constant). */
function asMatrix(range: unknown): unknown[][] {
  if (Array.isArray(range)) return range.map((row) => (Array.isArray(row) ? row : [row]));
  return [[range]];
}

function preview(v: unknown): string {
  const s = typeof v === 'string' ? v : String(v);
  return s.length > 20 ? `${s.slice(0, 20)}…` : s;
}

/** Position of the i-th (0-based) cell of a range, in words. */
function place(arg: ArgName, index: number, row: number, col: number, singleColumn: boolean): Bilingual {
  const where = singleColumn ? `第${row + 1}行` : `第${row + 1}行第${col + 1}列`;
  const whereEn = singleColumn ? `row ${row + 1}` : `row ${row + 1}, column ${col + 1}`;
  return {
    zh: `${arg.zh}的第${index + 1}个值（区域${where}）`,
    en: `${arg.en} value ${index + 1} (${whereEn} of the range)`,
  };
}

/**
 * Numbers of a range, row by row, with trailing blanks dropped. One pass, no per-cell calls.
 * Throws FunctionInputError for text, booleans, inner blanks and non-finite numbers, and when
 * fewer than `min` values remain.
 */
export function readNumbers(range: unknown, arg: ArgName, min = 1): number[] {
  const rows = asMatrix(range);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const singleColumn = width <= 1;
  const out: number[] = [];
  // Position of the first blank seen since the last number; reported if a number follows it.
  let pendingBlank: { index: number; row: number; col: number } | null = null;
  let index = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++, index++) {
      const v = row[c];
      if (isBlank(v)) {
        if (pendingBlank === null) pendingBlank = { index, row: r, col: c };
        continue;
      }
      if (pendingBlank !== null) {
        const p = place(arg, pendingBlank.index, pendingBlank.row, pendingBlank.col, singleColumn);
        throw new FunctionInputError('fn.blankBetweenValues', `${p.zh}为空（数值之间不能有空单元格）`, `${p.en} is blank (no blanks between values)`);
      }
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) {
          const p = place(arg, index, r, c, singleColumn);
          throw new FunctionInputError('fn.nonFinite', `${p.zh}不是有限数值`, `${p.en} is not a finite number`);
        }
        out.push(v);
        continue;
      }
      const p = place(arg, index, r, c, singleColumn);
      throw new FunctionInputError('fn.notNumeric', `${p.zh} "${preview(v)}" 不是数值`, `${p.en} "${preview(v)}" is not a number`);
    }
  }
  if (out.length < min) {
    throw new FunctionInputError(
      'fn.tooFewValues',
      `${arg.zh}至少需要 ${min} 个数值，只有 ${out.length} 个`,
      `${arg.en} needs at least ${min} numbers; got ${out.length}`,
    );
  }
  return out;
}

/** Trailing-blank-trimmed cells of a range as text (ids, labels); inner blanks are an error. */
export function readLabels(range: unknown, arg: ArgName): string[] {
  const rows = asMatrix(range);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const flat: Array<{ v: unknown; r: number; c: number }> = [];
  rows.forEach((row, r) => row.forEach((v, c) => flat.push({ v, r, c })));
  let end = flat.length;
  while (end > 0 && isBlank(flat[end - 1].v)) end--;
  const out: string[] = [];
  for (let i = 0; i < end; i++) {
    const { v, r, c } = flat[i];
    if (isBlank(v)) {
      const p = place(arg, i, r, c, width <= 1);
      throw new FunctionInputError('fn.blankBetweenValues', `${p.zh}为空`, `${p.en} is blank`);
    }
    out.push(typeof v === 'number' ? String(v) : String(v).trim());
  }
  return out;
}

/** A scalar argument given as a range (a cell reference reaches us as [[v]]): its first cell. */
function firstCell(value: unknown): unknown {
  return Array.isArray(value) ? (Array.isArray(value[0]) ? value[0][0] : value[0]) : value;
}

/** One number argument (a cell or a constant); `fallback` when omitted or blank. */
export function readNumber(value: unknown, arg: ArgName, fallback?: number): number {
  const v = firstCell(value);
  if (isBlank(v)) {
    if (fallback !== undefined) return fallback;
    throw new FunctionInputError('fn.missingArgument', `缺少${arg.zh}`, `${arg.en} is missing`);
  }
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw new FunctionInputError('fn.notNumeric', `${arg.zh} "${preview(v)}" 不是数值`, `${arg.en} "${preview(v)}" is not a number`);
}

/** An optional number argument: undefined when omitted or blank. */
export function readOptionalNumber(value: unknown, arg: ArgName): number | undefined {
  const v = firstCell(value);
  return isBlank(v) ? undefined : readNumber(v, arg);
}

export function readText(value: unknown, arg: ArgName, fallback?: string): string {
  const v = firstCell(value);
  if (isBlank(v)) {
    if (fallback !== undefined) return fallback;
    throw new FunctionInputError('fn.missingArgument', `缺少${arg.zh}`, `${arg.en} is missing`);
  }
  return String(v).trim();
}

/** A confidence level in (0, 1); 95 is read as 95 %. */
export function readConfidence(value: unknown, fallback = 0.95): number {
  const arg = { zh: '置信水平', en: 'confidence' };
  let c = readNumber(value, arg, fallback);
  if (c >= 1 && c < 100) c = c / 100;
  if (!(c > 0 && c < 1)) {
    throw new FunctionInputError(
      'fn.invalidConfidence',
      `置信水平须在 0 与 1 之间（如 0.95），收到 ${c}`,
      `confidence must be between 0 and 1 (e.g. 0.95); got ${c}`,
    );
  }
  return c;
}

/** Limit direction: 'max' (value must stay ≤ limit) or 'min' (≥ limit); Chinese words accepted. */
export function readDirection(value: unknown, arg: ArgName = { zh: '限值方向', en: 'direction' }): 'max' | 'min' {
  const s = readText(value, arg).toLowerCase();
  // The words of the data tables' direction column (contract DIRECTION_OPTIONS), so a formula
  // accepts what the workbook reader accepts.
  const read = readEnum(s, DIRECTION_OPTIONS);
  if (read.ok) return read.value as 'max' | 'min';
  throw new FunctionInputError(
    'fn.invalidDirection',
    `${arg.zh} "${preview(s)}" 无法识别，应为 "max"（上限，值须 ≤ 限值）或 "min"（下限，值须 ≥ 限值）`,
    `${arg.en} "${preview(s)}" is not recognised; use "max" (upper limit) or "min" (lower limit)`,
  );
}
