import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSummaryWorkbook } from '../src/summary/index.js';
import type { ScoredEntry } from '../src/scoredEntry.js';
import {
  allFixtureEntries,
  completeBestPracticeEntry,
  fmeaEntry,
  nullMetricsEntry,
  COMPLETE_CONTACT,
  COMPLETE_RAW_SCORES,
  FMEA_CONTACT,
  FMEA_POINTS,
  HOSTILE_NAME,
  HOSTILE_PRODUCT,
} from './fixtures/scoredEntries.js';

const ANNEX5_SHEET = '附件5 最佳实践推荐汇总表';
const ANNEX6_SHEET = '附件6 FMEA案例推荐汇总表';
const UNIT = { province: '上海市', city: '上海市', district: '浦东新区', contact: '张敏', phone: '021-50001234' };

/** Writes the workbook to a temporary file and reads it back with exceljs, as a user's Excel would open it. */
async function roundTrip(entries: ScoredEntry[], opts: Parameters<typeof writeSummaryWorkbook>[1] = {}): Promise<ExcelJS.Workbook> {
  const buffer = await writeSummaryWorkbook(entries, opts);
  const dir = mkdtempSync(join(tmpdir(), 'kekao-summary-'));
  try {
    const file = join(dir, 'summary.xlsx');
    writeFileSync(file, buffer);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    return workbook;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const text = (sheet: ExcelJS.Worksheet, address: string) => {
  const v = sheet.getCell(address).value;
  return v === null || v === undefined ? '' : String(v);
};
const rowValues = (sheet: ExcelJS.Worksheet, row: number, columns: number) =>
  Array.from({ length: columns }, (_, i) => sheet.getRow(row).getCell(i + 1).value ?? null);

describe('writeSummaryWorkbook: 附件5 / 附件6 推荐汇总表', () => {
  it('lays out 附件5 for best-practice entries: title, 推荐单位, headers, one row per entry, footer', async () => {
    const entries = allFixtureEntries();
    const workbook = await roundTrip(entries, { recommendingUnit: UNIT });
    expect(workbook.worksheets.map((w) => w.name)).toEqual([ANNEX5_SHEET, ANNEX6_SHEET, '全部评分']);
    const sheet = workbook.getWorksheet(ANNEX5_SHEET)!;

    expect(text(sheet, 'A1')).toBe('附件5');
    expect(text(sheet, 'A2')).toBe('产品质量可靠性创新“最佳实践”推荐汇总表');
    expect(sheet.getCell('F2').isMerged).toBe(true);
    expect(sheet.getCell('F2').master.address).toBe('A2');
    // The form's printed words stay; 上海市 / 浦东新区 fill the blanks without doubling 市 / 区.
    expect(text(sheet, 'A3')).toBe('推荐单位：上海省（市）上海市浦东新区（县）市场监管局');
    expect(rowValues(sheet, 4, 6)).toEqual(['序号', '企业名称', '企业地址', '产品名称', '联系人', '联系方式（手机与邮箱）']);

    // Best-practice entries in input order: complete (0), null-metrics (2), hostile (3).
    expect(rowValues(sheet, 5, 6)).toEqual([
      1,
      '上海申联电器股份有限公司',
      '上海市浦东新区张江路1288号',
      'KSL-63 智能型小型断路器',
      COMPLETE_CONTACT.name,
      `${COMPLETE_CONTACT.mobile}\n${COMPLETE_CONTACT.email}`,
    ]);
    expect(rowValues(sheet, 6, 6)).toEqual([2, '北京北方精机有限公司', '北京市昌平区回龙观东大街8号', 'BFJ-750W 伺服电机', '李娜', '010-82345678']);
    expect(rowValues(sheet, 7, 6)).toEqual([
      3,
      HOSTILE_NAME,
      '上海市浦东新区张江路1288号',
      HOSTILE_PRODUCT,
      COMPLETE_CONTACT.name,
      `${COMPLETE_CONTACT.mobile}\n${COMPLETE_CONTACT.email}`,
    ]);
    // The printed form has four rows: the fourth stays blank but bordered.
    expect(rowValues(sheet, 8, 6)).toEqual([null, null, null, null, null, null]);
    expect(sheet.getCell('C8').border?.bottom?.style).toBe('thin');
    expect(sheet.getCell('B5').border?.left?.style).toBe('thin');
    expect(text(sheet, 'A10')).toBe('推荐单位联系人：张敏\u3000\u3000联系电话：021-50001234');

    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.printTitlesRow).toBe('1:4');
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(20);
  });

  it('lays out 附件6 for FMEA entries with 案例名称', async () => {
    const workbook = await roundTrip(allFixtureEntries(), { recommendingUnit: UNIT });
    const sheet = workbook.getWorksheet(ANNEX6_SHEET)!;
    expect(text(sheet, 'A1')).toBe('附件6');
    expect(text(sheet, 'A2')).toBe('FMEA应用典型案例推荐汇总表');
    expect(rowValues(sheet, 4, 6)).toEqual(['序号', '企业名称', '企业地址', '案例名称', '联系人', '联系方式（手机与邮箱）']);
    expect(rowValues(sheet, 5, 6)).toEqual([
      1,
      '天津恒通汽车零部件有限公司',
      '天津市滨海新区黄海路276号',
      '新能源汽车电机控制器PFMEA应用案例',
      FMEA_CONTACT.name,
      `${FMEA_CONTACT.mobile}\n${FMEA_CONTACT.email}`,
    ]);
    expect(text(sheet, 'A10')).toBe('推荐单位联系人：张敏\u3000\u3000联系电话：021-50001234');
  });

  it('writes only the sheets of the kinds present and numbers 序号 1..n', async () => {
    const many = Array.from({ length: 7 }, (_, i) => fmeaEntry()).map((e, i) => ({ ...e, file: `case-${i + 1}.xlsx` }));
    const workbook = await roundTrip(many);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([ANNEX6_SHEET, '全部评分']);
    const sheet = workbook.getWorksheet(ANNEX6_SHEET)!;
    expect(Array.from({ length: 7 }, (_, i) => sheet.getCell(5 + i, 1).value)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Seven rows, one blank line, the footer.
    expect(text(sheet, 'A13')).toMatch(/^推荐单位联系人：/);
  });

  it('fills the 推荐单位 from the entries when they agree, and leaves the blanks otherwise', async () => {
    const agreeing = [completeBestPracticeEntry(), completeBestPracticeEntry({ seed: 3 })];
    const a = await roundTrip(agreeing);
    expect(text(a.getWorksheet(ANNEX5_SHEET)!, 'A3')).toBe('推荐单位：上海省（市）上海市浦东新区（县）市场监管局');
    const b = await roundTrip([completeBestPracticeEntry(), nullMetricsEntry()]);
    expect(text(b.getWorksheet(ANNEX5_SHEET)!, 'A3')).toBe('推荐单位：\u3000\u3000\u3000省（市）\u3000\u3000\u3000市\u3000\u3000\u3000区（县）市场监管局');
  });
});

describe('writeSummaryWorkbook: 全部评分', () => {
  it('has one row per entry with every indicator band, raw and weighted score, total and counts', async () => {
    const entries = allFixtureEntries();
    const workbook = await roundTrip(entries);
    const sheet = workbook.getWorksheet('全部评分')!;
    const header1 = rowValues(sheet, 1, sheet.columnCount).map((v) => (v === null ? '' : String(v)));
    const header2 = rowValues(sheet, 2, sheet.columnCount).map((v) => (v === null ? '' : String(v)));
    expect(header1.slice(0, 6)).toEqual(['序号', '文件', '企业名称', '统一社会信用代码', '类别', '产品/案例名称']);
    const col = (title: string) => header1.indexOf(title) + 1;
    const score = (row: number, indicatorTitle: string, offset: 0 | 1 | 2) => sheet.getRow(row).getCell(col(indicatorTitle) + offset).value;
    expect(header2.slice(col('关键性能一致性（Ic）') - 1, col('关键性能一致性（Ic）') + 2)).toEqual(['建议分档', '原始分', '加权分']);
    expect(header1.slice(-7)).toEqual(['总分', '满分', '评分完整', '缺少评分', '需核实数', '警告数', '读取提示数']);

    // Complete entry, row 3: the reviewer's raw scores and raw × weight (weights 20/25/25/15/5/10 %).
    const weights = { Ic: 0.2, Id: 0.25, Ir: 0.25, W: 0.15, C: 0.05, G: 0.1 };
    const titles = {
      Ic: '关键性能一致性（Ic）',
      Id: '关键性能退化量（Id）',
      Ir: '关键性能可靠域（Ir）',
      W: '售后责任故障数（率）（W）',
      C: '创新性（C）',
      G: '可推广性（G）',
    };
    expect(sheet.getCell(3, 1).value).toBe(1);
    expect(sheet.getCell(3, 2).value).toBe('申联电器-KSL63.xlsx');
    expect(sheet.getCell(3, 3).value).toBe('上海申联电器股份有限公司');
    expect(sheet.getCell(3, 4).value).toBe('91310115MA1K4LXC2T');
    expect(sheet.getCell(3, 5).value).toBe('最佳实践');
    for (const code of Object.keys(weights) as Array<keyof typeof weights>) {
      expect(score(3, titles[code], 1)).toBe(COMPLETE_RAW_SCORES[code]);
      expect(score(3, titles[code], 2)).toBeCloseTo(COMPLETE_RAW_SCORES[code] * weights[code], 10);
    }
    expect(score(3, titles.Ic, 0)).toBe('71–90');
    expect(score(3, titles.Ir, 0)).toBe('41–70');
    expect(score(3, titles.C, 0)).toBe('—');
    const tail = (row: number) => rowValues(sheet, row, sheet.columnCount).slice(-7);
    expect(tail(3)[0]).toBeCloseTo(77.45, 10);
    // 1 entry warning + 1 Id warning; 1 integrity flag; 2 cell notes from reading.
    expect(tail(3).slice(1)).toEqual([100, '是', null, 1, 2, 2]);

    // FMEA entry, row 4: points per item, total = Σ points = 81.5.
    expect(sheet.getCell(4, 5).value).toBe('FMEA案例');
    expect(score(4, '案例背景（background）', 1)).toBe(FMEA_POINTS.background);
    expect(score(4, '失效、风险分析（failureRisk）', 2)).toBe(FMEA_POINTS.failureRisk);
    expect(score(4, titles.Ic, 1)).toBeNull();
    expect(tail(4)[0]).toBeCloseTo(
      Object.values(FMEA_POINTS).reduce((s, p) => s + p, 0),
      10,
    );
    expect(tail(4)[0]).toBeCloseTo(81.5, 10);

    // Null-metrics entry, row 5: missing scores listed, total of the scored ones (45·0.2 + 50·0.15 + 60·0.05).
    expect(score(5, titles.Id, 1)).toBeNull();
    expect(score(5, titles.Id, 0)).toBe('—');
    expect(tail(5)[0]).toBeCloseTo(45 * 0.2 + 50 * 0.15 + 60 * 0.05, 10);
    expect(tail(5).slice(2)).toEqual(['否', 'Id、Ir、G', 0, 2, 0]);

    // Hostile entry, row 6: text kept as text.
    expect(sheet.getCell(6, 3).value).toBe(HOSTILE_NAME);
    expect(sheet.getCell(6, 6).value).toBe(HOSTILE_PRODUCT);
    expect(sheet.getCell(7, 1).value).toBeNull();
  });

  it('reports progress once per entry, ending at (n, n)', async () => {
    const entries = [...allFixtureEntries(), completeBestPracticeEntry({ seed: 5 })];
    const calls: Array<[number, number]> = [];
    await writeSummaryWorkbook(entries, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual(entries.map((_, i) => [i + 1, entries.length]));
  });

  it('handles many entries and none', async () => {
    const many = Array.from({ length: 120 }, (_, i) => completeBestPracticeEntry({ enterpriseName: `企业${i + 1}`, seed: i + 1 }));
    let last: [number, number] = [0, 0];
    const workbook = await roundTrip(many, { onProgress: (d, t) => (last = [d, t]) });
    expect(last).toEqual([120, 120]);
    const annex = workbook.getWorksheet(ANNEX5_SHEET)!;
    expect(annex.getCell(5 + 119, 1).value).toBe(120);
    expect(annex.getCell(5 + 119, 2).value).toBe('企业120');
    expect(workbook.getWorksheet('全部评分')!.getCell(2 + 120, 3).value).toBe('企业120');

    const calls: number[] = [];
    const empty = await roundTrip([], { onProgress: (d) => calls.push(d) });
    expect(empty.worksheets.map((w) => w.name)).toEqual(['全部评分']);
    expect(calls).toEqual([]);
  });
});
