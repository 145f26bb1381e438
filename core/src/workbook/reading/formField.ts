/**
 * Reading the value of one field of the 推荐表 by the field's type. Each field gives a value for the
 * submission (when the contract maps it to a path) and a display text for the 推荐汇总表.
 */
import { YES_NO_OPTIONS, type FormFieldSpec } from '../contract.js';
import { checkMin, readBoolean, readDate, readEnum, readNumber, readText, toHalfWidth, type CellProblem, type CellRead } from '../cellValue.js';
import type { CellNoteCollector } from '../cellNotes.js';
import { validateUscc } from '../uscc.js';

export type FormValue = string | number | boolean;

export interface FieldReading {
  /** undefined when the cell could not be read (an error is noted). */
  value?: FormValue;
  display?: string;
}

/** Characters as a person counts them (字): a character outside the BMP is one, not two UTF-16 units. */
function charCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Reads a non-blank field cell; repairs are warnings and what cannot be read an error, both at `sheet`!`cell`. */
export function readFormField(f: FormFieldSpec, raw: unknown, sheet: string, cell: string, notes: CellNoteCollector): FieldReading {
  const take = <T>(r: CellRead<T>): T | undefined => {
    if (r.ok) {
      if (r.warning) notes.warn(sheet, cell, r.warning);
      return r.value;
    }
    notes.error(sheet, cell, r.error);
    return undefined;
  };
  switch (f.type) {
    case 'number': {
      let value = take(readNumber(raw));
      if (value !== undefined) {
        const p = checkMin(value, 0, false);
        if (p) {
          notes.error(sheet, cell, p);
          value = undefined;
        }
      }
      return { value, display: value === undefined ? undefined : String(value) };
    }
    case 'date': {
      const value = take(readDate(raw));
      return { value, display: value };
    }
    case 'enum': {
      const value = take(readEnum(raw, f.enumValues ?? []));
      return { value, display: f.enumValues?.find((o) => o.value === value)?.label };
    }
    case 'boolean': {
      const value = take(readBoolean(raw, f.enumValues ?? YES_NO_OPTIONS));
      return { value, display: value === undefined ? undefined : value ? '是' : '否' };
    }
    case 'uscc': {
      // A formula without result or an Excel error is refused here like in any other cell.
      const text = take(readText(raw));
      return text === undefined ? {} : readCreditCode(text, sheet, cell, notes);
    }
    default: {
      const value = take(readText(raw));
      if (value !== undefined && f.maxLength !== undefined) checkLength(f, f.maxLength, value, sheet, cell, notes);
      return { value, display: value };
    }
  }
}

/** The 统一社会信用代码: upper-cased, then checked (GB 32100); what the check finds is a warning. */
function readCreditCode(text: string, sheet: string, cell: string, notes: CellNoteCollector): { value: string; display: string } {
  let code = toHalfWidth(text).replace(/\s+/g, '');
  if (code !== code.toUpperCase()) {
    notes.warn(sheet, cell, { key: 'uscc.lowercase', zh: '统一社会信用代码中的小写字母已改为大写', en: 'lower-case letters of the code were capitalised' });
    code = code.toUpperCase();
  }
  const r = validateUscc(code);
  if (!r.ok) notes.warn(sheet, cell, { key: r.key, zh: r.zh, en: r.en });
  return { value: code, display: code };
}

function checkLength(f: FormFieldSpec, maxLength: number, text: string, sheet: string, cell: string, notes: CellNoteCollector): void {
  const n = charCount(text);
  if (n <= maxLength) return;
  const p: CellProblem = {
    key: 'form.tooLong',
    zh: `“${f.label}”不超过${maxLength}字，实为${n}字`,
    en: `"${f.labelEn}" is limited to ${maxLength} characters; it has ${n}`,
  };
  // A limit the submission schema enforces is an error; the others are the form's advice.
  if (f.target) notes.error(sheet, cell, p);
  else notes.warn(sheet, cell, p);
}
