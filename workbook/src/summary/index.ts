import ExcelJS from 'exceljs';
import type { ScoredEntry } from '../scoredEntry.js';
import { entryKind } from '../entryFacts.js';
import { ANNEX5, ANNEX6, addAnnexRow, finishAnnexSheet, startAnnexSheet } from './recommendationSheet.js';
import { addAllScoresRow, indicatorColumns, startAllScoresSheet } from './allScoresSheet.js';
import { resolveRecommendingUnit, type RecommendingUnit } from './recommendingUnit.js';

export interface SummaryOptions {
  /** Called once per entry written: (1, n), (2, n), …, (n, n). */
  onProgress?: (done: number, total: number) => void;
  recommendingUnit?: RecommendingUnit;
}

/**
 * The officers' summary of `kekao score --summary`: the 推荐汇总表 in the layout of 附件5
 * (best-practice entries) and 附件6 (FMEA entries) of the 2025年推荐通知 — one sheet per kind
 * present — and 全部评分 with every entry's scores. DB31/T 1368 entries have no annex form; they
 * appear in 全部评分 only. Returns the .xlsx file.
 */
export async function writeSummaryWorkbook(entries: ScoredEntry[], opts: SummaryOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'kekao';
  workbook.title = '推荐汇总表';
  const unit = resolveRecommendingUnit(entries, opts.recommendingUnit);
  const kinds = new Set(entries.map((e) => entryKind(e.submission)));
  const annex5 = kinds.has('best-practice') ? startAnnexSheet(workbook, ANNEX5, unit) : null;
  const annex6 = kinds.has('fmea') ? startAnnexSheet(workbook, ANNEX6, unit) : null;
  const columns = indicatorColumns(entries);
  const allScores = startAllScoresSheet(workbook, columns);

  let bestPractice = 0;
  let fmea = 0;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const kind = entryKind(entry.submission);
    if (kind === 'best-practice' && annex5) addAnnexRow(annex5, entry, ++bestPractice);
    if (kind === 'fmea' && annex6) addAnnexRow(annex6, entry, ++fmea);
    addAllScoresRow(allScores, columns, entry, i + 1);
    opts.onProgress?.(i + 1, entries.length);
    // Let a terminal progress bar repaint between batches.
    if ((i + 1) % 50 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (annex5) finishAnnexSheet(annex5, bestPractice, unit);
  if (annex6) finishAnnexSheet(annex6, fmea, unit);

  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

export type { RecommendingUnit };
