/** The 推荐表 sheet: one form field per row with its label, input cell, length counter or check, and hint. */
import type ExcelJS from 'exceljs';
import type { FormFieldSpec, WorkbookContract } from '@kekao/core/workbook';
import { usccExcelFormula } from '@kekao/core/workbook';
import type { ExampleContent } from '../exampleData.js';
import { displayOf, formula } from './cellValues.js';
import { listFormula, validations } from './dataValidation.js';
import { FONT, HEADER_FILL, INPUT_FILL, THIN, title } from './sheetStyle.js';

export function writeForm(wb: ExcelJS.Workbook, c: WorkbookContract, ex: ExampleContent | undefined): void {
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
  statement(
    '企业承诺申明',
    '本企业提交的所有材料，均真实、有效，如有违反，愿承担由此产生的相应责任。\n企业负责人（签字）：　　　　（企业公章）　　　　年　　月　　日',
  );
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
    validations(ws).add(f.cell, {
      type: 'list',
      allowBlank: true,
      formulae: [listFormula(f.enumValues)],
      showErrorMessage: true,
      errorStyle: 'warning',
      error: '请从下拉列表中选择',
    });
  }
  if (f.type === 'number') {
    validations(ws).add(f.cell, {
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      allowBlank: true,
      formulae: [0],
      showErrorMessage: true,
      error: '请输入不小于 0 的数值',
    });
  }
  if (f.type === 'date') {
    validations(ws).add(f.cell, {
      type: 'date',
      operator: 'greaterThan',
      allowBlank: true,
      formulae: [new Date(Date.UTC(1900, 0, 1))],
      showErrorMessage: true,
      error: '请输入日期，如 2012-05-18',
    });
  }
}
