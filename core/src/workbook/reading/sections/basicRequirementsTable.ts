/**
 * The 基本要求 table: whether each of the seven basic requirements of the professional indicators
 * (rubric note a) is met. A row is recognised by its requirement code, or by the requirement's
 * text when the code was deleted or retyped.
 */
import type { BasicRequirementKey, ReliabilitySubmissionInput } from '../../../submission/index.js';
import { reliability2024 } from '../../../rubrics/reliability2024.js';
import { normalizeToken } from '../../cellValue.js';
import type { CellNoteCollector } from '../../cellNotes.js';
import type { TableCursor } from '../tableCursor.js';
import type { GridRow } from '../workbookCells.js';

export type BasicRequirementsInput = NonNullable<ReliabilitySubmissionInput['basicRequirements']>;

export function readBasicRequirementsTable(cur: TableCursor, notes: CellNoteCollector): BasicRequirementsInput | undefined {
  const out: BasicRequirementsInput = {};
  const byText = new Map(reliability2024.basicRequirements.map((b) => [normalizeToken(b.text.zh), b.key]));
  for (const row of cur.rows) {
    const keyText = cur.text(row, 'key');
    const reqText = cur.text(row, 'requirement');
    const met = cur.bool(row, 'met');
    let key: BasicRequirementKey | undefined;
    if (keyText !== undefined) key = reliability2024.basicRequirements.find((b) => b.key === keyText)?.key;
    if (key === undefined && reqText !== undefined) key = byText.get(normalizeToken(reqText));
    if (!key) {
      const shown = shownRequirement(cur, row, keyText, reqText);
      notes.warn(cur.sheet, cur.at(row, 'key'), {
        key: 'basic.unknownRequirement',
        zh: shown === UNREADABLE ? '基本要求的代码或名称无法读取（单元格为错误值），已忽略' : `未知的基本要求“${shown}”，已忽略`,
        en:
          shown === UNREADABLE
            ? "the basic requirement's code or name cannot be read (an error value), ignored"
            : `unknown basic requirement "${shown}" ignored`,
      });
      continue;
    }
    if (met !== undefined) out[key] = met;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Marks a code or text cell that holds an Excel error value, so the warning says so instead of quoting it. */
const UNREADABLE: unique symbol = Symbol('unreadable');

/** The requirement as the warning quotes it: the code cell, else the text cell. */
function shownRequirement(cur: TableCursor, row: GridRow, keyText: string | undefined, reqText: string | undefined): string | typeof UNREADABLE {
  if (keyText !== undefined) return keyText;
  if (!cur.isBlank(row, 'key')) return UNREADABLE;
  if (reqText !== undefined) return reqText;
  if (!cur.isBlank(row, 'requirement')) return UNREADABLE;
  return '';
}
