/** The 评分表 of the points rubrics (FMEA 附件3, DB31/T 1368 表B.1): one row per item, points and total as Excel formulas. */
import type ExcelJS from 'exceljs';
import { db31_1368_2022 } from '@kekao/core/rubrics';
import { fmeaCase2025 } from '@kekao/core/rubrics';
import { columnLetter } from '@kekao/core/workbook';
import { type WorkbookContract, YES_NO_OPTIONS } from '@kekao/core/workbook';
import type { ExampleContent } from '../exampleData.js';
import { formula } from './cellValues.js';
import { listFormula, validations } from './dataValidation.js';
import { boxed, FONT, headerRow, title } from './sheetStyle.js';

export function writePointScores(wb: ExcelJS.Workbook, c: WorkbookContract, ex: ExampleContent | undefined): void {
  const s = c.score;
  const ws = wb.addWorksheet(s.sheet, { properties: { tabColor: { argb: 'FF70AD47' } } });
  const isFmea = c.kind === 'fmea';
  title(
    ws,
    isFmea ? 'FMEA应用典型案例评价要求' : '重点产品质量攻关成果评分表',
    isFmea
      ? '依据 2025年推荐通知 附件3。实际分填在 E 列（不超过标准分），总分为各项实际分之和。黄色单元格由评分人填写。'
      : '依据 DB31/T 1368—2022 表B.1。得分填在 F 列（不超过分值）；注：质量攻关成效中的指标是指开展质量攻关后的 12 个月产生的效益。',
    'G',
  );
  headerRow(ws, s.headerRow, s.headers);
  const groups = isFmea
    ? fmeaCase2025.groups.map((g) => ({ name: `${g.name.zh}（${g.total}分）`, seq: 0, items: g.items.map((it) => ({ id: it.id, text: it.criterion.zh })) }))
    : db31_1368_2022.groups.map((g) => ({
        name: `${g.name.zh}（${g.points}分）`,
        seq: g.seq,
        items: g.items.map((it) => ({
          id: it.id,
          text: it.bands.map((b) => `${b.criterion.zh}：${b.min === b.max ? b.min : `${b.min}-${b.max}`}分`).join('\n'),
        })),
      }));
  ws.columns = isFmea
    ? [{ width: 14 }, { width: 16 }, { width: 8 }, { width: 64 }, { width: 9 }, { width: 9 }, { width: 28 }]
    : [{ width: 6 }, { width: 16 }, { width: 30 }, { width: 7 }, { width: 60 }, { width: 9 }, { width: 28 }];
  const rowOf = new Map(s.rows.map((r) => [r.id, r]));
  const raw = s.columns.raw;
  for (const g of groups) {
    const rows = g.items.map((it) => rowOf.get(it.id)!);
    const top = rows[0]!.firstRow;
    const bottom = rows[rows.length - 1]!.lastRow;
    if (isFmea) {
      if (bottom > top) ws.mergeCells(`A${top}:A${bottom}`);
      boxed(ws.getCell(`A${top}`), g.name, { center: true });
    } else {
      if (bottom > top) {
        ws.mergeCells(`A${top}:A${bottom}`);
        ws.mergeCells(`B${top}:B${bottom}`);
      }
      boxed(ws.getCell(`A${top}`), g.seq, { center: true });
      boxed(ws.getCell(`B${top}`), g.name, { center: true });
    }
    g.items.forEach((it, k) => {
      const r = rows[k]!;
      const n = r.firstRow;
      const score = ex?.scores[r.id];
      if (isFmea) {
        boxed(ws.getCell(`B${n}`), r.label);
        boxed(ws.getCell(`C${n}`), r.weight, { center: true });
        boxed(ws.getCell(`D${n}`), it.text);
        boxed(ws.getCell(`F${n}`), formula(`IF(E${n}="","",E${n}/C${n})`, score === undefined ? undefined : score / r.weight), { center: true });
        ws.getCell(`F${n}`).numFmt = '0%';
      } else {
        boxed(ws.getCell(`C${n}`), `${r.label}（${r.weight}分）`);
        boxed(ws.getCell(`D${n}`), r.weight, { center: true });
        boxed(ws.getCell(`E${n}`), it.text);
      }
      boxed(ws.getCell(r.rawCell), score ?? null, { input: true, center: true });
      boxed(ws.getCell(r.reasonCell), null, { input: true });
      ws.getRow(n).height = Math.max(30, 15 * (it.text.split('\n').length + 1));
      validations(ws).add(r.rawCell, {
        type: 'decimal',
        operator: 'between',
        allowBlank: true,
        formulae: [0, r.weight],
        showErrorMessage: true,
        error: `得分须在 0～${r.weight} 之间`,
      });
    });
  }
  const totalRow = Number(s.totalCell.slice(1));
  const first = s.rows[0]!.firstRow;
  const last = s.rows[s.rows.length - 1]!.lastRow;
  const totalLabelEnd = columnLetter(s.headers.indexOf(isFmea ? '实际分' : '得分'));
  ws.mergeCells(`A${totalRow}:${totalLabelEnd}${totalRow}`);
  boxed(ws.getCell(`A${totalRow}`), '总分', { center: true });
  const total = ex ? s.rows.reduce((a, r) => a + (ex.scores[r.id] ?? 0), 0) : 0;
  boxed(ws.getCell(s.totalCell), formula(`IF(${s.fraudCell}="是",0,SUM(${raw}${first}:${raw}${last}))`, Number(total.toFixed(10))), { center: true });
  ws.getCell(s.totalCell).font = { name: FONT, bold: true };
  const fraudRow = Number(s.fraudCell!.slice(1));
  ws.mergeCells(`A${fraudRow}:${totalLabelEnd}${fraudRow}`);
  boxed(ws.getCell(`A${fraudRow}`), '数据或信息造假（是/否）', { center: true });
  boxed(ws.getCell(s.fraudCell!), ex ? '否' : null, { input: true, center: true });
  validations(ws).add(s.fraudCell!, { type: 'list', allowBlank: true, formulae: [listFormula(YES_NO_OPTIONS)] });
  let r = fraudRow + 2;
  const notes = isFmea ? fmeaCase2025.bands.map((b, i) => `${i + 1}．${b.criterion.zh}`) : db31_1368_2022.notes.map((n) => n.text.zh);
  ws.getCell(`A${r++}`).value = isFmea ? '评分说明：' : '注：';
  for (const t of notes) {
    ws.mergeCells(`A${r}:G${r}`);
    ws.getCell(`A${r}`).value = t;
    ws.getCell(`A${r}`).alignment = { wrapText: true };
    r++;
  }
}
