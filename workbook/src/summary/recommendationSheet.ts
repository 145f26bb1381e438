import type ExcelJS from 'exceljs';
import type { ScoredEntry } from '../scoredEntry.js';
import { subjectName } from '../entryFacts.js';
import { contactMethods, submissionContact } from '../submissionContact.js';
import { enterpriseIdentity, flagCell } from './enterpriseIdentity.js';
import { recommendingContactLine, recommendingUnitLine, type RecommendingUnit } from './recommendingUnit.js';

/**
 * The 推荐汇总表 of the 2025年推荐通知: 附件5 (最佳实践, column 产品名称) and 附件6 (FMEA应用典型案例,
 * column 案例名称). Layout as printed: annex number, title, 推荐单位 line, a six-column bordered
 * table, and the footer with the recommending unit's contact.
 */
export interface AnnexLayout {
  annex: '附件5' | '附件6';
  sheetName: string;
  title: string;
  subjectHeader: '产品名称' | '案例名称';
}

export const ANNEX5: AnnexLayout = {
  annex: '附件5',
  sheetName: '附件5 最佳实践推荐汇总表',
  title: '产品质量可靠性创新“最佳实践”推荐汇总表',
  subjectHeader: '产品名称',
};

export const ANNEX6: AnnexLayout = {
  annex: '附件6',
  sheetName: '附件6 FMEA案例推荐汇总表',
  title: 'FMEA应用典型案例推荐汇总表',
  subjectHeader: '案例名称',
};

export const ANNEX_HEADERS = (layout: AnnexLayout): string[] => ['序号', '企业名称', '企业地址', layout.subjectHeader, '联系人', '联系方式（手机与邮箱）'];

/** Row numbers of the fixed part of the form. */
export const ANNEX_ROWS = { annex: 1, title: 2, unit: 3, header: 4, firstData: 5 } as const;

const COLUMN_WIDTHS = [7, 30, 36, 30, 12, 28];
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const BODY_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 11 };

/** Adds the sheet with its fixed rows; entries are appended with `addAnnexRow`, then `finishAnnexSheet`. */
export function startAnnexSheet(workbook: ExcelJS.Workbook, layout: AnnexLayout, unit: RecommendingUnit): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(layout.sheetName, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
      printTitlesRow: `${ANNEX_ROWS.annex}:${ANNEX_ROWS.header}`,
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: ANNEX_ROWS.header }],
  });
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));

  const annex = sheet.getCell(ANNEX_ROWS.annex, 1);
  annex.value = layout.annex;
  annex.font = { name: '黑体', size: 12 };

  sheet.mergeCells(ANNEX_ROWS.title, 1, ANNEX_ROWS.title, 6);
  const title = sheet.getCell(ANNEX_ROWS.title, 1);
  title.value = layout.title;
  title.font = { name: '宋体', size: 18, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(ANNEX_ROWS.title).height = 36;

  sheet.mergeCells(ANNEX_ROWS.unit, 1, ANNEX_ROWS.unit, 6);
  const unitCell = sheet.getCell(ANNEX_ROWS.unit, 1);
  unitCell.value = recommendingUnitLine(unit);
  unitCell.font = { name: '宋体', size: 12 };
  unitCell.alignment = { horizontal: 'left', vertical: 'middle' };
  sheet.getRow(ANNEX_ROWS.unit).height = 24;

  const header = sheet.getRow(ANNEX_ROWS.header);
  header.values = ANNEX_HEADERS(layout);
  header.height = 34;
  header.eachCell((c) => {
    c.font = { name: '黑体', size: 11 };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = BORDER;
  });
  return sheet;
}

/** Appends one entry; `serial` is its 序号 on this sheet (1, 2, …). */
export function addAnnexRow(sheet: ExcelJS.Worksheet, entry: ScoredEntry, serial: number): void {
  const contact = submissionContact(entry.submission);
  const enterprise = enterpriseIdentity(entry);
  const row = sheet.getRow(ANNEX_ROWS.firstData + serial - 1);
  const values = [serial, enterprise.name, contact.address, subjectName(entry.submission, entry.assessment), contact.name, contactMethods(contact)];
  // Unknown details stay empty cells (the officer fills them in), not empty strings.
  row.values = values.map((v) => (v === null || v === '' ? undefined : v)) as ExcelJS.CellValue[];
  row.eachCell({ includeEmpty: true }, (c, col) => {
    if (col > 6) return;
    c.font = BODY_FONT;
    c.alignment = { horizontal: col === 1 ? 'center' : 'left', vertical: 'middle', wrapText: true };
    c.border = BORDER;
  });
  flagCell(row.getCell(2), enterprise.check);
}

/**
 * Closes the form: the printed form has four rows, so fewer entries leave blank bordered rows up
 * to four, then the footer line under the table.
 */
export function finishAnnexSheet(sheet: ExcelJS.Worksheet, count: number, unit: RecommendingUnit): void {
  const rows = Math.max(count, 4);
  for (let r = count; r < rows; r++) {
    const row = sheet.getRow(ANNEX_ROWS.firstData + r);
    for (let col = 1; col <= 6; col++) row.getCell(col).border = BORDER;
    row.height = 24;
  }
  const footerRow = ANNEX_ROWS.firstData + rows + 1;
  sheet.mergeCells(footerRow, 1, footerRow, 6);
  const footer = sheet.getCell(footerRow, 1);
  footer.value = recommendingContactLine(unit);
  footer.font = { name: '宋体', size: 12 };
  footer.alignment = { horizontal: 'left', vertical: 'middle' };
  sheet.pageSetup.printArea = `A1:F${footerRow}`;
}
