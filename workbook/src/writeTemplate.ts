/**
 * `kekao template`: writes the 推荐表 workbook of a kind (docs/architecture.md §4) — the form
 * with length limits, counters, drop-downs and the GB 32100 check of the 统一社会信用代码; one Excel
 * table per data sheet; the 评分表 whose weighted scores and total are plain Excel formulas; a 说明
 * sheet. With `example`, a worked example fills every sheet.
 */
import ExcelJS from 'exceljs';
import {
  CONTRACTS,
  KIND_MARKER_PREFIX,
  YES_NO_OPTIONS,
  type ColumnSpec,
  type EnumOption,
  type FormFieldSpec,
  type TableSpec,
  type WorkbookContract,
  type WorkbookKind,
} from '../../core/src/workbook/contract.js';
import { usccExcelFormula } from '../../core/src/workbook/uscc.js';
import { columnLetter } from '../../core/src/workbook/cellValue.js';
import { reliability2024 } from '../../core/src/rubrics/reliability2024.js';
import { fmeaCase2025 } from '../../core/src/rubrics/fmeaCase2025.js';
import { db31_1368_2022 } from '../../core/src/rubrics/db31_1368_2022.js';
import { exampleContent, type ExampleContent } from './exampleData.js';

export interface TemplateOptions {
  example?: boolean;
}

/** Rows under each table that carry drop-downs (tables grow when pasted into; validations do not). */
const VALIDATED_ROWS = 1000;
const FONT = '等线';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF9E5' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** exceljs implements range validations (`A4:A1000`) on `worksheet.dataValidations` but does not type it. */
interface RangeValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
  find(address: string): ExcelJS.DataValidation | undefined;
}
export function validations(ws: ExcelJS.Worksheet): RangeValidations {
  return (ws as unknown as { dataValidations: RangeValidations }).dataValidations;
}

/** A formula cell with its cached result; an empty result is left out (Excel recalculates on load). */
function formula(text: string, result: string | number | undefined): ExcelJS.CellFormulaValue {
  return (result === undefined || result === '' ? { formula: text } : { formula: text, result }) as ExcelJS.CellFormulaValue;
}

function listFormula(options: readonly EnumOption[]): string {
  return `"${options.map((o) => o.label).join(',')}"`;
}

function title(ws: ExcelJS.Worksheet, text: string, note: string, lastCol: string): void {
  ws.mergeCells(`A1:${lastCol}1`);
  const t = ws.getCell('A1');
  t.value = text;
  t.font = { name: FONT, size: 16, bold: true };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.mergeCells(`A2:${lastCol}2`);
  const n = ws.getCell('A2');
  n.value = note;
  n.font = { name: FONT, size: 10, color: { argb: 'FF595959' } };
  n.alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(2).height = 42;
}

function displayOf(field: { enumValues?: readonly EnumOption[] }, v: unknown): unknown {
  if (typeof v !== 'string' || !field.enumValues) return v;
  return field.enumValues.find((o) => o.value === v || o.label === v)?.label ?? v;
}

// ───────────────────────────────────────────── 推荐表

function writeForm(wb: ExcelJS.Workbook, c: WorkbookContract, ex: ExampleContent | undefined): void {
  const ws = wb.addWorksheet(c.formSheet, { properties: { tabColor: { argb: 'FF2F75B5' } }, views: [{ state: 'frozen', ySplit: 3 }] });
  ws.columns = [{ width: 24 }, { width: 72 }, { width: 16 }, { width: 46 }];
  title(
    ws,
    c.title.zh,
    '填报说明：推荐企业应如实填写相应内容，并提供相关说明材料，作为附件一同提交。如没有相关信息，填写无。黄色单元格为填写区；C 列显示字数或校验结果。',
    'D',
  );
  const head = ws.getRow(3);
  ['项目', '填写内容', '字数 / 校验', '填写提示'].forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = h;
    cell.font = { name: FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
  });
  for (const f of c.form) writeField(ws, f, ex?.form[f.key]);
  let r = c.formFirstRow + c.form.length + 1;
  const statement = (label: string, text: string) => {
    ws.getCell(`A${r}`).value = label;
    ws.getCell(`A${r}`).font = { name: FONT, bold: true };
    ws.mergeCells(`B${r}:D${r}`);
    ws.getCell(`B${r}`).value = text;
    ws.getCell(`B${r}`).alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(r).height = 60;
    r++;
  };
  statement('企业承诺申明', '本企业提交的所有材料，均真实、有效，如有违反，愿承担由此产生的相应责任。\n企业负责人（签字）：　　　　（企业公章）　　　　年　　月　　日');
  statement('推荐单位意见', '（推荐单位公章）\n年　　月　　日');
}

