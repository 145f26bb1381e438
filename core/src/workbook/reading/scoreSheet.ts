/**
 * The 评分表 (score sheet): the raw score a person gave each indicator or item, the reason, and
 * the 数据造假 (falsified data) marks — per indicator for reliability, one for the whole entry
 * for FMEA and DB31. Without the sheet the entry is still read; it only has no raw scores.
 */
import type { z } from 'zod/v4';
import type { rawScoreInPointsSchema } from '../../submission/index.js';
import { YES_NO_OPTIONS, type WorkbookContract } from '../contract.js';
import { flattenCellValue, isBlank, readBoolean, readNumber, readText } from '../cellValue.js';
import type { CellNoteCollector } from '../cellNotes.js';
import type { CellOrigins } from './cellOrigins.js';
import type { SheetCells } from './workbookCells.js';

/** A raw score as every rubric's schema takes it (reliability's further limits it to 0–100). */
type RawScoreInput = z.input<typeof rawScoreInPointsSchema>;

export interface ScoreSheetInput {
  scores?: Record<string, RawScoreInput>;
  /** One mark for the whole entry, or the indicators marked 是. */
  fraud?: boolean | Record<string, boolean>;
}

export function readScoreSheet(contract: WorkbookContract, cells: SheetCells | undefined, notes: CellNoteCollector, origins: CellOrigins): ScoreSheetInput {
  const spec = contract.score;
  const out: ScoreSheetInput = {};
  if (!cells) {
    notes.warn(spec.sheet, '', {
      key: 'sheet.missing',
      zh: `缺少工作表“${spec.sheet}”，没有读取原始得分`,
      en: `the sheet "${spec.sheet}" is missing; no raw scores read`,
    });
    return out;
  }
  const scores: Record<string, RawScoreInput> = {};
  const fraud: Record<string, boolean> = {};
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
    const entry: RawScoreInput = { raw: n.value };
    const reason = get(r.reasonCell);
    if (!isBlank(reason)) {
      const text = readText(reason);
      if (text.ok) entry.reason = text.value;
      else notes.error(spec.sheet, r.reasonCell, text.error);
    }
    scores[r.id] = entry;
  }
  if (Object.keys(scores).length) out.scores = scores;
  if (spec.fraudCell) {
    const fv = get(spec.fraudCell);
    if (!isBlank(fv)) {
      const b = readBoolean(fv, YES_NO_OPTIONS);
      if (!b.ok) notes.error(spec.sheet, spec.fraudCell, b.error);
      else out.fraud = b.value;
    }
  } else if (Object.keys(fraud).length) out.fraud = fraud;
  return out;
}
