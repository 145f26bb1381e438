import type ExcelJS from 'exceljs';
import type { ScoredEntry } from '../scoredEntry.js';
import { entryKind, subjectName, type EntryKind } from '../entryFacts.js';
import { enterpriseIdentity, flagCell } from './enterpriseIdentity.js';

/**
 * 全部评分: one row per entry with every indicator's suggested band, raw and weighted score, the
 * total and the state of the entry. Two header rows: indicator names (merged over their three
 * columns) above 建议分档 / 原始分 / 加权分.
 */
export const ALL_SCORES_SHEET = '全部评分';

/** Fixed columns before the indicator block, in order. */
export const LEADING_HEADERS = ['序号', '文件', '企业名称', '统一社会信用代码', '类别', '产品/案例名称'] as const;
/** Fixed columns after the indicator block, in order. */
export const TRAILING_HEADERS = ['总分', '满分', '评分完整', '缺少评分', '需核实数', '警告数', '读取提示数'] as const;
export const INDICATOR_SUBHEADERS = ['建议分档', '原始分', '加权分'] as const;
export const HEADER_ROWS = 2;

const KIND_LABEL: Record<EntryKind, string> = { 'best-practice': '最佳实践', fmea: 'FMEA案例', breakthrough: '质量攻关成果' };

export interface IndicatorColumn {
  /** rubric + code: FMEA item ids and reliability codes never share a column. */
  key: string;
  code: string;
  title: string;
}

/** The indicator columns of all entries, in the order they first appear. */
export function indicatorColumns(entries: readonly ScoredEntry[]): IndicatorColumn[] {
  const columns = new Map<string, IndicatorColumn>();
  for (const e of entries) {
    for (const ind of e.assessment.indicators) {
      const key = `${e.assessment.rubric}/${ind.code}`;
      if (!columns.has(key)) columns.set(key, { key, code: ind.code, title: `${ind.name.zh}（${ind.code}）` });
    }
  }
  return [...columns.values()];
}

/** Number of warnings of an entry: its own and its indicators'. */
export function warningCount(entry: ScoredEntry): number {
  return entry.assessment.warnings.length + entry.assessment.indicators.reduce((s, i) => s + i.warnings.length, 0);
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export function startAllScoresSheet(workbook: ExcelJS.Workbook, columns: readonly IndicatorColumn[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(ALL_SCORES_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `1:${HEADER_ROWS}` },
    views: [{ state: 'frozen', xSplit: 3, ySplit: HEADER_ROWS }],
  });
  const lead = LEADING_HEADERS.length;
  const indicatorStart = lead + 1;
  const trailStart = indicatorStart + columns.length * 3;
  const widths = [6, 24, 28, 21, 12, 26, ...columns.flatMap(() => [10, 8, 8]), 9, 7, 9, 16, 9, 8, 10];
  sheet.columns = widths.map((width) => ({ width }));

  const top = sheet.getRow(1);
  const sub = sheet.getRow(2);
  const fixed = (col: number, text: string) => {
    top.getCell(col).value = text;
    sheet.mergeCells(1, col, 2, col);
  };
  LEADING_HEADERS.forEach((h, i) => fixed(i + 1, h));
  columns.forEach((c, k) => {
    const col = indicatorStart + k * 3;
    top.getCell(col).value = c.title;
    sheet.mergeCells(1, col, 1, col + 2);
    INDICATOR_SUBHEADERS.forEach((h, j) => (sub.getCell(col + j).value = h));
  });
  TRAILING_HEADERS.forEach((h, i) => fixed(trailStart + i, h));
  for (const row of [top, sub]) {
    row.height = 30;
    for (let col = 1; col < trailStart + TRAILING_HEADERS.length; col++) {
      const c = row.getCell(col);
      c.font = { name: '黑体', size: 10 };
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F7' } };
      c.border = BORDER;
    }
  }
  return sheet;
}

/** Appends an entry as data row `serial` (1-based). */
export function addAllScoresRow(sheet: ExcelJS.Worksheet, columns: readonly IndicatorColumn[], entry: ScoredEntry, serial: number): void {
  const { submission, assessment } = entry;
  const enterprise = enterpriseIdentity(entry);
  const byKey = new Map(assessment.indicators.map((i) => [`${assessment.rubric}/${i.code}`, i]));
  const values: Array<string | number | null> = [
    serial,
    entry.file,
    enterprise.name,
    enterprise.uscc,
    KIND_LABEL[entryKind(submission)],
    subjectName(submission, assessment),
  ];
  for (const c of columns) {
    const ind = byKey.get(c.key);
    values.push(ind?.suggestedBand ? `${ind.suggestedBand.min}–${ind.suggestedBand.max}` : ind ? '—' : null, ind?.rawScore ?? null, ind?.weightedScore ?? null);
  }
  values.push(
    assessment.total,
    assessment.maxTotal,
    assessment.complete ? '是' : '否',
    assessment.missingScores.join('、') || null,
    assessment.flags.length,
    warningCount(entry),
    entry.readWarnings.length,
  );
  const row = sheet.getRow(HEADER_ROWS + serial);
  row.values = values.map((v) => (v === null ? undefined : v)) as ExcelJS.CellValue[];
  for (let col = 1; col <= values.length; col++) {
    const c = row.getCell(col);
    c.border = BORDER;
    c.font = { name: '宋体', size: 10 };
    c.alignment = { vertical: 'middle', wrapText: col <= LEADING_HEADERS.length, horizontal: typeof values[col - 1] === 'number' ? 'right' : 'left' };
    if (typeof values[col - 1] === 'number' && col > LEADING_HEADERS.length) c.numFmt = '0.##';
  }
  flagCell(row.getCell(3), enterprise.check);
}