function writeField(ws: ExcelJS.Worksheet, f: FormFieldSpec, example: unknown): void {
  const row = Number(f.cell.slice(1));
  const label = ws.getCell(f.labelCell);
  label.value = f.label;
  label.font = { name: FONT, bold: true, color: f.required ? { argb: 'FFC00000' } : undefined };
  label.alignment = { vertical: 'top', wrapText: true };
  label.border = THIN;
  const cell = ws.getCell(f.cell);
  cell.fill = INPUT_FILL;
  cell.border = THIN;
  cell.alignment = { wrapText: true, vertical: 'top' };
  if (example !== undefined) cell.value = displayOf(f, example) as ExcelJS.CellValue;
  if (f.type === 'date') cell.numFmt = 'yyyy-mm-dd';
  if (f.type === 'uscc') cell.numFmt = '@';
  const hint = ws.getCell(`D${row}`);
  hint.value = [f.required ? '必填' : '', f.hint].filter(Boolean).join('；') || null;
  hint.font = { name: FONT, size: 9, italic: true, color: { argb: 'FF7F7F7F' } };
  hint.alignment = { wrapText: true, vertical: 'top' };
  if (f.type === 'multiline') ws.getRow(row).height = f.maxLength && f.maxLength >= 1000 ? 120 : 80;

  if (f.maxLength !== undefined && f.counterCell) {
    const len = typeof example === 'string' ? example.length : 0;
    ws.getCell(f.counterCell).value = formula(`LEN(${f.cell})&"/${f.maxLength}"`, `${len}/${f.maxLength}`);
    validations(ws).add(f.cell, {
      type: 'textLength',
      operator: 'lessThanOrEqual',
      allowBlank: true,
      formulae: [f.maxLength],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '字数超限',
      error: `“${f.label}”不超过${f.maxLength}字`,
      showInputMessage: true,
      promptTitle: f.label,
      prompt: `不超过${f.maxLength}字`,
    });
  }
  if (f.type === 'uscc' && f.counterCell) {
    const check = usccExcelFormula(f.cell);
    const valid = typeof example === 'string';
    ws.getCell(f.counterCell).value = formula(`IF(${f.cell}="","",IF(IFERROR(${check},FALSE),"✓ 校验通过","✗ 校验码错误"))`, valid ? '✓ 校验通过' : undefined);
    validations(ws).add(f.cell, {
      type: 'custom',
      allowBlank: true,
      formulae: [check],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '统一社会信用代码有误',
      error: '应为18位（0-9 及除 I、O、Z、S、V 外的大写字母），第18位为 GB 32100—2015 校验码',
      showInputMessage: true,
      promptTitle: '统一社会信用代码',
      prompt: '18位，GB 32100—2015',
    });
  }
  if ((f.type === 'enum' || f.type === 'boolean') && f.enumValues) {
    validations(ws).add(f.cell, { type: 'list', allowBlank: true, formulae: [listFormula(f.enumValues)], showErrorMessage: true, errorStyle: 'warning', error: '请从下拉列表中选择' });
  }
  if (f.type === 'number') {
    validations(ws).add(f.cell, { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, error: '请输入不小于 0 的数值' });
  }
  if (f.type === 'date') {
    validations(ws).add(f.cell, { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(1900, 0, 1))], showErrorMessage: true, error: '请输入日期，如 2012-05-18' });
  }
}

// ───────────────────────────────────────────── data sheets

function tableRows(spec: TableSpec, ex: ExampleContent | undefined): unknown[][] {
  const rows = ex?.tables[spec.name];
  if (spec.name === 'KekaoBasic') {
    const byKey = new Map((rows ?? []).map((r) => [r.key, r]));
    return reliability2024.basicRequirements.map((b) => {
      const r = byKey.get(b.key);
      return [b.key, b.text.zh, r?.met ?? null, r?.evidence ?? null];
    });
  }
  if (rows && rows.length) return rows.map((r) => spec.columns.map((c) => displayOf(c, r[c.key] ?? null)));
  return Array.from({ length: Math.max(1, spec.blankRows) }, () => spec.columns.map(() => null));
}

function writeDataSheet(wb: ExcelJS.Workbook, spec: TableSpec, ex: ExampleContent | undefined): void {
  const lastCol = columnLetter(spec.columns.length);
  const ws = wb.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: spec.headerRow }] });
  ws.columns = spec.columns.map((c) => ({ width: Math.max(c.width, c.header.length * 2 + 4) }));
  title(ws, spec.sheet, spec.description.zh, lastCol);
  const rows = tableRows(spec, ex);
  ws.addTable({
    name: spec.name,
    ref: `A${spec.headerRow}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: spec.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows: rows as ExcelJS.CellValue[][],
  });
  const first = spec.headerRow + 1;
  const last = spec.headerRow + Math.max(VALIDATED_ROWS, rows.length);
  spec.columns.forEach((c: ColumnSpec, i) => {
    const L = columnLetter(i + 1);
    // No cell notes on the header: exceljs writes <legacyDrawing> after <tableParts>, out of the
    // schema's element order, which Excel "repairs". The hints are on the 说明 sheet instead.
    if (c.type === 'enum' || c.type === 'boolean') {
      validations(ws).add(`${L}${first}:${L}${last}`, {
        type: 'list',
        allowBlank: true,
        formulae: [listFormula(c.enumValues ?? YES_NO_OPTIONS)],
        showErrorMessage: true,
        errorStyle: 'warning',
        error: `请从下拉列表中选择：${(c.enumValues ?? YES_NO_OPTIONS).map((o) => o.label).join('、')}`,
      });
    }
    if (c.type === 'date') for (let r = first; r < first + rows.length; r++) ws.getCell(`${L}${r}`).numFmt = 'yyyy-mm-dd';
  });
}

// ───────────────────────────────────────────── 评分表

function headerRow(ws: ExcelJS.Worksheet, row: number, headers: readonly string[]): void {
  headers.forEach((h, i) => {
    const cell = ws.getCell(row, i + 1);
    cell.value = h;
    cell.font = { name: FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  ws.getRow(row).height = 32;
}

function boxed(cell: ExcelJS.Cell, value: ExcelJS.CellValue, opts: { input?: boolean; center?: boolean } = {}): void {
  cell.value = value;
  cell.border = THIN;
  cell.alignment = { wrapText: true, vertical: 'middle', horizontal: opts.center ? 'center' : undefined };
  if (opts.input) cell.fill = INPUT_FILL;
}

function writeReliabilityScores(wb: ExcelJS.Workbook, c: WorkbookContract, ex: ExampleContent | undefined): void {
  const s = c.score;
  const ws = wb.addWorksheet(s.sheet, { properties: { tabColor: { argb: 'FF70AD47' } } });
  ws.columns = [{ width: 8 }, { width: 14 }, { width: 7 }, { width: 64 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 28 }];
  title(ws, '产品质量可靠性评分表', '依据 2025年推荐通知 附件1（沪市监产质〔2024〕124号 附表）。单项加权得分 = 单项原始得分 × 权重；总分为所有“单项加权得分”之和（评分说明 c）。黄色单元格由评分人填写。', 'I');
  headerRow(ws, s.headerRow, s.headers);
  const groupRows = new Map<string, number[]>();
  reliability2024.indicators.forEach((ind, k) => {
    const r = s.rows[k]!;
    const g = groupRows.get(ind.group) ?? [];
    g.push(r.firstRow, r.lastRow);
    groupRows.set(ind.group, g);
    const bands = [...ind.bands].sort((a, b) => b.min - a.min);
    bands.forEach((b, j) => {
      boxed(ws.getCell(`D${r.firstRow + j}`), b.criterion.zh);
      boxed(ws.getCell(`E${r.firstRow + j}`), `${b.min}～${b.max}`, { center: true });
      ws.getRow(r.firstRow + j).height = 44;
    });
    for (const col of ['B', 'C', 'F', 'G', 'H', 'I']) ws.mergeCells(`${col}${r.firstRow}:${col}${r.lastRow}`);
    boxed(ws.getCell(`B${r.firstRow}`), r.label, { center: true });
    boxed(ws.getCell(`C${r.firstRow}`), r.weight, { center: true });
    ws.getCell(`C${r.firstRow}`).numFmt = '0%';
    const raw = ex?.scores[r.id];
    boxed(ws.getCell(r.rawCell), raw ?? null, { input: true, center: true });
    boxed(ws.getCell(r.fraudCell!), raw === undefined ? null : '否', { input: true, center: true });
    boxed(ws.getCell(r.reasonCell), null, { input: true });
    const weighted = raw === undefined ? '' : Number((raw * r.weight).toFixed(10));
    boxed(ws.getCell(r.weightedCell), formula(`IF(${r.rawCell}="","",IF(${r.fraudCell}="是",0,${r.rawCell}*${s.columns.weight}${r.firstRow}))`, weighted), { center: true });
    ws.getCell(r.weightedCell).numFmt = '0.00';
    validations(ws).add(r.rawCell, { type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, 100], showErrorMessage: true, error: '单项原始得分满分为100分（评分说明 b）' });
    validations(ws).add(r.fraudCell!, { type: 'list', allowBlank: true, formulae: [listFormula(YES_NO_OPTIONS)] });
  });
  for (const [group, rows] of groupRows) {
    const top = Math.min(...rows);
    const bottom = Math.max(...rows);
    ws.mergeCells(`A${top}:A${bottom}`);
    boxed(ws.getCell(`A${top}`), reliability2024.groups.find((g) => g.id === group)!.name.zh, { center: true });
  }
  const totalRow = Number(s.totalCell.slice(1));
  const firstRow = s.rows[0]!.firstRow;
  const lastRow = s.rows[s.rows.length - 1]!.lastRow;
  ws.mergeCells(`A${totalRow}:F${totalRow}`);
  boxed(ws.getCell(`A${totalRow}`), '总分', { center: true });
  ws.getCell(`A${totalRow}`).font = { name: FONT, bold: true };
  const total = ex ? s.rows.reduce((a, r) => a + (ex.scores[r.id] ?? 0) * r.weight, 0) : 0;
  boxed(ws.getCell(s.totalCell), formula(`SUM(G${firstRow}:G${lastRow})`, Number(total.toFixed(10))), { center: true });
  ws.getCell(s.totalCell).numFmt = '0.00';
  ws.getCell(s.totalCell).font = { name: FONT, bold: true };
  const checkRow = totalRow + 1;
  ws.mergeCells(`A${checkRow}:I${checkRow}`);
  ws.getCell(`A${checkRow}`).value = {
    formula: `IF(COUNTIF('基本要求'!C4:C10,"否")>0,"注意：基本要求（a）有未满足项，Ic、Id、Ir 只能评 0～40 分","基本要求（a）：未发现“否”")`,
    result: '基本要求（a）：未发现“否”',
  };
  ws.getCell(`A${checkRow}`).font = { name: FONT, color: { argb: 'FFC00000' } };
  let r = checkRow + 2;
  ws.getCell(`A${r++}`).value = '评分说明：';
  for (const n of reliability2024.notes) {
    ws.mergeCells(`A${r}:I${r}`);
    ws.getCell(`A${r}`).value = n.text.zh;
    ws.getCell(`A${r}`).alignment = { wrapText: true };
    ws.getRow(r).height = 30;
    r++;
  }
  r++;
  ws.getCell(`A${r}`).value = '专家签字：';
  ws.getCell(`F${r}`).value = '日期：';
}

function writePointScores(wb: ExcelJS.Workbook, c: WorkbookContract, ex: ExampleContent | undefined): void {
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
        items: g.items.map((it) => ({ id: it.id, text: it.bands.map((b) => `${b.criterion.zh}：${b.min === b.max ? b.min : `${b.min}-${b.max}`}分`).join('\n') })),
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

// ───────────────────────────────────────────── 说明

function writeInstructions(wb: ExcelJS.Workbook, c: WorkbookContract): void {
  const ws = wb.addWorksheet(c.instructionsSheet);
  ws.columns = [{ width: 110 }];
  const lines: string[] = [
    `${c.title.zh} — 填写说明（kekao 可靠）`,
    '',
    `1. 本工作簿可直接用 Excel 或 WPS 填写；“${c.formSheet}”为推荐表，黄色单元格为填写区，C 列显示字数和校验结果。`,
  ];
  if (c.kind === 'best-practice') {
    lines.push(
      '2. “基本要求”对应评分说明（a）：七项均满足才能对 Ic、Id、Ir 评 41 分以上。',
      '3. “Ic数据”：每行一个测量值。阶段 t0 = 出厂时（t＝0，必须提供）；t1、t2… = 使用一段时间后（t﹥0），同时填写使用时间。kekao 按参数和阶段计算均值、标准差和变异系数（CV）及其置信区间。',
      '4. “Id数据”：每行一个样品在一个时间点的测量值；同一参数各行的限值、方向（上限/下限）、额定寿命一致。kekao 拟合退化路径，外推到额定寿命并计算伪失效时间。',
      '5. “Ir数据”：每行一个极限应用场景下一个样品的测量值，并给出判据限值和方向；极限应用场景不少于 3 种，每种至少 1 个样品。一个场景有多种应力时，每种应力各占一行。',
      '6. “W数据”：改进前、改进后各一行：售后责任故障数与暴露量（销量“台”或累计运行“台·小时”）。',
      '7. “评分表”：评分人在“单项原始得分”填写 0～100 分，单项加权得分与总分由公式自动计算；发现数据造假时在“数据造假”填“是”，该指标得 0 分（评分说明 d）。',
    );
  } else if (c.kind === 'fmea') {
    lines.push('2. 案例简介不超过 500 字，案例内容不超过 3000 字（附件4）。', '3. “评分表”：评分人按附件3 在“实际分”填写每项得分（不超过标准分），总分由公式自动计算。');
  } else {
    lines.push(
      '2. “经济效益”：攻关前 12 个月与攻关后 12 个月的销售额、利润、节能降耗、创汇节汇（折合人民币）、其他，单位万元（表A.1 填表说明 3、4）。',
      '3. “生态效益”：与攻关成果相关的资源利用、污染物排放或碳排放指标的攻关前后数值（同一单位）。',
      '4. “攻关人员”：按贡献大小次序填写，最多不超过 8 名。',
      '5. “评分表”：评分人按表B.1 在“得分”填写每项得分，总分由公式自动计算。',
    );
  }
  for (const t of c.tables) {
    lines.push('', `【${t.sheet}】表格 ${t.name}：${t.description.zh}`);
    for (const col of t.columns) lines.push(`　${col.header}${col.required ? '（必填）' : ''}：${col.hint.zh}`);
  }
  lines.push(
    '',
    '读入规则：全角数字、千位分隔符、数值后带单位（如 “12.3 V”）、以文本保存的数字、日期序列号、空行、合并单元格、多余或调换顺序的列都能读入，并给出指明单元格的提示；无法读入的内容会报错并指明“工作表!单元格”。',
    '评分：在命令行运行  npx kekao score 本文件.xlsx  查看各指标的计算结果、建议分档（建议值（非官方））和加权总分；kekao 只给出建议，分数由评分人决定。',
    '请勿修改表格名称（Kekao 开头）和列标题；可以增加行。',
  );
  lines.forEach((t, i) => {
    const cell = ws.getCell(`A${i + 1}`);
    cell.value = t;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { name: FONT, bold: true, size: 14 };
  });
}

/** Writes the template (or, with `example`, the worked example) of a workbook kind as .xlsx bytes. */
export async function writeTemplate(kind: WorkbookKind, opts: TemplateOptions = {}): Promise<Buffer> {
  const c = CONTRACTS[kind];
  const ex = opts.example ? exampleContent(kind) : undefined;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kekao';
  wb.title = c.title.zh;
  wb.subject = `${KIND_MARKER_PREFIX}${kind}`;
  wb.created = new Date(Date.UTC(2025, 5, 9));
  wb.modified = wb.created;
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of c.sheets) {
    if (sheet === c.formSheet) writeForm(wb, c, ex);
    else if (sheet === c.score.sheet) {
      if (kind === 'best-practice') writeReliabilityScores(wb, c, ex);
      else writePointScores(wb, c, ex);
    } else if (sheet === c.instructionsSheet) writeInstructions(wb, c);
    else {
      const spec = c.tables.find((t) => t.sheet === sheet);
      if (spec) writeDataSheet(wb, spec, ex);
    }
  }
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
